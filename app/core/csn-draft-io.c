/* csn-draft-io.c: reading and writing consenso-draft files, refusing bad ones with the place named. */
#define G_LOG_DOMAIN "csn-draft-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "csn-core-resources.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-item-private.h"
#include "csn-json-check.h"
#include "csn-meeting.h"
#include "csn-safe-file.h"

#define MAX_QUOTA 99

typedef struct
{
  const char *name;     /* the file, as the user knows it */
  GString    *place;    /* themes[3].horizon */
  GHashTable *numbers;  /* every number node of the file → its text */
  GError    **error;
} Reader;

/* Unknown members keep their numbers as the file wrote them (JSON numbers have no size limit, and
 * "1.50" is not "1.5"): each item, and the draft, holds the texts of the number nodes in its unknown
 * members. The nodes are shared with the members, never copied, so they stay the keys. */
static GQuark
number_texts_quark (void)
{
  return g_quark_from_static_string ("csn-number-texts");
}

static GHashTable *
get_number_texts (gpointer owner,
                  gboolean create)
{
  GHashTable *texts = g_object_get_qdata (owner, number_texts_quark ());

  if (texts == NULL && create)
    {
      texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, (GDestroyNotify) json_node_unref,
                                     g_free);
      g_object_set_qdata_full (owner, number_texts_quark (), texts,
                               (GDestroyNotify) g_hash_table_unref);
    }
  return texts;
}

static void
remember_number_texts (Reader   *r,
                       gpointer  owner,
                       JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      const char *text = g_hash_table_lookup (r->numbers, node);

      if (text != NULL)
        g_hash_table_replace (get_number_texts (owner, TRUE), json_node_ref (node), g_strdup (text));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        remember_number_texts (r, owner, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        remember_number_texts (r, owner, member);
    }
}

/* Gives @to_owner the texts that @from_owner holds for the numbers of @from, for the same places in
 * @to, a copy of @from (json_node_copy() makes new value nodes but shares objects and arrays). */
void
csn_number_texts_copy (gpointer  from_owner,
                       JsonNode *from,
                       gpointer  to_owner,
                       JsonNode *to)
{
  GHashTable *texts;

  g_return_if_fail (G_IS_OBJECT (from_owner));
  g_return_if_fail (G_IS_OBJECT (to_owner));
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (json_node_get_node_type (from) == json_node_get_node_type (to));

  texts = get_number_texts (from_owner, FALSE);
  if (texts == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (from))
    {
      const char *text = g_hash_table_lookup (texts, from);

      if (text != NULL && (from_owner != to_owner || from != to))
        g_hash_table_replace (get_number_texts (to_owner, TRUE), json_node_ref (to), g_strdup (text));
    }
  else if (JSON_NODE_HOLDS_ARRAY (from))
    {
      JsonArray *from_array = json_node_get_array (from);
      JsonArray *to_array = json_node_get_array (to);

      g_return_if_fail (json_array_get_length (from_array) == json_array_get_length (to_array));
      for (guint i = 0; i < json_array_get_length (from_array); i++)
        csn_number_texts_copy (from_owner, json_array_get_element (from_array, i),
                               to_owner, json_array_get_element (to_array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (from))
    {
      JsonObject *to_object = json_node_get_object (to);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (from));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          JsonNode *to_member = json_object_get_member (to_object, name);

          if (to_member != NULL)
            csn_number_texts_copy (from_owner, member, to_owner, to_member);
        }
    }
}

/* A number as the file wrote it, or as a save would write it; NULL for other values. */
static char *
dup_number_text (gpointer  owner,
                 JsonNode *node)
{
  GHashTable *texts = get_number_texts (owner, FALSE);
  const char *text = texts != NULL ? g_hash_table_lookup (texts, node) : NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (text != NULL)
    return g_strdup (text);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
  return NULL;
}

/* Like json_node_equal(), and each number written the same: "123456789012345678901234567891" is not
 * "123456789012345678901234567890", though both read as the same double. */
gboolean
csn_number_texts_equal (gpointer  a_owner,
                        JsonNode *a,
                        gpointer  b_owner,
                        JsonNode *b)
{
  g_return_val_if_fail (G_IS_OBJECT (a_owner), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (b_owner), FALSE);

  if (a == NULL || b == NULL)
    return a == b;
  if (!json_node_equal (a, b))
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (a))
    {
      g_autofree char *a_text = dup_number_text (a_owner, a);
      g_autofree char *b_text = dup_number_text (b_owner, b);

      return g_strcmp0 (a_text, b_text) == 0;
    }
  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *a_array = json_node_get_array (a);
      JsonArray *b_array = json_node_get_array (b);

      for (guint i = 0; i < json_array_get_length (a_array); i++)
        if (!csn_number_texts_equal (a_owner, json_array_get_element (a_array, i),
                                     b_owner, json_array_get_element (b_array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *b_object = json_node_get_object (b);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (a));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!csn_number_texts_equal (a_owner, member, b_owner, json_object_get_member (b_object, name)))
          return FALSE;
    }
  return TRUE;
}

static void
keep_unknown (Reader     *r,
              gpointer    owner,
              JsonObject *unknown,
              const char *name,
              JsonNode   *member)
{
  json_object_set_member (unknown, name, json_node_ref (member));
  remember_number_texts (r, owner, member);
}

