/* csn-ref-cell.h: a cell showing the item of another list a field refers to, chosen from that list. */
#pragma once

#include "csn-choice-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_REF_CELL (csn_ref_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnRefCell, csn_ref_cell, CSN, REF_CELL, CsnChoiceCell)

GtkWidget   *csn_ref_cell_new           (const char    *property,
                                         CsnCollection  target,
                                         gboolean       allow_none);
gboolean     csn_ref_cell_select_key    (CsnRefCell    *self,
                                         const char    *key);

char        *csn_ref_cell_dup_object_title (GObject    *object);

G_END_DECLS
