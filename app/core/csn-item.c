/* csn-item.c: schema-driven properties shared by every record type of a draft. */
#define G_LOG_DOMAIN "csn-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-catalog.h"
#include "csn-enums.h"
#include "csn-item.h"
#include "csn-item-private.h"

typedef struct
{
  CsnItemWatchFunc func;
  gpointer         user_data;
} Watch;

typedef struct
{
  GValue     *values;     /* indexed by property id, allocated on first use */
  JsonObject *unknown;    /* members this build does not know, in file order */
  GHashTable *unknown_in; /* field key -> JsonObject of unknown members inside it */
  /* The draft's indexes of the list the item is in: nearly always one, kept in place, so that an
   * index of 5,000 items makes no allocation per item for it. */
  Watch       watch;         /* func NULL: none */
  GArray     *more_watches;  /* of Watch: those after the first (a participant's two indexes) */
  CsnTextStore *store;    /* where the texts read with the item are, or NULL */
  char       *search_text;                   /* folded, each property's text after a NUL */
  gsize       search_length;
  const char * const *search_properties;     /* what search_text was made of */
} CsnItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CsnItem, csn_item, G_TYPE_OBJECT)

/* The texts a draft's items were read with, copied one after another into blocks of this size and
 * freed with the last of those items: a read makes no allocation per text, and freeing the draft
 * frees a few blocks instead of every text. */
#define TEXT_STORE_BLOCK_SIZE (64 * 1024)

struct _CsnTextStore
{
  GStringChunk *chunk;
};

static const char * const empty_strv[] = { NULL };

/* The interned property names of a field and their ids, made once when its class is set up. */
struct _CsnFieldNames
{
  const char *plain;                        /* the key with dashes: "raised-by" */
  const char *property[CSN_FIELD_N_SLOTS];  /* NULL where the field has no such property */
  guint       prop_id[CSN_FIELD_N_SLOTS];
};

static const char *
intern_property_name (const CsnField *field,
                      const char     *suffix)
{
  g_autofree char *name = NULL;

  name = suffix != NULL ? g_strconcat (field->key, "-", suffix, NULL) : g_strdup (field->key);
  g_strdelimit (name, "_", '-');
  return g_intern_string (name);
}

static const char *
intern_translation_property (const CsnField *field,
                             CsnLanguage     language,
                             gboolean        from)
{
  g_autofree char *suffix = NULL;

  suffix = g_strconcat ("translation-", csn_language_get_code (language), from ? "-from" : "", NULL);
  return intern_property_name (field, suffix);
}

/* The property for @field and @suffix ("es", "en" for localized text, or NULL), interned. Fields
 * taken from their class answer from the names made at class init, without allocating. */
const char *
csn_field_get_property_name (const CsnField *field,
                             const char     *suffix)
{
  const CsnFieldNames *names = field->names;

  if (G_LIKELY (names != NULL))
    {
      if (suffix == NULL)
        return names->plain;
      if (field->kind == CSN_FIELD_LOCALIZED && suffix[0] == 'e' && suffix[2] == '\0')
        {
          if (suffix[1] == 's')
            return names->property[CSN_FIELD_SLOT_LOCALIZED_ES];
          if (suffix[1] == 'n')
            return names->property[CSN_FIELD_SLOT_LOCALIZED_EN];
        }
    }
  return intern_property_name (field, suffix);
}

/* "title-translation-en" and "title-translation-en-from": the translation of a free text into
 * @language and the source text it was made from. */
const char *
csn_field_get_translation_property (const CsnField *field,
                                    CsnLanguage     language,
                                    gboolean        from)
{
  g_return_val_if_fail (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE), NULL);
  g_return_val_if_fail (language <= CSN_LANGUAGE_EN, NULL);

  if (G_LIKELY (field->names != NULL))
    return field->names->property[CSN_FIELD_SLOT_TRANSLATION (language, from)];
  return intern_translation_property (field, language, from);
}

static GQuark
translation_quark (void)
{
  return g_quark_from_static_string ("csn-translation");
}