/* A value as the file wrote it, for messages. */
static char *
dup_shown (Reader   *r,
           JsonNode *node)
{
  const char *text = g_hash_table_lookup (r->numbers, node);

  return text != NULL ? g_strdup (text) : json_to_string (node, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
reader_fail (Reader     *r,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->place->len > 0)
    g_set_error (r->error, CSN_DRAFT_ERROR, code, "%s: %s: %s", r->name, r->place->str, what);
  else
    g_set_error (r->error, CSN_DRAFT_ERROR, code, "%s: %s", r->name, what);
  return FALSE;
}

static gsize
place_push_key (Reader     *r,
                const char *key)
{
  gsize saved = r->place->len;

  if (r->place->len > 0)
    g_string_append_c (r->place, '.');
  g_string_append (r->place, key);
  return saved;
}

static gsize
place_push_index (Reader *r,
                  guint   index)
{
  gsize saved = r->place->len;

  g_string_append_printf (r->place, "[%u]", index);
  return saved;
}

static void
place_pop (Reader *r,
           gsize   saved)
{
  g_string_truncate (r->place, saved);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Unknown members are kept as they are; only numbers JSON cannot write back are refused. */
static gboolean
check_unknown_node (Reader   *r,
                    JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      !isfinite (json_node_get_double (node)))
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("the number is too large"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved = place_push_index (r, i);
          gboolean ok = check_unknown_node (r, json_array_get_element (array, i));

          place_pop (r, saved);
          if (!ok)
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize saved = place_push_key (r, name);
          gboolean ok = check_unknown_node (r, member);

          place_pop (r, saved);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

/* @expected is a message id (N_()), translated only when the node is not what it says: a draft read
 * successfully never asks gettext. */
static gboolean
read_text (Reader      *r,
           JsonNode    *node,
           gboolean     nullable,
           const char  *expected,
           const char **text)
{
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *text = NULL;
      return TRUE;
    }
  if (!node_is_string (node))
    /* Translators: "expected text, found a number" */
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"), _(expected),
                        describe_node (node));
  *text = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_strv (Reader   *r,
           JsonNode *node,
           GStrv    *strv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                        _("a list of ids"), describe_node (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is_string (element))
        {
          place_push_index (r, i);
          return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                              _("an id as text"), describe_node (element));
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *strv = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean read_item (Reader     *r,
                           JsonNode   *node,
                           CsnItem    *item);

static gboolean
read_field (Reader         *r,
            CsnItem        *item,
            const CsnField *field,
            JsonNode       *node)
{
  const char *text = NULL;

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
      if (!read_text (r, node, FALSE, N_("text"), &text))
        return FALSE;
      if ((field->flags & CSN_FIELD_FLAG_KEY) && text[0] == '\0')
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("the id is empty"));
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, g_strdup (text));
      return TRUE;

    case CSN_FIELD_DATE:
      if (!read_text (r, node, TRUE, N_("a date (YYYY-MM-DD) or null"), &text))
        return FALSE;
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, g_strdup (text));
      return TRUE;

    case CSN_FIELD_REF:
      if (!read_text (r, node, (field->flags & CSN_FIELD_FLAG_NULLABLE) != 0,
                      (field->flags & CSN_FIELD_FLAG_NULLABLE) ? N_("an id as text or null")
                                                               : N_("an id as text"),
                      &text))
        return FALSE;
      if ((field->flags & CSN_FIELD_FLAG_KEY) && text[0] == '\0')
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("the id is empty"));
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, g_strdup (text));
      return TRUE;

    case CSN_FIELD_ENUM:
      {
        GType type = field->type_func ();
        int v;

        if (!node_is_string (node))
          return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                              _("text"), describe_node (node));
        if (!csn_enum_from_nick (type, json_node_get_string (node), &v))
          {
            g_autofree char *nicks = csn_enum_list_nicks (type);
            /* Translators: "“long-term” is not one of short-term, medium-term, undecided" */
            return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("“%s” is not one of %s"),
                                json_node_get_string (node), nicks);
          }
        csn_item_load_set_enum (item, field, v);
      }
      return TRUE;

    case CSN_FIELD_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > MAX_QUOTA)
        {
          g_autofree char *shown = NULL;

          /* A number out of range is shown as written: 18446744073709551619, not 3. */
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING &&
              json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            shown = dup_shown (r, node);
          return reader_fail (r, CSN_DRAFT_ERROR_INVALID,
                              _("expected a whole number from 0 to %d, found %s"), MAX_QUOTA,
                              shown != NULL ? shown : describe_node (node));
        }
      csn_item_load_set_int (item, field, (int) json_node_get_int (node));
      return TRUE;

    case CSN_FIELD_REF_LIST:
      {
        GStrv strv = NULL;

        if (!read_strv (r, node, &strv))
          return FALSE;
        csn_item_load_take_strv (item, field, strv);
      }
      return TRUE;

    case CSN_FIELD_LOCALIZED:
      {
        const char *langs[] = { "es", "en" };
        const CsnFieldSlot slots[] = { CSN_FIELD_SLOT_LOCALIZED_ES, CSN_FIELD_SLOT_LOCALIZED_EN };
        g_autoptr(JsonObject) unknown = json_object_new ();
        JsonObject *object;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                              _("an object with “es” and “en” texts"), describe_node (node));
        object = json_node_get_object (node);
        for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
          {
            JsonNode *lang_node = json_object_get_member (object, langs[i]);
            gsize saved;

            if (lang_node == NULL)
              continue;
            saved = place_push_key (r, langs[i]);
            if (!read_text (r, lang_node, FALSE, N_("text"), &text))
              return FALSE;
            place_pop (r, saved);
            csn_item_load_take_string (item, field, slots[i], g_strdup (text));
          }
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          if (!g_str_equal (name, "es") && !g_str_equal (name, "en"))
            {
              gsize saved = place_push_key (r, name);

              if (!check_unknown_node (r, member))
                return FALSE;
              place_pop (r, saved);
              keep_unknown (r, item, unknown, name, member);
            }
        if (json_object_get_size (unknown) > 0)
          csn_item_set_unknown_in (item, field->key, unknown);
      }
      return TRUE;

    case CSN_FIELD_CHILDREN:
      {
        GListStore *store = g_value_get_object (csn_item_peek_value (item, field, CSN_FIELD_SLOT_VALUE));
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                              _("a list"), describe_node (node));
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autoptr(CsnItem) child = g_object_new (field->type_func (), NULL);
            gsize saved = place_push_index (r, i);

            if (!read_item (r, json_array_get_element (array, i), child))
              return FALSE;
            place_pop (r, saved);
            g_list_store_append (store, child);
          }
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
class_has_translations (CsnItemClass *klass)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE)
      return TRUE;
  return FALSE;
}

static const CsnField *
find_translatable_field (CsnItemClass *klass,
                         const char   *key)
{
  const CsnField *field = csn_item_class_find_field (klass, key);

  return field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE) ? field : NULL;
}

static gboolean
read_translation_text (Reader         *r,
                       JsonObject     *object,
                       const char     *member,
                       CsnItem        *item,
                       const CsnField *field,
                       CsnFieldSlot    slot)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = place_push_key (r, member);
  if (!read_text (r, node, FALSE, N_("text"), &text))
    return FALSE;
  place_pop (r, saved);
  csn_item_load_take_string (item, field, slot, g_strdup (text));
  return TRUE;
}

/* "translations": { LANG: { FIELD: { "text", "from" } } }. What this build does not know (another
 * language, an unknown field or member) is kept, in the same nesting, for the next save. */
static gboolean
read_translations (Reader   *r,
                   CsnItem  *item,
                   JsonNode *node)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  g_autoptr(JsonObject) unknown = json_object_new ();
  JsonObjectIter lang_iter;
  const char *lang_code;
  JsonNode *lang_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                        _("an object of translations by language"), describe_node (node));

  json_object_iter_init_ordered (&lang_iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&lang_iter, &lang_code, &lang_node))
    {
      g_autoptr(JsonObject) unknown_in_lang = json_object_new ();
      gsize lang_saved = place_push_key (r, lang_code);
      JsonObjectIter field_iter;
      const char *field_key;
      JsonNode *field_node;
      int language;

      if (!csn_enum_from_nick (CSN_TYPE_LANGUAGE, lang_code, &language))
        {
          if (!check_unknown_node (r, lang_node))
            return FALSE;
          place_pop (r, lang_saved);
          keep_unknown (r, item, unknown, lang_code, lang_node);
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (lang_node))
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                            _("an object of translated fields"), describe_node (lang_node));

      json_object_iter_init_ordered (&field_iter, json_node_get_object (lang_node));
      while (json_object_iter_next_ordered (&field_iter, &field_key, &field_node))
        {
          const CsnField *field = find_translatable_field (klass, field_key);
          gsize field_saved = place_push_key (r, field_key);
          g_autoptr(JsonObject) extra = NULL;
          JsonObjectIter member_iter;
          const char *member_name;
          JsonNode *member_node;

          if (field == NULL)
            {
              if (!check_unknown_node (r, field_node))
                return FALSE;
              place_pop (r, field_saved);
              keep_unknown (r, item, unknown_in_lang, field_key, field_node);
              continue;
            }
          if (!JSON_NODE_HOLDS_OBJECT (field_node))
            return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"),
                                _("an object with “text” and “from”"), describe_node (field_node));

          if (!read_translation_text (r, json_node_get_object (field_node), "text", item, field,
                                      CSN_FIELD_SLOT_TRANSLATION (language, FALSE)) ||
              !read_translation_text (r, json_node_get_object (field_node), "from", item, field,
                                      CSN_FIELD_SLOT_TRANSLATION (language, TRUE)))
            return FALSE;

          json_object_iter_init_ordered (&member_iter, json_node_get_object (field_node));
          while (json_object_iter_next_ordered (&member_iter, &member_name, &member_node))
            {
              gsize member_saved;

              if (g_str_equal (member_name, "text") || g_str_equal (member_name, "from"))
                continue;
              member_saved = place_push_key (r, member_name);
              if (!check_unknown_node (r, member_node))
                return FALSE;
              place_pop (r, member_saved);
              if (extra == NULL)
                extra = json_object_new ();
              keep_unknown (r, item, extra, member_name, member_node);
            }
          if (extra != NULL)
            json_object_set_object_member (unknown_in_lang, field_key, g_steal_pointer (&extra));
          place_pop (r, field_saved);
        }

      if (json_object_get_size (unknown_in_lang) > 0)
        json_object_set_object_member (unknown, lang_code, g_steal_pointer (&unknown_in_lang));
      place_pop (r, lang_saved);
    }

  if (json_object_get_size (unknown) > 0)
    csn_item_set_unknown_in (item, "translations", unknown);
  return TRUE;
}

