/* csn-open-item-row.c: a row of the Overview's Still Open list. GTK 4.8's list views make up to
 * 200 rows whatever their height: the row is a class template (compiled once, not parsed per row)
 * and is given its texts directly, without expression bindings. */
#define G_LOG_DOMAIN "csn-open-item-row"

#include "config.h"

#include "csn-open-item-row.h"

struct _CsnOpenItemRow
{
  AdwBin          parent_instance;

  GtkLabel       *message_label;
  GtkInscription *place_inscription;
};

G_DEFINE_FINAL_TYPE (CsnOpenItemRow, csn_open_item_row, ADW_TYPE_BIN)

static void
csn_open_item_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_OPEN_ITEM_ROW);

  G_OBJECT_CLASS (csn_open_item_row_parent_class)->dispose (object);
}

static void
csn_open_item_row_class_init (CsnOpenItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_open_item_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-open-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnOpenItemRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CsnOpenItemRow, place_inscription);
}

static void
csn_open_item_row_init (CsnOpenItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_open_item_row_new (void)
{
  return g_object_new (CSN_TYPE_OPEN_ITEM_ROW, NULL);
}

/* A CsnProblem does not change: the list gets a new one for an entry that does. */
void
csn_open_item_row_set_problem (CsnOpenItemRow *self,
                               CsnProblem     *problem)
{
  g_return_if_fail (CSN_IS_OPEN_ITEM_ROW (self));
  g_return_if_fail (problem == NULL || CSN_IS_PROBLEM (problem));

  gtk_label_set_text (self->message_label, problem != NULL ? csn_problem_get_message (problem) : "");
  gtk_inscription_set_text (self->place_inscription, problem != NULL ? csn_problem_get_place (problem) : NULL);
}
