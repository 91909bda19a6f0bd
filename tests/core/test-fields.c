/* test-fields.c: the property-name constants name exactly the schema's fields, and every typed getter
 * reads its own field. */
#include "config.h"

#include "consenso-core.h"

typedef struct {
  GType       (*get_type) (void);
  const char * const constants[12];
} TypeConstants;

static const TypeConstants all_constants[] = {
  { csn_meeting_get_type,
    { CSN_MEETING_PROP_TITLE, CSN_MEETING_PROP_VENUE, CSN_MEETING_PROP_START_DATE, CSN_MEETING_PROP_END_DATE,
      CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY, CSN_MEETING_PROP_LANGUAGE, CSN_MEETING_PROP_STATUS,
      CSN_MEETING_PROP_ANSWERS_DUE, CSN_MEETING_PROP_ANSWERS_TO } },
  { csn_document_texts_get_type,
    { CSN_DOCUMENT_TEXTS_PROP_PREAMBLE, CSN_DOCUMENT_TEXTS_PROP_BACKGROUND, CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS,
      CSN_DOCUMENT_TEXTS_PROP_CLOSING } },
  { csn_country_get_type,
    { CSN_COUNTRY_PROP_CODE, CSN_COUNTRY_PROP_NAME_ES, CSN_COUNTRY_PROP_NAME_EN, CSN_COUNTRY_PROP_MEMBERSHIP,
      CSN_COUNTRY_PROP_DELEGATION_QUOTA } },
  { csn_pillar_get_type,
    { CSN_PILLAR_PROP_ID, CSN_PILLAR_PROP_NAME_ES, CSN_PILLAR_PROP_NAME_EN } },
  { csn_actor_get_type,
    { CSN_ACTOR_PROP_ID, CSN_ACTOR_PROP_KIND, CSN_ACTOR_PROP_NAME_ES, CSN_ACTOR_PROP_NAME_EN,
      CSN_ACTOR_PROP_CURRENT_ROLE } },
  { csn_theme_get_type,
    { CSN_THEME_PROP_ID, CSN_THEME_PROP_TITLE, CSN_THEME_PROP_DESCRIPTION, CSN_THEME_PROP_PILLAR,
      CSN_THEME_PROP_RAISED_BY, CSN_THEME_PROP_HORIZON, CSN_THEME_PROP_CONSENSUS, CSN_THEME_PROP_RESERVATIONS,
      CSN_THEME_PROP_NOTES } },
  { csn_reservation_get_type,
    { CSN_RESERVATION_PROP_COUNTRY, CSN_RESERVATION_PROP_TEXT } },
  { csn_strategy_get_type,
    { CSN_STRATEGY_PROP_ID, CSN_STRATEGY_PROP_THEME, CSN_STRATEGY_PROP_DESCRIPTION, CSN_STRATEGY_PROP_MECHANISM,
      CSN_STRATEGY_PROP_LEAD, CSN_STRATEGY_PROP_SUPPORT, CSN_STRATEGY_PROP_HORIZON, CSN_STRATEGY_PROP_NOTES } },
  { csn_mechanism_get_type,
    { CSN_MECHANISM_PROP_ID, CSN_MECHANISM_PROP_NAME, CSN_MECHANISM_PROP_ASSESSMENT,
      CSN_MECHANISM_PROP_CONSIDERATIONS, CSN_MECHANISM_PROP_PROPOSAL } },
  { csn_role_proposal_get_type,
    { CSN_ROLE_PROPOSAL_PROP_ID, CSN_ROLE_PROPOSAL_PROP_ACTOR, CSN_ROLE_PROPOSAL_PROP_CHANGE,
      CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION, CSN_ROLE_PROPOSAL_PROP_RATIONALE, CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY,
      CSN_ROLE_PROPOSAL_PROP_STATUS } },
  { csn_participant_get_type,
    { CSN_PARTICIPANT_PROP_ID, CSN_PARTICIPANT_PROP_NAME, CSN_PARTICIPANT_PROP_COUNTRY,
      CSN_PARTICIPANT_PROP_POSITION, CSN_PARTICIPANT_PROP_EMAIL, CSN_PARTICIPANT_PROP_ROLE } },
  { csn_endorsement_get_type,
    { CSN_ENDORSEMENT_PROP_COUNTRY, CSN_ENDORSEMENT_PROP_STATUS, CSN_ENDORSEMENT_PROP_DATE,
      CSN_ENDORSEMENT_PROP_NOTE } },
  { csn_position_get_type,
    { CSN_POSITION_PROP_ID, CSN_POSITION_PROP_COUNTRY, CSN_POSITION_PROP_ITEM, CSN_POSITION_PROP_STANCE,
      CSN_POSITION_PROP_COMMENT, CSN_POSITION_PROP_SOURCE, CSN_POSITION_PROP_RECEIVED } },
};

