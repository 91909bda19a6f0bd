/* csn-document-lines.c: breaks a paragraph into lines and draws them. Latin, Greek and Cyrillic
 * text in the document's font is set from words shaped once and cached (a long document repeats
 * its words); anything else (right-to-left and CJK scripts, emoji, tabs, words longer than a line)
 * goes through a full PangoLayout with font fallback and bidi. */
#define G_LOG_DOMAIN "csn-document-lines"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "csn-document-lines.h"

#define COVERAGE_LIMIT     0x2200      /* code points below it have a cached coverage */
#define MAX_WORD_BYTES     256         /* longer words take the Pango path */
#define SUPERSCRIPT_SCALE  0.62
#define SUPERSCRIPT_RISE   0.36

typedef struct {
  guint32 index;
  float   x;
  float   y;
} WordGlyph;

/* A word shaped once: its glyphs from the word's start, and the clusters that map them back to
 * its text, so that the PDF's text can be selected and searched. */
typedef struct {
  float   width;
  guint32 hash;
  guint16 n_glyphs;
  guint16 n_clusters;
  guint16 length;
  /* WordGlyph glyphs[n_glyphs]; cairo_text_cluster_t clusters[n_clusters]; char text[length]; */
} Word;

static inline WordGlyph *
word_glyphs (Word *word)
{
  return (WordGlyph *) (word + 1);
}

static inline cairo_text_cluster_t *
word_clusters (Word *word)
{
  return (cairo_text_cluster_t *) (word_glyphs (word) + word->n_glyphs);
}

static inline char *
word_text (Word *word)
{
  return (char *) (word_clusters (word) + word->n_clusters);
}

/* FNV-1a, over the bytes of a word. */
static inline guint32
hash_bytes (const char *text,
            gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * 16777619u;
  return hash;
}

/* The words of a face, by their text: open addressing, so that a lookup neither copies nor
 * allocates (it runs for every word of the document, twice). */
typedef struct {
  Word  **slots;
  guint   size;      /* a power of two */
  guint   n_words;
} WordTable;

static Word *
word_table_lookup (WordTable  *table,
                   const char *text,
                   gsize       length,
                   guint32     hash)
{
  guint mask = table->size - 1;

  if (table->size == 0)
    return NULL;
  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      Word *word = table->slots[i];

      if (word == NULL)
        return NULL;
      if (word->hash == hash && word->length == length && memcmp (word_text (word), text, length) == 0)
        return word;
    }
}

static void
word_table_insert (WordTable *table,
                   Word      *word)
{
  guint mask;

  if (2 * (table->n_words + 1) > table->size)
    {
      Word **old = table->slots;
      guint old_size = table->size;

      table->size = MAX (table->size * 2, 256);
      table->slots = g_new0 (Word *, table->size);
      table->n_words = 0;
      for (guint i = 0; i < old_size; i++)
        if (old[i] != NULL)
          word_table_insert (table, old[i]);
      g_free (old);
    }
  mask = table->size - 1;
  for (guint i = word->hash & mask;; i = (i + 1) & mask)
    if (table->slots[i] == NULL)
      {
        table->slots[i] = word;
        table->n_words++;
        return;
      }
}

static void
word_table_clear (WordTable *table)
{
  for (guint i = 0; i < table->size; i++)
    g_free (table->slots[i]);
  g_free (table->slots);
}

typedef struct {
  PangoFont           *font;
  cairo_scaled_font_t *scaled;
  double               ascent;
  double               descent;
  WordTable            words;
  guint8               coverage[COVERAGE_LIMIT];  /* 0 unknown, 1 covered, 2 not */
  /* Glyphs waiting to be drawn: a PDF surface costs far less per call than per glyph. */
  GArray              *glyphs;     /* cairo_glyph_t */
  GArray              *clusters;   /* cairo_text_cluster_t */
  GString             *utf8;
} Face;

struct _CsnFonts
{
  PangoFontMap *map;
  PangoContext *context;
  GHashTable   *faces;        /* GUINT_TO_POINTER (key) -> Face */
  GPtrArray    *waiting;      /* Face with glyphs to draw */
};

static void
face_free (gpointer data)
{
  Face *face = data;

  word_table_clear (&face->words);
  g_object_unref (face->font);
  g_array_unref (face->glyphs);
  g_array_unref (face->clusters);
  g_string_free (face->utf8, TRUE);
  g_free (face);
}

