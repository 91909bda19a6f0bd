/* csn-file-changed-dialog.h: asked when a save finds that someone else changed the draft's file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  CSN_FILE_CHANGED_RESPONSE_CANCEL,     /* keep editing, save nothing */
  CSN_FILE_CHANGED_RESPONSE_SAVE_AS,    /* save this version under another name */
  CSN_FILE_CHANGED_RESPONSE_OVERWRITE,  /* replace the other version (the save keeps it as NAME~) */
  CSN_FILE_CHANGED_RESPONSE_RELOAD,     /* read the file again, dropping the unsaved changes */
} CsnFileChangedResponse;

#define CSN_TYPE_FILE_CHANGED_DIALOG (csn_file_changed_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnFileChangedDialog, csn_file_changed_dialog, CSN, FILE_CHANGED_DIALOG,
                      AdwMessageDialog)

void                   csn_file_changed_dialog_choose_async  (GtkWindow            *parent,
                                                              const char           *display_name,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
CsnFileChangedResponse csn_file_changed_dialog_choose_finish (GAsyncResult         *result,
                                                              GError              **error);

G_END_DECLS
