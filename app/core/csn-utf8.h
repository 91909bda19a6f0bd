/* csn-utf8.h: UTF-8 checks and counts over whole texts, eight bytes at a time through ASCII, for the
 * loader and the workbook writer, which see every character of a large draft. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean csn_utf8_validate    (const char *text,
                               gsize       length);
gsize    csn_utf8_count_chars (const char *text,
                               gsize       length);

G_END_DECLS
