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
  /* Not gtk_widget_dispose_template (): GTK 4.8 looks for the template in the class of the
   * instance, a subclass without one; CsnCell unparents the button. */

  G_OBJECT_CLASS (csn_choice_cell_parent_class)->dispose (object);
}

static void
csn_choice_cell_class_init (CsnChoiceCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_choice_cell_dispose;

  cell_class->unbound = csn_choice_cell_unbound;
  cell_class->get_control = csn_choice_cell_get_control;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-choice-cell.ui");
  gtk_widget_class_bind_template_child_private (widget_class, CsnChoiceCell, button);
  gtk_widget_class_bind_template_child_private (widget_class, CsnChoiceCell, label);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
}

static void
csn_choice_cell_init (CsnChoiceCell *self)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (priv->button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
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

  gtk_inscription_set_min_chars (priv->label, width_chars);
  gtk_inscription_set_nat_chars (priv->label, max_width_chars);
}

GtkWidget *
csn_choice_cell_get_button (CsnChoiceCell *self)
{
  CsnChoiceCellPrivate *priv = csn_choice_cell_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_CHOICE_CELL (self), NULL);
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
  klass = CSN_CHOICE_CELL_GET_CLASS (self);
  choices = klass->dup_choices (self, &current);
  if (choices == NULL)
    return;
  csn_choice_popover_choose (csn_choice_popover_get_shared (CSN_CELL (self)), CSN_CELL (self), choices, current,
                             klass->dup_choice_title, on_chosen_cb);
}
