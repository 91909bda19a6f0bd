/* csn-validate.c: dangling references, duplicate ids, dates, the presidency and delegation quotas. */
#define G_LOG_DOMAIN "csn-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-country.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-meeting.h"
#include "csn-participant.h"
#include "csn-problem.h"
#include "csn-validate.h"
#include "csn-validate-private.h"

typedef struct
{
  CsnDraft   *draft;
  GListStore *problems;
  GHashTable *keys[CSN_N_COLLECTIONS];  /* key -> first CsnItem with it */
} Validator;

#define NO_INDEX G_MAXUINT
#define MAX_DEPTH 8

/* Where check_item() is, "themes[3].raised_by[1]": written out only for a problem, since nearly
 * every place has none. */
typedef struct
{
  struct {
    const char *key;
    guint       index;   /* NO_INDEX: none */
  } segments[MAX_DEPTH];
  guint depth;
} Place;

static void
place_push (Place      *place,
            const char *key,
            guint       index)
{
  g_assert (place->depth < MAX_DEPTH);
  place->segments[place->depth].key = key;
  place->segments[place->depth].index = index;
  place->depth++;
}

static char *
place_format (const Place *place)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < place->depth; i++)
    {
      if (i > 0)
        g_string_append_c (out, '.');
      g_string_append (out, place->segments[i].key);
      if (place->segments[i].index != NO_INDEX)
        g_string_append_printf (out, "[%u]", place->segments[i].index);
    }
  return g_string_free (out, FALSE);
}

static void G_GNUC_PRINTF (6, 7)
add_problem (Validator   *v,
             CsnSeverity  severity,
             const char  *place,
             CsnItem     *item,
             const char  *property,
             const char  *format,
             ...)
{
  g_autoptr(CsnProblem) problem = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem = csn_problem_new (severity, place, item, property, message);
  g_list_store_append (v->problems, problem);
}

/* "YYYY-MM-DD" naming a day that exists. */
gboolean
csn_date_is_valid (const char *text)
{
  guint64 year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static const char *
noun_for_collection (CsnCollection collection)
{
  switch (collection)
    {
    case CSN_COLLECTION_COUNTRIES:
      return _("country");
    case CSN_COLLECTION_PILLARS:
      return _("pillar");
    case CSN_COLLECTION_ACTORS:
      return _("actor");
    case CSN_COLLECTION_THEMES:
      return _("theme");
    case CSN_COLLECTION_AGENDA:
      return _("theme, strategy, mechanism or role proposal");
    default:
      return _("item");
    }
}

static CsnItem *
lookup_key (Validator     *v,
            CsnCollection  target,
            const char    *key)
{
  if (target != CSN_COLLECTION_AGENDA)
    return g_hash_table_lookup (v->keys[target], key);
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (csn_collection_matches_target (c, target) && g_hash_table_lookup (v->keys[c], key) != NULL)
      return g_hash_table_lookup (v->keys[c], key);
  return NULL;
}

static void
check_ref (Validator      *v,
           const Place    *place,
           CsnItem        *item,
           const CsnField *field,
           const char     *key)
{
  const char *property = csn_field_get_property_name (field, NULL);
  g_autofree char *where = NULL;

  if (key == NULL || key[0] == '\0')
    {
      if (!(field->flags & CSN_FIELD_FLAG_NULLABLE))
        {
          where = place_format (place);
          /* Translators: "no pillar is chosen" */
          add_problem (v, CSN_SEVERITY_WARNING, where, item, property, _("no %s is chosen"),
                       noun_for_collection (field->target));
        }
      return;
    }

  if (lookup_key (v, field->target, key) == NULL)
    {
      where = place_format (place);
      /* Translators: "no theme has the id “theme-9”" */
      add_problem (v, CSN_SEVERITY_ERROR, where, item, property, _("no %s has the id “%s”"),
                   noun_for_collection (field->target), key);
    }
}

static void
check_date (Validator   *v,
            const Place *place,
            CsnItem     *item,
            const char  *property)
{
  const char *text = csn_item_get_string (item, property);

  if (text != NULL && !csn_date_is_valid (text))
    {
      g_autofree char *where = place_format (place);

      add_problem (v, CSN_SEVERITY_ERROR, where, item, property,
                   _("“%s” is not a real date in the form YYYY-MM-DD"), text);
    }
}

/* @place: where @item is; its fields are checked one level deeper. */
static void
check_item (Validator *v,
            Place     *place,
            CsnItem   *item)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  guint depth = place->depth;

  for (guint i = 0; i < n_fields; i++)
    {
      const CsnField *field = &fields[i];
      const char *property = csn_field_get_property_name (field, NULL);

      place->depth = depth;
      place_push (place, field->key, NO_INDEX);

      switch (field->kind)
        {
        case CSN_FIELD_REF:
          check_ref (v, place, item, field, csn_item_get_string (item, property));
          break;

        case CSN_FIELD_REF_LIST:
          {
            const char * const *keys = csn_item_get_strv (item, property);

            for (guint j = 0; keys[j] != NULL; j++)
              {
                place->segments[depth].index = j;
                check_ref (v, place, item, field, keys[j]);
                for (guint k = 0; k < j; k++)
                  if (g_str_equal (keys[k], keys[j]))
                    {
                      g_autofree char *where = place_format (place);

                      add_problem (v, CSN_SEVERITY_WARNING, where, item, property,
                                   _("“%s” is listed twice"), keys[j]);
                    }
              }
          }
          break;

        case CSN_FIELD_DATE:
          check_date (v, place, item, property);
          break;

        case CSN_FIELD_CHILDREN:
          {
            GListModel *children = csn_item_get_children (item, property);

            for (guint j = 0, n = g_list_model_get_n_items (children); j < n; j++)
              {
                g_autoptr(CsnItem) child = g_list_model_get_item (children, j);

                place->depth = depth + 1;
                place->segments[depth].index = j;
                check_item (v, place, child);
              }
          }
          break;

        default:
          break;
        }
    }
  place->depth = depth;
}

