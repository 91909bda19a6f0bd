/* csn-window.c: the editor window of one draft: the agenda in a sidebar, one page per part of the meeting. */
#define G_LOG_DOMAIN "csn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-actor.h"
#include "csn-country.h"
#include "csn-document-texts.h"
#include "csn-endorsement.h"
#include "csn-history.h"
#include "csn-in-place-editor.h"
#include "csn-mechanism.h"
#include "csn-meeting.h"
#include "csn-open-item.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-position.h"
#include "csn-problem.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-save-changes-dialog.h"
#include "csn-settings.h"
#include "csn-strategy.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"
#include "csn-window-private.h"

G_DEFINE_FINAL_TYPE (CsnWindow, csn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_REVIEWING,
  PROP_TRANSLATION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[] = {
  "overview", "theme-matrix", "strategies", "mechanisms", "actors", "delegations", "endorsements",
};

/* The pages besides the Overview, made when first shown or asked for, or for the list pages at
 * idle once the window has shown (make_page_ahead_cb()): a window opens on the Overview, and making
 * all of them up front cost ~135 M instructions in csn_window_init, ~100 M more in the first layout,
 * and ~4 MiB (bench-frames under callgrind and heaptrack, issue 16). */
typedef struct
{
  const char *name;
  const char *title;
  GType     (*get_type) (void);
  gsize       field;      /* where the window keeps it */
  gboolean    shows_draft;
  void      (*made) (CsnWindow *self);  /* connects the window to the page, once made */
} PageInfo;

static const PageInfo page_infos[] = {
  { "theme-matrix", N_("Theme Matrix"), csn_theme_matrix_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, theme_matrix_page), TRUE },
  { "strategies", N_("Strategies"), csn_strategies_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, strategies_page), TRUE },
  { "mechanisms", N_("Mechanisms"), csn_mechanisms_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, mechanisms_page), TRUE },
  { "actors", N_("Actors and Roles"), csn_actors_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, actors_page), TRUE },
  { "delegations", N_("Delegations"), csn_delegations_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, delegations_page), TRUE },
  { "endorsements", N_("Endorsements"), csn_endorsements_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, endorsements_page), TRUE },
  { "document", N_("Document"), csn_document_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, document_page), TRUE, _csn_window_document_page_made },
  { "translation", N_("Translation"), csn_translation_view_get_type,
    G_STRUCT_OFFSET (CsnWindow, translation_view), TRUE, _csn_window_translation_view_made },
  /* The review page is given its draft with each review. */
  { "review", N_("Review Changes"), csn_review_page_get_type,
    G_STRUCT_OFFSET (CsnWindow, review_page), FALSE, _csn_window_review_page_made },
};

static const PageInfo *
find_page_info (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_str_equal (page_infos[i].name, name))
      return &page_infos[i];
  return NULL;
}

/* The page where @item is edited; a theme asked for its "strategies" goes to the Strategies page. */
static const char *
get_page_for_item (CsnDraft   *draft,
                   CsnItem    *item,
                   const char *property)
{
  /* A position is shown with the item it is on. */
  if (CSN_IS_POSITION (item))
    {
      CsnItem *target = draft != NULL ? csn_draft_lookup (draft, CSN_COLLECTION_AGENDA,
                                                          csn_position_get_item (CSN_POSITION (item)))
                                      : NULL;

      return target != NULL ? get_page_for_item (draft, target, "positions") : NULL;
    }
  if (CSN_IS_MEETING (item))
    return "overview";
  if (CSN_IS_DOCUMENT_TEXTS (item))
    return "document";
  if (CSN_IS_THEME (item) && g_strcmp0 (property, "strategies") == 0)
    return "strategies";
  if (CSN_IS_THEME (item) || CSN_IS_RESERVATION (item) || CSN_IS_PILLAR (item))
    return "theme-matrix";
  if (CSN_IS_STRATEGY (item))
    return "strategies";
  if (CSN_IS_MECHANISM (item))
    return "mechanisms";
  if (CSN_IS_ACTOR (item) || CSN_IS_ROLE_PROPOSAL (item))
    return "actors";
  if (CSN_IS_PARTICIPANT (item) || CSN_IS_COUNTRY (item))
    return "delegations";
  if (CSN_IS_ENDORSEMENT (item))
    return "endorsements";
  return NULL;
}

