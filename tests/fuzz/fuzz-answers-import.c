/* fuzz-answers-import.c: any bytes as a delegation's returned workbook, compared with the CRM template:
 * refused with messages that name the file, or turned into changes that describe themselves, apply as
 * one step and undo back to the draft as it was. */
#include "config.h"

#include <string.h>

#include "csn-answers-import-private.h"
#include "csn-change-set.h"
#include "csn-change.h"
#include "csn-draft.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static CsnDraft *draft;
static char *original;

/* libgsf 1.14.50 unrefs the NULL it gets for a zip entry whose DOS time is no date (see
 * fuzz-xlsx-reader.c): that one critical is harmless; every other critical or warning stays fatal. */
static gboolean
on_fatal_log_cb (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "GLib") == 0
           && g_str_has_suffix (message, "g_date_time_unref: assertion 'datetime != NULL' failed"));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_test_log_set_fatal_handler (on_fatal_log_cb, NULL);
  draft = csn_draft_new_from_template ();
  original = csn_draft_to_data (draft, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  const char *names[] = { "fuzz.xlsx" };
  guint n_changes;

  set = csn_answers_import_bytes (draft, &bytes, names, 1, &problems);
  g_assert (set != NULL && problems != NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert (g_utf8_validate (problem->message, -1, NULL));
      g_assert (g_str_has_prefix (problem->message, "fuzz.xlsx"));
    }

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      g_autofree char *place = csn_change_dup_place (change, draft);
      g_autofree char *current = csn_change_dup_current_text (change, draft);
      g_autofree char *incoming = csn_change_dup_incoming_text (change, draft);

      g_assert (g_utf8_validate (place, -1, NULL) && g_utf8_validate (incoming, -1, NULL));
      g_assert (g_utf8_validate (current, -1, NULL));
      g_assert (g_strcmp0 (csn_change_get_origin (change), "fuzz.xlsx") == 0);
      csn_change_set_accepted (change, csn_change_get_applicable (change));
    }

  if (csn_change_set_get_n_accepted (set) > 0)
    {
      g_autofree char *undone = NULL;

      csn_change_set_apply (set, draft);
      g_assert (csn_draft_undo (draft));
      undone = csn_draft_to_data (draft, NULL);
      g_assert (strcmp (undone, original) == 0);
    }
  return 0;
}
