/* csn-quota-cell.c: a delegation's size against its country's quota, with a warning when it is over. */
#define G_LOG_DOMAIN "csn-quota-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-draft-figures.h"
#include "csn-participant.h"
#include "csn-problem.h"
#include "csn-quota-cell.h"
#include "csn-validate.h"

struct _CsnQuotaCell
{
  CsnCell   parent_instance;

  GtkLabel *label;
  GtkImage *warning;
};

G_DEFINE_FINAL_TYPE (CsnQuotaCell, csn_quota_cell, CSN_TYPE_CELL)

/* The quota warning of the validation, which names the first participant beyond the quota. */
static char *
dup_quota_problem (CsnDraft   *draft,
                   const char *code)
{
  g_autoptr(GListModel) problems = csn_draft_validate (draft);
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);
      CsnItem *item = csn_problem_get_item (problem);

      if (item != NULL && g_strcmp0 (csn_problem_get_property_name (problem), CSN_PARTICIPANT_PROP_COUNTRY) == 0 &&
          CSN_IS_PARTICIPANT (item) &&
          g_strcmp0 (csn_participant_get_country (CSN_PARTICIPANT (item)), code) == 0)
        return g_strdup (csn_problem_get_message (problem));
    }
  return NULL;
}

static void
csn_quota_cell_update (CsnCell *cell)
{
  CsnQuotaCell *self = CSN_QUOTA_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  CsnItem *country = csn_cell_get_item (cell);
  g_autoptr(CsnDraftFigures) figures = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  const char *code;
  guint count;
  int quota;

  if (draft == NULL || country == NULL)
    {
      gtk_label_set_label (self->label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->warning), FALSE);
      return;
    }

  code = csn_item_get_key (country);
  quota = csn_country_get_delegation_quota (CSN_COUNTRY (country));
  figures = csn_draft_figures_new (draft);
  count = csn_draft_figures_get_delegation_size (figures, code);

  /* Translators: participants of a delegation against its quota, "3 / 2" */
  text = g_strdup_printf (_("%u / %d"), count, quota);
  gtk_label_set_label (self->label, text);

  if (csn_draft_figures_is_over_quota (figures, CSN_COUNTRY (country)))
    {
      problem = dup_quota_problem (draft, code);
      if (problem == NULL)
        problem = g_strdup_printf (_("Over the quota of %d"), quota);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning), problem);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, problem, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->warning), TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), NULL);
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
