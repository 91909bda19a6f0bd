/* csn-change.c: one incoming change to a draft, what it would do, and the co-chairs' choice. */
#define G_LOG_DOMAIN "csn-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-change.h"
#include "csn-change-private.h"
#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-item-private.h"
#include "csn-history.h"
#include "csn-meeting.h"
#include "csn-unknown-members.h"

struct _CsnChange
{
  GObject        parent_instance;

  CsnChangeKind  kind;
  CsnCollection  collection;   /* the top-level list of the item, or of its parent */
  CsnItem       *item;         /* the item changed, added or removed; SET_UNKNOWN: NULL for the file */
  CsnItem       *parent;       /* for a child item (a reservation): its theme */
  const char    *property;     /* interned: the field, or the parent's list of children */
  GValue         incoming;     /* SET_FIELD */
  GValue         base;         /* the common ancestor's value, when known */
  GArray        *companions;   /* SET_FIELD: Companion, other fields set along with it */
  char          *key;          /* ADD_TO_SET, REMOVE_FROM_SET; SET_UNKNOWN: the member's name */
  GStrv          after_keys;   /* ADD_ITEM: insert after the first of these still there; NULL: first */
  int            child_position;
  gboolean       append;       /* ADD_ITEM: last, wherever that is */
  gboolean       conflict;
  gboolean       accepted;
  gboolean       applicable;
  char          *note;
  /* Interned: tens of thousands of answers come from a handful of files and countries. */
  const char    *origin;
  const char    *country;
  CsnChangeSet  *owner;        /* not held: the set holds the change, and clears this in dispose */
};

typedef struct {
  const char *property;  /* interned */
  GValue      value;
} Companion;

