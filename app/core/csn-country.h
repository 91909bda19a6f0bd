/* csn-country.h: a member or observer country of the conference and its delegation quota. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_COUNTRY (csn_country_get_type ())

G_DECLARE_FINAL_TYPE (CsnCountry, csn_country, CSN, COUNTRY, CsnItem)

CsnCountry *csn_country_new (void);

G_END_DECLS
