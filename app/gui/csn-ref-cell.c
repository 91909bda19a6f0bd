/* csn-ref-cell.c: a drop-down choosing the item of another list a field refers to. */
#define G_LOG_DOMAIN "csn-ref-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-drop-down-util.h"
#include "csn-enums.h"
#include "csn-ref-cell.h"

struct _CsnRefCell
{
  CsnCell        parent_instance;

  GtkDropDown   *drop_down;

  CsnCollection  target;
  gboolean       allow_none;
  char          *none_label;
  gboolean       members_only;
  GListModel    *choices;     /* the items offered, "None" first when allowed */
  GListModel    *collection;  /* the target list of the bound draft */
  gulong         changing_id;
  gulong         changed_id;
  gboolean       following_list;
};

G_DEFINE_FINAL_TYPE (CsnRefCell, csn_ref_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_ALLOW_NONE,
  PROP_NONE_LABEL,
  PROP_MEMBERS_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The label of an item of a reference drop-down: the item's title, or the "None" string. */
char *
csn_ref_cell_dup_object_title (GObject *object)
{
  if (CSN_IS_ITEM (object))
    return csn_item_dup_title (CSN_ITEM (object));
  if (GTK_IS_STRING_OBJECT (object))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  return g_strdup ("");
}

static gboolean
is_member_country (gpointer item,
                   gpointer user_data)
{
  return csn_country_get_membership (CSN_COUNTRY (item)) == CSN_MEMBERSHIP_MEMBER;
}

/* Runs before the drop-down sees the target list change: the selection it then loses or moves
 * to is not a choice, and the history may be applying the change (a move is a removal and an
 * insertion, done or undone). */
static void
on_items_changing_cb (CsnRefCell *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *model)
{
  self->following_list = TRUE;
}

static void
on_items_changed_cb (CsnRefCell *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  self->following_list = FALSE;
  csn_cell_update (CSN_CELL (self));
}

static void
on_drop_down_selected_cb (CsnRefCell  *self,
                          GParamSpec  *pspec,
                          GtkDropDown *drop_down)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  GObject *chosen;
  const char *key = NULL;

  if (item == NULL || draft == NULL || csn_cell_is_updating (cell) || self->following_list)
    return;

  chosen = gtk_drop_down_get_selected_item (drop_down);
  if (chosen == NULL)
    return;
  if (CSN_IS_ITEM (chosen))
    key = csn_item_get_key (CSN_ITEM (chosen));

  if (g_strcmp0 (key, csn_item_get_string (item, csn_cell_get_property_name (cell))) != 0)
    csn_draft_set_string (draft, item, csn_cell_get_property_name (cell), key);
}

static guint
find_choice (CsnRefCell *self,
             const char *key)
{
  guint n;

  if (self->choices == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (self->choices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (self->choices, i);

      if (CSN_IS_ITEM (choice) ? g_strcmp0 (csn_item_get_key (CSN_ITEM (choice)), key) == 0
                               : (key == NULL || key[0] == '\0'))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
csn_ref_cell_update (CsnCell *cell)
{
  CsnRefCell *self = CSN_REF_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  guint position = GTK_INVALID_LIST_POSITION;

  if (item != NULL)
    position = find_choice (self, csn_item_get_string (item, csn_cell_get_property_name (cell)));
  if (gtk_drop_down_get_selected (self->drop_down) != position)
    gtk_drop_down_set_selected (self->drop_down, position);
}

static void
disconnect_collection (CsnRefCell *self)
{
  if (self->collection == NULL)
    return;
  g_clear_signal_handler (&self->changing_id, self->collection);
  g_clear_signal_handler (&self->changed_id, self->collection);
  self->following_list = FALSE;
}

static void
csn_ref_cell_bound (CsnCell *cell)
{
  CsnRefCell *self = CSN_REF_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  GListModel *collection = draft != NULL ? csn_draft_get_collection (draft, self->target) : NULL;
  g_autoptr(GListModel) offered = NULL;

  if (collection == self->collection)
    return;

  disconnect_collection (self);
  g_set_object (&self->collection, collection);
  g_clear_object (&self->choices);

  if (collection == NULL)
    {
      gtk_drop_down_set_model (self->drop_down, NULL);
      return;
    }

  /* Connected before the drop-down gets the list, so that it runs first; the other after all. */
  self->changing_id = g_signal_connect_object (collection, "items-changed",
                                               G_CALLBACK (on_items_changing_cb), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_object (collection, "items-changed",
                                              G_CALLBACK (on_items_changed_cb), self,
                                              G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  if (self->members_only)
    offered = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (collection),
                                                       GTK_FILTER (gtk_custom_filter_new (is_member_country,
                                                                                          NULL, NULL))));
  else
    offered = g_object_ref (collection);

  if (self->allow_none)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      const char * const none[] = { self->none_label != NULL ? self->none_label : _("None"), NULL };
      g_autoptr(GtkStringList) none_list = gtk_string_list_new (none);

      g_list_store_append (parts, none_list);
      g_list_store_append (parts, offered);
      self->choices = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
    }
  else
    self->choices = g_steal_pointer (&offered);

  gtk_drop_down_set_model (self->drop_down, self->choices);
}

static GtkWidget *
csn_ref_cell_get_control (CsnCell *cell)
{
  return GTK_WIDGET (CSN_REF_CELL (cell)->drop_down);
}

static void
csn_ref_cell_dispose (GObject *object)
{
  CsnRefCell *self = CSN_REF_CELL (object);

  csn_cell_unbind (CSN_CELL (object));
  disconnect_collection (self);
  g_clear_object (&self->collection);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->none_label, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_REF_CELL);

  G_OBJECT_CLASS (csn_ref_cell_parent_class)->dispose (object);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_ref_cell_dispose;
  object_class->get_property = csn_ref_cell_get_property;
  object_class->set_property = csn_ref_cell_set_property;

  cell_class->update = csn_ref_cell_update;
  cell_class->bound = csn_ref_cell_bound;
  cell_class->get_control = csn_ref_cell_get_control;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-ref-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnRefCell, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_down_selected_cb);
}

static void
csn_ref_cell_init (CsnRefCell *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* In a table the drop-down's button is flat, like the other cells. */
  gtk_widget_add_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->drop_down)), "flat");
  csn_drop_down_setup (self->drop_down, csn_ref_cell_dup_object_title, 9, 18);

  /* Typing in the open list searches the titles. */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (csn_ref_cell_dup_object_title),
                                            NULL, NULL);
  gtk_drop_down_set_expression (self->drop_down, expression);
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

GtkDropDown *
csn_ref_cell_get_drop_down (CsnRefCell *self)
{
  g_return_val_if_fail (CSN_IS_REF_CELL (self), NULL);
  return self->drop_down;
}

/* Chooses @key (NULL for "None") as the user would; FALSE if it is not offered. */
gboolean
csn_ref_cell_select_key (CsnRefCell *self,
                         const char *key)
{
  guint position;

  g_return_val_if_fail (CSN_IS_REF_CELL (self), FALSE);

  position = find_choice (self, key);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->drop_down, position);
  return TRUE;
}
