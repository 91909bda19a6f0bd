/* csn-endorsement.c: a member country's endorsement of the approved document. */
#define G_LOG_DOMAIN "csn-endorsement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-endorsement.h"

struct _CsnEndorsement
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnEndorsement, csn_endorsement, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "country",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_KEY | CSN_FIELD_FLAG_OWNER,
    .label = N_("country"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "status",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("status"),
    .type_func = csn_endorsement_status_get_type,
    .default_value = CSN_ENDORSEMENT_STATUS_PENDING,
    .target = CSN_COLLECTION_NONE },
  { .key = "date",
    .kind = CSN_FIELD_DATE,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("date"),
    .target = CSN_COLLECTION_NONE },
  { .key = "note",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("note"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_endorsement_class_init (CsnEndorsementClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "endorsements", "endorsement",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_endorsement_init (CsnEndorsement *self)
{
}

CsnEndorsement *
csn_endorsement_new (void)
{
  return g_object_new (CSN_TYPE_ENDORSEMENT, NULL);
}

const char *
csn_endorsement_get_country (CsnEndorsement *self)
{
  g_return_val_if_fail (CSN_IS_ENDORSEMENT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ENDORSEMENT_PROP_COUNTRY);
}

CsnEndorsementStatus
csn_endorsement_get_status (CsnEndorsement *self)
{
  g_return_val_if_fail (CSN_IS_ENDORSEMENT (self), CSN_ENDORSEMENT_STATUS_PENDING);
  return csn_item_get_enum (CSN_ITEM (self), CSN_ENDORSEMENT_PROP_STATUS);
}

/* "YYYY-MM-DD", or NULL when not set. */
const char *
csn_endorsement_get_date (CsnEndorsement *self)
{
  g_return_val_if_fail (CSN_IS_ENDORSEMENT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ENDORSEMENT_PROP_DATE);
}

const char *
csn_endorsement_get_note (CsnEndorsement *self)
{
  g_return_val_if_fail (CSN_IS_ENDORSEMENT (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ENDORSEMENT_PROP_NOTE);
}
