/* csn-position.h: a member state's position on one item of the agenda, as answered or noted. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_POSITION (csn_position_get_type ())

G_DECLARE_FINAL_TYPE (CsnPosition, csn_position, CSN, POSITION, CsnItem)

CsnPosition *csn_position_new (void);

G_END_DECLS
