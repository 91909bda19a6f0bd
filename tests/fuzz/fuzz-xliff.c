/* fuzz-xliff.c: any bytes as a translated XLIFF file for the template: refused with a message that
 * names the file and the line, or read into changes that apply, undo to the very draft, and redo. */
#include "config.h"

#include "csn-change-set.h"
#include "csn-draft.h"
#include "csn-xliff-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static CsnDraft *draft;
static char *pristine;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  draft = csn_draft_new_from_template ();
  pristine = csn_draft_content_to_data (draft, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  /* A small limit, so the limit is reached too. */
  files = csn_xliff_read (stream, "fuzz.xlf", 64 * 1024, NULL, &error);
  if (files == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.xlf: "));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  set = csn_xliff_build_change_set (draft, files, "fuzz.xlf", &reports, &error);
  if (set == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.xlf: line "));
      return 0;
    }
  g_assert (reports != NULL);

  /* Whatever it holds applies as one step that undo takes back whole. */
  csn_change_set_accept_all (set, TRUE, FALSE, NULL);
  if (csn_change_set_apply (set, draft) > 0)
    {
      applied = csn_draft_content_to_data (draft, NULL);
      g_assert (csn_draft_undo (draft));
      undone = csn_draft_content_to_data (draft, NULL);
      g_assert (g_str_equal (undone, pristine));
      g_assert (csn_draft_redo (draft));
      redone = csn_draft_content_to_data (draft, NULL);
      g_assert (g_str_equal (redone, applied));
      g_assert (csn_draft_undo (draft));
    }
  return 0;
}
