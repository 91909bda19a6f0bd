/* csn-review-group.c: the incoming changes of one page of the sidebar, one country or one item. */
#define G_LOG_DOMAIN "csn-review-group"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-meeting.h"
#include "csn-review-group.h"

struct _CsnReviewGroup
{
  GObject            parent_instance;

  CsnReviewGrouping  grouping;
  char              *key;        /* the page's name in the window's stack, or the country's code */
  CsnItem           *item;       /* CSN_REVIEW_GROUP_BY_ITEM */
  GListStore        *changes;
  guint              n_conflicts;
  guint              n_accepted;
  guint              n_applicable;
};

G_DEFINE_FINAL_TYPE (CsnReviewGroup, csn_review_group, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CsnReviewGrouping, csn_review_grouping,
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUP_BY_PAGE, "page"),
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUP_BY_COUNTRY, "country"),
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUP_BY_ITEM, "item"))

G_DEFINE_FLAGS_TYPE (CsnReviewGroupings, csn_review_groupings,
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUPINGS_PAGE, "page"),
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUPINGS_COUNTRY, "country"),
  G_DEFINE_ENUM_VALUE (CSN_REVIEW_GROUPINGS_ITEM, "item"))

enum {
  PROP_0,
  PROP_N_CHANGES,
  PROP_N_CONFLICTS,
  PROP_N_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages of the window's sidebar, in its order, by their names in the window's stack. */
static const struct {
  const char *name;
  const char *title;
} pages[] = {
  { "overview", N_("Overview") },
  { "theme-matrix", N_("Theme Matrix") },
  { "strategies", N_("Strategies") },
  { "mechanisms", N_("Mechanisms") },
  { "actors", N_("Actors and Roles") },
  { "delegations", N_("Delegations") },
  { "endorsements", N_("Endorsements") },
  { "document", N_("Document") },
};

enum {
  PAGE_OVERVIEW,
  PAGE_THEME_MATRIX,
  PAGE_STRATEGIES,
  PAGE_MECHANISMS,
  PAGE_ACTORS,
  PAGE_DELEGATIONS,
  PAGE_ENDORSEMENTS,
  PAGE_DOCUMENT,
};

static void
on_change_accepted_cb (CsnReviewGroup *self,
                       GParamSpec     *pspec,
                       CsnChange      *change)
{
  if (csn_change_get_accepted (change))
    self->n_accepted++;
  else
    self->n_accepted--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCEPTED]);
}

