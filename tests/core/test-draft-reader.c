/* test-draft-reader.c: the one-pass reader gives the draft the tree reader gives, byte for byte once
 * saved, and leaves every file it does not read as is to the tree reader, whose messages stand. */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-draft.h"
#include "consenso-core.h"
#include "csn-draft-private.h"

static char *
save (CsnDraft *draft,
      gsize    *length)
{
  return csn_draft_to_data (draft, length);
}

/* Reads @data both ways and through csn_draft_load_from_data(); @must_stream: the one-pass reader
 * must read it itself. Returns whether the file loads. */
static gboolean
assert_same_reading (const char *data,
                     gsize       length,
                     gboolean    must_stream)
{
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) streamed = NULL;
  g_autoptr(CsnDraft) tree = NULL;
  g_autoptr(CsnDraft) loaded = NULL;
  gsize skip = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  streamed = csn_draft_read_stream (data + skip, length - skip);
  tree = csn_draft_load_from_data_tree (data, length, "test.consenso", &tree_error);
  loaded = csn_draft_load_from_data (data, length, "test.consenso", &error);

  if (must_stream)
    g_assert_nonnull (streamed);
  if (streamed != NULL)
    {
      g_autofree char *streamed_text = NULL;
      g_autofree char *tree_text = NULL;
      gsize streamed_length, tree_length;

      g_assert_no_error (tree_error);
      g_assert_nonnull (tree);
      streamed_text = save (streamed, &streamed_length);
      tree_text = save (tree, &tree_length);
      g_assert_cmpmem (streamed_text, streamed_length, tree_text, tree_length);
      g_assert_false (csn_draft_get_modified (loaded));
      g_assert_false (csn_history_can_undo (csn_draft_get_history (loaded)));
    }

  if (tree == NULL)
    {
      g_assert_null (loaded);
      g_assert_nonnull (tree_error);
      g_assert_nonnull (error);
      g_assert_cmpint (error->code, ==, tree_error->code);
      g_assert_cmpstr (error->message, ==, tree_error->message);
      return FALSE;
    }
  else
    {
      g_autofree char *loaded_text = NULL;
      g_autofree char *tree_text = NULL;
      gsize loaded_length, tree_length;

      g_assert_no_error (error);
      loaded_text = save (loaded, &loaded_length);
      tree_text = save (tree, &tree_length);
      g_assert_cmpmem (loaded_text, loaded_length, tree_text, tree_length);
      return TRUE;
    }
}

static void
test_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("CONSENSO_TEMPLATE"), &data, &length, &error));
  g_assert_no_error (error);
  g_assert_true (assert_same_reading (data, length, TRUE));
}

/* The draft of issue 16, as Consenso saves it and as one line without spaces. */
static void
test_large (void)
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GString) json = bench_draft_generate_json (&size);
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  g_assert_true (assert_same_reading (json->str, json->len, TRUE));

  draft = csn_draft_load_from_data (json->str, json->len, "large.consenso", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)), ==, 5000);
  saved = csn_draft_to_data (draft, &length);
  g_assert_true (assert_same_reading (saved, length, TRUE));
}

/* Everything this build does not know, in every place it may be, of every JSON kind. */
static const char unknown_everywhere[] =
  "\xEF\xBB\xBF { \"x-first\": {\"a\": [1, -2, 0, -0, 3.25, -1.5e-3, 1E+2, true, false, null, \"s\", [], {}]},\n"
  "  \"version\" : 1 , \"format\":\"consenso-draft\",\n"
  "  \"meeting\": {\"status\": \"approved\", \"title\": \"T\\u00edtulo \\ud83d\\ude00 \\\"q\\\" \\/ \\\\ \\b\\f\\n\\r\\t\",\n"
  "               \"x-meeting\": 9007199254740993, \"language\": \"en\", \"start_date\": null,\n"
  "               \"translations\": {\"fr\": {\"title\": {\"text\": \"Titre\"}}, \"es\": {\"title\": {\"text\": \"T\", \"from\": \"X\", \"x-note\": 1}, \"x-field\": [1]}, \"en\": {}}},\n"
  "  \"countries\": [{\"name\": {\"en\": \"Mexico\", \"x-alt\": \"MX\", \"es\": \"M\\u00e9xico\"}, \"code\": \"MX\", \"delegation_quota\": 3, \"membership\": \"member\"},\n"
  "                 {\"code\": \"GT\", \"delegation_quota\": -0}],\n"
  "  \"pillars\": [], \"actors\": [{\"id\": \"a\", \"x\": {\"deep\": {\"deeper\": [[[]]]}}}],\n"
  "  \"themes\": [{\"id\": \"t1\", \"raised_by\": [\"MX\", \"GT\", \"MX\"], \"reservations\": [{\"country\": \"MX\", \"text\": \"R\", \"x-r\": {}, \"translations\": {\"en\": {\"text\": {\"from\": \"R\", \"text\": \"Res\"}}}}],\n"
  "               \"horizon\": \"short-term\", \"translations\": {}, \"pillar\": \"nowhere\"}],\n"
  "  \"strategies\": [{\"id\": \"s1\", \"lead\": null, \"support\": []}, {\"id\": \"s2\", \"lead\": \"a\", \"theme\": \"t1\"}],\n"
  "  \"mechanisms\": [], \"role_proposals\": [], \"participants\": [],\n"
  "  \"x-between\": \"\", \"endorsements\": [{\"country\": \"MX\", \"date\": \"2011-02-30\"}],\n"
  "  \"document\": {\"preamble\": \"P\", \"translations\": {\"en\": {\"preamble\": {\"text\": \"Pre\", \"from\": \"P\"}}}},\n"
  "  \"x-last\": [{\"k\": \"v\"}] }\r\n\t ";

