/* test-history.c: every kind of edit is undone and redone exactly; groups; the saved point; labels. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "consenso-core.h"

static CsnItem *
get_item (CsnDraft      *draft,
          CsnCollection  collection,
          guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);
  return item; /* owned by the list */
}

static char *
snapshot (CsnDraft *draft)
{
  return csn_draft_to_data (draft, NULL);
}

/* Undo must restore the exact previous state, redo the exact next one. */
static void
assert_undo_redo (CsnDraft   *draft,
                  const char *before,
                  const char *expected_label)
{
  g_autofree char *after = snapshot (draft);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CsnHistory *history = csn_draft_get_history (draft);

  g_assert_cmpstr (before, !=, after);
  if (expected_label != NULL)
    g_assert_cmpstr (csn_history_get_undo_label (history), ==, expected_label);

  g_assert_true (csn_draft_undo (draft));
  undone = snapshot (draft);
  g_assert_cmpstr (undone, ==, before);
  if (expected_label != NULL)
    g_assert_cmpstr (csn_history_get_redo_label (history), ==, expected_label);

  g_assert_true (csn_draft_redo (draft));
  redone = snapshot (draft);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_set_fields (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 4);
  CsnItem *country = get_item (draft, CSN_COLLECTION_COUNTRIES, 0);
  CsnItem *strategy = get_item (draft, CSN_COLLECTION_STRATEGIES, 0);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  const char *support[] = { "ppt", "rrocm", NULL };
  g_autofree char *s0 = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL, *s6 = NULL;

  s0 = snapshot (draft);
  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  assert_undo_redo (draft, s0, "Change horizon of “Migración laboral”");
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_SHORT_TERM);

  s1 = snapshot (draft);
  csn_draft_set_string (draft, theme, "notes", "Prioridad para la PPT");
  assert_undo_redo (draft, s1, "Change notes of “Migración laboral”");

  s2 = snapshot (draft);
  csn_draft_set_int (draft, country, "delegation-quota", 4);
  assert_undo_redo (draft, s2, "Change delegation quota of “Belize”");

  s3 = snapshot (draft);
  csn_draft_set_string (draft, strategy, "lead", NULL);
  assert_undo_redo (draft, s3, NULL);
  g_assert_null (csn_item_get_string (strategy, "lead"));

  s4 = snapshot (draft);
  csn_draft_set_strv (draft, strategy, "support", support);
  assert_undo_redo (draft, s4, "Change supporting actors of “Fortalecer la Red de funcionarios de enlace para el combate…”");

  s5 = snapshot (draft);
  csn_draft_set_string (draft, meeting, "start-date", "2011-03-01");
  assert_undo_redo (draft, s5, "Change start date of the meeting");

  /* Localized names are one field with two properties. */
  s6 = snapshot (draft);
  csn_draft_set_string (draft, country, "name-en", "Belize (BZ)");
  assert_undo_redo (draft, s6, "Change name of “Belize”");
}

static void
test_equal_value_records_nothing (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 0);
  CsnHistory *history = csn_draft_get_history (draft);

  csn_draft_set_enum (draft, theme, "horizon", csn_item_get_enum (theme, "horizon"));
  csn_draft_set_string (draft, theme, "title", csn_item_get_string (theme, "title"));
  csn_draft_set_in_list (draft, theme, "raised-by", "MX", FALSE);
  g_assert_false (csn_history_can_undo (history));
  g_assert_false (csn_draft_get_modified (draft));
}

