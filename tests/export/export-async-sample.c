/* export-async-sample.c: exports a draft with the async API and edits it meanwhile, for check-workbook.py. */
#define G_LOG_DOMAIN "export-async-sample"

#include "config.h"

#include <locale.h>

#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-export.h"
#include "csn-item.h"
#include "csn-meeting.h"

typedef struct {
  GMainLoop *loop;
  double     last;
  guint      calls;
  gboolean   ok;
  GError    *error;
} State;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  State *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last);
  state->last = fraction;
  state->calls++;
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  State *state = user_data;

  state->ok = csn_export_xlsx_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  State state = { 0 };
  int language;

  setlocale (LC_ALL, "");
  if (argc != 4 || !csn_enum_from_nick (CSN_TYPE_LANGUAGE, argv[2], &language))
    {
      g_printerr ("usage: export-async-sample DRAFT es|en OUT.xlsx\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  state.loop = g_main_loop_new (NULL, FALSE);
  csn_export_xlsx_async_full (draft, argv[3], language, on_progress_cb, &state, NULL, NULL,
                              on_export_done_cb, &state);
  /* Edits after the call must not reach the workbook: check-workbook.py looks for them. */
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "title", "EDITED AFTER EXPORT");
  while (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)) > 0)
    csn_draft_remove (draft, CSN_COLLECTION_STRATEGIES, 0);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  if (!state.ok)
    {
      g_printerr ("%s\n", state.error->message);
      g_clear_error (&state.error);
      return 1;
    }
  if (state.calls < 2 || state.last != 1.0)
    {
      g_printerr ("progress was reported %u times, the last at %g\n", state.calls, state.last);
      return 1;
    }
  return 0;
}
