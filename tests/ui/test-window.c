/* test-window.c: the editor window on the real widgets: template, edits, undo, save, load errors, closing. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-date-row.h"
#include "csn-draft.h"
#include "csn-help-window.h"
#include "csn-history.h"
#include "csn-item.h"
#include "csn-list-page.h"
#include "csn-meeting.h"
#include "csn-overview-page.h"
#include "csn-participant.h"
#include "csn-problem.h"
#include "csn-recovery.h"
#include "csn-save-changes-dialog.h"
#include "csn-settings.h"
#include "csn-text-cell.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"
#include "csn-window-private.h"
#include "ui-test-util.h"

static CsnApplication *app;

static GtkWidget *
get_overview_child (CsnWindow  *window,
                    const char *name)
{
  GtkWidget *page = csn_window_get_page (window, "overview");

  return GTK_WIDGET (gtk_widget_get_template_child (page, CSN_TYPE_OVERVIEW_PAGE, name));
}

static char *
dup_file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GFile *
create_draft_file (const char *name)
{
  g_autofree char *path = ui_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;

  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static void
test_template (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  const char *pages[] = { "overview", "theme-matrix", "strategies", "mechanisms", "actors",
                          "delegations", "endorsements" };
  const char *title;

  g_assert_true (csn_window_get_draft (window) == draft);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  g_assert_true (csn_window_is_pristine (window));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                         CSN_TYPE_WINDOW,
                                                                                         "undo_button"))));

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "Untitled draft"));
  g_assert_nonnull (strstr (title, "Consenso"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *accel_action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accel_action);
      GtkWidget *page = csn_window_get_page (window, pages[i]);

      g_assert_nonnull (page);
      g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "draft") != NULL);
      g_assert_cmpuint (g_strv_length (accels), ==, 1);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      g_assert_cmpstr (csn_window_get_visible_page (window), ==, pages[i]);
      UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && ui_test_lists_bound (page));
      {
        CsnDraft *page_draft = NULL;

        g_object_get (page, "draft", &page_draft, NULL);
        g_assert_true (page_draft == draft);
        g_object_unref (page_draft);
      }
    }

  /* Looking at every page changes nothing. */
  g_assert_false (csn_draft_get_modified (draft));
  ui_test_close_window (window);
}

/* The shortcut labels under @widget that show no keys. */
static guint
count_empty_shortcut_labels (GtkWidget *widget,
                             guint     *n_labels)
{
  guint n_empty = 0;

  if (GTK_IS_SHORTCUT_LABEL (widget))
    {
      const char *accelerator = gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget));

      (*n_labels)++;
      return accelerator == NULL || *accelerator == '\0';
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_empty += count_empty_shortcut_labels (child, n_labels);
  return n_empty;
}

static void
test_accelerators (void)
{
  const char *actions[] = { "app.new-window", "app.new-blank", "app.quit", "app.help", "win.open",
                            "win.save", "win.save-as", "win.undo", "win.redo", "win.close", "win.find" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      g_assert_cmpuint (g_strv_length (accels), >=, 1);
    }
  g_assert_nonnull (g_resources_lookup_data ("/io/github/consenso/Consenso/ui/help-overlay.ui", 0, NULL));

  /* Ctrl+? shows the shortcuts window, made only then: not for every window opened. */
  {
    g_auto(GStrv) shortcuts = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>question");
    g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
    CsnWindow *window = ui_test_open_window (app, draft);
    GLogLevelFlags fatal;
    GtkWindow *overlay;
    guint n_labels = 0;

    g_assert_cmpuint (g_strv_length (shortcuts), ==, 1);
    g_assert_cmpstr (shortcuts[0], ==, "win.show-help-overlay");
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    g_assert_null (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
    /* GTK 4.8's shortcuts window warns, laying out these sections, that one of its own labels has a
     * minimum width of -4 (it did so too when GtkApplication made it): not fatal here. */
    fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
    overlay = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
    g_assert_nonnull (overlay);
    g_assert_true (overlay == GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
    g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (window));
    UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
    /* Each shortcut shows its keys, those of the actions it names too (the overlay knows its window). */
    g_assert_cmpuint (count_empty_shortcut_labels (GTK_WIDGET (overlay), &n_labels), ==, 0);
    g_assert_cmpuint (n_labels, >=, 25);
    gtk_window_close (overlay);
    UI_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (overlay)));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
    g_assert_true (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == overlay);
    ui_test_close_window (window);
    g_assert_null (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
    g_log_set_always_fatal (fatal);
  }

  /* F1 is help, as everywhere in GNOME, and opens the user guide. */
  {
    g_auto(GStrv) help = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "F1");
    GtkWindow *guide;

    g_assert_cmpuint (g_strv_length (help), ==, 1);
    g_assert_cmpstr (help[0], ==, "app.help");
    g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
    UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_HELP_WINDOW) != NULL);
    guide = ui_test_find_toplevel (CSN_TYPE_HELP_WINDOW);
    g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (guide), GTK_TYPE_LABEL, "title-3"));
    gtk_window_destroy (guide);
  }

  /* The About window finds the application's icon even before Consenso is installed. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          "io.github.consenso.Consenso"));
}

/* The label of the item of @menu (or of its sections and submenus) that activates @action. */
static char *
dup_menu_label (GMenuModel *menu,
                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);
          char *found = dup_menu_label (link, action);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* The main menu, from the first menu button under @root that has a menu model. */