/* Each constant names a field's own property, and each field's property has exactly one constant. */
static void
test_constants_match_schema (void)
{
  guint n_types = 0;

  for (guint t = 0; t < G_N_ELEMENTS (all_constants); t++)
    {
      GType type = all_constants[t].get_type ();
      g_autoptr(CsnItemClass) klass = g_type_class_ref (type);
      g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs, n_fields, n_own = 0;

      for (guint c = 0; all_constants[t].constants[c] != NULL; c++)
        {
          const char *constant = all_constants[t].constants[c];

          if (csn_item_class_field_for_property (klass, constant) == NULL ||
              csn_item_class_is_translation_property (klass, constant, NULL, NULL))
            g_error ("%s: “%s” is not a field of the schema", g_type_name (type), constant);
          if (!g_hash_table_add (named, (gpointer) constant))
            g_error ("%s: “%s” is named twice", g_type_name (type), constant);
        }

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          if (csn_item_class_is_translation_property (klass, pspecs[i]->name, NULL, NULL))
            continue;
          n_own++;
          if (!g_hash_table_contains (named, pspecs[i]->name))
            g_error ("%s: the field property “%s” has no constant", g_type_name (type), pspecs[i]->name);
        }
      g_assert_cmpuint (n_own, ==, g_hash_table_size (named));

      /* Every field is covered: a localized one by two constants, any other by one. */
      csn_item_class_get_fields (klass, &n_fields);
      g_assert_cmpuint (n_fields, <=, n_own);
      n_types++;
    }

  /* Every item type of the model is in the table. */
  g_assert_cmpuint (n_types, ==, 13);
}

