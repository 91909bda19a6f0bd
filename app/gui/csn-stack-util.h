/* csn-stack-util.h: stacks whose pages out of sight cost nothing. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void csn_stack_show_only (GtkStack   *stack,
                          const char *name);

G_END_DECLS
