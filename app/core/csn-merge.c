/* csn-merge.c: three-way merge of two copies of a draft as a change set against the open one
 * ("mine"): lists by key, items field by field, sets by member, never deciding by clock times. */
#define G_LOG_DOMAIN "csn-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-item-private.h"
#include "csn-history.h"
#include "csn-lineage.h"
#include "csn-meeting.h"
#include "csn-merge.h"

/* Index of the references that point into any item of the agenda. */
#define AGENDA_REFS CSN_N_COLLECTIONS
#define N_REF_TARGETS (CSN_N_COLLECTIONS + 1)

typedef enum {
  SIDE_BASE,
  SIDE_MINE,
  SIDE_THEIRS,
} Side;

typedef struct {
  const CsnField *field;
  const char     *property;
} Prop;

typedef struct {
  GArray         *props;      /* of Prop: every value but the key and the children */
  const CsnField *children;   /* a theme's reservations, or NULL */
  const CsnField *key_field;
} ClassInfo;

typedef struct {
  char      *key;       /* what matches the item in the three copies */
  CsnItem   *base;
  CsnItem   *mine;
  CsnItem   *theirs;
  gboolean   renamed;   /* theirs' item enters under a new id */
  CsnChange *add;       /* theirs' item enters mine */
  CsnChange *remove;    /* mine's item leaves */
  GPtrArray *changes;   /* on mine's item: fields, set members, children, unknown members */
} Entry;

typedef struct {
  CsnDraft   *mine;
  CsnDraft   *theirs;
  CsnDraft   *base;      /* NULL: no common ancestor */
  char       *origin;
  GHashTable *classes;   /* GType -> ClassInfo */
  GHashTable *ref_renames[CSN_N_COLLECTIONS];  /* theirs' id of another item -> its new id */
  GHashTable *new_keys;                        /* theirs' CsnItem -> the id it enters under */
  GHashTable *taken[CSN_N_COLLECTIONS];        /* ids given in this merge */
  GPtrArray  *entries[CSN_N_COLLECTIONS];      /* of Entry, mine's order, then theirs', then base's */
  GPtrArray  *top_changes;                     /* the meeting's and the document's */
  GPtrArray  *file_changes;                    /* the file's unknown members */
} Merger;

static const CsnCollection agenda_collections[] = {
  CSN_COLLECTION_THEMES,
  CSN_COLLECTION_STRATEGIES,
  CSN_COLLECTION_MECHANISMS,
  CSN_COLLECTION_ROLE_PROPOSALS,
};

static void
class_info_free (gpointer data)
{
  ClassInfo *info = data;

  g_array_unref (info->props);
  g_free (info);
}

static ClassInfo *
get_class_info (Merger  *m,
                CsnItem *item)
{
  GType type = G_OBJECT_TYPE (item);
  ClassInfo *info = g_hash_table_lookup (m->classes, GSIZE_TO_POINTER (type));
  CsnItemClass *klass;
  const CsnField *fields;
  guint n_fields;

  if (info != NULL)
    return info;

  klass = CSN_ITEM_GET_CLASS (item);
  fields = csn_item_class_get_fields (klass, &n_fields);
  info = g_new0 (ClassInfo, 1);
  info->props = g_array_new (FALSE, FALSE, sizeof (Prop));
  info->key_field = csn_item_class_get_key_field (klass);
  for (guint i = 0; i < n_fields; i++)
    {
      const CsnField *field = &fields[i];
      Prop prop = { field, NULL };

      if (field->kind == CSN_FIELD_CHILDREN)
        {
          info->children = field;
          continue;
        }
      if (field->flags & CSN_FIELD_FLAG_KEY)
        continue;
      if (field->kind == CSN_FIELD_LOCALIZED)
        {
          prop.property = csn_field_get_property_name (field, "es");
          g_array_append_val (info->props, prop);
          prop.property = csn_field_get_property_name (field, "en");
          g_array_append_val (info->props, prop);
        }
      else
        {
          prop.property = csn_field_get_property_name (field, NULL);
          g_array_append_val (info->props, prop);
        }
      /* Translations are properties like any other: merged field by field. */
      if (field->flags & CSN_FIELD_FLAG_TRANSLATABLE)
        for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
          for (guint from = 0; from < 2; from++)
            {
              prop.property = csn_field_get_translation_property (field, language, from);
              g_array_append_val (info->props, prop);
            }
    }
  g_hash_table_insert (m->classes, GSIZE_TO_POINTER (type), info);
  return info;
}

static gboolean
is_translation (const Prop *prop)
{
  return prop->field->kind == CSN_FIELD_TEXT && (prop->field->flags & CSN_FIELD_FLAG_TRANSLATABLE) &&
         !g_str_equal (prop->property, csn_field_get_property_name (prop->field, NULL));
}

static gboolean
is_ref (const Prop *prop)
{
  return prop->field->kind == CSN_FIELD_REF;
}

/* Theirs' reference to an id they gave another item than ours names that item's new id. */
static const char *
map_ref (Merger        *m,
         Side           side,
         CsnCollection  target,
         const char    *key)
{
  const char *renamed = NULL;

  if (side != SIDE_THEIRS || key == NULL)
    return key;
  if (target == CSN_COLLECTION_AGENDA)
    {
      for (guint i = 0; i < G_N_ELEMENTS (agenda_collections) && renamed == NULL; i++)
        renamed = g_hash_table_lookup (m->ref_renames[agenda_collections[i]], key);
    }
  else if (target < CSN_N_COLLECTIONS)
    renamed = g_hash_table_lookup (m->ref_renames[target], key);
  return renamed != NULL ? renamed : key;
}

static const char *
get_string (Merger     *m,
            CsnItem    *item,
            Side        side,
            const Prop *prop)
{
  const char *value = csn_item_get_string (item, prop->property);

  return is_ref (prop) ? map_ref (m, side, prop->field->target, value) : value;
}

static gboolean
list_contains (Merger             *m,
               Side                side,
               CsnCollection       target,
               const char * const *list,
               const char         *key)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (map_ref (m, side, target, list[i]), key) == 0)
      return TRUE;
  return FALSE;
}

/* Lists are sets: the same members in another order are the same value. */
static gboolean
prop_equal (Merger     *m,
            CsnItem    *a,
            Side        side_a,
            CsnItem    *b,
            Side        side_b,
            const Prop *prop)
{
  switch (prop->field->kind)
    {
    case CSN_FIELD_ENUM:
      return csn_item_get_enum (a, prop->property) == csn_item_get_enum (b, prop->property);
    case CSN_FIELD_INT:
      return csn_item_get_int (a, prop->property) == csn_item_get_int (b, prop->property);
    case CSN_FIELD_REF_LIST:
      {
        const char * const *la = csn_item_get_strv (a, prop->property);
        const char * const *lb = csn_item_get_strv (b, prop->property);
        CsnCollection target = prop->field->target;

        if (g_strv_length ((char **) la) != g_strv_length ((char **) lb))
          return FALSE;
        for (guint i = 0; la[i] != NULL; i++)
          if (!list_contains (m, side_b, target, lb, map_ref (m, side_a, target, la[i])))
            return FALSE;
        return TRUE;
      }
    default:
      break;
    }
  return g_strcmp0 (get_string (m, a, side_a, prop), get_string (m, b, side_b, prop)) == 0;
}

