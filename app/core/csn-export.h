/* csn-export.h: the draft as an .xlsx workbook for the delegations, in Spanish or English. */
#pragma once

#include <gio/gio.h>

#include "csn-enums.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_EXPORT_ERROR (csn_export_error_quark ())

typedef enum {
  CSN_EXPORT_ERROR_WRITE,           /* the workbook could not be written */
  CSN_EXPORT_ERROR_NO_DELEGATIONS,  /* workbooks for the delegations, but the draft has no member states */
} CsnExportError;

GQuark csn_export_error_quark (void);

/* @fraction goes from 0 to 1 as the rows are written. */
typedef void (*CsnExportProgressFunc) (double   fraction,
                                       gpointer user_data);

/*
 * csn_export_xlsx() blocks and calls @progress in the calling thread. The async pair copies what
 * the workbook needs from the draft before returning (the draft may then change, or go: the task
 * has no source object) and writes in a worker thread; _full() calls @progress, and frees its
 * data, in the caller's thread-default main context, at most once per percent, always before the
 * callback. Either way, a failed or cancelled export leaves @path as it was, and the error
 * (G_IO_ERROR_CANCELLED, G_FILE_ERROR or CSN_EXPORT_ERROR) names the file.
 */
gboolean csn_export_xlsx            (CsnDraft              *draft,
                                     const char            *path,
                                     CsnLanguage            language,
                                     CsnExportProgressFunc  progress,
                                     gpointer               user_data,
                                     GCancellable          *cancellable,
                                     GError               **error);
void     csn_export_xlsx_async      (CsnDraft              *draft,
                                     const char            *path,
                                     CsnLanguage            language,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data);
void     csn_export_xlsx_async_full (CsnDraft              *draft,
                                     const char            *path,
                                     CsnLanguage            language,
                                     CsnExportProgressFunc  progress,
                                     gpointer               progress_data,
                                     GDestroyNotify         progress_destroy,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data);
gboolean csn_export_xlsx_finish     (GAsyncResult          *result,
                                     GError               **error);

G_END_DECLS
