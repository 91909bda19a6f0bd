/* csn-theme.c: a theme raised in the questionnaire, its horizon and consensus. */
#define G_LOG_DOMAIN "csn-theme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-theme.h"
#include "csn-reservation.h"

struct _CsnTheme
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnTheme, csn_theme, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "title",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("title"),
    .target = CSN_COLLECTION_NONE },
  { .key = "description",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("description"),
    .target = CSN_COLLECTION_NONE },
  { .key = "pillar",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("pillar"),
    .target = CSN_COLLECTION_PILLARS },
  { .key = "raised_by",
    .kind = CSN_FIELD_REF_LIST,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("raised by"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "horizon",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("horizon"),
    .type_func = csn_horizon_get_type,
    .default_value = CSN_HORIZON_UNDECIDED,
    .target = CSN_COLLECTION_NONE },
  { .key = "consensus",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("consensus"),
    .type_func = csn_consensus_get_type,
    .default_value = CSN_CONSENSUS_PENDING,
    .target = CSN_COLLECTION_NONE },
  { .key = "reservations",
    .kind = CSN_FIELD_CHILDREN,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("reservations"),
    .type_func = csn_reservation_get_type,
    .target = CSN_COLLECTION_NONE },
  { .key = "notes",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("notes"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_theme_class_init (CsnThemeClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "themes", "theme",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_theme_init (CsnTheme *self)
{
}

CsnTheme *
csn_theme_new (void)
{
  return g_object_new (CSN_TYPE_THEME, NULL);
}

const char *
csn_theme_get_id (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_THEME_PROP_ID);
}

const char *
csn_theme_get_title (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_THEME_PROP_TITLE);
}

const char *
csn_theme_get_description (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_THEME_PROP_DESCRIPTION);
}

const char *
csn_theme_get_pillar (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_THEME_PROP_PILLAR);
}

/* Never NULL: an empty list is empty. */
const char * const *
csn_theme_get_raised_by (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_strv (CSN_ITEM (self), CSN_THEME_PROP_RAISED_BY);
}

CsnHorizon
csn_theme_get_horizon (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), CSN_HORIZON_UNDECIDED);
  return csn_item_get_enum (CSN_ITEM (self), CSN_THEME_PROP_HORIZON);
}

CsnConsensus
csn_theme_get_consensus (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), CSN_CONSENSUS_PENDING);
  return csn_item_get_enum (CSN_ITEM (self), CSN_THEME_PROP_CONSENSUS);
}

GListModel *
csn_theme_get_reservations (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_children (CSN_ITEM (self), CSN_THEME_PROP_RESERVATIONS);
}

const char *
csn_theme_get_notes (CsnTheme *self)
{
  g_return_val_if_fail (CSN_IS_THEME (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_THEME_PROP_NOTES);
}
