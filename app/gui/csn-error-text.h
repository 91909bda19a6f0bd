/* csn-error-text.h: messages from the core made readable: places in a file said as a person would. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *csn_error_text_describe_places (const char *message);

G_END_DECLS
