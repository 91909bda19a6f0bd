/* csn-position-index.c: the member states' positions on each item of a draft, found by item and country, and the edits that note them. */
#define G_LOG_DOMAIN "csn-position-index"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-country.h"
#include "csn-describe.h"
#include "csn-draft.h"
#include "csn-history.h"
#include "csn-meeting.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-theme.h"

struct _CsnPositionIndex
{
  GObject     parent_instance;

  CsnDraft   *draft;        /* not owned: the draft owns the index */
  guint       serial;       /* marks the positions and countries this index watches */
  gboolean    stale;
  GPtrArray  *members;      /* CsnCountry, in the draft's order */
  GHashTable *member_index; /* code -> member + 1 */
  GHashTable *by_item;      /* item id -> CsnPosition *[n_members], NULL where none */
};

G_DEFINE_FINAL_TYPE (CsnPositionIndex, csn_position_index, G_TYPE_OBJECT)

static const CsnCollection watched[] = { CSN_COLLECTION_COUNTRIES, CSN_COLLECTION_POSITIONS };
static int last_serial;

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark
get_index_quark (void)
{
  return g_quark_from_static_string ("csn-position-index");
}

static void
mark_stale (CsnPositionIndex *self)
{
  self->stale = TRUE;
}

/* Takes @position into its slot unless the slot is taken: the first position of a country on an
 * item counts, as the file lists them. Returns whether the slot was free. */
static gboolean
add_position (CsnPositionIndex *self,
              CsnPosition      *position)
{
  const char *item = csn_position_get_item (position);
  guint member = GPOINTER_TO_UINT (g_hash_table_lookup (self->member_index, csn_position_get_country (position)));
  CsnPosition **slots;

  if (member == 0 || item == NULL)
    return TRUE;
  slots = g_hash_table_lookup (self->by_item, item);
  if (slots == NULL)
    {
      slots = g_new0 (CsnPosition *, self->members->len);
      g_hash_table_insert (self->by_item, g_strdup (item), slots);
    }
  if (slots[member - 1] != NULL)
    return FALSE;
  slots[member - 1] = position;
  return TRUE;
}

/* Only these make the index stale; a stance or a comment is read from the position itself. */
static void
on_watched_notify_cb (CsnPositionIndex *self,
                      GParamSpec       *pspec,
                      GObject          *object)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, CSN_POSITION_PROP_COUNTRY) || g_str_equal (name, CSN_POSITION_PROP_ITEM) ||
      g_str_equal (name, CSN_COUNTRY_PROP_CODE) || g_str_equal (name, CSN_COUNTRY_PROP_MEMBERSHIP))
    mark_stale (self);
}

/* Watches each item once, whether it leaves the list and comes back (undo) or not. */
static void
watch_items (CsnPositionIndex *self,
             GListModel       *model,
             guint             position,
             guint             added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GPOINTER_TO_UINT (g_object_get_qdata (item, get_index_quark ())) == self->serial)
        continue;
      g_object_set_qdata (item, get_index_quark (), GUINT_TO_POINTER (self->serial));
      g_signal_connect_object (item, "notify", G_CALLBACK (on_watched_notify_cb), self, G_CONNECT_SWAPPED);
    }
}

/* A position noted takes its slot at once; anything else is rebuilt at the next lookup. */
static void
on_list_items_changed_cb (CsnPositionIndex *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *model)
{
  watch_items (self, model, position, added);
  if (self->stale)
    return;
  if (removed > 0 || model != csn_draft_get_collection (self->draft, CSN_COLLECTION_POSITIONS))
    {
      mark_stale (self);
      return;
    }
  for (guint i = position; i < position + added && !self->stale; i++)
    {
      g_autoptr(CsnPosition) added_position = g_list_model_get_item (model, i);

      if (!add_position (self, added_position))
        mark_stale (self);
    }
}

/* Whether @list is the positions, the countries, or a list of the agenda (whose items are named by
 * their place in it). */
static gboolean
is_shown_list (CsnPositionIndex *self,
               gpointer          list)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (list == csn_draft_get_collection (self->draft, c))
      return c == CSN_COLLECTION_POSITIONS || c == CSN_COLLECTION_COUNTRIES ||
             csn_collection_matches_target (c, CSN_COLLECTION_AGENDA);
  return FALSE;
}

/* Whether a change of @object may change what the positions show: a position, a country, the
 * meeting, an item with positions (its title names it, a theme's consensus may contradict them), or
 * a list of those or of the agenda. */