CsnFonts *
csn_fonts_new (void)
{
  CsnFonts *fonts = g_new0 (CsnFonts, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The thread's own font map (Pango keeps one per thread): fonts found and loaded once serve
   * every later pagination in the thread, as a live preview needs. */
  fonts->map = g_object_ref (pango_cairo_font_map_get_default ());
  fonts->context = pango_font_map_create_context (fonts->map);
  /* Metrics in unhinted points, so that the pages are the same at any scale and on any device. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (fonts->context, options);
  pango_cairo_context_set_resolution (fonts->context, 72.0);
  pango_context_set_round_glyph_positions (fonts->context, FALSE);
  cairo_font_options_destroy (options);

  fonts->faces = g_hash_table_new_full (NULL, NULL, NULL, face_free);
  fonts->waiting = g_ptr_array_new ();
  return fonts;
}

void
csn_fonts_free (CsnFonts *fonts)
{
  g_hash_table_unref (fonts->faces);
  g_ptr_array_unref (fonts->waiting);
  g_object_unref (fonts->context);
  g_object_unref (fonts->map);
  g_free (fonts);
}

static PangoFontDescription *
describe_font (double   size,
               gboolean bold,
               gboolean italic)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, CSN_DOCUMENT_FONT_FAMILY);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  return desc;
}

static Face *
get_face (CsnFonts *fonts,
          double    size,
          gboolean  bold,
          gboolean  italic)
{
  guint key = (guint) lround (size * 100) << 2 | (bold ? 1 : 0) | (italic ? 2 : 0);
  Face *face = g_hash_table_lookup (fonts->faces, GUINT_TO_POINTER (key));

  if (face == NULL)
    {
      PangoFontDescription *desc = describe_font (size, bold, italic);
      PangoFontMetrics *metrics;

      face = g_new0 (Face, 1);
      face->font = pango_font_map_load_font (fonts->map, fonts->context, desc);
      g_assert (face->font != NULL);
      face->scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (face->font));
      metrics = pango_font_get_metrics (face->font, NULL);
      face->ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
      face->descent = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
      face->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
      face->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
      face->utf8 = g_string_new (NULL);
      pango_font_description_free (desc);
      g_hash_table_insert (fonts->faces, GUINT_TO_POINTER (key), face);
    }
  return face;
}

/* Scripts the cached path sets: left to right, shaped word by word. */
static gboolean
is_simple_char (gunichar ch)
{
  if (ch < 0x80)
    return ch >= 0x20 && ch != 0x7F;
  if (ch == 0xAD)
    return FALSE;  /* a soft hyphen: Pango hyphenates there */
  return ch < 0x0530 || (ch >= 0x1E00 && ch < 0x1F00) || (ch >= 0x2010 && ch <= 0x2027) ||
         (ch >= 0x2030 && ch <= 0x203A) || (ch >= 0x20A0 && ch <= 0x20BF) || ch == 0x2116 ||
         ch == 0x2122;
}

static gboolean
face_covers (Face     *face,
             gunichar  ch)
{
  if (ch >= COVERAGE_LIMIT)
    return pango_font_has_char (face->font, ch);
  if (face->coverage[ch] == 0)
    face->coverage[ch] = pango_font_has_char (face->font, ch) ? 1 : 2;
  return face->coverage[ch] == 1;
}

static Word *
shape_word (CsnFonts   *fonts,
            Face       *face,
            const char *text,
            gsize       length)
{
  PangoGlyphString *glyphs;
  PangoAnalysis analysis = { 0 };
  Word *word;
  WordGlyph *out;
  cairo_text_cluster_t *clusters;
  guint n_clusters = 0;
  double x = 0;

  guint32 hash = hash_bytes (text, length);

  word = word_table_lookup (&face->words, text, length, hash);
  if (word != NULL)
    return word;

  glyphs = pango_glyph_string_new ();
  analysis.font = face->font;
  analysis.level = 0;
  analysis.gravity = PANGO_GRAVITY_SOUTH;
  analysis.script = PANGO_SCRIPT_LATIN;
  analysis.language = pango_language_get_default ();
  pango_shape_with_flags (text, length, text, length, &analysis, glyphs, PANGO_SHAPE_NONE);

  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (i == 0 || glyphs->log_clusters[i] != glyphs->log_clusters[i - 1])
      n_clusters++;

  word = g_malloc (sizeof (Word) + glyphs->num_glyphs * sizeof (WordGlyph) +
                   n_clusters * sizeof (cairo_text_cluster_t) + length);
  word->hash = hash;
  word->n_glyphs = glyphs->num_glyphs;
  word->n_clusters = n_clusters;
  word->length = length;
  out = word_glyphs (word);
  clusters = word_clusters (word);
  n_clusters = 0;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];

      out[i].index = info->glyph;
      out[i].x = x + (double) info->geometry.x_offset / PANGO_SCALE;
      out[i].y = (double) info->geometry.y_offset / PANGO_SCALE;
      x += (double) info->geometry.width / PANGO_SCALE;

      if (i == 0 || glyphs->log_clusters[i] != glyphs->log_clusters[i - 1])
        {
          int start = glyphs->log_clusters[i];
          int end = (int) length;

          for (int j = i + 1; j < glyphs->num_glyphs; j++)
            if (glyphs->log_clusters[j] != start)
              {
                end = glyphs->log_clusters[j];
                break;
              }
          clusters[n_clusters].num_bytes = end - start;
          clusters[n_clusters].num_glyphs = 0;
          n_clusters++;
        }
      clusters[n_clusters - 1].num_glyphs++;
    }
  word->width = x;
  memcpy (word_text (word), text, length);
  pango_glyph_string_free (glyphs);

  word_table_insert (&face->words, word);
  return word;
}

