/* csn-removal.c: removing an item with everything that belongs to it, as one undoable step. */
#define G_LOG_DOMAIN "csn-removal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-meeting.h"
#include "csn-removal.h"

struct _CsnRemoval
{
  gatomicrefcount  ref_count;
  char            *message;
  char            *label;
  guint            n_removed[CSN_N_COLLECTIONS];
  guint            n_reservations;
  guint            n_changed;
};

G_DEFINE_BOXED_TYPE (CsnRemoval, csn_removal, csn_removal_ref, csn_removal_unref)

typedef struct {
  CsnItem *parent;
  char    *property;
  guint    position;
} ChildRemoval;

typedef struct {
  CsnDraft   *draft;
  GHashTable *removed;                         /* CsnItem -> itself: items of the lists that go */
  GHashTable *key_counts[CSN_N_COLLECTIONS];   /* key -> items with it that stay */
  GHashTable *gone[CSN_N_COLLECTIONS];         /* keys of removed items that no item has any more */
  gboolean    marked;                          /* an item was marked since the last pass over the lists */
  GPtrArray  *child_removals;                  /* ChildRemoval, in list order */
  GHashTable *changed;                         /* CsnItem -> itself: items whose references are cleared */
} Plan;

static void
child_removal_free (ChildRemoval *removal)
{
  g_free (removal->property);
  g_free (removal);
}

static void
plan_init (Plan     *plan,
           CsnDraft *draft)
{
  plan->draft = draft;
  plan->removed = g_hash_table_new (NULL, NULL);
  plan->child_removals = g_ptr_array_new_with_free_func ((GDestroyNotify) child_removal_free);
  plan->changed = g_hash_table_new (NULL, NULL);

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);

      plan->key_counts[c] = g_hash_table_new (g_str_hash, g_str_equal);
      plan->gone[c] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          const char *key = csn_item_get_key (item);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (plan->key_counts[c], key));

          /* The lists hold the items, and so their keys, until the plan is carried out. */
          g_hash_table_insert (plan->key_counts[c], (gpointer) key, GUINT_TO_POINTER (count + 1));
        }
    }
}

static void
plan_clear (Plan *plan)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      g_hash_table_unref (plan->key_counts[c]);
      g_hash_table_unref (plan->gone[c]);
    }
  g_hash_table_unref (plan->removed);
  g_hash_table_unref (plan->changed);
  g_ptr_array_unref (plan->child_removals);
}

/* Whether a reference to @target named @key still finds an item that stays. */
static gboolean
still_resolves (Plan          *plan,
                CsnCollection  target,
                const char    *key)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (csn_collection_matches_target (c, target) && g_hash_table_lookup (plan->key_counts[c], key) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a reference to @target named @key pointed to an item this removal takes away. */
static gboolean
refers_to_removed (Plan          *plan,
                   CsnCollection  target,
                   const char    *key)
{
  if (key == NULL || key[0] == '\0' || still_resolves (plan, target, key))
    return FALSE;
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (csn_collection_matches_target (c, target) && g_hash_table_contains (plan->gone[c], key))
      return TRUE;
  return FALSE;
}

static void
mark_removed (Plan          *plan,
              CsnCollection  collection,
              CsnItem       *item)
{
  const char *key = csn_item_get_key (item);
  guint count;

  if (!g_hash_table_add (plan->removed, item))
    return;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (plan->key_counts[collection], key));
  if (count > 1)
    g_hash_table_insert (plan->key_counts[collection], (gpointer) key, GUINT_TO_POINTER (count - 1));
  else
    {
      g_hash_table_remove (plan->key_counts[collection], key);
      g_hash_table_add (plan->gone[collection], (gpointer) key);
    }
  plan->marked = TRUE;
}

/* Whether @item belongs, through one of its fields, to an item this removal takes away. */
static gboolean
belongs_to_removed (Plan    *plan,
                    CsnItem *item)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const CsnField *field = &fields[i];

      if (field->kind == CSN_FIELD_REF && (field->flags & CSN_FIELD_FLAG_OWNER) &&
          refers_to_removed (plan, field->target,
                             csn_item_get_string (item, csn_field_get_property_name (field, NULL))))
        return TRUE;
    }
  return FALSE;
}

