/* test-key-index.c: the draft's lookups by key and its participant counts stay right through any
 * sequence of inserts, removals, moves, key changes, undo and redo, duplicates included. */
#include "config.h"

#include "consenso-core.h"
#include "csn-key-index.h"

static const char *keys[] = { "a", "b", "c", "d", "e" };
static const char *countries[] = { "MX", "GT", "CR" };

/* What a linear search finds: the first item with @key. */
static CsnItem *
linear_lookup (CsnDraft      *draft,
               CsnCollection  collection,
               const char    *key)
{
  GListModel *list = csn_draft_get_collection (draft, collection);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (csn_item_get_key (item), key) == 0)
        return item;
    }
  return NULL;
}

static guint
linear_count (CsnDraft   *draft,
              const char *country)
{
  GListModel *list = csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (list, i);

      if (g_strcmp0 (csn_participant_get_country (participant), country) == 0)
        count++;
    }
  return count;
}

static void
assert_indexes (CsnDraft *draft)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, keys[i]) ==
                     linear_lookup (draft, CSN_COLLECTION_THEMES, keys[i]));
      g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_PARTICIPANTS, keys[i]) ==
                     linear_lookup (draft, CSN_COLLECTION_PARTICIPANTS, keys[i]));
      g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, keys[i]) ==
                     linear_lookup (draft, CSN_COLLECTION_THEMES, keys[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    g_assert_cmpuint (csn_draft_count_participants (draft, countries[i]), ==,
                      linear_count (draft, countries[i]));
}

static CsnItem *
new_item (CsnCollection  collection,
          GRand         *rand)
{
  CsnItem *item = g_object_new (csn_collection_get_item_type (collection),
                                "id", keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))], NULL);

  if (collection == CSN_COLLECTION_PARTICIPANTS)
    g_object_set (item, "country", countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))], NULL);
  return item;
}

/* One random edit: through the draft's undoable edits, or on the list itself (as the merge's apply
 * and the loader do), several items at once. */
static void
random_edit (CsnDraft *draft,
             GRand    *rand)
{
  CsnCollection collection = g_rand_boolean (rand) ? CSN_COLLECTION_THEMES : CSN_COLLECTION_PARTICIPANTS;
  GListModel *list = csn_draft_get_collection (draft, collection);
  guint n = g_list_model_get_n_items (list);
  int op = g_rand_int_range (rand, 0, 9);

  switch (op)
    {
    case 0:
    case 1:
      {
        g_autoptr(CsnItem) item = new_item (collection, rand);
        csn_draft_insert (draft, collection, g_rand_int_range (rand, 0, n + 1), item);
      }
      break;
    case 2:
      if (n > 0)
        csn_draft_remove (draft, collection, g_rand_int_range (rand, 0, n));
      break;
    case 3:
      if (n > 1)
        csn_draft_move (draft, collection, g_rand_int_range (rand, 0, n), g_rand_int_range (rand, 0, n));
      break;
    case 4:
      if (n > 0)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (list, g_rand_int_range (rand, 0, n));
          const char *property = collection == CSN_COLLECTION_PARTICIPANTS && g_rand_boolean (rand)
                                 ? CSN_PARTICIPANT_PROP_COUNTRY : "id";
          const char *value = g_str_equal (property, "id")
                              ? keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))]
                              : countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))];

          csn_draft_set_string (draft, item, property, value);
        }
      break;
    case 5:
      csn_draft_undo (draft);
      break;
    case 6:
      csn_draft_redo (draft);
      break;
    case 7:
      {
        /* A splice of several, possibly the same item twice. */
        guint position = g_rand_int_range (rand, 0, n + 1);
        guint removed = g_rand_int_range (rand, 0, MIN (3, n - position) + 1);
        guint added = g_rand_int_range (rand, 0, 4);
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; i < added; i++)
          {
            if (n > 0 && g_rand_int_range (rand, 0, 4) == 0)
              g_ptr_array_add (items, g_list_model_get_item (list, g_rand_int_range (rand, 0, n)));
            else
              g_ptr_array_add (items, new_item (collection, rand));
          }
        g_list_store_splice (G_LIST_STORE (list), position, removed, items->pdata, items->len);
        /* The history's positions no longer hold. */
        csn_history_clear (csn_draft_get_history (draft));
      }
      break;
    case 8:
      /* A key change outside the history, on an item that may be in the list twice. */
      if (n > 0)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (list, g_rand_int_range (rand, 0, n));
          g_object_set (item, "id", keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))], NULL);
          csn_history_clear (csn_draft_get_history (draft));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_random_edits (void)
{
  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(CsnDraft) draft = csn_draft_new ();

      /* Half the runs index before the first edit, half in the middle of them. */
      if (seed % 2 == 0)
        assert_indexes (draft);
      for (guint step = 0; step < 300; step++)
        {
          random_edit (draft, rand);
          if (seed % 2 == 0 || step > 150)
            assert_indexes (draft);
        }
    }
}

