/* csn-country.c: a member or observer country of the conference and its delegation quota. */
#define G_LOG_DOMAIN "csn-country"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-country.h"

struct _CsnCountry
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnCountry, csn_country, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "code",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("code"),
    .target = CSN_COLLECTION_NONE },
  { .key = "name",
    .kind = CSN_FIELD_LOCALIZED,
    .flags = CSN_FIELD_FLAG_TITLE,
    .label = N_("name"),
    .target = CSN_COLLECTION_NONE },
  { .key = "membership",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("membership"),
    .type_func = csn_membership_get_type,
    .default_value = CSN_MEMBERSHIP_MEMBER,
    .target = CSN_COLLECTION_NONE },
  { .key = "delegation_quota",
    .kind = CSN_FIELD_INT,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("delegation quota"),
    .default_value = 2,
    .target = CSN_COLLECTION_NONE },
};

static void
csn_country_class_init (CsnCountryClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "countries", "country",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_country_init (CsnCountry *self)
{
}

CsnCountry *
csn_country_new (void)
{
  return g_object_new (CSN_TYPE_COUNTRY, NULL);
}

const char *
csn_country_get_code (CsnCountry *self)
{
  g_return_val_if_fail (CSN_IS_COUNTRY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_COUNTRY_PROP_CODE);
}

/* The name in @language, "" when the draft has none in it. */
const char *
csn_country_get_name (CsnCountry  *self,
                      CsnLanguage  language)
{
  g_return_val_if_fail (CSN_IS_COUNTRY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), language == CSN_LANGUAGE_EN ? CSN_COUNTRY_PROP_NAME_EN
                                                                           : CSN_COUNTRY_PROP_NAME_ES);
}

CsnMembership
csn_country_get_membership (CsnCountry *self)
{
  g_return_val_if_fail (CSN_IS_COUNTRY (self), CSN_MEMBERSHIP_MEMBER);
  return csn_item_get_enum (CSN_ITEM (self), CSN_COUNTRY_PROP_MEMBERSHIP);
}

int
csn_country_get_delegation_quota (CsnCountry *self)
{
  g_return_val_if_fail (CSN_IS_COUNTRY (self), 2);
  return csn_item_get_int (CSN_ITEM (self), CSN_COUNTRY_PROP_DELEGATION_QUOTA);
}
