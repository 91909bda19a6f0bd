/* review-test-util.h: showing the review page in a window and finding its widgets, for its tests. */
#pragma once

#include <adwaita.h>

#include "csn-review-group-row.h"
#include "csn-review-page.h"
#include "csn-review-row.h"

G_BEGIN_DECLS

/* Runs the main loop until @condition holds, for at most ten seconds (a loaded machine is slow). */
#define REVIEW_WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition) && g_get_monotonic_time () < deadline_) \
      review_test_iterate (); \
    g_assert_true (condition); \
  } G_STMT_END

void               review_test_iterate        (void);
void               review_test_init           (int           *argc,
                                               char        ***argv);
GtkWidget         *review_test_show           (GtkWidget     *page,
                                               int            width,
                                               int            height);
void               review_test_close          (GtkWidget     *page);
GtkWidget         *review_test_find_actionable (GtkWidget    *root,
                                               const char    *action_name,
                                               const char    *target);
CsnReviewRow      *review_test_find_row       (GtkWidget     *root,
                                               CsnChange     *change);
CsnReviewGroupRow *review_test_find_group_row (GtkWidget     *root,
                                               const char    *key);
GtkWidget         *review_test_find_widget    (GtkWidget     *root,
                                               GType          type);
GtkWidget         *review_test_find_button    (GtkWidget     *root,
                                               const char    *label);
guint              review_test_count_mapped   (GtkWidget     *root,
                                               GType          type);
gboolean           review_test_reveal         (CsnReviewPage *page,
                                               gpointer       item);
gboolean           review_test_activate_binding (GtkWidget   *widget,
                                               const char    *trigger);

G_END_DECLS
