/* csn-mechanism.h: a working mechanism of the conference and the group's assessment of it. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_MECHANISM (csn_mechanism_get_type ())

G_DECLARE_FINAL_TYPE (CsnMechanism, csn_mechanism, CSN, MECHANISM, CsnItem)

CsnMechanism *csn_mechanism_new (void);

G_END_DECLS
