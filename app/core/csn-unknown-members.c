/* csn-unknown-members.c: an object's unknown members as one undoable property: setting it
 * replaces them all, so that undo puts every member back in its place. */
#define G_LOG_DOMAIN "csn-unknown-members"

#include "config.h"

#include "csn-unknown-members.h"

struct _CsnUnknownMembers
{
  GObject     parent_instance;

  JsonObject *owner;
};

G_DEFINE_FINAL_TYPE (CsnUnknownMembers, csn_unknown_members, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The members themselves, not copies: the owner's texts of their numbers are keyed by the nodes
 * (csn-draft-io.c), and nothing changes an unknown value in place. */
static JsonObject *
copy_members (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_ref (member));
  return copy;
}

static void
csn_unknown_members_finalize (GObject *object)
{
  CsnUnknownMembers *self = CSN_UNKNOWN_MEMBERS (object);

  g_clear_pointer (&self->owner, json_object_unref);

  G_OBJECT_CLASS (csn_unknown_members_parent_class)->finalize (object);
}

static void
csn_unknown_members_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CsnUnknownMembers *self = CSN_UNKNOWN_MEMBERS (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      /* A copy: the history keeps it as the value to restore. */
      g_value_take_boxed (value, copy_members (self->owner));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_unknown_members_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CsnUnknownMembers *self = CSN_UNKNOWN_MEMBERS (object);
  JsonObject *members;
  g_autoptr(GList) names = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  switch (prop_id)
    {
    case PROP_MEMBERS:
      members = g_value_get_boxed (value);
      names = json_object_get_members (self->owner);
      for (GList *l = names; l != NULL; l = l->next)
        json_object_remove_member (self->owner, l->data);
      if (members != NULL)
        {
          json_object_iter_init_ordered (&iter, members);
          while (json_object_iter_next_ordered (&iter, &name, &member))
            json_object_set_member (self->owner, name, json_node_ref (member));
        }
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_unknown_members_class_init (CsnUnknownMembersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_unknown_members_finalize;
  object_class->get_property = csn_unknown_members_get_property;
  object_class->set_property = csn_unknown_members_set_property;

  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_unknown_members_init (CsnUnknownMembers *self)
{
}

/* The unknown members of an item or of the file, @owner. */
CsnUnknownMembers *
csn_unknown_members_new (JsonObject *owner)
{
  CsnUnknownMembers *self;

  g_return_val_if_fail (owner != NULL, NULL);

  self = g_object_new (CSN_TYPE_UNKNOWN_MEMBERS, NULL);
  self->owner = json_object_ref (owner);
  return self;
}

/* The members as they would be with @name set to @value (NULL: without @name), others in place. */
JsonObject *
csn_unknown_members_dup_with (CsnUnknownMembers *self,
                              const char        *name,
                              JsonNode          *value)
{
  JsonObject *members;

  g_return_val_if_fail (CSN_IS_UNKNOWN_MEMBERS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  members = copy_members (self->owner);
  if (value != NULL)
    json_object_set_member (members, name, json_node_ref (value));
  else if (json_object_has_member (members, name))
    json_object_remove_member (members, name);
  return members;
}
