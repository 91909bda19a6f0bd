/* test-lineage.c: the lineage a save writes and a load reads back, what it costs, bad lineages, the
 * revision cache, finding the common ancestor, and the asynchronous merge. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-draft-private.h"
#include "csn-item-private.h"
#include "merge-test-util.h"

static char *test_dir;

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
save_to (CsnDraft   *draft,
         const char *name)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (csn_draft_save_to_file (draft, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static CsnDraft *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  return draft;
}

static void
test_round_trip (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) first = NULL;
  g_autoptr(CsnDraft) second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *content = mtu_content (draft);
  g_autofree char *base_content = NULL;
  g_autoptr(CsnDraft) base = NULL;
  CsnLineage *lineage;
  g_autofree char *revision = NULL;

  /* A new draft has no lineage until its first save. */
  g_assert_false (csn_lineage_is_known (csn_draft_get_lineage (draft)));
  text = csn_draft_to_data (draft, NULL);
  g_assert_null (strstr (text, "\"lineage\""));

  csn_draft_set_saved_by (draft, "PPT");
  first_path = save_to (draft, "first.consenso");
  first = load (first_path);
  lineage = csn_draft_get_lineage (first);
  g_assert_true (csn_lineage_is_known (lineage));
  g_assert_true (g_uuid_string_is_valid (csn_lineage_get_draft_id (lineage)));
  g_assert_true (g_uuid_string_is_valid (csn_lineage_get_revision (lineage)));
  g_assert_cmpstr (csn_lineage_get_saved_by (lineage), ==, "PPT");
  g_assert_cmpuint (g_strv_length ((char **) csn_lineage_get_parents (lineage)), ==, 0);
  /* The first save is the first agreed state. */
  g_assert_cmpstr (csn_lineage_get_base_revision (lineage), ==, csn_lineage_get_revision (lineage));
  base = csn_lineage_load_base (lineage, NULL);
  base_content = mtu_content (base);
  g_assert_cmpstr (base_content, ==, content);
  /* The draft in memory took the revision it saved, and the base the worker compressed. */
  g_assert_cmpstr (csn_lineage_get_revision (csn_draft_get_lineage (draft)), ==, csn_lineage_get_revision (lineage));
  g_assert_cmpstr (csn_lineage_get_base_content (csn_draft_get_lineage (draft)), ==,
                   csn_lineage_get_base_content (lineage));

  revision = g_strdup (csn_lineage_get_revision (lineage));
  csn_draft_set_saved_by (first, "ST");
  second_path = save_to (first, "second.consenso");
  second = load (second_path);
  lineage = csn_draft_get_lineage (second);
  g_assert_cmpstr (csn_lineage_get_draft_id (lineage), ==, csn_lineage_get_draft_id (csn_draft_get_lineage (draft)));
  g_assert_cmpstr (csn_lineage_get_revision (lineage), !=, revision);
  g_assert_cmpstr (csn_lineage_get_parents (lineage)[0], ==, revision);
  g_assert_cmpstr (csn_lineage_get_ancestors (lineage)[0], ==, revision);
  g_assert_cmpstr (csn_lineage_get_base_revision (lineage), ==, revision);
  g_assert_cmpstr (csn_lineage_get_saved_by (lineage), ==, "ST");

  /* Loading and writing changes no byte. */
  {
    g_autofree char *on_disk = read_text (second_path);
    g_autofree char *again = csn_draft_to_data (second, NULL);
    g_assert_cmpstr (again, ==, on_disk);
  }
}

static const char lineage_with_unknown[] =
  "{\"format\": \"consenso-draft\", \"version\": 1, \"meeting\": {\"title\": \"T\"},\n"
  " \"countries\": [], \"pillars\": [], \"actors\": [], \"themes\": [], \"strategies\": [], \"mechanisms\": [],\n"
  " \"role_proposals\": [], \"participants\": [], \"endorsements\": [],\n"
  " \"lineage\": {\"draft\": \"6c1b2e5e-3f8a-4d6b-9d0e-0c5a1e2b3c4d\", \"x-future\": [1, 2],\n"
  "             \"revision\": \"0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\", \"parents\": [], \"saved_by\": \"ST\",\n"
  "             \"base\": {\"x-kind\": \"snapshot\"}},\n"
  " \"x-last\": true}\n";

static void
test_unknown_members_kept (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (lineage_with_unknown, sizeof lineage_with_unknown - 1,
                                                        "future.consenso", NULL);
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *lineage;

  g_assert_nonnull (draft);
  g_assert_false (json_object_has_member (csn_draft_get_unknown (draft), "lineage"));
  g_assert_true (json_object_has_member (csn_draft_get_unknown (draft), "x-last"));
  path = save_to (draft, "future.consenso");
  saved = read_text (path);
  g_assert_true (json_parser_load_from_data (parser, saved, -1, NULL));
  lineage = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "lineage");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (lineage, "x-future")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lineage, "base"), "x-kind"), ==,
                   "snapshot");
  g_assert_cmpstr (json_object_get_array_member (lineage, "parents") != NULL ?
                   json_array_get_string_element (json_object_get_array_member (lineage, "parents"), 0) : NULL,
                   ==, "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
}

