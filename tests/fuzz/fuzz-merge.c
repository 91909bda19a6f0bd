/* fuzz-merge.c: any bytes as up to three drafts split at NUL bytes — mine, theirs and a common
 * ancestor (else the one their lineage finds) — merged: the change set applies as one step that
 * undoes to the exact draft, the result saves back byte-stable, conflicts read as UTF-8 lines, and
 * a clean draft merged with itself changes nothing. */
#include "config.h"

#include "csn-change-set.h"
#include "csn-draft.h"
#include "csn-history.h"
#include "csn-merge.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static CsnDraft *
load_part (const guint8 *data,
           size_t        size,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_data ((const char *) data, size, name, &error);

  if (draft == NULL)
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  return draft;
}

static gboolean
keys_unique (CsnDraft *draft)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          /* Positions are matched by country and item. */
          char *key = c == CSN_COLLECTION_POSITIONS
                      ? g_strdup_printf ("%s\x1f%s", csn_item_get_string (item, "country"),
                                         csn_item_get_string (item, "item"))
                      : g_strdup (csn_item_get_key (item));

          if (!g_hash_table_add (seen, key))
            return FALSE;
        }
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *parts[3] = { NULL, NULL, NULL };
  size_t lengths[3] = { 0, 0, 0 };
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autofree char *before = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *undone = NULL;
  guint n_parts = 0;
  size_t start = 0;

  for (size_t i = 0; i <= size && n_parts < 3; i++)
    if (i == size || data[i] == '\0')
      {
        parts[n_parts] = data + start;
        lengths[n_parts] = i - start;
        n_parts++;
        start = i + 1;
      }
  if (n_parts < 2)
    return 0;

  mine = load_part (parts[0], lengths[0], "mine.consenso");
  theirs = load_part (parts[1], lengths[1], "theirs.consenso");
  if (mine == NULL || theirs == NULL)
    return 0;
  if (n_parts == 3)
    base = load_part (parts[2], lengths[2], "base.consenso");
  if (base == NULL)
    base = csn_merge_find_base (mine, theirs);

  before = csn_draft_to_data (mine, NULL);
  set = csn_merge_drafts (mine, theirs, base, "theirs.consenso");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autofree char *line = csn_merge_dup_conflict_line (change, mine);

      g_assert (g_utf8_validate (line, -1, NULL));
    }

  csn_change_set_accept_all (set, data[size / 2] & 1, TRUE, NULL);
  csn_change_set_apply (set, mine);
  saved = csn_draft_to_data (mine, NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CsnDraft) again = csn_draft_load_from_data (saved, strlen (saved), "merged.consenso", &error);
    g_autofree char *resaved = NULL;

    g_assert_no_error (error);
    resaved = csn_draft_to_data (again, NULL);
    g_assert (g_str_equal (saved, resaved));
  }

  /* One undoable step. */
  if (csn_history_can_undo (csn_draft_get_history (mine)))
    {
      g_assert (csn_draft_undo (mine));
      g_assert (!csn_history_can_undo (csn_draft_get_history (mine)));
    }
  undone = csn_draft_to_data (mine, NULL);
  g_assert (g_str_equal (before, undone));

  /* A draft without repeated keys merged with its own copy changes nothing. */
  if (keys_unique (mine))
    {
      g_autoptr(CsnDraft) copy = csn_draft_load_from_data (before, strlen (before), "copy.consenso", NULL);
      g_autoptr(CsnChangeSet) same = csn_merge_drafts (mine, copy, NULL, "copy.consenso");

      g_assert (g_list_model_get_n_items (G_LIST_MODEL (same)) == 0);
    }
  return 0;
}
