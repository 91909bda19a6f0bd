/* test-validate.c: each validation rule, with its place and message; a clean template has none. */
#include "config.h"

#include "consenso-core.h"

static CsnDraft *
load_template (void)
{
  return csn_draft_new_from_template ();
}

/* The problems as "place: message" lines, for exact comparison. */
static char *
describe (CsnDraft *draft)
{
  g_autoptr(GListModel) problems = csn_draft_validate (draft);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_string_append_printf (out, "%s %s: %s\n",
                              csn_problem_get_severity (problem) == CSN_SEVERITY_ERROR ? "E" : "W",
                              csn_problem_get_place (problem), csn_problem_get_message (problem));
    }
  return g_string_free (out, FALSE);
}

static CsnItem *
nth (CsnDraft      *draft,
     CsnCollection  collection,
     guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);
  return item;
}

static void
test_template_is_clean (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *problems = describe (draft);

  g_assert_cmpstr (problems, ==, "");
}

static void
test_dangling_references (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *problems = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CsnProblem) first = NULL;
  g_autoptr(CsnRoleProposal) proposal = csn_role_proposal_new ();
  const char *raised[] = { "MX", "XX", NULL };
  const char *support[] = { "ppt", "unicef", NULL };

  g_object_set (nth (draft, CSN_COLLECTION_STRATEGIES, 0), "theme", "theme-99", NULL);
  g_object_set (nth (draft, CSN_COLLECTION_STRATEGIES, 1), "lead", "oim", "support", support, NULL);
  g_object_set (nth (draft, CSN_COLLECTION_THEMES, 2), "pillar", "security", "raised-by", raised, NULL);
  g_object_set (proposal, "id", "proposal-1", "actor", "gone", NULL);
  g_list_store_append (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_ROLE_PROPOSALS)), proposal);
  g_object_set (nth (draft, CSN_COLLECTION_ENDORSEMENTS, 0), "country", "ZZ", NULL);
  g_object_set (csn_draft_get_meeting (draft), "pro-tempore-presidency", "QQ", NULL);

  problems = describe (draft);
  g_assert_cmpstr (problems, ==,
                   "E meeting.pro_tempore_presidency: no country has the id “QQ”\n"
                   "E themes[2].pillar: no pillar has the id “security”\n"
                   "E themes[2].raised_by[1]: no country has the id “XX”\n"
                   "E strategies[0].theme: no theme has the id “theme-99”\n"
                   "E strategies[1].lead: no actor has the id “oim”\n"
                   "E strategies[1].support[1]: no actor has the id “unicef”\n"
                   "E role_proposals[0].actor: no actor has the id “gone”\n"
                   "E endorsements[0].country: no country has the id “ZZ”\n");

  /* A problem knows its item and field, so a view can go there. */
  list = csn_draft_validate (draft);
  first = g_list_model_get_item (list, 1);
  g_assert_true (csn_problem_get_item (first) == nth (draft, CSN_COLLECTION_THEMES, 2));
  g_assert_cmpstr (csn_problem_get_property_name (first), ==, "pillar");
}

static void
test_empty_reference_and_repeats (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autofree char *problems = NULL;
  const char *twice[] = { "GT", "GT", NULL };

  g_object_set (strategy, "id", "strategy-new", NULL);
  g_list_store_append (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)), strategy);
  g_object_set (nth (draft, CSN_COLLECTION_THEMES, 0), "raised-by", twice, NULL);

  problems = describe (draft);
  g_assert_cmpstr (problems, ==,
                   "W themes[0].raised_by[1]: “GT” is listed twice\n"
                   "W strategies[8].theme: no theme is chosen\n");
}

static void
test_duplicate_ids (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *problems = NULL;

  g_object_set (nth (draft, CSN_COLLECTION_THEMES, 4), "id", "theme-2", NULL);
  g_object_set (nth (draft, CSN_COLLECTION_COUNTRIES, 15), "code", "MX", NULL);
  problems = describe (draft);
  g_assert_cmpstr (problems, ==,
                   "E countries[15].code: “MX” is also the id of countries[7]\n"
                   "E themes[4].id: “theme-2” is also the id of themes[1]\n"
                   "E strategies[5].theme: no theme has the id “theme-5”\n");
}

