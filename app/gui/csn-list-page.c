/* csn-list-page.c: the base of the pages that list one collection of the draft with search, add, remove and reorder. */
#define G_LOG_DOMAIN "csn-list-page"

#include "config.h"

#include "csn-column-view-util.h"
#include "csn-list-page.h"
#include "csn-narrow-selection.h"
#include "csn-removal.h"
#include "csn-row-grower.h"
#include "csn-stack-util.h"

typedef struct
{
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;

  CsnDraft            *draft;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  /* Between the filter and the selection: a page shown for the first time gets its rows over
   * several frames. */
  CsnRowGrower        *grower;
  GtkSingleSelection  *selection;
  char                *search_text;
  gboolean             filtering;  /* the filter has its function: see update_filter() */
  gulong               changed_id;
  /* A page gets its rows when first shown (or asked for them), and catches up with the changes made
   * while it was hidden when shown again. */
  gboolean             bound;
  gboolean             stale;
} CsnListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CsnListPage, csn_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
refilter_cb (gpointer user_data)
{
  GtkFilter *filter = user_data;

  g_object_set_data (G_OBJECT (filter), "csn-refilter-pending", NULL);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* Filters again once the current edit is over: the edit may come from a cell of a row the new
 * filter removes, and a widget must not lose its row while it emits a signal. */
static void
refilter_later (GtkFilter *filter)
{
  if (g_object_get_data (G_OBJECT (filter), "csn-refilter-pending") != NULL)
    return;
  g_object_set_data (G_OBJECT (filter), "csn-refilter-pending", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_DEFAULT, refilter_cb, g_object_ref (filter), g_object_unref);
}

static guint
csn_list_page_real_count_items (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  if (priv->draft == NULL)
    return 0;
  return g_list_model_get_n_items (csn_draft_get_collection (priv->draft,
                                                             CSN_LIST_PAGE_GET_CLASS (self)->collection));
}

static void
set_action_enabled (CsnListPage *self,
                    const char  *action,
                    gboolean     enabled)
{
  g_autofree char *name = g_strconcat (CSN_LIST_PAGE_GET_CLASS (self)->action_prefix, ".", action, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

static gboolean
has_search (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  return priv->search_text != NULL && priv->search_text[0] != '\0';
}

static void
stop_growing (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  csn_row_grower_stop (priv->grower);
}

/* Shows the list, or the page saying it is empty or that nothing matches the search; the other two are
 * hidden, so that they are neither styled nor measured with the list (see csn-stack-util.c). */
static void
update_list_stack (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  if (priv->list_stack == NULL)
    return;
  if (CSN_LIST_PAGE_GET_CLASS (self)->count_items (self) == 0)
    csn_stack_show_only (priv->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model)) == 0)
    csn_stack_show_only (priv->list_stack, "no-results");
  else
    csn_stack_show_only (priv->list_stack, "list");
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  CsnListPage *self = user_data;
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);

  if (klass->match != NULL && !klass->match (self, item))
    return FALSE;
  /* The folded texts are kept by each item until it changes: a keystroke is a strstr() per item. */
  return csn_item_matches_search (item, klass->search_properties, priv->search_text);
}

/* The filter asks about each item only while something filters: with no search, and the subclass's
 * own condition letting every item through, its function is unset and it matches all without a
 * look, so the filter model takes the list as it is. For the 5,000 strategies of the large draft,
 * that is 5 M instructions less when the page first shows, 8 M when its search is cleared.
 * Setting or unsetting the function tells the filter model itself. */
static void
update_filter (CsnListPage     *self,
               GtkFilterChange  change)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);
  gboolean filtering = has_search (self) ||
                       (klass->match != NULL && (klass->matches_all == NULL || !klass->matches_all (self)));

  if (filtering == priv->filtering)
    {
      if (filtering)
        gtk_filter_changed (GTK_FILTER (priv->filter), change);
      return;
    }
  priv->filtering = filtering;
  if (filtering)
    gtk_custom_filter_set_filter_func (priv->filter, filter_item, self, NULL);
  else
    gtk_custom_filter_set_filter_func (priv->filter, NULL, NULL, NULL);
}

