/* csn-draft.c: the draft document, its lists, and the undoable edits every view goes through. */
#define G_LOG_DOMAIN "csn-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-actor.h"
#include "csn-country.h"
#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-endorsement.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-key-index.h"
#include "csn-mechanism.h"
#include "csn-meeting.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-position.h"
#include "csn-role-proposal.h"
#include "csn-safe-file.h"
#include "csn-strategy.h"
#include "csn-theme.h"
#include "csn-validation-private.h"

struct _CsnDraft
{
  GObject     parent_instance;

  CsnMeeting *meeting;
  CsnDocumentTexts *document;
  GListStore *collections[CSN_N_COLLECTIONS];
  CsnKeyIndex *indexes[CSN_N_COLLECTIONS];  /* by key, built at the first lookup, then kept */
  guint       keys_walked[CSN_N_COLLECTIONS]; /* new ids checked without the index: see has_key() */
  CsnKeyIndex *participants_by_country;     /* built at the first count, then kept */
  GHashTable *positions[CSN_N_COLLECTIONS]; /* item -> position + 1, built at the first search after a change */
  CsnValidation *validation;                /* made when a view first asks */
  CsnHistory *history;
  JsonObject *unknown;
  GFile      *file;
  CsnLineage *lineage;
  char       *saved_by;
};

G_DEFINE_FINAL_TYPE (CsnDraft, csn_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_DOCUMENT_TEXTS,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  const char *key;
  GType     (*get_type) (void);
  const char *add_label;
  const char *remove_label;
  const char *move_label;
  gboolean    optional;     /* added to format version 1 later: a file may lack the list */
} CollectionInfo;

static const CollectionInfo collections[CSN_N_COLLECTIONS] = {
  { "countries", csn_country_get_type,
    N_("Add country"), N_("Remove country “%s”"), N_("Move country “%s”") },
  { "pillars", csn_pillar_get_type,
    N_("Add pillar"), N_("Remove pillar “%s”"), N_("Move pillar “%s”") },
  { "actors", csn_actor_get_type,
    N_("Add actor"), N_("Remove actor “%s”"), N_("Move actor “%s”") },
  { "themes", csn_theme_get_type,
    N_("Add theme"), N_("Remove theme “%s”"), N_("Move theme “%s”") },
  { "strategies", csn_strategy_get_type,
    N_("Add strategy"), N_("Remove strategy “%s”"), N_("Move strategy “%s”") },
  { "mechanisms", csn_mechanism_get_type,
    N_("Add mechanism"), N_("Remove mechanism “%s”"), N_("Move mechanism “%s”") },
  { "role_proposals", csn_role_proposal_get_type,
    N_("Add role proposal"), N_("Remove role proposal “%s”"), N_("Move role proposal “%s”") },
  { "participants", csn_participant_get_type,
    N_("Add participant"), N_("Remove participant “%s”"), N_("Move participant “%s”") },
  { "endorsements", csn_endorsement_get_type,
    N_("Add endorsement"), N_("Remove endorsement of “%s”"), N_("Move endorsement of “%s”") },
  { "positions", csn_position_get_type,
    N_("Add position"), N_("Remove position “%s”"), N_("Move position “%s”"), TRUE },
};

/* What a reference to CSN_COLLECTION_AGENDA may point to, in lookup order. */
static const CsnCollection agenda_collections[] = {
  CSN_COLLECTION_THEMES,
  CSN_COLLECTION_STRATEGIES,
  CSN_COLLECTION_MECHANISMS,
  CSN_COLLECTION_ROLE_PROPOSALS,
};

G_DEFINE_QUARK (csn-draft-error-quark, csn_draft_error)

const char *
csn_collection_get_key (CsnCollection collection)
{
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  return collections[collection].key;
}

CsnCollection
csn_collection_from_key (const char *key)
{
  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    if (g_strcmp0 (collections[i].key, key) == 0)
      return i;
  return CSN_COLLECTION_NONE;
}

GType
csn_collection_get_item_type (CsnCollection collection)
{
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, G_TYPE_INVALID);
  return collections[collection].get_type ();
}

/* Whether a file of format version 1 may lack the list (it was added to the format later). */
gboolean
csn_collection_is_optional (CsnCollection collection)
{
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, FALSE);
  return collections[collection].optional;
}

