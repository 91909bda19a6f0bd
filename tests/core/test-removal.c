/* test-removal.c: csn_draft_remove_item() takes what belongs to an item along, clears the references
 * to it, says what went, and is one undo step. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "consenso-core.h"

static const char removal_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"Reunión\", \"language\": \"en\", \"status\": \"draft\",\n"
  "             \"pro_tempore_presidency\": \"MX\"},\n"
  " \"countries\": [\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"}, \"membership\": \"member\", \"delegation_quota\": 3},\n"
  "   {\"code\": \"GT\", \"name\": {\"es\": \"Guatemala\", \"en\": \"Guatemala\"}, \"membership\": \"member\", \"delegation_quota\": 2}],\n"
  " \"pillars\": [{\"id\": \"p1\", \"name\": {\"es\": \"Uno\", \"en\": \"One\"}}],\n"
  " \"actors\": [{\"id\": \"ppt\", \"kind\": \"pro-tempore-presidency\", \"name\": {\"es\": \"PPT\", \"en\": \"PPT\"}},\n"
  "             {\"id\": \"st\", \"kind\": \"technical-secretariat\", \"name\": {\"es\": \"ST\", \"en\": \"TS\"}}],\n"
  " \"themes\": [\n"
  "   {\"id\": \"t1\", \"title\": \"Labour migration\", \"pillar\": \"p1\", \"raised_by\": [\"MX\", \"GT\"],\n"
  "    \"reservations\": [{\"country\": \"GT\", \"text\": \"Reserva\"}, {\"country\": \"MX\", \"text\": \"Otra\"}]},\n"
  "   {\"id\": \"t2\", \"title\": \"Return\", \"pillar\": \"p1\", \"raised_by\": [\"GT\"]}],\n"
  " \"strategies\": [\n"
  "   {\"id\": \"s1\", \"theme\": \"t1\", \"description\": \"Workshop\", \"lead\": \"ppt\", \"support\": [\"st\"]},\n"
  "   {\"id\": \"s2\", \"theme\": \"t2\", \"description\": \"Study\", \"lead\": \"st\", \"support\": [\"ppt\", \"st\"]},\n"
  "   {\"id\": \"s3\", \"theme\": \"t1\", \"description\": \"Network\", \"lead\": null, \"support\": [\"ppt\"]}],\n"
  " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\"}],\n"
  " \"role_proposals\": [\n"
  "   {\"id\": \"r1\", \"actor\": \"ppt\", \"attribution\": \"Follow-up\", \"supported_by\": [\"MX\", \"GT\"]},\n"
  "   {\"id\": \"r2\", \"actor\": \"st\", \"attribution\": \"Archive\", \"supported_by\": [\"GT\"]}],\n"
  " \"participants\": [{\"id\": \"q1\", \"name\": \"Ana\", \"country\": \"MX\"},\n"
  "                  {\"id\": \"q2\", \"name\": \"Luis\", \"country\": \"GT\"}],\n"
  " \"endorsements\": [{\"country\": \"MX\", \"status\": \"pending\"}, {\"country\": \"GT\", \"status\": \"endorsed\"}],\n"
  " \"positions\": [\n"
  "   {\"id\": \"o1\", \"country\": \"GT\", \"item\": \"t1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o2\", \"country\": \"MX\", \"item\": \"s1\", \"stance\": \"supports\"},\n"
  "   {\"id\": \"o3\", \"country\": \"GT\", \"item\": \"t2\", \"stance\": \"supports\"},\n"
  "   {\"id\": \"o4\", \"country\": \"GT\", \"item\": \"r1\", \"stance\": \"abstains\"},\n"
  "   {\"id\": \"o5\", \"country\": \"MX\", \"item\": \"m1\", \"stance\": \"objects\"}]}\n";

static CsnDraft *
load (void)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data (removal_draft, strlen (removal_draft), "removal.consenso", &error);

  g_assert_no_error (error);
  /* Loaded, not edited: the file on disk would be the same. */
  csn_history_mark_saved (csn_draft_get_history (draft));
  return draft;
}

