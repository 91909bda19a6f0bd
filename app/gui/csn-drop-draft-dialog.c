/* csn-drop-draft-dialog.c: asked when drafts are dropped on a window whose draft has work in it. */
#define G_LOG_DOMAIN "csn-drop-draft-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-drop-draft-dialog.h"

struct _CsnDropDraftDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *files;      /* of GFile */
  GPtrArray        *workbooks;  /* of GFile: answers dropped with the drafts, or NULL */
};

G_DEFINE_FINAL_TYPE (CsnDropDraftDialog, csn_drop_draft_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
csn_drop_draft_dialog_dispose (GObject *object)
{
  CsnDropDraftDialog *self = CSN_DROP_DRAFT_DIALOG (object);

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->workbooks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_DROP_DRAFT_DIALOG);

  G_OBJECT_CLASS (csn_drop_draft_dialog_parent_class)->dispose (object);
}

static void
csn_drop_draft_dialog_class_init (CsnDropDraftDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_drop_draft_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-drop-draft-dialog.ui");
}

static void
csn_drop_draft_dialog_init (CsnDropDraftDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Asks about @files (GFile) dropped on @parent, whose draft is @draft_name.
 * Responses: "merge", "open", "cancel". */
GtkWidget *
csn_drop_draft_dialog_new (GtkWindow  *parent,
                           GPtrArray  *files,
                           const char *draft_name)
{
  CsnDropDraftDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *first = NULL;

  g_return_val_if_fail (files != NULL && files->len > 0, NULL);
  g_return_val_if_fail (draft_name != NULL, NULL);

  first = g_file_get_basename (g_ptr_array_index (files, 0));
  self = g_object_new (CSN_TYPE_DROP_DRAFT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->files = g_ptr_array_ref (files);
  dialog = ADW_MESSAGE_DIALOG (self);
  if (files->len == 1)
    {
      adw_message_dialog_set_heading (dialog, _("Merge the Dropped Draft?"));
      /* Translators: the body of the dialog asked when a draft is dropped on a window */
      adw_message_dialog_format_body (dialog,
                                      _("“%s” can be merged into “%s”: you review its changes before "
                                        "anything changes. Or open it in a window of its own."),
                                      first, draft_name);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("Merge the Dropped Drafts?"));
      /* Translators: the body of the dialog asked when several drafts are dropped on a window:
       * "“ppt.consenso” and 2 more can be merged into …" */
      adw_message_dialog_format_body (dialog,
                                      ngettext ("“%s” and %u more can be merged into “%s”, one after the "
                                                "other: you review the changes of each before anything "
                                                "changes. Or open them in windows of their own.",
                                                "“%s” and %u more can be merged into “%s”, one after the "
                                                "other: you review the changes of each before anything "
                                                "changes. Or open them in windows of their own.",
                                                files->len - 1),
                                      first, files->len - 1, draft_name);
    }
  return GTK_WIDGET (dialog);
}

/* The dropped files (GFile) the dialog asks about. */
GPtrArray *
csn_drop_draft_dialog_get_files (CsnDropDraftDialog *self)
{
  g_return_val_if_fail (CSN_IS_DROP_DRAFT_DIALOG (self), NULL);
  return self->files;
}

/**
 * csn_drop_draft_dialog_set_workbooks:
 * @workbooks: (element-type GFile): the delegations' workbooks dropped with the drafts
 *
 * Says that the answers in @workbooks are imported into this draft first, whether the drafts are
 * merged or opened; Cancel leaves them too.
 */
void
csn_drop_draft_dialog_set_workbooks (CsnDropDraftDialog *self,
                                     GPtrArray          *workbooks)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autofree char *first = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CSN_IS_DROP_DRAFT_DIALOG (self));
  g_return_if_fail (workbooks != NULL && workbooks->len > 0);
  g_return_if_fail (self->workbooks == NULL);

  self->workbooks = g_ptr_array_ref (workbooks);
  first = g_file_get_basename (g_ptr_array_index (workbooks, 0));
  if (workbooks->len == 1)
    /* Translators: added to the dialog asked when drafts and a workbook are dropped on a window together */
    answers = g_strdup_printf (_("Either way, the answers in “%s” are imported into this draft first, for you "
                                 "to review."),
                               first);
  else
    /* Translators: added to the dialog asked when drafts and workbooks are dropped on a window together:
     * "the answers in “Mexico (MX).xlsx” and 2 more workbooks" */
    answers = g_strdup_printf (ngettext ("Either way, the answers in “%s” and %u more workbook are imported "
                                         "into this draft first, for you to review.",
                                         "Either way, the answers in “%s” and %u more workbooks are imported "
                                         "into this draft first, for you to review.",
                                         workbooks->len - 1),
                               first, workbooks->len - 1);
  body = g_strdup_printf ("%s\n\n%s", adw_message_dialog_get_body (dialog), answers);
  adw_message_dialog_set_body (dialog, body);
}

/* The workbooks (GFile) dropped with the drafts, or NULL. */
GPtrArray *
csn_drop_draft_dialog_get_workbooks (CsnDropDraftDialog *self)
{
  g_return_val_if_fail (CSN_IS_DROP_DRAFT_DIALOG (self), NULL);
  return self->workbooks;
}
