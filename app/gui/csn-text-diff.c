/* csn-text-diff.c: the words one version of a text changed from another (a longest common
 * subsequence of words and punctuation marks), marked bold on a light highlight, as Meld marks
 * changed text. */
#define G_LOG_DOMAIN "csn-text-diff"

#include "config.h"

#include "csn-text-diff.h"

/* Beyond this many word pairs the texts are shown without marks: the table would cost too much. */
#define MAX_CELLS (400 * 400)

typedef struct
{
  const char *start;
  guint       length;   /* bytes */
  gboolean    common;
} Word;

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  while (*p != '\0')
    {
      Word word = { NULL, 0, FALSE };

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      word.start = p;
      /* A word, or a punctuation mark on its own: "año)." and "año);" share "año" and ")". */
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      else
        p = g_utf8_next_char (p);
      word.length = p - word.start;
      g_array_append_val (words, word);
    }
  return words;
}

static gboolean
words_equal (const Word *a,
             const Word *b)
{
  return a->length == b->length && memcmp (a->start, b->start, a->length) == 0;
}

/* Marks the words of @a and @b that belong to a longest common subsequence. */
static void
mark_common (GArray *a,
             GArray *b)
{
  guint n = a->len;
  guint m = b->len;
  g_autofree guint *lengths = g_new0 (guint, (gsize) (n + 1) * (m + 1));

#define AT(i, j) lengths[(gsize) (i) * (m + 1) + (j)]
  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      AT (i, j) = words_equal (&g_array_index (a, Word, i), &g_array_index (b, Word, j))
                  ? AT (i + 1, j + 1) + 1
                  : MAX (AT (i + 1, j), AT (i, j + 1));

  for (guint i = 0, j = 0; i < n && j < m;)
    {
      if (words_equal (&g_array_index (a, Word, i), &g_array_index (b, Word, j)))
        {
          g_array_index (a, Word, i++).common = TRUE;
          g_array_index (b, Word, j++).common = TRUE;
        }
      else if (AT (i + 1, j) >= AT (i, j + 1))
        i++;
      else
        j++;
    }
#undef AT
}

/* One span per run of changed words, the spaces between them included. */
static PangoAttrList *
mark_changed (const char *text,
              GArray     *words)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < words->len;)
    {
      const Word *first = &g_array_index (words, Word, i);
      const Word *last = first;
      PangoAttribute *attr;
      guint start, end;

      if (first->common)
        {
          i++;
          continue;
        }
      while (i + 1 < words->len && !g_array_index (words, Word, i + 1).common)
        last = &g_array_index (words, Word, ++i);
      i++;

      start = first->start - text;
      end = (last->start - text) + last->length;
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      /* Adwaita's yellow, light enough for dark text and, over a dark theme, for light text. */
      attr = pango_attr_background_new (0xf6 * 257, 0xd3 * 257, 0x2d * 257);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_background_alpha_new (0x4000);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  return attrs;
}

/**
 * csn_text_diff_words:
 * @old_attrs: (out) (transfer full): marks for @old_text: the words @new_text no longer has
 * @new_attrs: (out) (transfer full): marks for @new_text: the words it brings
 *
 * Returns: FALSE, and no marks, when the texts are too long to compare word by word or share no word
 * (marking everything would say nothing).
 */
gboolean
csn_text_diff_words (const char     *old_text,
                     const char     *new_text,
                     PangoAttrList **old_attrs,
                     PangoAttrList **new_attrs)
{
  g_autoptr(GArray) old_words = NULL;
  g_autoptr(GArray) new_words = NULL;
  gboolean shared = FALSE;

  g_return_val_if_fail (old_text != NULL && new_text != NULL, FALSE);
  g_return_val_if_fail (old_attrs != NULL && new_attrs != NULL, FALSE);

  *old_attrs = NULL;
  *new_attrs = NULL;
  old_words = split_words (old_text);
  new_words = split_words (new_text);
  if ((gsize) old_words->len * new_words->len > MAX_CELLS || old_words->len == 0 || new_words->len == 0)
    return FALSE;

  mark_common (old_words, new_words);
  for (guint i = 0; i < old_words->len && !shared; i++)
    shared = g_array_index (old_words, Word, i).common;
  if (!shared)
    return FALSE;

  *old_attrs = mark_changed (old_text, old_words);
  *new_attrs = mark_changed (new_text, new_words);
  return TRUE;
}