/* Every field holds a value no other field of its item holds, so a getter reading the wrong one fails. */
static const char distinct_draft[] =
  "{\"format\": \"consenso-draft\", \"version\": 1,\n"
  " \"meeting\": {\"title\": \"m-title\", \"venue\": \"m-venue\", \"start_date\": \"2011-03-01\",\n"
  "             \"end_date\": \"2011-03-03\", \"pro_tempore_presidency\": \"DO\", \"language\": \"en\",\n"
  "             \"status\": \"approved\", \"answers_due\": \"2011-05-31\",\n"
  "             \"answers_to\": \"m-answers-to\"},\n"
  " \"document\": {\"preamble\": \"d-preamble\", \"background\": \"d-background\", \"next_steps\": \"d-next\",\n"
  "              \"closing\": \"d-closing\"},\n"
  " \"countries\": [{\"code\": \"DO\", \"name\": {\"es\": \"República Dominicana\", \"en\": \"Dominican Republic\"},\n"
  "                \"membership\": \"observer\", \"delegation_quota\": 3}],\n"
  " \"pillars\": [{\"id\": \"pillar-x\", \"name\": {\"es\": \"Derechos Humanos\", \"en\": \"Human Rights\"}}],\n"
  " \"actors\": [{\"id\": \"actor-x\", \"kind\": \"civil-society\", \"name\": {\"es\": \"RROCM es\", \"en\": \"RROCM en\"},\n"
  "             \"current_role\": \"a-role\"}],\n"
  " \"themes\": [{\"id\": \"theme-x\", \"title\": \"t-title\", \"description\": \"t-description\",\n"
  "             \"pillar\": \"pillar-x\", \"raised_by\": [\"DO\", \"MX\"], \"horizon\": \"medium-term\",\n"
  "             \"consensus\": \"reservations\", \"reservations\": [{\"country\": \"MX\", \"text\": \"r-text\"}],\n"
  "             \"notes\": \"t-notes\"}],\n"
  " \"strategies\": [{\"id\": \"strategy-x\", \"theme\": \"theme-x\", \"description\": \"s-description\",\n"
  "                 \"mechanism\": \"study\", \"lead\": \"actor-x\", \"support\": [\"actor-y\"],\n"
  "                 \"horizon\": \"short-term\", \"notes\": \"s-notes\"}],\n"
  " \"mechanisms\": [{\"id\": \"mechanism-x\", \"name\": \"k-name\", \"assessment\": \"replace\",\n"
  "                 \"considerations\": \"k-considerations\", \"proposal\": \"k-proposal\"}],\n"
  " \"role_proposals\": [{\"id\": \"proposal-x\", \"actor\": \"actor-x\", \"change\": \"add\",\n"
  "                     \"attribution\": \"p-attribution\", \"rationale\": \"p-rationale\",\n"
  "                     \"supported_by\": [\"CR\"], \"status\": \"rejected\"}],\n"
  " \"participants\": [{\"id\": \"participant-x\", \"name\": \"q-name\", \"country\": \"DO\",\n"
  "                   \"position\": \"q-position\", \"email\": \"q@example.org\", \"role\": \"technical-advisor\"}],\n"
  " \"endorsements\": [{\"country\": \"DO\", \"status\": \"endorsed-with-reservations\", \"date\": \"2011-06-01\",\n"
  "                   \"note\": \"e-note\"}],\n"
  " \"positions\": [{\"id\": \"position-x\", \"country\": \"GT\", \"item\": \"theme-x\", \"stance\": \"objects\",\n"
  "                \"comment\": \"o-comment\", \"source\": \"workbook\", \"received\": \"2011-05-30\"}]}\n";

static gpointer
first (CsnDraft      *draft,
       CsnCollection  collection)
{
  gpointer item = g_list_model_get_item (csn_draft_get_collection (draft, collection), 0);

  g_assert_nonnull (item);
  /* The draft holds it. */
  g_object_unref (item);
  return item;
}

static void
assert_strv (const char * const *strv,
             const char         *joined)
{
  g_autofree char *text = g_strjoinv (",", (char **) strv);

  g_assert_cmpstr (text, ==, joined);
}

