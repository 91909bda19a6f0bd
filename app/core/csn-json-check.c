/* csn-json-check.c: parses drafts strictly (no comments, no trailing data, no lone surrogate escapes,
 * no nesting too deep for a recursive parser) and keeps each number's text: JSON numbers may be larger
 * than any C type, and json-glib wraps such integers around. One scanner serves both readers of
 * csn-draft-io.c: csn_json_parse() builds the tree from it, csn-draft-reader.c pulls values from it
 * one by one. */
#define G_LOG_DOMAIN "csn-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-json-check.h"
#include "csn-utf8.h"

typedef CsnJsonScanner Parser;

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

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

/* The length in bytes of the character at @c, never beyond the data (which csn_json_parse() has
 * validated; a pulling reader's may not be). */
static int
char_length (Parser     *p,
             const char *c)
{
  return (int) (MIN (g_utf8_next_char (c), p->end) - c);
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->end)
    {
      guint64 word;

      /* Indentation, eight spaces at a time. */
      if (p->end - p->pos >= 8 && (memcpy (&word, p->pos, sizeof word), word == ONES * ' '))
        p->pos += 8;
      else if (*p->pos == ' ' || *p->pos == '\t' || *p->pos == '\n' || *p->pos == '\r')
        p->pos++;
      else
        break;
    }
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
    fail (p, _("unexpected “%.*s” where %s was expected"), char_length (p, p->pos), p->pos, expected);
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

/* Whether a byte of @word is zero; the lowest byte flagged is the first zero one (a false flag
 * needs a borrow, which only a zero byte below starts). */
static inline guint64
zero_bytes (guint64 word)
{
  return (word - ONES) & ~word & HIGHS;
}

/* Skips a run of plain characters, eight bytes at a time while none ends it; the run is checked for
 * UTF-8 from its first byte beyond ASCII. */
static gboolean
skip_run (Parser *p)
{
  const char *high = NULL;

  while (p->end - p->pos >= 8)
    {
      guint64 word, stops;

      memcpy (&word, p->pos, sizeof word);
      /* A quote, a backslash or a control character (below 0x20) ends the run. */
      stops = zero_bytes (word ^ (ONES * '"')) | zero_bytes (word ^ (ONES * '\\')) |
              ((word - ONES * 0x20) & ~word & HIGHS);
      if (stops != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          /* Straight to the first byte that ends it (the lowest flag is exact). */
          guint n = __builtin_ctzll (stops) / 8;

          if (high == NULL && n > 0 && (word & HIGHS & (G_MAXUINT64 >> (64 - 8 * n))) != 0)
            high = p->pos;
          p->pos += n;
          return high == NULL || csn_utf8_validate (high, p->pos - high);
#else
          break;
#endif
        }
      if (high == NULL && (word & HIGHS) != 0)
        high = p->pos;
      p->pos += 8;
    }
  while (p->pos < p->end && (guchar) *p->pos >= 0x20 && *p->pos != '"' && *p->pos != '\\')
    {
      if (high == NULL && (guchar) *p->pos >= 0x80)
        high = p->pos;
      p->pos++;
    }
  /* Everything before @high is ASCII. */
  return high == NULL || csn_utf8_validate (high, p->pos - high);
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

      if (!skip_run (p))
        {
          p->pos = run;
          fail (p, _("the text is not UTF-8"));
          return FALSE;
        }
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
          fail (p, _("“\\%.*s” is not a JSON escape"), char_length (p, p->pos + 1), p->pos + 1);
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
  gboolean empty, more = TRUE;
  JsonNode *node;

  if (!csn_json_scanner_open (p, '{', &empty))
    return NULL;

  object = json_object_new ();
  while (!empty && more)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      if (!csn_json_scanner_read_name (p))
        return NULL;
      name = g_strndup (p->text->str, p->text->len);
      member = csn_json_scanner_read_value (p);
      if (member == NULL)
        return NULL;
      /* A repeated name keeps its first place and its last value, as in json-glib. */
      json_object_set_member (object, name, member);
      if (!csn_json_scanner_next (p, '}', &more))
        return NULL;
    }

  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
read_array (Parser *p)
{
  g_autoptr(JsonArray) array = NULL;
  gboolean empty, more = TRUE;
  JsonNode *node;

  if (!csn_json_scanner_open (p, '[', &empty))
    return NULL;

  array = json_array_new ();
  while (!empty && more)
    {
      JsonNode *element = csn_json_scanner_read_value (p);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      if (!csn_json_scanner_next (p, ']', &more))
        return NULL;
    }

  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

/* Starts reading @data. @max_depth: containers inside one another, at most. */
void
csn_json_scanner_init (CsnJsonScanner *self,
                       const char     *data,
                       gsize           length,
                       guint           max_depth)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || length == 0);

  *self = (CsnJsonScanner) { data, data, data + length, 0, max_depth, NULL };
  self->text = g_string_new (NULL);
  self->numbers = g_hash_table_new_full (g_direct_hash, g_direct_equal, (GDestroyNotify) json_node_unref,
                                         g_free);
}

void
csn_json_scanner_clear (CsnJsonScanner *self)
{
  g_clear_pointer (&self->message, g_free);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
}

/* What is wrong where, in the UI language, once a call failed (NULL before). */
const char *
csn_json_scanner_get_message (CsnJsonScanner *self)
{
  return self->message;
}

