/* test-position-index.c: positions found by item and country (CsnPositionIndex), the consensus
 * they contradict, and the undoable edits that note and forget them. */
#include "config.h"

#include "consenso-core.h"

static const char index_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"Reunión\", \"language\": \"es\", \"status\": \"draft\"},\n"
  " \"countries\": [\n"
  "   {\"code\": \"BZ\", \"name\": {\"es\": \"Belice\", \"en\": \"Belize\"}, \"membership\": \"member\", \"delegation_quota\": 2},\n"
  "   {\"code\": \"CO\", \"name\": {\"es\": \"Colombia\", \"en\": \"Colombia\"}, \"membership\": \"observer\", \"delegation_quota\": 0},\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"}, \"membership\": \"member\", \"delegation_quota\": 3},\n"
  "   {\"code\": \"GT\", \"name\": {\"es\": \"Guatemala\", \"en\": \"Guatemala\"}, \"membership\": \"member\", \"delegation_quota\": 2},\n"
  "   {\"code\": \"MX\", \"name\": {\"es\": \"México bis\", \"en\": \"Mexico bis\"}, \"membership\": \"member\", \"delegation_quota\": 9}],\n"
  " \"pillars\": [], \"actors\": [],\n"
  " \"themes\": [\n"
  "   {\"id\": \"t1\", \"title\": \"Agreed\", \"consensus\": \"agreed\"},\n"
  "   {\"id\": \"t2\", \"title\": \"Pending\", \"consensus\": \"pending\"},\n"
  "   {\"id\": \"t3\", \"title\": \"Reserved\", \"consensus\": \"reservations\"}],\n"
  " \"strategies\": [{\"id\": \"s1\", \"theme\": \"t1\"}],\n"
  " \"mechanisms\": [{\"id\": \"m1\", \"name\": \"GRCM\"}], \"role_proposals\": [],\n"
  " \"participants\": [], \"endorsements\": [],\n"
  " \"positions\": [\n"
  "   {\"id\": \"o1\", \"country\": \"MX\", \"item\": \"t1\", \"stance\": \"supports\"},\n"
  "   {\"id\": \"o2\", \"country\": \"MX\", \"item\": \"t1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o3\", \"country\": \"CO\", \"item\": \"t1\", \"stance\": \"objects\"},\n"
  "   {\"id\": \"o4\", \"country\": \"GT\", \"item\": \"t1\", \"stance\": \"supports-with-reservation\",\n"
  "    \"comment\": \"Con reserva\", \"source\": \"workbook\", \"received\": \"2011-10-03\"},\n"
  "   {\"id\": \"o5\", \"country\": \"BZ\", \"item\": \"m1\", \"stance\": \"abstains\"}]}\n";

static CsnDraft *
load (void)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data (index_draft, strlen (index_draft), "index.consenso", &error);

  g_assert_no_error (error);
  return draft;
}

static CsnItem *
lookup (CsnDraft   *draft,
        const char *key)
{
  CsnItem *item = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, key);

  g_assert_nonnull (item);
  return item;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_members_and_lookup (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnPosition * const *positions;

  g_assert_true (csn_position_index_get_for_draft (draft) == index);

  /* Members only, in the draft's order, a repeated code once. */
  g_assert_cmpuint (csn_position_index_get_n_members (index), ==, 3);
  g_assert_cmpstr (csn_item_get_key (CSN_ITEM (csn_position_index_get_member (index, 0))), ==, "BZ");
  g_assert_cmpstr (csn_item_get_key (CSN_ITEM (csn_position_index_get_member (index, 1))), ==, "MX");
  g_assert_cmpstr (csn_item_get_key (CSN_ITEM (csn_position_index_get_member (index, 2))), ==, "GT");
  g_assert_cmpint (csn_position_index_find_member (index, "GT"), ==, 2);
  g_assert_cmpint (csn_position_index_find_member (index, "CO"), ==, -1);
  g_assert_cmpint (csn_position_index_find_member (index, NULL), ==, -1);

  positions = csn_position_index_get_positions (index, "t1");
  g_assert_nonnull (positions);
  g_assert_null (positions[0]);
  /* The first of two positions of one country counts. */
  g_assert_cmpstr (csn_position_get_id (positions[1]), ==, "o1");
  g_assert_cmpstr (csn_position_get_id (positions[2]), ==, "o4");
  g_assert_true (csn_position_index_lookup (index, "t1", "MX") == positions[1]);
  /* An observer takes no position. */
  g_assert_null (csn_position_index_lookup (index, "t1", "CO"));
  g_assert_null (csn_position_index_get_positions (index, "t2"));
  g_assert_null (csn_position_index_lookup (index, "s1", "MX"));

  g_assert_cmpuint (csn_position_index_count (index, "t1", CSN_STANCE_SUPPORTS), ==, 1);
  g_assert_cmpuint (csn_position_index_count (index, "t1", CSN_STANCE_OBJECTS), ==, 0);
  g_assert_cmpuint (csn_position_index_count (index, "m1", CSN_STANCE_ABSTAINS), ==, 1);
}

