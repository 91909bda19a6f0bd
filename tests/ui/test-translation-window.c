/* test-translation-window.c: translation mode in the window (a page's texts beside their translations,
 * in both meeting languages), editing a translation and undoing it, the filters, Next Untranslated
 * across pages, Accept as Up to Date after a source edit, the Overview's Translations group, and
 * the translators' round trip: Export for Translation…, a translated file imported, reviewed,
 * applied and undone in one step, a dropped file, and a broken file refused by name. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "csn-country.h"
#include "csn-history.h"
#include "csn-meeting.h"
#include "csn-participant.h"
#include "csn-position.h"
#include "csn-recovery.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-review-page.h"
#include "csn-strategy.h"
#include "csn-theme.h"
#include "csn-texts.h"
#include "csn-translation-summary.h"
#include "csn-window-private.h"
#include "csn-xliff-private.h"
#include "csn-xliff.h"
#include "ui-test-util.h"

static CsnApplication *app;

static gpointer
view_child (CsnWindow  *window,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window->translation_view), CSN_TYPE_TRANSLATION_VIEW, name);
}

static CsnLanguage
target_of (CsnDraft *draft)
{
  return csn_language_get_other (csn_meeting_get_language (csn_draft_get_meeting (draft)));
}

/* The texts of @page that have a source, as csn_draft_list_texts() gives them. */
static guint
count_page_texts (CsnDraft            *draft,
                  const char          *page,
                  int                  state)
{
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      CsnTranslationState text_state = csn_item_get_translation_state (text->item, text->field, target_of (draft));

      if (g_str_equal (text->page, page) && text_state != CSN_TRANSLATION_NOT_NEEDED &&
          (state < 0 || text_state == (CsnTranslationState) state))
        n++;
    }
  return n;
}

/* The cell of the list that shows @text, or NULL. */
static GtkWidget *
find_inscription (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_INSCRIPTION (root) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_inscription (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CsnTranslationUnit *
unit_at (CsnWindow *window,
         guint      position)
{
  GListModel *units = csn_translation_view_get_units (window->translation_view);
  CsnTranslationUnit *unit = g_list_model_get_item (units, position);

  g_object_unref (unit);
  return unit;
}

static const char *
buffer_text (GtkTextView *view)
{
  static char *text;
  GtkTextIter start, end;

  g_free (text);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  return text;
}

static const char *
translation_of (CsnWindow          *window,
                CsnTranslationUnit *unit)
{
  return csn_item_get_translation (csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                                   target_of (csn_window_get_draft (window)), NULL);
}

/* Under CONSENSO_TEST_LANGUAGE=es the interface speaks Spanish. */
static gboolean
in_spanish (void)
{
  return g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0;
}

static CsnTranslationState
state_of (CsnWindow          *window,
          CsnTranslationUnit *unit)
{
  return csn_translation_unit_get_state (unit, target_of (csn_window_get_draft (window)));
}

/* On, the content lists the texts of the page chosen in the agenda, with the meeting's language as
 * the source; the agenda chooses another page; off, the page itself comes back. */
static void
check_mode (CsnLanguage meeting_language)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *translation_column;
  GtkWidget *button;

  if (meeting_language != csn_meeting_get_language (csn_draft_get_meeting (draft)))
    csn_draft_set_enum (draft, CSN_ITEM (csn_draft_get_meeting (draft)), CSN_MEETING_PROP_LANGUAGE, meeting_language);
  window = ui_test_open_window (app, draft);
  csn_window_show_page (window, "theme-matrix");

  button = ui_test_find_action_button (GTK_WIDGET (window), "win.translation-mode");
  g_assert_nonnull (button);
  /* A symbolic icon the installed theme has (a book of words, not a flag), and a tooltip that gives
   * the shortcut. */
  g_assert_true (g_str_has_suffix (gtk_button_get_icon_name (GTK_BUTTON (button)), "-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (button)),
                                          gtk_button_get_icon_name (GTK_BUTTON (button))));
  {
    g_autofree char *accel = gtk_accelerator_get_label (GDK_KEY_t, GDK_CONTROL_MASK);

    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), accel));
  }
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.translation-mode", NULL);
  g_assert_true (csn_window_get_translation_mode (window));
  UI_TEST_WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "translation");
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, "theme-matrix");
  g_assert_cmpuint (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)), ==,
                    count_page_texts (draft, "theme-matrix", -1));
  g_assert_cmpuint (count_page_texts (draft, "theme-matrix", -1), >, 10);
  UI_TEST_WAIT_UNTIL (find_inscription (view_child (window, "column_view"),
                                        csn_translation_unit_get_source (unit_at (window, 0))) != NULL);

  source_column = view_child (window, "source_column");
  translation_column = view_child (window, "translation_column");
  g_assert_cmpstr (gtk_column_view_column_get_title (source_column), ==,
                   csn_enum_get_label (CSN_TYPE_LANGUAGE, meeting_language));
  g_assert_cmpstr (gtk_column_view_column_get_title (translation_column), ==,
                   csn_enum_get_label (CSN_TYPE_LANGUAGE, csn_language_get_other (meeting_language)));

  /* Under LANGUAGE=es the interface speaks Spanish. */
  if (in_spanish ())
    g_assert_cmpstr (gtk_column_view_column_get_title (source_column), ==,
                     meeting_language == CSN_LANGUAGE_ES ? "Español" : "Inglés");

  /* The agenda chooses the page whose texts are listed. */
  csn_window_show_page (window, "mechanisms");
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "translation");
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, "mechanisms");
  g_assert_cmpuint (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)), ==,
                    count_page_texts (draft, "mechanisms", -1));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.translation-mode", NULL);
  g_assert_false (csn_window_get_translation_mode (window));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "mechanisms");
  ui_test_close_window (window);
}

static void
test_mode_spanish (void)
{
  check_mode (CSN_LANGUAGE_ES);
}

static void
test_mode_english (void)
{
  check_mode (CSN_LANGUAGE_EN);
}

/* Selecting a text shows it in the editor; what is typed is kept when the field is left, as one
 * undoable step, and the editor and the row follow the undo. */
