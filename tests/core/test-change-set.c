/* test-change-set.c: incoming changes described as a person would, chosen one by one or together,
 * and applied as one undoable step. */
#include "config.h"

#include "consenso-core.h"

static CsnItem *
theme_at (CsnDraft *draft,
          guint     position)
{
  g_autoptr(CsnItem) theme = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES),
                                                    position);
  return theme;  /* the draft keeps it alive */
}

static CsnChange *
horizon_change (CsnItem    *theme,
                CsnHorizon  horizon)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, CSN_TYPE_HORIZON);
  g_value_set_enum (&value, horizon);
  return csn_change_new_set_field (theme, "horizon", &value);
}

static void
test_describe (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = theme_at (draft, 2);
  g_autoptr(CsnChange) change = horizon_change (theme, CSN_HORIZON_SHORT_TERM);
  g_autofree char *place = csn_change_dup_place (change, draft);
  g_autofree char *current = csn_change_dup_current_text (change, draft);
  g_autofree char *incoming = csn_change_dup_incoming_text (change, draft);
  g_autofree char *translation_place = csn_describe_place (draft, theme, "title-translation-en");
  g_autofree char *meeting_place = csn_describe_place (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue");
  g_autofree char *countries = NULL;
  const char * const raised_by[] = { "MX", "CA", NULL };
  g_auto(GValue) list = G_VALUE_INIT;

  g_assert_cmpstr (place, ==, "Theme 3 “Migración extrarregional y flujos mixtos”: horizon");
  g_assert_cmpstr (current, ==, "Undecided");
  g_assert_cmpstr (incoming, ==, "Short term");
  g_assert_cmpstr (translation_place, ==,
                   "Theme 3 “Migración extrarregional y flujos mixtos”: title, English translation");
  g_assert_cmpstr (meeting_place, ==, "The meeting: venue");
  g_assert_null (csn_change_dup_base_text (change, draft));

  g_value_init (&list, G_TYPE_STRV);
  g_value_set_boxed (&list, raised_by);
  countries = csn_describe_value (draft, theme, "raised-by", &list);
  g_assert_cmpstr (countries, ==, "Mexico, Canada");
}

static void
test_apply_as_one_step (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnChangeSet) set = csn_change_set_new ("Merge “st.consenso”");
  g_autoptr(CsnChange) horizon = horizon_change (theme_at (draft, 0), CSN_HORIZON_MEDIUM_TERM);
  g_autoptr(CsnChange) raised = csn_change_new_set_member (theme_at (draft, 0), "raised-by", "MX", TRUE);
  g_autoptr(CsnTheme) new_theme = csn_theme_new ();
  g_autoptr(CsnChange) added = NULL;
  g_autoptr(CsnReservation) reservation = csn_reservation_new ();
  g_autoptr(CsnChange) reserved = NULL;
  g_autoptr(CsnChange) removed = csn_change_new_remove_item (CSN_COLLECTION_THEMES, theme_at (draft, 6));
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  CsnItem *first = theme_at (draft, 0);

  g_object_set (new_theme, "id", "theme-3f9a1c2e", "title", "Migración y cambio climático", NULL);
  added = csn_change_new_add_item (CSN_COLLECTION_THEMES, CSN_ITEM (new_theme), "theme-2");
  g_object_set (reservation, "country", "CA", "text", "Con reserva sobre el plazo", NULL);
  reserved = csn_change_new_add_child (first, "reservations", CSN_ITEM (reservation), -1);

  csn_change_set_append (set, horizon);
  csn_change_set_append (set, raised);
  csn_change_set_append (set, added);
  csn_change_set_append (set, reserved);
  csn_change_set_append (set, removed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 5);
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 5);
  g_assert_false (csn_change_is_current (horizon, draft));

  g_assert_cmpuint (csn_change_set_apply (set, draft), ==, 5);
  g_assert_cmpint (csn_item_get_enum (first, "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);
  g_assert_true (csn_item_strv_contains (first, "raised-by", "MX"));
  g_assert_true (g_list_model_get_item_type (themes) == CSN_TYPE_THEME);
  g_assert_true (theme_at (draft, 2) == CSN_ITEM (new_theme));
  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (csn_item_get_children (first, "reservations")), ==, 1);
  g_assert_true (csn_change_is_current (horizon, draft));
  g_assert_true (csn_change_is_current (removed, draft));
  g_assert_true (csn_change_is_current (added, draft));

  /* One step, with the set's label. */
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==, "Merge “st.consenso”");
  after = csn_draft_to_data (draft, NULL);
  g_assert_true (csn_draft_undo (draft));
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  {
    g_autofree char *undone = csn_draft_to_data (draft, NULL);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (csn_draft_redo (draft));
  redone = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_choices (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnChangeSet) set = csn_change_set_new ("Import answers from México and Canadá");
  g_autoptr(CsnChange) mexico = horizon_change (theme_at (draft, 0), CSN_HORIZON_SHORT_TERM);
  g_autoptr(CsnChange) canada = horizon_change (theme_at (draft, 1), CSN_HORIZON_MEDIUM_TERM);
  g_autoptr(CsnChange) conflict = horizon_change (theme_at (draft, 2), CSN_HORIZON_MEDIUM_TERM);
  g_autoptr(CsnChange) stale = horizon_change (theme_at (draft, 3), CSN_HORIZON_MEDIUM_TERM);
  g_auto(GValue) base = G_VALUE_INIT;
  g_autofree char *base_text = NULL;

  csn_change_set_country (mexico, "MX");
  csn_change_set_country (canada, "CA");
  g_value_init (&base, CSN_TYPE_HORIZON);
  g_value_set_enum (&base, CSN_HORIZON_SHORT_TERM);
  csn_change_set_base (conflict, &base);
  csn_change_set_conflict (conflict, TRUE);
  csn_change_set_accepted (conflict, FALSE);
  csn_change_set_note (stale, FALSE, "The theme was deleted after the export");

  csn_change_set_append (set, mexico);
  csn_change_set_append (set, canada);
  csn_change_set_append (set, conflict);
  csn_change_set_append (set, stale);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 1);
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 2);
  base_text = csn_change_dup_base_text (conflict, draft);
  g_assert_cmpstr (base_text, ==, "Short term");

  /* "Accept all from this country" and "all theirs" never reach what cannot be applied. */
  csn_change_set_accept_all (set, FALSE, FALSE, "MX");
  g_assert_false (csn_change_get_accepted (mexico));
  g_assert_true (csn_change_get_accepted (canada));
  csn_change_set_accept_all (set, TRUE, TRUE, NULL);
  g_assert_true (csn_change_get_accepted (conflict));
  g_assert_false (csn_change_get_accepted (mexico));
  csn_change_set_accept_all (set, TRUE, FALSE, NULL);
  g_assert_false (csn_change_get_accepted (stale));
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 3);

  /* A change whose item went meanwhile does not apply; the others do. */
  csn_draft_remove (draft, CSN_COLLECTION_THEMES, 1);
  g_assert_cmpuint (csn_change_set_apply (set, draft), ==, 2);
  g_assert_cmpint (csn_item_get_enum (theme_at (draft, 1), "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);
}

static void
on_n_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       guint      *calls)
{
  (*calls)++;
}