static GParamSpec *
create_pspec (const CsnField *field,
              const char     *name)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
    case CSN_FIELD_LOCALIZED:
      return g_param_spec_string (name, NULL, NULL, "", flags);
    case CSN_FIELD_DATE:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case CSN_FIELD_REF:
      return g_param_spec_string (name, NULL, NULL,
                                  (field->flags & CSN_FIELD_FLAG_NULLABLE) ? NULL : "", flags);
    case CSN_FIELD_ENUM:
      return g_param_spec_enum (name, NULL, NULL, field->type_func (), field->default_value, flags);
    case CSN_FIELD_INT:
      return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, field->default_value, flags);
    case CSN_FIELD_REF_LIST:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case CSN_FIELD_CHILDREN:
      return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    default:
      g_assert_not_reached ();
    }
}

static GValue *
ensure_values (CsnItem *self)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (self);

  if (G_LIKELY (priv->values != NULL))
    return priv->values;

  /* The defaults hold no allocated data (static strings, numbers, NULL): a copy of the bytes is a
   * copy of the values. Only the lists of children are the item's own. */
  priv->values = g_memdup2 (klass->defaults, klass->n_pspecs * sizeof (GValue));
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == CSN_FIELD_CHILDREN)
      g_value_take_object (&priv->values[klass->fields[i].names->prop_id[CSN_FIELD_SLOT_VALUE]],
                           g_list_store_new (klass->fields[i].type_func ()));
  return priv->values;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa != NULL ? sa : empty_strv, sb != NULL ? sb : empty_strv);
    }
  return FALSE;
}

static void
csn_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsnItem *self = CSN_ITEM (object);
  GValue *values = ensure_values (self);

  g_assert (prop_id > 0 && prop_id < CSN_ITEM_GET_CLASS (self)->n_pspecs);
  g_value_copy (&values[prop_id], value);
}

static void
csn_item_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CsnItem *self = CSN_ITEM (object);
  CsnItemPrivate *priv = csn_item_get_instance_private (self);
  GValue *values = ensure_values (self);
  g_auto(GValue) normalized = G_VALUE_INIT;
  g_auto(GValue) old = G_VALUE_INIT;

  g_assert (prop_id > 0 && prop_id < CSN_ITEM_GET_CLASS (self)->n_pspecs);

  g_value_init (&normalized, pspec->value_type);
  g_value_copy (value, &normalized);

  /* Text is never NULL; an empty list is stored as an empty array. */
  if (pspec->value_type == G_TYPE_STRING && g_value_get_string (&normalized) == NULL &&
      g_value_get_string (g_param_spec_get_default_value (pspec)) != NULL)
    g_value_set_static_string (&normalized, "");
  if (pspec->value_type == G_TYPE_STRV && g_value_get_boxed (&normalized) == NULL)
    g_value_set_boxed (&normalized, empty_strv);

  if (values_equal (&values[prop_id], &normalized))
    return;

  /* Watchers see the old value beside the new one: an index finds the item under its old key. */
  old = values[prop_id];
  values[prop_id] = (GValue) G_VALUE_INIT;
  g_value_init (&values[prop_id], pspec->value_type);
  g_value_copy (&normalized, &values[prop_id]);
  g_clear_pointer (&priv->search_text, g_free);
  if (priv->watch.func != NULL)
    priv->watch.func (self, pspec, &old, priv->watch.user_data);
  if (priv->more_watches != NULL)
    for (guint i = 0; i < priv->more_watches->len; i++)
      {
        Watch *watch = &g_array_index (priv->more_watches, Watch, i);

        watch->func (self, pspec, &old, watch->user_data);
      }
  g_object_notify_by_pspec (object, pspec);
}

static void
csn_item_finalize (GObject *object)
{
  CsnItem *self = CSN_ITEM (object);
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 1; i < CSN_ITEM_GET_CLASS (self)->n_pspecs; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_clear_pointer (&priv->unknown, json_object_unref);
  g_clear_pointer (&priv->unknown_in, g_hash_table_unref);
  /* Its texts are gone with the values that pointed into it. */
  g_clear_pointer (&priv->store, csn_text_store_unref);
  g_clear_pointer (&priv->search_text, g_free);
  /* A list's index holds its items: none watches an item that goes. */
  g_assert (priv->watch.func == NULL && (priv->more_watches == NULL || priv->more_watches->len == 0));
  g_clear_pointer (&priv->more_watches, g_array_unref);

  G_OBJECT_CLASS (csn_item_parent_class)->finalize (object);
}

static void
csn_item_class_init (CsnItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_item_finalize;
}

static void
csn_item_init (CsnItem *self)
{
}

