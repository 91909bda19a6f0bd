/* csn-enum-cell.c: a cell showing the translated label of an enumeration field, chosen from its labels. */
#define G_LOG_DOMAIN "csn-enum-cell"

#include "config.h"

#include "csn-enum-cell.h"
#include "csn-enums.h"

/* The labels of one enumeration, shared by all its cells. */
typedef struct
{
  GtkStringList *labels;
  GArray        *values;       /* int: the value at each position */
  int            width_chars;
} EnumChoices;

struct _CsnEnumCell
{
  CsnChoiceCell  parent_instance;

  GType          enum_type;
  EnumChoices   *choices;
};

G_DEFINE_FINAL_TYPE (CsnEnumCell, csn_enum_cell, CSN_TYPE_CHOICE_CELL)

enum {
  PROP_0,
  PROP_ENUM_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static EnumChoices *
get_enum_choices (GType enum_type)
{
  static GHashTable *by_type;
  EnumChoices *choices;
  g_autoptr(GEnumClass) enum_class = NULL;
  int longest = 1;

  if (by_type == NULL)
    by_type = g_hash_table_new (NULL, NULL);
  choices = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (enum_type));
  if (choices != NULL)
    return choices;

  choices = g_new0 (EnumChoices, 1);
  choices->labels = gtk_string_list_new (NULL);
  choices->values = g_array_new (FALSE, FALSE, sizeof (int));
  enum_class = g_type_class_ref (enum_type);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      int value = enum_class->values[i].value;
      const char *label = csn_enum_get_label (enum_type, value);

      g_array_append_val (choices->values, value);
      gtk_string_list_append (choices->labels, label);
      longest = MAX (longest, (int) g_utf8_strlen (label, -1));
    }
  /* The button fits the longest label of the interface's language (bold), on two lines if it is
   * long: nothing is cut. */
  choices->width_chars = MIN (longest + 1, 13);
  g_hash_table_insert (by_type, GSIZE_TO_POINTER (enum_type), choices);
  return choices;
}

static guint
find_value (CsnEnumCell *self,
            int          value)
{
  for (guint i = 0; i < self->choices->values->len; i++)
    if (g_array_index (self->choices->values, int, i) == value)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
commit_value (CsnEnumCell *self,
              int          value)
{
  CsnCell *cell = CSN_CELL (self);
  CsnItem *item = csn_cell_get_item (cell);

  if (value != csn_item_get_enum (item, csn_cell_get_property_name (cell)))
    csn_draft_set_enum (csn_cell_get_draft (cell), item, csn_cell_get_property_name (cell), value);
}

static void
csn_enum_cell_update (CsnCell *cell)
{
  CsnEnumCell *self = CSN_ENUM_CELL (cell);
  CsnItem *item = csn_cell_get_item (cell);
  const char *label = "";

  if (item != NULL && self->choices != NULL)
    {
      guint position = find_value (self, csn_item_get_enum (item, csn_cell_get_property_name (cell)));

      if (position != GTK_INVALID_LIST_POSITION)
        label = gtk_string_list_get_string (self->choices->labels, position);
    }
  csn_choice_cell_set_text (CSN_CHOICE_CELL (self), label, FALSE);
}

static GListModel *
csn_enum_cell_dup_choices (CsnChoiceCell  *cell,
                           GObject       **current)
{
  CsnEnumCell *self = CSN_ENUM_CELL (cell);
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));
  guint position = find_value (self, csn_item_get_enum (item, csn_cell_get_property_name (CSN_CELL (self))));

  *current = position != GTK_INVALID_LIST_POSITION
             ? g_list_model_get_item (G_LIST_MODEL (self->choices->labels), position)
             : NULL;
  return g_object_ref (G_LIST_MODEL (self->choices->labels));
}

static char *
dup_label (GObject *choice)
{
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));
}

static void
csn_enum_cell_choose (CsnChoiceCell *cell,
                      GObject       *choice)
{
  CsnEnumCell *self = CSN_ENUM_CELL (cell);
  GListModel *labels = G_LIST_MODEL (self->choices->labels);

  for (guint i = 0, n = g_list_model_get_n_items (labels); i < n; i++)
    {
      g_autoptr(GObject) label = g_list_model_get_item (labels, i);

      if (label == choice)
        {
          commit_value (self, g_array_index (self->choices->values, int, i));
          return;
        }
    }
}

static void
csn_enum_cell_constructed (GObject *object)
{
  CsnEnumCell *self = CSN_ENUM_CELL (object);

  G_OBJECT_CLASS (csn_enum_cell_parent_class)->constructed (object);

  g_return_if_fail (G_TYPE_IS_ENUM (self->enum_type));

  self->choices = get_enum_choices (self->enum_type);
  csn_choice_cell_set_label_width (CSN_CHOICE_CELL (self), self->choices->width_chars, self->choices->width_chars);
  csn_cell_update (CSN_CELL (self));
}

static void
csn_enum_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ENUM_TYPE:
      g_value_set_gtype (value, CSN_ENUM_CELL (object)->enum_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_enum_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ENUM_TYPE:
      CSN_ENUM_CELL (object)->enum_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_enum_cell_class_init (CsnEnumCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);
  CsnChoiceCellClass *choice_class = CSN_CHOICE_CELL_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = csn_enum_cell_constructed;
  object_class->get_property = csn_enum_cell_get_property;
  object_class->set_property = csn_enum_cell_set_property;

  cell_class->update = csn_enum_cell_update;

  choice_class->dup_choices = csn_enum_cell_dup_choices;
  choice_class->dup_choice_title = dup_label;
  choice_class->choose = csn_enum_cell_choose;

  properties[PROP_ENUM_TYPE] =
    g_param_spec_gtype ("enum-type", NULL, NULL, G_TYPE_ENUM,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  csn_choice_cell_class_set_template (widget_class);
}

static void
csn_enum_cell_init (CsnEnumCell *self)
{
}

GtkWidget *
csn_enum_cell_new (GType       enum_type,
                   const char *property)
{
  return g_object_new (CSN_TYPE_ENUM_CELL,
                       "enum-type", enum_type,
                       "property-name", property,
                       NULL);
}

/* Chooses @value as the user would; FALSE if the enumeration has no such value. */
gboolean
csn_enum_cell_select_value (CsnEnumCell *self,
                            int          value)
{
  g_return_val_if_fail (CSN_IS_ENUM_CELL (self), FALSE);

  if (csn_cell_get_item (CSN_CELL (self)) == NULL || csn_cell_get_draft (CSN_CELL (self)) == NULL ||
      find_value (self, value) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  commit_value (self, value);
  return TRUE;
}
