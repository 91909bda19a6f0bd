/* csn-stance-strip.h: the member states' stances on one item at a glance, in one light cell. */
#pragma once

#include "csn-cell.h"
#include "csn-stance-editor.h"

G_BEGIN_DECLS

#define CSN_TYPE_STANCE_STRIP (csn_stance_strip_get_type ())

G_DECLARE_FINAL_TYPE (CsnStanceStrip, csn_stance_strip, CSN, STANCE_STRIP, CsnCell)

GtkWidget *csn_stance_strip_new         (CsnStanceEditor *editor);
guint      csn_stance_strip_get_n_marks (CsnStanceStrip  *self);
int        csn_stance_strip_get_stance  (CsnStanceStrip  *self,
                                         guint            mark);
guint      csn_stance_strip_get_current (CsnStanceStrip  *self);
void       csn_stance_strip_set_current (CsnStanceStrip  *self,
                                         guint            mark);
void       csn_stance_strip_edit        (CsnStanceStrip  *self,
                                         guint            mark);
char      *csn_stance_strip_dup_tooltip (CsnStanceStrip  *self,
                                         guint            mark);

G_END_DECLS
