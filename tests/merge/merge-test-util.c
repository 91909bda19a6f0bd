/* merge-test-util.c: copies, saves and merges of drafts for the merge tests. */
#include "config.h"

#include "merge-test-util.h"

/* Another co-chair's copy of the file as it is now: the same text, lineage included. */
CsnDraft *
mtu_copy (CsnDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  CsnDraft *copy;
  gsize length;

  data = csn_draft_to_data (draft, &length);
  copy = csn_draft_load_from_data (data, length, "copy.consenso", &error);
  g_assert_no_error (error);
  csn_history_mark_saved (csn_draft_get_history (copy));
  return copy;
}

/* What a save does to the draft, without the file: a new revision, then unmodified. */
void
mtu_save (CsnDraft   *draft,
          const char *saved_by)
{
  g_autoptr(CsnLineage) lineage = NULL;

  csn_draft_set_saved_by (draft, saved_by);
  lineage = csn_lineage_new_for_save (csn_draft_get_lineage (draft), draft, saved_by);
  csn_lineage_assign (csn_draft_get_lineage (draft), lineage);
  csn_history_mark_saved (csn_draft_get_history (draft));
}

CsnItem *
mtu_item (CsnDraft      *draft,
          CsnCollection  collection,
          guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;  /* the draft keeps it */
}

/* The merge with its defaults applied to @mine; the set says what it found. */
CsnChangeSet *
mtu_merge (CsnDraft *mine,
           CsnDraft *theirs,
           CsnDraft *base)
{
  CsnChangeSet *set = csn_merge_drafts (mine, theirs, base, "theirs.consenso");

  csn_change_set_apply (set, mine);
  return set;
}

char *
mtu_content (CsnDraft *draft)
{
  return csn_draft_content_to_data (draft, NULL);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
sort_strings (JsonArray *array)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, g_strdup (json_array_get_string_element (array, i)));
  g_ptr_array_sort (strings, compare_keys);
  for (guint i = 0; i < strings->len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      json_node_set_string (node, g_ptr_array_index (strings, i));
    }
}

static char *
dup_sort_key (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);
  const char *members[] = { "id", "code", "country" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (object, members[i]) && (i < 2 || !json_object_has_member (object, "text")))
      return g_strdup (json_object_get_string_member (object, members[i]));
  /* A reservation: its country and text. */
  return json_to_string (node, FALSE);
}

typedef struct {
  char     *key;
  JsonNode *node;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

static void canonicalize (JsonNode *node,
                          gboolean  lists_too);

static void
sort_objects (JsonArray *array)
{
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Keyed k;

      k.node = json_node_copy (json_array_get_element (array, i));
      canonicalize (k.node, TRUE);
      k.key = dup_sort_key (k.node);
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  while (json_array_get_length (array) > 0)
    json_array_remove_element (array, 0);
  for (guint i = 0; i < n; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);
      json_array_add_element (array, k->node);
      g_free (k->key);
    }
}

static void
canonicalize (JsonNode *node,
              gboolean  lists_too)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 0)
        return;
      if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
        sort_strings (array);
      else if (lists_too || json_object_has_member (json_node_get_object (json_array_get_element (array, 0)), "text"))
        sort_objects (array);
      else
        for (guint i = 0; i < json_array_get_length (array); i++)
          canonicalize (json_array_get_element (array, i), FALSE);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        canonicalize (member, lists_too);
    }
}

static char *
dup_canonical (CsnDraft *draft,
               gboolean  lists_too)
{
  g_autofree char *content = mtu_content (draft);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonNode *root;

  json_parser_load_from_data (parser, content, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  canonicalize (root, lists_too);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* The content with every list sorted by key and every set by member: what two merge orders must
 * agree on when each keeps its own side's order. */
char *
mtu_canonical (CsnDraft *draft)
{
  return dup_canonical (draft, TRUE);
}

/* The content with only sets and reservations sorted (members and a theme's reservations join in
 * the order they come). */
char *
mtu_canonical_sets (CsnDraft *draft)
{
  return dup_canonical (draft, FALSE);
}

/* The conflict lines of @set, as the command line prints them. */
GPtrArray *
mtu_conflicts (CsnChangeSet *set,
               CsnDraft     *mine)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (csn_change_get_conflict (change))
        g_ptr_array_add (lines, csn_merge_dup_conflict_line (change, mine));
    }
  return lines;
}

static gboolean
ref_resolves (CsnDraft       *draft,
              const CsnField *field,
              const char     *key)
{
  if (key == NULL || key[0] == '\0')
    return field->kind == CSN_FIELD_REF_LIST || (field->flags & CSN_FIELD_FLAG_NULLABLE);
  return csn_draft_lookup (draft, field->target, key) != NULL;
}

static gboolean
item_refs_resolve (CsnDraft   *draft,
                   CsnItem    *item,
                   char      **problem)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *property = csn_field_get_property_name (&fields[i], NULL);

      if (fields[i].kind == CSN_FIELD_REF && !(fields[i].flags & CSN_FIELD_FLAG_KEY) &&
          !ref_resolves (draft, &fields[i], csn_item_get_string (item, property)))
        {
          *problem = g_strdup_printf ("%s: %s → %s", csn_item_get_key (item) ? csn_item_get_key (item) : "?",
                                      fields[i].key, csn_item_get_string (item, property));
          return FALSE;
        }
      if (fields[i].kind == CSN_FIELD_REF_LIST)
        {
          const char * const *list = csn_item_get_strv (item, property);

          for (guint j = 0; list[j] != NULL; j++)
            if (!ref_resolves (draft, &fields[i], list[j]))
              {
                *problem = g_strdup_printf ("%s: %s → %s", csn_item_get_key (item), fields[i].key, list[j]);
                return FALSE;
              }
        }
      if (fields[i].kind == CSN_FIELD_CHILDREN)
        {
          GListModel *children = csn_item_get_children (item, property);

          for (guint j = 0; j < g_list_model_get_n_items (children); j++)
            {
              g_autoptr(CsnItem) child = g_list_model_get_item (children, j);
              if (!item_refs_resolve (draft, child, problem))
                return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
mtu_refs_resolve (CsnDraft  *draft,
                  char     **problem)
{
  if (!item_refs_resolve (draft, CSN_ITEM (csn_draft_get_meeting (draft)), problem))
    return FALSE;
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);

          if (!item_refs_resolve (draft, item, problem))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
mtu_ids_unique (CsnDraft  *draft,
                char     **problem)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          const char *key = csn_item_get_key (item);

          if (!g_hash_table_add (seen, (gpointer) key))
            {
              *problem = g_strdup_printf ("%s: “%s” twice", csn_collection_get_key (c), key);
              return FALSE;
            }
        }
    }
  return TRUE;
}