/* Lines */

typedef enum {
  ATOM_WORD,
  ATOM_CHAR,   /* a character of a word longer than a line: it may break anywhere */
  ATOM_SPACE,
  ATOM_BREAK,
} AtomKind;

typedef struct {
  Face       *face;
  Word       *word;
  const char *text;
  float       rise;
  guint8      kind;
} Atom;

typedef struct {
  guint  first;      /* atoms, or Pango's line index */
  guint  end;
  float  x;          /* of the line's start, from the paragraph box's left */
  float  height;
  float  baseline;   /* from the line's top */
  float  stretch;    /* added to every space of a justified line */
} Line;

typedef struct {
  guint footnote;
  guint line;
} Ref;

struct _CsnLines
{
  CsnFonts     *fonts;
  CsnLinesSpec  spec;
  GArray       *atoms;        /* Atom: the number's, then the text's */
  guint         text_atoms;   /* index of the first atom of the text */
  GArray       *lines;        /* Line */
  GArray       *refs;         /* Ref */
  GStringChunk *labels;       /* footnote numbers */
  Face         *base;
  float         number_width;
  double        height;
  PangoLayout  *layout;       /* the Pango path, or NULL */
};

static Face *
run_face (CsnLines             *lines,
          const CsnDocumentRun *run,
          double               *rise)
{
  const CsnLinesSpec *spec = &lines->spec;

  *rise = 0;
  if (run->flags & (CSN_DOCUMENT_RUN_FOOTNOTE | CSN_DOCUMENT_RUN_SUPERSCRIPT))
    {
      *rise = spec->size * SUPERSCRIPT_RISE;
      return get_face (lines->fonts, spec->size * SUPERSCRIPT_SCALE, FALSE, FALSE);
    }
  return get_face (lines->fonts, spec->size,
                   spec->bold || (run->flags & CSN_DOCUMENT_RUN_BOLD),
                   spec->italic || (run->flags & CSN_DOCUMENT_RUN_ITALIC));
}

static const char *
ref_label (CsnLines *lines,
           guint     footnote)
{
  char label[16];

  g_snprintf (label, sizeof label, "%u", footnote + 1);
  return g_string_chunk_insert_const (lines->labels, label);
}

