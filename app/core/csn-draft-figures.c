/* csn-draft-figures.c: the counts every view and output of a draft repeats, computed in one pass per list. */
#define G_LOG_DOMAIN "csn-draft-figures"

#include "config.h"

#include "csn-country.h"
#include "csn-draft.h"
#include "csn-draft-figures.h"
#include "csn-endorsement.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-position.h"
#include "csn-strategy.h"
#include "csn-theme.h"

#define N_HORIZONS      (CSN_HORIZON_UNDECIDED + 1)
#define N_ENDORSEMENTS  (CSN_ENDORSEMENT_STATUS_NOT_ENDORSED + 1)
#define N_STANCES       (CSN_STANCE_NO_POSITION + 1)

struct _CsnDraftFigures
{
  gatomicrefcount  ref_count;

  guint            n_themes;
  GPtrArray       *pillars;               /* CsnPillar (owned), the draft's when counted */
  guint           *themes_by_pillar;      /* [(pillars->len + 1) * N_HORIZONS]; the last row: no known pillar */
  guint            themes_by_horizon[N_HORIZONS];
  GHashTable      *themes_with_strategy;  /* theme key (owned) -> itself */
  guint            n_themes_with_strategy;

  guint            endorsements[N_ENDORSEMENTS];
  guint            n_endorsements;

  guint            n_participants;
  GHashTable      *delegation_sizes;      /* country code (owned) -> participants */
  GHashTable      *quotas;                /* country code (owned) -> quota of its first country */
  GStrv            over_quota;

  GHashTable      *positions_by_country;  /* country code (owned) -> positions */
  GHashTable      *stances;               /* item key (owned) -> guint[N_STANCES] */
  GStrv            items_with_objections;
};

G_DEFINE_BOXED_TYPE (CsnDraftFigures, csn_draft_figures, csn_draft_figures_ref, csn_draft_figures_unref)

static void
count_key (GHashTable *table,
           const char *key)
{
  gpointer count = g_hash_table_lookup (table, key);

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

static guint
lookup_count (GHashTable *table,
              const char *key)
{
  return key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) : 0;
}

static void
count_themes (CsnDraftFigures *self,
              CsnDraft        *draft)
{
  GListModel *pillars = csn_draft_get_collection (draft, CSN_COLLECTION_PILLARS);
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(GHashTable) pillar_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) addressed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pillars = g_list_model_get_n_items (pillars);

  self->pillars = g_ptr_array_new_full (n_pillars, g_object_unref);
  for (guint i = 0; i < n_pillars; i++)
    {
      CsnPillar *pillar = g_list_model_get_item (pillars, i);

      g_ptr_array_add (self->pillars, pillar);
      /* A duplicated id is the first pillar's, as a lookup finds it; the draft holds the keys. */
      if (!g_hash_table_contains (pillar_rows, csn_pillar_get_id (pillar)))
        g_hash_table_insert (pillar_rows, (gpointer) csn_pillar_get_id (pillar), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0, n = g_list_model_get_n_items (strategies); i < n; i++)
    {
      g_autoptr(CsnStrategy) strategy = g_list_model_get_item (strategies, i);

      g_hash_table_add (addressed, (gpointer) csn_strategy_get_theme (strategy));
    }

  self->n_themes = g_list_model_get_n_items (themes);
  self->themes_by_pillar = g_new0 (guint, (n_pillars + 1) * N_HORIZONS);
  for (guint i = 0; i < self->n_themes; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (pillar_rows, csn_theme_get_pillar (theme)));
      CsnHorizon horizon = csn_theme_get_horizon (theme);

      row = row > 0 ? row - 1 : n_pillars;
      self->themes_by_pillar[row * N_HORIZONS + horizon]++;
      self->themes_by_horizon[horizon]++;
      if (g_hash_table_contains (addressed, csn_theme_get_id (theme)))
        {
          g_hash_table_add (self->themes_with_strategy, g_strdup (csn_theme_get_id (theme)));
          self->n_themes_with_strategy++;
        }
    }
}