static GMenuModel *
find_menu_model (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)) != NULL)
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_menu_model (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
append_label_texts (GtkWidget *root,
                    GString   *text)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    append_label_texts (child, text);
}

/* The guide (F1) tells of every command of the main menu that asks for explaining, by the name the
 * menu gives it, and of their shortcuts. */
static void
test_help_guide (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  GMenuModel *menu = find_menu_model (GTK_WIDGET (window));
  g_autoptr(GString) guide_text = g_string_new (NULL);
  const char *commands[] = { "win.merge-draft", "win.compare-draft", "win.export-delegations", "win.import-answers",
                             "win.export-translation", "win.import-translation", "win.export" };
  const char *shortcuts[] = { "win.translation-mode", "win.next-untranslated", "win.accept-translation",
                              "win.merge-draft", "win.export", "win.find", "win.undo" };
  GtkWindow *guide;

  g_assert_nonnull (menu);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_HELP_WINDOW) != NULL);
  guide = ui_test_find_toplevel (CSN_TYPE_HELP_WINDOW);
  append_label_texts (GTK_WIDGET (guide), guide_text);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *label = dup_menu_label (menu, commands[i]);
      g_autoptr(GString) name = NULL;

      g_assert_nonnull (label);
      /* "Export for De_legations…" is named "Export for Delegations…". */
      name = g_string_new (label);
      g_string_replace (name, "_", "", 0);
      if (strstr (guide_text->str, name->str) == NULL)
        g_error ("The guide does not name %s (“%s”)", commands[i], name->str);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), shortcuts[i]);
      guint key;
      GdkModifierType modifiers;
      g_autofree char *accel_label = NULL;

      g_assert_cmpuint (g_strv_length (accels), >=, 1);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &modifiers));
      accel_label = gtk_accelerator_get_label (key, modifiers);
      if (strstr (guide_text->str, accel_label) == NULL)
        g_error ("The guide does not give %s’s shortcut, %s", shortcuts[i], accel_label);
    }
  gtk_window_destroy (guide);
  ui_test_close_window (window);
}

/* One shortcut adds a row on every page, the application claims it for nothing else, and the
 * tooltip of every add button names it. */
static void
test_add_shortcut (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = NULL;
  g_autofree char *accel_label = gtk_accelerator_get_label (GDK_KEY_plus, GDK_CONTROL_MASK);
  const struct { const char *page; const char *prefix; CsnCollection collection; } pages[] = {
    { "theme-matrix", "matrix", CSN_COLLECTION_THEMES },
    { "strategies", "strategies", CSN_COLLECTION_STRATEGIES },
    { "mechanisms", "mechanisms", CSN_COLLECTION_MECHANISMS },
    { "actors", "actors", CSN_COLLECTION_ACTORS },
    { "delegations", "delegations", CSN_COLLECTION_PARTICIPANTS },
    { "endorsements", "endorsements", CSN_COLLECTION_ENDORSEMENTS },
  };
  const char *accels[] = { "<Control>plus", "<Control>KP_Add" };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accels[i]);

      g_assert_cmpuint (g_strv_length (actions), ==, 0);
    }

  /* A member without an endorsement, so that the endorsements page can add one. */
  csn_draft_remove (draft, CSN_COLLECTION_ENDORSEMENTS, 0);
  window = ui_test_open_window (app, draft);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = csn_window_get_page (window, pages[i].page);
      g_autofree char *action = g_strconcat (pages[i].prefix, ".add", NULL);
      GtkWidget *button = ui_test_find_action_button (page, action);
      guint before = ui_test_count (draft, pages[i].collection);
      const char *tooltip;

      csn_window_show_page (window, pages[i].page);
      UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && ui_test_lists_bound (page));
      g_assert_nonnull (button);
      tooltip = gtk_widget_get_tooltip_text (button);
      g_assert_nonnull (strstr (tooltip, accel_label));

      g_assert_true (ui_test_press_keys (page, GDK_KEY_plus, GDK_CONTROL_MASK));
      g_assert_cmpuint (ui_test_count (draft, pages[i].collection), ==, before + 1);
    }

  ui_test_close_window (window);
}

/* A blank draft has no content yet but everything the window cannot make: member states to choose
 * the presidency from and to add participants to, pillars, actors. */
static void
test_blank_draft (void)
{
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  CsnWindow *window;
  CsnDraft *draft;
  AdwComboRow *presidency;
  GtkWidget *delegations;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-blank", NULL);
  UI_TEST_WAIT_UNTIL (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == n_windows + 1);
  window = CSN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  draft = csn_window_get_draft (window);

  g_assert_true (csn_window_is_pristine (window));
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_THEMES), ==, 0);
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_STRATEGIES), ==, 0);
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_PARTICIPANTS), ==, 0);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "title"), ==, "");
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_PILLARS), ==, 3);
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_ACTORS), >, 0);

  presidency = ADW_COMBO_ROW (get_overview_child (window, "presidency_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (presidency)), ==, 11);
  adw_combo_row_set_selected (presidency, 3);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "pro-tempore-presidency"), !=, "");

  delegations = csn_window_get_page (window, "delegations");
  csn_window_show_page (window, "delegations");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (delegations) && ui_test_lists_bound (delegations));
  g_assert_true (gtk_widget_activate_action (delegations, "delegations.add", NULL));
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_PARTICIPANTS), ==, 1);

  /* Each number has the plural it needs: "1 participant from 1 delegation", not "… delegations".
   * (The Overview counts when it is shown.) */
  csn_window_show_page (window, "overview");
  {
    GtkLabel *count = GTK_LABEL (get_overview_child (window, "participants_count"));

    UI_TEST_WAIT_UNTIL (g_str_equal (gtk_label_get_text (count), "1 participant from 1 delegation"));
  }

  ui_test_close_window (window);
}