static gboolean
read_item (Reader   *r,
           JsonNode *node,
           CsnItem  *item)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (klass, &n_fields);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"), _("an object"),
                        describe_node (node));
  object = json_node_get_object (node);

  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *value = json_object_get_member (object, fields[i].key);
      gsize saved;

      if (value == NULL)
        {
          if (fields[i].flags & CSN_FIELD_FLAG_KEY)
            /* Translators: "missing “id”" */
            return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("missing “%s”"), fields[i].key);
          continue;
        }
      saved = place_push_key (r, fields[i].key);
      if (!read_field (r, item, &fields[i], value))
        return FALSE;
      place_pop (r, saved);
    }

  member = json_object_get_member (object, "translations");
  if (member != NULL && class_has_translations (klass))
    {
      gsize saved = place_push_key (r, "translations");

      if (!read_translations (r, item, member))
        return FALSE;
      place_pop (r, saved);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize saved;

      if (csn_item_class_find_field (klass, name) != NULL ||
          (g_str_equal (name, "translations") && class_has_translations (klass)))
        continue;
      saved = place_push_key (r, name);
      if (!check_unknown_node (r, member))
        return FALSE;
      place_pop (r, saved);
      keep_unknown (r, item, csn_item_get_unknown (item), name, member);
    }
  return TRUE;
}

static gboolean
read_draft (Reader   *r,
            JsonNode *root,
            CsnDraft *draft)
{
  JsonObject *object;
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize saved;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return reader_fail (r, CSN_DRAFT_ERROR_FORMAT,
                        _("this is not a Consenso draft: expected an object, found %s"),
                        describe_node (root));
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL)
    return reader_fail (r, CSN_DRAFT_ERROR_FORMAT,
                        _("this is not a Consenso draft: it has no “format”"));
  saved = place_push_key (r, "format");
  if (!node_is_string (node) || !g_str_equal (json_node_get_string (node), CSN_DRAFT_FORMAT))
    {
      g_autofree char *shown = dup_shown (r, node);
      return reader_fail (r, CSN_DRAFT_ERROR_FORMAT,
                          _("this is not a Consenso draft: the format is %s, not “%s”"),
                          shown, CSN_DRAFT_FORMAT);
    }
  place_pop (r, saved);

  node = json_object_get_member (object, "version");
  if (node == NULL)
    return reader_fail (r, CSN_DRAFT_ERROR_VERSION, _("missing “%s”"), "version");
  saved = place_push_key (r, "version");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != CSN_DRAFT_VERSION)
    {
      g_autofree char *shown = dup_shown (r, node);
      /* Translators: "version 2 is not supported; this version of Consenso reads version 1" */
      return reader_fail (r, CSN_DRAFT_ERROR_VERSION,
                          _("version %s is not supported; this version of Consenso reads version %d"),
                          shown, CSN_DRAFT_VERSION);
    }
  place_pop (r, saved);

  node = json_object_get_member (object, "meeting");
  if (node == NULL)
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("missing “%s”"), "meeting");
  saved = place_push_key (r, "meeting");
  if (!read_item (r, node, CSN_ITEM (csn_draft_get_meeting (draft))))
    return FALSE;
  place_pop (r, saved);

  /* Added to version 1 later: a file without it has no texts of its own yet. */
  node = json_object_get_member (object, "document");
  if (node != NULL)
    {
      saved = place_push_key (r, "document");
      if (!read_item (r, node, CSN_ITEM (csn_draft_get_document_texts (draft))))
        return FALSE;
      place_pop (r, saved);
    }

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      const char *key = csn_collection_get_key (c);
      GListStore *store = G_LIST_STORE (csn_draft_get_collection (draft, c));
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      JsonArray *array;

      node = json_object_get_member (object, key);
      if (node == NULL && csn_collection_is_optional (c))
        continue;
      if (node == NULL)
        /* Translators: "missing “themes”; every draft has this list, even if empty" */
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID,
                            _("missing “%s”; every draft has this list, even if empty"), key);
      saved = place_push_key (r, key);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"), _("a list"),
                            describe_node (node));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          CsnItem *item = g_object_new (csn_collection_get_item_type (c), NULL);
          gsize item_saved = place_push_index (r, i);

          g_ptr_array_add (items, item);
          if (!read_item (r, json_array_get_element (array, i), item))
            return FALSE;
          place_pop (r, item_saved);
        }
      g_list_store_splice (store, 0, 0, items->pdata, items->len);
      place_pop (r, saved);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (g_str_equal (name, "format") || g_str_equal (name, "version") ||
          g_str_equal (name, "meeting") || g_str_equal (name, "document") ||
          csn_collection_from_key (name) != CSN_COLLECTION_NONE)
        continue;
      saved = place_push_key (r, name);
      if (!check_unknown_node (r, member))
        return FALSE;
      place_pop (r, saved);
      keep_unknown (r, draft, csn_draft_get_unknown (draft), name, member);
    }
  return TRUE;
}

static gboolean
read_id_list (Reader     *r,
              JsonObject *object,
              const char *member,
              CsnLineage *lineage,
              const char *property)
{
  JsonNode *node = json_object_get_member (object, member);
  g_auto(GStrv) strv = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = place_push_key (r, member);
  if (!read_strv (r, node, &strv))
    return FALSE;
  place_pop (r, saved);
  g_object_set (lineage, property, strv, NULL);
  return TRUE;
}

static gboolean
read_id_text (Reader     *r,
              JsonObject *object,
              const char *member,
              CsnLineage *lineage,
              const char *property)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = NULL;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = place_push_key (r, member);
  if (!read_text (r, node, FALSE, N_("text"), &text))
    return FALSE;
  place_pop (r, saved);
  g_object_set (lineage, property, text, NULL);
  return TRUE;
}

/* Keeps the members of @object that @known does not name in @unknown, in file order, with the texts
 * of their numbers held by @owner. */
static void
keep_unknown_members (Reader             *r,
                      gpointer            owner,
                      JsonObject         *object,
                      const char * const *known,
                      JsonObject         *unknown)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (known, name))
      keep_unknown (r, owner, unknown, name, member);
}

/* "lineage" (kept among the unknown members by read_draft, whose checks it passed) becomes the
 * draft's CsnLineage; what this build does not know inside it is kept for the next save. */
static gboolean
read_lineage (Reader   *r,
              CsnDraft *draft)
{
  static const char * const known[] = { "draft", "revision", "parents", "saved_by", "ancestors", "base", NULL };
  static const char * const base_known[] = { "revision", "agreed", "content", NULL };
  CsnLineage *lineage = csn_draft_get_lineage (draft);
  JsonNode *node = json_object_get_member (csn_draft_get_unknown (draft), "lineage");
  JsonObject *object;
  JsonNode *base;
  gsize saved;

  if (node == NULL)
    return TRUE;
  saved = place_push_key (r, "lineage");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"), _("an object"),
                        describe_node (node));
  object = json_node_get_object (node);
  if (!read_id_text (r, object, "draft", lineage, "draft-id") ||
      !read_id_text (r, object, "revision", lineage, "revision") ||
      !read_id_list (r, object, "parents", lineage, "parents") ||
      !read_id_text (r, object, "saved_by", lineage, "saved-by") ||
      !read_id_list (r, object, "ancestors", lineage, "ancestors"))
    return FALSE;

  base = json_object_get_member (object, "base");
  if (base != NULL)
    {
      gsize base_saved = place_push_key (r, "base");
      JsonObject *base_object;

      if (!JSON_NODE_HOLDS_OBJECT (base))
        return reader_fail (r, CSN_DRAFT_ERROR_INVALID, _("expected %s, found %s"), _("an object"),
                            describe_node (base));
      base_object = json_node_get_object (base);
      if (!read_id_text (r, base_object, "revision", lineage, "base-revision") ||
          !read_id_list (r, base_object, "agreed", lineage, "base-agreed") ||
          !read_id_text (r, base_object, "content", lineage, "base-content"))
        return FALSE;
      keep_unknown_members (r, lineage, base_object, base_known, csn_lineage_get_base_unknown (lineage));
      place_pop (r, base_saved);
    }
  keep_unknown_members (r, lineage, object, known, csn_lineage_get_unknown (lineage));
  place_pop (r, saved);

  json_object_remove_member (csn_draft_get_unknown (draft), "lineage");
  return TRUE;
}

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Says where the data stops being UTF-8 text (a NUL byte, or a byte no character starts with). */
static gboolean
fail_if_not_utf8 (Reader     *r,
                  const char *data,
                  gsize       length)
{
  const char *end;
  guint line, column;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  offset_to_line_column (data, end - data, &line, &column);
  if (*end == '\0')
    return reader_fail (r, CSN_DRAFT_ERROR_NOT_JSON,
                        _("line %u, column %u: the file contains a NUL byte, so it is not a text file"),
                        line, column);
  return reader_fail (r, CSN_DRAFT_ERROR_NOT_JSON,
                      _("line %u, column %u: the file is not UTF-8 text (byte %u)"),
                      line, column, (guint) (end - data) + 1);
}

