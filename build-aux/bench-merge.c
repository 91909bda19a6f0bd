/* bench-merge.c: times the merge of two copies of a large draft that each changed 10 % of the items,
 * with its peak memory, against git merge-file on the same three files as text, and counts git's
 * conflict hunks that the field-by-field merge did not find to be conflicts. */
#define G_LOG_DOMAIN "bench-merge"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "consenso-core.h"

static guint n_themes = 500;
static guint n_strategies = 5000;
static guint n_role_proposals = 2000;
static guint n_participants = 1000;
static guint n_runs = 5;
static double changed_share = 0.10;
static gboolean profile_merge;

static const char *words[] = {
  "migración", "protección", "consular", "niñez", "no", "acompañada", "retorno", "reintegración",
  "trata", "personas", "tráfico", "ilícito", "migrantes", "flujos", "mixtos", "extrarregionales",
  "cooperación", "regional", "fortalecimiento", "capacidades", "institucionales", "derechos",
  "humanos", "desarrollo", "laboral", "mecanismo", "seguimiento", "evaluación", "país", "red",
};

static char *
make_words (GRand *rand,
            guint  n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (out, FALSE);
}

/* The template grown to the benchmark's sizes, as bench-export makes it. */
static CsnDraft *
generate_draft (void)
{
  CsnDraft *draft = csn_draft_new_from_template ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20101125);
  const char *countries[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
  const char *pillars[] = { "policy-management", "human-rights", "development" };
  const char *actors[] = { "ppt", "st", "rrocm", "observer-countries", "international-organizations" };
  GListStore *stores[CSN_N_COLLECTIONS];

  for (guint c = 0; c < CSN_N_COLLECTIONS; c++)
    stores[c] = G_LIST_STORE (csn_draft_get_collection (draft, c));
  g_list_store_remove_all (stores[CSN_COLLECTION_THEMES]);
  g_list_store_remove_all (stores[CSN_COLLECTION_STRATEGIES]);

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnTheme) theme = csn_theme_new ();
      g_autoptr(CsnReservation) reservation = csn_reservation_new ();
      g_autofree char *id = g_strdup_printf ("theme-%u", i + 1);
      g_autofree char *title = make_words (rand, 8);
      g_autofree char *description = make_words (rand, 50);
      g_autofree char *notes = make_words (rand, 15);
      g_autofree char *text = make_words (rand, 12);
      g_autoptr(GStrvBuilder) raised = g_strv_builder_new ();
      g_auto(GStrv) raised_by = NULL;

      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        if (g_rand_boolean (rand))
          g_strv_builder_add (raised, countries[c]);
      raised_by = g_strv_builder_end (raised);
      g_object_set (theme, "id", id, "title", title, "description", description, "notes", notes,
                    "pillar", pillars[i % 3], "raised-by", raised_by, "horizon", i % 3,
                    "consensus", CSN_CONSENSUS_RESERVATIONS, NULL);
      g_object_set (reservation, "country", "CA", "text", text, NULL);
      g_list_store_append (G_LIST_STORE (csn_item_get_children (CSN_ITEM (theme), "reservations")), reservation);
      g_list_store_append (stores[CSN_COLLECTION_THEMES], theme);
    }
  for (guint i = 0; i < n_strategies; i++)
    {
      g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
      g_autofree char *id = g_strdup_printf ("strategy-%u", i + 1);
      g_autofree char *theme = g_strdup_printf ("theme-%u", i % n_themes + 1);
      g_autofree char *description = make_words (rand, 30);
      g_autofree char *notes = make_words (rand, 12);
      const char *support[] = { actors[(i + 1) % 5], actors[(i + 2) % 5], NULL };

      g_object_set (strategy, "id", id, "theme", theme, "description", description, "notes", notes,
                    "mechanism", CSN_MECHANISM_KIND_WORKSHOP, "lead", actors[i % 5], "support", support,
                    "horizon", i % 3, NULL);
      g_list_store_append (stores[CSN_COLLECTION_STRATEGIES], strategy);
    }
  for (guint i = 0; i < n_role_proposals; i++)
    {
      g_autoptr(CsnRoleProposal) proposal = csn_role_proposal_new ();
      g_autofree char *id = g_strdup_printf ("role-%u", i + 1);
      g_autofree char *attribution = make_words (rand, 25);
      g_autofree char *rationale = make_words (rand, 25);
      const char *supported_by[] = { countries[i % G_N_ELEMENTS (countries)], "MX", NULL };

      g_object_set (proposal, "id", id, "actor", actors[i % 5], "change", CSN_ROLE_CHANGE_MODIFY,
                    "attribution", attribution, "rationale", rationale,
                    "supported-by", i % G_N_ELEMENTS (countries) == 7 ? supported_by + 1 : supported_by, NULL);
      g_list_store_append (stores[CSN_COLLECTION_ROLE_PROPOSALS], proposal);
    }
  for (guint i = 0; i < n_participants; i++)
    {
      g_autoptr(CsnParticipant) participant = csn_participant_new ();
      g_autofree char *id = g_strdup_printf ("participant-%u", i + 1);
      g_autofree char *name = make_words (rand, 3);
      g_autofree char *position = make_words (rand, 5);
      g_autofree char *email = g_strdup_printf ("delegate%u@example.org", i + 1);

      g_object_set (participant, "id", id, "name", name, "country", countries[i % G_N_ELEMENTS (countries)],
                    "position", position, "email", email, "role", CSN_PARTICIPANT_ROLE_DELEGATE, NULL);
      g_list_store_append (stores[CSN_COLLECTION_PARTICIPANTS], participant);
    }
  return draft;
}

