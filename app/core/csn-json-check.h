/* csn-json-check.h: a strict RFC 8259 syntax check that runs before json-glib sees a file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean csn_json_check (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         char       **message);

G_END_DECLS