static void
on_filter_items_changed_cb (CsnListPage *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *model)
{
  update_list_stack (self);
  csn_list_page_update_actions (self);
}

static void
on_selection_changed_cb (CsnListPage        *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);

  if (klass->selection_changed != NULL)
    klass->selection_changed (self);
  csn_list_page_update_actions (self);
}

static void
on_draft_changed_cb (CsnListPage *self,
                     CsnDraft    *draft)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);

  if (!priv->bound)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;

  /* An edit may make an item match the search, or stop matching it. */
  if (has_search (self))
    csn_list_page_refilter_later (self);
  if (klass->draft_changed != NULL)
    klass->draft_changed (self);
  update_list_stack (self);
  csn_list_page_update_actions (self);
}

static void
on_search_changed_cb (CsnListPage    *self,
                      GtkSearchEntry *entry)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  g_autofree char *needle = csn_fold_search_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (needle, priv->search_text) == 0)
    return;
  /* A longer needle can only hide more items, a shorter one only show more: the filter then looks
   * only at the items shown, or only at those hidden. */
  if (priv->search_text != NULL && strstr (needle, priv->search_text) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (priv->search_text != NULL && strstr (priv->search_text, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (priv->search_text);
  priv->search_text = g_steal_pointer (&needle);
  stop_growing (self);
  update_filter (self, change);
}

static void
on_search_stop_cb (CsnListPage    *self,
                   GtkSearchEntry *entry)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CsnListPage *self = CSN_LIST_PAGE (widget);
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);

  if (priv->draft != NULL && klass->add != NULL)
    klass->add (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnListPage *self = CSN_LIST_PAGE (widget);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);
  CsnItem *item = csn_list_page_get_selected (self);
  guint position;

  if (csn_list_page_get_selected_position (self, &position))
    {
      g_autofree char *summary = klass->remove_item (self, item, position);

      csn_list_page_announce_removal (self, summary);
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  csn_list_page_move_selected (CSN_LIST_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  csn_list_page_move_selected (CSN_LIST_PAGE (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (CSN_LIST_PAGE (widget));

  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static gboolean
csn_list_page_real_can_add (CsnListPage *self)
{
  return csn_list_page_get_draft (self) != NULL;
}

/* The core removes the item with what belongs to it, and says what went. */
static char *
csn_list_page_real_remove_item (CsnListPage *self,
                                CsnItem     *item,
                                guint        position)
{
  g_autoptr(CsnRemoval) removal = csn_draft_remove_item (csn_list_page_get_draft (self), item);

  return removal != NULL ? g_strdup (csn_removal_get_message (removal)) : NULL;
}
static gboolean
csn_list_page_real_move_item (CsnListPage *self,
                              CsnItem     *item,
                              int          delta)
{
  return csn_column_view_move_item (csn_list_page_get_draft (self), CSN_LIST_PAGE_GET_CLASS (self)->collection,
                                    item, delta);
}

/* Gives the list its model (its rows) and the subclass the draft, once. */
static void
bind_draft (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);

  if (priv->bound || priv->column_view == NULL)
    return;
  priv->bound = TRUE;
  priv->stale = FALSE;
  if (klass->draft_set != NULL)
    klass->draft_set (self);
  if (priv->draft != NULL)
    csn_row_grower_start (priv->grower, GTK_WIDGET (priv->column_view));
  else
    stop_growing (self);
  update_filter (self, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_list_model_set_model (priv->filter_model,
                                   priv->draft != NULL ? csn_draft_get_collection (priv->draft, klass->collection)
                                                       : NULL);
  update_list_stack (self);
  csn_list_page_update_actions (self);
}

/* A page out of sight keeps its rows but hides its content: GTK 4.8 restyles the widgets of hidden
 * stack pages with the shown one (they are child-invisible, not invisible), and a page's lists of
 * 200 rows are thousands of widgets: each edit's frame took 5-8 ms more per list page once shown. */
static void
csn_list_page_unmap (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  GTK_WIDGET_CLASS (csn_list_page_parent_class)->unmap (widget);
  if (child != NULL)
    gtk_widget_set_visible (child, FALSE);
}

static void
csn_list_page_map (GtkWidget *widget)
{
  CsnListPage *self = CSN_LIST_PAGE (widget);
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  bind_draft (self);
  if (adw_bin_get_child (ADW_BIN (widget)) != NULL)
    gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (widget)), TRUE);
  GTK_WIDGET_CLASS (csn_list_page_parent_class)->map (widget);
  if (priv->stale && priv->draft != NULL)
    on_draft_changed_cb (self, priv->draft);
}

static void
csn_list_page_constructed (GObject *object)
{
  CsnListPage *self = CSN_LIST_PAGE (object);
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  g_autoptr(GtkSelectionModel) shown = NULL;

  G_OBJECT_CLASS (csn_list_page_parent_class)->constructed (object);

  g_assert (GTK_IS_COLUMN_VIEW (priv->column_view));
  shown = csn_narrow_selection_new (priv->selection);
  gtk_column_view_set_model (priv->column_view, shown);
  csn_column_view_enable_drop (GTK_WIDGET (priv->column_view), object, CSN_LIST_PAGE_GET_CLASS (self)->collection);

  update_list_stack (self);
  csn_list_page_update_actions (self);
  /* Hidden until first shown, as a page left is (see csn_list_page_unmap()): pages are made ahead,
   * and a page asked for its rows before it shows makes them out of sight. */
  if (adw_bin_get_child (ADW_BIN (self)) != NULL)
    gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), FALSE);
}

static void
csn_list_page_dispose (GObject *object)
{
  CsnListPage *self = CSN_LIST_PAGE (object);
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  csn_list_page_set_draft (self, NULL);
  stop_growing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (csn_list_page_parent_class)->dispose (object);
}

static void
csn_list_page_finalize (GObject *object)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (CSN_LIST_PAGE (object));

  g_free (priv->search_text);
  g_clear_object (&priv->grower);

  G_OBJECT_CLASS (csn_list_page_parent_class)->finalize (object);
}

