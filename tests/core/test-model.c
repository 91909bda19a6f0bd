/* test-model.c: every record type of the draft: fields, defaults, change notification, ids. */
#include "config.h"

#include "consenso-core.h"

typedef struct {
  GType       (*get_type) (void);
  const char   *collection_key;
  const char   *key_property;
  const char  **properties;
} TypeCase;

static const char *meeting_props[] = { "title", "venue", "start-date", "end-date",
                                       "pro-tempore-presidency", "language", "status", NULL };
static const char *country_props[] = { "code", "name-es", "name-en", "membership", "delegation-quota", NULL };
static const char *pillar_props[] = { "id", "name-es", "name-en", NULL };
static const char *actor_props[] = { "id", "kind", "name-es", "name-en", "current-role", NULL };
static const char *theme_props[] = { "id", "title", "description", "pillar", "raised-by", "horizon",
                                     "consensus", "reservations", "notes", NULL };
static const char *reservation_props[] = { "country", "text", NULL };
static const char *strategy_props[] = { "id", "theme", "description", "mechanism", "lead", "support",
                                        "horizon", "notes", NULL };
static const char *mechanism_props[] = { "id", "name", "assessment", "considerations", "proposal", NULL };
static const char *proposal_props[] = { "id", "actor", "change", "attribution", "rationale",
                                        "supported-by", "status", NULL };
static const char *participant_props[] = { "id", "name", "country", "position", "email", "role", NULL };
static const char *endorsement_props[] = { "country", "status", "date", "note", NULL };

static const TypeCase type_cases[] = {
  { csn_meeting_get_type, NULL, NULL, meeting_props },
  { csn_country_get_type, "countries", "code", country_props },
  { csn_pillar_get_type, "pillars", "id", pillar_props },
  { csn_actor_get_type, "actors", "id", actor_props },
  { csn_theme_get_type, "themes", "id", theme_props },
  { csn_reservation_get_type, NULL, NULL, reservation_props },
  { csn_strategy_get_type, "strategies", "id", strategy_props },
  { csn_mechanism_get_type, "mechanisms", "id", mechanism_props },
  { csn_role_proposal_get_type, "role_proposals", "id", proposal_props },
  { csn_participant_get_type, "participants", "id", participant_props },
  { csn_endorsement_get_type, "endorsements", "country", endorsement_props },
};

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_types_have_schema_properties (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_cases); i++)
    {
      const TypeCase *tc = &type_cases[i];
      g_autoptr(CsnItemClass) klass = g_type_class_ref (tc->get_type ());
      const CsnField *key_field = csn_item_class_get_key_field (klass);

      g_assert_cmpstr (csn_item_class_get_collection_key (klass), ==, tc->collection_key);
      if (tc->key_property != NULL)
        g_assert_cmpstr (key_field->key, ==, tc->key_property);
      else
        g_assert_null (key_field);

      for (guint j = 0; tc->properties[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), tc->properties[j]);

          g_assert_nonnull (pspec);
          g_assert_true (pspec->flags & G_PARAM_READABLE);
        }
      if (tc->collection_key != NULL)
        g_assert_cmpint (csn_collection_from_key (tc->collection_key), !=, CSN_COLLECTION_NONE);
    }
}