/* @item's value of @prop as @side has it, with theirs' references renamed. */
static void
get_value (Merger     *m,
           CsnItem    *item,
           Side        side,
           const Prop *prop,
           GValue     *value)
{
  g_object_get_property (G_OBJECT (item), prop->property, value);
  if (side != SIDE_THEIRS)
    return;
  if (prop->field->kind == CSN_FIELD_REF)
    g_value_set_string (value, get_string (m, item, side, prop));
  else if (prop->field->kind == CSN_FIELD_REF_LIST)
    {
      const char * const *list = csn_item_get_strv (item, prop->property);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) mapped = NULL;

      for (guint i = 0; list[i] != NULL; i++)
        g_strv_builder_add (builder, map_ref (m, side, prop->field->target, list[i]));
      mapped = g_strv_builder_end (builder);
      g_value_set_boxed (value, mapped);
    }
}

static gboolean
nodes_equal (gpointer  a_owner,
             JsonNode *a,
             gpointer  b_owner,
             JsonNode *b)
{
  return csn_number_texts_equal (a_owner, a, b_owner, b);
}

/* The unknown members of @a_owner and @b_owner (items, or drafts for the file's). */
static gboolean
unknown_equal (gpointer    a_owner,
               JsonObject *a,
               gpointer    b_owner,
               JsonObject *b)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint size_a = a != NULL ? json_object_get_size (a) : 0;
  guint size_b = b != NULL ? json_object_get_size (b) : 0;

  if (size_a != size_b)
    return FALSE;
  if (size_a == 0)
    return TRUE;
  json_object_iter_init (&iter, a);
  while (json_object_iter_next (&iter, &name, &member))
    if (!nodes_equal (a_owner, member, b_owner, json_object_get_member (b, name)))
      return FALSE;
  return TRUE;
}

static gboolean item_differs (Merger  *m,
                              CsnItem *a,
                              Side     side_a,
                              CsnItem *b,
                              Side     side_b);

static gboolean
children_differ (Merger         *m,
                 CsnItem        *a,
                 Side            side_a,
                 CsnItem        *b,
                 Side            side_b,
                 const CsnField *field)
{
  const char *property = csn_field_get_property_name (field, NULL);
  GListModel *ca = csn_item_get_children (a, property);
  GListModel *cb = csn_item_get_children (b, property);
  guint n = g_list_model_get_n_items (ca);

  if (n != g_list_model_get_n_items (cb))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) x = g_list_model_get_item (ca, i);
      g_autoptr(CsnItem) y = g_list_model_get_item (cb, i);

      if (item_differs (m, x, side_a, y, side_b))
        return TRUE;
    }
  return FALSE;
}

/* Whether anything of @b differs from @a: a field, a child, a member this version does not know. */
static gboolean
item_differs (Merger  *m,
              CsnItem *a,
              Side     side_a,
              CsnItem *b,
              Side     side_b)
{
  ClassInfo *info = get_class_info (m, a);

  for (guint i = 0; i < info->props->len; i++)
    if (!prop_equal (m, a, side_a, b, side_b, &g_array_index (info->props, Prop, i)))
      return TRUE;
  if (info->children != NULL && children_differ (m, a, side_a, b, side_b, info->children))
    return TRUE;
  return !unknown_equal (a, csn_item_get_unknown (a), b, csn_item_get_unknown (b));
}

/* Whether two items with one id share nothing that identifies them (no text, date, reference or
 * list in common): hand-edited files that gave one id to two different items. */
static gboolean
share_nothing (Merger  *m,
               CsnItem *a,
               Side     side_a,
               CsnItem *b,
               Side     side_b)
{
  ClassInfo *info = get_class_info (m, a);
  gboolean any_value = FALSE;

  for (guint i = 0; i < info->props->len; i++)
    {
      const Prop *prop = &g_array_index (info->props, Prop, i);

      if (is_translation (prop))
        continue;
      switch (prop->field->kind)
        {
        case CSN_FIELD_TEXT:
        case CSN_FIELD_DATE:
        case CSN_FIELD_REF:
        case CSN_FIELD_LOCALIZED:
          {
            const char *va = get_string (m, a, side_a, prop);
            const char *vb = get_string (m, b, side_b, prop);

            if ((va != NULL && va[0] != '\0') || (vb != NULL && vb[0] != '\0'))
              any_value = TRUE;
            if (va != NULL && va[0] != '\0' && g_strcmp0 (va, vb) == 0)
              return FALSE;
          }
          break;
        case CSN_FIELD_REF_LIST:
          if (csn_item_get_strv (a, prop->property)[0] != NULL || csn_item_get_strv (b, prop->property)[0] != NULL)
            any_value = TRUE;
          if (csn_item_get_strv (a, prop->property)[0] != NULL && prop_equal (m, a, side_a, b, side_b, prop))
            return FALSE;
          break;
        default:
          break;
        }
    }
  return any_value;
}

/* Whether every value of @b differs from @a's: an ancestor's item and another item that took its
 * id; an item edited in place keeps something (an enum, an empty note, a reference). */
static gboolean
differs_everywhere (Merger  *m,
                    CsnItem *a,
                    Side     side_a,
                    CsnItem *b,
                    Side     side_b)
{
  ClassInfo *info = get_class_info (m, a);

  for (guint i = 0; i < info->props->len; i++)
    {
      const Prop *prop = &g_array_index (info->props, Prop, i);

      if (!is_translation (prop) && prop_equal (m, a, side_a, b, side_b, prop))
        return FALSE;
    }
  return info->props->len > 0;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_clear_object (&entry->add);
  g_clear_object (&entry->remove);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

static Entry *
entry_new (const char *key)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->key = g_strdup (key);
  entry->changes = g_ptr_array_new_with_free_func (g_object_unref);
  return entry;
}

static void
merger_clear (Merger *m)
{
  for (guint c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      g_clear_pointer (&m->ref_renames[c], g_hash_table_unref);
      g_clear_pointer (&m->taken[c], g_hash_table_unref);
      g_clear_pointer (&m->entries[c], g_ptr_array_unref);
    }
  g_clear_pointer (&m->new_keys, g_hash_table_unref);
  g_clear_pointer (&m->classes, g_hash_table_unref);
  g_clear_pointer (&m->top_changes, g_ptr_array_unref);
  g_clear_pointer (&m->file_changes, g_ptr_array_unref);
  g_free (m->origin);
}

static gboolean
has_own_ids (CsnCollection collection)
{
  /* Country codes are ISO codes, endorsements are keyed by country: never renamed. */
  return collection != CSN_COLLECTION_COUNTRIES && collection != CSN_COLLECTION_ENDORSEMENTS;
}

static gboolean
id_is_taken (Merger        *m,
             CsnCollection  collection,
             const char    *id)
{
  return csn_draft_lookup (m->mine, collection, id) != NULL ||
         csn_draft_lookup (m->theirs, collection, id) != NULL ||
         (m->base != NULL && csn_draft_lookup (m->base, collection, id) != NULL) ||
         g_hash_table_contains (m->taken[collection], id);
}

