/* csn-read-only-dialog.h: asked when a save finds the draft's file read-only. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_READ_ONLY_DIALOG (csn_read_only_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnReadOnlyDialog, csn_read_only_dialog, CSN, READ_ONLY_DIALOG, AdwMessageDialog)

GtkWidget *csn_read_only_dialog_new (GtkWindow  *parent,
                                     const char *display_name);

G_END_DECLS