/* Splits @text into word and space atoms of @face; false when the cached path cannot set it. */
static gboolean
add_atoms (CsnLines   *lines,
           Face       *face,
           double      rise,
           const char *text,
           gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      Atom atom = { face, NULL, p, rise, ATOM_WORD };

      if (*p == ' ' || *p == '\n')
        {
          atom.kind = *p == ' ' ? ATOM_SPACE : ATOM_BREAK;
          atom.word = *p == ' ' ? shape_word (lines->fonts, face, " ", 1) : NULL;
          g_array_append_val (lines->atoms, atom);
          p++;
          continue;
        }
      {
        const char *start = p;

        while (p < end && *p != ' ' && *p != '\n')
          {
            gunichar ch = g_utf8_get_char (p);

            if (!is_simple_char (ch) || !face_covers (face, ch))
              return FALSE;
            p = g_utf8_next_char (p);
          }
        if (p - start <= MAX_WORD_BYTES)
          atom.word = shape_word (lines->fonts, face, start, p - start);
        if (atom.word != NULL && atom.word->width <= lines->spec.width - lines->spec.indent - lines->spec.hanging)
          {
            g_array_append_val (lines->atoms, atom);
            continue;
          }
        /* Too long for any line: set character by character (marks with their base), to break
         * anywhere, as Pango would but without its cost on a very long word. */
        for (const char *c = start; c < p;)
          {
            const char *next = g_utf8_next_char (c);

            while (next < p && g_unichar_ismark (g_utf8_get_char (next)))
              next = g_utf8_next_char (next);
            atom.kind = ATOM_CHAR;
            atom.text = c;
            atom.word = shape_word (lines->fonts, face, c, next - c);
            g_array_append_val (lines->atoms, atom);
            c = next;
          }
      }
    }
  return TRUE;
}

static double
base_baseline (CsnLines *lines)
{
  return (lines->spec.leading - (lines->base->ascent + lines->base->descent)) / 2 + lines->base->ascent;
}

/* The start of the text on the first line: after the hanging number, or after a wide one. */
static double
first_line_start (CsnLines *lines)
{
  const CsnLinesSpec *spec = &lines->spec;
  double start = spec->indent + spec->hanging;

  if (spec->number != NULL && spec->indent + lines->number_width + spec->size * 0.5 > start)
    start = spec->indent + lines->number_width + spec->size * 0.5;
  return start;
}

static void
end_line (CsnLines *lines,
          guint     first,
          guint     end,
          double    natural,
          guint     n_spaces,
          gboolean  justify)
{
  const CsnLinesSpec *spec = &lines->spec;
  Line line = { first, end, 0, spec->leading, base_baseline (lines), 0 };
  double start = lines->lines->len == 0 ? first_line_start (lines) : spec->indent + spec->hanging;
  double room = spec->width - start - natural;

  line.x = start;
  switch (spec->align)
    {
    case CSN_PAGE_ALIGN_CENTER:
      line.x += MAX (room, 0) / 2;
      break;
    case CSN_PAGE_ALIGN_END:
      line.x += MAX (room, 0);
      break;
    case CSN_PAGE_ALIGN_JUSTIFY:
      if (justify && n_spaces > 0 && room > 0)
        line.stretch = room / n_spaces;
      break;
    case CSN_PAGE_ALIGN_START:
    default:
      break;
    }
  g_array_append_val (lines->lines, line);
}

/* Greedy breaking at spaces; false when a word is wider than a line. */
static gboolean
break_atoms (CsnLines *lines)
{
  const CsnLinesSpec *spec = &lines->spec;
  Atom *atoms = (gpointer) lines->atoms->data;
  guint n = lines->atoms->len;
  guint i = lines->text_atoms;
  guint line_first = i, line_end = i;
  double width = 0, pending = 0;
  guint spaces = 0, pending_spaces = 0;
  gboolean empty = TRUE;

  while (i < n)
    {
      double room = spec->width - (lines->lines->len == 0 ? first_line_start (lines)
                                                          : spec->indent + spec->hanging);
      double box = 0;
      guint j;

      if (atoms[i].kind == ATOM_BREAK)
        {
          end_line (lines, line_first, line_end, width, spaces, FALSE);
          i++;
          line_first = line_end = i;
          width = pending = 0;
          spaces = pending_spaces = 0;
          empty = TRUE;
          continue;
        }
      if (atoms[i].kind == ATOM_SPACE)
        {
          if (!empty)
            {
              pending += atoms[i].word->width;
              pending_spaces++;
            }
          else
            line_first = line_end = i + 1;
          i++;
          continue;
        }

      if (atoms[i].kind == ATOM_CHAR)
        {
          j = i + 1;
          box = atoms[i].word->width;
        }
      else
        for (j = i; j < n && atoms[j].kind == ATOM_WORD; j++)
          box += atoms[j].word->width;

      if (!empty && width + pending + box > room + 0.001)
        {
          end_line (lines, line_first, line_end, width, spaces, TRUE);
          line_first = i;
          width = pending = 0;
          spaces = pending_spaces = 0;
          empty = TRUE;
          room = spec->width - spec->indent - spec->hanging;
        }
      if (empty && box > room + 0.001)
        return FALSE;

      width += pending + box;
      spaces += pending_spaces;
      pending = 0;
      pending_spaces = 0;
      empty = FALSE;
      line_end = j;
      i = j;
    }
  if (!empty || lines->lines->len == 0 || line_first < n)
    end_line (lines, line_first, line_end, width, spaces, FALSE);
  return TRUE;
}