static gboolean
object_shows (CsnPositionIndex *self,
              gpointer          object)
{
  const char *key;

  if (CSN_IS_POSITION (object) || CSN_IS_COUNTRY (object) || CSN_IS_MEETING (object))
    return TRUE;
  if (!CSN_IS_ITEM (object))
    return is_shown_list (self, object);
  key = csn_item_get_key (object);
  return key != NULL && g_hash_table_contains (self->by_item, key);
}

/* Whether the last edit, undo or redo may have changed what the positions show: the objects the next
 * undo and the next redo would change (the step just made, undone or redone is at the top of one of
 * the two stacks), asked one by one. TRUE when the index is stale (a position or a country changed
 * since the last lookup: it is rebuilt at the next one, not here) or the history has no step to
 * tell. */
static gboolean
last_change_shows (CsnPositionIndex *self)
{
  CsnHistory *history = csn_draft_get_history (self->draft);

  if (self->stale || (!csn_history_can_undo (history) && !csn_history_can_redo (history)))
    return TRUE;
  for (guint redo = 0; redo <= 1; redo++)
    {
      g_autoptr(GPtrArray) objects = csn_history_dup_next_objects (history, redo);

      for (guint i = 0; i < objects->len; i++)
        if (object_shows (self, g_ptr_array_index (objects, i)))
          return TRUE;
    }
  return FALSE;
}

static void
on_draft_changed_cb (CsnPositionIndex *self,
                     CsnDraft         *draft)
{
  if (last_change_shows (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rebuild (CsnPositionIndex *self)
{
  GListModel *countries = csn_draft_get_collection (self->draft, CSN_COLLECTION_COUNTRIES);
  GListModel *positions = csn_draft_get_collection (self->draft, CSN_COLLECTION_POSITIONS);
  guint n_countries = g_list_model_get_n_items (countries);
  guint n_positions = g_list_model_get_n_items (positions);

  g_ptr_array_set_size (self->members, 0);
  g_hash_table_remove_all (self->member_index);
  g_hash_table_remove_all (self->by_item);

  for (guint i = 0; i < n_countries; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_item_get_key (CSN_ITEM (country));

      if (csn_country_get_membership (country) != CSN_MEMBERSHIP_MEMBER ||
          code == NULL || g_hash_table_contains (self->member_index, code))
        continue;
      g_ptr_array_add (self->members, g_object_ref (country));
      g_hash_table_insert (self->member_index, g_strdup (code), GUINT_TO_POINTER (self->members->len));
    }

  for (guint i = 0; i < n_positions; i++)
    {
      g_autoptr(CsnPosition) position = g_list_model_get_item (positions, i);

      add_position (self, position);
    }
  self->stale = FALSE;
}

static void
ensure_fresh (CsnPositionIndex *self)
{
  if (self->stale)
    rebuild (self);
}

static void
csn_position_index_finalize (GObject *object)
{
  CsnPositionIndex *self = CSN_POSITION_INDEX (object);

  g_clear_pointer (&self->by_item, g_hash_table_unref);
  g_clear_pointer (&self->member_index, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_position_index_parent_class)->finalize (object);
}

static void
csn_position_index_class_init (CsnPositionIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_position_index_finalize;

  /* Emitted after an edit, undo or redo of the draft that may have changed what an item's positions
   * show: one of a position, a country, the meeting, an item with positions, or the positions, the
   * countries or a list of the agenda. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
csn_position_index_init (CsnPositionIndex *self)
{
  self->stale = TRUE;
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->member_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The positions are borrowed: the draft's list holds them, and any change to it makes the index stale. */
  self->by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * csn_position_index_get_for_draft:
 *
 * The index of @draft's positions, made on first use and kept as long as the draft: every view
 * of the draft shares it. It is rebuilt, in one pass over the positions, on the first lookup after
 * a position or country is added, removed, or given another item, country, code or membership.
 * Returns: (transfer none)
 */
CsnPositionIndex *
csn_position_index_get_for_draft (CsnDraft *draft)
{
  CsnPositionIndex *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  self = g_object_get_qdata (G_OBJECT (draft), get_index_quark ());
  if (self != NULL)
    return self;

  self = g_object_new (CSN_TYPE_POSITION_INDEX, NULL);
  self->draft = draft;
  self->serial = (guint) g_atomic_int_add (&last_serial, 1) + 1;
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      GListModel *list = csn_draft_get_collection (draft, watched[i]);

      g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      watch_items (self, list, 0, g_list_model_get_n_items (list));
    }
  g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_set_qdata_full (G_OBJECT (draft), get_index_quark (), self, g_object_unref);
  return self;
}

/* The member states, who take positions, in the draft's order of countries (the CRM's). */
guint
csn_position_index_get_n_members (CsnPositionIndex *self)
{
  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), 0);

  ensure_fresh (self);
  return self->members->len;
}

CsnCountry *
csn_position_index_get_member (CsnPositionIndex *self,
                               guint             member)
{
  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), NULL);

  ensure_fresh (self);
  g_return_val_if_fail (member < self->members->len, NULL);
  return g_ptr_array_index (self->members, member);
}

