/* bench-load.c: loading a draft against json-glib's own parse of the same bytes, with the loader's parts. */
#define G_LOG_DOMAIN "bench-load"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "bench-draft.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-json-check.h"
#include "csn-validate.h"

typedef enum
{
  KIND_UTF8,        /* g_utf8_validate_len(), the loader's first pass */
  KIND_CHECK,       /* csn_json_parse(), its second: the strict parser that builds the tree */
  KIND_PARSE,       /* json-glib alone, immutable nodes */
  KIND_PARSE_PLAIN, /* json-glib alone, default parser */
  KIND_LOAD,        /* csn_draft_load_from_data(), all of it: the one-pass reader */
  KIND_TREE,        /* the tree reader alone, which reads what the one-pass reader leaves */
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS] = { "utf8", "check", "parse", "parse-plain", "load", "tree" };
static const char *kind_labels[N_KINDS] = {
  "g_utf8_validate_len",
  "csn_json_parse",
  "json-glib parse (immutable)",
  "json-glib parse (default)",
  "csn_draft_load_from_data",
  "csn_draft_load_from_data_tree",
};

static void
run_kind (Kind         kind,
          const char  *data,
          gsize        length)
{
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case KIND_UTF8:
      if (!g_utf8_validate_len (data, length, NULL))
        g_error ("not UTF-8");
      break;
    case KIND_CHECK:
      {
        g_autofree char *message = NULL;
        g_autoptr(GHashTable) numbers = NULL;
        g_autoptr(JsonNode) root = csn_json_parse (data, length, CSN_DRAFT_MAX_DEPTH, &numbers, &message);

        if (root == NULL)
          g_error ("%s", message);
      }
      break;
    case KIND_PARSE:
    case KIND_PARSE_PLAIN:
      {
        g_autoptr(JsonParser) parser = kind == KIND_PARSE ? json_parser_new_immutable () : json_parser_new ();

        if (!json_parser_load_from_data (parser, data, length, &error))
          g_error ("%s", error->message);
      }
      break;
    case KIND_LOAD:
    case KIND_TREE:
      {
        g_autoptr(CsnDraft) draft = kind == KIND_LOAD
                                    ? csn_draft_load_from_data (data, length, "bench.consenso", &error)
                                    : csn_draft_load_from_data_tree (data, length, "bench.consenso", &error);

        if (draft == NULL)
          g_error ("%s", error->message);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static double
time_kind (Kind        kind,
           const char *data,
           gsize       length)
{
  gint64 start = g_get_monotonic_time ();

  run_kind (kind, data, length);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The peak RSS of this process, from the kernel's high-water mark of its address space. */
static long
read_vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* The peak RSS of a fresh process that reads @path and does @kind once: what holding the result costs.
 * Not from wait4(): exec() keeps the parent's high-water mark in ru_maxrss. */
static long
peak_rss_kib (const char *self,
              Kind        kind,
              const char *path)
{
  const char *argv[] = { self, "--only", kind_names[kind], "--runs", "1", "--print-peak", path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  return strtol (output, NULL, 10);
}

static int compare_doubles (gconstpointer a,
                            gconstpointer b);

/* What the window does with the whole draft, on its main thread, after edits: validate it (the
 * overview and the delegations), serialize it (autosave and save) and save it (with the fsyncs). */
static void
print_draft_times (const char *data,
                   gsize       length,
                   const char *path,
                   int         n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (data, length, "bench.consenso", &error);
  g_autofree char *save_path = g_strconcat (path, ".saved", NULL);
  g_autoptr(GFile) save_file = g_file_new_for_path (save_path);
  g_autofree char *backup_path = g_strconcat (save_path, "~", NULL);
  double validate[64], serialize[64], save[64];
  guint n_problems = 0;

  if (draft == NULL)
    g_error ("%s", error->message);
  for (int i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) problems = csn_draft_validate (draft);
      g_autofree char *text = NULL;
      gsize text_length;

      validate[i] = (g_get_monotonic_time () - start) / 1e6;
      n_problems = g_list_model_get_n_items (problems);
      start = g_get_monotonic_time ();
      text = csn_draft_to_data (draft, &text_length);
      serialize[i] = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      if (!csn_draft_save_to_file (draft, save_file, &error))
        g_error ("%s", error->message);
      save[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  g_unlink (save_path);
  g_unlink (backup_path);
  qsort (validate, n_runs, sizeof (double), compare_doubles);
  qsort (serialize, n_runs, sizeof (double), compare_doubles);
  qsort (save, n_runs, sizeof (double), compare_doubles);
  g_print ("on the loaded draft, best and median:\n");
  g_print ("  %-30s %8.3f s  %8.3f s   (%u problems)\n", "csn_draft_validate", validate[0], validate[n_runs / 2],
           n_problems);
  g_print ("  %-30s %8.3f s  %8.3f s\n", "csn_draft_to_data", serialize[0], serialize[n_runs / 2]);
  g_print ("  %-30s %8.3f s  %8.3f s   (beside the draft, with its fsyncs)\n", "csn_draft_save_to_file",
           save[0], save[n_runs / 2]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GOptionContext) context = g_option_context_new ("[DRAFT]");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *only = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  gsize length;
  double scale = 1.0;
  gboolean print_peak = FALSE;
  int n_runs = 7;
  double times[N_KINDS][64];
  long rss_base;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each (default 7, at most 64)", "N" },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale,
      "Without DRAFT: scale the generated large draft (0.2: a fifth)", "FACTOR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Only run utf8, check, parse, parse-plain or load, N times (to run under callgrind or perf)", "KIND" },
    { "print-peak", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &print_peak, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Times csn_draft_load_from_data() against json-glib parsing the same bytes, and the\n"
    "loader's passes, alternated, in this process; then the peak RSS of each in a child.\n"
    "Without DRAFT, the large draft of issue 16 as Consenso saves it.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: bench-load [OPTION…] [DRAFT]");
      return 2;
    }
  n_runs = CLAMP (n_runs, 1, 64);

  if (argc == 2)
    path = g_strdup (argv[1]);
  else
    {
      g_autoptr(CsnDraft) draft = NULL;

      bench_draft_size_scale (&size, scale);
      draft = bench_draft_generate (&size);
      data = csn_draft_to_data (draft, &length);
      dir = g_dir_make_tmp ("bench-load-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (dir, "bench.consenso", NULL);
      if (!g_file_set_contents (path, data, length, &error))
        g_error ("%s", error->message);
      g_clear_pointer (&data, g_free);
    }
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (only != NULL)
    {
      for (Kind k = 0; k < N_KINDS; k++)
        if (g_str_equal (only, kind_names[k]))
          {
            for (int i = 0; i < n_runs; i++)
              run_kind (k, data, length);
            if (print_peak)
              g_print ("%ld\n", read_vm_hwm_kib ());
            return 0;
          }
      g_printerr ("Unknown kind “%s”\n", only);
      return 2;
    }

  /* Interleaved, so that a slow moment of the machine hurts every kind alike. */
  for (int i = 0; i < n_runs; i++)
    for (Kind k = 0; k < N_KINDS; k++)
      times[k][i] = time_kind (k, data, length);

  g_print ("input: %.2f MiB; best and median of %d runs, alternated:\n", length / 1048576.0, n_runs);
  for (Kind k = 0; k < N_KINDS; k++)
    {
      qsort (times[k], n_runs, sizeof (double), compare_doubles);
      g_print ("  %-30s %8.3f s  %8.3f s\n", kind_labels[k], times[k][0], times[k][n_runs / 2]);
    }
  g_print ("load / parse (immutable): best %.2f, median %.2f   (target <= 1.50)\n",
           times[KIND_LOAD][0] / times[KIND_PARSE][0],
           times[KIND_LOAD][n_runs / 2] / times[KIND_PARSE][n_runs / 2]);
  g_print ("tree reader / parse (immutable): best %.2f, median %.2f\n",
           times[KIND_TREE][0] / times[KIND_PARSE][0],
           times[KIND_TREE][n_runs / 2] / times[KIND_PARSE][n_runs / 2]);
  print_draft_times (data, length, path, n_runs);

  rss_base = peak_rss_kib (argv[0], KIND_UTF8, path);
  g_print ("peak RSS of a process that reads the file (%.1f MiB), and what it adds to parse %+.1f MiB, "
           "to load %+.1f MiB\n",
           rss_base / 1024.0,
           (peak_rss_kib (argv[0], KIND_PARSE, path) - rss_base) / 1024.0,
           (peak_rss_kib (argv[0], KIND_LOAD, path) - rss_base) / 1024.0);
  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
