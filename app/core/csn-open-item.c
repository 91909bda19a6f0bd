/* csn-open-item.c: what still keeps a draft from being approved, as one list the Overview, the agenda
 * counts, the document and --check share. */
#define G_LOG_DOMAIN "csn-open-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-country.h"
#include "csn-draft.h"
#include "csn-draft-figures.h"
#include "csn-endorsement.h"
#include "csn-mechanism.h"
#include "csn-meeting.h"
#include "csn-open-item.h"
#include "csn-open-item-private.h"
#include "csn-participant.h"
#include "csn-problem.h"
#include "csn-role-proposal.h"
#include "csn-theme.h"
#include "csn-validate.h"

struct _CsnOpenItem
{
  GObject        parent_instance;

  CsnOpenKind    kind;
  CsnItem       *item;
  const char    *property;    /* interned */
  CsnCollection  collection;
  char          *place;
  char          *message;
  CsnProblem    *problem;
};

G_DEFINE_ENUM_TYPE (CsnOpenKind, csn_open_kind,
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_HORIZON, "horizon"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_CONSENSUS, "consensus"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_STRATEGY, "strategy"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_ASSESSMENT, "assessment"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_PROPOSAL, "proposal"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_ENDORSEMENT, "endorsement"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_QUOTA, "quota"),
  G_DEFINE_ENUM_VALUE (CSN_OPEN_KIND_PROBLEM, "problem"))

