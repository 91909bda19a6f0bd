/* csn-change-set.c: incoming changes under review, applied together as one undoable step. */
#define G_LOG_DOMAIN "csn-change-set"

#include "config.h"

#include "csn-change-private.h"
#include "csn-change-set.h"
#include "csn-draft.h"

struct _CsnChangeSet
{
  GObject     parent_instance;

  GPtrArray  *changes;      /* of CsnChange, in the order they apply */
  char       *label;        /* the undo step's label */
  char       *title;        /* what the review page says it reviews */
  char       *note;         /* what it was compared with ("No common ancestor: …") */
  CsnChangeSetFinishFunc finish_func;
  gpointer    finish_data;
  GDestroyNotify finish_destroy;
  guint       n_conflicts;
  guint       n_accepted;
};

static void csn_change_set_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnChangeSet, csn_change_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, csn_change_set_list_model_init))

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TITLE,
  PROP_NOTE,
  PROP_N_CONFLICTS,
  PROP_N_ACCEPTED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
csn_change_set_get_item_type (GListModel *model)
{
  return CSN_TYPE_CHANGE;
}

static guint
csn_change_set_get_n_items (GListModel *model)
{
  return CSN_CHANGE_SET (model)->changes->len;
}

static gpointer
csn_change_set_get_item (GListModel *model,
                         guint       position)
{
  CsnChangeSet *self = CSN_CHANGE_SET (model);

  if (position >= self->changes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
csn_change_set_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = csn_change_set_get_item_type;
  iface->get_n_items = csn_change_set_get_n_items;
  iface->get_item = csn_change_set_get_item;
}

void
csn_change_set_count_accepted (CsnChangeSet *self,
                               gboolean      accepted)
{
  if (accepted)
    self->n_accepted++;
  else
    self->n_accepted--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCEPTED]);
}

void
csn_change_set_count_conflict (CsnChangeSet *self,
                               gboolean      conflict)
{
  if (conflict)
    self->n_conflicts++;
  else
    self->n_conflicts--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

/* For a change another set owns already. */
static void
on_change_accepted_cb (CsnChangeSet *self,
                       GParamSpec   *pspec,
                       CsnChange    *change)
{
  csn_change_set_count_accepted (self, csn_change_get_accepted (change));
}

static void
on_change_conflict_cb (CsnChangeSet *self,
                       GParamSpec   *pspec,
                       CsnChange    *change)
{
  csn_change_set_count_conflict (self, csn_change_get_conflict (change));
}

static void
csn_change_set_dispose (GObject *object)
{
  CsnChangeSet *self = CSN_CHANGE_SET (object);

  for (guint i = 0; i < self->changes->len; i++)
    {
      CsnChange *change = g_ptr_array_index (self->changes, i);

      if (csn_change_get_owner (change) == self)
        csn_change_set_owner (change, NULL);
      else
        g_signal_handlers_disconnect_by_data (change, self);
    }
  g_ptr_array_set_size (self->changes, 0);
  if (self->finish_destroy != NULL)
    g_clear_pointer (&self->finish_data, self->finish_destroy);
  self->finish_func = NULL;

  G_OBJECT_CLASS (csn_change_set_parent_class)->dispose (object);
}

static void
csn_change_set_finalize (GObject *object)
{
  CsnChangeSet *self = CSN_CHANGE_SET (object);

  g_ptr_array_unref (self->changes);
  g_free (self->label);
  g_free (self->title);
  g_free (self->note);

  G_OBJECT_CLASS (csn_change_set_parent_class)->finalize (object);
}

static void
csn_change_set_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsnChangeSet *self = CSN_CHANGE_SET (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_N_ACCEPTED:
      g_value_set_uint (value, self->n_accepted);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->changes->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_change_set_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsnChangeSet *self = CSN_CHANGE_SET (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      csn_change_set_set_label (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      csn_change_set_set_title (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      csn_change_set_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_change_set_class_init (CsnChangeSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_change_set_dispose;
  object_class->finalize = csn_change_set_finalize;
  object_class->get_property = csn_change_set_get_property;
  object_class->set_property = csn_change_set_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ACCEPTED] =
    g_param_spec_uint ("n-accepted", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_change_set_init (CsnChangeSet *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
}

/* @label names the undo step that applies the set ("Merge “st.consenso”"). */
CsnChangeSet *
csn_change_set_new (const char *label)
{
  return g_object_new (CSN_TYPE_CHANGE_SET, "label", label, NULL);
}

const char *
csn_change_set_get_label (CsnChangeSet *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), NULL);
  return self->label;
}

void
csn_change_set_set_label (CsnChangeSet *self,
                          const char   *label)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
csn_change_set_get_title (CsnChangeSet *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), NULL);
  return self->title;
}

void
csn_change_set_set_title (CsnChangeSet *self,
                          const char   *title)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
csn_change_set_get_note (CsnChangeSet *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), NULL);
  return self->note;
}

