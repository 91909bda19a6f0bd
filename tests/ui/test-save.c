/* test-save.c: the window saves in the background and never over someone else's edit: the window
 * stays responsive while a save runs, edits made meanwhile stay unsaved, closing waits for the save;
 * a file changed on disk asks Save As / Overwrite / Reload, a read-only one offers Save As; file
 * names that are not UTF-8 are shown as display names. The saves are held at their last step by
 * save-gate.c for as long as a test needs. */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "csn-answers-problems-dialog.h"
#include "csn-drop-draft-dialog.h"
#include "csn-file-changed-dialog.h"
#include "csn-item.h"
#include "csn-meeting.h"
#include "csn-overview-page.h"
#include "csn-read-only-dialog.h"
#include "csn-recovery.h"
#include "csn-save-changes-dialog.h"
#include "csn-window-private.h"
#include "save-gate.h"
#include "ui-test-util.h"

/* "plan-\xff.consenso": a byte that is not UTF-8, as a file copied from an old system may have. */
#define RAW_NAME     "plan-\377.consenso"
#define DISPLAY_NAME "plan-\357\277\275.consenso"

static CsnApplication *app;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_tmp_path (name);

  return g_file_new_for_path (path);
}

static char *
dup_folder (void)
{
  return ui_test_tmp_path ("");
}

static CsnItem *
get_meeting (CsnDraft *draft)
{
  return CSN_ITEM (csn_draft_get_meeting (draft));
}

/* A draft from the template with @venue, written as @name in the test folder. */
static GFile *
write_draft (const char *name,
             const char *venue)
{
  g_autoptr(GFile) file = tmp_file (name);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);

  g_chmod (g_file_peek_path (file), 0644);
  g_remove (backup);
  csn_draft_set_string (draft, get_meeting (draft), "venue", venue);
  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
  g_remove (backup);
  return g_steal_pointer (&file);
}

/* What the file holds now, as another program would read it. */
static char *
dup_venue_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  return g_strdup (csn_item_get_string (get_meeting (draft), "venue"));
}

#define assert_venue_on_disk(path, venue) \
  G_STMT_START { \
    g_autofree char *on_disk_ = dup_venue_on_disk (path); \
    g_assert_cmpstr (on_disk_, ==, (venue)); \
  } G_STMT_END

/* Someone else (a colleague on a shared folder) writes their version of @file. */
static void
change_on_disk (GFile      *file,
                const char *venue)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *data = NULL;
  gsize length;

  csn_draft_set_string (draft, get_meeting (draft), "venue", venue);
  data = csn_draft_to_data (draft, &length);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), data, length, NULL));
}

static CsnWindow *
open_window (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_load_from_file (file, &error);
  CsnWindow *window;

  g_assert_no_error (error);
  window = csn_window_new (app, draft);
  ui_test_present_window (GTK_WINDOW (window));
  return window;
}

static void
edit_venue (CsnWindow  *window,
            const char *venue)
{
  CsnDraft *draft = csn_window_get_draft (window);

  csn_draft_set_string (draft, get_meeting (draft), "venue", venue);
}

static const char *
get_venue (CsnWindow *window)
{
  return csn_item_get_string (get_meeting (csn_window_get_draft (window)), "venue");
}

