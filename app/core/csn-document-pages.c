/* csn-document-pages.c: paginates a CsnDocument (paragraphs kept from widows and orphans, headings
 * with what follows, footnotes at the foot of their page, tables with their header repeated) and
 * draws any page onto a cairo context, in points from the paper's top left corner. */
#define G_LOG_DOMAIN "csn-document-pages"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>

#include "csn-document-lines.h"
#include "csn-document-pages.h"

#define NOTE_SEPARATOR   10.0   /* space the footnote rule takes above the notes */
#define NOTE_GAP          2.0   /* between two footnotes */
#define RULE_SPACE        6.0   /* below a paragraph with a rule */
#define BIG_NOTE_SHARE    0.5   /* a note taller than this share of the body may run onto the next page */
#define BIG_NOTE_LINES    3     /* lines of a big note that stay on its reference's page */
#define WHOLE             G_MAXUINT

static const CsnPageStyle styles[CSN_DOCUMENT_N_STYLES] = {
  [CSN_DOCUMENT_STYLE_MASTHEAD]  = { 12.0, 15.0,  0.0,  2.0,  0.0,   0.0, CSN_PAGE_ALIGN_START,   TRUE,  FALSE },
  [CSN_DOCUMENT_STYLE_MEETING]   = { 11.0, 14.0,  0.0,  0.0,  0.0,   0.0, CSN_PAGE_ALIGN_START,   FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_STATUS]    = { 10.0, 13.0,  0.0,  0.0,  0.0,   0.0, CSN_PAGE_ALIGN_END,     FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_TITLE]     = { 14.0, 18.0, 24.0, 18.0,  0.0,   0.0, CSN_PAGE_ALIGN_CENTER,  TRUE,  FALSE },
  [CSN_DOCUMENT_STYLE_HEADING_1] = { 12.0, 15.0, 18.0,  8.0,  0.0, 28.35, CSN_PAGE_ALIGN_START,   TRUE,  FALSE },
  [CSN_DOCUMENT_STYLE_HEADING_2] = { 11.0, 14.0, 12.0,  6.0,  0.0, 28.35, CSN_PAGE_ALIGN_START,   TRUE,  FALSE },
  [CSN_DOCUMENT_STYLE_HEADING_3] = { 11.0, 14.0, 10.0,  6.0, 28.35,  0.0, CSN_PAGE_ALIGN_START,   TRUE,  TRUE  },
  [CSN_DOCUMENT_STYLE_BODY]      = { 11.0, 14.0,  0.0,  8.0,  0.0,   0.0, CSN_PAGE_ALIGN_JUSTIFY, FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_NUMBERED]  = { 11.0, 14.0,  0.0,  8.0,  0.0, 28.35, CSN_PAGE_ALIGN_JUSTIFY, FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_SUBITEM]   = { 11.0, 14.0,  0.0,  6.0, 28.35, 22.7, CSN_PAGE_ALIGN_JUSTIFY, FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_TABLE]     = {  9.0, 11.0,  0.0,  0.0,  0.0,   0.0, CSN_PAGE_ALIGN_START,   FALSE, FALSE },
  [CSN_DOCUMENT_STYLE_FOOTNOTE]  = {  9.0, 11.0,  0.0,  2.0,  0.0,   0.0, CSN_PAGE_ALIGN_JUSTIFY, FALSE, FALSE },
};

const CsnPageStyle *
csn_page_style_get (CsnDocumentStyle style)
{
  g_return_val_if_fail (style < CSN_DOCUMENT_N_STYLES, &styles[CSN_DOCUMENT_STYLE_BODY]);
  return &styles[style];
}

void
csn_paper_get_size (CsnPaper  paper,
                    double   *width,
                    double   *height)
{
  if (paper == CSN_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.28;
      *height = 841.89;
    }
}

/* US Letter where the locale's paper is (8.5 x 11 in, as in the Americas' LC_PAPER), else A4. */
CsnPaper
csn_paper_from_locale (void)
{
#ifdef __GLIBC__
  locale_t paper = newlocale (LC_PAPER_MASK, "", (locale_t) 0);

  if (paper != (locale_t) 0)
    {
      guint height = GPOINTER_TO_UINT (nl_langinfo_l (_NL_PAPER_HEIGHT, paper));
      guint width = GPOINTER_TO_UINT (nl_langinfo_l (_NL_PAPER_WIDTH, paper));

      freelocale (paper);
      if (height == 279 && width == 216)
        return CSN_PAPER_LETTER;
    }
#endif
  return CSN_PAPER_A4;
}

typedef struct {
  guint block;
  guint row;      /* a table's row, or WHOLE for a paragraph */
  guint first;    /* a paragraph's first line; a row's first cell range, or WHOLE for all of it */
  guint n;        /* lines of a paragraph */
  float y;        /* from the top of the body */
  float height;
} Placement;

