/* csn-label-util.c: wrapping labels that GTK 4.8 can measure without laying their text out letter by letter. */
#define G_LOG_DOMAIN "csn-label-util"

#include "config.h"

#include "csn-label-util.h"

/* The narrowest a bounded label asks for: few enough lines to lay out, and narrow enough that the
 * window's smallest width stays what it was (400 pixels with the template; 18 made it 417). */
#define MIN_CHARS 14
/* The widest it asks for: wider than the pages give it, so it still takes the whole row. */
#define MAX_CHARS 60

/**
 * csn_widget_bound_wrapping_labels:
 * @widget: a widget
 *
 * Gives each wrapping label in @widget (itself included) that has neither a width in characters
 * nor a largest one, such as the title and subtitle of a libadwaita row or the description of a
 * group, a width of MIN_CHARS and a largest width of MAX_CHARS characters.
 *
 * GTK 4.8 finds the smallest width of a wrapping label without them by laying its text out at a width
 * of nothing: a word-char wrapping label (every row's title and subtitle) then breaks after each
 * character, and Pango shapes what is left of the text again at every break. Those layouts were most
 * of the Overview's first frame (the text of the template shaped ~11,000 times, 370 M instructions
 * in HarfBuzz). Bounded, the label wraps the same at the width it is given; only its smallest and
 * natural widths, which the Overview's clamp does not use, come from the characters.
 */
void
csn_widget_bound_wrapping_labels (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (gtk_label_get_wrap (label) && gtk_label_get_width_chars (label) < 0 &&
          gtk_label_get_max_width_chars (label) < 0)
        {
          gtk_label_set_width_chars (label, MIN_CHARS);
          gtk_label_set_max_width_chars (label, MAX_CHARS);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    csn_widget_bound_wrapping_labels (child);
}