static void
test_edit_undo (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnHistory *history = csn_draft_get_history (draft);
  GtkTextView *source_text, *translation_text;
  CsnTranslationUnit *unit;
  g_autofree char *before = NULL;

  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_ALL);
  before = ui_test_dup_content (draft);
  unit = unit_at (window, 0);
  g_assert_true (csn_translation_view_select (window->translation_view, csn_translation_unit_get_item (unit),
                                              csn_translation_unit_get_field (unit)));
  g_assert_true (csn_translation_view_get_selected (window->translation_view) == unit);

  source_text = view_child (window, "source_text");
  translation_text = view_child (window, "translation_text");
  g_assert_false (gtk_text_view_get_editable (source_text));
  g_assert_cmpstr (buffer_text (source_text), ==, csn_translation_unit_get_source (unit));
  g_assert_cmpstr (buffer_text (translation_text), ==, "");

  gtk_widget_grab_focus (GTK_WIDGET (translation_text));
  UI_TEST_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (translation_text)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (translation_text), "Trafficking in persons\nand smuggling", -1);
  /* Typing is not an edit of the draft yet. */
  g_assert_cmpstr (translation_of (window, unit), ==, "");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  /* Undo first kept what the field held, then undid that one step. */
  g_assert_cmpstr (translation_of (window, unit), ==, "");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (translation_text), "Trafficking in persons", -1);
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_cmpstr (translation_of (window, unit), ==, "Trafficking in persons");
  g_assert_cmpint (state_of (window, unit), ==, CSN_TRANSLATION_CURRENT);
  /* "Translate notes of … into English", in the interface's language, which writes the
   * language's name in a sentence as a sentence does ("al inglés"), not as a label ("Inglés"). */
  if (in_spanish ())
    {
      g_assert_nonnull (strstr (csn_history_get_undo_label (history), " al inglés"));
      g_assert_null (strstr (csn_history_get_undo_label (history), "Inglés"));
    }
  else
    g_assert_nonnull (strstr (csn_history_get_undo_label (history), " into English"));

  /* The row shows it. */
  UI_TEST_WAIT_UNTIL (find_inscription (view_child (window, "column_view"), "Trafficking in persons") != NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (translation_of (window, unit), ==, "");
  g_assert_cmpstr (buffer_text (translation_text), ==, "");
  {
    g_autofree char *undone = ui_test_dup_content (draft);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (csn_window_get_translation_mode (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (translation_of (window, unit), ==, "Trafficking in persons");
  g_assert_cmpstr (buffer_text (translation_text), ==, "Trafficking in persons");
  ui_test_close_window (window);
}

/* Undo in translation mode shows the very text it changed: a reservation's, not its theme's first. */
static void
test_undo_reveals_reservation (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnItem *theme = ui_test_get_item (draft, CSN_COLLECTION_THEMES, 1);
  g_autoptr(CsnItem) reservation = g_object_new (CSN_TYPE_RESERVATION, CSN_RESERVATION_PROP_COUNTRY, "MX",
                                                 "text", "México reserva su postura sobre la repatriación.", NULL);
  const CsnField *text_field = csn_item_class_find_field (CSN_ITEM_GET_CLASS (reservation), "text");
  CsnWindow *window;
  CsnTranslationUnit *selected;

  csn_draft_insert_child (draft, theme, CSN_THEME_PROP_RESERVATIONS, 0, reservation);
  window = ui_test_open_window (app, draft);
  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_ALL);
  csn_draft_set_translation (draft, reservation, text_field, CSN_LANGUAGE_EN, "Mexico reserves its position on return.");
  /* Elsewhere first: undo is what brings the reservation into view. */
  csn_window_show_page (window, "mechanisms");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_translation (reservation, text_field, CSN_LANGUAGE_EN, NULL), ==, "");
  g_assert_true (csn_window_get_translation_mode (window));
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, "theme-matrix");
  selected = csn_translation_view_get_selected (window->translation_view);
  g_assert_nonnull (selected);
  g_assert_true (csn_translation_unit_get_item (selected) == reservation);
  g_assert_true (csn_translation_unit_get_field (selected) == text_field);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  selected = csn_translation_view_get_selected (window->translation_view);
  g_assert_true (csn_translation_unit_get_item (selected) == reservation);
  ui_test_close_window (window);
}

static gboolean
all_units_in_state (CsnWindow           *window,
                    CsnTranslationState  state)
{
  GListModel *units = csn_translation_view_get_units (window->translation_view);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (units, i);

      if (state_of (window, unit) != state)
        return FALSE;
    }
  return TRUE;
}

/* All, Untranslated and Outdated show the texts in that state; the list follows edits elsewhere. */
static void
test_filters (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnTranslationUnit *first, *second;
  const char *property;
  g_autofree char *revised = NULL;
  guint n_texts;

  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_ALL);
  n_texts = count_page_texts (draft, "theme-matrix", -1);
  first = g_object_ref (unit_at (window, 0));
  second = g_object_ref (unit_at (window, 1));
  csn_draft_set_translation (draft, csn_translation_unit_get_item (first), csn_translation_unit_get_field (first),
                             CSN_LANGUAGE_EN, "Trafficking in persons");
  csn_draft_set_translation (draft, csn_translation_unit_get_item (second), csn_translation_unit_get_field (second),
                             CSN_LANGUAGE_EN, "Prevention");
  property = csn_field_get_property_name (csn_translation_unit_get_field (second), NULL);
  revised = g_strconcat (csn_translation_unit_get_source (second), " Revisado.", NULL);
  csn_draft_set_string (draft, csn_translation_unit_get_item (second), property, revised);

  gtk_widget_activate_action (GTK_WIDGET (window->translation_view), "translation.filter", "s", "untranslated");
  g_assert_cmpstr (csn_translation_view_get_filter (window->translation_view), ==, "untranslated");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)) == n_texts - 2);
  g_assert_true (all_units_in_state (window, CSN_TRANSLATION_MISSING));

  gtk_widget_activate_action (GTK_WIDGET (window->translation_view), "translation.filter", "s", "outdated");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)) == 1);
  g_assert_true (unit_at (window, 0) == second);

  /* An edit elsewhere (here: undoing the source edit) takes it off the Outdated list. */
  csn_draft_undo (draft);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)) == 0);
  /* The list is hidden while its empty page shows, and the other way round. */
  g_assert_cmpstr (ui_test_list_stack_shown (GTK_WIDGET (window->translation_view)), ==, "empty");

  gtk_widget_activate_action (GTK_WIDGET (window->translation_view), "translation.filter", "s", "all");
  g_assert_cmpuint (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)), ==, n_texts);
  g_assert_cmpstr (ui_test_list_stack_shown (GTK_WIDGET (window->translation_view)), ==, "list");

  /* A theme added elsewhere brings its texts into the list. */
  {
    g_autoptr(CsnItem) theme = g_object_new (csn_collection_get_item_type (CSN_COLLECTION_THEMES),
                                             "id", "theme-new", "title", "Tema nuevo", NULL);

    csn_draft_append (draft, CSN_COLLECTION_THEMES, theme);
    UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)) == n_texts + 1);
  }
  g_object_unref (first);
  g_object_unref (second);
  ui_test_close_window (window);
}