/* Items that belong to removed ones go too, and what belongs to those, until nothing more does:
 * one pass over the lists for each generation (a theme, its strategies, their positions). */
static void
plan_dependents (Plan *plan)
{
  while (plan->marked)
    {
      plan->marked = FALSE;

      for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
        {
          GListModel *model = csn_draft_get_collection (plan->draft, c);

          for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
            {
              g_autoptr(CsnItem) item = g_list_model_get_item (model, i);

              if (!g_hash_table_contains (plan->removed, item) && belongs_to_removed (plan, item))
                mark_removed (plan, c, item);
            }
        }
    }
}

/* The value of a reference once what it names is gone: none, or empty where none is not allowed. */
static void
clear_reference (Plan           *plan,
                 CsnItem        *item,
                 const CsnField *field)
{
  const char *property = csn_field_get_property_name (field, NULL);

  csn_draft_set_string (plan->draft, item, property,
                        (field->flags & CSN_FIELD_FLAG_NULLABLE) ? NULL : "");
}

/* Clears @item's references to removed items (or, with @apply FALSE, only says whether it has any). */
static gboolean
clear_references (Plan     *plan,
                  CsnItem  *item,
                  gboolean  apply)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  gboolean found = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      const CsnField *field = &fields[i];
      const char *property = csn_field_get_property_name (field, NULL);

      if (field->kind == CSN_FIELD_REF && !(field->flags & CSN_FIELD_FLAG_KEY) &&
          refers_to_removed (plan, field->target, csn_item_get_string (item, property)))
        {
          found = TRUE;
          if (apply)
            clear_reference (plan, item, field);
        }
      else if (field->kind == CSN_FIELD_REF_LIST)
        {
          const char * const *keys = csn_item_get_strv (item, property);
          g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
          g_auto(GStrv) updated = NULL;
          gboolean dropped = FALSE;

          for (guint j = 0; keys[j] != NULL; j++)
            {
              if (refers_to_removed (plan, field->target, keys[j]))
                dropped = TRUE;
              else
                g_strv_builder_add (kept, keys[j]);
            }
          found |= dropped;
          updated = g_strv_builder_end (kept);
          if (dropped && apply)
            csn_draft_set_strv (plan->draft, item, property, (const char * const *) updated);
        }
    }
  return found;
}

/* Children (reservations) of the items that stay: they go when they belong to a removed item,
 * else lose their references to removed ones. */
static void
plan_children (Plan    *plan,
               CsnItem *item)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *property = csn_field_get_property_name (&fields[i], NULL);
      GListModel *children;

      if (fields[i].kind != CSN_FIELD_CHILDREN)
        continue;
      children = csn_item_get_children (item, property);
      for (guint j = 0, n = g_list_model_get_n_items (children); j < n; j++)
        {
          g_autoptr(CsnItem) child = g_list_model_get_item (children, j);

          if (belongs_to_removed (plan, child))
            {
              ChildRemoval *removal = g_new (ChildRemoval, 1);

              removal->parent = item;
              removal->property = g_strdup (property);
              removal->position = j;
              g_ptr_array_add (plan->child_removals, removal);
            }
          else if (clear_references (plan, child, FALSE))
            g_hash_table_add (plan->changed, child);
        }
    }
}

/* Every item that stays, the meeting included, whose references or children change. */
static void
plan_changes (Plan *plan)
{
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (plan->draft));

  if (clear_references (plan, meeting, FALSE))
    g_hash_table_add (plan->changed, meeting);

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (plan->draft, c);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);

          if (g_hash_table_contains (plan->removed, item))
            continue;
          if (clear_references (plan, item, FALSE))
            g_hash_table_add (plan->changed, item);
          plan_children (plan, item);
        }
    }
}

/* References first, then children from the last, then the items from the end of each list, so
 * that every position is still right when it is used. */
