/* csn-strategy.c: a strategy or mechanism to address a theme, with its lead and supporting actors. */
#define G_LOG_DOMAIN "csn-strategy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-strategy.h"

struct _CsnStrategy
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnStrategy, csn_strategy, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "theme",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_OWNER,
    .label = N_("theme"),
    .target = CSN_COLLECTION_THEMES },
  { .key = "description",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("description"),
    .target = CSN_COLLECTION_NONE },
  { .key = "mechanism",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("mechanism"),
    .type_func = csn_mechanism_kind_get_type,
    .default_value = CSN_MECHANISM_KIND_OTHER,
    .target = CSN_COLLECTION_NONE },
  { .key = "lead",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_NULLABLE,
    .label = N_("lead actor"),
    .target = CSN_COLLECTION_ACTORS },
  { .key = "support",
    .kind = CSN_FIELD_REF_LIST,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("supporting actors"),
    .target = CSN_COLLECTION_ACTORS },
  { .key = "horizon",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("horizon"),
    .type_func = csn_horizon_get_type,
    .default_value = CSN_HORIZON_UNDECIDED,
    .target = CSN_COLLECTION_NONE },
  { .key = "notes",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("notes"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_strategy_class_init (CsnStrategyClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "strategies", "strategy",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_strategy_init (CsnStrategy *self)
{
}

CsnStrategy *
csn_strategy_new (void)
{
  return g_object_new (CSN_TYPE_STRATEGY, NULL);
}

const char *
csn_strategy_get_id (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_STRATEGY_PROP_ID);
}

const char *
csn_strategy_get_theme (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_STRATEGY_PROP_THEME);
}

const char *
csn_strategy_get_description (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_STRATEGY_PROP_DESCRIPTION);
}

CsnMechanismKind
csn_strategy_get_mechanism (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), CSN_MECHANISM_KIND_OTHER);
  return csn_item_get_enum (CSN_ITEM (self), CSN_STRATEGY_PROP_MECHANISM);
}

/* The key it refers to, or NULL for none. */
const char *
csn_strategy_get_lead (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_STRATEGY_PROP_LEAD);
}

/* Never NULL: an empty list is empty. */
const char * const *
csn_strategy_get_support (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_strv (CSN_ITEM (self), CSN_STRATEGY_PROP_SUPPORT);
}

CsnHorizon
csn_strategy_get_horizon (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), CSN_HORIZON_UNDECIDED);
  return csn_item_get_enum (CSN_ITEM (self), CSN_STRATEGY_PROP_HORIZON);
}

const char *
csn_strategy_get_notes (CsnStrategy *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGY (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_STRATEGY_PROP_NOTES);
}