/* Undo and redo show the page and the row they changed, wherever the user is. */
static void
test_undo_reveals (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *theme = ui_test_get_item (draft, CSN_COLLECTION_THEMES, 3);
  CsnItem *mechanism = ui_test_get_item (draft, CSN_COLLECTION_MECHANISMS, 2);
  GtkWidget *matrix = csn_window_get_page (window, "theme-matrix");
  GtkWidget *mechanisms = csn_window_get_page (window, "mechanisms");

  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_MEDIUM_TERM);
  csn_draft_set_string (draft, mechanism, "proposal", "Reunirse dos veces al año");
  csn_window_show_page (window, "overview");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "mechanisms");
  UI_TEST_WAIT_UNTIL (csn_list_page_get_selected (CSN_LIST_PAGE (mechanisms)) == mechanism);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");
  UI_TEST_WAIT_UNTIL (csn_list_page_get_selected (CSN_LIST_PAGE (matrix)) == theme);

  csn_window_show_page (window, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);

  /* Undoing an addition shows the page the item leaves. */
  {
    g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT, "country", "MX", NULL);

    csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
    csn_window_show_page (window, "overview");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpstr (csn_window_get_visible_page (window), ==, "delegations");
  }

  ui_test_close_window (window);
}

/* Undo with an edit under way in a cell commits it first, as one step, and the focus stays in the
 * cell: moving it out of the window and back would restyle every widget of the window twice. */
static void
test_undo_commits_cell_edit (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *strategy = ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES, 0);
  g_autofree char *original = g_strdup (csn_item_get_string (strategy, "description"));
  GtkWidget *focus = NULL;
  GtkWidget *entry;
  guint moves = 0;
  gulong handler;

  /* Something to undo, so that Undo is enabled. */
  csn_draft_set_string (draft, strategy, "notes", "Propuesta de la PPT");
  csn_window_reveal (window, strategy, "description");
  UI_TEST_WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
                      gtk_widget_get_ancestor (focus, CSN_TYPE_TEXT_CELL) != NULL);
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Intercambiar buenas prácticas");
  g_assert_cmpstr (csn_item_get_string (strategy, "description"), ==, original);
  handler = ui_test_count_focus_moves (GTK_WINDOW (window), &moves);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (strategy, "description"), ==, original);
  g_assert_cmpstr (csn_item_get_string (strategy, "notes"), ==, "Propuesta de la PPT");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), original) == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_item_get_string (strategy, "description"), ==, "Intercambiar buenas prácticas");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_signal_handler_disconnect (window, handler);
  g_assert_cmpuint (moves, ==, 0);

  ui_test_close_window (window);
}

/* The same for the Overview's rows that take a text (the meeting's title and start date here),
 * which commit when left. */
static void
test_undo_commits_overview_edit (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  CsnItem *strategy = ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES, 0);
  g_autofree char *original = g_strdup (csn_item_get_string (meeting, CSN_MEETING_PROP_TITLE));
  GtkWidget *focus = NULL;
  GtkWidget *row;
  guint moves = 0;
  gulong handler;

  csn_draft_set_string (draft, strategy, "notes", "Propuesta de la PPT");
  csn_window_reveal (window, meeting, CSN_MEETING_PROP_TITLE);
  UI_TEST_WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
                      gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) != NULL);
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "Reunión extraordinaria");
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_TITLE), ==, original);
  handler = ui_test_count_focus_moves (GTK_WINDOW (window), &moves);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_TITLE), ==, original);
  g_assert_cmpstr (csn_item_get_string (strategy, "notes"), ==, "Propuesta de la PPT");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), original) == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_TITLE), ==, "Reunión extraordinaria");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_assert_cmpuint (moves, ==, 0);

  csn_window_reveal (window, meeting, CSN_MEETING_PROP_START_DATE);
  UI_TEST_WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (window))) != NULL &&
                      gtk_widget_get_ancestor (focus, CSN_TYPE_DATE_ROW) != NULL);
  row = gtk_widget_get_ancestor (focus, CSN_TYPE_DATE_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-12-03");
  moves = 0;
  g_assert_null (csn_item_get_string (meeting, CSN_MEETING_PROP_START_DATE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (csn_item_get_string (meeting, CSN_MEETING_PROP_START_DATE));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_TITLE), ==, "Reunión extraordinaria");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, CSN_MEETING_PROP_START_DATE), ==, "2026-12-03");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_signal_handler_disconnect (window, handler);
  g_assert_cmpuint (moves, ==, 0);

  ui_test_close_window (window);
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Removing a theme says what went with it, in a toast whose Undo brings everything back. */
static void
test_removal_toast (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  GtkWidget *matrix = csn_window_get_page (window, "theme-matrix");
  GtkWidget *overlay = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW, "toast_overlay"));
  CsnItem *first = ui_test_get_item (draft, CSN_COLLECTION_THEMES, 0);
  guint n_themes = ui_test_count (draft, CSN_COLLECTION_THEMES);
  guint n_strategies = ui_test_count (draft, CSN_COLLECTION_STRATEGIES);
  g_autofree char *expected = g_strdup_printf ("Removed theme “%s” with 2 strategies",
                                               csn_theme_get_title (CSN_THEME (first)));
  GtkWidget *undo = NULL;

  csn_window_show_page (window, "theme-matrix");
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (matrix) && ui_test_lists_bound (matrix));
  csn_window_reveal (window, first, NULL);
  g_assert_true (gtk_widget_activate_action (matrix, "matrix.remove", NULL));
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_STRATEGIES), ==, n_strategies - 2);

  UI_TEST_WAIT_UNTIL (find_label_with_text (overlay, expected) != NULL);
  undo = ui_test_find_button (overlay, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  UI_TEST_WAIT_UNTIL (ui_test_count (draft, CSN_COLLECTION_THEMES) == n_themes);
  g_assert_cmpuint (ui_test_count (draft, CSN_COLLECTION_STRATEGIES), ==, n_strategies);

  ui_test_close_window (window);
}