static void
on_change_conflict_cb (CsnReviewGroup *self,
                       GParamSpec     *pspec,
                       CsnChange      *change)
{
  if (csn_change_get_conflict (change))
    self->n_conflicts++;
  else
    self->n_conflicts--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

static void
on_change_applicable_cb (CsnReviewGroup *self,
                         GParamSpec     *pspec,
                         CsnChange      *change)
{
  if (csn_change_get_applicable (change))
    self->n_applicable++;
  else
    self->n_applicable--;
}

static void
csn_review_group_dispose (GObject *object)
{
  CsnReviewGroup *self = CSN_REVIEW_GROUP (object);

  if (self->changes != NULL)
    {
      guint n_changes = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

      for (guint i = 0; i < n_changes; i++)
        {
          g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

          g_signal_handlers_disconnect_by_data (change, self);
        }
    }
  g_clear_object (&self->changes);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (csn_review_group_parent_class)->dispose (object);
}

static void
csn_review_group_finalize (GObject *object)
{
  CsnReviewGroup *self = CSN_REVIEW_GROUP (object);

  g_free (self->key);

  G_OBJECT_CLASS (csn_review_group_parent_class)->finalize (object);
}

static void
csn_review_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsnReviewGroup *self = CSN_REVIEW_GROUP (object);

  switch (prop_id)
    {
    case PROP_N_CHANGES:
      g_value_set_uint (value, csn_review_group_get_n_changes (self));
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_N_ACCEPTED:
      g_value_set_uint (value, self->n_accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_review_group_class_init (CsnReviewGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_review_group_dispose;
  object_class->finalize = csn_review_group_finalize;
  object_class->get_property = csn_review_group_get_property;

  properties[PROP_N_CHANGES] =
    g_param_spec_uint ("n-changes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ACCEPTED] =
    g_param_spec_uint ("n-accepted", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_review_group_init (CsnReviewGroup *self)
{
  self->changes = g_list_store_new (CSN_TYPE_CHANGE);
}

static CsnReviewGroup *
group_new (CsnReviewGrouping  grouping,
           const char        *key,
           CsnItem           *item)
{
  CsnReviewGroup *self = g_object_new (CSN_TYPE_REVIEW_GROUP, NULL);

  self->grouping = grouping;
  self->key = g_strdup (key);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  return self;
}

static void
group_add (CsnReviewGroup *self,
           GPtrArray      *changes,
           CsnChange      *change)
{
  g_ptr_array_add (changes, change);
  g_signal_connect_object (change, "notify::accepted", G_CALLBACK (on_change_accepted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (change, "notify::conflict", G_CALLBACK (on_change_conflict_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (change, "notify::applicable", G_CALLBACK (on_change_applicable_cb), self,
                           G_CONNECT_SWAPPED);
  if (csn_change_get_accepted (change))
    self->n_accepted++;
  if (csn_change_get_conflict (change))
    self->n_conflicts++;
  if (csn_change_get_applicable (change))
    self->n_applicable++;
}

/* The agenda item (theme, strategy, mechanism, role proposal) a position is on: the item in the
 * draft, or, once it is gone, the list its id says it was in. */
static CsnItem *
find_position_target (CsnDraft      *draft,
                      CsnItem       *position,
                      CsnCollection *collection)
{
  static const CsnCollection agenda[] = { CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES,
                                          CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_ROLE_PROPOSALS };
  const char *id = csn_item_get_string (position, "item");
  CsnItem *target = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, id);

  *collection = CSN_COLLECTION_NONE;
  if (target != NULL)
    {
      *collection = csn_collection_for_item (target);
      return target;
    }
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (agenda); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (csn_collection_get_item_type (agenda[i]));
      g_autofree char *prefix = g_strconcat (csn_item_class_get_id_prefix (CSN_ITEM_CLASS (klass)), "-", NULL);

      if (g_str_has_prefix (id, prefix))
        *collection = agenda[i];
    }
  return NULL;
}

/* The item a change is about, for grouping by item: a reservation's theme, a position's agenda item
 * (while it is in the draft), otherwise the changed item itself. */
static CsnItem *
find_subject (CsnChange *change,
              CsnDraft  *draft)
{
  CsnItem *item = csn_change_get_item (change);
  CsnItem *subject = csn_change_get_parent (change);
  CsnCollection collection = csn_change_get_collection (change);

  if (subject != NULL)
    return subject;
  if (collection == CSN_COLLECTION_POSITIONS)
    subject = find_position_target (draft, item, &collection);
  else if (csn_collection_for_item (item) == CSN_COLLECTION_NONE &&
           !CSN_IS_MEETING (item) && !CSN_IS_DOCUMENT_TEXTS (item))
    subject = csn_describe_find_parent (draft, item, NULL);
  return subject != NULL ? subject : item;
}

static guint
find_page (CsnChange *change,
           CsnDraft  *draft)
{
  CsnItem *item = csn_change_get_item (change);
  CsnCollection collection = csn_change_get_collection (change);

  if (collection == CSN_COLLECTION_POSITIONS)
    find_position_target (draft, item, &collection);

  switch (collection)
    {
    case CSN_COLLECTION_PILLARS:
    case CSN_COLLECTION_THEMES:
      return PAGE_THEME_MATRIX;
    case CSN_COLLECTION_STRATEGIES:
      return PAGE_STRATEGIES;
    case CSN_COLLECTION_MECHANISMS:
      return PAGE_MECHANISMS;
    case CSN_COLLECTION_ACTORS:
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return PAGE_ACTORS;
    case CSN_COLLECTION_COUNTRIES:
    case CSN_COLLECTION_PARTICIPANTS:
      return PAGE_DELEGATIONS;
    case CSN_COLLECTION_ENDORSEMENTS:
      return PAGE_ENDORSEMENTS;
    case CSN_COLLECTION_NONE:
    default:
      /* The meeting is on the Overview, the document's texts on the Document page; a reservation
       * is on its theme's page. */
      if (CSN_IS_DOCUMENT_TEXTS (item))
        return PAGE_DOCUMENT;
      if (CSN_IS_MEETING (item))
        return PAGE_OVERVIEW;
      return csn_collection_for_item (item) == CSN_COLLECTION_NONE ? PAGE_THEME_MATRIX : PAGE_OVERVIEW;
    }
}

/* A country's rank in the draft's list of countries (the CRM's order), unknown codes last. */
static guint
country_rank (CsnDraft   *draft,
              const char *code)
{
  CsnItem *country;
  guint position;

  if (code == NULL)
    return G_MAXUINT;
  country = csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, code);
  if (country != NULL && csn_draft_find_position (draft, CSN_COLLECTION_COUNTRIES, country, &position))
    return position;
  return G_MAXUINT - 1;
}

static int
compare_groups_by_country (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  CsnReviewGroup *group_a = *(CsnReviewGroup **) a;
  CsnReviewGroup *group_b = *(CsnReviewGroup **) b;
  guint rank_a = country_rank (user_data, group_a->key);
  guint rank_b = country_rank (user_data, group_b->key);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_strcmp0 (group_a->key, group_b->key);
}

/**
 * csn_review_group_build:
 *
 * Sorts the changes of @set into groups: the pages in the sidebar's order, the countries in the
 * draft's order (changes of no country last), or the items in the order the set first meets them.
 * Each group keeps the set's order. Returns: (transfer full) (element-type CsnReviewGroup): the
 * groups that have changes.
 */
GPtrArray *
csn_review_group_build (CsnChangeSet      *set,
                        CsnDraft          *draft,
                        CsnReviewGrouping  grouping)
{
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GPtrArray) members = NULL;
  GPtrArray *groups;
  guint n_changes;

  g_return_val_if_fail (CSN_IS_CHANGE_SET (set), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  groups = g_ptr_array_new_with_free_func (g_object_unref);
  /* Each group's changes are gathered first and spliced into its store once. */
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  by_key = grouping == CSN_REVIEW_GROUP_BY_ITEM
           ? g_hash_table_new (g_direct_hash, g_direct_equal)
           : g_hash_table_new (g_str_hash, g_str_equal);

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      gconstpointer key;
      gpointer found;
      guint index;
      CsnItem *subject = NULL;
      const char *name = NULL;

      switch (grouping)
        {
        case CSN_REVIEW_GROUP_BY_COUNTRY:
          name = csn_change_get_country (change);
          key = name != NULL ? name : "";
          break;
        case CSN_REVIEW_GROUP_BY_ITEM:
          subject = find_subject (change, draft);
          key = subject;
          break;
        case CSN_REVIEW_GROUP_BY_PAGE:
        default:
          name = pages[find_page (change, draft)].name;
          key = name;
          break;
        }

      if (!g_hash_table_lookup_extended (by_key, key, NULL, &found))
        {
          index = groups->len;
          g_ptr_array_add (groups, group_new (grouping, name, subject));
          g_ptr_array_add (members, g_ptr_array_new ());
          g_hash_table_insert (by_key, (gpointer) key, GUINT_TO_POINTER (index));
        }
      else
        index = GPOINTER_TO_UINT (found);
      group_add (g_ptr_array_index (groups, index), g_ptr_array_index (members, index), change);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CsnReviewGroup *group = g_ptr_array_index (groups, i);
      GPtrArray *changes = g_ptr_array_index (members, i);

      g_list_store_splice (group->changes, 0, 0, changes->pdata, changes->len);
    }

  if (grouping == CSN_REVIEW_GROUP_BY_PAGE)
    {
      /* The sidebar's order, whatever order the changes came in. */
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        for (guint i = 0; i < groups->len; i++)
          {
            CsnReviewGroup *group = g_ptr_array_index (groups, i);

            if (g_str_equal (group->key, pages[p].name))
              g_ptr_array_add (sorted, g_object_ref (group));
          }
      g_ptr_array_unref (groups);
      groups = g_steal_pointer (&sorted);
    }
  else if (grouping == CSN_REVIEW_GROUP_BY_COUNTRY)
    g_ptr_array_sort_with_data (groups, compare_groups_by_country, draft);

  return groups;
}

CsnReviewGrouping
csn_review_group_get_grouping (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), CSN_REVIEW_GROUP_BY_PAGE);
  return self->grouping;
}

/* The page's name in the window's stack ("theme-matrix"), or the country's code; NULL for the
 * changes of no country and for groups by item. */
const char *
csn_review_group_get_key (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), NULL);
  return self->key;
}

CsnItem *
csn_review_group_get_item (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), NULL);
  return self->item;
}