G_DEFINE_FINAL_TYPE (CsnChange, csn_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CsnChangeKind, csn_change_kind,
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_SET_FIELD, "set-field"),
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_ADD_ITEM, "add-item"),
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_REMOVE_ITEM, "remove-item"),
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_ADD_TO_SET, "add-to-set"),
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_REMOVE_FROM_SET, "remove-from-set"),
  G_DEFINE_ENUM_VALUE (CSN_CHANGE_SET_UNKNOWN, "set-unknown"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACCEPTED,
  PROP_CONFLICT,
  PROP_APPLICABLE,
  PROP_NOTE,
  PROP_ORIGIN,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_change_finalize (GObject *object)
{
  CsnChange *self = CSN_CHANGE (object);

  g_clear_object (&self->item);
  g_clear_object (&self->parent);
  if (G_IS_VALUE (&self->incoming))
    g_value_unset (&self->incoming);
  if (G_IS_VALUE (&self->base))
    g_value_unset (&self->base);
  g_clear_pointer (&self->companions, g_array_unref);
  g_free (self->key);
  g_strfreev (self->after_keys);
  g_free (self->note);

  G_OBJECT_CLASS (csn_change_parent_class)->finalize (object);
}

static void
csn_change_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsnChange *self = CSN_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_APPLICABLE:
      g_value_set_boolean (value, self->applicable);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_change_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsnChange *self = CSN_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      csn_change_set_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_change_class_init (CsnChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_change_finalize;
  object_class->get_property = csn_change_get_property;
  object_class->set_property = csn_change_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CSN_TYPE_CHANGE_KIND, CSN_CHANGE_SET_FIELD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_APPLICABLE] =
    g_param_spec_boolean ("applicable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_change_init (CsnChange *self)
{
  self->accepted = TRUE;
  self->applicable = TRUE;
  self->child_position = -1;
}

static CsnChange *
change_new (CsnChangeKind  kind,
            CsnCollection  collection,
            CsnItem       *item,
            CsnItem       *parent,
            const char    *property)
{
  CsnChange *self = g_object_new (CSN_TYPE_CHANGE, NULL);

  self->kind = kind;
  self->collection = collection;
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->property = property != NULL ? g_intern_string (property) : NULL;
  return self;
}

/* @item (in the draft) takes @incoming as its @property. */
CsnChange *
csn_change_new_set_field (CsnItem      *item,
                          const char   *property,
                          const GValue *incoming)
{
  CsnChange *self;
  GParamSpec *pspec;

  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_VALUE (incoming), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  self = change_new (CSN_CHANGE_SET_FIELD, csn_collection_for_item (item), item, NULL, property);
  g_value_init (&self->incoming, pspec->value_type);
  g_value_copy (incoming, &self->incoming);
  return self;
}

/* @item (not in the draft) enters @collection right after the item keyed @after_key (NULL: first;
 * a key no longer there: last). */
CsnChange *
csn_change_new_add_item (CsnCollection  collection,
                         CsnItem       *item,
                         const char    *after_key)
{
  CsnChange *self;

  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  self = change_new (CSN_CHANGE_ADD_ITEM, collection, item, NULL, NULL);
  if (after_key != NULL)
    {
      const char *keys[] = { after_key, NULL };
      self->after_keys = g_strdupv ((char **) keys);
    }
  return self;
}

/* Like csn_change_new_add_item(), with fallbacks: @item enters right after the first of
 * @after_keys still in the list (its neighbours in the incoming copy, nearest first), last when
 * none is, first when @after_keys is empty. */
CsnChange *
csn_change_new_add_item_after (CsnCollection       collection,
                               CsnItem            *item,
                               const char * const *after_keys)
{
  CsnChange *self;

  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  self = change_new (CSN_CHANGE_ADD_ITEM, collection, item, NULL, NULL);
  if (after_keys != NULL && after_keys[0] != NULL)
    self->after_keys = g_strdupv ((char **) after_keys);
  return self;
}

/* @item (not in the draft) enters @collection last, as the delegations' answers do. */
CsnChange *
csn_change_new_append_item (CsnCollection  collection,
                            CsnItem       *item)
{
  CsnChange *self;

  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  self = change_new (CSN_CHANGE_ADD_ITEM, collection, item, NULL, NULL);
  self->append = TRUE;
  return self;
}

/* @child (a reservation) enters @parent's @property at @position (-1: last). */
CsnChange *
csn_change_new_add_child (CsnItem    *parent,
                          const char *property,
                          CsnItem    *child,
                          int         position)
{
  CsnChange *self;

  g_return_val_if_fail (CSN_IS_ITEM (parent), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (child), NULL);

  self = change_new (CSN_CHANGE_ADD_ITEM, csn_collection_for_item (parent), child, parent, property);
  self->child_position = position;
  return self;
}

CsnChange *
csn_change_new_remove_item (CsnCollection  collection,
                            CsnItem       *item)
{
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  return change_new (CSN_CHANGE_REMOVE_ITEM, collection, item, NULL, NULL);
}

CsnChange *
csn_change_new_remove_child (CsnItem    *parent,
                             const char *property,
                             CsnItem    *child)
{
  g_return_val_if_fail (CSN_IS_ITEM (parent), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (child), NULL);

  return change_new (CSN_CHANGE_REMOVE_ITEM, csn_collection_for_item (parent), child, parent, property);
}

/* @key joins (@present) or leaves @item's list field @property. */
CsnChange *
csn_change_new_set_member (CsnItem    *item,
                           const char *property,
                           const char *key,
                           gboolean    present)
{
  CsnChange *self;

  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = change_new (present ? CSN_CHANGE_ADD_TO_SET : CSN_CHANGE_REMOVE_FROM_SET,
                     csn_collection_for_item (item), item, NULL, property);
  self->key = g_strdup (key);
  return self;
}

/* The member @member of @item's unknown members (@item NULL: of the file's top level) takes
 * @incoming, a copy of it kept; NULL removes the member. */
CsnChange *
csn_change_new_set_unknown (CsnItem    *item,
                            const char *member,
                            JsonNode   *incoming)
{
  CsnChange *self;

  g_return_val_if_fail (item == NULL || CSN_IS_ITEM (item), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  self = change_new (CSN_CHANGE_SET_UNKNOWN, item != NULL ? csn_collection_for_item (item) : CSN_COLLECTION_NONE,
                     item, NULL, NULL);
  self->key = g_strdup (member);
  g_value_init (&self->incoming, JSON_TYPE_NODE);
  g_value_set_boxed (&self->incoming, incoming);
  return self;
}

CsnChangeKind
csn_change_get_kind (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), CSN_CHANGE_SET_FIELD);
  return self->kind;
}

CsnItem *
csn_change_get_item (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->item;
}

CsnItem *
csn_change_get_parent (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->parent;
}

const char *
csn_change_get_property_name (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->property;
}

/* The list the change belongs to, for grouping by page; CSN_COLLECTION_NONE for the meeting and
 * the document's texts. */
CsnCollection
csn_change_get_collection (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), CSN_COLLECTION_NONE);
  return self->collection;
}

