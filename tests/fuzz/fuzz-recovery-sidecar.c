/* fuzz-recovery-sidecar.c: any bytes as the sidecar of a recovery copy (where the draft came from,
 * when the copy was made): the restore dialog's peek still names the copy and gives it a time, and the
 * copy restores the very draft it keeps, unsaved, with a file only from a valid URI. */
#include "config.h"

#include "csn-draft.h"
#include "csn-recovery.h"
#include "fuzz-scratch.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *copy_path;
static char *sidecar_path;
static char *kept;   /* the content of the draft in the copy */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  copy_path = fuzz_scratch_path ("0b9a3f1e-5d2c-4e8a-9f70-1c2d3e4f5a6b.consenso");
  sidecar_path = fuzz_scratch_path ("0b9a3f1e-5d2c-4e8a-9f70-1c2d3e4f5a6b.json");

  draft = csn_draft_new_from_template ();
  data = csn_draft_to_data (draft, &length);
  g_file_set_contents (copy_path, data, length, &error);
  g_assert_no_error (error);
  kept = csn_draft_content_to_data (draft, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_time = NULL;
  g_autoptr(CsnRecovery) recovery = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *restored_name = NULL;
  g_autofree char *content = NULL;
  CsnDraft *draft;
  GFile *file;

  g_file_set_contents (sidecar_path, (const char *) data, size, &error);
  g_assert_no_error (error);

  /* The sidecar only adds to the copy: whatever it holds, the copy is offered and restored. */
  g_assert (csn_recovery_peek (copy_path, &display_name, &saved_time, &error));
  g_assert_no_error (error);
  g_assert (display_name != NULL && *display_name != '\0' && g_utf8_validate (display_name, -1, NULL));
  g_assert (saved_time != NULL);

  recovery = csn_recovery_restore (copy_path, &error);
  g_assert_no_error (error);
  g_assert (recovery != NULL);
  g_assert (csn_recovery_get_saved_time (recovery) != NULL);
  draft = csn_recovery_get_draft (recovery);
  g_assert (csn_draft_get_modified (draft));
  content = csn_draft_content_to_data (draft, NULL);
  g_assert (g_str_equal (content, kept));

  /* The restored draft is called what the peek said. */
  restored_name = csn_draft_dup_display_name (draft);
  g_assert (g_utf8_validate (restored_name, -1, NULL));
  g_assert (g_str_equal (restored_name, display_name));
  file = csn_draft_get_file (draft);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_assert (g_utf8_validate (uri, -1, NULL));
    }
  return 0;
}