static void
test_defaults (void)
{
  g_autoptr(CsnTheme) theme = csn_theme_new ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autoptr(CsnCountry) country = csn_country_new ();
  g_autoptr(CsnMeeting) meeting = csn_meeting_new ();
  g_autoptr(CsnEndorsement) endorsement = csn_endorsement_new ();

  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (theme), "title"), ==, "");
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (theme), "pillar"), ==, "");
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (theme), "horizon"), ==, CSN_HORIZON_UNDECIDED);
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (theme), "consensus"), ==, CSN_CONSENSUS_PENDING);
  g_assert_cmpuint (g_strv_length ((char **) csn_item_get_strv (CSN_ITEM (theme), "raised-by")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (csn_item_get_children (CSN_ITEM (theme), "reservations")), ==, 0);
  g_assert_true (g_list_model_get_item_type (csn_item_get_children (CSN_ITEM (theme), "reservations")) ==
                 CSN_TYPE_RESERVATION);

  g_assert_null (csn_item_get_string (CSN_ITEM (strategy), "lead"));
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (strategy), "mechanism"), ==, CSN_MECHANISM_KIND_OTHER);
  g_assert_cmpint (csn_item_get_int (CSN_ITEM (country), "delegation-quota"), ==, 2);
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (country), "membership"), ==, CSN_MEMBERSHIP_MEMBER);
  g_assert_null (csn_item_get_string (CSN_ITEM (meeting), "start-date"));
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (meeting), "language"), ==, CSN_LANGUAGE_ES);
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (meeting), "status"), ==, CSN_MEETING_STATUS_DRAFT);
  g_assert_cmpint (csn_item_get_enum (CSN_ITEM (endorsement), "status"), ==, CSN_ENDORSEMENT_STATUS_PENDING);
}