static void
test_getters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (distinct_draft, strlen (distinct_draft),
                                                        "distinct.consenso", &error);
  CsnMeeting *meeting;
  CsnDocumentTexts *texts;
  CsnCountry *country;
  CsnPillar *pillar;
  CsnActor *actor;
  CsnTheme *theme;
  g_autoptr(CsnReservation) reservation = NULL;
  CsnStrategy *strategy;
  CsnMechanism *mechanism;
  CsnRoleProposal *proposal;
  CsnParticipant *participant;
  CsnEndorsement *endorsement;
  CsnPosition *position;

  g_assert_no_error (error);

  meeting = csn_draft_get_meeting (draft);
  g_assert_cmpstr (csn_meeting_get_title (meeting), ==, "m-title");
  g_assert_cmpstr (csn_meeting_get_venue (meeting), ==, "m-venue");
  g_assert_cmpstr (csn_meeting_get_start_date (meeting), ==, "2011-03-01");
  g_assert_cmpstr (csn_meeting_get_end_date (meeting), ==, "2011-03-03");
  g_assert_cmpstr (csn_meeting_get_pro_tempore_presidency (meeting), ==, "DO");
  g_assert_cmpint (csn_meeting_get_language (meeting), ==, CSN_LANGUAGE_EN);
  g_assert_cmpint (csn_meeting_get_status (meeting), ==, CSN_MEETING_STATUS_APPROVED);
  g_assert_cmpstr (csn_meeting_get_answers_due (meeting), ==, "2011-05-31");
  g_assert_cmpstr (csn_meeting_get_answers_to (meeting), ==, "m-answers-to");

  texts = csn_draft_get_document_texts (draft);
  g_assert_cmpstr (csn_document_texts_get_preamble (texts), ==, "d-preamble");
  g_assert_cmpstr (csn_document_texts_get_background (texts), ==, "d-background");
  g_assert_cmpstr (csn_document_texts_get_next_steps (texts), ==, "d-next");
  g_assert_cmpstr (csn_document_texts_get_closing (texts), ==, "d-closing");

  country = first (draft, CSN_COLLECTION_COUNTRIES);
  g_assert_cmpstr (csn_country_get_code (country), ==, "DO");
  g_assert_cmpstr (csn_country_get_name (country, CSN_LANGUAGE_ES), ==, "República Dominicana");
  g_assert_cmpstr (csn_country_get_name (country, CSN_LANGUAGE_EN), ==, "Dominican Republic");
  g_assert_cmpint (csn_country_get_membership (country), ==, CSN_MEMBERSHIP_OBSERVER);
  g_assert_cmpint (csn_country_get_delegation_quota (country), ==, 3);

  pillar = first (draft, CSN_COLLECTION_PILLARS);
  g_assert_cmpstr (csn_pillar_get_id (pillar), ==, "pillar-x");
  g_assert_cmpstr (csn_pillar_get_name (pillar, CSN_LANGUAGE_ES), ==, "Derechos Humanos");
  g_assert_cmpstr (csn_pillar_get_name (pillar, CSN_LANGUAGE_EN), ==, "Human Rights");

  actor = first (draft, CSN_COLLECTION_ACTORS);
  g_assert_cmpstr (csn_actor_get_id (actor), ==, "actor-x");
  g_assert_cmpint (csn_actor_get_kind (actor), ==, CSN_ACTOR_KIND_CIVIL_SOCIETY);
  g_assert_cmpstr (csn_actor_get_name (actor, CSN_LANGUAGE_ES), ==, "RROCM es");
  g_assert_cmpstr (csn_actor_get_name (actor, CSN_LANGUAGE_EN), ==, "RROCM en");
  g_assert_cmpstr (csn_actor_get_current_role (actor), ==, "a-role");

  theme = first (draft, CSN_COLLECTION_THEMES);
  g_assert_cmpstr (csn_theme_get_id (theme), ==, "theme-x");
  g_assert_cmpstr (csn_theme_get_title (theme), ==, "t-title");
  g_assert_cmpstr (csn_theme_get_description (theme), ==, "t-description");
  g_assert_cmpstr (csn_theme_get_pillar (theme), ==, "pillar-x");
  assert_strv (csn_theme_get_raised_by (theme), "DO,MX");
  g_assert_cmpint (csn_theme_get_horizon (theme), ==, CSN_HORIZON_MEDIUM_TERM);
  g_assert_cmpint (csn_theme_get_consensus (theme), ==, CSN_CONSENSUS_RESERVATIONS);
  g_assert_cmpstr (csn_theme_get_notes (theme), ==, "t-notes");
  g_assert_cmpuint (g_list_model_get_n_items (csn_theme_get_reservations (theme)), ==, 1);

  reservation = g_list_model_get_item (csn_theme_get_reservations (theme), 0);
  g_assert_cmpstr (csn_reservation_get_country (reservation), ==, "MX");
  g_assert_cmpstr (csn_reservation_get_text (reservation), ==, "r-text");

  strategy = first (draft, CSN_COLLECTION_STRATEGIES);
  g_assert_cmpstr (csn_strategy_get_id (strategy), ==, "strategy-x");
  g_assert_cmpstr (csn_strategy_get_theme (strategy), ==, "theme-x");
  g_assert_cmpstr (csn_strategy_get_description (strategy), ==, "s-description");
  g_assert_cmpint (csn_strategy_get_mechanism (strategy), ==, CSN_MECHANISM_KIND_STUDY);
  g_assert_cmpstr (csn_strategy_get_lead (strategy), ==, "actor-x");
  assert_strv (csn_strategy_get_support (strategy), "actor-y");
  g_assert_cmpint (csn_strategy_get_horizon (strategy), ==, CSN_HORIZON_SHORT_TERM);
  g_assert_cmpstr (csn_strategy_get_notes (strategy), ==, "s-notes");

  mechanism = first (draft, CSN_COLLECTION_MECHANISMS);
  g_assert_cmpstr (csn_mechanism_get_id (mechanism), ==, "mechanism-x");
  g_assert_cmpstr (csn_mechanism_get_name (mechanism), ==, "k-name");
  g_assert_cmpint (csn_mechanism_get_assessment (mechanism), ==, CSN_ASSESSMENT_REPLACE);
  g_assert_cmpstr (csn_mechanism_get_considerations (mechanism), ==, "k-considerations");
  g_assert_cmpstr (csn_mechanism_get_proposal (mechanism), ==, "k-proposal");

  proposal = first (draft, CSN_COLLECTION_ROLE_PROPOSALS);
  g_assert_cmpstr (csn_role_proposal_get_id (proposal), ==, "proposal-x");
  g_assert_cmpstr (csn_role_proposal_get_actor (proposal), ==, "actor-x");
  g_assert_cmpint (csn_role_proposal_get_change (proposal), ==, CSN_ROLE_CHANGE_ADD);
  g_assert_cmpstr (csn_role_proposal_get_attribution (proposal), ==, "p-attribution");
  g_assert_cmpstr (csn_role_proposal_get_rationale (proposal), ==, "p-rationale");
  assert_strv (csn_role_proposal_get_supported_by (proposal), "CR");
  g_assert_cmpint (csn_role_proposal_get_status (proposal), ==, CSN_PROPOSAL_STATUS_REJECTED);

  participant = first (draft, CSN_COLLECTION_PARTICIPANTS);
  g_assert_cmpstr (csn_participant_get_id (participant), ==, "participant-x");
  g_assert_cmpstr (csn_participant_get_name (participant), ==, "q-name");
  g_assert_cmpstr (csn_participant_get_country (participant), ==, "DO");
  g_assert_cmpstr (csn_participant_get_position (participant), ==, "q-position");
  g_assert_cmpstr (csn_participant_get_email (participant), ==, "q@example.org");
  g_assert_cmpint (csn_participant_get_role (participant), ==, CSN_PARTICIPANT_ROLE_TECHNICAL_ADVISOR);

  endorsement = first (draft, CSN_COLLECTION_ENDORSEMENTS);
  g_assert_cmpstr (csn_endorsement_get_country (endorsement), ==, "DO");
  g_assert_cmpint (csn_endorsement_get_status (endorsement), ==, CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS);
  g_assert_cmpstr (csn_endorsement_get_date (endorsement), ==, "2011-06-01");
  g_assert_cmpstr (csn_endorsement_get_note (endorsement), ==, "e-note");

  position = first (draft, CSN_COLLECTION_POSITIONS);
  g_assert_cmpstr (csn_position_get_id (position), ==, "position-x");
  g_assert_cmpstr (csn_position_get_country (position), ==, "GT");
  g_assert_cmpstr (csn_position_get_item (position), ==, "theme-x");
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_position_get_comment (position), ==, "o-comment");
  g_assert_cmpint (csn_position_get_source (position), ==, CSN_POSITION_SOURCE_WORKBOOK);
  g_assert_cmpstr (csn_position_get_received (position), ==, "2011-05-30");
}

