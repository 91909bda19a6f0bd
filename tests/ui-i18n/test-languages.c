/* test-languages.c: the window in the language of the run (Spanish or English): on every page the
 * expected labels show, and in Spanish no label shows an English text that has a translation. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "csn-text-cell.h"
#include "ui-test-util.h"

typedef struct {
  const char *page;
  const char *english[4];
  const char *spanish[4];
} PageLabels;

static const PageLabels pages[] = {
  { "overview", { "Overview", "Meeting", "Pro Tempore Presidency" },
                { "Resumen", "Reunión", "Presidencia Pro Témpore" } },
  { "theme-matrix", { "Theme Matrix", "Horizon", "Consensus", "Undecided" },
                    { "Matriz de temas", "Plazo", "Consenso", "Sin decidir" } },
  { "strategies", { "Strategies", "Workshop", "Technical Secretariat (ST)" },
                  { "Estrategias", "Taller", "Secretaría Técnica (ST)" } },
  { "mechanisms", { "Mechanisms", "Assessment", "Not assessed" },
                  { "Mecanismos", "Evaluación", "Sin evaluar" } },
  { "actors", { "Actors and Roles" }, { "Actores y su papel" } },
  { "delegations", { "Delegations" }, { "Delegaciones" } },
  { "endorsements", { "Endorsements", "Status", "Pending", "Belize" },
                    { "Respaldos", "Estado", "Pendiente", "Belice" } },
};

static gboolean spanish;

/* Every text a person sees on screen now: labels, inscriptions, window titles. */
static void
collect_visible_texts (GtkWidget  *widget,
                       GHashTable *texts)
{
  const char *text = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  /* What a text cell shows is the draft's content, written by the group, not a label. */
  if (CSN_IS_TEXT_CELL (widget))
    return;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (ADW_IS_WINDOW_TITLE (widget))
    text = adw_window_title_get_title (ADW_WINDOW_TITLE (widget));

  if (text != NULL && text[0] != '\0')
    g_hash_table_add (texts, g_strdup (text));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible_texts (child, texts);
}

typedef struct {
  GtkWidget          *window;
  GtkWidget          *page;
  const char * const *expected;
} Shown;

/* The page is on screen with its rows laid out, and shows every expected text. */
static gboolean
page_shows_expected (gpointer data)
{
  Shown *shown = data;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!gtk_widget_get_mapped (shown->page) || !ui_test_lists_bound (shown->page))
    return FALSE;
  collect_visible_texts (shown->window, texts);
  for (guint j = 0; j < G_N_ELEMENTS (pages[0].english) && shown->expected[j] != NULL; j++)
    if (!g_hash_table_contains (texts, shown->expected[j]))
      return FALSE;
  return TRUE;
}

/* No list on @page is wider than its view: no column is out of sight. */
static void
assert_columns_in_sight (GtkWidget  *widget,
                         const char *page)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));

      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 1)
        g_error ("page %s: a list is %.0f pixels wide in a view of %.0f", page,
                 gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_columns_in_sight (child, page);
}

static void
test_every_page (void)
{
  g_autoptr(CsnApplication) app = ui_test_create_application ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GString) leaks = g_string_new (NULL);
  CsnWindow *window = csn_window_new (app, draft);

  /* The smallest usual laptop screen: every column of every list is in sight without scrolling. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  ui_test_present_window (GTK_WINDOW (window));
  /* A smaller screen clamps the window, and the columns' fit would be measured at the wrong size. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
    GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
    GdkRectangle screen;

    gdk_monitor_get_geometry (monitor, &screen);
    if (screen.width < 1366 || screen.height < 768)
      g_error ("the screen is %d×%d: run the test on one of at least 1366×768 "
               "(xvfb-run -s \"-screen 0 1366x768x24\")", screen.width, screen.height);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char * const *expected = spanish ? pages[i].spanish : pages[i].english;
      Shown shown = { GTK_WIDGET (window), csn_window_get_page (window, pages[i].page), expected };
      GHashTableIter iter;
      const char *text;

      csn_window_show_page (window, pages[i].page);
      /* A text still missing when the wait gives up is reported below, by name. */
      ui_test_wait_for (page_shows_expected, &shown, UI_TEST_TIMEOUT_MS);
      collect_visible_texts (GTK_WIDGET (window), texts);

      for (guint j = 0; j < G_N_ELEMENTS (pages[i].english) && expected[j] != NULL; j++)
        if (!g_hash_table_contains (texts, expected[j]))
          g_error ("page %s: “%s” is not shown", pages[i].page, expected[j]);

      /* In Spanish, a text that gettext would translate is an English label that escaped. */
      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
        if (spanish && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
          g_string_append_printf (leaks, "page %s: “%s”\n", pages[i].page, text);

      assert_columns_in_sight (csn_window_get_page (window, pages[i].page), pages[i].page);
      g_test_message ("page %s: %u texts shown", pages[i].page, g_hash_table_size (texts));
    }

  if (leaks->len > 0)
    g_error ("untranslated labels:\n%s", leaks->str);

  ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  spanish = g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  /* The catalogue is really in use (or really not): a fixed label from the core. */
  g_assert_cmpstr (_("Untitled draft"), ==, spanish ? "Borrador sin título" : "Untitled draft");

  g_test_add_func ("/languages/every-page", test_every_page);
  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
