/* csn-actor.h: an actor of the conference whose role the group discusses. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ACTOR (csn_actor_get_type ())

G_DECLARE_FINAL_TYPE (CsnActor, csn_actor, CSN, ACTOR, CsnItem)

CsnActor *csn_actor_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_ACTOR_PROP_ID           "id"
#define CSN_ACTOR_PROP_KIND         "kind"
#define CSN_ACTOR_PROP_NAME_ES      "name-es"
#define CSN_ACTOR_PROP_NAME_EN      "name-en"
#define CSN_ACTOR_PROP_CURRENT_ROLE "current-role"

const char  *csn_actor_get_id           (CsnActor *self);
CsnActorKind csn_actor_get_kind         (CsnActor *self);
const char  *csn_actor_get_name         (CsnActor *self, CsnLanguage language);
const char  *csn_actor_get_current_role (CsnActor *self);

G_END_DECLS
