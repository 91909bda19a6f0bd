/* csn-document-export.h: the recommendations document written as .docx or .pdf, in a worker thread
 * for the window or at once for the command line. */
#pragma once

#include <gio/gio.h>

#include "csn-document.h"
#include "csn-document-pages.h"

G_BEGIN_DECLS

typedef enum {
  CSN_DOCUMENT_FORMAT_DOCX,
  CSN_DOCUMENT_FORMAT_PDF,
} CsnDocumentFormat;

gboolean csn_document_format_for_path (const char           *path,
                                       CsnDocumentFormat    *format);

gboolean csn_document_write           (CsnDocument          *document,
                                       CsnDocumentFormat     format,
                                       CsnPaper              paper,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);

/*
 * csn_document_export() builds the document from @draft and writes it, blocking. The async pair
 * builds it now, in the calling (main) thread, so the draft may change at once, and writes it in
 * a worker thread. The format comes from @path's extension. A failed or cancelled export leaves
 * @path as it was; the error (G_IO_ERROR_CANCELLED, G_FILE_ERROR or CSN_EXPORT_ERROR) names it.
 */
gboolean csn_document_export          (CsnDraft             *draft,
                                       const char           *path,
                                       CsnLanguage           language,
                                       CsnPaper              paper,
                                       GCancellable         *cancellable,
                                       GError              **error);
void     csn_document_export_async    (CsnDraft             *draft,
                                       const char           *path,
                                       CsnLanguage           language,
                                       CsnPaper              paper,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean csn_document_export_finish   (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