const GValue *
csn_change_get_incoming (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return G_IS_VALUE (&self->incoming) ? &self->incoming : NULL;
}

const char *
csn_change_get_member_key (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->key;
}

const char *
csn_change_get_after_key (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->after_keys != NULL ? self->after_keys[0] : NULL;
}

const GValue *
csn_change_get_base (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return G_IS_VALUE (&self->base) ? &self->base : NULL;
}

/* The common ancestor's value of a SET_FIELD change, shown beside mine and theirs. */
void
csn_change_set_base (CsnChange    *self,
                     const GValue *base)
{
  g_return_if_fail (CSN_IS_CHANGE (self));
  g_return_if_fail (self->kind == CSN_CHANGE_SET_FIELD || self->kind == CSN_CHANGE_SET_UNKNOWN);

  if (G_IS_VALUE (&self->base))
    g_value_unset (&self->base);
  if (base != NULL)
    {
      g_value_init (&self->base, G_VALUE_TYPE (&self->incoming));
      g_value_copy (base, &self->base);
    }
}

static void
companion_clear (gpointer data)
{
  Companion *companion = data;

  g_value_unset (&companion->value);
}

/*
 * When the SET_FIELD change is applied, @property of the same item takes @value too, in the same
 * step: an answer's date and source ride along with its stance or comment. Companions are not
 * shown or compared; the change is current or not by its own field alone.
 */
void
csn_change_add_companion (CsnChange    *self,
                          const char   *property,
                          const GValue *value)
{
  GParamSpec *pspec;
  Companion companion = { 0 };

  g_return_if_fail (CSN_IS_CHANGE (self));
  g_return_if_fail (self->kind == CSN_CHANGE_SET_FIELD);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), property);
  g_return_if_fail (pspec != NULL && g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type));

  if (self->companions == NULL)
    {
      self->companions = g_array_new (FALSE, TRUE, sizeof (Companion));
      g_array_set_clear_func (self->companions, companion_clear);
    }
  companion.property = g_intern_string (property);
  g_value_init (&companion.value, pspec->value_type);
  g_value_copy (value, &companion.value);
  g_array_append_val (self->companions, companion);
}

gboolean
csn_change_get_conflict (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), FALSE);
  return self->conflict;
}

/* Both sides changed it differently: accepting takes the incoming side, rejecting keeps the draft's. */
void
csn_change_set_conflict (CsnChange *self,
                         gboolean   conflict)
{
  g_return_if_fail (CSN_IS_CHANGE (self));

  conflict = !!conflict;
  if (self->conflict == conflict)
    return;
  self->conflict = conflict;
  if (self->owner != NULL)
    csn_change_set_count_conflict (self->owner, conflict);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
}

gboolean
csn_change_get_accepted (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), FALSE);
  return self->accepted;
}

