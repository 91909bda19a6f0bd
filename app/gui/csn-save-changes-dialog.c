/* csn-save-changes-dialog.c: asked when a window with unsaved changes is closed. */
#define G_LOG_DOMAIN "csn-save-changes-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-save-changes-dialog.h"

struct _CsnSaveChangesDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnSaveChangesDialog, csn_save_changes_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
csn_save_changes_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_SAVE_CHANGES_DIALOG);

  G_OBJECT_CLASS (csn_save_changes_dialog_parent_class)->dispose (object);
}

static void
csn_save_changes_dialog_class_init (CsnSaveChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_save_changes_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-save-changes-dialog.ui");
}

static void
csn_save_changes_dialog_init (CsnSaveChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Responses: "save", "discard", "cancel". */
GtkWidget *
csn_save_changes_dialog_new (GtkWindow  *parent,
                             const char *display_name)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (display_name != NULL, NULL);

  dialog = g_object_new (CSN_TYPE_SAVE_CHANGES_DIALOG,
                         "transient-for", parent,
                         NULL);
  /* Translators: the body of the "Save Changes?" dialog */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  display_name);
  return GTK_WIDGET (dialog);
}
