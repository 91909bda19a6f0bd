/* bench-core.c: the core's share of the edits of issue 16 on the large draft, the way the views used to
 * ask for it and the way the core now offers it: property names, validation per commit, lookups
 * after inserts, participants per country, search per keystroke. Builds against older cores too
 * (the kinds they lack are left out), so that one source measures before and after. */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <locale.h>

#include "bench-draft.h"
#include "consenso-core.h"

#if __has_include ("csn-validation.h")
#define HAVE_CORE_INDEXES 1
#else
#define HAVE_CORE_INDEXES 0
#endif

typedef struct
{
  const char *name;
  const char *label;
  void      (*run) (CsnDraft *draft);
} Kind;

static GType (*item_types[]) (void) = {
  csn_meeting_get_type, csn_country_get_type, csn_pillar_get_type, csn_actor_get_type,
  csn_theme_get_type, csn_strategy_get_type, csn_mechanism_get_type, csn_role_proposal_get_type,
  csn_participant_get_type, csn_endorsement_get_type, csn_position_get_type,
};

/* Every field's plain property name, 200 times: what validation and key lookups ask. */
static G_GNUC_NO_INLINE void
run_names (CsnDraft *draft)
{
  guintptr sum = 0;

  for (guint round = 0; round < 200; round++)
    for (guint t = 0; t < G_N_ELEMENTS (item_types); t++)
      {
        CsnItemClass *klass = g_type_class_peek (item_types[t] ());
        guint n_fields;
        const CsnField *fields = csn_item_class_get_fields (klass, &n_fields);

        for (guint i = 0; i < n_fields; i++)
          sum += (guintptr) csn_field_get_property_name (&fields[i], NULL);
      }
  g_assert (sum != 0);
}

static G_GNUC_NO_INLINE void
run_validate (CsnDraft *draft)
{
  g_autoptr(GListModel) problems = csn_draft_validate (draft);

  g_assert (g_list_model_get_n_items (problems) > 0);
}

static CsnItem *
get_item (CsnDraft      *draft,
          CsnCollection  collection,
          guint          position)
{
  GListModel *list = csn_draft_get_collection (draft, collection);
  CsnItem *item = g_list_model_get_item (list, position);

  g_object_unref (item);
  return item;
}

/* What a commit (Enter in a description cell) cost the views: one validation per quota cell (11),
 * one for the delegations header and one for the overview; and the lookup of a strategy's theme,
 * whose index every edit dropped. The edit is undone afterwards. */
static G_GNUC_NO_INLINE void
run_commit_views (CsnDraft *draft)
{
  CsnItem *strategy = get_item (draft, CSN_COLLECTION_STRATEGIES, 100);

  csn_draft_set_string (draft, strategy, CSN_STRATEGY_PROP_DESCRIPTION, "cambiada");
  for (guint i = 0; i < 13; i++)
    run_validate (draft);
  g_assert (csn_draft_lookup (draft, CSN_COLLECTION_THEMES,
                              csn_item_get_string (strategy, CSN_STRATEGY_PROP_THEME)) != NULL);
  csn_draft_undo (draft);
}

/* Two thousand strategies added one at a time, as an import or a merge adds them, each followed by
 * a lookup (a view binding the new row); then removed again. */
static G_GNUC_NO_INLINE void
run_insert_lookups (CsnDraft *draft)
{
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  guint n = g_list_model_get_n_items (strategies);
  char id[32];

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(CsnItem) strategy = NULL;

      g_snprintf (id, sizeof id, "strategy-added-%u", i);
      strategy = g_object_new (CSN_TYPE_STRATEGY, "id", id, NULL);
      g_list_store_append (G_LIST_STORE (strategies), strategy);
      g_assert (csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, id) == strategy);
    }
  g_list_store_splice (G_LIST_STORE (strategies), n, 2000, NULL, 0);
}

/* Each of 11 quota cells and the delegations header counting their delegation, as before. */
static G_GNUC_NO_INLINE void
run_count_walk (CsnDraft *draft)
{
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  GListModel *participants = csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS);
  guint total = 0;

  for (guint c = 0; c < 12; c++)
    {
      CsnItem *country = get_item (draft, CSN_COLLECTION_COUNTRIES, c % g_list_model_get_n_items (countries));

      for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
        {
          g_autoptr(CsnItem) participant = g_list_model_get_item (participants, i);

          if (g_strcmp0 (csn_item_get_string (participant, "country"), csn_item_get_key (country)) == 0)
            total++;
        }
    }
  g_assert (total > 0);
}

/* What binding every strategy row asks of the core: its texts, choices, and the titles its
 * references name (theme, lead). */
static G_GNUC_NO_INLINE void
run_bind_rows (CsnDraft *draft)
{
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  gsize total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (strategies); i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (strategies, i);
      g_autofree char *theme = csn_draft_dup_ref_title (draft, CSN_COLLECTION_THEMES,
                                                        csn_item_get_string (item, "theme"));
      g_autofree char *lead = csn_draft_dup_ref_title (draft, CSN_COLLECTION_ACTORS,
                                                       csn_item_get_string (item, "lead"));
      g_autofree char *title = csn_item_dup_title (item);

      total += strlen (csn_item_get_string (item, "description")) + strlen (csn_item_get_string (item, "notes"));
      total += csn_item_get_enum (item, "horizon") + csn_item_get_enum (item, "mechanism");
      total += g_strv_length ((char **) csn_item_get_strv (item, "support"));
      total += strlen (theme) + strlen (lead) + strlen (title);
    }
  g_assert (total > 0);
}

