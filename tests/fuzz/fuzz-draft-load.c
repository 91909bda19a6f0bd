/* fuzz-draft-load.c: any bytes as a draft: refused with a message, or loaded, validated and saved
 * back byte-stable; the one-pass reader and the tree reader give the same draft or the same message. */
#include "config.h"

#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-validate.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
assert_same_text (CsnDraft *a,
                  CsnDraft *b)
{
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  gsize a_length, b_length;

  a_text = csn_draft_to_data (a, &a_length);
  b_text = csn_draft_to_data (b, &b_length);
  g_assert (a_length == b_length && memcmp (a_text, b_text, a_length) == 0);
}

/* @loaded and @error: what csn_draft_load_from_data() gave. */
static void
compare_readers (const char   *data,
                 gsize         size,
                 CsnDraft     *loaded,
                 const GError *error)
{
  gsize skip = size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  g_autoptr(CsnDraft) streamed = csn_draft_read_stream (data + skip, size - skip);
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(CsnDraft) tree = csn_draft_load_from_data_tree (data, size, "fuzz.consenso", &tree_error);

  if (streamed != NULL)
    {
      g_assert (tree != NULL);
      assert_same_text (streamed, tree);
    }
  if (tree == NULL)
    {
      g_assert (loaded == NULL && error != NULL && tree_error != NULL);
      g_assert (error->code == tree_error->code && g_str_equal (error->message, tree_error->message));
    }
  else
    {
      g_assert (loaded != NULL);
      assert_same_text (loaded, tree);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnDraft) again = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  gsize saved_length, resaved_length;

  draft = csn_draft_load_from_data ((const char *) data, size, "fuzz.consenso", &error);
  compare_readers ((const char *) data, size, draft, error);
  if (draft == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  problems = csn_draft_validate (draft);
  saved = csn_draft_to_data (draft, &saved_length);
  again = csn_draft_load_from_data (saved, saved_length, "fuzz.consenso", &error);
  g_assert_no_error (error);
  resaved = csn_draft_to_data (again, &resaved_length);
  g_assert (saved_length == resaved_length && memcmp (saved, resaved, saved_length) == 0);
  return 0;
}
