/* csn-draft-reader.c: reads a well-formed draft in one pass over its bytes, setting each item's fields
 * as it goes and building JSON nodes only for the members this build does not know. Whatever it does
 * not accept as it is (any error, a member of a draft or an item given twice) it leaves
 * to the tree reader of csn-draft-io.c, which gives the same draft or says what is wrong, where. */
#define G_LOG_DOMAIN "csn-draft-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-enums.h"
#include "csn-item-private.h"
#include "csn-json-check.h"
#include "csn-meeting.h"

#define MAX_QUOTA 99

/* The file being read: csn-json-check.c's scanner, and the number texts of what is kept unknown. */
typedef CsnJsonScanner Stream;

/* A name or string as read: valid until the next read. */
typedef struct
{
  const char *text;
  gsize       length;
} Text;

static inline char *
dup_text (const Text *text)
{
  return g_strndup (text->text, text->length);
}

static inline gboolean
text_is (const Text *text,
         const char *word)
{
  return strncmp (text->text, word, text->length) == 0 && word[text->length] == '\0';
}

static gboolean
read_name (Stream *s,
           Text   *name)
{
  if (!csn_json_scanner_read_name (s))
    return FALSE;
  name->text = csn_json_scanner_get_text (s, &name->length);
  return TRUE;
}

static gboolean
read_string (Stream *s,
             Text   *text)
{
  if (!csn_json_scanner_read_string (s))
    return FALSE;
  text->text = csn_json_scanner_get_text (s, &text->length);
  return TRUE;
}

static gboolean
open_container (Stream   *s,
                char      opener,
                gboolean *empty)
{
  return csn_json_scanner_open (s, opener, empty);
}

/* Whether @node holds a number JSON cannot write back: the tree reader refuses it. */
static gboolean
has_infinite (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (has_infinite (json_array_get_element (array, i)))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (has_infinite (member))
          return TRUE;
    }
  return FALSE;
}

/* A member this build does not know, kept in @unknown as the tree reader keeps it, with the texts of
 * its numbers for @owner. FALSE if @unknown has @name already, or the value is not one to keep. */
static gboolean
keep_unknown (Stream     *s,
              gpointer    owner,
              JsonObject *unknown,
              const char *name)
{
  JsonNode *member;

  if (json_object_has_member (unknown, name))
    return FALSE;
  member = csn_json_scanner_read_value (s);
  if (member == NULL)
    return FALSE;
  if (has_infinite (member))
    {
      json_node_unref (member);
      return FALSE;
    }
  json_object_set_member (unknown, name, member);
  csn_draft_remember_number_texts (csn_json_scanner_get_numbers (s), owner, member);
  return TRUE;
}

/* Text, or null where @nullable: NULL in @text->text. */
static gboolean
read_text_or_null (Stream   *s,
                   gboolean  nullable,
                   Text     *text)
{
  if (csn_json_scanner_peek (s) == 'n')
    {
      text->text = NULL;
      text->length = 0;
      return nullable && csn_json_scanner_read_null (s);
    }
  return read_string (s, text);
}

/* Text, or null where @nullable: NULL in @text. */
static gboolean
read_text_value (Stream   *s,
                 gboolean  nullable,
                 char    **text)
{
  Text value;

  if (!read_text_or_null (s, nullable, &value))
    return FALSE;
  *text = value.text != NULL ? dup_text (&value) : NULL;
  return TRUE;
}

/* Into the item's text store (csn-item.c): no allocation of its own. */
static inline void
set_text (CsnItem        *item,
          const CsnField *field,
          CsnFieldSlot    slot,
          const Text     *text)
{
  if (text->text == NULL)
    csn_item_load_take_string (item, field, slot, NULL);
  else
    csn_item_load_set_text (item, field, slot, text->text, text->length);
}

static gboolean
read_strv (Stream  *s,
           GStrv   *strv)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  gboolean empty, more = TRUE;

  if (!open_container (s, '[', &empty))
    return FALSE;
  while (!empty && more)
    {
      Text text;

      if (!read_string (s, &text))
        return FALSE;
      g_ptr_array_add (elements, dup_text (&text));
      if (!csn_json_scanner_next (s, ']', &more))
        return FALSE;
    }
  g_ptr_array_add (elements, NULL);
  *strv = (GStrv) g_ptr_array_free (g_steal_pointer (&elements), FALSE);
  return TRUE;
}

static gboolean read_item (Stream  *s,
                           CsnItem *item);

/* An object of two texts, @names[0] into @first_slot and @names[1] into the slot after it, each at
 * most once; other members are kept in *@unknown (made when the first comes). */
