/* csn-narrow-selection.c: a single selection that tells its list view only of the rows whose selection changed. */
#define G_LOG_DOMAIN "csn-narrow-selection"

#include "config.h"

#include "csn-narrow-selection.h"

/* GtkSingleSelection reports a new selection as a change of every position from the old selected
 * item to the new one, and GTK 4.8 unbinds and binds again every row it keeps in that range (up to
 * 200 rows, every cell of each): 4-5 ms on the large draft for selecting a far item. Only two rows
 * changed, the one that was selected and the one that is: this model wraps the selection the pages
 * work with and gives the list view those two. Everything else goes to the wrapped selection. */
struct _CsnNarrowSelection
{
  GObject             parent_instance;

  GtkSingleSelection *selection;
  guint               selected;  /* as last reported to the list view */
};

static void csn_narrow_selection_list_model_init      (GListModelInterface        *iface);
static void csn_narrow_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnNarrowSelection, csn_narrow_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, csn_narrow_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      csn_narrow_selection_selection_model_init))

static GType
get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (CSN_NARROW_SELECTION (model)->selection));
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (CSN_NARROW_SELECTION (model)->selection));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (CSN_NARROW_SELECTION (model)->selection), position);
}

static void
csn_narrow_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

#define WRAPPED(model) GTK_SELECTION_MODEL (CSN_NARROW_SELECTION (model)->selection)

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  return gtk_selection_model_is_selected (WRAPPED (model), position);
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  return gtk_selection_model_get_selection_in_range (WRAPPED (model), position, n_items);
}

static gboolean
select_item (GtkSelectionModel *model,
             guint              position,
             gboolean           unselect_rest)
{
  return gtk_selection_model_select_item (WRAPPED (model), position, unselect_rest);
}

static gboolean
unselect_item (GtkSelectionModel *model,
               guint              position)
{
  return gtk_selection_model_unselect_item (WRAPPED (model), position);
}

static gboolean
select_range (GtkSelectionModel *model,
              guint              position,
              guint              n_items,
              gboolean           unselect_rest)
{
  return gtk_selection_model_select_range (WRAPPED (model), position, n_items, unselect_rest);
}

static gboolean
unselect_range (GtkSelectionModel *model,
                guint              position,
                guint              n_items)
{
  return gtk_selection_model_unselect_range (WRAPPED (model), position, n_items);
}

static gboolean
select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (WRAPPED (model));
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (WRAPPED (model));
}

static gboolean
set_selection (GtkSelectionModel *model,
               GtkBitset         *selected,
               GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (WRAPPED (model), selected, mask);
}

static void
csn_narrow_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->select_range = select_range;
  iface->unselect_range = unselect_range;
  iface->select_all = select_all;
  iface->unselect_all = unselect_all;
  iface->set_selection = set_selection;
}

static void
on_items_changed_cb (CsnNarrowSelection *self,
                     guint               position,
                     guint               removed,
                     guint               added)
{
  /* Taken first: a handler of the emission may select again. */
  self->selected = gtk_single_selection_get_selected (self->selection);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static gboolean
in_range (guint position,
          guint start,
          guint n_items)
{
  return position >= start && position - start < n_items;
}

static void
on_selection_changed_cb (CsnNarrowSelection *self,
                         guint               position,
                         guint               n_items)
{
  guint before = self->selected;
  guint after = gtk_single_selection_get_selected (self->selection);
  gboolean known = (before != GTK_INVALID_LIST_POSITION || after != GTK_INVALID_LIST_POSITION) &&
                   (before == GTK_INVALID_LIST_POSITION || in_range (before, position, n_items)) &&
                   (after == GTK_INVALID_LIST_POSITION || in_range (after, position, n_items));

  self->selected = after;
  if (!known)
    {
      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_items);
      return;
    }
  if (before != GTK_INVALID_LIST_POSITION && before != after)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), before, 1);
  if (after != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), after, 1);
}

static void
csn_narrow_selection_dispose (GObject *object)
{
  CsnNarrowSelection *self = CSN_NARROW_SELECTION (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (csn_narrow_selection_parent_class)->dispose (object);
}

static void
csn_narrow_selection_class_init (CsnNarrowSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = csn_narrow_selection_dispose;
}

static void
csn_narrow_selection_init (CsnNarrowSelection *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
}

/**
 * csn_narrow_selection_new:
 * @selection: the selection the list's owner works with
 *
 * Returns: (transfer full): a model to give the list view in place of @selection
 */
GtkSelectionModel *
csn_narrow_selection_new (GtkSingleSelection *selection)
{
  CsnNarrowSelection *self;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);

  self = g_object_new (CSN_TYPE_NARROW_SELECTION, NULL);
  self->selection = g_object_ref (selection);
  self->selected = gtk_single_selection_get_selected (selection);
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  return GTK_SELECTION_MODEL (self);
}

GtkSingleSelection *
csn_narrow_selection_get_selection (CsnNarrowSelection *self)
{
  g_return_val_if_fail (CSN_IS_NARROW_SELECTION (self), NULL);

  return self->selection;
}