/* The place of @country among the member states, or -1 when it is none of them. */
int
csn_position_index_find_member (CsnPositionIndex *self,
                                const char       *country)
{
  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), -1);

  if (country == NULL)
    return -1;
  ensure_fresh (self);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->member_index, country)) - 1;
}

/**
 * csn_position_index_get_positions:
 *
 * The positions on @item, one slot per member state in the order of
 * csn_position_index_get_member(), NULL where a member has none; NULL when no member has a
 * position on @item. Valid until the next change of the draft.
 */
CsnPosition * const *
csn_position_index_get_positions (CsnPositionIndex *self,
                                  const char       *item)
{
  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), NULL);

  if (item == NULL)
    return NULL;
  ensure_fresh (self);
  return g_hash_table_lookup (self->by_item, item);
}

CsnPosition *
csn_position_index_lookup (CsnPositionIndex *self,
                           const char       *item,
                           const char       *country)
{
  CsnPosition * const *positions;
  int member;

  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), NULL);

  positions = csn_position_index_get_positions (self, item);
  member = csn_position_index_find_member (self, country);
  if (positions == NULL || member < 0)
    return NULL;
  return positions[member];
}

/* How many member states take @stance on @item. */
guint
csn_position_index_count (CsnPositionIndex *self,
                          const char       *item,
                          CsnStance         stance)
{
  CsnPosition * const *positions;
  guint count = 0;

  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), 0);

  positions = csn_position_index_get_positions (self, item);
  for (guint i = 0; positions != NULL && i < self->members->len; i++)
    if (positions[i] != NULL && csn_position_get_stance (positions[i]) == stance)
      count++;
  return count;
}

static GPtrArray *
collect_members (CsnPositionIndex    *self,
                 CsnPosition * const *positions,
                 CsnStance            stance)
{
  GPtrArray *countries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; positions != NULL && i < self->members->len; i++)
    if (positions[i] != NULL && csn_position_get_stance (positions[i]) == stance)
      g_ptr_array_add (countries, g_object_ref (g_ptr_array_index (self->members, i)));
  return countries;
}

/**
 * csn_position_index_check_consensus:
 * @countries: (out) (optional): the member states whose positions contradict the consensus, when
 *   some do (objecting, or with a reservation); empty when all of them support
 *
 * The co-chairs decide a theme's consensus; this says where the positions received say otherwise.
 */
