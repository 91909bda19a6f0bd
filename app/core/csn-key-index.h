/* csn-key-index.h: the items of a list by the value of one text property, kept up to date as the
 * list and the items change (the draft's key lookups, the participants of each country). */
#pragma once

#include <gio/gio.h>

#include "csn-item.h"

G_BEGIN_DECLS

typedef struct _CsnKeyIndex CsnKeyIndex;

CsnKeyIndex *csn_key_index_new          (GListModel  *list,
                                         const char  *property,
                                         gboolean     track_first);
void         csn_key_index_free         (CsnKeyIndex *self);
void         csn_key_index_items_changed (CsnKeyIndex *self,
                                          guint        position,
                                          guint        removed,
                                          guint        added);
CsnItem     *csn_key_index_lookup       (CsnKeyIndex *self,
                                         const char  *value);
guint        csn_key_index_count        (CsnKeyIndex *self,
                                         const char  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnKeyIndex, csn_key_index_free)

G_END_DECLS
