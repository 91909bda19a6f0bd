/* csn-country.h: a member or observer country of the conference and its delegation quota. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_COUNTRY (csn_country_get_type ())

G_DECLARE_FINAL_TYPE (CsnCountry, csn_country, CSN, COUNTRY, CsnItem)

CsnCountry *csn_country_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_COUNTRY_PROP_CODE             "code"
#define CSN_COUNTRY_PROP_NAME_ES          "name-es"
#define CSN_COUNTRY_PROP_NAME_EN          "name-en"
#define CSN_COUNTRY_PROP_MEMBERSHIP       "membership"
#define CSN_COUNTRY_PROP_DELEGATION_QUOTA "delegation-quota"

const char   *csn_country_get_code             (CsnCountry *self);
const char   *csn_country_get_name             (CsnCountry *self, CsnLanguage language);
CsnMembership csn_country_get_membership       (CsnCountry *self);
int           csn_country_get_delegation_quota (CsnCountry *self);

G_END_DECLS
