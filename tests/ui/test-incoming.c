/* test-incoming.c: incoming changes in the window: a second copy merged through the review page
 * (a row's choice, "All Theirs", Apply, one undo step, redo), Compare With… changing nothing, drafts
 * dropped on a window with work in it, a broken copy, copies that were never one draft, three
 * copies as two merges, validation after a merge, the file chooser's folder and the saved-by name. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-date-text.h"
#include "csn-drop-draft-dialog.h"
#include "csn-history.h"
#include "csn-lineage.h"
#include "csn-meeting.h"
#include "csn-recovery.h"
#include "csn-review-page.h"
#include "csn-review-row.h"
#include "csn-settings.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"
#include "ui-test-util.h"

static CsnApplication *app;

#define BASE_NOTES "Nota acordada en la reunión"

/* The copies of one draft the tests merge: the common ancestor on disk, the co-chairs' edits on
 * both sides, and theirs saved by "ST". */
typedef struct
{
  GFile    *base_file;
  GFile    *theirs_file;
  CsnDraft *mine;
  char     *base_venue;
  char     *base_theme2_notes;
} Copies;

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

static CsnItem *
meeting_of (CsnDraft *draft)
{
  return CSN_ITEM (csn_draft_get_meeting (draft));
}

static void
save_as (CsnDraft   *draft,
         GFile      *file,
         const char *saved_by)
{
  g_autoptr(GError) error = NULL;

  csn_draft_set_saved_by (draft, saved_by);
  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
}

static CsnDraft *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  return draft;
}

/* The agreed draft, saved by the PPT; theirs edits it and saves it as @theirs_name; mine (returned
 * in @copies, unsaved) edits it too: one conflict (theme 1's notes), their venue and theme 2's notes,
 * our meeting title. */
static void
copies_init (Copies     *copies,
             const char *prefix,
             const char *theirs_name)
{
  g_autofree char *base_name = g_strconcat (prefix, "-base.consenso", NULL);
  g_autoptr(CsnDraft) base = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) theirs = NULL;

  csn_draft_set_string (base, theme_at (base, 0), CSN_THEME_PROP_NOTES, BASE_NOTES);
  csn_draft_set_string (base, meeting_of (base), CSN_MEETING_PROP_START_DATE, "2011-09-27");
  csn_draft_set_string (base, meeting_of (base), CSN_MEETING_PROP_END_DATE, "2011-09-28");
  copies->base_file = tmp_file (base_name);
  save_as (base, copies->base_file, "PPT");
  copies->base_venue = g_strdup (csn_item_get_string (meeting_of (base), CSN_MEETING_PROP_VENUE));
  copies->base_theme2_notes = g_strdup (csn_item_get_string (theme_at (base, 1), CSN_THEME_PROP_NOTES));

  theirs = load (copies->base_file);
  csn_draft_set_string (theirs, theme_at (theirs, 0), CSN_THEME_PROP_NOTES, "Nota de la ST");
  csn_draft_set_string (theirs, theme_at (theirs, 1), CSN_THEME_PROP_NOTES, "Texto de la ST");
  csn_draft_set_string (theirs, meeting_of (theirs), CSN_MEETING_PROP_VENUE, "San Salvador");
  copies->theirs_file = tmp_file (theirs_name);
  save_as (theirs, copies->theirs_file, "ST");

  copies->mine = load (copies->base_file);
  csn_draft_set_string (copies->mine, theme_at (copies->mine, 0), CSN_THEME_PROP_NOTES, "Nota de la PPT");
  csn_draft_set_string (copies->mine, meeting_of (copies->mine), CSN_MEETING_PROP_TITLE, "Reunión de la PPT");
}

static void
copies_clear (Copies *copies)
{
  g_file_delete (copies->base_file, NULL, NULL);
  g_file_delete (copies->theirs_file, NULL, NULL);
  g_clear_object (&copies->base_file);
  g_clear_object (&copies->theirs_file);
  g_clear_object (&copies->mine);
  g_clear_pointer (&copies->base_venue, g_free);
  g_clear_pointer (&copies->base_theme2_notes, g_free);
}

static gpointer
page_child (CsnWindow  *window,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (ui_test_review_page (window)), CSN_TYPE_REVIEW_PAGE, name);
}