/* The summary says what is counted afresh: "12 texts · 3 untranslated · 1 outdated" in either language. */
static void
assert_summary_counts (CsnWindow  *window,
                       const char *page)
{
  CsnDraft *draft = csn_window_get_draft (window);
  const char *summary = gtk_label_get_text (view_child (window, "summary_label"));
  g_autofree char *texts = g_strdup_printf ("%u ", count_page_texts (draft, page, -1));
  g_autofree char *missing = g_strdup_printf ("· %u ", count_page_texts (draft, page, CSN_TRANSLATION_MISSING));
  g_autofree char *outdated = g_strdup_printf ("· %u ", count_page_texts (draft, page, CSN_TRANSLATION_OUTDATED));
  const char *after_missing;

  g_assert_true (g_str_has_prefix (summary, texts));
  after_missing = strstr (summary, missing);
  g_assert_nonnull (after_missing);
  g_assert_nonnull (strstr (after_missing + strlen (missing), outdated));
}

/* Edits of one item are followed from that item: a translation kept or undone, a source emptied
 * and written again, a text of another page edited; the list and its counts stay as a fresh
 * listing would have them. */
static void
test_follows_item_edits (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  GListModel *units;
  g_autoptr(CsnTranslationUnit) second = NULL;
  g_autoptr(CsnTranslationUnit) third = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *source = NULL;
  const char *property;
  guint n_missing;
  gboolean elsewhere = FALSE;

  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_UNTRANSLATED);
  units = csn_translation_view_get_units (window->translation_view);
  n_missing = count_page_texts (draft, "theme-matrix", CSN_TRANSLATION_MISSING);
  g_assert_cmpuint (n_missing, >=, 3);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (units) == n_missing);
  second = g_object_ref (unit_at (window, 1));
  third = g_object_ref (unit_at (window, 2));
  assert_summary_counts (window, "theme-matrix");

  /* Translated, it leaves the Untranslated list; undone, it comes back in its place. */
  csn_draft_set_translation (draft, csn_translation_unit_get_item (second), csn_translation_unit_get_field (second),
                             target_of (draft), "Second");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (units) == n_missing - 1);
  g_assert_true (unit_at (window, 1) == third);
  assert_summary_counts (window, "theme-matrix");
  csn_draft_undo (draft);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (units) == n_missing);
  g_assert_true (unit_at (window, 1) == second);
  assert_summary_counts (window, "theme-matrix");

  /* A source emptied takes its text off the page; written again, the text is back. */
  property = csn_field_get_property_name (csn_translation_unit_get_field (third), NULL);
  source = g_strdup (csn_translation_unit_get_source (third));
  csn_draft_set_string (draft, csn_translation_unit_get_item (third), property, "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (units) == n_missing - 1);
  assert_summary_counts (window, "theme-matrix");
  csn_draft_set_string (draft, csn_translation_unit_get_item (third), property, source);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (units) == n_missing);
  g_assert_true (csn_translation_unit_get_item (unit_at (window, 2)) == csn_translation_unit_get_item (third));
  assert_summary_counts (window, "theme-matrix");

  /* A text of another page translated: nothing changes here. */
  texts = csn_draft_list_texts (draft);
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      if (g_str_equal (text->page, "strategies") &&
          csn_item_get_translation_state (text->item, text->field, target_of (draft)) == CSN_TRANSLATION_MISSING)
        {
          csn_draft_set_translation (draft, text->item, text->field, target_of (draft), "Elsewhere");
          elsewhere = TRUE;
          break;
        }
    }
  g_assert_true (elsewhere);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, n_missing);
  assert_summary_counts (window, "theme-matrix");
  ui_test_close_window (window);
}

static gboolean
lists_unit (CsnWindow          *window,
            CsnTranslationUnit *unit)
{
  GListModel *units = csn_translation_view_get_units (window->translation_view);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    if (unit_at (window, i) == unit)
      return TRUE;
  return FALSE;
}

/* The first missing text listed (of @item, unless NULL), or NULL. */
static CsnTranslationUnit *
find_missing_unit (CsnWindow *window,
                   CsnItem   *item)
{
  GListModel *units = csn_translation_view_get_units (window->translation_view);
  CsnDraft *draft = csn_window_get_draft (window);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      CsnTranslationUnit *unit = unit_at (window, i);

      if (csn_translation_unit_get_state (unit, target_of (draft)) == CSN_TRANSLATION_MISSING &&
          (item == NULL || csn_translation_unit_get_item (unit) == item))
        return unit;
    }
  return NULL;
}

/* Translates the first missing text listed (of @item, unless NULL), and checks the counts once
 * the view has followed. */
static void
translate_missing (CsnWindow  *window,
                   CsnItem    *item,
                   const char *translation)
{
  CsnDraft *draft = csn_window_get_draft (window);
  CsnTranslationUnit *unit = find_missing_unit (window, item);

  g_assert_nonnull (unit);
  csn_draft_set_translation (draft, csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                             target_of (draft), translation);
  ui_test_flush ();
  assert_summary_counts (window, "theme-matrix");
}

/* A listing counts the states it lists the texts in and keeps each in its text; the edits after
 * it are counted from those. With every text listed, no other count comes between: the counts
 * after each edit are the listing's and the edit's alone. */