static void
on_changed_cb (CsnPositionIndex *index,
               guint            *count)
{
  (*count)++;
}

static void
test_note_position (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnHistory *history = csn_draft_get_history (draft);
  CsnItem *strategy = lookup (draft, "s1");
  CsnItem *theme = lookup (draft, "t1");
  CsnPosition *position, *guatemala;
  g_autofree char *today = dup_today ();
  guint n_positions = g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS));
  guint changed = 0;

  g_signal_connect (index, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* A new position: one step, noted in the meeting today. */
  csn_draft_note_position (draft, strategy, "MX", CSN_STANCE_OBJECTS, "No");
  g_assert_cmpuint (changed, ==, 1);
  position = csn_position_index_lookup (index, "s1", "MX");
  g_assert_nonnull (position);
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_position_get_comment (position), ==, "No");
  g_assert_cmpint (csn_position_get_source (position), ==, CSN_POSITION_SOURCE_MEETING);
  g_assert_cmpstr (csn_position_get_received (position), ==, today);
  g_assert_true (g_str_has_prefix (csn_position_get_id (position), "position-"));
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, "Note the position of Mexico on Strategy 1 “s1”");

  g_assert_true (csn_draft_undo (draft));
  g_assert_null (csn_position_index_lookup (index, "s1", "MX"));
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS)), ==,
                    n_positions);
  g_assert_false (csn_history_can_undo (history));
  g_assert_true (csn_draft_redo (draft));
  g_assert_nonnull (csn_position_index_lookup (index, "s1", "MX"));

  /* The same stance and comment again: nothing to undo. */
  csn_draft_undo (draft);
  csn_draft_redo (draft);
  csn_draft_note_position (draft, strategy, "MX", CSN_STANCE_OBJECTS, "No");
  g_assert_true (csn_draft_undo (draft));
  g_assert_false (csn_history_can_undo (history));
  csn_draft_redo (draft);

  /* A comment alone keeps where the answer came from and when. */
  guatemala = csn_position_index_lookup (index, "t1", "GT");
  csn_draft_note_position (draft, theme, "GT", CSN_STANCE_SUPPORTS_WITH_RESERVATION, "Otra reserva");
  g_assert_cmpstr (csn_position_get_comment (guatemala), ==, "Otra reserva");
  g_assert_cmpint (csn_position_get_source (guatemala), ==, CSN_POSITION_SOURCE_WORKBOOK);
  g_assert_cmpstr (csn_position_get_received (guatemala), ==, "2011-10-03");

  /* A new stance is said in the meeting, today; undone in one step. */
  csn_draft_note_position (draft, theme, "GT", CSN_STANCE_SUPPORTS, "");
  g_assert_cmpint (csn_position_get_stance (guatemala), ==, CSN_STANCE_SUPPORTS);
  g_assert_cmpstr (csn_position_get_comment (guatemala), ==, "");
  g_assert_cmpint (csn_position_get_source (guatemala), ==, CSN_POSITION_SOURCE_MEETING);
  g_assert_cmpstr (csn_position_get_received (guatemala), ==, today);
  g_assert_true (csn_draft_undo (draft));
  g_assert_cmpint (csn_position_get_stance (guatemala), ==, CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  g_assert_cmpstr (csn_position_get_comment (guatemala), ==, "Otra reserva");
  g_assert_cmpint (csn_position_get_source (guatemala), ==, CSN_POSITION_SOURCE_WORKBOOK);
  g_assert_cmpstr (csn_position_get_received (guatemala), ==, "2011-10-03");
}