static CsnDraft *
copy_draft (CsnDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  CsnDraft *copy;

  data = csn_draft_to_data (draft, &length);
  copy = csn_draft_load_from_data (data, length, "copy.consenso", &error);
  if (copy == NULL)
    g_error ("%s", error->message);
  return copy;
}

static void
stamp (CsnDraft   *draft,
       const char *saved_by)
{
  g_autoptr(CsnLineage) lineage = csn_lineage_new_for_save (csn_draft_get_lineage (draft), draft, saved_by);

  csn_lineage_assign (csn_draft_get_lineage (draft), lineage);
}

/* A co-chair's day: a text or a choice changed on one item in ten, a few items added and removed. */
static void
edit_tenth (CsnDraft *draft,
            guint32   seed,
            guint    *n_changed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const CsnCollection collections[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_ROLE_PROPOSALS, CSN_COLLECTION_PARTICIPANTS,
  };

  *n_changed = 0;
  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      GListModel *model = csn_draft_get_collection (draft, collections[c]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CsnItem) item = NULL;
          g_autofree char *text = NULL;

          if (g_rand_double (rand) >= changed_share)
            continue;
          item = g_list_model_get_item (model, i);
          text = make_words (rand, 6);
          (*n_changed)++;
          /* One field of the item, any of those the pages edit. */
          switch (collections[c] * 8 + g_rand_int_range (rand, 0, 4))
            {
            case CSN_COLLECTION_THEMES * 8 + 0:
              g_object_set (item, "horizon", g_rand_int_range (rand, 0, 3), NULL);
              break;
            case CSN_COLLECTION_THEMES * 8 + 1:
              g_object_set (item, "consensus", g_rand_int_range (rand, 0, 3), NULL);
              break;
            case CSN_COLLECTION_THEMES * 8 + 2:
              g_object_set (item, "notes", text, NULL);
              break;
            case CSN_COLLECTION_THEMES * 8 + 3:
              g_object_set (item, "title", text, NULL);
              break;
            case CSN_COLLECTION_STRATEGIES * 8 + 0:
              g_object_set (item, "description", text, NULL);
              break;
            case CSN_COLLECTION_STRATEGIES * 8 + 1:
              g_object_set (item, "horizon", g_rand_int_range (rand, 0, 3), NULL);
              break;
            case CSN_COLLECTION_STRATEGIES * 8 + 2:
              g_object_set (item, "mechanism", g_rand_int_range (rand, 0, 8), NULL);
              break;
            case CSN_COLLECTION_STRATEGIES * 8 + 3:
              g_object_set (item, "notes", text, NULL);
              break;
            case CSN_COLLECTION_ROLE_PROPOSALS * 8 + 0:
            case CSN_COLLECTION_ROLE_PROPOSALS * 8 + 1:
              g_object_set (item, "status", g_rand_int_range (rand, 0, 3), NULL);
              break;
            case CSN_COLLECTION_ROLE_PROPOSALS * 8 + 2:
              g_object_set (item, "rationale", text, NULL);
              break;
            case CSN_COLLECTION_ROLE_PROPOSALS * 8 + 3:
              g_object_set (item, "change", g_rand_int_range (rand, 0, 4), NULL);
              break;
            case CSN_COLLECTION_PARTICIPANTS * 8 + 0:
            case CSN_COLLECTION_PARTICIPANTS * 8 + 1:
              g_object_set (item, "position", text, NULL);
              break;
            default:
              g_object_set (item, "role", g_rand_int_range (rand, 0, 3), NULL);
              break;
            }
        }
    }
  /* New strategies, one in a hundred removed participants. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
      g_autofree char *description = make_words (rand, 20);
      g_autofree char *id = csn_draft_make_id (draft, CSN_COLLECTION_STRATEGIES);
      g_autofree char *theme = g_strdup_printf ("theme-%u", g_rand_int_range (rand, 1, n_themes + 1));

      g_object_set (strategy, "id", id, "theme", theme, "description", description, NULL);
      g_list_store_insert (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)),
                           g_rand_int_range (rand, 0, n_strategies), strategy);
    }
  for (guint i = 0; i < n_participants / 100; i++)
    g_list_store_remove (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS)),
                         g_rand_int_range (rand, 0, n_participants - 20));
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, -1, &error))
    g_error ("%s", error->message);
  return path;
}

typedef struct {
  const char *mine;
  const char *theirs;
  const char *out;
  guint       n_conflicts;
  double      merge_only;     /* CPU seconds of the merge and apply */
  double      loading;        /* CPU seconds reading both files and unpacking the ancestor */
} MergeRun;

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What `consenso --merge` does: read both files, find the ancestor from the lineage, merge,
 * apply, write. */