static void
test_raised_by_and_supported_by (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 0);
  g_autoptr(CsnRoleProposal) proposal = csn_role_proposal_new ();
  g_autofree char *s0 = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL;

  s0 = snapshot (draft);
  csn_draft_set_in_list (draft, theme, "raised-by", "MX", TRUE);
  assert_undo_redo (draft, s0, "Add “Mexico” to raised by of “Trata de personas y tráfico ilícito de migrantes”");

  s1 = snapshot (draft);
  csn_draft_set_in_list (draft, theme, "raised-by", "GT", TRUE);
  assert_undo_redo (draft, s1, NULL);
  g_assert_cmpstr (csn_item_get_strv (theme, "raised-by")[0], ==, "MX");
  g_assert_cmpstr (csn_item_get_strv (theme, "raised-by")[1], ==, "GT");

  s2 = snapshot (draft);
  csn_draft_set_in_list (draft, theme, "raised-by", "MX", FALSE);
  assert_undo_redo (draft, s2, "Remove “Mexico” from raised by of “Trata de personas y tráfico ilícito de migrantes”");
  g_assert_false (csn_item_strv_contains (theme, "raised-by", "MX"));

  g_object_set (proposal, "actor", "st", "attribution", "Informe anual", NULL);
  csn_draft_append (draft, CSN_COLLECTION_ROLE_PROPOSALS, CSN_ITEM (proposal));
  s3 = snapshot (draft);
  csn_draft_set_in_list (draft, CSN_ITEM (proposal), "supported-by", "CR", TRUE);
  assert_undo_redo (draft, s3, "Add “Costa Rica” to supported by of “Informe anual”");
}

static void
test_add_remove_move (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autofree char *s0 = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL;
  g_autoptr(CsnItem) first = NULL;

  s0 = snapshot (draft);
  g_object_set (strategy, "theme", "theme-2", "description", "Seminario", NULL);
  csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, CSN_ITEM (strategy));
  g_assert_true (g_regex_match_simple ("^strategy-[0-9a-f]{8}$", csn_item_get_key (CSN_ITEM (strategy)), 0, 0));
  assert_undo_redo (draft, s0, "Add strategy");

  s1 = snapshot (draft);
  csn_draft_remove (draft, CSN_COLLECTION_THEMES, 2);
  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, 6);
  assert_undo_redo (draft, s1, "Remove theme “Migración extrarregional y flujos mixtos”");

  s2 = snapshot (draft);
  csn_draft_move (draft, CSN_COLLECTION_THEMES, 0, 3);
  first = g_list_model_get_item (themes, 3);
  g_assert_cmpstr (csn_item_get_key (first), ==, "theme-1");
  assert_undo_redo (draft, s2, "Move theme “Trata de personas y tráfico ilícito de migrantes”");

  /* Moving a strategy to another theme is one step. */
  s3 = snapshot (draft);
  csn_draft_set_string (draft, CSN_ITEM (strategy), "theme", "theme-5");
  assert_undo_redo (draft, s3, "Change theme of “Seminario”");
}

static void
test_children (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 1);
  g_autoptr(CsnReservation) reservation = csn_reservation_new ();
  g_autofree char *s0 = NULL, *s1 = NULL, *s2 = NULL;
  g_autoptr(CsnItem) child = NULL;

  s0 = snapshot (draft);
  g_object_set (reservation, "country", "US", "text", "Sujeto a consultas internas", NULL);
  csn_draft_insert_child (draft, theme, "reservations", 0, CSN_ITEM (reservation));
  assert_undo_redo (draft, s0, "Add reservation to “Niñas, niños y adolescentes migrantes, en especial no acomp…”");

  child = g_list_model_get_item (csn_item_get_children (theme, "reservations"), 0);
  s1 = snapshot (draft);
  csn_draft_set_string (draft, child, "text", "Sujeto a consultas");
  assert_undo_redo (draft, s1, "Change text of “Sujeto a consultas internas”");

  s2 = snapshot (draft);
  csn_draft_remove_child (draft, theme, "reservations", 0);
  assert_undo_redo (draft, s2, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (csn_item_get_children (theme, "reservations")), ==, 0);
}