void
csn_change_set_accepted (CsnChange *self,
                         gboolean   accepted)
{
  g_return_if_fail (CSN_IS_CHANGE (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;
  self->accepted = accepted;
  if (self->owner != NULL)
    csn_change_set_count_accepted (self->owner, accepted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}

CsnChangeSet *
csn_change_get_owner (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->owner;
}

void
csn_change_set_owner (CsnChange    *self,
                      CsnChangeSet *owner)
{
  g_return_if_fail (CSN_IS_CHANGE (self));
  self->owner = owner;
}

/* A change that can never be applied (an answer on an item deleted since the export, from another
 * draft, older than one already applied) is shown with the reason, never applied. */
gboolean
csn_change_get_applicable (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), FALSE);
  return self->applicable;
}

const char *
csn_change_get_note (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->note;
}

void
csn_change_set_note (CsnChange  *self,
                     gboolean    applicable,
                     const char *note)
{
  g_return_if_fail (CSN_IS_CHANGE (self));

  applicable = !!applicable;
  if (self->applicable != applicable)
    {
      self->applicable = applicable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICABLE]);
    }
  if (g_strcmp0 (self->note, note) != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
  if (!applicable)
    csn_change_set_accepted (self, FALSE);
}

/* Who made the change: a co-chair's name ("ST") or a delegation's file. */
const char *
csn_change_get_origin (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->origin;
}

void
csn_change_set_origin (CsnChange  *self,
                       const char *origin)
{
  g_return_if_fail (CSN_IS_CHANGE (self));

  if (g_strcmp0 (self->origin, origin) == 0)
    return;
  self->origin = g_intern_string (origin);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

/* The member state whose answer this is, for grouping the delegations' answers by country. */
const char *
csn_change_get_country (CsnChange *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  return self->country;
}

void
csn_change_set_country (CsnChange  *self,
                        const char *country)
{
  g_return_if_fail (CSN_IS_CHANGE (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;
  self->country = g_intern_string (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

static const CsnField *
get_field (CsnChange *self)
{
  return csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (self->item), self->property);
}

/* Whether the change's item (or its parent) is in @draft now, the very object. */
static gboolean
is_in_draft (CsnDraft *draft,
             CsnItem  *item)
{
  CsnCollection collection;

  if (CSN_IS_MEETING (item))
    return item == CSN_ITEM (csn_draft_get_meeting (draft));
  if (CSN_IS_DOCUMENT_TEXTS (item))
    return item == CSN_ITEM (csn_draft_get_document_texts (draft));
  collection = csn_collection_for_item (item);
  if (collection == CSN_COLLECTION_NONE)
    return csn_describe_find_parent (draft, item, NULL) != NULL;
  return csn_draft_lookup (draft, collection, csn_item_get_key (item)) == item;
}

static gboolean
child_position (CsnChange *self,
                guint     *position)
{
  return g_list_store_find (G_LIST_STORE (csn_item_get_children (self->parent, self->property)),
                            self->item, position);
}

/* The unknown members the SET_UNKNOWN change is about: its item's, or the file's. */
static JsonObject *
unknown_owner (CsnChange *self,
               CsnDraft  *draft)
{
  return self->item != NULL ? csn_item_get_unknown (self->item) : csn_draft_get_unknown (draft);
}

/* An unknown member's value as compact JSON ("" when absent). */
static char *
dup_json_text (const GValue *value)
{
  JsonNode *node = value != NULL ? g_value_get_boxed (value) : NULL;

  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("");
}

/* "Theme 3 “Trata…”: “x-priority”", "The file: “x-generator”". */
static char *
dup_unknown_place (CsnChange *self,
                   CsnDraft  *draft)
{
  g_autofree char *described = NULL;

  if (self->item == NULL)
    /* Translators: a member of the file that this version of Consenso does not know: "The file: “x-generator”" */
    return g_strdup_printf (_("The file: “%s”"), self->key);
  described = csn_describe_item (draft, self->item);
  /* Translators: a member of an item that this version of Consenso does not know: "Theme 3 “Trata…”: “x-priority”" */
  return g_strdup_printf (_("%s: “%s”"), described, self->key);
}

/* "Theme 3 “Trata…”: horizon"; for an item not in the draft yet, its name. */
char *
csn_change_dup_place (CsnChange *self,
                      CsnDraft  *draft)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  switch (self->kind)
    {
    case CSN_CHANGE_SET_UNKNOWN:
      return dup_unknown_place (self, draft);
    case CSN_CHANGE_SET_FIELD:
    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      return csn_describe_place (draft, self->item, self->property);
    case CSN_CHANGE_ADD_ITEM:
    case CSN_CHANGE_REMOVE_ITEM:
    default:
      if (self->parent != NULL && self->kind == CSN_CHANGE_ADD_ITEM)
        {
          g_autofree char *parent = csn_describe_item (draft, self->parent);
          g_autofree char *country = csn_draft_dup_ref_title (draft, CSN_COLLECTION_COUNTRIES,
                                                              csn_item_get_string (self->item, "country"));
          return g_strdup_printf (_("Reservation of %s on %s"), country, parent);
        }
      return csn_describe_item (draft, self->item);
    }
}

/* What the draft has now at the change's place ("" when it has nothing there). */
char *
csn_change_dup_current_text (CsnChange *self,
                             CsnDraft  *draft)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  switch (self->kind)
    {
    case CSN_CHANGE_SET_UNKNOWN:
      {
        JsonNode *node = json_object_get_member (unknown_owner (self, draft), self->key);
        return node != NULL ? json_to_string (node, FALSE) : g_strdup ("");
      }
    case CSN_CHANGE_SET_FIELD:
    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      return csn_describe_current_value (draft, self->item, self->property);
    case CSN_CHANGE_REMOVE_ITEM:
      return csn_item_dup_title (self->item);
    case CSN_CHANGE_ADD_ITEM:
    default:
      return g_strdup ("");
    }
}

/* What the change brings: the new value, the added item's name or the key joining a list. */
char *
csn_change_dup_incoming_text (CsnChange *self,
                              CsnDraft  *draft)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  switch (self->kind)
    {
    case CSN_CHANGE_SET_UNKNOWN:
      return dup_json_text (&self->incoming);
    case CSN_CHANGE_SET_FIELD:
      return csn_describe_value (draft, self->item, self->property, &self->incoming);
    case CSN_CHANGE_ADD_ITEM:
      return csn_item_dup_title (self->item);
    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      return csn_draft_dup_ref_title (draft, get_field (self)->target, self->key);
    case CSN_CHANGE_REMOVE_ITEM:
    default:
      return g_strdup ("");
    }
}

char *
csn_change_dup_base_text (CsnChange *self,
                          CsnDraft  *draft)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  if (!G_IS_VALUE (&self->base))
    return NULL;
  if (self->kind == CSN_CHANGE_SET_UNKNOWN)
    return dup_json_text (&self->base);
  return csn_describe_value (draft, self->item, self->property, &self->base);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_ENUM (a))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa != NULL ? sa : empty, sb != NULL ? sb : empty);
    }
  return FALSE;
}

