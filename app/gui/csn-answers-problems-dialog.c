/* csn-answers-problems-dialog.c: shown after reading the delegations' returned workbooks when something in
 * them could not be read (each problem names its file and, where it applies, its sheet and cell), over
 * the review of the rest; or when nothing in them changes the draft. */
#define G_LOG_DOMAIN "csn-answers-problems-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-answers-problems-dialog.h"

struct _CsnAnswersProblemsDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *scroller;
  GtkListView      *problem_list;
  GtkStringList    *problems;
};

G_DEFINE_FINAL_TYPE (CsnAnswersProblemsDialog, csn_answers_problems_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A list view, not a list box: a workbook returned against a large draft can have thousands of
 * problems, and only those shown get a label. */
static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* The dialog is narrow: a label as wide as its longest line would leave the list too short. */
  gtk_label_set_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkStringObject *problem = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (problem));
}

static void
csn_answers_problems_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_ANSWERS_PROBLEMS_DIALOG);
  g_clear_object (&CSN_ANSWERS_PROBLEMS_DIALOG (object)->problems);

  G_OBJECT_CLASS (csn_answers_problems_dialog_parent_class)->dispose (object);
}

static void
csn_answers_problems_dialog_class_init (CsnAnswersProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_answers_problems_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-answers-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnAnswersProblemsDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsnAnswersProblemsDialog, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
}

static void
csn_answers_problems_dialog_init (CsnAnswersProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problems = gtk_string_list_new (NULL);
  gtk_list_view_set_model (self->problem_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)))));
}

/**
 * csn_answers_problems_dialog_new:
 * @problems: (element-type GError): what could not be read, each message complete
 * @files: (element-type GFile): the workbooks read
 * @has_changes: whether the rest of the answers change the draft, and are under review behind
 *
 * Says what could not be read of @files, over the review of the rest; or, without @has_changes, that
 * nothing in @files changes the draft, and why. Its one response is "close".
 */
GtkWidget *
csn_answers_problems_dialog_new (GtkWindow *parent,
                                 GPtrArray *problems,
                                 GPtrArray *files,
                                 gboolean   has_changes)
{
  CsnAnswersProblemsDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *basename = NULL;
  g_autofree char *first = NULL;
  g_autofree char *nothing = NULL;
  const char *why;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (files != NULL && files->len > 0, NULL);
  g_return_val_if_fail (!has_changes || problems->len > 0, NULL);

  self = g_object_new (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG, "transient-for", parent, NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  for (guint i = 0; i < problems->len; i++)
    gtk_string_list_append (self->problems, ((GError *) g_ptr_array_index (problems, i))->message);
  gtk_widget_set_visible (self->scroller, problems->len > 0);

  if (has_changes)
    {
      adw_message_dialog_set_heading (dialog, ngettext ("An Answer Could Not Be Read",
                                                        "Some Answers Could Not Be Read", problems->len));
      adw_message_dialog_set_body (dialog, _("What is listed here brings no change to the draft. The rest of "
                                             "the answers are ready to review."));
      adw_message_dialog_add_response (dialog, "close", _("_Review the Rest"));
      return GTK_WIDGET (self);
    }

  basename = g_file_get_basename (g_ptr_array_index (files, 0));
  first = g_filename_display_name (basename);
  if (files->len == 1)
    /* Translators: "Nothing in “Mexico (MX).xlsx” changes the draft." */
    nothing = g_strdup_printf (_("Nothing in “%s” changes the draft."), first);
  else
    nothing = g_strdup_printf (ngettext ("Nothing in the %u workbook changes the draft.",
                                         "Nothing in the %u workbooks changes the draft.", files->len),
                               files->len);
  if (problems->len > 0)
    why = ngettext ("What could not be read is listed here: once it is put right in the workbook, import it again.",
                    "What could not be read is listed here: once it is put right in the workbooks, import them again.",
                    files->len);
  else
    why = ngettext ("Its answers are in the draft already.", "Their answers are in the draft already.", files->len);

  adw_message_dialog_set_heading (dialog, _("Nothing to Apply"));
  adw_message_dialog_format_body (dialog, "%s %s", nothing, why);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  return GTK_WIDGET (self);
}

/* How many problems the dialog lists. */
guint
csn_answers_problems_dialog_get_n_problems (CsnAnswersProblemsDialog *self)
{
  g_return_val_if_fail (CSN_IS_ANSWERS_PROBLEMS_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->problems));
}
