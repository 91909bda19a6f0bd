/* csn-position.c: a member state's position on one item of the agenda, as answered or noted. */
#define G_LOG_DOMAIN "csn-position"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-position.h"

struct _CsnPosition
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnPosition, csn_position, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "country",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_OWNER,
    .label = N_("country"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "item",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_OWNER,
    .label = N_("item"),
    .target = CSN_COLLECTION_AGENDA },
  { .key = "stance",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("stance"),
    .type_func = csn_stance_get_type,
    .default_value = CSN_STANCE_NO_POSITION,
    .target = CSN_COLLECTION_NONE },
  { .key = "comment",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("comment"),
    .target = CSN_COLLECTION_NONE },
  { .key = "source",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("source"),
    .type_func = csn_position_source_get_type,
    .default_value = CSN_POSITION_SOURCE_MEETING,
    .target = CSN_COLLECTION_NONE },
  { .key = "received",
    .kind = CSN_FIELD_DATE,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("date received"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_position_class_init (CsnPositionClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "positions", "position",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_position_init (CsnPosition *self)
{
}

CsnPosition *
csn_position_new (void)
{
  return g_object_new (CSN_TYPE_POSITION, NULL);
}

const char *
csn_position_get_id (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_POSITION_PROP_ID);
}

const char *
csn_position_get_country (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_POSITION_PROP_COUNTRY);
}

const char *
csn_position_get_item (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_POSITION_PROP_ITEM);
}

CsnStance
csn_position_get_stance (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), CSN_STANCE_NO_POSITION);
  return csn_item_get_enum (CSN_ITEM (self), CSN_POSITION_PROP_STANCE);
}

const char *
csn_position_get_comment (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_POSITION_PROP_COMMENT);
}

CsnPositionSource
csn_position_get_source (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), CSN_POSITION_SOURCE_MEETING);
  return csn_item_get_enum (CSN_ITEM (self), CSN_POSITION_PROP_SOURCE);
}

/* "YYYY-MM-DD", or NULL when not set. */
const char *
csn_position_get_received (CsnPosition *self)
{
  g_return_val_if_fail (CSN_IS_POSITION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_POSITION_PROP_RECEIVED);
}