static void
csn_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsnListPage *self = CSN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, csn_list_page_get_draft (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsnListPage *self = CSN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_list_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_list_page_class_init (CsnListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = csn_list_page_constructed;
  object_class->dispose = csn_list_page_dispose;
  object_class->finalize = csn_list_page_finalize;
  object_class->get_property = csn_list_page_get_property;
  object_class->set_property = csn_list_page_set_property;

  GTK_WIDGET_CLASS (klass)->map = csn_list_page_map;
  GTK_WIDGET_CLASS (klass)->unmap = csn_list_page_unmap;

  klass->count_items = csn_list_page_real_count_items;
  klass->can_add = csn_list_page_real_can_add;
  klass->remove_item = csn_list_page_real_remove_item;
  klass->move_item = csn_list_page_real_move_item;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An item was removed: @summary says what went, for a toast that offers to undo it. */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
csn_list_page_init (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  /* Until the list is given its items, it asks about each: see update_filter(). */
  priv->filter = gtk_custom_filter_new (filter_item, self, NULL);
  priv->filtering = TRUE;
  priv->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (priv->filter));
  priv->grower = csn_row_grower_new (G_LIST_MODEL (priv->filter_model));
  /* Kept by the grower from here on. */
  g_object_unref (priv->filter_model);
  priv->selection = gtk_single_selection_new (g_object_ref (csn_row_grower_get_model (priv->grower)));
  g_signal_connect_object (priv->filter_model, "items-changed",
                           G_CALLBACK (on_filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * csn_list_page_class_setup:
 *
 * Gives a subclass its template, whose `search_entry`, `list_stack` and `column_view` the base
 * binds with the search callbacks, and installs the `PREFIX.add`, `.remove`, `.move-up`,
 * `.move-down` and `.search` actions with their accelerators.
 */
void
csn_list_page_class_setup (CsnListPageClass   *klass,
                           const char         *resource,
                           const char         *action_prefix,
                           CsnCollection       collection,
                           const char * const *search_properties,
                           CsnListPageFlags    flags)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *add = g_strconcat (action_prefix, ".add", NULL);
  g_autofree char *remove = g_strconcat (action_prefix, ".remove", NULL);
  g_autofree char *move_up = g_strconcat (action_prefix, ".move-up", NULL);
  g_autofree char *move_down = g_strconcat (action_prefix, ".move-down", NULL);
  g_autofree char *search = g_strconcat (action_prefix, ".search", NULL);

  g_return_if_fail (CSN_IS_LIST_PAGE_CLASS (klass));

  klass->collection = collection;
  klass->action_prefix = action_prefix;
  klass->search_properties = search_properties;

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE,
                                             G_PRIVATE_OFFSET (CsnListPage, search_entry));
  gtk_widget_class_bind_template_child_full (widget_class, "list_stack", FALSE,
                                             G_PRIVATE_OFFSET (CsnListPage, list_stack));
  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_PRIVATE_OFFSET (CsnListPage, column_view));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, add, NULL, add_action);
  gtk_widget_class_install_action (widget_class, remove, NULL, remove_action);
  gtk_widget_class_install_action (widget_class, move_up, NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, move_down, NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, search, NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, add, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, add, NULL);
  if (!(flags & CSN_LIST_PAGE_OWN_MOVE_KEYS))
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_up, NULL);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_down, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search, NULL);
}