/* A line the review page shows under the title: what the changes were found against. */
void
csn_change_set_set_note (CsnChangeSet *self,
                         const char   *note)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
csn_change_set_set_finish_func (CsnChangeSet           *self,
                                CsnChangeSetFinishFunc  func,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));

  if (self->finish_destroy != NULL)
    g_clear_pointer (&self->finish_data, self->finish_destroy);
  self->finish_func = func;
  self->finish_data = user_data;
  self->finish_destroy = destroy;
}

void
csn_change_set_append (CsnChangeSet *self,
                       CsnChange    *change)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));
  g_return_if_fail (CSN_IS_CHANGE (change));

  csn_change_set_append_all (self, &change, 1);
}

/* Appends @changes in order, telling the set's watchers once. */
void
csn_change_set_append_all (CsnChangeSet  *self,
                           CsnChange    **changes,
                           guint          n_changes)
{
  guint accepted = self->n_accepted, conflicts = self->n_conflicts;

  g_return_if_fail (CSN_IS_CHANGE_SET (self));
  g_return_if_fail (changes != NULL || n_changes == 0);

  if (n_changes == 0)
    return;
  for (guint i = 0; i < n_changes; i++)
    {
      CsnChange *change = changes[i];

      g_return_if_fail (CSN_IS_CHANGE (change));
      g_ptr_array_add (self->changes, g_object_ref (change));
      /* The first set a change joins counts its choices through a direct call; not through signal
       * handlers, two per change, which tens of thousands of answers would spend more time adding
       * and dropping than reading the workbooks. A change in a second set is watched the old way. */
      if (csn_change_get_owner (change) == NULL)
        csn_change_set_owner (change, self);
      else
        {
          g_signal_connect_swapped (change, "notify::accepted", G_CALLBACK (on_change_accepted_cb), self);
          g_signal_connect_swapped (change, "notify::conflict", G_CALLBACK (on_change_conflict_cb), self);
        }
      if (csn_change_get_accepted (change))
        self->n_accepted++;
      if (csn_change_get_conflict (change))
        self->n_conflicts++;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), self->changes->len - n_changes, 0, n_changes);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->n_accepted != accepted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCEPTED]);
  if (self->n_conflicts != conflicts)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
csn_change_set_get_n_conflicts (CsnChangeSet *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), 0);
  return self->n_conflicts;
}

guint
csn_change_set_get_n_accepted (CsnChangeSet *self)
{
  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), 0);
  return self->n_accepted;
}

/* Accepts (or rejects) every applicable change, or only the conflicts ("all theirs" / "all mine"),
 * or only one country's answers when @country is not NULL. */
void
csn_change_set_accept_all (CsnChangeSet *self,
                           gboolean      accepted,
                           gboolean      conflicts_only,
                           const char   *country)
{
  g_return_if_fail (CSN_IS_CHANGE_SET (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < self->changes->len; i++)
    {
      CsnChange *change = g_ptr_array_index (self->changes, i);

      if (!csn_change_get_applicable (change))
        continue;
      if (conflicts_only && !csn_change_get_conflict (change))
        continue;
      if (country != NULL && g_strcmp0 (csn_change_get_country (change), country) != 0)
        continue;
      csn_change_set_accepted (change, accepted);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Applies every accepted, applicable change in order as one undoable step named by the set's
 * label; returns how many took effect (a change whose item went meanwhile does not). */
guint
csn_change_set_apply (CsnChangeSet *self,
                      CsnDraft     *draft)
{
  guint applied = 0;

  g_return_val_if_fail (CSN_IS_CHANGE_SET (self), 0);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), 0);
  g_return_val_if_fail (self->label != NULL, 0);

  csn_draft_begin_group (draft, self->label);
  for (guint i = 0; i < self->changes->len; i++)
    {
      CsnChange *change = g_ptr_array_index (self->changes, i);

      if (csn_change_get_accepted (change) && csn_change_get_applicable (change) &&
          csn_change_apply (change, draft))
        applied++;
    }
  if (self->finish_func != NULL)
    self->finish_func (self, draft, self->finish_data);
  csn_draft_end_group (draft);
  return applied;
}
