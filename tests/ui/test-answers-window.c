/* test-answers-window.c: the delegations' round trip in the window: Export for Delegations… (its dialog,
 * eleven workbooks in their languages, a language for all, Cancel and a failure leaving nothing), Import
 * Answers… (answered workbooks reviewed by country, one country accepted, a row rejected, applied and
 * undone in one step), broken workbooks and bad cells listed and changing nothing, workbooks dropped
 * alone and with a draft, and the Overview's two answer fields. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-answers-problems-dialog.h"
#include "csn-date-row.h"
#include "csn-delegation-export.h"
#include "csn-drop-draft-dialog.h"
#include "csn-export-delegations-dialog.h"
#include "csn-history.h"
#include "csn-meeting.h"
#include "csn-position.h"
#include "csn-recovery.h"
#include "csn-reservation.h"
#include "csn-review-group-row.h"
#include "csn-review-page.h"
#include "csn-review-row.h"
#include "csn-settings.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"
#include "csn-window-private.h"
#include "csn-xlsx-reader.h"
#include "ui-test-util.h"

static CsnApplication *app;

#define CA_OBJECTION  "Not before the next meeting"
#define CA_RESERVATION "Only within national law"

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = ui_test_tmp_path (name);

  return g_file_new_for_path (path);
}

static CsnItem *
meeting_of (CsnDraft *draft)
{
  return CSN_ITEM (csn_draft_get_meeting (draft));
}

/* The CRM template saved as @name and read back: a draft with a file and an identity, as the
 * co-chairs export it. */
static CsnDraft *
make_draft (const char *name)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = tmp_file (name);
  g_autoptr(GError) error = NULL;
  CsnDraft *loaded;

  csn_draft_set_saved_by (draft, "PPT");
  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
  loaded = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  return loaded;
}

/* The toasts shown: libadwaita 1.2 lists them nowhere but in its private toast widgets. */
static GtkWidget *
find_toast (CsnWindow  *window,
            const char *part)
{
  GtkWidget *overlay = ui_test_window_child (window, "toast_overlay");

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") && ui_test_find_label_text (child, part) != NULL)
      return child;
  return NULL;
}

static const char *
find_toast_text (CsnWindow  *window,
                 const char *part)
{
  GtkWidget *toast = find_toast (window, part);

  return toast != NULL ? ui_test_find_label_text (toast, part) : NULL;
}

static void
wait_for_review (CsnWindow *window)
{
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window) || csn_window_get_error (window) != NULL ||
                      ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  g_assert_null (csn_window_get_error (window));
  g_assert_true (csn_window_get_reviewing (window));
  UI_TEST_WAIT_UNTIL (ui_test_lists_bound (GTK_WIDGET (window)) &&
                      ui_test_count_mapped (GTK_WIDGET (ui_test_review_page (window)), CSN_TYPE_REVIEW_ROW) > 0);
}

static CsnReviewRow *
find_row (GtkWidget *root,
          CsnChange *change)
{
  if (CSN_IS_REVIEW_ROW (root) && gtk_widget_get_mapped (root) &&
      csn_review_row_get_change (CSN_REVIEW_ROW (root)) == change)
    return CSN_REVIEW_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      CsnReviewRow *row = find_row (child, change);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkWidget *
find_group_row (GtkWidget  *root,
                const char *key)
{
  if (CSN_IS_REVIEW_GROUP_ROW (root) && gtk_widget_get_mapped (root) &&
      csn_review_group_row_get_group (CSN_REVIEW_GROUP_ROW (root)) != NULL &&
      g_strcmp0 (csn_review_group_get_key (csn_review_group_row_get_group (CSN_REVIEW_GROUP_ROW (root))), key) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_group_row (child, key);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The change of @set that brings @country's position on @item. */
static CsnChange *
find_position_change (CsnChangeSet *set,
                      const char   *country,
                      const char   *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      CsnItem *target = csn_change_get_item (change);

      if (g_strcmp0 (csn_change_get_country (change), country) == 0 && CSN_IS_POSITION (target) &&
          g_strcmp0 (csn_position_get_item (CSN_POSITION (target)), item) == 0)
        return change;  /* the set keeps it */
    }
  return NULL;
}

static guint
count_country_changes (CsnChangeSet *set,
                       const char   *country,
                       gboolean      accepted_only)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (g_strcmp0 (csn_change_get_country (change), country) == 0 && csn_change_get_applicable (change) &&
          (!accepted_only || csn_change_get_accepted (change)))
        n++;
    }
  return n;
}