static gboolean
layout_simple (CsnLines *lines)
{
  const CsnDocumentText *text = lines->spec.text;

  for (guint r = 0; r < text->n_runs; r++)
    {
      const CsnDocumentRun *run = &text->runs[r];
      double rise;
      Face *face = run_face (lines, run, &rise);

      if (run->flags & CSN_DOCUMENT_RUN_FOOTNOTE)
        {
          const char *label = ref_label (lines, run->footnote);
          Ref ref = { run->footnote, lines->atoms->len };

          g_array_append_val (lines->refs, ref);
          if (!add_atoms (lines, face, rise, label, strlen (label)))
            return FALSE;
          continue;
        }
      if (!add_atoms (lines, face, rise, run->text, run->length))
        return FALSE;
    }
  if (!break_atoms (lines))
    return FALSE;

  /* Refs were numbered by atom; make that their line. */
  for (guint i = 0, l = 0; i < lines->refs->len; i++)
    {
      Ref *ref = &g_array_index (lines->refs, Ref, i);

      while (l + 1 < lines->lines->len && g_array_index (lines->lines, Line, l).end <= ref->line)
        l++;
      ref->line = l;
    }
  return TRUE;
}

static PangoAttribute *
font_attribute (double   size,
                gboolean bold,
                gboolean italic,
                guint    start,
                guint    end)
{
  PangoFontDescription *desc = describe_font (size, bold, italic);
  PangoAttribute *attr = pango_attr_font_desc_new (desc);

  pango_font_description_free (desc);
  attr->start_index = start;
  attr->end_index = end;
  return attr;
}

/* Everything the cached path cannot set: Pango with font fallback, bidi and hyphenation. */
static void
layout_pango (CsnLines *lines)
{
  const CsnLinesSpec *spec = &lines->spec;
  const CsnDocumentText *text = spec->text;
  g_autoptr(GString) string = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayoutIter *iter;
  double start = spec->indent + spec->hanging;
  double first = first_line_start (lines);
  double base_height = lines->base->ascent + lines->base->descent;
  guint index = 0;

  g_array_set_size (lines->refs, 0);
  for (guint r = 0; r < text->n_runs; r++)
    {
      const CsnDocumentRun *run = &text->runs[r];
      guint begin = string->len;
      PangoAttribute *attr;

      if (run->flags & CSN_DOCUMENT_RUN_FOOTNOTE)
        {
          Ref ref = { run->footnote, begin };

          g_array_append_val (lines->refs, ref);
          g_string_append (string, ref_label (lines, run->footnote));
          pango_attr_list_insert (attrs, font_attribute (spec->size * SUPERSCRIPT_SCALE, FALSE, FALSE,
                                                         begin, string->len));
          attr = pango_attr_rise_new ((int) (spec->size * SUPERSCRIPT_RISE * PANGO_SCALE));
          attr->start_index = begin;
          attr->end_index = string->len;
          pango_attr_list_insert (attrs, attr);
          continue;
        }
      g_string_append_len (string, run->text, run->length);
      if (run->flags & CSN_DOCUMENT_RUN_SUPERSCRIPT)
        {
          pango_attr_list_insert (attrs, font_attribute (spec->size * SUPERSCRIPT_SCALE, FALSE, FALSE,
                                                         begin, string->len));
          attr = pango_attr_rise_new ((int) (spec->size * SUPERSCRIPT_RISE * PANGO_SCALE));
          attr->start_index = begin;
          attr->end_index = string->len;
          pango_attr_list_insert (attrs, attr);
          continue;
        }
      pango_attr_list_insert (attrs, font_attribute (spec->size,
                                                     spec->bold || (run->flags & CSN_DOCUMENT_RUN_BOLD),
                                                     spec->italic || (run->flags & CSN_DOCUMENT_RUN_ITALIC),
                                                     begin, string->len));
      attr = pango_attr_language_new (pango_language_from_string (csn_language_get_tag (run->language)));
      attr->start_index = begin;
      attr->end_index = string->len;
      pango_attr_list_insert (attrs, attr);
    }
  /* A word broken across lines keeps its characters: no hyphen is added that the text lacks. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));

  lines->layout = pango_layout_new (lines->fonts->context);
  pango_layout_set_text (lines->layout, string->str, string->len);
  pango_layout_set_attributes (lines->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (lines->layout, (int) (MAX (spec->width - start, 1) * PANGO_SCALE));
  pango_layout_set_indent (lines->layout, (int) ((first - start) * PANGO_SCALE));
  pango_layout_set_wrap (lines->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (lines->layout, spec->align == CSN_PAGE_ALIGN_JUSTIFY);
  pango_layout_set_alignment (lines->layout, spec->align == CSN_PAGE_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
                                             spec->align == CSN_PAGE_ALIGN_END ? PANGO_ALIGN_RIGHT :
                                             PANGO_ALIGN_LEFT);

  iter = pango_layout_get_iter (lines->layout);
  do
    {
      PangoRectangle logical;
      Line line = { index, index + 1, 0, 0, 0, 0 };
      double height, ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      /* The document's leading, taller only where a fallback font is. */
      line.height = spec->leading + MAX (0, height - base_height);
      line.baseline = (spec->leading - base_height) / 2 + ascent;
      line.x = start + (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines->lines, line);
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (guint i = 0; i < lines->refs->len; i++)
    {
      Ref *ref = &g_array_index (lines->refs, Ref, i);
      int line;

      pango_layout_index_to_line_x (lines->layout, ref->line, FALSE, &line, NULL);
      ref->line = MAX (line, 0);
    }
}