CsnDraft *
csn_list_page_get_draft (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), NULL);
  return priv->draft;
}

void
csn_list_page_set_draft (CsnListPage *self,
                         CsnDraft    *draft)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass;

  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (priv->draft == draft)
    return;

  klass = CSN_LIST_PAGE_GET_CLASS (self);
  if (priv->draft != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->draft);
  if (priv->bound)
    {
      stop_growing (self);
      gtk_filter_list_model_set_model (priv->filter_model, NULL);
      if (klass->draft_leaving != NULL)
        klass->draft_leaving (self);
      priv->bound = FALSE;
    }

  g_set_object (&priv->draft, draft);

  if (draft != NULL)
    priv->changed_id = g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  /* A hidden page makes its rows when it is first shown: a window opens with only its first page. */
  if (draft == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_draft (self);
  else
    {
      update_list_stack (self);
      csn_list_page_update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* Makes the page's rows now, if it has a draft it did not show yet (a page about to be shown, or
 * built ahead while the window is idle). */
void
csn_list_page_prepare (CsnListPage *self)
{
  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  bind_draft (self);
}

/* Whether the page made its rows for its draft. */
gboolean
csn_list_page_is_prepared (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), FALSE);
  return priv->bound;
}

CsnItem *
csn_list_page_get_selected (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (priv->selection);
}

/* Where the selected item is in the draft's list: FALSE if nothing is selected. A page that filters
 * nothing lists the draft's items in their order, so the selected row gives it; the draft's table of
 * positions is made again after each change of the list, 3.5 M instructions for the large draft's
 * strategies (a strategy added, its addition undone). */
gboolean
csn_list_page_get_selected_position (CsnListPage *self,
                                     guint       *position)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnItem *item;
  guint shown_at;

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), FALSE);

  item = csn_list_page_get_selected (self);
  if (priv->draft == NULL || item == NULL)
    return FALSE;
  shown_at = csn_row_grower_get_source_position (priv->grower, gtk_single_selection_get_selected (priv->selection));
  if (priv->filtering || shown_at == GTK_INVALID_LIST_POSITION)
    return csn_draft_find_position (priv->draft, CSN_LIST_PAGE_GET_CLASS (self)->collection, item, position);
  if (position != NULL)
    *position = shown_at;
  return TRUE;
}

/* While @held, the page's list gets the rows in sight and no more: the page draws something else
 * over the next frames (see csn_row_grower_set_held()). */
void
csn_list_page_set_growth_held (CsnListPage *self,
                               gboolean     held)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  csn_row_grower_set_held (priv->grower, held);
}

GtkColumnView *
csn_list_page_get_column_view (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), NULL);
  return priv->column_view;
}

GtkSingleSelection *
csn_list_page_get_selection (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_LIST_PAGE (self), NULL);
  return priv->selection;
}

void
csn_list_page_clear_search (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
}