/* The list an item of this type lives in, or CSN_COLLECTION_NONE (the meeting, a reservation). */
CsnCollection
csn_collection_for_item (CsnItem *item)
{
  g_return_val_if_fail (CSN_IS_ITEM (item), CSN_COLLECTION_NONE);

  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (item, collections[i].get_type ()))
      return i;
  return CSN_COLLECTION_NONE;
}

/* Whether a reference to @target may name an item of @collection. */
gboolean
csn_collection_matches_target (CsnCollection collection,
                               CsnCollection target)
{
  if (target != CSN_COLLECTION_AGENDA)
    return collection == target;
  for (guint i = 0; i < G_N_ELEMENTS (agenda_collections); i++)
    if (agenda_collections[i] == collection)
      return TRUE;
  return FALSE;
}

static void
free_indexes (CsnDraft *self)
{
  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    g_clear_pointer (&self->indexes[i], csn_key_index_free);
  g_clear_pointer (&self->participants_by_country, csn_key_index_free);
}

static void
on_history_changed_cb (CsnDraft   *self,
                       CsnHistory *history)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Connected before anyone else's handler, so that a view reacting to the change already finds the
 * indexes up to date. */
static void
on_collection_items_changed_cb (GListModel *model,
                                guint       position,
                                guint       removed,
                                guint       added,
                                gpointer    user_data)
{
  CsnKeyIndex **index = user_data;

  if (*index != NULL)
    csn_key_index_items_changed (*index, position, removed, added);
}

/* Positions move with any insertion, removal or move: the table is made again when next asked. */
static void
on_collection_positions_changed_cb (GListModel *model,
                                    guint       position,
                                    guint       removed,
                                    guint       added,
                                    gpointer    user_data)
{
  GHashTable **positions = user_data;

  g_clear_pointer (positions, g_hash_table_unref);
}

static void
on_history_modified_cb (CsnDraft   *self,
                        GParamSpec *pspec,
                        CsnHistory *history)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
csn_draft_dispose (GObject *object)
{
  CsnDraft *self = CSN_DRAFT (object);

  /* The few large blocks go before the items' many small ones: freed after them, a large block
   * makes malloc merge every small free chunk it keeps aside, a walk over the whole freed draft. */
  g_clear_object (&self->lineage);
  g_clear_pointer (&self->unknown, json_object_unref);
  if (self->validation != NULL)
    csn_validation_detach (self->validation);
  g_clear_object (&self->validation);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->meeting);
  g_clear_object (&self->document);
  free_indexes (self);
  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    {
      if (self->collections[i] != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->collections[i], &self->indexes[i]);
          g_signal_handlers_disconnect_by_data (self->collections[i], &self->participants_by_country);
          g_signal_handlers_disconnect_by_data (self->collections[i], &self->positions[i]);
        }
      g_clear_pointer (&self->positions[i], g_hash_table_unref);
    }
  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    g_clear_object (&self->collections[i]);
  g_clear_object (&self->file);
  g_clear_pointer (&self->saved_by, g_free);

  G_OBJECT_CLASS (csn_draft_parent_class)->dispose (object);
}