static guint
add_pspec (GPtrArray      *pspecs,
           const CsnField *field,
           GParamSpec     *pspec)
{
  g_param_spec_set_qdata (pspec, g_quark_from_static_string ("csn-field"), (gpointer) field);
  g_ptr_array_add (pspecs, pspec);
  return pspecs->len - 1;
}

/* A default without allocated data, so that ensure_values() may copy it bytewise. */
static void
init_default (GValue     *value,
              GParamSpec *pspec)
{
  g_value_init (value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (g_param_spec_get_default_value (pspec));

      if (text != NULL)
        {
          g_assert (text[0] == '\0');
          g_value_set_static_string (value, "");
        }
    }
  else if (pspec->value_type != G_TYPE_STRV && pspec->value_type != G_TYPE_LIST_MODEL)
    g_param_value_set_default (pspec, value);
}

/* Called from a subclass's class_init: installs one property per field (two for localized text,
 * four more for a translatable one). The class keeps a copy of @fields that knows its property
 * names and ids. */
void
csn_item_class_set_schema (CsnItemClass   *klass,
                           const char     *collection_key,
                           const char     *id_prefix,
                           const CsnField *fields,
                           guint           n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GPtrArray *pspecs = g_ptr_array_new ();
  CsnField *own_fields;
  CsnFieldNames *names;

  g_return_if_fail (CSN_IS_ITEM_CLASS (klass));
  g_return_if_fail (fields != NULL && n_fields > 0);

  object_class->get_property = csn_item_get_property;
  object_class->set_property = csn_item_set_property;

  /* The class lives as long as the program: so do these. */
  own_fields = g_memdup2 (fields, n_fields * sizeof (CsnField));
  names = g_new0 (CsnFieldNames, n_fields);

  klass->fields = own_fields;
  klass->n_fields = n_fields;
  klass->collection_key = collection_key;
  klass->id_prefix = id_prefix;
  klass->key_field = NULL;

  g_ptr_array_add (pspecs, NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      const CsnField *field = &own_fields[i];
      CsnFieldNames *field_names = &names[i];

      own_fields[i].names = field_names;
      field_names->plain = intern_property_name (field, NULL);
      if (field->kind == CSN_FIELD_LOCALIZED)
        {
          field_names->property[CSN_FIELD_SLOT_LOCALIZED_ES] = intern_property_name (field, "es");
          field_names->property[CSN_FIELD_SLOT_LOCALIZED_EN] = intern_property_name (field, "en");
        }
      else
        field_names->property[CSN_FIELD_SLOT_VALUE] = field_names->plain;

      for (CsnFieldSlot slot = CSN_FIELD_SLOT_VALUE; slot <= CSN_FIELD_SLOT_LOCALIZED_EN; slot++)
        if (field_names->property[slot] != NULL)
          field_names->prop_id[slot] = add_pspec (pspecs, field,
                                                  create_pspec (field, field_names->property[slot]));

      if (field->flags & CSN_FIELD_FLAG_TRANSLATABLE)
        {
          g_assert (field->kind == CSN_FIELD_TEXT);
          for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
            for (guint from = 0; from < 2; from++)
              {
                CsnFieldSlot slot = CSN_FIELD_SLOT_TRANSLATION (language, from);
                const char *name = intern_translation_property (field, language, from);
                GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, "",
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                         G_PARAM_EXPLICIT_NOTIFY);

                /* Language + 1, and 0x10 for the source text. */
                g_param_spec_set_qdata (pspec, translation_quark (),
                                        GUINT_TO_POINTER ((language + 1) | (from ? 0x10 : 0)));
                field_names->property[slot] = name;
                field_names->prop_id[slot] = add_pspec (pspecs, field, pspec);
              }
        }

      if ((field->flags & CSN_FIELD_FLAG_KEY) && klass->key_field == NULL)
        klass->key_field = field;
    }

  klass->n_pspecs = pspecs->len;
  klass->pspecs = (GParamSpec **) g_ptr_array_free (pspecs, FALSE);
  g_object_class_install_properties (object_class, klass->n_pspecs, klass->pspecs);

  klass->defaults = g_new0 (GValue, klass->n_pspecs);
  klass->prop_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < klass->n_pspecs; i++)
    {
      init_default (&klass->defaults[i], klass->pspecs[i]);
      g_hash_table_insert (klass->prop_ids, (gpointer) klass->pspecs[i]->name, GUINT_TO_POINTER (i));
    }
}