static gboolean
is_saving (CsnWindow *window)
{
  return window->saves_under_way > 0;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
title_is_modified (CsnWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

/* The save runs in a worker: while it is held, frames are drawn and timeouts fire; an edit made
 * meanwhile keeps the draft modified; Save asked meanwhile saves once more at the end. */
static void
test_in_background (void)
{
  g_autoptr(GFile) file = write_draft ("background.consenso", "Tegucigalpa");
  g_autofree char *folder = dup_folder ();
  CsnWindow *window = open_window (file);
  CsnDraft *draft = csn_window_get_draft (window);
  guint ticks = 0;
  guint ticks_held;
  gboolean timeout_fired = FALSE;
  guint tick_id;

  edit_venue (window, "San Salvador");
  save_gate_close (folder);
  /* A save on the main thread would stop in the gate, which then fails the test. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);

  /* The window draws and the main loop runs while the save waits. */
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick_cb, &ticks, NULL);
  g_timeout_add (50, on_timeout_cb, &timeout_fired);
  UI_TEST_WAIT_UNTIL (ticks >= 5 && timeout_fired);
  ticks_held = ticks;
  g_assert_true (is_saving (window));
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpuint (save_gate_get_n_held (), ==, 1);

  /* An edit while the worker writes: not in this save, so the draft stays modified after it. */
  edit_venue (window, "Managua");
  /* Save again meanwhile: once more when this one is done, with the draft as it is then. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpuint (save_gate_get_n_held (), ==, 1);

  save_gate_open ();
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  g_assert_false (title_is_modified (window));
  assert_venue_on_disk (g_file_peek_path (file), "Managua");
  g_assert_cmpuint (ticks_held, >=, 5);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);

  /* Held again, the edit made during the save is what the title says is unsaved. */
  edit_venue (window, "Belmopán");
  save_gate_close (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);
  edit_venue (window, "Ciudad de Panamá");
  save_gate_open ();
  UI_TEST_WAIT_UNTIL (!is_saving (window));
  assert_venue_on_disk (g_file_peek_path (file), "Belmopán");
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_true (title_is_modified (window));
  g_assert_null (csn_window_get_error (window));

  ui_test_close_window (window);
}

/* A new draft's first save names its file: Save asked meanwhile waits for that name rather than
 * asking for one again. */
static void
test_save_again_untitled (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = tmp_file ("untitled-saved.consenso");
  g_autofree char *folder = dup_folder ();
  CsnWindow *window = csn_window_new (app, draft);

  ui_test_present_window (GTK_WINDOW (window));
  g_remove (g_file_peek_path (file));
  edit_venue (window, "Tegucigalpa");
  save_gate_close (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_choose_save_file (window, file);
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);
  g_assert_null (csn_draft_get_file (draft));

  edit_venue (window, "San Salvador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_null (window->chooser);
  save_gate_open ();
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), file));
  assert_venue_on_disk (g_file_peek_path (file), "San Salvador");
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  ui_test_close_window (window);
  g_remove (g_file_peek_path (file));
}

/* Closing while a save runs waits for it, then closes; with an edit made meanwhile, it asks. */
static void
test_close_waits (void)
{
  g_autoptr(GFile) file = write_draft ("close-waits.consenso", "Tegucigalpa");
  g_autofree char *folder = dup_folder ();
  CsnWindow *window = open_window (file);
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  edit_venue (window, "San José");
  save_gate_close (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_flush ();
  /* Nothing to ask: the changes are being saved. The window waits, as it was. */
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG));
  save_gate_open ();
  UI_TEST_WAIT_UNTIL (window == NULL);
  assert_venue_on_disk (g_file_peek_path (file), "San José");

  /* An edit after the save began is not lost: closing asks about it once the save is done. */
  window = open_window (file);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  edit_venue (window, "Guatemala");
  save_gate_close (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);
  gtk_window_close (GTK_WINDOW (window));
  edit_venue (window, "Quetzaltenango");
  save_gate_open ();
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_SAVE_CHANGES_DIALOG)));
  g_assert_nonnull (window);
  assert_venue_on_disk (g_file_peek_path (file), "Guatemala");
  dialog = ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG);
  ui_test_click_response (dialog, "save");
  UI_TEST_WAIT_UNTIL (window == NULL);
  assert_venue_on_disk (g_file_peek_path (file), "Quetzaltenango");
}

/* A window destroyed while its save runs leaves the file whole: the new version, since the gate
 * holds the save after the new file took the old one's place. */
static void
test_destroy_while_saving (void)
{
  g_autoptr(GFile) file = write_draft ("destroyed.consenso", "Tegucigalpa");
  g_autofree char *folder = dup_folder ();
  CsnWindow *window = open_window (file);
  g_autoptr(CsnDraft) draft = g_object_ref (csn_window_get_draft (window));

  edit_venue (window, "Santo Domingo");
  save_gate_close (folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);
  ui_test_close_window (window);
  save_gate_open ();
  UI_TEST_WAIT_UNTIL (!csn_draft_get_modified (draft));
  ui_test_flush ();
  assert_venue_on_disk (g_file_peek_path (file), "Santo Domingo");
}

