/* csn-json-check.h: a strict RFC 8259 parser for drafts, which keeps the text of every number. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reads JSON a value at a time, for a reader that knows what it expects; every call that fails
 * leaves a message (but csn_json_scanner_read_integer() on a number of another kind). */
typedef struct
{
  /*< private >*/
  const char *data;
  const char *pos;
  const char *end;
  guint       depth;
  guint       max_depth;
  char       *message;
  GString    *text;     /* the name or string last read */
  GHashTable *numbers;  /* JsonNode → the number's text */
} CsnJsonScanner;

void        csn_json_scanner_init         (CsnJsonScanner *self,
                                           const char     *data,
                                           gsize           length,
                                           guint           max_depth);
void        csn_json_scanner_clear        (CsnJsonScanner *self);
const char *csn_json_scanner_get_message  (CsnJsonScanner *self);
GHashTable *csn_json_scanner_get_numbers  (CsnJsonScanner *self);
char        csn_json_scanner_peek         (CsnJsonScanner *self);
gboolean    csn_json_scanner_open         (CsnJsonScanner *self,
                                           char            opener,
                                           gboolean       *empty);
gboolean    csn_json_scanner_next         (CsnJsonScanner *self,
                                           char            closer,
                                           gboolean       *more);
gboolean    csn_json_scanner_read_name    (CsnJsonScanner *self);
gboolean    csn_json_scanner_read_string  (CsnJsonScanner *self);
const char *csn_json_scanner_get_text     (CsnJsonScanner *self,
                                           gsize          *length);
gboolean    csn_json_scanner_read_null    (CsnJsonScanner *self);
gboolean    csn_json_scanner_read_integer (CsnJsonScanner *self,
                                           gint64         *value);
JsonNode   *csn_json_scanner_read_value   (CsnJsonScanner *self);
gboolean    csn_json_scanner_finish       (CsnJsonScanner *self);

JsonNode *csn_json_parse (const char   *data,
                          gsize         length,
                          guint         max_depth,
                          GHashTable  **number_texts,
                          char        **message);

G_END_DECLS