/* A new id for theirs' @item, the same for the same files on every run. */
static const char *
give_new_id (Merger        *m,
             CsnCollection  collection,
             CsnItem       *item)
{
  g_autoptr(CsnItemClass) klass = g_type_class_ref (csn_collection_get_item_type (collection));
  g_autofree char *title = csn_item_dup_title (item);
  g_autofree char *seed_text = g_strconcat (csn_item_get_key (item), "\x1f", title, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (seed_text));
  char *id;

  for (;;)
    {
      id = g_strdup_printf ("%s-%08" G_GINT32_MODIFIER "x", csn_item_class_get_id_prefix (klass),
                            g_rand_int (rand));
      if (!id_is_taken (m, collection, id))
        break;
      g_free (id);
    }
  g_hash_table_add (m->taken[collection], id);
  g_hash_table_insert (m->new_keys, item, id);
  return id;
}

static char *
dup_match_key (Merger        *m,
               CsnCollection  collection,
               CsnItem       *item,
               Side           side)
{
  /* A country's position on an item is one position, whatever id each copy gave it. */
  if (collection == CSN_COLLECTION_POSITIONS)
    return g_strconcat (csn_item_get_string (item, "country"), "\x1f",
                        map_ref (m, side, CSN_COLLECTION_AGENDA, csn_item_get_string (item, "item")),
                        NULL);
  return g_strdup (csn_item_get_key (item));
}

/* Theirs' items that share an id with a different item (or repeat one of theirs) enter under a
 * new id, and theirs' references to a different item follow it. */
static void
find_renames (Merger        *m,
              CsnCollection  collection)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = csn_draft_get_collection (m->theirs, collection);
  guint n_items = g_list_model_get_n_items (model);

  if (!has_own_ids (collection) || collection == CSN_COLLECTION_POSITIONS)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
      const char *key = csn_item_get_key (item);
      CsnItem *ours;
      Side side;

      if (g_hash_table_contains (seen, key))
        {
          give_new_id (m, collection, item);
          continue;
        }
      g_hash_table_add (seen, (gpointer) key);

      /* Compared with the ancestor's item of that id, else with mine. */
      ours = m->base != NULL ? csn_draft_lookup (m->base, collection, key) : NULL;
      side = SIDE_BASE;
      if (ours == NULL)
        {
          ours = csn_draft_lookup (m->mine, collection, key);
          side = SIDE_MINE;
        }
      if (ours != NULL && (side == SIDE_BASE ? differs_everywhere (m, ours, side, item, SIDE_THEIRS)
                                             : share_nothing (m, ours, side, item, SIDE_THEIRS)))
        g_hash_table_insert (m->ref_renames[collection], g_strdup (key),
                             g_strdup (give_new_id (m, collection, item)));
    }
}

static CsnItem *
clone_item (Merger  *m,
            CsnItem *item,
            Side     side)
{
  ClassInfo *info = get_class_info (m, item);
  CsnItem *copy = g_object_new (G_OBJECT_TYPE (item), NULL);
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  const char *new_key = g_hash_table_lookup (m->new_keys, item);
  JsonObject *unknown = csn_item_get_unknown (item);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (info->key_field != NULL)
    g_object_set (copy, csn_field_get_property_name (info->key_field, NULL),
                  new_key != NULL ? new_key : csn_item_get_key (item), NULL);
  for (guint i = 0; i < info->props->len; i++)
    {
      const Prop *prop = &g_array_index (info->props, Prop, i);
      g_auto(GValue) value = G_VALUE_INIT;

      get_value (m, item, side, prop, &value);
      g_object_set_property (G_OBJECT (copy), prop->property, &value);
    }
  if (info->children != NULL)
    {
      const char *property = csn_field_get_property_name (info->children, NULL);
      GListModel *children = csn_item_get_children (item, property);
      GListStore *store = G_LIST_STORE (csn_item_get_children (copy, property));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(CsnItem) child = g_list_model_get_item (children, i);
          g_autoptr(CsnItem) child_copy = clone_item (m, child, side);

          g_list_store_append (store, child_copy);
        }
    }

  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNode *member_copy = json_node_copy (member);

      json_object_set_member (csn_item_get_unknown (copy), name, member_copy);
      csn_number_texts_copy (item, member, copy, member_copy);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      JsonObject *inside = csn_item_get_unknown_in (item, fields[i].key);

      if (inside != NULL)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), inside);
          g_autoptr(JsonNode) node_copy = json_node_copy (node);

          csn_item_set_unknown_in (copy, fields[i].key, json_node_get_object (node_copy));
          csn_number_texts_copy (item, node, copy, node_copy);
        }
    }
  if (csn_item_get_unknown_in (item, "translations") != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), csn_item_get_unknown_in (item, "translations"));
      g_autoptr(JsonNode) node_copy = json_node_copy (node);

      csn_item_set_unknown_in (copy, "translations", json_node_get_object (node_copy));
      csn_number_texts_copy (item, node, copy, node_copy);
    }
  return copy;
}

static CsnChange *
finish_change (Merger     *m,
               CsnChange  *change,
               gboolean    conflict,
               gboolean    accepted,
               const char *note)
{
  csn_change_set_origin (change, m->origin);
  csn_change_set_conflict (change, conflict);
  csn_change_set_accepted (change, accepted);
  if (note != NULL)
    csn_change_set_note (change, TRUE, note);
  return change;
}

/* Field by field: a change on one side only is taken, the same change on both is no change,
 * different changes (or any difference without an ancestor) are conflicts that keep mine. */
static void
merge_fields (Merger    *m,
              CsnItem   *mine,
              CsnItem   *theirs,
              CsnItem   *base,
              GPtrArray *out)
{
  ClassInfo *info = get_class_info (m, mine);

  for (guint i = 0; i < info->props->len; i++)
    {
      const Prop *prop = &g_array_index (info->props, Prop, i);
      g_auto(GValue) incoming = G_VALUE_INIT;
      CsnChange *change;

      if (prop_equal (m, mine, SIDE_MINE, theirs, SIDE_THEIRS, prop))
        continue;

      if (prop->field->kind == CSN_FIELD_REF_LIST)
        {
          const char * const *mine_list = csn_item_get_strv (mine, prop->property);
          const char * const *theirs_list = csn_item_get_strv (theirs, prop->property);
          const char * const *base_list = base != NULL ? csn_item_get_strv (base, prop->property) : NULL;
          CsnCollection target = prop->field->target;

          /* Each member on its own: both sides' additions and removals are kept. */
          for (guint j = 0; theirs_list[j] != NULL; j++)
            {
              const char *key = map_ref (m, SIDE_THEIRS, target, theirs_list[j]);

              if (list_contains (m, SIDE_MINE, target, mine_list, key))
                continue;
              if (base_list != NULL && list_contains (m, SIDE_BASE, target, base_list, key))
                continue;  /* mine removed it */
              change = csn_change_new_set_member (mine, prop->property, key, TRUE);
              g_ptr_array_add (out, finish_change (m, change, base_list == NULL, base_list != NULL, NULL));
            }
          for (guint j = 0; mine_list[j] != NULL; j++)
            {
              if (list_contains (m, SIDE_THEIRS, target, theirs_list, mine_list[j]))
                continue;
              if (base_list != NULL && !list_contains (m, SIDE_BASE, target, base_list, mine_list[j]))
                continue;  /* mine added it */
              change = csn_change_new_set_member (mine, prop->property, mine_list[j], FALSE);
              g_ptr_array_add (out, finish_change (m, change, base_list == NULL, base_list != NULL, NULL));
            }
          continue;
        }

      if (base != NULL && !prop_equal (m, mine, SIDE_MINE, base, SIDE_BASE, prop) &&
          prop_equal (m, theirs, SIDE_THEIRS, base, SIDE_BASE, prop))
        continue;  /* only mine changed it */

      g_value_init (&incoming, G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (mine),
                                                                                       prop->property)));
      get_value (m, theirs, SIDE_THEIRS, prop, &incoming);
      change = csn_change_new_set_field (mine, prop->property, &incoming);
      if (base != NULL)
        {
          g_auto(GValue) base_value = G_VALUE_INIT;

          g_value_init (&base_value, G_VALUE_TYPE (&incoming));
          get_value (m, base, SIDE_BASE, prop, &base_value);
          csn_change_set_base (change, &base_value);
        }
      if (base != NULL && prop_equal (m, mine, SIDE_MINE, base, SIDE_BASE, prop))
        g_ptr_array_add (out, finish_change (m, change, FALSE, TRUE, NULL));
      else
        g_ptr_array_add (out, finish_change (m, change, TRUE, FALSE, NULL));
    }
}