static CsnFileChangedDialog *
save_and_get_changed_dialog (CsnWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_FILE_CHANGED_DIALOG)));
  return CSN_FILE_CHANGED_DIALOG (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG));
}

/* A colleague saved the file after the window read it: the save stops and asks; each answer does
 * what it says, on disk and in the window. */
static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = write_draft ("shared.consenso", "Tegucigalpa");
  g_autoptr(GFile) other = tmp_file ("shared-mine.consenso");
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autofree char *recovery_path = NULL;
  CsnFileChangedDialog *dialog;
  CsnWindow *window = open_window (file);
  CsnDraft *draft = csn_window_get_draft (window);
  GError *error = NULL;

  edit_venue (window, "Mine");
  change_on_disk (file, "Theirs");

  /* Cancel (Escape): nothing written, the window keeps its changes. */
  dialog = save_and_get_changed_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“shared.consenso”"));
  gtk_window_close (GTK_WINDOW (dialog));
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG) == NULL);
  ui_test_flush ();
  g_assert_false (is_saving (window));
  assert_venue_on_disk (g_file_peek_path (file), "Theirs");
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpstr (get_venue (window), ==, "Mine");
  g_assert_null (csn_window_get_error (window));

  /* Overwrite: mine on disk; theirs kept as the backup. */
  dialog = save_and_get_changed_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "overwrite");
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (file), "Mine");
  assert_venue_on_disk (backup, "Theirs");
  /* The window knows the file it wrote: the next save asks nothing. */
  edit_venue (window, "Mine again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (file), "Mine again");

  /* Save As: mine under another name; theirs stays in the file. */
  edit_venue (window, "Mine elsewhere");
  change_on_disk (file, "Theirs again");
  dialog = save_and_get_changed_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "save-as");
  ui_test_choose_save_file (window, other);
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (other), "Mine elsewhere");
  assert_venue_on_disk (g_file_peek_path (file), "Theirs again");
  g_assert_true (g_file_equal (csn_draft_get_file (draft), other));
  ui_test_close_window (window);

  /* Reload: the window shows the file as it is now, unmodified; the unsaved changes and their
   * recovery copy are gone. */
  window = open_window (file);
  draft = csn_window_get_draft (window);
  edit_venue (window, "Mine, unsaved");
  csn_recovery_flush (csn_window_get_recovery (window), &error);
  g_assert_no_error (error);
  recovery_path = g_strdup (csn_recovery_get_path (csn_window_get_recovery (window)));
  g_assert_true (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  change_on_disk (file, "Theirs, reloaded");
  dialog = save_and_get_changed_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "reload");
  UI_TEST_WAIT_UNTIL (csn_window_get_draft (window) != draft);
  draft = csn_window_get_draft (window);
  g_assert_cmpstr (get_venue (window), ==, "Theirs, reloaded");
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_false (title_is_modified (window));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), file));
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  assert_venue_on_disk (g_file_peek_path (file), "Theirs, reloaded");
  /* And it saves over the file it read, asking nothing. */
  edit_venue (window, "Mine, after reloading");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (file), "Mine, after reloading");
  ui_test_close_window (window);

  g_remove (g_file_peek_path (other));
}

