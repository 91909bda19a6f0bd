/* csn-restore-dialog.h: offered at start when unsaved changes were left behind by a crash. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_RESTORE_DIALOG (csn_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnRestoreDialog, csn_restore_dialog, CSN, RESTORE_DIALOG, AdwMessageDialog)

GtkWidget *csn_restore_dialog_new (GtkWindow          *parent,
                                   const char * const *names,
                                   GDateTime          *newest);

G_END_DECLS
