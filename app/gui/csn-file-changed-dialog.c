/* csn-file-changed-dialog.c: asked when a save finds that someone else changed the draft's file. */
#define G_LOG_DOMAIN "csn-file-changed-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-file-changed-dialog.h"

struct _CsnFileChangedDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;          /* until the user answers or the dialog goes */
  GCancellable     *cancellable;
  gulong            cancelled_id;
};

G_DEFINE_FINAL_TYPE (CsnFileChangedDialog, csn_file_changed_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const struct {
  const char             *id;
  CsnFileChangedResponse  response;
} responses[] = {
  { "save-as", CSN_FILE_CHANGED_RESPONSE_SAVE_AS },
  { "overwrite", CSN_FILE_CHANGED_RESPONSE_OVERWRITE },
  { "reload", CSN_FILE_CHANGED_RESPONSE_RELOAD },
};

static void
disconnect_cancellable (CsnFileChangedDialog *self)
{
  if (self->cancelled_id != 0)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);
}

static void
on_response_cb (CsnFileChangedDialog *self,
                const char           *id)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  CsnFileChangedResponse response = CSN_FILE_CHANGED_RESPONSE_CANCEL;

  if (task == NULL)
    return;
  disconnect_cancellable (self);
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    if (g_strcmp0 (id, responses[i].id) == 0)
      response = responses[i].response;
  g_task_return_int (task, response);
}

static gboolean
close_cancelled_cb (gpointer user_data)
{
  CsnFileChangedDialog *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task != NULL)
    {
      disconnect_cancellable (self);
      g_task_return_error_if_cancelled (task);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  return G_SOURCE_REMOVE;
}

/* Runs in whichever thread cancelled, inside the emission (where disconnecting would deadlock): the
 * dialog is closed later, from the main context. */
static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cancelled_cb, g_object_ref (user_data), g_object_unref);
}

static void
csn_file_changed_dialog_dispose (GObject *object)
{
  CsnFileChangedDialog *self = CSN_FILE_CHANGED_DIALOG (object);
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  disconnect_cancellable (self);
  /* Destroyed unanswered (with its window): nothing was chosen. */
  if (task != NULL)
    g_task_return_int (task, CSN_FILE_CHANGED_RESPONSE_CANCEL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_FILE_CHANGED_DIALOG);

  G_OBJECT_CLASS (csn_file_changed_dialog_parent_class)->dispose (object);
}

static void
csn_file_changed_dialog_class_init (CsnFileChangedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_file_changed_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-file-changed-dialog.ui");
}

static void
csn_file_changed_dialog_init (CsnFileChangedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/* Shows the dialog for the draft @display_name over @parent; the answer comes in
 * csn_file_changed_dialog_choose_finish(). Escape or closing the dialog is "cancel"; so is
 * @cancellable, which also closes the dialog. */
void
csn_file_changed_dialog_choose_async (GtkWindow           *parent,
                                      const char          *display_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  CsnFileChangedDialog *self;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (CSN_TYPE_FILE_CHANGED_DIALOG,
                       "transient-for", parent,
                       NULL);
  /* Translators: the body of the "File Changed by Someone Else" dialog, shown when saving */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("“%s” was changed by someone else after you opened it. Save your "
                                    "version under another name, overwrite the other version with "
                                    "yours, or reload the file and lose your unsaved changes."),
                                  display_name);

  /* No source object: the dialog goes when it is answered or destroyed, whichever comes first. */
  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, csn_file_changed_dialog_choose_async);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), self, NULL);
    }
  gtk_window_present (GTK_WINDOW (self));
}

/* The user's answer; CSN_FILE_CHANGED_RESPONSE_CANCEL with G_IO_ERROR_CANCELLED if cancelled. */
CsnFileChangedResponse
csn_file_changed_dialog_choose_finish (GAsyncResult  *result,
                                       GError       **error)
{
  gssize response;

  g_return_val_if_fail (G_IS_TASK (result), CSN_FILE_CHANGED_RESPONSE_CANCEL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_file_changed_dialog_choose_async,
                        CSN_FILE_CHANGED_RESPONSE_CANCEL);

  response = g_task_propagate_int (G_TASK (result), error);
  return response < 0 ? CSN_FILE_CHANGED_RESPONSE_CANCEL : (CsnFileChangedResponse) response;
}
