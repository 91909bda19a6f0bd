/* csn-stance-editor.h: the popover in which the co-chairs set one member state's stance and comment on one item. */
#pragma once

#include <gtk/gtk.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_STANCE_EDITOR (csn_stance_editor_get_type ())

G_DECLARE_FINAL_TYPE (CsnStanceEditor, csn_stance_editor, CSN, STANCE_EDITOR, GtkPopover)

CsnStanceEditor *csn_stance_editor_new         (void);
CsnStanceEditor *csn_stance_editor_get_shared  (GtkWidget          *widget);
void             csn_stance_editor_edit        (CsnStanceEditor    *self,
                                                GtkWidget          *anchor,
                                                const GdkRectangle *area,
                                                CsnDraft           *draft,
                                                CsnItem            *item,
                                                const char         *country);
CsnItem         *csn_stance_editor_get_item    (CsnStanceEditor    *self);
const char      *csn_stance_editor_get_country (CsnStanceEditor    *self);
int              csn_stance_editor_get_stance  (CsnStanceEditor    *self);
void             csn_stance_editor_set_stance  (CsnStanceEditor    *self,
                                                int                 stance);
void             csn_stance_editor_set_comment (CsnStanceEditor    *self,
                                                const char         *comment);

G_END_DECLS
