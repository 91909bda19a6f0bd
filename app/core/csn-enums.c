/* csn-enums.c: enum types of the draft format, their JSON nicks and their translatable labels. */
#define G_LOG_DOMAIN "csn-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"

G_DEFINE_ENUM_TYPE (CsnLanguage, csn_language,
  G_DEFINE_ENUM_VALUE (CSN_LANGUAGE_ES, "es"),
  G_DEFINE_ENUM_VALUE (CSN_LANGUAGE_EN, "en"))

G_DEFINE_ENUM_TYPE (CsnMeetingStatus, csn_meeting_status,
  G_DEFINE_ENUM_VALUE (CSN_MEETING_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (CSN_MEETING_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (CSN_MEETING_STATUS_SUBMITTED, "submitted"))

G_DEFINE_ENUM_TYPE (CsnMembership, csn_membership,
  G_DEFINE_ENUM_VALUE (CSN_MEMBERSHIP_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (CSN_MEMBERSHIP_OBSERVER, "observer"))

G_DEFINE_ENUM_TYPE (CsnActorKind, csn_actor_kind,
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_PRO_TEMPORE_PRESIDENCY, "pro-tempore-presidency"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_TECHNICAL_SECRETARIAT, "technical-secretariat"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_CIVIL_SOCIETY, "civil-society"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_OBSERVER_COUNTRIES, "observer-countries"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_INTERNATIONAL_ORGANIZATIONS, "international-organizations"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_MEMBER_COUNTRIES, "member-countries"),
  G_DEFINE_ENUM_VALUE (CSN_ACTOR_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CsnHorizon, csn_horizon,
  G_DEFINE_ENUM_VALUE (CSN_HORIZON_SHORT_TERM, "short-term"),
  G_DEFINE_ENUM_VALUE (CSN_HORIZON_MEDIUM_TERM, "medium-term"),
  G_DEFINE_ENUM_VALUE (CSN_HORIZON_UNDECIDED, "undecided"))

G_DEFINE_ENUM_TYPE (CsnConsensus, csn_consensus,
  G_DEFINE_ENUM_VALUE (CSN_CONSENSUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (CSN_CONSENSUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (CSN_CONSENSUS_RESERVATIONS, "reservations"))

G_DEFINE_ENUM_TYPE (CsnMechanismKind, csn_mechanism_kind,
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_WORKSHOP, "workshop"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_SEMINAR, "seminar"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_WORKING_GROUP, "working-group"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_LIAISON_NETWORK, "liaison-network"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_STUDY, "study"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_TECHNICAL_ASSISTANCE, "technical-assistance"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_AGREEMENT, "agreement"),
  G_DEFINE_ENUM_VALUE (CSN_MECHANISM_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CsnAssessment, csn_assessment,
  G_DEFINE_ENUM_VALUE (CSN_ASSESSMENT_ADEQUATE, "adequate"),
  G_DEFINE_ENUM_VALUE (CSN_ASSESSMENT_NEEDS_CHANGE, "needs-change"),
  G_DEFINE_ENUM_VALUE (CSN_ASSESSMENT_REPLACE, "replace"),
  G_DEFINE_ENUM_VALUE (CSN_ASSESSMENT_NOT_ASSESSED, "not-assessed"))

G_DEFINE_ENUM_TYPE (CsnRoleChange, csn_role_change,
  G_DEFINE_ENUM_VALUE (CSN_ROLE_CHANGE_KEEP, "keep"),
  G_DEFINE_ENUM_VALUE (CSN_ROLE_CHANGE_MODIFY, "modify"),
  G_DEFINE_ENUM_VALUE (CSN_ROLE_CHANGE_ADD, "add"),
  G_DEFINE_ENUM_VALUE (CSN_ROLE_CHANGE_REMOVE, "remove"))

G_DEFINE_ENUM_TYPE (CsnProposalStatus, csn_proposal_status,
  G_DEFINE_ENUM_VALUE (CSN_PROPOSAL_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (CSN_PROPOSAL_STATUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (CSN_PROPOSAL_STATUS_REJECTED, "rejected"))

G_DEFINE_ENUM_TYPE (CsnParticipantRole, csn_participant_role,
  G_DEFINE_ENUM_VALUE (CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION, "head-of-delegation"),
  G_DEFINE_ENUM_VALUE (CSN_PARTICIPANT_ROLE_DELEGATE, "delegate"),
  G_DEFINE_ENUM_VALUE (CSN_PARTICIPANT_ROLE_TECHNICAL_ADVISOR, "technical-advisor"))

G_DEFINE_ENUM_TYPE (CsnEndorsementStatus, csn_endorsement_status,
  G_DEFINE_ENUM_VALUE (CSN_ENDORSEMENT_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (CSN_ENDORSEMENT_STATUS_ENDORSED, "endorsed"),
  G_DEFINE_ENUM_VALUE (CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS, "endorsed-with-reservations"),
  G_DEFINE_ENUM_VALUE (CSN_ENDORSEMENT_STATUS_NOT_ENDORSED, "not-endorsed"))

G_DEFINE_ENUM_TYPE (CsnStance, csn_stance,
  G_DEFINE_ENUM_VALUE (CSN_STANCE_SUPPORTS, "supports"),
  G_DEFINE_ENUM_VALUE (CSN_STANCE_SUPPORTS_WITH_RESERVATION, "supports-with-reservation"),
  G_DEFINE_ENUM_VALUE (CSN_STANCE_OBJECTS, "objects"),
  G_DEFINE_ENUM_VALUE (CSN_STANCE_ABSTAINS, "abstains"),
  G_DEFINE_ENUM_VALUE (CSN_STANCE_NO_POSITION, "no-position"))

G_DEFINE_ENUM_TYPE (CsnPositionSource, csn_position_source,
  G_DEFINE_ENUM_VALUE (CSN_POSITION_SOURCE_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (CSN_POSITION_SOURCE_WORKBOOK, "workbook"))

G_DEFINE_ENUM_TYPE (CsnSeverity, csn_severity,
  G_DEFINE_ENUM_VALUE (CSN_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CSN_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (CsnTranslationState, csn_translation_state,
  G_DEFINE_ENUM_VALUE (CSN_TRANSLATION_NOT_NEEDED, "not-needed"),
  G_DEFINE_ENUM_VALUE (CSN_TRANSLATION_MISSING, "missing"),
  G_DEFINE_ENUM_VALUE (CSN_TRANSLATION_OUTDATED, "outdated"),
  G_DEFINE_ENUM_VALUE (CSN_TRANSLATION_CURRENT, "current"))

typedef struct {
  GType (*get_type) (void);
  const char *labels[8];
} EnumLabels;

/* Labels in enum order; the English msgids double as the labels of English exports. */
static const EnumLabels enum_labels[] = {
  { csn_language_get_type, { N_("Spanish"), N_("English") } },
  { csn_meeting_status_get_type, { N_("Draft"), N_("Approved"), N_("Submitted") } },
  { csn_membership_get_type, { N_("Member"), N_("Observer") } },
  { csn_actor_kind_get_type, { N_("Pro Tempore Presidency"), N_("Technical Secretariat"),
                               N_("Civil society"), N_("Observer countries"),
                               N_("International organizations"), N_("Member countries"),
                               N_("Other") } },
  { csn_horizon_get_type, { N_("Short term"), N_("Medium term"), N_("Undecided") } },
  { csn_consensus_get_type, { N_("Pending"), N_("Agreed"), N_("With reservations") } },
  { csn_mechanism_kind_get_type, { N_("Workshop"), N_("Seminar"), N_("Working group"),
                                   N_("Liaison network"), N_("Study"),
                                   N_("Technical assistance"), N_("Agreement"),
                                   N_("Other") } },
  { csn_assessment_get_type, { N_("Adequate"), N_("Needs change"), N_("Replace"),
                               N_("Not assessed") } },
  { csn_role_change_get_type, { N_("Keep"), N_("Modify"), N_("Add"), N_("Remove") } },
  { csn_proposal_status_get_type, { N_("Proposed"), N_("Agreed"), N_("Rejected") } },
  { csn_participant_role_get_type, { N_("Head of delegation"), N_("Delegate"),
                                     N_("Technical advisor") } },
  { csn_endorsement_status_get_type, { N_("Pending"), N_("Endorsed"),
                                       N_("Endorsed with reservations"),
                                       N_("Not endorsed") } },
  { csn_stance_get_type, { N_("Supports"), N_("Supports with a reservation"), N_("Objects"),
                           N_("Abstains"), N_("No position") } },
  { csn_position_source_get_type, { N_("Noted in the meeting"), N_("Returned workbook") } },
  { csn_severity_get_type, { N_("Warning"), N_("Error") } },
  { csn_translation_state_get_type, { N_("Not needed"), N_("Untranslated"),
                                      N_("Outdated translation"), N_("Translated") } },
};

const char *
csn_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
csn_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

  if (ev == NULL)
    return FALSE;
  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

/* "short-term, medium-term, undecided": for messages about an unknown value. */
char *
csn_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }
  return g_string_free (out, FALSE);
}

const char *
csn_enum_get_label_msgid (GType enum_type,
                          int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      if (enum_labels[i].get_type () != enum_type)
        continue;
      g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (enum_labels[i].labels), NULL);
      return enum_labels[i].labels[value];
    }
  g_return_val_if_reached (NULL);
}

const char *
csn_enum_get_label (GType enum_type,
                    int   value)
{
  const char *msgid = csn_enum_get_label_msgid (enum_type, value);

  return msgid != NULL ? _(msgid) : NULL;
}

/* "es" or "en": the key of a language in localized names and translations. */
const char *
csn_language_get_code (CsnLanguage language)
{
  return csn_enum_to_nick (CSN_TYPE_LANGUAGE, language);
}

/* The other working language of the CRM. */
CsnLanguage
csn_language_get_other (CsnLanguage language)
{
  return language == CSN_LANGUAGE_ES ? CSN_LANGUAGE_EN : CSN_LANGUAGE_ES;
}