typedef struct {
  guint footnote;
  guint first;
  guint n;
  float y;        /* from the top of the notes */
  float height;
} NotePlacement;

typedef struct {
  guint first_placement;
  guint n_placements;
  guint first_note;
  guint n_notes;
  float notes_height;
} Page;

typedef struct {
  guint  n;
  float *heights;
  float  total;
} NoteMetrics;

struct _CsnDocumentPages
{
  GObject      parent_instance;

  CsnDocument *document;
  CsnPaper     paper;
  double       width;
  double       height;
  double       body_width;
  double       body_height;
  CsnFonts    *fonts;
  gboolean     paginated;
  GArray      *pages;        /* Page */
  GArray      *placements;   /* Placement */
  GArray      *notes;        /* NotePlacement */
  GArray      *cell_ranges;  /* guint pairs: first line, number of lines of each cell of a split row */
};

G_DEFINE_FINAL_TYPE (CsnDocumentPages, csn_document_pages, G_TYPE_OBJECT)

static void
csn_document_pages_finalize (GObject *object)
{
  CsnDocumentPages *self = CSN_DOCUMENT_PAGES (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->fonts, csn_fonts_free);
  g_array_unref (self->pages);
  g_array_unref (self->placements);
  g_array_unref (self->notes);
  g_array_unref (self->cell_ranges);

  G_OBJECT_CLASS (csn_document_pages_parent_class)->finalize (object);
}

static void
csn_document_pages_class_init (CsnDocumentPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csn_document_pages_finalize;
}

static void
csn_document_pages_init (CsnDocumentPages *self)
{
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->notes = g_array_new (FALSE, TRUE, sizeof (NotePlacement));
  self->cell_ranges = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * csn_document_pages_new:
 * @document: the document
 * @paper: the page size
 *
 * Pages of @document. They hold fonts of their own: make and use them in one thread at a time.
 */
CsnDocumentPages *
csn_document_pages_new (CsnDocument *document,
                        CsnPaper     paper)
{
  CsnDocumentPages *self;
  double width, height;

  g_return_val_if_fail (CSN_IS_DOCUMENT (document), NULL);

  csn_paper_get_size (paper, &width, &height);
  self = csn_document_pages_new_for_size (document, width, height);
  self->paper = paper;
  return self;
}

/**
 * csn_document_pages_new_for_size:
 * @width: of the paper, in points
 * @height: of the paper, in points
 *
 * Pages on a paper of any size (a printer's), with the document's margins.
 */
CsnDocumentPages *
csn_document_pages_new_for_size (CsnDocument *document,
                                 double       width,
                                 double       height)
{
  CsnDocumentPages *self;

  g_return_val_if_fail (CSN_IS_DOCUMENT (document), NULL);
  /* Room for the margins, the header block and a table's narrowest column. */
  g_return_val_if_fail (width >= 2 * CSN_PAGE_MARGIN_SIDE + 144 && height >= 288, NULL);

  self = g_object_new (CSN_TYPE_DOCUMENT_PAGES, NULL);
  self->document = g_object_ref (document);
  self->paper = height / width < 1.35 ? CSN_PAPER_LETTER : CSN_PAPER_A4;
  self->width = width;
  self->height = height;
  self->body_width = self->width - 2 * CSN_PAGE_MARGIN_SIDE;
  self->body_height = self->height - CSN_PAGE_MARGIN_TOP - CSN_PAGE_MARGIN_BOTTOM;
  self->fonts = csn_fonts_new ();
  return self;
}

CsnDocument *
csn_document_pages_get_document (CsnDocumentPages *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), NULL);
  return self->document;
}

CsnPaper
csn_document_pages_get_paper (CsnDocumentPages *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), CSN_PAPER_A4);
  return self->paper;
}

