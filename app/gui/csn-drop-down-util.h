/* csn-drop-down-util.h: what the drop-downs share: labels that follow renames, a mark on the current choice, no tooltip over the open list. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The label of one choice: a new string. */
typedef char * (*CsnChoiceTitleFunc) (GObject *choice);

void csn_drop_down_setup (GtkDropDown        *drop_down,
                          CsnChoiceTitleFunc  title_func,
                          int                 width_chars,
                          int                 max_width_chars);
void csn_drop_down_update_tooltip (GtkDropDown *drop_down);
void csn_popover_hide_owner_tooltip (GtkPopover *popover,
                                     GtkWidget  *owner);

G_END_DECLS