static guint
count (CsnDraft      *draft,
       CsnCollection  collection)
{
  return g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
}

static char *
keys_of (CsnDraft      *draft,
         CsnCollection  collection)
{
  GListModel *model = csn_draft_get_collection (draft, collection);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, csn_item_get_key (item));
    }
  keys = g_strv_builder_end (builder);
  return g_strjoinv (",", keys);
}

static char *
joined (const char * const *strv)
{
  return g_strjoinv (",", (char **) strv);
}

/* Removing, undoing and redoing: one step, back to the very same file, and again. */
static void
assert_one_undo_step (CsnDraft   *draft,
                      const char *before,
                      const char *label)
{
  CsnHistory *history = csn_draft_get_history (draft);
  g_autofree char *after = csn_draft_to_data (draft, NULL);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (csn_history_get_undo_label (history), ==, label);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_true (csn_draft_undo (draft));
  undone = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (csn_history_can_undo (history));
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_true (csn_draft_redo (draft));
  redone = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (redone, ==, after);
}

/* A theme goes with its strategies, the positions on it and on them, and its reservations. */
static void
test_remove_theme (void)
{
  g_autoptr(CsnDraft) draft = load ();
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t1");
  g_autoptr(CsnRemoval) removal = NULL;
  g_autofree char *strategies = NULL;
  g_autofree char *positions = NULL;

  removal = csn_draft_remove_item (draft, theme);
  g_assert_nonnull (removal);

  g_assert_cmpuint (count (draft, CSN_COLLECTION_THEMES), ==, 1);
  strategies = keys_of (draft, CSN_COLLECTION_STRATEGIES);
  g_assert_cmpstr (strategies, ==, "s2");
  positions = keys_of (draft, CSN_COLLECTION_POSITIONS);
  g_assert_cmpstr (positions, ==, "o3,o4,o5");

  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_THEMES), ==, 1);
  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_STRATEGIES), ==, 2);
  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_POSITIONS), ==, 2);
  g_assert_cmpuint (csn_removal_get_n_reservations (removal), ==, 0);
  g_assert_cmpuint (csn_removal_get_n_changed (removal), ==, 0);
  g_assert_cmpstr (csn_removal_get_message (removal), ==,
                   "Removed theme “Labour migration” with 2 strategies and 2 positions");
  g_assert_cmpstr (csn_removal_get_label (removal), ==, "Remove theme “Labour migration”");

  assert_one_undo_step (draft, before, "Remove theme “Labour migration”");
}

/* An actor goes with its role proposals (and the positions on them); strategies keep their place
 * but no longer name it as lead or support. */
static void
test_remove_actor (void)
{
  g_autoptr(CsnDraft) draft = load ();
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autoptr(CsnRemoval) removal = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_ACTORS,
                                                                                  "ppt"));
  CsnStrategy *s1 = CSN_STRATEGY (csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "s1"));
  CsnStrategy *s2 = CSN_STRATEGY (csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "s2"));
  CsnStrategy *s3 = CSN_STRATEGY (csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "s3"));
  g_autofree char *proposals = keys_of (draft, CSN_COLLECTION_ROLE_PROPOSALS);
  g_autofree char *positions = keys_of (draft, CSN_COLLECTION_POSITIONS);
  g_autofree char *s1_support = joined (csn_strategy_get_support (s1));
  g_autofree char *s2_support = joined (csn_strategy_get_support (s2));
  g_autofree char *s3_support = joined (csn_strategy_get_support (s3));

  g_assert_cmpuint (count (draft, CSN_COLLECTION_STRATEGIES), ==, 3);
  g_assert_cmpstr (proposals, ==, "r2");
  g_assert_cmpstr (positions, ==, "o1,o2,o3,o5");
  g_assert_null (csn_strategy_get_lead (s1));
  g_assert_cmpstr (csn_strategy_get_lead (s2), ==, "st");
  g_assert_cmpstr (s1_support, ==, "st");
  g_assert_cmpstr (s2_support, ==, "st");
  g_assert_cmpstr (s3_support, ==, "");

  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_ROLE_PROPOSALS), ==, 1);
  g_assert_cmpuint (csn_removal_get_n_changed (removal), ==, 3);
  g_assert_cmpstr (csn_removal_get_message (removal), ==,
                   "Removed actor “PPT” with 1 role proposal and 1 position; "
                   "3 other items no longer refer to it");

  assert_one_undo_step (draft, before, "Remove actor “PPT”");
}

