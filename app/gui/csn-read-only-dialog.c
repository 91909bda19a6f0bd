/* csn-read-only-dialog.c: asked when a save finds the draft's file read-only. */
#define G_LOG_DOMAIN "csn-read-only-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-read-only-dialog.h"

struct _CsnReadOnlyDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnReadOnlyDialog, csn_read_only_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
csn_read_only_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_READ_ONLY_DIALOG);

  G_OBJECT_CLASS (csn_read_only_dialog_parent_class)->dispose (object);
}

static void
csn_read_only_dialog_class_init (CsnReadOnlyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_read_only_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-read-only-dialog.ui");
}

static void
csn_read_only_dialog_init (CsnReadOnlyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Responses: "save-as", "cancel". */
GtkWidget *
csn_read_only_dialog_new (GtkWindow  *parent,
                          const char *display_name)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  dialog = g_object_new (CSN_TYPE_READ_ONLY_DIALOG,
                         "transient-for", parent,
                         NULL);
  /* Translators: the body of the "Read-Only File" dialog, shown when saving */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is read-only: Consenso cannot change it. Save your version "
                                    "under another name to keep your changes."),
                                  display_name);
  return GTK_WIDGET (dialog);
}