/* Save and Export open in the folder last used, else in Documents (else home), not where Consenso
 * was started from. */
static void
test_dialog_folders (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                   ? documents : g_get_home_dir ());
  g_autofree char *last_path = ui_test_tmp_path ("last-folder");
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  const char *actions[] = { "win.save-as", "win.export" };

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        g_autoptr(GFile) folder = NULL;

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
        g_assert_nonnull (window->chooser);
        /* Without a portal the native chooser shows GTK's own dialog: what the user sees. */
        UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL &&
                            (folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)))) != NULL);
        g_assert_true (g_file_equal (folder, round == 0 ? expected : last));
        gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (window->chooser));
        g_clear_object (&window->chooser);
        UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);

        /* Then a folder used once is where the next dialog opens. */
        if (round == 0 && i == G_N_ELEMENTS (actions) - 1)
          {
            g_autoptr(GSettings) settings = csn_settings_new ();
            g_autofree char *uri = g_file_get_uri (last);

            g_assert_true (g_mkdir_with_parents (last_path, 0700) == 0);
            g_settings_set_string (settings, "last-folder", uri);
          }
      }

  ui_test_close_window (window);
}

/* The label of item @index of the main menu's undo section (NULL: none there). */
static char *
dup_undo_section_label (CsnWindow *window,
                        int        index)
{
  GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                     "undo_section"));
  char *label = NULL;

  if (index < g_menu_model_get_n_items (section))
    g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
assert_undo_section (CsnWindow  *window,
                     const char *undo,
                     const char *redo)
{
  g_autofree char *undo_label = dup_undo_section_label (window, 0);
  g_autofree char *redo_label = dup_undo_section_label (window, 1);

  g_assert_cmpstr (undo_label, ==, undo);
  g_assert_cmpstr (redo_label, ==, redo);
}

static void
test_edit_undo_redo (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  GtkWidget *title_row = get_overview_child (window, "title_row");
  GtkWidget *undo_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                      "undo_button"));
  GtkMenuButton *primary_menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                       CSN_TYPE_WINDOW,
                                                                                       "primary_menu_button"));
  GtkMenuButton *sidebar_menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                       CSN_TYPE_WINDOW,
                                                                                       "sidebar_menu_button"));
  g_autofree char *original = g_strdup (csn_item_get_string (meeting, "title"));
  const char *tooltip = NULL;

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Reunión de Tegucigalpa");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_cmpstr (csn_item_get_string (meeting, "title"), ==, "Reunión de Tegucigalpa");
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (gtk_widget_is_sensitive (undo_button));
  tooltip = csn_widget_get_lazy_tooltip (undo_button);
  g_assert_cmpstr (tooltip, ==, "Undo “Change title of the meeting”");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, "title"), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, original);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_false (gtk_widget_is_sensitive (undo_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (csn_item_get_string (meeting, "title"), ==, "Reunión de Tegucigalpa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Reunión de Tegucigalpa");
  g_assert_true (csn_draft_get_modified (draft));

  /* The main menu names the steps when it opens, and while it is open. */
  gtk_menu_button_popup (primary_menu_button);
  assert_undo_section (window, "Undo “Change title of the meeting”", "Redo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_undo_section (window, "Undo", "Redo “Change title of the meeting”");
  gtk_menu_button_popdown (primary_menu_button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gtk_menu_button_popup (primary_menu_button);
  assert_undo_section (window, "Undo “Change title of the meeting”", "Redo");
  gtk_menu_button_popdown (primary_menu_button);
  /* The same menu in the folded window's button, made when it first opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_menu_button_popup (sidebar_menu_button);
  assert_undo_section (window, "Undo", "Redo “Change title of the meeting”");
  gtk_menu_button_popdown (sidebar_menu_button);

  ui_test_close_window (window);
}

static void
test_dates (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  GtkWidget *start_row = get_overview_child (window, "start_date_row");

  gtk_editable_set_text (GTK_EDITABLE (start_row), "2011-02-30");
  g_signal_emit_by_name (start_row, "entry-activated");
  g_assert_null (csn_item_get_string (meeting, "start-date"));
  g_assert_true (gtk_widget_has_css_class (start_row, "error"));
  g_assert_false (csn_draft_get_modified (draft));

  gtk_editable_set_text (GTK_EDITABLE (start_row), " 2011-09-27 ");
  g_signal_emit_by_name (start_row, "entry-activated");
  g_assert_cmpstr (csn_item_get_string (meeting, "start-date"), ==, "2011-09-27");
  g_assert_false (gtk_widget_has_css_class (start_row, "error"));
  /* Shown in the user's locale, typed back that way. */
  UI_TEST_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (start_row)), "27 Sep 2011"));
  gtk_editable_set_text (GTK_EDITABLE (start_row), "28 Sep 2011");
  g_signal_emit_by_name (start_row, "entry-activated");
  g_assert_cmpstr (csn_item_get_string (meeting, "start-date"), ==, "2011-09-28");

  /* Or chosen on the calendar beside it, which is made when first opened: the Overview's three date
   * rows make no calendar up front. */
  {
    GtkWidget *overview = csn_window_get_page (window, "overview");
    GtkCalendar *days;
    g_autoptr(GDateTime) day = g_date_time_new_utc (2011, 10, 3, 0, 0, 0);
    g_autoptr(GDateTime) shown = NULL;

    g_assert_null (ui_test_find_widget (overview, GTK_TYPE_CALENDAR, NULL));
    days = ui_test_open_calendar (start_row);
    g_assert_nonnull (days);
    /* It opens on the row's date. */
    shown = gtk_calendar_get_date (days);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 9);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 28);
    gtk_calendar_select_day (days, day);
    g_assert_cmpstr (csn_item_get_string (meeting, "start-date"), ==, "2011-10-03");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "3 Oct 2011");
    UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (days)));

    /* No Date, below the calendar, empties the row and closes it. */
    days = ui_test_open_calendar (start_row);
    shown = (g_date_time_unref (shown), gtk_calendar_get_date (days));
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
    g_signal_emit_by_name (gtk_widget_get_next_sibling (GTK_WIDGET (days)), "clicked");
    g_assert_null (csn_item_get_string (meeting, "start-date"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "");
    UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (days)));
    g_assert_true (csn_draft_undo (draft));
    g_assert_cmpstr (csn_item_get_string (meeting, "start-date"), ==, "2011-10-03");
  }

  gtk_editable_set_text (GTK_EDITABLE (start_row), "");
  g_signal_emit_by_name (start_row, "entry-activated");
  g_assert_null (csn_item_get_string (meeting, "start-date"));

  ui_test_close_window (window);
}