static void
test_forget_position (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  g_autoptr(CsnPosition) position = g_object_ref (csn_position_index_lookup (index, "t1", "GT"));

  csn_draft_forget_position (draft, position);
  g_assert_null (csn_position_index_lookup (index, "t1", "GT"));
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==,
                   "Remove the position of Guatemala on Theme 1 “Agreed”");
  g_assert_true (csn_draft_undo (draft));
  g_assert_true (csn_position_index_lookup (index, "t1", "GT") == position);

  /* A position of a removed item goes with it (the core's removal rule), and leaves the index. */
  g_assert_nonnull (csn_position_index_lookup (index, "m1", "BZ"));
  g_clear_pointer (&position, g_object_unref);
  csn_removal_unref (csn_draft_remove_item (draft, lookup (draft, "m1")));
  g_assert_null (csn_position_index_lookup (index, "m1", "BZ"));
  g_assert_true (csn_draft_undo (draft));
  g_assert_nonnull (csn_position_index_lookup (index, "m1", "BZ"));
}

static void
test_follows_membership (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnItem *colombia = csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "CO");

  g_assert_null (csn_position_index_lookup (index, "t1", "CO"));
  csn_draft_set_enum (draft, colombia, CSN_COUNTRY_PROP_MEMBERSHIP, CSN_MEMBERSHIP_MEMBER);
  g_assert_cmpuint (csn_position_index_get_n_members (index), ==, 4);
  g_assert_cmpint (csn_position_index_find_member (index, "CO"), ==, 1);
  g_assert_nonnull (csn_position_index_lookup (index, "t1", "CO"));
  csn_draft_undo (draft);
  g_assert_cmpuint (csn_position_index_get_n_members (index), ==, 3);
}

/* A position given another item or country moves in the index; undo moves it back. */
static void
test_follows_edits (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnPosition *position = csn_position_index_lookup (index, "m1", "BZ");

  csn_draft_set_string (draft, CSN_ITEM (position), CSN_POSITION_PROP_ITEM, "t2");
  g_assert_null (csn_position_index_lookup (index, "m1", "BZ"));
  g_assert_true (csn_position_index_lookup (index, "t2", "BZ") == position);
  csn_draft_set_string (draft, CSN_ITEM (position), CSN_POSITION_PROP_COUNTRY, "GT");
  g_assert_null (csn_position_index_lookup (index, "t2", "BZ"));
  g_assert_true (csn_position_index_lookup (index, "t2", "GT") == position);
  csn_draft_undo (draft);
  csn_draft_undo (draft);
  g_assert_true (csn_position_index_lookup (index, "m1", "BZ") == position);

  /* A country's new code. */
  csn_draft_set_string (draft, csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "BZ"), CSN_COUNTRY_PROP_CODE, "XB");
  g_assert_cmpint (csn_position_index_find_member (index, "BZ"), ==, -1);
  g_assert_cmpint (csn_position_index_find_member (index, "XB"), ==, 0);
}

/* "changed" comes after the edits that may change what the positions show, and only after those:
 * the views that follow it (the Overview's answers, the consensus cells, the stance strips) count
 * again at each one. */
