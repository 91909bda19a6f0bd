/* csn-overview-page.h: the meeting's details, how far the group got, and what is still open. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_OVERVIEW_PAGE (csn_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnOverviewPage, csn_overview_page, CSN, OVERVIEW_PAGE, AdwBin)

GtkWidget  *csn_overview_page_new            (void);
CsnDraft   *csn_overview_page_get_draft      (CsnOverviewPage *self);
void        csn_overview_page_set_draft      (CsnOverviewPage *self,
                                              CsnDraft        *draft);
GListModel *csn_overview_page_get_open_items (CsnOverviewPage *self);
GListModel *csn_overview_page_get_open_entries (CsnOverviewPage *self);
void        csn_overview_page_reveal         (CsnOverviewPage *self,
                                              CsnItem         *item,
                                              const char      *property);

G_END_DECLS