static void
csn_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsnDraft *self = CSN_DRAFT (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_DOCUMENT_TEXTS:
      g_value_set_object (value, self->document);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, csn_draft_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_draft_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsnDraft *self = CSN_DRAFT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      csn_draft_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_draft_class_init (CsnDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_draft_dispose;
  object_class->get_property = csn_draft_get_property;
  object_class->set_property = csn_draft_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, CSN_TYPE_MEETING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_TEXTS] =
    g_param_spec_object ("document-texts", NULL, NULL, CSN_TYPE_DOCUMENT_TEXTS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CSN_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every edit, undo and redo. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
csn_draft_init (CsnDraft *self)
{
  self->meeting = csn_meeting_new ();
  self->document = csn_document_texts_new ();
  for (guint i = 0; i < CSN_N_COLLECTIONS; i++)
    {
      self->collections[i] = g_list_store_new (collections[i].get_type ());
      g_signal_connect (self->collections[i], "items-changed",
                        G_CALLBACK (on_collection_items_changed_cb), &self->indexes[i]);
      g_signal_connect (self->collections[i], "items-changed",
                        G_CALLBACK (on_collection_positions_changed_cb), &self->positions[i]);
    }
  g_signal_connect (self->collections[CSN_COLLECTION_PARTICIPANTS], "items-changed",
                    G_CALLBACK (on_collection_items_changed_cb), &self->participants_by_country);
  self->unknown = json_object_new ();
  self->lineage = csn_lineage_new ();
  self->history = csn_history_new ();
  g_signal_connect_object (self->history, "changed",
                           G_CALLBACK (on_history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (on_history_modified_cb), self, G_CONNECT_SWAPPED);
}

/* An empty draft: default meeting data and empty lists. */
CsnDraft *
csn_draft_new (void)
{
  return g_object_new (CSN_TYPE_DRAFT, NULL);
}

CsnMeeting *
csn_draft_get_meeting (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->meeting;
}

/* The texts the group writes itself for its document (preamble, background, next steps, closing). */
CsnDocumentTexts *
csn_draft_get_document_texts (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->document;
}

GListModel *
csn_draft_get_collection (CsnDraft      *self,
                          CsnCollection  collection)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  return G_LIST_MODEL (self->collections[collection]);
}

CsnHistory *
csn_draft_get_history (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->history;
}

/* Top-level members this build does not know, kept for the next save. */
JsonObject *
csn_draft_get_unknown (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->unknown;
}

GFile *
csn_draft_get_file (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->file;
}

void
csn_draft_set_file (CsnDraft *self,
                    GFile    *file)
{
  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* The file's name, or "Untitled draft" before the first save. */
char *
csn_draft_dup_display_name (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);

  return csn_draft_dup_file_display_name (self->file);
}

/**
 * csn_draft_dup_file_display_name:
 * @file: (nullable): a draft's file
 *
 * The name a draft kept in @file goes by: the file's name, or "Untitled draft" without a file.
 */
char *
csn_draft_dup_file_display_name (GFile *file)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  if (file == NULL)
    return g_strdup (_("Untitled draft"));
  return csn_file_dup_display_basename (file);
}

/* Where this copy comes from; merges change it as part of their undoable step, saves directly. */
CsnLineage *
csn_draft_get_lineage (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->lineage;
}

const char *
csn_draft_get_saved_by (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return self->saved_by != NULL ? self->saved_by : "";
}

/* The co-chair's short name from Preferences, recorded by the next save. */
void
csn_draft_set_saved_by (CsnDraft   *self,
                        const char *saved_by)
{
  g_return_if_fail (CSN_IS_DRAFT (self));

  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by);
}

gboolean
csn_draft_get_modified (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  return csn_history_get_modified (self->history);
}

static CsnKeyIndex *
ensure_index (CsnDraft      *self,
              CsnCollection  collection)
{
  if (self->indexes[collection] == NULL)
    {
      g_autoptr(CsnItemClass) klass = g_type_class_ref (collections[collection].get_type ());
      const CsnField *key_field = csn_item_class_get_key_field (klass);

      self->indexes[collection] = csn_key_index_new (G_LIST_MODEL (self->collections[collection]),
                                                     csn_field_get_property_name (key_field, NULL),
                                                     TRUE);
    }
  return self->indexes[collection];
}

/* The item of @collection whose key is @key, or NULL; @collection may be CSN_COLLECTION_AGENDA. */
CsnItem *
csn_draft_lookup (CsnDraft      *self,
                  CsnCollection  collection,
                  const char    *key)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS || collection == CSN_COLLECTION_AGENDA, NULL);

  if (key == NULL)
    return NULL;

  if (collection == CSN_COLLECTION_AGENDA)
    {
      for (guint i = 0; i < G_N_ELEMENTS (agenda_collections); i++)
        {
          CsnItem *item = csn_key_index_lookup (ensure_index (self, agenda_collections[i]), key);

          if (item != NULL)
            return item;
        }
      return NULL;
    }

  return csn_key_index_lookup (ensure_index (self, collection), key);
}

/**
 * csn_draft_get_validation:
 *
 * The draft's one validation, shared by every view: made (and validated) at the first call, remade
 * once at idle after changes.
 *
 * Returns: (transfer none): the validation
 */
CsnValidation *
csn_draft_get_validation (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);

  if (self->validation == NULL)
    self->validation = csn_validation_new (self);
  return self->validation;
}

/* How many participants the delegation of @country has, without a pass over them: what the quota
 * cells and the delegations page ask at every change. */