/* Reads a draft through a tree of JSON nodes: what csn_draft_read_stream() leaves, it reads or
 * refuses with the place named. */
CsnDraft *
csn_draft_load_from_data_tree (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GString) place = g_string_new (NULL);
  g_autofree char *message = NULL;
  Reader reader = { display_name, place, NULL, error };
  gsize i;

  /* A byte-order mark is not JSON, but editors add it; it says nothing. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      reader_fail (&reader, CSN_DRAFT_ERROR_NOT_JSON, _("the file is empty"));
      return NULL;
    }

  /* The parser reads UTF-8 only: a file that is not says where first. */
  if (!fail_if_not_utf8 (&reader, data, length))
    return NULL;

  root = csn_json_parse (data, length, CSN_DRAFT_MAX_DEPTH, &numbers, &message);
  if (root == NULL)
    {
      reader_fail (&reader, CSN_DRAFT_ERROR_NOT_JSON, _("not valid JSON: %s"), message);
      return NULL;
    }

  reader.numbers = numbers;
  draft = csn_draft_new ();
  if (!read_draft (&reader, root, draft) || !read_lineage (&reader, draft))
    return NULL;

  csn_history_clear (csn_draft_get_history (draft));
  return g_steal_pointer (&draft);
}

/* The "lineage" member csn_draft_read_stream() kept among the unknown ones, read as the tree reader
 * reads it; FALSE when the tree reader would refuse it. */
gboolean
csn_draft_read_lineage_member (CsnDraft   *self,
                               GHashTable *numbers)
{
  g_autoptr(GString) place = g_string_new (NULL);
  Reader reader = { "", place, numbers, NULL };

  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  return read_lineage (&reader, self);
}

/* For csn_draft_read_stream(): what remember_number_texts() does for the tree reader. */
void
csn_draft_remember_number_texts (GHashTable *numbers,
                                 gpointer    owner,
                                 JsonNode   *node)
{
  g_autoptr(GString) place = g_string_new (NULL);
  Reader reader = { "", place, numbers, NULL };

  remember_number_texts (&reader, owner, node);
}

/* How long the draft's text was when last read or written. A writer makes room for a little more
 * at once instead of growing its text by doublings, each of which copies it into memory the kernel
 * has to fault in page by page. */
static G_DEFINE_QUARK (csn-draft-text-size, text_size)

static void
remember_text_size (CsnDraft *draft,
                    gsize     size)
{
  g_object_set_qdata (G_OBJECT (draft), text_size_quark (), GSIZE_TO_POINTER (size));
}

static gsize
guess_text_size (CsnDraft *draft)
{
  gsize size = GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (draft), text_size_quark ()));

  return MAX (64 * 1024, size + size / 16);
}

/* A file read in one pass is read as the tree reader would read it; any other is read by the tree
 * reader, which says what is wrong with it. */
static CsnDraft *
load_from_data (const char  *data,
                gsize        length,
                const char  *display_name,
                GError     **error)
{
  CsnDraft *draft;
  gsize skip = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  draft = csn_draft_read_stream (data + skip, length - skip);
  if (draft != NULL)
    csn_history_clear (csn_draft_get_history (draft));
  else
    draft = csn_draft_load_from_data_tree (data, length, display_name, error);
  if (draft != NULL)
    remember_text_size (draft, length);
  return draft;
}

/* Reads a draft from memory; @display_name is the file name errors start with. */
CsnDraft *
csn_draft_load_from_data (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_from_data (data, length, display_name, error);
}

static const char *
describe_io_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return _("there is no such file");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("permission denied");
      case G_IO_ERROR_IS_DIRECTORY:
        return _("it is a folder, not a file");
      default:
        break;
      }
  return error->message;
}

/* Sets @error to say that the file @name (its size @size, -1 when unknown) is larger than a draft
 * may be; returns FALSE. */
gboolean
csn_draft_set_too_large_error (GError     **error,
                               const char  *name,
                               goffset      size)
{
  g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (CSN_DRAFT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (size < 0)
    /* Translators: a pipe or a device, whose size is known only once read */
    g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE,
                 _("%s: the file is larger than %d MiB, the largest draft Consenso reads"), name,
                 CSN_DRAFT_MAX_FILE_SIZE / (1024 * 1024));
  else if (g_str_equal (shown, limit))
    {
      /* "64.0 MiB; up to 64 MiB" would read as no reason at all: count the bytes. */
      g_free (shown);
      shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE,
                   _("%s: the file is %s; Consenso reads drafts of up to %d bytes"), name, shown,
                   CSN_DRAFT_MAX_FILE_SIZE);
    }
  else
    /* Translators: "the file is 80.0 MiB; Consenso reads drafts of up to 64 MiB" */
    g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE,
                 _("%s: the file is %s; Consenso reads drafts of up to %d MiB"),
                 name, shown, CSN_DRAFT_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* Reads @stream to its end, but never more than the size limit: a device or a pipe says no size, and
 * /dev/zero never ends. @expected is what the file says it holds, or 0. */
static gboolean
read_capped (GInputStream  *stream,
             goffset        expected,
             const char    *name,
             char         **contents,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (CLAMP (expected, 0, CSN_DRAFT_MAX_FILE_SIZE) + 1);
  g_autoptr(GError) local_error = NULL;

  for (;;)
    {
      /* One byte more than the limit tells a file of exactly the limit from a longer one. */
      gsize room = CSN_DRAFT_MAX_FILE_SIZE + 1 - buffer->len;
      gsize chunk = MIN (room, MAX (buffer->len, 64 * 1024));
      gsize old_len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_len + chunk);
      n = g_input_stream_read (stream, buffer->data + old_len, chunk, NULL, &local_error);
      if (n < 0)
        {
          g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, "%s: %s", name,
                       describe_io_error (local_error));
          return FALSE;
        }
      g_byte_array_set_size (buffer, old_len + n);
      if (buffer->len > CSN_DRAFT_MAX_FILE_SIZE)
        return csn_draft_set_too_large_error (error, name, expected > CSN_DRAFT_MAX_FILE_SIZE ? expected : -1);
      if (n == 0)
        break;
    }

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/* Reads a draft; the file is never written. Errors name the file (its base name) and the place. */
CsnDraft *
csn_draft_load_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  CsnDraft *draft;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = csn_file_dup_display_basename (file);

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, "%s: %s", name,
                   describe_io_error (local_error));
      return NULL;
    }
  /* What is read is what the stamp describes: the file that was opened. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         CSN_FILE_STAMP_ATTRIBUTES, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, "%s: %s", name,
                   describe_io_error (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, "%s: %s", name,
                   _("it is a folder, not a file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > CSN_DRAFT_MAX_FILE_SIZE)
    {
      csn_draft_set_too_large_error (error, name, g_file_info_get_size (info));
      return NULL;
    }

  if (!read_capped (G_INPUT_STREAM (stream), g_file_info_get_size (info), name, &contents, &length,
                    error))
    return NULL;

  draft = load_from_data (contents, length, name, error);
  if (draft != NULL)
    {
      g_autoptr(CsnFileStamp) stamp = NULL;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        stamp = csn_file_stamp_new_from_info (info);
      csn_draft_set_file (draft, file);
      csn_draft_set_file_stamp (draft, file, stamp);
      csn_history_mark_saved (csn_draft_get_history (draft));
    }
  return draft;
}

/* Writing: fixed member order, two-space indent, one value a line, a final newline. */