CsnLines *
csn_lines_new (CsnFonts           *fonts,
               const CsnLinesSpec *spec)
{
  CsnLines *lines = g_new0 (CsnLines, 1);

  lines->fonts = fonts;
  lines->spec = *spec;
  lines->atoms = g_array_new (FALSE, FALSE, sizeof (Atom));
  lines->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  lines->refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  lines->labels = g_string_chunk_new (64);
  lines->base = get_face (fonts, spec->size, spec->bold, spec->italic);
  /* Atoms point into the text they set: the number may live on the caller's stack. */
  if (spec->number != NULL)
    lines->spec.number = g_string_chunk_insert_const (lines->labels, spec->number);

  if (lines->spec.number != NULL)
    {
      Face *face = spec->superscript_number ? get_face (fonts, spec->size * SUPERSCRIPT_SCALE, FALSE, FALSE)
                                            : lines->base;
      double rise = spec->superscript_number ? spec->size * SUPERSCRIPT_RISE : 0;

      /* Numbers are generated ("7.", "a)", "Annex II."): the cached path always sets them. */
      add_atoms (lines, face, rise, lines->spec.number, strlen (lines->spec.number));
      for (guint i = 0; i < lines->atoms->len; i++)
        if (g_array_index (lines->atoms, Atom, i).word != NULL)
          lines->number_width += g_array_index (lines->atoms, Atom, i).word->width;
    }
  lines->text_atoms = lines->atoms->len;

  if (!layout_simple (lines))
    {
      g_array_set_size (lines->atoms, lines->text_atoms);
      g_array_set_size (lines->lines, 0);
      layout_pango (lines);
    }

  for (guint i = 0; i < lines->lines->len; i++)
    lines->height += g_array_index (lines->lines, Line, i).height;
  return lines;
}

void
csn_lines_free (CsnLines *lines)
{
  g_array_unref (lines->atoms);
  g_array_unref (lines->lines);
  g_array_unref (lines->refs);
  g_string_chunk_free (lines->labels);
  g_clear_object (&lines->layout);
  g_free (lines);
}

guint
csn_lines_get_n_lines (CsnLines *lines)
{
  return lines->lines->len;
}

double
csn_lines_get_line_height (CsnLines *lines,
                           guint     line)
{
  g_assert (line < lines->lines->len);
  return g_array_index (lines->lines, Line, line).height;
}

