/* csn-theme.h: a theme raised in the questionnaire, its horizon and consensus. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_THEME (csn_theme_get_type ())

G_DECLARE_FINAL_TYPE (CsnTheme, csn_theme, CSN, THEME, CsnItem)

CsnTheme *csn_theme_new (void);

G_END_DECLS