static void
test_bad_lineage (void)
{
  const struct { const char *lineage; const char *message; } cases[] = {
    { "[]", "bad.consenso: lineage: expected an object, found a list" },
    { "{\"draft\": 7}", "bad.consenso: lineage.draft: expected text, found a number" },
    { "{\"parents\": [\"a\", null]}", "bad.consenso: lineage.parents[1]: expected an id as text, found null" },
    { "{\"base\": {\"agreed\": {}}}", "bad.consenso: lineage.base.agreed: expected a list of ids, found an object" },
    { "{\"base\": \"x\"}", "bad.consenso: lineage.base: expected an object, found text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"consenso-draft\", \"version\": 1, \"meeting\": {},"
                                               " \"countries\": [], \"pillars\": [], \"actors\": [], \"themes\": [],"
                                               " \"strategies\": [], \"mechanisms\": [], \"role_proposals\": [],"
                                               " \"participants\": [], \"endorsements\": [], \"lineage\": %s}",
                                               cases[i].lineage);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsnDraft) draft = csn_draft_load_from_data (text, strlen (text), "bad.consenso", &error);

      g_assert_null (draft);
      g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_damaged_base (void)
{
  g_autoptr(CsnDraft) mine = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *bomb = NULL;
  const char *damaged[] = { "not base64!", "AAAA", "H4sIAAAAAAAA", NULL };

  mtu_save (mine, "ST");
  theirs = mtu_copy (mine);
  csn_draft_set_string (mine, mtu_item (mine, CSN_COLLECTION_THEMES, 0), "notes", "mine");
  csn_draft_set_string (theirs, mtu_item (theirs, CSN_COLLECTION_THEMES, 0), "notes", "theirs");

  /* More than a draft may hold, packed small. */
  g_string_set_size (big, CSN_DRAFT_MAX_FILE_SIZE + 1024);
  memset (big->str, ' ', big->len);
  bomb = csn_lineage_encode_content (big->str, big->len);
  g_assert_cmpuint (strlen (bomb), <, 200 * 1024);

  for (guint i = 0; i <= G_N_ELEMENTS (damaged) - 1; i++)
    {
      const char *content = damaged[i] != NULL ? damaged[i] : bomb;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsnDraft) base = NULL;

      g_object_set (csn_draft_get_lineage (mine), "base-content", content, NULL);
      g_object_set (csn_draft_get_lineage (theirs), "base-content", content, NULL);
      base = csn_lineage_load_base (csn_draft_get_lineage (mine), &error);
      g_assert_null (base);
      g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "the saved common ancestor is damaged"));
      /* Without a usable ancestor the merge shows the difference as a conflict. */
      base = csn_merge_find_base (mine, theirs);
      g_assert_null (base);
      {
        g_autoptr(CsnChangeSet) set = csn_merge_drafts (mine, theirs, NULL, "theirs.consenso");
        g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 1);
      }
    }
}

static guint
count_cached (const char *draft_id)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "consenso", "revisions", draft_id, NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* The mail round trip: the ST sends revision 2, keeps editing; the PPT edits revision 2 and sends
 * it back. Revision 2 is the true common ancestor; only the ST's cache has it. */
