/* test-additions.c: what version 1 gained later — positions, the document's texts, the answers'
 * deadline, translations — read, written back byte-stable, validated and edited with undo. */
#include "config.h"

#include "consenso-core.h"

static const char older_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"Reunión\", \"language\": \"es\", \"status\": \"draft\"},\n"
  " \"countries\": [{\"code\": \"MX\", \"name\": {\"es\": \"México\", \"en\": \"Mexico\"},\n"
  "                \"membership\": \"member\", \"delegation_quota\": 3}],\n"
  " \"pillars\": [], \"actors\": [],\n"
  " \"themes\": [{\"id\": \"theme-1\", \"title\": \"Trata de personas\",\n"
  "   \"description\": \"Prevención\",\n"
  "   \"translations\": {\"en\": {\"title\": {\"text\": \"Trafficking in persons\", \"from\": \"Trata de personas\"},\n"
  "                              \"description\": {\"text\": \"Prevention\", \"from\": \"Prevención y atención\",\n"
  "                                              \"x-reviewer\": \"ST\"},\n"
  "                              \"x-unknown-field\": {\"text\": \"?\"}},\n"
  "                      \"fr\": {\"title\": {\"text\": \"Traite des personnes\", \"from\": \"Trata de personas\"}}},\n"
  "   \"reservations\": [{\"country\": \"MX\", \"text\": \"Con reserva\",\n"
  "                      \"translations\": {\"en\": {\"text\": {\"text\": \"With a reservation\", \"from\": \"Con reserva\"}}}}]}],\n"
  " \"strategies\": [{\"id\": \"strategy-1\", \"theme\": \"theme-1\", \"description\": \"Taller\"}],\n"
  " \"mechanisms\": [], \"role_proposals\": [], \"participants\": [], \"endorsements\": []}\n";

static CsnDraft *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data (data, strlen (data), "older.consenso", &error);

  g_assert_no_error (error);
  return draft;
}

static const CsnField *
field_of (gpointer    item,
          const char *key)
{
  return csn_item_class_find_field (CSN_ITEM_GET_CLASS (item), key);
}

static void
test_older_file_loads (void)
{
  g_autoptr(CsnDraft) draft = load (older_draft);
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autoptr(CsnDraft) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS)), ==, 0);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_document_texts (draft)), "preamble"), ==, "");
  g_assert_null (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "answers-due"));

  /* Saved, the new keys are there; saved again, nothing moves. */
  saved = csn_draft_to_data (draft, NULL);
  g_assert_nonnull (strstr (saved, "\"answers_due\": null"));
  g_assert_nonnull (strstr (saved, "\"document\": {\n    \"preamble\": \"\""));
  g_assert_nonnull (strstr (saved, "\"positions\": []"));
  again = load (saved);
  resaved = csn_draft_to_data (again, NULL);
  g_assert_cmpstr (resaved, ==, saved);
}

static void
test_translations_round_trip (void)
{
  g_autoptr(CsnDraft) draft = load (older_draft);
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1");
  g_autoptr(CsnItem) reservation = g_list_model_get_item (csn_item_get_children (theme, "reservations"), 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autoptr(CsnDraft) again = NULL;
  JsonObject *translations;
  const char *from = NULL;

  g_assert_cmpstr (csn_item_get_translation (theme, field_of (theme, "title"), CSN_LANGUAGE_EN, &from),
                   ==, "Trafficking in persons");
  g_assert_cmpstr (from, ==, "Trata de personas");
  g_assert_cmpstr (csn_item_get_translation (reservation, field_of (reservation, "text"), CSN_LANGUAGE_EN, NULL),
                   ==, "With a reservation");

  saved = csn_draft_to_data (draft, NULL);
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  translations = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                 "themes"), 0),
    "translations");
  /* What this build does not know is kept where it was. */
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (translations, "en"), "description"),
                     "x-reviewer"), ==, "ST");
  g_assert_true (json_object_has_member (json_object_get_object_member (translations, "en"), "x-unknown-field"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (translations, "fr"), "title"),
                     "text"), ==, "Traite des personnes");

  again = load (saved);
  resaved = csn_draft_to_data (again, NULL);
  g_assert_cmpstr (resaved, ==, saved);
}

