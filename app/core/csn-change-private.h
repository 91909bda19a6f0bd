/* csn-change-private.h: how a change tells the set that holds it about its choice, without signals. */
#pragma once

#include "csn-change.h"
#include "csn-change-set.h"

G_BEGIN_DECLS

/* The first set a change was appended to: it counts the change's accepted and conflict flags
 * through the calls below rather than through two signal handlers per change. */
CsnChangeSet *csn_change_get_owner         (CsnChange    *self);
void          csn_change_set_owner         (CsnChange    *self,
                                            CsnChangeSet *owner);

void          csn_change_set_count_accepted (CsnChangeSet *self,
                                             gboolean      accepted);
void          csn_change_set_count_conflict (CsnChangeSet *self,
                                             gboolean      conflict);

G_END_DECLS
