/* csn-date-cell.c: a date field (YYYY-MM-DD or empty); invalid input is marked and not committed. */
#define G_LOG_DOMAIN "csn-date-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-cell.h"
#include "csn-validate.h"

struct _CsnDateCell
{
  CsnCell   parent_instance;

  GtkEntry *entry;
};

G_DEFINE_FINAL_TYPE (CsnDateCell, csn_date_cell, CSN_TYPE_CELL)

static void
show_validity (CsnDateCell *self,
               gboolean     valid)
{
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry),
                                   _("Not a date: write it as year-month-day, for example 2011-06-30"));
    }
}

static void
commit (CsnDateCell *self)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  g_autofree char *text = NULL;
  const char *value;

  if (item == NULL || draft == NULL || csn_cell_is_updating (cell))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  value = text[0] != '\0' ? text : NULL;
  if (value != NULL && !csn_date_is_valid (value))
    {
      show_validity (self, FALSE);
      return;
    }

  show_validity (self, TRUE);
  if (g_strcmp0 (value, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (draft, item, csn_cell_get_property_name (cell), value);
}

static void
on_entry_activate_cb (CsnDateCell *self,
                      GtkEntry    *entry)
{
  commit (self);
}

static void
on_entry_changed_cb (CsnDateCell *self,
                     GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  /* Clear the mark as soon as the text is a date again; set it only on commit. */
  if (text[0] == '\0' || csn_date_is_valid (text))
    show_validity (self, TRUE);
}

/* Escape drops the edit: the field shows the draft's value again. */
static gboolean
on_key_pressed_cb (CsnDateCell           *self,
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

static void
on_focus_leave_cb (CsnDateCell             *self,
                   GtkEventControllerFocus *controller)
{
  commit (self);
}

static void
csn_date_cell_update (CsnCell *cell)
{
  CsnDateCell *self = CSN_DATE_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  const char *text = NULL;

  if (item != NULL)
    text = csn_item_get_string (item, csn_cell_get_property_name (cell));
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  show_validity (self, TRUE);
}

static GtkWidget *
csn_date_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_DATE_CELL (cell)->entry);
}

static void
csn_date_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_DATE_CELL);

  G_OBJECT_CLASS (csn_date_cell_parent_class)->dispose (object);
}

static void
csn_date_cell_class_init (CsnDateCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_date_cell_dispose;

  cell_class->update = csn_date_cell_update;
  cell_class->get_control = csn_date_cell_get_control;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-date-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDateCell, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed_cb);
}

static void
csn_date_cell_init (CsnDateCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_date_cell_new (const char *property)
{
  return g_object_new (CSN_TYPE_DATE_CELL, "property-name", property, NULL);
}

GtkEntry *
csn_date_cell_get_entry (CsnDateCell *self)
{
  g_return_val_if_fail (CSN_IS_DATE_CELL (self), NULL);
  return self->entry;
}