/* Closing asks to save; the save finds the file changed: Overwrite saves, then the window closes. */
static void
test_changed_on_disk_on_close (void)
{
  g_autoptr(GFile) file = write_draft ("shared-close.consenso", "Tegucigalpa");
  CsnWindow *window = open_window (file);
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  edit_venue (window, "Mine");
  change_on_disk (file, "Theirs");
  gtk_window_close (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_SAVE_CHANGES_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG), "save");
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_FILE_CHANGED_DIALOG)));
  g_assert_nonnull (window);

  /* Cancel: the window stays open with its changes. */
  dialog = ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG);
  gtk_window_close (dialog);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG) == NULL);
  ui_test_flush ();
  g_assert_nonnull (window);
  g_assert_true (csn_draft_get_modified (csn_window_get_draft (window)));
  assert_venue_on_disk (g_file_peek_path (file), "Theirs");

  gtk_window_close (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_SAVE_CHANGES_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG), "save");
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_FILE_CHANGED_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG), "overwrite");
  UI_TEST_WAIT_UNTIL (window == NULL);
  assert_venue_on_disk (g_file_peek_path (file), "Mine");
}

/* A read-only draft is not written; the window offers Save As, which keeps the changes elsewhere. */
static void
test_read_only (void)
{
  g_autoptr(GFile) file = write_draft ("read-only.consenso", "Tegucigalpa");
  g_autoptr(GFile) other = tmp_file ("read-only-mine.consenso");
  CsnWindow *window;
  CsnDraft *draft;
  GtkWindow *dialog;
  GStatBuf st;

  g_assert_cmpint (g_chmod (g_file_peek_path (file), 0444), ==, 0);
  window = open_window (file);
  draft = csn_window_get_draft (window);
  edit_venue (window, "Mine");

  /* Cancel: nothing written, nothing else asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_READ_ONLY_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_READ_ONLY_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“read-only.consenso”"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "save-as");
  ui_test_click_response (dialog, "cancel");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_READ_ONLY_DIALOG) == NULL);
  ui_test_flush ();
  g_assert_null (window->chooser);
  g_assert_true (csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (file), "Tegucigalpa");

  /* Save As: the changes in a new file; the read-only one untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_READ_ONLY_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_READ_ONLY_DIALOG), "save-as");
  ui_test_choose_save_file (window, other);
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  assert_venue_on_disk (g_file_peek_path (other), "Mine");
  assert_venue_on_disk (g_file_peek_path (file), "Tegucigalpa");
  g_assert_cmpint (g_stat (g_file_peek_path (file), &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0444);
  g_assert_true (g_file_equal (csn_draft_get_file (draft), other));

  ui_test_close_window (window);
  g_chmod (g_file_peek_path (file), 0644);
  g_remove (g_file_peek_path (other));
}

/* A draft opened through a symbolic link is saved through it: the link stays, its target takes the
 * changes, and a colleague's edit of the target is noticed as for any file. */
static void
test_symlink (void)
{
  g_autoptr(GFile) target = write_draft ("linked-target.consenso", "Tegucigalpa");
  g_autoptr(GFile) link = tmp_file ("linked.consenso");
  g_autofree char *target_backup = g_strconcat (g_file_peek_path (target), "~", NULL);
  g_autofree char *link_backup = g_strconcat (g_file_peek_path (link), "~", NULL);
  g_autofree char *link_text = NULL;
  CsnWindow *window;
  CsnDraft *draft;
  GtkWindow *dialog;

  g_remove (g_file_peek_path (link));
  g_remove (link_backup);
  g_assert_cmpint (symlink ("linked-target.consenso", g_file_peek_path (link)), ==, 0);
  window = open_window (link);
  draft = csn_window_get_draft (window);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "linked.consenso"));

  edit_venue (window, "San Salvador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG));
  g_assert_null (csn_window_get_error (window));
  g_assert_true (g_file_test (g_file_peek_path (link), G_FILE_TEST_IS_SYMLINK));
  link_text = g_file_read_link (g_file_peek_path (link), NULL);
  g_assert_cmpstr (link_text, ==, "linked-target.consenso");
  assert_venue_on_disk (g_file_peek_path (target), "San Salvador");
  /* The backup is the target's, beside it; the link has none. */
  assert_venue_on_disk (target_backup, "Tegucigalpa");
  g_assert_true (g_file_equal (csn_draft_get_file (draft), link));

  /* The window knows what it wrote through the link: the next save asks nothing. */
  edit_venue (window, "Managua");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG));
  assert_venue_on_disk (g_file_peek_path (target), "Managua");

  /* A colleague saves the target: the window's save asks. */
  edit_venue (window, "Mine");
  change_on_disk (target, "Theirs");
  dialog = GTK_WINDOW (save_and_get_changed_dialog (window));
  ui_test_click_response (dialog, "overwrite");
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (draft));
  g_assert_true (g_file_test (g_file_peek_path (link), G_FILE_TEST_IS_SYMLINK));
  assert_venue_on_disk (g_file_peek_path (target), "Mine");
  assert_venue_on_disk (target_backup, "Theirs");
  g_assert_false (g_file_test (link_backup, G_FILE_TEST_EXISTS));

  ui_test_close_window (window);
  g_remove (g_file_peek_path (link));
  g_remove (target_backup);
}

