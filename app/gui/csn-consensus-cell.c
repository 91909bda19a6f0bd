/* csn-consensus-cell.c: a theme's consensus, which the co-chairs decide, marked when the positions contradict it. */
#define G_LOG_DOMAIN "csn-consensus-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-consensus-cell.h"
#include "csn-enum-cell.h"
#include "csn-position-index.h"
#include "csn-stance-util.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"

struct _CsnConsensusCell
{
  CsnCell           parent_instance;

  CsnCell          *enum_cell;
  GtkImage         *conflict_image;

  CsnPositionIndex *index;
  gulong            index_changed_id;
  char             *conflict;
};

G_DEFINE_FINAL_TYPE (CsnConsensusCell, csn_consensus_cell, CSN_TYPE_CELL)

static void
csn_consensus_cell_update (CsnCell *cell)
{
  CsnConsensusCell *self = CSN_CONSENSUS_CELL (cell);
  CsnItem *theme = csn_cell_get_item (cell);
  g_autoptr(GPtrArray) countries = NULL;
  g_autofree char *message = NULL;
  GtkWidget *control = csn_cell_get_control (cell);

  if (self->index != NULL && theme != NULL)
    {
      CsnConsensusConflict conflict = csn_position_index_check_consensus (self->index, theme, &countries);

      message = csn_consensus_conflict_dup_message (conflict, csn_theme_get_consensus (CSN_THEME (theme)), countries);
    }
  if (g_strcmp0 (message, self->conflict) == 0)
    return;

  g_free (self->conflict);
  self->conflict = g_steal_pointer (&message);
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_image), self->conflict != NULL);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->conflict_image), self->conflict);
  /* The drop-down says it to a screen reader. */
  if (self->conflict != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->conflict,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_index_changed_cb (CsnConsensusCell *self,
                     CsnPositionIndex *index)
{
  csn_cell_update (CSN_CELL (self));
}

static void
csn_consensus_cell_bound (CsnCell *cell)
{
  CsnConsensusCell *self = CSN_CONSENSUS_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);

  csn_cell_bind (self->enum_cell, draft, csn_cell_get_item (cell));
  if (draft == NULL)
    return;
  self->index = csn_position_index_get_for_draft (draft);
  self->index_changed_id = g_signal_connect_object (self->index, "changed", G_CALLBACK (on_index_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
}

static void
csn_consensus_cell_unbound (CsnCell *cell)
{
  CsnConsensusCell *self = CSN_CONSENSUS_CELL (cell);

  csn_cell_unbind (self->enum_cell);
  if (self->index != NULL)
    g_clear_signal_handler (&self->index_changed_id, self->index);
  self->index = NULL;
}

static GtkWidget *
csn_consensus_cell_get_control (CsnCell *cell)
{
  return csn_cell_get_control (CSN_CONSENSUS_CELL (cell)->enum_cell);
}

static void
csn_consensus_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_CONSENSUS_CELL);

  G_OBJECT_CLASS (csn_consensus_cell_parent_class)->dispose (object);
}

static void
csn_consensus_cell_finalize (GObject *object)
{
  g_free (CSN_CONSENSUS_CELL (object)->conflict);

  G_OBJECT_CLASS (csn_consensus_cell_parent_class)->finalize (object);
}

/* Rows out of sight show no consensus: their cells' children wait (see csn_cell_ensure_built()) */
static void
csn_consensus_cell_build (CsnCell *cell)
{
  gtk_widget_init_template (GTK_WIDGET (cell));
}

static void
csn_consensus_cell_class_init (CsnConsensusCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_consensus_cell_dispose;
  object_class->finalize = csn_consensus_cell_finalize;

  cell_class->update = csn_consensus_cell_update;
  cell_class->build = csn_consensus_cell_build;
  cell_class->get_control = csn_consensus_cell_get_control;
  cell_class->bound = csn_consensus_cell_bound;
  cell_class->unbound = csn_consensus_cell_unbound;

  g_type_ensure (CSN_TYPE_CONSENSUS);
  g_type_ensure (CSN_TYPE_ENUM_CELL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-consensus-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnConsensusCell, enum_cell);
  gtk_widget_class_bind_template_child (widget_class, CsnConsensusCell, conflict_image);
}

static void
csn_consensus_cell_init (CsnConsensusCell *self)
{
  /* Not in the .ui: the template is built when the cell is first in sight, maybe bound already */
  csn_cell_set_property_name (CSN_CELL (self), "consensus");
}

/* "Agreed, though México objects", or NULL when the positions do not contradict the consensus. */
const char *
csn_consensus_cell_get_conflict (CsnConsensusCell *self)
{
  g_return_val_if_fail (CSN_IS_CONSENSUS_CELL (self), NULL);
  return self->conflict;
}
