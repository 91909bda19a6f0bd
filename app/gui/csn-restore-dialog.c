/* csn-restore-dialog.c: offered at start when unsaved changes were left behind by a crash. */
#define G_LOG_DOMAIN "csn-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-restore-dialog.h"

struct _CsnRestoreDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnRestoreDialog, csn_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
csn_restore_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (csn_restore_dialog_parent_class)->dispose (object);
}

static void
csn_restore_dialog_class_init (CsnRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_restore_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-restore-dialog.ui");
}

static void
csn_restore_dialog_init (CsnRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @names: the drafts whose changes were kept; @newest: when the last copy was made.
 * Responses: "restore", "discard", "later" (ask again at the next start). */
GtkWidget *
csn_restore_dialog_new (GtkWindow          *parent,
                        const char * const *names,
                        GDateTime          *newest)
{
  AdwMessageDialog *dialog;
  g_autofree char *list = NULL;
  g_autofree char *when = NULL;
  guint n_names;

  g_return_val_if_fail (names != NULL && names[0] != NULL, NULL);
  g_return_val_if_fail (newest != NULL, NULL);

  n_names = g_strv_length ((char **) names);
  list = g_strjoinv (", ", (char **) names);
  when = g_date_time_format (newest, "%x %X");
  dialog = g_object_new (CSN_TYPE_RESTORE_DIALOG,
                         "transient-for", parent,
                         NULL);
  /* Translators: "Consenso stopped before the changes to “plan.consenso” were saved. They were kept
   * on 25/11/2026 10:12:03." */
  adw_message_dialog_format_body (dialog,
                                  ngettext ("Consenso stopped before the changes to %s were saved. "
                                            "They were kept on %s.",
                                            "Consenso stopped before the changes to %s were saved. "
                                            "They were kept, the last on %s.",
                                            n_names),
                                  list, when);
  return GTK_WIDGET (dialog);
}
