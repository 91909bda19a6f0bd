/* review-sample.h: change sets on the CRM template for the review page's tests and its viewer. */
#pragma once

#include "consenso-core.h"

G_BEGIN_DECLS

/* Where the sample's changes are, for tests to find them again. */
typedef struct
{
  CsnChange *horizon_conflict;     /* theme 1's horizon: ancestor short term, mine undecided, theirs medium */
  CsnChange *description_conflict; /* theme 2's description, a long text, changed on both sides */
  CsnChange *notes;                /* theme 3's notes, changed on their side only */
  CsnChange *raised_by;            /* Guatemala joins theme 3's "raised by" */
  CsnChange *added_theme;          /* a new theme after theme 2 */
  CsnChange *removed_theme;        /* theme 7 removed */
  CsnChange *support_left;         /* international organisations leave strategy 1's support */
  CsnChange *venue;                /* the meeting's venue */
  CsnChange *mexico_endorsement;   /* México endorses */
  CsnChange *mexico_position;      /* México supports theme 1 */
  CsnChange *mexico_reservation;   /* México's reservation on theme 4 */
  CsnChange *canada_endorsement;   /* Canada endorses with reservations */
  CsnChange *canada_position;      /* Canada objects to theme 2 */
  CsnChange *canada_deleted;       /* Canada's answer on a theme deleted after the export */
  CsnChange *canada_older;         /* Canada's answer older than one already applied */
} ReviewSample;

CsnChangeSet *review_sample_new_merge   (CsnDraft     *draft,
                                         ReviewSample *sample);
CsnChangeSet *review_sample_new_answers (CsnDraft     *draft,
                                         ReviewSample *sample);
CsnChangeSet *review_sample_new_mixed   (CsnDraft     *draft,
                                         ReviewSample *sample);
CsnChangeSet *review_sample_new_large   (CsnDraft     *draft,
                                         guint         n_changes);

G_END_DECLS