static void
test_presidency_must_be_member (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *problems = NULL;
  g_autofree char *none = NULL;

  g_object_set (csn_draft_get_meeting (draft), "pro-tempore-presidency", "CO", NULL);
  problems = describe (draft);
  g_assert_cmpstr (problems, ==,
                   "E meeting.pro_tempore_presidency: Colombia is an observer; the Pro Tempore Presidency is held by a member country\n");

  g_object_set (csn_draft_get_meeting (draft), "pro-tempore-presidency", NULL, NULL);
  none = describe (draft);
  g_assert_cmpstr (none, ==, "W meeting.pro_tempore_presidency: no Pro Tempore Presidency is chosen\n");
}

static void
test_dates (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  CsnMeeting *meeting = csn_draft_get_meeting (draft);
  g_autofree char *reversed = NULL;
  g_autofree char *unreal = NULL;

  g_assert_true (csn_date_is_valid ("2012-02-29"));
  g_assert_false (csn_date_is_valid ("2011-02-29"));
  g_assert_false (csn_date_is_valid ("2011-13-01"));
  g_assert_false (csn_date_is_valid ("2011-1-01"));
  g_assert_false (csn_date_is_valid ("0000-01-01"));
  g_assert_false (csn_date_is_valid ("2011-01-0x"));
  g_assert_false (csn_date_is_valid (""));

  g_object_set (meeting, "start-date", "2011-03-02", "end-date", "2011-03-01", NULL);
  reversed = describe (draft);
  g_assert_cmpstr (reversed, ==,
                   "E meeting.end_date: the meeting ends (2011-03-01) before it starts (2011-03-02)\n");

  g_object_set (meeting, "start-date", "2011-02-30", "end-date", "2011-03-01", NULL);
  g_object_set (nth (draft, CSN_COLLECTION_ENDORSEMENTS, 3), "date", "31/03/2011", NULL);
  unreal = describe (draft);
  g_assert_cmpstr (unreal, ==,
                   "E meeting.start_date: “2011-02-30” is not a real date in the form YYYY-MM-DD\n"
                   "E endorsements[3].date: “31/03/2011” is not a real date in the form YYYY-MM-DD\n");
}

static void
add_participant (CsnDraft   *draft,
                 const char *id,
                 const char *country)
{
  g_autoptr(CsnParticipant) participant = csn_participant_new ();

  g_object_set (participant, "id", id, "name", id, "country", country, NULL);
  g_list_store_append (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS)), participant);
}

static void
test_quotas (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *within = NULL;
  g_autofree char *over = NULL;
  g_autofree char *lowered = NULL;

  /* Two for Guatemala, three for the Dominican Republic and Mexico: within the quotas. */
  add_participant (draft, "p1", "GT");
  add_participant (draft, "p2", "GT");
  add_participant (draft, "p3", "DO");
  add_participant (draft, "p4", "DO");
  add_participant (draft, "p5", "DO");
  add_participant (draft, "p6", "MX");
  within = describe (draft);
  g_assert_cmpstr (within, ==, "");

  add_participant (draft, "p7", "GT");
  add_participant (draft, "p8", "DO");
  add_participant (draft, "p9", "GT");
  over = describe (draft);
  g_assert_cmpstr (over, ==,
                   "W participants[6].country: the delegation of Guatemala has 4 participants; its quota is 2\n"
                   "W participants[7].country: the delegation of Dominican Republic has 4 participants; its quota is 3\n");

  g_object_set (csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "MX"), "delegation-quota", 0, NULL);
  lowered = describe (draft);
  g_assert_nonnull (strstr (lowered, "W participants[5].country: the delegation of Mexico has 1 participant; its quota is 0\n"));
}

static void
test_country_codes (void)
{
  g_autoptr(CsnDraft) draft = load_template ();
  g_autofree char *problems = NULL;

  g_object_set (nth (draft, CSN_COLLECTION_COUNTRIES, 15), "code", "per", NULL);
  problems = describe (draft);
  g_assert_cmpstr (problems, ==, "W countries[15].code: “per” is not a two-letter country code (ISO 3166)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/template-is-clean", test_template_is_clean);
  g_test_add_func ("/validate/dangling-references", test_dangling_references);
  g_test_add_func ("/validate/empty-reference-and-repeats", test_empty_reference_and_repeats);
  g_test_add_func ("/validate/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/validate/presidency-must-be-member", test_presidency_must_be_member);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/quotas", test_quotas);
  g_test_add_func ("/validate/country-codes", test_country_codes);

  return g_test_run ();
}