/* The change of @set on @property of @item. */
static CsnChange *
find_change (CsnChangeSet *set,
             CsnItem      *item,
             const char   *property)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (csn_change_get_item (change) == item && g_strcmp0 (csn_change_get_property_name (change), property) == 0)
        return change;  /* the set keeps it */
    }
  return NULL;
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

/* The toasts shown: libadwaita 1.2 lists them nowhere but in its private toast widgets. */
static const char *
find_toast_text (CsnWindow  *window,
                 const char *part)
{
  GtkWidget *overlay = ui_test_window_child (window, "toast_overlay");

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      return ui_test_find_label_text (child, part);
  return NULL;
}

static GtkWidget *
find_toast_button (CsnWindow  *window,
                   const char *label)
{
  GtkWidget *overlay = ui_test_window_child (window, "toast_overlay");

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      return ui_test_find_button (child, label);
  return NULL;
}

static void
wait_for_review (CsnWindow *window)
{
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window) || csn_window_get_error (window) != NULL);
  g_assert_null (csn_window_get_error (window));
  UI_TEST_WAIT_UNTIL (ui_test_lists_bound (GTK_WIDGET (window)) &&
                      ui_test_count_mapped (GTK_WIDGET (ui_test_review_page (window)), CSN_TYPE_REVIEW_ROW) > 0);
}

static GSList *
file_list (GFile *file)
{
  return g_slist_append (NULL, file);
}

static void
assert_window_free (CsnWindow  *window,
                    const char *page)
{
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, page);
  g_assert_true (gtk_widget_get_visible (ui_test_window_child (window, "content_header")));
  g_assert_true (gtk_widget_get_visible (ui_test_window_child (window, "sidebar_box")));
  g_assert_null (csn_review_page_get_change_set (ui_test_review_page (window)));
}

/* A second copy merged: the review page in place of the pages, a row's choice and "All Theirs",
 * Apply, the merge in the draft and the title, one step undone and redone. */
