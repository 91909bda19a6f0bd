/* csn-open-item-private.h: the open items from a validation already made, for CsnValidation. */
#pragma once

#include "csn-draft-figures.h"
#include "csn-open-item.h"

G_BEGIN_DECLS

GPtrArray *csn_open_items_collect (CsnDraft        *draft,
                                   CsnDraftFigures *figures,
                                   GListModel      *problems);

/* Collected a kind at a time, between frames; the draft must not change between two steps. */
typedef struct _CsnOpenItemsCollector CsnOpenItemsCollector;

CsnOpenItemsCollector *csn_open_items_collector_new    (CsnDraft              *draft,
                                                        CsnDraftFigures       *figures,
                                                        GListModel            *problems);
gboolean               csn_open_items_collector_step   (CsnOpenItemsCollector *self,
                                                        gint64                 deadline);
GPtrArray             *csn_open_items_collector_finish (CsnOpenItemsCollector *self);
void                   csn_open_items_collector_free   (CsnOpenItemsCollector *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnOpenItemsCollector, csn_open_items_collector_free)

gboolean   csn_open_item_equal    (CsnOpenItem     *a,
                                   CsnOpenItem     *b);

G_END_DECLS
