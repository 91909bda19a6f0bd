/* csn-pillar.c: a pillar (central theme) of the CRM Plan of Action. */
#define G_LOG_DOMAIN "csn-pillar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-pillar.h"

struct _CsnPillar
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnPillar, csn_pillar, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "name",
    .kind = CSN_FIELD_LOCALIZED,
    .flags = CSN_FIELD_FLAG_TITLE,
    .label = N_("name"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_pillar_class_init (CsnPillarClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "pillars", "pillar",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_pillar_init (CsnPillar *self)
{
}

CsnPillar *
csn_pillar_new (void)
{
  return g_object_new (CSN_TYPE_PILLAR, NULL);
}

const char *
csn_pillar_get_id (CsnPillar *self)
{
  g_return_val_if_fail (CSN_IS_PILLAR (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_PILLAR_PROP_ID);
}

/* The name in @language, "" when the draft has none in it. */
const char *
csn_pillar_get_name (CsnPillar   *self,
                     CsnLanguage  language)
{
  g_return_val_if_fail (CSN_IS_PILLAR (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), language == CSN_LANGUAGE_EN ? CSN_PILLAR_PROP_NAME_EN
                                                                           : CSN_PILLAR_PROP_NAME_ES);
}