static void
test_counts_from_listing (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  guint n_texts = count_page_texts (draft, "theme-matrix", -1);
  guint n_missing = count_page_texts (draft, "theme-matrix", CSN_TRANSLATION_MISSING);
  CsnTranslationUnit *unit;
  g_autofree char *source = NULL;
  const char *property;
  CsnItem *item;

  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_ALL);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)) == n_texts);
  assert_summary_counts (window, "theme-matrix");

  /* A text of the first listing translated. */
  translate_missing (window, NULL, "Translated");
  g_assert_cmpuint (count_page_texts (draft, "theme-matrix", CSN_TRANSLATION_MISSING), ==, n_missing - 1);

  /* A source emptied and written again lists the page again, that text in a new unit among the
   * units kept; then it and a kept one are translated. */
  unit = find_missing_unit (window, NULL);
  g_assert_nonnull (unit);
  item = csn_translation_unit_get_item (unit);
  property = csn_field_get_property_name (csn_translation_unit_get_field (unit), NULL);
  source = g_strdup (csn_translation_unit_get_source (unit));
  csn_draft_set_string (draft, item, property, "");
  ui_test_flush ();
  csn_draft_set_string (draft, item, property, source);
  ui_test_flush ();
  assert_summary_counts (window, "theme-matrix");
  translate_missing (window, item, "Again");
  translate_missing (window, NULL, "Kept");
  g_assert_cmpuint (count_page_texts (draft, "theme-matrix", CSN_TRANSLATION_MISSING), ==, n_missing - 3);

  /* Translated out of translation mode, a text is listed again in the unit it had; that
   * translation undone back in the mode, it is counted from the state the listing gave it. */
  unit = find_missing_unit (window, NULL);
  g_assert_nonnull (unit);
  csn_window_set_translation_mode (window, FALSE);
  ui_test_flush ();
  csn_draft_set_translation (draft, csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                             target_of (draft), "Out of the mode");
  csn_window_set_translation_mode (window, TRUE);
  ui_test_flush ();
  g_assert_true (lists_unit (window, unit));
  assert_summary_counts (window, "theme-matrix");
  csn_draft_undo (draft);
  ui_test_flush ();
  g_assert_cmpuint (count_page_texts (draft, "theme-matrix", CSN_TRANSLATION_MISSING), ==, n_missing - 3);
  assert_summary_counts (window, "theme-matrix");
  ui_test_close_window (window);
}

/* Next Untranslated goes to the next missing or outdated text, on the next page when this one has
 * none left; the agenda follows. With none left anywhere, a toast says so. */
static void
test_next_across_pages (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnTranslationUnit *selected;
  GtkListBox *sidebar = window->sidebar;
  CsnText *first_strategy_text = NULL;

  /* Every text of the Theme Matrix translated but its second. */
  for (guint i = 0, n = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      if (first_strategy_text == NULL && g_str_equal (text->page, "strategies") &&
          csn_item_get_translation_state (text->item, text->field, CSN_LANGUAGE_EN) == CSN_TRANSLATION_MISSING)
        first_strategy_text = text;
      if (!g_str_equal (text->page, "theme-matrix") ||
          csn_item_get_translation_state (text->item, text->field, CSN_LANGUAGE_EN) == CSN_TRANSLATION_NOT_NEEDED)
        continue;
      if (n++ != 1)
        csn_draft_set_translation (draft, text->item, text->field, CSN_LANGUAGE_EN, "Translated");
    }
  g_assert_nonnull (first_strategy_text);

  csn_window_show_page (window, "theme-matrix");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-untranslated", NULL);
  g_assert_true (csn_window_get_translation_mode (window));
  selected = csn_translation_view_get_selected (window->translation_view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (csn_translation_unit_get_page (selected), ==, "theme-matrix");
  g_assert_true (selected == unit_at (window, 1));
  g_assert_cmpint (state_of (window, selected), ==, CSN_TRANSLATION_MISSING);
  UI_TEST_WAIT_UNTIL (gtk_widget_has_focus (view_child (window, "translation_text")));

  /* None left on the page: the Strategies' first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-untranslated", NULL);
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, "strategies");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))), ==, "strategies");
  selected = csn_translation_view_get_selected (window->translation_view);
  g_assert_true (csn_translation_unit_get_item (selected) == first_strategy_text->item);
  g_assert_true (csn_translation_unit_get_field (selected) == first_strategy_text->field);

  /* Everything translated: nowhere to go. */
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      if (csn_item_get_translation_state (text->item, text->field, CSN_LANGUAGE_EN) == CSN_TRANSLATION_MISSING)
        csn_draft_set_translation (draft, text->item, text->field, CSN_LANGUAGE_EN, "Translated");
    }
  g_assert_false (csn_translation_view_next_untranslated (window->translation_view));
  ui_test_close_window (window);
}

static void
assert_selected_text (CsnWindow *window,
                      CsnText   *text)
{
  CsnTranslationUnit *selected = csn_translation_view_get_selected (window->translation_view);

  g_assert_nonnull (selected);
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, text->page);
  g_assert_true (csn_translation_unit_get_item (selected) == text->item);
  g_assert_true (csn_translation_unit_get_field (selected) == text->field);
}

/* Next Untranslated goes on past the last page to the first ones, and last to the shown page's
 * texts before the selected one; an outdated translation is work left too. */
static void
test_next_wraps_around (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnText *matrix_text = NULL;
  CsnText *first_mechanism = NULL;
  CsnText *second_mechanism = NULL;
  const char *property;
  g_autofree char *revised = NULL;

  /* Every text translated but the Theme Matrix's first and the Mechanisms' first. */
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      CsnTranslationState state = csn_item_get_translation_state (text->item, text->field, CSN_LANGUAGE_EN);

      if (state == CSN_TRANSLATION_NOT_NEEDED)
        continue;
      if (matrix_text == NULL && g_str_equal (text->page, "theme-matrix") && state == CSN_TRANSLATION_MISSING)
        {
          matrix_text = text;
          continue;
        }
      if (g_str_equal (text->page, "mechanisms") && first_mechanism == NULL && state == CSN_TRANSLATION_MISSING)
        {
          first_mechanism = text;
          continue;
        }
      if (g_str_equal (text->page, "mechanisms") && second_mechanism == NULL)
        second_mechanism = text;
      csn_draft_set_translation (draft, text->item, text->field, CSN_LANGUAGE_EN, "Translated");
    }
  g_assert_nonnull (matrix_text);
  g_assert_nonnull (first_mechanism);
  g_assert_nonnull (second_mechanism);

  /* From the last pages, none left after them: the Theme Matrix's text, on an earlier page. */
  csn_window_translate_page (window, "endorsements", CSN_TRANSLATION_FILTER_ALL);
  g_assert_true (csn_translation_view_next_untranslated (window->translation_view));
  assert_selected_text (window, matrix_text);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (window->sidebar))), ==, "theme-matrix");

  /* Translated, the next one is on the Mechanisms, past the pages with none left. */
  csn_draft_set_translation (draft, matrix_text->item, matrix_text->field, CSN_LANGUAGE_EN, "Translated");
  g_assert_true (csn_translation_view_next_untranslated (window->translation_view));
  assert_selected_text (window, first_mechanism);

  /* From a later text of that page, with none left anywhere else: back to the one before it. */
  g_assert_true (csn_translation_view_select (window->translation_view, second_mechanism->item, second_mechanism->field));
  g_assert_true (csn_translation_view_next_untranslated (window->translation_view));
  assert_selected_text (window, first_mechanism);

  /* A source reworded after its translation: that translation is next. */
  csn_draft_set_translation (draft, first_mechanism->item, first_mechanism->field, CSN_LANGUAGE_EN, "Translated");
  property = csn_field_get_property_name (second_mechanism->field, NULL);
  revised = g_strconcat (csn_item_get_string (second_mechanism->item, property), " (RVM)", NULL);
  csn_draft_set_string (draft, second_mechanism->item, property, revised);
  g_assert_true (csn_translation_view_next_untranslated (window->translation_view));
  assert_selected_text (window, second_mechanism);

  /* Up to date again: nowhere to go, and the selection stays. */
  csn_draft_set_translation (draft, second_mechanism->item, second_mechanism->field, CSN_LANGUAGE_EN, "Translated");
  g_assert_false (csn_translation_view_next_untranslated (window->translation_view));
  assert_selected_text (window, second_mechanism);
  ui_test_close_window (window);
}

