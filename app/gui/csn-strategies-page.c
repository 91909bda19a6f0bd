/* csn-strategies-page.c: the strategies assigned to each theme and to actors. */
#define G_LOG_DOMAIN "csn-strategies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-list-util.h"
#include "csn-position-cell.h"
#include "csn-ref-cell.h"
#include "csn-ref-list-cell.h"
#include "csn-strategies-page.h"
#include "csn-strategy.h"
#include "csn-theme.h"
#include "csn-text-cell.h"

struct _CsnStrategiesPage
{
  AdwBin               parent_instance;

  GtkDropDown         *theme_filter;
  GtkButton           *add_button;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *theme_column;
  GtkColumnViewColumn *description_column;
  GtkColumnViewColumn *mechanism_column;
  GtkColumnViewColumn *lead_column;
  GtkColumnViewColumn *support_column;
  GtkColumnViewColumn *horizon_column;
  GtkColumnViewColumn *notes_column;

  CsnDraft            *draft;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  char                *search_text;
  char                *theme_key;     /* the theme shown, or NULL for all */
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CsnStrategiesPage, csn_strategies_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const search_properties[] = { "description", "notes", NULL };

static CsnItem *
get_selected (CsnStrategiesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CsnStrategiesPage *self)
{
  CsnItem *strategy = get_selected (self);
  guint position = 0, n_items = 0;
  gboolean found = FALSE;
  gboolean has_themes = FALSE;

  if (self->draft != NULL)
    {
      has_themes = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_THEMES)) > 0;
      n_items = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES));
      if (strategy != NULL)
        found = csn_draft_find_position (self->draft, CSN_COLLECTION_STRATEGIES, strategy, &position);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategies.add", has_themes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategies.remove", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategies.move-up", found && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategies.move-down", found && position + 1 < n_items);
}

static void
update_list_stack (CsnStrategiesPage *self)
{
  guint n_all = 0;

  if (self->draft != NULL)
    n_all = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
filter_strategy (gpointer item,
                 gpointer user_data)
{
  CsnStrategiesPage *self = user_data;

  if (self->theme_key != NULL && g_strcmp0 (csn_item_get_string (item, "theme"), self->theme_key) != 0)
    return FALSE;
  return csn_list_item_matches (item, self->search_text, search_properties);
}

static void
on_filter_items_changed_cb (CsnStrategiesPage *self,
                            guint              position,
                            guint              removed,
                            guint              added,
                            GListModel        *model)
{
  update_list_stack (self);
  update_actions (self);
}

static void
on_selection_changed_cb (CsnStrategiesPage  *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  update_actions (self);
}

static void
on_draft_changed_cb (CsnStrategiesPage *self,
                     CsnDraft          *draft)
{
  /* A strategy moved to another theme leaves the one shown; an edit may change what matches. */
  if (self->theme_key != NULL || (self->search_text != NULL && self->search_text[0] != '\0'))
    csn_list_refilter_later (GTK_FILTER (self->filter));
  update_list_stack (self);
  update_actions (self);
}

static void
on_search_changed_cb (CsnStrategiesPage *self,
                      GtkSearchEntry    *entry)
{
  g_free (self->search_text);
  self->search_text = csn_list_fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (CsnStrategiesPage *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_theme_filter_selected_cb (CsnStrategiesPage *self,
                             GParamSpec        *pspec,
                             GtkDropDown       *drop_down)
{
  GObject *chosen = gtk_drop_down_get_selected_item (drop_down);
  const char *key = NULL;

  if (chosen != NULL && CSN_IS_ITEM (chosen))
    key = csn_item_get_key (CSN_ITEM (chosen));
  if (g_strcmp0 (key, self->theme_key) == 0)
    return;

  g_free (self->theme_key);
  self->theme_key = g_strdup (key);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_theme_filter_model (CsnStrategiesPage *self)
{
  g_autoptr(GListModel) choices = NULL;

  if (self->draft != NULL)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      const char * const all[] = { _("All themes"), NULL };
      g_autoptr(GtkStringList) all_list = gtk_string_list_new (all);

      g_list_store_append (parts, all_list);
      g_list_store_append (parts, csn_draft_get_collection (self->draft, CSN_COLLECTION_THEMES));
      choices = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
    }
  gtk_drop_down_set_model (self->theme_filter, choices);
  gtk_drop_down_set_selected (self->theme_filter, 0);
}

static void
reveal (CsnStrategiesPage *self,
        CsnItem           *strategy,
        const char        *property)
{
  if (strategy == NULL)
    return;
  if (csn_list_find_item (G_LIST_MODEL (self->filter_model), strategy) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_text, g_free);
      if (self->theme_key != NULL &&
          g_strcmp0 (csn_item_get_string (strategy, "theme"), self->theme_key) != 0)
        gtk_drop_down_set_selected (self->theme_filter, 0);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  csn_list_reveal_cell (GTK_WIDGET (self->column_view), self->selection, strategy, property);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (widget);
  g_autoptr(CsnStrategy) strategy = NULL;
  CsnItem *selected = get_selected (self);
  const char *theme = self->theme_key;
  guint position;

  if (self->draft == NULL)
    return;

  position = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES));
  if (selected != NULL && csn_draft_find_position (self->draft, CSN_COLLECTION_STRATEGIES, selected, &position))
    {
      position++;
      if (theme == NULL)
        theme = csn_item_get_string (selected, "theme");
    }
  if (theme == NULL)
    {
      GListModel *themes = csn_draft_get_collection (self->draft, CSN_COLLECTION_THEMES);
      g_autoptr(CsnItem) first = g_list_model_get_item (themes, 0);

      if (first == NULL)
        return;
      theme = csn_item_get_key (first);
    }

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  strategy = g_object_new (CSN_TYPE_STRATEGY, "theme", theme, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  csn_draft_insert (self->draft, CSN_COLLECTION_STRATEGIES, position, CSN_ITEM (strategy));
  reveal (self, CSN_ITEM (strategy), "description");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (widget);
  CsnItem *strategy = get_selected (self);
  guint position;

  if (self->draft != NULL && strategy != NULL &&
      csn_draft_find_position (self->draft, CSN_COLLECTION_STRATEGIES, strategy, &position))
    csn_draft_remove (self->draft, CSN_COLLECTION_STRATEGIES, position);
}

static void
move (CsnStrategiesPage *self,
      int                delta)
{
  g_autoptr(CsnItem) strategy = NULL;

  if (get_selected (self) == NULL)
    return;
  strategy = g_object_ref (get_selected (self));
  if (csn_list_move_item (self->draft, CSN_COLLECTION_STRATEGIES, strategy, delta))
    reveal (self, strategy, csn_list_get_focus_property (GTK_WIDGET (self->column_view)));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CSN_STRATEGIES_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (CSN_STRATEGIES_PAGE (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CSN_STRATEGIES_PAGE (widget)->search_entry));
}

static void
csn_strategies_page_dispose (GObject *object)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  csn_strategies_page_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_STRATEGIES_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (csn_strategies_page_parent_class)->dispose (object);
}

static void
csn_strategies_page_finalize (GObject *object)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  g_free (self->search_text);
  g_free (self->theme_key);

  G_OBJECT_CLASS (csn_strategies_page_parent_class)->finalize (object);
}

