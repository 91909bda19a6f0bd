/* test-validation.c: the draft's shared validation says what csn_draft_validate() and
 * csn_draft_list_open_items() say, is remade once at idle however many edits came before, updates
 * its lists in place, and answers per country and per item. */
#include "config.h"

#include "bench-draft.h"
#include "consenso-core.h"
#include "csn-validate-private.h"

static void
on_changed_cb (CsnValidation *validation,
               guint         *count)
{
  (*count)++;
}

/* Runs the main loop until the validation is no longer pending. */
static void
wait_validated (CsnValidation *validation)
{
  while (csn_validation_get_pending (validation))
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_problems_equal (GListModel *a,
                       GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CsnProblem) pa = g_list_model_get_item (a, i);
      g_autoptr(CsnProblem) pb = g_list_model_get_item (b, i);

      g_assert_true (csn_problem_equal (pa, pb));
    }
}

static void
assert_open_items_equal (GListModel *a,
                         GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CsnOpenItem) oa = g_list_model_get_item (a, i);
      g_autoptr(CsnOpenItem) ob = g_list_model_get_item (b, i);

      g_assert_cmpint (csn_open_item_get_kind (oa), ==, csn_open_item_get_kind (ob));
      g_assert_true (csn_open_item_get_item (oa) == csn_open_item_get_item (ob));
      g_assert_cmpstr (csn_open_item_get_place (oa), ==, csn_open_item_get_place (ob));
      g_assert_cmpstr (csn_open_item_get_message (oa), ==, csn_open_item_get_message (ob));
      g_assert_true ((csn_open_item_get_problem (oa) == NULL) == (csn_open_item_get_problem (ob) == NULL));
    }
}

static void
assert_as_validated (CsnValidation *validation,
                     CsnDraft      *draft)
{
  g_autoptr(GListModel) problems = csn_draft_validate (draft);
  g_autoptr(GListModel) open_items = csn_draft_list_open_items (draft);

  g_assert_false (csn_validation_get_pending (validation));
  assert_problems_equal (csn_validation_get_problems (validation), problems);
  assert_open_items_equal (csn_validation_get_open_items (validation), open_items);
}

static CsnItem *
add_participant (CsnDraft   *draft,
                 const char *country)
{
  g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT, "country", country, NULL);

  csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
  return participant;
}

static void
test_follows_edits (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnValidation *validation = csn_draft_get_validation (draft);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(CsnItem) theme = g_list_model_get_item (themes, 0);
  guint changed = 0;

  g_assert_true (csn_draft_get_validation (draft) == validation);
  assert_as_validated (validation, draft);
  g_signal_connect (validation, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* Three edits, one validation. */
  csn_draft_set_string (draft, theme, CSN_THEME_PROP_PILLAR, "nowhere");
  csn_draft_set_enum (draft, theme, CSN_THEME_PROP_HORIZON, CSN_HORIZON_SHORT_TERM);
  csn_draft_set_enum (draft, theme, CSN_THEME_PROP_CONSENSUS, CSN_CONSENSUS_AGREED);
  g_assert_true (csn_validation_get_pending (validation));
  wait_validated (validation);
  g_assert_cmpuint (changed, ==, 1);
  assert_as_validated (validation, draft);
  g_assert_nonnull (csn_validation_get_item_problems (validation, theme));

  csn_draft_undo (draft);
  csn_draft_undo (draft);
  csn_draft_undo (draft);
  csn_validation_update_now (validation);
  g_assert_cmpuint (changed, ==, 2);
  assert_as_validated (validation, draft);
  g_assert_null (csn_validation_get_item_problems (validation, theme));

  /* Nothing to do: no signal. */
  csn_validation_update_now (validation);
  g_assert_cmpuint (changed, ==, 2);
}

/* Over the quota: the country's warning is the validation's, at the first participant beyond. */
static void
test_quota (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnValidation *validation = csn_draft_get_validation (draft);
  CsnCountry *country = CSN_COUNTRY (csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "GT"));
  int quota = csn_country_get_delegation_quota (country);
  g_autoptr(GPtrArray) participants = g_ptr_array_new ();
  CsnProblem *problem;

  g_assert_null (csn_validation_get_quota_problem (validation, "GT"));
  for (int i = 0; i < quota + 2; i++)
    g_ptr_array_add (participants, add_participant (draft, "GT"));
  g_assert_cmpuint (csn_draft_count_participants (draft, "GT"), ==, quota + 2);
  wait_validated (validation);
  assert_as_validated (validation, draft);

  problem = csn_validation_get_quota_problem (validation, "GT");
  g_assert_nonnull (problem);
  g_assert_true (csn_problem_get_item (problem) == g_ptr_array_index (participants, quota));
  g_assert_cmpstr (csn_problem_get_property_name (problem), ==, CSN_PARTICIPANT_PROP_COUNTRY);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (csn_validation_get_figures (validation), "GT"), ==,
                    quota + 2);
  g_assert_null (csn_validation_get_quota_problem (validation, "MX"));
}

/* The warning the views show: none within the quota; beyond it the quota alone until the validation
 * catches up with the last change, then the validation's words. */
