/* csn-strategy.h: a strategy or mechanism to address a theme, with its lead and supporting actors. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_STRATEGY (csn_strategy_get_type ())

G_DECLARE_FINAL_TYPE (CsnStrategy, csn_strategy, CSN, STRATEGY, CsnItem)

CsnStrategy *csn_strategy_new (void);

G_END_DECLS
