/* csn-row-grower.h: gives a list view the items of its model a few at a time, over frames, around those it shows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CSN_TYPE_ROW_GROWER (csn_row_grower_get_type ())

G_DECLARE_FINAL_TYPE (CsnRowGrower, csn_row_grower, CSN, ROW_GROWER, GObject)

CsnRowGrower *csn_row_grower_new                 (GListModel   *model);
GListModel   *csn_row_grower_get_model           (CsnRowGrower *self);
GListModel   *csn_row_grower_get_source          (CsnRowGrower *self);
void          csn_row_grower_set_source          (CsnRowGrower *self,
                                                  GListModel   *model);
guint         csn_row_grower_get_given_position  (CsnRowGrower *self,
                                                  guint         source_position);
guint         csn_row_grower_get_source_position (CsnRowGrower *self,
                                                  guint         given_position);
void          csn_row_grower_start               (CsnRowGrower *self,
                                                  GtkWidget    *view);
void          csn_row_grower_stop                (CsnRowGrower *self);
void          csn_row_grower_reveal              (CsnRowGrower *self,
                                                  guint         source_position);
void          csn_row_grower_set_held            (CsnRowGrower *self,
                                                  gboolean      held);
gboolean      csn_row_grower_is_growing          (CsnRowGrower *self);

G_END_DECLS
