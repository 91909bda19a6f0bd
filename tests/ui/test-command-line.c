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

/* The window's module the child mapped, or NULL. */
static char *
dup_mapped_module (GPid pid)
{
  g_autofree char *maps_path = g_strdup_printf ("/proc/%d/maps", (int) pid);
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (maps_path, &maps, NULL, NULL))
    return NULL;
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');

      if (path != NULL && g_str_has_suffix (path, "/libconsenso-gui.so"))
        return g_strdup (path);
    }
  return NULL;
}

/* `consenso FILE`: the draft is opened (and so listed among the recent files) by the program itself,
 * through the window's module beside the uninstalled binary. */
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
  g_autofree char *binary_dir = NULL;
  g_autofree char *expected_module = NULL;
  g_autofree char *module = NULL;
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
  module = dup_mapped_module (pid);
  /* The child goes, whatever the outcome, before anything is asserted. */
  kill (pid, SIGTERM);
  UI_TEST_WAIT_UNTIL (exited);
  g_assert_true (still_running);
  g_assert_true (opened);
  binary_dir = g_path_get_dirname (binary);
  expected_module = g_build_filename (binary_dir, "libconsenso-gui.so", NULL);
  g_assert_cmpstr (module, ==, expected_module);
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
