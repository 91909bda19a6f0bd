/* csn-label-cell.h: a read-only cell: a field's text, the size of a list field, or a reference's title. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

typedef enum {
  CSN_LABEL_CELL_TEXT,   /* the string as it is */
  CSN_LABEL_CELL_COUNT,  /* how many keys a list field holds */
  CSN_LABEL_CELL_REF,    /* the title of the item a reference points to */
  CSN_LABEL_CELL_TITLE,  /* the title of the item itself */
} CsnLabelCellMode;

#define CSN_TYPE_LABEL_CELL (csn_label_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnLabelCell, csn_label_cell, CSN, LABEL_CELL, CsnCell)

GtkWidget  *csn_label_cell_new      (const char       *property,
                                     CsnLabelCellMode  mode,
                                     CsnCollection     target);
const char *csn_label_cell_get_text (CsnLabelCell     *self);

G_END_DECLS
