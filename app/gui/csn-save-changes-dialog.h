/* csn-save-changes-dialog.h: asked when a window with unsaved changes is closed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_SAVE_CHANGES_DIALOG (csn_save_changes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnSaveChangesDialog, csn_save_changes_dialog, CSN, SAVE_CHANGES_DIALOG,
                      AdwMessageDialog)

GtkWidget *csn_save_changes_dialog_new (GtkWindow  *parent,
                                        const char *display_name);

G_END_DECLS
