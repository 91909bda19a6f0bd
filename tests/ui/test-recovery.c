/* test-recovery.c: unsaved changes survive a kill -9 and are offered at the next start. */
#include "config.h"

#include <signal.h>

#include "csn-draft.h"
#include "csn-history.h"
#include "csn-item.h"
#include "csn-meeting.h"
#include "csn-recovery.h"
#include "csn-restore-dialog.h"
#include "csn-settings.h"
#include "ui-test-util.h"

#define EDITED_VENUE "Ciudad de Guatemala"

static char *
dup_recovery_directory (void)
{
  return csn_recovery_dup_default_directory ();
}

static guint
count_recovery_files (void)
{
  g_autofree char *directory = dup_recovery_directory ();
  g_autoptr(GPtrArray) files = csn_recovery_list_files (directory);

  return files->len;
}

static GFile *
get_original_file (void)
{
  g_autofree char *path = ui_test_tmp_path ("meeting.consenso");

  return g_file_new_for_path (path);
}

static void
write_original_file (void)
{
  g_autoptr(GFile) file = get_original_file ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;

  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
}

static void
remove_all_recovery_files (void)
{
  g_autofree char *directory = dup_recovery_directory ();
  g_autoptr(GPtrArray) files = csn_recovery_list_files (directory);

  for (guint i = 0; i < files->len; i++)
    csn_recovery_remove_file (g_ptr_array_index (files, i));
}

/* The module alone: a copy within the delay, a faithful restore, gone after a save. */
static void
test_module (void)
{
  g_autofree char *directory = ui_test_tmp_path ("module-recovery");
  g_autoptr(GFile) file = get_original_file ();
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnRecovery) recovery = NULL;
  g_autoptr(CsnRecovery) restored = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored_data = NULL;
  gint64 start;

  write_original_file ();
  draft = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  recovery = csn_recovery_new (draft, directory);
  /* The shortest delay the settings allow: the test waits for it. */
  csn_recovery_set_delay (recovery, 1);

  /* Nothing to keep while the draft is as on disk: no copy is even planned. */
  g_assert_false (csn_recovery_get_pending (recovery));
  ui_test_flush ();
  g_assert_false (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));

  start = g_get_monotonic_time ();
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", EDITED_VENUE);
  g_assert_true (csn_recovery_get_pending (recovery));
  while (csn_recovery_get_pending (recovery))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <=, 10 * G_USEC_PER_SEC);
  g_assert_true (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  g_assert_nonnull (csn_recovery_get_saved_time (recovery));

  files = csn_recovery_list_files (directory);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, csn_recovery_get_path (recovery));

  restored = csn_recovery_restore (csn_recovery_get_path (recovery), &error);
  g_assert_no_error (error);
  expected = csn_draft_to_data (draft, NULL);
  restored_data = csn_draft_to_data (csn_recovery_get_draft (restored), NULL);
  g_assert_cmpstr (restored_data, ==, expected);
  g_assert_true (csn_draft_get_modified (csn_recovery_get_draft (restored)));
  g_assert_true (g_file_equal (csn_draft_get_file (csn_recovery_get_draft (restored)), file));
  g_assert_cmpstr (csn_recovery_get_path (restored), ==, csn_recovery_get_path (recovery));

  /* What the restore dialog says of the copy, from its sidecar alone. */
  {
    g_autofree char *name = NULL;
    g_autoptr(GDateTime) saved = NULL;

    g_assert_true (csn_recovery_peek (csn_recovery_get_path (recovery), &name, &saved, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "meeting.consenso");
    g_assert_true (g_date_time_equal (saved, csn_recovery_get_saved_time (restored)));
  }
  g_clear_object (&restored);

  /* Undoing back to the saved state, or saving, removes the copy. */
  csn_draft_undo (draft);
  g_assert_false (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  csn_draft_redo (draft);
  g_assert_true (csn_recovery_flush (recovery, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));

  /* An explicit discard removes it too. */
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", "Tegucigalpa");
  g_assert_true (csn_recovery_flush (recovery, &error));
  g_assert_true (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  csn_recovery_discard (recovery);
  g_assert_false (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = csn_recovery_list_files (directory);
  g_assert_cmpuint (files->len, ==, 0);
}

static void
test_module_untitled (void)
{
  g_autofree char *directory = ui_test_tmp_path ("module-untitled");
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnRecovery) recovery = csn_recovery_new (draft, directory);
  g_autoptr(CsnRecovery) restored = NULL;
  g_autoptr(GError) error = NULL;

  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "title", "Sin guardar");
  g_assert_true (csn_recovery_flush (recovery, &error));
  restored = csn_recovery_restore (csn_recovery_get_path (recovery), &error);
  g_assert_no_error (error);
  g_assert_null (csn_draft_get_file (csn_recovery_get_draft (restored)));
  g_assert_true (csn_draft_get_modified (csn_recovery_get_draft (restored)));
  {
    g_autofree char *name = NULL;
    g_autoptr(GDateTime) saved = NULL;

    g_assert_true (csn_recovery_peek (csn_recovery_get_path (restored), &name, &saved, &error));
    g_assert_cmpstr (name, ==, "Untitled draft");
    g_assert_nonnull (saved);
  }
  csn_recovery_discard (restored);
  {
    g_autofree char *name = NULL;
    g_autoptr(GDateTime) saved = NULL;

    /* Gone: nothing to say of it. */
    g_assert_false (csn_recovery_peek (csn_recovery_get_path (restored), &name, &saved, &error));
    g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ);
    g_assert_null (name);
  }
}

