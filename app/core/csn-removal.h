/* csn-removal.h: removing an item with everything that belongs to it, as one undoable step. */
#pragma once

#include "csn-item.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_TYPE_REMOVAL (csn_removal_get_type ())

typedef struct _CsnRemoval CsnRemoval;

GType       csn_removal_get_type           (void) G_GNUC_CONST;

CsnRemoval *csn_draft_remove_item          (CsnDraft      *draft,
                                            CsnItem       *item);

CsnRemoval *csn_removal_ref                (CsnRemoval    *self);
void        csn_removal_unref              (CsnRemoval    *self);
const char *csn_removal_get_message        (CsnRemoval    *self);
const char *csn_removal_get_label          (CsnRemoval    *self);
guint       csn_removal_get_n_removed      (CsnRemoval    *self,
                                            CsnCollection  collection);
guint       csn_removal_get_n_reservations (CsnRemoval    *self);
guint       csn_removal_get_n_changed      (CsnRemoval    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnRemoval, csn_removal_unref)

G_END_DECLS
