/* test-figures.c: the counts every view and output repeats (CsnDraftFigures), on a draft made to
 * exercise each of them. */
#include "config.h"

#include "consenso-core.h"

static const char figures_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"Reunión\", \"language\": \"es\", \"status\": \"draft\"},\n"
  " \"countries\": [\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"}, \"membership\": \"member\", \"delegation_quota\": 3},\n"
  "   {\"code\": \"GT\", \"name\": {\"es\": \"Guatemala\", \"en\": \"Guatemala\"}, \"membership\": \"member\", \"delegation_quota\": 2},\n"
  "   {\"code\": \"CO\", \"name\": {\"es\": \"Colombia\", \"en\": \"Colombia\"}, \"membership\": \"observer\", \"delegation_quota\": 0},\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México bis\", \"en\": \"Mexico bis\"}, \"membership\": \"member\", \"delegation_quota\": 9}],\n"
  " \"pillars\": [{\"id\": \"p1\", \"name\": {\"es\": \"Uno\", \"en\": \"One\"}},\n"
  "             {\"id\": \"p2\", \"name\": {\"es\": \"Dos\", \"en\": \"Two\"}},\n"
  "             {\"id\": \"p1\", \"name\": {\"es\": \"Uno bis\", \"en\": \"One bis\"}}],\n"
  " \"actors\": [],\n"
  " \"themes\": [\n"
  "   {\"id\": \"t1\", \"title\": \"A\", \"pillar\": \"p1\", \"horizon\": \"short-term\"},\n"
  "   {\"id\": \"t2\", \"title\": \"B\", \"pillar\": \"p1\", \"horizon\": \"medium-term\"},\n"
  "   {\"id\": \"t3\", \"title\": \"C\", \"pillar\": \"p2\", \"horizon\": \"short-term\"},\n"
  "   {\"id\": \"t4\", \"title\": \"D\", \"pillar\": \"nowhere\", \"horizon\": \"undecided\"},\n"
  "   {\"id\": \"t5\", \"title\": \"E\", \"pillar\": \"\", \"horizon\": \"short-term\"}],\n"
  " \"strategies\": [{\"id\": \"s1\", \"theme\": \"t1\"}, {\"id\": \"s2\", \"theme\": \"t1\"},\n"
  "                {\"id\": \"s3\", \"theme\": \"t4\"}, {\"id\": \"s4\", \"theme\": \"gone\"}],\n"
  " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\"}], \"role_proposals\": [],\n"
  " \"participants\": [\n"
  "   {\"id\": \"q1\", \"name\": \"1\", \"country\": \"MX\"}, {\"id\": \"q2\", \"name\": \"2\", \"country\": \"MX\"},\n"
  "   {\"id\": \"q3\", \"name\": \"3\", \"country\": \"MX\"}, {\"id\": \"q4\", \"name\": \"4\", \"country\": \"MX\"},\n"
  "   {\"id\": \"q5\", \"name\": \"5\", \"country\": \"GT\"}, {\"id\": \"q6\", \"name\": \"6\", \"country\": \"CO\"},\n"
  "   {\"id\": \"q7\", \"name\": \"7\", \"country\": \"ZZ\"}, {\"id\": \"q8\", \"name\": \"8\", \"country\": \"\"}],\n"
  " \"endorsements\": [{\"country\": \"MX\", \"status\": \"endorsed\"},\n"
  "                  {\"country\": \"GT\", \"status\": \"endorsed-with-reservations\"},\n"
  "                  {\"country\": \"CO\", \"status\": \"pending\"},\n"
  "                  {\"country\": \"PA\", \"status\": \"pending\"},\n"
  "                  {\"country\": \"HN\", \"status\": \"not-endorsed\"}],\n"
  " \"positions\": [\n"
  "   {\"id\": \"o1\", \"country\": \"MX\", \"item\": \"t2\", \"stance\": \"supports\"},\n"
  "   {\"id\": \"o2\", \"country\": \"GT\", \"item\": \"m1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o3\", \"country\": \"MX\", \"item\": \"t1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o4\", \"country\": \"CO\", \"item\": \"m1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o5\", \"country\": \"MX\", \"item\": \"t2\", \"stance\": \"abstains\"}]}\n";

static CsnDraft *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data (data, strlen (data), "figures.consenso", &error);

  g_assert_no_error (error);
  return draft;
}

