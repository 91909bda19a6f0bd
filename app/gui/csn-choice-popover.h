/* csn-choice-popover.h: the one popover a list shares to choose a cell's value, given its choices only while open. */
#pragma once

#include <gtk/gtk.h>

#include "csn-cell.h"
#include "csn-drop-down-util.h"

G_BEGIN_DECLS

#define CSN_TYPE_CHOICE_POPOVER (csn_choice_popover_get_type ())

G_DECLARE_FINAL_TYPE (CsnChoicePopover, csn_choice_popover, CSN, CHOICE_POPOVER, GtkPopover)

/* @choice was chosen in the popover opened from @cell. */
typedef void (*CsnChoiceFunc) (CsnCell *cell,
                               GObject *choice);

CsnChoicePopover *csn_choice_popover_get_shared (CsnCell            *cell);
CsnChoicePopover *csn_choice_popover_find_open  (CsnCell            *cell);
void              csn_choice_popover_choose     (CsnChoicePopover   *self,
                                                 CsnCell            *cell,
                                                 GListModel         *choices,
                                                 GObject            *current,
                                                 CsnChoiceTitleFunc  title_func,
                                                 CsnChoiceFunc       chosen_func);
void              csn_choice_popover_tick       (CsnChoicePopover   *self,
                                                 CsnCell            *cell,
                                                 GListModel         *choices);
CsnCell          *csn_choice_popover_get_cell   (CsnChoicePopover   *self);
GtkListView      *csn_choice_popover_get_list   (CsnChoicePopover   *self);
GtkSearchEntry   *csn_choice_popover_get_search_entry (CsnChoicePopover *self);

G_END_DECLS
