/* csn-item-private.h: what the loader and the writer keep of an item beyond its fields. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

JsonObject *csn_item_get_unknown    (CsnItem    *self);
JsonObject *csn_item_get_unknown_in (CsnItem    *self,
                                     const char *key);
void        csn_item_set_unknown_in (CsnItem    *self,
                                     const char *key,
                                     JsonObject *members);

G_END_DECLS
