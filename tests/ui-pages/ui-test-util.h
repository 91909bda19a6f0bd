/* ui-test-util.h: helpers of the UI tests: a window for a page, running the main loop, finding cells. */
#pragma once

#include <adwaita.h>

#include "csn-cell.h"
#include "csn-draft.h"

G_BEGIN_DECLS

void       ui_test_init             (int         *argc,
                                     char      ***argv);
GtkWidget *ui_test_show_page        (GtkWidget   *page);
void       ui_test_wait             (guint        milliseconds);
/* Runs the main loop until @condition holds, for at most five seconds (a loaded machine is slow). */
#define UI_TEST_WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; \
    while (!(condition) && g_get_monotonic_time () < deadline_) \
      ui_test_wait (10); \
  } G_STMT_END

void       ui_test_close            (GtkWidget   *page);

/* A page of the type given as the test's data, on a new draft from the CRM template, shown. */
typedef struct
{
  CsnDraft  *draft;
  GtkWidget *page;
} UiPageFixture;

void       ui_page_fixture_set_up    (UiPageFixture *fixture,
                                      gconstpointer  page_type);
void       ui_page_fixture_tear_down (UiPageFixture *fixture,
                                      gconstpointer  page_type);
#define UI_TEST_ADD_PAGE(path, page_type, test) \
  g_test_add ((path), UiPageFixture, GSIZE_TO_POINTER (page_type), \
              ui_page_fixture_set_up, (test), ui_page_fixture_tear_down)
CsnCell   *ui_test_find_cell        (GtkWidget   *root,
                                     CsnItem     *item,
                                     const char  *property);
CsnCell   *ui_test_find_typed_cell  (GtkWidget   *root,
                                     GType        type,
                                     CsnItem     *item,
                                     const char  *property);
CsnCell   *ui_test_find_check_cell  (GtkWidget   *root,
                                     CsnItem     *item,
                                     const char  *key);
GtkWidget *ui_test_find_widget      (GtkWidget   *root,
                                     GType        type,
                                     const char  *css_class);
CsnItem   *ui_test_get_item         (CsnDraft    *draft,
                                     CsnCollection collection,
                                     guint        position);
guint      ui_test_count            (CsnDraft    *draft,
                                     CsnCollection collection);

G_END_DECLS
