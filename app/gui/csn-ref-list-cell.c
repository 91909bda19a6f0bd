/* csn-ref-list-cell.c: the items of another list a field names, as a button that opens them with check buttons. */
#define G_LOG_DOMAIN "csn-ref-list-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-choice-popover.h"
#include "csn-ref-list-cell.h"
#include "csn-tooltip-util.h"

struct _CsnRefListCell
{
  CsnCell        parent_instance;

  GtkWidget     *button;
  GtkInscription *summary_label;

  CsnCollection  target;
};

G_DEFINE_FINAL_TYPE (CsnRefListCell, csn_ref_list_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_button_clicked_cb (CsnRefListCell *self,
                      GtkButton      *button)
{
  csn_ref_list_cell_popup (self);
}

static void
csn_ref_list_cell_update (CsnCell *cell)
{
  CsnRefListCell *self = CSN_REF_LIST_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  const char * const *keys = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *name = NULL;

  if (item != NULL)
    keys = csn_item_get_strv (item, csn_cell_get_property_name (cell));

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *title = draft != NULL ? csn_draft_dup_ref_title (draft, self->target, keys[i])
                                             : g_strdup (keys[i]);

      if (i > 0)
        {
          g_string_append (summary, ", ");
          g_string_append_c (tooltip, '\n');
        }
      /* Country codes are short and known; other items show their titles. */
      g_string_append (summary, self->target == CSN_COLLECTION_COUNTRIES ? keys[i] : title);
      g_string_append (tooltip, title);
    }

  if (summary->len == 0)
    {
      gtk_inscription_set_text (self->summary_label, _("None"));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
    }
  else
    {
      gtk_inscription_set_text (self->summary_label, summary->str);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "dim-label");
    }
  csn_widget_set_tooltip_lazily (self->button, tooltip->str);
  /* No tooltip over the open list. */
  if (csn_choice_popover_find_open (cell) != NULL)
    gtk_widget_set_has_tooltip (self->button, FALSE);
  name = csn_cell_dup_accessible_name (cell, gtk_inscription_get_text (self->summary_label));
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
csn_ref_list_cell_unbound (CsnCell *cell)
{
  CsnChoicePopover *popover = csn_choice_popover_find_open (cell);

  /* The row now shows another item: the list was opened for the one that goes. */
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
csn_ref_list_cell_get_control (CsnCell *cell)
{
  return CSN_REF_LIST_CELL (cell)->button;
}

static void
csn_ref_list_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_REF_LIST_CELL);

  G_OBJECT_CLASS (csn_ref_list_cell_parent_class)->dispose (object);
}

static void
csn_ref_list_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_uint (value, CSN_REF_LIST_CELL (object)->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_ref_list_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TARGET:
      CSN_REF_LIST_CELL (object)->target = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Rows out of sight show no summary: their cells' buttons wait (see csn_cell_ensure_built()) */
static void
csn_ref_list_cell_build (CsnCell *cell)
{
  CsnRefListCell *self = CSN_REF_LIST_CELL (cell);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

static void
csn_ref_list_cell_class_init (CsnRefListCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_ref_list_cell_dispose;
  object_class->get_property = csn_ref_list_cell_get_property;
  object_class->set_property = csn_ref_list_cell_set_property;

  cell_class->update = csn_ref_list_cell_update;
  cell_class->build = csn_ref_list_cell_build;
  cell_class->names_other_items = TRUE;
  cell_class->unbound = csn_ref_list_cell_unbound;
  cell_class->get_control = csn_ref_list_cell_get_control;

  properties[PROP_TARGET] =
    g_param_spec_uint ("target", NULL, NULL, 0, CSN_N_COLLECTIONS - 1, CSN_COLLECTION_COUNTRIES,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-ref-list-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnRefListCell, button);
  gtk_widget_class_bind_template_child (widget_class, CsnRefListCell, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
}

static void
csn_ref_list_cell_init (CsnRefListCell *self)
{
}

GtkWidget *
csn_ref_list_cell_new (const char    *property,
                       CsnCollection  target)
{
  return g_object_new (CSN_TYPE_REF_LIST_CELL,
                       "property-name", property,
                       "target", target,
                       NULL);
}

const char *
csn_ref_list_cell_get_summary (CsnRefListCell *self)
{
  g_return_val_if_fail (CSN_IS_REF_LIST_CELL (self), NULL);
  csn_cell_ensure_built (CSN_CELL (self));
  return gtk_inscription_get_text (self->summary_label);
}

/* Opens the list's popover on the items of the target list, each with a check button, as clicking
 * the cell does. */
void
csn_ref_list_cell_popup (CsnRefListCell *self)
{
  CsnDraft *draft;

  g_return_if_fail (CSN_IS_REF_LIST_CELL (self));

  draft = csn_cell_get_draft (CSN_CELL (self));
  if (draft == NULL || csn_cell_get_item (CSN_CELL (self)) == NULL)
    return;
  csn_cell_ensure_built (CSN_CELL (self));
  csn_choice_popover_tick (csn_choice_popover_get_shared (CSN_CELL (self)), CSN_CELL (self),
                           csn_draft_get_collection (draft, self->target));
}