static void
test_translation_state_and_undo (void)
{
  g_autoptr(CsnDraft) draft = load (older_draft);
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1");
  CsnItem *strategy = csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "strategy-1");
  const CsnField *title = field_of (theme, "title");
  const CsnField *description = field_of (theme, "description");
  const CsnField *notes = field_of (theme, "notes");
  const CsnField *strategy_description = field_of (strategy, "description");

  g_assert_cmpint (csn_item_get_translation_state (theme, title, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_CURRENT);
  g_assert_cmpint (csn_item_get_translation_state (theme, description, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_OUTDATED);
  g_assert_cmpint (csn_item_get_translation_state (theme, notes, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_NOT_NEEDED);
  g_assert_cmpint (csn_item_get_translation_state (strategy, strategy_description, CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_MISSING);

  /* Outputs in the other language use current translations and mark the rest. */
  {
    g_autofree char *current = csn_item_dup_text_for_language (theme, title, CSN_LANGUAGE_ES, CSN_LANGUAGE_EN);
    g_autofree char *outdated = csn_item_dup_text_for_language (theme, description, CSN_LANGUAGE_ES, CSN_LANGUAGE_EN);
    g_autofree char *missing = csn_item_dup_text_for_language (strategy, strategy_description, CSN_LANGUAGE_ES,
                                                               CSN_LANGUAGE_EN);
    g_autofree char *source = csn_item_dup_text_for_language (theme, title, CSN_LANGUAGE_ES, CSN_LANGUAGE_ES);

    g_assert_cmpstr (current, ==, "Trafficking in persons");
    g_assert_cmpstr (outdated, ==, "[outdated translation] Prevención");
    g_assert_cmpstr (missing, ==, "[untranslated] Taller");
    g_assert_cmpstr (source, ==, "Trata de personas");
  }

  /* A change to the source makes its translation outdated. */
  csn_draft_set_string (draft, theme, "title", "Trata de personas y tráfico ilícito");
  g_assert_cmpint (csn_item_get_translation_state (theme, title, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_OUTDATED);

  /* Translating records the source it was made from, as one undoable step. */
  csn_draft_set_translation (draft, strategy, strategy_description, CSN_LANGUAGE_EN, "Workshop");
  g_assert_cmpint (csn_item_get_translation_state (strategy, strategy_description, CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_CURRENT);
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==,
                   "Translate description of “Taller” into English");
  g_assert_true (csn_draft_undo (draft));
  g_assert_cmpint (csn_item_get_translation_state (strategy, strategy_description, CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_MISSING);

  /* Setting the same text again accepts it as up to date. */
  csn_draft_set_translation (draft, theme, description, CSN_LANGUAGE_EN, "Prevention");
  g_assert_cmpint (csn_item_get_translation_state (theme, description, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_CURRENT);
  g_assert_true (csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (theme), "description-translation-en-from",
                                                         NULL, NULL));
  g_assert_false (csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (theme), "description", NULL, NULL));
}

static void
test_bad_translations_refused (void)
{
  const char *cases[][2] = {
    { "\"translations\": [1]", "themes[0].translations: expected an object of translations by language" },
    { "\"translations\": {\"en\": 3}", "themes[0].translations.en: expected an object of translated fields" },
    { "\"translations\": {\"en\": {\"title\": \"x\"}}", "themes[0].translations.en.title: expected an object with" },
    { "\"translations\": {\"en\": {\"title\": {\"text\": 1}}}", "themes[0].translations.en.title.text: expected text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf (
        "{\"format\": \"consenso-draft\", \"version\": 1, \"meeting\": {},"
        " \"countries\": [], \"pillars\": [], \"actors\": [],"
        " \"themes\": [{\"id\": \"theme-1\", %s}], \"strategies\": [], \"mechanisms\": [],"
        " \"role_proposals\": [], \"participants\": [], \"endorsements\": []}", cases[i][0]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsnDraft) draft = csn_draft_load_from_data (data, strlen (data), "bad.consenso", &error);

      g_assert_null (draft);
      g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "bad.consenso: "));
      g_assert_nonnull (strstr (error->message, cases[i][1]));
    }
}

static void
test_positions_refer_to_agenda (void)
{
  g_autoptr(CsnDraft) draft = load (older_draft);
  g_autoptr(CsnPosition) on_theme = csn_position_new ();
  g_autoptr(CsnPosition) on_strategy = csn_position_new ();
  g_autoptr(CsnPosition) dangling = csn_position_new ();
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CsnProblem) problem = NULL;

  g_object_set (on_theme, "country", "MX", "item", "theme-1", "stance", CSN_STANCE_OBJECTS, NULL);
  g_object_set (on_strategy, "country", "MX", "item", "strategy-1", NULL);
  g_object_set (dangling, "country", "MX", "item", "theme-9", NULL);
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (on_theme));
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (on_strategy));
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (dangling));

  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, "strategy-1") ==
                 csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "strategy-1"));
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, "theme-9"));

  problems = csn_draft_validate (draft);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CsnProblem) each = g_list_model_get_item (problems, i);

      if (g_str_has_prefix (csn_problem_get_place (each), "positions"))
        {
          g_assert_null (problem);
          problem = g_steal_pointer (&each);
        }
    }
  g_assert_nonnull (problem);
  g_assert_cmpstr (csn_problem_get_place (problem), ==, "positions[2].item");
  g_assert_true (csn_problem_get_item (problem) == CSN_ITEM (dangling));
}

static void
test_lookup_follows_edits (void)
{
  g_autoptr(CsnDraft) draft = load (older_draft);
  CsnItem *theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1");

  g_assert_nonnull (theme);
  csn_draft_set_string (draft, theme, "id", "theme-renamed");
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1"));
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-renamed") == theme);
  g_assert_true (csn_draft_undo (draft));
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1") == theme);

  csn_draft_remove (draft, CSN_COLLECTION_THEMES, 0);
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1"));
  g_assert_true (csn_draft_undo (draft));
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1") == theme);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/additions/older-file-loads", test_older_file_loads);
  g_test_add_func ("/additions/translations/round-trip", test_translations_round_trip);
  g_test_add_func ("/additions/translations/state-and-undo", test_translation_state_and_undo);
  g_test_add_func ("/additions/translations/bad-refused", test_bad_translations_refused);
  g_test_add_func ("/additions/positions/agenda-references", test_positions_refer_to_agenda);
  g_test_add_func ("/additions/lookup-follows-edits", test_lookup_follows_edits);

  return g_test_run ();
}
