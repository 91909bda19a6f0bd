/* ui-test-util.c: what the UI tests share: a private home, waiting for conditions, finding widgets and cells. */
#define G_LOG_DOMAIN "ui-test-util"

#include "config.h"

#include <execinfo.h>
#include <glib/gstdio.h>

#include "csn-check-cell.h"
#include "csn-choice-cell.h"
#include "csn-choice-popover.h"
#include "csn-ref-list-cell.h"
#include "csn-history.h"
#include "csn-resources.h"
#include "csn-window-private.h"
#include "ui-test-util.h"

/* A warning or worse, which ends the test unless the test lets it through, comes with the stack
 * that sent it: a failure seen once on another machine can then be read from its log. (Reading
 * GLib's fatal mask means setting it, which would let another thread's message through meanwhile.) */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL))
    {
      void *frames[64];
      int n_frames = backtrace (frames, G_N_ELEMENTS (frames));

      fputs ("The stack of the message below:\n", stderr);
      backtrace_symbols_fd (frames, n_frames, fileno (stderr));
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_log_set_writer_func (write_log_cb, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Transitions end at once: a test waits for the state a person sees, not for an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Keeps the linker from dropping the GUI resources out of the static library. */
  g_assert_nonnull (csn_get_resource ());
}

/* Points every XDG directory at a temporary tree, shared with g_test_trap_subprocess() children. */
void
ui_test_setup_home (void)
{
  const char *root = g_getenv ("CSN_TEST_ROOT");
  g_autofree char *created = NULL;
  const char *dirs[][2] = {
    { "XDG_STATE_HOME", "state" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
  };

  if (root == NULL)
    {
      created = g_dir_make_tmp ("consenso-ui-XXXXXX", NULL);
      g_assert_nonnull (created);
      g_setenv ("CSN_TEST_ROOT", created, TRUE);
      root = created;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (root, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i][0], path, TRUE);
    }
  /* No session bus: the application runs on its own, whatever else is running. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Removes the temporary tree, in the process that made it (not in its test subprocesses). */
void
ui_test_teardown_home (void)
{
  const char *root = g_getenv ("CSN_TEST_ROOT");

  if (root != NULL && !g_test_subprocess ())
    remove_tree (root);
}

char *
ui_test_tmp_path (const char *name)
{
  return g_build_filename (g_getenv ("CSN_TEST_ROOT"), name, NULL);
}

static gboolean
on_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One turn of the main loop, or none past @deadline; FALSE once @deadline passed. Conditions on
 * files or other processes wake no source: a short timer wakes the loop to look at them again. */
gboolean
ui_test_iterate (gint64 deadline)
{
  guint wake;

  if (g_get_monotonic_time () >= deadline)
    return FALSE;
  wake = g_timeout_add (10, on_wake_cb, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return TRUE;
}

/* Runs the main loop until @condition holds or @timeout_ms pass; returns whether it holds. */
gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * (G_USEC_PER_SEC / 1000);

  while (!condition (data) && ui_test_iterate (deadline))
    ;
  return condition (data);
}

/* Runs what is ready to run now (idles, pending signals), without waiting for anything. */
void
ui_test_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_bound_cell (GtkWidget *root)
{
  if (CSN_IS_CELL (root) && gtk_widget_get_mapped (root) && gtk_widget_get_width (root) > 0 &&
      csn_cell_get_item (CSN_CELL (root)) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_bound_cell (child))
      return TRUE;
  return FALSE;
}

/* Every shown list under @root that has items shows them in bound cells, laid out. */
gboolean
ui_test_lists_bound (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return TRUE;
  if (GTK_IS_COLUMN_VIEW (root))
    {
      GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (root)));

      return model == NULL || g_list_model_get_n_items (model) == 0 || has_bound_cell (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!ui_test_lists_bound (child))
      return FALSE;
  return TRUE;
}

GtkWidget *
ui_test_show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  /* Lists make and bind their rows only once the window is mapped and laid out. */
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0 &&
                      ui_test_lists_bound (page));
  return window;
}

static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (toplevels, i);

      if (other == window)
        return TRUE;
    }
  return FALSE;
}

