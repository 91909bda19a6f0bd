/* document-shots.c: screenshots of the Document page (the template's texts and preview, a text
 * just edited and marked in the preview, the English version, a zoom), to look at them in both
 * languages and at several screen sizes. Not a test.
 * Usage (under xvfb-run, with the test environment): document-shots OUTDIR WIDTH HEIGHT */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-document-page.h"
#include "csn-document-preview.h"
#include "csn-document-texts.h"
#include "csn-recovery.h"
#include "ui-test-util.h"

static const char *out_dir;

static GtkWidget *
find_child (GtkWidget  *page,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (page, CSN_TYPE_DOCUMENT_PAGE, name));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  CsnApplication *app;
  CsnDocumentPage *page;
  CsnWindow *window;
  GtkWidget *view;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  if (argc != 4)
    {
      g_printerr ("usage: document-shots OUTDIR WIDTH HEIGHT\n");
      return 2;
    }
  out_dir = argv[1];

  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  draft = csn_draft_new_from_template ();
  window = csn_window_new (app, draft);
  gtk_window_set_default_size (GTK_WINDOW (window), atoi (argv[2]), atoi (argv[3]));
  ui_test_present_window (GTK_WINDOW (window));

  csn_window_show_page (window, "document");
  page = CSN_DOCUMENT_PAGE (csn_window_get_page (window, "document"));
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (page));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "1-document");

  /* The closing text edited: the preview goes there and marks it. */
  view = find_child (GTK_WIDGET (page), "closing_view");
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "El Grupo agradece a la Presidencia Pro Témpore la organización de la reunión.\n\n"
                            "El presente documento fue aprobado por consenso.", -1);
  ui_test_press_keys (view, GDK_KEY_Return, GDK_CONTROL_MASK);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (page) &&
                      csn_document_preview_get_highlighted_block (CSN_DOCUMENT_PREVIEW (find_child (GTK_WIDGET (page), "preview"))) !=
                      CSN_DOCUMENT_PREVIEW_NO_BLOCK);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "2-edited");

  /* The English version: the texts are edited as translations. */
  csn_document_page_set_language (page, CSN_LANGUAGE_EN);
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (page));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "3-english");

  csn_document_preview_set_zoom (CSN_DOCUMENT_PREVIEW (find_child (GTK_WIDGET (page), "preview")), 1.5);
  ui_test_shoot (GTK_WIDGET (window), out_dir, "4-zoom");

  /* Print…: GTK's dialog, with its Preview (GtkPrintUnixDialog, found by name: its header is apart). */
  csn_document_preview_set_fit_width (CSN_DOCUMENT_PREVIEW (find_child (GTK_WIDGET (page), "preview")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (g_type_from_name ("GtkPrintUnixDialog"))));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "5-print-dialog");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (ui_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"))), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  UI_TEST_WAIT_UNTIL (!ui_test_toplevel_shown (GSIZE_TO_POINTER (g_type_from_name ("GtkPrintUnixDialog"))));

  csn_recovery_discard (csn_window_get_recovery (window));
  ui_test_destroy_window (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return 0;
}
