/* csn-pillar.h: a pillar (central theme) of the CRM Plan of Action. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_PILLAR (csn_pillar_get_type ())

G_DECLARE_FINAL_TYPE (CsnPillar, csn_pillar, CSN, PILLAR, CsnItem)

CsnPillar *csn_pillar_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_PILLAR_PROP_ID      "id"
#define CSN_PILLAR_PROP_NAME_ES "name-es"
#define CSN_PILLAR_PROP_NAME_EN "name-en"

const char *csn_pillar_get_id   (CsnPillar *self);
const char *csn_pillar_get_name (CsnPillar *self, CsnLanguage language);

G_END_DECLS
