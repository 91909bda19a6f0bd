/* csn-mechanisms-page.h: the assessment of the CRM's working mechanisms and the proposed changes. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_MECHANISMS_PAGE (csn_mechanisms_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnMechanismsPage, csn_mechanisms_page, CSN, MECHANISMS_PAGE, CsnListPage)

GtkWidget *csn_mechanisms_page_new        (void);
void       csn_mechanisms_page_reveal     (CsnMechanismsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
