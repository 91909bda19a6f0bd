/* csn-positions-list.c: the member states' positions on one item, with their comments, editable in place. */
#define G_LOG_DOMAIN "csn-positions-list"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-column-view-util.h"
#include "csn-date-cell.h"
#include "csn-enum-cell.h"
#include "csn-label-cell.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-positions-list.h"
#include "csn-text-cell.h"

struct _CsnPositionsList
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *stance_column;
  GtkColumnViewColumn *comment_column;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *received_column;

  /* The item's positions in the order of the member states: rows stay while their stance or
   * comment is edited, so that the cell being edited keeps the focus. */
  GListStore          *positions;
  GtkSingleSelection  *selection;
  CsnDraft            *draft;
  CsnItem             *item;
  CsnPositionIndex    *index;
  gulong               index_changed_id;
  gboolean             compact;
};

G_DEFINE_FINAL_TYPE (CsnPositionsList, csn_positions_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_ITEM,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (CsnPositionsList *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "positions.remove",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

/* Replaces the rows only when the item's positions are others than those shown. */
static void
refresh (CsnPositionsList *self)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  GListModel *shown = G_LIST_MODEL (self->positions);
  guint n_shown = g_list_model_get_n_items (shown);
  gboolean same;

  if (self->index != NULL && self->item != NULL)
    {
      CsnPosition * const *positions = csn_position_index_get_positions (self->index,
                                                                         csn_item_get_key (self->item));
      guint n_members = csn_position_index_get_n_members (self->index);

      for (guint i = 0; positions != NULL && i < n_members; i++)
        if (positions[i] != NULL)
          g_ptr_array_add (wanted, positions[i]);
    }

  same = wanted->len == n_shown;
  for (guint i = 0; same && i < n_shown; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (shown, i);

      same = row == g_ptr_array_index (wanted, i);
    }
  if (!same)
    g_list_store_splice (self->positions, 0, n_shown, wanted->pdata, wanted->len);

  gtk_stack_set_visible_child_name (self->stack, self->item == NULL ? "none" : wanted->len > 0 ? "list" : "empty");
  update_actions (self);
}

static void
on_index_changed_cb (CsnPositionsList *self,
                     CsnPositionIndex *index)
{
  refresh (self);
}

static void
on_selection_changed_cb (CsnPositionsList   *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  update_actions (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnPositionsList *self = CSN_POSITIONS_LIST (widget);
  CsnItem *position = gtk_single_selection_get_selected_item (self->selection);

  if (self->draft != NULL && position != NULL)
    csn_draft_forget_position (self->draft, CSN_POSITION (position));
}

static void
csn_positions_list_dispose (GObject *object)
{
  CsnPositionsList *self = CSN_POSITIONS_LIST (object);

  GtkWidget *child;

  csn_positions_list_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_POSITIONS_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->positions);

  G_OBJECT_CLASS (csn_positions_list_parent_class)->dispose (object);
}

static void
csn_positions_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsnPositionsList *self = CSN_POSITIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_positions_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsnPositionsList *self = CSN_POSITIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      /* Where a position came from and when: in the strip's tooltip and the stance editor. */
      gtk_column_view_column_set_visible (self->source_column, !self->compact);
      gtk_column_view_column_set_visible (self->received_column, !self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_positions_list_class_init (CsnPositionsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_positions_list_dispose;
  object_class->get_property = csn_positions_list_get_property;
  object_class->set_property = csn_positions_list_set_property;

  /* Read by the cells, which edit this draft. */
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CSN_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* A narrow pane's list: the country, the stance and the comment only. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-positions-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, stack);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, stance_column);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, comment_column);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, source_column);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionsList, received_column);

  gtk_widget_class_install_action (widget_class, "positions.remove", NULL, remove_action);
}

static void
csn_positions_list_init (CsnPositionsList *self)
{
  GObject *list = G_OBJECT (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->positions = g_list_store_new (CSN_TYPE_POSITION);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->positions)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  csn_cell_factory_set_column (self->country_column, list, CSN_TYPE_LABEL_CELL,
                               "property-name", CSN_POSITION_PROP_COUNTRY,
                               "mode", CSN_LABEL_CELL_REF,
                               "target", CSN_COLLECTION_COUNTRIES,
                               "label", _("Member state"), NULL);
  csn_cell_factory_set_column (self->stance_column, list, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_STANCE,
                               "property-name", CSN_POSITION_PROP_STANCE,
                               "label", _("Stance"), NULL);
  csn_cell_factory_set_column (self->comment_column, list, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_POSITION_PROP_COMMENT,
                               "label", _("Comment of the delegation"), NULL);
  csn_cell_factory_set_column (self->source_column, list, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_POSITION_SOURCE,
                               "property-name", CSN_POSITION_PROP_SOURCE,
                               "label", _("Where the position came from"), NULL);
  csn_cell_factory_set_column (self->received_column, list, CSN_TYPE_DATE_CELL,
                               "property-name", CSN_POSITION_PROP_RECEIVED,
                               "label", _("Date the position was received"), NULL);

  refresh (self);
}

/* Shows the positions on @item of @draft; NULL for none. */
void
csn_positions_list_bind (CsnPositionsList *self,
                         CsnDraft         *draft,
                         CsnItem          *item)
{
  g_return_if_fail (CSN_IS_POSITIONS_LIST (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (draft == NULL)
    item = NULL;

  if (draft != self->draft)
    {
      /* Rows bound to the old draft commit their pending edits before it goes. */
      g_list_store_remove_all (self->positions);
      if (self->index != NULL)
        g_clear_signal_handler (&self->index_changed_id, self->index);
      self->index = draft != NULL ? csn_position_index_get_for_draft (draft) : NULL;
      if (self->index != NULL)
        self->index_changed_id = g_signal_connect_object (self->index, "changed", G_CALLBACK (on_index_changed_cb),
                                                          self, G_CONNECT_SWAPPED);
      g_set_object (&self->draft, draft);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
    }
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  refresh (self);
}

CsnDraft *
csn_positions_list_get_draft (CsnPositionsList *self)
{
  g_return_val_if_fail (CSN_IS_POSITIONS_LIST (self), NULL);
  return self->draft;
}

CsnItem *
csn_positions_list_get_item (CsnPositionsList *self)
{
  g_return_val_if_fail (CSN_IS_POSITIONS_LIST (self), NULL);
  return self->item;
}

/* The positions shown: CsnPosition objects in the order of the member states. */
GListModel *
csn_positions_list_get_model (CsnPositionsList *self)
{
  g_return_val_if_fail (CSN_IS_POSITIONS_LIST (self), NULL);
  return G_LIST_MODEL (self->positions);
}

CsnItem *
csn_positions_list_get_selected (CsnPositionsList *self)
{
  g_return_val_if_fail (CSN_IS_POSITIONS_LIST (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects @position and focuses the cell of its @property (the stance when NULL). */
void
csn_positions_list_reveal (CsnPositionsList *self,
                           CsnItem          *position,
                           const char       *property)
{
  g_return_if_fail (CSN_IS_POSITIONS_LIST (self));
  g_return_if_fail (position == NULL || CSN_IS_POSITION (position));

  if (position == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return;
    }
  csn_column_view_reveal_cell (GTK_WIDGET (self->column_view), self->selection, position,
                               property != NULL ? property : CSN_POSITION_PROP_STANCE);
}