void
csn_document_pages_get_page_size (CsnDocumentPages *self,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PAGES (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/* Layout of the pieces */

static CsnLines *
layout_text (CsnDocumentPages      *self,
             CsnDocumentStyle       style,
             const CsnDocumentText *text,
             const char            *number,
             double                 width,
             CsnPageAlign           align,
             gboolean               bold)
{
  const CsnPageStyle *spec = &styles[style];
  CsnLinesSpec lines = { 0 };

  lines.style = style;
  lines.text = text;
  lines.number = number;
  lines.width = width;
  lines.align = align;
  lines.size = spec->size;
  lines.leading = spec->leading;
  lines.indent = spec->indent;
  lines.hanging = spec->hanging;
  lines.bold = spec->bold || bold;
  lines.italic = spec->italic;
  return csn_lines_new (self->fonts, &lines);
}

static CsnLines *
layout_block (CsnDocumentPages       *self,
              const CsnDocumentBlock *block)
{
  return layout_text (self, block->style, &block->text, block->number, self->body_width,
                      styles[block->style].align, FALSE);
}

static CsnLines *
layout_note (CsnDocumentPages *self,
             guint             footnote)
{
  const CsnDocumentFootnote *note = csn_document_get_footnote (self->document, footnote);
  CsnLinesSpec lines = { 0 };
  char number[16];

  g_snprintf (number, sizeof number, "%u", footnote + 1);
  lines.style = CSN_DOCUMENT_STYLE_FOOTNOTE;
  lines.text = &note->text;
  lines.number = number;
  lines.superscript_number = TRUE;
  lines.width = self->body_width;
  lines.align = styles[CSN_DOCUMENT_STYLE_FOOTNOTE].align;
  lines.size = styles[CSN_DOCUMENT_STYLE_FOOTNOTE].size;
  lines.leading = styles[CSN_DOCUMENT_STYLE_FOOTNOTE].leading;
  lines.hanging = 8.0;
  return csn_lines_new (self->fonts, &lines);
}

static double
column_x (const CsnDocumentTable *table,
          guint                   column,
          double                  width)
{
  double x = 0;

  for (guint c = 0; c < column; c++)
    x += table->widths[c] * width;
  return x;
}

static double
cell_width (const CsnDocumentTable *table,
            const CsnDocumentRow   *row,
            guint                   cell,
            double                  width)
{
  if (row->flags & CSN_DOCUMENT_ROW_GROUP)
    return width;
  return table->widths[cell] * width;
}

static CsnLines *
layout_cell (CsnDocumentPages       *self,
             const CsnDocumentTable *table,
             const CsnDocumentRow   *row,
             guint                   cell)
{
  const CsnDocumentCell *c = &row->cells[cell];

  return layout_text (self, CSN_DOCUMENT_STYLE_TABLE, &c->text, NULL,
                      cell_width (table, row, cell, self->body_width) - 2 * CSN_PAGE_CELL_PADDING,
                      c->align == CSN_DOCUMENT_ALIGN_CENTER ? CSN_PAGE_ALIGN_CENTER : CSN_PAGE_ALIGN_START,
                      FALSE);
}

/* Pagination */

typedef struct {
  CsnDocumentPages *self;
  Page              page;
  double            y;          /* the body's cursor */
  NoteMetrics      *metrics;    /* by footnote, filled when first needed */
  guint             pending;    /* a footnote that runs onto the next page, or WHOLE */
  guint             pending_line;
  GCancellable     *cancellable;
} Paginator;

static NoteMetrics *
note_metrics (Paginator *p,
              guint      footnote)
{
  NoteMetrics *m = &p->metrics[footnote];

  if (m->heights == NULL)
    {
      g_autoptr(CsnLines) lines = layout_note (p->self, footnote);

      m->n = csn_lines_get_n_lines (lines);
      m->heights = g_new (float, MAX (m->n, 1));
      for (guint i = 0; i < m->n; i++)
        m->heights[i] = csn_lines_get_line_height (lines, i);
      m->total = csn_lines_get_height (lines);
    }
  return m;
}

static double
notes_total (Paginator *p)
{
  return p->page.n_notes > 0 ? p->page.notes_height + NOTE_SEPARATOR : 0;
}

static double
room (Paginator *p)
{
  return p->self->body_height - p->y - notes_total (p);
}

static gboolean
page_is_empty (Paginator *p)
{
  return p->page.n_placements == 0 && p->page.n_notes == 0;
}

static void
add_note (Paginator *p,
          guint      footnote,
          guint      first,
          guint      n)
{
  NoteMetrics *m = note_metrics (p, footnote);
  NotePlacement note = { footnote, first, n, p->page.notes_height, 0 };

  if (p->page.n_notes > 0)
    note.y += NOTE_GAP;
  for (guint i = first; i < first + n; i++)
    note.height += m->heights[i];
  g_array_append_val (p->self->notes, note);
  p->page.n_notes++;
  p->page.notes_height = note.y + note.height;
}

/* What the notes of a line need on this page: whole notes, or the first lines of a big one. */
static double
notes_need (Paginator *p,
            guint     *footnotes,
            guint      n_footnotes,
            gboolean   first_on_page)
{
  double need = 0;

  for (guint i = 0; i < n_footnotes; i++)
    {
      NoteMetrics *m = note_metrics (p, footnotes[i]);

      need += first_on_page && i == 0 ? NOTE_SEPARATOR : NOTE_GAP;
      if (m->total > p->self->body_height * BIG_NOTE_SHARE)
        for (guint l = 0; l < MIN (m->n, BIG_NOTE_LINES); l++)
          need += m->heights[l];
      else
        need += m->total;
    }
  return need;
}

static void
start_page (Paginator *p);

static void
finish_page (Paginator *p)
{
  g_array_append_val (p->self->pages, p->page);
  start_page (p);
}

/* Places the notes of a line; a big one takes what is left and runs onto the next page. */
static void
place_notes (Paginator *p,
             guint     *footnotes,
             guint      n_footnotes)
{
  for (guint i = 0; i < n_footnotes; i++)
    {
      NoteMetrics *m = note_metrics (p, footnotes[i]);
      double left = room (p) - (p->page.n_notes > 0 ? NOTE_GAP : NOTE_SEPARATOR);
      guint n = 0;
      double h = 0;

      while (n < m->n && h + m->heights[n] <= left + 0.01)
        h += m->heights[n++];
      if (m->total <= p->self->body_height * BIG_NOTE_SHARE || n >= m->n)
        n = m->n;
      n = MAX (n, MIN (m->n, 1));
      add_note (p, footnotes[i], 0, n);
      if (n < m->n)
        {
          p->pending = footnotes[i];
          p->pending_line = n;
        }
    }
}

static void
start_page (Paginator *p)
{
  NoteMetrics *m;
  guint n = 0;
  double h = 0;

  p->page = (Page) { p->self->placements->len, 0, p->self->notes->len, 0, 0 };
  p->y = 0;
  if (p->pending == WHOLE)
    return;

  /* The rest of a big note comes first, as much as the page holds. */
  m = note_metrics (p, p->pending);
  while (p->pending_line + n < m->n &&
         h + m->heights[p->pending_line + n] <= p->self->body_height - NOTE_SEPARATOR + 0.01)
    h += m->heights[p->pending_line + n++];
  n = MAX (n, 1);
  add_note (p, p->pending, p->pending_line, n);
  p->pending_line += n;
  if (p->pending_line >= m->n)
    p->pending = WHOLE;
}

static void
add_placement (Paginator *p,
               guint      block,
               guint      row,
               guint      first,
               guint      n,
               double     y,
               double     height)
{
  Placement placement = { block, row, first, n, y, height };

  g_array_append_val (p->self->placements, placement);
  p->page.n_placements++;
}

/* The footnotes referred to from line @line. */
static guint
line_notes (CsnLines *lines,
            guint     line,
            guint    *out,
            guint     max)
{
  guint n = 0;

  for (guint i = 0; i < csn_lines_get_n_refs (lines) && n < max; i++)
    {
      guint footnote, at;

      csn_lines_get_ref (lines, i, &footnote, &at);
      if (at == line)
        out[n++] = footnote;
    }
  return n;
}

#define MAX_LINE_NOTES 64

static void
place_paragraph (Paginator *p,
                 guint      index,
                 CsnLines  *lines,
                 double     need_after)
{
  const CsnDocumentBlock *block = csn_document_get_block (p->self->document, index);
  const CsnPageStyle *style = &styles[block->style];
  guint n = csn_lines_get_n_lines (lines);
  guint i = 0;
  guint footnotes[MAX_LINE_NOTES];

  if ((block->flags & CSN_DOCUMENT_BLOCK_PAGE_BREAK_BEFORE) && !page_is_empty (p))
    finish_page (p);

  while (i < n)
    {
      double before = p->page.n_placements > 0 && i == 0 ? style->space_before : 0;
      double available = room (p) - before;
      double used = 0, notes = 0;
      gboolean first_note = p->page.n_notes == 0;
      guint k = 0;

      while (i + k < n)
        {
          double height = csn_lines_get_line_height (lines, i + k);
          guint n_notes = line_notes (lines, i + k, footnotes, MAX_LINE_NOTES);
          double need = notes_need (p, footnotes, n_notes, first_note && notes == 0);
          double after = i + k == n - 1 ? need_after : 0;

          if (used + height + notes + need + after > available + 0.01)
            break;
          used += height;
          notes += need;
          k++;
        }

      if (k < n - i)
        {
          /* No widow (a last line alone at the top of a page), no orphan (a first line alone at
           * the foot of one). */
          if (n - i - k == 1 && k >= 2)
            k--;
          if (i == 0 && k == 1 && n >= 2)
            k = 0;
        }
      if (k == 0)
        {
          if (!page_is_empty (p))
            {
              finish_page (p);
              continue;
            }
          /* Nothing fits even on an empty page: set one line anyway, so that the text goes on. */
          k = 1;
        }

      used = 0;
      for (guint l = i; l < i + k; l++)
        used += csn_lines_get_line_height (lines, l);
      add_placement (p, index, WHOLE, i, k, p->y + before, used);
      p->y += before + used;
      for (guint l = i; l < i + k; l++)
        {
          guint n_notes = line_notes (lines, l, footnotes, MAX_LINE_NOTES);

          if (n_notes > 0)
            place_notes (p, footnotes, n_notes);
        }
      i += k;
      if (i < n)
        finish_page (p);
    }

  p->y += style->space_after;
  if (block->flags & CSN_DOCUMENT_BLOCK_RULE_BELOW)
    p->y += RULE_SPACE;
}

typedef struct {
  CsnLines **cells;
  guint      n_cells;
  guint     *next;       /* the first line of each cell still to place */
  double     height;     /* of the whole row, padding included */
} RowLayout;

static void
row_layout_init (CsnDocumentPages       *self,
                 RowLayout              *layout,
                 const CsnDocumentTable *table,
                 const CsnDocumentRow   *row)
{
  layout->n_cells = row->n_cells;
  layout->cells = g_new0 (CsnLines *, row->n_cells);
  layout->next = g_new0 (guint, row->n_cells);
  layout->height = 0;
  for (guint c = 0; c < row->n_cells; c++)
    {
      layout->cells[c] = layout_cell (self, table, row, c);
      layout->height = MAX (layout->height, csn_lines_get_height (layout->cells[c]));
    }
  layout->height += 2 * CSN_PAGE_CELL_PADDING;
}

static void
row_layout_clear (RowLayout *layout)
{
  for (guint c = 0; c < layout->n_cells; c++)
    csn_lines_free (layout->cells[c]);
  g_free (layout->cells);
  g_free (layout->next);
}

static double
row_height (CsnDocumentPages       *self,
            const CsnDocumentTable *table,
            guint                   r)
{
  RowLayout layout;
  double height;

  row_layout_init (self, &layout, table, &table->rows[r]);
  height = layout.height;
  row_layout_clear (&layout);
  return height;
}

static void
place_header_rows (Paginator              *p,
                   guint                   index,
                   const CsnDocumentTable *table,
                   const double           *header_heights,
                   guint                   n_header)
{
  for (guint r = 0; r < n_header; r++)
    {
      add_placement (p, index, r, WHOLE, 0, p->y, header_heights[r]);
      p->y += header_heights[r];
    }
}

/* Places the rest of a row taller than the room left, line by line, page after page. */
static void
place_split_row (Paginator              *p,
                 guint                   index,
                 const CsnDocumentTable *table,
                 guint                   r,
                 RowLayout              *layout,
                 const double           *header_heights,
                 guint                   n_header,
                 double                  header_height)
{
  const double min_piece = styles[CSN_DOCUMENT_STYLE_TABLE].leading + 2 * CSN_PAGE_CELL_PADDING;

  for (;;)
    {
      double available = room (p) - 2 * CSN_PAGE_CELL_PADDING;
      double piece = 0;
      gboolean done = TRUE;
      guint first_range = p->self->cell_ranges->len;

      if (available + 2 * CSN_PAGE_CELL_PADDING < min_piece && !page_is_empty (p))
        {
          finish_page (p);
          place_header_rows (p, index, table, header_heights, n_header);
          continue;
        }

      for (guint c = 0; c < layout->n_cells; c++)
        {
          CsnLines *lines = layout->cells[c];
          guint total = csn_lines_get_n_lines (lines);
          guint first = layout->next[c];
          guint k = 0;
          double h = 0;

          while (first + k < total && h + csn_lines_get_line_height (lines, first + k) <= available + 0.01)
            h += csn_lines_get_line_height (lines, first + k++);
          if (k == 0 && first < total && p->y <= header_height + 0.01)
            h += csn_lines_get_line_height (lines, first + k++);
          g_array_append_val (p->self->cell_ranges, first);
          g_array_append_val (p->self->cell_ranges, k);
          layout->next[c] = first + k;
          piece = MAX (piece, h);
          if (first + k < total)
            done = FALSE;
        }

      piece += 2 * CSN_PAGE_CELL_PADDING;
      add_placement (p, index, r, first_range, 0, p->y, piece);
      p->y += piece;
      if (done)
        return;
      finish_page (p);
      place_header_rows (p, index, table, header_heights, n_header);
    }
}

static void
place_table (Paginator *p,
             guint      index)
{
  const CsnDocumentBlock *block = csn_document_get_block (p->self->document, index);
  const CsnDocumentTable *table = block->table;
  g_autofree double *header_heights = g_new0 (double, table->n_rows + 1);
  guint n_header = 0;
  double header_height = 0;
  double min_row = styles[CSN_DOCUMENT_STYLE_TABLE].leading + 2 * CSN_PAGE_CELL_PADDING;

  while (n_header < table->n_rows && (table->rows[n_header].flags & CSN_DOCUMENT_ROW_HEADER))
    {
      header_heights[n_header] = row_height (p->self, table, n_header);
      header_height += header_heights[n_header];
      n_header++;
    }
  /* A header row alone at the foot of a page is no use. */
  if (room (p) < header_height + min_row && !page_is_empty (p))
    finish_page (p);
  place_header_rows (p, index, table, header_heights, n_header);

  for (guint r = n_header; r < table->n_rows; r++)
    {
      const CsnDocumentRow *row = &table->rows[r];
      double keep = (row->flags & CSN_DOCUMENT_ROW_GROUP) ? min_row + styles[CSN_DOCUMENT_STYLE_TABLE].leading : 0;
      RowLayout layout;

      if (r % 64 == 0 && g_cancellable_is_cancelled (p->cancellable))
        return;

      row_layout_init (p->self, &layout, table, row);
      if (layout.height + keep > room (p) + 0.01 &&
          layout.height <= p->self->body_height - header_height - notes_total (p) &&
          p->y > header_height + 0.01)
        {
          finish_page (p);
          place_header_rows (p, index, table, header_heights, n_header);
        }
      if (layout.height <= room (p) + 0.01)
        {
          add_placement (p, index, r, WHOLE, 0, p->y, layout.height);
          p->y += layout.height;
        }
      else
        place_split_row (p, index, table, r, &layout, header_heights, n_header, header_height);
      row_layout_clear (&layout);
    }
  p->y += styles[CSN_DOCUMENT_STYLE_BODY].space_after;
}

/* What a heading needs below it on its page: the headings that follow it, and two lines. */
static double
keep_height (CsnDocumentPages *self,
             guint             index)
{
  guint n_blocks = csn_document_get_n_blocks (self->document);
  double need = 0;

  for (guint i = index + 1; i < n_blocks; i++)
    {
      const CsnDocumentBlock *next = csn_document_get_block (self->document, i);
      const CsnPageStyle *style = &styles[next->style];

      if (next->flags & CSN_DOCUMENT_BLOCK_PAGE_BREAK_BEFORE)
        break;
      if (next->kind == CSN_DOCUMENT_BLOCK_TABLE)
        return need + 3 * (styles[CSN_DOCUMENT_STYLE_TABLE].leading + 2 * CSN_PAGE_CELL_PADDING);
      if (next->flags & CSN_DOCUMENT_BLOCK_KEEP_WITH_NEXT)
        {
          g_autoptr(CsnLines) lines = layout_block (self, next);

          need += style->space_before + csn_lines_get_height (lines) + style->space_after;
          continue;
        }
      return need + style->space_before + 2 * style->leading;
    }
  return need;
}

/**
 * csn_document_pages_paginate:
 * @cancellable: (nullable): stops a long pagination
 *
 * Breaks the document into pages, once; csn_document_pages_get_n_pages() does it when needed.
 * Returns: false when cancelled (the pages are then empty)
 */
gboolean
csn_document_pages_paginate (CsnDocumentPages *self,
                             GCancellable     *cancellable)
{
  guint n_blocks, n_notes;
  Paginator p = { 0 };

  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), FALSE);

  if (self->paginated)
    return TRUE;

  n_blocks = csn_document_get_n_blocks (self->document);
  n_notes = csn_document_get_n_footnotes (self->document);
  p.self = self;
  p.metrics = g_new0 (NoteMetrics, n_notes + 1);
  p.pending = WHOLE;
  p.cancellable = cancellable;
  start_page (&p);

  for (guint i = 0; i < n_blocks; i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (self->document, i);

      if (i % 64 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (block->kind == CSN_DOCUMENT_BLOCK_TABLE)
        place_table (&p, i);
      else
        {
          g_autoptr(CsnLines) lines = layout_block (self, block);
          double need_after = (block->flags & CSN_DOCUMENT_BLOCK_KEEP_WITH_NEXT) ? keep_height (self, i) : 0;

          place_paragraph (&p, i, lines, need_after);
        }
    }
  /* The rest of a big last note. */
  while (p.pending != WHOLE && !g_cancellable_is_cancelled (cancellable))
    finish_page (&p);
  if (!page_is_empty (&p) || self->pages->len == 0)
    g_array_append_val (self->pages, p.page);

  for (guint i = 0; i < n_notes; i++)
    g_free (p.metrics[i].heights);
  g_free (p.metrics);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_array_set_size (self->pages, 0);
      g_array_set_size (self->placements, 0);
      g_array_set_size (self->notes, 0);
      g_array_set_size (self->cell_ranges, 0);
      return FALSE;
    }
  self->paginated = TRUE;
  return TRUE;
}

