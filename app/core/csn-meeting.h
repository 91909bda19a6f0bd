/* csn-meeting.h: the meeting a draft prepares: title, venue, dates, presidency, language, status. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_MEETING (csn_meeting_get_type ())

G_DECLARE_FINAL_TYPE (CsnMeeting, csn_meeting, CSN, MEETING, CsnItem)

CsnMeeting *csn_meeting_new (void);

G_END_DECLS