/* Unset dates and a missing lead read as NULL; lists as empty, never NULL. */
static void
test_getters_unset (void)
{
  g_autoptr(CsnMeeting) meeting = csn_meeting_new ();
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autoptr(CsnTheme) theme = csn_theme_new ();

  g_assert_null (csn_meeting_get_start_date (meeting));
  g_assert_null (csn_meeting_get_answers_due (meeting));
  g_assert_null (csn_strategy_get_lead (strategy));
  g_assert_nonnull (csn_theme_get_raised_by (theme));
  g_assert_null (csn_theme_get_raised_by (theme)[0]);
  g_assert_cmpstr (csn_theme_get_title (theme), ==, "");
  g_assert_cmpint (csn_theme_get_horizon (theme), ==, CSN_HORIZON_UNDECIDED);
}

static const char *
expected_name (const CsnField *field,
               const char     *suffix)
{
  g_autofree char *name = suffix != NULL ? g_strconcat (field->key, "-", suffix, NULL) : g_strdup (field->key);

  g_strdelimit (name, "_", '-');
  return g_intern_string (name);
}

/* Checks every property name of every item type, and how many checks it made. */
static guint
check_all_names (void)
{
  guint n_checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (all_constants); t++)
    {
      g_autoptr(CsnItemClass) klass = g_type_class_ref (all_constants[t].get_type ());
      guint n_fields;
      const CsnField *fields = csn_item_class_get_fields (klass, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          const CsnField *field = &fields[i];

          /* The same pointer every time, without allocating: the interned name. */
          g_assert_true (csn_field_get_property_name (field, NULL) == expected_name (field, NULL));
          g_assert_true (csn_field_get_property_name (field, NULL) == csn_field_get_property_name (field, NULL));
          n_checked++;
          if (field->kind == CSN_FIELD_LOCALIZED)
            for (guint l = 0; l < 2; l++)
              {
                const char *suffix = l == 0 ? "es" : "en";
                const char *name = csn_field_get_property_name (field, suffix);

                g_assert_true (name == expected_name (field, suffix));
                g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), name));
                n_checked++;
              }
          else if (field->kind != CSN_FIELD_CHILDREN)
            g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            csn_field_get_property_name (field, NULL)));
          if (field->flags & CSN_FIELD_FLAG_TRANSLATABLE)
            for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
              for (guint from = 0; from < 2; from++)
                {
                  g_autofree char *suffix = g_strconcat ("translation-", csn_language_get_code (language),
                                                         from ? "-from" : "", NULL);
                  const char *name = csn_field_get_translation_property (field, language, from);
                  CsnLanguage found_language;
                  gboolean found_from;

                  g_assert_true (name == expected_name (field, suffix));
                  g_assert_true (csn_item_class_is_translation_property (klass, name, &found_language,
                                                                         &found_from));
                  g_assert_cmpint (found_language, ==, language);
                  g_assert_cmpint (found_from, ==, from);
                  n_checked++;
                }
        }
    }
  return n_checked;
}

