/* csn-merge.h: three-way merge of two copies of a draft, item by item and field by field, as the
 * incoming changes the co-chairs review. */
#pragma once

#include <gio/gio.h>

#include "csn-change.h"
#include "csn-change-set.h"
#include "csn-types.h"

G_BEGIN_DECLS

CsnChangeSet *csn_merge_drafts            (CsnDraft            *mine,
                                           CsnDraft            *theirs,
                                           CsnDraft            *base,
                                           const char          *theirs_name);
CsnDraft     *csn_merge_find_base         (CsnDraft            *mine,
                                           CsnDraft            *theirs);

void          csn_merge_drafts_async      (CsnDraft            *mine,
                                           GFile               *theirs,
                                           GFile               *base,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CsnChangeSet *csn_merge_drafts_finish     (CsnDraft            *mine,
                                           GAsyncResult        *result,
                                           GError             **error);

char         *csn_merge_dup_conflict_line (CsnChange           *change,
                                           CsnDraft            *draft);

G_END_DECLS
