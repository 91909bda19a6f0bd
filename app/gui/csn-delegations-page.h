/* csn-delegations-page.h: the participants of each delegation, checked against its quota. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_DELEGATIONS_PAGE (csn_delegations_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnDelegationsPage, csn_delegations_page, CSN, DELEGATIONS_PAGE, AdwBin)

GtkWidget *csn_delegations_page_new        (void);
CsnDraft  *csn_delegations_page_get_draft  (CsnDelegationsPage *self);
void       csn_delegations_page_set_draft  (CsnDelegationsPage *self,
                                     CsnDraft           *draft);
void       csn_delegations_page_reveal     (CsnDelegationsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
