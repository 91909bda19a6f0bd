/* csn-date-text.h: dates shown and typed in the user's locale, kept as YYYY-MM-DD in the draft. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *csn_date_text_format (const char  *iso);
gboolean  csn_date_text_parse  (const char  *text,
                                char       **iso);
GDateTime *csn_date_text_to_date_time (const char *iso);

G_END_DECLS