/* The keys of collection @c, each with the first item that has it. The table holds copies: a
 * validation made a slice at a time keeps it while the main loop runs. */
static void
index_keys (Validator     *v,
            CsnCollection  c)
{
  GListModel *model = csn_draft_get_collection (v->draft, c);
  const char *collection_key = csn_collection_get_key (c);
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  v->keys[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
      const CsnField *key_field = csn_item_class_get_key_field (CSN_ITEM_GET_CLASS (item));
      const char *key = csn_item_get_key (item);
      gpointer first;

      if (key == NULL)
        continue;
      if (g_hash_table_lookup_extended (positions, key, NULL, &first))
        {
          g_autofree char *place = g_strdup_printf ("%s[%u].%s", collection_key, i, key_field->key);
          /* Translators: "“theme-2” is also the id of themes[1]" */
          add_problem (v, CSN_SEVERITY_ERROR, place, item,
                       csn_field_get_property_name (key_field, NULL),
                       _("“%s” is also the id of %s[%u]"), key, collection_key,
                       GPOINTER_TO_UINT (first));
          continue;
        }
      g_hash_table_insert (positions, (gpointer) key, GUINT_TO_POINTER (i));
      g_hash_table_insert (v->keys[c], g_strdup (key), g_object_ref (item));
    }
  g_hash_table_unref (positions);
}

static void
check_country_codes (Validator *v)
{
  GListModel *countries = csn_draft_get_collection (v->draft, CSN_COLLECTION_COUNTRIES);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);

      if (strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
        {
          g_autofree char *place = g_strdup_printf ("countries[%u].code", i);
          add_problem (v, CSN_SEVERITY_WARNING, place, CSN_ITEM (country), CSN_COUNTRY_PROP_CODE,
                       _("“%s” is not a two-letter country code (ISO 3166)"), code);
        }
    }
}

static void
check_meeting (Validator *v)
{
  CsnMeeting *meeting = csn_draft_get_meeting (v->draft);
  const char *ppt = csn_meeting_get_pro_tempore_presidency (meeting);
  const char *start = csn_meeting_get_start_date (meeting);
  const char *end = csn_meeting_get_end_date (meeting);
  CsnCountry *country;

  if (ppt == NULL || ppt[0] == '\0')
    add_problem (v, CSN_SEVERITY_WARNING, "meeting.pro_tempore_presidency", CSN_ITEM (meeting),
                 CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY, _("no Pro Tempore Presidency is chosen"));
  else if ((country = g_hash_table_lookup (v->keys[CSN_COLLECTION_COUNTRIES], ppt)) != NULL &&
           csn_country_get_membership (country) != CSN_MEMBERSHIP_MEMBER)
    {
      g_autofree char *name = csn_item_dup_title (CSN_ITEM (country));
      add_problem (v, CSN_SEVERITY_ERROR, "meeting.pro_tempore_presidency", CSN_ITEM (meeting),
                   CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY,
                   _("%s is an observer; the Pro Tempore Presidency is held by a member country"),
                   name);
    }

  if (csn_date_is_valid (start) && csn_date_is_valid (end) && strcmp (end, start) < 0)
    add_problem (v, CSN_SEVERITY_ERROR, "meeting.end_date", CSN_ITEM (meeting), CSN_MEETING_PROP_END_DATE,
                 _("the meeting ends (%s) before it starts (%s)"), end, start);
}