const CsnField *
csn_item_class_get_fields (CsnItemClass *klass,
                           guint        *n_fields)
{
  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const CsnField *
csn_item_class_find_field (CsnItemClass *klass,
                           const char   *key)
{
  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].key, key))
      return &klass->fields[i];
  return NULL;
}

const char *
csn_item_class_get_collection_key (CsnItemClass *klass)
{
  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);
  return klass->collection_key;
}

const char *
csn_item_class_get_id_prefix (CsnItemClass *klass)
{
  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);
  return klass->id_prefix;
}

const CsnField *
csn_item_class_get_key_field (CsnItemClass *klass)
{
  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);
  return klass->key_field;
}

const CsnField *
csn_item_class_field_for_property (CsnItemClass *klass,
                                   const char   *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), NULL);

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL)
    return NULL;
  return g_param_spec_get_qdata (pspec, g_quark_from_static_string ("csn-field"));
}

/* Whether @property holds a translation (or its source text) rather than a field's own value. */
gboolean
csn_item_class_is_translation_property (CsnItemClass *klass,
                                        const char   *property,
                                        CsnLanguage  *language,
                                        gboolean     *from)
{
  GParamSpec *pspec;
  guint bits;

  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL)
    return FALSE;
  bits = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, translation_quark ()));
  if (bits == 0)
    return FALSE;
  if (language != NULL)
    *language = (bits & 0xF) - 1;
  if (from != NULL)
    *from = (bits & 0x10) != 0;
  return TRUE;
}

static gboolean
field_of_class (CsnItemClass   *klass,
                const CsnField *field)
{
  guintptr address = (guintptr) field;

  return address >= (guintptr) klass->fields && address < (guintptr) (klass->fields + klass->n_fields);
}

static const GValue *
lookup_value (CsnItem    *self,
              const char *property)
{
  guint prop_id = GPOINTER_TO_UINT (g_hash_table_lookup (CSN_ITEM_GET_CLASS (self)->prop_ids, property));

  g_return_val_if_fail (prop_id != 0, NULL);
  return &ensure_values (self)[prop_id];
}

/* The value of @field's property @slot, without looking its name up; @field comes from the item's
 * class. */
const GValue *
csn_item_peek_value (CsnItem        *self,
                     const CsnField *field,
                     CsnFieldSlot    slot)
{
  guint prop_id;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);
  g_return_val_if_fail (field != NULL && field->names != NULL && slot < CSN_FIELD_N_SLOTS, NULL);

  g_return_val_if_fail (field_of_class (CSN_ITEM_GET_CLASS (self), field), NULL);
  prop_id = field->names->prop_id[slot];
  g_return_val_if_fail (prop_id != 0, NULL);
  return &ensure_values (self)[prop_id];
}

/* The value of the field that identifies the item ("id", "code" or "country"), or NULL. */
const char *
csn_item_get_key (CsnItem *self)
{
  const CsnField *field;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  field = CSN_ITEM_GET_CLASS (self)->key_field;
  if (field == NULL)
    return NULL;
  return g_value_get_string (&ensure_values (self)[field->names->prop_id[CSN_FIELD_SLOT_VALUE]]);
}

/* Names in messages follow the interface language; the draft holds both. */
static gboolean
ui_language_is_spanish (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "es");
}

/* A short name for messages: the title field, else the key. */
char *
csn_item_dup_title (CsnItem *self)
{
  CsnItemClass *klass;
  const char *key;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  klass = CSN_ITEM_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CsnField *field = &klass->fields[i];
      const char *text = NULL;

      if (!(field->flags & CSN_FIELD_FLAG_TITLE))
        continue;
      if (field->kind == CSN_FIELD_LOCALIZED)
        {
          /* Asked once: GLib reads the environment at every call. */
          gboolean spanish = ui_language_is_spanish ();
          const char *first = spanish ? "es" : "en";
          const char *second = spanish ? "en" : "es";

          text = csn_item_get_string (self, csn_field_get_property_name (field, first));
          if (text[0] == '\0')
            text = csn_item_get_string (self, csn_field_get_property_name (field, second));
        }
      else
        text = csn_item_get_string (self, csn_field_get_property_name (field, NULL));

      if (text != NULL && text[0] != '\0')
        {
          /* Long descriptions are cut at a character boundary for labels. */
          if (g_utf8_strlen (text, -1) > 60)
            {
              g_autofree char *cut = g_utf8_substring (text, 0, 59);
              return g_strconcat (cut, "…", NULL);
            }
          return g_strdup (text);
        }
    }

  key = csn_item_get_key (self);
  return g_strdup (key != NULL ? key : "");
}