/* Whether the draft already is as the change would make it. */
gboolean
csn_change_is_current (CsnChange *self,
                       CsnDraft  *draft)
{
  g_return_val_if_fail (CSN_IS_CHANGE (self), FALSE);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);

  switch (self->kind)
    {
    case CSN_CHANGE_SET_UNKNOWN:
      {
        JsonNode *current = json_object_get_member (unknown_owner (self, draft), self->key);
        JsonNode *incoming = g_value_get_boxed (&self->incoming);

        if (current == NULL || incoming == NULL)
          return current == incoming;
        return json_node_equal (current, incoming);
      }
    case CSN_CHANGE_SET_FIELD:
      {
        g_auto(GValue) current = G_VALUE_INIT;

        g_object_get_property (G_OBJECT (self->item), self->property, &current);
        return values_equal (&current, &self->incoming);
      }
    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      return csn_item_strv_contains (self->item, self->property, self->key) ==
             (self->kind == CSN_CHANGE_ADD_TO_SET);
    case CSN_CHANGE_ADD_ITEM:
      if (self->parent != NULL)
        {
          guint position;
          return child_position (self, &position);
        }
      return csn_draft_lookup (draft, self->collection, csn_item_get_key (self->item)) != NULL;
    case CSN_CHANGE_REMOVE_ITEM:
    default:
      return !is_in_draft (draft, self->item);
    }
}

