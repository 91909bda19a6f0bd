/* csn-label-cell.c: a read-only cell: a field's text, the size of a list field, or a reference's title. */
#define G_LOG_DOMAIN "csn-label-cell"

#include "config.h"

#include "csn-label-cell.h"
#include "csn-tooltip-util.h"

struct _CsnLabelCell
{
  CsnCell           parent_instance;

  GtkInscription   *inscription;

  CsnLabelCellMode  mode;
  CsnCollection     target;
};

G_DEFINE_FINAL_TYPE (CsnLabelCell, csn_label_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_MODE,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_label_cell_update (CsnCell *cell)
{
  CsnLabelCell *self = CSN_LABEL_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  const char *property = csn_cell_get_property_name (cell);
  g_autofree char *text = NULL;

  if (item != NULL)
    {
      switch (self->mode)
        {
        case CSN_LABEL_CELL_COUNT:
          {
            const char * const *keys = csn_item_get_strv (item, property);

            text = g_strdup_printf ("%u", keys != NULL ? g_strv_length ((char **) keys) : 0);
          }
          break;
        case CSN_LABEL_CELL_REF:
          if (draft != NULL)
            text = csn_draft_dup_ref_title (draft, self->target, csn_item_get_string (item, property));
          break;
        case CSN_LABEL_CELL_TITLE:
          text = csn_item_dup_title (item);
          break;
        case CSN_LABEL_CELL_TEXT:
        default:
          text = g_strdup (csn_item_get_string (item, property));
          break;
        }
    }

  gtk_inscription_set_text (self->inscription, text);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->inscription), self->mode != CSN_LABEL_CELL_COUNT ? text : NULL);
}

static GtkWidget *
csn_label_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_LABEL_CELL (cell)->inscription);
}

static void
csn_label_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_LABEL_CELL);

  G_OBJECT_CLASS (csn_label_cell_parent_class)->dispose (object);
}

static void
csn_label_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsnLabelCell *self = CSN_LABEL_CELL (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_uint (value, self->mode);
      break;
    case PROP_TARGET:
      g_value_set_uint (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_label_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsnLabelCell *self = CSN_LABEL_CELL (object);

  switch (prop_id)
    {
    case PROP_MODE:
      self->mode = g_value_get_uint (value);
      break;
    case PROP_TARGET:
      self->target = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Rows out of sight show no label: their cells' inscriptions wait (see csn_cell_ensure_built()) */
static void
csn_label_cell_build (CsnCell *cell)
{
  CsnLabelCell *self = CSN_LABEL_CELL (cell);

  gtk_widget_init_template (GTK_WIDGET (self));
  if (self->mode == CSN_LABEL_CELL_COUNT)
    {
      gtk_inscription_set_xalign (self->inscription, 0.5);
      gtk_widget_add_css_class (GTK_WIDGET (self->inscription), "numeric");
    }
}

static void
csn_label_cell_class_init (CsnLabelCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_label_cell_dispose;
  object_class->get_property = csn_label_cell_get_property;
  object_class->set_property = csn_label_cell_set_property;

  cell_class->update = csn_label_cell_update;
  cell_class->build = csn_label_cell_build;
  cell_class->names_other_items = TRUE;
  cell_class->get_control = csn_label_cell_get_control;

  properties[PROP_MODE] =
    g_param_spec_uint ("mode", NULL, NULL, CSN_LABEL_CELL_TEXT, CSN_LABEL_CELL_TITLE, CSN_LABEL_CELL_TEXT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET] =
    g_param_spec_uint ("target", NULL, NULL, 0, CSN_N_COLLECTIONS, CSN_COLLECTION_NONE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-label-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnLabelCell, inscription);
}

static void
csn_label_cell_init (CsnLabelCell *self)
{
}

GtkWidget *
csn_label_cell_new (const char       *property,
                    CsnLabelCellMode  mode,
                    CsnCollection     target)
{
  return g_object_new (CSN_TYPE_LABEL_CELL,
                       "property-name", property,
                       "mode", mode,
                       "target", target,
                       NULL);
}

const char *
csn_label_cell_get_text (CsnLabelCell *self)
{
  g_return_val_if_fail (CSN_IS_LABEL_CELL (self), NULL);
  csn_cell_ensure_built (CSN_CELL (self));
  return gtk_inscription_get_text (self->inscription);
}
