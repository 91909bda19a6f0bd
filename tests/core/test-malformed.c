/* test-malformed.c: every kind of bad file is refused with a message naming the file and the place,
 * and the file is left as it was. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "consenso-core.h"
#include "csn-draft-private.h"

/* A small valid draft; each case below changes one thing in it. */
static const char base_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"T\", \"language\": \"es\", \"status\": \"draft\", \"start_date\": null},\n"
  " \"countries\": [{\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"}, \"membership\": \"member\", \"delegation_quota\": 3}],\n"
  " \"pillars\": [{\"id\": \"p1\", \"name\": {\"es\": \"Derechos Humanos\", \"en\": \"Human Rights\"}}],\n"
  " \"actors\": [{\"id\": \"st\", \"kind\": \"technical-secretariat\", \"name\": {\"es\": \"ST\", \"en\": \"ST\"}}],\n"
  " \"themes\": [{\"id\": \"t1\", \"title\": \"A\", \"pillar\": \"p1\", \"raised_by\": [\"MX\"], \"horizon\": \"short-term\",\n"
  "              \"consensus\": \"pending\", \"reservations\": [{\"country\": \"MX\", \"text\": \"R\"}]},\n"
  "             {\"id\": \"t2\", \"title\": \"B\", \"pillar\": \"p1\", \"horizon\": \"medium-term\"},\n"
  "             {\"id\": \"t3\", \"title\": \"C\", \"pillar\": \"p1\", \"horizon\": \"undecided\"},\n"
  "             {\"id\": \"t4\", \"title\": \"D\", \"pillar\": \"p1\", \"horizon\": \"short-term\"}],\n"
  " \"strategies\": [{\"id\": \"s1\", \"theme\": \"t1\", \"mechanism\": \"workshop\", \"lead\": \"st\", \"support\": []}],\n"
  " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\", \"assessment\": \"adequate\"}],\n"
  " \"role_proposals\": [{\"id\": \"r1\", \"actor\": \"st\", \"change\": \"keep\", \"status\": \"proposed\", \"supported_by\": [\"MX\"]}],\n"
  " \"participants\": [{\"id\": \"pa1\", \"name\": \"N\", \"country\": \"MX\", \"role\": \"delegate\"}],\n"
  " \"endorsements\": [{\"country\": \"MX\", \"status\": \"pending\", \"date\": null}],\n"
  " \"x-extra\": {\"kept\": true}}\n";

typedef struct {
  const char *name;
  const char *find;      /* replaced in base_draft; NULL: the whole file is `replace` */
  const char *replace;
  const char *message;   /* the whole message, after "bad.consenso: " */
  int         code;
} BadCase;

