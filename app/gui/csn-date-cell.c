/* csn-date-cell.c: a date field, typed in the user's locale or chosen on a calendar; invalid input is marked and not committed. */
#define G_LOG_DOMAIN "csn-date-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-cell.h"
#include "csn-date-popover.h"
#include "csn-date-text.h"
#include "csn-drop-down-util.h"
#include "csn-tooltip-util.h"

struct _CsnDateCell
{
  CsnCell        parent_instance;

  GtkEntry      *entry;
  GtkMenuButton *calendar_button;
  CsnDatePopover *popover;      /* made when first opened: a calendar is some sixty widgets */
};

G_DEFINE_FINAL_TYPE (CsnDateCell, csn_date_cell, CSN_TYPE_CELL)

static void
show_validity (CsnDateCell *self,
               gboolean     valid)
{
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->entry), NULL);
    }
  else
    {
      g_autofree char *example = csn_date_text_format ("2011-06-30");
      /* Translators: %s is a date as the interface shows it, "30 Jun 2011" */
      g_autofree char *tooltip = g_strdup_printf (_("Not a date: write it as %s, or choose it on the calendar"),
                                                  example);

      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->entry), tooltip);
    }
}

static void
set_value (CsnDateCell *self,
           const char  *value)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);

  if (item == NULL || draft == NULL || csn_cell_is_updating (cell))
    return;
  show_validity (self, TRUE);
  if (g_strcmp0 (value, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (draft, item, csn_cell_get_property_name (cell), value);
}

static void
commit (CsnDateCell *self)
{
  CsnCell *cell = CSN_CELL (self);
  g_autofree char *value = NULL;

  if (csn_cell_get_item (cell) == NULL || csn_cell_is_updating (cell))
    return;
  if (!csn_date_text_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &value))
    {
      show_validity (self, FALSE);
      return;
    }
  set_value (self, value);
  /* The date as the interface writes it, whatever way it was typed. */
  csn_cell_update (cell);
}

/* The calendar opens on the field's date, else today. */
static void
on_popover_show_cb (CsnDateCell *self,
                    GtkPopover  *popover)
{
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));

  csn_date_popover_show_date (self->popover,
                              item != NULL ? csn_item_get_string (item, csn_cell_get_property_name (CSN_CELL (self)))
                                           : NULL);
}

static void
on_date_chosen_cb (CsnDateCell *self,
                   const char  *date)
{
  set_value (self, date);
}

static void
ensure_popover (CsnDateCell *self)
{
  if (self->popover != NULL)
    return;
  self->popover = CSN_DATE_POPOVER (csn_date_popover_new ());
  g_signal_connect_object (self->popover, "show", G_CALLBACK (on_popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "chosen", G_CALLBACK (on_date_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->calendar_button, GTK_WIDGET (self->popover));
  csn_popover_hide_owner_tooltip (GTK_POPOVER (self->popover), GTK_WIDGET (self->calendar_button));
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  ensure_popover (CSN_DATE_CELL (user_data));
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
  g_autofree char *value = NULL;

  /* Clear the mark as soon as the text is a date again; set it only on commit. */
  if (csn_date_text_parse (gtk_editable_get_text (editable), &value))
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
  g_autofree char *text = NULL;

  text = csn_date_text_format (item != NULL ? csn_item_get_string (item, csn_cell_get_property_name (cell)) : NULL);
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
  CsnDateCell *self = CSN_DATE_CELL (object);

  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_DATE_CELL);
  /* Owned by the menu button, gone with it. */
  self->popover = NULL;

  G_OBJECT_CLASS (csn_date_cell_parent_class)->dispose (object);
}

static void
csn_date_cell_commit (CsnCell *cell)
{
  commit (CSN_DATE_CELL (cell));
}

static void
csn_date_cell_class_init (CsnDateCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_date_cell_dispose;

  cell_class->update = csn_date_cell_update;
  cell_class->commit = csn_date_cell_commit;
  cell_class->get_control = csn_date_cell_get_control;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-date-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDateCell, entry);
  gtk_widget_class_bind_template_child (widget_class, CsnDateCell, calendar_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed_cb);
}

static void
csn_date_cell_init (CsnDateCell *self)
{
  g_autofree char *example = NULL;
  g_autofree char *placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the .ui: a tooltip set there asks the X server where the pointer is, for every row made. */
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->calendar_button), _("Choose on a Calendar"));
  gtk_menu_button_set_create_popup_func (self->calendar_button, create_popup_cb, self, NULL);
  /* An example of what to type, that cannot be taken for a date set. */
  example = csn_date_text_format ("2011-06-30");
  /* Translators: the placeholder of an empty date field, %s is a date: "e.g. 30 Jun 2011" */
  placeholder = g_strdup_printf (_("e.g. %s"), example);
  gtk_entry_set_placeholder_text (self->entry, placeholder);
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

GtkCalendar *
csn_date_cell_get_calendar (CsnDateCell *self)
{
  g_return_val_if_fail (CSN_IS_DATE_CELL (self), NULL);
  ensure_popover (self);
  return csn_date_popover_get_calendar (self->popover);
}