guint
csn_document_pages_get_n_pages (CsnDocumentPages *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), 0);

  csn_document_pages_paginate (self, NULL);
  return self->pages->len;
}

/* Drawing */

static void
draw_plain (CsnDocumentPages *self,
            cairo_t          *cr,
            const char       *text,
            guint             flags,
            CsnPageAlign      align,
            double            y)
{
  CsnDocumentRun run = { text, strlen (text), flags, csn_document_get_language (self->document), 0 };
  CsnDocumentText runs = { &run, 1 };
  g_autoptr(CsnLines) lines = NULL;

  if (text[0] == '\0')
    return;
  lines = layout_text (self, CSN_DOCUMENT_STYLE_FOOTNOTE, &runs, NULL, self->body_width, align, FALSE);
  /* One line: a long title is cut by the page, not wrapped into the body. */
  csn_lines_draw (lines, cr, 0, 1, CSN_PAGE_MARGIN_SIDE, y);
  csn_fonts_flush (self->fonts, cr);
}

static void
draw_furniture (CsnDocumentPages *self,
                cairo_t          *cr,
                guint             page)
{
  CsnDocument *doc = self->document;
  const double line = styles[CSN_DOCUMENT_STYLE_FOOTNOTE].leading;
  g_autofree char *label = csn_document_format_page_label (doc, page + 1, self->pages->len);
  double header_y = CSN_PAGE_HEADER_DISTANCE;

  if (page == 0)
    draw_plain (self, cr, csn_document_get_first_header (doc), CSN_DOCUMENT_RUN_BOLD, CSN_PAGE_ALIGN_END, header_y);
  else
    {
      draw_plain (self, cr, csn_document_get_header_start (doc), CSN_DOCUMENT_RUN_ITALIC, CSN_PAGE_ALIGN_START, header_y);
      draw_plain (self, cr, csn_document_get_header_end (doc), CSN_DOCUMENT_RUN_BOLD, CSN_PAGE_ALIGN_END, header_y);
    }
  draw_plain (self, cr, label, 0, CSN_PAGE_ALIGN_CENTER, self->height - CSN_PAGE_FOOTER_DISTANCE - line);
}