static void
test_combo_rows (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  AdwComboRow *presidency = ADW_COMBO_ROW (get_overview_child (window, "presidency_row"));
  AdwComboRow *status = ADW_COMBO_ROW (get_overview_child (window, "status_row"));
  GListModel *members = adw_combo_row_get_model (presidency);
  CsnItem *selected = adw_combo_row_get_selected_item (presidency);

  /* The eleven member countries, not the observers; the template's presidency is selected. */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 11);
  g_assert_nonnull (selected);
  g_assert_cmpstr (csn_item_get_key (selected), ==, csn_item_get_string (meeting, "pro-tempore-presidency"));

  adw_combo_row_set_selected (presidency, 7);
  selected = adw_combo_row_get_selected_item (presidency);
  g_assert_cmpstr (csn_item_get_string (meeting, "pro-tempore-presidency"), ==, csn_item_get_key (selected));
  /* Approving with entries still open is asked first; keeping the draft changes nothing. */
  adw_combo_row_set_selected (status, 1);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  g_assert_cmpint (csn_item_get_enum (meeting, "status"), ==, 0);
  ui_test_click_response (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "cancel");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (csn_item_get_enum (meeting, "status"), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 0);

  adw_combo_row_set_selected (status, 1);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  ui_test_click_response (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "approve");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (csn_item_get_enum (meeting, "status"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (csn_draft_get_modified (draft));
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 0);
  selected = adw_combo_row_get_selected_item (presidency);
  g_assert_cmpstr (csn_item_get_key (selected), ==, csn_item_get_string (meeting, "pro-tempore-presidency"));

  ui_test_close_window (window);
}

static guint
count_open_on (GListModel *open,
               const char *property)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (open, i);

      if (g_strcmp0 (csn_problem_get_property_name (problem), property) == 0)
        count++;
    }
  return count;
}

