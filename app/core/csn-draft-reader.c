/* csn-draft-reader.c: reads a well-formed draft in one pass over its bytes, setting each item's fields
 * as it goes and building JSON nodes only for the members this build does not know. Whatever it does
 * not accept as it is (any error, a repeated member name, a number it cannot keep exactly) it leaves
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
#include "csn-meeting.h"
#include "csn-utf8.h"

#define MAX_QUOTA 99

typedef struct
{
  const char *pos;
  const char *end;
  guint       depth;
  GString    *scratch;  /* a string with escapes, unescaped */
} Stream;

/* A string as read: in the data itself when it has no escapes, else in the stream's scratch. */
typedef struct
{
  const char *text;
  gsize       length;
} Text;

static inline void
skip_space (Stream *s)
{
  while (s->pos < s->end && (*s->pos == ' ' || *s->pos == '\n' || *s->pos == '\t' || *s->pos == '\r'))
    s->pos++;
}

static inline gboolean
at (Stream *s,
    char    c)
{
  skip_space (s);
  return s->pos < s->end && *s->pos == c;
}

/* Consumes @c after optional space. */
static inline gboolean
eat (Stream *s,
     char    c)
{
  if (!at (s, c))
    return FALSE;
  s->pos++;
  return TRUE;
}

static gboolean
enter (Stream *s,
       char    opener)
{
  if (!eat (s, opener) || ++s->depth > CSN_DRAFT_MAX_DEPTH)
    return FALSE;
  return TRUE;
}

/* After a member or element: TRUE and @done when @closer ends the container, TRUE when a comma
 * says another follows. */
