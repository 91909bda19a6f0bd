/* csn-safe-file.h: replacing a file so that a crash at any moment leaves the old or the new one whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *csn_safe_file_create_temp (const char  *target,
                                     int         *fd,
                                     GError     **error);
gboolean  csn_safe_file_commit      (const char  *temp_path,
                                     const char  *target,
                                     gboolean     keep_backup,
                                     GError     **error);
gboolean  csn_safe_file_replace     (const char  *target,
                                     const char  *data,
                                     gsize        length,
                                     gboolean     keep_backup,
                                     GError     **error);

G_END_DECLS