/* The window's recovery copy is written by a worker: while its write waits, the window draws and
 * the copy is pending; then the copy is on disk and holds the edit. */
static void
test_recovery_in_background (void)
{
  g_autoptr(GFile) file = write_draft ("recovered.consenso", "Tegucigalpa");
  g_autofree char *directory = csn_recovery_dup_default_directory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnRecovery) restored = NULL;
  g_autofree char *recovery_path = NULL;
  CsnWindow *window = open_window (file);
  CsnRecovery *recovery = csn_window_get_recovery (window);
  guint ticks = 0;
  guint tick_id;

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  /* The shortest delay the settings allow: the test waits for it. */
  csn_recovery_set_delay (recovery, 1);
  save_gate_close_files (directory);
  edit_venue (window, "San Pedro Sula");
  /* A write on the main thread would stop in the gate, which then fails the test. */
  UI_TEST_WAIT_UNTIL (save_gate_get_n_held () == 1);

  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick_cb, &ticks, NULL);
  UI_TEST_WAIT_UNTIL (ticks >= 5);
  g_assert_true (csn_recovery_get_pending (recovery));
  g_assert_cmpuint (save_gate_get_n_held (), ==, 1);
  g_assert_false (g_file_test (csn_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);

  save_gate_open ();
  UI_TEST_WAIT_UNTIL (!csn_recovery_get_pending (recovery));
  g_assert_nonnull (csn_recovery_get_saved_time (recovery));
  recovery_path = g_strdup (csn_recovery_get_path (recovery));
  restored = csn_recovery_restore (recovery_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (get_meeting (csn_recovery_get_draft (restored)), "venue"), ==,
                   "San Pedro Sula");
  g_clear_object (&restored);

  ui_test_close_window (window);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
}

