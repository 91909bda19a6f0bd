/* csn-ref-cell.c: a cell showing the item of another list a field refers to, chosen from that list. */
#define G_LOG_DOMAIN "csn-ref-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-enums.h"
#include "csn-ref-cell.h"

struct _CsnRefCell
{
  CsnChoiceCell  parent_instance;

  CsnCollection  target;
  gboolean       allow_none;
  char          *none_label;
  gboolean       members_only;
};

G_DEFINE_FINAL_TYPE (CsnRefCell, csn_ref_cell, CSN_TYPE_CHOICE_CELL)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_ALLOW_NONE,
  PROP_NONE_LABEL,
  PROP_MEMBERS_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The label of a choice of a reference: the item's title, or the "None" string. */
char *
csn_ref_cell_dup_object_title (GObject *object)
{
  if (CSN_IS_ITEM (object))
    return csn_item_dup_title (CSN_ITEM (object));
  if (GTK_IS_STRING_OBJECT (object))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  return g_strdup ("");
}

static const char *
get_none_label (CsnRefCell *self)
{
  return self->none_label != NULL ? self->none_label : _("None");
}

static gboolean
is_member_country (gpointer item,
                   gpointer user_data)
{
  return csn_country_get_membership (CSN_COUNTRY (item)) == CSN_MEMBERSHIP_MEMBER;
}

static gboolean
is_offered (CsnRefCell *self,
            CsnItem    *item)
{
  return !self->members_only || is_member_country (item, NULL);
}

static void
commit_key (CsnRefCell *self,
            const char *key)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);

  if (g_strcmp0 (key, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (csn_cell_get_draft (cell), item, csn_cell_get_property_name (cell), key);
}

static void
csn_ref_cell_update (CsnCell *cell)
{
  CsnRefCell *self = CSN_REF_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  const char *key = item != NULL ? csn_item_get_string (item, csn_cell_get_property_name (cell)) : NULL;
  g_autofree char *title = NULL;

  if (item == NULL || draft == NULL)
    csn_choice_cell_set_text (CSN_CHOICE_CELL (self), "", FALSE);
  else if (key == NULL || key[0] == '\0')
    csn_choice_cell_set_text (CSN_CHOICE_CELL (self), self->allow_none ? get_none_label (self) : "", TRUE);
  else
    {
      title = csn_draft_dup_ref_title (draft, self->target, key);
      csn_choice_cell_set_text (CSN_CHOICE_CELL (self), title, FALSE);
    }
}

/* The items offered, "None" first when allowed: made when the list opens, dropped when it closes. */
static GListModel *
csn_ref_cell_dup_choices (CsnChoiceCell  *cell,
                          GObject       **current)
{
  CsnRefCell *self = CSN_REF_CELL (cell);
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));
  CsnDraft *draft = csn_cell_get_draft (CSN_CELL (self));
  const char *key = csn_item_get_string (item, csn_cell_get_property_name (CSN_CELL (self)));
  GListModel *collection = csn_draft_get_collection (draft, self->target);
  g_autoptr(GListModel) offered = NULL;
  CsnItem *chosen;

  if (self->members_only)
    offered = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (collection),
                                                       GTK_FILTER (gtk_custom_filter_new (is_member_country,
                                                                                          NULL, NULL))));
  else
    offered = g_object_ref (collection);

  chosen = key != NULL && key[0] != '\0' ? csn_draft_lookup (draft, self->target, key) : NULL;
  *current = chosen != NULL ? g_object_ref (G_OBJECT (chosen)) : NULL;

  if (self->allow_none)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      const char * const none[] = { get_none_label (self), NULL };
      g_autoptr(GtkStringList) none_list = gtk_string_list_new (none);

      if (chosen == NULL)
        *current = g_list_model_get_item (G_LIST_MODEL (none_list), 0);
      g_list_store_append (parts, none_list);
      g_list_store_append (parts, offered);
      return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
    }
  return g_steal_pointer (&offered);
}

static void
csn_ref_cell_choose (CsnChoiceCell *cell,
                     GObject       *choice)
{
  commit_key (CSN_REF_CELL (cell), CSN_IS_ITEM (choice) ? csn_item_get_key (CSN_ITEM (choice)) : NULL);
}

static void
csn_ref_cell_finalize (GObject *object)
{
  g_free (CSN_REF_CELL (object)->none_label);

  G_OBJECT_CLASS (csn_ref_cell_parent_class)->finalize (object);
}

static void
csn_ref_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsnRefCell *self = CSN_REF_CELL (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_uint (value, self->target);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    case PROP_MEMBERS_ONLY:
      g_value_set_boolean (value, self->members_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_ref_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CsnRefCell *self = CSN_REF_CELL (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      self->target = g_value_get_uint (value);
      break;
    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      break;
    case PROP_NONE_LABEL:
      g_free (self->none_label);
      self->none_label = g_value_dup_string (value);
      break;
    case PROP_MEMBERS_ONLY:
      self->members_only = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_ref_cell_class_init (CsnRefCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);
  CsnChoiceCellClass *choice_class = CSN_CHOICE_CELL_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = csn_ref_cell_finalize;
  object_class->get_property = csn_ref_cell_get_property;
  object_class->set_property = csn_ref_cell_set_property;

  cell_class->update = csn_ref_cell_update;
  /* The title shown is the other item's: it follows a rename, a removal, an undo. */
  cell_class->names_other_items = TRUE;

  choice_class->dup_choices = csn_ref_cell_dup_choices;
  choice_class->dup_choice_title = csn_ref_cell_dup_object_title;
  choice_class->choose = csn_ref_cell_choose;

  properties[PROP_TARGET] =
    g_param_spec_uint ("target", NULL, NULL, 0, CSN_N_COLLECTIONS - 1, CSN_COLLECTION_COUNTRIES,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The label of the choice of no item: "None" unless given. */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MEMBERS_ONLY] =
    g_param_spec_boolean ("members-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  csn_choice_cell_class_set_template (widget_class);
}

static void
csn_ref_cell_init (CsnRefCell *self)
{
  csn_choice_cell_set_label_width (CSN_CHOICE_CELL (self), 9, 18);
}

GtkWidget *
csn_ref_cell_new (const char    *property,
                  CsnCollection  target,
                  gboolean       allow_none)
{
  return g_object_new (CSN_TYPE_REF_CELL,
                       "property-name", property,
                       "target", target,
                       "allow-none", allow_none,
                       NULL);
}

/* Chooses @key (NULL for "None") as the user would; FALSE if it is not offered. */
gboolean
csn_ref_cell_select_key (CsnRefCell *self,
                         const char *key)
{
  CsnCell *cell = CSN_CELL (self);
  CsnDraft *draft;
  CsnItem *chosen;

  g_return_val_if_fail (CSN_IS_REF_CELL (self), FALSE);

  draft = csn_cell_get_draft (cell);
  if (csn_cell_get_item (cell) == NULL || draft == NULL)
    return FALSE;
  if (key == NULL)
    {
      if (!self->allow_none)
        return FALSE;
      commit_key (self, NULL);
      return TRUE;
    }
  chosen = csn_draft_lookup (draft, self->target, key);
  if (chosen == NULL || !is_offered (self, chosen))
    return FALSE;
  commit_key (self, key);
  return TRUE;
}
