/* csn-actor.h: an actor of the conference whose role the group discusses. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ACTOR (csn_actor_get_type ())

G_DECLARE_FINAL_TYPE (CsnActor, csn_actor, CSN, ACTOR, CsnItem)

CsnActor *csn_actor_new (void);

G_END_DECLS
