/* csn-export-delegations-dialog.h: Export for Delegations: the folder for the member states' workbooks, their
 * language, and by when and where the delegations send their answers back. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_EXPORT_DELEGATIONS_DIALOG (csn_export_delegations_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnExportDelegationsDialog, csn_export_delegations_dialog, CSN, EXPORT_DELEGATIONS_DIALOG,
                      AdwWindow)

GtkWidget  *csn_export_delegations_dialog_new             (GtkWindow                  *parent,
                                                           CsnDraft                   *draft,
                                                           GFile                      *folder);
GFile      *csn_export_delegations_dialog_get_folder      (CsnExportDelegationsDialog *self);
void        csn_export_delegations_dialog_set_folder      (CsnExportDelegationsDialog *self,
                                                           GFile                      *folder);
int         csn_export_delegations_dialog_get_language    (CsnExportDelegationsDialog *self);
void        csn_export_delegations_dialog_set_language    (CsnExportDelegationsDialog *self,
                                                           int                         language);
const char *csn_export_delegations_dialog_get_answers_due (CsnExportDelegationsDialog *self);
const char *csn_export_delegations_dialog_get_answers_to  (CsnExportDelegationsDialog *self);

G_END_DECLS
