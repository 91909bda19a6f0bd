/* test-io.c: round trips byte for byte, unknown keys kept, and saves that never write in place. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

#include "consenso-core.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("consenso-io-XXXXXX", &error);

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
      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_chmod (dir, 0700);
  g_rmdir (dir);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static CsnDraft *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static void
save_path (CsnDraft   *draft,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (csn_draft_save_to_file (draft, file, &error));
  g_assert_no_error (error);
}

/* The shipped template is written in the canonical form: loading and saving changes no byte of its
 * content; the save adds the lineage, which the next save keeps in the same form. */
static void
test_template_round_trip (void)
{
  const char *template_path = g_getenv ("CONSENSO_TEMPLATE");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.consenso", NULL);
  g_autofree char *second = g_build_filename (dir, "second.consenso", NULL);
  g_autofree char *original = NULL;
  g_autofree char *saved_first = NULL;
  g_autofree char *saved_second = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnDraft) again = NULL;

  g_assert_nonnull (template_path);
  original = read_file (template_path);

  draft = load_path (template_path);
  g_assert_false (csn_draft_get_modified (draft));
  save_path (draft, first);
  again = load_path (first);
  saved_first = csn_draft_content_to_data (again, NULL);
  g_assert_cmpstr (saved_first, ==, original);
  g_assert_true (csn_lineage_is_known (csn_draft_get_lineage (again)));

  save_path (again, second);
  g_clear_object (&again);
  again = load_path (second);
  saved_second = csn_draft_content_to_data (again, NULL);
  g_assert_cmpstr (saved_second, ==, saved_first);

  remove_dir (dir);
}

static const char unknown_keys_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1, \"x-generator\": {\"name\": \"other tool\", \"n\": [1, 2.5, true, null]},\n"
  " \"meeting\": {\"title\": \"T\", \"x-room\": \"B-12\", \"language\": \"en\"},\n"
  " \"countries\": [{\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\", \"fr\": \"Mexique\"},\n"
  "                \"membership\": \"member\", \"delegation_quota\": 3, \"x-flag\": \"🇲🇽\"}],\n"
  " \"pillars\": [], \"actors\": [],\n"
  " \"themes\": [{\"id\": \"t1\", \"title\": \"Línea \\\"uno\\\"\\n\\tdos \\\\ \\u00e9\", \"raised_by\": [\"MX\"],\n"
  "             \"reservations\": [{\"country\": \"MX\", \"text\": \"r\", \"x-since\": \"2011-01-01\"}],\n"
  "             \"x-priority\": 1e-08, \"x-empty\": {}, \"x-list\": []}],\n"
  " \"strategies\": [], \"mechanisms\": [], \"role_proposals\": [], \"participants\": [],\n"
  " \"endorsements\": [], \"x-last\": \"kept\"}\n";

static void
test_unknown_keys_kept (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *input = g_build_filename (dir, "input.consenso", NULL);
  g_autofree char *first = g_build_filename (dir, "first.consenso", NULL);
  g_autofree char *second = g_build_filename (dir, "second.consenso", NULL);
  g_autofree char *saved_first = NULL;
  g_autofree char *saved_second = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnDraft) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *theme, *country;
  CsnItem *loaded_theme;

  g_assert_true (g_file_set_contents (input, unknown_keys_draft, -1, NULL));
  draft = load_path (input);
  loaded_theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t1");
  g_assert_cmpstr (csn_item_get_string (loaded_theme, "title"), ==, "Línea \"uno\"\n\tdos \\ é");
  save_path (draft, first);

  saved_first = read_file (first);
  json_parser_load_from_data (parser, saved_first, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "x-last"), ==, "kept");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "x-generator"), "name"),
                   ==, "other tool");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "meeting"), "x-room"),
                   ==, "B-12");
  country = json_array_get_object_element (json_object_get_array_member (root, "countries"), 0);
  g_assert_cmpstr (json_object_get_string_member (country, "x-flag"), ==, "🇲🇽");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (country, "name"), "fr"),
                   ==, "Mexique");
  theme = json_array_get_object_element (json_object_get_array_member (root, "themes"), 0);
  g_assert_cmpfloat (json_object_get_double_member (theme, "x-priority"), ==, 1e-08);
  g_assert_true (json_object_has_member (theme, "x-empty"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (theme, "reservations"), 0),
                     "x-since"), ==, "2011-01-01");

  /* Known keys first in their fixed order (the lineage last of them), then the unknown ones as
   * they came. */
  g_assert_true (strstr (saved_first, "\"format\": \"consenso-draft\",\n  \"version\": 1,\n  \"meeting\": {") != NULL);
  g_assert_true (strstr (saved_first, "\"positions\": [],\n  \"lineage\": {") != NULL);
  g_assert_true (strstr (saved_first, "\n  },\n  \"x-generator\": {") > strstr (saved_first, "\"lineage\""));
  g_assert_true (g_str_has_suffix (saved_first, "\"x-last\": \"kept\"\n}\n"));

  again = load_path (first);
  save_path (again, second);
  g_clear_pointer (&saved_first, g_free);
  saved_first = csn_draft_content_to_data (again, NULL);
  g_clear_object (&again);
  again = load_path (second);
  saved_second = csn_draft_content_to_data (again, NULL);
  g_assert_cmpstr (saved_second, ==, saved_first);

  remove_dir (dir);
}

/* Numbers in unknown members come back as the file wrote them: beyond 64 bits, with their zeros and
 * exponents, in the draft's, an item's, a nested item's, a translated name's and a translation's
 * unknown members. */
static const char *unknown_numbers[] = {
  "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1.50", "1E5",
  "-0", "0.1", "2.50e+3", "1e-08", "9007199254740993", "-0.0",
};