guint
csn_draft_count_participants (CsnDraft   *self,
                              const char *country)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), 0);

  if (self->participants_by_country == NULL)
    self->participants_by_country =
      csn_key_index_new (G_LIST_MODEL (self->collections[CSN_COLLECTION_PARTICIPANTS]),
                         CSN_PARTICIPANT_PROP_COUNTRY, FALSE);
  return csn_key_index_count (self->participants_by_country, country);
}

gboolean
csn_draft_find_position (CsnDraft      *self,
                         CsnCollection  collection,
                         CsnItem       *item,
                         guint         *position)
{
  GHashTable *positions;
  guint found;

  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, FALSE);

  /* Every row of a filtered list asks: one walk per change of the list, not one per row. */
  if (self->positions[collection] == NULL)
    {
      GListModel *model = G_LIST_MODEL (self->collections[collection]);
      guint n_items = g_list_model_get_n_items (model);

      positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) each = g_list_model_get_item (model, i);

          g_hash_table_insert (positions, each, GUINT_TO_POINTER (i + 1));
        }
      self->positions[collection] = positions;
    }
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions[collection], item));
  if (found == 0)
    return FALSE;
  if (position != NULL)
    *position = found - 1;
  return TRUE;
}

/* The title of the item @key points to, or @key itself when it points nowhere. */
char *
csn_draft_dup_ref_title (CsnDraft      *self,
                         CsnCollection  collection,
                         const char    *key)
{
  CsnItem *item;

  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);

  item = csn_draft_lookup (self, collection, key);
  if (item == NULL)
    return g_strdup (key != NULL ? key : "");
  return csn_item_dup_title (item);
}

/* Whether an item of @collection has the key @key, for a new id. Making the collection's index for
 * it cost the first strategy added to the large draft 9.2 M instructions (a watch on each of its
 * 5,000 strategies); comparing each key costs 2.7 M. So the keys are compared, unless a lookup made
 * the index already, or many new ids were made: then the index is made, and kept. */
#define MAX_KEYS_WALKED 16

static gboolean
has_key (CsnDraft      *self,
         CsnCollection  collection,
         const char    *key)
{
  GListModel *list = G_LIST_MODEL (self->collections[collection]);
  guint n_items;

  if (self->indexes[collection] != NULL || self->keys_walked[collection] >= MAX_KEYS_WALKED)
    return csn_draft_lookup (self, collection, key) != NULL;
  self->keys_walked[collection]++;
  n_items = g_list_model_get_n_items (list);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (csn_item_get_key (item), key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A new id for @collection, "theme-3f9a1c2e": the prefix and a random part, so that copies of a
 * draft edited apart never give two different items the same id. */
char *
csn_draft_make_id (CsnDraft      *self,
                   CsnCollection  collection)
{
  g_autoptr(CsnItemClass) klass = NULL;
  const char *prefix;

  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);

  klass = g_type_class_ref (collections[collection].get_type ());
  prefix = csn_item_class_get_id_prefix (klass);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%08" G_GINT32_MODIFIER "x", prefix, g_random_int ());

      if (!has_key (self, collection, id))
        return id;
      g_free (id);
    }
}

/* Puts @title in place of the "%s" of a translated label from the table above. */
static char *
fill_label (const char *msgid,
            const char *title)
{
  GString *label = g_string_new (_(msgid));

  g_string_replace (label, "%s", title, 1);
  return g_string_free (label, FALSE);
}

/* "Remove theme “Labour migration”": the label of the undo step that removes an item of @collection. */
char *
csn_collection_dup_remove_label (CsnCollection  collection,
                                 const char    *title)
{
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  return fill_label (collections[collection].remove_label, title);
}

