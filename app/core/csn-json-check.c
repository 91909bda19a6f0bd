/* csn-json-check.c: parses drafts strictly (no comments, no trailing data, no lone surrogate escapes,
 * no nesting too deep for a recursive parser) and keeps each number's text: JSON numbers may be larger
 * than any C type, and json-glib wraps such integers around. */
#define G_LOG_DOMAIN "csn-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-json-check.h"

typedef struct
{
  const char *data;
  const char *pos;
  const char *end;
  guint       depth;
  guint       max_depth;
  char       *message;
  GString    *text;     /* the string being read */
  GHashTable *numbers;  /* JsonNode → the number's text */
} Parser;

static void G_GNUC_PRINTF (2, 3)
fail (Parser     *p,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line = 1;
  guint column = 1;

  if (p->message != NULL)
    return;

  for (const char *c = p->data; c < p->pos && c < p->end; c = g_utf8_next_char (c))
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "line 3, column 14: a comment; JSON has none" */
  p->message = g_strdup_printf (_("line %u, column %u: %s"), line, column, what);
}

/* The length in bytes of the character at @c (the data is valid UTF-8). */
static int
char_length (const char *c)
{
  return (int) (g_utf8_next_char (c) - c);
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->end && (*p->pos == ' ' || *p->pos == '\t' || *p->pos == '\n' || *p->pos == '\r'))
    p->pos++;
}

static JsonNode *
unexpected (Parser     *p,
            const char *expected)
{
  if (p->pos >= p->end)
    fail (p, _("the file ends where %s was expected"), expected);
  else if (*p->pos == '/' && p->pos + 1 < p->end && (p->pos[1] == '/' || p->pos[1] == '*'))
    fail (p, _("comments are not allowed in JSON"));
  else
    fail (p, _("unexpected “%.*s” where %s was expected"), char_length (p->pos), p->pos, expected);
  return NULL;
}

static gboolean
read_hex4 (Parser  *p,
           guint   *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      if (p->pos >= p->end || !g_ascii_isxdigit (*p->pos))
        {
          fail (p, _("a \\u escape needs four hexadecimal digits"));
          return FALSE;
        }
      *value = *value * 16 + g_ascii_xdigit_value (*p->pos);
      p->pos++;
    }
  return TRUE;
}

/* Reads a \u escape (@p at the "u"), a surrogate pair as one character. */
static gboolean
read_unicode_escape (Parser   *p,
                     gunichar *character)
{
  const char *start = p->pos - 1;
  guint unit, low;

  p->pos++;
  if (!read_hex4 (p, &unit))
    return FALSE;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      p->pos = start;
      fail (p, _("the escape \\u%04X is half of a surrogate pair, without its first half"), unit);
      return FALSE;
    }
  if (unit == 0)
    {
      p->pos = start;
      fail (p, _("the escape \\u0000 (a NUL character) is not allowed in text"));
      return FALSE;
    }
  if (unit < 0xD800 || unit > 0xDBFF)
    {
      *character = unit;
      return TRUE;
    }

  if (p->end - p->pos < 6 || p->pos[0] != '\\' || p->pos[1] != 'u')
    {
      p->pos = start;
      fail (p, _("the escape \\u%04X is half of a surrogate pair, without its second half"), unit);
      return FALSE;
    }
  p->pos += 2;
  if (!read_hex4 (p, &low))
    return FALSE;
  if (low < 0xDC00 || low > 0xDFFF)
    {
      p->pos = start;
      fail (p, _("the escape \\u%04X is half of a surrogate pair, without its second half"), unit);
      return FALSE;
    }
  *character = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  return TRUE;
}

/* Reads a string into p->text (@p at the opening quote). */
static gboolean
read_string (Parser *p)
{
  g_assert (*p->pos == '"');
  p->pos++;
  g_string_truncate (p->text, 0);

  while (p->pos < p->end)
    {
      const char *run = p->pos;
      gunichar character;

      while (p->pos < p->end && (guchar) *p->pos >= 0x20 && *p->pos != '"' && *p->pos != '\\')
        p->pos++;
      g_string_append_len (p->text, run, p->pos - run);
      if (p->pos >= p->end)
        break;

      if (*p->pos == '"')
        {
          p->pos++;
          return TRUE;
        }
      if (*p->pos != '\\')
        {
          fail (p, _("a control character inside a string must be escaped"));
          return FALSE;
        }

      p->pos++;
      if (p->pos >= p->end)
        break;
      switch (*p->pos)
        {
        case '"': case '\\': case '/':
          g_string_append_c (p->text, *p->pos);
          break;
        case 'b':
          g_string_append_c (p->text, '\b');
          break;
        case 'f':
          g_string_append_c (p->text, '\f');
          break;
        case 'n':
          g_string_append_c (p->text, '\n');
          break;
        case 'r':
          g_string_append_c (p->text, '\r');
          break;
        case 't':
          g_string_append_c (p->text, '\t');
          break;
        case 'u':
          if (!read_unicode_escape (p, &character))
            return FALSE;
          g_string_append_unichar (p->text, character);
          continue;
        default:
          /* The whole character: its first byte alone would not be UTF-8. */
          p->pos--;
          fail (p, _("“\\%.*s” is not a JSON escape"), char_length (p->pos + 1), p->pos + 1);
          return FALSE;
        }
      p->pos++;
    }

  fail (p, _("the file ends inside a string"));
  return FALSE;
}

