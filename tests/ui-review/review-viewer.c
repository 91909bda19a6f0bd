/* review-viewer.c: shows the review page on a sample change set, to look at it (screenshots by hand);
 * applying or cancelling shows the toast the window would. Not a test. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-resources.h"
#include "csn-review-page.h"
#include "review-sample.h"

static void
on_applied_cb (CsnReviewPage   *page,
               guint            n_applied,
               AdwToastOverlay *overlay)
{
  /* The window's toast, in the window's words. */
  AdwToast *toast = adw_toast_new_format ("Merged %u changes", n_applied);

  adw_toast_overlay_add_toast (overlay, toast);
  g_print ("applied %u\n", n_applied);
}

static void
on_cancelled_cb (CsnReviewPage   *page,
                 AdwToastOverlay *overlay)
{
  g_print ("cancelled\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  ReviewSample sample = { NULL };
  CsnReviewGroupings groupings = CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM;
  CsnReviewGrouping group_by = CSN_REVIEW_GROUP_BY_PAGE;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  GtkWidget *window, *overlay, *page;
  const char *kind;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 4)
    {
      g_printerr ("usage: review-viewer merge|answers|mixed|large|empty WIDTH HEIGHT [page|country|item|conflicts]\n");
      return 2;
    }
  kind = argv[1];

  gtk_init ();
  adw_init ();
  g_assert_nonnull (csn_get_resource ());
  /* What AdwApplication loads from the resource base path in the application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/consenso/Consenso/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  draft = csn_draft_new_from_template ();
  if (g_str_equal (kind, "answers"))
    {
      set = review_sample_new_answers (draft, &sample);
      groupings = CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM | CSN_REVIEW_GROUPINGS_PAGE;
      group_by = CSN_REVIEW_GROUP_BY_COUNTRY;
    }
  else if (g_str_equal (kind, "mixed"))
    {
      set = review_sample_new_mixed (draft, &sample);
      groupings = CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM;
    }
  else if (g_str_equal (kind, "large"))
    set = review_sample_new_large (draft, 5000);
  else if (g_str_equal (kind, "empty"))
    set = csn_change_set_new ("Merge “pmt.consenso”");
  else
    set = review_sample_new_merge (draft, &sample);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), atoi (argv[2]), atoi (argv[3]));
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  overlay = adw_toast_overlay_new ();
  page = csn_review_page_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set, groupings, group_by);
  if (argc > 4 && g_str_equal (argv[4], "page"))
    csn_review_page_set_group_by (CSN_REVIEW_PAGE (page), CSN_REVIEW_GROUP_BY_PAGE);
  else if (argc > 4 && g_str_equal (argv[4], "country"))
    csn_review_page_set_group_by (CSN_REVIEW_PAGE (page), CSN_REVIEW_GROUP_BY_COUNTRY);
  else if (argc > 4 && g_str_equal (argv[4], "item"))
    csn_review_page_set_group_by (CSN_REVIEW_PAGE (page), CSN_REVIEW_GROUP_BY_ITEM);
  else if (argc > 4 && g_str_equal (argv[4], "conflicts"))
    csn_review_page_set_only_conflicts (CSN_REVIEW_PAGE (page), TRUE);
  g_signal_connect (page, "applied", G_CALLBACK (on_applied_cb), overlay);
  g_signal_connect (page, "cancelled", G_CALLBACK (on_cancelled_cb), overlay);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
