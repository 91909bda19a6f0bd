/* csn-window.h: the editor window of one draft: the agenda in a sidebar, one page per part of the meeting. */
#pragma once

#include <adwaita.h>

#include "csn-application.h"
#include "csn-change-set.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-recovery.h"
#include "csn-review-group.h"

G_BEGIN_DECLS

#define CSN_TYPE_WINDOW (csn_window_get_type ())

G_DECLARE_FINAL_TYPE (CsnWindow, csn_window, CSN, WINDOW, AdwApplicationWindow)

CsnWindow   *csn_window_new              (CsnApplication *application,
                                          CsnDraft       *draft);
CsnWindow   *csn_window_new_for_recovery (CsnApplication *application,
                                          CsnRecovery    *recovery);
CsnDraft    *csn_window_get_draft        (CsnWindow      *self);
void         csn_window_set_draft        (CsnWindow      *self,
                                          CsnDraft       *draft);
void         csn_window_set_recovery     (CsnWindow      *self,
                                          CsnRecovery    *recovery);
CsnRecovery *csn_window_get_recovery     (CsnWindow      *self);
gboolean     csn_window_is_pristine      (CsnWindow      *self);
void         csn_window_show_error       (CsnWindow      *self,
                                          const char     *title,
                                          const char     *message);
const char  *csn_window_get_error        (CsnWindow      *self);
void         csn_window_export           (CsnWindow      *self,
                                          const char     *path,
                                          CsnLanguage     language);
void         csn_window_export_document  (CsnWindow      *self,
                                          const char     *path);
GtkPrintOperationResult
             csn_window_print            (CsnWindow               *self,
                                          GtkPrintOperationAction  action,
                                          const char              *export_path);
void         csn_window_show_page        (CsnWindow      *self,
                                          const char     *name);
const char  *csn_window_get_visible_page (CsnWindow      *self);
GtkWidget   *csn_window_get_page         (CsnWindow      *self,
                                          const char     *name);
GtkWidget   *csn_window_peek_page        (CsnWindow      *self,
                                          const char     *name);
void         csn_window_reveal           (CsnWindow      *self,
                                          CsnItem        *item,
                                          const char     *property);
void         csn_window_review           (CsnWindow          *self,
                                          CsnChangeSet       *set,
                                          CsnReviewGroupings  groupings,
                                          CsnReviewGrouping   group_by,
                                          const char         *source);
gboolean     csn_window_get_reviewing    (CsnWindow      *self);
void         csn_window_merge_files      (CsnWindow      *self,
                                          GFile         **files,
                                          guint           n_files);
void         csn_window_compare_file     (CsnWindow      *self,
                                          GFile          *file);
void         csn_window_export_delegations (CsnWindow  *self,
                                            GFile      *folder,
                                            int         language);
void         csn_window_import_answers   (CsnWindow      *self,
                                          GFile         **files,
                                          guint           n_files);
gboolean     csn_window_get_translation_mode (CsnWindow  *self);
void         csn_window_set_translation_mode (CsnWindow  *self,
                                              gboolean    translation_mode);
void         csn_window_translate_page   (CsnWindow      *self,
                                          const char     *page,
                                          const char     *filter);
void         csn_window_export_translation (CsnWindow  *self,
                                            const char *path);
void         csn_window_import_translation (CsnWindow  *self,
                                            GFile      *file);

G_END_DECLS
