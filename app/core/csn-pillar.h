/* csn-pillar.h: a pillar (central theme) of the CRM Plan of Action. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_PILLAR (csn_pillar_get_type ())

G_DECLARE_FINAL_TYPE (CsnPillar, csn_pillar, CSN, PILLAR, CsnItem)

CsnPillar *csn_pillar_new (void);

G_END_DECLS
