/* csn-position.h: a member state's position on one item of the agenda, as answered or noted. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_POSITION (csn_position_get_type ())

G_DECLARE_FINAL_TYPE (CsnPosition, csn_position, CSN, POSITION, CsnItem)

CsnPosition *csn_position_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_POSITION_PROP_ID       "id"
#define CSN_POSITION_PROP_COUNTRY  "country"
#define CSN_POSITION_PROP_ITEM     "item"
#define CSN_POSITION_PROP_STANCE   "stance"
#define CSN_POSITION_PROP_COMMENT  "comment"
#define CSN_POSITION_PROP_SOURCE   "source"
#define CSN_POSITION_PROP_RECEIVED "received"

const char       *csn_position_get_id       (CsnPosition *self);
const char       *csn_position_get_country  (CsnPosition *self);
const char       *csn_position_get_item     (CsnPosition *self);
CsnStance         csn_position_get_stance   (CsnPosition *self);
const char       *csn_position_get_comment  (CsnPosition *self);
CsnPositionSource csn_position_get_source   (CsnPosition *self);
const char       *csn_position_get_received (CsnPosition *self);

G_END_DECLS