static gboolean
menu_labels_valid (GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_utf8_validate (label, -1, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *expected)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, expected) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The text of the first label under @root that starts with @prefix (a toast's), or NULL. */
static const char *
find_label_text (GtkWidget  *root,
                 const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return gtk_label_get_text (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label_text (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Closes the toast shown, as its close button does, so that the next one shows at once. */
static void
dismiss_toast (CsnWindow *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget")
                          ? ui_test_find_widget (child, GTK_TYPE_BUTTON, "circular") : NULL;

      if (button != NULL)
        {
          /* The toast goes at once: no sibling to go on to. */
          g_signal_emit_by_name (button, "clicked");
          return;
        }
    }
}

/* A file whose name is not UTF-8 is named in UTF-8 wherever the window shows it: the title, the
 * error of a file that does not open, the read-only dialog, Open Recent, the drop dialog (drafts and
 * workbooks), the answers that changed nothing, the names the exports offer, Export for
 * Translation…'s bar and toast, Import Translation…'s error, Export for Delegations…' folder. */
static void
test_display_names (void)
{
  g_autoptr(GFile) file = write_draft (RAW_NAME, "Tegucigalpa");
  g_autoptr(GFile) broken = tmp_file ("broken-\377.consenso");
  g_autoptr(GFile) dropped = write_draft ("dropped-\377.consenso", "Managua");
  g_autoptr(GFile) workbook = tmp_file ("answers-\377.xlsx");
  g_autoptr(GSList) drops = NULL;
  const struct {
    const char *action;
    const char *name;
  } exports[] = {
    { "win.export", "plan-\357\277\275.xlsx" },
    { "win.export-document", "plan-\357\277\275.docx" },
    { "win.export-translation", "plan-\357\277\275.xlf" },
  };
  CsnWindow *window;
  const char *title;
  const char *error_text;
  const char *body;
  GtkWindow *dialog;

  csn_application_open_file (app, file, NULL);
  UI_TEST_WAIT_UNTIL ((window = CSN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)))) != NULL &&
                      gtk_widget_get_mapped (GTK_WIDGET (window)));
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_str_has_prefix (title, DISPLAY_NAME));

  /* Saved once, it is offered under Open Recent by its display name. */
  edit_venue (window, "San Salvador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (csn_window_get_draft (window)));
  UI_TEST_WAIT_UNTIL (menu_has_label (G_MENU_MODEL (window->recent_menu), DISPLAY_NAME));
  g_assert_true (menu_labels_valid (G_MENU_MODEL (window->recent_menu)));

  /* A file that does not open. */
  g_assert_true (g_file_set_contents (g_file_peek_path (broken), "not a draft", -1, NULL));
  csn_application_open_file (app, broken, GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);
  error_text = csn_window_get_error (window);
  g_assert_true (g_utf8_validate (error_text, -1, NULL));
  g_assert_true (g_str_has_prefix (error_text, "Could not open “broken-\357\277\275.consenso”"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);

  /* A draft and a workbook dropped on the window, with unsaved work in it. */
  g_assert_true (g_file_set_contents (g_file_peek_path (workbook), "not a workbook", -1, NULL));
  edit_venue (window, "Ciudad de Guatemala");
  drops = g_slist_append (drops, dropped);
  drops = g_slist_append (drops, workbook);
  _csn_window_drop_files (window, drops);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "“dropped-\357\277\275.consenso”"));
  g_assert_nonnull (strstr (body, "“" DISPLAY_NAME "”"));
  g_assert_nonnull (strstr (body, "“answers-\357\277\275.xlsx”"));
  ui_test_click_response (dialog, "cancel");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG) == NULL);

  /* Answers that change nothing: the dialog names the workbook. */
  csn_window_import_answers (window, &workbook, 1);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_true (g_str_has_prefix (body, "Nothing in “answers-\357\277\275.xlsx” changes the draft."));
  ui_test_click_response (dialog, "close");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG) == NULL);

  /* The exports offer a name made from the draft's, in UTF-8. */
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *offered = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), exports[i].action, NULL));
      UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
      offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->chooser));
      g_assert_cmpstr (offered, ==, exports[i].name);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (window->chooser));
      g_clear_object (&window->chooser);
      UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
    }

  /* Export for Translation… and Import Translation… name their files by display name. */
  {
    g_autoptr(GFile) xlf = tmp_file ("plan-\377.xlf");
    g_autoptr(GFile) bad_xlf = tmp_file ("bad-\377.xlf");

    csn_window_export_translation (window, g_file_peek_path (xlf));
    g_assert_cmpstr (gtk_label_get_text (window->export_label), ==, "Exporting “plan-\357\277\275.xlf” for translation…");
    UI_TEST_WAIT_UNTIL (find_label_text (GTK_WIDGET (window->toast_overlay), "Exported “plan-") != NULL);
    g_assert_null (csn_window_get_error (window));
    g_assert_cmpstr (find_label_text (GTK_WIDGET (window->toast_overlay), "Exported “plan-"), ==,
                     "Exported “plan-\357\277\275.xlf” for translation");
    dismiss_toast (window);

    g_assert_true (g_file_set_contents (g_file_peek_path (bad_xlf), "not a translation", -1, NULL));
    csn_window_import_translation (window, bad_xlf);
    UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);
    error_text = csn_window_get_error (window);
    g_assert_true (g_utf8_validate (error_text, -1, NULL));
    g_assert_true (g_str_has_prefix (error_text, "Could not import “bad-\357\277\275.xlf”"));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
    g_remove (g_file_peek_path (xlf));
    g_remove (g_file_peek_path (bad_xlf));
  }

  /* Export for Delegations… names the folder it wrote into, not its whole path. */
  {
    g_autoptr(GFile) folder = tmp_file ("answers-\377");
    g_autoptr(GFileEnumerator) children = NULL;
    GFileInfo *info;

    csn_window_export_delegations (window, folder, CSN_LANGUAGE_ES);
    UI_TEST_WAIT_UNTIL (find_label_text (GTK_WIDGET (window->toast_overlay), "Wrote ") != NULL);
    g_assert_null (csn_window_get_error (window));
    g_assert_cmpstr (find_label_text (GTK_WIDGET (window->toast_overlay), "Wrote "), ==,
                     "Wrote 11 workbooks in “answers-\357\277\275”");
    children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
    while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

        g_remove (g_file_peek_path (child));
        g_object_unref (info);
      }
    g_remove (g_file_peek_path (folder));
  }

  /* Read-only now: the dialog names it. */
  g_assert_cmpint (g_chmod (g_file_peek_path (file), 0444), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_READ_ONLY_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_READ_ONLY_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "“" DISPLAY_NAME "”"));
  ui_test_click_response (dialog, "cancel");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_READ_ONLY_DIALOG) == NULL);

  ui_test_close_window (window);
  g_chmod (g_file_peek_path (file), 0644);
  g_remove (g_file_peek_path (workbook));
}

