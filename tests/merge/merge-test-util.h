/* merge-test-util.h: copies, saves and merges of drafts for the merge tests. */
#pragma once

#include "consenso-core.h"

G_BEGIN_DECLS

CsnDraft     *mtu_copy        (CsnDraft   *draft);
void          mtu_save        (CsnDraft   *draft,
                               const char *saved_by);
CsnItem      *mtu_item        (CsnDraft      *draft,
                               CsnCollection  collection,
                               guint          position);
CsnChangeSet *mtu_merge       (CsnDraft   *mine,
                               CsnDraft   *theirs,
                               CsnDraft   *base);
char         *mtu_content     (CsnDraft   *draft);
char         *mtu_canonical   (CsnDraft   *draft);
char         *mtu_canonical_sets (CsnDraft *draft);
GPtrArray    *mtu_conflicts   (CsnChangeSet *set,
                               CsnDraft     *mine);
gboolean      mtu_refs_resolve (CsnDraft  *draft,
                                char     **problem);
gboolean      mtu_ids_unique  (CsnDraft   *draft,
                               char      **problem);

G_END_DECLS