static void
test_unknown_members (void)
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (assert_same_reading (unknown_everywhere, sizeof unknown_everywhere - 1, TRUE));

  draft = csn_draft_load_from_data (unknown_everywhere, sizeof unknown_everywhere - 1, "test.consenso", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_meeting_get_title (csn_draft_get_meeting (draft)), ==,
                   "Título 😀 \"q\" / \\ \b\f\n\r\t");
}

static char *
write_in_slices (CsnDraft *draft,
                 gsize    *length,
                 guint    *n_slices)
{
  g_autoptr(CsnDraftWriter) writer = csn_draft_writer_new (draft);

  /* A deadline already past: each slice writes the fewest items it can. */
  for (*n_slices = 1; !csn_draft_writer_step (writer, 0); (*n_slices)++)
    ;
  return csn_draft_writer_finish (g_steal_pointer (&writer), csn_draft_get_lineage (draft), length);
}

/* Written a slice at a time (the recovery copy between frames), a draft is the same text, escapes,
 * unknown members, lineage and all; a writer dropped half way leaks nothing. */
static void
test_writer_slices (void)
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GString) json = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnDraft) unknown = NULL;
  g_autoptr(CsnDraftWriter) dropped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *sliced = NULL;
  gsize whole_length, sliced_length;
  guint n_slices;

  bench_draft_size_scale (&size, 0.05);
  json = bench_draft_generate_json (&size);
  draft = csn_draft_load_from_data (json->str, json->len, "fifth.consenso", &error);
  g_assert_no_error (error);
  whole = csn_draft_to_data (draft, &whole_length);
  sliced = write_in_slices (draft, &sliced_length, &n_slices);
  g_assert_cmpuint (n_slices, >, 10);
  g_assert_cmpuint (sliced_length, ==, whole_length);
  g_assert_cmpstr (sliced, ==, whole);

  unknown = csn_draft_load_from_data (unknown_everywhere, sizeof unknown_everywhere - 1, "test.consenso", &error);
  g_assert_no_error (error);
  g_clear_pointer (&whole, g_free);
  g_clear_pointer (&sliced, g_free);
  whole = csn_draft_to_data (unknown, &whole_length);
  sliced = write_in_slices (unknown, &sliced_length, &n_slices);
  g_assert_cmpstr (sliced, ==, whole);

  dropped = csn_draft_writer_new (draft);
  g_assert_false (csn_draft_writer_step (dropped, 0));
}

/* Every byte a JSON string cannot hold as it is, written with its escape; every other byte as it is,
 * in the file json-glib reads and in the draft read back. */
static void
test_writer_escapes (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) title = g_string_new ("Título ");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  JsonObject *written;
  gsize length;

  for (guint c = 1; c < 0x80; c++)
    g_string_append_c (title, (char) c);
  g_string_append (title, " 😀 \\\"\"");
  csn_draft_set_string (draft, meeting, "title", title->str);
  data = csn_draft_to_data (draft, &length);

  g_assert_nonnull (strstr (data, "\"Título \\u0001\\u0002"));
  g_assert_nonnull (strstr (data, "\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e"));
  g_assert_nonnull (strstr (data, "\\u001f !\\\"#"));
  g_assert_nonnull (strstr (data, "Z[\\\\]^"));
  g_assert_nonnull (strstr (data, "|}~\x7f 😀 \\\\\\\"\\\"\""));

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  written = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "meeting");
  g_assert_cmpstr (json_object_get_string_member (written, "title"), ==, title->str);
  again = csn_draft_load_from_data (data, length, "escapes.consenso", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (again)), "title"), ==, title->str);
}