/* A source edited after its translation marks it outdated; Accept as Up to Date keeps its text and
 * marks it current, one step to undo. */
static void
test_accept (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnTranslationUnit *unit;
  GtkWidget *accept_button = NULL;
  const char *property;
  g_autofree char *revised = NULL;

  csn_window_translate_page (window, "mechanisms", CSN_TRANSLATION_FILTER_ALL);
  unit = g_object_ref (unit_at (window, 0));
  csn_draft_set_translation (draft, csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                             CSN_LANGUAGE_EN, "Vice-Ministerial Meeting");
  g_assert_true (csn_translation_view_select (window->translation_view, csn_translation_unit_get_item (unit),
                                              csn_translation_unit_get_field (unit)));
  g_assert_false (gtk_widget_is_visible (view_child (window, "accept_button")));
  g_assert_false (csn_translation_view_get_can_accept (window->translation_view));

  /* The co-chairs reword the source: the translation is outdated. */
  property = csn_field_get_property_name (csn_translation_unit_get_field (unit), NULL);
  revised = g_strconcat (csn_translation_unit_get_source (unit), " (RVM)", NULL);
  csn_draft_set_string (draft, csn_translation_unit_get_item (unit), property, revised);
  g_assert_cmpint (state_of (window, unit), ==, CSN_TRANSLATION_OUTDATED);
  UI_TEST_WAIT_UNTIL (csn_translation_view_get_can_accept (window->translation_view));
  accept_button = view_child (window, "accept_button");
  g_assert_true (gtk_widget_is_visible (accept_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-translation", NULL);
  g_assert_cmpint (state_of (window, unit), ==, CSN_TRANSLATION_CURRENT);
  g_assert_cmpstr (translation_of (window, unit), ==, "Vice-Ministerial Meeting");
  UI_TEST_WAIT_UNTIL (!csn_translation_view_get_can_accept (window->translation_view));
  g_assert_nonnull (strstr (csn_history_get_undo_label (csn_draft_get_history (draft)),
                            in_spanish () ? " al inglés" : " into English"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (state_of (window, unit), ==, CSN_TRANSLATION_OUTDATED);
  g_assert_cmpstr (translation_of (window, unit), ==, "Vice-Ministerial Meeting");
  g_assert_true (csn_translation_view_get_can_accept (window->translation_view));
  g_object_unref (unit);
  ui_test_close_window (window);
}

static AdwActionRow *
find_summary_row (CsnTranslationSummary *summary,
                  const char            *page)
{
  GtkWidget *row = ui_test_find_widget (GTK_WIDGET (summary), ADW_TYPE_ACTION_ROW, NULL);

  /* The rows are siblings in the group's list box. */
  for (GtkWidget *child = row != NULL ? gtk_widget_get_first_child (gtk_widget_get_parent (row)) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), page) == 0 && gtk_widget_get_visible (child))
      return ADW_ACTION_ROW (child);
  return NULL;
}

static CsnText *
first_text_of (GPtrArray  *texts,
               const char *page)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (((CsnText *) g_ptr_array_index (texts, i))->page, page))
      return g_ptr_array_index (texts, i);
  g_error ("no text on %s", page);
}

/* The pages' rows come in the window's order of pages, whatever order their texts were counted in. */
static void
assert_rows_in_page_order (CsnTranslationSummary *summary)
{
  GtkWidget *row = ui_test_find_widget (GTK_WIDGET (summary), ADW_TYPE_ACTION_ROW, NULL);
  guint last_rank = 0;
  guint n_rows = 0;

  for (GtkWidget *child = row != NULL ? gtk_widget_get_first_child (gtk_widget_get_parent (row)) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint rank;

      if (!gtk_widget_get_visible (child) || csn_translation_summary_get_count (summary, gtk_widget_get_name (child),
                                                                                 CSN_TRANSLATION_MISSING) +
                                             csn_translation_summary_get_count (summary, gtk_widget_get_name (child),
                                                                                CSN_TRANSLATION_OUTDATED) == 0)
        continue;
      rank = csn_text_page_get_rank (gtk_widget_get_name (child));
      g_assert_cmpuint (rank, >=, last_rank);
      last_rank = rank;
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 1);
}

/* The Overview counts each page's untranslated and outdated texts and follows edits; a page's row
 * opens translation mode there with the matching filter. */
static void
assert_overview_counts (CsnTranslationSummary *summary,
                        CsnDraft              *draft)
{
  static const char * const pages[] = {
    "overview", "theme-matrix", "strategies", "mechanisms", "actors", "delegations", "endorsements", "document",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_cmpuint (csn_translation_summary_get_count (summary, pages[i], CSN_TRANSLATION_MISSING), ==,
                        count_page_texts (draft, pages[i], CSN_TRANSLATION_MISSING));
      g_assert_cmpuint (csn_translation_summary_get_count (summary, pages[i], CSN_TRANSLATION_OUTDATED), ==,
                        count_page_texts (draft, pages[i], CSN_TRANSLATION_OUTDATED));
    }
  assert_rows_in_page_order (summary);
}

/* The Overview's Translations group. */
static CsnTranslationSummary *
get_translation_summary (CsnWindow *window)
{
  GtkWidget *overview = csn_window_get_page (window, "overview");

  return CSN_TRANSLATION_SUMMARY (ui_test_find_widget (overview, CSN_TYPE_TRANSLATION_SUMMARY, NULL));
}

