/* test-answers.c: the delegations' workbooks through the C API: one per member state, named and in its
 * language, read back without changes when untouched, refused with the file named, and the async pairs. */
#define G_LOG_DOMAIN "test-answers"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "consenso-core.h"
#include "csn-xlsx-reader.h"

static const char * const member_files[] = {
  "Belize (BZ).xlsx", "Canada (CA).xlsx", "Costa Rica (CR).xlsx", "El Salvador (SV).xlsx",
  "United States (US).xlsx", "Guatemala (GT).xlsx", "Honduras (HN).xlsx", "Mexico (MX).xlsx",
  "Nicaragua (NI).xlsx", "Panama (PA).xlsx", "Republica Dominicana (DO).xlsx",
};

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-answers-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* A key of the hidden sheet, found by its defined name. */
static char *
read_info (CsnXlsxBook *book,
           const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxTable) table = NULL;
  CsnXlsxRange range;

  table = csn_xlsx_book_read_defined_name (book, "Consenso_Info", -1, &range, &error);
  g_assert_no_error (error);
  for (guint row = range.first_row; row <= range.last_row; row++)
    {
      const CsnXlsxCell *cell = csn_xlsx_table_get (table, row, range.first_column);
      const CsnXlsxCell *value = csn_xlsx_table_get (table, row, range.first_column + 1);

      if (cell != NULL && g_str_equal (cell->text, key))
        return g_strdup (value != NULL ? value->text : "");
    }
  return NULL;
}

static CsnXlsxBook *
open_book (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnXlsxBook *book = csn_xlsx_book_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return book;
}

static CsnDraft *
draft_with_positions (void)
{
  CsnDraft *draft = csn_draft_new_from_template ();
  const struct { const char *country, *item; CsnStance stance; const char *comment; } positions[] = {
    { "MX", "theme-1", CSN_STANCE_SUPPORTS, "" },
    { "MX", "theme-2", CSN_STANCE_SUPPORTS_WITH_RESERVATION, "Sobre el plazo" },
    { "CA", "strategy-1", CSN_STANCE_OBJECTS, "Duplicates existing work." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autofree char *id = csn_draft_make_id (draft, CSN_COLLECTION_POSITIONS);
      g_autoptr(CsnItem) position = g_object_new (CSN_TYPE_POSITION, "id", id,
                                                  "country", positions[i].country,
                                                  "item", positions[i].item,
                                                  "stance", positions[i].stance,
                                                  "comment", positions[i].comment,
                                                  "source", CSN_POSITION_SOURCE_MEETING, NULL);

      csn_draft_append (draft, CSN_COLLECTION_POSITIONS, position);
    }
  return draft;
}

static GPtrArray *
files_of (char **paths)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  return files;
}

static void
test_every_delegation (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;

  paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (paths), ==, G_N_ELEMENTS (member_files));
  /* Nothing else is left in the folder: no base, no temporary file. */
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (member_files));

  for (guint i = 0; i < G_N_ELEMENTS (member_files); i++)
    {
      g_autofree char *expected = g_build_filename (dir, member_files[i], NULL);
      g_autoptr(CsnXlsxBook) book = open_book (paths[i]);
      g_autofree char *country = read_info (book, "country");
      g_autofree char *language = read_info (book, "language");
      g_autofree char *format = read_info (book, "format");
      int hidden = csn_xlsx_book_find_sheet (book, "Consenso");

      g_assert_cmpstr (paths[i], ==, expected);
      g_assert_cmpstr (format, ==, "consenso-answers");
      g_assert_cmpstr (language, ==, csn_language_get_code (csn_export_get_country_language (country)));
      g_assert_true (strstr (member_files[i], country) != NULL);
      g_assert_cmpint (hidden, >=, 0);
      g_assert_cmpint (csn_xlsx_book_get_sheet_state (book, hidden), ==, CSN_XLSX_SHEET_HIDDEN);
      for (guint s = 0; s < csn_xlsx_book_get_n_sheets (book); s++)
        {
          g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, s, &error);

          g_assert_no_error (error);
          g_assert_true (csn_xlsx_table_get_protected (table));
        }
    }
  g_assert_cmpint (csn_export_get_country_language ("US"), ==, CSN_LANGUAGE_EN);
  g_assert_cmpint (csn_export_get_country_language ("BZ"), ==, CSN_LANGUAGE_EN);
  g_assert_cmpint (csn_export_get_country_language ("GT"), ==, CSN_LANGUAGE_ES);
  remove_dir (dir);
}