static void
test_pillars_and_horizons (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);

  g_assert_cmpuint (csn_draft_figures_get_n_themes (figures), ==, 5);
  g_assert_cmpuint (csn_draft_figures_get_n_pillars (figures), ==, 3);
  /* p1: one short, one medium term; p2: one short term. */
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 0, CSN_HORIZON_SHORT_TERM), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 0, CSN_HORIZON_MEDIUM_TERM), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 0, CSN_HORIZON_UNDECIDED), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 1, CSN_HORIZON_SHORT_TERM), ==, 1);
  /* The second pillar with the id p1 gets none: a reference finds the first. */
  for (CsnHorizon h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
    g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 2, h), ==, 0);
  /* An unknown and an empty pillar: the last row. */
  g_assert_cmpuint (csn_draft_figures_get_themes_without_pillar (figures, CSN_HORIZON_UNDECIDED), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_without_pillar (figures, CSN_HORIZON_SHORT_TERM), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 3, CSN_HORIZON_SHORT_TERM), ==, 1);

  g_assert_cmpuint (csn_draft_figures_get_themes_by_horizon (figures, CSN_HORIZON_SHORT_TERM), ==, 3);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_horizon (figures, CSN_HORIZON_MEDIUM_TERM), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_horizon (figures, CSN_HORIZON_UNDECIDED), ==, 1);
}

static void
test_strategies (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);

  /* t1 has two, t4 one; a strategy of a theme that is gone counts for none. */
  g_assert_cmpuint (csn_draft_figures_get_n_themes_with_strategy (figures), ==, 2);
  g_assert_true (csn_draft_figures_theme_has_strategy (figures, "t1"));
  g_assert_true (csn_draft_figures_theme_has_strategy (figures, "t4"));
  g_assert_false (csn_draft_figures_theme_has_strategy (figures, "t2"));
  g_assert_false (csn_draft_figures_theme_has_strategy (figures, "gone"));
  g_assert_false (csn_draft_figures_theme_has_strategy (figures, NULL));
}

static void
test_endorsements (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);

  g_assert_cmpuint (csn_draft_figures_get_n_endorsements (figures), ==, 5);
  g_assert_cmpuint (csn_draft_figures_get_endorsements (figures, CSN_ENDORSEMENT_STATUS_PENDING), ==, 2);
  g_assert_cmpuint (csn_draft_figures_get_endorsements (figures, CSN_ENDORSEMENT_STATUS_ENDORSED), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_endorsements (figures, CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS),
                    ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_endorsements (figures, CSN_ENDORSEMENT_STATUS_NOT_ENDORSED), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_n_endorsed (figures), ==, 2);
}

static void
test_delegations (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  g_autoptr(CsnCountry) mexico = g_list_model_get_item (countries, 0);
  g_autoptr(CsnCountry) guatemala = g_list_model_get_item (countries, 1);
  g_autoptr(CsnCountry) colombia = g_list_model_get_item (countries, 2);
  g_autoptr(CsnCountry) mexico_again = g_list_model_get_item (countries, 3);
  const char * const *over;

  g_assert_cmpuint (csn_draft_figures_get_n_participants (figures), ==, 8);
  /* MX, GT, CO and the unknown ZZ; a participant without a country is in no delegation. */
  g_assert_cmpuint (csn_draft_figures_get_n_delegations (figures), ==, 4);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (figures, "MX"), ==, 4);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (figures, "GT"), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (figures, "ZZ"), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (figures, "PA"), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_delegation_size (figures, NULL), ==, 0);

  g_assert_true (csn_draft_figures_is_over_quota (figures, mexico));
  g_assert_false (csn_draft_figures_is_over_quota (figures, guatemala));
  g_assert_true (csn_draft_figures_is_over_quota (figures, colombia));
  /* Each country against its own quota; the list names a code once, by its first country. */
  g_assert_false (csn_draft_figures_is_over_quota (figures, mexico_again));
  over = csn_draft_figures_get_over_quota (figures);
  g_assert_cmpuint (g_strv_length ((char **) over), ==, 2);
  g_assert_cmpstr (over[0], ==, "MX");
  g_assert_cmpstr (over[1], ==, "CO");
}

