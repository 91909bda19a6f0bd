/* fuzz-export.c: any bytes as a draft; one that loads is exported to a workbook in Spanish and in
 * English: a ZIP file, or a failure with a message, never a crash. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-draft.h"
#include "csn-export.h"
#include "fuzz-scratch.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *workbook_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  workbook_path = fuzz_scratch_path ("out.xlsx");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data ((const char *) data, size, "fuzz.consenso",
                                                        &error);
  const CsnLanguage languages[] = { CSN_LANGUAGE_ES, CSN_LANGUAGE_EN };

  if (draft == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!csn_export_xlsx (draft, workbook_path, languages[i], NULL, NULL, NULL, &error))
        {
          g_assert (g_utf8_validate (error->message, -1, NULL));
          g_clear_error (&error);
          continue;
        }
      g_assert (g_file_get_contents (workbook_path, &contents, &length, NULL));
      g_assert (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
      g_unlink (workbook_path);
    }
  return 0;
}
