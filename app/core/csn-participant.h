/* csn-participant.h: a member of a country's delegation. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_PARTICIPANT (csn_participant_get_type ())

G_DECLARE_FINAL_TYPE (CsnParticipant, csn_participant, CSN, PARTICIPANT, CsnItem)

CsnParticipant *csn_participant_new (void);

G_END_DECLS