/* Shows @window and waits until it is on screen, laid out, with its shown lists bound. */
void
ui_test_present_window (GtkWindow *window)
{
  gtk_window_present (window);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                      gtk_widget_get_width (GTK_WIDGET (window)) > 0 &&
                      ui_test_lists_bound (GTK_WIDGET (window)));
}

/* Destroys @window and runs what its going away set off. */
void
ui_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  UI_TEST_WAIT_UNTIL (!is_toplevel (window));
  ui_test_flush ();
}

/* A window on @draft, shown as the application shows one. */
CsnWindow *
ui_test_open_window (CsnApplication *app,
                     CsnDraft       *draft)
{
  CsnWindow *window = csn_window_new (app, draft);

  ui_test_present_window (GTK_WINDOW (window));
  return window;
}

/* Closes @window for good: nothing of a test stays behind for recovery. */
void
ui_test_close_window (CsnWindow *window)
{
  /* The draft outlives the window's last reference to it, as it would the window's other users. */
  G_GNUC_UNUSED g_autoptr(CsnDraft) draft = g_object_ref (csn_window_get_draft (window));

  csn_recovery_discard (csn_window_get_recovery (window));
  ui_test_destroy_window (GTK_WINDOW (window));
}

void
ui_test_close (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (root != NULL)
    ui_test_destroy_window (GTK_WINDOW (root));
}

CsnCell *
ui_test_find_cell (GtkWidget  *root,
                   CsnItem    *item,
                   const char *property)
{
  return ui_test_find_typed_cell (root, CSN_TYPE_CELL, item, property);
}

/* The mapped cell of @type that shows @property of @item. */
CsnCell *
ui_test_find_typed_cell (GtkWidget  *root,
                         GType       type,
                         CsnItem    *item,
                         const char *property)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      csn_cell_get_item (CSN_CELL (root)) == item &&
      g_strcmp0 (csn_cell_get_property_name (CSN_CELL (root)), property) == 0)
    return CSN_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *found = ui_test_find_typed_cell (child, type, item, property);

      if (found != NULL)
        return found;
    }
  return NULL;
}

CsnCell *
ui_test_find_check_cell (GtkWidget  *root,
                         CsnItem    *item,
                         const char *key)
{
  if (CSN_IS_CHECK_CELL (root) && gtk_widget_get_mapped (root) &&
      csn_cell_get_item (CSN_CELL (root)) == item &&
      g_strcmp0 (csn_check_cell_get_key (CSN_CHECK_CELL (root)), key) == 0)
    return CSN_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *found = ui_test_find_check_cell (child, item, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_laid_out (CsnCell *cell)
{
  return cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell)) && gtk_widget_get_width (GTK_WIDGET (cell)) > 0;
}

/* The list a choice cell (or a list-field cell) shares with its column, opened from @cell, or
 * from the cell that shows the same field of the same item once the list has laid out its rows
 * (a row just made is laid out at the next frame, and may be made anew before). */
CsnChoicePopover *
ui_test_open_choices (CsnCell *cell)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(CsnItem) item = g_object_ref (csn_cell_get_item (cell));
  g_autofree char *property = g_strdup (csn_cell_get_property_name (cell));
  GType type = G_OBJECT_TYPE (cell);
  CsnCell *shown = cell;
  CsnChoicePopover *popover;

  if (view != NULL)
    UI_TEST_WAIT_UNTIL (is_laid_out (shown = ui_test_find_typed_cell (view, type, item, property)));
  else
    UI_TEST_WAIT_UNTIL (is_laid_out (shown));
  if (CSN_IS_CHOICE_CELL (shown))
    csn_choice_cell_popup (CSN_CHOICE_CELL (shown));
  else if (CSN_IS_REF_LIST_CELL (shown))
    csn_ref_list_cell_popup (CSN_REF_LIST_CELL (shown));
  popover = csn_choice_popover_find_open (shown);
  g_assert_nonnull (popover);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

/* The calendar of a date row (CsnDateRow), opened as a person would open it: its button makes the
 * calendar when first clicked. */
GtkCalendar *
ui_test_open_calendar (GtkWidget *date_row)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_find_widget (date_row, GTK_TYPE_MENU_BUTTON, NULL));
  GtkPopover *popover;

  g_assert_nonnull (button);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return GTK_CALENDAR (ui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR, NULL));
}