static void
test_still_open (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  CsnOverviewPage *overview = CSN_OVERVIEW_PAGE (csn_window_get_page (window, "overview"));
  GListModel *open = csn_overview_page_get_open_items (overview);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(CsnItem) theme = g_list_model_get_item (themes, 0);
  guint undecided = 0;
  GtkWidget *list = get_overview_child (window, "open_list");

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (themes, i);

      if (csn_item_get_enum (item, "horizon") == CSN_HORIZON_UNDECIDED)
        undecided++;
    }
  g_assert_cmpuint (undecided, >, 0);
  g_assert_cmpuint (count_open_on (open, "horizon"), ==, undecided);

  /* Each entry says where as a person would: "Theme 1 “…”: horizon", no path into the file. */
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (open, i);
      const char *place = csn_problem_get_place (problem);

      g_assert_null (strchr (place, '['));
      {
        /* A sentence, its first letter a capital (a title in quotes may come first). */
        const char *text = csn_problem_get_message (problem);

        while (*text != '\0' && !g_unichar_isalpha (g_utf8_get_char (text)))
          text = g_utf8_next_char (text);
        g_assert_true (g_unichar_isupper (g_utf8_get_char (text)));
      }
      if (g_strcmp0 (csn_problem_get_property_name (problem), "horizon") == 0)
        g_assert_true (g_str_has_prefix (place, "Theme ") && g_str_has_suffix (place, ": horizon"));
    }

  /* The agenda shows, beside each page, how many entries lead there. */
  {
    GtkLabel *count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                "theme_matrix_open_count"));
    /* The themes still undecided, and those whose consensus is pending. */
    g_autofree char *expected = g_strdup_printf ("%u", undecided + count_open_on (open, CSN_THEME_PROP_CONSENSUS));

    g_assert_cmpuint (count_open_on (open, CSN_THEME_PROP_CONSENSUS), >, 0);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
    g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
  }

  csn_draft_set_enum (draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  UI_TEST_WAIT_UNTIL (count_open_on (open, "horizon") == undecided - 1);

  /* A meeting that ends before it starts is a validation problem, listed and found. */
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "start-date", "2011-10-02");
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "end-date", "2011-10-01");
  UI_TEST_WAIT_UNTIL (count_open_on (open, "end-date") + count_open_on (open, "start-date") >= 1);

  /* Activating the first theme without a horizon goes to the theme matrix. */
  csn_window_show_page (window, "overview");
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (open, i);

      if (g_strcmp0 (csn_problem_get_property_name (problem), CSN_THEME_PROP_HORIZON) == 0)
        {
          g_signal_emit_by_name (list, "activate", i);
          break;
        }
    }
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");

  /* The themes without a strategy go to the strategies page. */
  csn_window_reveal (window, theme, "strategies");
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "strategies");
  csn_window_reveal (window, CSN_ITEM (csn_draft_get_meeting (draft)), "venue");
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "overview");

  ui_test_close_window (window);
}

static void
test_save_and_reload (void)
{
  g_autoptr(GFile) file = create_draft_file ("save-reload.consenso");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) reloaded = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *in_memory = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  CsnWindow *window;
  GtkWidget *venue_row;

  csn_application_open_file (app, file, NULL);
  UI_TEST_WAIT_UNTIL ((window = CSN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)))) != NULL &&
                      gtk_widget_get_mapped (GTK_WIDGET (window)));
  draft = g_object_ref (csn_window_get_draft (window));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "save-reload.consenso"));

  /* A venue typed and left in its row, unconfirmed, is saved too. */
  venue_row = get_overview_child (window, "venue_row");
  gtk_widget_grab_focus (venue_row);
  gtk_editable_set_text (GTK_EDITABLE (venue_row), "San Salvador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  UI_TEST_WAIT_UNTIL (!csn_draft_get_modified (draft));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  on_disk = dup_file_contents (file);
  in_memory = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (on_disk, ==, in_memory);

  reloaded = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (reloaded)), "venue"), ==,
                   "San Salvador");

  /* Opening the same file again shows its window rather than a second copy. */
  csn_application_open_file (app, file, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  ui_test_close_window (window);
}

static void
test_load_error (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autofree char *path = ui_test_tmp_path ("broken.consenso");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) template = g_resources_lookup_data ("/io/github/consenso/Consenso/templates/crm-working-group.consenso",
                                                        0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (template, NULL), g_bytes_get_size (template));
  const char *broken;
  g_autofree char *after = NULL;
  const char *error_text;

  /* The first theme's horizon is a number: the rest of the file is fine. */
  g_assert_cmpuint (g_string_replace (text, "\"horizon\": \"undecided\"", "\"horizon\": 3", 1), ==, 1);
  broken = text->str;
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", "Ciudad de Panamá");

  csn_application_open_file (app, file, GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (csn_window_get_error (window) != NULL);

  /* The window keeps its draft and its changes, and says what is wrong and where. */
  g_assert_true (csn_window_get_draft (window) == draft);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  error_text = csn_window_get_error (window);
  g_assert_nonnull (error_text);
  g_assert_nonnull (strstr (error_text, "broken.consenso"));
  /* The place is said as a person would, not as a path in the file. */
  g_assert_nonnull (strstr (error_text, "theme 1, horizon"));
  g_assert_null (strstr (error_text, "themes[0]"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                              CSN_TYPE_WINDOW,
                                                                                              "error_revealer"))));
  after = dup_file_contents (file);
  g_assert_cmpstr (after, ==, broken);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  g_assert_null (csn_window_get_error (window));

  ui_test_close_window (window);
}

static void
test_open_replaces_pristine (void)
{
  g_autoptr(GFile) file = create_draft_file ("replace.consenso");
  g_autoptr(CsnDraft) untouched = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, untouched);

  csn_application_open_file (app, file, GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (g_file_equal (csn_draft_get_file (csn_window_get_draft (window)), file));
  ui_test_close_window (window);
}

static CsnSaveChangesDialog *
close_and_get_dialog (CsnWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (ui_test_toplevel_shown (GSIZE_TO_POINTER (CSN_TYPE_SAVE_CHANGES_DIALOG)));
  return CSN_SAVE_CHANGES_DIALOG (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG));
}