/* An item without a name of its own, said as a person would: never its id or code ("MX"). */
static char *
dup_untitled_label (CsnDraft *self,
                    CsnItem  *item)
{
  CsnCollection collection = csn_collection_for_item (item);
  g_autofree char *country = NULL;
  guint position = 0;

  if (collection == CSN_COLLECTION_ENDORSEMENTS || collection == CSN_COLLECTION_POSITIONS)
    country = csn_draft_dup_ref_title (self, CSN_COLLECTION_COUNTRIES, csn_item_get_string (item, "country"));
  /* A reservation belongs to no list of the draft: it is described with its theme below. */
  if (collection < CSN_N_COLLECTIONS && csn_draft_find_position (self, collection, item, &position))
    position++;

  switch (collection)
    {
    case CSN_COLLECTION_ENDORSEMENTS:
      /* Translators: in undo labels: "Change status of the endorsement of México" */
      return g_strdup_printf (_("the endorsement of %s"), country);
    case CSN_COLLECTION_POSITIONS:
      return g_strdup_printf (_("the position of %s"), country);
    case CSN_COLLECTION_COUNTRIES:
      /* Translators: in undo labels, an item without a name yet: "Change name of country 12" */
      return g_strdup_printf (_("country %u"), position);
    case CSN_COLLECTION_PILLARS:
      return g_strdup_printf (_("pillar %u"), position);
    case CSN_COLLECTION_ACTORS:
      return g_strdup_printf (_("actor %u"), position);
    case CSN_COLLECTION_THEMES:
      return g_strdup_printf (_("theme %u"), position);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (_("strategy %u"), position);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (_("mechanism %u"), position);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (_("role proposal %u"), position);
    case CSN_COLLECTION_PARTICIPANTS:
      return g_strdup_printf (_("participant %u"), position);
    default:
      return csn_describe_item (self, item);
    }
}

/* The item's own name, or NULL when it has none: its title would be its id or code. */
static char *
dup_own_title (CsnItem *item)
{
  g_autofree char *title = csn_item_dup_title (item);
  const char *key = csn_item_get_key (item);

  if (title[0] == '\0' || (key != NULL && g_str_equal (title, key)))
    return NULL;
  return g_steal_pointer (&title);
}

/* "participant 3", "the endorsement of México" for an item without a name of its own; NULL for
 * one with a name, which messages quote. */
char *
csn_draft_dup_untitled_name (CsnDraft *self,
                             CsnItem  *item)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  title = dup_own_title (item);
  return title == NULL ? dup_untitled_label (self, item) : NULL;
}

/* How an undo label names @item: “its title” in quotes, else what it is ("the endorsement of México"). */
static char *
dup_item_label (CsnDraft *self,
                CsnItem  *item)
{
  g_autofree char *title = NULL;

  if (CSN_IS_MEETING (item))
    return g_strdup (_("the meeting"));
  if (CSN_IS_DOCUMENT_TEXTS (item))
    return g_strdup (_("the document"));
  title = dup_own_title (item);
  if (title == NULL)
    return dup_untitled_label (self, item);
  /* Translators: an item's title in undo labels: "Change horizon of “Labour migration”" */
  return g_strdup_printf (_("“%s”"), title);
}

void
csn_draft_set_value (CsnDraft     *self,
                     CsnItem      *item,
                     const char   *property,
                     const GValue *value)
{
  const CsnField *field;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (item));

  field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  g_return_if_fail (field != NULL);

  title = dup_item_label (self, item);
  /* Translators: "Change horizon of “Labour migration”", "Change status of the endorsement of México" */
  label = g_strdup_printf (_("Change %s of %s"), _(field->label), title);
  csn_history_set_property (self->history, label, G_OBJECT (item), property, value);
}

void
csn_draft_set_string (CsnDraft   *self,
                      CsnItem    *item,
                      const char *property,
                      const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  csn_draft_set_value (self, item, property, &gvalue);
}

void
csn_draft_set_enum (CsnDraft   *self,
                    CsnItem    *item,
                    const char *property,
                    int         value)
{
  GParamSpec *pspec;
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (CSN_IS_ITEM (item));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_if_fail (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec));

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  csn_draft_set_value (self, item, property, &gvalue);
}

void
csn_draft_set_int (CsnDraft   *self,
                   CsnItem    *item,
                   const char *property,
                   int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  csn_draft_set_value (self, item, property, &gvalue);
}

void
csn_draft_set_strv (CsnDraft           *self,
                    CsnItem            *item,
                    const char         *property,
                    const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);
  csn_draft_set_value (self, item, property, &gvalue);
}

