/* csn-participant.h: a member of a country's delegation. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_PARTICIPANT (csn_participant_get_type ())

G_DECLARE_FINAL_TYPE (CsnParticipant, csn_participant, CSN, PARTICIPANT, CsnItem)

CsnParticipant *csn_participant_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_PARTICIPANT_PROP_ID       "id"
#define CSN_PARTICIPANT_PROP_NAME     "name"
#define CSN_PARTICIPANT_PROP_COUNTRY  "country"
#define CSN_PARTICIPANT_PROP_POSITION "position"
#define CSN_PARTICIPANT_PROP_EMAIL    "email"
#define CSN_PARTICIPANT_PROP_ROLE     "role"

const char        *csn_participant_get_id       (CsnParticipant *self);
const char        *csn_participant_get_name     (CsnParticipant *self);
const char        *csn_participant_get_country  (CsnParticipant *self);
const char        *csn_participant_get_position (CsnParticipant *self);
const char        *csn_participant_get_email    (CsnParticipant *self);
CsnParticipantRole csn_participant_get_role     (CsnParticipant *self);

G_END_DECLS