static void
test_quota_warning (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnValidation *validation = csn_draft_get_validation (draft);
  CsnCountry *country = CSN_COUNTRY (csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "GT"));
  int quota = csn_country_get_delegation_quota (country);
  g_autofree char *within = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *expected = g_strdup_printf ("Over the quota of %d", quota);
  g_autofree char *validated = NULL;

  for (int i = 0; i < quota; i++)
    add_participant (draft, "GT");
  wait_validated (validation);
  within = csn_validation_dup_quota_warning (validation, country);
  g_assert_null (within);

  add_participant (draft, "GT");
  g_assert_true (csn_validation_get_pending (validation));
  pending = csn_validation_dup_quota_warning (validation, country);
  g_assert_cmpstr (pending, ==, expected);

  wait_validated (validation);
  validated = csn_validation_dup_quota_warning (validation, country);
  g_assert_cmpstr (validated, ==, csn_problem_get_message (csn_validation_get_quota_problem (validation, "GT")));
  g_assert_cmpstr (validated, !=, expected);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *spliced)
{
  spliced[0] = position;
  spliced[1] = removed;
  spliced[2] = added;
}

/* An edit that settles one open entry removes that one entry: the others stay the same objects. */
static void
test_updated_in_place (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnValidation *validation = csn_draft_get_validation (draft);
  GListModel *open_items = csn_validation_get_open_items (validation);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  guint spliced[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
  guint n = g_list_model_get_n_items (open_items);
  guint target = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      CsnOpenItem *open = g_list_model_get_item (open_items, i);

      g_ptr_array_add (before, open);
      if (target == G_MAXUINT && csn_open_item_get_kind (open) == CSN_OPEN_KIND_CONSENSUS)
        target = i;
    }
  g_assert_cmpuint (target, !=, G_MAXUINT);

  g_signal_connect (open_items, "items-changed", G_CALLBACK (on_items_changed_cb), spliced);
  csn_draft_set_enum (draft, csn_open_item_get_item (g_ptr_array_index (before, target)),
                      CSN_THEME_PROP_CONSENSUS, CSN_CONSENSUS_AGREED);
  wait_validated (validation);

  g_assert_cmpuint (spliced[0], ==, target);
  g_assert_cmpuint (spliced[1], ==, 1);
  g_assert_cmpuint (spliced[2], ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (open_items), ==, n - 1);
  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (open_items, i);

      g_assert_true (open == g_ptr_array_index (before, i < target ? i : i + 1));
    }
  assert_as_validated (validation, draft);
}

/* The validation may outlive its draft: it keeps what it said last and follows nothing. */
static void
test_outlives_draft (void)
{
  CsnDraft *draft = csn_draft_new_from_template ();
  g_autoptr(CsnValidation) validation = g_object_ref (csn_draft_get_validation (draft));
  g_autoptr(CsnItem) theme = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES), 0);
  guint n = g_list_model_get_n_items (csn_validation_get_problems (validation));

  csn_draft_set_string (draft, theme, CSN_THEME_PROP_PILLAR, "nowhere");
  g_assert_true (csn_validation_get_pending (validation));
  g_object_unref (draft);
  g_assert_null (csn_validation_get_draft (validation));
  g_assert_false (csn_validation_get_pending (validation));
  csn_validation_update_now (validation);
  g_assert_cmpuint (g_list_model_get_n_items (csn_validation_get_problems (validation)), ==, n);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A large draft is validated a slice at a time: the steps give what one pass gives, and edits that
 * come between two slices begin the remaking again, so that the lists are those of the last edit. */
static void
test_slices (void)
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GString) json = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnValidator) validator = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GListModel) sliced = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *strategies;
  CsnValidation *validation;
  guint n_steps = 1;

  bench_draft_size_scale (&size, 0.2);
  json = bench_draft_generate_json (&size);
  draft = csn_draft_load_from_data (json->str, json->len, "fifth.consenso", &error);
  g_assert_no_error (error);

  /* A deadline already past: each step does the least it can. */
  whole = csn_draft_validate (draft);
  validator = csn_validator_new (draft);
  while (!csn_validator_step (validator, 0))
    n_steps++;
  g_assert_cmpuint (n_steps, >, 50);
  sliced = csn_validator_finish (g_steal_pointer (&validator));
  assert_problems_equal (sliced, whole);
  g_assert_cmpuint (g_list_model_get_n_items (whole), >, 0);

  validation = csn_draft_get_validation (draft);
  strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, i * 7);

      /* A dangling theme, then a theme again: each edit changes the problems. */
      csn_draft_set_string (draft, strategy, CSN_STRATEGY_PROP_THEME, i % 2 == 0 ? "no-such-theme" : NULL);
      g_assert_true (csn_validation_get_pending (validation));
      g_main_context_iteration (NULL, FALSE);
    }
  wait_validated (validation);
  assert_as_validated (validation, draft);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/follows-edits", test_follows_edits);
  g_test_add_func ("/validation/quota", test_quota);
  g_test_add_func ("/validation/quota-warning", test_quota_warning);
  g_test_add_func ("/validation/updated-in-place", test_updated_in_place);
  g_test_add_func ("/validation/outlives-draft", test_outlives_draft);
  g_test_add_func ("/validation/slices", test_slices);

  return g_test_run ();
}