static void
carry_out (Plan *plan)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, plan->changed);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    clear_references (plan, item, TRUE);

  for (guint i = plan->child_removals->len; i > 0; i--)
    {
      ChildRemoval *removal = g_ptr_array_index (plan->child_removals, i - 1);

      csn_draft_remove_child (plan->draft, removal->parent, removal->property, removal->position);
    }

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (plan->draft, c);

      for (guint i = g_list_model_get_n_items (model); i > 0; i--)
        {
          g_autoptr(CsnItem) candidate = g_list_model_get_item (model, i - 1);

          if (g_hash_table_contains (plan->removed, candidate))
            csn_draft_remove (plan->draft, c, i - 1);
        }
    }
}

/* "Removed theme “Labour migration”" */
static char *
dup_removed (CsnCollection  collection,
             const char    *title)
{
  switch (collection)
    {
    case CSN_COLLECTION_COUNTRIES:
      return g_strdup_printf (_("Removed country “%s”"), title);
    case CSN_COLLECTION_PILLARS:
      return g_strdup_printf (_("Removed pillar “%s”"), title);
    case CSN_COLLECTION_ACTORS:
      return g_strdup_printf (_("Removed actor “%s”"), title);
    case CSN_COLLECTION_THEMES:
      return g_strdup_printf (_("Removed theme “%s”"), title);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (_("Removed strategy “%s”"), title);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (_("Removed mechanism “%s”"), title);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (_("Removed role proposal “%s”"), title);
    case CSN_COLLECTION_PARTICIPANTS:
      return g_strdup_printf (_("Removed participant “%s”"), title);
    case CSN_COLLECTION_ENDORSEMENTS:
      return g_strdup_printf (_("Removed endorsement of “%s”"), title);
    case CSN_COLLECTION_POSITIONS:
      return g_strdup_printf (_("Removed position “%s”"), title);
    default:
      g_assert_not_reached ();
    }
}

/* "3 strategies", the dependents of one list that went along. */
static char *
dup_count (CsnCollection collection,
           guint         n)
{
  switch (collection)
    {
    case CSN_COLLECTION_COUNTRIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u country", "%u countries", n), n);
    case CSN_COLLECTION_PILLARS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pillar", "%u pillars", n), n);
    case CSN_COLLECTION_ACTORS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n), n);
    case CSN_COLLECTION_THEMES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u theme", "%u themes", n), n);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strategy", "%u strategies", n), n);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mechanism", "%u mechanisms", n), n);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role proposal", "%u role proposals", n), n);
    case CSN_COLLECTION_PARTICIPANTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
    case CSN_COLLECTION_ENDORSEMENTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u endorsement", "%u endorsements", n), n);
    case CSN_COLLECTION_POSITIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u position", "%u positions", n), n);
    default:
      g_assert_not_reached ();
    }
}

/* "Removed theme “Labour migration” with 3 strategies and 2 positions; 1 other item no longer refers
 * to it": what a toast says. */
static char *
dup_message (CsnRemoval    *self,
             CsnCollection  collection,
             const char    *title,
             const char    *untitled)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  /* Translators: an item without a name of its own: "Removed participant 3" */
  char *message = untitled != NULL ? g_strdup_printf (_("Removed %s"), untitled) : dup_removed (collection, title);

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      guint n = self->n_removed[c] - (c == collection ? 1 : 0);

      if (n > 0)
        g_ptr_array_add (parts, dup_count (c, n));
    }
  if (self->n_reservations > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reservation", "%u reservations",
                                                          self->n_reservations),
                                             self->n_reservations));

  if (parts->len > 0)
    {
      g_autofree char *list = g_strdup (g_ptr_array_index (parts, 0));
      g_autofree char *with = NULL;

      for (guint i = 1; i < parts->len; i++)
        {
          char *longer;

          if (i + 1 < parts->len)
            /* Translators: joins the first items of a list: "3 strategies, 2 positions" */
            longer = g_strdup_printf (_("%s, %s"), list, (char *) g_ptr_array_index (parts, i));
          else
            /* Translators: joins the last item of a list: "3 strategies and 2 positions" */
            longer = g_strdup_printf (_("%s and %s"), list, (char *) g_ptr_array_index (parts, i));
          g_free (list);
          list = longer;
        }
      /* Translators: "Removed theme “Labour migration”" with "3 strategies and 2 positions" */
      with = g_strdup_printf (_("%s with %s"), message, list);
      g_free (message);
      message = g_steal_pointer (&with);
    }

  if (self->n_changed > 0)
    {
      /* Translators: the first %s is the rest of the message */
      char *longer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s; %u other item no longer refers to it",
                                                   "%s; %u other items no longer refer to it",
                                                   self->n_changed),
                                      message, self->n_changed);

      g_free (message);
      message = longer;
    }
  return message;
}

