/* csn-json-check.h: a strict RFC 8259 parser for drafts, which keeps the text of every number. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *csn_json_parse (const char   *data,
                          gsize         length,
                          guint         max_depth,
                          GHashTable  **number_texts,
                          char        **message);

G_END_DECLS
