/* csn-answers-summary.h: on the Overview, which delegations have answered and which items they object to. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_ANSWERS_SUMMARY (csn_answers_summary_get_type ())

G_DECLARE_FINAL_TYPE (CsnAnswersSummary, csn_answers_summary, CSN, ANSWERS_SUMMARY, AdwPreferencesGroup)

CsnDraft   *csn_answers_summary_get_draft        (CsnAnswersSummary *self);
void        csn_answers_summary_set_draft        (CsnAnswersSummary *self,
                                                  CsnDraft          *draft);
guint       csn_answers_summary_get_n_answered   (CsnAnswersSummary *self);
guint       csn_answers_summary_get_n_members    (CsnAnswersSummary *self);
GListModel *csn_answers_summary_get_objections   (CsnAnswersSummary *self);
void        csn_answers_summary_refresh          (CsnAnswersSummary *self);

G_END_DECLS
