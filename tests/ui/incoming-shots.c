/* incoming-shots.c: screenshots of incoming changes in the window (a merge under review, a comparison,
 * copies never one draft, the drop question, the toast after a merge, a broken copy, Preferences),
 * to look at them in both languages and at several screen sizes. Not a test.
 * Usage (under xvfb-run, with the test environment): incoming-shots OUTDIR WIDTH HEIGHT */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-drop-draft-dialog.h"
#include "csn-meeting.h"
#include "csn-preferences-window.h"
#include "csn-recovery.h"
#include "csn-settings.h"
#include "csn-theme.h"
#include "ui-test-util.h"

static CsnApplication *app;
static const char *out_dir;
static int width, height;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_tmp_path (name);

  return g_file_new_for_path (path);
}

static CsnItem *
theme_at (CsnDraft *draft,
          guint     position)
{
  return ui_test_get_item (draft, CSN_COLLECTION_THEMES, position);
}

static void
save_as (CsnDraft   *draft,
         GFile      *file,
         const char *saved_by)
{
  g_autoptr(GError) error = NULL;

  csn_draft_set_saved_by (draft, saved_by);
  if (!csn_draft_save_to_file (draft, file, &error))
    g_error ("%s", error->message);
}

static CsnDraft *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  if (draft == NULL)
    g_error ("%s", error->message);
  return draft;
}

static CsnWindow *
open_window (CsnDraft *draft)
{
  CsnWindow *window = csn_window_new (app, draft);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_test_present_window (GTK_WINDOW (window));
  return window;
}

static void
close_window (CsnWindow *window)
{
  csn_recovery_discard (csn_window_get_recovery (window));
  ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(CsnDraft) alone = NULL;
  g_autoptr(GFile) base_file = NULL;
  g_autoptr(GFile) theirs_file = NULL;
  g_autoptr(GFile) alone_file = NULL;
  g_autoptr(GFile) broken_file = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *review_page;
  CsnItem *meeting;
  CsnWindow *window;
  GtkWindow *prefs;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  if (argc != 4)
    {
      g_printerr ("usage: incoming-shots OUTDIR WIDTH HEIGHT\n");
      return 2;
    }
  out_dir = argv[1];
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  settings = csn_settings_new ();
  g_settings_set_string (settings, "saved-by", "PPT");

  /* The agreed draft; the ST's copy and ours, each edited. */
  base = csn_draft_new_from_template ();
  meeting = CSN_ITEM (csn_draft_get_meeting (base));
  csn_draft_set_string (base, meeting, CSN_MEETING_PROP_START_DATE, "2011-09-27");
  csn_draft_set_string (base, meeting, CSN_MEETING_PROP_END_DATE, "2011-09-28");
  base_file = tmp_file ("plan-de-accion.consenso");
  save_as (base, base_file, "PPT");

  theirs = load (base_file);
  meeting = CSN_ITEM (csn_draft_get_meeting (theirs));
  csn_draft_set_string (theirs, theme_at (theirs, 0), CSN_THEME_PROP_NOTES,
                        "La ST propone reunir los protocolos de retorno de los países en un solo documento regional.");
  csn_draft_set_enum (theirs, theme_at (theirs, 1), "horizon", CSN_HORIZON_MEDIUM_TERM);
  csn_draft_set_string (theirs, theme_at (theirs, 2), CSN_THEME_PROP_NOTES, "Revisar con la OIM antes de la plenaria.");
  csn_draft_set_string (theirs, meeting, CSN_MEETING_PROP_VENUE, "San Salvador");
  csn_draft_set_string (theirs, meeting, CSN_MEETING_PROP_END_DATE, "2011-09-29");
  theirs_file = tmp_file ("st.consenso");
  save_as (theirs, theirs_file, "ST");

  mine = load (base_file);
  meeting = CSN_ITEM (csn_draft_get_meeting (mine));
  csn_draft_set_string (mine, theme_at (mine, 0), CSN_THEME_PROP_NOTES,
                        "La PPT propone reunir los protocolos de retorno en un documento regional, con anexos por país.");
  csn_draft_set_string (mine, meeting, CSN_MEETING_PROP_START_DATE, "2011-09-30");

  window = open_window (mine);
  review_page = csn_window_get_page (window, "review");
  csn_window_show_page (window, "theme-matrix");

  /* A merge under review. */
  csn_window_merge_files (window, &theirs_file, 1);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "1-merge-review");

  /* Applied: the toast, with the problem the merge left. */
  gtk_widget_activate_action (review_page, "review.apply", NULL);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "2-merged-toast");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  /* The same copy compared. */
  csn_window_compare_file (window, theirs_file);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "3-compare");
  gtk_widget_activate_action (review_page, "review.cancel", NULL);

  /* A copy that was never one draft with this one. */
  alone = csn_draft_new_from_template ();
  csn_draft_set_string (alone, theme_at (alone, 0), CSN_THEME_PROP_NOTES, "Otra nota");
  alone_file = tmp_file ("mexico.consenso");
  save_as (alone, alone_file, "México");
  csn_window_merge_files (window, &alone_file, 1);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "4-never-one-draft");
  gtk_widget_activate_action (review_page, "review.cancel", NULL);

  /* A broken copy. */
  broken_file = tmp_file ("copia-rota.consenso");
  g_file_set_contents (g_file_peek_path (broken_file), "{\"format\": \"consenso\", ", -1, NULL);
  csn_window_merge_files (window, &broken_file, 1);
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "5-broken");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);

  /* The drop question. */
  {
    GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
    GtkWidget *dialog;

    g_ptr_array_add (files, g_object_ref (theirs_file));
    dialog = csn_drop_draft_dialog_new (GTK_WINDOW (window), files, "plan-de-accion.consenso");
    gtk_window_present (GTK_WINDOW (dialog));
    UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (dialog));
    ui_test_shoot (dialog, out_dir, "6-drop-question");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_ptr_array_unref (files);
  }

  /* Preferences. */
  prefs = GTK_WINDOW (csn_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (prefs);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
  ui_test_shoot (GTK_WIDGET (prefs), out_dir, "7-preferences");
  gtk_window_destroy (prefs);

  close_window (window);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return 0;
}