static void
test_merge_apply_undo (void)
{
  Copies copies = { 0 };
  CsnWindow *window;
  CsnDraft *draft;
  CsnReviewPage *page;
  CsnChangeSet *set;
  CsnChange *conflict, *notes, *venue;
  GtkWidget *undo_button;
  CsnReviewRow *row;

  copies_init (&copies, "merge", "st.consenso");
  draft = copies.mine;
  window = ui_test_open_window (app, draft);
  page = ui_test_review_page (window);
  csn_window_show_page (window, "theme-matrix");
  undo_button = ui_test_window_child (window, "undo_button");
  g_assert_true (gtk_widget_is_sensitive (undo_button));

  csn_window_merge_files (window, &copies.theirs_file, 1);
  wait_for_review (window);

  /* The rest of the window waits for the review. */
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "review");
  g_assert_false (gtk_widget_get_visible (ui_test_window_child (window, "content_header")));
  g_assert_false (gtk_widget_get_visible (ui_test_window_child (window, "sidebar_box")));
  g_assert_false (gtk_widget_is_sensitive (undo_button));
  g_assert_false (adw_leaflet_get_can_navigate_back (ui_test_window_child (window, "leaflet")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "review");
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la PPT");
  g_assert_false (csn_review_page_get_read_only (page));
  g_assert_cmpstr (adw_window_title_get_title (page_child (window, "window_title")), ==,
                   "“st.consenso”, saved by ST");
  g_assert_false (gtk_widget_get_visible (page_child (window, "note_bar")));

  /* Theirs against mine over the common ancestor: one conflict, two changes of theirs alone; our own
   * edit of the title is no incoming change. */
  set = csn_review_page_get_change_set (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 3);
  conflict = find_change (set, theme_at (draft, 0), CSN_THEME_PROP_NOTES);
  notes = find_change (set, theme_at (draft, 1), CSN_THEME_PROP_NOTES);
  venue = find_change (set, meeting_of (draft), CSN_MEETING_PROP_VENUE);
  g_assert_nonnull (conflict);
  g_assert_nonnull (notes);
  g_assert_nonnull (venue);
  g_assert_true (csn_change_get_conflict (conflict));
  g_assert_false (csn_change_get_accepted (conflict));
  g_assert_true (csn_change_get_accepted (venue));
  g_assert_cmpstr (g_value_get_string (csn_change_get_base (conflict)), ==, BASE_NOTES);

  /* A row's choice: their venue stays out. */
  row = find_row (GTK_WIDGET (page), venue);
  g_assert_nonnull (row);
  ui_test_click (ui_test_find_button (GTK_WIDGET (row), "Reject"));
  g_assert_false (csn_change_get_accepted (venue));

  /* "All Theirs": the conflict takes their notes. */
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.all-theirs"));
  g_assert_true (csn_change_get_accepted (conflict));
  g_assert_false (csn_change_get_accepted (venue));

  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  assert_window_free (window, "theme-matrix");
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la ST");
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 1), CSN_THEME_PROP_NOTES), ==, "Texto de la ST");
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_VENUE), ==, copies.base_venue);
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_TITLE), ==, "Reunión de la PPT");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_cmpstr (find_toast_text (window, "Merged"), ==, "Merged 2 changes from st.consenso");
  g_assert_true (gtk_widget_is_sensitive (undo_button));
  g_assert_cmpstr (csn_widget_get_lazy_tooltip (undo_button), ==, "Undo “Merge “st.consenso””");

  /* The merge is one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la PPT");
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 1), CSN_THEME_PROP_NOTES), ==, copies.base_theme2_notes);
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_TITLE), ==, "Reunión de la PPT");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la ST");
  g_assert_cmpstr (csn_item_get_string (theme_at (draft, 1), CSN_THEME_PROP_NOTES), ==, "Texto de la ST");
  g_assert_cmpstr (csn_item_get_string (meeting_of (draft), CSN_MEETING_PROP_VENUE), ==, copies.base_venue);

  ui_test_close_window (window);
  copies_clear (&copies);
}

/* Compare With… shows the same differences, read-only, and leaves the draft as it was. */
static void
test_compare (void)
{
  Copies copies = { 0 };
  CsnWindow *window;
  CsnReviewPage *page;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *undo_label;

  copies_init (&copies, "compare", "st-compare.consenso");
  window = ui_test_open_window (app, copies.mine);
  page = ui_test_review_page (window);
  csn_window_show_page (window, "strategies");
  before = ui_test_dup_content (copies.mine);
  undo_label = csn_history_get_undo_label (csn_draft_get_history (copies.mine));

  csn_window_compare_file (window, copies.theirs_file);
  wait_for_review (window);
  g_assert_true (csn_review_page_get_read_only (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csn_review_page_get_change_set (page))), ==, 3);
  g_assert_cmpstr (adw_window_title_get_subtitle (page_child (window, "window_title")), ==,
                   "3 differences · 1 conflict");
  g_assert_false (gtk_widget_get_visible (page_child (window, "apply_button")));
  g_assert_false (gtk_widget_get_visible (page_child (window, "cancel_button")));
  g_assert_false (gtk_widget_get_visible (page_child (window, "action_bar")));
  g_assert_true (gtk_widget_get_mapped (page_child (window, "close_button")));
  /* No choice anywhere: neither per row nor per group. */
  g_assert_cmpuint (ui_test_count_mapped (page_child (window, "list_view"), GTK_TYPE_TOGGLE_BUTTON), ==, 0);
  g_assert_cmpuint (ui_test_count_mapped (page_child (window, "list_view"), GTK_TYPE_BUTTON), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "review.apply", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "review.all-theirs", NULL);
  g_assert_true (csn_window_get_reviewing (window));
  /* Enter or Space on a row chooses nothing either. */
  {
    CsnChange *venue = find_change (csn_review_page_get_change_set (page), meeting_of (copies.mine),
                                    CSN_MEETING_PROP_VENUE);
    CsnReviewRow *row = find_row (GTK_WIDGET (page), venue);
    gboolean accepted = csn_change_get_accepted (venue);

    g_assert_nonnull (row);
    gtk_widget_activate_action (GTK_WIDGET (row), "row.toggle", NULL);
    g_assert_true (csn_change_get_accepted (venue) == accepted);
  }

  ui_test_click (page_child (window, "close_button"));
  assert_window_free (window, "strategies");
  after = ui_test_dup_content (copies.mine);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (copies.mine)), ==, undo_label);

  /* The same page then reviews a merge with its choices. */
  csn_window_merge_files (window, &copies.theirs_file, 1);
  wait_for_review (window);
  g_assert_false (csn_review_page_get_read_only (page));
  g_assert_true (gtk_widget_get_mapped (page_child (window, "apply_button")));
  g_assert_cmpuint (ui_test_count_mapped (page_child (window, "list_view"), GTK_TYPE_TOGGLE_BUTTON), >, 0);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.cancel"));
  assert_window_free (window, "strategies");
  g_free (after);
  after = ui_test_dup_content (copies.mine);
  g_assert_cmpstr (after, ==, before);

  ui_test_close_window (window);
  copies_clear (&copies);
}

