/* csn-docx-writer.h: the recommendations document as an editable Word document (.docx). */
#pragma once

#include <gio/gio.h>

#include "csn-document.h"
#include "csn-document-pages.h"

G_BEGIN_DECLS

gboolean csn_docx_writer_write (CsnDocument   *document,
                                CsnPaper       paper,
                                const char    *path,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