/* The group's heading: the page's title, the country's name, or the item as messages name it. */
char *
csn_review_group_dup_title (CsnReviewGroup *self,
                            CsnDraft       *draft)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  switch (self->grouping)
    {
    case CSN_REVIEW_GROUP_BY_COUNTRY:
      if (self->key == NULL)
        return g_strdup (_("No Country"));
      return csn_draft_dup_ref_title (draft, CSN_COLLECTION_COUNTRIES, self->key);
    case CSN_REVIEW_GROUP_BY_ITEM:
      return csn_describe_item (draft, self->item);
    case CSN_REVIEW_GROUP_BY_PAGE:
    default:
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        if (g_str_equal (self->key, pages[p].name))
          return g_strdup (_(pages[p].title));
      g_assert_not_reached ();
    }
}

GListModel *
csn_review_group_get_changes (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), NULL);
  return G_LIST_MODEL (self->changes);
}

guint
csn_review_group_get_n_changes (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->changes));
}

guint
csn_review_group_get_n_conflicts (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), 0);
  return self->n_conflicts;
}

guint
csn_review_group_get_n_accepted (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), 0);
  return self->n_accepted;
}

/* How many of the group's changes can be applied at all (the others only show their note). */
guint
csn_review_group_get_n_applicable (CsnReviewGroup *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP (self), 0);
  return self->n_applicable;
}

