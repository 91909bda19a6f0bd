/* csn-participant.c: a member of a country's delegation. */
#define G_LOG_DOMAIN "csn-participant"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-participant.h"

struct _CsnParticipant
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnParticipant, csn_participant, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "name",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE,
    .label = N_("name"),
    .target = CSN_COLLECTION_NONE },
  { .key = "country",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("country"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "position",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("position"),
    .target = CSN_COLLECTION_NONE },
  { .key = "email",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("email"),
    .target = CSN_COLLECTION_NONE },
  { .key = "role",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("role"),
    .type_func = csn_participant_role_get_type,
    .default_value = CSN_PARTICIPANT_ROLE_DELEGATE,
    .target = CSN_COLLECTION_NONE },
};

static void
csn_participant_class_init (CsnParticipantClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "participants", "participant",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_participant_init (CsnParticipant *self)
{
}

CsnParticipant *
csn_participant_new (void)
{
  return g_object_new (CSN_TYPE_PARTICIPANT, NULL);
}

const char *
csn_participant_get_id (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PARTICIPANT_PROP_ID);
}

const char *
csn_participant_get_name (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PARTICIPANT_PROP_NAME);
}

const char *
csn_participant_get_country (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PARTICIPANT_PROP_COUNTRY);
}

const char *
csn_participant_get_position (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PARTICIPANT_PROP_POSITION);
}

const char *
csn_participant_get_email (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PARTICIPANT_PROP_EMAIL);
}

CsnParticipantRole
csn_participant_get_role (CsnParticipant *self)
{
  g_return_val_if_fail (CSN_IS_PARTICIPANT (self), CSN_PARTICIPANT_ROLE_DELEGATE);
  return csn_item_get_enum (CSN_ITEM (self), CSN_PARTICIPANT_PROP_ROLE);
}
