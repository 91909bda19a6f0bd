/* test-document-page.c: the Document page in a real window: the group's texts, the live preview
 * (pages, edits, undo, clicks), Export Document… and Print…, the files read back by real readers. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "csn-document.h"
#include "csn-document-page.h"
#include "csn-document-preview.h"
#include "csn-document-texts.h"
#include "csn-history.h"
#include "csn-list-page.h"
#include "csn-meeting.h"
#include "csn-print-operation.h"
#include "csn-recovery.h"
#include "csn-review-group.h"
#include "csn-theme.h"
#include "ui-test-util.h"

static CsnApplication *app;

typedef struct
{
  CsnDraft           *draft;
  CsnWindow          *window;
  CsnDocumentPage    *page;
  CsnDocumentPreview *preview;
} Fixture;

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), CSN_TYPE_DOCUMENT_PAGE, name));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->draft = csn_draft_new_from_template ();
  fixture->window = csn_window_new (app, fixture->draft);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  ui_test_present_window (GTK_WINDOW (fixture->window));
  csn_window_show_page (fixture->window, "document");
  fixture->page = CSN_DOCUMENT_PAGE (csn_window_get_page (fixture->window, "document"));
  fixture->preview = CSN_DOCUMENT_PREVIEW (page_child (fixture, "preview"));
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page));
  /* Showing the page and its preview is not an edit. */
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  csn_recovery_discard (csn_window_get_recovery (fixture->window));
  ui_test_destroy_window (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->draft);
}

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CsnDocument *
get_shown_document (Fixture *fixture)
{
  CsnDocumentPages *pages = csn_document_preview_get_pages (fixture->preview);

  return pages != NULL ? csn_document_pages_get_document (pages) : NULL;
}

/* The first block of the document shown whose text contains @needle, or G_MAXUINT. */
static guint
find_shown_block (Fixture    *fixture,
                  const char *needle)
{
  CsnDocument *document = get_shown_document (fixture);

  for (guint i = 0; document != NULL && i < csn_document_get_n_blocks (document); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (document, i);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint r = 0; r < block->text.n_runs; r++)
        g_string_append_len (text, block->text.runs[r].text, block->text.runs[r].length);
      if (strstr (text->str, needle) != NULL)
        return i;
    }
  return G_MAXUINT;
}

static guint
count_pages (CsnDraft    *draft,
             CsnLanguage  language,
             CsnPaper     paper)
{
  g_autoptr(CsnDocument) document = csn_document_new (draft, language);
  g_autoptr(CsnDocumentPages) pages = csn_document_pages_new (document, paper);

  return csn_document_pages_get_n_pages (pages);
}

/* Types @text into @view and applies it as a person would: Ctrl+Enter. */
static void
type_and_apply (GtkWidget  *view,
                const char *text)
{
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  g_assert_true (ui_test_press_keys (view, GDK_KEY_Return, GDK_CONTROL_MASK));
}