static const BadCase cases[] = {
  /* Not JSON at all */
  { "empty", NULL, "", "the file is empty", CSN_DRAFT_ERROR_NOT_JSON },
  { "blank", NULL, " \n\t\n", "the file is empty", CSN_DRAFT_ERROR_NOT_JSON },
  { "text", NULL, "Minuta de la reunión", "not valid JSON: line 1, column 1: unexpected “M” where a value was expected", CSN_DRAFT_ERROR_NOT_JSON },
  { "truncated", "\"x-extra\": {\"kept\": true}}\n", "\"x-extra\": {\"kep", "not valid JSON: line 16, column 18: the file ends inside a string", CSN_DRAFT_ERROR_NOT_JSON },
  { "trailing-garbage", "\"kept\": true}}\n", "\"kept\": true}} x\n", "not valid JSON: line 16, column 29: unexpected data after the end of the JSON document", CSN_DRAFT_ERROR_NOT_JSON },
  { "two-documents", "\"kept\": true}}\n", "\"kept\": true}}\n{}\n", "not valid JSON: line 17, column 1: unexpected data after the end of the JSON document", CSN_DRAFT_ERROR_NOT_JSON },
  { "line-comment", "\"version\": 1,\n", "\"version\": 1, // v1\n", "not valid JSON: line 1, column 44: comments are not allowed in JSON", CSN_DRAFT_ERROR_NOT_JSON },
  { "block-comment", " \"pillars\"", " /* pillars */ \"pillars\"", "not valid JSON: line 4, column 2: comments are not allowed in JSON", CSN_DRAFT_ERROR_NOT_JSON },
  { "invalid-utf8", "México", "M\xE9xico", "line 3, column 48: the file is not UTF-8 text (byte 176)", CSN_DRAFT_ERROR_NOT_JSON },
  { "lone-high-surrogate", "\"title\": \"A\"", "\"title\": \"A\\uD800\"", "not valid JSON: line 6, column 37: the escape \\uD800 is half of a surrogate pair, without its second half", CSN_DRAFT_ERROR_NOT_JSON },
  { "lone-low-surrogate", "\"title\": \"B\"", "\"title\": \"\\uDC00B\"", "not valid JSON: line 8, column 37: the escape \\uDC00 is half of a surrogate pair, without its first half", CSN_DRAFT_ERROR_NOT_JSON },
  { "nul-escape", "\"title\": \"C\"", "\"title\": \"C\\u0000\"", "not valid JSON: line 9, column 38: the escape \\u0000 (a NUL character) is not allowed in text", CSN_DRAFT_ERROR_NOT_JSON },
  { "bad-escape", "\"title\": \"D\"", "\"title\": \"D\\x41\"", "not valid JSON: line 10, column 38: “\\x” is not a JSON escape", CSN_DRAFT_ERROR_NOT_JSON },
  { "raw-control-character", "\"title\": \"T\"", "\"title\": \"T\tU\"", "not valid JSON: line 2, column 25: a control character inside a string must be escaped", CSN_DRAFT_ERROR_NOT_JSON },
  { "single-quotes", "\"title\": \"T\"", "'title': 'T'", "not valid JSON: line 2, column 14: unexpected “'” where a member name in quotes was expected", CSN_DRAFT_ERROR_NOT_JSON },
  { "trailing-comma", "[\"MX\"], \"horizon\"", "[\"MX\",], \"horizon\"", "not valid JSON: line 6, column 75: unexpected “]” where a value was expected", CSN_DRAFT_ERROR_NOT_JSON },
  { "nan", "\"delegation_quota\": 3", "\"delegation_quota\": NaN", "not valid JSON: line 3, column 117: unexpected “N” where a value was expected", CSN_DRAFT_ERROR_NOT_JSON },
  { "leading-zero", "\"delegation_quota\": 3", "\"delegation_quota\": 03", "not valid JSON: line 3, column 118: unexpected “3” where “,” or “}” was expected", CSN_DRAFT_ERROR_NOT_JSON },
  { "missing-colon", "\"version\": 1", "\"version\" 1", "not valid JSON: line 1, column 40: unexpected “1” where “:” was expected", CSN_DRAFT_ERROR_NOT_JSON },
  /* Deeper than 64 levels (built in code) */
  { "too-deep", "{\"kept\": true}", NULL, "not valid JSON: line 16, column 98: nested deeper than 64 levels", CSN_DRAFT_ERROR_NOT_JSON },
  /* JSON, but not a draft */
  { "top-level-list", NULL, "[1, 2]", "this is not a Consenso draft: expected an object, found a list", CSN_DRAFT_ERROR_FORMAT },
  { "missing-format", "\"format\": \"consenso-draft\", ", "", "this is not a Consenso draft: it has no “format”", CSN_DRAFT_ERROR_FORMAT },
  { "wrong-format", "\"consenso-draft\"", "\"consenso-template\"", "format: this is not a Consenso draft: the format is \"consenso-template\", not “consenso-draft”", CSN_DRAFT_ERROR_FORMAT },
  { "format-not-text", "\"consenso-draft\"", "7", "format: this is not a Consenso draft: the format is 7, not “consenso-draft”", CSN_DRAFT_ERROR_FORMAT },
  { "future-version", "\"version\": 1", "\"version\": 2", "version: version 2 is not supported; this version of Consenso reads version 1", CSN_DRAFT_ERROR_VERSION },
  { "version-as-text", "\"version\": 1", "\"version\": \"1\"", "version: version \"1\" is not supported; this version of Consenso reads version 1", CSN_DRAFT_ERROR_VERSION },
  { "missing-version", "\"version\": 1,", "", "missing “version”", CSN_DRAFT_ERROR_VERSION },
  { "missing-meeting", " \"meeting\": {\"title\": \"T\", \"language\": \"es\", \"status\": \"draft\", \"start_date\": null},\n", "", "missing “meeting”", CSN_DRAFT_ERROR_INVALID },
  { "meeting-not-object", "\"meeting\": {", "\"meeting\": [], \"x\": {", "meeting: expected an object, found a list", CSN_DRAFT_ERROR_INVALID },
  { "missing-list", " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\", \"assessment\": \"adequate\"}],\n", "", "missing “mechanisms”; every draft has this list, even if empty", CSN_DRAFT_ERROR_INVALID },
  { "list-not-list", "\"pillars\": [{\"id\": \"p1\", \"name\": {\"es\": \"Derechos Humanos\", \"en\": \"Human Rights\"}}]", "\"pillars\": {\"p1\": \"Derechos Humanos\"}", "pillars: expected a list, found an object", CSN_DRAFT_ERROR_INVALID },
  { "item-not-object", "{\"id\": \"t2\", \"title\": \"B\", \"pillar\": \"p1\", \"horizon\": \"medium-term\"}", "5", "themes[1]: expected an object, found a number", CSN_DRAFT_ERROR_INVALID },
  /* Ids */
  { "missing-id", "{\"id\": \"m1\", ", "{", "mechanisms[0]: missing “id”", CSN_DRAFT_ERROR_INVALID },
  { "empty-id", "{\"id\": \"pa1\"", "{\"id\": \"\"", "participants[0].id: the id is empty", CSN_DRAFT_ERROR_INVALID },
  { "id-not-text", "{\"id\": \"r1\"", "{\"id\": 1", "role_proposals[0].id: expected text, found a number", CSN_DRAFT_ERROR_INVALID },
  { "missing-country-code", "{\"code\": \"MX\", ", "{", "countries[0]: missing “code”", CSN_DRAFT_ERROR_INVALID },
  { "endorsement-without-country", "{\"country\": \"MX\", \"status\": \"pending\"", "{\"status\": \"pending\"", "endorsements[0]: missing “country”", CSN_DRAFT_ERROR_INVALID },
  /* Enums */
  { "unknown-horizon", "\"title\": \"D\", \"pillar\": \"p1\", \"horizon\": \"short-term\"", "\"title\": \"D\", \"pillar\": \"p1\", \"horizon\": \"long-term\"", "themes[3].horizon: “long-term” is not one of short-term, medium-term, undecided", CSN_DRAFT_ERROR_INVALID },
  { "unknown-mechanism", "\"workshop\"", "\"conference\"", "strategies[0].mechanism: “conference” is not one of workshop, seminar, working-group, liaison-network, study, technical-assistance, agreement, other", CSN_DRAFT_ERROR_INVALID },
  { "unknown-language", "\"language\": \"es\"", "\"language\": \"fr\"", "meeting.language: “fr” is not one of es, en", CSN_DRAFT_ERROR_INVALID },
  { "enum-not-text", "\"status\": \"proposed\"", "\"status\": true", "role_proposals[0].status: expected text, found true or false", CSN_DRAFT_ERROR_INVALID },
  { "enum-wrong-case", "\"assessment\": \"adequate\"", "\"assessment\": \"Adequate\"", "mechanisms[0].assessment: “Adequate” is not one of adequate, needs-change, replace, not-assessed", CSN_DRAFT_ERROR_INVALID },
  /* Wrong types */
  { "title-not-text", "\"title\": \"A\"", "\"title\": 12", "themes[0].title: expected text, found a number", CSN_DRAFT_ERROR_INVALID },
  { "raised-by-not-list", "\"raised_by\": [\"MX\"]", "\"raised_by\": \"MX\"", "themes[0].raised_by: expected a list of ids, found text", CSN_DRAFT_ERROR_INVALID },
  { "raised-by-element", "\"raised_by\": [\"MX\"]", "\"raised_by\": [\"MX\", null]", "themes[0].raised_by[1]: expected an id as text, found null", CSN_DRAFT_ERROR_INVALID },
  { "supported-by-element", "\"supported_by\": [\"MX\"]", "\"supported_by\": [[\"MX\"]]", "role_proposals[0].supported_by[0]: expected an id as text, found a list", CSN_DRAFT_ERROR_INVALID },
  { "quota-negative", "\"delegation_quota\": 3", "\"delegation_quota\": -1", "countries[0].delegation_quota: expected a whole number from 0 to 99, found -1", CSN_DRAFT_ERROR_INVALID },
  { "quota-fraction", "\"delegation_quota\": 3", "\"delegation_quota\": 2.5", "countries[0].delegation_quota: expected a whole number from 0 to 99, found 2.5", CSN_DRAFT_ERROR_INVALID },
  { "quota-text", "\"delegation_quota\": 3", "\"delegation_quota\": \"3\"", "countries[0].delegation_quota: expected a whole number from 0 to 99, found text", CSN_DRAFT_ERROR_INVALID },
  { "name-not-object", "\"name\": {\"es\": \"México\", \"en\": \"Mexico\"}", "\"name\": \"México\"", "countries[0].name: expected an object with “es” and “en” texts, found text", CSN_DRAFT_ERROR_INVALID },
  { "name-es-not-text", "{\"es\": \"ST\", \"en\": \"ST\"}", "{\"es\": {}, \"en\": \"ST\"}", "actors[0].name.es: expected text, found an object", CSN_DRAFT_ERROR_INVALID },
  { "ref-null-not-allowed", "\"pillar\": \"p1\", \"raised_by\"", "\"pillar\": null, \"raised_by\"", "themes[0].pillar: expected an id as text, found null", CSN_DRAFT_ERROR_INVALID },
  { "lead-not-text", "\"lead\": \"st\"", "\"lead\": 3", "strategies[0].lead: expected an id as text or null, found a number", CSN_DRAFT_ERROR_INVALID },
  { "date-not-text", "\"date\": null", "\"date\": 20110301", "endorsements[0].date: expected a date (YYYY-MM-DD) or null, found a number", CSN_DRAFT_ERROR_INVALID },
  { "reservations-not-list", "\"reservations\": [{\"country\": \"MX\", \"text\": \"R\"}]", "\"reservations\": \"R\"", "themes[0].reservations: expected a list, found text", CSN_DRAFT_ERROR_INVALID },
  { "reservation-text", "\"text\": \"R\"", "\"text\": false", "themes[0].reservations[0].text: expected text, found true or false", CSN_DRAFT_ERROR_INVALID },
  { "unknown-number-too-large", "\"kept\": true", "\"kept\": 1e999", "x-extra.kept: the number is too large", CSN_DRAFT_ERROR_INVALID },
  /* Numbers beyond 64 bits: refused as written, never wrapped around to a small valid one */
  { "quota-wraps-to-3", "\"delegation_quota\": 3", "\"delegation_quota\": 18446744073709551619", "countries[0].delegation_quota: expected a whole number from 0 to 99, found 18446744073709551619", CSN_DRAFT_ERROR_INVALID },
  { "quota-one-past-int64", "\"delegation_quota\": 3", "\"delegation_quota\": 9223372036854775808", "countries[0].delegation_quota: expected a whole number from 0 to 99, found 9223372036854775808", CSN_DRAFT_ERROR_INVALID },
  { "quota-below-int64", "\"delegation_quota\": 3", "\"delegation_quota\": -9223372036854775809", "countries[0].delegation_quota: expected a whole number from 0 to 99, found -9223372036854775809", CSN_DRAFT_ERROR_INVALID },
  { "quota-exponent", "\"delegation_quota\": 3", "\"delegation_quota\": 3e0", "countries[0].delegation_quota: expected a whole number from 0 to 99, found 3e0", CSN_DRAFT_ERROR_INVALID },
  { "version-wraps-to-1", "\"version\": 1", "\"version\": 18446744073709551617", "version: version 18446744073709551617 is not supported; this version of Consenso reads version 1", CSN_DRAFT_ERROR_VERSION },
  { "version-fraction", "\"version\": 1", "\"version\": 1.0", "version: version 1.0 is not supported; this version of Consenso reads version 1", CSN_DRAFT_ERROR_VERSION },
  /* A bad escape before a character of several bytes names the whole character */
  { "bad-escape-accented", "\"title\": \"D\"", "\"title\": \"D\\é\"", "not valid JSON: line 10, column 38: “\\é” is not a JSON escape", CSN_DRAFT_ERROR_NOT_JSON },
  { "bad-escape-emoji", "\"title\": \"D\"", "\"title\": \"D\\🇲🇽\"", "not valid JSON: line 10, column 38: “\\🇲” is not a JSON escape", CSN_DRAFT_ERROR_NOT_JSON },
};

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("consenso-bad-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
build_content (const BadCase *bc)
{
  g_autoptr(GString) text = NULL;

  if (bc->find == NULL)
    return g_bytes_new (bc->replace, strlen (bc->replace));

  text = g_string_new (base_draft);
  g_assert_nonnull (strstr (text->str, bc->find));
  if (bc->replace != NULL)
    g_string_replace (text, bc->find, bc->replace, 1);
  else
    {
      /* too-deep: 70 nested lists inside an unknown member. */
      g_autoptr(GString) deep = g_string_new ("{\"kept\": true, \"deep\": ");
      for (guint i = 0; i < 70; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < 70; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      g_string_replace (text, bc->find, deep->str, 1);
    }
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* The one-pass reader reads none of these: the message is the tree reader's. */
static void
assert_tree_reader_says (GBytes       *content,
                         const GError *error)
{
  gsize length;
  const char *data = g_bytes_get_data (content, &length);
  gsize skip = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  g_autoptr(CsnDraft) streamed = csn_draft_read_stream (data + skip, length - skip);
  g_autoptr(CsnDraft) tree = NULL;
  g_autoptr(GError) tree_error = NULL;

  g_assert_null (streamed);
  tree = csn_draft_load_from_data_tree (data, length, "bad.consenso", &tree_error);
  g_assert_null (tree);
  g_assert_error (tree_error, CSN_DRAFT_ERROR, error->code);
  g_assert_cmpstr (tree_error->message, ==, error->message);
}

static void
assert_refused (const char *path,
                GBytes     *content,
                int         code,
                const char *expected_message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *after = NULL;
  gsize after_length = 0;
  struct stat before_stat, after_stat;

  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);
  draft = csn_draft_load_from_file (file, &error);
  g_assert_null (draft);
  g_assert_error (error, CSN_DRAFT_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected_message);
  assert_tree_reader_says (content, error);

  /* Never touched: same bytes, same modification time. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtime, ==, before_stat.st_mtime);
}

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bc = data;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.consenso", NULL);
  g_autofree char *expected = g_strconcat ("bad.consenso: ", bc->message, NULL);
  g_autoptr(GBytes) content = build_content (bc);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content), NULL));
  assert_refused (path, content, bc->code, expected);

  g_unlink (path);
  g_rmdir (dir);
}

/* The base itself loads, so each case fails for its one change only. */
static void
test_base_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (base_draft, strlen (base_draft), "base.consenso", &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
}

static void
test_nul_byte (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.consenso", NULL);
  g_autoptr(GString) text = g_string_new (base_draft);
  g_autoptr(GBytes) content = NULL;
  const char *at = strstr (text->str, "\"T\"");

  text->str[at - text->str + 1] = '\0';
  content = g_bytes_new (text->str, text->len);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  assert_refused (path, content, CSN_DRAFT_ERROR_NOT_JSON,
                  "bad.consenso: line 2, column 24: the file contains a NUL byte, so it is not a text file");
  g_unlink (path);
  g_rmdir (dir);
}

/* Over 64 MiB: refused from its size alone, before reading (a sparse file costs no disk). */
static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fputs (base_draft, f), >=, 0);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) 80 * 1024 * 1024), ==, 0);
  fclose (f);

  draft = csn_draft_load_from_file (file, &error);
  g_assert_null (draft);
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "bad.consenso: the file is 80.0\u00a0MiB; Consenso reads drafts of up to 64 MiB");

  g_unlink (path);
  g_rmdir (dir);
}