static void
test_unsaved_changes_dialog (void)
{
  g_autoptr(GFile) file = create_draft_file ("close.consenso");
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) reloaded = NULL;
  CsnSaveChangesDialog *dialog;
  CsnWindow *window;
  g_autofree char *recovery_path = NULL;

  draft = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  window = ui_test_open_window (app, draft);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", "Managua");
  csn_recovery_flush (csn_window_get_recovery (window), &error);
  g_assert_no_error (error);
  recovery_path = g_strdup (csn_recovery_get_path (csn_window_get_recovery (window)));
  g_assert_true (g_file_test (recovery_path, G_FILE_TEST_EXISTS));

  /* Cancel: the window and its changes stay. */
  dialog = close_and_get_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "cancel");
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG) == NULL);
  ui_test_flush ();
  g_assert_nonnull (window);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG));

  /* Save: written to its file, then closed. */
  dialog = close_and_get_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "save");
  UI_TEST_WAIT_UNTIL (window == NULL);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  reloaded = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (reloaded)), "venue"), ==, "Managua");

  /* Discard: closed, the file untouched, the recovery copy gone. */
  window = ui_test_open_window (app, reloaded);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  csn_draft_set_string (reloaded, CSN_ITEM (csn_draft_get_meeting (reloaded)), "venue", "Belmopán");
  csn_recovery_flush (csn_window_get_recovery (window), &error);
  g_assert_no_error (error);
  g_free (recovery_path);
  recovery_path = g_strdup (csn_recovery_get_path (csn_window_get_recovery (window)));
  g_assert_true (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  dialog = close_and_get_dialog (window);
  ui_test_click_response (GTK_WINDOW (dialog), "discard");
  UI_TEST_WAIT_UNTIL (window == NULL);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  g_clear_object (&draft);
  draft = csn_draft_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "venue"), ==, "Managua");
}

static void
test_unmodified_closes (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  UI_TEST_WAIT_UNTIL (window == NULL);
  g_assert_null (ui_test_find_toplevel (CSN_TYPE_SAVE_CHANGES_DIALOG));
}

static gboolean
recent_menu_has (gpointer data)
{
  gpointer *args = data;
  GMenuModel *menu = args[0];
  const char *uri = args[1];

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
        return TRUE;
    }
  return FALSE;
}

/* consenso FILE FILE opens a window for each; a saved file shows under Open Recent. */
static void
test_command_line_files (void)
{
  g_autoptr(GFile) first = create_draft_file ("first.consenso");
  g_autoptr(GFile) second = create_draft_file ("second.consenso");
  GFile *files[] = { first, second };
  g_autoptr(GList) windows = NULL;
  g_autofree char *uri = g_file_get_uri (second);
  gpointer args[2];

  g_application_open (G_APPLICATION (app), files, 2, "");
  UI_TEST_WAIT_UNTIL (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 2);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GFile *file = csn_draft_get_file (csn_window_get_draft (l->data));

      g_assert_true (g_file_equal (file, first) || g_file_equal (file, second));
    }

  args[0] = gtk_widget_get_template_child (GTK_WIDGET (windows->data), CSN_TYPE_WINDOW, "recent_menu");
  args[1] = uri;
  UI_TEST_WAIT_UNTIL (recent_menu_has (args));

  for (GList *l = windows; l != NULL; l = l->next)
    ui_test_close_window (l->data);
}

static CsnApplication *run_app;

static gboolean
on_run_check_idle_cb (gpointer user_data)
{
  GPtrArray *opened = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (run_app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GFile *file = csn_draft_get_file (csn_window_get_draft (l->data));

      g_ptr_array_add (opened, file != NULL ? g_file_get_basename (file) : g_strdup ("untitled"));
      gtk_window_destroy (l->data);
    }
  return G_SOURCE_REMOVE;
}

static int
on_run_handle_local_options_cb (GApplication *application,
                                GVariantDict *options,
                                gpointer      user_data)
{
  return -1;
}

/* `consenso FILE FILE` through g_application_run, with FILE declared and handled as main.c does. */
static void
test_run_with_files (void)
{
  static const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, "[FILE…]" },
    { NULL }
  };
  g_autoptr(GFile) first = create_draft_file ("run-first.consenso");
  g_autoptr(GFile) second = create_draft_file ("run-second.consenso");
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;

  run_app = csn_application_new ();
  argv = g_new0 (char *, 4);
  argv[0] = g_strdup ("consenso");
  argv[1] = g_file_get_path (first);
  argv[2] = g_file_get_path (second);
  g_application_add_main_option_entries (G_APPLICATION (run_app), entries);
  g_signal_connect (run_app, "handle-local-options", G_CALLBACK (on_run_handle_local_options_cb), NULL);
  g_idle_add (on_run_check_idle_cb, opened);

  g_assert_cmpint (g_application_run (G_APPLICATION (run_app), 3, argv), ==, 0);
  g_assert_cmpuint (opened->len, ==, 2);
  g_ptr_array_add (opened, NULL);
  g_assert_true (g_strv_contains ((const char * const *) opened->pdata, "run-first.consenso"));
  g_assert_true (g_strv_contains ((const char * const *) opened->pdata, "run-second.consenso"));
  g_clear_object (&run_app);
}

/* A draft dropped on a window with an untouched new draft takes its place. */
static void
test_drop (void)
{
  g_autoptr(GFile) file = create_draft_file ("dropped.consenso");
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GSList *files;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));

  files = g_slist_append (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (g_file_equal (csn_draft_get_file (csn_window_get_draft (window)), file));
  ui_test_close_window (window);
}

/* Ctrl+F reaches the search entry of the page shown. */
static void
test_find (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  GtkWidget *focus;

  csn_window_show_page (window, "theme-matrix");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, g_type_from_name ("CsnThemeMatrixPage")));
  ui_test_close_window (window);
}