static void
test_cache_finds_the_latest_ancestor (void)
{
  g_autoptr(CsnDraft) st = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) ppt = NULL;
  g_autoptr(CsnDraft) found = NULL;
  g_autoptr(CsnDraft) without_cache = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sent = NULL;
  const char *draft_id;

  csn_lineage_cache_set_enabled (TRUE);
  csn_draft_set_saved_by (st, "ST");
  g_free (save_to (st, "st.consenso"));
  csn_draft_set_enum (st, mtu_item (st, CSN_COLLECTION_THEMES, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  path = save_to (st, "st.consenso");
  draft_id = csn_lineage_get_draft_id (csn_draft_get_lineage (st));
  g_assert_cmpuint (count_cached (draft_id), ==, 2);

  ppt = load (path);
  sent = mtu_content (ppt);
  /* The PPT changes the horizon back; the ST, meanwhile, something else. */
  csn_draft_set_enum (ppt, mtu_item (ppt, CSN_COLLECTION_THEMES, 0), "horizon", CSN_HORIZON_UNDECIDED);
  mtu_save (ppt, "PPT");
  csn_draft_set_string (st, mtu_item (st, CSN_COLLECTION_THEMES, 1), "notes", "ST");

  found = csn_merge_find_base (st, ppt);
  {
    g_autofree char *found_content = mtu_content (found);
    g_assert_cmpstr (found_content, ==, sent);
  }
  set = mtu_merge (st, ppt, found);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  g_assert_cmpint (csn_item_get_enum (mtu_item (st, CSN_COLLECTION_THEMES, 0), "horizon"), ==, CSN_HORIZON_UNDECIDED);

  /* Without the cache, the older agreed base the files carry is still a common ancestor. */
  csn_lineage_cache_set_enabled (FALSE);
  g_assert_true (csn_draft_undo (st));
  without_cache = csn_merge_find_base (st, ppt);
  g_assert_nonnull (without_cache);
  g_assert_cmpint (csn_item_get_enum (mtu_item (without_cache, CSN_COLLECTION_THEMES, 0), "horizon"), ==,
                   CSN_HORIZON_UNDECIDED);
  csn_lineage_cache_set_enabled (TRUE);

  /* At most 24 revisions a draft; ids from files never leave the cache folder. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *revision = g_uuid_string_random ();
      csn_lineage_cache_store (draft_id, revision, "{}", 2);
    }
  g_assert_cmpuint (count_cached (draft_id), ==, 24);
  csn_lineage_cache_store ("../../escape", "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "{}", 2);
  csn_lineage_cache_store (draft_id, "../x", "{}", 2);
  g_assert_cmpuint (count_cached (draft_id), ==, 24);
  {
    const char *ids[] = { "../../escape", NULL };
    g_assert_null (csn_lineage_cache_load (ids, "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"));
  }
  csn_lineage_cache_set_enabled (FALSE);
}

static void
test_older_file_gets_lineage (void)
{
  const char *template_path = g_getenv ("CONSENSO_TEMPLATE");
  g_autoptr(CsnDraft) draft = load (template_path);
  g_autofree char *template_text = read_text (template_path);
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(CsnDraft) again = NULL;
  g_autofree char *content = NULL;
  gsize lineage_bytes;

  g_assert_false (csn_lineage_is_known (csn_draft_get_lineage (draft)));
  path = save_to (draft, "older.consenso");
  saved = read_text (path);
  again = load (path);
  g_assert_true (csn_lineage_is_known (csn_draft_get_lineage (again)));
  content = mtu_content (again);
  g_assert_cmpstr (content, ==, template_text);

  /* What the lineage costs on the template: its agreed base packed, and a few ids. */
  lineage_bytes = strlen (saved) - strlen (template_text);
  g_test_message ("template: %zu bytes, lineage %zu bytes (%.0f %%)", strlen (template_text), lineage_bytes,
                  100.0 * lineage_bytes / strlen (template_text));
  g_assert_cmpuint (lineage_bytes, <, strlen (template_text) / 3);
}

static void
on_merged_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(CsnDraft) mine = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine_path = NULL;
  g_autofree char *theirs_path = NULL;
  g_autofree char *missing = g_build_filename (test_dir, "missing.consenso", NULL);
  g_autoptr(GFile) theirs_file = NULL;
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

  mine_path = save_to (mine, "mine.consenso");
  theirs = load (mine_path);
  csn_draft_set_enum (theirs, mtu_item (theirs, CSN_COLLECTION_THEMES, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  csn_draft_set_saved_by (theirs, "México");
  theirs_path = save_to (theirs, "mexico.consenso");
  theirs_file = g_file_new_for_path (theirs_path);
  csn_draft_set_string (mine, mtu_item (mine, CSN_COLLECTION_THEMES, 1), "notes", "mine");

  csn_merge_drafts_async (mine, theirs_file, NULL, NULL, on_merged_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  set = csn_merge_drafts_finish (mine, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 1);
  g_assert_cmpstr (csn_change_set_get_title (set), ==, "“mexico.consenso”, saved by México");
  g_assert_null (csn_change_set_get_note (set));

  g_clear_object (&result);
  g_clear_object (&set);
  csn_merge_drafts_async (mine, missing_file, NULL, NULL, on_merged_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  set = csn_merge_drafts_finish (mine, result, &error);
  g_assert_null (set);
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "missing.consenso: there is no such file");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  test_dir = g_dir_make_tmp ("consenso-lineage-XXXXXX", NULL);
  data_home = g_build_filename (test_dir, "data", NULL);
  /* The cache goes under the test's own folder. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lineage/round-trip", test_round_trip);
  g_test_add_func ("/lineage/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/lineage/bad", test_bad_lineage);
  g_test_add_func ("/lineage/damaged-base", test_damaged_base);
  g_test_add_func ("/lineage/cache-finds-the-latest-ancestor", test_cache_finds_the_latest_ancestor);
  g_test_add_func ("/lineage/older-file-gets-lineage", test_older_file_gets_lineage);
  g_test_add_func ("/lineage/async", test_async);

  status = g_test_run ();
  remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