static void
test_changed_for_shown (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnItem *with_positions = lookup (draft, "t1");
  CsnItem *without = lookup (draft, "t2");
  CsnItem *mexico = csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "MX");
  CsnPosition *position = csn_position_index_lookup (index, "m1", "BZ");
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autoptr(CsnParticipant) participant = csn_participant_new ();
  guint changed = 0;

  g_signal_connect (index, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* Nothing the positions show. */
  csn_draft_set_string (draft, without, CSN_THEME_PROP_TITLE, "Otro");
  csn_draft_set_enum (draft, without, CSN_THEME_PROP_CONSENSUS, CSN_CONSENSUS_AGREED);
  csn_draft_set_string (draft, lookup (draft, "s1"), CSN_STRATEGY_PROP_DESCRIPTION, "Sin posiciones");
  csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, CSN_ITEM (participant));
  csn_draft_undo (draft);
  csn_draft_redo (draft);
  g_assert_cmpuint (changed, ==, 0);

  /* What they show: each edit once, and its undo and redo. */
  csn_draft_set_string (draft, CSN_ITEM (position), CSN_POSITION_PROP_COMMENT, "Se abstiene");
  g_assert_cmpuint (changed, ==, 1);
  csn_draft_undo (draft);
  csn_draft_redo (draft);
  g_assert_cmpuint (changed, ==, 3);
  /* An item that has positions: its title names it, its consensus may contradict them. */
  csn_draft_set_string (draft, with_positions, CSN_THEME_PROP_TITLE, "Acordado");
  g_assert_cmpuint (changed, ==, 4);
  csn_draft_set_enum (draft, with_positions, CSN_THEME_PROP_CONSENSUS, CSN_CONSENSUS_PENDING);
  g_assert_cmpuint (changed, ==, 5);
  csn_draft_set_string (draft, mexico, CSN_COUNTRY_PROP_NAME_ES, "Estados Unidos Mexicanos");
  g_assert_cmpuint (changed, ==, 6);
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), CSN_MEETING_PROP_TITLE, "Otra reunión");
  g_assert_cmpuint (changed, ==, 7);
  /* A strategy added before others renumbers them, and they may have positions. */
  csn_draft_insert (draft, CSN_COLLECTION_STRATEGIES, 0, CSN_ITEM (strategy));
  g_assert_cmpuint (changed, ==, 8);
  csn_draft_undo (draft);
  g_assert_cmpuint (changed, ==, 9);
  /* A position given to an item: that item has positions from then on. */
  csn_draft_set_string (draft, CSN_ITEM (position), CSN_POSITION_PROP_ITEM, "t2");
  g_assert_cmpuint (changed, ==, 10);
  csn_draft_set_string (draft, without, CSN_THEME_PROP_TITLE, "Con posiciones");
  g_assert_cmpuint (changed, ==, 11);
}

static void
set_all (CsnDraft   *draft,
         const char *item,
         CsnStance   stance)
{
  const char *members[] = { "BZ", "MX", "GT" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    csn_draft_note_position (draft, lookup (draft, item), members[i], stance, "");
}

static void
test_consensus (void)
{
  g_autoptr(CsnDraft) draft = load ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnItem *agreed = lookup (draft, "t1");
  CsnItem *pending = lookup (draft, "t2");
  CsnItem *reserved = lookup (draft, "t3");
  g_autoptr(GPtrArray) countries = NULL;

  /* Agreed, Guatemala with a reservation. */
  g_assert_cmpint (csn_position_index_check_consensus (index, agreed, &countries), ==,
                   CSN_CONSENSUS_CONFLICT_AGREED_BUT_RESERVED);
  g_assert_cmpuint (countries->len, ==, 1);
  g_assert_cmpstr (csn_item_get_key (g_ptr_array_index (countries, 0)), ==, "GT");
  g_clear_pointer (&countries, g_ptr_array_unref);

  /* An objection weighs more than a reservation. */
  csn_draft_note_position (draft, agreed, "BZ", CSN_STANCE_OBJECTS, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, agreed, &countries), ==,
                   CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED);
  g_assert_cmpuint (countries->len, ==, 1);
  g_assert_cmpstr (csn_item_get_key (g_ptr_array_index (countries, 0)), ==, "BZ");
  g_clear_pointer (&countries, g_ptr_array_unref);
  csn_draft_set_enum (draft, agreed, "consensus", CSN_CONSENSUS_PENDING);
  g_assert_cmpint (csn_position_index_check_consensus (index, agreed, &countries), ==,
                   CSN_CONSENSUS_CONFLICT_NONE);
  g_assert_null (countries);

  /* Pending, with no positions, some, then all eleven (here three) supporting. */
  g_assert_cmpint (csn_position_index_check_consensus (index, pending, NULL), ==, CSN_CONSENSUS_CONFLICT_NONE);
  csn_draft_note_position (draft, pending, "MX", CSN_STANCE_SUPPORTS, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, pending, NULL), ==, CSN_CONSENSUS_CONFLICT_NONE);
  set_all (draft, "t2", CSN_STANCE_SUPPORTS);
  csn_draft_note_position (draft, pending, "GT", CSN_STANCE_SUPPORTS_WITH_RESERVATION, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, pending, &countries), ==,
                   CSN_CONSENSUS_CONFLICT_PENDING_BUT_ALL_SUPPORT);
  g_assert_cmpuint (countries->len, ==, 0);
  g_clear_pointer (&countries, g_ptr_array_unref);
  csn_draft_note_position (draft, pending, "GT", CSN_STANCE_ABSTAINS, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, pending, NULL), ==, CSN_CONSENSUS_CONFLICT_NONE);
  csn_draft_set_enum (draft, pending, "consensus", CSN_CONSENSUS_AGREED);
  g_assert_cmpint (csn_position_index_check_consensus (index, pending, NULL), ==, CSN_CONSENSUS_CONFLICT_NONE);

  /* With reservations, though every member supports without one; an objection. */
  set_all (draft, "t3", CSN_STANCE_SUPPORTS);
  g_assert_cmpint (csn_position_index_check_consensus (index, reserved, NULL), ==,
                   CSN_CONSENSUS_CONFLICT_RESERVED_BUT_ALL_SUPPORT);
  csn_draft_note_position (draft, reserved, "MX", CSN_STANCE_SUPPORTS_WITH_RESERVATION, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, reserved, NULL), ==, CSN_CONSENSUS_CONFLICT_NONE);
  csn_draft_note_position (draft, reserved, "MX", CSN_STANCE_OBJECTS, "");
  g_assert_cmpint (csn_position_index_check_consensus (index, reserved, NULL), ==,
                   CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED);
}

