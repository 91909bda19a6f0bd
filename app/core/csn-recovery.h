/* csn-recovery.h: keeps a copy of a draft's unsaved changes on disk so that a crash loses nothing. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

/* Seconds between the first unsaved edit and the copy on disk. */
#define CSN_RECOVERY_DELAY_SECONDS 2
/* The promise: unsaved changes are on disk within 10 seconds of an edit. */
#define CSN_RECOVERY_MAX_DELAY_SECONDS 10

#define CSN_TYPE_RECOVERY (csn_recovery_get_type ())

G_DECLARE_FINAL_TYPE (CsnRecovery, csn_recovery, CSN, RECOVERY, GObject)

char        *csn_recovery_dup_default_directory (void);
GPtrArray   *csn_recovery_list_files            (const char   *directory);

CsnRecovery *csn_recovery_new                   (CsnDraft     *draft,
                                                 const char   *directory);
gboolean     csn_recovery_peek                  (const char   *path,
                                                 char        **display_name,
                                                 GDateTime   **saved_time,
                                                 GError      **error);
CsnRecovery *csn_recovery_restore               (const char   *path,
                                                 GError      **error);
CsnDraft    *csn_recovery_get_draft             (CsnRecovery  *self);
const char  *csn_recovery_get_path              (CsnRecovery  *self);
GDateTime   *csn_recovery_get_saved_time        (CsnRecovery  *self);
gboolean     csn_recovery_get_pending           (CsnRecovery  *self);
void         csn_recovery_set_delay             (CsnRecovery  *self,
                                                 guint         seconds);
guint        csn_recovery_get_delay             (CsnRecovery  *self);
gboolean     csn_recovery_flush                 (CsnRecovery  *self,
                                                 GError      **error);
void         csn_recovery_discard               (CsnRecovery  *self);
void         csn_recovery_remove_file           (const char   *path);

G_END_DECLS
