/* csn-choice-cell.c: the base of the cells that show one value chosen from a list: a button with
 * the value, and the list's shared popover to choose another. */
#define G_LOG_DOMAIN "csn-choice-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-choice-cell.h"
#include "csn-choice-popover.h"
#include "csn-tooltip-util.h"

typedef struct
{
  GtkWidget      *button;
  GtkInscription *label;
  int             width_chars;      /* 0: the inscription's own */
  int             max_width_chars;
} CsnChoiceCellPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CsnChoiceCell, csn_choice_cell, CSN_TYPE_CELL)

static void
on_chosen_cb (CsnCell *cell,
              GObject *choice)
{
  CsnChoiceCell *self = CSN_CHOICE_CELL (cell);

  if (csn_cell_get_item (cell) == NULL || csn_cell_get_draft (cell) == NULL || csn_cell_is_updating (cell))
    return;
  CSN_CHOICE_CELL_GET_CLASS (self)->choose (self, choice);
}

static void
on_button_clicked_cb (CsnChoiceCell *self,
                      GtkButton     *button)
{
  csn_choice_cell_popup (self);
}

static void
csn_choice_cell_unbound (CsnCell *cell)
{
  CsnChoicePopover *popover = csn_choice_popover_find_open (cell);

  /* The row now shows another item: the list was opened for the one that goes. */
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
csn_choice_cell_get_control (CsnCell *cell)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (CSN_CHOICE_CELL (cell));

  return priv->button;
}

static void
csn_choice_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  /* Not gtk_widget_dispose_template (): the template is the subclass's (see
   * csn_choice_cell_class_set_template ()), and CsnCell unparents the button. */

  G_OBJECT_CLASS (csn_choice_cell_parent_class)->dispose (object);
}

/* Rows out of sight show no value: their cells' buttons wait (see csn_cell_ensure_built()). */
static void
csn_choice_cell_build (CsnCell *cell)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (CSN_CHOICE_CELL (cell));

  gtk_widget_init_template (GTK_WIDGET (cell));
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (priv->button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  if (priv->width_chars > 0)
    {
      gtk_inscription_set_min_chars (priv->label, priv->width_chars);
      gtk_inscription_set_nat_chars (priv->label, priv->max_width_chars);
    }
}

static void
csn_choice_cell_class_init (CsnChoiceCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_choice_cell_dispose;

  cell_class->unbound = csn_choice_cell_unbound;
  cell_class->get_control = csn_choice_cell_get_control;
  cell_class->build = csn_choice_cell_build;
}

/**
 * csn_choice_cell_class_set_template:
 * @widget_class: the class of a final subclass of CsnChoiceCell
 *
 * Gives the subclass the choice cell's template (csn-choice-cell.ui), under its own name and
 * parent. A cell is built when it first comes into sight, and GTK 4.8 builds then only the template
 * of the instance's own class: the template cannot stay with CsnChoiceCell.
 */
void
csn_choice_cell_class_set_template (GtkWidgetClass *widget_class)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/consenso/Consenso/ui/csn-choice-cell.ui",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) xml = NULL;
  g_autofree char *template_attributes = g_strdup_printf ("class=\"%s\" parent=\"CsnChoiceCell\"",
                                                          G_OBJECT_CLASS_NAME (widget_class));
  g_autoptr(GBytes) template = NULL;

  g_return_if_fail (bytes != NULL);

  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (g_string_replace (xml, "class=\"CsnChoiceCell\" parent=\"CsnCell\"", template_attributes, 1) != 1)
    g_error ("csn-choice-cell.ui: its template is not CsnChoiceCell's, a CsnCell");
  template = g_string_free_to_bytes (g_steal_pointer (&xml));
  gtk_widget_class_set_template (widget_class, template);
  gtk_widget_class_bind_template_child_full (widget_class, "button", FALSE,
                                             G_PRIVATE_OFFSET (CsnChoiceCell, button));
  gtk_widget_class_bind_template_child_full (widget_class, "label", FALSE,
                                             G_PRIVATE_OFFSET (CsnChoiceCell, label));
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
}

static void
csn_choice_cell_init (CsnChoiceCell *self)
{
}

/**
 * csn_choice_cell_set_text:
 * @is_unset: the text says that nothing is chosen ("None"): it is dimmed
 *
 * Shows the current value: on the button (on up to two lines, then cut), in full in its tooltip,
 * and after the cell's label in its accessible name ("Horizon: Short term").
 */
void
csn_choice_cell_set_text (CsnChoiceCell *self,
                          const char    *text,
                          gboolean       is_unset)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);
  g_autofree char *name = NULL;

  g_return_if_fail (CSN_IS_CHOICE_CELL (self));

  csn_cell_ensure_built (CSN_CELL (self));
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_inscription_get_text (priv->label), text) != 0)
    gtk_inscription_set_text (priv->label, text);
  if (is_unset)
    gtk_widget_add_css_class (GTK_WIDGET (priv->label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (priv->label), "dim-label");

  csn_widget_set_tooltip_lazily (priv->button, text);
  /* No tooltip over the open list. */
  if (csn_choice_popover_find_open (CSN_CELL (self)) != NULL)
    gtk_widget_set_has_tooltip (priv->button, FALSE);

  name = csn_cell_dup_accessible_name (CSN_CELL (self), text);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (priv->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

const char *
csn_choice_cell_get_text (CsnChoiceCell *self)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CHOICE_CELL (self), NULL);
  csn_cell_ensure_built (CSN_CELL (self));
  return gtk_inscription_get_text (priv->label);
}

/* The button is @width_chars wide, and wider up to @max_width_chars for a longer value. */
void
csn_choice_cell_set_label_width (CsnChoiceCell *self,
                                 int            width_chars,
                                 int            max_width_chars)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);

  g_return_if_fail (CSN_IS_CHOICE_CELL (self));

  priv->width_chars = width_chars;
  priv->max_width_chars = max_width_chars;
  if (priv->label != NULL)
    {
      gtk_inscription_set_min_chars (priv->label, width_chars);
      gtk_inscription_set_nat_chars (priv->label, max_width_chars);
    }
}

GtkWidget *
csn_choice_cell_get_button (CsnChoiceCell *self)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CHOICE_CELL (self), NULL);
  csn_cell_ensure_built (CSN_CELL (self));
  return priv->button;
}

/* Opens the list's popover on the choices, as clicking the cell does. */
void
csn_choice_cell_popup (CsnChoiceCell *self)
{
  CsnChoiceCellClass *klass;
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GObject) current = NULL;

  g_return_if_fail (CSN_IS_CHOICE_CELL (self));

  if (csn_cell_get_item (CSN_CELL (self)) == NULL || csn_cell_get_draft (CSN_CELL (self)) == NULL)
    return;
  csn_cell_ensure_built (CSN_CELL (self));
  klass = CSN_CHOICE_CELL_GET_CLASS (self);
  choices = klass->dup_choices (self, &current);
  if (choices == NULL)
    return;
  csn_choice_popover_choose (csn_choice_popover_get_shared (CSN_CELL (self)), CSN_CELL (self), choices, current,
                             klass->dup_choice_title, on_chosen_cb);
}
