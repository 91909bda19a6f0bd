/* csn-endorsement.h: a member country's endorsement of the approved document. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENDORSEMENT (csn_endorsement_get_type ())

G_DECLARE_FINAL_TYPE (CsnEndorsement, csn_endorsement, CSN, ENDORSEMENT, CsnItem)

CsnEndorsement *csn_endorsement_new (void);

G_END_DECLS
