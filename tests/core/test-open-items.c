/* test-open-items.c: csn_draft_list_open_items(), what still keeps a draft from being approved, and
 * its agreement with the validation. */
#include "config.h"

#include "consenso-core.h"

static const char open_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"\", \"venue\": \"San José\", \"start_date\": \"2011-03-01\",\n"
  "             \"end_date\": null, \"pro_tempore_presidency\": null, \"language\": \"en\", \"status\": \"draft\"},\n"
  " \"countries\": [\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"}, \"membership\": \"member\", \"delegation_quota\": 1},\n"
  "   {\"code\": \"GT\", \"name\": {\"es\": \"Guatemala\", \"en\": \"Guatemala\"}, \"membership\": \"member\", \"delegation_quota\": 2}],\n"
  " \"pillars\": [{\"id\": \"p1\", \"name\": {\"es\": \"Uno\", \"en\": \"One\"}}],\n"
  " \"actors\": [{\"id\": \"st\", \"kind\": \"technical-secretariat\", \"name\": {\"es\": \"ST\", \"en\": \"TS\"}}],\n"
  " \"themes\": [\n"
  "   {\"id\": \"t1\", \"title\": \"Labour migration\", \"pillar\": \"p1\", \"horizon\": \"short-term\",\n"
  "    \"consensus\": \"agreed\"},\n"
  "   {\"id\": \"t2\", \"title\": \"Return\", \"pillar\": \"p1\", \"horizon\": \"undecided\", \"consensus\": \"pending\"}],\n"
  " \"strategies\": [{\"id\": \"s1\", \"theme\": \"t1\", \"lead\": \"nobody\"}],\n"
  " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\", \"assessment\": \"not-assessed\"},\n"
  "                {\"id\": \"m2\", \"name\": \"Fund\", \"assessment\": \"adequate\"}],\n"
  " \"role_proposals\": [{\"id\": \"r1\", \"actor\": \"st\", \"attribution\": \"Archive\", \"status\": \"proposed\"},\n"
  "                    {\"id\": \"r2\", \"actor\": \"st\", \"attribution\": \"Minutes\", \"status\": \"agreed\"}],\n"
  " \"participants\": [{\"id\": \"q1\", \"name\": \"Ana\", \"country\": \"GT\"},\n"
  "                  {\"id\": \"q2\", \"name\": \"Luis\", \"country\": \"MX\"},\n"
  "                  {\"id\": \"q3\", \"name\": \"Eva\", \"country\": \"MX\"},\n"
  "                  {\"id\": \"q4\", \"name\": \"Juan\", \"country\": \"MX\"}],\n"
  " \"endorsements\": [{\"country\": \"MX\", \"status\": \"pending\"}, {\"country\": \"GT\", \"status\": \"endorsed\"}]}\n";

static CsnDraft *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data (data, strlen (data), "open.consenso", &error);

  g_assert_no_error (error);
  return draft;
}

static guint
count_kind (GListModel  *items,
            CsnOpenKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (items, i);

      n += csn_open_item_get_kind (open) == kind;
    }
  return n;
}

static CsnOpenItem *
find_place (GListModel *items,
            const char *place)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (items, i);

      if (g_str_equal (csn_open_item_get_place (open), place))
        return open;
    }
  g_error ("nothing open at %s", place);
}

/* The built-in template: everything is still to decide, and nothing is wrong. */
static void
test_template (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GListModel) items = csn_draft_list_open_items (draft);

  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_MEETING), ==, 3);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_HORIZON), ==, 7);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_CONSENSUS), ==, 7);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_STRATEGY), ==, 0);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_ASSESSMENT), ==, 9);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_PROPOSAL), ==, 0);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_ENDORSEMENT), ==, 11);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_QUOTA), ==, 0);
  g_assert_cmpuint (count_kind (items, CSN_OPEN_KIND_PROBLEM), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 37);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (items, i);

      g_assert_null (csn_open_item_get_problem (open));
    }
}

