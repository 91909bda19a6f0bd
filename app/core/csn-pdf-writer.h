/* csn-pdf-writer.h: the recommendations document as a print-ready PDF, headless. */
#pragma once

#include <gio/gio.h>

#include "csn-document.h"
#include "csn-document-pages.h"

G_BEGIN_DECLS

gboolean csn_pdf_writer_write (CsnDocument   *document,
                               CsnPaper       paper,
                               const char    *path,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