/* The draft's position of @country on @item, or NULL. */
static CsnPosition *
find_position (CsnDraft   *draft,
               const char *country,
               const char *item)
{
  GListModel *positions = csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(CsnPosition) position = g_list_model_get_item (positions, i);

      if (g_strcmp0 (csn_position_get_country (position), country) == 0 &&
          g_strcmp0 (csn_position_get_item (position), item) == 0)
        return position;  /* the draft keeps it */
    }
  return NULL;
}

static CsnReservation *
find_reservation (CsnDraft   *draft,
                  const char *theme,
                  const char *country)
{
  CsnItem *item = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, theme);
  GListModel *reservations = csn_theme_get_reservations (CSN_THEME (item));

  for (guint i = 0; i < g_list_model_get_n_items (reservations); i++)
    {
      g_autoptr(CsnReservation) reservation = g_list_model_get_item (reservations, i);

      if (g_strcmp0 (csn_reservation_get_country (reservation), country) == 0)
        return reservation;
    }
  return NULL;
}

/* Every member state's workbook of @draft, written into @dir by the core as Export for Delegations
 * does; returns the path of @code's. */
static char *
export_workbooks (CsnDraft   *draft,
                  const char *dir,
                  const char *code)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = csn_export_delegations (draft, dir, CSN_EXPORT_LANGUAGE_PER_COUNTRY, NULL, NULL, NULL, &error);
  g_autofree char *suffix = g_strdup_printf ("(%s).xlsx", code);

  g_assert_no_error (error);
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_str_has_suffix (paths[i], suffix))
      return g_strdup (paths[i]);
  g_assert_not_reached ();
}

/* Types answers into the workbook at @path with openpyxl, as a person would: groups of four
 * arguments, TABLE ITEM STANCE COMMENT. */
static void
answer_workbook (const char *path,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "answer-workbook.py", NULL);
  const char *python = g_getenv ("CONSENSO_PYTHON3") != NULL ? g_getenv ("CONSENSO_PYTHON3") : "/usr/bin/python3";
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) python);
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (char *) path);
  va_start (args, path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("answer-workbook.py failed: %s", err);
}

/* A key of a workbook's hidden sheet, read back with the core's reader. */
static char *
read_info (const char *path,
           const char *key)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxBook) book = csn_xlsx_book_new_from_file (file, NULL, &error);
  g_autoptr(CsnXlsxTable) table = NULL;
  CsnXlsxRange range;

  g_assert_no_error (error);
  table = csn_xlsx_book_read_defined_name (book, "Consenso_Info", -1, &range, &error);
  g_assert_no_error (error);
  for (guint row = range.first_row; row <= range.last_row; row++)
    {
      const CsnXlsxCell *cell = csn_xlsx_table_get (table, row, range.first_column);
      const CsnXlsxCell *value = csn_xlsx_table_get (table, row, range.first_column + 1);

      if (cell != NULL && g_str_equal (cell->text, key))
        return g_strdup (value != NULL ? value->text : "");
    }
  return NULL;
}

/* The names of the files in @dir, sorted; none if it does not exist. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GPtrArray) names = list_dir (dir);

  return names->len;
}

static CsnExportDelegationsDialog *
open_export_dialog (CsnWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-delegations", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));
  return CSN_EXPORT_DELEGATIONS_DIALOG (dialog);
}

static gpointer
dialog_child (CsnExportDelegationsDialog *dialog,
              const char                 *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), CSN_TYPE_EXPORT_DELEGATIONS_DIALOG, name);
}

/* Whether Import Answers… opens its chooser (then closed again): the action is enabled. */
static gboolean
import_answers_enabled (CsnWindow *window)
{
  gboolean opened;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-answers", NULL);
  opened = window->chooser != NULL;
  if (opened)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (window->chooser));
      g_clear_object (&window->chooser);
      UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
    }
  return opened;
}