static void
count_endorsements (CsnDraftFigures *self,
                    CsnDraft        *draft)
{
  GListModel *endorsements = csn_draft_get_collection (draft, CSN_COLLECTION_ENDORSEMENTS);

  self->n_endorsements = g_list_model_get_n_items (endorsements);
  for (guint i = 0; i < self->n_endorsements; i++)
    {
      g_autoptr(CsnEndorsement) endorsement = g_list_model_get_item (endorsements, i);

      self->endorsements[csn_endorsement_get_status (endorsement)]++;
    }
}

static void
count_delegations (CsnDraftFigures *self,
                   CsnDraft        *draft)
{
  GListModel *participants = csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS);
  GListModel *countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  g_autoptr(GStrvBuilder) over = g_strv_builder_new ();

  self->n_participants = g_list_model_get_n_items (participants);
  for (guint i = 0; i < self->n_participants; i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, i);
      const char *country = csn_participant_get_country (participant);

      if (country[0] != '\0')
        count_key (self->delegation_sizes, country);
    }

  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);
      int quota = csn_country_get_delegation_quota (country);

      /* A duplicated code is the first country's, as everywhere else. */
      if (g_hash_table_contains (self->quotas, code))
        continue;
      g_hash_table_insert (self->quotas, g_strdup (code), GINT_TO_POINTER (quota));
      if (lookup_count (self->delegation_sizes, code) > (guint) quota)
        g_strv_builder_add (over, code);
    }
  self->over_quota = g_strv_builder_end (over);
}

static void
count_positions (CsnDraftFigures *self,
                 CsnDraft        *draft)
{
  GListModel *positions = csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS);
  g_autoptr(GStrvBuilder) objected = g_strv_builder_new ();

  for (guint i = 0, n = g_list_model_get_n_items (positions); i < n; i++)
    {
      g_autoptr(CsnPosition) position = g_list_model_get_item (positions, i);
      const char *item = csn_position_get_item (position);
      CsnStance stance = csn_position_get_stance (position);
      guint *counts;

      count_key (self->positions_by_country, csn_position_get_country (position));
      counts = g_hash_table_lookup (self->stances, item);
      if (counts == NULL)
        {
          counts = g_new0 (guint, N_STANCES);
          g_hash_table_insert (self->stances, g_strdup (item), counts);
        }
      if (stance == CSN_STANCE_OBJECTS && counts[CSN_STANCE_OBJECTS] == 0)
        g_strv_builder_add (objected, item);
      counts[stance]++;
    }
  self->items_with_objections = g_strv_builder_end (objected);
}

/**
 * csn_draft_figures_new:
 * @draft: the draft
 *
 * Counts @draft as it is now; the figures do not follow later edits (compute them again on
 * #CsnDraft::changed), and hold no reference to the draft.
 */
CsnDraftFigures *
csn_draft_figures_new (CsnDraft *draft)
{
  CsnDraftFigures *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  self = g_new0 (CsnDraftFigures, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->themes_with_strategy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->delegation_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->quotas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->positions_by_country = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  count_themes (self, draft);
  count_endorsements (self, draft);
  count_delegations (self, draft);
  count_positions (self, draft);
  return self;
}

CsnDraftFigures *
csn_draft_figures_ref (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
csn_draft_figures_unref (CsnDraftFigures *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->pillars, g_ptr_array_unref);
  g_free (self->themes_by_pillar);
  g_hash_table_unref (self->themes_with_strategy);
  g_hash_table_unref (self->delegation_sizes);
  g_hash_table_unref (self->quotas);
  g_strfreev (self->over_quota);
  g_hash_table_unref (self->positions_by_country);
  g_hash_table_unref (self->stances);
  g_strfreev (self->items_with_objections);
  g_free (self);
}

guint
csn_draft_figures_get_n_themes (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_themes;
}

/* The pillars of the draft, the rows of csn_draft_figures_get_themes_by_pillar(). */
guint
csn_draft_figures_get_n_pillars (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pillars->len;
}

/**
 * csn_draft_figures_get_pillar:
 * @pillar: a row of csn_draft_figures_get_themes_by_pillar(), below csn_draft_figures_get_n_pillars()
 *
 * Returns: (transfer none): the pillar counted in that row: the draft's @pillar-th when counted,
 * kept by the figures, so that a view shows each row's counts under its own pillar even when the
 * draft's pillars changed since
 */
CsnItem *
csn_draft_figures_get_pillar (CsnDraftFigures *self,
                              guint            pillar)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (pillar < self->pillars->len, NULL);

  return g_ptr_array_index (self->pillars, pillar);
}

