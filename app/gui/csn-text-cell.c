/* csn-text-cell.c: a text field of an item: shown on up to two lines, edited on one, committed on Enter or when focus leaves. */
#define G_LOG_DOMAIN "csn-text-cell"

#include "config.h"

#include "csn-text-cell.h"
#include "csn-tooltip-util.h"

struct _CsnTextCell
{
  CsnCell         parent_instance;

  GtkInscription *text_label;
  /* Made when the cell is first edited: a list shows many more cells than anyone edits. */
  GtkEntry       *entry;
  char           *placeholder_text;
};

G_DEFINE_FINAL_TYPE (CsnTextCell, csn_text_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
commit (CsnTextCell *self)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  const char *text;

  if (self->entry == NULL || item == NULL || draft == NULL || csn_cell_is_updating (cell))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (g_strcmp0 (text, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (draft, item, csn_cell_get_property_name (cell), text);
}

static void
on_entry_activate_cb (CsnTextCell *self,
                      GtkEntry    *entry)
{
  commit (self);
}

/* Escape drops the edit: the field shows the draft's value again. */
static gboolean
on_key_pressed_cb (CsnTextCell           *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  csn_cell_update (CSN_CELL (self));
  return TRUE;
}

static const char *
get_text (CsnTextCell *self)
{
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));
  const char *text = item != NULL ? csn_item_get_string (item, csn_cell_get_property_name (CSN_CELL (self))) : NULL;

  return text != NULL ? text : "";
}

static void
set_entry_text (CsnTextCell *self,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      if (gtk_widget_get_focus_child (GTK_WIDGET (self->entry)) == NULL)
        gtk_editable_set_position (GTK_EDITABLE (self->entry), 0);
    }
}

static void
show_editor (CsnTextCell *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), TRUE);
}

static void
on_focus_enter_cb (CsnTextCell             *self,
                   GtkEventControllerFocus *controller)
{
  show_editor (self);
}

/* Once edited, the field shows its text again from the beginning, on up to two lines. */
static void
on_focus_leave_cb (CsnTextCell             *self,
                   GtkEventControllerFocus *controller)
{
  commit (self);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), 0);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), TRUE);
}

static GtkEntry *
ensure_entry (CsnTextCell *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  const char *label;

  if (self->entry != NULL)
    return self->entry;

  csn_cell_ensure_built (CSN_CELL (self));
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_has_frame (self->entry, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 6);
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_entry_set_placeholder_text (self->entry, self->placeholder_text);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), FALSE);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);

  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  label = csn_cell_get_label (CSN_CELL (self));
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  set_entry_text (self, get_text (self));
  return self->entry;
}

/* Starts editing with the cursor at the start and nothing selected, so that a key typed next does
 * not replace the text by accident. */
static gboolean
start_editing (CsnTextCell *self)
{
  ensure_entry (self);
  show_editor (self);
  if (!gtk_entry_grab_focus_without_selecting (self->entry))
    return FALSE;
  gtk_editable_set_position (GTK_EDITABLE (self->entry), 0);
  return TRUE;
}

static void
on_text_released_cb (CsnTextCell     *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  start_editing (self);
}

/* Tab into the field starts editing it; a focus already inside lets Tab move on. */
static gboolean
csn_text_cell_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  CsnTextCell *self = CSN_TEXT_CELL (widget);

  if (gtk_widget_get_focus_child (widget) != NULL || !gtk_widget_is_sensitive (widget))
    return FALSE;
  return start_editing (self);
}

/* Focused by the page (a new row, a revealed cell): the whole text is selected, to be typed over. */
static gboolean
csn_text_cell_grab_focus (GtkWidget *widget)
{
  CsnTextCell *self = CSN_TEXT_CELL (widget);

  csn_cell_ensure_updated (CSN_CELL (self));
  ensure_entry (self);
  show_editor (self);
  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
csn_text_cell_update (CsnCell *cell)
{
  CsnTextCell *self = CSN_TEXT_CELL (cell);
  const char *text = get_text (self);

  if (self->entry != NULL)
    set_entry_text (self, text);
  if (g_strcmp0 (gtk_inscription_get_text (self->text_label), text) != 0)
    gtk_inscription_set_text (self->text_label, text);
  /* The text cut short on two lines is read in full in the tooltip. */
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self), text);
}

static void
csn_text_cell_unbound (CsnCell *cell)
{
  /* A pending edit belongs to the item being unbound. */
  commit (CSN_TEXT_CELL (cell));
}

static GtkWidget *
csn_text_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (ensure_entry (CSN_TEXT_CELL (cell)));
}

static void
csn_text_cell_dispose (GObject *object)
{
  CsnTextCell *self = CSN_TEXT_CELL (object);

  csn_cell_unbind (CSN_CELL (object));
  if (self->entry != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->entry));
      self->entry = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_TEXT_CELL);

  G_OBJECT_CLASS (csn_text_cell_parent_class)->dispose (object);
}

static void
csn_text_cell_finalize (GObject *object)
{
  g_free (CSN_TEXT_CELL (object)->placeholder_text);

  G_OBJECT_CLASS (csn_text_cell_parent_class)->finalize (object);
}

static void
csn_text_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsnTextCell *self = CSN_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_text_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsnTextCell *self = CSN_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      if (g_strcmp0 (self->placeholder_text, g_value_get_string (value)) != 0)
        {
          g_free (self->placeholder_text);
          self->placeholder_text = g_value_dup_string (value);
          if (self->entry != NULL)
            gtk_entry_set_placeholder_text (self->entry, self->placeholder_text);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_text_cell_commit (CsnCell *cell)
{
  commit (CSN_TEXT_CELL (cell));
}

/* Rows out of sight show no text: their cells' inscriptions wait (see csn_cell_ensure_built()) */
static void
csn_text_cell_build (CsnCell *cell)
{
  gtk_widget_init_template (GTK_WIDGET (cell));
}

static void
csn_text_cell_class_init (CsnTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_text_cell_dispose;
  object_class->finalize = csn_text_cell_finalize;
  object_class->get_property = csn_text_cell_get_property;
  object_class->set_property = csn_text_cell_set_property;

  widget_class->focus = csn_text_cell_focus;
  widget_class->grab_focus = csn_text_cell_grab_focus;

  cell_class->update = csn_text_cell_update;
  cell_class->build = csn_text_cell_build;
  cell_class->commit = csn_text_cell_commit;
  cell_class->unbound = csn_text_cell_unbound;
  cell_class->get_control = csn_text_cell_get_control;
  /* The entry takes the cell's label when it is made. */
  cell_class->lazy_control = TRUE;

  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-text-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnTextCell, text_label);
  gtk_widget_class_bind_template_callback (widget_class, on_text_released_cb);
}

static void
csn_text_cell_init (CsnTextCell *self)
{
}

GtkWidget *
csn_text_cell_new (const char *property)
{
  return g_object_new (CSN_TYPE_TEXT_CELL, "property-name", property, NULL);
}
