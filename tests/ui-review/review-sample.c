/* review-sample.c: change sets on the CRM template for the review page's tests and its viewer: a
 * co-chair's copy merged (conflicts, additions, removals) and two delegations' answers. */
#include "config.h"

#include "review-sample.h"

static CsnItem *
item_at (CsnDraft      *draft,
         CsnCollection  collection,
         guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;  /* the draft keeps it */
}

/* @item's @property takes @value; @base, when not -1, is the common ancestor's. */
static CsnChange *
set_enum (CsnItem    *item,
          const char *property,
          GType       type,
          int         value,
          int         base)
{
  g_auto(GValue) incoming = G_VALUE_INIT;
  CsnChange *change;

  g_value_init (&incoming, type);
  g_value_set_enum (&incoming, value);
  change = csn_change_new_set_field (item, property, &incoming);
  if (base != -1)
    {
      g_auto(GValue) ancestor = G_VALUE_INIT;

      g_value_init (&ancestor, type);
      g_value_set_enum (&ancestor, base);
      csn_change_set_base (change, &ancestor);
    }
  return change;
}

static CsnChange *
set_text (CsnItem    *item,
          const char *property,
          const char *text,
          const char *base)
{
  g_auto(GValue) incoming = G_VALUE_INIT;
  CsnChange *change;

  g_value_init (&incoming, G_TYPE_STRING);
  g_value_set_string (&incoming, text);
  change = csn_change_new_set_field (item, property, &incoming);
  if (base != NULL)
    {
      g_auto(GValue) ancestor = G_VALUE_INIT;

      g_value_init (&ancestor, G_TYPE_STRING);
      g_value_set_string (&ancestor, base);
      csn_change_set_base (change, &ancestor);
    }
  return change;
}

static void
append (CsnChangeSet *set,
        CsnChange    *change,
        const char   *origin,
        const char   *country)
{
  if (origin != NULL)
    csn_change_set_origin (change, origin);
  if (country != NULL)
    csn_change_set_country (change, country);
  csn_change_set_append (set, change);
  g_object_unref (change);  /* the set keeps it */
}

static CsnItem *
new_position (const char *id,
              const char *country,
              const char *on,
              CsnStance   stance,
              const char *comment)
{
  return g_object_new (CSN_TYPE_POSITION, "id", id, "country", country, "item", on, "stance", stance,
                       "comment", comment, "source", CSN_POSITION_SOURCE_WORKBOOK, "received", "2011-11-04",
                       NULL);
}

static void
add_merge (CsnChangeSet *set,
           CsnDraft     *draft,
           ReviewSample *sample)
{
  CsnItem *theme_1 = item_at (draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *theme_2 = item_at (draft, CSN_COLLECTION_THEMES, 1);
  CsnItem *theme_3 = item_at (draft, CSN_COLLECTION_THEMES, 2);
  CsnItem *theme_7 = item_at (draft, CSN_COLLECTION_THEMES, 6);
  CsnItem *strategy_1 = item_at (draft, CSN_COLLECTION_STRATEGIES, 0);
  g_autoptr(CsnItem) new_theme = g_object_new (CSN_TYPE_THEME, "id", "theme-3f9a1c2e",
                                               "title", "Migración y cambio climático",
                                               "description", "Desplazamientos por desastres y efectos del cambio climático en la región.",
                                               NULL);
  g_autofree char *old_description = g_strconcat (csn_item_get_string (theme_2, "description"),
                                                  " (versión de la reunión preparatoria)", NULL);

  sample->horizon_conflict = set_enum (theme_1, "horizon", CSN_TYPE_HORIZON, CSN_HORIZON_MEDIUM_TERM,
                                       CSN_HORIZON_SHORT_TERM);
  csn_change_set_conflict (sample->horizon_conflict, TRUE);
  csn_change_set_accepted (sample->horizon_conflict, FALSE);
  append (set, sample->horizon_conflict, "ST", NULL);

  sample->description_conflict =
    set_text (theme_2, "description",
              "Niñas, niños y adolescentes migrantes no acompañados: protección consular, identificación de "
              "necesidades de protección internacional, interés superior de la niñez en los procedimientos "
              "migratorios y alternativas a la detención, con lineamientos regionales para su retorno seguro.",
              old_description);
  csn_change_set_conflict (sample->description_conflict, TRUE);
  csn_change_set_accepted (sample->description_conflict, FALSE);
  append (set, sample->description_conflict, "ST", NULL);

  sample->notes = set_text (theme_3, "notes", "Corto plazo: dentro de la próxima PPT (alrededor de un año).", "");
  append (set, sample->notes, "ST", NULL);

  sample->raised_by = csn_change_new_set_member (theme_3, "raised-by", "GT", TRUE);
  append (set, sample->raised_by, "ST", NULL);

  sample->added_theme = csn_change_new_add_item (CSN_COLLECTION_THEMES, new_theme, "theme-2");
  append (set, sample->added_theme, "PPT", NULL);

  sample->removed_theme = csn_change_new_remove_item (CSN_COLLECTION_THEMES, theme_7);
  append (set, sample->removed_theme, "México", NULL);

  sample->support_left = csn_change_new_set_member (strategy_1, "support", "international-organizations", FALSE);
  append (set, sample->support_left, "ST", NULL);

  sample->venue = set_text (CSN_ITEM (csn_draft_get_meeting (draft)), "venue", "San Salvador, El Salvador", NULL);
  append (set, sample->venue, "PPT", NULL);
}

static void
add_answers (CsnChangeSet *set,
             CsnDraft     *draft,
             ReviewSample *sample)
{
  CsnItem *mexico = csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "MX");
  CsnItem *canada = csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "CA");
  CsnItem *theme_4 = item_at (draft, CSN_COLLECTION_THEMES, 3);
  g_autoptr(CsnItem) mexico_supports = new_position ("position-5b1e0c77", "MX", "theme-1", CSN_STANCE_SUPPORTS, "");
  g_autoptr(CsnItem) canada_objects = new_position ("position-0d4f9a21", "CA", "theme-2", CSN_STANCE_OBJECTS,
                                                    "The proposed guidelines duplicate existing commitments.");
  g_autoptr(CsnItem) canada_gone = new_position ("position-77aa10fe", "CA", "theme-9a8b7c6d", CSN_STANCE_SUPPORTS, "");
  g_autoptr(CsnItem) reservation = g_object_new (CSN_TYPE_RESERVATION, "country", "MX",
                                                 "text", "Con reserva sobre el plazo de ejecución.", NULL);

  sample->mexico_endorsement = set_enum (mexico, "status", CSN_TYPE_ENDORSEMENT_STATUS,
                                         CSN_ENDORSEMENT_STATUS_ENDORSED, -1);
  append (set, sample->mexico_endorsement, "mexico.xlsx", "MX");
  sample->mexico_position = csn_change_new_add_item (CSN_COLLECTION_POSITIONS, mexico_supports, NULL);
  append (set, sample->mexico_position, "mexico.xlsx", "MX");
  sample->mexico_reservation = csn_change_new_add_child (theme_4, "reservations", reservation, -1);
  append (set, sample->mexico_reservation, "mexico.xlsx", "MX");

  sample->canada_endorsement = set_enum (canada, "status", CSN_TYPE_ENDORSEMENT_STATUS,
                                         CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS, -1);
  append (set, sample->canada_endorsement, "canada.xlsx", "CA");
  sample->canada_position = csn_change_new_add_item (CSN_COLLECTION_POSITIONS, canada_objects, NULL);
  append (set, sample->canada_position, "canada.xlsx", "CA");
  sample->canada_deleted = csn_change_new_add_item (CSN_COLLECTION_POSITIONS, canada_gone, NULL);
  csn_change_set_note (sample->canada_deleted, FALSE, "The theme was deleted after the export");
  append (set, sample->canada_deleted, "canada.xlsx", "CA");
  sample->canada_older = set_text (canada, "note", "Pending consultation with the provinces.", NULL);
  csn_change_set_note (sample->canada_older, FALSE, "Older than an answer already applied (canada-2.xlsx)");
  append (set, sample->canada_older, "canada-1.xlsx", "CA");
}