static void
csn_strategies_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_strategies_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_strategies_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_strategies_page_class_init (CsnStrategiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_strategies_page_dispose;
  object_class->finalize = csn_strategies_page_finalize;
  object_class->get_property = csn_strategies_page_get_property;
  object_class->set_property = csn_strategies_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-strategies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, theme_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, description_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, mechanism_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, lead_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, support_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, horizon_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, notes_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_filter_selected_cb);

  gtk_widget_class_install_action (widget_class, "strategies.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "strategies.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "strategies.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "strategies.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "strategies.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "strategies.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "strategies.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "strategies.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "strategies.search", NULL);
}

static void
csn_strategies_page_init (CsnStrategiesPage *self)
{
  GObject *page = G_OBJECT (self);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (csn_ref_cell_dup_object_title), NULL, NULL);
  gtk_drop_down_set_expression (self->theme_filter, expression);

  self->filter = gtk_custom_filter_new (filter_strategy, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  factory = csn_list_cell_factory_new (page, CSN_TYPE_POSITION_CELL,
                                       "collection", CSN_COLLECTION_STRATEGIES, NULL);
  gtk_column_view_column_set_factory (self->position_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_REF_CELL,
                                       "property-name", "theme",
                                       "target", CSN_COLLECTION_THEMES,
                                       "label", _("Theme of the strategy"), NULL);
  gtk_column_view_column_set_factory (self->theme_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "description",
                                       "label", _("Description of the strategy"), NULL);
  gtk_column_view_column_set_factory (self->description_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_ENUM_CELL,
                                       "enum-type", CSN_TYPE_MECHANISM_KIND,
                                       "property-name", "mechanism",
                                       "label", _("Mechanism"), NULL);
  gtk_column_view_column_set_factory (self->mechanism_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_REF_CELL,
                                       "property-name", "lead",
                                       "target", CSN_COLLECTION_ACTORS,
                                       "allow-none", TRUE,
                                       "label", _("Lead actor"), NULL);
  gtk_column_view_column_set_factory (self->lead_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_REF_LIST_CELL,
                                       "property-name", "support",
                                       "target", CSN_COLLECTION_ACTORS,
                                       "label", _("Supporting actors"), NULL);
  gtk_column_view_column_set_factory (self->support_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_ENUM_CELL,
                                       "enum-type", CSN_TYPE_HORIZON,
                                       "property-name", "horizon",
                                       "label", _("Horizon"), NULL);
  gtk_column_view_column_set_factory (self->horizon_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "notes",
                                       "label", _("Notes"), NULL);
  gtk_column_view_column_set_factory (self->notes_column, factory);
  g_clear_object (&factory);

  csn_list_enable_drop (GTK_WIDGET (self->column_view), page, CSN_COLLECTION_STRATEGIES);

  update_list_stack (self);
  update_actions (self);
}

GtkWidget *
csn_strategies_page_new (void)
{
  return g_object_new (CSN_TYPE_STRATEGIES_PAGE, NULL);
}

CsnDraft *
csn_strategies_page_get_draft (CsnStrategiesPage *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGIES_PAGE (self), NULL);
  return self->draft;
}

void
csn_strategies_page_set_draft (CsnStrategiesPage *self,
                               CsnDraft          *draft)
{
  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_id, self->draft);
  gtk_filter_list_model_set_model (self->filter_model, NULL);

  g_set_object (&self->draft, draft);

  if (draft != NULL)
    self->changed_id = g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  if (self->column_view != NULL)
    {
      set_theme_filter_model (self);
      gtk_filter_list_model_set_model (self->filter_model,
                                       draft != NULL ? csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES)
                                                     : NULL);
      update_list_stack (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_strategies_page_reveal (CsnStrategiesPage *self,
                            CsnItem           *item,
                            const char        *property)
{
  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || self->draft == NULL)
    return;

  /* A theme without strategies (from the Overview): show its strategies, ready to add one. */
  if (CSN_IS_THEME (item))
    {
      guint position;

      if (!csn_draft_find_position (self->draft, CSN_COLLECTION_THEMES, item, &position))
        return;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->theme_filter, position + 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }

  if (CSN_IS_STRATEGY (item))
    reveal (self, item, property != NULL ? property : "description");
}
