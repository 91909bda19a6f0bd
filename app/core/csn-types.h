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
typedef struct _CsnPosition      CsnPosition;
typedef struct _CsnDocumentTexts CsnDocumentTexts;
typedef struct _CsnChange        CsnChange;
typedef struct _CsnChangeSet     CsnChangeSet;
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
  CSN_COLLECTION_POSITIONS,
  CSN_N_COLLECTIONS,
  CSN_COLLECTION_NONE = CSN_N_COLLECTIONS,
  /* Only as the target of a reference: a theme, strategy, mechanism or role proposal. */
  CSN_COLLECTION_AGENDA,
} CsnCollection;

G_END_DECLS