/* Edits of a valid file that the one-pass reader leaves to the tree reader (it may still load). */
static const struct {
  const char *find;
  const char *replace;
} handed_over[] = {
  { "\"version\" : 1", "\"version\" : 1, \"version\": 1" },
  { "\"code\": \"GT\"", "\"code\": \"GT\", \"code\": \"CR\"" },
  { "\"x-alt\": \"MX\"", "\"x-alt\": \"MX\", \"x-alt\": 2" },
  { "\"es\": {\"title\"", "\"es\": {}, \"es\": {\"title\"" },
  { "\"x-meeting\": 9007199254740993", "\"x-meeting\": 1e999" },
  { "\"x-meeting\": 9007199254740993", "\"x-meeting\": 1, // note\n\"y\": 2" },
  { "\"delegation_quota\": 3", "\"delegation_quota\": 3.0" },
  { "\"delegation_quota\": 3", "\"delegation_quota\": 100" },
  { "\"horizon\": \"short-term\"", "\"horizon\": \"long-term\"" },
  { "\"horizon\": \"short-term\"", "\"horizon\": null" },
  { "\"lead\": null", "\"lead\": 7" },
  { "\"id\": \"s1\"", "\"id\": \"\"" },
  { "{\"id\": \"s1\",", "{" },
  { "\"raised_by\": [\"MX\"", "\"raised_by\": [null" },
  { "\"pillars\": [],", "" },
  { "\"mechanisms\": [],", "\"mechanisms\": {}," },
  { "\"format\":\"consenso-draft\"", "\"format\":\"consenso-draft \"" },
  { "\"T\\u00edtulo", "\"T\\ud800" },
  { "\"T\\u00edtulo", "\"T\\u0000" },
  { "\"T\\u00edtulo", "\"T\xC3" },
  { "\"T\\u00edtulo", "\"T\x01" },
  { "\"x-last\": [{\"k\": \"v\"}] }", "\"x-last\": [{\"k\": \"v\"}] } {}" },
  { "\"x-last\": [{\"k\": \"v\"}] }", "\"x-last\": [{\"k\": \"v\"}]" },
  { "[[[]]]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" },
};

static void
test_handed_over (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (handed_over); i++)
    {
      g_autoptr(GString) text = g_string_new (unknown_everywhere);
      g_autoptr(CsnDraft) streamed = NULL;
      g_autofree char *shown = g_strescape (handed_over[i].replace, NULL);

      g_test_message ("case %u: %s", i, shown);
      g_assert_cmpuint (g_string_replace (text, handed_over[i].find, handed_over[i].replace, 1), ==, 1);
      streamed = csn_draft_read_stream (text->str + 3, text->len - 3);
      g_assert_null (streamed);
      assert_same_reading (text->str, text->len, FALSE);
    }
}

/* Text the one-pass reader validates itself: it reads what g_utf8_validate() accepts and leaves the
 * rest to the tree reader, which refuses it. */
static const char * const utf8_cases[] = {
  "\xC3\xAD", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBF",
  "\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF0\x9F\x98\x80",
  "abcdefgh\xC3\xAD" "abcdefghijklmnop\xE2\x80\x9C", "\xC3\xAD" "abcdefghijklmnopqrstuvwxyz",
  "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
  "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
  "\x80", "\xBF", "\xC3", "\xE2\x80", "\xF0\x9F\x98", "\xC3\x28", "\xE2\x28\xA1",
  "abcdefghijklmnop\xC3", "abcdefgh\xF0\x9F\x98\x80" "abcdefgh\xED\xA0\x80",
};

static void
test_utf8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (utf8_cases); i++)
    {
      g_autoptr(GString) text = g_string_new (unknown_everywhere);
      g_autofree char *replacement = g_strconcat ("\"T", utf8_cases[i], NULL);
      gboolean valid = g_utf8_validate (utf8_cases[i], -1, NULL);
      g_autofree char *shown = g_strescape (utf8_cases[i], NULL);

      g_test_message ("case %u: %s", i, shown);
      g_assert_cmpuint (g_string_replace (text, "\"T\\u00edtulo", replacement, 1), ==, 1);
      g_assert_cmpint (assert_same_reading (text->str, text->len, valid), ==, valid);
      if (!valid)
        {
          g_autoptr(CsnDraft) streamed = csn_draft_read_stream (text->str + 3, text->len - 3);
          g_assert_null (streamed);
        }
    }
}

