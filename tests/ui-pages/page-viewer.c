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
#include "csn-participant.h"
#include "csn-resources.h"
#include "csn-strategies-page.h"
#include "csn-theme-matrix-page.h"

/* Some edits, as a user would make them, so that the pages show more than the template. */
static void
fill_demo (CsnDraft *draft)
{
  const char *raised[][3] = { { "MX", "GT", "SV" }, { "MX", "HN", "US" }, { "PA", "CR", NULL },
                              { "MX", "GT", "HN" }, { "CA", "US", "MX" }, { "NI", NULL, NULL },
                              { "DO", "MX", NULL } };
  const char *names[] = { "Ana Pérez", "Luis Gómez", "Marta Ruiz", "Jorge Díaz" };
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);

  for (guint i = 0; i < g_list_model_get_n_items (themes) && i < G_N_ELEMENTS (raised); i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);

      for (guint j = 0; j < 3 && raised[i][j] != NULL; j++)
        csn_draft_set_in_list (draft, theme, "raised-by", raised[i][j], TRUE);
      csn_draft_set_enum (draft, theme, "horizon", i % 3 == 2 ? 2 : (int) (i % 2));
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT,
                                                     "name", names[i], "country", "MX",
                                                     "position", "Dirección General de Protección",
                                                     "role", i == 0 ? 0 : 1, NULL);

      csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
    }
}

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
      g_printerr ("usage: page-viewer matrix|strategies|mechanisms|actors|delegations|endorsements WIDTH HEIGHT [demo]\n");
      return 2;
    }
  width = atoi (argv[2]);
  height = atoi (argv[3]);

  gtk_init ();
  adw_init ();
  g_assert_nonnull (csn_get_resource ());

  draft = csn_draft_new_from_template ();
  if (argc > 4 && g_strcmp0 (argv[4], "demo") == 0)
    fill_demo (draft);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  page = g_object_new (type, "draft", draft, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  if (argc > 4 && g_strcmp0 (argv[4], "demo") == 0 && type == CSN_TYPE_DELEGATIONS_PAGE)
    csn_delegations_page_reveal (CSN_DELEGATIONS_PAGE (page),
                                 csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, "MX"), NULL);

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