static void
test_shows_texts_and_pages (Fixture       *fixture,
                            gconstpointer  data)
{
  CsnDocumentTexts *texts = csn_draft_get_document_texts (fixture->draft);
  const struct { const char *view; const char *text; } shown[] = {
    { "preamble_view", csn_document_texts_get_preamble (texts) },
    { "background_view", csn_document_texts_get_background (texts) },
    { "next_steps_view", csn_document_texts_get_next_steps (texts) },
    { "closing_view", csn_document_texts_get_closing (texts) },
  };
  guint expected = count_pages (fixture->draft, CSN_LANGUAGE_ES, csn_document_page_get_paper (fixture->page));
  g_autofree char *label = g_strdup_printf ("%u pages", expected);
  guint first, last;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *text = dup_view_text (page_child (fixture, shown[i].view));

      g_assert_cmpstr (text, ==, shown[i].text);
      /* The template's texts are written, from the concept note. */
      g_assert_cmpstr (shown[i].text, !=, "");
    }

  /* The document in the draft's language, all its pages, on the locale's paper. */
  g_assert_cmpint (csn_document_page_get_language (fixture->page), ==, CSN_LANGUAGE_ES);
  g_assert_cmpint (csn_document_page_get_paper (fixture->page), ==, csn_paper_from_locale ());
  g_assert_cmpuint (expected, >=, 3);
  g_assert_cmpuint (csn_document_page_get_n_pages (fixture->page), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (fixture, "pages_label"))), ==, label);
  g_assert_cmpuint (find_shown_block (fixture, "Antecedentes"), !=, G_MAXUINT);

  /* Only the pages in sight are drawn, at the zoom that fits the width. */
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_n_drawn_pages (fixture->preview) > 0);
  g_assert_true (csn_document_preview_get_fit_width (fixture->preview));
  g_assert_true (csn_document_preview_get_visible_pages (fixture->preview, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, <, expected - 1);
  g_assert_cmpuint (csn_document_preview_get_n_drawn_pages (fixture->preview), <=, last - first + 1);

  /* Letter: laid out again on the other paper; zooming keeps the width's fit until asked. */
  csn_document_page_set_paper (fixture->page,
                               csn_document_page_get_paper (fixture->page) == CSN_PAPER_A4 ? CSN_PAPER_LETTER : CSN_PAPER_A4);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page));
  {
    double width, height;

    csn_document_pages_get_page_size (csn_document_preview_get_pages (fixture->preview), &width, &height);
    g_assert_cmpfloat_with_epsilon (height, csn_document_page_get_paper (fixture->page) == CSN_PAPER_LETTER ? 792 : 841.89,
                                    0.01);
  }
  /* The keyboard scrolls it: End to the last page, Home back to the first. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->preview));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->preview)));
  g_assert_true (ui_test_press_keys (GTK_WIDGET (fixture->preview), GDK_KEY_End, 0));
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_visible_pages (fixture->preview, &first, &last) &&
                      last == csn_document_page_get_n_pages (fixture->page) - 1);
  g_assert_true (ui_test_press_keys (GTK_WIDGET (fixture->preview), GDK_KEY_Home, 0));
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_visible_pages (fixture->preview, &first, &last) && first == 0);

  csn_document_preview_zoom_in (fixture->preview);
  g_assert_false (csn_document_preview_get_fit_width (fixture->preview));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "preview.zoom-fit-width", NULL));
  g_assert_true (csn_document_preview_get_fit_width (fixture->preview));
  /* Neither the paper nor the zoom is an edit of the draft. */
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
}

/* A text edited on the page: one undo step, a preview that shows it and marks it, undone again. */
static void
test_edit_text (Fixture       *fixture,
                gconstpointer  data)
{
  CsnDocumentTexts *texts = csn_draft_get_document_texts (fixture->draft);
  CsnHistory *history = csn_draft_get_history (fixture->draft);
  GtkWidget *view = page_child (fixture, "closing_view");
  GtkWidget *next_steps = page_child (fixture, "next_steps_view");
  g_autofree char *before = g_strdup (csn_document_texts_get_closing (texts));
  g_autofree char *next_before = g_strdup (csn_document_texts_get_next_steps (texts));
  const char *closing = "El Grupo agradece a la Presidencia Pro Témpore la organización de la reunión.";
  guint block;

  g_assert_cmpuint (find_shown_block (fixture, "organización de la reunión"), ==, G_MAXUINT);
  type_and_apply (view, closing);
  g_assert_cmpstr (csn_document_texts_get_closing (texts), ==, closing);
  g_assert_true (csn_history_can_undo (history));
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, "Change closing of the document");

  /* The preview follows: the paragraph is there, scrolled to and marked. */
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      (block = find_shown_block (fixture, "organización de la reunión")) != G_MAXUINT);
  g_assert_cmpuint (csn_document_preview_get_highlighted_block (fixture->preview), ==, block);
  {
    graphene_rect_t area;
    guint first, last;

    UI_TEST_WAIT_UNTIL (csn_document_preview_get_block_area (fixture->preview, block, &area) &&
                        area.origin.y >= 0 &&
                        area.origin.y + area.size.height <= gtk_widget_get_height (GTK_WIDGET (fixture->preview)));
    g_assert_true (csn_document_preview_get_visible_pages (fixture->preview, &first, &last));
    g_assert_cmpuint (first, >, 0);
  }

  /* Applied once is one step: leaving the view applies nothing more. */
  gtk_widget_grab_focus (next_steps);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, "Change closing of the document");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (csn_document_texts_get_closing (texts), ==, before);
  g_assert_false (csn_history_can_undo (history));
  {
    g_autofree char *shown = dup_view_text (view);

    g_assert_cmpstr (shown, ==, before);
  }
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "organización de la reunión") == G_MAXUINT);

  /* Leaving a view applies what it holds; Escape drops it instead. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (next_steps)), "Primer paso.\n\nSegundo paso.", -1);
  gtk_widget_grab_focus (view);
  g_assert_cmpstr (csn_document_texts_get_next_steps (texts), ==, "Primer paso.\n\nSegundo paso.");
  g_assert_cmpstr (csn_history_get_undo_label (history), ==, "Change next steps of the document");
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "Segundo paso.") != G_MAXUINT);
  /* Two paragraphs: the second is numbered after the first, and the changed one is marked. */
  g_assert_cmpuint (find_shown_block (fixture, "Segundo paso."), ==, find_shown_block (fixture, "Primer paso.") + 1);
  g_assert_cmpuint (csn_document_preview_get_highlighted_block (fixture->preview), ==, find_shown_block (fixture, "Primer paso."));

  gtk_widget_grab_focus (next_steps);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (next_steps)), "Nada de esto.", -1);
  g_assert_true (ui_test_press_keys (next_steps, GDK_KEY_Escape, 0));
  {
    g_autofree char *shown = dup_view_text (next_steps);

    g_assert_cmpstr (shown, ==, "Primer paso.\n\nSegundo paso.");
  }
  gtk_widget_grab_focus (view);
  g_assert_cmpstr (csn_document_texts_get_next_steps (texts), ==, "Primer paso.\n\nSegundo paso.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (csn_document_texts_get_next_steps (texts), ==, next_before);
}