/* Members this version does not know: mine are kept; theirs changed is a conflict to decide. The
 * owners are the items, or NULL for the files' own members. */
static void
merge_unknown (Merger     *m,
               CsnItem    *mine_item,
               CsnItem    *theirs_item,
               CsnItem    *base_item,
               GPtrArray  *out)
{
  gboolean of_file = mine_item == NULL;
  gpointer mine_owner = of_file ? (gpointer) m->mine : (gpointer) mine_item;
  gpointer theirs_owner = of_file ? (gpointer) m->theirs : (gpointer) theirs_item;
  gpointer base_owner = of_file ? (gpointer) m->base : (gpointer) base_item;
  gboolean has_base = base_owner != NULL;
  JsonObject *mine = of_file ? csn_draft_get_unknown (m->mine) : csn_item_get_unknown (mine_item);
  JsonObject *theirs = of_file ? csn_draft_get_unknown (m->theirs) : csn_item_get_unknown (theirs_item);
  JsonObject *base = !has_base ? NULL
                     : of_file ? csn_draft_get_unknown (m->base) : csn_item_get_unknown (base_item);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, mine);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    g_ptr_array_add (names, (gpointer) name);
  json_object_iter_init_ordered (&iter, theirs);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!json_object_has_member (mine, name))
      g_ptr_array_add (names, (gpointer) name);

  for (guint i = 0; i < names->len; i++)
    {
      const char *member_name = g_ptr_array_index (names, i);
      JsonNode *mine_node = json_object_get_member (mine, member_name);
      JsonNode *theirs_node = json_object_get_member (theirs, member_name);
      JsonNode *base_node = has_base && base != NULL ? json_object_get_member (base, member_name) : NULL;
      CsnChange *change;

      if (nodes_equal (mine_owner, mine_node, theirs_owner, theirs_node))
        continue;
      if (has_base && nodes_equal (theirs_owner, theirs_node, base_owner, base_node))
        continue;
      change = csn_change_new_set_unknown (mine_item, member_name, theirs_node);
      /* The change holds a copy of theirs' value: mine keeps its numbers as theirs wrote them. */
      if (theirs_node != NULL)
        csn_number_texts_copy (theirs_owner, theirs_node,
                               mine_owner, g_value_get_boxed (csn_change_get_incoming (change)));
      if (has_base)
        {
          g_auto(GValue) base_value = G_VALUE_INIT;

          g_value_init (&base_value, JSON_TYPE_NODE);
          g_value_set_boxed (&base_value, base_node);
          csn_change_set_base (change, &base_value);
        }
      g_ptr_array_add (out, finish_change (m, change, TRUE, FALSE, NULL));
    }
}

typedef struct {
  char    *key;
  CsnItem *base;
  CsnItem *mine;
  CsnItem *theirs;
} ChildEntry;

static void
child_entry_free (gpointer data)
{
  ChildEntry *entry = data;

  g_free (entry->key);
  g_free (entry);
}

/* Reservations have no id: the nth of a country's on the theme is the same in every copy. */
static void
add_children (GPtrArray  *entries,
              GHashTable *index,
              GListModel *children,
              Side        side)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) child = g_list_model_get_item (children, i);
      const char *country = csn_item_get_string (child, "country");
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, country));
      g_autofree char *key = g_strdup_printf ("%s#%u", country, count);
      ChildEntry *entry = g_hash_table_lookup (index, key);

      g_hash_table_insert (counts, g_strdup (country), GUINT_TO_POINTER (count + 1));
      if (entry == NULL)
        {
          entry = g_new0 (ChildEntry, 1);
          entry->key = g_steal_pointer (&key);
          g_ptr_array_add (entries, entry);
          g_hash_table_insert (index, entry->key, entry);
        }
      if (side == SIDE_BASE)
        entry->base = child;
      else if (side == SIDE_MINE)
        entry->mine = child;
      else
        entry->theirs = child;
    }
}

static void
merge_children (Merger    *m,
                CsnItem   *mine,
                CsnItem   *theirs,
                CsnItem   *base,
                GPtrArray *out)
{
  ClassInfo *info = get_class_info (m, mine);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (child_entry_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  const char *property;

  if (info->children == NULL)
    return;
  property = csn_field_get_property_name (info->children, NULL);
  add_children (entries, index, csn_item_get_children (mine, property), SIDE_MINE);
  add_children (entries, index, csn_item_get_children (theirs, property), SIDE_THEIRS);
  if (base != NULL)
    add_children (entries, index, csn_item_get_children (base, property), SIDE_BASE);

  for (guint i = 0; i < entries->len; i++)
    {
      ChildEntry *entry = g_ptr_array_index (entries, i);
      CsnChange *change;

      if (entry->mine != NULL && entry->theirs != NULL)
        {
          merge_fields (m, entry->mine, entry->theirs, entry->base, out);
          merge_unknown (m, entry->mine, entry->theirs, entry->base, out);
        }
      else if (entry->mine != NULL)
        {
          if (entry->base != NULL)
            {
              gboolean edited = item_differs (m, entry->base, SIDE_BASE, entry->mine, SIDE_MINE);

              change = csn_change_new_remove_child (mine, property, entry->mine);
              g_ptr_array_add (out, finish_change (m, change, edited, !edited,
                                                   edited ? _("Changed in this copy and deleted in the other")
                                                          : NULL));
            }
          else if (base == NULL)
            {
              change = csn_change_new_remove_child (mine, property, entry->mine);
              g_ptr_array_add (out, finish_change (m, change, TRUE, FALSE,
                                                   _("Only in this copy, and no common ancestor says whether the other deleted it")));
            }
        }
      else if (entry->theirs != NULL)
        {
          g_autoptr(CsnItem) copy = NULL;

          if (entry->base != NULL && !item_differs (m, entry->base, SIDE_BASE, entry->theirs, SIDE_THEIRS))
            continue;  /* mine deleted it, theirs did not touch it */
          copy = clone_item (m, entry->theirs, SIDE_THEIRS);
          change = csn_change_new_add_child (mine, property, copy, -1);
          if (entry->base != NULL)
            finish_change (m, change, TRUE, TRUE, _("Deleted in this copy and changed in the other: it is kept unless you reject it"));
          else
            finish_change (m, change, base == NULL, base != NULL,
                           base == NULL ? _("Only in the other copy, and no common ancestor says whether this one deleted it") : NULL);
          g_ptr_array_add (out, change);
        }
    }
}

static Entry *
lookup_or_add_entry (GPtrArray  *entries,
                     GHashTable *index,
                     const char *key)
{
  Entry *entry = g_hash_table_lookup (index, key);

  if (entry == NULL)
    {
      entry = entry_new (key);
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (index, entry->key, entry);
    }
  return entry;
}

static void
collect_entries (Merger        *m,
                 CsnCollection  collection)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  const struct { CsnDraft *draft; Side side; } sides[] = {
    { m->mine, SIDE_MINE }, { m->theirs, SIDE_THEIRS }, { m->base, SIDE_BASE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GListModel *model;
      guint n_items;

      if (sides[s].draft == NULL)
        continue;
      model = csn_draft_get_collection (sides[s].draft, collection);
      n_items = g_list_model_get_n_items (model);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          const char *new_key = sides[s].side == SIDE_THEIRS ? g_hash_table_lookup (m->new_keys, item) : NULL;
          g_autofree char *key = new_key != NULL ? g_strconcat ("\x1e", new_key, NULL)
                                                 : dup_match_key (m, collection, item, sides[s].side);
          Entry *entry = lookup_or_add_entry (entries, index, key);

          if (new_key != NULL)
            entry->renamed = TRUE;
          /* A repeated key (a hand-edited file) matches nothing: mine's is left as it is. */
          if (sides[s].side == SIDE_MINE && entry->mine == NULL)
            entry->mine = item;
          else if (sides[s].side == SIDE_THEIRS && entry->theirs == NULL)
            entry->theirs = item;
          else if (sides[s].side == SIDE_BASE && entry->base == NULL)
            entry->base = item;
        }
    }
  m->entries[collection] = entries;
}

