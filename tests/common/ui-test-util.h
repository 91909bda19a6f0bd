/* ui-test-util.h: what the UI tests share: a private home, waiting for conditions, finding widgets and cells. */
#pragma once

#include <adwaita.h>

#include "csn-application.h"
#include "csn-cell.h"
#include "csn-choice-popover.h"
#include "csn-draft.h"
#include "csn-review-page.h"
#include "csn-window.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails: long, since only a failing test waits so long. */
#define UI_TEST_TIMEOUT_MS 10000

void             ui_test_init              (int          *argc,
                                            char       ***argv);

void             ui_test_setup_home        (void);
void             ui_test_teardown_home     (void);
char            *ui_test_tmp_path          (const char   *name);

typedef gboolean (*UiTestCondition)        (gpointer      data);

gboolean         ui_test_wait_for          (UiTestCondition condition,
                                            gpointer      data,
                                            guint         timeout_ms);
void             ui_test_flush             (void);
gboolean         ui_test_iterate           (gint64        deadline);

/* Runs the main loop until @condition holds; the test fails if it does not within the timeout. */
#define UI_TEST_WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + UI_TEST_TIMEOUT_MS * (G_USEC_PER_SEC / 1000); \
    while (!(condition) && ui_test_iterate (deadline_)) \
      ; \
    if (!(condition)) \
      g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                "timed out waiting for " #condition); \
  } G_STMT_END

GtkWidget       *ui_test_show_page         (GtkWidget    *page);
void             ui_test_close             (GtkWidget    *page);
void             ui_test_present_window    (GtkWindow    *window);
void             ui_test_destroy_window    (GtkWindow    *window);
CsnWindow       *ui_test_open_window       (CsnApplication *app,
                                            CsnDraft     *draft);
void             ui_test_close_window      (CsnWindow    *window);
gboolean         ui_test_lists_bound       (GtkWidget    *root);

CsnCell         *ui_test_find_cell         (GtkWidget    *root,
                                            CsnItem      *item,
                                            const char   *property);
CsnCell         *ui_test_find_typed_cell   (GtkWidget    *root,
                                            GType         type,
                                            CsnItem      *item,
                                            const char   *property);
CsnCell         *ui_test_find_check_cell   (GtkWidget    *root,
                                            CsnItem      *item,
                                            const char   *key);
CsnChoicePopover *ui_test_open_choices     (CsnCell      *cell);
GtkCalendar     *ui_test_open_calendar     (GtkWidget    *date_row);
gboolean         ui_test_choose            (CsnCell      *cell,
                                            const char   *title);
GtkWidget       *ui_test_find_widget       (GtkWidget    *root,
                                            GType         type,
                                            const char   *css_class);
GtkWidget       *ui_test_find_button       (GtkWidget    *root,
                                            const char   *label);
GtkWidget       *ui_test_find_action_button (GtkWidget   *root,
                                            const char   *action_name);
gboolean         ui_test_press_keys        (GtkWidget    *widget,
                                            guint         keyval,
                                            GdkModifierType modifiers);

CsnItem         *ui_test_get_item          (CsnDraft     *draft,
                                            CsnCollection collection,
                                            guint         position);
guint            ui_test_count             (CsnDraft     *draft,
                                            CsnCollection collection);

CsnApplication  *ui_test_create_application (void);
GtkWindow       *ui_test_find_toplevel     (GType         type);
gboolean         ui_test_toplevel_shown    (gpointer      type);
void             ui_test_click_response    (GtkWindow    *dialog,
                                            const char   *id);
void             ui_test_choose_save_file  (CsnWindow    *window,
                                            GFile        *file);
void             ui_test_save_as           (CsnWindow    *window,
                                            GFile        *file);

/* A page of the type given as the test's data, on a new draft from the CRM template, shown. */
typedef struct
{
  CsnDraft  *draft;
  GtkWidget *page;
} UiPageFixture;

void             ui_page_fixture_set_up    (UiPageFixture *fixture,
                                            gconstpointer  page_type);
void             ui_page_fixture_tear_down (UiPageFixture *fixture,
                                            gconstpointer  page_type);
#define UI_TEST_ADD_PAGE(path, page_type, test) \
  g_test_add ((path), UiPageFixture, GSIZE_TO_POINTER (page_type), \
              ui_page_fixture_set_up, (test), ui_page_fixture_tear_down)

/* The window's parts and actions, as the window tests reach them. */
gpointer         ui_test_window_child      (CsnWindow    *window,
                                            const char   *name);
CsnReviewPage   *ui_test_review_page       (CsnWindow    *window);
guint            ui_test_count_mapped      (GtkWidget    *root,
                                            GType         type);
const char      *ui_test_list_stack_shown  (GtkWidget    *page);
const char      *ui_test_find_label_text   (GtkWidget    *root,
                                            const char   *part);
void             ui_test_click             (GtkWidget    *button);
gulong           ui_test_count_focus_moves (GtkWindow    *window,
                                            guint        *moves);
char            *ui_test_dup_content       (CsnDraft     *draft);
gboolean         ui_test_drop_files        (CsnWindow    *window,
                                            GSList       *files);
void             ui_test_wait_for_frames   (GtkWidget    *widget,
                                            guint         n_frames);
void             ui_test_shoot             (GtkWidget    *window,
                                            const char   *dir,
                                            const char   *name);

G_END_DECLS
