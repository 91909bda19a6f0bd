/* csn-history.c: commands that change a draft, undone and redone in order, grouped into steps. */
#define G_LOG_DOMAIN "csn-history"

#include "config.h"

#include "csn-history.h"

typedef enum {
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_MOVE,
  COMMAND_GROUP,
} CommandKind;

typedef struct _Command Command;

struct _Command
{
  CommandKind  kind;
  char        *label;
  GObject     *object;     /* SET: the object changed; INSERT/REMOVE: the item */
  GParamSpec  *pspec;      /* SET */
  GValue       old_value;  /* SET */
  GValue       new_value;  /* SET */
  GListStore  *list;       /* INSERT, REMOVE, MOVE */
  guint        position;   /* INSERT, REMOVE; MOVE: from */
  guint        to;         /* MOVE */
  GPtrArray   *children;   /* GROUP: commands in the order they were done */
};

struct _CsnHistory
{
  GObject    parent_instance;

  GPtrArray *undo_stack;   /* of Command, oldest first */
  GPtrArray *redo_stack;   /* of Command, next to redo last */
  GPtrArray *open_groups;  /* of Command, innermost last */
  int        saved_depth;  /* undo_stack->len when saved; -1 when that state is gone */
  gboolean   applying;
};

G_DEFINE_FINAL_TYPE (CsnHistory, csn_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
command_free (Command *command)
{
  g_free (command->label);
  g_clear_object (&command->object);
  if (G_IS_VALUE (&command->old_value))
    g_value_unset (&command->old_value);
  if (G_IS_VALUE (&command->new_value))
    g_value_unset (&command->new_value);
  g_clear_object (&command->list);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

static Command *
command_new (CommandKind  kind,
             const char  *label)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->label = g_strdup (label);
  return command;
}

static void
command_apply (Command  *command,
               gboolean  forward)
{
  switch (command->kind)
    {
    case COMMAND_SET:
      g_object_set_property (command->object, command->pspec->name,
                             forward ? &command->new_value : &command->old_value);
      break;

    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if ((command->kind == COMMAND_INSERT) == forward)
        g_list_store_insert (command->list, command->position, command->object);
      else
        g_list_store_remove (command->list, command->position);
      break;

    case COMMAND_MOVE:
      {
        guint from = forward ? command->position : command->to;
        guint to = forward ? command->to : command->position;
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (command->list), from);

        g_list_store_remove (command->list, from);
        g_list_store_insert (command->list, to, item);
      }
      break;

    case COMMAND_GROUP:
      if (forward)
        for (guint i = 0; i < command->children->len; i++)
          command_apply (g_ptr_array_index (command->children, i), TRUE);
      else
        for (guint i = command->children->len; i > 0; i--)
          command_apply (g_ptr_array_index (command->children, i - 1), FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (CsnHistory *self,
              gboolean    was_undo,
              gboolean    was_redo,
              gboolean    was_modified)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (was_undo != csn_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (was_redo != csn_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != csn_history_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  /* Labels change with nearly every step; notifying them always is cheaper than comparing. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Runs a new command and records it, in the open group if there is one. */
static void
push (CsnHistory *self,
      Command    *command)
{
  gboolean was_undo = csn_history_can_undo (self);
  gboolean was_redo = csn_history_can_redo (self);
  gboolean was_modified = csn_history_get_modified (self);

  g_return_if_fail (!self->applying);

  self->applying = TRUE;
  command_apply (command, TRUE);
  self->applying = FALSE;

  if (self->open_groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  if (self->redo_stack->len > 0)
    {
      /* The saved state was in the redo stack: it can no longer be reached. */
      if (self->saved_depth > (int) self->undo_stack->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
    }
  g_ptr_array_add (self->undo_stack, command);

  notify_state (self, was_undo, was_redo, was_modified);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
csn_history_finalize (GObject *object)
{
  CsnHistory *self = CSN_HISTORY (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_history_parent_class)->finalize (object);
}

static void
csn_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsnHistory *self = CSN_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, csn_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, csn_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, csn_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, csn_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, csn_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_history_class_init (CsnHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_history_finalize;
  object_class->get_property = csn_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every change the history makes to the draft: do, undo, redo. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
csn_history_init (CsnHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->open_groups = g_ptr_array_new ();
}

CsnHistory *
csn_history_new (void)
{
  return g_object_new (CSN_TYPE_HISTORY, NULL);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  static const char * const empty[] = { NULL };

  /* Boxed values compare by pointer: lists need their contents compared. */
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa != NULL ? sa : empty, sb != NULL ? sb : empty);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets @property of @object to @value as one step; a value equal to the current one records nothing. */
void
csn_history_set_property (CsnHistory   *self,
                          const char   *label,
                          GObject      *object,
                          const char   *property,
                          const GValue *value)
{
  GParamSpec *pspec;
  Command *command;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (label != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE));

  command = command_new (COMMAND_SET, label);
  command->object = g_object_ref (object);
  command->pspec = pspec;
  g_value_init (&command->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &command->old_value);
  g_value_init (&command->new_value, pspec->value_type);
  if (!g_value_transform (value, &command->new_value))
    {
      g_critical ("Cannot set %s of %s from a %s", pspec->name, G_OBJECT_TYPE_NAME (object),
                  G_VALUE_TYPE_NAME (value));
      command_free (command);
      return;
    }
  g_param_value_validate (pspec, &command->new_value);

  if (values_equal (pspec, &command->old_value, &command->new_value))
    {
      command_free (command);
      return;
    }

  push (self, command);
}

void
csn_history_insert (CsnHistory *self,
                    const char *label,
                    GListStore *list,
                    guint       position,
                    gpointer    item)
{
  Command *command;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (list)));

  command = command_new (COMMAND_INSERT, label);
  command->list = g_object_ref (list);
  command->position = position;
  command->object = g_object_ref (item);
  push (self, command);
}

void
csn_history_remove (CsnHistory *self,
                    const char *label,
                    GListStore *list,
                    guint       position)
{
  Command *command;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (list)));

  command = command_new (COMMAND_REMOVE, label);
  command->list = g_object_ref (list);
  command->position = position;
  command->object = g_list_model_get_item (G_LIST_MODEL (list), position);
  push (self, command);
}

void
csn_history_move (CsnHistory *self,
                  const char *label,
                  GListStore *list,
                  guint       from,
                  guint       to)
{
  Command *command;
  guint n_items;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_return_if_fail (from < n_items && to < n_items);

  if (from == to)
    return;

  command = command_new (COMMAND_MOVE, label);
  command->list = g_object_ref (list);
  command->position = from;
  command->to = to;
  push (self, command);
}

/* Commands until the matching end_group() are undone and redone as one step named @label. */
void
csn_history_begin_group (CsnHistory *self,
                         const char *label)
{
  Command *group;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (label != NULL);

  group = command_new (COMMAND_GROUP, label);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  g_ptr_array_add (self->open_groups, group);
}

void
csn_history_end_group (CsnHistory *self)
{
  Command *group;
  gboolean was_undo, was_redo, was_modified;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);
  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  if (self->open_groups->len > 0)
    {
      Command *outer = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (outer->children, group);
      return;
    }

  /* The group's commands ran already; record it without running them again. */
  was_undo = csn_history_can_undo (self);
  was_redo = csn_history_can_redo (self);
  was_modified = csn_history_get_modified (self);
  if (self->redo_stack->len > 0)
    {
      if (self->saved_depth > (int) self->undo_stack->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
    }
  g_ptr_array_add (self->undo_stack, group);
  notify_state (self, was_undo, was_redo, was_modified);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
csn_history_can_undo (CsnHistory *self)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
csn_history_can_redo (CsnHistory *self)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

const char *
csn_history_get_undo_label (CsnHistory *self)
{
  Command *command;

  g_return_val_if_fail (CSN_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  command = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return command->label;
}

const char *
csn_history_get_redo_label (CsnHistory *self)
{
  Command *command;

  g_return_val_if_fail (CSN_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  command = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return command->label;
}

static gboolean
step (CsnHistory *self,
      GPtrArray  *from,
      GPtrArray  *to,
      gboolean    forward)
{
  gboolean was_undo = csn_history_can_undo (self);
  gboolean was_redo = csn_history_can_redo (self);
  gboolean was_modified = csn_history_get_modified (self);
  Command *command;

  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  self->applying = TRUE;
  command_apply (command, forward);
  self->applying = FALSE;
  g_ptr_array_add (to, command);

  notify_state (self, was_undo, was_redo, was_modified);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
collect_objects (Command    *command,
                 GHashTable *seen,
                 GPtrArray  *objects)
{
  GObject *object = command->kind == COMMAND_SET ? command->object : G_OBJECT (command->list);

  if (command->kind == COMMAND_GROUP)
    {
      for (guint i = 0; i < command->children->len; i++)
        collect_objects (g_ptr_array_index (command->children, i), seen, objects);
      return;
    }
  if (object != NULL && g_hash_table_add (seen, object))
    g_ptr_array_add (objects, g_object_ref (object));
}

/**
 * csn_history_dup_next_objects:
 * @redo: the next redo's, instead of the next undo's
 *
 * What the next undo (or redo) changes, to watch it happen: the object of each property set, the
 * list of each insertion, removal or move; each once.
 * Returns: (transfer full): the objects, none if there is nothing to undo (redo)
 */
GPtrArray *
csn_history_dup_next_objects (CsnHistory *self,
                              gboolean    redo)
{
  GPtrArray *stack;
  GPtrArray *objects;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (CSN_IS_HISTORY (self), NULL);

  stack = redo ? self->redo_stack : self->undo_stack;
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  if (stack->len == 0)
    return objects;
  seen = g_hash_table_new (NULL, NULL);
  collect_objects (g_ptr_array_index (stack, stack->len - 1), seen, objects);
  return objects;
}

/**
 * csn_history_add_last_objects:
 * @objects: a set of objects that holds a reference to each
 *
 * Adds to @objects what the last edit, undo or redo changed: the objects the next undo and the
 * next redo would change (a change just made, undone or redone is at the top of one of the two
 * stacks). For a view that follows a burst of changes once, from what they touched.
 * Returns: %FALSE when both stacks are empty: the history was cleared, and anything may have changed
 */
gboolean
csn_history_add_last_objects (CsnHistory *self,
                              GHashTable *objects)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (objects != NULL, FALSE);

  if (self->undo_stack->len == 0 && self->redo_stack->len == 0)
    return FALSE;
  for (guint redo = 0; redo <= 1; redo++)
    {
      g_autoptr(GPtrArray) next = csn_history_dup_next_objects (self, redo);

      for (guint i = 0; i < next->len; i++)
        g_hash_table_add (objects, g_object_ref (g_ptr_array_index (next, i)));
    }
  return TRUE;
}

gboolean
csn_history_undo (CsnHistory *self)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  return step (self, self->undo_stack, self->redo_stack, FALSE);
}

gboolean
csn_history_redo (CsnHistory *self)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  return step (self, self->redo_stack, self->undo_stack, TRUE);
}

/* Forgets every step; the current state counts as saved. */
void
csn_history_clear (CsnHistory *self)
{
  gboolean was_undo, was_redo, was_modified;

  g_return_if_fail (CSN_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len == 0);

  was_undo = csn_history_can_undo (self);
  was_redo = csn_history_can_redo (self);
  was_modified = csn_history_get_modified (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_depth = 0;
  notify_state (self, was_undo, was_redo, was_modified);
}

gboolean
csn_history_get_modified (CsnHistory *self)
{
  g_return_val_if_fail (CSN_IS_HISTORY (self), FALSE);
  return self->saved_depth != (int) self->undo_stack->len;
}

void
csn_history_mark_saved (CsnHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (CSN_IS_HISTORY (self));

  was_modified = csn_history_get_modified (self);
  self->saved_depth = self->undo_stack->len;
  notify_state (self, csn_history_can_undo (self), csn_history_can_redo (self), was_modified);
}

/* For a draft restored from recovery or made from a template: nothing on disk matches it. */
void
csn_history_mark_unsaved (CsnHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (CSN_IS_HISTORY (self));

  was_modified = csn_history_get_modified (self);
  self->saved_depth = -1;
  notify_state (self, csn_history_can_undo (self), csn_history_can_redo (self), was_modified);
}