static void
check_buttons_labelled (GtkWidget *widget,
                        GtkWidget *skip,
                        guint     *n_checked)
{
  if (widget == skip)
    return;
  if ((GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL
       && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
       && gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
      || (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("An icon button (%s, tooltip “%s”) has no accessible label", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget));
      (*n_checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons_labelled (child, skip, n_checked);
}

/* The window's own icon buttons (the pages check theirs) have names for screen readers. */
static void
test_accessible_labels (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW, "stack"));
  GtkWidget *leaflet = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                  "leaflet"));
  guint n_checked = 0;

  check_buttons_labelled (leaflet, stack, &n_checked);
  /* Back, undo, redo, save, two menu buttons. */
  g_assert_cmpuint (n_checked, >=, 6);
  ui_test_close_window (window);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window;

  /* The tests run with the compiled schema of the build tree. */
  g_assert_nonnull (settings);
  g_settings_set_uint (settings, "autosave-delay", 7);
  window = ui_test_open_window (app, draft);
  g_assert_cmpuint (csn_recovery_get_delay (csn_window_get_recovery (window)), ==, 7);
  /* A change in Preferences applies to open windows. */
  g_settings_set_uint (settings, "autosave-delay", 4);
  g_assert_cmpuint (csn_recovery_get_delay (csn_window_get_recovery (window)), ==, 4);
  ui_test_close_window (window);
  g_settings_reset (settings, "autosave-delay");

  /* Every action of the menu exists, Export included. */
  window = ui_test_open_window (app, draft);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences"));
  ui_test_close_window (window);
}

/* Export from the window: a progress bar with Cancel while it writes, then a toast that opens it. */
static void
test_export (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *path = ui_test_tmp_path ("window-export.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  CsnWindow *window = ui_test_open_window (app, draft);
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                       "export_revealer"));
  GtkWidget *open_button;
  GVariant *target;

  g_remove (path);
  csn_window_export (window, path, CSN_LANGUAGE_EN);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (revealer), "_Cancel"));

  /* Done: the bar goes, the toast offers to open the workbook written. */
  UI_TEST_WAIT_UNTIL (!gtk_revealer_get_reveal_child (revealer) &&
                      (open_button = ui_test_find_button (GTK_WIDGET (window), "_Open")) != NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open_button)), ==, "win.open-export");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open_button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  g_remove (path);
  ui_test_close_window (window);
}

/* Open Recent keeps the newest ten drafts, once each, in the recent-files setting. */
static void
test_recent_files_setting (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) uris = NULL;
  g_autofree char *third = NULL;
  CsnWindow *window = ui_test_open_window (app, draft);
  GMenuModel *menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW,
                                                                  "recent_menu"));

  g_settings_reset (settings, "recent-files");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("recent-%u.consenso", i);

      g_ptr_array_add (files, create_draft_file (name));
      csn_application_add_recent (app, g_ptr_array_index (files, i));
    }
  /* Opening an older one again moves it to the top without a duplicate. */
  csn_application_add_recent (app, g_ptr_array_index (files, 2));
  third = g_file_get_uri (g_ptr_array_index (files, 2));

  uris = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (uris), ==, CSN_MAX_RECENT_FILES);
  g_assert_cmpstr (uris[0], ==, third);
  for (guint i = 1; uris[i] != NULL; i++)
    g_assert_cmpstr (uris[i], !=, third);
  UI_TEST_WAIT_UNTIL (g_menu_model_get_n_items (menu) == CSN_MAX_RECENT_FILES);

  /* A draft deleted since is not offered. */
  g_file_delete (g_ptr_array_index (files, 2), NULL, NULL);
  csn_application_add_recent (app, g_ptr_array_index (files, 11));
  UI_TEST_WAIT_UNTIL (g_menu_model_get_n_items (menu) == CSN_MAX_RECENT_FILES - 1);

  g_settings_reset (settings, "recent-files");
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  /* The test accessibility backend keeps the properties the labels are checked in. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  app = ui_test_create_application ();
  /* Windows may come and go without the application quitting between tests. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/template", test_template);
  g_test_add_func ("/window/accelerators", test_accelerators);
  g_test_add_func ("/window/add-shortcut", test_add_shortcut);
  g_test_add_func ("/window/help-guide", test_help_guide);
  g_test_add_func ("/window/blank-draft", test_blank_draft);
  g_test_add_func ("/window/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/window/undo-reveals", test_undo_reveals);
  g_test_add_func ("/window/undo-commits-cell-edit", test_undo_commits_cell_edit);
  g_test_add_func ("/window/undo-commits-overview-edit", test_undo_commits_overview_edit);
  g_test_add_func ("/window/removal-toast", test_removal_toast);
  g_test_add_func ("/window/dialog-folders", test_dialog_folders);
  g_test_add_func ("/window/dates", test_dates);
  g_test_add_func ("/window/combo-rows", test_combo_rows);
  g_test_add_func ("/window/still-open", test_still_open);
  g_test_add_func ("/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/load-error", test_load_error);
  g_test_add_func ("/window/open-replaces-pristine", test_open_replaces_pristine);
  g_test_add_func ("/window/unsaved-changes-dialog", test_unsaved_changes_dialog);
  g_test_add_func ("/window/unmodified-closes", test_unmodified_closes);
  g_test_add_func ("/window/settings", test_settings);
  g_test_add_func ("/window/accessible-labels", test_accessible_labels);
  g_test_add_func ("/window/command-line-files", test_command_line_files);
  g_test_add_func ("/window/find", test_find);
  g_test_add_func ("/window/drop", test_drop);
  g_test_add_func ("/window/run-with-files", test_run_with_files);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/recent-files-setting", test_recent_files_setting);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
