/* bench-answers.c: times the delegations' export against the single full export, and the import of the
 * eleven returned workbooks, on the large draft (500 themes, 5,000 strategies, 2,000 role proposals). */
#define G_LOG_DOMAIN "bench-answers"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-draft.h"
#include "consenso-core.h"

static guint n_runs = 5;
static char *write_dir;
static gboolean import_mode;
static double positions_share;

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
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
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Every member state's position on a share of the agenda, so that their workbooks differ row by row. */
static void
add_positions (CsnDraft *draft,
               double    share)
{
  const char *countries[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
  CsnCollection agenda[] = { CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS,
                             CSN_COLLECTION_ROLE_PROPOSALS };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint n = 0;

  for (guint a = 0; a < G_N_ELEMENTS (agenda); a++)
    {
      GListModel *items = csn_draft_get_collection (draft, agenda[a]);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (items, i);

          for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
            {
              g_autofree char *id = NULL;
              g_autoptr(CsnItem) position = NULL;

              if (g_rand_double (rand) >= share)
                continue;
              id = g_strdup_printf ("position-%u", ++n);
              position = g_object_new (CSN_TYPE_POSITION, "id", id, "country", countries[c],
                                       "item", csn_item_get_key (item), "stance", CSN_STANCE_SUPPORTS,
                                       "comment", "Con observaciones", NULL);
              csn_draft_append (draft, CSN_COLLECTION_POSITIONS, position);
            }
        }
    }
  g_print ("positions: %u (%.0f %% of country and item pairs)\n", n, share * 100);
}

static void
remove_all (char **paths)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_unlink (paths[i]);
}

static void
bench_export (CsnDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-answers-XXXXXX", &error);
  g_autofree char *full = g_build_filename (dir, "full.xlsx", NULL);
  g_autofree double *t_full = g_new (double, n_runs);
  g_autofree double *c_full = g_new (double, n_runs);
  g_autofree double *t_delegations = g_new (double, n_runs);
  g_autofree double *c_delegations = g_new (double, n_runs);
  double m_full, m_delegations;

  /* Interleaved, so that a slow moment of a shared machine hurts both alike. */
  for (guint i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();
      char **paths;

      if (!csn_export_xlsx (draft, full, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t_full[i] = (g_get_monotonic_time () - start) / 1e6;
      c_full[i] = cpu_seconds () - cpu;

      start = g_get_monotonic_time ();
      cpu = cpu_seconds ();
      paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
      if (paths == NULL)
        g_error ("%s", error->message);
      t_delegations[i] = (g_get_monotonic_time () - start) / 1e6;
      c_delegations[i] = cpu_seconds () - cpu;
      remove_all (paths);
      g_strfreev (paths);
    }
  g_unlink (full);
  g_rmdir (dir);

  m_full = median (t_full, n_runs);
  m_delegations = median (t_delegations, n_runs);
  g_print ("median of %u runs:\n", n_runs);
  g_print ("  csn_export_xlsx (the full workbook, es):        %.3f s (processor %.3f s)\n", m_full,
           median (c_full, n_runs));
  g_print ("  csn_export_delegations (11 workbooks, es + en): %.3f s (processor %.3f s)\n", m_delegations,
           median (c_delegations, n_runs));
  g_print ("  ratio: %.2f (target <= 3: %s)\n", m_delegations / m_full, m_delegations / m_full <= 3 ? "met" : "MISSED");
}

static int
write_workbooks (CsnDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_path = g_build_filename (write_dir, "large.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (draft_path);
  g_auto(GStrv) paths = NULL;

  if (!csn_draft_save_to_file (draft, file, &error))
    g_error ("%s", error->message);
  paths = csn_export_delegations (draft, write_dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  if (paths == NULL)
    g_error ("%s", error->message);
  return 0;
}

static int
import_workbooks (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *wall = g_new (double, n_runs);
  g_autofree double *cpu = g_new (double, n_runs);
  guint n_changes = 0;
  double apply_time = 0;

  if (argc < 3)
    g_error ("--import DRAFT WORKBOOK…");
  draft_file = g_file_new_for_commandline_arg (argv[1]);
  draft = csn_draft_load_from_file (draft_file, &error);
  if (draft == NULL)
    g_error ("%s", error->message);
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(CsnChangeSet) set = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();

      set = csn_answers_import (draft, (GFile **) files->pdata, files->len, &problems, NULL, &error);
      wall[run] = (g_get_monotonic_time () - start) / 1e6;
      cpu[run] = cpu_seconds () - cpu_start;
      if (set == NULL)
        g_error ("%s", error->message);
      if (problems->len > 0)
        g_error ("%s", ((GError *) g_ptr_array_index (problems, 0))->message);
      n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
      if (run == n_runs - 1)
        {
          start = g_get_monotonic_time ();
          csn_change_set_apply (set, draft);
          apply_time = (g_get_monotonic_time () - start) / 1e6;
        }
    }
  g_print ("csn_answers_import, %u workbooks, %u changes: %.3f s (processor %.3f s), median of %u runs\n",
           files->len, n_changes, median (wall, n_runs), median (cpu, n_runs), n_runs);
  g_print ("applying them as one undoable step: %.3f s\n", apply_time);
  g_print ("IMPORT_SECONDS %.3f\n", median (wall, n_runs));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[DRAFT WORKBOOK…]");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each (default 5)", "N" },
    { "positions", 0, 0, G_OPTION_ARG_DOUBLE, &positions_share,
      "Give every country a position on this share of the items first (0 to 1)", "SHARE" },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir,
      "Save the large draft and its delegations' workbooks into DIR, and exit", "DIR" },
    { "import", 0, 0, G_OPTION_ARG_NONE, &import_mode, "Time the import of DRAFT's returned WORKBOOKs", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);
  if (import_mode)
    return import_workbooks (argc, argv);

  draft = bench_draft_generate (&size);
  g_print ("draft: %u themes, %u strategies, %u role proposals, %u participants\n",
           size.themes, size.strategies, size.role_proposals, size.participants);
  if (positions_share > 0)
    add_positions (draft, positions_share);
  if (write_dir != NULL)
    return write_workbooks (draft);
  bench_export (draft);
  return 0;
}