static gboolean
exporting (CsnWindow *window)
{
  return gtk_revealer_get_reveal_child (ui_test_window_child (window, "export_revealer"));
}

/* Export for Delegations…: the dialog starts in the folder last used with each delegation's language
 * and the meeting's deadline; the deadline and address typed in it go into the draft as one step;
 * eleven workbooks are written in their languages, the folder is remembered; a language for all
 * replaces the workbooks of the same names, which the dialog says beforehand. */
static void
test_export (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("export.consenso");
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autofree char *last_path = ui_test_tmp_path ("last-used");
  g_autofree char *out_path = ui_test_tmp_path ("delegations");
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *last_uri = g_file_get_uri (last);
  g_autofree char *out_uri = g_file_get_uri (out);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *ca_path = NULL;
  g_autofree char *mx_path = NULL;
  g_autofree char *do_path = NULL;
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;
  CsnExportDelegationsDialog *dialog;
  CsnWindow *window;
  GtkWidget *due_row, *to_row;

  g_assert_cmpint (g_mkdir_with_parents (last_path, 0700), ==, 0);
  g_settings_set_string (settings, "last-folder", last_uri);
  csn_draft_set_string (draft, meeting_of (draft), CSN_MEETING_PROP_ANSWERS_DUE, "2011-11-15");
  window = ui_test_open_window (app, draft);

  dialog = open_export_dialog (window);
  g_assert_true (g_file_equal (csn_export_delegations_dialog_get_folder (dialog), last));
  g_assert_cmpint (csn_export_delegations_dialog_get_language (dialog), ==, CSN_EXPORT_LANGUAGE_PER_COUNTRY);
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "language_row")), ==,
                   "Spanish; English for Belize, Canada and United States");
  g_assert_cmpstr (adw_preferences_group_get_description (dialog_child (dialog, "workbooks_group")), ==,
                   "11 workbooks, one for each member state’s delegation to answer in: its stance and a comment on "
                   "each theme, strategy, mechanism and role proposal, and its endorsement.");
  due_row = dialog_child (dialog, "answers_due_row");
  to_row = dialog_child (dialog, "answers_to_row");
  g_assert_cmpstr (csn_date_row_get_date (CSN_DATE_ROW (due_row)), ==, "2011-11-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "15 Nov 2011");

  /* A deadline that is no date keeps the dialog open and the draft as it is. */
  gtk_editable_set_text (GTK_EDITABLE (due_row), "31 Nov 2011");
  csn_export_delegations_dialog_set_folder (dialog, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
  g_assert_true (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));
  g_assert_true (gtk_widget_has_css_class (due_row, "error"));
  g_assert_false (exporting (window));

  gtk_editable_set_text (GTK_EDITABLE (due_row), "30 Nov 2011");
  gtk_editable_set_text (GTK_EDITABLE (to_row), "st@crm.example; ppt@crm.example");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
  /* The window's bar shows the writing, with Cancel. */
  g_assert_true (exporting (window));
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_action_button (GTK_WIDGET (window), "win.cancel-export")));
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));

  /* The deadline and the address are the draft's, one step to undo. */
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_ANSWERS_DUE), ==, "2011-11-30");
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_ANSWERS_TO), ==,
                   "st@crm.example; ppt@crm.example");
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==,
                   "Change by when and where the delegations answer");

  /* Then a toast to open the folder. */
  UI_TEST_WAIT_UNTIL (find_toast_text (window, "Wrote") != NULL);
  g_assert_false (exporting (window));
  g_assert_null (csn_window_get_error (window));
  /* The folder by its name, not its whole path. */
  g_assert_cmpstr (find_toast_text (window, "Wrote"), ==, "Wrote 11 workbooks in “delegations”");
  g_assert_nonnull (ui_test_find_button (find_toast (window, "Wrote"), "_Open Folder"));
  {
    g_autofree char *remembered = g_settings_get_string (settings, "last-folder");

    g_assert_cmpstr (remembered, ==, out_uri);
  }

  /* Eleven workbooks, nothing else, each in its country's language. */
  names = list_dir (out_path);
  g_assert_cmpuint (names->len, ==, 11);
  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (names, i), ".xlsx"));
  ca_path = g_build_filename (out_path, "Canada (CA).xlsx", NULL);
  mx_path = g_build_filename (out_path, "Mexico (MX).xlsx", NULL);
  language = read_info (ca_path, "language");
  country = read_info (ca_path, "country");
  g_assert_cmpstr (language, ==, "en");
  g_assert_cmpstr (country, ==, "CA");
  g_free (language);
  language = read_info (mx_path, "language");
  g_assert_cmpstr (language, ==, "es");

  /* English for all: the dialog starts in the folder just used and says how many workbooks it replaces
   * (the Dominican Republic's has another name in English). */
  dialog = open_export_dialog (window);
  g_assert_true (g_file_equal (csn_export_delegations_dialog_get_folder (dialog), out));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "answers_to_row"))), ==,
                   "st@crm.example; ppt@crm.example");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog_child (dialog, "folder_row")),
                            "Replaces 11 workbooks of the same names in it"));
  csn_export_delegations_dialog_set_language (dialog, CSN_LANGUAGE_EN);
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "language_row")), ==, "Every workbook in English");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog_child (dialog, "folder_row")),
                            "Replaces 10 workbooks of the same names in it"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
  UI_TEST_WAIT_UNTIL (!exporting (window) && !ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG)));
  /* Nothing changed in the dialog: no step to undo. */
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==,
                   "Change by when and where the delegations answer");
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_dir (out_path);
  g_assert_cmpuint (names->len, ==, 12);
  do_path = g_build_filename (out_path, "Dominican Republic (DO).xlsx", NULL);
  g_free (language);
  language = read_info (do_path, "language");
  g_assert_cmpstr (language, ==, "en");

  ui_test_close_window (window);
}

