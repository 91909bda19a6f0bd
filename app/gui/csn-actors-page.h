/* csn-actors-page.h: the actors, their current roles and the proposals to change them. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_ACTORS_PAGE (csn_actors_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnActorsPage, csn_actors_page, CSN, ACTORS_PAGE, CsnListPage)

GtkWidget *csn_actors_page_new        (void);
void       csn_actors_page_reveal     (CsnActorsPage *self,
                                     CsnItem *item,
                                     const char *property);

G_END_DECLS