CsnChangeSet *
review_sample_new_merge (CsnDraft     *draft,
                         ReviewSample *sample)
{
  CsnChangeSet *set = csn_change_set_new ("Merge “st.consenso”");

  csn_change_set_set_title (set, "Merge “st.consenso”");
  add_merge (set, draft, sample);
  return set;
}

CsnChangeSet *
review_sample_new_answers (CsnDraft     *draft,
                           ReviewSample *sample)
{
  CsnChangeSet *set = csn_change_set_new ("Import answers from México and Canadá");

  csn_change_set_set_title (set, "Answers from México and Canadá");
  add_answers (set, draft, sample);
  return set;
}

/* Both kinds in one set: every kind of row, two countries, conflicts and notes. */
CsnChangeSet *
review_sample_new_mixed (CsnDraft     *draft,
                         ReviewSample *sample)
{
  CsnChangeSet *set = csn_change_set_new ("Merge “st.consenso” and answers");

  csn_change_set_set_title (set, "Merge “st.consenso” and answers");
  add_merge (set, draft, sample);
  add_answers (set, draft, sample);
  return set;
}

/* @n_changes changes over the template's themes, strategies and mechanisms: notes changed (every
 * seventh a conflict), every eleventh a new strategy, answers from three countries. */
CsnChangeSet *
review_sample_new_large (CsnDraft *draft,
                         guint     n_changes)
{
  static const CsnCollection collections[] = { CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES,
                                               CSN_COLLECTION_MECHANISMS };
  static const char * const countries[] = { "MX", "CA", "GT" };
  CsnChangeSet *set = csn_change_set_new ("Merge “large.consenso”");

  csn_change_set_set_title (set, "Merge “large.consenso”");
  for (guint i = 0; i < n_changes; i++)
    {
      CsnCollection collection = collections[i % G_N_ELEMENTS (collections)];
      guint n_items = g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
      CsnItem *item = item_at (draft, collection, (i / G_N_ELEMENTS (collections)) % n_items);
      const char *property = collection == CSN_COLLECTION_MECHANISMS ? "considerations" : "notes";
      CsnChange *change;

      if (i % 11 == 10)
        {
          g_autofree char *id = g_strdup_printf ("strategy-%08x", i);
          g_autofree char *description = g_strdup_printf ("Estrategia propuesta número %u", i);
          g_autoptr(CsnItem) strategy = g_object_new (CSN_TYPE_STRATEGY, "id", id, "theme", "theme-1",
                                                      "description", description, NULL);

          change = csn_change_new_add_item (CSN_COLLECTION_STRATEGIES, strategy, NULL);
        }
      else
        {
          g_autofree char *text = g_strdup_printf ("Nota %u de la copia de la Secretaría Técnica", i);

          change = set_text (item, property, text, i % 7 == 0 ? "Nota anterior" : NULL);
          if (i % 7 == 0)
            {
              csn_change_set_conflict (change, TRUE);
              csn_change_set_accepted (change, FALSE);
            }
        }
      append (set, change, "ST", countries[i % G_N_ELEMENTS (countries)]);
    }
  return set;
}