static void
test_group (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 0);
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  CsnHistory *history = csn_draft_get_history (draft);
  g_autofree char *s0 = snapshot (draft);
  guint position;

  /* Removing a theme with its strategies is one step. */
  csn_draft_begin_group (draft, "Remove theme and its strategies");
  for (guint i = g_list_model_get_n_items (strategies); i > 0; i--)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, i - 1);

      if (g_strcmp0 (csn_item_get_string (strategy, "theme"), csn_item_get_key (theme)) == 0)
        csn_draft_remove (draft, CSN_COLLECTION_STRATEGIES, i - 1);
    }
  g_assert_true (csn_draft_find_position (draft, CSN_COLLECTION_THEMES, theme, &position));
  csn_draft_remove (draft, CSN_COLLECTION_THEMES, position);
  /* Nothing is recorded as a step until the group ends. */
  g_assert_false (csn_history_can_undo (history));
  csn_draft_end_group (draft);

  g_assert_cmpuint (g_list_model_get_n_items (strategies), ==, 6);
  /* What the step changes, each once: the two lists it removed from. */
  {
    g_autoptr(GPtrArray) objects = csn_history_dup_next_objects (history, FALSE);
    g_autoptr(GPtrArray) none = csn_history_dup_next_objects (history, TRUE);

    g_assert_cmpuint (objects->len, ==, 2);
    g_assert_true (g_ptr_array_index (objects, 0) == (gpointer) strategies);
    g_assert_true (g_ptr_array_index (objects, 1) == (gpointer) csn_draft_get_collection (draft, CSN_COLLECTION_THEMES));
    g_assert_cmpuint (none->len, ==, 0);
  }
  assert_undo_redo (draft, s0, "Remove theme and its strategies");
  g_assert_true (csn_draft_undo (draft));
  g_assert_false (csn_history_can_undo (history));

  /* An empty group records nothing. */
  csn_draft_begin_group (draft, "Nothing");
  csn_draft_end_group (draft);
  g_assert_false (csn_history_can_undo (history));

  /* Nested groups fold into the outer one. */
  csn_draft_begin_group (draft, "Outer");
  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_MEDIUM_TERM);
  csn_draft_begin_group (draft, "Inner");
  csn_draft_set_enum (draft, theme, "consensus", CSN_CONSENSUS_AGREED);
  csn_draft_end_group (draft);
  csn_draft_end_group (draft);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, "Outer");
  {
    g_autoptr(GPtrArray) objects = csn_history_dup_next_objects (history, FALSE);

    g_assert_cmpuint (objects->len, ==, 1);
    g_assert_true (g_ptr_array_index (objects, 0) == (gpointer) theme);
  }
  g_assert_true (csn_draft_undo (draft));
  {
    g_autoptr(GPtrArray) objects = csn_history_dup_next_objects (history, TRUE);

    g_assert_cmpuint (objects->len, ==, 1);
    g_assert_true (g_ptr_array_index (objects, 0) == (gpointer) theme);
  }
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_UNDECIDED);
  g_assert_cmpint (csn_item_get_enum (theme, "consensus"), ==, CSN_CONSENSUS_PENDING);
  g_assert_false (csn_history_can_undo (history));

  /* What the last undo changed, then nothing to say once the history is cleared. */
  {
    g_autoptr(GHashTable) objects = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

    g_assert_true (csn_history_add_last_objects (history, objects));
    g_assert_cmpuint (g_hash_table_size (objects), ==, 1);
    g_assert_true (g_hash_table_contains (objects, theme));
    csn_history_clear (history);
    g_assert_false (csn_history_add_last_objects (history, objects));
    g_assert_cmpuint (g_hash_table_size (objects), ==, 1);
  }
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
on_changed_count_cb (CsnDraft *draft,
                     guint    *count)
{
  (*count)++;
}

static void
test_saved_point (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 0);
  CsnHistory *history = csn_draft_get_history (draft);
  guint modified_notifies = 0;
  guint changes = 0;

  g_signal_connect (draft, "notify::modified", G_CALLBACK (on_notify_count_cb), &modified_notifies);
  g_signal_connect (draft, "changed", G_CALLBACK (on_changed_count_cb), &changes);

  g_assert_false (csn_draft_get_modified (draft));
  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpuint (modified_notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  csn_history_mark_saved (history);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_cmpuint (modified_notifies, ==, 2);

  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_MEDIUM_TERM);
  g_assert_true (csn_draft_get_modified (draft));
  csn_draft_undo (draft);
  g_assert_false (csn_draft_get_modified (draft));  /* back at the saved point */
  csn_draft_undo (draft);
  g_assert_true (csn_draft_get_modified (draft));   /* before it */
  csn_draft_redo (draft);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_cmpuint (changes, ==, 5);

  /* Undo before the saved point, then a new edit: the saved state cannot come back. */
  csn_draft_undo (draft);
  csn_draft_set_enum (draft, theme, "consensus", CSN_CONSENSUS_AGREED);
  g_assert_true (csn_draft_get_modified (draft));
  csn_draft_undo (draft);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_false (csn_history_can_undo (history));

  csn_history_mark_unsaved (history);
  g_assert_true (csn_draft_get_modified (draft));
  csn_history_clear (history);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_false (csn_history_can_redo (history));
}

