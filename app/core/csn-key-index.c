/* csn-key-index.c: the items of a list by the value of one text property, kept up to date from the
 * list's items-changed (forwarded by its owner, who connects first) and from a watch on each item,
 * so that a lookup stays a hash lookup however the list is edited. */
#define G_LOG_DOMAIN "csn-key-index"

#include "config.h"

#include "csn-item-private.h"
#include "csn-key-index.h"

typedef struct
{
  char    *value;
  CsnItem *first;   /* the first item in list order with the value (when tracked) */
  guint    count;   /* occurrences of items with it */
} Entry;

struct _CsnKeyIndex
{
  GListModel *list;         /* the owner's, who outlives the index */
  const char *property;     /* interned */
  gboolean    track_first;
  GPtrArray  *items;        /* the list as last seen, each with a reference and a watch */
  GHashTable *entries;      /* value -> Entry */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->value);
  g_free (entry);
}

static const char *
get_value (CsnKeyIndex *self,
           CsnItem     *item)
{
  return csn_item_get_string (item, self->property);
}

static guint
position_of (CsnKeyIndex *self,
             CsnItem     *item)
{
  guint position = G_MAXUINT;

  g_ptr_array_find (self->items, item, &position);
  return position;
}

/* The first item in the list whose value is @value now, or NULL. */
static CsnItem *
find_first (CsnKeyIndex *self,
            const char  *value)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      CsnItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (get_value (self, item), value) == 0)
        return item;
    }
  return NULL;
}

/* One occurrence of @item (already in self->items) now has @value. */
static void
add_value (CsnKeyIndex *self,
           CsnItem     *item,
           const char  *value,
           gboolean     in_order)
{
  Entry *entry;

  if (value == NULL)
    return;

  entry = g_hash_table_lookup (self->entries, value);
  if (entry == NULL)
    {
      entry = g_new (Entry, 1);
      entry->value = g_strdup (value);
      entry->first = item;
      entry->count = 1;
      g_hash_table_insert (self->entries, entry->value, entry);
      return;
    }

  entry->count++;
  /* Items added in list order never come before the first one; others may. */
  if (self->track_first && !in_order && entry->first != item &&
      (entry->first == NULL || position_of (self, item) < position_of (self, entry->first)))
    entry->first = item;
}

/* One occurrence of @item no longer has @value (it left the list, or its value changed). */
static void
remove_value (CsnKeyIndex *self,
              CsnItem     *item,
              const char  *value)
{
  Entry *entry;

  if (value == NULL)
    return;

  entry = g_hash_table_lookup (self->entries, value);
  g_return_if_fail (entry != NULL && entry->count > 0);

  if (--entry->count == 0)
    g_hash_table_remove (self->entries, value);
  else if (self->track_first && entry->first == item)
    entry->first = find_first (self, value);
}

static void
on_item_changed_cb (CsnItem      *item,
                    GParamSpec   *pspec,
                    const GValue *old_value,
                    gpointer      user_data)
{
  CsnKeyIndex *self = user_data;

  if (pspec->name != self->property && !g_str_equal (pspec->name, self->property))
    return;
  remove_value (self, item, g_value_get_string (old_value));
  add_value (self, item, get_value (self, item), FALSE);
}

/* Indexes every item of @list by @property now, and follows the list and the items from then on:
 * the owner calls csn_key_index_items_changed() from the list's items-changed. @track_first: also
 * know the first item of each value, for csn_key_index_lookup(). */
CsnKeyIndex *
csn_key_index_new (GListModel *list,
                   const char *property,
                   gboolean    track_first)
{
  CsnKeyIndex *self;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (list), CSN_TYPE_ITEM), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  self = g_new0 (CsnKeyIndex, 1);
  self->list = list;
  self->property = g_intern_string (property);
  self->track_first = track_first;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);

  n_items = g_list_model_get_n_items (list);
  self->items = g_ptr_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      CsnItem *item = g_list_model_get_item (list, i);

      g_ptr_array_add (self->items, item);
      csn_item_add_watch (item, on_item_changed_cb, self);
      add_value (self, item, get_value (self, item), TRUE);
    }
  return self;
}

void
csn_key_index_free (CsnKeyIndex *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      CsnItem *item = g_ptr_array_index (self->items, i);

      csn_item_remove_watch (item, on_item_changed_cb, self);
      g_object_unref (item);
    }
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->entries);
  g_free (self);
}

/* What the list's items-changed says, after the list changed: the removed items are the ones the
 * index still holds at @position. */
void
csn_key_index_items_changed (CsnKeyIndex *self,
                             guint        position,
                             guint        removed,
                             guint        added)
{
  g_autofree CsnItem **gone = NULL;
  guint old_len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (position + removed <= self->items->len);

  /* The list as it is now first, so that looking for a new first item sees it. */
  gone = g_memdup2 (self->items->pdata + position, removed * sizeof (CsnItem *));
  old_len = self->items->len;
  if (added > removed)
    g_ptr_array_set_size (self->items, old_len + added - removed);
  memmove (self->items->pdata + position + added, self->items->pdata + position + removed,
           (old_len - position - removed) * sizeof (gpointer));
  if (removed > added)
    g_ptr_array_set_size (self->items, old_len + added - removed);
  for (guint i = 0; i < added; i++)
    self->items->pdata[position + i] = g_list_model_get_item (self->list, position + i);

  for (guint i = 0; i < removed; i++)
    {
      remove_value (self, gone[i], get_value (self, gone[i]));
      csn_item_remove_watch (gone[i], on_item_changed_cb, self);
      g_object_unref (gone[i]);
    }
  for (guint i = 0; i < added; i++)
    {
      CsnItem *item = g_ptr_array_index (self->items, position + i);

      csn_item_add_watch (item, on_item_changed_cb, self);
      add_value (self, item, get_value (self, item), FALSE);
    }
}

/* The first item in list order whose property is @value, or NULL; needs track_first. */
CsnItem *
csn_key_index_lookup (CsnKeyIndex *self,
                      const char  *value)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL && self->track_first, NULL);

  if (value == NULL)
    return NULL;
  entry = g_hash_table_lookup (self->entries, value);
  if (entry == NULL)
    return NULL;
  /* Only while an item is in the list twice and changes its value (once per occurrence). */
  if (entry->first == NULL)
    entry->first = find_first (self, value);
  return entry->first;
}

/* How many items of the list have @value (an item in the list twice counts twice). */
guint
csn_key_index_count (CsnKeyIndex *self,
                     const char  *value)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);

  if (value == NULL)
    return 0;
  entry = g_hash_table_lookup (self->entries, value);
  return entry != NULL ? entry->count : 0;
}