static void
write_indent (GString *out,
              guint    level)
{
  static const char indent[] = "\n                ";

  if (level <= (sizeof indent - 2) / 2)
    {
      g_string_append_len (out, indent, 1 + 2 * level);
      return;
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* The bytes a JSON string cannot hold as they are: control characters (the terminating NUL with
 * them), the quote and the backslash. */
static const gboolean ends_plain_run[256] = {
  TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE,
  TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE,
  ['"'] = TRUE,
  ['\\'] = TRUE,
};

/* g_string_append_len() without the way through g_string_insert_len() and its checks for text
 * inside @out itself, which the writer's runs never are (GLib 2.74 does not inline it). */
static inline void
append_run (GString    *out,
            const char *run,
            gsize       length)
{
  gsize at = out->len;

  g_string_set_size (out, at + length);
  memcpy (out->str + at, run, length);
}

static void
write_string (GString    *out,
              const char *text)
{
  const guchar *run = (const guchar *) text;
  const guchar *p;

  g_string_append_c (out, '"');
  /* Most of a draft's bytes need no escape: they are copied a run at a time. (strcspn() with 33
   * bytes to look for takes glibc's generic path, which builds a table at each call.) */
  for (p = run; ; p++)
    {
      const char *escape;

      while (!ends_plain_run[*p])
        p++;
      if (*p == '\0')
        break;

      append_run (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
          continue;
        }
      g_string_append (out, escape);
    }
  append_run (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

/* Opens a member or element: the comma before all but the first, then the indent. */
static void
write_separator (GString  *out,
                 gboolean *first,
                 guint     level)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  write_indent (out, level);
}

static void
write_key (GString    *out,
           gboolean   *first,
           guint       level,
           const char *key)
{
  write_separator (out, first, level);
  write_string (out, key);
  g_string_append (out, ": ");
}

static void write_node (GString    *out,
                        JsonNode   *node,
                        GHashTable *numbers,
                        guint       level);

/* @numbers: the texts of the numbers the file had, from get_number_texts(). */
static void
write_members (GString    *out,
               gboolean   *first,
               JsonObject *object,
               GHashTable *numbers,
               guint       level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL)
    return;
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      write_key (out, first, level, name);
      write_node (out, member, numbers, level);
    }
}

static void
close_container (GString  *out,
                 gboolean  empty,
                 guint     level,
                 char      closer)
{
  if (!empty)
    write_indent (out, level);
  g_string_append_c (out, closer);
}

static void
write_node (GString    *out,
            JsonNode   *node,
            GHashTable *numbers,
            guint       level)
{
  const char *text;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        write_members (out, &first, json_node_get_object (node), numbers, level + 1);
        close_container (out, first, level, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            write_separator (out, &first, level + 1);
            write_node (out, json_array_get_element (array, i), numbers, level + 1);
          }
        close_container (out, first, level, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      text = numbers != NULL ? g_hash_table_lookup (numbers, node) : NULL;
      if (text != NULL)
        {
          g_string_append (out, text);
          break;
        }
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_nullable_string (GString    *out,
                       const char *text)
{
  if (text == NULL)
    g_string_append (out, "null");
  else
    write_string (out, text);
}

static void write_item (GString *out,
                        CsnItem *item,
                        guint    level);

/* @field is one of the item's class, which knows its properties' ids: no names are looked up. */
static void
write_field (GString        *out,
             CsnItem        *item,
             const CsnField *field,
             guint           level)
{
  const GValue *value = NULL;

  /* A localized text has no value of its own, only one in each language. */
  if (field->kind != CSN_FIELD_LOCALIZED)
    value = csn_item_peek_value (item, field, CSN_FIELD_SLOT_VALUE);

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
    case CSN_FIELD_DATE:
    case CSN_FIELD_REF:
      write_nullable_string (out, g_value_get_string (value));
      break;

    case CSN_FIELD_ENUM:
      write_string (out, csn_enum_to_nick (field->type_func (), g_value_get_enum (value)));
      break;

    case CSN_FIELD_INT:
      g_string_append_printf (out, "%d", g_value_get_int (value));
      break;

    case CSN_FIELD_REF_LIST:
      {
        const char * const *strv = g_value_get_boxed (value);
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
          {
            write_separator (out, &first, level + 1);
            write_string (out, strv[i]);
          }
        close_container (out, first, level, ']');
      }
      break;

    case CSN_FIELD_LOCALIZED:
      {
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        write_key (out, &first, level + 1, "es");
        write_string (out, g_value_get_string (csn_item_peek_value (item, field,
                                                                    CSN_FIELD_SLOT_LOCALIZED_ES)));
        write_key (out, &first, level + 1, "en");
        write_string (out, g_value_get_string (csn_item_peek_value (item, field,
                                                                    CSN_FIELD_SLOT_LOCALIZED_EN)));
        write_members (out, &first, csn_item_get_unknown_in (item, field->key),
                       get_number_texts (item, FALSE), level + 1);
        close_container (out, FALSE, level, '}');
      }
      break;

    case CSN_FIELD_CHILDREN:
      {
        GListModel *children = g_value_get_object (value);
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        for (guint i = 0; i < g_list_model_get_n_items (children); i++)
          {
            g_autoptr(CsnItem) child = g_list_model_get_item (children, i);

            write_separator (out, &first, level + 1);
            write_item (out, child, level + 1);
          }
        close_container (out, first, level, ']');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* One language's translations: known fields in schema order, then what was kept unknown. */
static void
write_translations_in (GString     *out,
                       gboolean    *first,
                       CsnItem     *item,
                       CsnLanguage  language,
                       JsonObject  *unknown,
                       guint        level)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  JsonObject *unknown_in_lang = get_object_member (unknown, csn_language_get_code (language));
  gboolean lang_first = TRUE;
  gboolean opened = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *from;
      const char *text;
      JsonObject *extra;
      gboolean field_first = TRUE;

      if (!(fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE))
        continue;
      text = csn_item_get_translation (item, &fields[i], language, &from);
      extra = get_object_member (unknown_in_lang, fields[i].key);
      if (text[0] == '\0' && from[0] == '\0' && extra == NULL)
        continue;

      if (!opened)
        {
          write_key (out, first, level, csn_language_get_code (language));
          g_string_append_c (out, '{');
          opened = TRUE;
        }
      write_key (out, &lang_first, level + 1, fields[i].key);
      g_string_append_c (out, '{');
      write_key (out, &field_first, level + 2, "text");
      write_string (out, text);
      write_key (out, &field_first, level + 2, "from");
      write_string (out, from);
      write_members (out, &field_first, extra, get_number_texts (item, FALSE), level + 2);
      close_container (out, FALSE, level + 1, '}');
    }

  if (unknown_in_lang != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, unknown_in_lang);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (find_translatable_field (CSN_ITEM_GET_CLASS (item), name) != NULL)
            continue;
          if (!opened)
            {
              write_key (out, first, level, csn_language_get_code (language));
              g_string_append_c (out, '{');
              opened = TRUE;
            }
          write_key (out, &lang_first, level + 1, name);
          write_node (out, member, get_number_texts (item, FALSE), level + 1);
        }
    }

  if (opened)
    close_container (out, lang_first, level, '}');
}

static void
write_translations (GString  *out,
                    gboolean *first,
                    CsnItem  *item,
                    guint     level)
{
  JsonObject *unknown = csn_item_get_unknown_in (item, "translations");
  GString *inner = g_string_new (NULL);
  gboolean inner_first = TRUE;

  if (!class_has_translations (CSN_ITEM_GET_CLASS (item)))
    {
      g_string_free (inner, TRUE);
      return;
    }

  for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
    write_translations_in (inner, &inner_first, item, language, unknown, level + 1);
  if (unknown != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, unknown);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!csn_enum_from_nick (CSN_TYPE_LANGUAGE, name, NULL))
          {
            write_key (inner, &inner_first, level + 1, name);
            write_node (inner, member, get_number_texts (item, FALSE), level + 1);
          }
    }

  if (!inner_first)
    {
      write_key (out, first, level, "translations");
      g_string_append_c (out, '{');
      g_string_append_len (out, inner->str, inner->len);
      close_container (out, FALSE, level, '}');
    }
  g_string_free (inner, TRUE);
}

static void
write_item (GString *out,
            CsnItem *item,
            guint    level)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < n_fields; i++)
    {
      write_key (out, &first, level + 1, fields[i].key);
      write_field (out, item, &fields[i], level + 1);
    }
  write_translations (out, &first, item, level + 1);
  write_members (out, &first, csn_item_peek_unknown (item), get_number_texts (item, FALSE), level + 1);
  close_container (out, first, level, '}');
}


static void
write_id_list (GString            *out,
               gboolean           *first,
               guint               level,
               const char         *key,
               const char * const *ids)
{
  gboolean list_first = TRUE;

  write_key (out, first, level, key);
  g_string_append_c (out, '[');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      write_separator (out, &list_first, level + 1);
      write_string (out, ids[i]);
    }
  close_container (out, list_first, level, ']');
}