const char *
csn_item_get_string (CsnItem    *self,
                     const char *property)
{
  const GValue *value;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  value = lookup_value (self, property);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_STRING (value), NULL);
  return g_value_get_string (value);
}

int
csn_item_get_enum (CsnItem    *self,
                   const char *property)
{
  const GValue *value;

  g_return_val_if_fail (CSN_IS_ITEM (self), 0);

  value = lookup_value (self, property);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_ENUM (value), 0);
  return g_value_get_enum (value);
}

int
csn_item_get_int (CsnItem    *self,
                  const char *property)
{
  const GValue *value;

  g_return_val_if_fail (CSN_IS_ITEM (self), 0);

  value = lookup_value (self, property);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_INT (value), 0);
  return g_value_get_int (value);
}

/* Never NULL: an unset list is empty. */
const char * const *
csn_item_get_strv (CsnItem    *self,
                   const char *property)
{
  const GValue *value;
  const char * const *strv;

  g_return_val_if_fail (CSN_IS_ITEM (self), empty_strv);

  value = lookup_value (self, property);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS (value, G_TYPE_STRV), empty_strv);
  strv = g_value_get_boxed (value);
  return strv != NULL ? strv : empty_strv;
}

gboolean
csn_item_strv_contains (CsnItem    *self,
                        const char *property,
                        const char *value)
{
  return g_strv_contains (csn_item_get_strv (self, property), value);
}

GListModel *
csn_item_get_children (CsnItem    *self,
                       const char *property)
{
  const GValue *value;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  value = lookup_value (self, property);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS (value, G_TYPE_LIST_MODEL), NULL);
  return g_value_get_object (value);
}

/* The translation of @field into @language ("" when there is none), and in @from the source text
 * it was made from. */
const char *
csn_item_get_translation (CsnItem        *self,
                          const CsnField *field,
                          CsnLanguage     language,
                          const char    **from)
{
  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);
  g_return_val_if_fail (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE), NULL);
  g_return_val_if_fail (language <= CSN_LANGUAGE_EN, NULL);

  /* A field of the item's class knows its properties' ids: no names looked up. */
  if (field->names != NULL && field_of_class (CSN_ITEM_GET_CLASS (self), field))
    {
      const GValue *values = ensure_values (self);
      const guint *prop_id = field->names->prop_id;

      if (from != NULL)
        *from = g_value_get_string (&values[prop_id[CSN_FIELD_SLOT_TRANSLATION (language, TRUE)]]);
      return g_value_get_string (&values[prop_id[CSN_FIELD_SLOT_TRANSLATION (language, FALSE)]]);
    }
  if (from != NULL)
    *from = csn_item_get_string (self, csn_field_get_translation_property (field, language, TRUE));
  return csn_item_get_string (self, csn_field_get_translation_property (field, language, FALSE));
}

/* Outdated when the source text is no longer the one the translation was made from, as gettext
 * marks a message fuzzy. */
CsnTranslationState
csn_item_get_translation_state (CsnItem        *self,
                                const CsnField *field,
                                CsnLanguage     language)
{
  const char *source;
  const char *text;
  const char *from;

  g_return_val_if_fail (CSN_IS_ITEM (self), CSN_TRANSLATION_NOT_NEEDED);
  g_return_val_if_fail (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE),
                        CSN_TRANSLATION_NOT_NEEDED);

  source = csn_item_get_string (self, csn_field_get_property_name (field, NULL));
  if (source[0] == '\0')
    return CSN_TRANSLATION_NOT_NEEDED;
  text = csn_item_get_translation (self, field, language, &from);
  if (text[0] == '\0')
    return CSN_TRANSLATION_MISSING;
  if (!g_str_equal (from, source))
    return CSN_TRANSLATION_OUTDATED;
  return CSN_TRANSLATION_CURRENT;
}

/* The text of @field as it reads in an output in @language, for content written in
 * @content_language: the source text, or its current translation; a missing or outdated
 * translation gives the source text after a visible mark in @language, never silently. */
