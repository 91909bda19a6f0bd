/* csn-strategies-page.c: the strategies assigned to each theme and to actors. */
#define G_LOG_DOMAIN "csn-strategies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-drop-down-util.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-list-page.h"
#include "csn-position-cell.h"
#include "csn-position.h"
#include "csn-positions-list.h"
#include "csn-ref-cell.h"
#include "csn-ref-list-cell.h"
#include "csn-stance-strip.h"
#include "csn-strategies-page.h"
#include "csn-strategy.h"
#include "csn-text-cell.h"
#include "csn-theme.h"

struct _CsnStrategiesPage
{
  CsnListPage          parent_instance;

  GtkDropDown         *theme_filter;
  GtkButton           *add_button;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *theme_column;
  GtkColumnViewColumn *description_column;
  GtkColumnViewColumn *mechanism_column;
  GtkColumnViewColumn *lead_column;
  GtkColumnViewColumn *support_column;
  GtkColumnViewColumn *horizon_column;
  GtkColumnViewColumn *notes_column;
  GtkColumnViewColumn *stances_column;
  CsnPositionsList    *positions_list;

  char                *theme_key;     /* the theme shown, or NULL for all */
  char                *columns;       /* "actors" or "positions" */
  GPtrArray           *actor_columns; /* the lead's and support's, held while out of the view */
  /* The theme filter's list makes its rows for the draft's themes (up to 200) when it opens, not
   * when the page first shows: until then the filter has only its first choice, "All themes".
   * GTK 4.8's drop-down makes rows for the choices it is given even while closed: on the large
   * draft the page's first-show call took 24.2–29.2 ms with them, 19.9–22.6 ms without. */
  GtkWidget           *theme_popover;   /* the filter's own, unowned */
  GListModel          *theme_choices;   /* "All themes", then the draft's themes */
};

G_DEFINE_FINAL_TYPE (CsnStrategiesPage, csn_strategies_page, CSN_TYPE_LIST_PAGE)

enum {
  PROP_0,
  PROP_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
find_column (GtkColumnView       *view,
             GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other == column)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The lead and supporting actors and the positions' strips do not both fit at 1366 pixels: the
 * page shows one or the other. Hidden columns still take their width in GTK 4.8's column view,
 * so the actors' columns leave the view rather than hide. */
static void
update_columns (CsnStrategiesPage *self)
{
  GtkColumnView *view = csn_list_page_get_column_view (CSN_LIST_PAGE (self));
  gboolean positions = g_strcmp0 (self->columns, "positions") == 0;
  guint shown = find_column (view, self->lead_column);

  if (positions && shown != GTK_INVALID_LIST_POSITION)
    {
      gtk_column_view_remove_column (view, self->lead_column);
      gtk_column_view_remove_column (view, self->support_column);
    }
  else if (!positions && shown == GTK_INVALID_LIST_POSITION)
    {
      guint after = find_column (view, self->mechanism_column) + 1;

      gtk_column_view_insert_column (view, after, self->lead_column);
      gtk_column_view_insert_column (view, after + 1, self->support_column);
    }
  gtk_column_view_column_set_visible (self->stances_column, positions);
}

static const char * const search_properties[] = { CSN_STRATEGY_PROP_DESCRIPTION, CSN_STRATEGY_PROP_NOTES, NULL };

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
  csn_list_page_refilter (CSN_LIST_PAGE (self));
}

static gboolean
csn_strategies_page_match (CsnListPage *page,
                           CsnItem     *strategy)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (page);

  return self->theme_key == NULL || g_strcmp0 (csn_strategy_get_theme (CSN_STRATEGY (strategy)), self->theme_key) == 0;
}

static gboolean
csn_strategies_page_matches_all (CsnListPage *page)
{
  return CSN_STRATEGIES_PAGE (page)->theme_key == NULL;
}

static void
csn_strategies_page_clear_filter (CsnListPage *page,
                                  CsnItem     *strategy)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (page);

  if (!csn_strategies_page_match (page, strategy))
    gtk_drop_down_set_selected (self->theme_filter, 0);
}

static gboolean
csn_strategies_page_can_add (CsnListPage *page)
{
  CsnDraft *draft = csn_list_page_get_draft (page);

  return draft != NULL && g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES)) > 0;
}

static void
csn_strategies_page_add (CsnListPage *page)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (page);
  CsnDraft *draft = csn_list_page_get_draft (page);
  CsnItem *selected = csn_list_page_get_selected (page);
  g_autoptr(CsnItem) first = NULL;
  g_autoptr(CsnStrategy) strategy = NULL;
  const char *theme = self->theme_key;

  if (theme == NULL && csn_list_page_get_selected_position (page, NULL))
    theme = csn_strategy_get_theme (CSN_STRATEGY (selected));
  if (theme == NULL)
    {
      first = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES), 0);
      if (first == NULL)
        return;
      theme = csn_item_get_key (first);
    }

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  strategy = g_object_new (CSN_TYPE_STRATEGY, CSN_STRATEGY_PROP_THEME, theme, NULL);
  csn_list_page_add_item (page, CSN_ITEM (strategy), CSN_STRATEGY_PROP_DESCRIPTION);
}

