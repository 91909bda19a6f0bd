/* csn-review-group-row.h: the heading of a group of incoming changes on the review page: its name,
 * its counts, and accept or reject all of it. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"
#include "csn-review-group.h"

G_BEGIN_DECLS

#define CSN_TYPE_REVIEW_GROUP_ROW (csn_review_group_row_get_type ())

G_DECLARE_FINAL_TYPE (CsnReviewGroupRow, csn_review_group_row, CSN, REVIEW_GROUP_ROW, AdwBin)

GtkWidget      *csn_review_group_row_new           (void);
void            csn_review_group_row_bind          (CsnReviewGroupRow *self,
                                                    GtkTreeListRow    *row,
                                                    CsnDraft          *draft);
void            csn_review_group_row_unbind        (CsnReviewGroupRow *self);
void            csn_review_group_row_refresh       (CsnReviewGroupRow *self);
void            csn_review_group_row_set_read_only (CsnReviewGroupRow *self,
                                                    gboolean           read_only);
CsnReviewGroup *csn_review_group_row_get_group     (CsnReviewGroupRow *self);

G_END_DECLS