/* For a subclass whose own filter condition changed. */
void
csn_list_page_refilter (CsnListPage *self)
{
  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  update_filter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
csn_list_page_refilter_later (CsnListPage *self)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);

  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  refilter_later (GTK_FILTER (priv->filter));
}

void
csn_list_page_update_actions (CsnListPage *self)
{
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);
  guint position = 0;
  guint n_items = csn_list_page_real_count_items (self);
  gboolean found;

  g_return_if_fail (CSN_IS_LIST_PAGE (self));

  found = csn_list_page_get_selected_position (self, &position);

  set_action_enabled (self, "add", klass->can_add (self));
  set_action_enabled (self, "remove", found);
  set_action_enabled (self, "move-up", found && position > 0);
  set_action_enabled (self, "move-down", found && position + 1 < n_items);
  if (klass->update_actions != NULL)
    klass->update_actions (self, found);
}

/* Refreshes the empty or no-results state and the actions, after a subclass's own filter changed. */
void
csn_list_page_update (CsnListPage *self)
{
  g_return_if_fail (CSN_IS_LIST_PAGE (self));

  update_list_stack (self);
  csn_list_page_update_actions (self);
}

/* Moves the selected item @delta places, keeping it selected and its cell focused. */
void
csn_list_page_move_selected (CsnListPage *self,
                             int          delta)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  g_autoptr(CsnItem) item = NULL;

  g_return_if_fail (CSN_IS_LIST_PAGE (self));

  if (priv->draft == NULL || csn_list_page_get_selected (self) == NULL)
    return;
  item = g_object_ref (csn_list_page_get_selected (self));
  if (CSN_LIST_PAGE_GET_CLASS (self)->move_item (self, item, delta))
    csn_list_page_reveal_item (self, item, csn_column_view_get_focus_property (GTK_WIDGET (priv->column_view)));
}

/* Inserts @item after the selected one (or last), clearing the search, and starts editing @property. */
void
csn_list_page_add_item (CsnListPage *self,
                        CsnItem     *item,
                        const char  *property)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnCollection collection;
  guint position;

  g_return_if_fail (CSN_IS_LIST_PAGE (self));
  g_return_if_fail (CSN_IS_ITEM (item));

  if (priv->draft == NULL)
    return;
  bind_draft (self);

  collection = CSN_LIST_PAGE_GET_CLASS (self)->collection;
  if (csn_list_page_get_selected_position (self, &position))
    position++;
  else
    position = g_list_model_get_n_items (csn_draft_get_collection (priv->draft, collection));

  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  csn_draft_insert (priv->draft, collection, position, item);
  csn_list_page_reveal_item (self, item, property);
}

/* Selects @item, dropping the search (and the subclass's filter) if they hide it, and focuses @property. */
void
csn_list_page_reveal_item (CsnListPage *self,
                           CsnItem     *item,
                           const char  *property)
{
  CsnListPagePrivate *priv = csn_list_page_get_instance_private (self);
  CsnListPageClass *klass = CSN_LIST_PAGE_GET_CLASS (self);
  guint position;

  g_return_if_fail (CSN_IS_LIST_PAGE (self));

  if (item == NULL)
    return;
  bind_draft (self);
  position = csn_column_view_find_item (G_LIST_MODEL (priv->filter_model), item);
  /* The item may be past the rows given so far: they grow around it. */
  csn_row_grower_reveal (priv->grower, position);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      stop_growing (self);
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      g_clear_pointer (&priv->search_text, g_free);
      if (klass->clear_filter != NULL)
        klass->clear_filter (self, item);
      update_filter (self, GTK_FILTER_CHANGE_LESS_STRICT);
    }
  csn_column_view_reveal_cell (GTK_WIDGET (priv->column_view), priv->selection, item, property);
}

/* Says that the page removed something, in words for a toast with Undo. */
void
csn_list_page_announce_removal (CsnListPage *self,
                                const char  *summary)
{
  g_return_if_fail (CSN_IS_LIST_PAGE (self));

  if (summary != NULL)
    g_signal_emit (self, signals[REMOVED], 0, summary);
}
