/* csn-cell.c: base class of the editable cells, bound to one property of one item of a draft. */
#define G_LOG_DOMAIN "csn-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell.h"
#include "csn-in-place-editor.h"

typedef struct
{
  CsnDraft    *draft;
  CsnItem     *item;
  GtkListItem *list_item;  /* unowned: the row that shows the cell, while bound by a factory */
  char        *property;
  GQuark       property_quark;  /* the detail of its item's notify signal */
  char        *label;
  GQuark       label_quark;
  gulong       notify_id;
  guint        updating;
  gboolean     stale;      /* an update waits until the cell is shown */
  gboolean     unbind_pending;  /* its row was unbound: see csn_cell_unbind_list_item() */
  gboolean     built;      /* its class makes its children late (CsnCellClass.build), and made them */
  gboolean     build_queued;  /* laid out in sight: built at the next frame (see queue_build()) */
  struct SizeEstimate *estimate;  /* its kind's, once looked up: see get_size_estimate() */
} CsnCellPrivate;

/* What a built cell of a kind (its class and property) measured last, given as the size of the
 * cells of that kind not built yet. Their sizes do not depend on what they show (inscriptions,
 * checks): a row out of sight is measured, for its height and its columns' widths, without making
 * its cells' children. */
typedef struct SizeEstimate
{
  gboolean measured[2];
  int      minimum[2];
  int      natural[2];
  gboolean prototype;  /* a cell of the kind was built to be measured first */
} SizeEstimate;

static G_DEFINE_QUARK (csn-cell-size-estimate, size_estimate)

static void csn_cell_in_place_editor_init (CsnInPlaceEditorInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (CsnCell, csn_cell, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (CsnCell)
                                  G_IMPLEMENT_INTERFACE (CSN_TYPE_IN_PLACE_EDITOR, csn_cell_in_place_editor_init))

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_ITEM,
  PROP_PROPERTY_NAME,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint notify_signal_id;

static gboolean
replace_string (char       **pointer,
                const char  *value)
{
  if (g_strcmp0 (*pointer, value) == 0)
    return FALSE;
  g_free (*pointer);
  *pointer = g_strdup (value);
  return TRUE;
}

/* The estimate of the cells of @self's class that show the same property: a column's */
static SizeEstimate *
get_size_estimate (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);
  GType type = G_OBJECT_TYPE (self);
  GHashTable *estimates;
  SizeEstimate *estimate;

  /* Asked at every measure: looked up once a cell */
  if (priv->estimate != NULL)
    return priv->estimate;
  estimates = g_type_get_qdata (type, size_estimate_quark ());
  if (estimates == NULL)
    {
      /* Kept as long as the class */
      estimates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_type_set_qdata (type, size_estimate_quark (), estimates);
    }
  estimate = g_hash_table_lookup (estimates, GUINT_TO_POINTER (priv->property_quark));
  if (estimate == NULL)
    {
      estimate = g_new0 (SizeEstimate, 1);
      g_hash_table_insert (estimates, GUINT_TO_POINTER (priv->property_quark), estimate);
    }
  priv->estimate = estimate;
  return estimate;
}

static gboolean
is_built (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  return priv->built || CSN_CELL_GET_CLASS (self)->build == NULL;
}

static void
on_item_notify_cb (CsnCell    *self,
                   GParamSpec *pspec,
                   CsnItem    *item)
{
  csn_cell_update (self);
}

/* Clicking into a cell selects its row, so that the page's actions (remove, move) act on that row.
 * Only a click: focus also moves when the list recycles its rows, and must not select then. */
static void
on_click_pressed_cb (CsnCell         *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);
  GtkWidget *view;
  GtkSelectionModel *model;
  guint position = csn_cell_get_position (self);

  if (priv->item == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  if (view == NULL || (model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view))) == NULL)
    return;
  if (!gtk_selection_model_is_selected (model, position))
    gtk_selection_model_select_item (model, position, TRUE);
}

/* The label given to a control, on the control: a cell updates at every bind, its label does not
 * change. */
static G_DEFINE_QUARK (csn-cell-control-label, control_label)

static void
apply_label (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);
  GtkWidget *control;

  if (CSN_CELL_GET_CLASS (self)->lazy_control || !is_built (self))
    return;
  control = csn_cell_get_control (self);
  if (control == NULL || priv->label == NULL ||
      GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (control), control_label_quark ())) == priv->label_quark)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, priv->label,
                                  -1);
  g_object_set_qdata (G_OBJECT (control), control_label_quark (), GUINT_TO_POINTER (priv->label_quark));
}

