/* csn-mechanism.c: a working mechanism of the conference and the group's assessment of it. */
#define G_LOG_DOMAIN "csn-mechanism"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-mechanism.h"

struct _CsnMechanism
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnMechanism, csn_mechanism, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "name",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("name"),
    .target = CSN_COLLECTION_NONE },
  { .key = "assessment",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("assessment"),
    .type_func = csn_assessment_get_type,
    .default_value = CSN_ASSESSMENT_NOT_ASSESSED,
    .target = CSN_COLLECTION_NONE },
  { .key = "considerations",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("considerations"),
    .target = CSN_COLLECTION_NONE },
  { .key = "proposal",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("proposal"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_mechanism_class_init (CsnMechanismClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "mechanisms", "mechanism",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_mechanism_init (CsnMechanism *self)
{
}

CsnMechanism *
csn_mechanism_new (void)
{
  return g_object_new (CSN_TYPE_MECHANISM, NULL);
}

const char *
csn_mechanism_get_id (CsnMechanism *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISM (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MECHANISM_PROP_ID);
}

const char *
csn_mechanism_get_name (CsnMechanism *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISM (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MECHANISM_PROP_NAME);
}

CsnAssessment
csn_mechanism_get_assessment (CsnMechanism *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISM (self), CSN_ASSESSMENT_NOT_ASSESSED);
  return csn_item_get_enum (CSN_ITEM (self), CSN_MECHANISM_PROP_ASSESSMENT);
}

const char *
csn_mechanism_get_considerations (CsnMechanism *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISM (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MECHANISM_PROP_CONSIDERATIONS);
}

const char *
csn_mechanism_get_proposal (CsnMechanism *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISM (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_MECHANISM_PROP_PROPOSAL);
}