/* Cancel in the window's bar leaves nothing in the folder; a folder that cannot be made shows an
 * error naming it and changes nothing. */
static void
test_export_cancel (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("cancel.consenso");
  g_autofree char *out_path = ui_test_tmp_path ("cancelled/workbooks");
  g_autofree char *blocker_path = ui_test_tmp_path ("not-a-folder");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) blocker = g_file_new_for_path (blocker_path);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  CsnExportDelegationsDialog *dialog;
  CsnWindow *window = ui_test_open_window (app, draft);

  dialog = open_export_dialog (window);
  csn_export_delegations_dialog_set_folder (dialog, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
  g_assert_true (exporting (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  UI_TEST_WAIT_UNTIL (!exporting (window));
  ui_test_flush ();
  g_assert_null (csn_window_get_error (window));
  g_assert_null (find_toast_text (window, "Wrote"));
  names = list_dir (out_path);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_false (csn_draft_get_modified (draft));

  /* A file where the folder should be: the error names it. */
  g_file_set_contents (blocker_path, "in the way", -1, &error);
  g_assert_no_error (error);
  dialog = open_export_dialog (window);
  csn_export_delegations_dialog_set_folder (dialog, blocker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
  UI_TEST_WAIT_UNTIL (!exporting (window) && csn_window_get_error (window) != NULL);
  g_assert_nonnull (strstr (csn_window_get_error (window), "not-a-folder"));
  g_assert_cmpstr (gtk_label_get_text (ui_test_window_child (window, "error_title")), ==,
                   "Could not write the delegations’ workbooks in “not-a-folder”");
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (blocker_path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, "in the way");
  }

  /* A window closed while it writes cancels the export, which then touches the window no more. */
  {
    g_autofree char *closed_path = ui_test_tmp_path ("closed/workbooks");
    g_autoptr(GFile) closed = g_file_new_for_path (closed_path);
    gpointer alive = window;

    dialog = open_export_dialog (window);
    csn_export_delegations_dialog_set_folder (dialog, closed);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.export", NULL));
    g_assert_true (exporting (window));
    g_object_add_weak_pointer (G_OBJECT (window), &alive);
    ui_test_close_window (window);
    /* Not kept alive by the export: gone at once. */
    g_assert_null (alive);
    /* Temporary files may show while the writer stops; no workbook is left. */
    UI_TEST_WAIT_UNTIL (count_entries (closed_path) == 0);
  }
}

/* Two delegations' answers: the review grouped by country; every answer rejected, then "Accept All"
 * for Canada and one of its rows rejected; applied as one step with a toast, the positions and the
 * reservation in the draft and on the Overview; one undo takes it all back. */
static void
test_import_apply_undo (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("import.consenso");
  g_autofree char *dir = ui_test_tmp_path ("returned");
  g_autofree char *ca_path = export_workbooks (draft, dir, "CA");
  g_autofree char *us_path = export_workbooks (draft, dir, "US");
  g_autoptr(GFile) ca = g_file_new_for_path (ca_path);
  g_autoptr(GFile) us = g_file_new_for_path (us_path);
  GFile *files[] = { ca, us };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *toast = NULL;
  CsnReviewPage *page;
  CsnChangeSet *set;
  CsnChange *strategy_change;
  CsnPosition *position;
  CsnReservation *reservation;
  CsnWindow *window;
  guint n_accepted;

  answer_workbook (ca_path,
                   "Theme", "theme-1", "Objects", CA_OBJECTION,
                   "Theme", "theme-2", "Supports with a reservation", CA_RESERVATION,
                   "Strategy", "strategy-1", "Supports", "",
                   NULL);
  answer_workbook (us_path,
                   "Theme", "theme-1", "Supports", "",
                   "Mechanism", "mechanism-1", "Abstains", "Under review in Washington",
                   NULL);

  window = ui_test_open_window (app, draft);
  csn_window_show_page (window, "theme-matrix");
  before = ui_test_dup_content (draft);

  csn_window_import_answers (window, files, G_N_ELEMENTS (files));
  wait_for_review (window);
  g_assert_false (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  page = ui_test_review_page (window);
  set = csn_review_page_get_change_set (page);
  g_assert_cmpint (csn_review_page_get_group_by (page), ==, CSN_REVIEW_GROUP_BY_COUNTRY);
  g_assert_cmpint (csn_review_page_get_groupings (page), ==,
                   CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM | CSN_REVIEW_GROUPINGS_PAGE);
  g_assert_nonnull (find_group_row (GTK_WIDGET (page), "CA"));
  g_assert_nonnull (find_group_row (GTK_WIDGET (page), "US"));
  g_assert_cmpuint (count_country_changes (set, "US", FALSE), >=, 2);
  /* Canada's three answers, and the reservation that goes with "supports with a reservation". */
  g_assert_cmpuint (count_country_changes (set, "CA", FALSE), ==, 4);
  /* Nothing else may change the draft meanwhile. */
  g_assert_false (import_answers_enabled (window));

  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.reject-all"));
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 0);
  ui_test_click (ui_test_find_button (find_group_row (GTK_WIDGET (page), "CA"), "Accept All"));
  g_assert_cmpuint (count_country_changes (set, "CA", TRUE), ==, 4);
  g_assert_cmpuint (count_country_changes (set, "US", TRUE), ==, 0);
  strategy_change = find_position_change (set, "CA", "strategy-1");
  g_assert_nonnull (strategy_change);
  ui_test_click (ui_test_find_button (GTK_WIDGET (find_row (GTK_WIDGET (page), strategy_change)), "Reject"));
  g_assert_false (csn_change_get_accepted (strategy_change));
  n_accepted = csn_change_set_get_n_accepted (set);
  g_assert_cmpuint (n_accepted, ==, 3);

  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");
  g_assert_true (import_answers_enabled (window));
  toast = g_strdup_printf ("Applied %u answers from 1 delegation", n_accepted);
  g_assert_cmpstr (find_toast_text (window, "Applied"), ==, toast);

  position = find_position (draft, "CA", "theme-1");
  g_assert_nonnull (position);
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_position_get_comment (position), ==, CA_OBJECTION);
  g_assert_cmpint (csn_position_get_source (position), ==, CSN_POSITION_SOURCE_WORKBOOK);
  position = find_position (draft, "CA", "theme-2");
  g_assert_nonnull (position);
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  reservation = find_reservation (draft, "theme-2", "CA");
  g_assert_nonnull (reservation);
  g_assert_cmpstr (csn_reservation_get_text (reservation), ==, CA_RESERVATION);
  g_assert_null (find_position (draft, "CA", "strategy-1"));
  g_assert_null (find_position (draft, "US", "theme-1"));
  g_assert_null (find_position (draft, "US", "mechanism-1"));

  /* The Overview counts Canada as answered. */
  csn_window_show_page (window, "overview");
  UI_TEST_WAIT_UNTIL (ui_test_find_label_text (csn_window_get_page (window, "overview"),
                                       "1 of 11 member states returned their workbook") != NULL);

  /* One step, named by the countries. */
  g_assert_true (g_str_has_prefix (csn_history_get_undo_label (csn_draft_get_history (draft)), "Import answers from "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  after = ui_test_dup_content (draft);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (find_position (draft, "CA", "theme-1"));
  g_assert_null (find_reservation (draft, "theme-2", "CA"));

  ui_test_close_window (window);
}

/* What is no workbook is listed with its file named, and changes nothing; a workbook with a cell that
 * holds no answer is listed over the review of its other answers. */
static void
test_broken (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("broken.consenso");
  g_autoptr(GFile) broken = tmp_file ("broken.xlsx");
  g_autofree char *dir = ui_test_tmp_path ("returned-broken");
  g_autofree char *ca_path = export_workbooks (draft, dir, "CA");
  g_autoptr(GFile) ca = g_file_new_for_path (ca_path);
  g_autofree char *before = ui_test_dup_content (draft);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  CsnWindow *window;

  g_file_replace_contents (broken, "Not a workbook at all", 21, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  window = ui_test_open_window (app, draft);

  csn_window_import_answers (window, &broken, 1);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Nothing to Apply");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing in “broken.xlsx” changes the draft. What could not be read is listed here: once it is "
                   "put right in the workbook, import it again.");
  g_assert_cmpuint (csn_answers_problems_dialog_get_n_problems (CSN_ANSWERS_PROBLEMS_DIALOG (dialog)), ==, 1);
  g_assert_nonnull (ui_test_find_label_text (GTK_WIDGET (dialog), "broken.xlsx: "));
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_false (csn_draft_get_modified (draft));
  after = ui_test_dup_content (draft);
  g_assert_cmpstr (after, ==, before);
  ui_test_click_response (dialog, "close");
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));

  /* A stance that is not one of the answers: its cell is named, the rest is reviewed. */
  answer_workbook (ca_path,
                   "Theme", "theme-1", "Yes", "",
                   "Theme", "theme-3", "Supports", "",
                   NULL);
  csn_window_import_answers (window, &ca, 1);
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "An Answer Could Not Be Read");
  g_assert_cmpuint (csn_answers_problems_dialog_get_n_problems (CSN_ANSWERS_PROBLEMS_DIALOG (dialog)), ==, 1);
  g_assert_nonnull (ui_test_find_label_text (GTK_WIDGET (dialog), "“Yes” is not one of the answers"));
  g_assert_nonnull (ui_test_find_label_text (GTK_WIDGET (dialog), "Canada (CA).xlsx: sheet "));
  g_assert_nonnull (ui_test_find_label_text (GTK_WIDGET (dialog), ", cell "));
  g_assert_true (csn_window_get_reviewing (window));
  g_assert_nonnull (find_position_change (csn_review_page_get_change_set (ui_test_review_page (window)), "CA", "theme-3"));
  g_assert_null (find_position_change (csn_review_page_get_change_set (ui_test_review_page (window)), "CA", "theme-1"));
  ui_test_click_response (dialog, "close");
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_ANSWERS_PROBLEMS_DIALOG)));
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (ui_test_review_page (window)), "review.cancel"));
  g_assert_false (csn_window_get_reviewing (window));
  g_free (after);
  after = ui_test_dup_content (draft);
  g_assert_cmpstr (after, ==, before);

  ui_test_close_window (window);
}