/* A change counts in every set that holds it, the first one (told directly) and any other (told by
 * signals), also after the first is gone; many changes appended at once are announced once. */
static void
test_counts_in_two_sets (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnChangeSet) first = csn_change_set_new ("First");
  g_autoptr(CsnChangeSet) second = csn_change_set_new ("Second");
  g_autoptr(CsnChange) horizon = horizon_change (theme_at (draft, 0), CSN_HORIZON_SHORT_TERM);
  g_autoptr(CsnChange) other = horizon_change (theme_at (draft, 1), CSN_HORIZON_MEDIUM_TERM);
  CsnChange *both[] = { horizon, other };
  guint calls = 0;

  g_signal_connect (second, "items-changed", G_CALLBACK (on_n_items_changed_cb), &calls);
  csn_change_set_append (first, horizon);
  csn_change_set_append_all (second, both, G_N_ELEMENTS (both));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 2);
  g_assert_cmpuint (csn_change_set_get_n_accepted (first), ==, 1);
  g_assert_cmpuint (csn_change_set_get_n_accepted (second), ==, 2);

  csn_change_set_accepted (horizon, FALSE);
  csn_change_set_conflict (horizon, TRUE);
  g_assert_cmpuint (csn_change_set_get_n_accepted (first), ==, 0);
  g_assert_cmpuint (csn_change_set_get_n_accepted (second), ==, 1);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (first), ==, 1);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (second), ==, 1);

  g_clear_object (&first);
  csn_change_set_accepted (horizon, TRUE);
  csn_change_set_accepted (other, FALSE);
  g_assert_cmpuint (csn_change_set_get_n_accepted (second), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change-set/describe", test_describe);
  g_test_add_func ("/change-set/apply-as-one-step", test_apply_as_one_step);
  g_test_add_func ("/change-set/choices", test_choices);
  g_test_add_func ("/change-set/counts-in-two-sets", test_counts_in_two_sets);

  return g_test_run ();
}