/* Each field's names are made once at class init; a field that is not its class's copy (a static
 * table of a test) still gets its name. */
static void
test_property_names (void)
{
  static const CsnField loose = { .key = "raised_by", .kind = CSN_FIELD_TEXT,
                                  .flags = CSN_FIELD_FLAG_TRANSLATABLE };

  g_assert_cmpuint (check_all_names (), >, 60);
  g_assert_true (csn_field_get_property_name (&loose, NULL) == g_intern_string ("raised-by"));
  g_assert_true (csn_field_get_property_name (&loose, "es") == g_intern_string ("raised-by-es"));
  g_assert_true (csn_field_get_translation_property (&loose, CSN_LANGUAGE_EN, TRUE) ==
                 g_intern_string ("raised-by-translation-en-from"));
}

static gpointer
check_names_thread (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    check_all_names ();
  return NULL;
}

/* The export and the merge read items in worker threads: the first use of the classes and their
 * names may happen in several threads at once. */
static void
test_property_names_threads (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[4];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("names", check_names_thread, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_thread_join (threads[i]);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static const char * const search_properties[] = { "title", "description", NULL };
static const char * const title_only[] = { CSN_ITEM_SEARCH_TITLE, NULL };

static gboolean
matches (CsnItem            *item,
         const char * const *properties,
         const char         *needle)
{
  g_autofree char *folded = csn_fold_search_text (needle);

  return csn_item_matches_search (item, properties, folded);
}

/* A search ignores case and composed forms, looks in each property apart (not across two), and
 * follows every change of the item. */
static void
test_search (void)
{
  g_autoptr(CsnTheme) theme = csn_theme_new ();
  g_autoptr(CsnDraft) draft = csn_draft_new ();

  g_object_set (theme, "title", "Migración LABORAL", "description", "Niñez no acompañada", NULL);
  g_assert_true (matches (CSN_ITEM (theme), search_properties, ""));
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "migracio\xCC\x81n"));
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "laboral"));
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "NIÑEZ"));
  g_assert_false (matches (CSN_ITEM (theme), search_properties, "laboral niñez"));
  g_assert_false (matches (CSN_ITEM (theme), search_properties, "retorno"));

  /* An edit through the history, and one through the property: both drop the folded texts. */
  csn_draft_append (draft, CSN_COLLECTION_THEMES, CSN_ITEM (theme));
  csn_draft_set_string (draft, CSN_ITEM (theme), CSN_THEME_PROP_DESCRIPTION, "Retorno y reintegración");
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "retorno"));
  g_assert_false (matches (CSN_ITEM (theme), search_properties, "niñez"));
  csn_draft_undo (draft);
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "niñez"));
  g_object_set (theme, "title", "Trata de personas", NULL);
  g_assert_false (matches (CSN_ITEM (theme), search_properties, "laboral"));

  /* Another set of properties is folded for itself. */
  g_assert_true (matches (CSN_ITEM (theme), title_only, "trata"));
  g_assert_false (matches (CSN_ITEM (theme), title_only, "niñez"));
  g_assert_true (matches (CSN_ITEM (theme), search_properties, "niñez"));
}