/* Adds @key to (or removes it from) a list field such as raised_by, as one step. */
void
csn_draft_set_in_list (CsnDraft   *self,
                       CsnItem    *item,
                       const char *property,
                       const char *key,
                       gboolean    present)
{
  const CsnField *field;
  const char * const *current;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autofree char *title = NULL;
  g_autofree char *ref_title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (item));
  g_return_if_fail (key != NULL);

  field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  g_return_if_fail (field != NULL && field->kind == CSN_FIELD_REF_LIST);

  current = csn_item_get_strv (item, property);
  if (g_strv_contains (current, key) == !!present)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; current[i] != NULL; i++)
    if (present || !g_str_equal (current[i], key))
      g_strv_builder_add (builder, current[i]);
  if (present)
    g_strv_builder_add (builder, key);
  updated = g_strv_builder_end (builder);

  title = dup_item_label (self, item);
  ref_title = csn_draft_dup_ref_title (self, field->target, key);
  if (present)
    /* Translators: "Add “México” to raised by of “Labour migration”" */
    label = g_strdup_printf (_("Add “%s” to %s of %s"), ref_title, _(field->label), title);
  else
    label = g_strdup_printf (_("Remove “%s” from %s of %s"), ref_title, _(field->label), title);

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, updated);
  csn_history_set_property (self->history, label, G_OBJECT (item), property, &gvalue);
}

/* Inserts @item as one step, giving it a new id when it has none. */
void
csn_draft_insert (CsnDraft      *self,
                  CsnCollection  collection,
                  guint          position,
                  CsnItem       *item)
{
  const CsnField *key_field;
  const char *key;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (collection < CSN_N_COLLECTIONS);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, collections[collection].get_type ()));

  key_field = csn_item_class_get_key_field (CSN_ITEM_GET_CLASS (item));
  key = csn_item_get_key (item);
  if ((key == NULL || key[0] == '\0') && csn_item_class_get_id_prefix (CSN_ITEM_GET_CLASS (item)) != NULL &&
      key_field->kind == CSN_FIELD_TEXT)
    {
      g_autofree char *id = csn_draft_make_id (self, collection);
      g_object_set (item, csn_field_get_property_name (key_field, NULL), id, NULL);
    }

  csn_history_insert (self->history, _(collections[collection].add_label),
                      self->collections[collection], position, item);
}

void
csn_draft_append (CsnDraft      *self,
                  CsnCollection  collection,
                  CsnItem       *item)
{
  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (collection < CSN_N_COLLECTIONS);

  csn_draft_insert (self, collection,
                    g_list_model_get_n_items (G_LIST_MODEL (self->collections[collection])),
                    item);
}

/* "Remove theme “Migración laboral”": the label of a step on the item at @position. */
static char *
dup_item_step_label (CsnDraft      *self,
                     CsnCollection  collection,
                     guint          position,
                     const char    *msgid)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (G_LIST_MODEL (self->collections[collection]), position);
  g_autofree char *title = NULL;

  if (item == NULL)
    return NULL;
  title = dup_own_title (item);
  if (title == NULL)
    {
      g_autofree char *untitled = dup_untitled_label (self, item);

      /* Translators: an undo label on an item without a name: "Remove participant 3" */
      return g_strdup_printf (msgid == collections[collection].remove_label ? _("Remove %s") : _("Move %s"),
                              untitled);
    }
  return fill_label (msgid, title);
}

void
csn_draft_remove (CsnDraft      *self,
                  CsnCollection  collection,
                  guint          position)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (collection < CSN_N_COLLECTIONS);

  label = dup_item_step_label (self, collection, position, collections[collection].remove_label);
  g_return_if_fail (label != NULL);
  csn_history_remove (self->history, label, self->collections[collection], position);
}

void
csn_draft_move (CsnDraft      *self,
                CsnCollection  collection,
                guint          from,
                guint          to)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (collection < CSN_N_COLLECTIONS);

  label = dup_item_step_label (self, collection, from, collections[collection].move_label);
  g_return_if_fail (label != NULL);
  csn_history_move (self->history, label, self->collections[collection], from, to);
}

static GListStore *
get_child_store (CsnItem    *parent,
                 const char *property)
{
  const CsnField *field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (parent), property);

  g_return_val_if_fail (field != NULL && field->kind == CSN_FIELD_CHILDREN, NULL);
  return G_LIST_STORE (csn_item_get_children (parent, property));
}