/* One byte over the limit: the message says so in bytes, not "64.0 MiB; up to 64 MiB". */
static void
test_too_large_by_one_byte (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) CSN_DRAFT_MAX_FILE_SIZE + 1), ==, 0);
  fclose (f);

  g_assert_null (csn_draft_load_from_file (file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "bad.consenso: the file is 64.0\u00a0MiB (67108865 bytes); "
                                       "Consenso reads drafts of up to 67108864 bytes");

  g_unlink (path);
  g_rmdir (dir);
}

/* A device reports no size, and /dev/zero never ends: the limit holds while reading. */
static void
test_endless_device (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;

  g_assert_null (csn_draft_load_from_file (file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "zero: the file is larger than 64 MiB, the largest draft Consenso reads");
}

typedef struct
{
  char       *path;
  const char *chunk;
  gsize       length;
  gboolean    endless;
} FifoWriter;

static gpointer
write_fifo_thread (gpointer data)
{
  FifoWriter *writer = data;
  int fd = open (writer->path, O_WRONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  do
    {
      /* The reader stops at the limit and closes: EPIPE ends an endless writer. */
      if (write (fd, writer->chunk, writer->length) < 0)
        break;
    }
  while (writer->endless);
  close (fd);
  return NULL;
}

/* A named pipe is read up to the limit, not whole; one carrying a draft loads, with no stamp (a pipe
 * has no modification time) and saving back to it is refused. */
static void
test_named_pipe (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pipe.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *zeros = g_malloc0 (1024 * 1024);
  FifoWriter endless = { path, zeros, 1024 * 1024, TRUE };
  FifoWriter once = { path, base_draft, strlen (base_draft), FALSE };
  GThread *thread;

  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  thread = g_thread_new ("endless", write_fifo_thread, &endless);
  g_assert_null (csn_draft_load_from_file (file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "pipe.consenso: the file is larger than 64 MiB, the largest draft "
                                       "Consenso reads");
  g_clear_error (&error);
  g_thread_join (thread);

  thread = g_thread_new ("once", write_fifo_thread, &once);
  draft = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_null (csn_draft_get_file_stamp (draft));
  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, "Cannot save pipe.consenso: it is not a regular file");

  g_unlink (path);
  g_rmdir (dir);
}

/* A file name that is not UTF-8 reaches messages and titles as valid UTF-8. */
static void
test_name_not_utf8 (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *bad = g_build_filename (dir, "caf\xe9.consenso", NULL);
  g_autofree char *good = g_build_filename (dir, "se\xf1or.consenso", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *title = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"consenso-draft\", \"version\": 7}", -1, NULL));
  g_assert_null (csn_draft_load_from_file (bad_file, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, ==, "caf\uFFFD.consenso: version: version 7 is not supported; this "
                                       "version of Consenso reads version 1");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (good, base_draft, -1, NULL));
  draft = csn_draft_load_from_file (good_file, &error);
  g_assert_no_error (error);
  title = csn_draft_dup_display_name (draft);
  g_assert_cmpstr (title, ==, "se\uFFFDor.consenso");

  /* A save's message too (a read-only file, refused). */
  g_assert_cmpint (g_chmod (good, 0444), ==, 0);
  g_assert_false (csn_draft_save_to_file (draft, good_file, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, ==, "se\uFFFDor.consenso is read-only; save the draft under another name");

  g_unlink (bad);
  g_unlink (good);
  g_rmdir (dir);
}

static void
test_missing_file_and_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "none.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) folder_error = NULL;
  g_autofree char *folder_name = g_path_get_basename (dir);
  g_autofree char *expected = g_strconcat (folder_name, ": it is a folder, not a file", NULL);

  g_assert_null (csn_draft_load_from_file (file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "none.consenso: there is no such file");

  g_assert_null (csn_draft_load_from_file (folder, &folder_error));
  g_assert_error (folder_error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ);
  g_assert_cmpstr (folder_error->message, ==, expected);

  g_rmdir (dir);
}

/* A byte-order mark is tolerated: editors add it. */
static void
test_bom_accepted (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", base_draft, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (text, strlen (text), "bom.consenso", &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/malformed/base-is-valid", test_base_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_bad_case);
    }
  g_test_add_func ("/malformed/nul-byte", test_nul_byte);
  g_test_add_func ("/malformed/too-large", test_too_large);
  g_test_add_func ("/malformed/too-large-by-one-byte", test_too_large_by_one_byte);
  g_test_add_func ("/malformed/endless-device", test_endless_device);
  g_test_add_func ("/malformed/named-pipe", test_named_pipe);
  g_test_add_func ("/malformed/name-not-utf8", test_name_not_utf8);
  g_test_add_func ("/malformed/missing-file-and-folder", test_missing_file_and_folder);
  g_test_add_func ("/malformed/bom-accepted", test_bom_accepted);

  return g_test_run ();
}
