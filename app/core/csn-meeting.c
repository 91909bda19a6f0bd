/* csn-meeting.c: the meeting a draft prepares: title, venue, dates, presidency, language, status. */
#define G_LOG_DOMAIN "csn-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-meeting.h"

struct _CsnMeeting
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnMeeting, csn_meeting, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "title",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("title"),
    .target = CSN_COLLECTION_NONE },
  { .key = "venue",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("venue"),
    .target = CSN_COLLECTION_NONE },
  { .key = "start_date",
    .kind = CSN_FIELD_DATE,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("start date"),
    .target = CSN_COLLECTION_NONE },
  { .key = "end_date",
    .kind = CSN_FIELD_DATE,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("end date"),
    .target = CSN_COLLECTION_NONE },
  { .key = "pro_tempore_presidency",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("Pro Tempore Presidency"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "language",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("language"),
    .type_func = csn_language_get_type,
    .default_value = CSN_LANGUAGE_ES,
    .target = CSN_COLLECTION_NONE },
  { .key = "status",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("status"),
    .type_func = csn_meeting_status_get_type,
    .default_value = CSN_MEETING_STATUS_DRAFT,
    .target = CSN_COLLECTION_NONE },
  { .key = "answers_due",
    .kind = CSN_FIELD_DATE,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("deadline for answers"),
    .target = CSN_COLLECTION_NONE },
  { .key = "answers_to",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("where to send answers"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_meeting_class_init (CsnMeetingClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), NULL, NULL,
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_meeting_init (CsnMeeting *self)
{
}

CsnMeeting *
csn_meeting_new (void)
{
  return g_object_new (CSN_TYPE_MEETING, NULL);
}

const char *
csn_meeting_get_title (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_TITLE);
}

const char *
csn_meeting_get_venue (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_VENUE);
}

/* "YYYY-MM-DD", or NULL when not set. */
const char *
csn_meeting_get_start_date (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_START_DATE);
}

/* "YYYY-MM-DD", or NULL when not set. */
const char *
csn_meeting_get_end_date (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_END_DATE);
}

/* The key it refers to, or NULL for none. */
const char *
csn_meeting_get_pro_tempore_presidency (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY);
}

CsnLanguage
csn_meeting_get_language (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), CSN_LANGUAGE_ES);
  return csn_item_get_enum (CSN_ITEM (self), CSN_MEETING_PROP_LANGUAGE);
}

CsnMeetingStatus
csn_meeting_get_status (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), CSN_MEETING_STATUS_DRAFT);
  return csn_item_get_enum (CSN_ITEM (self), CSN_MEETING_PROP_STATUS);
}

/* "YYYY-MM-DD", or NULL when not set. */
const char *
csn_meeting_get_answers_due (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_ANSWERS_DUE);
}

/* Where the delegations send their answers back (the co-chairs' e-mail addresses), as typed. */
const char *
csn_meeting_get_answers_to (CsnMeeting *self)
{
  g_return_val_if_fail (CSN_IS_MEETING (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MEETING_PROP_ANSWERS_TO);
}
