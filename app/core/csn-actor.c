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