static void
csn_cell_dispose (GObject *object)
{
  CsnCell *self = CSN_CELL (object);
  GtkWidget *child;

  csn_cell_unbind (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (csn_cell_parent_class)->dispose (object);
}

static void
csn_cell_finalize (GObject *object)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (CSN_CELL (object));

  g_free (priv->property);
  g_free (priv->label);

  G_OBJECT_CLASS (csn_cell_parent_class)->finalize (object);
}

static void
csn_cell_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsnCell *self = CSN_CELL (object);
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, priv->draft);
      break;
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
      break;
    case PROP_PROPERTY_NAME:
      g_value_set_string (value, priv->property);
      break;
    case PROP_LABEL:
      g_value_set_string (value, priv->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_cell_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CsnCell *self = CSN_CELL (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      csn_cell_set_property_name (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      csn_cell_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Laid out as a bin, except that a popover child (the list's shared chooser, opened from this cell)
 * is presented rather than allocated. */
static GtkSizeRequestMode
csn_cell_get_request_mode (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      return gtk_widget_get_request_mode (child);
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
csn_cell_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  CsnCell *self = CSN_CELL (widget);
  SizeEstimate *estimate = NULL;

  if (CSN_CELL_GET_CLASS (self)->build != NULL)
    {
      estimate = get_size_estimate (self);
      if (!is_built (self))
        {
          if (estimate->measured[orientation])
            {
              *minimum = estimate->minimum[orientation];
              *natural = estimate->natural[orientation];
              return;
            }
          csn_cell_ensure_built (self);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0, child_min_baseline = -1, child_nat_baseline = -1;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat,
                          &child_min_baseline, &child_nat_baseline);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
      if (child_min_baseline > -1)
        *minimum_baseline = MAX (*minimum_baseline, child_min_baseline);
      if (child_nat_baseline > -1)
        *natural_baseline = MAX (*natural_baseline, child_nat_baseline);
    }

  if (estimate != NULL)
    {
      estimate->measured[orientation] = TRUE;
      estimate->minimum[orientation] = *minimum;
      estimate->natural[orientation] = *natural;
    }
}

/* Cells laid out in sight before their children were made: they are made at the start of the next
 * frame, before its layout. Made during a layout, a cell asks again for its size, and GtkColumnView
 * then asks again the cells of its whole column and its header, those allocated already in this
 * layout too: they would be drawn without a size. A row scrolled into sight shows its cells a frame
 * later; GTK allocates the rows up to 200 pixels past the list's edges, so rows scrolled slowly into
 * sight were made before. */
#define BUILD_BUDGET_US 2500

static G_DEFINE_QUARK (csn-cell-cells-to-build, cells_to_build)

static void queue_build (CsnCell *self);

static void
on_update_cb (GdkFrameClock *frame_clock)
{
  g_autoptr(GPtrArray) cells = g_object_steal_qdata (G_OBJECT (frame_clock), cells_to_build_quark ());
  gint64 start = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (frame_clock, on_update_cb, NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      CsnCell *cell = g_ptr_array_index (cells, i);
      CsnCellPrivate *priv = csn_cell_get_instance_private (cell);

      priv->build_queued = FALSE;
      if (gtk_widget_get_root (GTK_WIDGET (cell)) == NULL)
        continue;
      /* A page of rows scrolled into sight at once is made over a few frames */
      if (g_get_monotonic_time () - start > BUILD_BUDGET_US)
        queue_build (cell);
      else
        csn_cell_ensure_built (cell);
    }
}

static void
queue_build (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  GPtrArray *cells;

  if (priv->build_queued || frame_clock == NULL)
    return;
  priv->build_queued = TRUE;
  cells = g_object_get_qdata (G_OBJECT (frame_clock), cells_to_build_quark ());
  if (cells == NULL)
    {
      cells = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_qdata_full (G_OBJECT (frame_clock), cells_to_build_quark (), cells,
                               (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (frame_clock, "update", G_CALLBACK (on_update_cb), NULL);
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
    }
  g_ptr_array_add (cells, g_object_ref (self));
}

static void
csn_cell_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  /* In sight: a cell whose children wait is made before the next layout */
  if (!is_built (CSN_CELL (widget)))
    {
      queue_build (CSN_CELL (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_present (GTK_POPOVER (child));
      else if (gtk_widget_should_layout (child))
        gtk_widget_allocate (child, width, height, baseline, NULL);
    }
}

/* An update asked for while the cell was hidden (a hidden page, a row out of view) is done when it
 * shows. */
static void
csn_cell_map (GtkWidget *widget)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (CSN_CELL (widget));

  GTK_WIDGET_CLASS (csn_cell_parent_class)->map (widget);
  if (priv->stale)
    csn_cell_update (CSN_CELL (widget));
}

/* Keyboard focus moving into a cell whose children wait */
static gboolean
csn_cell_focus (GtkWidget        *widget,
                GtkDirectionType  direction)
{
  csn_cell_ensure_built (CSN_CELL (widget));
  return GTK_WIDGET_CLASS (csn_cell_parent_class)->focus (widget, direction);
}

static void
csn_cell_constructed (GObject *object)
{
  CsnCell *self = CSN_CELL (object);

  G_OBJECT_CLASS (csn_cell_parent_class)->constructed (object);

  /* The first cell of a kind is built at once, to give the size of those that wait */
  if (CSN_CELL_GET_CLASS (self)->build != NULL)
    {
      SizeEstimate *estimate = get_size_estimate (self);

      if (!estimate->prototype)
        {
          estimate->prototype = TRUE;
          csn_cell_ensure_built (self);
        }
    }
}

static gboolean
csn_cell_grab_focus (GtkWidget *widget)
{
  GtkWidget *control;

  csn_cell_ensure_updated (CSN_CELL (widget));
  control = csn_cell_get_control (CSN_CELL (widget));

  if (control != NULL && control != widget)
    return gtk_widget_grab_focus (control);
  return GTK_WIDGET_CLASS (csn_cell_parent_class)->grab_focus (widget);
}

/* The focus is in the cell: a cell without commit has nothing under way (it commits every change). */
static gboolean
csn_cell_commit_edit (CsnInPlaceEditor *editor,
                      GtkWidget        *focus)
{
  if (CSN_CELL_GET_CLASS (editor)->commit != NULL)
    CSN_CELL_GET_CLASS (editor)->commit (CSN_CELL (editor));
  return TRUE;
}

static void
csn_cell_in_place_editor_init (CsnInPlaceEditorInterface *iface)
{
  iface->commit_edit = csn_cell_commit_edit;
}

static void
csn_cell_class_init (CsnCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  notify_signal_id = g_signal_lookup ("notify", G_TYPE_OBJECT);

  object_class->constructed = csn_cell_constructed;
  object_class->dispose = csn_cell_dispose;
  object_class->finalize = csn_cell_finalize;
  object_class->get_property = csn_cell_get_property;
  object_class->set_property = csn_cell_set_property;

  widget_class->grab_focus = csn_cell_grab_focus;
  widget_class->focus = csn_cell_focus;
  widget_class->get_request_mode = csn_cell_get_request_mode;
  widget_class->measure = csn_cell_measure;
  widget_class->size_allocate = csn_cell_size_allocate;
  widget_class->map = csn_cell_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CSN_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_cell_init (CsnCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* @list_item is known before the cell's first update: a cell that shows its row's place (the
 * position cell) reads it there instead of searching the draft's list. A cell given another item
 * out of sight shows it when it shows: GTK 4.8 binds again the 200 rows it keeps when a list jumps
 * (an item revealed, the end of the list), and hides all but the dozen rows in sight. Bound again to
 * the same item, it updates now: it may hold an edit not committed yet. */
static void
bind (CsnCell     *self,
      CsnDraft    *draft,
      CsnItem     *item,
      GtkListItem *list_item)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  if (priv->unbind_pending)
    {
      priv->unbind_pending = FALSE;
      if (priv->draft == draft && priv->item == item)
        {
          /* Its row's selection or place changed, not what the cell shows (a cell waiting to show its
           * item holds no edit: it goes on waiting while out of sight). */
          priv->list_item = list_item;
          if (priv->stale || CSN_CELL_GET_CLASS (self)->shows_position)
            csn_cell_queue_update (self);
          return;
        }
      csn_cell_unbind (self);
    }
  if (priv->draft == draft && priv->item == item)
    {
      if (list_item != NULL)
        priv->list_item = list_item;
      csn_cell_update (self);
      return;
    }

  csn_cell_unbind (self);

  g_set_object (&priv->draft, draft);
  g_set_object (&priv->item, item);
  priv->list_item = list_item;
  /* Connected by id and detail, with a plain closure (unbind disconnects it, dispose unbinds): GTK
   * binds again the 200 rows it keeps when a list jumps, some 2,000 cells, and parsing
   * "notify::property" and watching the cell was 15% of a cell's bind. */
  if (item != NULL && priv->property != NULL)
    priv->notify_id = g_signal_connect_closure_by_id (item, notify_signal_id, priv->property_quark,
                                                      g_cclosure_new_swap (G_CALLBACK (on_item_notify_cb),
                                                                           self, NULL),
                                                      FALSE);

  /* Binding may reset a control (a drop-down given a new model): nothing of that is an edit. */
  priv->updating++;
  if (CSN_CELL_GET_CLASS (self)->bound != NULL && is_built (self))
    CSN_CELL_GET_CLASS (self)->bound (self);
  priv->updating--;
  /* A row being made, not in the list yet, shows its item at once (its place, in sight or not, is
   * known later): it is made a few rows a frame. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    csn_cell_update (self);
  else
    csn_cell_queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
csn_cell_bind (CsnCell  *self,
               CsnDraft *draft,
               CsnItem  *item)
{
  g_return_if_fail (CSN_IS_CELL (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  bind (self, draft, item, NULL);
}

/* Binds the cell to the item of @list_item, the row that shows it, which gives its position. */
void
csn_cell_bind_list_item (CsnCell     *self,
                         CsnDraft    *draft,
                         GtkListItem *list_item)
{
  g_return_if_fail (CSN_IS_CELL (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  bind (self, draft, gtk_list_item_get_item (list_item), list_item);
}

void
csn_cell_unbind (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  priv->unbind_pending = FALSE;
  if (priv->item == NULL && priv->draft == NULL)
    return;

  if (CSN_CELL_GET_CLASS (self)->unbound != NULL && is_built (self))
    CSN_CELL_GET_CLASS (self)->unbound (self);
  if (priv->notify_id != 0)
    g_clear_signal_handler (&priv->notify_id, priv->item);
  priv->list_item = NULL;
  g_clear_object (&priv->item);
  g_clear_object (&priv->draft);
}

/* Cells whose rows were unbound, waiting for their next bind (see csn_cell_unbind_list_item()). */
static GPtrArray *unbinds_pending;

static gboolean
finish_unbinds_cb (gpointer user_data)
{
  g_autoptr(GPtrArray) cells = g_steal_pointer (&unbinds_pending);

  for (guint i = 0; i < cells->len; i++)
    {
      CsnCell *cell = g_ptr_array_index (cells, i);
      CsnCellPrivate *priv = csn_cell_get_instance_private (cell);

      if (priv->unbind_pending)
        csn_cell_unbind (cell);
    }
  return G_SOURCE_REMOVE;
}

/**
 * csn_cell_unbind_list_item:
 * @self: a cell a list item factory bound
 *
 * Unbinds the cell when its row is unbound, or keeps it as it is if the row is bound to the same item
 * at once. GTK 4.8 unbinds a row and binds it again to its item whenever its selection or its place
 * changes: a selection moved far or a row added near the top did that to every row between, up to
 * the 200 GTK keeps (undo on the large draft: 14 ms of its 23). The unbind waits for the next bind,
 * or the next idle if none comes.
 */
void
csn_cell_unbind_list_item (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (priv->unbind_pending || (priv->item == NULL && priv->draft == NULL))
    return;
  priv->unbind_pending = TRUE;
  if (unbinds_pending == NULL)
    {
      unbinds_pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_idle_add_full (G_PRIORITY_DEFAULT, finish_unbinds_cb, NULL, NULL);
    }
  g_ptr_array_add (unbinds_pending, g_object_ref (self));
}

CsnDraft *
csn_cell_get_draft (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), NULL);
  return priv->draft;
}

CsnItem *
csn_cell_get_item (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), NULL);
  return priv->item;
}

const char *
csn_cell_get_property_name (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), NULL);
  return priv->property;
}

void
csn_cell_set_property_name (CsnCell    *self,
                            const char *property)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));
  g_return_if_fail (priv->item == NULL);

  if (replace_string (&priv->property, property))
    {
      priv->property_quark = property != NULL ? g_quark_from_string (property) : 0;
      priv->estimate = NULL;  /* another kind's */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPERTY_NAME]);
    }
}

