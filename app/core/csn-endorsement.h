/* csn-endorsement.h: a member country's endorsement of the approved document. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENDORSEMENT (csn_endorsement_get_type ())

G_DECLARE_FINAL_TYPE (CsnEndorsement, csn_endorsement, CSN, ENDORSEMENT, CsnItem)

CsnEndorsement *csn_endorsement_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_ENDORSEMENT_PROP_COUNTRY "country"
#define CSN_ENDORSEMENT_PROP_STATUS  "status"
#define CSN_ENDORSEMENT_PROP_DATE    "date"
#define CSN_ENDORSEMENT_PROP_NOTE    "note"

const char          *csn_endorsement_get_country (CsnEndorsement *self);
CsnEndorsementStatus csn_endorsement_get_status  (CsnEndorsement *self);
const char          *csn_endorsement_get_date    (CsnEndorsement *self);
const char          *csn_endorsement_get_note    (CsnEndorsement *self);

G_END_DECLS