/* An edit made elsewhere (a theme's title) shows in the preview too, marked where it landed. */
static void
test_follows_other_pages (Fixture       *fixture,
                          gconstpointer  data)
{
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 2);
  guint block;

  csn_draft_set_string (fixture->draft, theme, CSN_THEME_PROP_TITLE, "Migración extrarregional y flujos mixtos en tránsito");
  csn_draft_set_enum (fixture->draft, theme, CSN_THEME_PROP_HORIZON, CSN_HORIZON_SHORT_TERM);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      (block = find_shown_block (fixture, "flujos mixtos en tránsito")) != G_MAXUINT);
  g_assert_cmpuint (csn_document_preview_get_highlighted_block (fixture->preview), ==, block);

  /* Out of sight, the preview waits; shown again, it is up to date. */
  csn_window_show_page (fixture->window, "theme-matrix");
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  csn_draft_set_string (fixture->draft, theme, CSN_THEME_PROP_TITLE, "Flujos migratorios mixtos");
  ui_test_flush ();
  g_assert_false (csn_document_page_is_updated (fixture->page));
  csn_window_show_page (fixture->window, "document");
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "Flujos migratorios mixtos") != G_MAXUINT);
}

/* A long document is laid out in a worker thread: the preview follows it all the same. */
static void
test_long_document (Fixture       *fixture,
                    gconstpointer  data)
{
  CsnItem *theme;
  guint block;

  csn_draft_begin_group (fixture->draft, "Add themes");
  for (guint i = 0; i < 420; i++)
    {
      g_autoptr(CsnTheme) added = csn_theme_new ();
      g_autofree char *key = csn_draft_make_id (fixture->draft, CSN_COLLECTION_THEMES);
      g_autofree char *title = g_strdup_printf ("Tema de prueba número %u", i);

      g_object_set (added, "id", key, CSN_THEME_PROP_TITLE, title, CSN_THEME_PROP_DESCRIPTION,
                    "Un tema más, para que el documento sea largo.", NULL);
      csn_draft_append (fixture->draft, CSN_COLLECTION_THEMES, CSN_ITEM (added));
    }
  csn_draft_end_group (fixture->draft);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "Tema de prueba número 419") != G_MAXUINT);
  g_assert_cmpuint (csn_document_get_n_blocks (get_shown_document (fixture)), >, 400);
  g_assert_cmpuint (csn_document_page_get_n_pages (fixture->page), ==,
                    count_pages (fixture->draft, CSN_LANGUAGE_ES, csn_document_page_get_paper (fixture->page)));

  theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 300);
  csn_draft_set_string (fixture->draft, theme, CSN_THEME_PROP_TITLE, "Tema cambiado en un documento largo");
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      (block = find_shown_block (fixture, "Tema cambiado en un documento largo")) != G_MAXUINT);
  g_assert_cmpuint (csn_document_preview_get_highlighted_block (fixture->preview), ==, block);
  /* A page far from the first is shown, and drawn. */
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_n_drawn_pages (fixture->preview) > 0);
  {
    guint first, last;

    g_assert_true (csn_document_preview_get_visible_pages (fixture->preview, &first, &last));
    g_assert_cmpuint (first, >, 2);
  }
}