static CsnChange *
make_add (Merger        *m,
          CsnCollection  collection,
          Entry         *entry)
{
  g_autoptr(CsnItem) copy = NULL;
  const char *key = csn_item_get_key (entry->theirs);

  /* A position (matched by country and item) may carry an id mine already uses. */
  if (has_own_ids (collection) && !g_hash_table_contains (m->new_keys, entry->theirs) &&
      (csn_draft_lookup (m->mine, collection, key) != NULL || g_hash_table_contains (m->taken[collection], key)))
    give_new_id (m, collection, entry->theirs);
  else if (!g_hash_table_contains (m->new_keys, entry->theirs))
    g_hash_table_add (m->taken[collection], g_strdup (key));
  copy = clone_item (m, entry->theirs, SIDE_THEIRS);
  /* The place is set once every item is known (place_additions). */
  return csn_change_new_add_item (collection, copy, NULL);
}

static void
decide_entry (Merger        *m,
              CsnCollection  collection,
              Entry         *entry)
{
  if (entry->mine != NULL && entry->theirs != NULL)
    {
      merge_fields (m, entry->mine, entry->theirs, entry->base, entry->changes);
      merge_children (m, entry->mine, entry->theirs, entry->base, entry->changes);
      merge_unknown (m, entry->mine, entry->theirs, entry->base, entry->changes);
    }
  else if (entry->mine != NULL)
    {
      if (entry->base != NULL)
        {
          gboolean edited = item_differs (m, entry->base, SIDE_BASE, entry->mine, SIDE_MINE);

          entry->remove = finish_change (m, csn_change_new_remove_item (collection, entry->mine), edited, !edited,
                                         edited ? _("Changed in this copy and deleted in the other") : NULL);
        }
      else if (m->base == NULL)
        entry->remove = finish_change (m, csn_change_new_remove_item (collection, entry->mine), TRUE, FALSE,
                                       _("Only in this copy, and no common ancestor says whether the other deleted it"));
    }
  else if (entry->theirs != NULL)
    {
      if (entry->base != NULL)
        {
          if (item_differs (m, entry->base, SIDE_BASE, entry->theirs, SIDE_THEIRS))
            entry->add = finish_change (m, make_add (m, collection, entry), TRUE, TRUE,
                                        _("Deleted in this copy and changed in the other: it is kept unless you reject it"));
        }
      else if (m->base == NULL)
        entry->add = finish_change (m, make_add (m, collection, entry), TRUE, FALSE,
                                    _("Only in the other copy, and no common ancestor says whether this one deleted it"));
      else
        entry->add = finish_change (m, make_add (m, collection, entry), FALSE, TRUE,
                                    entry->renamed ? _("The other copy gave this id to another item: it enters under a new id")
                                                   : NULL);
    }
}

static void
add_ref (GHashTable    **refs,
         CsnCollection   target,
         const char     *key)
{
  guint slot = target == CSN_COLLECTION_AGENDA ? AGENDA_REFS : target;

  if (key != NULL && key[0] != '\0' && slot < N_REF_TARGETS)
    g_hash_table_add (refs[slot], (gpointer) key);
}

/* The references @item makes, as @side has them (a clone is already renamed). */
static void
collect_item_refs (Merger       *m,
                   CsnItem      *item,
                   Side          side,
                   GHashTable  **refs)
{
  ClassInfo *info = get_class_info (m, item);

  for (guint i = 0; i < info->props->len; i++)
    {
      const Prop *prop = &g_array_index (info->props, Prop, i);

      if (prop->field->kind == CSN_FIELD_REF)
        add_ref (refs, prop->field->target, get_string (m, item, side, prop));
      else if (prop->field->kind == CSN_FIELD_REF_LIST)
        {
          const char * const *list = csn_item_get_strv (item, prop->property);

          for (guint j = 0; list[j] != NULL; j++)
            add_ref (refs, prop->field->target, map_ref (m, side, prop->field->target, list[j]));
        }
    }
  if (info->children != NULL)
    {
      GListModel *children = csn_item_get_children (item, csn_field_get_property_name (info->children, NULL));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(CsnItem) child = g_list_model_get_item (children, i);
          collect_item_refs (m, child, side, refs);
        }
    }
}

static void
collect_change_refs (Merger      *m,
                     CsnChange   *change,
                     GHashTable **refs)
{
  CsnItem *item = csn_change_get_item (change);
  const CsnField *field;

  if (!csn_change_get_accepted (change) || item == NULL)
    return;
  switch (csn_change_get_kind (change))
    {
    case CSN_CHANGE_SET_FIELD:
      field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), csn_change_get_property_name (change));
      if (field->kind == CSN_FIELD_REF &&
          !csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (item), csn_change_get_property_name (change),
                                                  NULL, NULL))
        add_ref (refs, field->target, g_value_get_string (csn_change_get_incoming (change)));
      break;
    case CSN_CHANGE_ADD_TO_SET:
      field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), csn_change_get_property_name (change));
      add_ref (refs, field->target, csn_change_get_member_key (change));
      break;
    case CSN_CHANGE_ADD_ITEM:
      collect_item_refs (m, item, SIDE_MINE, refs);
      break;
    default:
      break;
    }
}

static gboolean
is_referenced (GHashTable    **refs,
               CsnCollection   collection,
               const char     *key)
{
  if (g_hash_table_contains (refs[collection], key))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (agenda_collections); i++)
    if (agenda_collections[i] == collection)
      return g_hash_table_contains (refs[AGENDA_REFS], key);
  return FALSE;
}