/* A country goes with its endorsement, positions and reservations; lists and the presidency no
 * longer name it, and its participants are left without a country for the user to fix. */
static void
test_remove_country (void)
{
  g_autoptr(CsnDraft) draft = load ();
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autoptr(CsnRemoval) removal = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES,
                                                                                  "MX"));
  CsnTheme *t1 = CSN_THEME (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t1"));
  CsnRoleProposal *r1 = CSN_ROLE_PROPOSAL (csn_draft_lookup (draft, CSN_COLLECTION_ROLE_PROPOSALS, "r1"));
  CsnParticipant *q1 = CSN_PARTICIPANT (csn_draft_lookup (draft, CSN_COLLECTION_PARTICIPANTS, "q1"));
  g_autoptr(CsnReservation) reservation = NULL;
  g_autofree char *endorsements = keys_of (draft, CSN_COLLECTION_ENDORSEMENTS);
  g_autofree char *positions = keys_of (draft, CSN_COLLECTION_POSITIONS);
  g_autofree char *raised_by = joined (csn_theme_get_raised_by (t1));
  g_autofree char *supported_by = joined (csn_role_proposal_get_supported_by (r1));
  g_autoptr(GListModel) problems = NULL;

  g_assert_cmpstr (endorsements, ==, "GT");
  g_assert_cmpstr (positions, ==, "o1,o3,o4");
  g_assert_cmpstr (raised_by, ==, "GT");
  g_assert_cmpstr (supported_by, ==, "GT");
  g_assert_null (csn_meeting_get_pro_tempore_presidency (csn_draft_get_meeting (draft)));
  g_assert_cmpstr (csn_participant_get_country (q1), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (csn_theme_get_reservations (t1)), ==, 1);
  reservation = g_list_model_get_item (csn_theme_get_reservations (t1), 0);
  g_assert_cmpstr (csn_reservation_get_country (reservation), ==, "GT");

  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_ENDORSEMENTS), ==, 1);
  g_assert_cmpuint (csn_removal_get_n_removed (removal, CSN_COLLECTION_POSITIONS), ==, 2);
  g_assert_cmpuint (csn_removal_get_n_reservations (removal), ==, 1);
  /* The meeting, theme t1, proposal r1 and participant q1. */
  g_assert_cmpuint (csn_removal_get_n_changed (removal), ==, 4);
  g_assert_cmpstr (csn_removal_get_message (removal), ==,
                   "Removed country “Mexico” with 1 endorsement, 2 positions and 1 reservation; "
                   "4 other items no longer refer to it");

  /* Nothing refers to a removed country any more: only the gaps the user fills remain. */
  problems = csn_draft_validate (draft);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpint (csn_problem_get_severity (problem), ==, CSN_SEVERITY_WARNING);
    }

  assert_one_undo_step (draft, before, "Remove country “Mexico”");
}

/* A pillar's themes stay, without a pillar. */
static void
test_remove_pillar (void)
{
  g_autoptr(CsnDraft) draft = load ();
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autoptr(CsnRemoval) removal = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_PILLARS,
                                                                                  "p1"));
  CsnTheme *t2 = CSN_THEME (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t2"));

  g_assert_cmpuint (count (draft, CSN_COLLECTION_THEMES), ==, 2);
  g_assert_cmpstr (csn_theme_get_pillar (t2), ==, "");
  g_assert_cmpuint (csn_removal_get_n_changed (removal), ==, 2);
  g_assert_cmpstr (csn_removal_get_message (removal), ==,
                   "Removed pillar “One”; 2 other items no longer refer to it");
  assert_one_undo_step (draft, before, "Remove pillar “One”");
}

