/* csn-safe-file.h: replacing a file so that a crash at any moment leaves the old or the new one whole,
 * and never over someone else's newer edit. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a file looked like when it was last read or written: GLib's entity tag (its modification time,
 * to the nanosecond on local files) and its size. Another stamp means someone else changed it. */
typedef struct
{
  char    *etag;
  goffset  size;
} CsnFileStamp;

#define CSN_FILE_STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

CsnFileStamp *csn_file_stamp_new           (const char          *etag,
                                            goffset              size);
CsnFileStamp *csn_file_stamp_new_from_info (GFileInfo           *info);
CsnFileStamp *csn_file_stamp_copy          (const CsnFileStamp  *stamp);
gboolean      csn_file_stamp_equal         (const CsnFileStamp  *a,
                                            const CsnFileStamp  *b);
void          csn_file_stamp_free          (CsnFileStamp        *stamp);

char         *csn_file_dup_display_basename (GFile              *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnFileStamp, csn_file_stamp_free)

typedef enum {
  CSN_SAFE_FILE_NONE   = 0,
  CSN_SAFE_FILE_BACKUP = 1 << 0,  /* keep the replaced file as "NAME~" */
} CsnSafeFileFlags;

/* Thread-safe: drafts are saved from a worker thread. */
gboolean  csn_safe_file_save        (GFile               *file,
                                     const char          *data,
                                     gsize                length,
                                     CsnSafeFileFlags     flags,
                                     const CsnFileStamp  *expected,
                                     CsnFileStamp       **written,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* For writers that only take a file name (libxlsxwriter): a temporary file beside the target. */
char     *csn_safe_file_create_temp (const char          *target,
                                     int                 *fd,
                                     GError             **error);
gboolean  csn_safe_file_commit      (const char          *temp_path,
                                     const char          *target,
                                     gboolean             keep_backup,
                                     GError             **error);

G_END_DECLS