/* In the other language the texts are edited as translations; the draft's own texts stay. */
static void
test_translation (Fixture       *fixture,
                  gconstpointer  data)
{
  CsnItem *texts = CSN_ITEM (csn_draft_get_document_texts (fixture->draft));
  const CsnField *field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (texts),
                                                             CSN_DOCUMENT_TEXTS_PROP_PREAMBLE);
  GtkWidget *view = page_child (fixture, "preamble_view");
  GtkWidget *caption = page_child (fixture, "preamble_caption");
  g_autofree char *source = g_strdup (csn_item_get_string (texts, CSN_DOCUMENT_TEXTS_PROP_PREAMBLE));
  CsnHistory *history = csn_draft_get_history (fixture->draft);

  g_assert_false (gtk_widget_get_visible (caption));
  csn_document_page_set_language (fixture->page, CSN_LANGUAGE_EN);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "Background") != G_MAXUINT);
  /* Switching languages marks nothing: no paragraph was edited. */
  g_assert_cmpuint (csn_document_preview_get_highlighted_block (fixture->preview), ==, CSN_DOCUMENT_PREVIEW_NO_BLOCK);
  {
    g_autofree char *shown = dup_view_text (view);

    g_assert_cmpstr (shown, ==, csn_item_get_translation (texts, field, CSN_LANGUAGE_EN, NULL));
  }
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "A translation of the Spanish text.");

  type_and_apply (view, "Pursuant to the mandate of the Vice-Ministers, the Group met in San Salvador.");
  g_assert_cmpstr (csn_item_get_translation (texts, field, CSN_LANGUAGE_EN, NULL), ==,
                   "Pursuant to the mandate of the Vice-Ministers, the Group met in San Salvador.");
  g_assert_cmpstr (csn_item_get_string (texts, CSN_DOCUMENT_TEXTS_PROP_PREAMBLE), ==, source);
  g_assert_nonnull (strstr (csn_history_get_undo_label (history), "into English"));
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page) &&
                      find_shown_block (fixture, "met in San Salvador") != G_MAXUINT);

  /* One step back: the translation is as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (csn_history_can_undo (history));

  /* The source changed since: the translation is outdated and said so. */
  csn_draft_set_string (fixture->draft, texts, CSN_DOCUMENT_TEXTS_PROP_PREAMBLE, "Otro preámbulo.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==,
                   "The Spanish text changed after this translation: the document shows the Spanish text until the translation is edited.");
  csn_document_page_set_language (fixture->page, CSN_LANGUAGE_ES);
  {
    g_autofree char *shown = dup_view_text (view);

    g_assert_cmpstr (shown, ==, "Otro preámbulo.");
  }
  g_assert_false (gtk_widget_get_visible (caption));
}

/* Clicking a theme's paragraph goes to the theme on the Theme Matrix; a text of the document's
 * to its view on this page. */