char *
csn_item_dup_text_for_language (CsnItem        *self,
                                const CsnField *field,
                                CsnLanguage     content_language,
                                CsnLanguage     language)
{
  const char *source;
  const char *mark;

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);
  g_return_val_if_fail (field != NULL && field->kind == CSN_FIELD_TEXT, NULL);

  source = csn_item_get_string (self, csn_field_get_property_name (field, NULL));
  if (language == content_language || !(field->flags & CSN_FIELD_FLAG_TRANSLATABLE))
    return g_strdup (source);

  switch (csn_item_get_translation_state (self, field, language))
    {
    case CSN_TRANSLATION_NOT_NEEDED:
      return g_strdup ("");
    case CSN_TRANSLATION_CURRENT:
      return g_strdup (csn_item_get_translation (self, field, language, NULL));
    case CSN_TRANSLATION_MISSING:
      mark = csn_catalog_lookup (language, N_("[untranslated]"));
      break;
    case CSN_TRANSLATION_OUTDATED:
    default:
      mark = csn_catalog_lookup (language, N_("[outdated translation]"));
      break;
    }
  return g_strconcat (mark, " ", source, NULL);
}

/* The stored value of @field's property @slot, for the load setters below. */
static GValue *
load_value (CsnItem        *self,
            const CsnField *field,
            CsnFieldSlot    slot,
            GType           type)
{
  GValue *value;

  g_assert (field->names != NULL && field_of_class (CSN_ITEM_GET_CLASS (self), field));
  g_assert (field->names->prop_id[slot] != 0);

  value = &ensure_values (self)[field->names->prop_id[slot]];
  g_assert (G_VALUE_HOLDS (value, type));
  return value;
}

/* Text is never NULL where its default is not: as csn_item_set_property() stores it. */
void
csn_item_load_take_string (CsnItem        *self,
                           const CsnField *field,
                           CsnFieldSlot    slot,
                           char           *text)
{
  GValue *value = load_value (self, field, slot, G_TYPE_STRING);

  if (text == NULL && g_value_get_string (&CSN_ITEM_GET_CLASS (self)->defaults[field->names->prop_id[slot]]) != NULL)
    g_value_set_static_string (value, "");
  else
    g_value_take_string (value, text);
}

CsnTextStore *
csn_text_store_new (void)
{
  CsnTextStore *store = g_atomic_rc_box_new0 (CsnTextStore);

  store->chunk = g_string_chunk_new (TEXT_STORE_BLOCK_SIZE);
  return store;
}

CsnTextStore *
csn_text_store_ref (CsnTextStore *store)
{
  return g_atomic_rc_box_acquire (store);
}

static void
text_store_clear (gpointer data)
{
  CsnTextStore *store = data;

  g_string_chunk_free (store->chunk);
}

/* Items may go on any thread (an export's or a save's): the count is atomic. */
void
csn_text_store_unref (CsnTextStore *store)
{
  g_atomic_rc_box_release_full (store, text_store_clear);
}

/* The texts csn_item_load_set_text() gives @self go into @store, which @self keeps. */
void
csn_item_load_use_store (CsnItem      *self,
                         CsnTextStore *store)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  if (priv->store == store)
    return;
  g_clear_pointer (&priv->store, csn_text_store_unref);
  priv->store = store != NULL ? csn_text_store_ref (store) : NULL;
}

/* @child, read inside @self, keeps its texts where @self does. */
void
csn_item_load_share_store (CsnItem *self,
                           CsnItem *child)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  csn_item_load_use_store (child, priv->store);
}

/* @length bytes of @text (not NUL-terminated), copied into the item's store when it has one: a
 * static string to the GValue, which never frees it; the store outlives it. */
void
csn_item_load_set_text (CsnItem        *self,
                        const CsnField *field,
                        CsnFieldSlot    slot,
                        const char     *text,
                        gsize           length)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);
  GValue *value = load_value (self, field, slot, G_TYPE_STRING);

  if (length == 0)
    g_value_set_static_string (value, "");
  else if (priv->store != NULL)
    g_value_set_static_string (value, g_string_chunk_insert_len (priv->store->chunk, text, length));
  else
    g_value_take_string (value, g_strndup (text, length));
}

/* An empty list is stored as an empty array, never NULL. */
void
csn_item_load_take_strv (CsnItem        *self,
                         const CsnField *field,
                         char          **strv)
{
  GValue *value = load_value (self, field, CSN_FIELD_SLOT_VALUE, G_TYPE_STRV);

  if (strv == NULL)
    g_value_set_boxed (value, empty_strv);
  else
    g_value_take_boxed (value, strv);
}