static gboolean
next (Stream   *s,
      char      closer,
      gboolean *done)
{
  skip_space (s);
  if (s->pos >= s->end)
    return FALSE;
  if (*s->pos == ',')
    {
      s->pos++;
      *done = FALSE;
      return TRUE;
    }
  if (*s->pos == closer)
    {
      s->pos++;
      s->depth--;
      *done = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* At the start of a container: TRUE when it is empty (and consumed). */
static gboolean
empty (Stream *s,
       char    closer)
{
  if (!at (s, closer))
    return FALSE;
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
read_hex4 (Stream *s,
           guint  *value)
{
  if (s->end - s->pos < 4)
    return FALSE;
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (s->pos[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (s->pos[i]);
    }
  s->pos += 4;
  return TRUE;
}

/* @s at the "u" of an escape; lone surrogates and NUL are refused, as csn_json_check() does. */
static gboolean
read_unicode_escape (Stream   *s,
                     gunichar *character)
{
  guint unit, low;

  s->pos++;
  if (!read_hex4 (s, &unit) || unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return FALSE;
  if (unit < 0xD800 || unit > 0xDBFF)
    {
      *character = unit;
      return TRUE;
    }
  if (s->end - s->pos < 6 || s->pos[0] != '\\' || s->pos[1] != 'u')
    return FALSE;
  s->pos += 2;
  if (!read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
    return FALSE;
  *character = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  return TRUE;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether a byte of @word is zero (the classic bit trick: no false positive among the flags). */
static inline guint64
zero_bytes (guint64 word)
{
  return (word - ONES) & ~word & HIGHS;
}

/* A run of plain characters, eight bytes at a time while none ends it; validated only from its
 * first byte beyond ASCII. */
static gboolean
scan_run (Stream      *s,
          const char **run_end)
{
  const char *high = NULL;

  while (s->end - s->pos >= 8)
    {
      guint64 word;

      memcpy (&word, s->pos, sizeof word);
      /* A quote, a backslash or a control character (a byte below 0x20) ends the run. */
      if (zero_bytes (word ^ (ONES * '"')) | zero_bytes (word ^ (ONES * '\\')) |
          ((word - ONES * 0x20) & ~word & HIGHS))
        break;
      if (high == NULL && (word & HIGHS) != 0)
        high = s->pos;
      s->pos += 8;
    }
  while (s->pos < s->end)
    {
      guchar c = *s->pos;

      if (c == '"' || c == '\\' || c < 0x20)
        break;
      if (high == NULL && c >= 0x80)
        high = s->pos;
      s->pos++;
    }
  *run_end = s->pos;
  /* Everything before @high is ASCII. */
  return high == NULL || csn_utf8_validate (high, s->pos - high);
}

/* Reads a string, @s after optional space before its opening quote. */
static gboolean
read_string (Stream *s,
             Text   *out)
{
  const char *start;
  const char *run_end;
  gboolean escaped = FALSE;

  if (!eat (s, '"'))
    return FALSE;

  start = s->pos;
  for (;;)
    {
      const char *run = s->pos;
      gunichar character;

      if (!scan_run (s, &run_end))
        return FALSE;
      if (escaped)
        g_string_append_len (s->scratch, run, run_end - run);
      if (s->pos >= s->end || (guchar) *s->pos < 0x20)
        return FALSE;
      if (*s->pos == '"')
        break;

      /* A backslash: from here on the text is built in the scratch buffer. */
      if (!escaped)
        {
          escaped = TRUE;
          g_string_truncate (s->scratch, 0);
          g_string_append_len (s->scratch, start, run_end - start);
        }
      s->pos++;
      if (s->pos >= s->end)
        return FALSE;
      switch (*s->pos)
        {
        case '"': case '\\': case '/':
          g_string_append_c (s->scratch, *s->pos);
          break;
        case 'b':
          g_string_append_c (s->scratch, '\b');
          break;
        case 'f':
          g_string_append_c (s->scratch, '\f');
          break;
        case 'n':
          g_string_append_c (s->scratch, '\n');
          break;
        case 'r':
          g_string_append_c (s->scratch, '\r');
          break;
        case 't':
          g_string_append_c (s->scratch, '\t');
          break;
        case 'u':
          if (!read_unicode_escape (s, &character))
            return FALSE;
          g_string_append_unichar (s->scratch, character);
          continue;
        default:
          return FALSE;
        }
      s->pos++;
    }

  if (escaped)
    {
      out->text = s->scratch->str;
      out->length = s->scratch->len;
    }
  else
    {
      out->text = start;
      out->length = run_end - start;
    }
  s->pos++;
  return TRUE;
}

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

/* A member name and its colon. */
static gboolean
read_name (Stream *s,
           Text   *name)
{
  return read_string (s, name) && eat (s, ':');
}

static gboolean
read_literal (Stream     *s,
              const char *word)
{
  gsize length = strlen (word);

  skip_space (s);
  if ((gsize) (s->end - s->pos) < length || memcmp (s->pos, word, length) != 0)
    return FALSE;
  s->pos += length;
  return TRUE;
}

/* The text of a number, by the JSON grammar. */
static gboolean
scan_number (Stream      *s,
             const char **start,
             gboolean    *integer)
{
  skip_space (s);
  *start = s->pos;
  *integer = TRUE;

  if (s->pos < s->end && *s->pos == '-')
    s->pos++;
  if (s->pos < s->end && *s->pos == '0')
    s->pos++;
  else if (s->pos < s->end && g_ascii_isdigit (*s->pos))
    while (s->pos < s->end && g_ascii_isdigit (*s->pos))
      s->pos++;
  else
    return FALSE;
  if (s->pos < s->end && *s->pos == '.')
    {
      *integer = FALSE;
      s->pos++;
      if (s->pos >= s->end || !g_ascii_isdigit (*s->pos))
        return FALSE;
      while (s->pos < s->end && g_ascii_isdigit (*s->pos))
        s->pos++;
    }
  if (s->pos < s->end && (*s->pos == 'e' || *s->pos == 'E'))
    {
      *integer = FALSE;
      s->pos++;
      if (s->pos < s->end && (*s->pos == '+' || *s->pos == '-'))
        s->pos++;
      if (s->pos >= s->end || !g_ascii_isdigit (*s->pos))
        return FALSE;
      while (s->pos < s->end && g_ascii_isdigit (*s->pos))
        s->pos++;
    }
  return TRUE;
}

/* A whole number that fits 64 bits. */
static gboolean
read_integer (Stream *s,
              gint64 *value)
{
  const char *start;
  gboolean integer;
  char buffer[24];

  if (!scan_number (s, &start, &integer) || !integer || (gsize) (s->pos - start) >= sizeof buffer)
    return FALSE;
  memcpy (buffer, start, s->pos - start);
  buffer[s->pos - start] = '\0';
  return g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, value, NULL);
}

static JsonNode *read_node (Stream *s);

/* An unknown member's value, as the tree reader keeps it. */
static JsonNode *
read_object_node (Stream *s)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gboolean done = FALSE;

  if (!enter (s, '{'))
    return NULL;
  if (!empty (s, '}'))
    while (!done)
      {
        g_autofree char *name = NULL;
        Text text;
        JsonNode *member;

        if (!read_name (s, &text))
          return NULL;
        name = dup_text (&text);
        /* A repeated name: how it merges is the tree reader's to say. */
        if (json_object_has_member (object, name))
          return NULL;
        member = read_node (s);
        if (member == NULL)
          return NULL;
        json_object_set_member (object, name, member);
        if (!next (s, '}', &done))
          return NULL;
      }
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
read_array_node (Stream *s)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean done = FALSE;

  if (!enter (s, '['))
    return NULL;
  if (!empty (s, ']'))
    while (!done)
      {
        JsonNode *element = read_node (s);

        if (element == NULL)
          return NULL;
        json_array_add_element (array, element);
        if (!next (s, ']', &done))
          return NULL;
      }
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
read_number_node (Stream *s)
{
  const char *start;
  gboolean integer;
  g_autofree char *text = NULL;
  gint64 value;
  double number;

  if (!scan_number (s, &start, &integer))
    return NULL;
  text = g_strndup (start, s->pos - start);
  if (integer)
    {
      /* Beyond 64 bits, the tree reader's parser decides what it becomes. */
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return NULL;
      return json_node_init_int (json_node_alloc (), value);
    }
  number = g_ascii_strtod (text, NULL);
  /* The tree reader refuses what JSON cannot write back. */
  if (!isfinite (number))
    return NULL;
  return json_node_init_double (json_node_alloc (), number);
}

static JsonNode *
read_node (Stream *s)
{
  Text text;

  skip_space (s);
  if (s->pos >= s->end)
    return NULL;
  switch (*s->pos)
    {
    case '{':
      return read_object_node (s);
    case '[':
      return read_array_node (s);
    case '"':
      if (!read_string (s, &text))
        return NULL;
      {
        g_autofree char *string = dup_text (&text);
        return json_node_init_string (json_node_alloc (), string);
      }
    case 't':
      return read_literal (s, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (s, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (s, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number_node (s);
    }
}

/* Text, or null where @nullable: NULL in @text. */
static gboolean
read_text_value (Stream   *s,
                 gboolean  nullable,
                 char    **text)
{
  Text value;

  if (at (s, 'n'))
    {
      *text = NULL;
      return nullable && read_literal (s, "null");
    }
  if (!read_string (s, &value))
    return FALSE;
  *text = dup_text (&value);
  return TRUE;
}

static gboolean
read_strv (Stream  *s,
           GStrv   *strv)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  gboolean done = FALSE;

  if (!enter (s, '['))
    return FALSE;
  if (!empty (s, ']'))
    while (!done)
      {
        Text text;

        if (!read_string (s, &text))
          return FALSE;
        g_ptr_array_add (elements, dup_text (&text));
        if (!next (s, ']', &done))
          return FALSE;
      }
  g_ptr_array_add (elements, NULL);
  *strv = (GStrv) g_ptr_array_free (g_steal_pointer (&elements), FALSE);
  return TRUE;
}

static gboolean read_item (Stream  *s,
                           CsnItem *item);

static gboolean
read_localized (Stream         *s,
                CsnItem        *item,
                const CsnField *field)
{
  g_autoptr(JsonObject) unknown = NULL;
  gboolean seen[2] = { FALSE, FALSE };
  gboolean done = FALSE;

  if (!enter (s, '{'))
    return FALSE;
  if (!empty (s, '}'))
    while (!done)
      {
        g_autofree char *name = NULL;
        Text text;
        int language = -1;

        if (!read_name (s, &text))
          return FALSE;
        if (text_is (&text, "es"))
          language = CSN_LANGUAGE_ES;
        else if (text_is (&text, "en"))
          language = CSN_LANGUAGE_EN;

        if (language >= 0)
          {
            char *value;

            if (seen[language] || !read_text_value (s, FALSE, &value))
              return FALSE;
            seen[language] = TRUE;
            csn_item_load_take_string (item, field,
                                       language == CSN_LANGUAGE_ES ? CSN_FIELD_SLOT_LOCALIZED_ES
                                                                   : CSN_FIELD_SLOT_LOCALIZED_EN,
                                       value);
          }
        else
          {
            JsonNode *member;

            name = dup_text (&text);
            if (unknown == NULL)
              unknown = json_object_new ();
            if (json_object_has_member (unknown, name) || (member = read_node (s)) == NULL)
              return FALSE;
            json_object_set_member (unknown, name, member);
          }
        if (!next (s, '}', &done))
          return FALSE;
      }
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
  gboolean done = FALSE;

  if (!enter (s, '['))
    return FALSE;
  if (!empty (s, ']'))
    while (!done)
      {
        g_autoptr(CsnItem) child = g_object_new (field->type_func (), NULL);

        if (!read_item (s, child))
          return FALSE;
        g_list_store_append (store, child);
        if (!next (s, ']', &done))
          return FALSE;
      }
  return TRUE;
}

static gboolean
read_field (Stream         *s,
            CsnItem        *item,
            const CsnField *field)
{
  char *text;

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
      if (!read_text_value (s, FALSE, &text))
        return FALSE;
      if ((field->flags & CSN_FIELD_FLAG_KEY) && text[0] == '\0')
        {
          g_free (text);
          return FALSE;
        }
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, text);
      return TRUE;

    case CSN_FIELD_DATE:
      if (!read_text_value (s, TRUE, &text))
        return FALSE;
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, text);
      return TRUE;

    case CSN_FIELD_REF:
      if (!read_text_value (s, (field->flags & CSN_FIELD_FLAG_NULLABLE) != 0, &text))
        return FALSE;
      if ((field->flags & CSN_FIELD_FLAG_KEY) && text[0] == '\0')
        {
          g_free (text);
          return FALSE;
        }
      csn_item_load_take_string (item, field, CSN_FIELD_SLOT_VALUE, text);
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

        if (!read_integer (s, &value) || value < 0 || value > MAX_QUOTA)
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
            const Text   *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (text_is (name, klass->fields[i].key))
      return &klass->fields[i];
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
  g_autoptr(JsonObject) extra = NULL;
  gboolean seen[2] = { FALSE, FALSE };
  gboolean done = FALSE;

  if (!enter (s, '{'))
    return FALSE;
  if (!empty (s, '}'))
    while (!done)
      {
        Text text;
        int from = -1;

        if (!read_name (s, &text))
          return FALSE;
        if (text_is (&text, "text"))
          from = FALSE;
        else if (text_is (&text, "from"))
          from = TRUE;

        if (from >= 0)
          {
            char *value;

            if (seen[from] || !read_text_value (s, FALSE, &value))
              return FALSE;
            seen[from] = TRUE;
            csn_item_load_take_string (item, field, CSN_FIELD_SLOT_TRANSLATION (language, from), value);
          }
        else
          {
            g_autofree char *name = dup_text (&text);
            JsonNode *member;

            if (extra == NULL)
              extra = json_object_new ();
            if (json_object_has_member (extra, name) || (member = read_node (s)) == NULL)
              return FALSE;
            json_object_set_member (extra, name, member);
          }
        if (!next (s, '}', &done))
          return FALSE;
      }
  if (extra != NULL)
    json_object_set_object_member (unknown_in_lang, field->key, g_steal_pointer (&extra));
  return TRUE;
}

/* "translations": { LANG: { FIELD: { "text", "from" } } }, with what this build does not know kept
 * in the same nesting and order. */
static gboolean
read_translations (Stream  *s,
                   CsnItem *item)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  g_autoptr(JsonObject) unknown = json_object_new ();
  guint languages_seen = 0;
  gboolean done = FALSE;

  if (!enter (s, '{'))
    return FALSE;
  if (!empty (s, '}'))
    while (!done)
      {
        g_autoptr(JsonObject) unknown_in_lang = NULL;
        g_autofree char *lang_code = NULL;
        guint64 fields_seen = 0;
        gboolean lang_done = FALSE;
        Text text;
        int language;

        if (!read_name (s, &text))
          return FALSE;
        lang_code = dup_text (&text);

        if (!csn_enum_from_nick (CSN_TYPE_LANGUAGE, lang_code, &language))
          {
            JsonNode *node;

            if (json_object_has_member (unknown, lang_code) || (node = read_node (s)) == NULL)
              return FALSE;
            json_object_set_member (unknown, lang_code, node);
            if (!next (s, '}', &done))
              return FALSE;
            continue;
          }

        if (languages_seen & (1u << language))
          return FALSE;
        languages_seen |= 1u << language;
        unknown_in_lang = json_object_new ();
        if (!enter (s, '{'))
          return FALSE;
        if (!empty (s, '}'))
          while (!lang_done)
            {
              const CsnField *field;

              if (!read_name (s, &text))
                return FALSE;
              field = find_field (klass, &text);
              if (field != NULL && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE))
                {
                  guint64 bit = G_GUINT64_CONSTANT (1) << (field - klass->fields);

                  if ((fields_seen & bit) || !read_translation (s, item, field, language, unknown_in_lang))
                    return FALSE;
                  fields_seen |= bit;
                }
              else
                {
                  g_autofree char *field_key = dup_text (&text);
                  JsonNode *node;

                  if (json_object_has_member (unknown_in_lang, field_key) || (node = read_node (s)) == NULL)
                    return FALSE;
                  json_object_set_member (unknown_in_lang, field_key, node);
                }
              if (!next (s, '}', &lang_done))
                return FALSE;
            }

        if (json_object_get_size (unknown_in_lang) > 0)
          json_object_set_object_member (unknown, lang_code, g_steal_pointer (&unknown_in_lang));
        if (!next (s, '}', &done))
          return FALSE;
      }

  if (json_object_get_size (unknown) > 0)
    csn_item_set_unknown_in (item, "translations", unknown);
  return TRUE;
}

/* Up to 64 fields: which were seen, to refuse a repeated one. */
static gboolean
read_item (Stream  *s,
           CsnItem *item)
{
  CsnItemClass *klass = CSN_ITEM_GET_CLASS (item);
  const CsnField *key_field = csn_item_class_get_key_field (klass);
  JsonObject *unknown = NULL;
  guint64 seen = 0;
  gboolean translations_seen = FALSE;
  gboolean done = FALSE;

  g_assert (klass->n_fields <= 64);

  if (!enter (s, '{'))
    return FALSE;
  if (!empty (s, '}'))
    while (!done)
      {
        const CsnField *field;
        Text name;

        if (!read_name (s, &name))
          return FALSE;
        field = find_field (klass, &name);
        if (field != NULL)
          {
            guint64 bit = G_GUINT64_CONSTANT (1) << (field - klass->fields);

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
            JsonNode *member;

            if (unknown == NULL)
              unknown = csn_item_get_unknown (item);
            if (json_object_has_member (unknown, key) || (member = read_node (s)) == NULL)
              return FALSE;
            json_object_set_member (unknown, key, member);
          }
        if (!next (s, '}', &done))
          return FALSE;
      }

  return key_field == NULL || (seen & (G_GUINT64_CONSTANT (1) << (key_field - klass->fields)));
}

static gboolean
read_collection (Stream        *s,
                 CsnDraft      *draft,
                 CsnCollection  collection)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GType type = csn_collection_get_item_type (collection);
  gboolean done = FALSE;

  if (!enter (s, '['))
    return FALSE;
  if (!empty (s, ']'))
    while (!done)
      {
        CsnItem *item = g_object_new (type, NULL);

        g_ptr_array_add (items, item);
        if (!read_item (s, item) || !next (s, ']', &done))
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
read_draft (Stream   *s,
            CsnDraft *draft)
{
  JsonObject *unknown = csn_draft_get_unknown (draft);
  guint seen = 0;
  guint collections_seen = 0;
  gboolean done = FALSE;

  G_STATIC_ASSERT (CSN_N_COLLECTIONS <= 32);

  if (!enter (s, '{'))
    return FALSE;
  if (!empty (s, '}'))
    while (!done)
      {
        CsnCollection collection;
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

            if ((seen & SEEN_VERSION) || !read_integer (s, &version) || version != CSN_DRAFT_VERSION)
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

            collection = csn_collection_from_key (key);
            if (collection != CSN_COLLECTION_NONE)
              {
                if ((collections_seen & (1u << collection)) || !read_collection (s, draft, collection))
                  return FALSE;
                collections_seen |= 1u << collection;
              }
            else
              {
                JsonNode *member;

                if (json_object_has_member (unknown, key) || (member = read_node (s)) == NULL)
                  return FALSE;
                json_object_set_member (unknown, key, member);
              }
          }
        if (!next (s, '}', &done))
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
 * Reads a draft in one pass, as the tree reader would read it.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL when the file needs the tree reader: it
 * has an error, or something only the tree reader decides (a member repeated, a number beyond 64
 * bits). Nothing is said about why.
 */
CsnDraft *
csn_draft_read_stream (const char *data,
                       gsize       length)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new ();
  Stream s = { data, data + length, 0, scratch };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!read_draft (&s, draft))
    return NULL;
  skip_space (&s);
  if (s.pos != s.end || !csn_draft_read_lineage_member (draft))
    return NULL;
  return g_steal_pointer (&draft);
}
