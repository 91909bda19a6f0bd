/* bench-export.c: times the .xlsx export of a large draft against bare libxlsxwriter and reports peak memory. */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "bench-draft.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-export.h"
#include "csn-item.h"
#include "csn-meeting.h"

static guint n_themes = 500;
static guint n_strategies = 5000;
static guint n_role_proposals = 2000;
static guint n_participants = 1000;
static guint n_runs = 5;
static gboolean profile_export;
static gboolean profile_bare;
static char *keep_path;
static char *consenso_path;
static char *compare_path;
static char *save_draft_path;

/* Every cell the export writes, as plain text in a default workbook: the floor to compare with. */
static void
write_bare (CsnDraft   *draft,
            const char *path,
            gboolean    constant_memory)
{
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  /* Columns per sheet as the export writes them (the theme matrix has 11 member countries). */
  const struct { CsnCollection collection; guint columns; } sheets[] = {
    { CSN_COLLECTION_THEMES, 20 },
    { CSN_COLLECTION_STRATEGIES, 9 },
    { CSN_COLLECTION_MECHANISMS, 5 },
    { CSN_COLLECTION_ROLE_PROPOSALS, 7 },
    { CSN_COLLECTION_PARTICIPANTS, 6 },
    { CSN_COLLECTION_ENDORSEMENTS, 5 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sheets); s++)
    {
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
      GListModel *model = csn_draft_get_collection (draft, sheets[s].collection);
      guint n_items = g_list_model_get_n_items (model);
      GType type = csn_collection_get_item_type (sheets[s].collection);
      g_autoptr(CsnItemClass) klass = g_type_class_ref (type);
      guint n_fields;
      const CsnField *fields = csn_item_class_get_fields (klass, &n_fields);

      for (guint c = 0; c < sheets[s].columns; c++)
        worksheet_write_string (sheet, 0, c, "Header", NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          guint c = 0;

          /* The item's own text first, then short labels up to the export's column count. */
          for (guint f = 0; f < n_fields && c < sheets[s].columns; f++)
            if (fields[f].kind == CSN_FIELD_TEXT || fields[f].kind == CSN_FIELD_REF)
              {
                const char *text = csn_item_get_string (item, csn_field_get_property_name (&fields[f], NULL));

                worksheet_write_string (sheet, i + 1, c++, text != NULL ? text : "", NULL);
              }
          while (c < sheets[s].columns)
            worksheet_write_string (sheet, i + 1, c++, "Label", NULL);
        }
    }
  /* The delegations' quota table and the summary. */
  {
    lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

    for (guint r = 0; r < 40; r++)
      for (guint c = 0; c < 6; c++)
        worksheet_write_string (sheet, r, c, "Label", NULL);
  }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("bare libxlsxwriter failed");
}

typedef enum { RUN_EXPORT, RUN_BARE, RUN_BARE_CONSTANT_MEMORY } RunKind;