/* An item deleted on one side but still used on the other stays (a conflict, kept by default),
 * so that every reference of the merged draft resolves; keeping one may keep more. */
static void
keep_referenced_items (Merger *m)
{
  gboolean changed;

  do
    {
      GHashTable *all_refs[N_REF_TARGETS];
      GHashTable *theirs_refs[N_REF_TARGETS];

      changed = FALSE;
      for (guint t = 0; t < N_REF_TARGETS; t++)
        {
          all_refs[t] = g_hash_table_new (g_str_hash, g_str_equal);
          theirs_refs[t] = g_hash_table_new (g_str_hash, g_str_equal);
        }

      for (guint c = 0; c < CSN_N_COLLECTIONS; c++)
        for (guint i = 0; i < m->entries[c]->len; i++)
          {
            Entry *entry = g_ptr_array_index (m->entries[c], i);

            if (entry->mine != NULL && (entry->remove == NULL || !csn_change_get_accepted (entry->remove)))
              collect_item_refs (m, entry->mine, SIDE_MINE, all_refs);
            if (entry->add != NULL)
              {
                collect_change_refs (m, entry->add, all_refs);
                collect_change_refs (m, entry->add, theirs_refs);
              }
            for (guint j = 0; j < entry->changes->len; j++)
              {
                collect_change_refs (m, g_ptr_array_index (entry->changes, j), all_refs);
                collect_change_refs (m, g_ptr_array_index (entry->changes, j), theirs_refs);
              }
          }

      for (guint c = 0; c < CSN_N_COLLECTIONS; c++)
        for (guint i = 0; i < m->entries[c]->len; i++)
          {
            Entry *entry = g_ptr_array_index (m->entries[c], i);

            if (entry->remove != NULL && csn_change_get_accepted (entry->remove) &&
                is_referenced (all_refs, c, csn_item_get_key (entry->mine)))
              {
                finish_change (m, entry->remove, TRUE, FALSE, _("Deleted in the other copy, but still used in this one"));
                changed = TRUE;
              }
            else if (entry->mine == NULL && entry->base != NULL && entry->theirs != NULL && entry->add == NULL &&
                     is_referenced (theirs_refs, c, csn_item_get_key (entry->theirs)))
              {
                entry->add = finish_change (m, make_add (m, c, entry), TRUE, TRUE,
                                            _("Deleted in this copy, but the other copy still uses it: it is kept unless you reject it"));
                changed = TRUE;
              }
          }

      for (guint t = 0; t < N_REF_TARGETS; t++)
        {
          g_hash_table_unref (all_refs[t]);
          g_hash_table_unref (theirs_refs[t]);
        }
    }
  while (changed);
}

typedef struct {
  const char *key;
  gboolean    mine_new;   /* added in mine since the ancestor: a concurrent addition */
} Slot;

/* Theirs' new items go after the item they followed; additions on both sides after one item are
 * ordered by id, so that both merge orders give one order. */
static void
place_additions (Merger        *m,
                 CsnCollection  collection)
{
  g_autoptr(GHashTable) matched_nodes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) added = g_hash_table_new (NULL, NULL);
  GQueue order = G_QUEUE_INIT;
  GListModel *theirs_model = csn_draft_get_collection (m->theirs, collection);
  guint n_theirs = g_list_model_get_n_items (theirs_model);
  GList *anchor = NULL;
  gboolean after_addition = FALSE;

  for (guint i = 0; i < m->entries[collection]->len; i++)
    {
      Entry *entry = g_ptr_array_index (m->entries[collection], i);

      if (entry->add != NULL)
        g_hash_table_insert (added, entry->theirs, entry);
      if (entry->mine != NULL)
        {
          Slot *slot = g_new0 (Slot, 1);

          slot->key = csn_item_get_key (entry->mine);
          slot->mine_new = m->base != NULL && entry->base == NULL && entry->theirs == NULL;
          g_queue_push_tail (&order, slot);
          /* Theirs' item matched to mine anchors what follows it in theirs. */
          if (entry->theirs != NULL)
            g_hash_table_insert (matched_nodes, entry->theirs, order.tail);
        }
    }

  for (guint i = 0; i < n_theirs; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (theirs_model, i);
      Entry *entry = g_hash_table_lookup (added, item);
      GList *matched = g_hash_table_lookup (matched_nodes, item);
      const char *key;
      GList *next;
      GPtrArray *after_keys;
      Slot *slot;
      g_autoptr(CsnChange) placed = NULL;

      if (entry == NULL)
        {
          if (matched != NULL)
            {
              anchor = matched;
              after_addition = FALSE;
            }
          continue;
        }

      key = csn_item_get_key (csn_change_get_item (entry->add));
      next = anchor != NULL ? anchor->next : order.head;
      /* A run of additions stays together: theirs' next addition follows theirs' previous one, and
       * mine's runs that start with a smaller id come first, whole. */
      if (!after_addition)
        while (next != NULL && ((Slot *) next->data)->mine_new && strcmp (((Slot *) next->data)->key, key) < 0)
          while (next != NULL && ((Slot *) next->data)->mine_new)
            next = next->next;
      after_addition = TRUE;

      slot = g_new0 (Slot, 1);
      slot->key = key;
      if (next != NULL)
        g_queue_insert_before (&order, next, slot);
      else
        g_queue_push_tail (&order, slot);
      anchor = next != NULL ? next->prev : order.tail;

      /* The items before it, nearest first: if one is rejected or gone, the next one places it. */
      after_keys = g_ptr_array_new ();
      for (GList *l = anchor->prev; l != NULL && after_keys->len < 8; l = l->prev)
        g_ptr_array_add (after_keys, (gpointer) ((Slot *) l->data)->key);
      g_ptr_array_add (after_keys, NULL);

      placed = csn_change_new_add_item_after (collection, csn_change_get_item (entry->add),
                                              (const char * const *) after_keys->pdata);
      finish_change (m, placed, csn_change_get_conflict (entry->add), csn_change_get_accepted (entry->add),
                     csn_change_get_note (entry->add));
      g_set_object (&entry->add, placed);
      g_ptr_array_free (after_keys, TRUE);
    }
  g_queue_clear_full (&order, g_free);
}

typedef struct {
  CsnLineage *theirs;
  gboolean    record;
} MergeRecord;

static void
merge_record_free (gpointer data)
{
  MergeRecord *record = data;

  g_clear_object (&record->theirs);
  g_free (record);
}

/* Inside the merge's undoable step: the merged draft becomes a new revision with both copies as
 * parents and its content as the new agreed base; undoing the merge restores the lineage. */
static void
record_merge_cb (CsnChangeSet *set,
                 CsnDraft     *draft,
                 gpointer      user_data)
{
  static const char * const properties[] = {
    "draft-id", "revision", "parents", "ancestors", "base-revision", "base-agreed", "base-content",
  };
  MergeRecord *record = user_data;
  CsnLineage *lineage = csn_draft_get_lineage (draft);
  g_autoptr(CsnLineage) next = NULL;

  if (!record->record)
    return;
  next = csn_lineage_new_for_merge (lineage, record->theirs, draft);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (next), properties[i], &value);
      csn_history_set_property (csn_draft_get_history (draft), csn_change_set_get_label (set),
                                G_OBJECT (lineage), properties[i], &value);
    }
}

