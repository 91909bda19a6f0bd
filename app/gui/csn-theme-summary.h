/* csn-theme-summary.h: the number of themes by pillar and horizon, under the theme matrix. */
#pragma once

#include <gtk/gtk.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_THEME_SUMMARY (csn_theme_summary_get_type ())

G_DECLARE_FINAL_TYPE (CsnThemeSummary, csn_theme_summary, CSN, THEME_SUMMARY, GtkWidget)

CsnDraft *csn_theme_summary_get_draft (CsnThemeSummary *self);
void      csn_theme_summary_set_draft (CsnThemeSummary *self,
                                       CsnDraft        *draft);

G_END_DECLS