/* Runs one write in a child process, so that each gets its own peak RSS (draft included). */
static double
run_once (CsnDraft  *draft,
          RunKind    kind,
          const char *path,
          long      *max_rss_kib)
{
  struct rusage usage;
  int status;
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      if (kind == RUN_EXPORT)
        {
          if (!csn_export_xlsx (draft, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              _exit (1);
            }
        }
      else
        write_bare (draft, path, kind == RUN_BARE_CONSTANT_MEMORY);
      _exit (0);
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the benchmark's child failed");
  *max_rss_kib = usage.ru_maxrss;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* `consenso --export-xlsx`, load included, as a user runs it; the peak RSS from GNU time, since a
 * child's ru_maxrss after exec() still holds the forking parent's. */
static double
run_cli (const char *binary,
         const char *draft_path,
         const char *path,
         long       *max_rss_kib)
{
  const char *argv[] = { "/usr/bin/time", "-f", "%M", binary, "--export-xlsx", path, draft_path, NULL };
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed;
  const char *last_line;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("consenso --export-xlsx: %s %s", error->message, errors != NULL ? errors : "");
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_strchomp (errors);
  last_line = strrchr (errors, '\n');
  *max_rss_kib = strtol (last_line != NULL ? last_line + 1 : errors, NULL, 10);
  return elapsed;
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!csn_export_xlsx_finish (result, &error))
    g_error ("%s", error->message);
  g_main_loop_quit (user_data);
}

/* How long the window would wait: the async call returns once the draft is copied. */
static double
time_async_call (CsnDraft   *draft,
                 const char *path)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  csn_export_xlsx_async (draft, path, CSN_LANGUAGE_ES, NULL, on_async_done_cb, loop);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_main_loop_run (loop);
  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree double *t_export = NULL, *t_bare = NULL, *t_bare_cm = NULL, *t_cli = NULL, *t_compare = NULL;
  long rss_export = 0, rss_bare = 0, rss_bare_cm = 0, rss_cli = 0, rss_compare = 0, rss;
  struct rusage self;
  gint64 start;
  double t_generate, m_export, m_bare, m_bare_cm, m_cli = 0, best_cli = 0, best_bare = 0;
  struct stat st;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each writer (default 5)", "N" },
    { "themes", 0, 0, G_OPTION_ARG_INT, &n_themes, "Themes (default 500)", "N" },
    { "strategies", 0, 0, G_OPTION_ARG_INT, &n_strategies, "Strategies (default 5000)", "N" },
    { "role-proposals", 0, 0, G_OPTION_ARG_INT, &n_role_proposals, "Role proposals (default 2000)", "N" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Participants (default 1000)", "N" },
    { "consenso", 0, 0, G_OPTION_ARG_FILENAME, &consenso_path,
      "Also time this consenso binary's --export-xlsx, load included (needs /usr/bin/time)", "PATH" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare_path,
      "With --consenso, also time this other consenso binary (an earlier build), run after each run of the "
      "first", "PATH" },
    { "save-draft", 0, 0, G_OPTION_ARG_FILENAME, &save_draft_path,
      "Also save the large draft to FILE, to profile `consenso --export-xlsx FILE` on", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &keep_path,
      "Also export the large draft to FILE, to look at", "FILE" },
    { "profile-export", 0, 0, G_OPTION_ARG_NONE, &profile_export,
      "Only export, N times in this process (to run under perf)", NULL },
    { "profile-bare", 0, 0, G_OPTION_ARG_NONE, &profile_bare,
      "Only write with bare libxlsxwriter, N times in this process (to run under callgrind)", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);
  n_themes = MAX (n_themes, 1);

  dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  export_path = g_build_filename (dir, "export.xlsx", NULL);
  bare_path = g_build_filename (dir, "bare.xlsx", NULL);

  start = g_get_monotonic_time ();
  draft = bench_draft_generate (&(BenchDraftSize) { n_themes, n_strategies, n_role_proposals, n_participants });
  t_generate = (g_get_monotonic_time () - start) / 1e6;
  getrusage (RUSAGE_SELF, &self);

  if (save_draft_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (save_draft_path);

      if (!csn_draft_save_to_file (draft, file, &error))
        g_error ("%s", error->message);
    }
  if (keep_path != NULL && !csn_export_xlsx (draft, keep_path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  if (profile_export || profile_bare)
    {
      for (guint i = 0; i < n_runs; i++)
        if (profile_bare)
          write_bare (draft, bare_path, FALSE);
        else if (!csn_export_xlsx (draft, export_path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error))
          g_error ("%s", error->message);
      g_unlink (export_path);
      g_unlink (bare_path);
      g_rmdir (dir);
      return 0;
    }

  t_export = g_new (double, n_runs);
  t_bare = g_new (double, n_runs);
  t_bare_cm = g_new (double, n_runs);
  t_cli = g_new (double, n_runs);
  t_compare = g_new (double, n_runs);
  if (consenso_path != NULL)
    {
      g_autofree char *data = NULL;
      gsize length;

      draft_path = g_build_filename (dir, "large.consenso", NULL);
      data = csn_draft_to_data (draft, &length);
      if (!g_file_set_contents (draft_path, data, length, &error))
        g_error ("%s", error->message);
    }
  /* Interleaved, so that a slow moment of the machine hurts both sides alike. */
  for (guint i = 0; i < n_runs; i++)
    {
      t_export[i] = run_once (draft, RUN_EXPORT, export_path, &rss);
      rss_export = MAX (rss_export, rss);
      t_bare[i] = run_once (draft, RUN_BARE, bare_path, &rss);
      rss_bare = MAX (rss_bare, rss);
      t_bare_cm[i] = run_once (draft, RUN_BARE_CONSTANT_MEMORY, bare_path, &rss);
      rss_bare_cm = MAX (rss_bare_cm, rss);
      if (draft_path != NULL)
        {
          t_cli[i] = run_cli (consenso_path, draft_path, export_path, &rss);
          rss_cli = MAX (rss_cli, rss);
          if (compare_path != NULL)
            {
              t_compare[i] = run_cli (compare_path, draft_path, export_path, &rss);
              rss_compare = MAX (rss_compare, rss);
            }
        }
    }
  m_export = median (t_export, n_runs);
  m_bare = median (t_bare, n_runs);
  m_bare_cm = median (t_bare_cm, n_runs);
  best_bare = t_bare[0];
  if (draft_path != NULL)
    {
      m_cli = median (t_cli, n_runs);
      best_cli = t_cli[0];
    }

  g_print ("draft: %u themes, %u strategies, %u role proposals, %u participants "
           "(generated and loaded in %.3f s, RSS %.1f MiB)\n",
           n_themes, n_strategies, n_role_proposals, n_participants, t_generate, self.ru_maxrss / 1024.0);
  if (g_stat (export_path, &st) == 0)
    g_print ("workbook: %.1f MiB\n", st.st_size / 1048576.0);
  g_print ("median of %u runs, each in a child process:\n", n_runs);
  g_print ("  csn_export_xlsx (es):                 %.3f s   peak RSS %.1f MiB\n", m_export, rss_export / 1024.0);
  g_print ("  bare libxlsxwriter, default options:  %.3f s   peak RSS %.1f MiB\n", m_bare, rss_bare / 1024.0);
  g_print ("  bare libxlsxwriter, constant_memory:  %.3f s   peak RSS %.1f MiB\n", m_bare_cm, rss_bare_cm / 1024.0);
  g_print ("ratio export / bare default: %.2f   export / bare constant_memory: %.2f\n",
           m_export / m_bare, m_export / m_bare_cm);
  if (draft_path != NULL)
    {
      g_print ("  consenso --export-xlsx, load included: %.3f s   peak RSS %.1f MiB\n", m_cli, rss_cli / 1024.0);
      g_print ("ratio consenso --export-xlsx / bare default: median %.2f, best %.2f   (target <= 1.20)\n",
               m_cli / m_bare, best_cli / best_bare);
      if (compare_path != NULL)
        {
          double m_compare = median (t_compare, n_runs);

          g_print ("  %s --export-xlsx, load included: %.3f s   peak RSS %.1f MiB\n", compare_path, m_compare,
                   rss_compare / 1024.0);
          g_print ("ratio %s / bare default: median %.2f, best %.2f\n", compare_path, m_compare / m_bare,
                   t_compare[0] / best_bare);
        }
    }
  g_print ("main-thread share of csn_export_xlsx_async (copying the draft): %.3f s\n",
           time_async_call (draft, export_path));
  g_print ("targets: export / bare <= 1.20 %s, peak RSS < 100 MiB %s",
           m_export / m_bare <= 1.2 ? "met" : "MISSED", rss_export < 100 * 1024 ? "met" : "MISSED");
  if (draft_path != NULL)
    g_print (", consenso --export-xlsx / bare <= 1.20 %s (median)", m_cli / m_bare <= 1.2 ? "met" : "MISSED");
  g_print ("\n");

  g_unlink (export_path);
  g_unlink (bare_path);
  if (draft_path != NULL)
    g_unlink (draft_path);
  g_rmdir (dir);
  return 0;
}
