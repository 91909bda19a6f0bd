/* csn-date-row.c: a date in a boxed list, typed in the user's locale or chosen on a calendar beside
 * it; what is not a date is marked and kept in the row, never taken. */
#define G_LOG_DOMAIN "csn-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-popover.h"
#include "csn-date-row.h"
#include "csn-date-text.h"
#include "csn-drop-down-util.h"
#include "csn-tooltip-util.h"

struct _CsnDateRow
{
  AdwEntryRow    parent_instance;

  char           *date;         /* YYYY-MM-DD, or NULL for none */

  GtkMenuButton  *calendar_button;
  CsnDatePopover *popover;      /* made when first opened: a calendar is some sixty widgets */
};

G_DEFINE_FINAL_TYPE (CsnDateRow, csn_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_validity (CsnDateRow *self,
               gboolean    valid)
{
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self), NULL);
    }
  else
    {
      g_autofree char *example = csn_date_text_format ("2011-06-30");
      /* Translators: %s is a date as the interface shows it, "30 Jun 2011" */
      g_autofree char *tooltip = g_strdup_printf (_("Not a date: write it as %s, or choose it on the calendar"),
                                                  example);

      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self), tooltip);
    }
}

/* The row shows @date as the interface writes dates, and takes it. */
static void
show_date (CsnDateRow *self,
           const char *date)
{
  g_autofree char *text = csn_date_text_format (date);
  gboolean changed = g_strcmp0 (self->date, date) != 0;

  if (changed)
    {
      g_free (self->date);
      self->date = g_strdup (date);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
  show_validity (self, TRUE);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
on_entry_activated_cb (CsnDateRow *self)
{
  csn_date_row_commit (self);
}

static void
on_focus_leave_cb (CsnDateRow *self)
{
  csn_date_row_commit (self);
}

/* The mark goes as soon as the text is a date again; it comes only on commit. */
static void
on_changed_cb (CsnDateRow *self)
{
  g_autofree char *date = NULL;

  if (csn_date_text_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    show_validity (self, TRUE);
}

/* The calendar opens on the row's date, else today. */
static void
on_popover_show_cb (CsnDateRow *self)
{
  csn_date_popover_show_date (self->popover, self->date);
}

static void
on_date_chosen_cb (CsnDateRow *self,
                   const char *date)
{
  show_date (self, date);
}

static void
ensure_popover (CsnDateRow *self)
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
  ensure_popover (CSN_DATE_ROW (user_data));
}

static void
csn_date_row_finalize (GObject *object)
{
  CsnDateRow *self = CSN_DATE_ROW (object);

  g_free (self->date);

  G_OBJECT_CLASS (csn_date_row_parent_class)->finalize (object);
}

static void
csn_date_row_dispose (GObject *object)
{
  CsnDateRow *self = CSN_DATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_DATE_ROW);
  /* Owned by the menu button, gone with it. */
  self->popover = NULL;

  G_OBJECT_CLASS (csn_date_row_parent_class)->dispose (object);
}

static void
csn_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsnDateRow *self = CSN_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CsnDateRow *self = CSN_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      csn_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_date_row_class_init (CsnDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_date_row_dispose;
  object_class->finalize = csn_date_row_finalize;
  object_class->get_property = csn_date_row_get_property;
  object_class->set_property = csn_date_row_set_property;

  /* The date the row holds, YYYY-MM-DD or NULL: set by the caller, or by the user on commit. */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/consenso/Consenso/ui/csn-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDateRow, calendar_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
csn_date_row_init (CsnDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->calendar_button, create_popup_cb, self, NULL);
}

GtkWidget *
csn_date_row_new (void)
{
  return g_object_new (CSN_TYPE_DATE_ROW, NULL);
}

/* The row's date, YYYY-MM-DD, or NULL for none. */
const char *
csn_date_row_get_date (CsnDateRow *self)
{
  g_return_val_if_fail (CSN_IS_DATE_ROW (self), NULL);
  return self->date;
}

/* Shows @date (YYYY-MM-DD or NULL) in place of what the row holds or what was typed in it. */
void
csn_date_row_set_date (CsnDateRow *self,
                       const char *date)
{
  g_return_if_fail (CSN_IS_DATE_ROW (self));
  show_date (self, date);
}

/**
 * csn_date_row_commit:
 *
 * Takes the text typed in the row as its date, which "notify::date" then tells; the same date
 * typed another way is shown as the interface writes dates. Text that is no date is marked and
 * stays in the row.
 *
 * Returns: whether the row's text is a date (or empty, for none)
 */
gboolean
csn_date_row_commit (CsnDateRow *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (CSN_IS_DATE_ROW (self), FALSE);

  if (!csn_date_text_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    {
      show_validity (self, FALSE);
      return FALSE;
    }
  show_date (self, date);
  return TRUE;
}