/* Every number node made so far, to the number's text as written. */
GHashTable *
csn_json_scanner_get_numbers (CsnJsonScanner *self)
{
  return self->numbers;
}

/* The next byte after white space, or '\0' at the end of the data. */
char
csn_json_scanner_peek (CsnJsonScanner *self)
{
  skip_space (self);
  return self->pos < self->end ? *self->pos : '\0';
}

/* Enters the object or list that @opener ("{" or "[") starts; @empty: it ends at once (and is left
 * already). */
gboolean
csn_json_scanner_open (CsnJsonScanner *self,
                       char            opener,
                       gboolean       *empty)
{
  char closer = opener == '{' ? '}' : ']';

  skip_space (self);
  if (self->pos >= self->end || *self->pos != opener)
    {
      unexpected (self, _("a value"));
      return FALSE;
    }
  if (!enter (self))
    return FALSE;
  *empty = self->pos < self->end && *self->pos == closer;
  if (*empty)
    {
      self->pos++;
      self->depth--;
    }
  return TRUE;
}

/* After a member or an element: a comma (@more) or @closer, which leaves the container. */
gboolean
csn_json_scanner_next (CsnJsonScanner *self,
                       char            closer,
                       gboolean       *more)
{
  skip_space (self);
  if (self->pos < self->end && *self->pos == ',')
    {
      self->pos++;
      skip_space (self);
      *more = TRUE;
      return TRUE;
    }
  if (self->pos < self->end && *self->pos == closer)
    {
      self->pos++;
      self->depth--;
      *more = FALSE;
      return TRUE;
    }
  unexpected (self, closer == '}' ? _("“,” or “}”") : _("“,” or “]”"));
  return FALSE;
}

/* A member's name and its colon; the name is csn_json_scanner_get_text(). */
gboolean
csn_json_scanner_read_name (CsnJsonScanner *self)
{
  skip_space (self);
  if (self->pos >= self->end || *self->pos != '"')
    {
      unexpected (self, _("a member name in quotes"));
      return FALSE;
    }
  if (!read_string (self))
    return FALSE;
  skip_space (self);
  if (self->pos >= self->end || *self->pos != ':')
    {
      unexpected (self, _("“:”"));
      return FALSE;
    }
  self->pos++;
  skip_space (self);
  return TRUE;
}

/* A string; it is csn_json_scanner_get_text(). */
gboolean
csn_json_scanner_read_string (CsnJsonScanner *self)
{
  skip_space (self);
  if (self->pos >= self->end || *self->pos != '"')
    {
      unexpected (self, _("text"));
      return FALSE;
    }
  return read_string (self);
}

/* The last name or string read, unescaped; valid until the next read. */
const char *
csn_json_scanner_get_text (CsnJsonScanner *self,
                           gsize          *length)
{
  if (length != NULL)
    *length = self->text->len;
  return self->text->str;
}

gboolean
csn_json_scanner_read_null (CsnJsonScanner *self)
{
  g_autoptr(JsonNode) node = NULL;

  skip_space (self);
  node = read_literal (self, "null");
  return node != NULL;
}

/* A number that is a whole number of 64 bits. FALSE with no message for a number of another kind. */
gboolean
csn_json_scanner_read_integer (CsnJsonScanner *self,
                               gint64         *value)
{
  g_autoptr(JsonNode) node = NULL;

  skip_space (self);
  if (self->pos >= self->end || (*self->pos != '-' && !g_ascii_isdigit (*self->pos)))
    {
      unexpected (self, _("a value"));
      return FALSE;
    }
  node = read_number (self);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  g_hash_table_remove (self->numbers, node);
  *value = json_node_get_int (node);
  return TRUE;
}

/* Any value, as nodes (numbers kept in csn_json_scanner_get_numbers()). */
JsonNode *
csn_json_scanner_read_value (CsnJsonScanner *self)
{
  JsonNode *node;

  skip_space (self);
  if (self->pos >= self->end)
    return unexpected (self, _("a value"));

  switch (*self->pos)
    {
    case '{':
      return read_object (self);
    case '[':
      return read_array (self);
    case '"':
      if (!read_string (self))
        return NULL;
      node = json_node_alloc ();
      json_node_init_string (node, self->text->str);
      return node;
    case 't':
      return read_literal (self, "true");
    case 'f':
      return read_literal (self, "false");
    case 'n':
      return read_literal (self, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (self);
    default:
      return unexpected (self, _("a value"));
    }
}

/* At the end of the document: nothing but white space may follow. */
gboolean
csn_json_scanner_finish (CsnJsonScanner *self)
{
  skip_space (self);
  if (self->pos < self->end)
    {
      fail (self, _("unexpected data after the end of the JSON document"));
      return FALSE;
    }
  return TRUE;
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
  CsnJsonScanner scanner;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  csn_json_scanner_init (&scanner, data, length, max_depth);
  root = csn_json_scanner_read_value (&scanner);
  if (root != NULL)
    csn_json_scanner_finish (&scanner);

  *message = g_steal_pointer (&scanner.message);
  if (*message != NULL)
    g_clear_pointer (&root, json_node_unref);
  else if (number_texts != NULL)
    *number_texts = g_steal_pointer (&scanner.numbers);
  csn_json_scanner_clear (&scanner);
  return g_steal_pointer (&root);
}