/* Every field notifies once per real change and never for an equal value. */
static void
test_notify_only_on_change (void)
{
  g_autoptr(CsnTheme) theme = csn_theme_new ();
  const char *codes[] = { "MX", "GT", NULL };
  const char *same_codes[] = { "MX", "GT", NULL };
  guint count = 0;

  g_signal_connect (theme, "notify", G_CALLBACK (count_notify_cb), &count);

  g_object_set (theme, "title", "Migración laboral", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (theme, "title", "Migración laboral", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (theme, "title", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (theme), "title"), ==, "");

  g_object_set (theme, "horizon", CSN_HORIZON_SHORT_TERM, NULL);
  g_object_set (theme, "horizon", CSN_HORIZON_SHORT_TERM, NULL);
  g_assert_cmpuint (count, ==, 3);

  g_object_set (theme, "raised-by", codes, NULL);
  g_object_set (theme, "raised-by", same_codes, NULL);
  g_assert_cmpuint (count, ==, 4);
  g_assert_true (csn_item_strv_contains (CSN_ITEM (theme), "raised-by", "GT"));
  g_object_set (theme, "raised-by", NULL, NULL);
  g_assert_cmpuint (count, ==, 5);
  g_assert_nonnull (csn_item_get_strv (CSN_ITEM (theme), "raised-by"));

  {
    g_autoptr(CsnCountry) country = csn_country_new ();
    guint country_count = 0;

    g_signal_connect (country, "notify", G_CALLBACK (count_notify_cb), &country_count);
    g_object_set (country, "delegation-quota", 3, NULL);
    g_object_set (country, "delegation-quota", 3, NULL);
    g_object_set (country, "name-es", "México", "name-en", "Mexico", NULL);
    g_assert_cmpuint (country_count, ==, 3);
  }
}

static void
test_titles (void)
{
  g_autoptr(CsnTheme) theme = csn_theme_new ();
  g_autoptr(CsnEndorsement) endorsement = csn_endorsement_new ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autofree char *title = NULL;
  g_autofree char *key_title = NULL;
  g_autofree char *long_title = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  g_object_set (theme, "id", "theme-1", "title", "Retorno", NULL);
  title = csn_item_dup_title (CSN_ITEM (theme));
  g_assert_cmpstr (title, ==, "Retorno");
  g_assert_cmpstr (csn_item_get_key (CSN_ITEM (theme)), ==, "theme-1");

  g_object_set (endorsement, "country", "MX", NULL);
  key_title = csn_item_dup_title (CSN_ITEM (endorsement));
  g_assert_cmpstr (key_title, ==, "MX");

  for (guint i = 0; i < 100; i++)
    g_string_append (long_text, "ñ");
  g_object_set (strategy, "description", long_text->str, NULL);
  long_title = csn_item_dup_title (CSN_ITEM (strategy));
  g_assert_true (g_utf8_validate (long_title, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (long_title, -1), ==, 60);
  g_assert_true (g_str_has_suffix (long_title, "…"));
}

static void
test_draft_collections_and_ids (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new ();
  g_autoptr(CsnTheme) a = csn_theme_new ();
  g_autoptr(CsnTheme) b = csn_theme_new ();
  g_autoptr(CsnTheme) c = csn_theme_new ();
  g_autofree char *next = NULL;
  guint position;

  for (CsnCollection i = 0; i < CSN_N_COLLECTIONS; i++)
    {
      GListModel *model = csn_draft_get_collection (draft, i);

      g_assert_true (G_IS_LIST_MODEL (model));
      g_assert_true (g_list_model_get_item_type (model) == csn_collection_get_item_type (i));
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
    }
  g_assert_true (CSN_IS_MEETING (csn_draft_get_meeting (draft)));

  /* New ids are the prefix and a random part, so copies edited apart do not collide. */
  csn_draft_append (draft, CSN_COLLECTION_THEMES, CSN_ITEM (a));
  g_assert_true (g_regex_match_simple ("^theme-[0-9a-f]{8}$", csn_item_get_key (CSN_ITEM (a)), 0, 0));
  next = csn_draft_make_id (draft, CSN_COLLECTION_THEMES);
  g_assert_true (g_regex_match_simple ("^theme-[0-9a-f]{8}$", next, 0, 0));
  g_assert_cmpstr (next, !=, csn_item_get_key (CSN_ITEM (a)));

  /* An id given by the user (or an older file's "theme-2") is kept. */
  g_object_set (b, "id", "theme-2", NULL);
  csn_draft_append (draft, CSN_COLLECTION_THEMES, CSN_ITEM (b));
  g_assert_cmpstr (csn_item_get_key (CSN_ITEM (b)), ==, "theme-2");
  g_object_set (c, "id", "theme-41", NULL);
  csn_draft_append (draft, CSN_COLLECTION_THEMES, CSN_ITEM (c));

  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-2") == CSN_ITEM (b));
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-3"));
  g_assert_true (csn_draft_find_position (draft, CSN_COLLECTION_THEMES, CSN_ITEM (c), &position));
  g_assert_cmpuint (position, ==, 2);
}

/* A new id never repeats one the collection has: the same seed gives the same random id, which the
 * second time is taken. */
static void
test_new_id_avoids_taken (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;

  g_random_set_seed (16);
  first = csn_draft_make_id (draft, CSN_COLLECTION_STRATEGIES);
  g_object_set (strategy, "id", first, NULL);
  csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, CSN_ITEM (strategy));

  g_random_set_seed (16);
  next = csn_draft_make_id (draft, CSN_COLLECTION_STRATEGIES);
  g_assert_cmpstr (next, !=, first);
  g_assert_true (g_regex_match_simple ("^strategy-[0-9a-f]{8}$", next, 0, 0));

  /* The same after many new ids: the collection's keys are then indexed. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *other = csn_draft_make_id (draft, CSN_COLLECTION_STRATEGIES);

      g_assert_cmpstr (other, !=, first);
    }
  g_clear_pointer (&next, g_free);
  g_random_set_seed (16);
  next = csn_draft_make_id (draft, CSN_COLLECTION_STRATEGIES);
  g_assert_cmpstr (next, !=, first);
}

static void
test_template_content (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  const char *member_order[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
  const char *observers[] = { "AR", "CO", "EC", "JM", "PE" };
  g_autoptr(GListModel) problems = NULL;

  g_assert_cmpstr (csn_item_get_string (meeting, "pro-tempore-presidency"), ==, "DO");
  g_assert_cmpint (csn_item_get_enum (meeting, "language"), ==, CSN_LANGUAGE_ES);
  g_assert_cmpint (csn_item_get_enum (meeting, "status"), ==, CSN_MEETING_STATUS_DRAFT);
  g_assert_cmpstr (csn_item_get_string (meeting, "title"), !=, "");
  g_assert_null (csn_draft_get_file (draft));
  g_assert_false (csn_draft_get_modified (draft));

  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 16);
  for (guint i = 0; i < G_N_ELEMENTS (member_order); i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);

      g_assert_cmpstr (csn_item_get_key (country), ==, member_order[i]);
      g_assert_cmpint (csn_item_get_enum (country, "membership"), ==, CSN_MEMBERSHIP_MEMBER);
      g_assert_cmpint (csn_item_get_int (country, "delegation-quota"), ==,
                       g_str_equal (member_order[i], "DO") || g_str_equal (member_order[i], "MX") ? 3 : 2);
      g_assert_cmpstr (csn_item_get_string (country, "name-es"), !=, "");
      g_assert_cmpstr (csn_item_get_string (country, "name-en"), !=, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (observers); i++)
    {
      CsnItem *country = csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, observers[i]);

      g_assert_nonnull (country);
      g_assert_cmpint (csn_item_get_enum (country, "membership"), ==, CSN_MEMBERSHIP_OBSERVER);
    }

  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_PILLARS)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_ACTORS)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_MECHANISMS)), >=, 6);
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_ENDORSEMENTS)), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, 7);

  /* Every example theme has at least one strategy. */
  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      guint n_strategies = 0;

      for (guint j = 0; j < g_list_model_get_n_items (strategies); j++)
        {
          g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, j);

          if (g_strcmp0 (csn_item_get_string (strategy, "theme"), csn_item_get_key (theme)) == 0)
            n_strategies++;
        }
      g_assert_cmpuint (n_strategies, >=, 1);
    }

  problems = csn_draft_validate (draft);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

