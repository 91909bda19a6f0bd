/* csn-meeting.h: the meeting a draft prepares: title, venue, dates, presidency, language, status. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_MEETING (csn_meeting_get_type ())

G_DECLARE_FINAL_TYPE (CsnMeeting, csn_meeting, CSN, MEETING, CsnItem)

CsnMeeting *csn_meeting_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_MEETING_PROP_TITLE                  "title"
#define CSN_MEETING_PROP_VENUE                  "venue"
#define CSN_MEETING_PROP_START_DATE             "start-date"
#define CSN_MEETING_PROP_END_DATE               "end-date"
#define CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY "pro-tempore-presidency"
#define CSN_MEETING_PROP_LANGUAGE               "language"
#define CSN_MEETING_PROP_STATUS                 "status"
#define CSN_MEETING_PROP_ANSWERS_DUE            "answers-due"
#define CSN_MEETING_PROP_ANSWERS_TO             "answers-to"

const char      *csn_meeting_get_title                  (CsnMeeting *self);
const char      *csn_meeting_get_venue                  (CsnMeeting *self);
const char      *csn_meeting_get_start_date             (CsnMeeting *self);
const char      *csn_meeting_get_end_date               (CsnMeeting *self);
const char      *csn_meeting_get_pro_tempore_presidency (CsnMeeting *self);
CsnLanguage      csn_meeting_get_language               (CsnMeeting *self);
CsnMeetingStatus csn_meeting_get_status                 (CsnMeeting *self);
const char      *csn_meeting_get_answers_due            (CsnMeeting *self);
const char      *csn_meeting_get_answers_to             (CsnMeeting *self);

G_END_DECLS