/* In a child process: the real window, an edit through its overview, then SIGKILL once it is kept. */
static void
edit_and_die (void)
{
  g_autoptr(GFile) file = get_original_file ();
  g_autoptr(GSettings) settings = csn_settings_new ();
  CsnApplication *app = ui_test_create_application ();
  GtkWindow *window;
  GtkWidget *venue_row;

  /* The shortest delay the settings allow: the test waits for it. */
  g_settings_set_uint (settings, "autosave-delay", 1);
  g_application_hold (G_APPLICATION (app));
  csn_application_open_file (app, file, NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CSN_IS_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  venue_row = GTK_WIDGET (gtk_widget_get_template_child (csn_window_get_page (CSN_WINDOW (window), "overview"),
                                                         g_type_from_name ("CsnOverviewPage"),
                                                         "venue_row"));
  gtk_editable_set_text (GTK_EDITABLE (venue_row), EDITED_VENUE);
  g_signal_emit_by_name (venue_row, "entry-activated");
  g_assert_true (csn_draft_get_modified (csn_window_get_draft (CSN_WINDOW (window))));

  UI_TEST_WAIT_UNTIL (count_recovery_files () > 0);
  raise (SIGKILL);
}

static CsnWindow *
find_window (CsnApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL && CSN_IS_WINDOW (windows->data) ? windows->data : NULL;
}

static void
kill_child (void)
{
  if (g_test_subprocess ())
    {
      edit_and_die ();
      return;
    }

  write_original_file ();
  remove_all_recovery_files ();
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_assert_cmpuint (count_recovery_files (), ==, 1);
}

static void
test_restore_after_kill (void)
{
  g_autoptr(GFile) original = get_original_file ();
  g_autoptr(CsnApplication) app = NULL;
  g_autoptr(CsnDraft) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  CsnWindow *window;
  CsnDraft *draft;

  kill_child ();
  if (g_test_subprocess ())
    return;

  /* The file itself never saw the edit. */
  on_disk = csn_draft_load_from_file (original, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (on_disk)), "venue"), ==, "");

  /* The next start offers the changes back, once its window has painted its first frame: reading
   * the copies does not hold the window back. */
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_RESTORE_DIALOG)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_window (app))));
  dialog = ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "meeting.consenso"));
  ui_test_click_response (GTK_WINDOW (dialog), "restore");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG) == NULL &&
                      (window = find_window (app)) != NULL && csn_draft_get_modified (csn_window_get_draft (window)));

  /* Restored into the untouched new window: unsaved, with its own file name. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  window = find_window (app);
  draft = csn_window_get_draft (window);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "venue"), ==, EDITED_VENUE);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), original));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• meeting.consenso"));
  g_assert_cmpuint (count_recovery_files (), ==, 1);

  /* Saving (in the background) puts the changes in the file and removes the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!csn_draft_get_modified (draft));
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  g_clear_object (&on_disk);
  on_disk = csn_draft_load_from_file (original, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (on_disk)), "venue"), ==, EDITED_VENUE);

  ui_test_destroy_window (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
}

static void
test_discard_after_kill (void)
{
  g_autoptr(CsnApplication) app = NULL;
  GtkWindow *dialog;
  CsnWindow *window;

  kill_child ();
  if (g_test_subprocess ())
    return;

  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_RESTORE_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG);
  ui_test_click_response (GTK_WINDOW (dialog), "discard");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG) == NULL && count_recovery_files () == 0);
  ui_test_flush ();

  window = find_window (app);
  g_assert_true (csn_window_is_pristine (window));
  ui_test_destroy_window (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
}

/* A copy that cannot be read (cut short, or from a later version) is offered by its name without
 * being read in full; restoring it says why it failed, and the copy stays on disk. */