/**
 * csn_draft_remove_item:
 * @draft: the draft
 * @item: an item of one of @draft's lists
 *
 * Removes @item as one undoable step, with what belongs to it: the items that refer to it through
 * a field marked CSN_FIELD_FLAG_OWNER (a theme's strategies, an actor's role proposals, the
 * positions on an item, a country's endorsement and reservations), and what belongs to those in
 * turn. Every other reference to a removed item is cleared: a nullable one (a strategy's lead)
 * to none, another to empty, and a list (raised by, support, supported by) drops it. While another
 * item of the list still has the same key, references to it stay.
 *
 * Returns: (transfer full): what went, and a message that says so.
 */
CsnRemoval *
csn_draft_remove_item (CsnDraft *draft,
                       CsnItem  *item)
{
  CsnCollection collection;
  CsnRemoval *self;
  g_autofree char *title = NULL;
  g_autofree char *untitled = NULL;
  Plan plan;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  collection = csn_collection_for_item (item);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, NULL);
  g_return_val_if_fail (csn_draft_find_position (draft, collection, item, NULL), NULL);

  plan_init (&plan, draft);
  mark_removed (&plan, collection, item);
  plan_dependents (&plan);
  plan_changes (&plan);

  self = g_new0 (CsnRemoval, 1);
  g_atomic_ref_count_init (&self->ref_count);
  {
    GHashTableIter iter;
    gpointer removed;

    g_hash_table_iter_init (&iter, plan.removed);
    while (g_hash_table_iter_next (&iter, &removed, NULL))
      self->n_removed[csn_collection_for_item (removed)]++;
  }
  self->n_reservations = plan.child_removals->len;
  self->n_changed = g_hash_table_size (plan.changed);

  /* An item without a name of its own is not named by its id ("participant-3") or code. */
  title = csn_item_dup_title (item);
  untitled = csn_draft_dup_untitled_name (draft, item);
  self->message = dup_message (self, collection, title, untitled);
  self->label = untitled != NULL ? g_strdup_printf (_("Remove %s"), untitled)
                                 : csn_collection_dup_remove_label (collection, title);

  csn_draft_begin_group (draft, self->label);
  carry_out (&plan);
  csn_draft_end_group (draft);

  plan_clear (&plan);
  return self;
}

CsnRemoval *
csn_removal_ref (CsnRemoval *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
csn_removal_unref (CsnRemoval *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->message);
  g_free (self->label);
  g_free (self);
}

/* What went, for a toast: "Removed theme “Labour migration” with 3 strategies". */
const char *
csn_removal_get_message (CsnRemoval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

/* The label of the undo step: "Remove theme “Labour migration”". */
const char *
csn_removal_get_label (CsnRemoval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

/* Items removed from @collection, the removed item itself included. */
guint
csn_removal_get_n_removed (CsnRemoval    *self,
                           CsnCollection  collection)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (collection < CSN_N_COLLECTIONS, 0);

  return self->n_removed[collection];
}

/* Reservations of the themes that stay, removed because they belong to a removed country. */
guint
csn_removal_get_n_reservations (CsnRemoval *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_reservations;
}

/* Items that stay but no longer refer to a removed one (the meeting and reservations included). */
guint
csn_removal_get_n_changed (CsnRemoval *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_changed;
}
