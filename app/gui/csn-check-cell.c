/* csn-check-cell.c: a check button that says whether a key is in a list field of an item. */
#define G_LOG_DOMAIN "csn-check-cell"

#include "config.h"

#include "csn-check-cell.h"

struct _CsnCheckCell
{
  CsnCell         parent_instance;

  GtkCheckButton *button;

  char           *key;
};

G_DEFINE_FINAL_TYPE (CsnCheckCell, csn_check_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_button_toggled_cb (CsnCheckCell   *self,
                      GtkCheckButton *button)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  gboolean active = gtk_check_button_get_active (button);

  if (item == NULL || draft == NULL || self->key == NULL || csn_cell_is_updating (cell))
    return;

  if (active != csn_item_strv_contains (item, csn_cell_get_property_name (cell), self->key))
    csn_draft_set_in_list (draft, item, csn_cell_get_property_name (cell), self->key, active);
}

static void
csn_check_cell_update (CsnCell *cell)
{
  CsnCheckCell *self = CSN_CHECK_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  gboolean active = FALSE;

  if (item != NULL && self->key != NULL)
    active = csn_item_strv_contains (item, csn_cell_get_property_name (cell), self->key);
  gtk_check_button_set_active (self->button, active);
}

/* A Theme Matrix row has eleven check cells: those of the rows GTK keeps out of sight wait */
static void
csn_check_cell_build (CsnCell *cell)
{
  gtk_widget_init_template (GTK_WIDGET (cell));
}

static GtkWidget *
csn_check_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_CHECK_CELL (cell)->button);
}

static void
csn_check_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_CHECK_CELL);

  G_OBJECT_CLASS (csn_check_cell_parent_class)->dispose (object);
}

static void
csn_check_cell_finalize (GObject *object)
{
  g_free (CSN_CHECK_CELL (object)->key);

  G_OBJECT_CLASS (csn_check_cell_parent_class)->finalize (object);
}

static void
csn_check_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, CSN_CHECK_CELL (object)->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_check_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KEY:
      csn_check_cell_set_key (CSN_CHECK_CELL (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_check_cell_class_init (CsnCheckCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_check_cell_dispose;
  object_class->finalize = csn_check_cell_finalize;
  object_class->get_property = csn_check_cell_get_property;
  object_class->set_property = csn_check_cell_set_property;

  cell_class->update = csn_check_cell_update;
  cell_class->get_control = csn_check_cell_get_control;
  cell_class->build = csn_check_cell_build;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-check-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnCheckCell, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_toggled_cb);
}

static void
csn_check_cell_init (CsnCheckCell *self)
{
}

GtkWidget *
csn_check_cell_new (const char *property,
                    const char *key)
{
  return g_object_new (CSN_TYPE_CHECK_CELL,
                       "property-name", property,
                       "key", key,
                       NULL);
}

const char *
csn_check_cell_get_key (CsnCheckCell *self)
{
  g_return_val_if_fail (CSN_IS_CHECK_CELL (self), NULL);
  return self->key;
}

void
csn_check_cell_set_key (CsnCheckCell *self,
                        const char   *key)
{
  g_return_if_fail (CSN_IS_CHECK_CELL (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;
  g_free (self->key);
  self->key = g_strdup (key);
  csn_cell_update (CSN_CELL (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

void
csn_check_cell_set_text (CsnCheckCell *self,
                         const char   *text)
{
  g_return_if_fail (CSN_IS_CHECK_CELL (self));
  csn_cell_ensure_built (CSN_CELL (self));
  gtk_check_button_set_label (self->button, text);
}

GtkCheckButton *
csn_check_cell_get_button (CsnCheckCell *self)
{
  g_return_val_if_fail (CSN_IS_CHECK_CELL (self), NULL);
  csn_cell_ensure_built (CSN_CELL (self));
  return self->button;
}
