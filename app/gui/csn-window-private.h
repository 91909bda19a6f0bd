/* csn-window-private.h: what the window's two files share: its fields and the helpers both call. */
#pragma once

#include "csn-actors-page.h"
#include "csn-delegations-page.h"
#include "csn-document-page.h"
#include "csn-endorsements-page.h"
#include "csn-mechanisms-page.h"
#include "csn-overview-page.h"
#include "csn-review-page.h"
#include "csn-strategies-page.h"
#include "csn-theme-matrix-page.h"
#include "csn-translation-view.h"
#include "csn-window.h"

G_BEGIN_DECLS

struct _CsnWindow
{
  AdwApplicationWindow  parent_instance;

  CsnDraft             *draft;
  CsnRecovery          *recovery;
  GtkFileChooserNative *chooser;
  GSettings            *settings;      /* NULL when the schema is not installed */
  GCancellable         *export_cancellable;
  char                 *export_path;
  GtkRecentManager     *recent_manager;
  char                 *error_text;
  gboolean              close_confirmed;
  gboolean              close_after_save;

  /* Saving (csn-window-actions.c): the draft's saves run in a worker; the window waits for none. */
  GCancellable         *save_cancellable;  /* the saves and the dialogs they ask; cancelled in dispose */
  guint                 saves_under_way;
  gboolean              save_again;        /* Save was asked while a save was under way */

  /* Incoming changes (csn-window-incoming.c): the review under way, the copy being read. */
  gboolean              reviewing;
  char                 *review_return_page;
  char                 *review_source;
  GHashTable           *review_problems;  /* what validation said before the review */
  GCancellable         *incoming_cancellable;
  GPtrArray            *merge_queue;      /* of GFile: copies to merge after this one */
  AdwToast             *review_toast;     /* weak: what the last review applied */
  gboolean              review_answers;   /* the review under way is of the delegations' answers */
  gboolean              review_translation; /* the review under way is of a translation (XLIFF) */

  /* Translation mode (csn-window-translation.c). */
  gboolean              translation_mode;
  CsnTranslationView   *translation_view;   /* NULL until translation mode is first asked for */
  guint                 export_pulse_source;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar;
  AdwWindowTitle       *window_title;
  GtkWidget            *content_header;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *undo_section;
  GMenuModel           *primary_menu;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *sidebar_menu_button;   /* the folded window's: given primary_menu when it first opens */
  /* What undo_section says, "Undo …" and "Redo …"; while no menu shows it, only once one opens. */
  char                 *undo_section_texts[2];
  gboolean              undo_section_stale;
  GMenu                *recent_menu;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_title;
  GtkLabel             *error_message;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  GtkStack             *stack;
  /* The Overview is made with the window; the list pages at idle once it has shown (pages_ahead_id)
   * or when first shown or asked for, the others when first shown or asked for
   * (_csn_window_ensure_page); NULL until then. */
  guint                 pages_ahead_id;
  CsnOverviewPage      *overview_page;
  CsnThemeMatrixPage   *theme_matrix_page;
  CsnStrategiesPage    *strategies_page;
  CsnMechanismsPage    *mechanisms_page;
  CsnActorsPage        *actors_page;
  CsnDelegationsPage   *delegations_page;
  CsnEndorsementsPage  *endorsements_page;
  CsnReviewPage        *review_page;
  CsnDocumentPage      *document_page;
  GtkPrintSettings     *print_settings;  /* of the last print, for the next one */
  GtkLabel             *overview_open_count;
  GtkLabel             *theme_matrix_open_count;
  GtkLabel             *strategies_open_count;
  GtkLabel             *mechanisms_open_count;
  GtkLabel             *actors_open_count;
  GtkLabel             *delegations_open_count;
  GtkLabel             *endorsements_open_count;
};

/* csn-window-actions.c: the file, export, undo and find actions and the Open Recent menu. */
void _csn_window_class_actions_init   (CsnWindowClass *klass);
void _csn_window_actions_init         (CsnWindow      *self);
void _csn_window_update_history       (CsnWindow      *self);
void _csn_window_save                 (CsnWindow      *self);
void _csn_window_actions_dispose      (CsnWindow      *self);
GtkFileFilter *_csn_window_create_draft_filter (void);
void _csn_window_remember_folder      (CsnWindow      *self,
                                       GFile          *file);
void _csn_window_start_in_last_folder (CsnWindow      *self,
                                       GtkFileChooser *chooser);
GFile *_csn_window_dup_last_folder    (CsnWindow      *self);
void _csn_window_set_exporting        (CsnWindow      *self,
                                       gboolean        exporting);
void _csn_window_begin_export         (CsnWindow      *self,
                                       const char     *label);
gboolean _csn_window_end_export       (CsnWindow      *self,
                                       const GError   *error,
                                       const char     *failed_title);
void _csn_window_toast_export         (CsnWindow      *self,
                                       const char     *message,
                                       const char     *button_label,
                                       const char     *uri);

/* csn-window-incoming.c: the review of incoming changes, Merge Draft…, Compare With…, dropped drafts,
 * and the name saves record. */
void _csn_window_class_incoming_init  (CsnWindowClass *klass);
void _csn_window_review_page_made     (CsnWindow      *self);
void _csn_window_incoming_init        (CsnWindow      *self);
void _csn_window_incoming_dispose     (CsnWindow      *self);
void _csn_window_incoming_draft_set   (CsnWindow      *self);
void _csn_window_drop_files           (CsnWindow      *self,
                                       GSList         *files);
void _csn_window_update_incoming_actions (CsnWindow   *self);

/* csn-window-answers.c: Export for Delegations… and Import Answers… (the delegations' round trip). */
void _csn_window_class_answers_init   (CsnWindowClass *klass);
char *_csn_window_dup_answers_applied (CsnChangeSet   *set,
                                       guint           n_applied);

/* csn-window-document.c: Print… and Export Document…, with the Document page's language and paper. */
void _csn_window_class_document_init  (CsnWindowClass *klass);
void _csn_window_document_dispose     (CsnWindow      *self);
void _csn_window_document_page_made   (CsnWindow      *self);

/* csn-window-translation.c: translation mode, Export for Translation… and Import Translation…. */
void _csn_window_class_translation_init (CsnWindowClass *klass);
void _csn_window_translation_init     (CsnWindow      *self);
void _csn_window_translation_view_made (CsnWindow     *self);
void _csn_window_translation_dispose  (CsnWindow      *self);
void _csn_window_translation_set_page (CsnWindow      *self,
                                       const char     *page);
gboolean _csn_window_translation_reveal (CsnWindow    *self,
                                         CsnItem      *item,
                                         const char   *property);
gboolean _csn_window_is_translation_file (GFile       *file);
char *_csn_window_dup_translation_applied (guint       n_applied,
                                           const char *source);
void _csn_window_update_translation_actions (CsnWindow *self);

/* csn-window.c */
GtkWidget *_csn_window_ensure_page    (CsnWindow      *self,
                                       const char     *name);
void _csn_window_set_visible_page     (CsnWindow      *self,
                                       const char     *name);
void _csn_window_notify_translation_mode (CsnWindow   *self);
void _csn_window_notify_reviewing     (CsnWindow      *self);
void _csn_window_commit_focused_edit  (CsnWindow      *self);
void _csn_window_destroy_later        (CsnWindow      *self);

G_END_DECLS