/* Chooses @title in the list @cell opens, as a person would: opens it and activates that row.
 * FALSE (with the list closed) if it offers no such choice. */
gboolean
ui_test_choose (CsnCell    *cell,
                const char *title)
{
  CsnChoicePopover *popover = ui_test_open_choices (cell);
  GtkListView *list = csn_choice_popover_get_list (popover);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (model, i);
      g_autofree char *label = CSN_IS_ITEM (choice) ? csn_item_dup_title (CSN_ITEM (choice))
                                                    : g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));

      if (g_strcmp0 (label, title) == 0)
        {
          g_signal_emit_by_name (list, "activate", i);
          g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
          return TRUE;
        }
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  return FALSE;
}

/* The first widget of @type (with @css_class, if given) under @root. */
GtkWidget *
ui_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = ui_test_find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* The button under @root that activates @action_name, as the .ui sets it. */
GtkWidget *
ui_test_find_action_button (GtkWidget  *root,
                            const char *action_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = ui_test_find_action_button (child, action_name);

      if (button != NULL)
        return button;
    }
  return NULL;
}

static gboolean
activate_shortcut (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* Runs the key shortcut that pressing @keyval with @modifiers in @widget runs: the first one bound
 * on @widget or its ancestors, as GTK's bubbling of a key press finds it. */
gboolean
ui_test_press_keys (GtkWidget       *widget,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (activate_shortcut (widget, keyval, modifiers))
      return TRUE;
  return FALSE;
}

/* The item at @position, not referenced: the draft keeps it. */
CsnItem *
ui_test_get_item (CsnDraft      *draft,
                  CsnCollection  collection,
                  guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;
}

guint
ui_test_count (CsnDraft      *draft,
               CsnCollection  collection)
{
  return g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
}

CsnApplication *
ui_test_create_application (void)
{
  g_autoptr(GError) error = NULL;
  CsnApplication *app = csn_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

gboolean
ui_test_toplevel_shown (gpointer type)
{
  return ui_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

/* Clicks the button of a message dialog's response, as a user would. */
void
ui_test_click_response (GtkWindow  *dialog,
                        const char *id)
{
  const char *label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), id);
  GtkWidget *button = ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
save_done (CsnWindow *window,
           GFile     *file)
{
  GFile *saved = csn_draft_get_file (csn_window_get_draft (window));

  return window->saves_under_way == 0 && saved != NULL && g_file_equal (saved, file);
}

static gboolean
chooser_has_file (GtkFileChooser *chooser,
                  GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Goes to @file's folder and types its name in @chooser, unless it is there already. */
static void
chooser_go_to_file (GtkFileChooser *chooser,
                    GFile          *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *current_name = gtk_file_chooser_get_current_name (chooser);
  g_autoptr(GError) error = NULL;

  if (current != NULL && g_file_equal (current, folder) && g_strcmp0 (current_name, name) == 0)
    return;
  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
}

static gboolean
chooser_took_file (GtkFileChooser *chooser,
                   GFile          *file)
{
  if (chooser_has_file (chooser, file))
    return TRUE;
  /* GTK applies the window's own gtk_file_chooser_set_file() (Save As of a draft with a file) when it
   * has read that folder, which on a busy machine may come after the name typed here and take the
   * chooser to another folder: as a person would, go back and type the name again. */
  chooser_go_to_file (chooser, file);
  return FALSE;
}

/* Answers the Save chooser @window shows with @file, as a person types a name (in UTF-8) in its
 * folder and presses Save. */
void
ui_test_choose_save_file (CsnWindow *window,
                          GFile     *file)
{
  UI_TEST_WAIT_UNTIL (window->chooser != NULL);
  /* Without a portal the native chooser shows GTK's own dialog, which then holds the choice. */
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser_go_to_file (GTK_FILE_CHOOSER (window->chooser), file);
  /* The dialog reads the folder before it can say which file is chosen. */
  UI_TEST_WAIT_UNTIL (chooser_took_file (GTK_FILE_CHOOSER (window->chooser), file));
  g_signal_emit_by_name (window->chooser, "response", GTK_RESPONSE_ACCEPT);
}

/* Saves @window's draft as @file the way Save As does, and waits until the background save is done. */
void
ui_test_save_as (CsnWindow *window,
                 GFile     *file)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  ui_test_choose_save_file (window, file);
  UI_TEST_WAIT_UNTIL (save_done (window, file));
}

void
ui_page_fixture_set_up (UiPageFixture *fixture,
                        gconstpointer  page_type)
{
  fixture->draft = csn_draft_new_from_template ();
  fixture->page = g_object_new (GPOINTER_TO_SIZE (page_type), "draft", fixture->draft, NULL);
  ui_test_show_page (fixture->page);
  /* Showing and binding the cells is not an edit. */
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
}

void
ui_page_fixture_tear_down (UiPageFixture *fixture,
                           gconstpointer  page_type)
{
  ui_test_close (fixture->page);
  g_clear_object (&fixture->draft);
}

gpointer
ui_test_window_child (CsnWindow  *window,
                      const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), CSN_TYPE_WINDOW, name);
}

