/* xliff-review-viewer.c: shows the review page on what a translated XLIFF file brings to a draft,
 * to look at it (screenshots by hand). Not a test. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "consenso-core.h"
#include "csn-resources.h"
#include "csn-review-page.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GFile) xliff_file = NULL;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  GtkWidget *window, *page;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 5)
    {
      g_printerr ("usage: xliff-review-viewer DRAFT IN.xlf WIDTH HEIGHT [item]\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  g_assert_nonnull (csn_get_resource ());
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/consenso/Consenso/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  draft_file = g_file_new_for_commandline_arg (argv[1]);
  xliff_file = g_file_new_for_commandline_arg (argv[2]);
  if ((draft = csn_draft_load_from_file (draft_file, &error)) == NULL ||
      (set = csn_xliff_import (draft, xliff_file, &reports, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), atoi (argv[3]), atoi (argv[4]));
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  page = csn_review_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set,
                          CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM,
                          argc > 5 ? CSN_REVIEW_GROUP_BY_ITEM : CSN_REVIEW_GROUP_BY_PAGE);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