/* The folding's ASCII shortcut gives what GLib's normalization and case folding of the whole text
 * give: marks after ASCII letters, marks reordered across a run, compatibility forms, ß, the Kelvin
 * sign; text that is not UTF-8 folds to "". */
static void
test_fold (void)
{
  const char * const texts[] = {
    "", "Migración LABORAL", "migracio\xCC\x81n", "E\xCC\x81" "COLE", "Stra\xC3\x9F" "e", "\xEF\xAC\x81n",
    "\xE2\x84\xAA" "elvin", "a\xCC\xA3\xCC\x81" "b", "a\xCC\x81\xCC\xA3" "B", "\xC3\x85ngstr\xC3\xB6m 12",
    "NIÑEZ no acompañada", "\xE1\xBE\xB3 \xCE\xA3\xCE\xA3", "tab\tand\nnew line",
    "\xC3\xA9\xCC\xA3", "\xC7\x84", "\xCE\x90", "\xC4\xB0stanbul", "\xC5\xBF\xC2\xB5\xC2\xAA\xC2\xBD",
    "\xD7\xA9\xD7\x81\xD6\xB8", "\xD9\x84\xD8\xA7", "\xCC\x81\xCC\xA3" "x", "x\xCC\x81\xC3\xA9",
  };
  /* Characters that fold alone, marks, ASCII and three-byte ones, in random order. */
  const gunichar pool[] = {
    'a', 'Z', ' ', 0xE9, 0xC9, 0xF1, 0xDF, 0x130, 0x149, 0x17F, 0x1C4, 0x1F0, 0x300, 0x301, 0x323, 0x345,
    0x390, 0x3A3, 0x3C2, 0x419, 0x5B8, 0x5C1, 0x5E9, 0x644, 0x670, 0x7A6, 0x1E9E, 0x2126, 0xFB01, 0x1F80,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normalized = g_utf8_normalize (texts[i], -1, G_NORMALIZE_ALL);
      g_autofree char *expected = g_utf8_casefold (normalized, -1);
      g_autofree char *folded = csn_fold_search_text (texts[i]);

      g_assert_cmpstr (folded, ==, expected);
    }
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *normalized = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *folded = NULL;

      for (int n = g_rand_int_range (rand, 1, 8); n > 0; n--)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      normalized = g_utf8_normalize (text->str, -1, G_NORMALIZE_ALL);
      expected = g_utf8_casefold (normalized, -1);
      folded = csn_fold_search_text (text->str);
      g_assert_cmpstr (folded, ==, expected);
    }
  {
    g_autofree char *invalid = csn_fold_search_text ("caf\xE9");
    g_autofree char *none = csn_fold_search_text (NULL);

    g_assert_cmpstr (invalid, ==, "");
    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/property-names", test_property_names);
  g_test_add_func ("/fields/property-names-threads", test_property_names_threads);
  g_test_add_func ("/fields/search", test_search);
  g_test_add_func ("/fields/fold", test_fold);

  g_test_add_func ("/fields/constants-match-schema", test_constants_match_schema);
  g_test_add_func ("/fields/getters", test_getters);
  g_test_add_func ("/fields/getters-unset", test_getters_unset);

  return g_test_run ();
}