static void
test_language_override (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = csn_export_delegations (draft, dir, CSN_LANGUAGE_EN, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(CsnXlsxBook) book = open_book (paths[i]);
      g_autofree char *language = read_info (book, "language");

      g_assert_cmpstr (language, ==, "en");
      /* Named in English too: "Mexico (MX)", "Dominican Republic (DO)". */
      if (strstr (paths[i], "(DO)") != NULL)
        g_assert_true (g_str_has_suffix (paths[i], "/Dominican Republic (DO).xlsx"));
    }
  remove_dir (dir);
}

static CsnCountry *
country_named (const char *code,
               const char *name)
{
  return g_object_new (CSN_TYPE_COUNTRY, "code", code, "name-es", name, "name-en", name, NULL);
}

static void
test_file_names (void)
{
  const struct { const char *code, *name, *file; } cases[] = {
    { "MX", "México", "Mexico (MX).xlsx" },
    { "DO", "República Dominicana", "Republica Dominicana (DO).xlsx" },
    { "XX", "CON", "CON (XX).xlsx" },
    { "X/", "A/B:C*D?E\"F<G>H|I\\J", "A B C D E F G H I J (X_).xlsx" },
    { "ZZ", "  ..Trailing dots..  ", "Trailing dots (ZZ).xlsx" },
    { "CN", "中国", "CN.xlsx" },
    { "", "", "country.xlsx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsnCountry) country = country_named (cases[i].code, cases[i].name);
      g_autofree char *file = csn_export_dup_delegation_file (country, CSN_LANGUAGE_ES);

      g_assert_cmpstr (file, ==, cases[i].file);
    }
}

static void
test_no_members (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *parent = make_dir ();
  g_autofree char *dir = g_build_filename (parent, "answers", NULL);
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);

      csn_draft_set_enum (draft, country, CSN_COUNTRY_PROP_MEMBERSHIP, CSN_MEMBERSHIP_OBSERVER);
    }
  paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  g_assert_null (paths);
  g_assert_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_NO_DELEGATIONS);
  g_assert_true (strstr (error->message, "answers") != NULL);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  remove_dir (parent);
}

/* A cancelled export writes nothing and replaces nothing. */
static void
test_cancelled (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *existing = g_build_filename (dir, "Mexico (MX).xlsx", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;

  g_assert_true (g_file_set_contents (existing, "an earlier workbook", -1, NULL));
  g_cancellable_cancel (cancellable);
  paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, cancellable, &error);
  g_assert_null (paths);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_true (g_file_get_contents (existing, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "an earlier workbook");
  remove_dir (dir);
}

/* The folder is a file: the message names it. */
static void
test_folder_is_a_file (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *parent = make_dir ();
  g_autofree char *dir = g_build_filename (parent, "answers", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;

  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  g_assert_null (paths);
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, dir) != NULL);
  remove_dir (parent);
}

/* Untouched workbooks bring nothing: each was filled in with what the draft has. */
static void
test_untouched_round_trip (void)
{
  g_autoptr(CsnDraft) draft = draft_with_positions ();
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL,
                                                &error);
  g_autoptr(GPtrArray) files = files_of (paths);
  g_autoptr(CsnChangeSet) set = NULL;
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  set = csn_answers_import (draft, (GFile **) files->pdata, files->len, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);
  after = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (before, ==, after);
  remove_dir (dir);
}

