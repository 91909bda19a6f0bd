/* test-command-line.c: the real binary opens the drafts named on its command line. */
#include "config.h"

#include <signal.h>

#include "csn-draft.h"
#include "ui-test-util.h"

static gboolean
recent_lists (gpointer data)
{
  const char *uri = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, uri) != NULL;
}

static void
on_child_exit_cb (GPid     pid,
                  int      status,
                  gpointer user_data)
{
  gboolean *exited = user_data;

  *exited = TRUE;
  g_spawn_close_pid (pid);
}

/* `consenso FILE`: the draft is opened (and so listed among the recent files) by the program itself. */
static void
test_open_argument (void)
{
  const char *binary = g_getenv ("CONSENSO_BINARY");
  g_autofree char *path = ui_test_tmp_path ("argument.consenso");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  const char *argv[] = { binary, path, NULL };
  gboolean exited = FALSE;
  gboolean opened, still_running;
  GPid pid;

  g_assert_nonnull (binary);
  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit_cb, &exited);

  opened = ui_test_wait_for (recent_lists, uri, 2 * UI_TEST_TIMEOUT_MS);
  still_running = !exited;
  /* The child goes, whatever the outcome, before anything is asserted. */
  kill (pid, SIGTERM);
  UI_TEST_WAIT_UNTIL (exited);
  g_assert_true (still_running);
  g_assert_true (opened);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/open-argument", test_open_argument);

  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
