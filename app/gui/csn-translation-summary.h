/* csn-translation-summary.h: on the Overview, the texts of each page whose translation into the other
 * working language is missing or outdated; a page's row opens translation mode on it. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_TRANSLATION_SUMMARY (csn_translation_summary_get_type ())

G_DECLARE_FINAL_TYPE (CsnTranslationSummary, csn_translation_summary, CSN, TRANSLATION_SUMMARY, AdwPreferencesGroup)

CsnDraft *csn_translation_summary_get_draft   (CsnTranslationSummary *self);
void      csn_translation_summary_set_draft   (CsnTranslationSummary *self,
                                               CsnDraft              *draft);
void      csn_translation_summary_refresh     (CsnTranslationSummary *self);
guint     csn_translation_summary_get_count   (CsnTranslationSummary *self,
                                               const char            *page,
                                               CsnTranslationState    state);

G_END_DECLS
