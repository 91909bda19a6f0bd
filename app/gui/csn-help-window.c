/* csn-help-window.c: a short user guide, in the interface language, that F1 opens. */
#define G_LOG_DOMAIN "csn-help-window"

#include "config.h"

#include "csn-help-window.h"

struct _CsnHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnHelpWindow, csn_help_window, ADW_TYPE_WINDOW)

static void
csn_help_window_class_init (CsnHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-help-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
csn_help_window_init (CsnHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsnHelpWindow *
csn_help_window_new (GtkWindow *parent)
{
  return g_object_new (CSN_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}