static gboolean
lineage_knows (CsnLineage *lineage,
               const char *revision)
{
  g_auto(GStrv) known = csn_lineage_dup_known_revisions (lineage);

  return revision != NULL && g_strv_contains ((const char * const *) known, revision);
}

static void
append_all (CsnChangeSet *set,
            GPtrArray    *changes)
{
  for (guint i = 0; i < changes->len; i++)
    csn_change_set_append (set, g_ptr_array_index (changes, i));
}

/* The changes that make @mine (the open draft) the three-way merge of @mine and @theirs over their
 * common ancestor @base (NULL: none known, so every difference is a conflict). Conflicts keep mine
 * by default, except an item deleted on one side and changed or used on the other, which stays.
 * Applying the set also records the merge in @mine's lineage, in the same undoable step.
 * @theirs_name names the other copy (its file) in the set's label. */
CsnChangeSet *
csn_merge_drafts (CsnDraft   *mine,
                  CsnDraft   *theirs,
                  CsnDraft   *base,
                  const char *theirs_name)
{
  Merger m = { 0 };
  CsnLineage *theirs_lineage;
  const char *saved_by;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  MergeRecord *record;
  CsnChangeSet *set;

  g_return_val_if_fail (CSN_IS_DRAFT (mine), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (theirs), NULL);
  g_return_val_if_fail (base == NULL || CSN_IS_DRAFT (base), NULL);
  g_return_val_if_fail (theirs_name != NULL, NULL);

  theirs_lineage = csn_draft_get_lineage (theirs);
  saved_by = csn_lineage_get_saved_by (theirs_lineage);
  m.mine = mine;
  m.theirs = theirs;
  m.base = base;
  m.origin = g_strdup (saved_by != NULL && saved_by[0] != '\0' ? saved_by : theirs_name);
  m.classes = g_hash_table_new_full (NULL, NULL, NULL, class_info_free);
  m.new_keys = g_hash_table_new_full (NULL, NULL, NULL, NULL);
  m.top_changes = g_ptr_array_new_with_free_func (g_object_unref);
  m.file_changes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      m.ref_renames[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      m.taken[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    find_renames (&m, c);

  merge_fields (&m, CSN_ITEM (csn_draft_get_meeting (mine)), CSN_ITEM (csn_draft_get_meeting (theirs)),
                base != NULL ? CSN_ITEM (csn_draft_get_meeting (base)) : NULL, m.top_changes);
  merge_unknown (&m, CSN_ITEM (csn_draft_get_meeting (mine)), CSN_ITEM (csn_draft_get_meeting (theirs)),
                 base != NULL ? CSN_ITEM (csn_draft_get_meeting (base)) : NULL, m.top_changes);
  merge_fields (&m, CSN_ITEM (csn_draft_get_document_texts (mine)), CSN_ITEM (csn_draft_get_document_texts (theirs)),
                base != NULL ? CSN_ITEM (csn_draft_get_document_texts (base)) : NULL, m.top_changes);
  merge_unknown (&m, CSN_ITEM (csn_draft_get_document_texts (mine)), CSN_ITEM (csn_draft_get_document_texts (theirs)),
                 base != NULL ? CSN_ITEM (csn_draft_get_document_texts (base)) : NULL, m.top_changes);

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      collect_entries (&m, c);
      for (guint i = 0; i < m.entries[c]->len; i++)
        decide_entry (&m, c, g_ptr_array_index (m.entries[c], i));
    }
  keep_referenced_items (&m);
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    place_additions (&m, c);

  merge_unknown (&m, NULL, NULL, NULL, m.file_changes);

  /* Translators: the undo step of a merge: "Merge “ppt.consenso”" */
  label = g_strdup_printf (_("Merge “%s”"), theirs_name);
  if (saved_by != NULL && saved_by[0] != '\0')
    /* Translators: what the review page reviews: "“ppt.consenso”, saved by PPT" */
    title = g_strdup_printf (_("“%s”, saved by %s"), theirs_name, saved_by);
  else
    title = g_strdup_printf ("“%s”", theirs_name);
  set = csn_change_set_new (label);
  csn_change_set_set_title (set, title);
  if (base == NULL)
    csn_change_set_set_note (set, _("These copies share no known common ancestor: every difference is a conflict."));

  append_all (set, m.top_changes);
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      for (guint i = 0; i < m.entries[c]->len; i++)
        append_all (set, ((Entry *) g_ptr_array_index (m.entries[c], i))->changes);
      for (guint i = 0; i < m.entries[c]->len; i++)
        {
          Entry *entry = g_ptr_array_index (m.entries[c], i);
          if (entry->add != NULL)
            csn_change_set_append (set, entry->add);
        }
      for (guint i = 0; i < m.entries[c]->len; i++)
        {
          Entry *entry = g_ptr_array_index (m.entries[c], i);
          if (entry->remove != NULL)
            csn_change_set_append (set, entry->remove);
        }
    }
  append_all (set, m.file_changes);

  /* Merging a copy mine already descends from brings nothing new to record. */
  record = g_new0 (MergeRecord, 1);
  record->theirs = csn_lineage_copy (theirs_lineage);
  record->record = !lineage_knows (csn_draft_get_lineage (mine), csn_lineage_get_revision (theirs_lineage)) ||
                   !csn_lineage_is_known (theirs_lineage);
  csn_change_set_set_finish_func (set, record_merge_cb, record, merge_record_free);

  merger_clear (&m);
  return set;
}

typedef struct {
  int   rank;
  char *revision;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->rank - y->rank;
}

/* A damaged base is as good as none: the merge then shows every difference as a conflict. */
static CsnDraft *
load_base_quietly (CsnLineage *lineage)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *base = csn_lineage_load_base (lineage, &error);

  if (base == NULL)
    g_debug ("%s", error->message);
  return base;
}

/* The latest common ancestor whose content is at hand: one copy itself (when the other descends
 * from it), either file's agreed base, or the revision cache. Ids decide, never clocks. */
static CsnDraft *
find_base (CsnLineage *mine_lineage,
           CsnDraft   *mine,
           gboolean    mine_modified,
           CsnLineage *theirs_lineage,
           CsnDraft   *theirs,
           gboolean    theirs_modified)
{
  g_auto(GStrv) mine_known = csn_lineage_dup_known_revisions (mine_lineage);
  g_auto(GStrv) theirs_known = csn_lineage_dup_known_revisions (theirs_lineage);
  g_autoptr(GHashTable) mine_rank = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  const char *draft_ids[] = { csn_lineage_get_draft_id (mine_lineage), csn_lineage_get_draft_id (theirs_lineage),
                              NULL };
  CsnDraft *found = NULL;

  if (draft_ids[0] == NULL)
    {
      draft_ids[0] = draft_ids[1];
      draft_ids[1] = NULL;
    }

  for (guint i = 0; mine_known[i] != NULL; i++)
    g_hash_table_insert (mine_rank, mine_known[i], GUINT_TO_POINTER (i + 1));
  for (guint j = 0; theirs_known[j] != NULL; j++)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (mine_rank, theirs_known[j]));

      if (i > 0)
        {
          Candidate candidate = { (int) (i - 1 + j), theirs_known[j] };
          g_array_append_val (candidates, candidate);
        }
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && found == NULL; i++)
    {
      const char *revision = g_array_index (candidates, Candidate, i).revision;

      if (!theirs_modified && g_strcmp0 (revision, csn_lineage_get_revision (theirs_lineage)) == 0)
        found = g_object_ref (theirs);
      else if (mine != NULL && !mine_modified && g_strcmp0 (revision, csn_lineage_get_revision (mine_lineage)) == 0)
        found = g_object_ref (mine);
      if (found == NULL && g_strcmp0 (revision, csn_lineage_get_base_revision (mine_lineage)) == 0)
        found = load_base_quietly (mine_lineage);
      if (found == NULL && g_strcmp0 (revision, csn_lineage_get_base_revision (theirs_lineage)) == 0)
        found = load_base_quietly (theirs_lineage);
      if (found == NULL)
        found = csn_lineage_cache_load (draft_ids, revision);
    }
  return found;
}