/* A draft dropped on a window with work in it: the co-chairs are asked, and "Merge Into This Draft"
 * reviews it; "Open" opens it in a window of its own. */
static void
test_drop_on_modified (void)
{
  Copies copies = { 0 };
  CsnWindow *window;
  CsnReviewPage *page;
  GtkWindow *dialog;
  g_autoptr(GSList) theirs = NULL;
  g_autoptr(GSList) base = NULL;
  CsnWindow *opened = NULL;

  copies_init (&copies, "drop", "st-drop.consenso");
  window = ui_test_open_window (app, copies.mine);
  page = ui_test_review_page (window);
  g_assert_false (csn_window_is_pristine (window));

  theirs = file_list (copies.theirs_file);
  g_assert_true (ui_test_drop_files (window, theirs));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  dialog = ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "st-drop.consenso"));
  g_assert_false (csn_window_get_reviewing (window));

  ui_test_click_response (dialog, "merge");
  wait_for_review (window);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  g_assert_false (csn_window_get_reviewing (window));
  /* Their changes in, the conflict kept ours. */
  g_assert_cmpstr (csn_item_get_string (theme_at (copies.mine, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la PPT");
  g_assert_cmpstr (csn_item_get_string (theme_at (copies.mine, 1), CSN_THEME_PROP_NOTES), ==, "Texto de la ST");
  g_assert_cmpstr (csn_item_get_string (meeting_of (copies.mine), CSN_MEETING_PROP_VENUE), ==, "San Salvador");

  /* Its own file dropped on it asks nothing. */
  base = file_list (copies.base_file);
  g_assert_true (ui_test_drop_files (window, base));
  ui_test_flush ();
  g_assert_false (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));

  /* "Open": a window of its own, this draft untouched. */
  g_assert_true (ui_test_drop_files (window, theirs));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_DROP_DRAFT_DIALOG)));
  ui_test_click_response (ui_test_find_toplevel (CSN_TYPE_DROP_DRAFT_DIALOG), "open");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CSN_IS_WINDOW (l->data) && csn_draft_get_file (csn_window_get_draft (l->data)) != NULL &&
        g_file_equal (csn_draft_get_file (csn_window_get_draft (l->data)), copies.theirs_file))
      opened = l->data;
  g_assert_nonnull (opened);
  g_assert_true (opened != window);
  g_assert_false (csn_window_get_reviewing (window));
  g_assert_cmpstr (csn_item_get_string (meeting_of (copies.mine), CSN_MEETING_PROP_VENUE), ==, "San Salvador");

  ui_test_close_window (opened);
  ui_test_close_window (window);
  copies_clear (&copies);
}

/* A copy that cannot be read: the loader's message, naming the file, and nothing changed. */
static void
test_broken_file (void)
{
  Copies copies = { 0 };
  g_autoptr(GFile) broken = tmp_file ("broken-copy.consenso");
  CsnWindow *window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *error;

  copies_init (&copies, "broken", "st-broken.consenso");
  g_assert_true (g_file_replace_contents (broken, "{\"format\": \"consenso\", \"version\": ", 34, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  window = ui_test_open_window (app, copies.mine);
  csn_window_show_page (window, "mechanisms");
  before = ui_test_dup_content (copies.mine);

  csn_window_merge_files (window, &broken, 1);
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);
  error = csn_window_get_error (window);
  g_assert_true (g_str_has_prefix (error, "Could not merge “broken-copy.consenso”\nbroken-copy.consenso"));
  g_assert_true (gtk_revealer_get_reveal_child (ui_test_window_child (window, "error_revealer")));
  assert_window_free (window, "mechanisms");
  after = ui_test_dup_content (copies.mine);
  g_assert_cmpstr (after, ==, before);

  /* Comparing with it says so too; a good copy then reviews as usual. */
  csn_window_compare_file (window, broken);
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL &&
                      g_str_has_prefix (csn_window_get_error (window), "Could not compare with"));
  csn_window_compare_file (window, copies.theirs_file);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  /* The review leaves the earlier problem behind. */
  g_assert_null (csn_window_get_error (window));
  ui_test_click (page_child (window, "close_button"));

  g_file_delete (broken, NULL, NULL);
  ui_test_close_window (window);
  copies_clear (&copies);
}