/* The large draft's size: a lookup after an edit rebuilds the index in one pass. */
static void
test_large (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n_members = csn_position_index_get_n_members (index);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  double elapsed;

  g_assert_cmpuint (n_members, ==, 11);
  for (guint m = 0; m < n_members; m++)
    g_ptr_array_add (codes, (gpointer) csn_item_get_key (CSN_ITEM (csn_position_index_get_member (index, m))));
  for (guint i = 0; i < 2000; i++)
    for (guint m = 0; m < n_members; m++)
      {
        g_autoptr(CsnPosition) position = csn_position_new ();
        g_autofree char *id = g_strdup_printf ("o%u-%u", i, m);
        g_autofree char *item = g_strdup_printf ("proposal-%u", i);

        g_object_set (position, "id", id, "item", item,
                      "country", g_ptr_array_index (codes, m),
                      "stance", (int) ((i + m) % 5), NULL);
        g_list_store_append (G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS)),
                             position);
      }

  /* Positions added one by one take their slots as they come. */
  g_assert_nonnull (csn_position_index_lookup (index, "proposal-1999", "DO"));
  /* A removal rebuilds the index at the next lookup. */
  csn_draft_remove (draft, CSN_COLLECTION_POSITIONS, 0);
  g_timer_start (timer);
  g_assert_null (csn_position_index_lookup (index, "proposal-0", "BZ"));
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("index of %u positions rebuilt in %.1f ms", 2000 * n_members - 1, elapsed * 1000);
  g_assert_cmpfloat (elapsed, <, 0.5);

  /* An edit of a stance keeps the index. */
  csn_draft_note_position (draft, csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1"), "MX",
                           CSN_STANCE_OBJECTS, "");
  g_timer_start (timer);
  g_assert_nonnull (csn_position_index_lookup (index, "proposal-1999", "DO"));
  g_test_message ("lookup after a new position: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_timer_start (timer);
  csn_draft_note_position (draft, csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1"), "MX",
                           CSN_STANCE_SUPPORTS, "");
  g_assert_nonnull (csn_position_index_lookup (index, "proposal-1999", "DO"));
  g_test_message ("a stance noted and looked up again: %.2f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (csn_position_index_count (index, "proposal-7", CSN_STANCE_OBJECTS), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/position-index/members-and-lookup", test_members_and_lookup);
  g_test_add_func ("/position-index/note", test_note_position);
  g_test_add_func ("/position-index/forget", test_forget_position);
  g_test_add_func ("/position-index/membership", test_follows_membership);
  g_test_add_func ("/position-index/edits", test_follows_edits);
  g_test_add_func ("/position-index/changed-for-shown", test_changed_for_shown);
  g_test_add_func ("/position-index/consensus", test_consensus);
  g_test_add_func ("/position-index/large", test_large);

  return g_test_run ();
}