static void
test_each_kind (void)
{
  g_autoptr(CsnDraft) draft = load (open_draft);
  g_autoptr(GListModel) items = csn_draft_list_open_items (draft);
  CsnOpenItem *open;

  /* In order: the meeting, the themes' decisions, mechanisms, proposals, endorsements, quotas,
   * and the other problems. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 11);
  for (guint i = 1; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CsnOpenItem) previous = g_list_model_get_item (items, i - 1);
      g_autoptr(CsnOpenItem) next = g_list_model_get_item (items, i);

      g_assert_cmpint (csn_open_item_get_kind (previous), <=, csn_open_item_get_kind (next));
    }

  open = find_place (items, "meeting.title");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_MEETING);
  g_assert_true (CSN_IS_MEETING (csn_open_item_get_item (open)));
  g_assert_cmpstr (csn_open_item_get_property_name (open), ==, CSN_MEETING_PROP_TITLE);
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_NONE);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "The meeting has no title yet");
  g_assert_null (csn_open_item_get_problem (open));
  open = find_place (items, "meeting.end_date");
  g_assert_cmpstr (csn_open_item_get_property_name (open), ==, CSN_MEETING_PROP_END_DATE);

  /* A missing presidency is also a validation warning: one entry, carrying it. */
  open = find_place (items, "meeting.pro_tempore_presidency");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_MEETING);
  g_assert_nonnull (csn_open_item_get_problem (open));
  g_assert_cmpint (csn_problem_get_severity (csn_open_item_get_problem (open)), ==, CSN_SEVERITY_WARNING);

  open = find_place (items, "themes[1].horizon");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_HORIZON);
  g_assert_cmpstr (csn_theme_get_id (CSN_THEME (csn_open_item_get_item (open))), ==, "t2");
  g_assert_cmpstr (csn_open_item_get_property_name (open), ==, CSN_THEME_PROP_HORIZON);
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_THEMES);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "“Return” has no horizon yet: short or medium term");

  open = find_place (items, "themes[1].consensus");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_CONSENSUS);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "Consensus on “Return” is still pending");

  /* A theme without strategy leads to the Strategies page. */
  open = find_place (items, "themes[1]");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_STRATEGY);
  g_assert_null (csn_open_item_get_property_name (open));
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_STRATEGIES);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "No strategy addresses “Return” yet");

  open = find_place (items, "mechanisms[0].assessment");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_ASSESSMENT);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "“GRCM” is not assessed yet");

  open = find_place (items, "role_proposals[0].status");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_PROPOSAL);
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_ROLE_PROPOSALS);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "The proposal “Archive” is neither agreed nor rejected yet");

  open = find_place (items, "endorsements[0].status");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_ENDORSEMENT);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "The endorsement of Mexico is pending");

  /* At the first participant beyond the quota, as the validation has it, and carrying its warning. */
  open = find_place (items, "participants[2].country");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_QUOTA);
  g_assert_cmpstr (csn_participant_get_id (CSN_PARTICIPANT (csn_open_item_get_item (open))), ==, "q3");
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_PARTICIPANTS);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "The delegation of Mexico has 3 participants; its quota is 1");
  g_assert_nonnull (csn_open_item_get_problem (open));

  open = find_place (items, "strategies[0].lead");
  g_assert_cmpint (csn_open_item_get_kind (open), ==, CSN_OPEN_KIND_PROBLEM);
  g_assert_cmpint (csn_problem_get_severity (csn_open_item_get_problem (open)), ==, CSN_SEVERITY_ERROR);
  g_assert_cmpstr (csn_open_item_get_message (open), ==, "no actor has the id “nobody”");
  g_assert_cmpuint (csn_open_item_get_collection (open), ==, CSN_COLLECTION_STRATEGIES);
}

/* Every validation problem is in the list exactly once, carried by an entry at its place. */
static void
test_problems_once (void)
{
  g_autoptr(CsnDraft) draft = load (open_draft);
  g_autoptr(GListModel) items = csn_draft_list_open_items (draft);
  g_autoptr(GListModel) problems = csn_draft_validate (draft);
  guint n_carried = 0;

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (items, i);
      CsnProblem *problem = csn_open_item_get_problem (open);

      if (problem == NULL)
        {
          g_assert_cmpint (csn_open_item_get_kind (open), !=, CSN_OPEN_KIND_PROBLEM);
          continue;
        }
      g_assert_cmpstr (csn_problem_get_place (problem), ==, csn_open_item_get_place (open));
      n_carried++;
    }
  g_assert_cmpuint (n_carried, ==, g_list_model_get_n_items (problems));
}

/* The list is the draft as it is: a decision taken is no longer open. */
static void
test_follows_edits (void)
{
  g_autoptr(CsnDraft) draft = load (open_draft);
  g_autoptr(GListModel) before = csn_draft_list_open_items (draft);
  g_autoptr(GListModel) after = NULL;
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t2");
  CsnItem *mechanism = csn_draft_lookup (draft, CSN_COLLECTION_MECHANISMS, "m1");
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();

  csn_draft_set_enum (draft, theme, CSN_THEME_PROP_HORIZON, CSN_HORIZON_MEDIUM_TERM);
  csn_draft_set_enum (draft, mechanism, CSN_MECHANISM_PROP_ASSESSMENT, CSN_ASSESSMENT_NEEDS_CHANGE);
  g_object_set (strategy, CSN_STRATEGY_PROP_THEME, "t2", NULL);
  csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, CSN_ITEM (strategy));
  after = csn_draft_list_open_items (draft);

  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 8);
  g_assert_cmpuint (count_kind (after, CSN_OPEN_KIND_HORIZON), ==, 0);
  g_assert_cmpuint (count_kind (after, CSN_OPEN_KIND_ASSESSMENT), ==, 0);
  g_assert_cmpuint (count_kind (after, CSN_OPEN_KIND_STRATEGY), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/open-items/template", test_template);
  g_test_add_func ("/open-items/each-kind", test_each_kind);
  g_test_add_func ("/open-items/problems-once", test_problems_once);
  g_test_add_func ("/open-items/follows-edits", test_follows_edits);

  return g_test_run ();
}