/* The themes of the @pillar-th pillar (in list order) with @horizon; @pillar equal to the number of
 * pillars counts the themes whose pillar is missing or unknown. */
guint
csn_draft_figures_get_themes_by_pillar (CsnDraftFigures *self,
                                        guint            pillar,
                                        CsnHorizon       horizon)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (pillar <= self->pillars->len, 0);
  g_return_val_if_fail (horizon < N_HORIZONS, 0);

  return self->themes_by_pillar[pillar * N_HORIZONS + horizon];
}

guint
csn_draft_figures_get_themes_without_pillar (CsnDraftFigures *self,
                                             CsnHorizon       horizon)
{
  g_return_val_if_fail (self != NULL, 0);
  return csn_draft_figures_get_themes_by_pillar (self, self->pillars->len, horizon);
}

guint
csn_draft_figures_get_themes_by_horizon (CsnDraftFigures *self,
                                         CsnHorizon       horizon)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (horizon < N_HORIZONS, 0);

  return self->themes_by_horizon[horizon];
}

/* Themes that at least one strategy addresses. */
guint
csn_draft_figures_get_n_themes_with_strategy (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_themes_with_strategy;
}

gboolean
csn_draft_figures_theme_has_strategy (CsnDraftFigures *self,
                                      const char      *theme)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return theme != NULL && g_hash_table_contains (self->themes_with_strategy, theme);
}

guint
csn_draft_figures_get_endorsements (CsnDraftFigures      *self,
                                    CsnEndorsementStatus  status)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (status < N_ENDORSEMENTS, 0);

  return self->endorsements[status];
}

guint
csn_draft_figures_get_n_endorsements (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_endorsements;
}

/* Endorsements received: endorsed, with or without reservations. */
guint
csn_draft_figures_get_n_endorsed (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->endorsements[CSN_ENDORSEMENT_STATUS_ENDORSED] +
         self->endorsements[CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS];
}

guint
csn_draft_figures_get_n_participants (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_participants;
}

/* Countries (by code, known or not) with at least one participant. */
guint
csn_draft_figures_get_n_delegations (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->delegation_sizes);
}

/* The participants registered for the country @country. */
guint
csn_draft_figures_get_delegation_size (CsnDraftFigures *self,
                                       const char      *country)
{
  g_return_val_if_fail (self != NULL, 0);
  return lookup_count (self->delegation_sizes, country);
}

/* Whether @country's delegation has more participants than its quota. */
gboolean
csn_draft_figures_is_over_quota (CsnDraftFigures *self,
                                 CsnCountry      *country)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CSN_IS_COUNTRY (country), FALSE);

  return csn_draft_figures_get_delegation_size (self, csn_country_get_code (country)) >
         (guint) csn_country_get_delegation_quota (country);
}

/* The codes of the countries over their quota, in the order of the country list. */
const char * const *
csn_draft_figures_get_over_quota (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->over_quota;
}

guint
csn_draft_figures_get_positions_of_country (CsnDraftFigures *self,
                                            const char      *country)
{
  g_return_val_if_fail (self != NULL, 0);
  return lookup_count (self->positions_by_country, country);
}

/* How many positions take @stance on the agenda item @item (a theme, strategy, mechanism or role
 * proposal, by key). */
guint
csn_draft_figures_get_stances (CsnDraftFigures *self,
                               const char      *item,
                               CsnStance        stance)
{
  guint *counts;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (stance < N_STANCES, 0);

  counts = item != NULL ? g_hash_table_lookup (self->stances, item) : NULL;
  return counts != NULL ? counts[stance] : 0;
}

/* The keys of the agenda items at least one country objects to, in the order of their first
 * objection. */
const char * const *
csn_draft_figures_get_items_with_objections (CsnDraftFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->items_with_objections;
}