/* Two drafts made apart share no ancestor: the review page says so, and every difference is a
 * conflict kept on our side unless chosen. */
static void
test_never_one_draft (void)
{
  g_autoptr(CsnDraft) ours = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) other = csn_draft_new_from_template ();
  g_autoptr(GFile) ours_file = tmp_file ("ours-alone.consenso");
  g_autoptr(GFile) other_file = tmp_file ("other-alone.consenso");
  CsnWindow *window;
  CsnChangeSet *set;

  save_as (ours, ours_file, "PPT");
  csn_draft_set_string (other, theme_at (other, 2), CSN_THEME_PROP_NOTES, "Otra nota");
  save_as (other, other_file, "ST");
  window = ui_test_open_window (app, ours);

  csn_window_merge_files (window, &other_file, 1);
  wait_for_review (window);
  g_assert_true (gtk_widget_get_visible (page_child (window, "note_bar")));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (window, "note_label")), "no known common ancestor"));
  set = csn_review_page_get_change_set (ui_test_review_page (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), >, 0);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, g_list_model_get_n_items (G_LIST_MODEL (set)));
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (ui_test_review_page (window)), "review.cancel"));
  g_assert_false (csn_draft_get_modified (ours));
  g_assert_cmpstr (csn_item_get_string (theme_at (ours, 2), CSN_THEME_PROP_NOTES), !=, "Otra nota");

  ui_test_close_window (window);
  g_file_delete (ours_file, NULL, NULL);
  g_file_delete (other_file, NULL, NULL);
}

/* Three copies merge as two merges, one after the other; each is one step. */
static void
test_three_copies (void)
{
  g_autoptr(CsnDraft) base = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) st = NULL;
  g_autoptr(CsnDraft) mexico = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(GFile) base_file = tmp_file ("three-base.consenso");
  GFile *files[2] = { tmp_file ("three-st.consenso"), tmp_file ("three-mexico.consenso") };
  CsnWindow *window;
  CsnReviewPage *page;

  save_as (base, base_file, "PPT");
  st = load (base_file);
  csn_draft_set_string (st, theme_at (st, 0), CSN_THEME_PROP_NOTES, "Nota de la ST");
  save_as (st, files[0], "ST");
  mexico = load (base_file);
  csn_draft_set_string (mexico, meeting_of (mexico), CSN_MEETING_PROP_VENUE, "Ciudad de México");
  save_as (mexico, files[1], "México");
  mine = load (base_file);
  csn_draft_set_string (mine, meeting_of (mine), CSN_MEETING_PROP_TITLE, "Reunión de la PPT");

  window = ui_test_open_window (app, mine);
  page = ui_test_review_page (window);
  csn_window_merge_files (window, files, 2);
  wait_for_review (window);
  g_assert_cmpstr (adw_window_title_get_title (page_child (window, "window_title")), ==,
                   "“three-st.consenso”, saved by ST");
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));

  /* The second copy follows, under the first one's toast; the first one's changes are no news to it. */
  wait_for_review (window);
  g_assert_cmpstr (find_toast_text (window, "Merged"), ==, "Merged 1 change from three-st.consenso");
  g_assert_cmpstr (adw_window_title_get_title (page_child (window, "window_title")), ==,
                   "“three-mexico.consenso”, saved by México");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csn_review_page_get_change_set (page))), ==, 1);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (csn_review_page_get_change_set (page)), ==, 0);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (page), "review.apply"));
  g_assert_false (csn_window_get_reviewing (window));

  g_assert_cmpstr (csn_item_get_string (theme_at (mine, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la ST");
  g_assert_cmpstr (csn_item_get_string (meeting_of (mine), CSN_MEETING_PROP_VENUE), ==, "Ciudad de México");
  g_assert_cmpstr (csn_item_get_string (meeting_of (mine), CSN_MEETING_PROP_TITLE), ==, "Reunión de la PPT");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting_of (mine), CSN_MEETING_PROP_VENUE), !=, "Ciudad de México");
  g_assert_cmpstr (csn_item_get_string (theme_at (mine, 0), CSN_THEME_PROP_NOTES), ==, "Nota de la ST");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (theme_at (mine, 0), CSN_THEME_PROP_NOTES), !=, "Nota de la ST");
  g_assert_cmpstr (csn_item_get_string (meeting_of (mine), CSN_MEETING_PROP_TITLE), ==, "Reunión de la PPT");

  ui_test_close_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_file_delete (base_file, NULL, NULL);
}