/* Applies the change to @draft as an edit (inside the caller's group); FALSE when its item is no
 * longer there, or an added item's id is taken. */
gboolean
csn_change_apply (CsnChange *self,
                  CsnDraft  *draft)
{
  guint position;

  g_return_val_if_fail (CSN_IS_CHANGE (self), FALSE);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);

  switch (self->kind)
    {
    case CSN_CHANGE_SET_UNKNOWN:
      {
        g_autoptr(CsnUnknownMembers) members = NULL;
        g_autoptr(JsonObject) updated = NULL;
        g_auto(GValue) value = G_VALUE_INIT;
        g_autofree char *label = NULL;

        if (self->item != NULL && !is_in_draft (draft, self->item))
          return FALSE;
        members = csn_unknown_members_new (unknown_owner (self, draft));
        updated = csn_unknown_members_dup_with (members, self->key, g_value_get_boxed (&self->incoming));
        g_value_init (&value, JSON_TYPE_OBJECT);
        g_value_set_boxed (&value, updated);
        label = dup_unknown_place (self, draft);
        csn_history_set_property (csn_draft_get_history (draft), label, G_OBJECT (members), "members", &value);
        return TRUE;
      }

    case CSN_CHANGE_SET_FIELD:
      if (!is_in_draft (draft, self->item))
        return FALSE;
      csn_draft_set_value (draft, self->item, self->property, &self->incoming);
      for (guint i = 0; self->companions != NULL && i < self->companions->len; i++)
        {
          Companion *companion = &g_array_index (self->companions, Companion, i);

          csn_draft_set_value (draft, self->item, companion->property, &companion->value);
        }
      return TRUE;

    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      if (!is_in_draft (draft, self->item))
        return FALSE;
      csn_draft_set_in_list (draft, self->item, self->property, self->key,
                             self->kind == CSN_CHANGE_ADD_TO_SET);
      return TRUE;

    case CSN_CHANGE_ADD_ITEM:
      if (self->parent != NULL)
        {
          GListModel *children;
          guint n_children;

          if (!is_in_draft (draft, self->parent) || child_position (self, &position))
            return FALSE;
          children = csn_item_get_children (self->parent, self->property);
          n_children = g_list_model_get_n_items (children);
          position = self->child_position < 0 || (guint) self->child_position > n_children
                     ? n_children : (guint) self->child_position;
          csn_draft_insert_child (draft, self->parent, self->property, position, self->item);
          return TRUE;
        }
      else
        {
          const char *key = csn_item_get_key (self->item);
          gboolean placed = FALSE;

          if (key != NULL && key[0] != '\0' && csn_draft_lookup (draft, self->collection, key) != NULL)
            return FALSE;
          position = 0;
          if (self->append)
            {
              position = g_list_model_get_n_items (csn_draft_get_collection (draft, self->collection));
              placed = TRUE;
            }
          for (guint i = 0; self->after_keys != NULL && self->after_keys[i] != NULL && !placed; i++)
            {
              CsnItem *after = csn_draft_lookup (draft, self->collection, self->after_keys[i]);

              if (after != NULL && csn_draft_find_position (draft, self->collection, after, &position))
                {
                  position++;
                  placed = TRUE;
                }
            }
          if (!placed && self->after_keys != NULL)
            position = g_list_model_get_n_items (csn_draft_get_collection (draft, self->collection));
          csn_draft_insert (draft, self->collection, position, self->item);
          return TRUE;
        }

    case CSN_CHANGE_REMOVE_ITEM:
    default:
      if (self->parent != NULL)
        {
          if (!is_in_draft (draft, self->parent) || !child_position (self, &position))
            return FALSE;
          csn_draft_remove_child (draft, self->parent, self->property, position);
          return TRUE;
        }
      if (!csn_draft_find_position (draft, self->collection, self->item, &position))
        return FALSE;
      csn_draft_remove (draft, self->collection, position);
      return TRUE;
    }
}