/* A workbook dropped on the window is imported; dropped with a copy of the draft, the co-chairs are
 * told the answers come first: Cancel leaves both, "Merge" reviews the answers, then the copy. */
static void
test_drop (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("drop.consenso");
  g_autofree char *dir = ui_test_tmp_path ("returned-drop");
  g_autofree char *ca_path = export_workbooks (draft, dir, "CA");
  g_autoptr(GFile) ca = g_file_new_for_path (ca_path);
  g_autoptr(GFile) copy_file = tmp_file ("drop-st.consenso");
  g_autoptr(GSList) alone = g_slist_append (NULL, ca);
  g_autoptr(GSList) mixed = NULL;
  g_autoptr(CsnDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  CsnReviewPage *page;
  GtkWindow *dialog;
  CsnWindow *window;

  answer_workbook (ca_path, "Theme", "theme-1", "Objects", CA_OBJECTION, NULL);
  copy = csn_draft_load_from_file (csn_draft_get_file (draft), &error);
  g_assert_no_error (error);
  csn_draft_set_string (copy, meeting_of (copy), CSN_MEETING_PROP_VENUE, "San Salvador");
  csn_draft_set_saved_by (copy, "ST");
  csn_draft_save_to_file (copy, copy_file, &error);
  g_assert_no_error (error);
  mixed = g_slist_append (g_slist_append (NULL, copy_file), ca);

  window = ui_test_open_window (app, draft);
  page = ui_test_review_page (window);
  g_assert_true (ui_test_drop_files (window, alone));
  wait_for_review (window);
  g_assert_cmpint (csn_review_page_get_group_by (page), ==, CSN_REVIEW_GROUP_BY_COUNTRY);
  g_assert_nonnull (find_position_change (csn_review_page_get_change_set (page), "CA", "theme-1"));
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.cancel"));
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_null (find_position (draft, "CA", "theme-1"));

  /* With some work in the draft, a dropped copy is asked about; the dialog says what becomes of the answers. */
  csn_draft_set_string (draft, meeting_of (draft), CSN_MEETING_PROP_TITLE, "Reunión de la PPT");
  g_assert_true (ui_test_drop_files (window, mixed));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "drop-st.consenso"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Either way, the answers in “Canada (CA).xlsx” are imported into this draft first"));
  g_assert_false (csn_window_get_reviewing (window));
  ui_test_click_response (dialog, "cancel");
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  ui_test_flush ();
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_true (import_answers_enabled (window));

  g_assert_true (ui_test_drop_files (window, mixed));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG), "merge");
  wait_for_review (window);
  g_assert_cmpint (csn_review_page_get_group_by (page), ==, CSN_REVIEW_GROUP_BY_COUNTRY);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  g_assert_cmpstr (find_toast_text (window, "Applied"), ==, "Applied 1 answer from 1 delegation");
  /* Then the copy's changes. */
  wait_for_review (window);
  g_assert_cmpint (csn_review_page_get_group_by (page), ==, CSN_REVIEW_GROUP_BY_PAGE);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_cmpint (csn_position_get_stance (find_position (draft, "CA", "theme-1")), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_VENUE), ==, "San Salvador");
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_TITLE), ==, "Reunión de la PPT");

  ui_test_close_window (window);
}