static gboolean
skip_digits (Parser *p)
{
  const char *start = p->pos;

  while (p->pos < p->end && g_ascii_isdigit (*p->pos))
    p->pos++;
  return p->pos > start;
}

/* An integer that fits 64 bits is an integer node, anything else a double; the text is kept. */
static JsonNode *
read_number (Parser *p)
{
  const char *start = p->pos;
  gboolean integer = TRUE;
  g_autofree char *text = NULL;
  JsonNode *node;
  gint64 value;

  if (*p->pos == '-')
    p->pos++;
  if (p->pos < p->end && *p->pos == '0')
    p->pos++;
  else if (!skip_digits (p))
    goto bad;
  if (p->pos < p->end && *p->pos == '.')
    {
      integer = FALSE;
      p->pos++;
      if (!skip_digits (p))
        goto bad;
    }
  if (p->pos < p->end && (*p->pos == 'e' || *p->pos == 'E'))
    {
      integer = FALSE;
      p->pos++;
      if (p->pos < p->end && (*p->pos == '+' || *p->pos == '-'))
        p->pos++;
      if (!skip_digits (p))
        goto bad;
    }

  text = g_strndup (start, p->pos - start);
  node = json_node_alloc ();
  if (integer && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, (gint64 *) &value, NULL))
    json_node_init_int (node, value);
  else
    json_node_init_double (node, g_ascii_strtod (text, NULL));
  g_hash_table_insert (p->numbers, json_node_ref (node), g_steal_pointer (&text));
  return node;

bad:
  p->pos = start;
  fail (p, _("malformed number"));
  return NULL;
}

static JsonNode *
read_literal (Parser     *p,
              const char *word)
{
  gsize len = strlen (word);
  JsonNode *node;

  if ((gsize) (p->end - p->pos) < len || memcmp (p->pos, word, len) != 0)
    return unexpected (p, _("a value"));

  p->pos += len;
  node = json_node_alloc ();
  if (word[0] == 'n')
    json_node_init_null (node);
  else
    json_node_init_boolean (node, word[0] == 't');
  return node;
}

static JsonNode *read_value (Parser *p);

static gboolean
enter (Parser *p)
{
  if (++p->depth > p->max_depth)
    {
      fail (p, _("nested deeper than %u levels"), p->max_depth);
      return FALSE;
    }
  p->pos++;
  skip_space (p);
  return TRUE;
}

static JsonNode *
read_object (Parser *p)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;

  if (!enter (p))
    return NULL;

  object = json_object_new ();
  if (p->pos < p->end && *p->pos == '}')
    goto done;

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      if (p->pos >= p->end || *p->pos != '"')
        return unexpected (p, _("a member name in quotes"));
      if (!read_string (p))
        return NULL;
      name = g_strndup (p->text->str, p->text->len);
      skip_space (p);
      if (p->pos >= p->end || *p->pos != ':')
        return unexpected (p, _("“:”"));
      p->pos++;
      skip_space (p);
      member = read_value (p);
      if (member == NULL)
        return NULL;
      /* A repeated name keeps its first place and its last value, as in json-glib. */
      json_object_set_member (object, name, member);
      skip_space (p);
      if (p->pos < p->end && *p->pos == ',')
        {
          p->pos++;
          skip_space (p);
          continue;
        }
      if (p->pos < p->end && *p->pos == '}')
        break;
      return unexpected (p, _("“,” or “}”"));
    }

done:
  p->pos++;
  p->depth--;
  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
read_array (Parser *p)
{
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;

  if (!enter (p))
    return NULL;

  array = json_array_new ();
  if (p->pos < p->end && *p->pos == ']')
    goto done;

  for (;;)
    {
      JsonNode *element = read_value (p);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      skip_space (p);
      if (p->pos < p->end && *p->pos == ',')
        {
          p->pos++;
          skip_space (p);
          continue;
        }
      if (p->pos < p->end && *p->pos == ']')
        break;
      return unexpected (p, _("“,” or “]”"));
    }

done:
  p->pos++;
  p->depth--;
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

static JsonNode *
read_value (Parser *p)
{
  JsonNode *node;

  if (p->pos >= p->end)
    return unexpected (p, _("a value"));

  switch (*p->pos)
    {
    case '{':
      return read_object (p);
    case '[':
      return read_array (p);
    case '"':
      if (!read_string (p))
        return NULL;
      node = json_node_alloc ();
      json_node_init_string (node, p->text->str);
      return node;
    case 't':
      return read_literal (p, "true");
    case 'f':
      return read_literal (p, "false");
    case 'n':
      return read_literal (p, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (p);
    default:
      return unexpected (p, _("a value"));
    }
}

/* Parses @data, which must be valid UTF-8. On success @number_texts (if not NULL) maps every number
 * node of the tree to its text as written; on failure @message says where and what, in the UI
 * language. */
JsonNode *
csn_json_parse (const char   *data,
                gsize         length,
                guint         max_depth,
                GHashTable  **number_texts,
                char        **message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                         (GDestroyNotify) json_node_unref, g_free);
  Parser p = { data, data, data + length, 0, max_depth, NULL, text, numbers };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  skip_space (&p);
  root = read_value (&p);
  if (root != NULL)
    {
      skip_space (&p);
      if (p.pos < p.end)
        fail (&p, _("unexpected data after the end of the JSON document"));
    }

  *message = p.message;
  if (p.message != NULL)
    return NULL;
  if (number_texts != NULL)
    *number_texts = g_steal_pointer (&numbers);
  return g_steal_pointer (&root);
}
