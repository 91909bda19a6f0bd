/* fuzz-draft-load.c: any bytes as a draft: refused with a message, or loaded, validated and saved
 * back byte-stable. */
#include "config.h"

#include "csn-draft.h"
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
