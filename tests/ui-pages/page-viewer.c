/* page-viewer.c: shows one editor page on the template draft, to look at it (screenshots by hand). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-actors-page.h"
#include "csn-delegations-page.h"
#include "csn-endorsements-page.h"
#include "csn-mechanisms-page.h"
#include "csn-resources.h"
#include "csn-strategies-page.h"
#include "csn-theme-matrix-page.h"

static GType
page_type_for_name (const char *name)
{
  if (g_strcmp0 (name, "matrix") == 0)
    return CSN_TYPE_THEME_MATRIX_PAGE;
  if (g_strcmp0 (name, "strategies") == 0)
    return CSN_TYPE_STRATEGIES_PAGE;
  if (g_strcmp0 (name, "mechanisms") == 0)
    return CSN_TYPE_MECHANISMS_PAGE;
  if (g_strcmp0 (name, "actors") == 0)
    return CSN_TYPE_ACTORS_PAGE;
  if (g_strcmp0 (name, "delegations") == 0)
    return CSN_TYPE_DELEGATIONS_PAGE;
  if (g_strcmp0 (name, "endorsements") == 0)
    return CSN_TYPE_ENDORSEMENTS_PAGE;
  return G_TYPE_INVALID;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  GtkWidget *window, *page;
  GType type;
  int width, height;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CSN_LOCALEDIR") != NULL ? g_getenv ("CSN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 4 || (type = page_type_for_name (argv[1])) == G_TYPE_INVALID)
    {
      g_printerr ("usage: page-viewer matrix|strategies|mechanisms|actors|delegations|endorsements WIDTH HEIGHT\n");
      return 2;
    }
  width = atoi (argv[2]);
  height = atoi (argv[3]);

  gtk_init ();
  adw_init ();
  g_assert_nonnull (csn_get_resource ());

  draft = csn_draft_new_from_template ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  page = g_object_new (type, "draft", draft, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
