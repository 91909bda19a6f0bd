/* csn-enum-cell.c: a drop-down over the translated labels of an enumeration field. */
#define G_LOG_DOMAIN "csn-enum-cell"

#include "config.h"

#include "csn-drop-down-util.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"

struct _CsnEnumCell
{
  CsnCell      parent_instance;

  GtkDropDown *drop_down;

  GType        enum_type;
  GArray      *values;     /* int: the enum value shown at each position */
};

G_DEFINE_FINAL_TYPE (CsnEnumCell, csn_enum_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_ENUM_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_drop_down_selected_cb (CsnEnumCell *self,
                          GParamSpec  *pspec,
                          GtkDropDown *drop_down)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  guint selected = gtk_drop_down_get_selected (drop_down);
  int value;

  if (item == NULL || draft == NULL || csn_cell_is_updating (cell) || selected >= self->values->len)
    return;

  value = g_array_index (self->values, int, selected);
  if (value != csn_item_get_enum (item, csn_cell_get_property_name (cell)))
    csn_draft_set_enum (draft, item, csn_cell_get_property_name (cell), value);
}

static void
csn_enum_cell_update (CsnCell *cell)
{
  CsnEnumCell *self = CSN_ENUM_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  guint position = GTK_INVALID_LIST_POSITION;

  if (item != NULL)
    {
      int value = csn_item_get_enum (item, csn_cell_get_property_name (cell));

      for (guint i = 0; i < self->values->len; i++)
        if (g_array_index (self->values, int, i) == value)
          position = i;
    }
  if (gtk_drop_down_get_selected (self->drop_down) != position)
    gtk_drop_down_set_selected (self->drop_down, position);
}

static GtkWidget *
csn_enum_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_ENUM_CELL (cell)->drop_down);
}

static char *
dup_label (GObject *choice)
{
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));
}

static void
csn_enum_cell_constructed (GObject *object)
{
  CsnEnumCell *self = CSN_ENUM_CELL (object);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) enum_class = NULL;
  int longest = 1;

  G_OBJECT_CLASS (csn_enum_cell_parent_class)->constructed (object);

  g_return_if_fail (G_TYPE_IS_ENUM (self->enum_type));

  enum_class = g_type_class_ref (self->enum_type);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      int value = enum_class->values[i].value;
      const char *label = csn_enum_get_label (self->enum_type, value);

      g_array_append_val (self->values, value);
      gtk_string_list_append (labels, label);
      longest = MAX (longest, (int) g_utf8_strlen (label, -1));
    }
  /* The button fits the longest label of the interface's language (bold), on two lines if it is
   * long: nothing is cut. */
  csn_drop_down_setup (self->drop_down, dup_label, MIN (longest + 1, 13), MIN (longest + 1, 13));
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (labels));
  csn_cell_update (CSN_CELL (self));
}

static void
csn_enum_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_ENUM_CELL);

  G_OBJECT_CLASS (csn_enum_cell_parent_class)->dispose (object);
}

static void
csn_enum_cell_finalize (GObject *object)
{
  g_array_unref (CSN_ENUM_CELL (object)->values);

  G_OBJECT_CLASS (csn_enum_cell_parent_class)->finalize (object);
}

static void
csn_enum_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ENUM_TYPE:
      g_value_set_gtype (value, CSN_ENUM_CELL (object)->enum_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_enum_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ENUM_TYPE:
      CSN_ENUM_CELL (object)->enum_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_enum_cell_class_init (CsnEnumCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->constructed = csn_enum_cell_constructed;
  object_class->dispose = csn_enum_cell_dispose;
  object_class->finalize = csn_enum_cell_finalize;
  object_class->get_property = csn_enum_cell_get_property;
  object_class->set_property = csn_enum_cell_set_property;

  cell_class->update = csn_enum_cell_update;
  cell_class->get_control = csn_enum_cell_get_control;

  properties[PROP_ENUM_TYPE] =
    g_param_spec_gtype ("enum-type", NULL, NULL, G_TYPE_ENUM,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-enum-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnEnumCell, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_down_selected_cb);
}

static void
csn_enum_cell_init (CsnEnumCell *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* In a table the drop-down's button is flat, like the other cells. */
  gtk_widget_add_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->drop_down)), "flat");
}

GtkWidget *
csn_enum_cell_new (GType       enum_type,
                   const char *property)
{
  return g_object_new (CSN_TYPE_ENUM_CELL,
                       "enum-type", enum_type,
                       "property-name", property,
                       NULL);
}

GtkDropDown *
csn_enum_cell_get_drop_down (CsnEnumCell *self)
{
  g_return_val_if_fail (CSN_IS_ENUM_CELL (self), NULL);
  return self->drop_down;
}
