/* csn-restore-dialog.c: offered at start when unsaved changes were left behind by a crash. */
#define G_LOG_DOMAIN "csn-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-restore-dialog.h"

#define MAX_NAMES 4

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

/* The names as a person reads them: each once, with its number of copies, and the first few only. */
static char *
dup_name_list (const char * const *names)
{
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown;

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[i]));

      if (count == 0)
        g_ptr_array_add (distinct, (gpointer) names[i]);
      g_hash_table_insert (counts, (gpointer) names[i], GUINT_TO_POINTER (count + 1));
    }

  /* Four names still read as a sentence; beyond, three and how many more. */
  shown = distinct->len <= MAX_NAMES ? distinct->len : MAX_NAMES - 1;
  for (guint i = 0; i < shown; i++)
    {
      const char *name = g_ptr_array_index (distinct, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

      if (i > 0)
        g_string_append (list, ", ");
      if (count > 1)
        /* Translators: a draft's name and how many copies of its changes were kept: "“plan.consenso” (3 copies)" */
        g_string_append_printf (list, ngettext ("%s (%u copy)", "%s (%u copies)", count), name, count);
      else
        g_string_append (list, name);
    }
  if (shown < distinct->len)
    {
      guint others = distinct->len - shown;

      g_string_append (list, " ");
      /* Translators: ends a list of drafts' names: "“a.consenso”, “b.consenso”, “c.consenso” and 4 other drafts" */
      g_string_append_printf (list, ngettext ("and %u other draft", "and %u other drafts", others), others);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* @names: the drafts whose changes were kept, one per copy; @newest: when the last copy was made.
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
  list = dup_name_list (names);
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
