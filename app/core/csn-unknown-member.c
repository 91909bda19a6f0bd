/* csn-unknown-member.c: one unknown JSON member as an undoable property; NULL means absent. */
#define G_LOG_DOMAIN "csn-unknown-member"

#include "config.h"

#include "csn-unknown-member.h"

struct _CsnUnknownMember
{
  GObject     parent_instance;

  JsonObject *owner;
  char       *name;
};

G_DEFINE_FINAL_TYPE (CsnUnknownMember, csn_unknown_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_unknown_member_finalize (GObject *object)
{
  CsnUnknownMember *self = CSN_UNKNOWN_MEMBER (object);

  g_clear_pointer (&self->owner, json_object_unref);
  g_free (self->name);

  G_OBJECT_CLASS (csn_unknown_member_parent_class)->finalize (object);
}

static void
csn_unknown_member_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsnUnknownMember *self = CSN_UNKNOWN_MEMBER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_boxed (value, csn_unknown_member_get_value (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_unknown_member_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsnUnknownMember *self = CSN_UNKNOWN_MEMBER (object);
  JsonNode *node;

  switch (prop_id)
    {
    case PROP_VALUE:
      node = g_value_get_boxed (value);
      if (node == NULL)
        {
          if (!json_object_has_member (self->owner, self->name))
            return;
          json_object_remove_member (self->owner, self->name);
        }
      else
        json_object_set_member (self->owner, self->name, json_node_copy (node));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_unknown_member_class_init (CsnUnknownMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_unknown_member_finalize;
  object_class->get_property = csn_unknown_member_get_property;
  object_class->set_property = csn_unknown_member_set_property;

  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_unknown_member_init (CsnUnknownMember *self)
{
}

/* The member @name of @owner (an item's or the draft's unknown members). */
CsnUnknownMember *
csn_unknown_member_new (JsonObject *owner,
                        const char *name)
{
  CsnUnknownMember *self;

  g_return_val_if_fail (owner != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (CSN_TYPE_UNKNOWN_MEMBER, NULL);
  self->owner = json_object_ref (owner);
  self->name = g_strdup (name);
  return self;
}

/* The member's value now, or NULL when the object lacks it. */
JsonNode *
csn_unknown_member_get_value (CsnUnknownMember *self)
{
  g_return_val_if_fail (CSN_IS_UNKNOWN_MEMBER (self), NULL);
  return json_object_get_member (self->owner, self->name);
}