static void
test_unreadable_copy (void)
{
  g_autoptr(CsnApplication) app = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnRecovery) recovery = NULL;
  g_autoptr(GFile) file = get_original_file ();
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = dup_recovery_directory ();
  g_autofree char *path = NULL;
  GtkWindow *dialog;
  CsnWindow *window;

  remove_all_recovery_files ();
  write_original_file ();
  draft = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  recovery = csn_recovery_new (draft, directory);
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", EDITED_VENUE);
  g_assert_true (csn_recovery_flush (recovery, &error));
  path = g_strdup (csn_recovery_get_path (recovery));
  /* Left behind as a crash leaves it: the object goes, the files stay. */
  g_object_run_dispose (G_OBJECT (recovery));
  g_clear_object (&recovery);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"consenso-draft\", \"version\": 1, \"meet", -1, &error));

  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_RESTORE_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "meeting.consenso"));
  ui_test_click_response (GTK_WINDOW (dialog), "restore");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_RESTORE_DIALOG) == NULL &&
                      (window = find_window (app)) != NULL && csn_window_get_error (window) != NULL);
  g_assert_true (csn_window_is_pristine (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  ui_test_destroy_window (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  remove_all_recovery_files ();
}

/* Many copies of few drafts: each name once with its count, and a long list cut short. */
static void
test_dialog_names (void)
{
  const char *repeated[] = { "“a.consenso”", "“b.consenso”", "“a.consenso”", "“a.consenso”", NULL };
  const char *many[] = { "“a”", "“b”", "“c”", "“d”", "“e”", "“f”", NULL };
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 11, 25, 10, 12, 3);
  GtkWidget *dialog;
  const char *body;

  dialog = csn_restore_dialog_new (NULL, repeated, when);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "“a.consenso” (3 copies), “b.consenso” were saved"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = csn_restore_dialog_new (NULL, many, when);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "“a”, “b”, “c” and 3 other drafts were saved"));
  g_assert_null (strstr (body, "“d”"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/recovery/module", test_module);
  g_test_add_func ("/recovery/module-untitled", test_module_untitled);
  g_test_add_func ("/recovery/restore-after-kill", test_restore_after_kill);
  g_test_add_func ("/recovery/discard-after-kill", test_discard_after_kill);
  g_test_add_func ("/recovery/dialog-names", test_dialog_names);
  g_test_add_func ("/recovery/unreadable-copy", test_unreadable_copy);

  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