static void
write_optional_text (GString    *out,
                     gboolean   *first,
                     guint       level,
                     const char *key,
                     const char *text)
{
  if (text == NULL)
    return;
  write_key (out, first, level, key);
  write_string (out, text);
}

/* "lineage": the draft's and this revision's ids, who saved it, and the agreed base. @numbers: the
 * texts of the numbers in the lineage's unknown members (a lineage for a save shares them with the
 * draft's own). */
static void
write_lineage (GString    *out,
               gboolean   *first,
               CsnLineage *lineage,
               GHashTable *numbers)
{
  gboolean lineage_first = TRUE;

  if (lineage == NULL ||
      (!csn_lineage_is_known (lineage) && json_object_get_size (csn_lineage_get_unknown (lineage)) == 0))
    return;

  write_key (out, first, 1, "lineage");
  g_string_append_c (out, '{');
  write_optional_text (out, &lineage_first, 2, "draft", csn_lineage_get_draft_id (lineage));
  write_optional_text (out, &lineage_first, 2, "revision", csn_lineage_get_revision (lineage));
  write_id_list (out, &lineage_first, 2, "parents", csn_lineage_get_parents (lineage));
  write_optional_text (out, &lineage_first, 2, "saved_by", csn_lineage_get_saved_by (lineage));
  write_id_list (out, &lineage_first, 2, "ancestors", csn_lineage_get_ancestors (lineage));
  if (csn_lineage_get_base_revision (lineage) != NULL || csn_lineage_get_base_content (lineage) != NULL ||
      json_object_get_size (csn_lineage_get_base_unknown (lineage)) > 0)
    {
      gboolean base_first = TRUE;

      write_key (out, &lineage_first, 2, "base");
      g_string_append_c (out, '{');
      write_optional_text (out, &base_first, 3, "revision", csn_lineage_get_base_revision (lineage));
      write_id_list (out, &base_first, 3, "agreed", csn_lineage_get_base_agreed (lineage));
      write_optional_text (out, &base_first, 3, "content", csn_lineage_get_base_content (lineage));
      write_members (out, &base_first, csn_lineage_get_base_unknown (lineage), numbers, 3);
      close_container (out, base_first, 2, '}');
    }
  write_members (out, &lineage_first, csn_lineage_get_unknown (lineage), numbers, 2);
  close_container (out, lineage_first, 1, '}');
}

/* A draft written a slice of items at a time (csn-draft-private.h): what the main thread can do
 * between two frames. The items must not change between the slices. */
struct _CsnDraftWriter
{
  CsnDraft     *draft;
  GString      *out;
  gboolean      first;
  CsnCollection collection;   /* the list being written */
  guint         position;     /* its next item */
  gboolean      in_list;
  gboolean      first_item;
};

CsnDraftWriter *
csn_draft_writer_new (CsnDraft *draft)
{
  CsnDraftWriter *writer;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  writer = g_new0 (CsnDraftWriter, 1);
  writer->draft = g_object_ref (draft);
  writer->out = g_string_sized_new (guess_text_size (draft));
  writer->first = TRUE;
  g_string_append_c (writer->out, '{');
  write_key (writer->out, &writer->first, 1, "format");
  write_string (writer->out, CSN_DRAFT_FORMAT);
  write_key (writer->out, &writer->first, 1, "version");
  g_string_append_printf (writer->out, "%d", CSN_DRAFT_VERSION);
  write_key (writer->out, &writer->first, 1, "meeting");
  write_item (writer->out, CSN_ITEM (csn_draft_get_meeting (draft)), 1);
  write_key (writer->out, &writer->first, 1, "document");
  write_item (writer->out, CSN_ITEM (csn_draft_get_document_texts (draft)), 1);
  return writer;
}

/* Writes items until @deadline (g_get_monotonic_time(); -1: none). Returns: whether all are written. */
gboolean
csn_draft_writer_step (CsnDraftWriter *writer,
                       gint64          deadline)
{
  guint n_written = 0;

  g_return_val_if_fail (writer != NULL, FALSE);

  while (writer->collection < CSN_N_COLLECTIONS)
    {
      GListModel *model = csn_draft_get_collection (writer->draft, writer->collection);
      guint n_items = g_list_model_get_n_items (model);

      if (!writer->in_list)
        {
          write_key (writer->out, &writer->first, 1, csn_collection_get_key (writer->collection));
          g_string_append_c (writer->out, '[');
          writer->in_list = TRUE;
          writer->first_item = TRUE;
          writer->position = 0;
        }
      while (writer->position < n_items)
        {
          g_autoptr(CsnItem) item = NULL;

          /* The clock is read every few items: an item takes a few microseconds. */
          if (deadline >= 0 && ++n_written % 32 == 0 && g_get_monotonic_time () >= deadline)
            return FALSE;
          item = g_list_model_get_item (model, writer->position++);
          write_separator (writer->out, &writer->first_item, 2);
          write_item (writer->out, item, 2);
        }
      close_container (writer->out, writer->first_item, 1, ']');
      writer->in_list = FALSE;
      writer->collection++;
    }
  return TRUE;
}

void
csn_draft_writer_free (CsnDraftWriter *writer)
{
  if (writer == NULL)
    return;
  g_object_unref (writer->draft);
  if (writer->out != NULL)
    g_string_free (writer->out, TRUE);
  g_free (writer);
}

static void
write_tail (CsnDraft   *draft,
            GString    *out,
            gboolean    first,
            CsnLineage *lineage)
{
  write_lineage (out, &first, lineage, get_number_texts (csn_draft_get_lineage (draft), FALSE));
  write_members (out, &first, csn_draft_get_unknown (draft), get_number_texts (draft, FALSE), 1);
  g_string_append (out, "\n}\n");
}

/* Writes what is left, then @lineage (none: NULL) and the draft's unknown members; frees @writer.
 * Returns: (transfer full): the file text */
char *
csn_draft_writer_finish (CsnDraftWriter *writer,
                         CsnLineage     *lineage,
                         gsize          *length)
{
  GString *out;

  g_return_val_if_fail (writer != NULL, NULL);

  csn_draft_writer_step (writer, -1);
  out = g_steal_pointer (&writer->out);
  write_tail (writer->draft, out, writer->first, lineage);
  remember_text_size (writer->draft, out->len);
  csn_draft_writer_free (writer);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* What csn_draft_writer_finish() would write after the items with @lineage (NULL: none), and in
 * @prefix_length the length of the text before it, which @writer keeps: a save's worker puts the
 * first agreed base (the draft without its lineage) together from the file's text, instead of the
 * main thread copying the whole text. */
char *
csn_draft_writer_dup_tail (CsnDraftWriter *writer,
                           CsnLineage     *lineage,
                           gsize          *prefix_length)
{
  GString *tail;

  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (prefix_length != NULL, NULL);

  csn_draft_writer_step (writer, -1);
  *prefix_length = writer->out->len;
  tail = g_string_new (NULL);
  write_tail (writer->draft, tail, writer->first, lineage);
  return g_string_free (tail, FALSE);
}

/* The draft as the text of a .consenso file, with @lineage (NULL: none). */
static char *
draft_to_data (CsnDraft   *self,
               CsnLineage *lineage,
               gsize      *length)
{
  return csn_draft_writer_finish (csn_draft_writer_new (self), lineage, length);
}

/* The draft as the text of a .consenso file. */
char *
csn_draft_to_data (CsnDraft *self,
                   gsize    *length)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return draft_to_data (self, csn_draft_get_lineage (self), length);
}

/* The draft's content alone, without its lineage: what a merge compares and a base stores. */
char *
csn_draft_content_to_data (CsnDraft *self,
                           gsize    *length)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  return draft_to_data (self, NULL, length);
}

/* The draft as a file text with another lineage than its own (the one a save is about to give it). */
char *
csn_draft_to_data_with_lineage (CsnDraft   *self,
                                CsnLineage *lineage,
                                gsize      *length)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);
  g_return_val_if_fail (CSN_IS_LINEAGE (lineage), NULL);
  return draft_to_data (self, lineage, length);
}

/* Saving. The draft is written out on the main thread, a slice at a time between frames; a worker
 * only gets the bytes and the file. */