static void
test_click_paragraph (Fixture       *fixture,
                      gconstpointer  data)
{
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  GtkWidget *theme_matrix = csn_window_get_page (fixture->window, "theme-matrix");
  graphene_rect_t area;
  guint block;

  /* The template's themes have no horizon yet: as a draft, the document lists them. */
  g_assert_true (csn_document_find_block (get_shown_document (fixture), CSN_COLLECTION_THEMES,
                                          csn_item_get_key (theme), &block));
  g_assert_true (csn_document_preview_reveal_block (fixture->preview, block, FALSE));
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_block_area (fixture->preview, block, &area) &&
                      area.origin.y >= 0 && area.origin.y < gtk_widget_get_height (GTK_WIDGET (fixture->preview)));

  /* Between two pages there is nothing to click. */
  g_assert_false (csn_document_preview_activate_at (fixture->preview, 2, 2));
  g_assert_true (csn_document_preview_activate_at (fixture->preview, area.origin.x + area.size.width / 2,
                                                   area.origin.y + 2));
  g_assert_cmpstr (csn_window_get_visible_page (fixture->window), ==, "theme-matrix");
  UI_TEST_WAIT_UNTIL (csn_list_page_get_selected (CSN_LIST_PAGE (theme_matrix)) == theme);

  csn_window_show_page (fixture->window, "document");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->preview)));
  block = find_shown_block (fixture, "En ocasión de la XV Reunión");
  g_assert_cmpuint (block, !=, G_MAXUINT);
  g_assert_true (csn_document_preview_reveal_block (fixture->preview, block, FALSE));
  UI_TEST_WAIT_UNTIL (csn_document_preview_get_block_area (fixture->preview, block, &area) &&
                      area.origin.y >= 0 && area.origin.y < gtk_widget_get_height (GTK_WIDGET (fixture->preview)));
  g_assert_true (csn_document_preview_activate_at (fixture->preview, area.origin.x + 20, area.origin.y + 2));
  g_assert_cmpstr (csn_window_get_visible_page (fixture->window), ==, "document");
  g_assert_true (gtk_widget_has_focus (page_child (fixture, "background_view")));

  /* csn_window_reveal() of the document's texts comes here too. */
  csn_window_show_page (fixture->window, "overview");
  csn_window_reveal (fixture->window, CSN_ITEM (csn_draft_get_document_texts (fixture->draft)),
                     CSN_DOCUMENT_TEXTS_PROP_CLOSING);
  g_assert_cmpstr (csn_window_get_visible_page (fixture->window), ==, "document");
  g_assert_true (gtk_widget_has_focus (page_child (fixture, "closing_view")));
}

/* Reads exported files back with python3-docx, pdfinfo and pdftotext (check-exports.py). */
static void
check_exports (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "check-exports.py", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-exports.py failed:\n%s%s", out, err);
}

static gboolean
export_done (Fixture *fixture)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), CSN_TYPE_WINDOW,
                                                                       "export_revealer"));

  return !gtk_revealer_get_reveal_child (revealer);
}

static void
export_and_wait (Fixture    *fixture,
                 const char *path)
{
  csn_window_export_document (fixture->window, path);
  g_assert_false (export_done (fixture));
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_action_button (GTK_WIDGET (fixture->page), "win.export-document")));
  UI_TEST_WAIT_UNTIL (export_done (fixture));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *docx = ui_test_tmp_path ("documento.docx");
  g_autofree char *pdf = ui_test_tmp_path ("documento.pdf");
  g_autofree char *pages = NULL;
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  GtkWidget *open_button;

  /* Each format from its extension, in the page's language, with a toast that opens it. */
  export_and_wait (fixture, docx);
  g_assert_null (csn_window_get_error (fixture->window));
  UI_TEST_WAIT_UNTIL ((open_button = ui_test_find_button (GTK_WIDGET (fixture->window), "_Open")) != NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open_button)), ==, "win.open-export");
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_action_button (GTK_WIDGET (fixture->page), "win.export-document")));
  export_and_wait (fixture, pdf);
  g_assert_null (csn_window_get_error (fixture->window));

  pages = g_strdup_printf ("%u", csn_document_page_get_n_pages (fixture->page));
  check_exports ((const char *[]) { "--docx", docx, "--pdf", pdf, "--pages", pages,
                                    "--paper", csn_document_page_get_paper (fixture->page) == CSN_PAPER_A4 ? "a4" : "letter",
                                    "--text", "Propuestas y recomendaciones del Grupo de Trabajo",
                                    "--text", csn_theme_get_title (CSN_THEME (theme)), NULL });

  /* In English, the same draft. */
  csn_document_page_set_language (fixture->page, CSN_LANGUAGE_EN);
  export_and_wait (fixture, docx);
  check_exports ((const char *[]) { "--docx", docx, "--text", "Proposals and recommendations of the Working Group", NULL });
  g_remove (docx);
  g_remove (pdf);
}

/* An export with a text typed and not applied yet applies it first, where the focus stays: the
 * focus leaving the window and coming back would restyle every widget in it. */