static void
test_labels_are_translated (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = get_item (draft, CSN_COLLECTION_THEMES, 0);
  const char *label;

  /* Run twice by meson: in English, and with LANGUAGE=es and the build's catalogue. */
  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  label = csn_history_get_undo_label (csn_draft_get_history (draft));
  if (g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0)
    g_assert_cmpstr (label, ==, "Cambiar plazo de «Trata de personas y tráfico ilícito de migrantes»");
  else
    g_assert_cmpstr (label, ==, "Change horizon of “Trata de personas y tráfico ilícito de migrantes”");

  csn_draft_remove (draft, CSN_COLLECTION_THEMES, 1);
  label = csn_history_get_undo_label (csn_draft_get_history (draft));
  if (g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0)
    g_assert_cmpstr (label, ==, "Eliminar el tema «Niñas, niños y adolescentes migrantes, en especial no acomp…»");
  else
    g_assert_cmpstr (label, ==, "Remove theme “Niñas, niños y adolescentes migrantes, en especial no acomp…”");
}

/* Undo labels say what changed as a person would: never an item's id or a country's code. */
static void
test_labels_without_ids (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnHistory *history = csn_draft_get_history (draft);
  g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT, "country", "MX", NULL);
  CsnItem *endorsement = csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "MX");
  gboolean spanish = g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0;
  guint n_participants = g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS));
  g_autofree char *expected = NULL;

  csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
  csn_draft_set_string (draft, participant, "email", "ana@example.org");
  expected = g_strdup_printf (spanish ? "Cambiar correo electrónico de participante %u" : "Change email of participant %u",
                              n_participants + 1);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, expected);
  g_assert_null (strstr (csn_history_get_undo_label (history), csn_item_get_key (participant)));

  g_clear_pointer (&expected, g_free);
  csn_draft_remove (draft, CSN_COLLECTION_PARTICIPANTS, n_participants);
  expected = g_strdup_printf (spanish ? "Eliminar participante %u" : "Remove participant %u", n_participants + 1);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, expected);

  /* Removed as the core removes items, with its toast: no id there either. */
  {
    g_autoptr(CsnItem) unnamed = g_object_new (CSN_TYPE_PARTICIPANT, "country", "MX", NULL);
    g_autoptr(CsnRemoval) removal = NULL;

    csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, unnamed);
    removal = csn_draft_remove_item (draft, unnamed);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf (spanish ? "Eliminado: participante %u" : "Removed participant %u", n_participants + 1);
    g_assert_cmpstr (csn_removal_get_message (removal), ==, expected);
    g_assert_null (strstr (csn_removal_get_label (removal), csn_item_get_key (unnamed)));
  }

  g_assert_nonnull (endorsement);
  csn_draft_set_enum (draft, endorsement, "status", CSN_ENDORSEMENT_STATUS_ENDORSED);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==,
                   spanish ? "Cambiar estado de respaldo de México" : "Change status of the endorsement of Mexico");
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

  g_test_add_func ("/history/set-fields", test_set_fields);
  g_test_add_func ("/history/equal-value-records-nothing", test_equal_value_records_nothing);
  g_test_add_func ("/history/raised-by-and-supported-by", test_raised_by_and_supported_by);
  g_test_add_func ("/history/add-remove-move", test_add_remove_move);
  g_test_add_func ("/history/children", test_children);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/saved-point", test_saved_point);
  g_test_add_func ("/history/labels-translated", test_labels_are_translated);
  g_test_add_func ("/history/labels-translated/without-ids", test_labels_without_ids);

  return g_test_run ();
}