/* Edits that each side made alone can together leave a problem (a meeting that ends before it
 * starts): the toast says so and "Show" leads to the Overview. */
static void
test_validation_after_merge (void)
{
  g_autoptr(CsnDraft) base = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(GFile) base_file = tmp_file ("dates-base.consenso");
  g_autoptr(GFile) theirs_file = tmp_file ("dates-st.consenso");
  CsnWindow *window;

  csn_draft_set_string (base, meeting_of (base), CSN_MEETING_PROP_START_DATE, "2011-09-27");
  csn_draft_set_string (base, meeting_of (base), CSN_MEETING_PROP_END_DATE, "2011-09-28");
  save_as (base, base_file, "PPT");
  theirs = load (base_file);
  csn_draft_set_string (theirs, meeting_of (theirs), CSN_MEETING_PROP_END_DATE, "2011-09-29");
  save_as (theirs, theirs_file, "ST");
  mine = load (base_file);
  csn_draft_set_string (mine, meeting_of (mine), CSN_MEETING_PROP_START_DATE, "2011-09-30");

  window = ui_test_open_window (app, mine);
  csn_window_show_page (window, "delegations");
  csn_window_merge_files (window, &theirs_file, 1);
  wait_for_review (window);
  ui_test_click (ui_test_find_action_button (GTK_WIDGET (ui_test_review_page (window)), "review.apply"));

  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "delegations");
  g_assert_cmpstr (find_toast_text (window, "Merged"), ==, "Merged 1 change from dates-st.consenso — 1 problem to look at");
  ui_test_click (find_toast_button (window, "_Show"));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "overview");

  /* The next review takes the toast away: its "Show" could not leave the review page. Their copy
   * brings nothing new now. */
  csn_window_compare_file (window, theirs_file);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  UI_TEST_WAIT_UNTIL (find_toast_text (window, "Merged") == NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (window, "stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page_child (window, "empty_status")), ==, "Nothing to Merge");
  ui_test_click (page_child (window, "close_button"));

  ui_test_close_window (window);
  g_file_delete (base_file, NULL, NULL);
  g_file_delete (theirs_file, NULL, NULL);
}

static GFile *
chooser_folder (void)
{
  GtkWindow *dialog;
  GFile *folder;

  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  dialog = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  UI_TEST_WAIT_UNTIL ((folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  return folder;
}

/* The merge and compare choosers open in the last folder used, else in Documents. */
/* A changed date is shown on both sides as the rest of the window shows dates, in the user's
 * locale, not as the draft keeps it. */
static void
test_dates_in_locale (void)
{
  g_autoptr(CsnDraft) base = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) theirs = NULL;
  g_autoptr(CsnDraft) mine = NULL;
  g_autoptr(GFile) base_file = tmp_file ("dates-base.consenso");
  g_autoptr(GFile) theirs_file = tmp_file ("dates-theirs.consenso");
  g_autofree char *mine_text = csn_date_text_format ("2011-09-28");
  g_autofree char *theirs_text = csn_date_text_format ("2011-09-30");
  CsnWindow *window;
  CsnChange *change;
  CsnReviewRow *row;

  csn_draft_set_string (base, meeting_of (base), CSN_MEETING_PROP_END_DATE, "2011-09-28");
  save_as (base, base_file, "PPT");
  theirs = load (base_file);
  csn_draft_set_string (theirs, meeting_of (theirs), CSN_MEETING_PROP_END_DATE, "2011-09-30");
  save_as (theirs, theirs_file, "ST");
  mine = load (base_file);

  window = ui_test_open_window (app, mine);
  csn_window_compare_file (window, theirs_file);
  wait_for_review (window);
  change = find_change (csn_review_page_get_change_set (ui_test_review_page (window)), meeting_of (mine),
                        CSN_MEETING_PROP_END_DATE);
  g_assert_nonnull (change);
  row = find_row (GTK_WIDGET (ui_test_review_page (window)), change);
  g_assert_nonnull (row);
  g_assert_cmpstr (mine_text, !=, "2011-09-28");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), CSN_TYPE_REVIEW_ROW,
                                                                                 "mine_label"))), ==, mine_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), CSN_TYPE_REVIEW_ROW,
                                                                                 "theirs_label"))), ==, theirs_text);

  ui_test_close_window (window);
  g_file_delete (base_file, NULL, NULL);
  g_file_delete (theirs_file, NULL, NULL);
}

