/* csn-quota-cell.c: a delegation's size against its country's quota, with a warning when it is over. */
#define G_LOG_DOMAIN "csn-quota-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-problem.h"
#include "csn-quota-cell.h"
#include "csn-tooltip-util.h"
#include "csn-validation.h"

struct _CsnQuotaCell
{
  CsnCell        parent_instance;

  GtkLabel      *label;
  GtkImage      *warning;
  CsnValidation *validation;  /* weak; followed: its quota warnings name the participant beyond the quota */
};

G_DEFINE_FINAL_TYPE (CsnQuotaCell, csn_quota_cell, CSN_TYPE_CELL)

static void
on_validation_changed_cb (CsnQuotaCell *self)
{
  csn_cell_queue_update (CSN_CELL (self));
}

/* Followed without a reference: the validation lives and dies with its draft. */
static void
follow_validation (CsnQuotaCell  *self,
                   CsnValidation *validation)
{
  if (self->validation == validation)
    return;
  if (self->validation != NULL)
    g_signal_handlers_disconnect_by_func (self->validation, on_validation_changed_cb, self);
  g_set_weak_pointer (&self->validation, validation);
  if (validation != NULL)
    g_signal_connect_object (validation, "changed", G_CALLBACK (on_validation_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* The size comes from the draft's index of participants by country, up to date at every change; the
 * warning's words from the draft's one shared validation, which is remade at idle after a change
 * and then updates the cell: a row does not validate the whole draft again. */
static void
csn_quota_cell_update (CsnCell *cell)
{
  CsnQuotaCell *self = CSN_QUOTA_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  CsnItem *country = csn_cell_get_item (cell);
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  guint count;

  follow_validation (self, draft != NULL ? csn_draft_get_validation (draft) : NULL);
  if (draft == NULL || country == NULL)
    {
      gtk_label_set_label (self->label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->warning), FALSE);
      return;
    }

  count = csn_draft_count_participants (draft, csn_country_get_code (CSN_COUNTRY (country)));
  /* Translators: participants of a delegation against its quota, "3 / 2" */
  text = g_strdup_printf (_("%u / %d"), count, csn_country_get_delegation_quota (CSN_COUNTRY (country)));
  gtk_label_set_label (self->label, text);

  problem = csn_validation_dup_quota_warning (self->validation, CSN_COUNTRY (country));
  if (problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->warning), problem);
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->label), problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, problem, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->warning), TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->label), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->warning), FALSE);
    }
}

static GtkWidget *
csn_quota_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_QUOTA_CELL (cell)->label);
}

static void
csn_quota_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  follow_validation (CSN_QUOTA_CELL (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_QUOTA_CELL);

  G_OBJECT_CLASS (csn_quota_cell_parent_class)->dispose (object);
}

static void
csn_quota_cell_class_init (CsnQuotaCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_quota_cell_dispose;

  cell_class->update = csn_quota_cell_update;
  /* The delegation's size is the participants': the column's factory updates the cells after
   * each change of the draft, once shown. */
  cell_class->names_other_items = TRUE;
  cell_class->get_control = csn_quota_cell_get_control;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-quota-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnQuotaCell, label);
  gtk_widget_class_bind_template_child (widget_class, CsnQuotaCell, warning);
}

static void
csn_quota_cell_init (CsnQuotaCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_quota_cell_new (void)
{
  return g_object_new (CSN_TYPE_QUOTA_CELL, NULL);
}

const char *
csn_quota_cell_get_text (CsnQuotaCell *self)
{
  g_return_val_if_fail (CSN_IS_QUOTA_CELL (self), NULL);
  return gtk_label_get_label (self->label);
}

GtkWidget *
csn_quota_cell_get_warning (CsnQuotaCell *self)
{
  g_return_val_if_fail (CSN_IS_QUOTA_CELL (self), NULL);
  return GTK_WIDGET (self->warning);
}