/* "12 changes · 2 conflicts · 9 accepted · 1 not applicable", for a group or a whole set. */
char *
csn_review_format_counts (guint n_changes,
                          guint n_conflicts,
                          guint n_accepted,
                          guint n_applicable)
{
  guint n_not_applicable = n_changes - MIN (n_applicable, n_changes);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes), n_changes);
  if (n_conflicts > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n_conflicts),
                              n_conflicts);
    }
  g_string_append (text, " · ");
  /* Translators: how many of the incoming changes the co-chairs took */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u accepted", "%u accepted", n_accepted),
                          n_accepted);
  if (n_not_applicable > 0)
    {
      g_string_append (text, " · ");
      /* Translators: how many incoming changes can never be applied (their item is gone, …) */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u not applicable", "%u not applicable",
                                                 n_not_applicable),
                              n_not_applicable);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "12 differences · 2 conflicts": the counts of two copies compared, where nothing is chosen. */
char *
csn_review_format_differences (guint n_changes,
                               guint n_conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: how many things differ between two copies of the draft */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", n_changes),
                          n_changes);
  if (n_conflicts > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n_conflicts),
                              n_conflicts);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Accepts (or rejects) every applicable change of the group, or only its conflicts. */
void
csn_review_group_accept_all (CsnReviewGroup *self,
                             gboolean        accepted,
                             gboolean        conflicts_only)
{
  guint n_changes;

  g_return_if_fail (CSN_IS_REVIEW_GROUP (self));

  g_object_freeze_notify (G_OBJECT (self));
  n_changes = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      if (!csn_change_get_applicable (change) || (conflicts_only && !csn_change_get_conflict (change)))
        continue;
      csn_change_set_accepted (change, accepted);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
