/* csn-validate.h: the problems a loaded draft may have, which the user sees and fixes. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

GListModel *csn_draft_validate (CsnDraft *draft);
gboolean    csn_date_is_valid  (const char *text);

G_END_DECLS