/* A large draft takes longer to write out than a frame lasts (the large draft of issue 16: 10-25 ms). */
#define SAVE_SLICE_US 4000
/* After this many writings begun again for an edit, the next is written at once, whatever it costs:
 * a long run of edits still lets the save end. */
#define SAVE_MAX_RESTARTS 3

typedef struct
{
  GFile        *file;         /* the file the stamp describes */
  CsnFileStamp *stamp;
  guint64       changes;      /* the draft's "changed" signals so far */
  GQueue        saves;        /* tasks of csn_draft_save_async(), the one under way first */
  gboolean      saving;       /* the head's file is being written by the worker */
  guint         slice_source; /* the head's draft is being written out between frames */
  gint64        slice_us;
} DraftIo;

static GQuark
draft_io_quark (void)
{
  return g_quark_from_static_string ("csn-draft-io");
}

static void
draft_io_free (DraftIo *io)
{
  /* Each queued task holds the draft: none is left when the draft goes. */
  g_assert (g_queue_is_empty (&io->saves));
  g_assert (io->slice_source == 0);
  g_clear_object (&io->file);
  g_clear_pointer (&io->stamp, csn_file_stamp_free);
  g_free (io);
}

static void
on_draft_changed_cb (CsnDraft *draft,
                     gpointer  user_data)
{
  DraftIo *io = user_data;

  io->changes++;
}

static DraftIo *
get_io (CsnDraft *self)
{
  DraftIo *io = g_object_get_qdata (G_OBJECT (self), draft_io_quark ());

  if (io == NULL)
    {
      io = g_new0 (DraftIo, 1);
      g_queue_init (&io->saves);
      io->slice_us = SAVE_SLICE_US;
      g_object_set_qdata_full (G_OBJECT (self), draft_io_quark (), io, (GDestroyNotify) draft_io_free);
      /* Counts edits, so that one made while a save is under way keeps the draft modified. */
      g_signal_connect (self, "changed", G_CALLBACK (on_draft_changed_cb), io);
    }
  return io;
}

/* What the draft's file looked like when the draft last read or wrote it, or NULL if unknown. */
const CsnFileStamp *
csn_draft_get_file_stamp (CsnDraft *self)
{
  DraftIo *io;
  GFile *file;

  g_return_val_if_fail (CSN_IS_DRAFT (self), NULL);

  io = g_object_get_qdata (G_OBJECT (self), draft_io_quark ());
  file = csn_draft_get_file (self);
  if (io == NULL || io->file == NULL || file == NULL || !g_file_equal (io->file, file))
    return NULL;
  return io->stamp;
}

/* Remembers that @file looked like @stamp (NULL: unknown); a later save to @file refuses to replace a
 * file that no longer does. */
void
csn_draft_set_file_stamp (CsnDraft           *self,
                          GFile              *file,
                          const CsnFileStamp *stamp)
{
  DraftIo *io;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  io = get_io (self);
  g_set_object (&io->file, file);
  g_clear_pointer (&io->stamp, csn_file_stamp_free);
  if (stamp != NULL)
    io->stamp = csn_file_stamp_copy (stamp);
}

/* How long each slice of a save's writing out may take (microseconds; 0: the fewest items a slice
 * can write), for tests. */
void
csn_draft_set_save_slice (CsnDraft *self,
                          gint64    slice_us)
{
  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (slice_us >= 0);

  get_io (self)->slice_us = slice_us;
}

typedef struct
{
  GFile             *file;
  CsnDraftSaveFlags  flags;
  CsnLineage        *lineage;   /* the revision the save writes, once it is under way */
  CsnDraftWriter    *writer;    /* while the draft is written out */
  guint64            changes;   /* the draft's "changed" count when the writer began */
  guint              restarts;  /* writers begun again for an edit */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->file);
  g_clear_object (&request->lineage);
  g_clear_pointer (&request->writer, csn_draft_writer_free);
  g_free (request);
}

/* One save, as the worker sees it: no GObject but the file, which is thread-safe. */
typedef struct
{
  GFile        *file;
  GBytes       *data;
  CsnFileStamp *expected;  /* NULL: replace whatever is on disk */
  guint64       changes;   /* the draft's "changed" count when it was written out */
  char         *draft_id;  /* the lineage's ids, for the revision cache */
  char         *revision;
  CsnFileStamp *written;   /* set by the worker */

  /* A first save: the draft's content, its first agreed base, is put together and compressed by the
   * worker (it takes longer than writing the file out), which puts it in @data in place of
   * @base_placeholder. The base is the first @base_prefix_length bytes of @data, then @base_tail. */
  gsize         base_prefix_length;
  char         *base_tail;
  char         *base_placeholder;
  char         *base_content;  /* set by the worker */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job->draft_id);
  g_free (job->revision);
  g_clear_pointer (&job->expected, csn_file_stamp_free);
  g_clear_pointer (&job->written, csn_file_stamp_free);
  g_free (job->base_tail);
  g_free (job->base_placeholder);
  g_free (job->base_content);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static gboolean
check_local (GFile   *file,
             GError **error)
{
  g_autofree char *uri = NULL;

  if (g_file_peek_path (file) != NULL)
    return TRUE;
  uri = g_file_get_uri (file);
  g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE,
               _("%s: drafts can only be saved to local folders"), uri);
  return FALSE;
}

/* Ends the draft's text that @writer began, with the new revision of its lineage, which it takes in
 * save_job_finish(). Frees @writer. */
static SaveJob *
save_job_new (CsnDraft           *self,
              CsnDraftWriter     *writer,
              GFile              *file,
              CsnDraftSaveFlags   flags,
              CsnLineage        **lineage)
{
  DraftIo *io = get_io (self);
  SaveJob *job;
  char *data;
  gsize length;

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  /* The items are written once: for the first agreed base of a draft saved for the first time, and
   * for the file. */
  if (!csn_lineage_is_known (csn_draft_get_lineage (self)))
    job->base_tail = csn_draft_writer_dup_tail (writer, NULL, &job->base_prefix_length);
  *lineage = csn_lineage_new_for_save_unencoded (csn_draft_get_lineage (self), self,
                                                 csn_draft_get_saved_by (self), NULL, NULL);
  if (job->base_tail != NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      job->base_placeholder = g_strconcat ("csn-base-content-", uuid, NULL);
      g_object_set (*lineage, "base-content", job->base_placeholder, NULL);
    }
  data = csn_draft_writer_finish (writer, *lineage, &length);
  job->data = g_bytes_new_take (data, length);
  job->draft_id = g_strdup (csn_lineage_get_draft_id (*lineage));
  job->revision = g_strdup (csn_lineage_get_revision (*lineage));
  if (!(flags & CSN_DRAFT_SAVE_OVERWRITE) && io->stamp != NULL && io->file != NULL &&
      g_file_equal (io->file, file))
    job->expected = csn_file_stamp_copy (io->stamp);
  job->changes = io->changes;
  return job;
}

/* Puts the first agreed base together, compresses it and puts it in the file text, in place of the
 * placeholder. */
static void
save_job_encode_base (SaveJob *job)
{
  gsize length;
  const char *data = g_bytes_get_data (job->data, &length);
  const char *at = g_strstr_len (data, length, job->base_placeholder);
  gsize placeholder_length = strlen (job->base_placeholder);
  g_autoptr(GString) base = g_string_sized_new (job->base_prefix_length + strlen (job->base_tail));
  GString *out;

  g_assert (job->base_prefix_length <= length);
  g_string_append_len (base, data, job->base_prefix_length);
  g_string_append (base, job->base_tail);
  job->base_content = csn_lineage_encode_content (base->str, base->len);
  g_assert (at != NULL);
  out = g_string_sized_new (length - placeholder_length + strlen (job->base_content));
  g_string_append_len (out, data, at - data);
  g_string_append (out, job->base_content);
  g_string_append_len (out, at + placeholder_length, length - (at - data) - placeholder_length);
  g_bytes_unref (job->data);
  job->data = g_string_free_to_bytes (out);
}

static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize length;
  const char *data;

  if (job->base_tail != NULL)
    save_job_encode_base (job);
  data = g_bytes_get_data (job->data, &length);

  if (!csn_safe_file_save (job->file, data, length, CSN_SAFE_FILE_BACKUP, job->expected, &job->written,
                           cancellable, error))
    return FALSE;
  /* Compressed and written here too: a later merge finds this revision without the main thread
   * having paid for it. */
  csn_lineage_cache_store (job->draft_id, job->revision, data, length);
  return TRUE;
}

