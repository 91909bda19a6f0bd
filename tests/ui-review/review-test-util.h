/* review-test-util.h: the review page in a window of a given size, and finding its rows and controls. */
#pragma once

#include <adwaita.h>

#include "csn-review-group-row.h"
#include "csn-review-page.h"
#include "csn-review-row.h"
#include "ui-test-util.h"

G_BEGIN_DECLS

GtkWidget         *review_test_show           (GtkWidget     *page,
                                               int            width,
                                               int            height);
GtkWidget         *review_test_find_actionable (GtkWidget    *root,
                                               const char    *action_name,
                                               const char    *target);
CsnReviewRow      *review_test_find_row       (GtkWidget     *root,
                                               CsnChange     *change);
CsnReviewGroupRow *review_test_find_group_row (GtkWidget     *root,
                                               const char    *key);
GtkWidget         *review_test_find_button    (GtkWidget     *root,
                                               const char    *label);
guint              review_test_count_mapped   (GtkWidget     *root,
                                               GType          type);
gboolean           review_test_reveal         (CsnReviewPage *page,
                                               gpointer       item);

G_END_DECLS