void
csn_item_load_set_enum (CsnItem        *self,
                        const CsnField *field,
                        int             v)
{
  GValue *value = load_value (self, field, CSN_FIELD_SLOT_VALUE, G_TYPE_ENUM);

  g_value_set_enum (value, v);
}

void
csn_item_load_set_int (CsnItem        *self,
                       const CsnField *field,
                       int             v)
{
  GValue *value = load_value (self, field, CSN_FIELD_SLOT_VALUE, G_TYPE_INT);

  g_value_set_int (value, v);
}

/* Calls @func after every change of a property of @self, before "notify", with the old value: what
 * a draft's indexes need, without a signal connection per item. Each call adds one watch; remove it
 * as often. */
void
csn_item_add_watch (CsnItem          *self,
                    CsnItemWatchFunc  func,
                    gpointer          user_data)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);
  Watch watch = { func, user_data };

  g_return_if_fail (CSN_IS_ITEM (self));
  g_return_if_fail (func != NULL);

  if (priv->watch.func == NULL)
    {
      priv->watch = watch;
      return;
    }
  if (priv->more_watches == NULL)
    priv->more_watches = g_array_sized_new (FALSE, FALSE, sizeof (Watch), 1);
  g_array_append_val (priv->more_watches, watch);
}

void
csn_item_remove_watch (CsnItem          *self,
                       CsnItemWatchFunc  func,
                       gpointer          user_data)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  g_return_if_fail (CSN_IS_ITEM (self));

  /* The first in place is followed by the next, if any: the watches keep their order. */
  if (priv->watch.func == func && priv->watch.user_data == user_data)
    {
      if (priv->more_watches != NULL && priv->more_watches->len > 0)
        {
          priv->watch = g_array_index (priv->more_watches, Watch, 0);
          g_array_remove_index (priv->more_watches, 0);
        }
      else
        priv->watch = (Watch) { NULL, NULL };
      return;
    }
  for (guint i = 0; priv->more_watches != NULL && i < priv->more_watches->len; i++)
    {
      Watch *watch = &g_array_index (priv->more_watches, Watch, i);

      if (watch->func == func && watch->user_data == user_data)
        {
          g_array_remove_index (priv->more_watches, i);
          return;
        }
    }
  g_return_if_reached ();
}

/**
 * csn_fold_search_text:
 * @text: (nullable): what the user typed, or an item's text
 *
 * @text normalized and case-folded, so that a search ignores case and composed forms.
 *
 * Returns: (transfer full): the folded text, "" for %NULL or text that is not UTF-8
 */
/* The folded form of each two-byte character (U+0080 to U+07FF, Latin with its accents, Greek,
 * Cyrillic…) that can be folded alone: a starter whose decomposition begins with a starter. NULL for
 * the others, folded with their neighbours. */
static const char * const *
get_two_byte_folds (void)
{
  static const char **folds;

  if (g_once_init_enter (&folds))
    {
      const char **table = g_new0 (const char *, 0x800);

      for (gunichar c = 0x80; c < 0x800; c++)
        {
          char utf8[7] = { 0 };
          g_autofree char *normalized = NULL;

          if (!g_unichar_validate (c) || g_unichar_combining_class (c) != 0)
            continue;
          g_unichar_to_utf8 (c, utf8);
          normalized = g_utf8_normalize (utf8, -1, G_NORMALIZE_ALL);
          if (normalized == NULL || g_unichar_combining_class (g_utf8_get_char (normalized)) != 0)
            continue;
          table[c] = g_utf8_casefold (normalized, -1);
        }
      g_once_init_leave (&folds, table);
    }
  return folds;
}

static gboolean
is_starter_at (const char *p)
{
  return !(*p & 0x80) || g_unichar_combining_class (g_utf8_get_char (p)) == 0;
}