const char *
csn_cell_get_label (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), NULL);
  return priv->label;
}

void
csn_cell_set_label (CsnCell    *self,
                    const char *label)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (replace_string (&priv->label, label))
    {
      priv->label_quark = label != NULL ? g_quark_from_string (label) : 0;
      apply_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

/* gettext() of @msgid, looked up once into @translation: gettext reads the environment at every
 * call, and a list that binds its rows anew asks for some 2,000 names. The language is chosen once,
 * before the window opens. */
static const char *
translate_once (const char **translation,
                const char  *msgid) G_GNUC_FORMAT (2);

static const char *
translate_once (const char **translation,
                const char  *msgid)
{
  if (*translation == NULL)
    *translation = gettext (msgid);
  return *translation;
}

/**
 * csn_cell_dup_accessible_name:
 * @self: a cell with a label
 * @text: what the cell shows
 *
 * Returns: (transfer full) (nullable): the accessible name of a cell's control that shows @text
 *   ("Horizon: Short term"), or %NULL for a cell without a label
 */
char *
csn_cell_dup_accessible_name (CsnCell    *self,
                              const char *text)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);
  static const char *format;

  g_return_val_if_fail (CSN_IS_CELL (self), NULL);

  if (priv->label == NULL)
    return NULL;
  /* Translators: the accessible name of a cell with a value chosen from a list, "Horizon: Short term" */
  return g_strdup_printf (translate_once (&format, N_("%s: %s")), priv->label, text != NULL ? text : "");
}