static void
test_overview_counts (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnTranslationSummary *summary = get_translation_summary (window);
  guint missing = count_page_texts (draft, "mechanisms", CSN_TRANSLATION_MISSING);
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  AdwActionRow *row;
  CsnText *text;

  g_assert_nonnull (summary);
  /* A sentence: "…una traducción vigente al inglés…", not the label "Inglés". */
  if (in_spanish ())
    {
      g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), " al inglés"));
      g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), "Inglés"));
    }
  else
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)), " into English"));
  csn_window_show_page (window, "overview");
  UI_TEST_WAIT_UNTIL (find_summary_row (summary, "mechanisms") != NULL);
  row = find_summary_row (summary, "mechanisms");
  g_assert_cmpuint (csn_translation_summary_get_count (summary, "mechanisms", CSN_TRANSLATION_MISSING), ==, missing);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u untranslated text",
                                                              "%u untranslated texts", missing), missing);

    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  }

  text = first_text_of (texts, "mechanisms");
  csn_draft_set_translation (draft, text->item, text->field, CSN_LANGUAGE_EN, "Vice-Ministerial Meeting");
  UI_TEST_WAIT_UNTIL (csn_translation_summary_get_count (summary, "mechanisms", CSN_TRANSLATION_MISSING) == missing - 1);
  /* The same pages have work left: their rows stay, and say the new count. */
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u untranslated text",
                                                              "%u untranslated texts", missing - 1), missing - 1);

    g_assert_true (find_summary_row (summary, "mechanisms") == row);
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  }
  csn_draft_set_string (draft, text->item, csn_field_get_property_name (text->field, NULL), "Reunión (RVM)");
  UI_TEST_WAIT_UNTIL (csn_translation_summary_get_count (summary, "mechanisms", CSN_TRANSLATION_OUTDATED) == 1);
  assert_overview_counts (summary, draft);

  /* Undone and redone, the counts follow, on every page as a fresh count has them. */
  csn_draft_undo (draft);
  csn_draft_undo (draft);
  UI_TEST_WAIT_UNTIL (csn_translation_summary_get_count (summary, "mechanisms", CSN_TRANSLATION_MISSING) == missing);
  assert_overview_counts (summary, draft);
  csn_draft_redo (draft);
  csn_draft_redo (draft);
  UI_TEST_WAIT_UNTIL (csn_translation_summary_get_count (summary, "mechanisms", CSN_TRANSLATION_OUTDATED) == 1);
  assert_overview_counts (summary, draft);
  row = find_summary_row (summary, "mechanisms");
  {
    g_autofree char *outdated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outdated translation",
                                                              "%u outdated translations", 1), 1);

    UI_TEST_WAIT_UNTIL ((row = find_summary_row (summary, "mechanisms")) != NULL &&
                        strstr (adw_action_row_get_subtitle (row), outdated) != NULL);
  }

  g_signal_emit_by_name (row, "activate");
  g_assert_true (csn_window_get_translation_mode (window));
  g_assert_cmpstr (csn_translation_view_get_page (window->translation_view), ==, "mechanisms");
  g_assert_cmpstr (csn_translation_view_get_filter (window->translation_view), ==, "untranslated");
  g_assert_cmpuint (g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)), ==, missing - 1);
  ui_test_close_window (window);
}

static CsnItem *
new_strategy (const char *description)
{
  return g_object_new (CSN_TYPE_STRATEGY, CSN_STRATEGY_PROP_DESCRIPTION, description,
                       CSN_STRATEGY_PROP_NOTES, "Notas de la estrategia", NULL);
}

/* The Overview's counts follow lists edited while it shows and while it is hidden: strategies
 * added, removed, moved, undone and redone, alone or with their texts edited; a delegation's
 * comment that leaves the Strategies with its strategy; a theme, whose list has reservations under
 * its items, and a role proposal added; a quota and a participant, without texts; more edited
 * items than the summary keeps while it waits. Each time they are what a fresh count of every text
 * has. */
static void
test_overview_counts_list_edits (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnTranslationSummary *summary = get_translation_summary (window);
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  guint missing = count_page_texts (draft, "strategies", CSN_TRANSLATION_MISSING);
  g_autoptr(CsnItem) added = new_strategy ("Estrategia añadida");
  g_autoptr(CsnItem) first = g_list_model_get_item (strategies, 0);
  g_autoptr(CsnItem) second = g_list_model_get_item (strategies, 1);
  const CsnField *description = csn_item_class_find_field (CSN_ITEM_GET_CLASS (second), CSN_STRATEGY_PROP_DESCRIPTION);
  g_autoptr(CsnItem) theme = g_object_new (CSN_TYPE_THEME, CSN_THEME_PROP_TITLE, "Tema nuevo", NULL);
  g_autoptr(CsnItem) proposal = g_object_new (CSN_TYPE_ROLE_PROPOSAL, CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION, "Atribución nueva", NULL);
  g_autoptr(CsnItem) position = g_object_new (CSN_TYPE_POSITION, CSN_POSITION_PROP_COUNTRY, "MX",
                                              CSN_POSITION_PROP_ITEM, csn_item_get_key (first),
                                              CSN_POSITION_PROP_COMMENT, "Comentario de México", NULL);
  guint n_strategies;

  csn_window_show_page (window, "overview");
  UI_TEST_WAIT_UNTIL (find_summary_row (summary, "strategies") != NULL);
  assert_overview_counts (summary, draft);
  /* A delegation's comment on the first strategy, counted on the Strategies until it goes. */
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, position);
  g_assert_cmpuint (csn_translation_summary_get_count (summary, "strategies", CSN_TRANSLATION_MISSING), ==, missing + 1);
  assert_overview_counts (summary, draft);

  /* Hidden: added, removed (with the comment on it), translated, and the translation undone. */
  csn_window_show_page (window, "strategies");
  csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, added);
  csn_draft_remove (draft, CSN_COLLECTION_STRATEGIES, 0);
  csn_draft_set_translation (draft, second, description, target_of (draft), "A translated strategy");
  csn_draft_set_translation (draft, added, description, target_of (draft), "An added strategy");
  csn_draft_undo (draft);
  csn_window_show_page (window, "overview");
  g_assert_cmpuint (csn_translation_summary_get_count (summary, "strategies", CSN_TRANSLATION_MISSING), ==,
                    missing + 2 - (csn_item_get_translation_state (first, description, target_of (draft)) == CSN_TRANSLATION_MISSING) -
                    (csn_item_get_translation_state (second, description, target_of (draft)) != CSN_TRANSLATION_MISSING));
  assert_overview_counts (summary, draft);

  /* Shown: undone and redone, one step at a time. */
  csn_draft_undo (draft);
  assert_overview_counts (summary, draft);
  csn_draft_undo (draft);
  assert_overview_counts (summary, draft);
  csn_draft_undo (draft);
  assert_overview_counts (summary, draft);
  /* Back to the draft with the comment alone added. */
  g_assert_cmpuint (csn_translation_summary_get_count (summary, "strategies", CSN_TRANSLATION_MISSING), ==, missing + 1);
  csn_draft_redo (draft);
  csn_draft_redo (draft);
  assert_overview_counts (summary, draft);

  /* Hidden: a strategy moved and edited, a theme and a role proposal added. */
  csn_window_show_page (window, "mechanisms");
  csn_draft_move (draft, CSN_COLLECTION_STRATEGIES, 0, 2);
  csn_draft_set_string (draft, second, CSN_STRATEGY_PROP_DESCRIPTION, "Estrategia movida");
  csn_draft_append (draft, CSN_COLLECTION_THEMES, theme);
  csn_draft_append (draft, CSN_COLLECTION_ROLE_PROPOSALS, proposal);
  csn_window_show_page (window, "overview");
  assert_overview_counts (summary, draft);

  /* Hidden: a delegation's quota and a participant's name, which have no text to count. */
  csn_window_show_page (window, "delegations");
  {
    g_autoptr(CsnItem) country = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES), 0);
    g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT, CSN_PARTICIPANT_PROP_NAME, "Ana Pérez", NULL);

    csn_draft_set_int (draft, country, CSN_COUNTRY_PROP_DELEGATION_QUOTA, 4);
    csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
    csn_draft_set_string (draft, participant, CSN_PARTICIPANT_PROP_NAME, "Ana María Pérez");
  }
  csn_window_show_page (window, "overview");
  assert_overview_counts (summary, draft);

  /* Hidden: more items edited than the summary keeps, which counts every text again. */
  csn_window_show_page (window, "strategies");
  n_strategies = g_list_model_get_n_items (strategies);
  for (guint i = 0; i < 1001; i++)
    {
      g_autoptr(CsnItem) strategy = new_strategy ("Una de muchas");

      csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, strategy);
    }
  for (guint i = 0; i < 1001; i++)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, n_strategies + i);

      csn_draft_set_translation (draft, strategy, description, target_of (draft), "One of many");
    }
  csn_window_show_page (window, "overview");
  assert_overview_counts (summary, draft);
  ui_test_close_window (window);
}

