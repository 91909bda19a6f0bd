/* csn-text-area-cell.c: a multi-line text field of an item, committed when focus leaves. */
#define G_LOG_DOMAIN "csn-text-area-cell"

#include "config.h"

#include "csn-text-area-cell.h"

struct _CsnTextAreaCell
{
  CsnCell      parent_instance;

  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (CsnTextAreaCell, csn_text_area_cell, CSN_TYPE_CELL)

static char *
dup_buffer_text (CsnTextAreaCell *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit (CsnTextAreaCell *self)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  g_autofree char *text = NULL;

  if (item == NULL || draft == NULL || csn_cell_is_updating (cell))
    return;

  text = dup_buffer_text (self);
  if (g_strcmp0 (text, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (draft, item, csn_cell_get_property_name (cell), text);
}

static void
on_focus_leave_cb (CsnTextAreaCell         *self,
                   GtkEventControllerFocus *controller)
{
  commit (self);
}

static void
csn_text_area_cell_update (CsnCell *cell)
{
  CsnTextAreaCell *self = CSN_TEXT_AREA_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  g_autofree char *current = dup_buffer_text (self);
  const char *text = "";

  if (item != NULL)
    text = csn_item_get_string (item, csn_cell_get_property_name (cell));
  if (text == NULL)
    text = "";
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), item != NULL);
}

static void
csn_text_area_cell_unbound (CsnCell *cell)
{
  commit (CSN_TEXT_AREA_CELL (cell));
}

static GtkWidget *
csn_text_area_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_TEXT_AREA_CELL (cell)->text_view);
}

static void
csn_text_area_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_TEXT_AREA_CELL);

  G_OBJECT_CLASS (csn_text_area_cell_parent_class)->dispose (object);
}

static void
csn_text_area_cell_commit (CsnCell *cell)
{
  commit (CSN_TEXT_AREA_CELL (cell));
}

static void
csn_text_area_cell_class_init (CsnTextAreaCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_text_area_cell_dispose;

  cell_class->update = csn_text_area_cell_update;
  cell_class->commit = csn_text_area_cell_commit;
  cell_class->unbound = csn_text_area_cell_unbound;
  cell_class->get_control = csn_text_area_cell_get_control;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-text-area-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnTextAreaCell, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
}

static void
csn_text_area_cell_init (CsnTextAreaCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_text_area_cell_new (const char *property)
{
  return g_object_new (CSN_TYPE_TEXT_AREA_CELL, "property-name", property, NULL);
}
