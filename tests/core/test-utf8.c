/* test-utf8.c: the fast UTF-8 checks and counts say what GLib and a byte-by-byte loop say, on edge
 * cases and on random texts of valid characters and stray bytes. */
#include "config.h"

#include "csn-export-private.h"
#include "csn-utf8.h"

/* What the workbook writer asked before, byte by byte. */
static gboolean
reference_is_clean (const char *text,
                    gsize       length)
{
  if (!g_utf8_validate_len (text, length, NULL))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n') ||
          (c == 0xEF && (guchar) text[i + 1] == 0xBF && ((guchar) text[i + 2] & 0xFE) == 0xBE))
        return FALSE;
      if (c == '_' && text[i + 1] == 'x' && g_ascii_isxdigit (text[i + 2]) && g_ascii_isxdigit (text[i + 3]) &&
          g_ascii_isxdigit (text[i + 4]) && g_ascii_isxdigit (text[i + 5]) && text[i + 6] == '_')
        return FALSE;
    }
  return TRUE;
}

static gsize
reference_count (const char *text,
                 gsize       length)
{
  gsize chars = 0;

  for (gsize i = 0; i < length; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      chars++;
  return chars;
}

static void
check (const char *text,
       gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);

  /* g_strndup stops at a NUL: compare on the same bytes. */
  length = strlen (copy);
  g_assert_cmpint (csn_utf8_validate (copy, length), ==, g_utf8_validate_len (copy, length, NULL));
  g_assert_cmpuint (csn_utf8_count_chars (copy, length), ==, reference_count (copy, length));
  g_assert_cmpint (csn_export_text_is_clean (copy, length), ==, reference_is_clean (copy, length));
}

static const char * const pieces[] = {
  "a", "migración ", "_x0041_", "_x00", "_", "x", "\t", "\n", "\x01", "\x1f", " ", "\"", "\\",
  "\xC3\xAD", "\xE2\x80\x9C", "\xEF\xBF\xBD", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xF0\x9F\x98\x80",
  "\xED\x9F\xBF", "\xED\xA0\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF",
  "\xF4\x90\x80\x80", "\xF5", "\xFF", "\x80", "\xC3", "\xE2\x80", "abcdefgh", "ABCDEFGHIJKLMNOP",
};

static void
test_edges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    for (guint j = 0; j < G_N_ELEMENTS (pieces); j++)
      for (guint pad = 0; pad < 9; pad++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint k = 0; k < pad; k++)
            g_string_append_c (text, 'p');
          g_string_append (text, pieces[i]);
          g_string_append (text, pieces[j]);
          check (text->str, text->len);
        }
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      /* Now and then a long one, of hundreds of words. */
      guint n = round % 50 == 0 ? g_rand_int_range (rand, 200, 600) : g_rand_int_range (rand, 0, 24);

      for (guint k = 0; k < n; k++)
        {
          if (g_rand_int_range (rand, 0, 8) == 0)
            g_string_append_c (text, (char) g_rand_int_range (rand, 1, 256));
          else
            g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
        }
      check (text->str, text->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/utf8/edges", test_edges);
  g_test_add_func ("/utf8/random", test_random);

  return g_test_run ();
}