/* The one-pass reader skips plain text eight bytes at a time: each case at each place in its word,
 * the string ending right after it, or an escape, or more text, read as the tree reader reads it. */
static void
test_string_offsets (void)
{
  const char *title = "\"title\": \"T\\u00edtulo \\ud83d\\ude00 \\\"q\\\" \\/ \\\\ \\b\\f\\n\\r\\t\"";
  const char * const cases[] = { "", "\xC3\xAD", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x80",
                                 "\xFF", "\x01", "\x1F", "\x7F" };
  const char * const ends[] = { "", "\\n", "\\\"", "abc", "\xC3\xA9" };
  guint n_valid = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
      for (guint k = 0; k <= 17; k++)
        {
          g_autoptr(GString) text = g_string_new (unknown_everywhere);
          g_autoptr(GString) replacement = g_string_new ("\"title\": \"");
          gboolean valid;

          for (guint i = 0; i < k; i++)
            g_string_append_c (replacement, 'a' + i);
          g_string_append (replacement, cases[c]);
          g_string_append (replacement, ends[e]);
          valid = g_utf8_validate (replacement->str, -1, NULL) && strpbrk (cases[c], "\x01\x1F") == NULL;
          g_string_append_c (replacement, '"');
          g_assert_cmpuint (g_string_replace (text, title, replacement->str, 1), ==, 1);
          g_assert_cmpint (assert_same_reading (text->str, text->len, valid), ==, valid);
          n_valid += valid;
        }
  g_assert_cmpuint (n_valid, >, 100);
}

/* Edits the one-pass reader reads itself, as the tree reader does: numbers beyond 64 bits and
 * numbers kept as written, a name repeated inside an unknown member. */
static const struct {
  const char *find;
  const char *replace;
  const char *saved;   /* what the saved file holds, or NULL */
} streamed_edits[] = {
  { "\"x-meeting\": 9007199254740993", "\"x-meeting\": 18446744073709551616", "18446744073709551616" },
  { "\"x-meeting\": 9007199254740993", "\"x-meeting\": -99999999999999999999.50", "-99999999999999999999.50" },
  { "\"x-meeting\": 9007199254740993", "\"x-meeting\": [1.50, 1E+2, -0]", "1.50" },
  { "\"x-alt\": \"MX\"", "\"x-alt\": {\"k\": 1, \"j\": 2, \"k\": 3.0}", "3.0" },
};

static void
test_streamed_edits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (streamed_edits); i++)
    {
      g_autoptr(GString) text = g_string_new (unknown_everywhere);
      g_autoptr(CsnDraft) draft = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *saved = NULL;

      g_assert_cmpuint (g_string_replace (text, streamed_edits[i].find, streamed_edits[i].replace, 1), ==, 1);
      g_assert_true (assert_same_reading (text->str, text->len, TRUE));
      draft = csn_draft_load_from_data (text->str, text->len, "test.consenso", &error);
      g_assert_no_error (error);
      saved = csn_draft_to_data (draft, NULL);
      g_assert_nonnull (strstr (saved, streamed_edits[i].saved));
    }
}

/* Every seed of the fuzz targets that read drafts. */
static void
test_fuzz_seeds (void)
{
  const char *dirs[] = { "draft-load", "export" };
  guint n_files = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (file, &data, &length, NULL));
          g_test_message ("%s", file);
          assert_same_reading (data, length, FALSE);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-reader/template", test_template);
  g_test_add_func ("/draft-reader/large", test_large);
  g_test_add_func ("/draft-reader/unknown-members", test_unknown_members);
  g_test_add_func ("/draft-reader/writer-slices", test_writer_slices);
  g_test_add_func ("/draft-reader/writer-escapes", test_writer_escapes);
  g_test_add_func ("/draft-reader/handed-over", test_handed_over);
  g_test_add_func ("/draft-reader/utf8", test_utf8);
  g_test_add_func ("/draft-reader/string-offsets", test_string_offsets);
  g_test_add_func ("/draft-reader/streamed-edits", test_streamed_edits);
  g_test_add_func ("/draft-reader/fuzz-seeds", test_fuzz_seeds);

  return g_test_run ();
}
