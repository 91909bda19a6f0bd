/* answers-shots.c: screenshots of the delegations' round trip in the window (the Overview's answer
 * fields, Export for Delegations…, the answers under review with a problem listed over them, the
 * review by country, the toast and the Overview after applying, a workbook with nothing to apply), to
 * look at them in both languages and at several screen sizes. Not a test.
 * Usage (under xvfb-run, with the test environment): answers-shots OUTDIR WIDTH HEIGHT */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-answers-problems-dialog.h"
#include "csn-delegation-export.h"
#include "csn-export-delegations-dialog.h"
#include "csn-meeting.h"
#include "csn-recovery.h"
#include "csn-review-page.h"
#include "ui-test-util.h"

static const char *out_dir;
static int width, height;

static char *
workbook_of (char       **paths,
             const char  *code)
{
  g_autofree char *suffix = g_strdup_printf ("(%s).xlsx", code);

  for (guint i = 0; paths[i] != NULL; i++)
    if (g_str_has_suffix (paths[i], suffix))
      return g_strdup (paths[i]);
  g_error ("no workbook for %s", code);
}

static void
answer_workbook (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("answer-workbook.py: %s", err);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) template = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *ca = NULL;
  g_autofree char *us = NULL;
  g_autofree char *mx = NULL;
  const char *python = g_getenv ("CONSENSO_PYTHON3") != NULL ? g_getenv ("CONSENSO_PYTHON3") : "/usr/bin/python3";
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  gboolean spanish;
  GtkWindow *dialog;
  CsnWindow *window;
  CsnItem *meeting;
  GtkWidget *overview;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  if (argc != 4)
    {
      g_printerr ("usage: answers-shots OUTDIR WIDTH HEIGHT\n");
      return 2;
    }
  out_dir = argv[1];
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  spanish = g_str_has_prefix (_("Spanish"), "Espa");
  script = g_strdup (ANSWER_WORKBOOK_SCRIPT);

  /* The CRM template, saved, with a deadline and where the answers go. */
  template = csn_draft_new_from_template ();
  meeting = CSN_ITEM (csn_draft_get_meeting (template));
  csn_draft_set_string (template, meeting, CSN_MEETING_PROP_VENUE, "San Salvador");
  csn_draft_set_string (template, meeting, CSN_MEETING_PROP_START_DATE, "2011-09-27");
  csn_draft_set_string (template, meeting, CSN_MEETING_PROP_END_DATE, "2011-09-28");
  csn_draft_set_string (template, meeting, CSN_MEETING_PROP_ANSWERS_DUE, "2011-11-30");
  csn_draft_set_string (template, meeting, CSN_MEETING_PROP_ANSWERS_TO, "st@crmsv.example; ppt@mirex.example");
  draft_path = ui_test_tmp_path ("plan-de-accion.consenso");
  file = g_file_new_for_path (draft_path);
  csn_draft_set_saved_by (template, "PPT");
  if (!csn_draft_save_to_file (template, file, &error))
    g_error ("%s", error->message);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    g_error ("%s", error->message);

  /* Three delegations answer; Mexico types one stance that is not an answer. */
  dir = ui_test_tmp_path ("respuestas");
  paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  if (paths == NULL)
    g_error ("%s", error->message);
  ca = workbook_of (paths, "CA");
  us = workbook_of (paths, "US");
  mx = workbook_of (paths, "MX");
  {
    const char *ca_argv[] = { python, script, ca,
                              "Theme", "theme-1", "Objects", "Not before the protocols are harmonised",
                              "Theme", "theme-2", "Supports with a reservation", "Only within national law",
                              "Strategy", "strategy-1", "Supports", "",
                              "Mechanism", "mechanism-2", "Abstains", "Under review by the ministry",
                              NULL };
    const char *us_argv[] = { python, script, us,
                              "Theme", "theme-1", "Supports", "",
                              "Theme", "theme-3", "Supports", "",
                              "Strategy", "strategy-2", "Objects", "Duplicates existing regional work",
                              NULL };
    const char *mx_argv[] = { python, script, mx,
                              "Theme", "theme-1", "Apoya", "",
                              "Theme", "theme-4", "Sí", "",
                              "Theme", "theme-5", "Apoya con reserva", "Sujeto a la legislación nacional",
                              NULL };

    answer_workbook (ca_argv);
    answer_workbook (us_argv);
    answer_workbook (mx_argv);
  }

  {
    CsnApplication *app = ui_test_create_application ();

    g_application_hold (G_APPLICATION (app));
    window = csn_window_new (app, draft);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_test_present_window (GTK_WINDOW (window));

  /* The Overview's Meeting group, with the answers' deadline and address. */
  overview = csn_window_get_page (window, "overview");
  csn_window_reveal (window, meeting = CSN_ITEM (csn_draft_get_meeting (draft)), CSN_MEETING_PROP_ANSWERS_TO);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "overview-answer-fields");

  /* Export for Delegations… */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-delegations", NULL);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    csn_export_delegations_dialog_set_folder (CSN_EXPORT_DELEGATIONS_DIALOG (dialog), folder);
  }
  ui_test_shoot (GTK_WIDGET (dialog), out_dir, "export-dialog");
  {
    GtkWidget *due_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CSN_TYPE_EXPORT_DELEGATIONS_DIALOG,
                                                                    "answers_due_row"));
    GtkMenuButton *calendar = GTK_MENU_BUTTON (ui_test_find_widget (due_row, GTK_TYPE_MENU_BUTTON, NULL));

    gtk_menu_button_popup (calendar);
    ui_test_shoot (GTK_WIDGET (dialog), out_dir, "export-dialog-calendar");
    gtk_menu_button_popdown (calendar);
  }
  gtk_window_destroy (dialog);
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));

  /* The three workbooks read: Mexico's bad cell over the review of the rest. */
  {
    g_autoptr(GFile) ca_file = g_file_new_for_path (ca);
    g_autoptr(GFile) us_file = g_file_new_for_path (us);
    g_autoptr(GFile) mx_file = g_file_new_for_path (mx);
    GFile *files[] = { ca_file, us_file, mx_file };

    csn_window_import_answers (window, files, G_N_ELEMENTS (files));
  }
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG);
  ui_test_shoot (GTK_WIDGET (dialog), out_dir, "answers-problems");
  ui_test_click_response (dialog, "close");
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "answers-review-by-country");
  gtk_widget_activate_action (GTK_WIDGET (csn_window_get_page (window, "review")), "review.group-by", "s", "item");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "answers-review-by-item");

  /* Applied: the toast, and the Overview's answered delegations. */
  gtk_widget_activate_action (GTK_WIDGET (csn_window_get_page (window, "review")), "review.apply", NULL);
  csn_window_show_page (window, "overview");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                              ui_test_find_widget (overview, GTK_TYPE_SCROLLED_WINDOW, NULL))),
                            height / 2.0);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "answers-applied");

  /* A file that is no workbook: nothing to apply. */
  broken = g_file_new_for_path (spanish ? "/tmp/respuesta-honduras.xlsx" : "/tmp/answer-honduras.xlsx");
  if (!g_file_replace_contents (broken, "PK\003\004 truncated", 17, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_error ("%s", error->message);
  csn_window_import_answers (window, &broken, 1);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  ui_test_shoot (GTK_WIDGET (ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)), out_dir, "answers-nothing-to-apply");
  g_file_delete (broken, NULL, NULL);

  csn_recovery_discard (csn_window_get_recovery (window));
  ui_test_teardown_home ();
  return 0;
}