/* A save commits the edit the focused field holds, and leaves the focus where it is: on a search
 * entry (nothing to commit) it does not even move it, which restyled the whole window. */
static void
test_focus_stays (void)
{
  g_autoptr(GFile) file = write_draft ("focus.consenso", "Managua");
  CsnWindow *window = open_window (file);
  GtkWidget *page, *search, *venue;
  guint moves = 0;
  gulong handler;

  csn_window_show_page (window, "theme-matrix");
  page = csn_window_get_page (window, "theme-matrix");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page));
  search = ui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_true (gtk_widget_grab_focus (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "trata");
  edit_venue (window, "Tegucigalpa");

  handler = ui_test_count_focus_moves (GTK_WINDOW (window), &moves);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (csn_window_get_draft (window)));
  g_signal_handler_disconnect (window, handler);
  g_assert_cmpuint (moves, ==, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "trata");
  assert_venue_on_disk (g_file_peek_path (file), "Tegucigalpa");

  /* A field's edit under way is saved, and the field keeps the focus. */
  csn_window_show_page (window, "overview");
  venue = GTK_WIDGET (gtk_widget_get_template_child (csn_window_get_page (window, "overview"), CSN_TYPE_OVERVIEW_PAGE,
                                                     "venue_row"));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (venue));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (venue)), ==, "Tegucigalpa");
  g_assert_true (gtk_widget_grab_focus (venue));
  gtk_editable_set_text (GTK_EDITABLE (venue), "León");
  g_assert_cmpstr (get_venue (window), ==, "Tegucigalpa");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!is_saving (window) && !csn_draft_get_modified (csn_window_get_draft (window)));
  assert_venue_on_disk (g_file_peek_path (file), "León");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), venue));

  ui_test_close_window (window);
  g_remove (g_file_peek_path (file));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  app = ui_test_create_application ();
  /* Windows may come and go without the application quitting between tests. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/save/in-background", test_in_background);
  g_test_add_func ("/save/save-again-untitled", test_save_again_untitled);
  g_test_add_func ("/save/close-waits", test_close_waits);
  g_test_add_func ("/save/destroy-while-saving", test_destroy_while_saving);
  g_test_add_func ("/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/save/changed-on-disk-on-close", test_changed_on_disk_on_close);
  g_test_add_func ("/save/read-only", test_read_only);
  g_test_add_func ("/save/symlink", test_symlink);
  g_test_add_func ("/save/recovery-in-background", test_recovery_in_background);
  g_test_add_func ("/save/display-names", test_display_names);
  g_test_add_func ("/save/focus-stays", test_focus_stays);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