static void
csn_strategies_page_draft_changed (CsnListPage *page)
{
  /* A strategy moved to another theme leaves the one shown. */
  if (CSN_STRATEGIES_PAGE (page)->theme_key != NULL)
    csn_list_page_refilter_later (page);
}

static void
csn_strategies_page_selection_changed (CsnListPage *page)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (page);

  csn_positions_list_bind (self->positions_list, csn_list_page_get_draft (page), csn_list_page_get_selected (page));
}

static void
csn_strategies_page_draft_leaving (CsnListPage *page)
{
  /* The positions' cells commit pending edits to the old draft before it goes. */
  csn_positions_list_bind (CSN_STRATEGIES_PAGE (page)->positions_list, NULL, NULL);
}

/* Gives the theme filter all its choices, if it had only its first; the choice stays. */
static void
ensure_theme_choices (CsnStrategiesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->theme_filter);

  if (self->theme_choices == NULL || gtk_drop_down_get_model (self->theme_filter) == self->theme_choices)
    return;
  gtk_drop_down_set_model (self->theme_filter, self->theme_choices);
  gtk_drop_down_set_selected (self->theme_filter, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
csn_strategies_page_draft_set (CsnListPage *page)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (page);
  CsnDraft *draft = csn_list_page_get_draft (page);
  g_autoptr(GtkStringList) all_list = NULL;

  g_clear_object (&self->theme_choices);
  if (draft != NULL)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      const char * const all[] = { _("All themes"), NULL };

      all_list = gtk_string_list_new (all);
      g_list_store_append (parts, all_list);
      g_list_store_append (parts, csn_draft_get_collection (draft, CSN_COLLECTION_THEMES));
      self->theme_choices = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
    }
  /* Closed, the filter shows "All themes" alone (the same object as in all its choices). */
  gtk_drop_down_set_model (self->theme_filter, all_list != NULL && !gtk_widget_get_visible (self->theme_popover)
                                               ? G_LIST_MODEL (all_list) : self->theme_choices);
  gtk_drop_down_set_selected (self->theme_filter, 0);
  csn_strategies_page_selection_changed (page);
}

static void
csn_strategies_page_finalize (GObject *object)
{
  g_clear_object (&CSN_STRATEGIES_PAGE (object)->theme_choices);
  g_free (CSN_STRATEGIES_PAGE (object)->theme_key);
  g_free (CSN_STRATEGIES_PAGE (object)->columns);
  g_clear_pointer (&CSN_STRATEGIES_PAGE (object)->actor_columns, g_ptr_array_unref);
  G_OBJECT_CLASS (csn_strategies_page_parent_class)->finalize (object);
}

static void
csn_strategies_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLUMNS:
      g_value_set_string (value, CSN_STRATEGIES_PAGE (object)->columns);
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
  switch (prop_id)
    {
    case PROP_COLUMNS:
      csn_strategies_page_set_columns (CSN_STRATEGIES_PAGE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_strategies_page_class_init (CsnStrategiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = csn_strategies_page_finalize;
  object_class->get_property = csn_strategies_page_get_property;
  object_class->set_property = csn_strategies_page_set_property;

  /* What the columns after the horizon show: "actors" (lead and support) or "positions". */
  properties[PROP_COLUMNS] =
    g_param_spec_string ("columns", NULL, NULL, "actors",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->match = csn_strategies_page_match;
  page_class->matches_all = csn_strategies_page_matches_all;
  page_class->clear_filter = csn_strategies_page_clear_filter;
  page_class->can_add = csn_strategies_page_can_add;
  page_class->add = csn_strategies_page_add;
  page_class->draft_changed = csn_strategies_page_draft_changed;
  page_class->draft_set = csn_strategies_page_draft_set;
  page_class->draft_leaving = csn_strategies_page_draft_leaving;
  page_class->selection_changed = csn_strategies_page_selection_changed;

  g_type_ensure (CSN_TYPE_POSITIONS_LIST);

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-strategies-page.ui",
                             "strategies", CSN_COLLECTION_STRATEGIES, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, theme_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, description_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, mechanism_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, lead_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, support_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, horizon_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, notes_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, stances_column);
  gtk_widget_class_bind_template_child (widget_class, CsnStrategiesPage, positions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_filter_selected_cb);
  gtk_widget_class_install_property_action (widget_class, "strategies.columns", "columns");
}

/* The drop-down's list, to give the filter its themes when it opens. */
static void
find_theme_popover (CsnStrategiesPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->theme_filter));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        self->theme_popover = child;
        g_signal_connect_object (child, "show", G_CALLBACK (ensure_theme_choices), self, G_CONNECT_SWAPPED);
        return;
      }
  g_assert_not_reached ();
}