static void
test_positions (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);
  const char * const *objected;

  g_assert_cmpuint (csn_draft_figures_get_positions_of_country (figures, "MX"), ==, 3);
  g_assert_cmpuint (csn_draft_figures_get_positions_of_country (figures, "GT"), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_positions_of_country (figures, "PA"), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_stances (figures, "t2", CSN_STANCE_SUPPORTS), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_stances (figures, "t2", CSN_STANCE_ABSTAINS), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_stances (figures, "t2", CSN_STANCE_OBJECTS), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_stances (figures, "m1", CSN_STANCE_OBJECTS), ==, 2);
  g_assert_cmpuint (csn_draft_figures_get_stances (figures, "t9", CSN_STANCE_OBJECTS), ==, 0);

  /* In the order of the first objection, each once. */
  objected = csn_draft_figures_get_items_with_objections (figures);
  g_assert_cmpuint (g_strv_length ((char **) objected), ==, 2);
  g_assert_cmpstr (objected[0], ==, "m1");
  g_assert_cmpstr (objected[1], ==, "t1");
}

/* Figures are the draft as it was; counting again follows the edit. */
static void
test_snapshot_of_the_moment (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  g_autoptr(CsnDraftFigures) before = csn_draft_figures_new (draft);
  g_autoptr(CsnDraftFigures) after = NULL;
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t4");

  csn_draft_set_enum (draft, theme, CSN_THEME_PROP_HORIZON, CSN_HORIZON_MEDIUM_TERM);
  after = csn_draft_figures_new (draft);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_horizon (before, CSN_HORIZON_UNDECIDED), ==, 1);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_horizon (after, CSN_HORIZON_UNDECIDED), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_themes_without_pillar (after, CSN_HORIZON_MEDIUM_TERM), ==, 1);

  /* The figures hold no reference to the draft. */
  g_clear_object (&draft);
  g_assert_cmpuint (csn_draft_figures_get_n_themes (after), ==, 5);
}

/* The figures keep the pillars they counted: a view names each row by its own pillar even when the
 * draft's pillars changed since, or the draft is gone. */
static void
test_pillars_as_counted (void)
{
  g_autoptr(CsnDraft) draft = load (figures_draft);
  GListModel *pillars = csn_draft_get_collection (draft, CSN_COLLECTION_PILLARS);
  g_autoptr(CsnItem) second = g_list_model_get_item (pillars, 1);
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);
  g_autofree char *title = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CsnItem) pillar = g_list_model_get_item (pillars, i);

      g_assert_true (csn_draft_figures_get_pillar (figures, i) == pillar);
    }

  csn_draft_remove (draft, CSN_COLLECTION_PILLARS, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 2);
  g_assert_true (csn_draft_figures_get_pillar (figures, 1) == second);
  g_assert_cmpuint (csn_draft_figures_get_themes_by_pillar (figures, 1, CSN_HORIZON_SHORT_TERM), ==, 1);

  g_clear_object (&draft);
  g_assert_cmpstr (csn_item_get_key (csn_draft_figures_get_pillar (figures, 1)), ==, "p2");
  title = csn_item_dup_title (csn_draft_figures_get_pillar (figures, 1));
  g_assert_true (g_str_equal (title, "Two") || g_str_equal (title, "Dos"));
}

static void
test_empty_draft (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new ();
  g_autoptr(CsnDraftFigures) figures = csn_draft_figures_new (draft);

  g_assert_cmpuint (csn_draft_figures_get_n_themes (figures), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_n_pillars (figures), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_themes_without_pillar (figures, CSN_HORIZON_UNDECIDED), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_n_endorsed (figures), ==, 0);
  g_assert_cmpuint (csn_draft_figures_get_n_delegations (figures), ==, 0);
  g_assert_nonnull (csn_draft_figures_get_over_quota (figures));
  g_assert_null (csn_draft_figures_get_over_quota (figures)[0]);
  g_assert_null (csn_draft_figures_get_items_with_objections (figures)[0]);
  g_assert_true (G_TYPE_IS_BOXED (CSN_TYPE_DRAFT_FIGURES));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/pillars-and-horizons", test_pillars_and_horizons);
  g_test_add_func ("/figures/strategies", test_strategies);
  g_test_add_func ("/figures/endorsements", test_endorsements);
  g_test_add_func ("/figures/delegations", test_delegations);
  g_test_add_func ("/figures/positions", test_positions);
  g_test_add_func ("/figures/snapshot-of-the-moment", test_snapshot_of_the_moment);
  g_test_add_func ("/figures/pillars-as-counted", test_pillars_as_counted);
  g_test_add_func ("/figures/empty-draft", test_empty_draft);

  return g_test_run ();
}