static void
draw_row (CsnDocumentPages       *self,
          cairo_t                *cr,
          const CsnDocumentTable *table,
          const Placement        *placement,
          double                  top)
{
  const CsnDocumentRow *row = &table->rows[placement->row];
  double left = CSN_PAGE_MARGIN_SIDE;

  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autoptr(CsnLines) lines = layout_cell (self, table, row, c);
      double x = left + ((row->flags & CSN_DOCUMENT_ROW_GROUP) ? 0 : column_x (table, c, self->body_width));
      double w = cell_width (table, row, c, self->body_width);
      guint first = 0, n = csn_lines_get_n_lines (lines);

      if (placement->first != WHOLE)
        {
          first = g_array_index (self->cell_ranges, guint, placement->first + 2 * c);
          n = g_array_index (self->cell_ranges, guint, placement->first + 2 * c + 1);
        }
      if (row->flags & (CSN_DOCUMENT_ROW_HEADER | CSN_DOCUMENT_ROW_GROUP))
        {
          double shade = (row->flags & CSN_DOCUMENT_ROW_HEADER) ? 0.85 : 0.95;

          cairo_set_source_rgb (cr, shade, shade, shade);
          cairo_rectangle (cr, x, top, w, placement->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      if (n > 0)
        csn_lines_draw (lines, cr, first, n, x + CSN_PAGE_CELL_PADDING, top + CSN_PAGE_CELL_PADDING);

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, top, w, placement->height);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

/**
 * csn_document_pages_draw_page:
 * @cr: where to draw, in points with the page's top left corner at the origin (scale it for a
 *   preview; a print context is already so)
 * @page: from 0
 *
 * Draws page @page: its header and footer, its text, tables and footnotes, in black on the
 * existing background.
 */
void
csn_document_pages_draw_page (CsnDocumentPages *self,
                              cairo_t          *cr,
                              guint             page)
{
  const Page *p;
  double notes_top;

  g_return_if_fail (CSN_IS_DOCUMENT_PAGES (self));
  g_return_if_fail (cr != NULL);

  csn_document_pages_paginate (self, NULL);
  g_return_if_fail (page < self->pages->len);
  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_furniture (self, cr, page);

  for (guint i = 0; i < p->n_placements; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, p->first_placement + i);
      const CsnDocumentBlock *block = csn_document_get_block (self->document, placement->block);
      double top = CSN_PAGE_MARGIN_TOP + placement->y;

      if (block->kind == CSN_DOCUMENT_BLOCK_TABLE)
        draw_row (self, cr, block->table, placement, top);
      else
        {
          g_autoptr(CsnLines) lines = layout_block (self, block);

          csn_lines_draw (lines, cr, placement->first, placement->n, CSN_PAGE_MARGIN_SIDE, top);
          if ((block->flags & CSN_DOCUMENT_BLOCK_RULE_BELOW) &&
              placement->first + placement->n == csn_lines_get_n_lines (lines))
            {
              double y = top + placement->height + RULE_SPACE / 2;

              cairo_set_line_width (cr, 0.75);
              cairo_move_to (cr, CSN_PAGE_MARGIN_SIDE, y);
              cairo_line_to (cr, CSN_PAGE_MARGIN_SIDE + self->body_width, y);
              cairo_stroke (cr);
            }
        }
    }

  if (p->n_notes > 0)
    {
      notes_top = CSN_PAGE_MARGIN_TOP + self->body_height - p->notes_height;
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, CSN_PAGE_MARGIN_SIDE, notes_top - NOTE_SEPARATOR / 2);
      cairo_line_to (cr, CSN_PAGE_MARGIN_SIDE + self->body_width / 3, notes_top - NOTE_SEPARATOR / 2);
      cairo_stroke (cr);
      for (guint i = 0; i < p->n_notes; i++)
        {
          const NotePlacement *note = &g_array_index (self->notes, NotePlacement, p->first_note + i);
          g_autoptr(CsnLines) lines = layout_note (self, note->footnote);

          csn_lines_draw (lines, cr, note->first, note->n, CSN_PAGE_MARGIN_SIDE, notes_top + note->y);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  csn_fonts_flush (self->fonts, cr);
  cairo_restore (cr);
}

/**
 * csn_document_pages_find_block:
 * @block: a block of the document
 * @page: (out) (optional): the page it starts on
 * @y: (out) (optional): its top on that page, in points
 * @height: (out) (optional): how much of it is on that page, in points
 *
 * Where a block starts: for the PDF's outline, and for a preview that scrolls to a paragraph and
 * highlights it.
 */
gboolean
csn_document_pages_find_block (CsnDocumentPages *self,
                               guint             block,
                               guint            *page,
                               double           *y,
                               double           *height)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), FALSE);

  csn_document_pages_paginate (self, NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      const Page *p = &g_array_index (self->pages, Page, i);

      for (guint j = 0; j < p->n_placements; j++)
        {
          const Placement *placement = &g_array_index (self->placements, Placement, p->first_placement + j);

          if (placement->block == block)
            {
              if (page != NULL)
                *page = i;
              if (y != NULL)
                *y = CSN_PAGE_MARGIN_TOP + placement->y;
              if (height != NULL)
                {
                  /* A table: all its rows on that page. */
                  *height = placement->height;
                  for (guint k = j + 1; k < p->n_placements; k++)
                    {
                      const Placement *next = &g_array_index (self->placements, Placement, p->first_placement + k);

                      if (next->block != block)
                        break;
                      *height = next->y + next->height - placement->y;
                    }
                }
              return TRUE;
            }
          if (placement->block > block)
            return FALSE;
        }
    }
  return FALSE;
}

