/* csn-endorsements-page.h: each member state's endorsement of the document. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENDORSEMENTS_PAGE (csn_endorsements_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnEndorsementsPage, csn_endorsements_page, CSN, ENDORSEMENTS_PAGE, AdwBin)

GtkWidget *csn_endorsements_page_new        (void);
CsnDraft  *csn_endorsements_page_get_draft  (CsnEndorsementsPage *self);
void       csn_endorsements_page_set_draft  (CsnEndorsementsPage *self,
                                     CsnDraft            *draft);
void       csn_endorsements_page_reveal     (CsnEndorsementsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
