/* main.c: Consenso's entry point; --check, --export-xlsx, --export-document, --help and --version
 * need no display, and run without GTK: the window lives in a module loaded only when it opens. */
#define G_LOG_DOMAIN "consenso"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <locale.h>

#include "csn-answers-import.h"
#include "csn-settings.h"
#include "csn-change-set.h"
#include "csn-change.h"
#include "csn-delegation-export.h"
#include "csn-describe.h"
#include "csn-document-export.h"
#include "csn-draft.h"
#include "csn-export.h"
#include "csn-item.h"
#include "csn-meeting.h"
#include "csn-merge.h"
#include "csn-open-item.h"
#include "csn-position.h"
#include "csn-problem.h"
#include "csn-safe-file.h"
#include "csn-validate.h"
#include "csn-xliff.h"


/* An uninstalled build has its modules beside the executable; an installed one, in PKGLIBDIR, away
 * from the PATH. Loaded for good: their types stay registered. */
static GModule *
open_private_module (const char *name)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *path = NULL;
  GModule *module;

  if (executable != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (executable);

      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    path = g_build_filename (PKGLIBDIR, name, NULL);
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module != NULL)
    g_module_make_resident (module);
  return module;
}

/* The documents' part of the core (.docx and .pdf, the returned workbooks, XLIFF) is a library of
 * its own, with libgsf, libxml2, cairo and Pango: loaded by the commands that use it, not by the
 * others. */
static struct
{
  __typeof__ (csn_document_export)          *document_export;
  __typeof__ (csn_paper_from_locale)        *paper_from_locale;
  __typeof__ (csn_answers_import)           *answers_import;
  __typeof__ (csn_xliff_export)             *xliff_export;
  __typeof__ (csn_xliff_import)             *xliff_import;
  __typeof__ (csn_xliff_change_get_unit_id) *xliff_change_get_unit_id;
} documents;

static gboolean
load_documents (void)
{
  GModule *module;

  if (documents.document_export != NULL)
    return TRUE;
  module = open_private_module ("libconsenso-documents." G_MODULE_SUFFIX);
  if (module == NULL ||
      !g_module_symbol (module, "csn_document_export", (gpointer *) &documents.document_export) ||
      !g_module_symbol (module, "csn_paper_from_locale", (gpointer *) &documents.paper_from_locale) ||
      !g_module_symbol (module, "csn_answers_import", (gpointer *) &documents.answers_import) ||
      !g_module_symbol (module, "csn_xliff_export", (gpointer *) &documents.xliff_export) ||
      !g_module_symbol (module, "csn_xliff_import", (gpointer *) &documents.xliff_import) ||
      !g_module_symbol (module, "csn_xliff_change_get_unit_id", (gpointer *) &documents.xliff_change_get_unit_id))
    {
      /* Translators: the reason is the system's, often naming a missing library */
      g_printerr (_("Cannot load Consenso’s documents library: %s"), g_module_error ());
      g_printerr ("\n");
      documents.document_export = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
print_problems (const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GListModel) open_items = NULL;
  guint n_problems;

  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      /* The message starts with the file's name; the path the user typed says more. */
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  problems = csn_draft_validate (draft);
  n_problems = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_print ("%s: %s: %s\n", argument, csn_problem_get_place (problem),
               csn_problem_get_message (problem));
    }

  /* What is still open but no problem (a decision to take, data to fill in) is a note: it does
   * not make the check fail. */
  open_items = csn_draft_list_open_items (draft);
  for (guint i = 0, n = g_list_model_get_n_items (open_items); i < n; i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (open_items, i);

      /* Problems were printed above; "note" is not translated, for scripts that look for it. */
      if (csn_open_item_get_problem (open) == NULL)
        g_print ("%s: note: %s: %s\n", argument, csn_open_item_get_place (open),
                 csn_open_item_get_message (open));
    }
  return n_problems == 0;
}

static int
run_check (const char * const *files)
{
  gboolean clean = TRUE;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("--check needs at least one draft file"));
      return EXIT_FAILURE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    clean &= print_problems (files[i]);
  return clean ? EXIT_SUCCESS : EXIT_FAILURE;
}

typedef struct
{
  gboolean  done;
  gboolean  written;
  GError   *error;
} ExportWait;

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportWait *wait = user_data;

  wait->written = csn_export_xlsx_finish (result, &wait->error);
  wait->done = TRUE;
}

