/* csn-json-check.c: refuses what json-glib would accept or crash on: comments, trailing data,
 * lone surrogate escapes, nesting too deep for its recursive parser. */
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
} Scanner;

static void G_GNUC_PRINTF (2, 3)
fail (Scanner    *s,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line = 1;
  guint column = 1;

  if (s->message != NULL)
    return;

  for (const char *p = s->data; p < s->pos && p < s->end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
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
  s->message = g_strdup_printf (_("line %u, column %u: %s"), line, column, what);
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->end && (*s->pos == ' ' || *s->pos == '\t' || *s->pos == '\n' || *s->pos == '\r'))
    s->pos++;
}

static gboolean
unexpected (Scanner    *s,
            const char *expected)
{
  if (s->pos >= s->end)
    fail (s, _("the file ends where %s was expected"), expected);
  else if (*s->pos == '/' && s->pos + 1 < s->end && (s->pos[1] == '/' || s->pos[1] == '*'))
    fail (s, _("comments are not allowed in JSON"));
  else
    /* MIN: the data may not be UTF-8 yet (the loader checks that only once something failed). */
    fail (s, _("unexpected “%.*s” where %s was expected"),
          (int) (MIN (g_utf8_next_char (s->pos), s->end) - s->pos), s->pos, expected);
  return FALSE;
}

static gboolean
scan_hex4 (Scanner  *s,
           guint    *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      if (s->pos >= s->end || !g_ascii_isxdigit (*s->pos))
        {
          fail (s, _("a \\u escape needs four hexadecimal digits"));
          return FALSE;
        }
      *value = *value * 16 + g_ascii_xdigit_value (*s->pos);
      s->pos++;
    }
  return TRUE;
}

static gboolean
scan_string (Scanner *s)
{
  g_assert (*s->pos == '"');
  s->pos++;

  while (s->pos < s->end)
    {
      guchar c = *s->pos;

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        {
          fail (s, _("a control character inside a string must be escaped"));
          return FALSE;
        }
      if (c != '\\')
        {
          s->pos = g_utf8_next_char (s->pos);
          continue;
        }

      s->pos++;
      if (s->pos >= s->end)
        break;
      switch (*s->pos)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->pos++;
          break;
        case 'u':
          {
            const char *start = s->pos - 1;
            guint unit;

            s->pos++;
            if (!scan_hex4 (s, &unit))
              return FALSE;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                s->pos = start;
                fail (s, _("the escape \\u%04X is half of a surrogate pair, without its first half"), unit);
                return FALSE;
              }
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                guint low;

                if (s->end - s->pos < 6 || s->pos[0] != '\\' || s->pos[1] != 'u')
                  {
                    s->pos = start;
                    fail (s, _("the escape \\u%04X is half of a surrogate pair, without its second half"), unit);
                    return FALSE;
                  }
                s->pos += 2;
                if (!scan_hex4 (s, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    s->pos = start;
                    fail (s, _("the escape \\u%04X is half of a surrogate pair, without its second half"), unit);
                    return FALSE;
                  }
              }
            else if (unit == 0)
              {
                s->pos = start;
                fail (s, _("the escape \\u0000 (a NUL character) is not allowed in text"));
                return FALSE;
              }
          }
          break;
        default:
          s->pos--;
          fail (s, _("“\\%c” is not a JSON escape"), s->pos[1]);
          return FALSE;
        }
    }

  fail (s, _("the file ends inside a string"));
  return FALSE;
}

static gboolean
scan_digits (Scanner *s)
{
  const char *start = s->pos;

  while (s->pos < s->end && g_ascii_isdigit (*s->pos))
    s->pos++;
  return s->pos > start;
}

static gboolean
scan_number (Scanner *s)
{
  const char *start = s->pos;

  if (*s->pos == '-')
    s->pos++;
  if (s->pos < s->end && *s->pos == '0')
    s->pos++;
  else if (!scan_digits (s))
    goto bad;
  if (s->pos < s->end && *s->pos == '.')
    {
      s->pos++;
      if (!scan_digits (s))
        goto bad;
    }
  if (s->pos < s->end && (*s->pos == 'e' || *s->pos == 'E'))
    {
      s->pos++;
      if (s->pos < s->end && (*s->pos == '+' || *s->pos == '-'))
        s->pos++;
      if (!scan_digits (s))
        goto bad;
    }
  return TRUE;

bad:
  s->pos = start;
  fail (s, _("malformed number"));
  return FALSE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->pos) >= len && memcmp (s->pos, word, len) == 0)
    {
      s->pos += len;
      return TRUE;
    }
  return unexpected (s, _("a value"));
}

static gboolean scan_value (Scanner *s);

static gboolean
enter (Scanner *s)
{
  if (++s->depth > s->max_depth)
    {
      fail (s, _("nested deeper than %u levels"), s->max_depth);
      return FALSE;
    }
  s->pos++;
  skip_space (s);
  return TRUE;
}

static gboolean
scan_object (Scanner *s)
{
  if (!enter (s))
    return FALSE;

  if (s->pos < s->end && *s->pos == '}')
    goto done;

  for (;;)
    {
      if (s->pos >= s->end || *s->pos != '"')
        return unexpected (s, _("a member name in quotes"));
      if (!scan_string (s))
        return FALSE;
      skip_space (s);
      if (s->pos >= s->end || *s->pos != ':')
        return unexpected (s, _("“:”"));
      s->pos++;
      skip_space (s);
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (s->pos < s->end && *s->pos == ',')
        {
          s->pos++;
          skip_space (s);
          continue;
        }
      if (s->pos < s->end && *s->pos == '}')
        break;
      return unexpected (s, _("“,” or “}”"));
    }

done:
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_array (Scanner *s)
{
  if (!enter (s))
    return FALSE;

  if (s->pos < s->end && *s->pos == ']')
    goto done;

  for (;;)
    {
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (s->pos < s->end && *s->pos == ',')
        {
          s->pos++;
          skip_space (s);
          continue;
        }
      if (s->pos < s->end && *s->pos == ']')
        break;
      return unexpected (s, _("“,” or “]”"));
    }

done:
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_value (Scanner *s)
{
  if (s->pos >= s->end)
    return unexpected (s, _("a value"));

  switch (*s->pos)
    {
    case '{':
      return scan_object (s);
    case '[':
      return scan_array (s);
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      return unexpected (s, _("a value"));
    }
}

/* On failure @message says where and what, in the UI language; where @data is not UTF-8, it says
 * something and reads nothing beyond @length. */
gboolean
csn_json_check (const char  *data,
                gsize        length,
                guint        max_depth,
                char       **message)
{
  Scanner s = { data, data, data + length, 0, max_depth, NULL };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  skip_space (&s);
  if (scan_value (&s))
    {
      skip_space (&s);
      if (s.pos < s.end)
        fail (&s, _("unexpected data after the end of the JSON document"));
    }

  *message = s.message;
  return s.message == NULL;
}
