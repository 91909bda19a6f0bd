/* csn-role-proposal.h: a proposal on the role or attributions of an actor. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ROLE_PROPOSAL (csn_role_proposal_get_type ())

G_DECLARE_FINAL_TYPE (CsnRoleProposal, csn_role_proposal, CSN, ROLE_PROPOSAL, CsnItem)

CsnRoleProposal *csn_role_proposal_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_ROLE_PROPOSAL_PROP_ID           "id"
#define CSN_ROLE_PROPOSAL_PROP_ACTOR        "actor"
#define CSN_ROLE_PROPOSAL_PROP_CHANGE       "change"
#define CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION  "attribution"
#define CSN_ROLE_PROPOSAL_PROP_RATIONALE    "rationale"
#define CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY "supported-by"
#define CSN_ROLE_PROPOSAL_PROP_STATUS       "status"

const char         *csn_role_proposal_get_id           (CsnRoleProposal *self);
const char         *csn_role_proposal_get_actor        (CsnRoleProposal *self);
CsnRoleChange       csn_role_proposal_get_change       (CsnRoleProposal *self);
const char         *csn_role_proposal_get_attribution  (CsnRoleProposal *self);
const char         *csn_role_proposal_get_rationale    (CsnRoleProposal *self);
const char * const *csn_role_proposal_get_supported_by (CsnRoleProposal *self);
CsnProposalStatus   csn_role_proposal_get_status       (CsnRoleProposal *self);

G_END_DECLS