GtkWidget *
csn_cell_get_control (CsnCell *self)
{
  g_return_val_if_fail (CSN_IS_CELL (self), NULL);

  csn_cell_ensure_built (self);
  if (CSN_CELL_GET_CLASS (self)->get_control != NULL)
    return CSN_CELL_GET_CLASS (self)->get_control (self);
  return gtk_widget_get_first_child (GTK_WIDGET (self));
}

/* TRUE while the cell shows a value from the model, or one it no longer has (an update waits
 * until the cell shows): what its control holds then must not be committed back. */
gboolean
csn_cell_is_updating (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), FALSE);
  return priv->updating > 0 || priv->stale;
}

void
csn_cell_update (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (!is_built (self))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  if (CSN_CELL_GET_CLASS (self)->update == NULL)
    return;
  if (priv->label != NULL)
    apply_label (self);
  priv->updating++;
  CSN_CELL_GET_CLASS (self)->update (self);
  priv->updating--;
}

/* Updates the cell now if it is shown, else when it next is: a change elsewhere in the draft
 * costs nothing in rows nobody sees. */
void
csn_cell_queue_update (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    csn_cell_update (self);
  else
    priv->stale = TRUE;
}

/* Updates the cell now if an update waits until it shows: it is about to be edited. */
void
csn_cell_ensure_updated (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (priv->stale)
    csn_cell_update (self);
}