/* The common ancestor of @mine and @theirs from their lineage (and the revision cache), or NULL
 * when they share none that can be found. It may be @mine or @theirs itself, when the other
 * descends from it: read it, do not edit it. */
CsnDraft *
csn_merge_find_base (CsnDraft *mine,
                     CsnDraft *theirs)
{
  g_return_val_if_fail (CSN_IS_DRAFT (mine), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (theirs), NULL);

  return find_base (csn_draft_get_lineage (mine), mine, csn_draft_get_modified (mine),
                    csn_draft_get_lineage (theirs), theirs, csn_draft_get_modified (theirs));
}

typedef struct {
  GFile      *theirs_file;
  GFile      *base_file;
  CsnLineage *mine_lineage;   /* a copy: the worker never touches the open draft */
  CsnDraft   *mine;           /* only handed back when it is the common ancestor itself */
  gboolean    mine_modified;
  CsnDraft   *theirs;
  CsnDraft   *base;
  char       *theirs_name;
} MergeJob;

static void
merge_job_free (gpointer data)
{
  MergeJob *job = data;

  g_clear_object (&job->theirs_file);
  g_clear_object (&job->base_file);
  g_clear_object (&job->mine_lineage);
  g_clear_object (&job->mine);
  g_clear_object (&job->theirs);
  g_clear_object (&job->base);
  g_free (job->theirs_name);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  MergeJob *job = task_data;
  GError *error = NULL;

  job->theirs = csn_draft_load_from_file (job->theirs_file, &error);
  if (job->theirs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->base_file != NULL)
    {
      job->base = csn_draft_load_from_file (job->base_file, &error);
      if (job->base == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    job->base = find_base (job->mine_lineage, job->mine, job->mine_modified,
                           csn_draft_get_lineage (job->theirs), job->theirs, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MergeJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Back in the main context: the change set is built against the draft as it is now. */
  g_task_return_pointer (task, csn_merge_drafts (CSN_DRAFT (source), job->theirs, job->base, job->theirs_name),
                         g_object_unref);
}

/* Loads @theirs (and @base, or finds the common ancestor from the lineage and the cache) in a
 * worker thread, then builds the change set against @mine in the caller's main context. */
void
csn_merge_drafts_async (CsnDraft            *mine,
                        GFile               *theirs,
                        GFile               *base,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) loader = NULL;
  g_autofree char *theirs_basename = NULL;
  GTask *task;
  MergeJob *job;

  g_return_if_fail (CSN_IS_DRAFT (mine));
  g_return_if_fail (G_IS_FILE (theirs));
  g_return_if_fail (base == NULL || G_IS_FILE (base));

  task = g_task_new (mine, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_merge_drafts_async);

  job = g_new0 (MergeJob, 1);
  job->theirs_file = g_object_ref (theirs);
  job->base_file = base != NULL ? g_object_ref (base) : NULL;
  job->mine_lineage = csn_lineage_copy (csn_draft_get_lineage (mine));
  job->mine_modified = csn_draft_get_modified (mine);
  job->mine = job->mine_modified ? NULL : g_object_ref (mine);
  theirs_basename = g_file_get_basename (theirs);
  /* The name goes into the undo label and the review's title: UTF-8, whatever bytes name the file. */
  job->theirs_name = g_filename_display_name (theirs_basename);

  loader = g_task_new (mine, cancellable, on_loaded_cb, task);
  g_task_set_task_data (loader, job, merge_job_free);
  g_task_set_return_on_cancel (loader, TRUE);
  g_task_run_in_thread (loader, load_in_thread);
}

/* The change set, or NULL with @error naming the file that could not be loaded. */
CsnChangeSet *
csn_merge_drafts_finish (CsnDraft      *mine,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CSN_IS_DRAFT (mine), NULL);
  g_return_val_if_fail (g_task_is_valid (result, mine), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
quote_side (const char *text)
{
  g_autoptr(GString) out = g_string_new ("“");

  g_string_append (out, text != NULL ? text : "");
  g_string_replace (out, "\n", "\\n", 0);
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The list field after a set change, as the interface shows it. */
static char *
dup_list_after (CsnChange *change,
                CsnDraft  *draft)
{
  CsnItem *item = csn_change_get_item (change);
  const char *property = csn_change_get_property_name (change);
  const char * const *current = csn_item_get_strv (item, property);
  const char *key = csn_change_get_member_key (change);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) after = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], key))
      g_strv_builder_add (builder, current[i]);
  if (csn_change_get_kind (change) == CSN_CHANGE_ADD_TO_SET)
    g_strv_builder_add (builder, key);
  after = g_strv_builder_end (builder);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, after);
  return csn_describe_value (draft, item, property, &value);
}

/* "Theme 3 “Trata…”: horizon: “Short term” | “Medium term”": a conflict as the command line
 * prints it, mine first; a side without the item shows “—”. */
char *
csn_merge_dup_conflict_line (CsnChange *change,
                             CsnDraft  *draft)
{
  g_autofree char *place = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_return_val_if_fail (CSN_IS_CHANGE (change), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  place = csn_change_dup_place (change, draft);
  switch (csn_change_get_kind (change))
    {
    case CSN_CHANGE_ADD_ITEM:
      {
        g_autofree char *title = csn_item_dup_title (csn_change_get_item (change));
        mine = g_strdup ("—");
        theirs = quote_side (title);
      }
      break;
    case CSN_CHANGE_REMOVE_ITEM:
      {
        g_autofree char *title = csn_item_dup_title (csn_change_get_item (change));
        mine = quote_side (title);
        theirs = g_strdup ("—");
      }
      break;
    case CSN_CHANGE_ADD_TO_SET:
    case CSN_CHANGE_REMOVE_FROM_SET:
      {
        g_autofree char *current = csn_change_dup_current_text (change, draft);
        g_autofree char *after = dup_list_after (change, draft);
        mine = quote_side (current);
        theirs = quote_side (after);
      }
      break;
    case CSN_CHANGE_SET_FIELD:
    case CSN_CHANGE_SET_UNKNOWN:
    default:
      {
        g_autofree char *current = csn_change_dup_current_text (change, draft);
        g_autofree char *incoming = csn_change_dup_incoming_text (change, draft);
        mine = quote_side (current);
        theirs = quote_side (incoming);
      }
      break;
    }
  return g_strdup_printf ("%s: %s | %s", place, mine, theirs);
}