static gboolean
export_done (CsnWindow *window)
{
  GtkRevealer *revealer = window->export_revealer;

  return !gtk_revealer_get_reveal_child (revealer);
}

static CsnXliffUnit *
find_unit (CsnXliffFile *file,
           const char   *id)
{
  for (guint i = 0; i < file->units->len; i++)
    {
      CsnXliffUnit *unit = g_ptr_array_index (file->units, i);

      if (g_str_equal (unit->id, id))
        return unit;
    }
  g_error ("no unit “%s”", id);
}

/* The exported XLIFF at @path, read back by the application's reader (an XML parser). */
static GPtrArray *
read_exported (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *files;

  g_assert_nonnull (stream);
  files = csn_xliff_read (G_INPUT_STREAM (stream), path, CSN_XLIFF_MAX_FILE_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  return files;
}

/* The exported file, read back, with two units translated, written to @path. */
static void
translate_file (const char *exported,
                const char *path)
{
  g_autoptr(GPtrArray) files = read_exported (exported);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  CsnXliffFile *xliff = g_ptr_array_index (files, 0);
  CsnXliffUnit *unit;
  gsize length;

  unit = find_unit (xliff, "themes/theme-1/title");
  g_free (unit->target);
  unit->target = g_strdup ("Trafficking in persons and smuggling of migrants");
  unit = find_unit (xliff, "mechanisms/mechanism-1/name");
  g_free (unit->target);
  unit->target = g_strdup ("Vice-Ministerial Meeting");
  data = csn_xliff_write (xliff, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, data, length, &error));
}

/* Whether activating @action opens a file chooser; the chooser is cancelled again. */
static gboolean
opens_chooser (CsnWindow  *window,
               const char *action)
{
  GtkFileChooserNative *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  chooser = window->chooser;
  if (chooser == NULL)
    return FALSE;
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (window->chooser);
  return TRUE;
}

/* Export for Translation… waits while another export writes, as the other exports wait for it:
 * they share the progress bar and its Cancel. */
static void
test_one_export_at_a_time (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autofree char *xlsx = ui_test_tmp_path ("plan.xlsx");
  g_autofree char *xlf = ui_test_tmp_path ("plan.xlf");

  csn_window_export (window, xlsx, CSN_LANGUAGE_ES);
  g_assert_false (export_done (window));
  g_assert_false (opens_chooser (window, "win.export-translation"));
  UI_TEST_WAIT_UNTIL (export_done (window));
  g_assert_null (csn_window_get_error (window));
  g_assert_true (opens_chooser (window, "win.export-translation"));

  csn_window_export_translation (window, xlf);
  g_assert_false (export_done (window));
  g_assert_false (opens_chooser (window, "win.export"));
  g_assert_false (opens_chooser (window, "win.export-document"));
  g_assert_false (opens_chooser (window, "win.export-translation"));
  UI_TEST_WAIT_UNTIL (export_done (window));
  g_assert_null (csn_window_get_error (window));
  g_assert_true (opens_chooser (window, "win.export"));
  g_remove (xlsx);
  g_remove (xlf);
  ui_test_close_window (window);
}

/* The Theme Matrix's texts listed, @text typed for the first in the editor, which keeps the focus,
 * and not kept yet; that text's unit. */
static CsnTranslationUnit *
type_in_editor (CsnWindow  *window,
                const char *text)
{
  GtkTextView *translation_text;
  CsnTranslationUnit *unit;

  csn_window_translate_page (window, "theme-matrix", CSN_TRANSLATION_FILTER_ALL);
  translation_text = view_child (window, "translation_text");
  unit = unit_at (window, 0);
  g_assert_true (csn_translation_view_select (window->translation_view, csn_translation_unit_get_item (unit),
                                              csn_translation_unit_get_field (unit)));
  gtk_widget_grab_focus (GTK_WIDGET (translation_text));
  UI_TEST_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (translation_text)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (translation_text), text, -1);
  g_assert_cmpstr (translation_of (window, unit), ==, "");
  return unit;
}

/* An export (or a save, an undo) keeps what the editor holds as the translation without taking the
 * focus away and back: that restyled the whole window twice. */