static void
test_export_commits_in_place (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *docx = ui_test_tmp_path ("documento.docx");
  CsnDocumentTexts *texts = csn_draft_get_document_texts (fixture->draft);
  GtkWidget *view = page_child (fixture, "closing_view");
  const char *closing = "El Grupo agradece a la Secretaría Técnica su apoyo.";
  guint moves = 0;
  gulong handler;

  g_assert_true (gtk_widget_grab_focus (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), closing, -1);
  g_assert_cmpstr (csn_document_texts_get_closing (texts), !=, closing);

  handler = ui_test_count_focus_moves (GTK_WINDOW (fixture->window), &moves);
  export_and_wait (fixture, docx);
  g_signal_handler_disconnect (fixture->window, handler);
  g_assert_null (csn_window_get_error (fixture->window));
  g_assert_cmpuint (moves, ==, 0);
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_cmpstr (csn_document_texts_get_closing (texts), ==, closing);
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (fixture->draft)), ==,
                   "Change closing of the document");
  check_exports ((const char *[]) { "--docx", docx, "--text", closing, NULL });
  g_remove (docx);
}

static gboolean
chooser_shows (GtkFileChooser *chooser,
               GFile          *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_file_equal (current, folder);
}

static GtkFileFilter *
find_filter (GtkFileChooser *chooser,
             const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        return filter;
    }
  return NULL;
}

/* Export Document… asks where, in the folder last used (else Documents), offering both formats;
 * a name typed without extension takes the chosen format's. */
static void
test_export_chooser (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                   ? documents : g_get_home_dir ());
  g_autofree char *folder_path = ui_test_tmp_path ("exports");
  g_autofree char *written = g_build_filename (folder_path, "informe.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *name = NULL;
  GtkFileChooser *chooser = NULL;
  GtkFileFilter *pdf_filter;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-document", NULL));
  /* Without a portal the native chooser shows GTK's own dialog: what the user sees. */
  UI_TEST_WAIT_UNTIL ((chooser = GTK_FILE_CHOOSER (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG))) != NULL &&
                      chooser_shows (chooser, expected));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "recommendations.docx");
  g_assert_nonnull (find_filter (chooser, "Word Documents (.docx)"));
  pdf_filter = find_filter (chooser, "PDF Documents (.pdf)");
  g_assert_nonnull (pdf_filter);

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  UI_TEST_WAIT_UNTIL (chooser_shows (chooser, folder));
  gtk_file_chooser_set_filter (chooser, pdf_filter);
  gtk_file_chooser_set_current_name (chooser, "informe");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL &&
                      export_done (fixture) && g_file_test (written, G_FILE_TEST_EXISTS));
  g_assert_null (csn_window_get_error (fixture->window));
  check_exports ((const char *[]) { "--pdf", written, "--text", "Propuestas y recomendaciones del Grupo de Trabajo", NULL });

  /* The folder is remembered for the next chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-document", NULL));
  UI_TEST_WAIT_UNTIL ((chooser = GTK_FILE_CHOOSER (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG))) != NULL &&
                      chooser_shows (chooser, folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  g_remove (written);
}

/* A failed export says so and leaves the old file; so does a cancelled one, silently. */
static void
test_export_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = ui_test_tmp_path ("anterior.pdf");
  g_autofree char *contents = NULL;
  struct rlimit limit, small;

  g_assert_true (g_file_set_contents (pdf, "the old file", -1, NULL));

  /* The file system refuses more than a few bytes (as a full disk would), even to root. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  small = limit;
  small.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  export_and_wait (fixture, pdf);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_nonnull (csn_window_get_error (fixture->window));
  g_assert_true (g_str_has_prefix (csn_window_get_error (fixture->window), "Could not export “anterior.pdf”"));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.dismiss-error", NULL));

  /* Cancelled from the bar at once: nothing said, nothing written. */
  csn_window_export_document (fixture->window, pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-export", NULL));
  UI_TEST_WAIT_UNTIL (export_done (fixture));
  g_assert_null (csn_window_get_error (fixture->window));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_remove (pdf);
}