CsnReviewPage *
ui_test_review_page (CsnWindow *window)
{
  return CSN_REVIEW_PAGE (csn_window_get_page (window, "review"));
}

guint
ui_test_count_mapped (GtkWidget *root,
                      GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += ui_test_count_mapped (child, type);
  return n;
}

static GtkStack *
find_list_stack (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "list") != NULL)
    return GTK_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_list_stack (child);

      if (stack != NULL)
        return stack;
    }
  return NULL;
}

/* The name of the page that @page's list stack (its "list", "empty" and "no-results") shows, if the
 * stack's other pages are hidden too (GTK styles and measures a stack's pages that are not shown
 * unless they are hidden), else NULL. */
const char *
ui_test_list_stack_shown (GtkWidget *page)
{
  GtkStack *stack = find_list_stack (page);
  GtkWidget *shown;

  g_assert_nonnull (stack);
  shown = gtk_stack_get_visible_child (stack);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown && gtk_widget_get_visible (child))
      return NULL;
  return gtk_stack_get_visible_child_name (stack);
}

/* The text of the label under @root that contains @part, or NULL. */
const char *
ui_test_find_label_text (GtkWidget  *root,
                         const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return gtk_label_get_text (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = ui_test_find_label_text (child, part);

      if (text != NULL)
        return text;
    }
  return NULL;
}

void
ui_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

char *
ui_test_dup_content (CsnDraft *draft)
{
  gsize length;

  return csn_draft_content_to_data (draft, &length);
}

gboolean
ui_test_drop_files (CsnWindow *window,
                    GSList    *files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_value_init (&value, GDK_TYPE_FILE_LIST);
          g_value_set_boxed (&value, files);
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          break;
        }
    }
  return accepted;
}

static gboolean
on_frame_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget's frame clock has ticked @n_frames times, which it keeps doing
 * meanwhile, the first of them drawing @widget again: the frames that follow what was asked of the
 * widget, laid out and drawn. */
void
ui_test_wait_for_frames (GtkWidget *widget,
                         guint      n_frames)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, on_frame_tick_cb, &frames, NULL);

  gtk_widget_queue_draw (widget);
  UI_TEST_WAIT_UNTIL (frames >= n_frames);
  gtk_widget_remove_tick_callback (widget, tick);
}

/* For the screenshot tools: lets @window draw a few frames with its lists bound, then captures the
 * screen as @dir/@name.png (ImageMagick's import) and prints the file's name. */
void
ui_test_shoot (GtkWidget  *window,
               const char *dir,
               const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);
  g_autofree char *command = g_strdup_printf ("import -window root %s", file);
  g_autoptr(GError) error = NULL;

  UI_TEST_WAIT_UNTIL (ui_test_lists_bound (window));
  ui_test_wait_for_frames (window, 4);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", file);
}

static void
on_focus_moved_cb (GtkWindow  *window,
                   GParamSpec *pspec,
                   guint      *moves)
{
  (*moves)++;
}

/* Counts in @moves each time the focus of @window moves, until the handler returned is
 * disconnected. */
gulong
ui_test_count_focus_moves (GtkWindow *window,
                           guint     *moves)
{
  return g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_moved_cb), moves);
}