static void
csn_strategies_page_init (CsnStrategiesPage *self)
{
  GObject *page = G_OBJECT (self);
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  csn_drop_down_setup (self->theme_filter, csn_ref_cell_dup_object_title, 12, 28);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (csn_ref_cell_dup_object_title), NULL, NULL);
  gtk_drop_down_set_expression (self->theme_filter, expression);
  find_theme_popover (self);

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_STRATEGIES, NULL);
  csn_cell_factory_set_column (self->theme_column, page, CSN_TYPE_REF_CELL,
                               "property-name", CSN_STRATEGY_PROP_THEME,
                               "target", CSN_COLLECTION_THEMES,
                               "label", _("Theme of the strategy"), NULL);
  csn_cell_factory_set_column (self->description_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_STRATEGY_PROP_DESCRIPTION,
                               "label", _("Description of the strategy"), NULL);
  csn_cell_factory_set_column (self->mechanism_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_MECHANISM_KIND,
                               "property-name", CSN_STRATEGY_PROP_MECHANISM,
                               "label", _("Mechanism"), NULL);
  csn_cell_factory_set_column (self->lead_column, page, CSN_TYPE_REF_CELL,
                               "property-name", CSN_STRATEGY_PROP_LEAD,
                               "target", CSN_COLLECTION_ACTORS,
                               "allow-none", TRUE,
                               "label", _("Lead actor"), NULL);
  csn_cell_factory_set_column (self->support_column, page, CSN_TYPE_REF_LIST_CELL,
                               "property-name", CSN_STRATEGY_PROP_SUPPORT,
                               "target", CSN_COLLECTION_ACTORS,
                               "label", _("Supporting actors"), NULL);
  csn_cell_factory_set_column (self->horizon_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_HORIZON,
                               "property-name", CSN_STRATEGY_PROP_HORIZON,
                               "label", _("Horizon"), NULL);
  csn_cell_factory_set_column (self->notes_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_STRATEGY_PROP_NOTES,
                               "label", _("Notes"), NULL);
  /* No editor of their own: the strips share their list's, made when first needed. */
  csn_cell_factory_set_column (self->stances_column, page, CSN_TYPE_STANCE_STRIP, "editor", NULL, NULL);
  /* Kept while out of the view. */
  self->actor_columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->actor_columns, g_object_ref (self->lead_column));
  g_ptr_array_add (self->actor_columns, g_object_ref (self->support_column));
  self->columns = g_strdup ("actors");
  update_columns (self);
}

GtkWidget *
csn_strategies_page_new (void)
{
  return g_object_new (CSN_TYPE_STRATEGIES_PAGE, NULL);
}

void
csn_strategies_page_reveal (CsnStrategiesPage *self,
                            CsnItem           *item,
                            const char        *property)
{
  CsnDraft *draft;

  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  draft = csn_list_page_get_draft (CSN_LIST_PAGE (self));
  if (item == NULL || draft == NULL)
    return;

  /* A theme without strategies (from the Overview): show its strategies, ready to add one. */
  if (CSN_IS_THEME (item))
    {
      guint position;

      if (!csn_draft_find_position (draft, CSN_COLLECTION_THEMES, item, &position))
        return;
      csn_list_page_clear_search (CSN_LIST_PAGE (self));
      ensure_theme_choices (self);
      gtk_drop_down_set_selected (self->theme_filter, position + 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }

  /* A position, or the positions on a strategy: the page shows them. */
  if (CSN_IS_POSITION (item) || g_strcmp0 (property, "positions") == 0)
    csn_strategies_page_set_columns (self, "positions");

  /* A position shows in the list of the positions on its strategy. */
  if (CSN_IS_POSITION (item))
    {
      CsnItem *strategy = csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES,
                                            csn_position_get_item (CSN_POSITION (item)));

      if (strategy == NULL)
        return;
      csn_list_page_reveal_item (CSN_LIST_PAGE (self), strategy, NULL);
      csn_positions_list_reveal (self->positions_list, item, property);
      return;
    }

  if (CSN_IS_STRATEGY (item) && g_strcmp0 (property, "positions") == 0)
    {
      csn_list_page_reveal_item (CSN_LIST_PAGE (self), item, NULL);
      csn_positions_list_reveal (self->positions_list, NULL, NULL);
    }
  else if (CSN_IS_STRATEGY (item))
    csn_list_page_reveal_item (CSN_LIST_PAGE (self), item, property != NULL ? property : CSN_STRATEGY_PROP_DESCRIPTION);
}

const char *
csn_strategies_page_get_columns (CsnStrategiesPage *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGIES_PAGE (self), NULL);
  return self->columns;
}

/* Shows the lead and supporting actors ("actors") or the positions ("positions"). */
void
csn_strategies_page_set_columns (CsnStrategiesPage *self,
                                 const char        *columns)
{
  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (g_strcmp0 (columns, "actors") == 0 || g_strcmp0 (columns, "positions") == 0);

  if (g_strcmp0 (self->columns, columns) == 0)
    return;
  g_free (self->columns);
  self->columns = g_strdup (columns);
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}
