/* test-export.c: the export API without a display: catalogue, progress, failures, cancellation. */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "csn-catalog.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-export.h"
#include "csn-export-private.h"
#include "csn-item.h"
#include "csn-meeting.h"
#include "csn-strategy.h"

static const GType *
label_enum_types (guint *n)
{
  static GType types[8];

  types[0] = CSN_TYPE_HORIZON;
  types[1] = CSN_TYPE_CONSENSUS;
  types[2] = CSN_TYPE_MECHANISM_KIND;
  types[3] = CSN_TYPE_ASSESSMENT;
  types[4] = CSN_TYPE_ROLE_CHANGE;
  types[5] = CSN_TYPE_PROPOSAL_STATUS;
  types[6] = CSN_TYPE_PARTICIPANT_ROLE;
  types[7] = CSN_TYPE_ENDORSEMENT_STATUS;
  *n = G_N_ELEMENTS (types);
  return types;
}

static void
test_catalog_languages (void)
{
  guint n_types;
  const GType *types = label_enum_types (&n_types);

  /* English is the msgid; Spanish is es.po's; a gap falls back to the msgid. */
  g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_EN, "Short term"), ==, "Short term");
  g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_ES, "Pro Tempore Presidency"), ==,
                   "Presidencia Pro Témpore");
  g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_ES, "no such message, surely"), ==,
                   "no such message, surely");
  g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_ES, ""), ==, "");

  /* Every value an export writes has a Spanish label of its own. */
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint v = 0; v < klass->n_values; v++)
        {
          const char *msgid = csn_enum_get_label_msgid (types[t], klass->values[v].value);
          const char *es = csn_catalog_lookup_enum_label (CSN_LANGUAGE_ES, types[t], klass->values[v].value);

          g_assert_nonnull (msgid);
          g_assert_true (g_utf8_validate (es, -1, NULL));
          if (g_strcmp0 (es, msgid) == 0)
            g_error ("no Spanish label for “%s”", msgid);
          g_assert_cmpstr (csn_catalog_lookup_enum_label (CSN_LANGUAGE_EN, types[t], klass->values[v].value),
                           ==, msgid);
        }
    }
}

/* es.po is the one source of Spanish: where gettext has a translation, the catalogue has the same. */
static void
test_catalog_matches_gettext (void)
{
  guint n_types, n_compared = 0;
  const GType *types = label_enum_types (&n_types);
  const char *msgids[] = { "Pro Tempore Presidency", "Draft", "Approved", "Submitted", "Member", "Observer" };

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint v = 0; v < klass->n_values; v++)
        {
          const char *msgid = csn_enum_get_label_msgid (types[t], klass->values[v].value);
          const char *ui = g_dgettext (GETTEXT_PACKAGE, msgid);

          if (ui != msgid && g_strcmp0 (ui, msgid) != 0)
            {
              g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_ES, msgid), ==, ui);
              n_compared++;
            }
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      const char *ui = g_dgettext (GETTEXT_PACKAGE, msgids[i]);

      if (g_strcmp0 (ui, msgids[i]) != 0)
        {
          g_assert_cmpstr (csn_catalog_lookup (CSN_LANGUAGE_ES, msgids[i]), ==, ui);
          n_compared++;
        }
    }
  /* Nothing compared means no Spanish catalogue was found (CONSENSO_LOCALEDIR): that proves nothing. */
  g_test_message ("%u labels compared", n_compared);
  g_assert_cmpuint (n_compared, >, 0);
}

static void
test_catalog_threads_cb (gpointer data,
                         gpointer user_data)
{
  /* The first lookups race to load the catalogue: every one must see it whole. */
  for (guint i = 0; i < 1000; i++)
    {
      const char *label = csn_catalog_lookup (CSN_LANGUAGE_ES, "Medium term");

      g_assert_cmpstr (label, !=, "Medium term");
      g_assert_cmpstr (label, ==, csn_catalog_lookup (CSN_LANGUAGE_ES, "Medium term"));
    }
}

