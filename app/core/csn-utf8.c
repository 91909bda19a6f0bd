/* csn-utf8.c: UTF-8 checks and counts over whole texts, eight bytes at a time through ASCII. */
#define G_LOG_DOMAIN "csn-utf8"

#include "config.h"

#include <string.h>

#include "csn-utf8.h"

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
load_word (const guchar *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

/* Whether a byte of @word is zero (exact as to whether one is, not as to which). */
static inline guint64
zero_bytes (guint64 word)
{
  return (word - ONES) & ~word & HIGHS;
}

/**
 * csn_utf8_validate:
 * @text: bytes
 * @length: how many
 *
 * Whether @text is UTF-8 as RFC 3629 has it, without NUL: what g_utf8_validate_len() accepts,
 * faster through ASCII.
 */
gboolean
csn_utf8_validate (const char *text,
                   gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  while (p < end)
    {
      guchar c;

      if (end - p >= 8)
        {
          guint64 word = load_word (p);

          if ((word & HIGHS) == 0 && zero_bytes (word) == 0)
            {
              p += 8;
              continue;
            }
        }
      c = *p;
      if (c < 0x80)
        {
          if (c == 0)
            return FALSE;
          p++;
        }
      else if (c < 0xC2)
        return FALSE;
      else if (c < 0xE0)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c < 0xF0)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
            return FALSE;
          p += 3;
        }
      else if (c < 0xF5)
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
              (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

/**
 * csn_utf8_count_chars:
 * @text: UTF-8 text (or not: every byte that is not a continuation byte counts)
 * @length: its length in bytes
 *
 * How many characters @text has.
 */
gsize
csn_utf8_count_chars (const char *text,
                      gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  gsize chars = 0;

  while (end - p >= 8)
    {
      /* Continuation bytes (10xxxxxx) counted in each byte of @lanes; 31 words keep their sum
       * below 256, so that one multiplication adds the lanes up. */
      guint64 lanes = 0;

      for (guint i = 0; i < 31 && end - p >= 8; i++, p += 8)
        {
          guint64 word = load_word (p);

          lanes += (word & ~(word << 1) & HIGHS) >> 7;
          chars += 8;
        }
      chars -= (lanes * ONES) >> 56;
    }
  for (; p < end; p++)
    if ((*p & 0xC0) != 0x80)
      chars++;
  return chars;
}
