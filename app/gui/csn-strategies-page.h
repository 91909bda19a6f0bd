/* csn-strategies-page.h: the strategies assigned to each theme and to actors. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_STRATEGIES_PAGE (csn_strategies_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnStrategiesPage, csn_strategies_page, CSN, STRATEGIES_PAGE, AdwBin)

GtkWidget *csn_strategies_page_new        (void);
CsnDraft  *csn_strategies_page_get_draft  (CsnStrategiesPage *self);
void       csn_strategies_page_set_draft  (CsnStrategiesPage *self,
                                     CsnDraft          *draft);
void       csn_strategies_page_reveal     (CsnStrategiesPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
