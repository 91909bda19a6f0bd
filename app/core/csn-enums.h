/* csn-enums.h: the enumerations of the consenso-draft format; each nick is its JSON value. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CSN_LANGUAGE_ES,
  CSN_LANGUAGE_EN,
} CsnLanguage;

typedef enum {
  CSN_MEETING_STATUS_DRAFT,
  CSN_MEETING_STATUS_APPROVED,
  CSN_MEETING_STATUS_SUBMITTED,
} CsnMeetingStatus;

typedef enum {
  CSN_MEMBERSHIP_MEMBER,
  CSN_MEMBERSHIP_OBSERVER,
} CsnMembership;

typedef enum {
  CSN_ACTOR_KIND_PRO_TEMPORE_PRESIDENCY,
  CSN_ACTOR_KIND_TECHNICAL_SECRETARIAT,
  CSN_ACTOR_KIND_CIVIL_SOCIETY,
  CSN_ACTOR_KIND_OBSERVER_COUNTRIES,
  CSN_ACTOR_KIND_INTERNATIONAL_ORGANIZATIONS,
  CSN_ACTOR_KIND_MEMBER_COUNTRIES,
  CSN_ACTOR_KIND_OTHER,
} CsnActorKind;

typedef enum {
  CSN_HORIZON_SHORT_TERM,
  CSN_HORIZON_MEDIUM_TERM,
  CSN_HORIZON_UNDECIDED,
} CsnHorizon;

typedef enum {
  CSN_CONSENSUS_PENDING,
  CSN_CONSENSUS_AGREED,
  CSN_CONSENSUS_RESERVATIONS,
} CsnConsensus;

typedef enum {
  CSN_MECHANISM_KIND_WORKSHOP,
  CSN_MECHANISM_KIND_SEMINAR,
  CSN_MECHANISM_KIND_WORKING_GROUP,
  CSN_MECHANISM_KIND_LIAISON_NETWORK,
  CSN_MECHANISM_KIND_STUDY,
  CSN_MECHANISM_KIND_TECHNICAL_ASSISTANCE,
  CSN_MECHANISM_KIND_AGREEMENT,
  CSN_MECHANISM_KIND_OTHER,
} CsnMechanismKind;

typedef enum {
  CSN_ASSESSMENT_ADEQUATE,
  CSN_ASSESSMENT_NEEDS_CHANGE,
  CSN_ASSESSMENT_REPLACE,
  CSN_ASSESSMENT_NOT_ASSESSED,
} CsnAssessment;

typedef enum {
  CSN_ROLE_CHANGE_KEEP,
  CSN_ROLE_CHANGE_MODIFY,
  CSN_ROLE_CHANGE_ADD,
  CSN_ROLE_CHANGE_REMOVE,
} CsnRoleChange;

typedef enum {
  CSN_PROPOSAL_STATUS_PROPOSED,
  CSN_PROPOSAL_STATUS_AGREED,
  CSN_PROPOSAL_STATUS_REJECTED,
} CsnProposalStatus;

typedef enum {
  CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION,
  CSN_PARTICIPANT_ROLE_DELEGATE,
  CSN_PARTICIPANT_ROLE_TECHNICAL_ADVISOR,
} CsnParticipantRole;

typedef enum {
  CSN_ENDORSEMENT_STATUS_PENDING,
  CSN_ENDORSEMENT_STATUS_ENDORSED,
  CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS,
  CSN_ENDORSEMENT_STATUS_NOT_ENDORSED,
} CsnEndorsementStatus;

typedef enum {
  CSN_STANCE_SUPPORTS,
  CSN_STANCE_SUPPORTS_WITH_RESERVATION,
  CSN_STANCE_OBJECTS,
  CSN_STANCE_ABSTAINS,
  CSN_STANCE_NO_POSITION,
} CsnStance;

typedef enum {
  CSN_POSITION_SOURCE_MEETING,
  CSN_POSITION_SOURCE_WORKBOOK,
} CsnPositionSource;

typedef enum {
  CSN_SEVERITY_WARNING,
  CSN_SEVERITY_ERROR,
} CsnSeverity;

/* Not in the file: how a text's translation into the other working language stands. */
typedef enum {
  CSN_TRANSLATION_NOT_NEEDED,  /* the source text is empty */
  CSN_TRANSLATION_MISSING,
  CSN_TRANSLATION_OUTDATED,    /* the source changed since it was translated */
  CSN_TRANSLATION_CURRENT,
} CsnTranslationState;

#define CSN_TYPE_LANGUAGE          (csn_language_get_type ())
#define CSN_TYPE_MEETING_STATUS    (csn_meeting_status_get_type ())
#define CSN_TYPE_MEMBERSHIP        (csn_membership_get_type ())
#define CSN_TYPE_ACTOR_KIND        (csn_actor_kind_get_type ())
#define CSN_TYPE_HORIZON           (csn_horizon_get_type ())
#define CSN_TYPE_CONSENSUS         (csn_consensus_get_type ())
#define CSN_TYPE_MECHANISM_KIND    (csn_mechanism_kind_get_type ())
#define CSN_TYPE_ASSESSMENT        (csn_assessment_get_type ())
#define CSN_TYPE_ROLE_CHANGE       (csn_role_change_get_type ())
#define CSN_TYPE_PROPOSAL_STATUS   (csn_proposal_status_get_type ())
#define CSN_TYPE_PARTICIPANT_ROLE  (csn_participant_role_get_type ())
#define CSN_TYPE_ENDORSEMENT_STATUS (csn_endorsement_status_get_type ())
#define CSN_TYPE_STANCE            (csn_stance_get_type ())
#define CSN_TYPE_POSITION_SOURCE   (csn_position_source_get_type ())
#define CSN_TYPE_SEVERITY          (csn_severity_get_type ())
#define CSN_TYPE_TRANSLATION_STATE (csn_translation_state_get_type ())

GType csn_language_get_type           (void) G_GNUC_CONST;
GType csn_meeting_status_get_type     (void) G_GNUC_CONST;
GType csn_membership_get_type         (void) G_GNUC_CONST;
GType csn_actor_kind_get_type         (void) G_GNUC_CONST;
GType csn_horizon_get_type            (void) G_GNUC_CONST;
GType csn_consensus_get_type          (void) G_GNUC_CONST;
GType csn_mechanism_kind_get_type     (void) G_GNUC_CONST;
GType csn_assessment_get_type         (void) G_GNUC_CONST;
GType csn_role_change_get_type        (void) G_GNUC_CONST;
GType csn_proposal_status_get_type    (void) G_GNUC_CONST;
GType csn_participant_role_get_type   (void) G_GNUC_CONST;
GType csn_endorsement_status_get_type (void) G_GNUC_CONST;
GType csn_stance_get_type             (void) G_GNUC_CONST;
GType csn_position_source_get_type    (void) G_GNUC_CONST;
GType csn_severity_get_type           (void) G_GNUC_CONST;
GType csn_translation_state_get_type  (void) G_GNUC_CONST;

const char *csn_enum_to_nick      (GType        enum_type,
                                   int          value);
gboolean    csn_enum_from_nick    (GType        enum_type,
                                   const char  *nick,
                                   int         *value);
char       *csn_enum_list_nicks   (GType        enum_type);
const char *csn_enum_get_label_msgid (GType      enum_type,
                                     int        value);
const char *csn_enum_get_label    (GType        enum_type,
                                   int          value);

const char *csn_language_get_code (CsnLanguage  language);
CsnLanguage csn_language_get_other (CsnLanguage language);

G_END_DECLS