static void
test_enum_nicks_and_labels (void)
{
  g_autofree char *nicks = csn_enum_list_nicks (CSN_TYPE_HORIZON);
  int value;

  g_assert_cmpstr (nicks, ==, "short-term, medium-term, undecided");
  g_assert_true (csn_enum_from_nick (CSN_TYPE_ENDORSEMENT_STATUS, "endorsed-with-reservations", &value));
  g_assert_cmpint (value, ==, CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS);
  g_assert_false (csn_enum_from_nick (CSN_TYPE_HORIZON, "long-term", &value));
  g_assert_cmpstr (csn_enum_to_nick (CSN_TYPE_ACTOR_KIND, CSN_ACTOR_KIND_INTERNATIONAL_ORGANIZATIONS), ==,
                   "international-organizations");
  g_assert_cmpstr (csn_enum_get_label_msgid (CSN_TYPE_HORIZON, CSN_HORIZON_MEDIUM_TERM), ==, "Medium term");

  /* Every value of every enum has a label. */
  {
    GType types[] = { CSN_TYPE_LANGUAGE, CSN_TYPE_MEETING_STATUS, CSN_TYPE_MEMBERSHIP, CSN_TYPE_ACTOR_KIND,
                      CSN_TYPE_HORIZON, CSN_TYPE_CONSENSUS, CSN_TYPE_MECHANISM_KIND, CSN_TYPE_ASSESSMENT,
                      CSN_TYPE_ROLE_CHANGE, CSN_TYPE_PROPOSAL_STATUS, CSN_TYPE_PARTICIPANT_ROLE,
                      CSN_TYPE_ENDORSEMENT_STATUS, CSN_TYPE_SEVERITY };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (types[i]);

        for (guint j = 0; j < klass->n_values; j++)
          {
            const char *label = csn_enum_get_label (types[i], klass->values[j].value);

            g_assert_nonnull (label);
            g_assert_cmpstr (label, !=, "");
          }
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/types/schema", test_types_have_schema_properties);
  g_test_add_func ("/model/types/defaults", test_defaults);
  g_test_add_func ("/model/types/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/model/types/titles", test_titles);
  g_test_add_func ("/model/draft/collections-and-ids", test_draft_collections_and_ids);
  g_test_add_func ("/model/draft/new-id-avoids-taken", test_new_id_avoids_taken);
  g_test_add_func ("/model/template/content", test_template_content);
  g_test_add_func ("/model/enums", test_enum_nicks_and_labels);

  return g_test_run ();
}