static void
test_unknown_numbers_kept (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *input = g_build_filename (dir, "input.consenso", NULL);
  g_autofree char *first = g_build_filename (dir, "first.consenso", NULL);
  g_autofree char *second = g_build_filename (dir, "second.consenso", NULL);
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved_first = NULL;
  g_autofree char *saved_second = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnDraft) again = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  list = g_strjoinv (", ", (char **) unknown_numbers);
  text = g_strdup_printf (
    "{\"format\": \"consenso-draft\", \"version\": 1, \"x-top\": [%s],\n"
    " \"meeting\": {\"title\": \"T\", \"x-n\": 9223372036854775808},\n"
    " \"countries\": [{\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\", \"x-n\": 1E5},\n"
    "                \"delegation_quota\": 3, \"x-n\": {\"deep\": [-0, 1.50]}}],\n"
    " \"pillars\": [], \"actors\": [],\n"
    " \"themes\": [{\"id\": \"t1\", \"reservations\": [{\"country\": \"MX\", \"x-n\": 123456789012345678901234567890}],\n"
    "             \"translations\": {\"en\": {\"title\": {\"text\": \"T\", \"from\": \"\", \"x-n\": 7.000}},\n"
    "                              \"fr\": {\"title\": {\"text\": \"T\", \"x-n\": 8.0E0}}}}],\n"
    " \"strategies\": [], \"mechanisms\": [], \"role_proposals\": [], \"participants\": [],\n"
    " \"endorsements\": []}\n", list);
  g_assert_true (g_file_set_contents (input, text, -1, NULL));

  draft = load_path (input);
  save_path (draft, first);
  saved_first = read_file (first);

  for (guint i = 0; i < G_N_ELEMENTS (unknown_numbers); i++)
    g_string_append_printf (expected, "%s\n    %s", i > 0 ? "," : "", unknown_numbers[i]);
  g_assert_nonnull (strstr (saved_first, expected->str));
  g_assert_nonnull (strstr (saved_first, "\"x-n\": 9223372036854775808\n"));
  g_assert_nonnull (strstr (saved_first, "\"x-n\": 1E5\n"));
  g_assert_nonnull (strstr (saved_first, "-0,\n"));
  g_assert_nonnull (strstr (saved_first, "1.50\n"));
  g_assert_nonnull (strstr (saved_first, "\"x-n\": 123456789012345678901234567890\n"));
  g_assert_nonnull (strstr (saved_first, "\"x-n\": 7.000\n"));
  g_assert_nonnull (strstr (saved_first, "\"x-n\": 8.0E0\n"));
  g_assert_null (strstr (saved_first, "-9223372036854775808"));

  /* Saved again, the same texts (the lineage aside: each save is a new revision). */
  again = load_path (first);
  save_path (again, second);
  g_clear_object (&again);
  again = load_path (second);
  g_free (saved_first);
  saved_first = csn_draft_content_to_data (draft, NULL);
  saved_second = csn_draft_content_to_data (again, NULL);
  g_assert_cmpstr (saved_second, ==, saved_first);

  remove_dir (dir);
}

static void
test_save_keeps_backup_and_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *old_contents = NULL;
  g_autofree char *backup_contents = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint n_files = 0;
  struct stat st;
  CsnItem *theme;

  save_path (draft, path);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_nonnull (csn_draft_get_file (draft));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  old_contents = read_file (path);

  theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1");
  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_MEDIUM_TERM);
  g_assert_true (csn_draft_get_modified (draft));
  save_path (draft, path);
  g_assert_false (csn_draft_get_modified (draft));

  backup_contents = read_file (backup);
  g_assert_cmpstr (backup_contents, ==, old_contents);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* No temporary file is left behind. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);

  remove_dir (dir);
}

/* A full disk, simulated with a file size limit (which binds root too): the old file stays whole. */
static void
test_save_failure_leaves_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) handle = NULL;
  struct rlimit saved_limit, limit;
  const char *name;

  save_path (draft, path);
  before = read_file (path);
  csn_draft_set_enum (draft, csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1"), "horizon",
                      CSN_HORIZON_SHORT_TERM);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "draft.consenso"));
  g_assert_true (csn_draft_get_modified (draft));
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);

  /* The partial temporary file was removed. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_assert_cmpstr (name, ==, "draft.consenso");

  remove_dir (dir);
}

/* Saving into a folder that does not exist fails with the file named, and changes nothing. */
static void
test_save_to_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "draft.consenso", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "draft.consenso"));
  g_assert_null (csn_draft_get_file (draft));

  remove_dir (dir);
}

static void
test_load_keeps_file_and_history (void)
{
  const char *template_path = g_getenv ("CONSENSO_TEMPLATE");
  g_autoptr(CsnDraft) draft = load_path (template_path);
  CsnHistory *history = csn_draft_get_history (draft);
  g_autoptr(GFile) expected = g_file_new_for_path (template_path);

  g_assert_true (g_file_equal (csn_draft_get_file (draft), expected));
  g_assert_false (csn_history_can_undo (history));
  g_assert_false (csn_draft_get_modified (draft));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/template-round-trip", test_template_round_trip);
  g_test_add_func ("/io/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/io/unknown-numbers-kept", test_unknown_numbers_kept);
  g_test_add_func ("/io/save/backup-and-mode", test_save_keeps_backup_and_mode);
  g_test_add_func ("/io/save/failure-leaves-file", test_save_failure_leaves_file);
  g_test_add_func ("/io/save/missing-folder", test_save_to_missing_folder);
  g_test_add_func ("/io/load/file-and-history", test_load_keeps_file_and_history);

  return g_test_run ();
}
