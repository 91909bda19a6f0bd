/* csn-cell.h: base class of the editable cells, bound to one property of one item of a draft. */
#pragma once

#include <gtk/gtk.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_CELL (csn_cell_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsnCell, csn_cell, CSN, CELL, GtkWidget)

struct _CsnCellClass
{
  GtkWidgetClass parent_class;

  /* Shows the bound value; called on bind and whenever the model changes. */
  void        (*update)       (CsnCell *self);
  /* The control that takes focus and carries the accessible label. */
  GtkWidget * (*get_control)  (CsnCell *self);
  void        (*bound)        (CsnCell *self);
  void        (*unbound)      (CsnCell *self);
  /* Commits the edit under way to the draft, as leaving the cell would, but keeps the focus. A
   * cell whose control holds an edit until the focus leaves must have it; one without commits
   * every change at once (a choice, a check). */
  void        (*commit)       (CsnCell *self);
  /* Makes the cell's children (its template). A class that has it makes them only when the cell is
   * first laid out in sight, or its control is asked for: csn_cell_ensure_built(). */
  void        (*build)        (CsnCell *self);

  /* The cell shows names of other items (or figures of the whole draft): the factory that binds
   * it updates it after every edit of the draft, so that a renamed item is shown renamed at once. */
  gboolean      names_other_items;
  /* The control is made only when needed (csn_cell_get_control() makes it): the cell's label is
   * given to it then, not on every update. */
  gboolean      lazy_control;
  /* The cell shows its row's place in the list: bound again to the same item (a row before it
   * came or went), it updates. */
  gboolean      shows_position;
};

void        csn_cell_bind               (CsnCell    *self,
                                         CsnDraft   *draft,
                                         CsnItem    *item);
void        csn_cell_bind_list_item     (CsnCell    *self,
                                         CsnDraft   *draft,
                                         GtkListItem *list_item);
void        csn_cell_unbind             (CsnCell    *self);
void        csn_cell_unbind_list_item   (CsnCell    *self);
CsnDraft   *csn_cell_get_draft          (CsnCell    *self);
CsnItem    *csn_cell_get_item           (CsnCell    *self);
const char *csn_cell_get_property_name  (CsnCell    *self);
void        csn_cell_set_property_name  (CsnCell    *self,
                                         const char *property);
const char *csn_cell_get_label          (CsnCell    *self);
void        csn_cell_set_label          (CsnCell    *self,
                                         const char *label);
char       *csn_cell_dup_accessible_name (CsnCell    *self,
                                          const char *text);
GtkWidget  *csn_cell_get_control        (CsnCell    *self);
gboolean    csn_cell_is_updating        (CsnCell    *self);
void        csn_cell_update             (CsnCell    *self);
void        csn_cell_queue_update       (CsnCell    *self);
void        csn_cell_ensure_updated     (CsnCell    *self);
guint       csn_cell_get_position       (CsnCell    *self);
gboolean    csn_cell_focus_control      (CsnCell    *self);
void        csn_cell_ensure_built       (CsnCell    *self);
gboolean    csn_cell_is_built           (CsnCell    *self);

G_END_DECLS
