/* csn-endorsements-page.h: each member state's endorsement of the document. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENDORSEMENTS_PAGE (csn_endorsements_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnEndorsementsPage, csn_endorsements_page, CSN, ENDORSEMENTS_PAGE, CsnListPage)

GtkWidget *csn_endorsements_page_new        (void);
void       csn_endorsements_page_reveal     (CsnEndorsementsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