static char *
write_bytes (const char *dir,
             const char *name,
             const void *data,
             gsize       length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

/* Every refused workbook is named; the draft does not change; the good one still counts. */
static void
test_refusals (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) other = csn_draft_new_from_template ();
  g_autofree char *dir = make_dir ();
  g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
  g_autofree char *full = g_build_filename (dir, "full.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL,
                                                &error);
  g_auto(GStrv) other_paths = NULL;
  g_autofree char *garbage = write_bytes (dir, "garbage.xlsx", "not a zip at all", 16);
  g_autofree char *workbook = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  gsize length;
  g_autofree char *gone = g_build_filename (dir, "gone.xlsx", NULL);
  const char *names[] = { "garbage.xlsx", "full.xlsx", "truncated.xlsx", "Mexico (MX).xlsx" };
  GFile *files[6];

  g_assert_no_error (error);
  g_assert_true (csn_export_xlsx (draft, full, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (paths[7], &workbook, &length, NULL));
  truncated = write_bytes (dir, "truncated.xlsx", workbook, length / 2);
  csn_draft_set_string (other, CSN_ITEM (csn_draft_get_meeting (other)), CSN_MEETING_PROP_TITLE, "Otra reunión");
  other_paths = csn_export_delegations (other, other_dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  files[0] = g_file_new_for_path (garbage);
  files[1] = g_file_new_for_path (full);
  files[2] = g_file_new_for_path (truncated);
  files[3] = g_file_new_for_path (paths[7]);
  files[4] = g_file_new_for_path (other_paths[0]);
  /* A workbook that is not there: named as the others are, not by its whole path. */
  files[5] = g_file_new_for_path (gone);
  set = csn_answers_import (draft, files, G_N_ELEMENTS (files), &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 5);
  g_test_message ("%s", ((GError *) g_ptr_array_index (problems, 4))->message);
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (problems, 4))->message, "gone.xlsx: "));
  for (guint i = 0; i < 3; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem->message);
      g_assert_true (g_str_has_prefix (problem->message, names[i]));
    }
  g_assert_true (g_error_matches (g_ptr_array_index (problems, 0), CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_ZIP));
  g_assert_true (g_error_matches (g_ptr_array_index (problems, 1), CSN_ANSWERS_ERROR, CSN_ANSWERS_ERROR_NOT_ANSWERS));
  g_assert_true (g_error_matches (g_ptr_array_index (problems, 3), CSN_ANSWERS_ERROR, CSN_ANSWERS_ERROR_OTHER_DRAFT));
  g_assert_true (strstr (((GError *) g_ptr_array_index (problems, 3))->message, "Belize (BZ).xlsx") != NULL);
  g_assert_true (strstr (((GError *) g_ptr_array_index (problems, 3))->message, "Otra reunión") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);
  after = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (before, ==, after);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  remove_dir (dir);
}

/* An answer's date and source ride along with its stance, in the same undo step. */
static void
test_companions (void)
{
  g_autoptr(CsnDraft) draft = draft_with_positions ();
  g_autoptr(CsnItem) position = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS), 0);
  g_autoptr(CsnChangeSet) set = csn_change_set_new ("Import answers from México");
  g_autoptr(CsnChange) change = NULL;
  g_auto(GValue) stance = G_VALUE_INIT;
  g_auto(GValue) source = G_VALUE_INIT;
  g_auto(GValue) received = G_VALUE_INIT;

  g_value_init (&stance, CSN_TYPE_STANCE);
  g_value_set_enum (&stance, CSN_STANCE_OBJECTS);
  g_value_init (&source, CSN_TYPE_POSITION_SOURCE);
  g_value_set_enum (&source, CSN_POSITION_SOURCE_WORKBOOK);
  g_value_init (&received, G_TYPE_STRING);
  g_value_set_string (&received, "2011-11-04");
  change = csn_change_new_set_field (position, CSN_POSITION_PROP_STANCE, &stance);
  csn_change_add_companion (change, CSN_POSITION_PROP_SOURCE, &source);
  csn_change_add_companion (change, CSN_POSITION_PROP_RECEIVED, &received);
  csn_change_set_append (set, change);

  g_assert_cmpuint (csn_change_set_apply (set, draft), ==, 1);
  g_assert_cmpint (csn_position_get_stance (CSN_POSITION (position)), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpint (csn_position_get_source (CSN_POSITION (position)), ==, CSN_POSITION_SOURCE_WORKBOOK);
  g_assert_cmpstr (csn_position_get_received (CSN_POSITION (position)), ==, "2011-11-04");
  g_assert_true (csn_draft_undo (draft));
  g_assert_cmpint (csn_position_get_stance (CSN_POSITION (position)), ==, CSN_STANCE_SUPPORTS);
  g_assert_cmpint (csn_position_get_source (CSN_POSITION (position)), ==, CSN_POSITION_SOURCE_MEETING);
  g_assert_null (csn_position_get_received (CSN_POSITION (position)));
}