static gboolean
read_text_pair (Stream             *s,
                CsnItem            *item,
                const CsnField     *field,
                const char * const  names[2],
                CsnFieldSlot        first_slot,
                JsonObject        **unknown)
{
  gboolean seen[2] = { FALSE, FALSE };
  gboolean empty, more = TRUE;

  if (!open_container (s, '{', &empty))
    return FALSE;
  while (!empty && more)
    {
      Text name;
      int which = -1;

      if (!read_name (s, &name))
        return FALSE;
      if (text_is (&name, names[0]))
        which = 0;
      else if (text_is (&name, names[1]))
        which = 1;

      if (which >= 0)
        {
          Text value;

          if (seen[which] || !read_text_or_null (s, FALSE, &value))
            return FALSE;
          seen[which] = TRUE;
          set_text (item, field, first_slot + which, &value);
        }
      else
        {
          g_autofree char *key = dup_text (&name);

          if (*unknown == NULL)
            *unknown = json_object_new ();
          if (!keep_unknown (s, item, *unknown, key))
            return FALSE;
        }
      if (!csn_json_scanner_next (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

/* A localized text: {"es": …, "en": …}. */
static gboolean
read_localized (Stream         *s,
                CsnItem        *item,
                const CsnField *field)
{
  static const char * const languages[2] = { "es", "en" };
  g_autoptr(JsonObject) unknown = NULL;

  if (!read_text_pair (s, item, field, languages, CSN_FIELD_SLOT_LOCALIZED_ES, &unknown))
    return FALSE;
  if (unknown != NULL)
    csn_item_set_unknown_in (item, field->key, unknown);
  return TRUE;
}

static gboolean
read_children (Stream         *s,
               CsnItem        *item,
               const CsnField *field)
{
  GListStore *store = g_value_get_object (csn_item_peek_value (item, field, CSN_FIELD_SLOT_VALUE));
  gboolean empty, more = TRUE;

  if (!open_container (s, '[', &empty))
    return FALSE;
  while (!empty && more)
    {
      g_autoptr(CsnItem) child = g_object_new (field->type_func (), NULL);

      csn_item_load_share_store (item, child);
      if (!read_item (s, child))
        return FALSE;
      g_list_store_append (store, child);
      if (!csn_json_scanner_next (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_field (Stream         *s,
            CsnItem        *item,
            const CsnField *field)
{
  Text text;

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
    case CSN_FIELD_DATE:
    case CSN_FIELD_REF:
      if (!read_text_or_null (s, field->kind == CSN_FIELD_DATE ||
                                 (field->kind == CSN_FIELD_REF && (field->flags & CSN_FIELD_FLAG_NULLABLE)),
                              &text))
        return FALSE;
      if ((field->flags & CSN_FIELD_FLAG_KEY) && (text.text == NULL || text.length == 0 || text.text[0] == '\0'))
        return FALSE;
      set_text (item, field, CSN_FIELD_SLOT_VALUE, &text);
      return TRUE;

    case CSN_FIELD_ENUM:
      {
        g_autofree char *nick = NULL;
        int value;

        if (!read_text_value (s, FALSE, &nick) || !csn_enum_from_nick (field->type_func (), nick, &value))
          return FALSE;
        csn_item_load_set_enum (item, field, value);
      }
      return TRUE;

    case CSN_FIELD_INT:
      {
        gint64 value;

        if (!csn_json_scanner_read_integer (s, &value) || value < 0 || value > MAX_QUOTA)
          return FALSE;
        csn_item_load_set_int (item, field, (int) value);
      }
      return TRUE;

    case CSN_FIELD_REF_LIST:
      {
        GStrv strv = NULL;

        if (!read_strv (s, &strv))
          return FALSE;
        csn_item_load_take_strv (item, field, strv);
      }
      return TRUE;

    case CSN_FIELD_LOCALIZED:
      return read_localized (s, item, field);

    case CSN_FIELD_CHILDREN:
      return read_children (s, item, field);

    default:
      g_assert_not_reached ();
    }
}

static const CsnField *
find_field (CsnItemClass *klass,
            const Text   *name,
            guint         from)
{
  /* Members come in the order of the fields as written: the one after the last found first. */
  for (guint k = 0; k < klass->n_fields; k++)
    {
      guint i = (from + k) % klass->n_fields;

      if (text_is (name, klass->fields[i].key))
        return &klass->fields[i];
    }
  return NULL;
}

static gboolean
class_has_translations (CsnItemClass *klass)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE)
      return TRUE;
  return FALSE;
}

/* { "text": …, "from": … } of one field in one language; other members are kept in @unknown_in_lang
 * under the field's key, as the tree reader keeps them. */
static gboolean
read_translation (Stream         *s,
                  CsnItem        *item,
                  const CsnField *field,
                  CsnLanguage     language,
                  JsonObject     *unknown_in_lang)
{
  static const char * const members[2] = { "text", "from" };
  g_autoptr(JsonObject) extra = NULL;

  if (!read_text_pair (s, item, field, members, CSN_FIELD_SLOT_TRANSLATION (language, FALSE), &extra))
    return FALSE;
  if (extra != NULL)
    json_object_set_object_member (unknown_in_lang, field->key, g_steal_pointer (&extra));
  return TRUE;
}

/* The fields of one language of "translations". */
static gboolean
read_language (Stream       *s,
               CsnItem      *item,
               CsnLanguage   language,
               JsonObject   *unknown_in_lang)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  guint64 fields_seen = 0;
  gboolean empty, more = TRUE;

  if (!open_container (s, '{', &empty))
    return FALSE;
  while (!empty && more)
    {
      const CsnField *field;
      Text name;

      if (!read_name (s, &name))
        return FALSE;
      field = find_field (klass, &name, 0);
      if (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE))
        {
          guint64 bit = G_GUINT64_CONSTANT (1) << (field - klass->fields);

          if ((fields_seen & bit) || !read_translation (s, item, field, language, unknown_in_lang))
            return FALSE;
          fields_seen |= bit;
        }
      else
        {
          g_autofree char *key = dup_text (&name);

          if (!keep_unknown (s, item, unknown_in_lang, key))
            return FALSE;
        }
      if (!csn_json_scanner_next (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

/* "translations": { LANG: { FIELD: { "text", "from" } } }, with what this build does not know kept
 * in the same nesting and order. */
static gboolean
read_translations (Stream  *s,
                   CsnItem *item)
{
  g_autoptr(JsonObject) unknown = json_object_new ();
  guint languages_seen = 0;
  gboolean empty, more = TRUE;

  if (!open_container (s, '{', &empty))
    return FALSE;
  while (!empty && more)
    {
      g_autofree char *lang_code = NULL;
      Text name;
      int language;

      if (!read_name (s, &name))
        return FALSE;
      lang_code = dup_text (&name);

      if (!csn_enum_from_nick (CSN_TYPE_LANGUAGE, lang_code, &language))
        {
          if (!keep_unknown (s, item, unknown, lang_code))
            return FALSE;
        }
      else
        {
          g_autoptr(JsonObject) unknown_in_lang = json_object_new ();

          if ((languages_seen & (1u << language)) || json_object_has_member (unknown, lang_code) ||
              !read_language (s, item, language, unknown_in_lang))
            return FALSE;
          languages_seen |= 1u << language;
          if (json_object_get_size (unknown_in_lang) > 0)
            json_object_set_object_member (unknown, lang_code, g_steal_pointer (&unknown_in_lang));
        }
      if (!csn_json_scanner_next (s, '}', &more))
        return FALSE;
    }

  if (json_object_get_size (unknown) > 0)
    csn_item_set_unknown_in (item, "translations", unknown);
  return TRUE;
}

/* An item's members in any order; each field at most once (up to 64 of them). */
static gboolean
read_item (Stream  *s,
           CsnItem *item)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  const CsnField *key_field = csn_item_class_get_key_field (klass);
  guint64 seen = 0;
  gboolean translations_seen = FALSE;
  gboolean empty, more = TRUE;
  guint next_field = 0;

  g_assert (klass->n_fields <= 64);

  if (!open_container (s, '{', &empty))
    return FALSE;
  while (!empty && more)
    {
      const CsnField *field;
      Text name;

      if (!read_name (s, &name))
        return FALSE;
      field = find_field (klass, &name, next_field);
      if (field != NULL)
        {
          guint64 bit = G_GUINT64_CONSTANT (1) << (field - klass->fields);

          next_field = field - klass->fields + 1;
          if ((seen & bit) || !read_field (s, item, field))
            return FALSE;
          seen |= bit;
        }
      else if (text_is (&name, "translations") && class_has_translations (klass))
        {
          if (translations_seen || !read_translations (s, item))
            return FALSE;
          translations_seen = TRUE;
        }
      else
        {
          g_autofree char *key = dup_text (&name);

          if (!keep_unknown (s, item, csn_item_get_unknown (item), key))
            return FALSE;
        }
      if (!csn_json_scanner_next (s, '}', &more))
        return FALSE;
    }

  return key_field == NULL || (seen & (G_GUINT64_CONSTANT (1) << (key_field - klass->fields)));
}

static gboolean
read_collection (Stream        *s,
                 CsnDraft      *draft,
                 CsnCollection  collection,
                 CsnTextStore  *store)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GType type = csn_collection_get_item_type (collection);
  gboolean empty, more = TRUE;

  if (!open_container (s, '[', &empty))
    return FALSE;
  while (!empty && more)
    {
      CsnItem *item = g_object_new (type, NULL);

      g_ptr_array_add (items, item);
      csn_item_load_use_store (item, store);
      if (!read_item (s, item) || !csn_json_scanner_next (s, ']', &more))
        return FALSE;
    }
  g_list_store_splice (G_LIST_STORE (csn_draft_get_collection (draft, collection)), 0, 0,
                       items->pdata, items->len);
  return TRUE;
}

/* The members read_draft() of the tree reader knows by name. */
typedef enum {
  SEEN_FORMAT   = 1 << 0,
  SEEN_VERSION  = 1 << 1,
  SEEN_MEETING  = 1 << 2,
  SEEN_DOCUMENT = 1 << 3,
} Seen;

static gboolean
read_draft (Stream       *s,
            CsnDraft     *draft,
            CsnTextStore *store)
{
  guint seen = 0;
  guint collections_seen = 0;
  gboolean empty, more = TRUE;

  G_STATIC_ASSERT (CSN_N_COLLECTIONS <= 32);

  csn_item_load_use_store (CSN_ITEM (csn_draft_get_meeting (draft)), store);
  csn_item_load_use_store (CSN_ITEM (csn_draft_get_document_texts (draft)), store);

  if (!open_container (s, '{', &empty))
    return FALSE;
  while (!empty && more)
    {
      Text name;

      if (!read_name (s, &name))
        return FALSE;

      if (text_is (&name, "format"))
        {
          Text format;

          if ((seen & SEEN_FORMAT) || !read_string (s, &format) || !text_is (&format, CSN_DRAFT_FORMAT))
            return FALSE;
          seen |= SEEN_FORMAT;
        }
      else if (text_is (&name, "version"))
        {
          gint64 version;

          if ((seen & SEEN_VERSION) || !csn_json_scanner_read_integer (s, &version) ||
              version != CSN_DRAFT_VERSION)
            return FALSE;
          seen |= SEEN_VERSION;
        }
      else if (text_is (&name, "meeting"))
        {
          if ((seen & SEEN_MEETING) || !read_item (s, CSN_ITEM (csn_draft_get_meeting (draft))))
            return FALSE;
          seen |= SEEN_MEETING;
        }
      else if (text_is (&name, "document"))
        {
          if ((seen & SEEN_DOCUMENT) || !read_item (s, CSN_ITEM (csn_draft_get_document_texts (draft))))
            return FALSE;
          seen |= SEEN_DOCUMENT;
        }
      else
        {
          g_autofree char *key = dup_text (&name);
          CsnCollection collection = csn_collection_from_key (key);

          if (collection != CSN_COLLECTION_NONE)
            {
              if ((collections_seen & (1u << collection)) || !read_collection (s, draft, collection, store))
                return FALSE;
              collections_seen |= 1u << collection;
            }
          else if (!keep_unknown (s, draft, csn_draft_get_unknown (draft), key))
            return FALSE;
        }
      if (!csn_json_scanner_next (s, '}', &more))
        return FALSE;
    }

  if ((seen & (SEEN_FORMAT | SEEN_VERSION | SEEN_MEETING)) != (SEEN_FORMAT | SEEN_VERSION | SEEN_MEETING))
    return FALSE;
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (!(collections_seen & (1u << c)) && !csn_collection_is_optional (c))
      return FALSE;
  return TRUE;
}

/**
 * csn_draft_read_stream:
 * @data: the file's bytes, after any byte-order mark
 * @length: their length
 *
 * Reads a draft in one pass, with the scanner of csn-json-check.c, as the tree reader would read it.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL when the file needs the tree reader: it
 * has an error, or something only the tree reader decides (a member of a draft, an item or a text
 * repeated). Nothing is said about why.
 */
CsnDraft *
csn_draft_read_stream (const char *data,
                       gsize       length)
{
  g_autoptr(CsnDraft) draft = csn_draft_new ();
  g_autoptr(CsnTextStore) store = csn_text_store_new ();
  CsnJsonScanner scanner;
  gboolean read;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  csn_json_scanner_init (&scanner, data, length, CSN_DRAFT_MAX_DEPTH);
  read = read_draft (&scanner, draft, store) && csn_json_scanner_finish (&scanner) &&
         csn_draft_read_lineage_member (draft, csn_json_scanner_get_numbers (&scanner));
  csn_json_scanner_clear (&scanner);
  return read ? g_steal_pointer (&draft) : NULL;
}