static void
merge_files (MergeRun *run)
{
  double loading_start = cpu_seconds ();
  g_autoptr(GFile) mine_file = g_file_new_for_path (run->mine);
  g_autoptr(GFile) theirs_file = g_file_new_for_path (run->theirs);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) mine = csn_draft_load_from_file (mine_file, &error);
  g_autoptr(CsnDraft) theirs = csn_draft_load_from_file (theirs_file, &error);
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *data = NULL;
  double start = cpu_seconds ();
  gsize length;

  if (mine == NULL || theirs == NULL)
    g_error ("%s", error->message);
  base = csn_merge_find_base (mine, theirs);
  if (base == NULL)
    g_error ("no common ancestor");
  run->loading = cpu_seconds () - loading_start;
  start = cpu_seconds ();
  set = csn_merge_drafts (mine, theirs, base, "theirs.consenso");
  csn_change_set_apply (set, mine);
  run->merge_only = cpu_seconds () - start;
  run->n_conflicts = csn_change_set_get_n_conflicts (set);
  data = csn_draft_to_data (mine, &length);
  out = g_file_new_for_path (run->out);
  if (!csn_safe_file_save (out, data, length, CSN_SAFE_FILE_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* In a new process (this program again, so that the peak RSS is the merge's own, not a forked
 * copy of this one's drafts); returns its CPU seconds. */
static double
run_merge_child (const char *self_path,
                 MergeRun   *run,
                 long       *max_rss_kib,
                 double     *merge_only,
                 double     *loading)
{
  const char *argv[] = { self_path, "--merge-child", run->mine, run->theirs, run->out, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  struct rusage usage;
  int status;
  GPid pid;
  int out_fd;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                 &out_fd, NULL, &error))
    g_error ("%s", error->message);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    if (g_io_channel_read_to_end (channel, &output, NULL, &error) != G_IO_STATUS_NORMAL)
      g_error ("%s", error->message);
  }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the merge's child failed");
  g_spawn_close_pid (pid);
  if (sscanf (output, "%lf %lf", merge_only, loading) != 2)
    g_error ("the merge's child said “%s”", output);
  *max_rss_kib = usage.ru_maxrss;
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* git's CPU seconds (its child's, from rusage). */
static double
run_git (const char *mine,
         const char *base,
         const char *theirs,
         char      **output)
{
  struct rusage before, after;
  const char *argv[] = { "git", "merge-file", "-p", "-L", "mine", "-L", "base", "-L", "theirs", mine, base, theirs, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  getrusage (RUSAGE_CHILDREN, &before);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     output, NULL, &status, &error))
    g_error ("git merge-file: %s", error->message);
  getrusage (RUSAGE_CHILDREN, &after);
  return (after.ru_utime.tv_sec - before.ru_utime.tv_sec) + (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
         (after.ru_stime.tv_sec - before.ru_stime.tv_sec) + (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
}

/* The id of the item a line of a draft file belongs to, tracked line by line. */
static void
track_id (const char  *line,
          char       **current)
{
  const char *trimmed = g_strchug ((char *) line);

  if (g_str_has_prefix (trimmed, "\"id\": \""))
    {
      const char *start = trimmed + strlen ("\"id\": \"");
      const char *end = strchr (start, '"');

      if (end != NULL)
        {
          g_free (*current);
          *current = g_strndup (start, end - start);
        }
    }
}

/* Git's conflict hunks, and those on items the field-by-field merge found no conflict in. */
static void
count_git_conflicts (const char *output,
                     GHashTable *conflicted,
                     guint      *n_hunks,
                     guint      *n_false)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autofree char *current = NULL;
  g_autoptr(GHashTable) hunk_ids = NULL;

  *n_hunks = *n_false = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "<<<<<<<"))
        {
          hunk_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          if (current != NULL)
            g_hash_table_add (hunk_ids, g_strdup (current));
          continue;
        }
      if (g_str_has_prefix (lines[i], ">>>>>>>"))
        {
          GHashTableIter iter;
          gpointer id;
          gboolean real = FALSE;

          g_hash_table_iter_init (&iter, hunk_ids);
          while (g_hash_table_iter_next (&iter, &id, NULL))
            real |= g_hash_table_contains (conflicted, id);
          (*n_hunks)++;
          if (!real)
            (*n_false)++;
          g_clear_pointer (&hunk_ids, g_hash_table_unref);
          continue;
        }
      track_id (lines[i], &current);
      if (hunk_ids != NULL && current != NULL)
        g_hash_table_add (hunk_ids, g_strdup (current));
    }
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
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GHashTable) conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *mine_path = NULL, *theirs_path = NULL, *base_path = NULL, *out_path = NULL;
  g_autofree char *mine_text = NULL, *theirs_text = NULL, *base_text = NULL;
  g_autofree char *mine_content = NULL, *theirs_content = NULL, *base_content = NULL, *plain_content = NULL;
  g_autofree char *mine_plain = NULL, *theirs_plain = NULL, *base_plain = NULL;
  g_autofree double *t_merge = NULL, *t_merge_only = NULL, *t_loading = NULL, *t_git = NULL;
  g_autofree char *git_output = NULL;
  long rss_merge = 0, rss;
  guint n_mine = 0, n_theirs = 0, n_hunks = 0, n_false = 0;
  MergeRun run = { 0 };
  double t_encode;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each merge (default 5)", "N" },
    { "themes", 0, 0, G_OPTION_ARG_INT, &n_themes, "Themes (default 500)", "N" },
    { "strategies", 0, 0, G_OPTION_ARG_INT, &n_strategies, "Strategies (default 5000)", "N" },
    { "role-proposals", 0, 0, G_OPTION_ARG_INT, &n_role_proposals, "Role proposals (default 2000)", "N" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Participants (default 1000)", "N" },
    { "changed", 0, 0, G_OPTION_ARG_DOUBLE, &changed_share, "Share of items each side changes (default 0.10)", "F" },
    { "profile-merge", 0, 0, G_OPTION_ARG_NONE, &profile_merge,
      "Only merge the files, N times in this process (to run under callgrind)", NULL },
    { NULL }
  };

  if (argc == 5 && g_str_equal (argv[1], "--merge-child"))
    {
      MergeRun child = { argv[2], argv[3], argv[4], 0, 0, 0 };

      merge_files (&child);
      g_print ("%f %f\n", child.merge_only, child.loading);
      return 0;
    }

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);
  n_themes = MAX (n_themes, 1);
  n_strategies = MAX (n_strategies, 1);
  n_participants = MAX (n_participants, 100);

  dir = g_dir_make_tmp ("bench-merge-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  /* The ancestor, saved once; two copies of its file, each edited and saved. */
  base = generate_draft ();
  plain_content = csn_draft_to_data (base, NULL);
  t_encode = cpu_seconds ();
  stamp (base, "ST");
  t_encode = cpu_seconds () - t_encode;
  mine = copy_draft (base);
  theirs = copy_draft (base);
  edit_tenth (mine, 1, &n_mine);
  edit_tenth (theirs, 2, &n_theirs);
  stamp (mine, "PPT");
  stamp (theirs, "México");

  mine_text = csn_draft_to_data (mine, NULL);
  theirs_text = csn_draft_to_data (theirs, NULL);
  base_text = csn_draft_to_data (base, NULL);
  mine_path = write_file (dir, "mine.consenso", mine_text);
  theirs_path = write_file (dir, "theirs.consenso", theirs_text);
  base_path = write_file (dir, "base.consenso", base_text);
  out_path = g_build_filename (dir, "out.consenso", NULL);
  /* git sees the drafts as text, without the lineage it could not merge anyway. */
  mine_content = csn_draft_content_to_data (mine, NULL);
  theirs_content = csn_draft_content_to_data (theirs, NULL);
  base_content = csn_draft_content_to_data (base, NULL);
  mine_plain = write_file (dir, "mine.json", mine_content);
  theirs_plain = write_file (dir, "theirs.json", theirs_content);
  base_plain = write_file (dir, "base.json", base_content);

  run.mine = mine_path;
  run.theirs = theirs_path;
  run.out = out_path;

  if (profile_merge)
    {
      for (guint i = 0; i < n_runs; i++)
        merge_files (&run);
      g_print ("merge alone: %.3f s\n", run.merge_only);
      return 0;
    }

  /* The conflicts the field-by-field merge finds, by item. */
  set = csn_merge_drafts (mine, theirs, base, "theirs.consenso");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      CsnItem *item = csn_change_get_item (change);

      if (!csn_change_get_conflict (change) || item == NULL)
        continue;
      if (CSN_IS_RESERVATION (item))
        item = csn_describe_find_parent (mine, item, NULL);
      if (item != NULL && csn_item_get_key (item) != NULL)
        g_hash_table_add (conflicted, g_strdup (csn_item_get_key (item)));
    }

  t_merge = g_new (double, n_runs);
  t_merge_only = g_new (double, n_runs);
  t_loading = g_new (double, n_runs);
  t_git = g_new (double, n_runs);
  for (guint i = 0; i < n_runs; i++)
    {
      g_clear_pointer (&git_output, g_free);
      t_merge[i] = run_merge_child (argv[0], &run, &rss, &t_merge_only[i], &t_loading[i]);
      rss_merge = MAX (rss_merge, rss);
      t_git[i] = run_git (mine_plain, base_plain, theirs_plain, &git_output);
    }
  count_git_conflicts (git_output, conflicted, &n_hunks, &n_false);

  g_print ("draft: %u themes, %u strategies, %u role proposals, %u participants\n",
           n_themes, n_strategies, n_role_proposals, n_participants);
  g_print ("files: %.2f MiB without lineage, %.2f MiB with (lineage %.1f KiB: base %.1f KiB packed, "
           "packed in %.3f s)\n",
           strlen (plain_content) / 1048576.0, strlen (base_text) / 1048576.0,
           (strlen (base_text) - strlen (plain_content)) / 1024.0,
           strlen (csn_lineage_get_base_content (csn_draft_get_lineage (base))) / 1024.0, t_encode);
  g_print ("changed: %u items in mine, %u in theirs (and 50 strategies added, %u participants removed, each)\n",
           n_mine, n_theirs, n_participants / 100);
  g_print ("CPU seconds (the machine is shared: wall clock says little), median of %u runs:\n", n_runs);
  g_print ("  consenso --merge as a whole (read, find the ancestor, merge, apply, write): %.3f s, peak RSS %.1f MiB\n",
           median (t_merge, n_runs), rss_merge / 1024.0);
  g_print ("    reading both files and unpacking the ancestor:                             %.3f s\n",
           median (t_loading, n_runs));
  g_print ("    the merge and apply (what the window waits for):                           %.3f s\n",
           median (t_merge_only, n_runs));
  g_print ("  git merge-file on the same three texts:                                    %.3f s\n",
           median (t_git, n_runs));
  g_print ("conflicts: consenso %u (on %u items); git %u hunks, of which %u false (no conflict field by field)\n",
           csn_change_set_get_n_conflicts (set), g_hash_table_size (conflicted), n_hunks, n_false);
  g_print ("targets: merge and apply < 0.5 s %s, whole command < 0.5 s %s, peak RSS < 150 MiB %s\n",
           median (t_merge_only, n_runs) < 0.5 ? "met" : "MISSED", median (t_merge, n_runs) < 0.5 ? "met" : "MISSED",
           rss_merge < 150 * 1024 ? "met" : "MISSED");

  g_unlink (mine_path);
  g_unlink (theirs_path);
  g_unlink (base_path);
  g_unlink (out_path);
  g_unlink (mine_plain);
  g_unlink (theirs_plain);
  g_unlink (base_plain);
  g_rmdir (dir);
  return 0;
}
