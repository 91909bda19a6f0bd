/* csn-actors-page.h: the actors, their current roles and the proposals to change them. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_ACTORS_PAGE (csn_actors_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnActorsPage, csn_actors_page, CSN, ACTORS_PAGE, AdwBin)

GtkWidget *csn_actors_page_new        (void);
CsnDraft  *csn_actors_page_get_draft  (CsnActorsPage *self);
void       csn_actors_page_set_draft  (CsnActorsPage *self,
                                     CsnDraft      *draft);
void       csn_actors_page_reveal     (CsnActorsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