/* What nothing refers to goes alone; a reference that pointed nowhere before stays as it was. */
static void
test_remove_alone (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnItem *strategy = csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "s2");
  g_autoptr(CsnRemoval) removal = NULL;
  g_autofree char *positions = NULL;

  csn_draft_set_string (draft, strategy, CSN_STRATEGY_PROP_LEAD, "no-such-actor");
  removal = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_MECHANISMS, "m1"));
  positions = keys_of (draft, CSN_COLLECTION_POSITIONS);
  g_assert_cmpstr (positions, ==, "o1,o2,o3,o4");
  g_assert_cmpstr (csn_removal_get_message (removal), ==, "Removed mechanism “GRCM” with 1 position");

  g_clear_pointer (&removal, csn_removal_unref);
  removal = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_PARTICIPANTS, "q2"));
  g_assert_cmpstr (csn_removal_get_message (removal), ==, "Removed participant “Luis”");
  g_assert_cmpuint (csn_removal_get_n_changed (removal), ==, 0);
  g_assert_cmpstr (csn_strategy_get_lead (CSN_STRATEGY (strategy)), ==, "no-such-actor");
}

/* While another item of the list has the same key, what refers to that key still finds one. */
static void
test_remove_duplicated_key (void)
{
  g_autoptr(CsnDraft) draft = load ();
  g_autoptr(CsnStrategy) twin = csn_strategy_new ();
  g_autoptr(CsnRemoval) removal = NULL;
  g_autoptr(CsnItem) first = NULL;
  g_autofree char *positions = NULL;

  g_object_set (twin, CSN_STRATEGY_PROP_ID, "s1", CSN_STRATEGY_PROP_THEME, "t2", NULL);
  csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, CSN_ITEM (twin));
  first = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES), 0);
  removal = csn_draft_remove_item (draft, first);
  positions = keys_of (draft, CSN_COLLECTION_POSITIONS);
  g_assert_cmpstr (positions, ==, "o1,o2,o3,o4,o5");
  g_assert_cmpstr (csn_removal_get_message (removal), ==, "Removed strategy “Workshop”");
}

/* The messages are translated, plural forms included. */
static void
test_message_translated (void)
{
  gboolean spanish = g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0;
  g_autoptr(CsnDraft) draft = load ();
  g_autoptr(CsnRemoval) theme = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "t1"));
  g_autoptr(CsnRemoval) country = csn_draft_remove_item (draft, csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES,
                                                                                  "MX"));

  g_assert_cmpstr (csn_removal_get_message (theme), ==,
                   spanish ? "Se eliminó el tema «Labour migration» con 2 estrategias y 2 posturas"
                           : "Removed theme “Labour migration” with 2 strategies and 2 positions");
  g_assert_cmpstr (csn_removal_get_label (theme), ==,
                   spanish ? "Eliminar el tema «Labour migration»" : "Remove theme “Labour migration”");
  g_assert_cmpstr (csn_removal_get_message (country), ==,
                   spanish ? "Se eliminó el país «México» con 1 respaldo y 1 postura; "
                             "se quitaron sus referencias en 3 elementos más"
                           : "Removed country “Mexico” with 1 endorsement and 1 position; "
                             "3 other items no longer refer to it");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/removal/theme", test_remove_theme);
  g_test_add_func ("/removal/actor", test_remove_actor);
  g_test_add_func ("/removal/country", test_remove_country);
  g_test_add_func ("/removal/pillar", test_remove_pillar);
  g_test_add_func ("/removal/alone", test_remove_alone);
  g_test_add_func ("/removal/duplicated-key", test_remove_duplicated_key);
  g_test_add_func ("/removal/message-translated", test_message_translated);

  return g_test_run ();
}
