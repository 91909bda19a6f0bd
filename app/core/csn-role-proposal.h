/* csn-role-proposal.h: a proposal on the role or attributions of an actor. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_ROLE_PROPOSAL (csn_role_proposal_get_type ())

G_DECLARE_FINAL_TYPE (CsnRoleProposal, csn_role_proposal, CSN, ROLE_PROPOSAL, CsnItem)

CsnRoleProposal *csn_role_proposal_new (void);

G_END_DECLS