static void
test_catalog_threads (void)
{
  GThreadPool *pool = g_thread_pool_new (test_catalog_threads_cb, NULL, 8, TRUE, NULL);

  for (guint i = 0; i < 32; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

typedef struct {
  double last;
  guint  calls;
} Progress;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4 &&
         memcmp (contents, "PK\003\004", 4) == 0;
}

static void
test_export_sync (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "template.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_assert_true (csn_export_xlsx (draft, path, CSN_LANGUAGE_ES, on_progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (is_zip (path));
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 2);
  /* No temporary file is left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* An export replaces an older one. */
  g_assert_true (csn_export_xlsx (draft, path, CSN_LANGUAGE_EN, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* An empty draft, and text that is not UTF-8 or holds control characters, still export. */
static void
test_export_odd_drafts (void)
{
  g_autoptr(CsnDraft) empty = csn_draft_new ();
  g_autoptr(CsnDraft) odd = csn_draft_new_from_template ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "odd.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (csn_export_xlsx (empty, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (csn_export_xlsx (empty, path, CSN_LANGUAGE_EN, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (is_zip (path));

  g_object_set (csn_draft_get_meeting (odd), "title", "T\xc3\x28tulo & 1\n2 &&& \x01", NULL);
  g_object_set (strategy, "id", "odd", "theme", "no-such-theme", "lead", "no-such-actor",
                "description", "\xff\xfe=caf\xe9", "notes", "\x1b[31m _x0041_", NULL);
  g_list_store_append (G_LIST_STORE (csn_draft_get_collection (odd, CSN_COLLECTION_STRATEGIES)), strategy);
  g_assert_true (csn_export_xlsx (odd, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (is_zip (path));

  remove_dir (dir);
}

/*
 * Header and footer codes in the title ("&G", "&[Picture]") made libxlsxwriter 1.1.4 free the
 * footer twice and abort the process: the window exports in-process, so unsaved edits were lost.
 */
static void
test_export_footer_codes (void)
{
  const char *titles[] = {
    "Trade &G growth",
    "Meeting &[Picture] notes",
    "&&G &&[Picture] &G&G&G",
    "R&D & Co. &",
    "&",
    "G&",
  };
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "codes.xlsx", NULL);
  g_autoptr(GString) many = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GError) error = NULL;

      g_object_set (csn_draft_get_meeting (draft), "title", titles[i], NULL);
      g_assert_true (csn_export_xlsx (draft, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (is_zip (path));
    }

  /* Every character a code: the title gives way to the 255-character limit, still no abort. */
  for (guint i = 0; i < 150; i++)
    g_string_append (many, i % 2 ? "&[Picture]" : "&G");
  g_object_set (csn_draft_get_meeting (draft), "title", many->str, NULL);
  for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (csn_export_xlsx (draft, path, language, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  remove_dir (dir);
}

static void
assert_export_fails_and_keeps (CsnDraft   *draft,
                               const char *path,
                               const char *kept,
                               const char *expected_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize before_length = 0, after_length = 0;

  if (kept != NULL)
    g_assert_true (g_file_get_contents (kept, &before, &before_length, NULL));

  g_assert_false (csn_export_xlsx (draft, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, display));
  if (expected_in_message != NULL)
    g_assert_nonnull (strstr (error->message, expected_in_message));

  if (kept != NULL)
    {
      g_assert_true (g_file_get_contents (kept, &after, &after_length, NULL));
      g_assert_cmpmem (before, before_length, after, after_length);
    }
}

static void
test_export_failures (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autofree char *long_name = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *folder = g_build_filename (dir, "a-folder.xlsx", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autoptr(GError) error = NULL;
  guint n_before;

  /* A folder that does not exist. */
  assert_export_fails_and_keeps (draft, missing, NULL, NULL);

  /* A name of the longest length still has room for the temporary file beside it (issue 10). */
  long_name = g_strnfill (255, 'x');
  long_path = g_build_filename (dir, long_name, NULL);
  g_assert_true (g_file_set_contents_full (long_path, "the previous export", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0644, &error));
  g_assert_no_error (error);
  n_before = count_entries (dir);
  g_assert_true (csn_export_xlsx (draft, long_path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (is_zip (long_path));
  g_assert_cmpuint (count_entries (dir), ==, n_before);

  /* A folder where the file should be: the rename fails, the folder and its content stay. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, &error));
  n_before = count_entries (dir);
  assert_export_fails_and_keeps (draft, folder, inside, NULL);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, n_before);

  remove_dir (dir);
}

static void
test_export_cancelled (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (csn_export_xlsx (draft, path, CSN_LANGUAGE_EN, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* Many strategies, so that the export reports progress and checks for cancellation often. */
static CsnDraft *
make_large_draft (guint n_strategies)
{
  CsnDraft *draft = csn_draft_new_from_template ();
  GListStore *strategies = G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES));

  for (guint i = 0; i < n_strategies; i++)
    {
      g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
      g_autofree char *id = g_strdup_printf ("bulk-%u", i);

      g_object_set (strategy, "id", id, "theme", "theme-1", "description", "Taller regional", NULL);
      g_list_store_append (strategies, strategy);
    }
  return draft;
}

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancellable;
  Progress      progress;
  gboolean      cancel_on_progress;
  gboolean      done;
  gboolean      ok;
  GError       *error;
  GThread      *freed_in;   /* where the progress data was freed */
} AsyncState;

/* Runs @state's export to its end and checks that it was cancelled and left the folder @dir as it
 * was: the old workbook at @path, no temporary file. Removes @dir. */
static void
assert_cancelled (AsyncState *state,
                  const char *path,
                  const char *dir)
{
  g_autofree char *contents = NULL;

  g_main_loop_run (state->loop);

  g_assert_false (state->ok);
  g_assert_error (state->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state->error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous workbook");
  /* Neither the temporary file nor anything else is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_main_loop_unref (state->loop);
  remove_dir (dir);
}


static void
on_async_progress_cb (double   fraction,
                      gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_false (state->done);
  on_progress_cb (fraction, &state->progress);
  if (state->cancel_on_progress)
    g_cancellable_cancel (state->cancellable);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncState *state = user_data;

  /* No source object: the task holds no reference to the draft. */
  g_assert_null (source);
  state->ok = csn_export_xlsx_finish (result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_export_async_progress (void)
{
  g_autoptr(CsnDraft) draft = make_large_draft (20000);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  csn_export_xlsx_async_full (draft, path, CSN_LANGUAGE_ES, on_async_progress_cb, &state, NULL,
                              NULL, on_export_done_cb, &state);
  /* The draft is copied at the call: editing it now changes nothing in the workbook. */
  g_list_store_remove_all (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)));
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (is_zip (path));
  g_assert_cmpuint (state.progress.calls, >, 3);
  /* Progress is reported on this main context, before completion; the last report is 1. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (state.progress.last, ==, 1.0);

  g_main_loop_unref (state.loop);
  remove_dir (dir);
}

static void
test_export_async_cancel (void)
{
  g_autoptr(CsnDraft) draft = make_large_draft (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  g_assert_true (g_file_set_contents (path, "previous workbook", -1, &error));
  state.loop = g_main_loop_new (NULL, FALSE);
  state.cancellable = cancellable;
  state.cancel_on_progress = TRUE;
  csn_export_xlsx_async_full (draft, path, CSN_LANGUAGE_EN, on_async_progress_cb, &state, NULL,
                              cancellable, on_export_done_cb, &state);
  assert_cancelled (&state, path, dir);
}

static void
on_draft_finalized_cb (gpointer  user_data,
                       GObject  *where_the_object_was)
{
  GThread **thread = user_data;

  *thread = g_thread_self ();
}

static void
on_progress_data_freed_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  state->freed_in = g_thread_self ();
}

/*
 * The task used to hold the draft as its source object, so the last reference could go in the
 * writing thread. Now the caller's unref finalizes the draft at once, in the caller's thread, and
 * the progress data is freed in the caller's context whichever thread ends the task.
 */
static void
test_export_async_no_draft_reference (void)
{
  CsnDraft *draft = make_large_draft (2000);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  GThread *finalized_in = NULL;
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  g_object_weak_ref (G_OBJECT (draft), on_draft_finalized_cb, &finalized_in);
  csn_export_xlsx_async_full (draft, path, CSN_LANGUAGE_ES, on_async_progress_cb, &state,
                              (GDestroyNotify) on_progress_data_freed_cb, NULL, on_export_done_cb, &state);
  g_object_unref (draft);
  g_assert_true (finalized_in == g_thread_self ());

  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (is_zip (path));

  /* The task may end in either thread; the progress data goes back to this one. */
  while (state.freed_in == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (state.freed_in == g_thread_self ());

  g_main_loop_unref (state.loop);
  remove_dir (dir);
}

/* What a writer in another thread sees of a snapshot whose tables are still being made. */
typedef struct {
  CsnExportSnapshot *snapshot;
  GPtrArray         *seen;   /* CsnExportTable, in the order handed over */
} Reader;

static gpointer
read_tables_thread (gpointer data)
{
  Reader *reader = data;
  CsnExportTable *table;

  for (guint i = 0; (table = csn_export_snapshot_wait_table (reader->snapshot, i)) != NULL; i++)
    g_ptr_array_add (reader->seen, table);
  return NULL;
}

static void
assert_same_tables (CsnExportTable *a,
                    CsnExportTable *b)
{
  g_assert_cmpstr (a->name_msgid, ==, b->name_msgid);
  g_assert_cmpuint (a->n_rows, ==, b->n_rows);
  g_assert_cmpuint (a->columns->len, ==, b->columns->len);
  g_assert_cmpuint (a->cells->len, ==, b->cells->len);
  for (guint i = 0; i < a->cells->len; i++)
    {
      const CsnExportCell *x = &g_array_index (a->cells, CsnExportCell, i);
      const CsnExportCell *y = &g_array_index (b->cells, CsnExportCell, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->warning, ==, y->warning);
      g_assert_cmpfloat (x->number, ==, y->number);
      g_assert_cmpstr (x->text, ==, y->text);
    }
}

/*
 * The async export's writer starts before the tables are copied: a thread waiting for each table
 * gets every one, complete, in order, the same as in a snapshot made at once, and the rows it was
 * told to expect before any was made.
 */
static void
test_export_snapshot_hand_over (void)
{
  g_autoptr(CsnDraft) draft = make_large_draft (3000);
  g_autoptr(CsnExportSnapshot) whole = csn_export_snapshot_new (draft, CSN_LANGUAGE_ES);
  g_autoptr(CsnExportSnapshot) head = csn_export_snapshot_new_head (draft, CSN_LANGUAGE_ES);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  Reader reader = { head, seen };
  GThread *thread;
  guint rows = 0;

  g_assert_nonnull (head->pillar_table);
  g_assert_cmpuint (head->summary->len, ==, whole->summary->len);
  thread = g_thread_new ("reader", read_tables_thread, &reader);
  csn_export_snapshot_add_tables (head, draft);
  g_thread_join (thread);

  g_assert_cmpuint (seen->len, ==, whole->tables->len);
  for (guint i = 0; i < seen->len; i++)
    {
      CsnExportTable *table = g_ptr_array_index (seen, i);

      g_assert_true (table == g_ptr_array_index (head->tables, i));
      assert_same_tables (table, g_ptr_array_index (whole->tables, i));
      rows += table->n_rows;
    }
  g_assert_cmpuint (head->rows_expected, ==, rows);
  g_assert_cmpuint (whole->rows_expected, ==, rows);
  /* Once all are in, a later reader does not wait. */
  g_assert_null (csn_export_snapshot_wait_table (head, seen->len));
}

/* A writer that stops at once (cancelled before it starts) while the tables are still being
 * copied: the snapshot outlives both, the old file stays. */
static void
test_export_async_cancelled_before (void)
{
  g_autoptr(CsnDraft) draft = make_large_draft (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  g_assert_true (g_file_set_contents (path, "previous workbook", -1, &error));
  g_cancellable_cancel (cancellable);
  state.loop = g_main_loop_new (NULL, FALSE);
  csn_export_xlsx_async_full (draft, path, CSN_LANGUAGE_ES, on_async_progress_cb, &state, NULL,
                              cancellable, on_export_done_cb, &state);
  assert_cancelled (&state, path, dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  /* The interface in Spanish, to compare gettext's labels with the catalogue's. */
  g_setenv ("LANGUAGE", "es", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/catalog/languages", test_catalog_languages);
  g_test_add_func ("/export/catalog/matches-gettext", test_catalog_matches_gettext);
  g_test_add_func ("/export/catalog/threads", test_catalog_threads);
  g_test_add_func ("/export/sync", test_export_sync);
  g_test_add_func ("/export/odd-drafts", test_export_odd_drafts);
  g_test_add_func ("/export/footer-codes", test_export_footer_codes);
  g_test_add_func ("/export/failures", test_export_failures);
  g_test_add_func ("/export/cancelled", test_export_cancelled);
  g_test_add_func ("/export/async/progress", test_export_async_progress);
  g_test_add_func ("/export/async/cancel", test_export_async_cancel);
  g_test_add_func ("/export/async/no-draft-reference", test_export_async_no_draft_reference);
  g_test_add_func ("/export/async/cancelled-before", test_export_async_cancelled_before);
  g_test_add_func ("/export/snapshot/hand-over", test_export_snapshot_hand_over);

  return g_test_run ();
}
