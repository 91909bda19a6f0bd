/* csn-actor.c: an actor of the conference whose role the group discusses. */
#define G_LOG_DOMAIN "csn-actor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-actor.h"

struct _CsnActor
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnActor, csn_actor, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "id",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_KEY,
    .label = N_("ID"),
    .target = CSN_COLLECTION_NONE },
  { .key = "kind",
    .kind = CSN_FIELD_ENUM,
    .flags = CSN_FIELD_FLAG_NONE,
    .label = N_("kind"),
    .type_func = csn_actor_kind_get_type,
    .default_value = CSN_ACTOR_KIND_OTHER,
    .target = CSN_COLLECTION_NONE },
  { .key = "name",
    .kind = CSN_FIELD_LOCALIZED,
    .flags = CSN_FIELD_FLAG_TITLE,
    .label = N_("name"),
    .target = CSN_COLLECTION_NONE },
  { .key = "current_role",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("current role"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_actor_class_init (CsnActorClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), "actors", "actor",
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_actor_init (CsnActor *self)
{
}

CsnActor *
csn_actor_new (void)
{
  return g_object_new (CSN_TYPE_ACTOR, NULL);
}

const char *
csn_actor_get_id (CsnActor *self)
{
  g_return_val_if_fail (CSN_IS_ACTOR (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ACTOR_PROP_ID);
}

CsnActorKind
csn_actor_get_kind (CsnActor *self)
{
  g_return_val_if_fail (CSN_IS_ACTOR (self), CSN_ACTOR_KIND_OTHER);
  return csn_item_get_enum (CSN_ITEM (self), CSN_ACTOR_PROP_KIND);
}

/* The name in @language, "" when the draft has none in it. */
const char *
csn_actor_get_name (CsnActor    *self,
                    CsnLanguage  language)
{
  g_return_val_if_fail (CSN_IS_ACTOR (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), language == CSN_LANGUAGE_EN ? CSN_ACTOR_PROP_NAME_EN
                                                                           : CSN_ACTOR_PROP_NAME_ES);
}

const char *
csn_actor_get_current_role (CsnActor *self)
{
  g_return_val_if_fail (CSN_IS_ACTOR (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_ACTOR_PROP_CURRENT_ROLE);
}
