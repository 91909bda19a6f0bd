/* csn-mechanism.h: a working mechanism of the conference and the group's assessment of it. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_MECHANISM (csn_mechanism_get_type ())

G_DECLARE_FINAL_TYPE (CsnMechanism, csn_mechanism, CSN, MECHANISM, CsnItem)

CsnMechanism *csn_mechanism_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_MECHANISM_PROP_ID             "id"
#define CSN_MECHANISM_PROP_NAME           "name"
#define CSN_MECHANISM_PROP_ASSESSMENT     "assessment"
#define CSN_MECHANISM_PROP_CONSIDERATIONS "considerations"
#define CSN_MECHANISM_PROP_PROPOSAL       "proposal"

const char   *csn_mechanism_get_id             (CsnMechanism *self);
const char   *csn_mechanism_get_name           (CsnMechanism *self);
CsnAssessment csn_mechanism_get_assessment     (CsnMechanism *self);
const char   *csn_mechanism_get_considerations (CsnMechanism *self);
const char   *csn_mechanism_get_proposal       (CsnMechanism *self);

G_END_DECLS