static void
test_chooser_folder (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *last_path = ui_test_tmp_path ("last-folder");
  g_autofree char *documents_path = ui_test_tmp_path ("Documentos");
  g_autofree char *user_dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
  g_autofree char *user_dirs_text = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_path);
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  g_autoptr(GFile) documents = g_file_new_for_path (documents_path);
  g_autofree char *last_uri = g_file_get_uri (last);
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autoptr(GFile) folder = NULL;

  g_mkdir_with_parents (last_path, 0700);
  g_mkdir_with_parents (documents_path, 0700);
  g_assert_true (g_file_set_contents (user_dirs, user_dirs_text, -1, NULL));
  g_reload_user_special_dirs_cache ();

  g_settings_set_string (settings, "last-folder", last_uri);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-draft", NULL));
  folder = chooser_folder ();
  g_assert_true (g_file_equal (folder, last));
  g_clear_object (&folder);

  g_settings_set_string (settings, "last-folder", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-draft", NULL));
  folder = chooser_folder ();
  g_assert_true (g_file_equal (folder, documents));

  g_settings_reset (settings, "last-folder");
  g_remove (user_dirs);
  g_reload_user_special_dirs_cache ();
  ui_test_close_window (window);
}

/* The draft's saves record the name Preferences holds, trimmed, and follow when it changes. */
static void
test_saved_by (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) reloaded = NULL;
  g_autoptr(GFile) file = tmp_file ("saved-by.consenso");
  CsnWindow *window;

  g_settings_set_string (settings, "saved-by", " PPT ");
  window = ui_test_open_window (app, draft);
  g_assert_cmpstr (csn_draft_get_saved_by (draft), ==, "PPT");
  g_settings_set_string (settings, "saved-by", "México");
  g_assert_cmpstr (csn_draft_get_saved_by (draft), ==, "México");

  ui_test_save_as (window, file);
  reloaded = load (file);
  g_assert_cmpstr (csn_lineage_get_saved_by (csn_draft_get_lineage (reloaded)), ==, "México");

  g_settings_reset (settings, "saved-by");
  ui_test_close_window (window);
  g_file_delete (file, NULL, NULL);
}

/* Merge Draft… has Ctrl+M, listed in the shortcuts window; both commands are in the main menu. */
static void
test_menu_and_shortcut (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.merge-draft");
  g_autoptr(GBytes) overlay = g_resources_lookup_data ("/io/github/consenso/Consenso/ui/help-overlay.ui", 0, NULL);
  g_autoptr(GBytes) window_ui = g_resources_lookup_data ("/io/github/consenso/Consenso/ui/csn-window.ui", 0, NULL);
  g_autofree char *overlay_text = g_strndup (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay));
  g_autofree char *window_text = g_strndup (g_bytes_get_data (window_ui, NULL), g_bytes_get_size (window_ui));

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>m"));
  g_assert_nonnull (strstr (overlay_text, "win.merge-draft"));
  g_assert_nonnull (strstr (window_text, "win.merge-draft"));
  g_assert_nonnull (strstr (window_text, "win.compare-draft"));
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

  g_test_add_func ("/incoming/merge-apply-undo", test_merge_apply_undo);
  g_test_add_func ("/incoming/compare", test_compare);
  g_test_add_func ("/incoming/drop-on-modified", test_drop_on_modified);
  g_test_add_func ("/incoming/broken-file", test_broken_file);
  g_test_add_func ("/incoming/never-one-draft", test_never_one_draft);
  g_test_add_func ("/incoming/three-copies", test_three_copies);
  g_test_add_func ("/incoming/validation-after-merge", test_validation_after_merge);
  g_test_add_func ("/incoming/dates-in-locale", test_dates_in_locale);
  g_test_add_func ("/incoming/chooser-folder", test_chooser_folder);
  g_test_add_func ("/incoming/saved-by", test_saved_by);
  g_test_add_func ("/incoming/menu-and-shortcut", test_menu_and_shortcut);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
