/* csn-review-group.h: the incoming changes of one page of the sidebar, one country or one item, as the
 * review page groups them. */
#pragma once

#include <gio/gio.h>

#include "csn-change-set.h"
#include "csn-draft.h"

G_BEGIN_DECLS

typedef enum {
  CSN_REVIEW_GROUP_BY_PAGE,     /* the page of the sidebar the change is on */
  CSN_REVIEW_GROUP_BY_COUNTRY,  /* the delegation that answered */
  CSN_REVIEW_GROUP_BY_ITEM,     /* the theme, strategy, … the change is on */
} CsnReviewGrouping;

/* The groupings a caller offers on its review page. */
typedef enum {
  CSN_REVIEW_GROUPINGS_PAGE    = 1 << CSN_REVIEW_GROUP_BY_PAGE,
  CSN_REVIEW_GROUPINGS_COUNTRY = 1 << CSN_REVIEW_GROUP_BY_COUNTRY,
  CSN_REVIEW_GROUPINGS_ITEM    = 1 << CSN_REVIEW_GROUP_BY_ITEM,
} CsnReviewGroupings;

#define CSN_TYPE_REVIEW_GROUPING (csn_review_grouping_get_type ())
GType csn_review_grouping_get_type (void) G_GNUC_CONST;
#define CSN_TYPE_REVIEW_GROUPINGS (csn_review_groupings_get_type ())
GType csn_review_groupings_get_type (void) G_GNUC_CONST;

#define CSN_TYPE_REVIEW_GROUP (csn_review_group_get_type ())

G_DECLARE_FINAL_TYPE (CsnReviewGroup, csn_review_group, CSN, REVIEW_GROUP, GObject)

GPtrArray         *csn_review_group_build            (CsnChangeSet      *set,
                                                      CsnDraft          *draft,
                                                      CsnReviewGrouping  grouping);
CsnReviewGrouping  csn_review_group_get_grouping     (CsnReviewGroup    *self);
const char        *csn_review_group_get_key          (CsnReviewGroup    *self);
CsnItem           *csn_review_group_get_item         (CsnReviewGroup    *self);
char              *csn_review_group_dup_title        (CsnReviewGroup    *self,
                                                      CsnDraft          *draft);
GListModel        *csn_review_group_get_changes      (CsnReviewGroup    *self);
guint              csn_review_group_get_n_changes    (CsnReviewGroup    *self);
guint              csn_review_group_get_n_conflicts  (CsnReviewGroup    *self);
guint              csn_review_group_get_n_accepted   (CsnReviewGroup    *self);
guint              csn_review_group_get_n_applicable (CsnReviewGroup    *self);
char              *csn_review_format_counts          (guint              n_changes,
                                                      guint              n_conflicts,
                                                      guint              n_accepted,
                                                      guint              n_applicable);
char              *csn_review_format_differences     (guint              n_changes,
                                                      guint              n_conflicts);
void               csn_review_group_accept_all       (CsnReviewGroup    *self,
                                                      gboolean           accepted,
                                                      gboolean           conflicts_only);

G_END_DECLS
