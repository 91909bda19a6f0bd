/* csn-positions-list.h: the member states' positions on one item, with their comments, editable in place. */
#pragma once

#include <gtk/gtk.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_POSITIONS_LIST (csn_positions_list_get_type ())

G_DECLARE_FINAL_TYPE (CsnPositionsList, csn_positions_list, CSN, POSITIONS_LIST, GtkWidget)

void        csn_positions_list_bind         (CsnPositionsList *self,
                                             CsnDraft         *draft,
                                             CsnItem          *item);
CsnDraft   *csn_positions_list_get_draft    (CsnPositionsList *self);
CsnItem    *csn_positions_list_get_item     (CsnPositionsList *self);
GListModel *csn_positions_list_get_model    (CsnPositionsList *self);
CsnItem    *csn_positions_list_get_selected (CsnPositionsList *self);
void        csn_positions_list_reveal       (CsnPositionsList *self,
                                             CsnItem          *position,
                                             const char       *property);

G_END_DECLS