static void
test_commit_in_place (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autofree char *exported = ui_test_tmp_path ("in-place.xlf");
  g_autoptr(GPtrArray) files = NULL;
  GtkTextView *translation_text;
  CsnTranslationUnit *unit;
  CsnXliffUnit *unit_read;
  guint moves = 0;
  gulong handler;

  unit = type_in_editor (window, "Trafficking in persons");
  translation_text = view_child (window, "translation_text");

  handler = ui_test_count_focus_moves (GTK_WINDOW (window), &moves);
  csn_window_export_translation (window, exported);
  g_assert_cmpstr (translation_of (window, unit), ==, "Trafficking in persons");
  UI_TEST_WAIT_UNTIL (export_done (window));
  g_signal_handler_disconnect (window, handler);
  g_assert_null (csn_window_get_error (window));
  g_assert_cmpuint (moves, ==, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (translation_text)));
  g_assert_cmpstr (buffer_text (translation_text), ==, "Trafficking in persons");
  /* The file has what the editor held, as the unit's translation. */
  files = read_exported (exported);
  unit_read = find_unit (g_ptr_array_index (files, 0), "themes/theme-1/title");
  g_assert_cmpstr (unit_read->target, ==, "Trafficking in persons");
  g_assert_cmpstr (unit_read->state, ==, "translated");

  ui_test_close_window (window);
  g_remove (exported);
}

/* Leaving translation mode (Ctrl+T) with a text typed in the editor keeps it as the translation,
 * one undoable step. */
static void
test_leave_keeps_edit (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnHistory *history = csn_draft_get_history (draft);
  CsnTranslationUnit *unit;

  unit = g_object_ref (type_in_editor (window, "Trafficking in persons"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.translation-mode", NULL);
  g_assert_false (csn_window_get_translation_mode (window));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");
  g_assert_cmpstr (translation_of (window, unit), ==, "Trafficking in persons");
  g_assert_true (csn_history_undo (history));
  g_assert_cmpstr (translation_of (window, unit), ==, "");

  g_object_unref (unit);
  ui_test_close_window (window);
}

/* Export for Translation… writes the XLIFF; the translated file comes back through the review
 * page, grouped by page, applied and undone as one step; dropped on the window, the same. */
static void
test_round_trip (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autofree char *exported = ui_test_tmp_path ("plan.xlf");
  g_autofree char *translated = ui_test_tmp_path ("plan-en.xlf");
  g_autoptr(GFile) translated_file = g_file_new_for_path (translated);
  g_autofree char *before = NULL;
  CsnReviewPage *page;
  CsnItem *theme = ui_test_get_item (draft, CSN_COLLECTION_THEMES, 0);
  const CsnField *title = csn_item_class_find_field (CSN_ITEM_GET_CLASS (theme), "title");

  csn_window_set_translation_mode (window, TRUE);
  csn_window_export_translation (window, exported);
  UI_TEST_WAIT_UNTIL (export_done (window));
  g_assert_null (csn_window_get_error (window));
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  translate_file (exported, translated);

  before = ui_test_dup_content (draft);
  csn_window_import_translation (window, translated_file);
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  page = CSN_REVIEW_PAGE (csn_window_get_page (window, "review"));
  g_assert_cmpint (csn_review_page_get_group_by (page), ==, CSN_REVIEW_GROUP_BY_PAGE);
  g_assert_cmpint (csn_review_page_get_groupings (page), ==, CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (csn_review_page_get_change_set (page))), ==, 2);
  /* Translation mode waits for the review. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.translation-mode", NULL);
  g_assert_true (csn_window_get_translation_mode (window));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "review");

  gtk_widget_activate_action (GTK_WIDGET (page), "review.apply", NULL);
  UI_TEST_WAIT_UNTIL (!csn_window_get_reviewing (window));
  g_assert_cmpstr (csn_item_get_translation (theme, title, CSN_LANGUAGE_EN, NULL), ==,
                   "Trafficking in persons and smuggling of migrants");
  g_assert_cmpint (csn_item_get_translation_state (theme, title, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_CURRENT);
  /* Back to translation mode, where the review started. */
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "translation");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *undone = ui_test_dup_content (draft);

    g_assert_cmpstr (undone, ==, before);
  }

  /* Dropped on the window: the same review. */
  {
    GSList files = { translated_file, NULL };

    _csn_window_drop_files (window, &files);
  }
  UI_TEST_WAIT_UNTIL (csn_window_get_reviewing (window));
  gtk_widget_activate_action (GTK_WIDGET (csn_window_get_page (window, "review")), "review.cancel", NULL);
  UI_TEST_WAIT_UNTIL (!csn_window_get_reviewing (window));
  {
    g_autofree char *after = ui_test_dup_content (draft);

    g_assert_cmpstr (after, ==, before);
  }
  ui_test_close_window (window);
}

/* A file that is no XLIFF changes nothing; the error names it. */
static void
test_bad_file (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autofree char *path = ui_test_tmp_path ("broken.xlf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = ui_test_dup_content (draft);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "<xliff version=\"1.2\"><file", -1, &error));
  csn_window_import_translation (window, file);
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);
  g_assert_nonnull (strstr (csn_window_get_error (window), "broken.xlf"));
  g_assert_false (csn_window_get_reviewing (window));
  {
    g_autofree char *after = ui_test_dup_content (draft);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  int status;

  /* The interface in the language of LANGUAGE, from the catalogue built from po/. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/translation-window/mode-spanish", test_mode_spanish);
  g_test_add_func ("/translation-window/mode-english", test_mode_english);
  g_test_add_func ("/translation-window/edit-undo", test_edit_undo);
  g_test_add_func ("/translation-window/undo-reveals-reservation", test_undo_reveals_reservation);
  g_test_add_func ("/translation-window/filters", test_filters);
  g_test_add_func ("/translation-window/follows-item-edits", test_follows_item_edits);
  g_test_add_func ("/translation-window/counts-from-listing", test_counts_from_listing);
  g_test_add_func ("/translation-window/next-across-pages", test_next_across_pages);
  g_test_add_func ("/translation-window/next-wraps-around", test_next_wraps_around);
  g_test_add_func ("/translation-window/accept", test_accept);
  g_test_add_func ("/translation-window/overview-counts", test_overview_counts);
  g_test_add_func ("/translation-window/overview-counts-list-edits", test_overview_counts_list_edits);
  g_test_add_func ("/translation-window/one-export-at-a-time", test_one_export_at_a_time);
  g_test_add_func ("/translation-window/round-trip", test_round_trip);
  g_test_add_func ("/translation-window/commit-in-place", test_commit_in_place);
  g_test_add_func ("/translation-window/leave-keeps-edit", test_leave_keeps_edit);
  g_test_add_func ("/translation-window/bad-file", test_bad_file);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