double
csn_lines_get_height (CsnLines *lines)
{
  return lines->height;
}

/* Footnote references in text order, with the line each falls on. */
guint
csn_lines_get_n_refs (CsnLines *lines)
{
  return lines->refs->len;
}

void
csn_lines_get_ref (CsnLines *lines,
                   guint     index,
                   guint    *footnote,
                   guint    *line)
{
  Ref *ref = &g_array_index (lines->refs, Ref, index);

  *footnote = ref->footnote;
  *line = ref->line;
}

gboolean
csn_lines_is_simple (CsnLines *lines)
{
  return lines->layout == NULL;
}

/**
 * csn_fonts_flush:
 * @cr: the context the lines were drawn on, with the same transformation
 *
 * Draws the glyphs csn_lines_draw() left waiting, one call per font.
 */
void
csn_fonts_flush (CsnFonts *fonts,
                 cairo_t  *cr)
{
  for (guint i = 0; i < fonts->waiting->len; i++)
    {
      Face *face = g_ptr_array_index (fonts->waiting, i);

      cairo_set_scaled_font (cr, face->scaled);
      cairo_show_text_glyphs (cr, face->utf8->str, face->utf8->len,
                              (gpointer) face->glyphs->data, face->glyphs->len,
                              (gpointer) face->clusters->data, face->clusters->len, 0);
      g_array_set_size (face->glyphs, 0);
      g_array_set_size (face->clusters, 0);
      g_string_truncate (face->utf8, 0);
    }
  g_ptr_array_set_size (fonts->waiting, 0);
}

/* Queues atoms [first, end) from (x, baseline) for csn_fonts_flush(). */
static void
draw_atoms (CsnLines *lines,
            guint     first,
            guint     end,
            double    x,
            double    baseline,
            double    stretch)
{
  CsnFonts *fonts = lines->fonts;

  for (guint i = first; i < end; i++)
    {
      Atom *atom = &g_array_index (lines->atoms, Atom, i);
      Face *face = atom->face;
      WordGlyph *glyphs;
      guint at;

      if (atom->kind == ATOM_BREAK)
        continue;
      if (face->glyphs->len == 0)
        g_ptr_array_add (fonts->waiting, face);

      glyphs = word_glyphs (atom->word);
      at = face->glyphs->len;
      g_array_set_size (face->glyphs, at + atom->word->n_glyphs);
      for (guint g = 0; g < atom->word->n_glyphs; g++)
        {
          cairo_glyph_t *glyph = &g_array_index (face->glyphs, cairo_glyph_t, at + g);

          glyph->index = glyphs[g].index;
          glyph->x = x + glyphs[g].x;
          glyph->y = baseline - atom->rise + glyphs[g].y;
        }
      g_array_append_vals (face->clusters, word_clusters (atom->word), atom->word->n_clusters);
      g_string_append_len (face->utf8, atom->text, atom->word->length);
      x += atom->word->width;
      if (atom->kind == ATOM_SPACE)
        x += stretch;
    }
}

/* Draws lines [first, first + n) with the top of @first at @y and the paragraph box at @x; the
 * cached path's glyphs wait for csn_fonts_flush(). */
void
csn_lines_draw (CsnLines *lines,
                cairo_t  *cr,
                guint     first,
                guint     n,
                double    x,
                double    y)
{
  PangoLayoutIter *iter = NULL;

  g_assert (first + n <= lines->lines->len);

  if (first == 0 && n > 0 && lines->spec.number != NULL)
    {
      Line *line = &g_array_index (lines->lines, Line, 0);

      draw_atoms (lines, 0, lines->text_atoms, x + lines->spec.indent, y + line->baseline, 0);
    }

  if (lines->layout != NULL)
    {
      iter = pango_layout_get_iter (lines->layout);
      for (guint i = 0; i < first; i++)
        pango_layout_iter_next_line (iter);
    }

  for (guint i = first; i < first + n; i++)
    {
      Line *line = &g_array_index (lines->lines, Line, i);

      if (iter != NULL)
        {
          cairo_move_to (cr, x + line->x, y + line->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          pango_layout_iter_next_line (iter);
        }
      else
        draw_atoms (lines, line->first, line->end, x + line->x, y + line->baseline, line->stretch);
      y += line->height;
    }
  if (iter != NULL)
    pango_layout_iter_free (iter);
}
