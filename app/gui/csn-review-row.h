/* csn-review-row.h: one incoming change on the review page: where, what kind, the common ancestor,
 * mine and theirs side by side, and the co-chairs' choice. */
#pragma once

#include <adwaita.h>

#include "csn-change.h"
#include "csn-draft.h"
#include "csn-review-group.h"

G_BEGIN_DECLS

#define CSN_TYPE_REVIEW_ROW (csn_review_row_get_type ())

G_DECLARE_FINAL_TYPE (CsnReviewRow, csn_review_row, CSN, REVIEW_ROW, AdwBin)

GtkWidget *csn_review_row_new           (void);
void       csn_review_row_bind          (CsnReviewRow   *self,
                                         CsnChange      *change,
                                         CsnReviewGroup *group,
                                         CsnDraft       *draft,
                                         gboolean        show_base);
void       csn_review_row_unbind        (CsnReviewRow   *self);
void       csn_review_row_refresh       (CsnReviewRow   *self);
void       csn_review_row_set_read_only (CsnReviewRow   *self,
                                         gboolean        read_only);
CsnChange *csn_review_row_get_change    (CsnReviewRow   *self);

G_END_DECLS
