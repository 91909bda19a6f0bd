/* csn-strategy.h: a strategy or mechanism to address a theme, with its lead and supporting actors. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_STRATEGY (csn_strategy_get_type ())

G_DECLARE_FINAL_TYPE (CsnStrategy, csn_strategy, CSN, STRATEGY, CsnItem)

CsnStrategy *csn_strategy_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_STRATEGY_PROP_ID          "id"
#define CSN_STRATEGY_PROP_THEME       "theme"
#define CSN_STRATEGY_PROP_DESCRIPTION "description"
#define CSN_STRATEGY_PROP_MECHANISM   "mechanism"
#define CSN_STRATEGY_PROP_LEAD        "lead"
#define CSN_STRATEGY_PROP_SUPPORT     "support"
#define CSN_STRATEGY_PROP_HORIZON     "horizon"
#define CSN_STRATEGY_PROP_NOTES       "notes"

const char         *csn_strategy_get_id          (CsnStrategy *self);
const char         *csn_strategy_get_theme       (CsnStrategy *self);
const char         *csn_strategy_get_description (CsnStrategy *self);
CsnMechanismKind    csn_strategy_get_mechanism   (CsnStrategy *self);
const char         *csn_strategy_get_lead        (CsnStrategy *self);
const char * const *csn_strategy_get_support     (CsnStrategy *self);
CsnHorizon          csn_strategy_get_horizon     (CsnStrategy *self);
const char         *csn_strategy_get_notes       (CsnStrategy *self);

G_END_DECLS