/* Import Answers… opens the folder last used and takes several workbooks at once. */
static void
test_chooser (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("chooser.consenso");
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autofree char *last_path = ui_test_tmp_path ("answers-folder");
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  g_autofree char *last_uri = g_file_get_uri (last);
  g_autoptr(GFile) folder = NULL;
  GtkFileChooser *chooser;
  CsnWindow *window = ui_test_open_window (app, draft);

  g_assert_cmpint (g_mkdir_with_parents (last_path, 0700), ==, 0);
  g_settings_set_string (settings, "last-folder", last_uri);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-answers", NULL));
  g_assert_nonnull (window->chooser);
  chooser = GTK_FILE_CHOOSER (window->chooser);
  g_assert_true (gtk_file_chooser_get_select_multiple (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==, "Workbooks (.xlsx)");
  /* Without a portal the native chooser shows GTK's own dialog: what the user sees. */
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL &&
                      (folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)))) != NULL);
  g_assert_true (g_file_equal (folder, last));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (window->chooser));
  g_clear_object (&window->chooser);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);

  ui_test_close_window (window);
}

/* The Overview's deadline (typed, refused when no date, or chosen on the calendar) and address,
 * each one step to undo. */
static void
test_overview_fields (void)
{
  g_autoptr(CsnDraft) draft = make_draft ("overview.consenso");
  CsnWindow *window = ui_test_open_window (app, draft);
  GtkWidget *overview = csn_window_get_page (window, "overview");
  GtkWidget *due_row = GTK_WIDGET (gtk_widget_get_template_child (overview, CSN_TYPE_OVERVIEW_PAGE, "answers_due_row"));
  GtkWidget *to_row = GTK_WIDGET (gtk_widget_get_template_child (overview, CSN_TYPE_OVERVIEW_PAGE, "answers_to_row"));
  CsnItem *meeting = meeting_of (draft);
  GtkWidget *undo_button = ui_test_window_child (window, "undo_button");

  g_assert_true (gtk_widget_get_mapped (due_row));
  gtk_editable_set_text (GTK_EDITABLE (due_row), "31 Nov 2011");
  g_signal_emit_by_name (due_row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (due_row, "error"));
  g_assert_null (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_DUE));
  g_assert_false (csn_draft_get_modified (draft));

  gtk_editable_set_text (GTK_EDITABLE (due_row), "30 Nov 2011");
  g_signal_emit_by_name (due_row, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (due_row, "error"));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_DUE), ==, "2011-11-30");
  g_assert_cmpstr (csn_widget_get_lazy_tooltip (undo_button), ==, "Undo “Change deadline for answers of the meeting”");

  /* Or on the calendar beside it. */
  {
    GtkCalendar *days = ui_test_open_calendar (due_row);
    g_autoptr(GDateTime) day = g_date_time_new_utc (2011, 12, 5, 0, 0, 0);

    gtk_calendar_select_day (days, day);
    g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_DUE), ==, "2011-12-05");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "5 Dec 2011");
  }

  gtk_editable_set_text (GTK_EDITABLE (to_row), "st@crm.example");
  g_signal_emit_by_name (to_row, "entry-activated");
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_TO), ==, "st@crm.example");
  g_assert_cmpstr (csn_widget_get_lazy_tooltip (undo_button), ==, "Undo “Change where to send answers of the meeting”");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_TO), ==, "");
  csn_window_show_page (window, "overview");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to_row)), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  csn_window_show_page (window, "overview");
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_DUE), ==, "2011-11-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "30 Nov 2011");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (csn_item_get_string (meeting, CSN_MEETING_PROP_ANSWERS_DUE));
  g_assert_false (csn_draft_get_modified (draft));
  csn_window_show_page (window, "overview");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "");

  /* Revealing the fields focuses their rows. */
  csn_window_reveal (window, meeting, CSN_MEETING_PROP_ANSWERS_TO);
  UI_TEST_WAIT_UNTIL (gtk_widget_has_focus (to_row) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), to_row));

  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/answers-window/export", test_export);
  g_test_add_func ("/answers-window/export-cancel", test_export_cancel);
  g_test_add_func ("/answers-window/import-apply-undo", test_import_apply_undo);
  g_test_add_func ("/answers-window/broken", test_broken);
  g_test_add_func ("/answers-window/drop", test_drop);
  g_test_add_func ("/answers-window/chooser", test_chooser);
  g_test_add_func ("/answers-window/overview-fields", test_overview_fields);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
