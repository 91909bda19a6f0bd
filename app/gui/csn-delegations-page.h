/* csn-delegations-page.h: the participants of each delegation, checked against its quota. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_DELEGATIONS_PAGE (csn_delegations_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnDelegationsPage, csn_delegations_page, CSN, DELEGATIONS_PAGE, CsnListPage)

GtkWidget *csn_delegations_page_new        (void);
void       csn_delegations_page_reveal     (CsnDelegationsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