static const char * const search_properties[] = { "description", "notes", NULL };
static const char * const keystrokes[] = { "m", "mi", "mig", "migr", "migra", "migrac" };

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/* Typing "migrac" in the strategies' search: each keystroke folded every searched text again. */
static G_GNUC_NO_INLINE void
run_search_fold (CsnDraft *draft)
{
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  guint matched = 0;

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    for (guint i = 0; i < g_list_model_get_n_items (strategies); i++)
      {
        g_autoptr(CsnItem) item = g_list_model_get_item (strategies, i);

        for (guint p = 0; search_properties[p] != NULL; p++)
          {
            g_autofree char *folded = fold (csn_item_get_string (item, search_properties[p]));

            if (strstr (folded, keystrokes[k]) != NULL)
              {
                matched++;
                break;
              }
          }
      }
  g_assert (matched > 0);
}

#if HAVE_CORE_INDEXES
/* The same commit with the core's shared validation: one remake, whatever the views. */
static G_GNUC_NO_INLINE void
run_commit_validation (CsnDraft *draft)
{
  CsnValidation *validation = csn_draft_get_validation (draft);
  CsnItem *strategy = get_item (draft, CSN_COLLECTION_STRATEGIES, 100);

  csn_draft_set_string (draft, strategy, CSN_STRATEGY_PROP_DESCRIPTION, "cambiada");
  csn_validation_update_now (validation);
  g_assert (csn_draft_lookup (draft, CSN_COLLECTION_THEMES,
                              csn_item_get_string (strategy, CSN_STRATEGY_PROP_THEME)) != NULL);
  csn_draft_undo (draft);
  csn_validation_update_now (validation);
}

static G_GNUC_NO_INLINE void
run_count_index (CsnDraft *draft)
{
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  guint total = 0;

  for (guint c = 0; c < 12; c++)
    {
      CsnItem *country = get_item (draft, CSN_COLLECTION_COUNTRIES, c % g_list_model_get_n_items (countries));

      total += csn_draft_count_participants (draft, csn_item_get_key (country));
    }
  g_assert (total > 0);
}

static G_GNUC_NO_INLINE void
run_search_cached (CsnDraft *draft)
{
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  guint matched = 0;

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      g_autofree char *needle = csn_fold_search_text (keystrokes[k]);

      for (guint i = 0; i < g_list_model_get_n_items (strategies); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (strategies, i);

          matched += csn_item_matches_search (item, search_properties, needle);
        }
    }
  g_assert (matched > 0);
}
#endif

static const Kind kinds[] = {
  { "names", "property names (200 x every field)", run_names },
  { "bind-rows", "every strategy row's texts and references", run_bind_rows },
  { "validate", "csn_draft_validate", run_validate },
  { "commit-views", "commit: 13 validations + a lookup", run_commit_views },
  { "insert-lookups", "2,000 inserts, a lookup after each", run_insert_lookups },
  { "count-walk", "participants per country, 12 walks", run_count_walk },
  { "search-fold", "search, 6 keystrokes, folding each", run_search_fold },
#if HAVE_CORE_INDEXES
  { "commit-validation", "commit: CsnValidation, then undo", run_commit_validation },
  { "count-index", "participants per country, indexed", run_count_index },
  { "search-cached", "search, 6 keystrokes, cached folds", run_search_cached },
#endif
};

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
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *only = NULL;
  int n_runs = 7;
  double times[G_N_ELEMENTS (kinds)][64];
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each (default 7, at most 64)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only run KIND, N times (to run under callgrind)", "KIND" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Times the core's share of the edits of issue 16 on the large draft (or DRAFT), alternated:\n"
    "as the views asked for it before, and, in a core that has them, through its indexes.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: bench-core [OPTION…] [DRAFT]");
      return 2;
    }
  n_runs = CLAMP (n_runs, 1, 64);

  if (argc == 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      draft = csn_draft_load_from_file (file, &error);
      if (draft == NULL)
        g_error ("%s", error->message);
    }
  else
    draft = bench_draft_generate (&size);
  for (guint t = 0; t < G_N_ELEMENTS (item_types); t++)
    g_type_class_ref (item_types[t] ());

  if (only != NULL)
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (only, kinds[k].name))
          {
            for (int i = 0; i < n_runs; i++)
              kinds[k].run (draft);
            return 0;
          }
      g_printerr ("Unknown kind “%s”\n", only);
      return 2;
    }

  /* Interleaved, so that a slow moment of the machine hurts every kind alike. */
  for (int i = 0; i < n_runs; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        gint64 start = g_get_monotonic_time ();

        kinds[k].run (draft);
        times[k][i] = (g_get_monotonic_time () - start) / 1e3;
      }

  g_print ("best and median of %d runs, alternated, in milliseconds:\n", n_runs);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      qsort (times[k], n_runs, sizeof (double), compare_doubles);
      g_print ("  %-18s %-40s %9.2f %9.2f\n", kinds[k].name, kinds[k].label, times[k][0], times[k][n_runs / 2]);
    }
  return 0;
}