/* The index follows a draft that is loaded, then edited; an item removed leaves no watch behind
 * (its finalization would say so). */
static void
test_loaded_draft (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnItem) theme = g_object_new (CSN_TYPE_THEME, "id", "theme-new", NULL);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(CsnItem) first = g_list_model_get_item (themes, 0);
  g_autofree char *first_id = g_strdup (csn_item_get_key (first));

  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, first_id) == first);
  csn_draft_append (draft, CSN_COLLECTION_THEMES, theme);
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-new") == theme);
  csn_draft_set_string (draft, first, "id", "theme-renamed");
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, first_id));
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-renamed") == first);
  csn_draft_undo (draft);
  g_assert_true (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, first_id) == first);
  csn_draft_undo (draft);
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-new"));
  g_clear_object (&theme);
  csn_history_clear (csn_draft_get_history (draft));
}

/* Two indexes of one list, by two properties, each follow the items' changes, whichever is freed
 * first: an item keeps its first watch in place and the others after it. */
static void
test_two_indexes (void)
{
  for (guint freed_first = 0; freed_first < 2; freed_first++)
    {
      g_autoptr(GListStore) list = g_list_store_new (CSN_TYPE_THEME);
      g_autoptr(CsnItem) theme = g_object_new (CSN_TYPE_THEME, "id", "theme-a", "pillar", "human-rights", NULL);
      CsnKeyIndex *indexes[2];

      g_list_store_append (list, theme);
      indexes[0] = csn_key_index_new (G_LIST_MODEL (list), "id", TRUE);
      indexes[1] = csn_key_index_new (G_LIST_MODEL (list), "pillar", FALSE);

      g_object_set (theme, "id", "theme-b", "pillar", "migration-and-development", NULL);
      g_assert_null (csn_key_index_lookup (indexes[0], "theme-a"));
      g_assert_true (csn_key_index_lookup (indexes[0], "theme-b") == theme);
      g_assert_cmpuint (csn_key_index_count (indexes[1], "human-rights"), ==, 0);
      g_assert_cmpuint (csn_key_index_count (indexes[1], "migration-and-development"), ==, 1);

      /* The other index, alone now, still follows. */
      g_clear_pointer (&indexes[freed_first], csn_key_index_free);
      g_object_set (theme, "id", "theme-c", "pillar", "human-rights", NULL);
      if (freed_first == 1)
        g_assert_true (csn_key_index_lookup (indexes[0], "theme-c") == theme);
      else
        g_assert_cmpuint (csn_key_index_count (indexes[1], "human-rights"), ==, 1);
      g_clear_pointer (&indexes[1 - freed_first], csn_key_index_free);

      /* Watched by none, the item is finalized (which asserts that). */
      g_list_store_remove_all (list);
      g_clear_object (&theme);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-index/random-edits", test_random_edits);
  g_test_add_func ("/key-index/loaded-draft", test_loaded_draft);
  g_test_add_func ("/key-index/two-indexes", test_two_indexes);

  return g_test_run ();
}
