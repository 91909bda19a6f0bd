/* csn-role-proposal.c: a proposal on the role or attributions of an actor. */
#define G_LOG_DOMAIN "csn-role-proposal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-role-proposal.h"

struct _CsnRoleProposal
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnRoleProposal, csn_role_proposal, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "actor",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_OWNER,
    .label = N_("actor"),
    .target = CSN_COLLECTION_ACTORS },
  { .key = "change",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("change"),
    .type_func = csn_role_change_get_type,
    .default_value = CSN_ROLE_CHANGE_MODIFY,
    .target = CSN_COLLECTION_NONE },
  { .key = "attribution",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("attribution"),
    .target = CSN_COLLECTION_NONE },
  { .key = "rationale",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("rationale"),
    .target = CSN_COLLECTION_NONE },
  { .key = "supported_by",
    .kind = CSN_FIELD_REF_LIST,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("supported by"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "status",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("status"),
    .type_func = csn_proposal_status_get_type,
    .default_value = CSN_PROPOSAL_STATUS_PROPOSED,
    .target = CSN_COLLECTION_NONE },
};

static void
csn_role_proposal_class_init (CsnRoleProposalClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "role_proposals", "proposal",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_role_proposal_init (CsnRoleProposal *self)
{
}

CsnRoleProposal *
csn_role_proposal_new (void)
{
  return g_object_new (CSN_TYPE_ROLE_PROPOSAL, NULL);
}

const char *
csn_role_proposal_get_id (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_ID);
}

const char *
csn_role_proposal_get_actor (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_ACTOR);
}

CsnRoleChange
csn_role_proposal_get_change (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), CSN_ROLE_CHANGE_MODIFY);
  return csn_item_get_enum (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_CHANGE);
}

const char *
csn_role_proposal_get_attribution (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION);
}

const char *
csn_role_proposal_get_rationale (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_RATIONALE);
}

/* Never NULL: an empty list is empty. */
const char * const *
csn_role_proposal_get_supported_by (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), NULL);
  return csn_item_get_strv (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY);
}

CsnProposalStatus
csn_role_proposal_get_status (CsnRoleProposal *self)
{
  g_return_val_if_fail (CSN_IS_ROLE_PROPOSAL (self), CSN_PROPOSAL_STATUS_PROPOSED);
  return csn_item_get_enum (CSN_ITEM (self), CSN_ROLE_PROPOSAL_PROP_STATUS);
}