/* The workbook is written on a worker thread from a copy of what it shows: meanwhile this thread
 * frees the draft, which then costs no time of its own. */
static gboolean
export_xlsx_freeing_draft (CsnDraft    *draft,
                           const char  *output,
                           int          language,
                           GError     **error)
{
  ExportWait wait = { FALSE, FALSE, NULL };

  csn_export_xlsx_async (draft, output, language, NULL, on_export_done_cb, &wait);
  g_object_unref (draft);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (!wait.written)
    g_propagate_error (error, wait.error);
  return wait.written;
}

static int
run_export (const char         *output,
            gboolean            document,
            const char         *language_name,
            const char * const *files)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  int language;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", document ? _("--export-document needs exactly one draft file")
                                   : _("--export-xlsx needs exactly one draft file"));
      return EXIT_FAILURE;
    }
  if (language_name != NULL && !csn_enum_from_nick (CSN_TYPE_LANGUAGE, language_name, &language))
    {
      g_printerr (_("Unknown export language “%s”: use es or en"), language_name);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      /* The message names the draft; say which export it stopped. */
      g_printerr (_("Cannot export %s: %s"), output, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  /* Without --export-language the output speaks the draft's language. */
  if (language_name == NULL)
    language = csn_meeting_get_language (csn_draft_get_meeting (draft));

  if (document ? !documents.document_export (draft, output, language, documents.paper_from_locale (), NULL, &error)
               : !export_xlsx_freeing_draft (g_steal_pointer (&draft), output, language, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* Loads the single DRAFT an export option needs, or says why not. */
static CsnDraft *
load_export_draft (const char         *option,
                   const char         *output,
                   const char * const *files)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CsnDraft *draft;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      /* Translators: "--export-delegations needs exactly one draft file" */
      g_printerr (_("%s needs exactly one draft file"), option);
      g_printerr ("\n");
      return NULL;
    }
  file = g_file_new_for_commandline_arg (files[0]);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      g_printerr (_("Cannot export %s: %s"), output, error->message);
      g_printerr ("\n");
    }
  return draft;
}

static int
run_export_delegations (const char         *dir,
                        const char         *language_name,
                        const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_auto(GStrv) written = NULL;
  int language = CSN_EXPORT_LANGUAGE_PER_COUNTRY;

  if (language_name != NULL && !csn_enum_from_nick (CSN_TYPE_LANGUAGE, language_name, &language))
    {
      g_printerr (_("Unknown export language “%s”: use es or en"), language_name);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  draft = load_export_draft ("--export-delegations", dir, files);
  if (draft == NULL)
    return EXIT_FAILURE;

  /* Without --export-language each member state's workbook speaks its own language. */
  written = csn_export_delegations (draft, dir, language, NULL, NULL, NULL, &error);
  if (written == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  for (guint i = 0; written[i] != NULL; i++)
    g_print ("%s\n", written[i]);
  return EXIT_SUCCESS;
}

/* One line for an answer the import leaves for the co-chairs: where, what, and why not applied. */
static void
print_not_applied (CsnChange *change,
                   CsnDraft  *draft)
{
  g_autofree char *place = csn_change_dup_place (change, draft);
  g_autofree char *incoming = NULL;
  g_autofree char *current = csn_change_dup_current_text (change, draft);
  g_autofree char *line = NULL;
  CsnItem *item = csn_change_get_item (change);
  const char *note = csn_change_get_note (change);

  /* A new position has no title: what it says is its stance and comment. */
  if (csn_change_get_kind (change) == CSN_CHANGE_ADD_ITEM && CSN_IS_POSITION (item))
    {
      g_autofree char *stance = csn_describe_current_value (draft, item, CSN_POSITION_PROP_STANCE);
      const char *comment = csn_position_get_comment (CSN_POSITION (item));

      /* Translators: a delegation's position and its comment: "Objects: The guidelines duplicate…" */
      incoming = comment[0] != '\0' ? g_strdup_printf (_("%s: %s"), stance, comment) : g_steal_pointer (&stance);
    }
  else
    incoming = csn_change_dup_incoming_text (change, draft);

  if (csn_change_get_conflict (change) && current[0] == '\0')
    /* Translators: "canada.xlsx: Position of Canada on Theme 2: “Objects”: not applied, conflict: The
     * position was removed from the draft after this workbook was exported" */
    line = g_strdup_printf (_("%s: %s: “%s”: not applied, conflict: %s"), csn_change_get_origin (change), place,
                            incoming, note != NULL ? note : "");
  else if (csn_change_get_conflict (change))
    {

      /* Translators: "canada.xlsx: Position of Canada on Theme 2: stance: “Objects”: not applied, conflict:
       * The draft’s position changed after this workbook was exported (the draft has “Supports”)" */
      line = g_strdup_printf (_("%s: %s: “%s”: not applied, conflict: %s (the draft has “%s”)"),
                              csn_change_get_origin (change), place, incoming, note != NULL ? note : "", current);
    }
  else
    /* Translators: "canada.xlsx: Position of Canada on theme-9: “Supports”: not applied: The theme was
     * removed…" */
    line = g_strdup_printf (_("%s: %s: “%s”: not applied: %s"), csn_change_get_origin (change), place, incoming,
                            note != NULL ? note : "");
  /* Answers are one line each, whatever their comments hold. */
  g_strdelimit (line, "\r\n", ' ');
  g_print ("%s\n", line);
}

static int
run_import_answers (const char         *output,
                    const char * const *files)
{
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) workbooks = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_changes;

  if (files == NULL || files[0] == NULL || files[1] == NULL)
    {
      g_printerr ("%s\n", _("--import-answers needs a draft file and at least one workbook"));
      return EXIT_FAILURE;
    }
  draft_file = g_file_new_for_commandline_arg (files[0]);
  draft = csn_draft_load_from_file (draft_file, &error);
  if (draft == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  for (guint i = 1; files[i] != NULL; i++)
    g_ptr_array_add (workbooks, g_file_new_for_commandline_arg (files[i]));

  set = documents.answers_import (draft, (GFile **) workbooks->pdata, workbooks->len, &problems, NULL, &error);
  if (set == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  /* A workbook or a cell that could not be read stops the import: nothing is written. */
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", ((GError *) g_ptr_array_index (problems, i))->message);
      g_printerr (_("Nothing was imported: %s is not written"), output);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (!csn_change_get_accepted (change))
        print_not_applied (change, draft);
    }
  csn_change_set_apply (set, draft);

  out_file = g_file_new_for_commandline_arg (output);
  if (!csn_draft_save_to_file (draft, out_file, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* The name set in Preferences for "saved by"; none when the schema is not installed. */
static char *
dup_saved_by (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "saved-by"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "saved-by");
}

static CsnDraft *
load_for_merge (const char  *argument,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);

  return csn_draft_load_from_file (file, error);
}

/* --merge OUT MINE THEIRS [--base BASE] [--prefer mine|theirs]: git's merge driver contract; exit
 * 0 without conflicts, 3 with (each printed), 1 when a file cannot be read or written. */
static int
run_merge (const char         *output,
           const char         *base_path,
           const char         *prefer,
           const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(CsnLineage) lineage = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autofree char *saved_by = NULL;
  g_autofree char *theirs_name = NULL;
  g_autofree char *data = NULL;
  guint n_changes;
  gsize length;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      g_printerr ("%s\n", _("--merge needs two drafts: mine, then theirs"));
      return EXIT_FAILURE;
    }
  if (prefer != NULL && !g_str_equal (prefer, "mine") && !g_str_equal (prefer, "theirs"))
    {
      g_printerr (_("Unknown choice “%s” for --prefer: use mine or theirs"), prefer);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  /* Every file is read before anything is written. */
  if ((mine = load_for_merge (files[0], &error)) == NULL ||
      (theirs = load_for_merge (files[1], &error)) == NULL ||
      (base_path != NULL && (base = load_for_merge (base_path, &error)) == NULL))
    {
      g_printerr (_("Cannot merge into %s: %s"), output, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  if (base == NULL)
    base = csn_merge_find_base (mine, theirs);

  theirs_name = g_filename_display_basename (files[1]);
  set = csn_merge_drafts (mine, theirs, base, theirs_name);
  if (csn_change_set_get_note (set) != NULL)
    g_printerr ("%s\n", csn_change_set_get_note (set));
  if (prefer != NULL)
    csn_change_set_accept_all (set, g_str_equal (prefer, "theirs"), TRUE, NULL);

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autofree char *line = NULL;

      if (!csn_change_get_conflict (change))
        continue;
      line = csn_merge_dup_conflict_line (change, mine);
      g_print ("%s\n", line);
    }
  csn_change_set_apply (set, mine);

  saved_by = dup_saved_by ();
  csn_draft_set_saved_by (mine, saved_by);
  /* No backup beside OUT: as git's merge driver, OUT is a file of the working tree. */
  lineage = csn_lineage_new_for_save (csn_draft_get_lineage (mine), mine, csn_draft_get_saved_by (mine));
  data = csn_draft_to_data_with_lineage (mine, lineage, &length);
  output_file = g_file_new_for_path (output);
  if (!csn_safe_file_save (output_file, data, length, CSN_SAFE_FILE_NONE, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  csn_lineage_cache_store (csn_lineage_get_draft_id (lineage), csn_lineage_get_revision (lineage), data, length);
  return csn_change_set_get_n_conflicts (set) > 0 ? 3 : EXIT_SUCCESS;
}

/* --export-xliff OUT.xlf DRAFT: the draft's texts for a translation tool. */
static int
run_export_xliff (const char         *output,
                  const char * const *files)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("--export-xliff needs exactly one draft file"));
      return EXIT_FAILURE;
    }
  file = g_file_new_for_commandline_arg (files[0]);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      g_printerr (_("Cannot export %s: %s"), output, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  if (!documents.xliff_export (draft, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* --import-xliff OUT.consenso DRAFT IN.xlf: applies what applies, prints each unit it did not apply
 * (FILE: line N, unit “ID”: why); exit 1 if any, or if the file was refused (then nothing is written). */
static int
run_import_xliff (const char         *output,
                  const char * const *files)
{
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GFile) xliff_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autofree char *saved_by = NULL;
  const char *xliff_name;
  guint n_left = 0;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      g_printerr ("%s\n", _("--import-xliff needs a draft, then the translated XLIFF file"));
      return EXIT_FAILURE;
    }
  xliff_name = files[1];
  draft_file = g_file_new_for_commandline_arg (files[0]);
  xliff_file = g_file_new_for_commandline_arg (xliff_name);
  if ((draft = csn_draft_load_from_file (draft_file, &error)) == NULL ||
      (set = documents.xliff_import (draft, xliff_file, &reports, NULL, &error)) == NULL)
    {
      g_printerr (_("Cannot import into %s: %s"), output, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  for (guint i = 0, n = g_list_model_get_n_items (reports); i < n; i++)
    {
      g_autoptr(CsnProblem) report = g_list_model_get_item (reports, i);

      g_print ("%s: %s: %s\n", xliff_name, csn_problem_get_place (report), csn_problem_get_message (report));
      n_left++;
    }
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (set)); i < n; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autofree char *place = NULL;
      guint line;
      const char *id = documents.xliff_change_get_unit_id (change, &line);

      if (csn_change_get_accepted (change) && csn_change_get_applicable (change))
        continue;
      /* Translators: where a unit is in an XLIFF file: "line 12, unit “themes/theme-9/title”" */
      place = g_strdup_printf (_("line %u, unit “%s”"), line, id);
      g_print ("%s: %s: %s\n", xliff_name, place, csn_change_get_note (change));
      n_left++;
    }
  csn_change_set_apply (set, draft);

  saved_by = dup_saved_by ();
  csn_draft_set_saved_by (draft, saved_by);
  output_file = g_file_new_for_commandline_arg (output);
  if (!csn_draft_save_to_file (draft, output_file, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return n_left > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

static int
on_handle_local_options_cb (GApplication *app,
                            GVariantDict *options,
                            gpointer      user_data)
{
  gboolean *opens_window = user_data;
  g_autofree const char **files = NULL;
  const char *export_output = NULL;
  const char *export_delegations = NULL;
  const char *import_output = NULL;
  const char *document_output = NULL;
  const char *export_language = NULL;
  const char *merge_output = NULL;
  const char *merge_base = NULL;
  const char *merge_prefer = NULL;
  const char *xliff_export = NULL;
  const char *xliff_import = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "export-xlsx", "^&ay", &export_output);
  g_variant_dict_lookup (options, "export-document", "^&ay", &document_output);
  g_variant_dict_lookup (options, "export-language", "&s", &export_language);
  g_variant_dict_lookup (options, "export-delegations", "^&ay", &export_delegations);
  g_variant_dict_lookup (options, "import-answers", "^&ay", &import_output);
  g_variant_dict_lookup (options, "merge", "^&ay", &merge_output);
  g_variant_dict_lookup (options, "base", "^&ay", &merge_base);
  g_variant_dict_lookup (options, "prefer", "&s", &merge_prefer);
  g_variant_dict_lookup (options, "export-xliff", "^&ay", &xliff_export);
  g_variant_dict_lookup (options, "import-xliff", "^&ay", &xliff_import);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "consenso", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_variant_dict_contains (options, "check"))
    return run_check (files);
  if (export_output != NULL && document_output != NULL)
    {
      g_printerr ("%s\n", _("--export-xlsx and --export-document cannot be combined"));
      return EXIT_FAILURE;
    }
  if (export_output != NULL)
    return run_export (export_output, FALSE, export_language, files);
  if (document_output != NULL)
    return load_documents () ? run_export (document_output, TRUE, export_language, files) : EXIT_FAILURE;
  if (export_delegations != NULL)
    return run_export_delegations (export_delegations, export_language, files);
  if (import_output != NULL)
    return load_documents () ? run_import_answers (import_output, files) : EXIT_FAILURE;
  if (merge_output != NULL)
    return run_merge (merge_output, merge_base, merge_prefer, files);
  if (xliff_export != NULL)
    return load_documents () ? run_export_xliff (xliff_export, files) : EXIT_FAILURE;
  if (xliff_import != NULL)
    return load_documents () ? run_import_xliff (xliff_import, files) : EXIT_FAILURE;
  if (merge_base != NULL || merge_prefer != NULL)
    {
      g_printerr ("%s\n", _("--base and --prefer need --merge"));
      return EXIT_FAILURE;
    }
  if (export_language != NULL)
    {
      g_printerr ("%s\n", _("--export-language needs --export-xlsx, --export-document or --export-delegations"));
      return EXIT_FAILURE;
    }
  /* Done here: the window's own application takes the same command line over. */
  *opens_window = TRUE;
  return EXIT_SUCCESS;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check drafts and print their problems, and as notes what is still open; exit 1 if any has a problem"),
    NULL },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export DRAFT to a spreadsheet (.xlsx) and exit"), N_("OUT.xlsx") },
  { "export-document", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the recommendations document of DRAFT (.docx or .pdf) and exit"), N_("OUT.docx|OUT.pdf") },
  { "export-delegations", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a workbook for each member state’s delegation to answer in, into DIR, and exit"), N_("DIR") },
  { "import-answers", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the workbooks the delegations sent back (DRAFT WORKBOOK…), apply what does not conflict, "
       "write OUT.consenso, list the rest and exit"),
    N_("OUT.consenso") },
  { "export-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the spreadsheets or document: es or en (default: the draft’s language; for the "
       "delegations, each country’s)"),
    N_("LANGUAGE") },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge THEIRS into MINE (two drafts) three-way, write OUT and exit: 0 without conflicts, 3 with"),
    N_("OUT.consenso") },
  { "base", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The common ancestor of the merge (default: found from the drafts’ lineage)"), N_("BASE.consenso") },
  { "prefer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("On conflicts, take mine (default) or theirs"), N_("mine|theirs") },
  { "export-xliff", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export DRAFT’s texts for translators (XLIFF 1.2) and exit"), N_("OUT.xlf") },
  { "import-xliff", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a translated XLIFF file into DRAFT (DRAFT IN.xlf), write OUT and exit: 1 if a unit was not applied"),
    N_("OUT.consenso") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

typedef int (*CsnGuiMainFunc) (int argc, char **argv);

/* GTK, libadwaita and the window's code come in here only, with what they pull in: the headless
 * commands start as fast as a GLib program. */
static int
run_window (int   argc,
            char *argv[])
{
  GModule *module = open_private_module ("libconsenso-gui." G_MODULE_SUFFIX);
  CsnGuiMainFunc gui_main;

  if (module == NULL || !g_module_symbol (module, "csn_gui_main", (gpointer *) &gui_main))
    {
      /* Translators: the reason is the system's, often naming a missing library */
      g_printerr (_("Cannot open the window: %s"), g_module_error ());
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  return gui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  gboolean opens_window = FALSE;
  int status;

  csn_settings_apply_language ();
  /* Revisions saved or merged here help later merges find their common ancestor. */
  csn_lineage_cache_set_enabled (TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command line is parsed (and --help answered) by a plain GApplication of the same id, which
   * never registers: the options that do their work and exit need nothing more. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_summary (app,
    _("Prepare the draft recommendations of a CRM working group."));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), &opens_window);

  status = g_application_run (app, argc, argv);
  if (!opens_window)
    return status;
  g_clear_object (&app);
  return run_window (argc, argv);
}