G_DEFINE_FINAL_TYPE (CsnOpenItem, csn_open_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ITEM,
  PROP_PROPERTY_NAME,
  PROP_COLLECTION,
  PROP_PLACE,
  PROP_MESSAGE,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_open_item_finalize (GObject *object)
{
  CsnOpenItem *self = CSN_OPEN_ITEM (object);

  g_clear_object (&self->item);
  g_clear_object (&self->problem);
  g_free (self->place);
  g_free (self->message);

  G_OBJECT_CLASS (csn_open_item_parent_class)->finalize (object);
}

static void
csn_open_item_get_gproperty (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsnOpenItem *self = CSN_OPEN_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_PROPERTY_NAME:
      g_value_set_string (value, self->property);
      break;
    case PROP_COLLECTION:
      g_value_set_uint (value, self->collection);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_PROBLEM:
      g_value_set_object (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_open_item_class_init (CsnOpenItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_open_item_finalize;
  object_class->get_property = csn_open_item_get_gproperty;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CSN_TYPE_OPEN_KIND, CSN_OPEN_KIND_PROBLEM,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CSN_TYPE_ITEM, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLECTION] =
    g_param_spec_uint ("collection", NULL, NULL, 0, CSN_COLLECTION_NONE, CSN_COLLECTION_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_object ("problem", NULL, NULL, CSN_TYPE_PROBLEM, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_open_item_init (CsnOpenItem *self)
{
}

/* The list a place such as "themes[3].horizon" is in; the meeting's is none. */
static CsnCollection
collection_of_place (const char *place)
{
  g_autofree char *key = g_strndup (place, strcspn (place, "[."));

  return csn_collection_from_key (key);
}

typedef struct {
  CsnDraft   *draft;
  GListStore *items;
  GHashTable *places;   /* place -> CsnOpenItem, for the validation's problems found here too */
} Collector;

static CsnOpenItem * G_GNUC_PRINTF (6, 7)
add (Collector   *c,
     CsnOpenKind  kind,
     CsnItem     *item,
     const char  *property,
     const char  *place,
     const char  *format,
     ...)
{
  g_autoptr(CsnOpenItem) open = g_object_new (CSN_TYPE_OPEN_ITEM, NULL);
  va_list args;

  va_start (args, format);
  open->message = g_strdup_vprintf (format, args);
  va_end (args);

  open->kind = kind;
  open->item = g_object_ref (item);
  open->property = g_intern_string (property);
  open->place = g_strdup (place);
  open->collection = collection_of_place (place);
  g_list_store_append (c->items, open);
  g_hash_table_insert (c->places, open->place, open);
  return open;
}

static void
collect_meeting (Collector *c)
{
  CsnMeeting *meeting = csn_draft_get_meeting (c->draft);
  const char *presidency = csn_meeting_get_pro_tempore_presidency (meeting);

  if (csn_meeting_get_title (meeting)[0] == '\0')
    add (c, CSN_OPEN_KIND_MEETING, CSN_ITEM (meeting), CSN_MEETING_PROP_TITLE, "meeting.title", "%s",
         _("The meeting has no title yet"));
  if (csn_meeting_get_venue (meeting)[0] == '\0')
    add (c, CSN_OPEN_KIND_MEETING, CSN_ITEM (meeting), CSN_MEETING_PROP_VENUE, "meeting.venue", "%s",
         _("The meeting has no venue yet"));
  if (csn_meeting_get_start_date (meeting) == NULL)
    add (c, CSN_OPEN_KIND_MEETING, CSN_ITEM (meeting), CSN_MEETING_PROP_START_DATE, "meeting.start_date", "%s",
         _("The meeting has no start date yet"));
  if (csn_meeting_get_end_date (meeting) == NULL)
    add (c, CSN_OPEN_KIND_MEETING, CSN_ITEM (meeting), CSN_MEETING_PROP_END_DATE, "meeting.end_date", "%s",
         _("The meeting has no end date yet"));
  if (presidency == NULL || presidency[0] == '\0')
    add (c, CSN_OPEN_KIND_MEETING, CSN_ITEM (meeting), CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY,
         "meeting.pro_tempore_presidency", "%s", _("No Pro Tempore Presidency is chosen yet"));
}

/* The decisions still to take on themes, one kind after the other, each in list order. */
static void
collect_themes (Collector       *c,
                CsnDraftFigures *figures)
{
  GListModel *themes = csn_draft_get_collection (c->draft, CSN_COLLECTION_THEMES);
  guint n = g_list_model_get_n_items (themes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;

      if (csn_theme_get_horizon (theme) != CSN_HORIZON_UNDECIDED)
        continue;
      title = csn_item_dup_title (CSN_ITEM (theme));
      place = g_strdup_printf ("themes[%u].horizon", i);
      /* Translators: "“Labour migration” has no horizon yet: short or medium term" */
      add (c, CSN_OPEN_KIND_HORIZON, CSN_ITEM (theme), CSN_THEME_PROP_HORIZON, place,
           _("“%s” has no horizon yet: short or medium term"), title);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;

      if (csn_theme_get_consensus (theme) != CSN_CONSENSUS_PENDING)
        continue;
      title = csn_item_dup_title (CSN_ITEM (theme));
      place = g_strdup_printf ("themes[%u].consensus", i);
      /* Translators: "Consensus on “Labour migration” is still pending" */
      add (c, CSN_OPEN_KIND_CONSENSUS, CSN_ITEM (theme), CSN_THEME_PROP_CONSENSUS, place,
           _("Consensus on “%s” is still pending"), title);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;
      CsnOpenItem *open;

      if (csn_draft_figures_theme_has_strategy (figures, csn_theme_get_id (theme)))
        continue;
      title = csn_item_dup_title (CSN_ITEM (theme));
      place = g_strdup_printf ("themes[%u]", i);
      /* Translators: "No strategy addresses “Labour migration” yet" */
      open = add (c, CSN_OPEN_KIND_STRATEGY, CSN_ITEM (theme), NULL, place,
                  _("No strategy addresses “%s” yet"), title);
      /* What is missing is on the Strategies page, not in the theme. */
      open->collection = CSN_COLLECTION_STRATEGIES;
    }
}

static void
collect_mechanisms (Collector *c)
{
  GListModel *mechanisms = csn_draft_get_collection (c->draft, CSN_COLLECTION_MECHANISMS);

  for (guint i = 0, n = g_list_model_get_n_items (mechanisms); i < n; i++)
    {
      g_autoptr(CsnMechanism) mechanism = g_list_model_get_item (mechanisms, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;

      if (csn_mechanism_get_assessment (mechanism) != CSN_ASSESSMENT_NOT_ASSESSED)
        continue;
      title = csn_item_dup_title (CSN_ITEM (mechanism));
      place = g_strdup_printf ("mechanisms[%u].assessment", i);
      /* Translators: "“Virtual Secretariat” is not assessed yet" */
      add (c, CSN_OPEN_KIND_ASSESSMENT, CSN_ITEM (mechanism), CSN_MECHANISM_PROP_ASSESSMENT, place,
           _("“%s” is not assessed yet"), title);
    }
}

static void
collect_proposals (Collector *c)
{
  GListModel *proposals = csn_draft_get_collection (c->draft, CSN_COLLECTION_ROLE_PROPOSALS);

  for (guint i = 0, n = g_list_model_get_n_items (proposals); i < n; i++)
    {
      g_autoptr(CsnRoleProposal) proposal = g_list_model_get_item (proposals, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;

      if (csn_role_proposal_get_status (proposal) != CSN_PROPOSAL_STATUS_PROPOSED)
        continue;
      title = csn_item_dup_title (CSN_ITEM (proposal));
      place = g_strdup_printf ("role_proposals[%u].status", i);
      /* Translators: "The proposal “Follow-up of agreements” is neither agreed nor rejected yet" */
      add (c, CSN_OPEN_KIND_PROPOSAL, CSN_ITEM (proposal), CSN_ROLE_PROPOSAL_PROP_STATUS, place,
           _("The proposal “%s” is neither agreed nor rejected yet"), title);
    }
}

static void
collect_endorsements (Collector *c)
{
  GListModel *endorsements = csn_draft_get_collection (c->draft, CSN_COLLECTION_ENDORSEMENTS);

  for (guint i = 0, n = g_list_model_get_n_items (endorsements); i < n; i++)
    {
      g_autoptr(CsnEndorsement) endorsement = g_list_model_get_item (endorsements, i);
      g_autofree char *country = NULL;
      g_autofree char *place = NULL;

      if (csn_endorsement_get_status (endorsement) != CSN_ENDORSEMENT_STATUS_PENDING)
        continue;
      country = csn_draft_dup_ref_title (c->draft, CSN_COLLECTION_COUNTRIES,
                                         csn_endorsement_get_country (endorsement));
      place = g_strdup_printf ("endorsements[%u].status", i);
      /* Translators: "The endorsement of México is pending" */
      add (c, CSN_OPEN_KIND_ENDORSEMENT, CSN_ITEM (endorsement), CSN_ENDORSEMENT_PROP_STATUS, place,
           _("The endorsement of %s is pending"), country);
    }
}

/* One entry per delegation over its quota, at its first participant beyond the quota, as the
 * validation places it. */
static void
collect_quotas (Collector       *c,
                CsnDraftFigures *figures)
{
  const char * const *over = csn_draft_figures_get_over_quota (figures);
  GListModel *participants = csn_draft_get_collection (c->draft, CSN_COLLECTION_PARTICIPANTS);

  for (guint i = 0; over[i] != NULL; i++)
    {
      CsnCountry *country = CSN_COUNTRY (csn_draft_lookup (c->draft, CSN_COLLECTION_COUNTRIES, over[i]));
      guint size = csn_draft_figures_get_delegation_size (figures, over[i]);
      int quota = csn_country_get_delegation_quota (country);
      g_autofree char *name = csn_item_dup_title (CSN_ITEM (country));
      guint seen = 0;

      for (guint p = 0, n = g_list_model_get_n_items (participants); p < n; p++)
        {
          g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, p);
          g_autofree char *place = NULL;

          if (g_strcmp0 (csn_participant_get_country (participant), over[i]) != 0 || ++seen <= (guint) quota)
            continue;
          place = g_strdup_printf ("participants[%u].country", p);
          add (c, CSN_OPEN_KIND_QUOTA, CSN_ITEM (participant), CSN_PARTICIPANT_PROP_COUNTRY, place,
               /* Translators: "The delegation of México has 4 participants; its quota is 3" */
               g_dngettext (GETTEXT_PACKAGE, "The delegation of %s has %u participant; its quota is %d",
                            "The delegation of %s has %u participants; its quota is %d", size),
               name, size, quota);
          break;
        }
    }
}

/* The validation's problems: one already listed here (the presidency, a quota) is linked to its
 * entry; any other is an entry of its own. */
static void
collect_problems (Collector  *c,
                  GListModel *problems)
{
  for (guint i = 0, n = g_list_model_get_n_items (problems); i < n; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);
      const char *place = csn_problem_get_place (problem);
      CsnOpenItem *open = g_hash_table_lookup (c->places, place);

      if (open != NULL && open->problem == NULL && open->kind != CSN_OPEN_KIND_PROBLEM)
        {
          open->problem = g_object_ref (problem);
          continue;
        }
      open = add (c, CSN_OPEN_KIND_PROBLEM, csn_problem_get_item (problem),
                  csn_problem_get_property_name (problem), place, "%s", csn_problem_get_message (problem));
      open->problem = g_object_ref (problem);
    }
}

/**
 * csn_draft_list_open_items:
 * @draft: the draft
 *
 * What still keeps @draft from being approved: missing meeting data, the decisions still to take
 * (horizons, consensus, strategies, assessments, role proposals), pending endorsements, delegations
 * over their quota, and every other problem the validation finds, in that order. An entry that is
 * also a validation problem (the presidency, a quota, the others) carries it: --check prints the
 * problems as they are, and the other entries as notes.
 *
 * Returns: (transfer full): a list of #CsnOpenItem, computed now; it does not follow later edits.
 */
GListModel *
csn_draft_list_open_items (CsnDraft *draft)
{
  g_autoptr(CsnDraftFigures) figures = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  figures = csn_draft_figures_new (draft);
  problems = csn_draft_validate (draft);
  items = csn_open_items_collect (draft, figures, problems);
  store = g_list_store_new (CSN_TYPE_OPEN_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/* The open items collected a kind at a time (csn-open-item-private.h), between frames. */
struct _CsnOpenItemsCollector
{
  Collector        c;
  CsnDraftFigures *figures;
  GListModel      *problems;
  guint            step;
};

CsnOpenItemsCollector *
csn_open_items_collector_new (CsnDraft        *draft,
                              CsnDraftFigures *figures,
                              GListModel      *problems)
{
  CsnOpenItemsCollector *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (problems), NULL);

  self = g_new0 (CsnOpenItemsCollector, 1);
  self->c.draft = g_object_ref (draft);
  self->c.items = g_list_store_new (CSN_TYPE_OPEN_ITEM);
  self->c.places = g_hash_table_new (g_str_hash, g_str_equal);
  self->figures = csn_draft_figures_ref (figures);
  self->problems = g_object_ref (problems);
  return self;
}

/* Collects one kind after the other until @deadline (g_get_monotonic_time(); -1: none). Returns:
 * whether all are collected. */
gboolean
csn_open_items_collector_step (CsnOpenItemsCollector *self,
                               gint64                 deadline)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (gboolean first = TRUE;; self->step++, first = FALSE)
    {
      /* Each step collects one kind at least, however late it is called. */
      if (!first && self->step < 7 && deadline >= 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
      switch (self->step)
        {
        case 0: collect_meeting (&self->c); break;
        case 1: collect_themes (&self->c, self->figures); break;
        case 2: collect_mechanisms (&self->c); break;
        case 3: collect_proposals (&self->c); break;
        case 4: collect_endorsements (&self->c); break;
        case 5: collect_quotas (&self->c, self->figures); break;
        case 6: collect_problems (&self->c, self->problems); break;
        default: return TRUE;
        }
    }
}

void
csn_open_items_collector_free (CsnOpenItemsCollector *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->c.places, g_hash_table_unref);
  g_clear_object (&self->c.items);
  g_clear_object (&self->c.draft);
  g_clear_pointer (&self->figures, csn_draft_figures_unref);
  g_clear_object (&self->problems);
  g_free (self);
}

/* Completes the collection and frees @self. Returns: the entries, in a new array that holds them. */
GPtrArray *
csn_open_items_collector_finish (CsnOpenItemsCollector *self)
{
  GListModel *store;
  GPtrArray *items;

  g_return_val_if_fail (self != NULL, NULL);

  csn_open_items_collector_step (self, -1);
  store = G_LIST_MODEL (self->c.items);
  items = g_ptr_array_new_full (g_list_model_get_n_items (store), g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (store); i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (store, i));
  csn_open_items_collector_free (self);
  return items;
}

/* csn_draft_list_open_items() from figures and problems already at hand. Returns the entries, in a
 * new array that holds them. */
GPtrArray *
csn_open_items_collect (CsnDraft        *draft,
                        CsnDraftFigures *figures,
                        GListModel      *problems)
{
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  return csn_open_items_collector_finish (csn_open_items_collector_new (draft, figures, problems));
}

/* Whether two entries say the same about the same thing: a list updated in place keeps the
 * old one, so that a view does not bind it again. */
gboolean
csn_open_item_equal (CsnOpenItem *a,
                     CsnOpenItem *b)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (a) && CSN_IS_OPEN_ITEM (b), FALSE);

  return a->kind == b->kind && a->item == b->item && a->property == b->property &&
         a->collection == b->collection && g_str_equal (a->place, b->place) &&
         g_str_equal (a->message, b->message) &&
         (a->problem == NULL) == (b->problem == NULL) &&
         (a->problem == NULL || csn_problem_equal (a->problem, b->problem));
}

CsnOpenKind
csn_open_item_get_kind (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), CSN_OPEN_KIND_PROBLEM);
  return self->kind;
}

/* The item to show: the meeting, a theme, a mechanism, a participant … */
CsnItem *
csn_open_item_get_item (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), NULL);
  return self->item;
}

/* The property of the item to focus, or NULL for the item as a whole. */
const char *
csn_open_item_get_property_name (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), NULL);
  return self->property;
}

/* The list whose page the entry leads to (the Strategies' for a theme without strategy), or
 * CSN_COLLECTION_NONE for the meeting, on the Overview. */
CsnCollection
csn_open_item_get_collection (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), CSN_COLLECTION_NONE);
  return self->collection;
}

/* Where in the file: "themes[3].horizon", as the validation and the loader name places. */
const char *
csn_open_item_get_place (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), NULL);
  return self->place;
}

/* What is open, in the interface language. */
const char *
csn_open_item_get_message (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), NULL);
  return self->message;
}

/* The validation problem the entry also is, or NULL for a decision still to take. */
CsnProblem *
csn_open_item_get_problem (CsnOpenItem *self)
{
  g_return_val_if_fail (CSN_IS_OPEN_ITEM (self), NULL);
  return self->problem;
}
