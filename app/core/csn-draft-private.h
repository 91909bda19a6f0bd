/* csn-draft-private.h: what the core's own files need of a draft and its lists, beyond the public API. */
#pragma once

#include "csn-draft.h"

G_BEGIN_DECLS

JsonObject *csn_draft_get_unknown           (CsnDraft      *self);
char       *csn_collection_dup_remove_label (CsnCollection  collection,
                                             const char    *title);
char       *csn_draft_dup_untitled_name     (CsnDraft      *self,
                                             CsnItem       *item);

G_END_DECLS
