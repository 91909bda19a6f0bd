/* csn-strategies-page.h: the strategies assigned to each theme and to actors. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_STRATEGIES_PAGE (csn_strategies_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnStrategiesPage, csn_strategies_page, CSN, STRATEGIES_PAGE, CsnListPage)

GtkWidget *csn_strategies_page_new        (void);
void       csn_strategies_page_reveal     (CsnStrategiesPage *self,
                                     CsnItem *item,
                                     const char *property);
const char *csn_strategies_page_get_columns (CsnStrategiesPage *self);
void       csn_strategies_page_set_columns  (CsnStrategiesPage *self,
                                             const char        *columns);

G_END_DECLS
