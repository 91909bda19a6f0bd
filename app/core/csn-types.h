/* csn-types.h: forward declarations shared by the Consenso core. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CsnItem          CsnItem;
typedef struct _CsnMeeting       CsnMeeting;
typedef struct _CsnCountry       CsnCountry;
typedef struct _CsnPillar        CsnPillar;
typedef struct _CsnActor         CsnActor;
typedef struct _CsnTheme         CsnTheme;
typedef struct _CsnReservation   CsnReservation;
typedef struct _CsnStrategy      CsnStrategy;
typedef struct _CsnMechanism     CsnMechanism;
typedef struct _CsnRoleProposal  CsnRoleProposal;
typedef struct _CsnParticipant   CsnParticipant;
typedef struct _CsnEndorsement   CsnEndorsement;
typedef struct _CsnHistory       CsnHistory;
typedef struct _CsnDraft         CsnDraft;
typedef struct _CsnProblem       CsnProblem;

/* The lists of a draft, in file order. */
typedef enum {
  CSN_COLLECTION_COUNTRIES,
  CSN_COLLECTION_PILLARS,
  CSN_COLLECTION_ACTORS,
  CSN_COLLECTION_THEMES,
  CSN_COLLECTION_STRATEGIES,
  CSN_COLLECTION_MECHANISMS,
  CSN_COLLECTION_ROLE_PROPOSALS,
  CSN_COLLECTION_PARTICIPANTS,
  CSN_COLLECTION_ENDORSEMENTS,
  CSN_N_COLLECTIONS,
  CSN_COLLECTION_NONE = CSN_N_COLLECTIONS,
} CsnCollection;

G_END_DECLS
