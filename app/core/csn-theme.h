/* csn-theme.h: a theme raised in the questionnaire, its horizon and consensus. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_THEME (csn_theme_get_type ())

G_DECLARE_FINAL_TYPE (CsnTheme, csn_theme, CSN, THEME, CsnItem)

CsnTheme *csn_theme_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_THEME_PROP_ID           "id"
#define CSN_THEME_PROP_TITLE        "title"
#define CSN_THEME_PROP_DESCRIPTION  "description"
#define CSN_THEME_PROP_PILLAR       "pillar"
#define CSN_THEME_PROP_RAISED_BY    "raised-by"
#define CSN_THEME_PROP_HORIZON      "horizon"
#define CSN_THEME_PROP_CONSENSUS    "consensus"
#define CSN_THEME_PROP_RESERVATIONS "reservations"
#define CSN_THEME_PROP_NOTES        "notes"

const char         *csn_theme_get_id           (CsnTheme *self);
const char         *csn_theme_get_title        (CsnTheme *self);
const char         *csn_theme_get_description  (CsnTheme *self);
const char         *csn_theme_get_pillar       (CsnTheme *self);
const char * const *csn_theme_get_raised_by    (CsnTheme *self);
CsnHorizon          csn_theme_get_horizon      (CsnTheme *self);
CsnConsensus        csn_theme_get_consensus    (CsnTheme *self);
GListModel         *csn_theme_get_reservations (CsnTheme *self);
const char         *csn_theme_get_notes        (CsnTheme *self);

G_END_DECLS