/* Print… through GTK's print operation, exported to a PDF: the same pages as the preview. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = ui_test_tmp_path ("impreso.pdf");
  g_autofree char *pages = NULL;
  g_autoptr(CsnPrintOperation) operation = NULL;
  g_autofree char *job_name = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_assert_cmpint (csn_window_print (fixture->window, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (csn_window_get_error (fixture->window));
  pages = g_strdup_printf ("%u", csn_document_page_get_n_pages (fixture->page));
  check_exports ((const char *[]) { "--pdf", pdf, "--pages", pages,
                                    "--paper", csn_document_page_get_paper (fixture->page) == CSN_PAPER_A4 ? "a4" : "letter",
                                    "--text", "Propuestas y recomendaciones del Grupo de Trabajo", NULL });

  /* On the other paper, laid out again on it, with its own number of pages. */
  csn_document_page_set_paper (fixture->page, CSN_PAPER_LETTER);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (fixture->page));
  g_clear_pointer (&pages, g_free);
  pages = g_strdup_printf ("%u", csn_document_page_get_n_pages (fixture->page));
  g_assert_cmpint (csn_window_print (fixture->window, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  check_exports ((const char *[]) { "--pdf", pdf, "--pages", pages, "--paper", "letter", NULL });
  g_remove (pdf);

  /* The job is named after the meeting, on the page's paper. */
  operation = csn_print_operation_new (fixture->draft, CSN_LANGUAGE_EN, CSN_PAPER_LETTER);
  g_object_get (operation, "job-name", &job_name, "default-page-setup", &setup, NULL);
  g_assert_cmpstr (job_name, ==, csn_meeting_get_title (csn_draft_get_meeting (fixture->draft)));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_LETTER);
  g_assert_cmpint (csn_document_get_language (csn_print_operation_get_document (operation)), ==, CSN_LANGUAGE_EN);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shortcuts_have_action (GtkWidget  *widget,
                       const char *action)
{
  g_autofree char *name = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shortcuts_have_action (child, action))
      return TRUE;
  return FALSE;
}

/* Print… and Export Document… are in the primary menu, Ctrl+P prints, the shortcuts window says so;
 * the sidebar leads to the page, and the review groups the document's texts under it. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GtkBuilder) help = gtk_builder_new_from_resource ("/io/github/consenso/Consenso/ui/help-overlay.ui");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  GMenuModel *menu = G_MENU_MODEL (ui_test_window_child (fixture->window, "primary_menu"));
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (help, "help_overlay"));
  g_autoptr(CsnChangeSet) set = csn_change_set_new ("Merge");
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *title = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_true (menu_has_action (menu, "win.print"));
  g_assert_true (menu_has_action (menu, "win.export-document"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));
  g_assert_true (shortcuts_have_action (overlay, "win.print"));
  gtk_window_destroy (GTK_WINDOW (overlay));
  g_assert_nonnull (ui_test_find_action_button (GTK_WIDGET (fixture->page), "win.print"));
  g_assert_nonnull (ui_test_find_action_button (GTK_WIDGET (fixture->page), "win.export-document"));

  csn_window_show_page (fixture->window, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "document"));
  g_assert_cmpstr (csn_window_get_visible_page (fixture->window), ==, "document");

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Otro preámbulo.");
  csn_change_set_append (set, csn_change_new_set_field (CSN_ITEM (csn_draft_get_document_texts (fixture->draft)),
                                                        CSN_DOCUMENT_TEXTS_PROP_PREAMBLE, &value));
  g_value_unset (&value);
  groups = csn_review_group_build (set, fixture->draft, CSN_REVIEW_GROUP_BY_PAGE);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (csn_review_group_get_key (g_ptr_array_index (groups, 0)), ==, "document");
  title = csn_review_group_dup_title (g_ptr_array_index (groups, 0), fixture->draft);
  g_assert_cmpstr (title, ==, "Document");
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

  g_test_add ("/document-page/texts-and-pages", Fixture, NULL, fixture_set_up, test_shows_texts_and_pages, fixture_tear_down);
  g_test_add ("/document-page/edit-text", Fixture, NULL, fixture_set_up, test_edit_text, fixture_tear_down);
  g_test_add ("/document-page/follows-other-pages", Fixture, NULL, fixture_set_up, test_follows_other_pages, fixture_tear_down);
  g_test_add ("/document-page/long-document", Fixture, NULL, fixture_set_up, test_long_document, fixture_tear_down);
  g_test_add ("/document-page/translation", Fixture, NULL, fixture_set_up, test_translation, fixture_tear_down);
  g_test_add ("/document-page/click-paragraph", Fixture, NULL, fixture_set_up, test_click_paragraph, fixture_tear_down);
  g_test_add ("/document-page/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/document-page/export-commits-in-place", Fixture, NULL, fixture_set_up, test_export_commits_in_place,
              fixture_tear_down);
  g_test_add ("/document-page/export-chooser", Fixture, NULL, fixture_set_up, test_export_chooser, fixture_tear_down);
  g_test_add ("/document-page/export-failure", Fixture, NULL, fixture_set_up, test_export_failure, fixture_tear_down);
  g_test_add ("/document-page/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/document-page/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
