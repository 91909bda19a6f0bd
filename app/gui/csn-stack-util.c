/* csn-stack-util.c: stacks whose pages out of sight cost nothing.
 *
 * GTK 4.8 styles and measures the pages of a stack that are not shown (they are child-invisible, not
 * invisible), and the large icon of a status page is loaded, and its texts laid out, as soon as it is
 * styled. A list's "empty" and "no results" pages were styled and measured, and their icons loaded,
 * with every first show of the list (bench-frames, large draft: in the Theme Matrix's first frame,
 * 3.8 million instructions, and two SVG icons drawn at 128 pixels on GTK's loading threads). */
#define G_LOG_DOMAIN "csn-stack-util"

#include "config.h"

#include "csn-stack-util.h"

/**
 * csn_stack_show_only:
 * @stack: a stack
 * @name: the name of one of its pages
 *
 * Shows the page called @name in @stack and hides the others, so that they are neither styled nor
 * measured until shown. The stack then asks for the size of the page it shows only: use it for pages
 * whose sizes do not matter when they are not shown, such as a list and its status pages.
 */
void
csn_stack_show_only (GtkStack   *stack,
                     const char *name)
{
  GtkWidget *shown;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (name != NULL);

  shown = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (shown != NULL);

  gtk_widget_set_visible (shown, TRUE);
  gtk_stack_set_visible_child (stack, shown);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown)
      gtk_widget_set_visible (child, FALSE);
}