typedef struct {
  GMainLoop    *loop;
  GThread      *main_thread;
  char        **paths;
  CsnChangeSet *set;
  GPtrArray    *problems;
  double        last_fraction;
  guint         n_progress;
  gboolean      progress_freed;
  CsnDraft     *draft;
} AsyncData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncData *data = user_data;

  g_assert_true (g_thread_self () == data->main_thread);
  g_assert_cmpfloat (fraction, >=, data->last_fraction);
  data->last_fraction = fraction;
  data->n_progress++;
}

static void
on_progress_freed (gpointer user_data)
{
  AsyncData *data = user_data;

  g_assert_true (g_thread_self () == data->main_thread);
  data->progress_freed = TRUE;
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->paths = csn_export_delegations_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (data->loop);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->set = csn_answers_import_finish (result, data->draft, &data->problems, &error);
  g_assert_no_error (error);
  g_main_loop_quit (data->loop);
}

static gboolean
progress_freed (gpointer user_data)
{
  return ((AsyncData *) user_data)->progress_freed;
}

static void
test_async (void)
{
  g_autoptr(CsnDraft) draft = draft_with_positions ();
  g_autofree char *dir = make_dir ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, g_thread_self () };
  g_autoptr(GPtrArray) files = NULL;

  data.draft = draft;
  csn_export_delegations_async (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, on_progress, &data, on_progress_freed,
                                NULL, on_exported_cb, &data);
  /* The draft may go at once: the export copied what it needs. */
  g_main_loop_run (loop);
  while (!progress_freed (&data))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (data.paths);
  g_assert_cmpuint (g_strv_length (data.paths), ==, G_N_ELEMENTS (member_files));
  g_assert_cmpfloat (data.last_fraction, ==, 1.0);
  g_assert_cmpuint (data.n_progress, >=, 2);

  files = files_of (data.paths);
  csn_answers_import_async ((GFile **) files->pdata, files->len, NULL, on_imported_cb, &data);
  g_main_loop_run (loop);
  g_assert_nonnull (data.set);
  g_assert_cmpuint (data.problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (data.set)), ==, 0);

  g_strfreev (data.paths);
  g_object_unref (data.set);
  g_ptr_array_unref (data.problems);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/answers/export/every-delegation", test_every_delegation);
  g_test_add_func ("/answers/export/language-override", test_language_override);
  g_test_add_func ("/answers/export/file-names", test_file_names);
  g_test_add_func ("/answers/export/no-members", test_no_members);
  g_test_add_func ("/answers/export/cancelled", test_cancelled);
  g_test_add_func ("/answers/export/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/answers/import/untouched-round-trip", test_untouched_round_trip);
  g_test_add_func ("/answers/import/refusals", test_refusals);
  g_test_add_func ("/answers/change/companions", test_companions);
  g_test_add_func ("/answers/async", test_async);

  return g_test_run ();
}