static void
check_quotas (Validator *v)
{
  GListModel *participants = csn_draft_get_collection (v->draft, CSN_COLLECTION_PARTICIPANTS);
  GListModel *countries = csn_draft_get_collection (v->draft, CSN_COLLECTION_COUNTRIES);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) first_excess = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, i);
      const char *code = csn_participant_get_country (participant);
      CsnCountry *country = g_hash_table_lookup (v->keys[CSN_COLLECTION_COUNTRIES], code);
      guint count;

      if (country == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1;
      g_hash_table_insert (counts, (gpointer) code, GUINT_TO_POINTER (count));
      if (count == (guint) csn_country_get_delegation_quota (country) + 1)
        g_hash_table_insert (first_excess, (gpointer) code, GUINT_TO_POINTER (i));
    }

  /* One problem per country, in country order, at its first participant beyond the quota. */
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);
      g_autoptr(CsnItem) participant = NULL;
      g_autofree char *place = NULL;
      g_autofree char *name = NULL;
      gpointer position;
      guint count;
      int quota;

      if (!g_hash_table_lookup_extended (first_excess, code, NULL, &position))
        continue;
      if (g_hash_table_lookup (v->keys[CSN_COLLECTION_COUNTRIES], code) != country)
        continue;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, code));
      quota = csn_country_get_delegation_quota (country);
      participant = g_list_model_get_item (participants, GPOINTER_TO_UINT (position));
      place = g_strdup_printf ("participants[%u].country", GPOINTER_TO_UINT (position));
      name = csn_item_dup_title (CSN_ITEM (country));
      add_problem (v, CSN_SEVERITY_WARNING, place, participant, CSN_PARTICIPANT_PROP_COUNTRY,
                   /* Translators: "the delegation of México has 4 participants; its quota is 3" */
                   g_dngettext (GETTEXT_PACKAGE,
                                "the delegation of %s has %u participant; its quota is %d",
                                "the delegation of %s has %u participants; its quota is %d", count),
                   name, count, quota);
    }
}

/* A validation made a slice at a time (csn-validate-private.h). The draft must not change between
 * two slices: whoever runs one begins again after a change. */
typedef enum {
  PHASE_KEYS,      /* one list's keys per step */
  PHASE_MEETING,
  PHASE_ITEMS,
  PHASE_QUOTAS,
  PHASE_DONE,
} Phase;

struct _CsnValidator
{
  Validator     v;
  Phase         phase;
  CsnCollection collection;
  guint         position;
};

CsnValidator *
csn_validator_new (CsnDraft *draft)
{
  CsnValidator *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  self = g_new0 (CsnValidator, 1);
  self->v.draft = g_object_ref (draft);
  self->v.problems = g_list_store_new (CSN_TYPE_PROBLEM);
  return self;
}

/* Goes on until @deadline (g_get_monotonic_time(); -1: none). Returns: whether the validation is
 * complete. */
gboolean
csn_validator_step (CsnValidator *self,
                    gint64        deadline)
{
  Validator *v = &self->v;
  guint n_checked = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  while (self->phase != PHASE_DONE)
    {
      /* Each step does something, however late it is called. */
      if (n_checked > 0 && deadline >= 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
      n_checked++;

      switch (self->phase)
        {
        case PHASE_KEYS:
          index_keys (v, self->collection++);
          if (self->collection == CSN_N_COLLECTIONS)
            self->phase = PHASE_MEETING;
          break;

        case PHASE_MEETING:
          {
            Place place = { .depth = 0 };

            check_meeting (v);
            place_push (&place, "meeting", NO_INDEX);
            check_item (v, &place, CSN_ITEM (csn_draft_get_meeting (v->draft)));
            check_country_codes (v);
            self->phase = PHASE_ITEMS;
            self->collection = 0;
            self->position = 0;
          }
          break;

        case PHASE_ITEMS:
          {
            GListModel *model = csn_draft_get_collection (v->draft, self->collection);
            guint n_items = g_list_model_get_n_items (model);

            while (self->position < n_items)
              {
                g_autoptr(CsnItem) item = NULL;
                Place place = { .depth = 0 };

                /* The clock is read every few items: an item takes a few microseconds. */
                if (deadline >= 0 && ++n_checked % 32 == 0 && g_get_monotonic_time () >= deadline)
                  return FALSE;
                item = g_list_model_get_item (model, self->position);
                place_push (&place, csn_collection_get_key (self->collection), self->position);
                check_item (v, &place, item);
                self->position++;
              }
            self->position = 0;
            if (++self->collection == CSN_N_COLLECTIONS)
              self->phase = PHASE_QUOTAS;
          }
          break;

        case PHASE_QUOTAS:
          check_quotas (v);
          self->phase = PHASE_DONE;
          break;

        case PHASE_DONE:
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

void
csn_validator_free (CsnValidator *self)
{
  if (self == NULL)
    return;
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    g_clear_pointer (&self->v.keys[c], g_hash_table_unref);
  g_clear_object (&self->v.problems);
  g_clear_object (&self->v.draft);
  g_free (self);
}

/* Completes the validation and frees @self. Returns: (transfer full): the problems */
GListModel *
csn_validator_finish (CsnValidator *self)
{
  GListModel *problems;

  g_return_val_if_fail (self != NULL, NULL);

  csn_validator_step (self, -1);
  problems = G_LIST_MODEL (g_steal_pointer (&self->v.problems));
  csn_validator_free (self);
  return problems;
}

/* Every problem of @draft, as a list of CsnProblem in file order of the places. */
GListModel *
csn_draft_validate (CsnDraft *draft)
{
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  return csn_validator_finish (csn_validator_new (draft));
}