/* The position of the cell's row in its list, or GTK_INVALID_LIST_POSITION when no list shows it. */
guint
csn_cell_get_position (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CELL (self), GTK_INVALID_LIST_POSITION);

  if (priv->list_item == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_list_item_get_position (priv->list_item);
}

gboolean
csn_cell_focus_control (CsnCell *self)
{
  g_return_val_if_fail (CSN_IS_CELL (self), FALSE);
  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

/**
 * csn_cell_ensure_built:
 * @self: a cell
 *
 * Makes the cell's children if its class makes them late and they are not made yet, and shows its
 * item in them.
 */
void
csn_cell_ensure_built (CsnCell *self)
{
  CsnCellPrivate *priv = csn_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CELL (self));

  if (is_built (self))
    return;
  priv->built = TRUE;
  CSN_CELL_GET_CLASS (self)->build (self);
  if (priv->item != NULL || priv->draft != NULL)
    {
      /* Bound while it waited: what binding does to its children is done now (not an edit) */
      if (CSN_CELL_GET_CLASS (self)->bound != NULL)
        {
          priv->updating++;
          CSN_CELL_GET_CLASS (self)->bound (self);
          priv->updating--;
        }
      priv->stale = TRUE;
    }
  if (priv->stale)
    csn_cell_update (self);
}

/* FALSE while the cell's class makes its children late and they wait */
gboolean
csn_cell_is_built (CsnCell *self)
{
  g_return_val_if_fail (CSN_IS_CELL (self), FALSE);
  return is_built (self);
}
