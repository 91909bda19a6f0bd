/* csn-choice-cell.h: the base of the cells that show one value chosen from a list: a button with
 * the value, and the list's shared popover to choose another. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_CHOICE_CELL (csn_choice_cell_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsnChoiceCell, csn_choice_cell, CSN, CHOICE_CELL, CsnCell)

struct _CsnChoiceCellClass
{
  CsnCellClass parent_class;

  /* What the list offers when it opens, and which of it is the current value (or NULL). */
  GListModel * (*dup_choices)      (CsnChoiceCell  *self,
                                    GObject       **current);
  /* The label of one choice. */
  char *       (*dup_choice_title) (GObject        *choice);
  /* The user took @choice: an edit of the draft. */
  void         (*choose)           (CsnChoiceCell  *self,
                                    GObject        *choice);
};

void        csn_choice_cell_class_set_template (GtkWidgetClass *widget_class);
void        csn_choice_cell_set_text        (CsnChoiceCell *self,
                                             const char    *text,
                                             gboolean       is_unset);
const char *csn_choice_cell_get_text        (CsnChoiceCell *self);
void        csn_choice_cell_set_label_width (CsnChoiceCell *self,
                                             int            width_chars,
                                             int            max_width_chars);
GtkWidget  *csn_choice_cell_get_button      (CsnChoiceCell *self);
void        csn_choice_cell_popup           (CsnChoiceCell *self);

G_END_DECLS