static GtkLabel *
get_open_count_label (CsnWindow *self,
                      guint      page)
{
  GtkLabel *labels[] = {
    self->overview_open_count, self->theme_matrix_open_count, self->strategies_open_count,
    self->mechanisms_open_count, self->actors_open_count, self->delegations_open_count,
    self->endorsements_open_count,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (page_names));
  return labels[page];
}

/* Each page in the agenda shows how many of the overview's "still open" entries lead to it. */
static void
on_open_items_changed_cb (CsnWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *open_items)
{
  guint counts[G_N_ELEMENTS (page_names)] = { 0 };
  guint n_items = g_list_model_get_n_items (open_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (open_items, i);
      CsnItem *item = csn_open_item_get_item (open);
      /* A theme that no strategy addresses is on the strategies page. */
      const char *property = csn_open_item_get_kind (open) == CSN_OPEN_KIND_STRATEGY
                             ? "strategies" : csn_open_item_get_property_name (open);
      const char *page = item != NULL ? get_page_for_item (self->draft, item, property) : NULL;

      for (guint p = 0; page != NULL && p < G_N_ELEMENTS (page_names); p++)
        if (g_str_equal (page, page_names[p]))
          counts[p]++;
    }

  for (guint p = 0; p < G_N_ELEMENTS (page_names); p++)
    {
      GtkLabel *label = get_open_count_label (self, p);
      g_autofree char *text = g_strdup_printf ("%u", counts[p]);
      /* Translators: the tooltip of a page's number in the agenda */
      g_autofree char *tooltip = g_strdup_printf (ngettext ("%u entry of the Overview’s “Still Open” list is on this page",
                                                            "%u entries of the Overview’s “Still Open” list are on this page",
                                                            counts[p]), counts[p]);

      gtk_label_set_text (label, text);
      csn_widget_set_tooltip_lazily (GTK_WIDGET (label), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
      gtk_widget_set_visible (GTK_WIDGET (label), counts[p] > 0);
    }
}

static void
save_window_state (CsnWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
update_title (CsnWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;
  GFile *file;

  if (self->draft == NULL)
    return;

  name = csn_draft_dup_display_name (self->draft);
  file = csn_draft_get_file (self->draft);
  if (csn_draft_get_modified (self->draft))
    /* Translators: the title of a draft with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }
  else
    folder = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  /* Translators: the window title: "• plan.consenso — Consenso" */
  window_title = g_strdup_printf (_("%s — Consenso"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_autosave_delay_changed_cb (CsnWindow  *self,
                              const char *key,
                              GSettings  *settings)
{
  if (self->recovery != NULL)
    csn_recovery_set_delay (self->recovery, g_settings_get_uint (settings, "autosave-delay"));
}

static void
on_draft_modified_cb (CsnWindow  *self,
                      GParamSpec *pspec,
                      CsnDraft   *draft)
{
  update_title (self);
}

static void
on_history_changed_cb (CsnWindow  *self,
                       GParamSpec *pspec,
                       CsnHistory *history)
{
  _csn_window_update_history (self);
}

/* Commits what the focused control holds (entries commit when they lose the focus). */
void
_csn_window_commit_focused_edit (CsnWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The editor around the focus (a cell, the Overview's rows, the Document page's texts, the
   * translation editor) commits in place: the focus leaving the window restyles every widget in
   * it, twice. */
  if (focus == NULL || csn_in_place_editor_commit_edit_of (focus))
    return;
  /* Only a field holds an edit: a button or a row has none, nor has a search entry (it searches as
   * it is typed in). A save from the search entry spent a 14 ms frame on that restyle. */
  if ((!GTK_IS_EDITABLE (focus) && !GTK_IS_TEXT_VIEW (focus)) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    return;
  g_object_ref (focus);
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  if (gtk_widget_get_root (focus) == GTK_ROOT (self))
    gtk_widget_grab_focus (focus);
  g_object_unref (focus);
}

static gboolean
on_destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Destroys the window once the dialog that decided it is gone: it is transient for this window. */
void
_csn_window_destroy_later (CsnWindow *self)
{
  save_window_state (self);
  self->close_confirmed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  csn_window_show_page (CSN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_pointer (&self->error_text, g_free);
}

static void
on_save_changes_response_cb (CsnWindow          *self,
                             const char         *response,
                             AdwMessageDialog   *dialog)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      _csn_window_save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      csn_recovery_discard (self->recovery);
      _csn_window_destroy_later (self);
    }
}

static gboolean
csn_window_close_request (GtkWindow *window)
{
  CsnWindow *self = CSN_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  _csn_window_commit_focused_edit (self);
  /* A save under way ends first: the window closes once it succeeded, or says why it did not. */
  if (!self->close_confirmed && self->saves_under_way > 0)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  if (self->close_confirmed || self->draft == NULL || !csn_draft_get_modified (self->draft))
    {
      if (!self->close_confirmed)
        save_window_state (self);
      return GTK_WINDOW_CLASS (csn_window_parent_class)->close_request (window);
    }

  name = csn_draft_dup_display_name (self->draft);
  dialog = csn_save_changes_dialog_new (window, name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_changes_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CsnWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  _csn_window_drop_files (self, files);
  return files != NULL;
}

static void
on_sidebar_row_selected_cb (CsnWindow     *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row == NULL)
    return;
  /* In translation mode the agenda chooses whose texts are translated. */
  if (self->translation_mode)
    _csn_window_translation_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  else
    _csn_window_set_visible_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (CsnWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  if (self->translation_mode)
    _csn_window_translation_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  else
    _csn_window_set_visible_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkListBoxRow *
find_sidebar_row (CsnWindow  *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
on_stack_visible_child_cb (CsnWindow  *self,
                           GParamSpec *pspec,
                           GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  GtkListBoxRow *row = name != NULL ? find_sidebar_row (self, name) : NULL;

  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
}

static void
on_leaflet_folded_cb (CsnWindow  *self,
                      GParamSpec *pspec,
                      AdwLeaflet *leaflet)
{
  /* Folded, the window opens on the page rather than on the agenda. */
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "content");
}

static void
on_back_clicked_cb (CsnWindow *self,
                    GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A removal says what went, with Undo at hand: it may have taken more than the row (a theme's
 * strategies, an actor's proposals). */
static void
on_page_removed_cb (CsnWindow   *self,
                    const char  *summary,
                    CsnListPage *page)
{
  AdwToast *toast = adw_toast_new (summary);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_overview_reveal_cb (CsnWindow       *self,
                       CsnItem         *item,
                       const char      *property,
                       CsnOverviewPage *page)
{
  csn_window_reveal (self, item, property);
}

/* The first list page not made yet, or NULL. */
static const PageInfo *
find_page_to_make_ahead (CsnWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_type_is_a (page_infos[i].get_type (), CSN_TYPE_LIST_PAGE) &&
        gtk_stack_get_child_by_name (self->stack, page_infos[i].name) == NULL)
      return &page_infos[i];
  return NULL;
}

/* The list pages are made ahead, one an idle, once the window has shown its first frame: their
 * first show then binds their rows and draws them, and no longer builds the page first (bench-frames,
 * large draft, the click's call of a page's first show: 8-20 ms → 4-13 ms). A page made ahead has no
 * rows, hides its content and follows no item until shown (see csn_list_page_set_draft()); the
 * Document, the translations and the review wait to be shown. */
static gboolean
make_page_ahead_cb (gpointer user_data)
{
  CsnWindow *self = user_data;
  const PageInfo *info = find_page_to_make_ahead (self);

  if (info == NULL)
    {
      self->pages_ahead_id = 0;
      return G_SOURCE_REMOVE;
    }
  _csn_window_ensure_page (self, info->name);
  return G_SOURCE_CONTINUE;
}

/* The first frame: the pages are made after it, when nothing else waits. */
static gboolean
first_frame_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  CsnWindow *self = CSN_WINDOW (widget);

  if (self->pages_ahead_id == 0)
    self->pages_ahead_id = g_idle_add_full (G_PRIORITY_LOW, make_page_ahead_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
csn_window_map (GtkWidget *widget)
{
  CsnWindow *self = CSN_WINDOW (widget);

  GTK_WIDGET_CLASS (csn_window_parent_class)->map (widget);
  /* Shown again (unminimized): the pages were made, or are being made. */
  if (self->pages_ahead_id == 0 && find_page_to_make_ahead (self) != NULL)
    gtk_widget_add_tick_callback (widget, first_frame_tick_cb, NULL, NULL);
}

static void
csn_window_dispose (GObject *object)
{
  CsnWindow *self = CSN_WINDOW (object);

  g_clear_handle_id (&self->pages_ahead_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  _csn_window_actions_dispose (self);
  g_clear_object (&self->settings);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->recent_manager);
  if (self->overview_page != NULL)
    g_signal_handlers_disconnect_by_data (csn_overview_page_get_open_entries (self->overview_page), self);
  csn_window_set_draft (self, NULL);
  _csn_window_incoming_dispose (self);
  _csn_window_document_dispose (self);
  _csn_window_translation_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_WINDOW);
  /* The stack held the pages made after the template; it is gone with it. */
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    G_STRUCT_MEMBER (GtkWidget *, self, page_infos[i].field) = NULL;

  G_OBJECT_CLASS (csn_window_parent_class)->dispose (object);
}

static void
csn_window_finalize (GObject *object)
{
  CsnWindow *self = CSN_WINDOW (object);

  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->export_path, g_free);
  g_clear_pointer (&self->undo_section_texts[0], g_free);
  g_clear_pointer (&self->undo_section_texts[1], g_free);

  G_OBJECT_CLASS (csn_window_parent_class)->finalize (object);
}

static void
csn_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsnWindow *self = CSN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_REVIEWING:
      g_value_set_boolean (value, self->reviewing);
      break;
    case PROP_TRANSLATION_MODE:
      g_value_set_boolean (value, self->translation_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsnWindow *self = CSN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_window_set_draft (self, g_value_get_object (value));
      break;
    case PROP_TRANSLATION_MODE:
      csn_window_set_translation_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_window_class_init (CsnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = csn_window_dispose;
  object_class->finalize = csn_window_finalize;
  object_class->get_property = csn_window_get_property;
  object_class->set_property = csn_window_set_property;
  window_class->close_request = csn_window_close_request;
  widget_class->map = csn_window_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The review page is shown: the rest of the window waits for Apply, Cancel or Close. */
  properties[PROP_REVIEWING] =
    g_param_spec_boolean ("reviewing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The content shows the texts of the page chosen in the agenda beside their translations. */
  properties[PROP_TRANSLATION_MODE] =
    g_param_spec_boolean ("translation-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CSN_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_message);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, overview_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, theme_matrix_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, strategies_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, mechanisms_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, actors_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, delegations_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, endorsements_open_count);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_reveal_cb);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
  _csn_window_class_actions_init (klass);
  _csn_window_class_incoming_init (klass);
  _csn_window_class_document_init (klass);
  _csn_window_class_answers_init (klass);
  _csn_window_class_translation_init (klass);
}

static void
csn_window_init (CsnWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = csn_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::autosave-delay",
                               G_CALLBACK (on_autosave_delay_changed_cb), self, G_CONNECT_SWAPPED);
    }

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  _csn_window_actions_init (self);
  _csn_window_incoming_init (self);
  _csn_window_translation_init (self);

  g_signal_connect_object (csn_overview_page_get_open_entries (self->overview_page), "items-changed",
                           G_CALLBACK (on_open_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_select_row (self->sidebar, find_sidebar_row (self, "overview"));
}

CsnWindow *
csn_window_new (CsnApplication *application,
                CsnDraft       *draft)
{
  g_return_val_if_fail (CSN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  return g_object_new (CSN_TYPE_WINDOW,
                       "application", application,
                       "draft", draft,
                       NULL);
}

/* A window on a draft restored from recovery, which keeps using the same recovery file. */
CsnWindow *
csn_window_new_for_recovery (CsnApplication *application,
                             CsnRecovery    *recovery)
{
  CsnWindow *self;

  g_return_val_if_fail (CSN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CSN_IS_RECOVERY (recovery), NULL);

  self = g_object_new (CSN_TYPE_WINDOW, "application", application, NULL);
  csn_window_set_recovery (self, recovery);
  return self;
}

CsnDraft *
csn_window_get_draft (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->draft;
}

static void
replace_draft (CsnWindow   *self,
               CsnDraft    *draft,
               CsnRecovery *recovery)
{
  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->draft, self);
      g_signal_handlers_disconnect_by_data (csn_draft_get_history (self->draft), self);
    }
  g_clear_object (&self->recovery);
  g_set_object (&self->draft, draft);
  /* A problem shown about the previous draft does not concern this one. */
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_pointer (&self->error_text, g_free);

  if (draft != NULL)
    {
      CsnHistory *history = csn_draft_get_history (draft);

      self->recovery = recovery != NULL ? g_object_ref (recovery) : NULL;
      if (self->recovery == NULL)
        {
          g_autofree char *directory = csn_recovery_dup_default_directory ();

          self->recovery = csn_recovery_new (draft, directory);
        }
      if (self->settings != NULL)
        csn_recovery_set_delay (self->recovery, g_settings_get_uint (self->settings, "autosave-delay"));
      g_signal_connect_object (draft, "notify::modified", G_CALLBACK (on_draft_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (draft, "notify::file", G_CALLBACK (on_draft_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::undo-label", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::redo-label", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      update_title (self);
      _csn_window_update_history (self);
    }
  _csn_window_incoming_draft_set (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* Shows @draft in this window; its unsaved changes are kept in a new recovery file. */
void
csn_window_set_draft (CsnWindow *self,
                      CsnDraft  *draft)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  replace_draft (self, draft, NULL);
}

/* Shows the draft of @recovery in this window; it keeps using that recovery file. */
void
csn_window_set_recovery (CsnWindow   *self,
                         CsnRecovery *recovery)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (CSN_IS_RECOVERY (recovery));

  replace_draft (self, csn_recovery_get_draft (recovery), recovery);
}

CsnRecovery *
csn_window_get_recovery (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->recovery;
}

/* An untitled draft nobody touched: opening a file may replace it. */
gboolean
csn_window_is_pristine (CsnWindow *self)
{
  CsnHistory *history;

  g_return_val_if_fail (CSN_IS_WINDOW (self), FALSE);

  if (self->draft == NULL)
    return TRUE;
  history = csn_draft_get_history (self->draft);
  return csn_draft_get_file (self->draft) == NULL
         && !csn_draft_get_modified (self->draft)
         && !csn_history_can_undo (history)
         && !csn_history_can_redo (history);
}

/* Shows a problem (a file that did not load, a save that failed) above the pages until dismissed. */
void
csn_window_show_error (CsnWindow  *self,
                       const char *title,
                       const char *message)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (message != NULL);

  g_free (self->error_text);
  self->error_text = g_strdup_printf ("%s\n%s", title, message);
  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_message, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* The problem shown, "title\nmessage", or NULL. */
const char *
csn_window_get_error (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->error_text;
}

void
csn_window_show_page (CsnWindow  *self,
                      const char *name)
{
  GtkWidget *page;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL && find_page_info (name) == NULL)
    {
      g_warning ("No page is called “%s”", name);
      return;
    }
  /* The review page stays until the co-chairs apply or leave it. */
  if (self->reviewing)
    return;
  /* Its rows, even if the window is not shown yet (what reveals a row needs them). */
  page = _csn_window_ensure_page (self, name);
  if (CSN_IS_LIST_PAGE (page))
    csn_list_page_prepare (CSN_LIST_PAGE (page));
  /* Translation mode stays on: it shows the texts of that page instead. */
  if (self->translation_mode)
    {
      GtkListBoxRow *row = find_sidebar_row (self, name);

      if (row != NULL)
        gtk_list_box_select_row (self->sidebar, row);
      _csn_window_translation_set_page (self, name);
    }
  else
    _csn_window_set_visible_page (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

const char *
csn_window_get_visible_page (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The page called @name ("overview", "theme-matrix"… "document", "translation", "review"), made
 * now if it was not yet; NULL if no page has that name. */
GtkWidget *
csn_window_get_page (CsnWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return _csn_window_ensure_page (self, name);
}

/* The page called @name if it was made (shown or asked for) already, else NULL. */
GtkWidget *
csn_window_peek_page (CsnWindow  *self,
                      const char *name)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

GtkWidget *
_csn_window_ensure_page (CsnWindow  *self,
                         const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);
  const PageInfo *info;

  if (page != NULL)
    return page;
  info = find_page_info (name);
  if (info == NULL)
    return NULL;

  page = g_object_new (info->get_type (), NULL);
  if (info->shows_draft)
    g_object_bind_property (self, "draft", page, "draft", G_BINDING_SYNC_CREATE);
  G_STRUCT_MEMBER (GtkWidget *, self, info->field) = page;
  gtk_stack_add_titled (self->stack, page, info->name, _(info->title));

  if (CSN_IS_LIST_PAGE (page))
    g_signal_connect_object (page, "removed", G_CALLBACK (on_page_removed_cb), self, G_CONNECT_SWAPPED);
  if (info->made != NULL)
    info->made (self);
  return page;
}

/* Shows the page called @name in the content, made now if it was not yet. */
void
_csn_window_set_visible_page (CsnWindow  *self,
                              const char *name)
{
  if (_csn_window_ensure_page (self, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/* Shows the page where @item is edited and lets it scroll to @property of @item. */
void
csn_window_reveal (CsnWindow  *self,
                   CsnItem    *item,
                   const char *property)
{
  const char *page;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (CSN_IS_ITEM (item));

  /* In translation mode, the text of @property beside its translation. */
  if (self->translation_mode && _csn_window_translation_reveal (self, item, property))
    return;
  page = get_page_for_item (self->draft, item, property);
  if (page == NULL)
    {
      g_warning ("No page edits a %s", G_OBJECT_TYPE_NAME (item));
      return;
    }

  csn_window_show_page (self, page);
  /* During a review show_page leaves the review shown; the page is made all the same. */
  _csn_window_ensure_page (self, page);
  if (g_str_equal (page, "overview"))
    csn_overview_page_reveal (self->overview_page, item, property);
  else if (g_str_equal (page, "theme-matrix"))
    csn_theme_matrix_page_reveal (self->theme_matrix_page, item, property);
  else if (g_str_equal (page, "strategies"))
    /* A theme that no strategy addresses yet is shown as such, without a property. */
    csn_strategies_page_reveal (self->strategies_page, item, CSN_IS_THEME (item) ? NULL : property);
  else if (g_str_equal (page, "mechanisms"))
    csn_mechanisms_page_reveal (self->mechanisms_page, item, property);
  else if (g_str_equal (page, "actors"))
    csn_actors_page_reveal (self->actors_page, item, property);
  else if (g_str_equal (page, "delegations"))
    csn_delegations_page_reveal (self->delegations_page, item, property);
  else if (g_str_equal (page, "document"))
    csn_document_page_reveal (self->document_page, item, property);
  else
    csn_endorsements_page_reveal (self->endorsements_page, item, property);
}

void
_csn_window_notify_translation_mode (CsnWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSLATION_MODE]);
}

void
_csn_window_notify_reviewing (CsnWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWING]);
}
