/* csn-review-page.h: incoming changes — a co-chair's copy merged, the delegations' answers, an
 * imported translation — reviewed one by one or together before one undoable step applies them. */
#pragma once

#include <adwaita.h>

#include "csn-change-set.h"
#include "csn-draft.h"
#include "csn-review-group.h"

G_BEGIN_DECLS

#define CSN_TYPE_REVIEW_PAGE (csn_review_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnReviewPage, csn_review_page, CSN, REVIEW_PAGE, AdwBin)

GtkWidget          *csn_review_page_new                (void);
void                csn_review_page_review             (CsnReviewPage      *self,
                                                        CsnDraft           *draft,
                                                        CsnChangeSet       *set,
                                                        CsnReviewGroupings  groupings,
                                                        CsnReviewGrouping   group_by);
CsnDraft           *csn_review_page_get_draft          (CsnReviewPage      *self);
void                csn_review_page_set_draft          (CsnReviewPage      *self,
                                                        CsnDraft           *draft);
CsnChangeSet       *csn_review_page_get_change_set     (CsnReviewPage      *self);
void                csn_review_page_set_change_set     (CsnReviewPage      *self,
                                                        CsnChangeSet       *set);
CsnReviewGroupings  csn_review_page_get_groupings      (CsnReviewPage      *self);
void                csn_review_page_set_groupings      (CsnReviewPage      *self,
                                                        CsnReviewGroupings  groupings);
CsnReviewGrouping   csn_review_page_get_group_by       (CsnReviewPage      *self);
void                csn_review_page_set_group_by       (CsnReviewPage      *self,
                                                        CsnReviewGrouping   group_by);
gboolean            csn_review_page_get_only_conflicts (CsnReviewPage      *self);
void                csn_review_page_set_only_conflicts (CsnReviewPage      *self,
                                                        gboolean            only_conflicts);
gboolean            csn_review_page_get_read_only      (CsnReviewPage      *self);
void                csn_review_page_set_read_only      (CsnReviewPage      *self,
                                                        gboolean            read_only);
GListModel         *csn_review_page_get_rows           (CsnReviewPage      *self);

G_END_DECLS
