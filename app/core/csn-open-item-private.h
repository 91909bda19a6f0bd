/* csn-open-item-private.h: the open items from a validation already made, for CsnValidation. */
#pragma once

#include "csn-draft-figures.h"
#include "csn-open-item.h"

G_BEGIN_DECLS

GPtrArray *csn_open_items_collect (CsnDraft        *draft,
                                   CsnDraftFigures *figures,
                                   GListModel      *problems);
gboolean   csn_open_item_equal    (CsnOpenItem     *a,
                                   CsnOpenItem     *b);

G_END_DECLS