void
csn_draft_insert_child (CsnDraft   *self,
                        CsnItem    *parent,
                        const char *property,
                        guint       position,
                        CsnItem    *child)
{
  GListStore *store;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (parent));

  store = get_child_store (parent, property);
  g_return_if_fail (store != NULL);

  title = csn_item_dup_title (parent);
  label = g_strdup_printf (_("Add reservation to “%s”"), title);
  csn_history_insert (self->history, label, store, position, child);
}

void
csn_draft_remove_child (CsnDraft   *self,
                        CsnItem    *parent,
                        const char *property,
                        guint       position)
{
  GListStore *store;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (parent));

  store = get_child_store (parent, property);
  g_return_if_fail (store != NULL);

  title = csn_item_dup_title (parent);
  label = g_strdup_printf (_("Remove reservation from “%s”"), title);
  csn_history_remove (self->history, label, store, position);
}

void
csn_draft_begin_group (CsnDraft   *self,
                       const char *label)
{
  g_return_if_fail (CSN_IS_DRAFT (self));
  csn_history_begin_group (self->history, label);
}

void
csn_draft_end_group (CsnDraft *self)
{
  g_return_if_fail (CSN_IS_DRAFT (self));
  csn_history_end_group (self->history);
}

gboolean
csn_draft_undo (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  return csn_history_undo (self->history);
}

gboolean
csn_draft_redo (CsnDraft *self)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  return csn_history_redo (self->history);
}

static void
set_translation (CsnDraft       *self,
                 CsnItem        *item,
                 const CsnField *field,
                 CsnLanguage     language,
                 const char     *text,
                 const char     *label)
{
  g_auto(GValue) text_value = G_VALUE_INIT;
  g_auto(GValue) from_value = G_VALUE_INIT;

  g_value_init (&text_value, G_TYPE_STRING);
  g_value_set_string (&text_value, text);
  g_value_init (&from_value, G_TYPE_STRING);
  g_value_set_string (&from_value,
                      text[0] != '\0' ? csn_item_get_string (item, csn_field_get_property_name (field, NULL)) : "");

  csn_history_begin_group (self->history, label);
  csn_history_set_property (self->history, label, G_OBJECT (item),
                            csn_field_get_translation_property (field, language, FALSE), &text_value);
  csn_history_set_property (self->history, label, G_OBJECT (item),
                            csn_field_get_translation_property (field, language, TRUE), &from_value);
  csn_history_end_group (self->history);
}

/* Sets the translation of @field into @language as one step, made from the source text as it is
 * now; an empty @text removes it. Setting the text it already has marks it up to date. */
void
csn_draft_set_translation (CsnDraft       *self,
                           CsnItem        *item,
                           const CsnField *field,
                           CsnLanguage     language,
                           const char     *text)
{
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (item));
  g_return_if_fail (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE));
  g_return_if_fail (text != NULL);

  title = dup_item_label (self, item);
  /* A sentence for each language: a language's name in running text is not always its label. */
  if (language == CSN_LANGUAGE_EN)
    /* Translators: "Translate description of “Labour migration” into English" */
    label = g_strdup_printf (_("Translate %s of %s into English"), _(field->label), title);
  else
    /* Translators: "Translate description of “Labour migration” into Spanish" */
    label = g_strdup_printf (_("Translate %s of %s into Spanish"), _(field->label), title);
  set_translation (self, item, field, language, text, label);
}

/* Marks the outdated translation of @field into @language as made from the source text as it is
 * now, its text unchanged, as one step (gettext's "unfuzzy"). Does nothing to a translation that
 * is missing or up to date. */
void
csn_draft_accept_translation (CsnDraft       *self,
                              CsnItem        *item,
                              const CsnField *field,
                              CsnLanguage     language)
{
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (CSN_IS_ITEM (item));
  g_return_if_fail (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE));

  if (csn_item_get_translation_state (item, field, language) != CSN_TRANSLATION_OUTDATED)
    return;
  title = dup_item_label (self, item);
  if (language == CSN_LANGUAGE_EN)
    /* Translators: "Mark translation of description of “Labour migration” into English as up to date" */
    label = g_strdup_printf (_("Mark translation of %s of %s into English as up to date"), _(field->label), title);
  else
    /* Translators: "Mark translation of description of “Labour migration” into Spanish as up to date" */
    label = g_strdup_printf (_("Mark translation of %s of %s into Spanish as up to date"), _(field->label), title);
  set_translation (self, item, field, language, csn_item_get_translation (item, field, language, NULL), label);
}