char *
csn_fold_search_text (const char *text)
{
  const char * const *two_byte_folds;
  GString *folded;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* What GLib's normalization and case folding of the whole text give, in pieces: ASCII folds to its
   * lower case, and a two-byte starter between two starters to its folded form from a table; the runs
   * left are folded by GLib. Cutting before a starter changes nothing: canonical reordering moves only
   * the marks between two starters. Most texts are mostly ASCII and Latin, and a search folds every
   * item's texts. */
  two_byte_folds = get_two_byte_folds ();
  folded = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      const char *run;

      if (!(*p & 0x80))
        {
          g_string_append_c (folded, g_ascii_tolower (*p));
          p++;
          continue;
        }
      if ((*p & 0xE0) == 0xC0)
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = p + 2;

          if (two_byte_folds[c] != NULL && (*next == '\0' || is_starter_at (next)))
            {
              g_string_append (folded, two_byte_folds[c]);
              p = next;
              continue;
            }
        }
      /* A run up to the next starter that is ASCII, or a character of the table, with no mark
       * after it. */
      run = p;
      p = g_utf8_next_char (p);
      while (*p != '\0' && (*p & 0x80) && !is_starter_at (p))
        p = g_utf8_next_char (p);
      {
        g_autofree char *normalized = g_utf8_normalize (run, p - run, G_NORMALIZE_ALL);
        g_autofree char *run_folded = g_utf8_casefold (normalized, -1);

        g_string_append (folded, run_folded);
      }
    }
  return g_string_free (folded, FALSE);
}

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = csn_fold_search_text (text);

  g_string_append (out, folded);
  g_string_append_c (out, '\0');
}

/* The folded texts of @properties, each ended by a NUL; made once and kept until the item changes. */
static const char *
get_search_text (CsnItem            *self,
                 const char * const *properties,
                 gsize              *length)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);
  GString *text;

  if (priv->search_text != NULL && priv->search_properties == properties)
    {
      *length = priv->search_length;
      return priv->search_text;
    }

  text = g_string_new (NULL);
  for (guint i = 0; properties[i] != NULL; i++)
    {
      if (g_str_equal (properties[i], CSN_ITEM_SEARCH_TITLE))
        {
          g_autofree char *title = csn_item_dup_title (self);

          append_folded (text, title);
        }
      else
        append_folded (text, csn_item_get_string (self, properties[i]));
    }

  g_free (priv->search_text);
  priv->search_properties = properties;
  priv->search_length = text->len;
  priv->search_text = g_string_free (text, FALSE);
  *length = priv->search_length;
  return priv->search_text;
}

/**
 * csn_item_matches_search:
 * @self: an item
 * @properties: the text properties searched, %NULL-terminated; CSN_ITEM_SEARCH_TITLE for the item's
 *   title. The same array (by address) at every call, for the cache to serve.
 * @folded_needle: what the user typed, through csn_fold_search_text()
 *
 * Whether one of @properties contains @folded_needle, ignoring case and composed forms. The folded
 * texts are made at the first search and kept until a property of @self changes, so that a
 * keystroke costs one strstr() per property.
 *
 * Returns: %TRUE for an empty needle
 */
gboolean
csn_item_matches_search (CsnItem            *self,
                         const char * const *properties,
                         const char         *folded_needle)
{
  const char *text;
  const char *end;
  gsize length;

  g_return_val_if_fail (CSN_IS_ITEM (self), FALSE);
  g_return_val_if_fail (properties != NULL, FALSE);

  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;

  text = get_search_text (self, properties, &length);
  end = text + length;
  for (const char *p = text; p < end; p += strlen (p) + 1)
    if (strstr (p, folded_needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Members of the item's JSON object that no field describes; kept for the next save. */
JsonObject *
csn_item_get_unknown (CsnItem *self)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  if (priv->unknown == NULL)
    priv->unknown = json_object_new ();
  return priv->unknown;
}

/* The item's unknown members, or NULL if it has none yet: for readers, which need not make them. */
JsonObject *
csn_item_peek_unknown (CsnItem *self)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  return priv->unknown;
}

/* Unknown members inside a localized field's object, or NULL. */
JsonObject *
csn_item_get_unknown_in (CsnItem    *self,
                         const char *key)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  g_return_val_if_fail (CSN_IS_ITEM (self), NULL);

  return priv->unknown_in != NULL ? g_hash_table_lookup (priv->unknown_in, key) : NULL;
}

void
csn_item_set_unknown_in (CsnItem    *self,
                         const char *key,
                         JsonObject *members)
{
  CsnItemPrivate *priv = csn_item_get_instance_private (self);

  g_return_if_fail (CSN_IS_ITEM (self));

  if (priv->unknown_in == NULL)
    priv->unknown_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) json_object_unref);
  g_hash_table_replace (priv->unknown_in, g_strdup (key), json_object_ref (members));
}