/**
 * csn_document_pages_find_footnote:
 * @footnote: a footnote of the document
 * @page: (out): the page it starts on
 *
 * Where a footnote is set: on the page of its reference, unless it is too long to share one.
 */
gboolean
csn_document_pages_find_footnote (CsnDocumentPages *self,
                                  guint             footnote,
                                  guint            *page)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), FALSE);

  csn_document_pages_paginate (self, NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      const Page *p = &g_array_index (self->pages, Page, i);

      for (guint j = 0; j < p->n_notes; j++)
        if (g_array_index (self->notes, NotePlacement, p->first_note + j).footnote == footnote)
          {
            if (page != NULL)
              *page = i;
            return TRUE;
          }
    }
  return FALSE;
}

/**
 * csn_document_pages_hit_test:
 * @page: from 0
 * @x: in points from the page's left edge
 * @y: in points from its top
 * @source: (out): where the paragraph, table row or footnote under the point comes from
 *
 * Returns: whether something of the document is under the point
 */
gboolean
csn_document_pages_hit_test (CsnDocumentPages  *self,
                             guint              page,
                             double             x,
                             double             y,
                             CsnDocumentSource *source)
{
  const Page *p;

  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGES (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  csn_document_pages_paginate (self, NULL);
  if (page >= self->pages->len || x < CSN_PAGE_MARGIN_SIDE || x > CSN_PAGE_MARGIN_SIDE + self->body_width)
    return FALSE;
  p = &g_array_index (self->pages, Page, page);

  if (p->n_notes > 0 && y >= CSN_PAGE_MARGIN_TOP + self->body_height - p->notes_height)
    {
      double notes_top = CSN_PAGE_MARGIN_TOP + self->body_height - p->notes_height;

      for (guint i = 0; i < p->n_notes; i++)
        {
          const NotePlacement *note = &g_array_index (self->notes, NotePlacement, p->first_note + i);

          if (y >= notes_top + note->y && y < notes_top + note->y + note->height)
            {
              *source = csn_document_get_footnote (self->document, note->footnote)->source;
              return TRUE;
            }
        }
      return FALSE;
    }

  for (guint i = 0; i < p->n_placements; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, p->first_placement + i);
      const CsnDocumentBlock *block = csn_document_get_block (self->document, placement->block);
      double top = CSN_PAGE_MARGIN_TOP + placement->y;

      if (y < top || y >= top + placement->height)
        continue;
      if (block->kind == CSN_DOCUMENT_BLOCK_TABLE)
        *source = block->table->rows[placement->row].source;
      else
        *source = block->source;
      return TRUE;
    }
  return FALSE;
}