/* Back on the main thread: the draft learns what its file holds now. Takes @save_error. */
static gboolean
save_job_finish (CsnDraft    *self,
                 SaveJob     *job,
                 CsnLineage  *lineage,
                 GError      *save_error,
                 GError     **error)
{
  DraftIo *io = get_io (self);
  CsnHistory *history = csn_draft_get_history (self);
  gboolean edited_meanwhile = io->changes != job->changes;

  if (save_error != NULL)
    {
      int code = CSN_DRAFT_ERROR_WRITE;

      if (g_error_matches (save_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, save_error);
          return FALSE;
        }
      if (g_error_matches (save_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        code = CSN_DRAFT_ERROR_CHANGED_ON_DISK;
      else if (g_error_matches (save_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        code = CSN_DRAFT_ERROR_READ_ONLY;
      g_set_error_literal (error, CSN_DRAFT_ERROR, code, save_error->message);
      g_error_free (save_error);
      return FALSE;
    }

  if (job->base_content != NULL)
    g_object_set (lineage, "base-content", job->base_content, NULL);
  csn_lineage_assign (csn_draft_get_lineage (self), lineage);
  csn_draft_set_file (self, job->file);
  csn_draft_set_file_stamp (self, job->file, job->written);
  if (!edited_meanwhile)
    csn_history_mark_saved (history);
  else
    /* Edited while the worker wrote: the file holds an earlier state than any the history can name. */
    csn_history_mark_unsaved (history);
  return TRUE;
}

static void
save_in_thread (GTask        *worker,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, cancellable, &error))
    g_task_return_boolean (worker, TRUE);
  else
    g_task_return_error (worker, error);
}

static void start_next_save (CsnDraft *self,
                             DraftIo  *io);

static void
on_save_written_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(CsnDraft) self = g_object_ref (g_task_get_source_object (task));
  SaveRequest *request = g_task_get_task_data (task);
  DraftIo *io = get_io (self);
  GError *save_error = NULL;
  GError *error = NULL;

  g_assert (g_queue_peek_head (&io->saves) == task);
  g_queue_pop_head (&io->saves);
  io->saving = FALSE;

  g_task_propagate_boolean (G_TASK (result), &save_error);
  if (save_job_finish (self, g_task_get_task_data (G_TASK (result)), request->lineage, save_error, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  start_next_save (self, io);
}

/* Hands the head's text to the worker, which writes the file. */
static void
start_writing (CsnDraft *self,
               DraftIo  *io,
               GTask    *task)
{
  SaveRequest *request = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;
  SaveJob *job;

  job = save_job_new (self, g_steal_pointer (&request->writer), request->file, request->flags,
                      &request->lineage);
  /* The worker's task has no source object and holds only the job: whatever it drops last in the
   * worker thread is thread-safe. The draft's own task never leaves the main thread. */
  io->saving = TRUE;
  worker = g_task_new (NULL, g_task_get_cancellable (task), on_save_written_cb, task);
  g_task_set_source_tag (worker, start_next_save);
  /* A file written is written, even if the cancellable fires just after: the draft must know. */
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (worker, save_in_thread);
}

/* Ends the head's task with @error (taken) before its file was touched. */
static void
fail_head (DraftIo *io,
           GError  *error)
{
  GTask *task = g_queue_pop_head (&io->saves);

  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Writes the head's draft out until the slice's deadline. Returns: whether it is all written out. */
static gboolean
write_slice (CsnDraft *self,
             DraftIo  *io,
             GTask    *task)
{
  SaveRequest *request = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + io->slice_us;

  /* The slices written so far show the draft before the edit: the save takes the draft as it is
   * once written out. */
  if (request->writer != NULL && request->changes != io->changes)
    {
      g_clear_pointer (&request->writer, csn_draft_writer_free);
      request->restarts++;
    }
  if (request->writer == NULL)
    {
      request->writer = csn_draft_writer_new (self);
      request->changes = io->changes;
    }
  if (request->restarts >= SAVE_MAX_RESTARTS)
    deadline = -1;
  return csn_draft_writer_step (request->writer, deadline);
}

static gboolean
on_save_slice_cb (gpointer user_data)
{
  CsnDraft *self = user_data;
  DraftIo *io = get_io (self);
  GTask *task = g_queue_peek_head (&io->saves);
  GError *error = NULL;

  /* Cancelled before its file was touched (the window went): the file stays as it was. */
  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) &&
      !write_slice (self, io, task))
    return G_SOURCE_CONTINUE;

  io->slice_source = 0;
  if (error != NULL)
    fail_head (io, error);
  else
    start_writing (self, io, task);
  start_next_save (self, io);
  return G_SOURCE_REMOVE;
}

static void
start_next_save (CsnDraft *self,
                 DraftIo  *io)
{
  G_GNUC_UNUSED g_autoptr(CsnDraft) keep = g_object_ref (self);

  while (!io->saving && io->slice_source == 0 && !g_queue_is_empty (&io->saves))
    {
      GTask *task = g_queue_peek_head (&io->saves);
      SaveRequest *request = g_task_get_task_data (task);
      GError *error = NULL;

      if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
          !check_local (request->file, &error))
        {
          fail_head (io, error);
          continue;
        }
      /* The first slice at once: a draft of a real meeting is written out in it, as it was when
       * the user saved. A large one goes on between frames. */
      if (write_slice (self, io, task))
        {
          start_writing (self, io, task);
          continue;
        }
      io->slice_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_save_slice_cb, g_object_ref (self),
                                          g_object_unref);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, io->slice_source),
                                "[consenso] save");
    }
}

/* Saves the draft to @file from a worker thread: a temporary file beside it, flushed, renamed over it;
 * the old file stays as "NAME~". The draft is written out on the main thread, a slice at a time
 * between frames: an edit made before it is all written out begins the writing again (after three
 * such edits the rest is written at once), so the file holds the draft as it was then; edits made
 * while the worker writes wait for the next save. Saves of one draft run one after the other.
 * Fails with CSN_DRAFT_ERROR_CHANGED_ON_DISK if @file is the draft's file and changed on disk since
 * the draft read or saved it, unless @flags has CSN_DRAFT_SAVE_OVERWRITE; with
 * CSN_DRAFT_ERROR_READ_ONLY for a read-only file. */
void
csn_draft_save_async (CsnDraft            *self,
                      GFile               *file,
                      CsnDraftSaveFlags    flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveRequest *request;
  DraftIo *io;

  g_return_if_fail (CSN_IS_DRAFT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_draft_save_async);
  g_task_set_check_cancellable (task, FALSE);
  request = g_new0 (SaveRequest, 1);
  request->file = g_object_ref (file);
  request->flags = flags;
  g_task_set_task_data (task, request, (GDestroyNotify) save_request_free);

  io = get_io (self);
  g_queue_push_tail (&io->saves, g_steal_pointer (&task));
  start_next_save (self, io);
}

gboolean
csn_draft_save_finish (CsnDraft      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_draft_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The same save on the calling thread, for the command line and tests. */
gboolean
csn_draft_save_to_file (CsnDraft  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autoptr(SaveJob) job = NULL;
  g_autoptr(CsnLineage) lineage = NULL;
  GError *save_error = NULL;
  DraftIo *io;

  g_return_val_if_fail (CSN_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Not beside an asynchronous save of the same draft: they would race for the file. */
  io = get_io (self);
  g_return_val_if_fail (g_queue_is_empty (&io->saves), FALSE);

  if (!check_local (file, error))
    return FALSE;
  job = save_job_new (self, csn_draft_writer_new (self), file, CSN_DRAFT_SAVE_NONE, &lineage);
  save_job_run (job, NULL, &save_error);
  return save_job_finish (self, job, lineage, save_error, error);
}

#define TEMPLATE_RESOURCE "/io/github/consenso/Consenso/templates/crm-working-group.consenso"

/* A new, untitled draft with the content of the built-in CRM working-group template. */
CsnDraft *
csn_draft_new_from_template (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CsnDraft *draft;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (csn_core_get_resource (), TEMPLATE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  draft = csn_draft_load_from_data (data, size, "crm-working-group.consenso", &error);
  /* The template is built in and tested: failing to read it is a build defect. */
  g_assert_no_error (error);
  return draft;
}
