/* csn-drop-draft-dialog.h: asked when drafts are dropped on a window whose draft has work in it:
 * open them in windows of their own, or merge them into this draft; workbooks dropped with them are
 * imported as answers either way. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_DROP_DRAFT_DIALOG (csn_drop_draft_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnDropDraftDialog, csn_drop_draft_dialog, CSN, DROP_DRAFT_DIALOG, AdwMessageDialog)

GtkWidget *csn_drop_draft_dialog_new       (GtkWindow          *parent,
                                            GPtrArray          *files,
                                            const char         *draft_name);
GPtrArray *csn_drop_draft_dialog_get_files (CsnDropDraftDialog *self);
void       csn_drop_draft_dialog_set_workbooks (CsnDropDraftDialog *self,
                                                GPtrArray          *workbooks);
GPtrArray *csn_drop_draft_dialog_get_workbooks (CsnDropDraftDialog *self);

G_END_DECLS
