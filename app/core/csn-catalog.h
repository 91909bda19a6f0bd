/* csn-catalog.h: fixed labels in a language chosen at run time, whatever the interface language. */
#pragma once

#include <glib.h>

#include "csn-enums.h"

G_BEGIN_DECLS

const char *csn_catalog_lookup            (CsnLanguage  language,
                                           const char  *msgid) G_GNUC_FORMAT (2);
const char *csn_catalog_lookup_enum_label (CsnLanguage  language,
                                           GType        enum_type,
                                           int          value);

G_END_DECLS