CsnConsensusConflict
csn_position_index_check_consensus (CsnPositionIndex  *self,
                                    CsnItem           *theme,
                                    GPtrArray        **countries)
{
  CsnPosition * const *positions;
  CsnConsensus consensus;
  guint n_members, supports, reserved, objects;
  CsnConsensusConflict conflict = CSN_CONSENSUS_CONFLICT_NONE;
  CsnStance named = CSN_STANCE_NO_POSITION;

  g_return_val_if_fail (CSN_IS_POSITION_INDEX (self), CSN_CONSENSUS_CONFLICT_NONE);
  g_return_val_if_fail (CSN_IS_THEME (theme), CSN_CONSENSUS_CONFLICT_NONE);

  if (countries != NULL)
    *countries = NULL;

  positions = csn_position_index_get_positions (self, csn_item_get_key (theme));
  n_members = self->members->len;
  consensus = csn_theme_get_consensus (CSN_THEME (theme));
  supports = csn_position_index_count (self, csn_item_get_key (theme), CSN_STANCE_SUPPORTS);
  reserved = csn_position_index_count (self, csn_item_get_key (theme), CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  objects = csn_position_index_count (self, csn_item_get_key (theme), CSN_STANCE_OBJECTS);

  if (positions == NULL || n_members == 0)
    return CSN_CONSENSUS_CONFLICT_NONE;

  switch (consensus)
    {
    case CSN_CONSENSUS_AGREED:
      if (objects > 0)
        {
          conflict = CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED;
          named = CSN_STANCE_OBJECTS;
        }
      else if (reserved > 0)
        {
          conflict = CSN_CONSENSUS_CONFLICT_AGREED_BUT_RESERVED;
          named = CSN_STANCE_SUPPORTS_WITH_RESERVATION;
        }
      break;
    case CSN_CONSENSUS_RESERVATIONS:
      if (objects > 0)
        {
          conflict = CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED;
          named = CSN_STANCE_OBJECTS;
        }
      else if (supports == n_members)
        conflict = CSN_CONSENSUS_CONFLICT_RESERVED_BUT_ALL_SUPPORT;
      break;
    case CSN_CONSENSUS_PENDING:
    default:
      if (supports + reserved == n_members)
        conflict = CSN_CONSENSUS_CONFLICT_PENDING_BUT_ALL_SUPPORT;
      break;
    }

  if (countries != NULL && conflict != CSN_CONSENSUS_CONFLICT_NONE)
    *countries = named != CSN_STANCE_NO_POSITION ? collect_members (self, positions, named)
                                                 : g_ptr_array_new_with_free_func (g_object_unref);
  return conflict;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
dup_position_label (CsnDraft   *draft,
                    CsnItem    *item,
                    const char *country,
                    gboolean    removing)
{
  g_autofree char *name = csn_draft_dup_ref_title (draft, CSN_COLLECTION_COUNTRIES, country);
  g_autofree char *on = csn_describe_item (draft, item);

  if (removing)
    /* Translators: an undo label, "Remove the position of México on Theme 3 “Trata de personas”" */
    return g_strdup_printf (_("Remove the position of %s on %s"), name, on);
  /* Translators: an undo label, "Note the position of México on Theme 3 “Trata de personas”" */
  return g_strdup_printf (_("Note the position of %s on %s"), name, on);
}

/**
 * csn_draft_note_position:
 *
 * Sets @country's stance and comment on @item as one undoable step, adding the position when it
 * has none. A new stance is noted as said in the meeting, today; a comment alone keeps where the
 * position came from and when.
 */
void
csn_draft_note_position (CsnDraft   *draft,
                         CsnItem    *item,
                         const char *country,
                         CsnStance   stance,
                         const char *comment)
{
  CsnPositionIndex *index;
  CsnPosition *existing;
  g_autofree char *label = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (CSN_IS_ITEM (item));
  g_return_if_fail (country != NULL);

  if (comment == NULL)
    comment = "";

  index = csn_position_index_get_for_draft (draft);
  existing = csn_position_index_lookup (index, csn_item_get_key (item), country);
  if (existing != NULL && csn_position_get_stance (existing) == stance &&
      g_strcmp0 (csn_position_get_comment (existing), comment) == 0)
    return;

  label = dup_position_label (draft, item, country, FALSE);
  today = dup_today ();

  csn_draft_begin_group (draft, label);
  if (existing == NULL)
    {
      g_autoptr(CsnPosition) position = csn_position_new ();
      g_autofree char *id = csn_draft_make_id (draft, CSN_COLLECTION_POSITIONS);

      /* A new item is filled in before it joins the draft; from then on only edits change it. */
      g_object_set (position,
                    CSN_POSITION_PROP_ID, id,
                    CSN_POSITION_PROP_COUNTRY, country,
                    CSN_POSITION_PROP_ITEM, csn_item_get_key (item),
                    CSN_POSITION_PROP_STANCE, stance,
                    CSN_POSITION_PROP_COMMENT, comment,
                    CSN_POSITION_PROP_SOURCE, CSN_POSITION_SOURCE_MEETING,
                    CSN_POSITION_PROP_RECEIVED, today,
                    NULL);
      csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (position));
    }
  else
    {
      CsnItem *position = CSN_ITEM (existing);

      g_object_ref (position);
      if (csn_position_get_stance (existing) != stance)
        {
          csn_draft_set_enum (draft, position, CSN_POSITION_PROP_STANCE, stance);
          if (csn_position_get_source (existing) != CSN_POSITION_SOURCE_MEETING)
            csn_draft_set_enum (draft, position, CSN_POSITION_PROP_SOURCE, CSN_POSITION_SOURCE_MEETING);
          if (g_strcmp0 (csn_position_get_received (existing), today) != 0)
            csn_draft_set_string (draft, position, CSN_POSITION_PROP_RECEIVED, today);
        }
      if (g_strcmp0 (csn_position_get_comment (existing), comment) != 0)
        csn_draft_set_string (draft, position, CSN_POSITION_PROP_COMMENT, comment);
      g_object_unref (position);
    }
  csn_draft_end_group (draft);
}

/* Removes @position from the draft, as one undoable step. */
void
csn_draft_forget_position (CsnDraft    *draft,
                           CsnPosition *position)
{
  g_autofree char *label = NULL;
  CsnItem *item;
  guint place;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (CSN_IS_POSITION (position));

  if (!csn_draft_find_position (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (position), &place))
    return;

  item = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, csn_position_get_item (position));
  if (item != NULL)
    label = dup_position_label (draft, item, csn_position_get_country (position), TRUE);
  else
    label = g_strdup (_("Remove position"));

  csn_draft_begin_group (draft, label);
  csn_draft_remove (draft, CSN_COLLECTION_POSITIONS, place);
  csn_draft_end_group (draft);
}
