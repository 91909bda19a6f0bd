/* csn-docx-writer.c: writes a CsnDocument as WordprocessingML through libgsf's Open Packaging
 * writer: heading styles, real footnotes, tables, language tags, page fields, properties. */
#define G_LOG_DOMAIN "csn-docx-writer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-libxml.h>
#include <gsf/gsf-open-pkg-utils.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "csn-docx-writer.h"
#include "csn-export.h"
#include "csn-safe-file.h"

#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_BASE  "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define EAST_ASIAN_FAMILY "Noto Serif CJK SC"

#define TWIPS(points) ((int) ((points) * 20.0 + 0.5))
#define CHECK_EVERY 256  /* blocks between cancellation checks */

typedef struct
{
  CsnDocument  *doc;
  CsnPaper      paper;
  const char   *tag;          /* the document's language tag */
  int           text_width;   /* twips */
  GCancellable *cancellable;
} Writer;

static const char *
style_id (CsnDocumentStyle style)
{
  static const char * const ids[CSN_DOCUMENT_N_STYLES] = {
    [CSN_DOCUMENT_STYLE_MASTHEAD] = "CsnMasthead",
    [CSN_DOCUMENT_STYLE_MEETING] = "CsnMeeting",
    [CSN_DOCUMENT_STYLE_STATUS] = "CsnStatus",
    [CSN_DOCUMENT_STYLE_TITLE] = "Title",
    [CSN_DOCUMENT_STYLE_HEADING_1] = "Heading1",
    [CSN_DOCUMENT_STYLE_HEADING_2] = "Heading2",
    [CSN_DOCUMENT_STYLE_HEADING_3] = "Heading3",
    [CSN_DOCUMENT_STYLE_BODY] = "BodyText",
    [CSN_DOCUMENT_STYLE_NUMBERED] = "CsnNumbered",
    [CSN_DOCUMENT_STYLE_SUBITEM] = "CsnSubItem",
    [CSN_DOCUMENT_STYLE_TABLE] = "CsnTableText",
    [CSN_DOCUMENT_STYLE_FOOTNOTE] = "FootnoteText",
  };

  return ids[style];
}

/* XML helpers */

static void
element_val (GsfXMLOut  *x,
             const char *name,
             const char *value)
{
  gsf_xml_out_start_element (x, name);
  gsf_xml_out_add_cstr_unchecked (x, "w:val", value);
  gsf_xml_out_end_element (x);
}

static void
element_int (GsfXMLOut  *x,
             const char *name,
             int         value)
{
  gsf_xml_out_start_element (x, name);
  gsf_xml_out_add_int (x, "w:val", value);
  gsf_xml_out_end_element (x);
}

static void
empty_element (GsfXMLOut  *x,
               const char *name)
{
  gsf_xml_out_start_element (x, name);
  gsf_xml_out_end_element (x);
}

static GsfXMLOut *
start_part (GsfOutput  *part,
            const char *root)
{
  GsfXMLOut *x = gsf_xml_out_new (part);

  /* Whitespace inside w:t is content. */
  gsf_xml_out_set_pretty_print (x, FALSE);
  gsf_xml_out_start_element (x, root);
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:w", NS_W);
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:r", NS_R);
  return x;
}

static gboolean
finish_part (GsfXMLOut *x,
             GsfOutput *part)
{
  gboolean ok;

  gsf_xml_out_end_element (x);
  g_object_unref (x);
  ok = gsf_output_close (part);
  g_object_unref (part);
  return ok;
}

/* Text: line ends become w:br, tabs w:tab; the text itself is clean (see csn-document.c). */
static void
write_text (GsfXMLOut  *x,
            const char *text,
            guint       length)
{
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *stop = p;

      while (stop < end && *stop != '\n' && *stop != '\t')
        stop++;
      if (stop > p)
        {
          g_autofree char *piece = g_strndup (p, stop - p);

          gsf_xml_out_start_element (x, "w:t");
          gsf_xml_out_add_cstr_unchecked (x, "xml:space", "preserve");
          gsf_xml_out_add_cstr (x, NULL, piece);
          gsf_xml_out_end_element (x);
        }
      if (stop < end)
        empty_element (x, *stop == '\n' ? "w:br" : "w:tab");
      p = stop + 1;
    }
}

static void
write_run (Writer               *w,
           GsfXMLOut            *x,
           const CsnDocumentRun *run)
{
  gboolean other_language = g_strcmp0 (csn_language_get_tag (run->language), w->tag) != 0;

  gsf_xml_out_start_element (x, "w:r");
  if (run->flags & CSN_DOCUMENT_RUN_FOOTNOTE)
    {
      gsf_xml_out_start_element (x, "w:rPr");
      element_val (x, "w:rStyle", "FootnoteReference");
      gsf_xml_out_end_element (x);
      gsf_xml_out_start_element (x, "w:footnoteReference");
      /* Ids 0 and -1 are the separators. */
      gsf_xml_out_add_uint (x, "w:id", run->footnote + 1);
      gsf_xml_out_end_element (x);
      gsf_xml_out_end_element (x);
      return;
    }
  if (run->flags & (CSN_DOCUMENT_RUN_BOLD | CSN_DOCUMENT_RUN_ITALIC | CSN_DOCUMENT_RUN_SUPERSCRIPT) ||
      other_language)
    {
      gsf_xml_out_start_element (x, "w:rPr");
      if (run->flags & CSN_DOCUMENT_RUN_BOLD)
        empty_element (x, "w:b");
      if (run->flags & CSN_DOCUMENT_RUN_ITALIC)
        empty_element (x, "w:i");
      if (run->flags & CSN_DOCUMENT_RUN_SUPERSCRIPT)
        element_val (x, "w:vertAlign", "superscript");
      if (other_language)
        element_val (x, "w:lang", csn_language_get_tag (run->language));
      gsf_xml_out_end_element (x);
    }
  write_text (x, run->text, run->length);
  gsf_xml_out_end_element (x);
}

static void
write_runs (Writer                *w,
            GsfXMLOut             *x,
            const CsnDocumentText *text)
{
  for (guint i = 0; i < text->n_runs; i++)
    write_run (w, x, &text->runs[i]);
}

static void
write_plain_run (GsfXMLOut  *x,
                 const char *text)
{
  gsf_xml_out_start_element (x, "w:r");
  write_text (x, text, strlen (text));
  gsf_xml_out_end_element (x);
}

static void
write_paragraph (Writer                 *w,
                 GsfXMLOut              *x,
                 const CsnDocumentBlock *block)
{
  gsf_xml_out_start_element (x, "w:p");
  gsf_xml_out_start_element (x, "w:pPr");
  element_val (x, "w:pStyle", style_id (block->style));
  if (block->flags & CSN_DOCUMENT_BLOCK_KEEP_WITH_NEXT)
    empty_element (x, "w:keepNext");
  if (block->flags & CSN_DOCUMENT_BLOCK_PAGE_BREAK_BEFORE)
    empty_element (x, "w:pageBreakBefore");
  if (block->flags & CSN_DOCUMENT_BLOCK_RULE_BELOW)
    {
      gsf_xml_out_start_element (x, "w:pBdr");
      gsf_xml_out_start_element (x, "w:bottom");
      gsf_xml_out_add_cstr_unchecked (x, "w:val", "single");
      gsf_xml_out_add_int (x, "w:sz", 6);
      gsf_xml_out_add_int (x, "w:space", 4);
      gsf_xml_out_add_cstr_unchecked (x, "w:color", "auto");
      gsf_xml_out_end_element (x);
      gsf_xml_out_end_element (x);
    }
  gsf_xml_out_end_element (x);  /* w:pPr */

  if (block->number != NULL)
    {
      write_plain_run (x, block->number);
      gsf_xml_out_start_element (x, "w:r");
      empty_element (x, "w:tab");
      gsf_xml_out_end_element (x);
    }
  write_runs (w, x, &block->text);
  gsf_xml_out_end_element (x);  /* w:p */
}

static void
write_cell (Writer                *w,
            GsfXMLOut             *x,
            const CsnDocumentCell *cell,
            int                    width,
            guint                  span,
            guint                  row_flags)
{
  gsf_xml_out_start_element (x, "w:tc");
  gsf_xml_out_start_element (x, "w:tcPr");
  gsf_xml_out_start_element (x, "w:tcW");
  gsf_xml_out_add_int (x, "w:w", width);
  gsf_xml_out_add_cstr_unchecked (x, "w:type", "dxa");
  gsf_xml_out_end_element (x);
  if (span > 1)
    element_int (x, "w:gridSpan", span);
  if (row_flags & (CSN_DOCUMENT_ROW_HEADER | CSN_DOCUMENT_ROW_GROUP))
    {
      gsf_xml_out_start_element (x, "w:shd");
      gsf_xml_out_add_cstr_unchecked (x, "w:val", "clear");
      gsf_xml_out_add_cstr_unchecked (x, "w:color", "auto");
      gsf_xml_out_add_cstr_unchecked (x, "w:fill", (row_flags & CSN_DOCUMENT_ROW_HEADER) ? "D9D9D9" : "F2F2F2");
      gsf_xml_out_end_element (x);
    }
  gsf_xml_out_end_element (x);  /* w:tcPr */

  gsf_xml_out_start_element (x, "w:p");
  gsf_xml_out_start_element (x, "w:pPr");
  element_val (x, "w:pStyle", style_id (CSN_DOCUMENT_STYLE_TABLE));
  /* A delegation's name stays with its first participant. */
  if (row_flags & CSN_DOCUMENT_ROW_GROUP)
    empty_element (x, "w:keepNext");
  if (cell->align == CSN_DOCUMENT_ALIGN_CENTER)
    element_val (x, "w:jc", "center");
  gsf_xml_out_end_element (x);
  write_runs (w, x, &cell->text);
  gsf_xml_out_end_element (x);  /* w:p */
  gsf_xml_out_end_element (x);  /* w:tc */
}

static void
write_border (GsfXMLOut  *x,
              const char *name)
{
  gsf_xml_out_start_element (x, name);
  gsf_xml_out_add_cstr_unchecked (x, "w:val", "single");
  gsf_xml_out_add_int (x, "w:sz", 4);
  gsf_xml_out_add_int (x, "w:space", 0);
  gsf_xml_out_add_cstr_unchecked (x, "w:color", "808080");
  gsf_xml_out_end_element (x);
}

static void
write_table (Writer                 *w,
             GsfXMLOut              *x,
             const CsnDocumentTable *table)
{
  g_autofree int *widths = g_new (int, table->n_columns);
  int total = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      widths[c] = (int) (table->widths[c] * w->text_width);
      total += widths[c];
    }
  widths[table->n_columns - 1] += w->text_width - total;

  gsf_xml_out_start_element (x, "w:tbl");
  gsf_xml_out_start_element (x, "w:tblPr");
  gsf_xml_out_start_element (x, "w:tblW");
  gsf_xml_out_add_int (x, "w:w", w->text_width);
  gsf_xml_out_add_cstr_unchecked (x, "w:type", "dxa");
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:tblBorders");
  write_border (x, "w:top");
  write_border (x, "w:left");
  write_border (x, "w:bottom");
  write_border (x, "w:right");
  write_border (x, "w:insideH");
  write_border (x, "w:insideV");
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:tblLayout");
  gsf_xml_out_add_cstr_unchecked (x, "w:type", "fixed");
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:tblCellMar");
  gsf_xml_out_start_element (x, "w:left");
  gsf_xml_out_add_int (x, "w:w", TWIPS (CSN_PAGE_CELL_PADDING));
  gsf_xml_out_add_cstr_unchecked (x, "w:type", "dxa");
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:right");
  gsf_xml_out_add_int (x, "w:w", TWIPS (CSN_PAGE_CELL_PADDING));
  gsf_xml_out_add_cstr_unchecked (x, "w:type", "dxa");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);  /* w:tblPr */

  gsf_xml_out_start_element (x, "w:tblGrid");
  for (guint c = 0; c < table->n_columns; c++)
    {
      gsf_xml_out_start_element (x, "w:gridCol");
      gsf_xml_out_add_int (x, "w:w", widths[c]);
      gsf_xml_out_end_element (x);
    }
  gsf_xml_out_end_element (x);

  for (guint r = 0; r < table->n_rows; r++)
    {
      const CsnDocumentRow *row = &table->rows[r];

      gsf_xml_out_start_element (x, "w:tr");
      if (row->flags & CSN_DOCUMENT_ROW_HEADER)
        {
          gsf_xml_out_start_element (x, "w:trPr");
          empty_element (x, "w:cantSplit");
          empty_element (x, "w:tblHeader");
          gsf_xml_out_end_element (x);
        }
      if (row->flags & CSN_DOCUMENT_ROW_GROUP)
        write_cell (w, x, &row->cells[0], w->text_width, table->n_columns, row->flags);
      else
        for (guint c = 0; c < row->n_cells; c++)
          write_cell (w, x, &row->cells[c], widths[c], 1, row->flags);
      gsf_xml_out_end_element (x);  /* w:tr */
    }
  gsf_xml_out_end_element (x);  /* w:tbl */
}

static void
write_section_properties (Writer     *w,
                          GsfXMLOut  *x,
                          const char *header_id,
                          const char *first_header_id,
                          const char *footer_id)
{
  double width, height;
  const struct { const char *element, *type, *id; } references[] = {
    { "w:headerReference", "default", header_id },
    { "w:headerReference", "first", first_header_id },
    { "w:footerReference", "default", footer_id },
    { "w:footerReference", "first", footer_id },
  };

  csn_paper_get_size (w->paper, &width, &height);
  gsf_xml_out_start_element (x, "w:sectPr");
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      gsf_xml_out_start_element (x, references[i].element);
      gsf_xml_out_add_cstr_unchecked (x, "w:type", references[i].type);
      gsf_xml_out_add_cstr_unchecked (x, "r:id", references[i].id);
      gsf_xml_out_end_element (x);
    }
  gsf_xml_out_start_element (x, "w:pgSz");
  gsf_xml_out_add_int (x, "w:w", TWIPS (width));
  gsf_xml_out_add_int (x, "w:h", TWIPS (height));
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:pgMar");
  gsf_xml_out_add_int (x, "w:top", TWIPS (CSN_PAGE_MARGIN_TOP));
  gsf_xml_out_add_int (x, "w:right", TWIPS (CSN_PAGE_MARGIN_SIDE));
  gsf_xml_out_add_int (x, "w:bottom", TWIPS (CSN_PAGE_MARGIN_BOTTOM));
  gsf_xml_out_add_int (x, "w:left", TWIPS (CSN_PAGE_MARGIN_SIDE));
  gsf_xml_out_add_int (x, "w:header", TWIPS (CSN_PAGE_HEADER_DISTANCE));
  gsf_xml_out_add_int (x, "w:footer", TWIPS (CSN_PAGE_FOOTER_DISTANCE));
  gsf_xml_out_add_int (x, "w:gutter", 0);
  gsf_xml_out_end_element (x);
  /* The first page carries the header block; its own header shows only the status. */
  empty_element (x, "w:titlePg");
  gsf_xml_out_end_element (x);
}

static gboolean
write_document (Writer     *w,
                GsfOutput  *part,
                const char *header_id,
                const char *first_header_id,
                const char *footer_id,
                GError    **error)
{
  GsfXMLOut *x = start_part (part, "w:document");
  guint n_blocks = csn_document_get_n_blocks (w->doc);
  gboolean last_was_table = FALSE;

  gsf_xml_out_start_element (x, "w:body");
  for (guint i = 0; i < n_blocks; i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (w->doc, i);

      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (w->cancellable, error))
        {
          g_object_unref (x);
          gsf_output_close (part);
          g_object_unref (part);
          return FALSE;
        }
      if (block->kind == CSN_DOCUMENT_BLOCK_TABLE)
        write_table (w, x, block->table);
      else
        write_paragraph (w, x, block);
      last_was_table = block->kind == CSN_DOCUMENT_BLOCK_TABLE;
    }
  /* Word keeps a paragraph after a final table, so that one can type below it. */
  if (last_was_table)
    {
      gsf_xml_out_start_element (x, "w:p");
      gsf_xml_out_end_element (x);
    }
  write_section_properties (w, x, header_id, first_header_id, footer_id);
  gsf_xml_out_end_element (x);  /* w:body */
  return finish_part (x, part);
}

/* Styles: the document's look, and real heading styles (names Word and LibreOffice recognise). */

static void
write_fonts (GsfXMLOut *x)
{
  gsf_xml_out_start_element (x, "w:rFonts");
  gsf_xml_out_add_cstr_unchecked (x, "w:ascii", CSN_DOCUMENT_FONT_FAMILY);
  gsf_xml_out_add_cstr_unchecked (x, "w:hAnsi", CSN_DOCUMENT_FONT_FAMILY);
  /* Ideographs need a font that has them: word processors pick the East Asian font by script. */
  gsf_xml_out_add_cstr_unchecked (x, "w:eastAsia", EAST_ASIAN_FAMILY);
  gsf_xml_out_add_cstr_unchecked (x, "w:cs", CSN_DOCUMENT_FONT_FAMILY);
  gsf_xml_out_end_element (x);
}

typedef struct {
  const char *id;
  const char *name;
  const char *type;
  const char *based_on;
  const char *next;
  int         outline;      /* -1 for none */
  gboolean    keep_next;
  gboolean    bold;
  gboolean    italic;
  const char *jc;
  CsnDocumentStyle style;   /* for sizes and spacing, or -1 */
} StyleSpec;

static void
write_spacing (GsfXMLOut           *x,
               const CsnPageStyle  *spec)
{
  gsf_xml_out_start_element (x, "w:spacing");
  gsf_xml_out_add_int (x, "w:before", TWIPS (spec->space_before));
  gsf_xml_out_add_int (x, "w:after", TWIPS (spec->space_after));
  gsf_xml_out_add_int (x, "w:line", TWIPS (spec->leading));
  gsf_xml_out_add_cstr_unchecked (x, "w:lineRule", "atLeast");
  gsf_xml_out_end_element (x);
}

static void
write_style (Writer          *w,
             GsfXMLOut       *x,
             const StyleSpec *spec)
{
  const CsnPageStyle *page = (int) spec->style >= 0 ? csn_page_style_get (spec->style) : NULL;

  gsf_xml_out_start_element (x, "w:style");
  gsf_xml_out_add_cstr_unchecked (x, "w:type", spec->type);
  gsf_xml_out_add_cstr_unchecked (x, "w:styleId", spec->id);
  element_val (x, "w:name", spec->name);
  if (spec->based_on != NULL)
    element_val (x, "w:basedOn", spec->based_on);
  if (spec->next != NULL)
    element_val (x, "w:next", spec->next);
  empty_element (x, "w:qFormat");

  if (g_str_equal (spec->type, "paragraph"))
    {
      gsf_xml_out_start_element (x, "w:pPr");
      if (spec->keep_next)
        empty_element (x, "w:keepNext");
      if (g_str_equal (spec->id, "Header"))
        {
          gsf_xml_out_start_element (x, "w:tabs");
          gsf_xml_out_start_element (x, "w:tab");
          gsf_xml_out_add_cstr_unchecked (x, "w:val", "right");
          gsf_xml_out_add_int (x, "w:pos", w->text_width);
          gsf_xml_out_end_element (x);
          gsf_xml_out_end_element (x);
        }
      if (page != NULL)
        {
          write_spacing (x, page);
          if (page->indent > 0 || page->hanging > 0)
            {
              gsf_xml_out_start_element (x, "w:ind");
              gsf_xml_out_add_int (x, "w:left", TWIPS (page->indent + page->hanging));
              if (page->hanging > 0)
                gsf_xml_out_add_int (x, "w:hanging", TWIPS (page->hanging));
              gsf_xml_out_end_element (x);
            }
        }
      if (spec->jc != NULL)
        element_val (x, "w:jc", spec->jc);
      if (spec->outline >= 0)
        element_int (x, "w:outlineLvl", spec->outline);
      gsf_xml_out_end_element (x);
    }

  gsf_xml_out_start_element (x, "w:rPr");
  if (spec->bold)
    empty_element (x, "w:b");
  if (spec->italic)
    empty_element (x, "w:i");
  if (page != NULL)
    {
      element_int (x, "w:sz", (int) (page->size * 2));
      element_int (x, "w:szCs", (int) (page->size * 2));
    }
  if (g_str_equal (spec->id, "FootnoteReference"))
    element_val (x, "w:vertAlign", "superscript");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);  /* w:style */
}

static gboolean
write_styles (Writer    *w,
              GsfOutput *part)
{
  const StyleSpec styles[] = {
    { "Normal", "Normal", "paragraph", NULL, NULL, -1, FALSE, FALSE, FALSE, "both", CSN_DOCUMENT_STYLE_BODY },
    { "BodyText", "Body Text", "paragraph", "Normal", NULL, -1, FALSE, FALSE, FALSE, "both", CSN_DOCUMENT_STYLE_BODY },
    { "CsnMasthead", "Masthead", "paragraph", "Normal", "CsnMeeting", -1, TRUE, TRUE, FALSE, "left", CSN_DOCUMENT_STYLE_MASTHEAD },
    { "CsnMeeting", "Meeting", "paragraph", "Normal", NULL, -1, TRUE, FALSE, FALSE, "left", CSN_DOCUMENT_STYLE_MEETING },
    { "CsnStatus", "Document Status", "paragraph", "Normal", NULL, -1, TRUE, FALSE, FALSE, "right", CSN_DOCUMENT_STYLE_STATUS },
    { "Title", "Title", "paragraph", "Normal", "BodyText", -1, TRUE, TRUE, FALSE, "center", CSN_DOCUMENT_STYLE_TITLE },
    { "Heading1", "heading 1", "paragraph", "Normal", "CsnNumbered", 0, TRUE, TRUE, FALSE, "left", CSN_DOCUMENT_STYLE_HEADING_1 },
    { "Heading2", "heading 2", "paragraph", "Normal", "CsnNumbered", 1, TRUE, TRUE, FALSE, "left", CSN_DOCUMENT_STYLE_HEADING_2 },
    { "Heading3", "heading 3", "paragraph", "Normal", "CsnNumbered", 2, TRUE, TRUE, TRUE, "left", CSN_DOCUMENT_STYLE_HEADING_3 },
    { "CsnNumbered", "Numbered Paragraph", "paragraph", "Normal", "CsnNumbered", -1, FALSE, FALSE, FALSE, "both", CSN_DOCUMENT_STYLE_NUMBERED },
    { "CsnSubItem", "Sub-item", "paragraph", "Normal", "CsnSubItem", -1, FALSE, FALSE, FALSE, "both", CSN_DOCUMENT_STYLE_SUBITEM },
    { "CsnTableText", "Table Text", "paragraph", "Normal", NULL, -1, FALSE, FALSE, FALSE, "left", CSN_DOCUMENT_STYLE_TABLE },
    { "FootnoteText", "footnote text", "paragraph", "Normal", NULL, -1, FALSE, FALSE, FALSE, "both", CSN_DOCUMENT_STYLE_FOOTNOTE },
    { "FootnoteReference", "footnote reference", "character", NULL, NULL, -1, FALSE, FALSE, FALSE, NULL, -1 },
    { "Header", "header", "paragraph", "Normal", NULL, -1, FALSE, FALSE, TRUE, "left", CSN_DOCUMENT_STYLE_FOOTNOTE },
    { "Footer", "footer", "paragraph", "Normal", NULL, -1, FALSE, FALSE, FALSE, "center", CSN_DOCUMENT_STYLE_FOOTNOTE },
  };
  GsfXMLOut *x = start_part (part, "w:styles");
  const CsnPageStyle *body = csn_page_style_get (CSN_DOCUMENT_STYLE_BODY);

  gsf_xml_out_start_element (x, "w:docDefaults");
  gsf_xml_out_start_element (x, "w:rPrDefault");
  gsf_xml_out_start_element (x, "w:rPr");
  write_fonts (x);
  element_int (x, "w:sz", (int) (body->size * 2));
  element_int (x, "w:szCs", (int) (body->size * 2));
  gsf_xml_out_start_element (x, "w:lang");
  gsf_xml_out_add_cstr_unchecked (x, "w:val", w->tag);
  gsf_xml_out_add_cstr_unchecked (x, "w:eastAsia", "zh-CN");
  gsf_xml_out_add_cstr_unchecked (x, "w:bidi", "ar-SA");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:pPrDefault");
  gsf_xml_out_start_element (x, "w:pPr");
  empty_element (x, "w:widowControl");
  write_spacing (x, body);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);  /* w:docDefaults */

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_str_equal (styles[i].id, "Normal"))
        {
          /* The default paragraph style is marked as such. */
          gsf_xml_out_start_element (x, "w:style");
          gsf_xml_out_add_cstr_unchecked (x, "w:type", "paragraph");
          gsf_xml_out_add_cstr_unchecked (x, "w:default", "1");
          gsf_xml_out_add_cstr_unchecked (x, "w:styleId", "Normal");
          element_val (x, "w:name", "Normal");
          empty_element (x, "w:qFormat");
          gsf_xml_out_start_element (x, "w:pPr");
          element_val (x, "w:jc", "both");
          gsf_xml_out_end_element (x);
          gsf_xml_out_end_element (x);
          continue;
        }
      write_style (w, x, &styles[i]);
    }
  return finish_part (x, part);
}

static gboolean
write_settings (Writer    *w,
                GsfOutput *part)
{
  GsfXMLOut *x = start_part (part, "w:settings");

  element_int (x, "w:defaultTabStop", TWIPS (csn_page_style_get (CSN_DOCUMENT_STYLE_NUMBERED)->hanging));
  element_val (x, "w:characterSpacingControl", "doNotCompress");
  gsf_xml_out_start_element (x, "w:footnotePr");
  gsf_xml_out_start_element (x, "w:footnote");
  gsf_xml_out_add_int (x, "w:id", -1);
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:footnote");
  gsf_xml_out_add_int (x, "w:id", 0);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  /* Without it Word opens the file in compatibility mode. */
  gsf_xml_out_start_element (x, "w:compat");
  gsf_xml_out_start_element (x, "w:compatSetting");
  gsf_xml_out_add_cstr_unchecked (x, "w:name", "compatibilityMode");
  gsf_xml_out_add_cstr_unchecked (x, "w:uri", "http://schemas.microsoft.com/office/word");
  gsf_xml_out_add_cstr_unchecked (x, "w:val", "15");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:themeFontLang");
  gsf_xml_out_add_cstr_unchecked (x, "w:val", w->tag);
  gsf_xml_out_end_element (x);
  return finish_part (x, part);
}

static void
write_font (GsfXMLOut  *x,
            const char *name,
            const char *alternative,
            const char *charset)
{
  gsf_xml_out_start_element (x, "w:font");
  gsf_xml_out_add_cstr_unchecked (x, "w:name", name);
  element_val (x, "w:altName", alternative);
  element_val (x, "w:charset", charset);
  element_val (x, "w:family", "roman");
  element_val (x, "w:pitch", "variable");
  gsf_xml_out_end_element (x);
}

static gboolean
write_font_table (GsfOutput *part)
{
  GsfXMLOut *x = start_part (part, "w:fonts");

  /* Where a font is missing, Word picks a serif like it rather than its default sans. */
  write_font (x, CSN_DOCUMENT_FONT_FAMILY, "Times New Roman", "00");
  write_font (x, EAST_ASIAN_FAMILY, "SimSun", "86");
  return finish_part (x, part);
}

static void
write_separator_footnote (GsfXMLOut  *x,
                          int         id,
                          const char *type,
                          const char *separator)
{
  gsf_xml_out_start_element (x, "w:footnote");
  gsf_xml_out_add_cstr_unchecked (x, "w:type", type);
  gsf_xml_out_add_int (x, "w:id", id);
  gsf_xml_out_start_element (x, "w:p");
  gsf_xml_out_start_element (x, "w:pPr");
  gsf_xml_out_start_element (x, "w:spacing");
  gsf_xml_out_add_int (x, "w:after", 0);
  gsf_xml_out_add_int (x, "w:line", 240);
  gsf_xml_out_add_cstr_unchecked (x, "w:lineRule", "auto");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "w:r");
  empty_element (x, separator);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
}

static gboolean
write_footnotes (Writer    *w,
                 GsfOutput *part)
{
  GsfXMLOut *x = start_part (part, "w:footnotes");
  guint n = csn_document_get_n_footnotes (w->doc);

  write_separator_footnote (x, -1, "separator", "w:separator");
  write_separator_footnote (x, 0, "continuationSeparator", "w:continuationSeparator");
  for (guint i = 0; i < n; i++)
    {
      const CsnDocumentFootnote *note = csn_document_get_footnote (w->doc, i);

      gsf_xml_out_start_element (x, "w:footnote");
      gsf_xml_out_add_uint (x, "w:id", i + 1);
      gsf_xml_out_start_element (x, "w:p");
      gsf_xml_out_start_element (x, "w:pPr");
      element_val (x, "w:pStyle", style_id (CSN_DOCUMENT_STYLE_FOOTNOTE));
      gsf_xml_out_end_element (x);
      gsf_xml_out_start_element (x, "w:r");
      gsf_xml_out_start_element (x, "w:rPr");
      element_val (x, "w:rStyle", "FootnoteReference");
      gsf_xml_out_end_element (x);
      empty_element (x, "w:footnoteRef");
      gsf_xml_out_end_element (x);
      write_plain_run (x, " ");
      write_runs (w, x, &note->text);
      gsf_xml_out_end_element (x);  /* w:p */
      gsf_xml_out_end_element (x);  /* w:footnote */
    }
  return finish_part (x, part);
}

static gboolean
write_header (Writer     *w,
              GsfOutput  *part,
              const char *start,
              const char *end)
{
  GsfXMLOut *x = start_part (part, "w:hdr");

  gsf_xml_out_start_element (x, "w:p");
  gsf_xml_out_start_element (x, "w:pPr");
  element_val (x, "w:pStyle", "Header");
  if (start == NULL)
    element_val (x, "w:jc", "right");
  gsf_xml_out_end_element (x);
  if (start != NULL)
    {
      write_plain_run (x, start);
      gsf_xml_out_start_element (x, "w:r");
      empty_element (x, "w:tab");
      gsf_xml_out_end_element (x);
    }
  if (end != NULL && end[0] != '\0')
    {
      gsf_xml_out_start_element (x, "w:r");
      gsf_xml_out_start_element (x, "w:rPr");
      empty_element (x, "w:b");
      element_val (x, "w:i", "0");
      gsf_xml_out_end_element (x);
      write_text (x, end, strlen (end));
      gsf_xml_out_end_element (x);
    }
  gsf_xml_out_end_element (x);
  return finish_part (x, part);
}

static void
write_field (GsfXMLOut  *x,
             const char *instruction,
             const char *placeholder)
{
  gsf_xml_out_start_element (x, "w:r");
  gsf_xml_out_start_element (x, "w:fldChar");
  gsf_xml_out_add_cstr_unchecked (x, "w:fldCharType", "begin");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);

  gsf_xml_out_start_element (x, "w:r");
  gsf_xml_out_start_element (x, "w:instrText");
  gsf_xml_out_add_cstr_unchecked (x, "xml:space", "preserve");
  gsf_xml_out_add_cstr (x, NULL, instruction);
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);

  gsf_xml_out_start_element (x, "w:r");
  gsf_xml_out_start_element (x, "w:fldChar");
  gsf_xml_out_add_cstr_unchecked (x, "w:fldCharType", "separate");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);

  write_plain_run (x, placeholder);

  gsf_xml_out_start_element (x, "w:r");
  gsf_xml_out_start_element (x, "w:fldChar");
  gsf_xml_out_add_cstr_unchecked (x, "w:fldCharType", "end");
  gsf_xml_out_end_element (x);
  gsf_xml_out_end_element (x);
}

static gboolean
write_footer (Writer    *w,
              GsfOutput *part)
{
  GsfXMLOut *x = start_part (part, "w:ftr");
  const char *before, *between, *after;

  csn_document_get_page_label (w->doc, &before, &between, &after);
  gsf_xml_out_start_element (x, "w:p");
  gsf_xml_out_start_element (x, "w:pPr");
  element_val (x, "w:pStyle", "Footer");
  gsf_xml_out_end_element (x);
  if (before[0] != '\0')
    write_plain_run (x, before);
  write_field (x, " PAGE ", "1");
  if (between[0] != '\0')
    write_plain_run (x, between);
  write_field (x, " NUMPAGES ", "1");
  if (after[0] != '\0')
    write_plain_run (x, after);
  gsf_xml_out_end_element (x);
  return finish_part (x, part);
}

static char *
w3c_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_core_properties (Writer    *w,
                       GsfOutput *part)
{
  GsfXMLOut *x = gsf_xml_out_new (part);
  gboolean ok;
  g_autofree char *date = w3c_date (csn_document_get_date (w->doc));

  gsf_xml_out_start_element (x, "cp:coreProperties");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  gsf_xml_out_simple_element (x, "dc:title", csn_document_get_title (w->doc));
  gsf_xml_out_simple_element (x, "dc:subject", csn_document_get_subject (w->doc));
  gsf_xml_out_simple_element (x, "dc:creator", csn_document_get_author (w->doc));
  gsf_xml_out_simple_element (x, "cp:keywords", csn_document_get_keywords (w->doc));
  gsf_xml_out_simple_element (x, "dc:language", w->tag);
  gsf_xml_out_simple_element (x, "cp:lastModifiedBy", csn_document_get_author (w->doc));
  gsf_xml_out_start_element (x, "dcterms:created");
  gsf_xml_out_add_cstr_unchecked (x, "xsi:type", "dcterms:W3CDTF");
  gsf_xml_out_add_cstr_unchecked (x, NULL, date);
  gsf_xml_out_end_element (x);
  gsf_xml_out_start_element (x, "dcterms:modified");
  gsf_xml_out_add_cstr_unchecked (x, "xsi:type", "dcterms:W3CDTF");
  gsf_xml_out_add_cstr_unchecked (x, NULL, date);
  gsf_xml_out_end_element (x);
  gsf_xml_out_simple_element (x, "cp:contentStatus", csn_document_get_status_label (w->doc));
  gsf_xml_out_end_element (x);
  g_object_unref (x);
  ok = gsf_output_close (part);
  g_object_unref (part);
  return ok;
}

static gboolean
write_app_properties (Writer    *w,
                      GsfOutput *part)
{
  GsfXMLOut *x = gsf_xml_out_new (part);
  gboolean ok;

  gsf_xml_out_start_element (x, "Properties");
  gsf_xml_out_add_cstr_unchecked (x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  gsf_xml_out_simple_element (x, "Application", "Consenso " PACKAGE_VERSION);
  gsf_xml_out_simple_element (x, "Company", csn_document_get_organization (w->doc));
  gsf_xml_out_end_element (x);
  g_object_unref (x);
  ok = gsf_output_close (part);
  g_object_unref (part);
  return ok;
}

static GsfOutput *
add_part (GsfOutfile *dir,
          const char *name,
          const char *content_type,
          GsfOutfile *parent,
          const char *relation,
          const char **id)
{
  GsfOutput *part = gsf_outfile_new_child_full (dir, name, FALSE, "content-type", content_type, NULL);
  const char *rel = gsf_outfile_open_pkg_relate (GSF_OUTFILE_OPEN_PKG (part), GSF_OUTFILE_OPEN_PKG (parent),
                                                 relation);

  if (id != NULL)
    *id = rel;
  return part;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot export to report.docx: No space left on device" */
  g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE, _("Cannot export to %s: %s"),
               display, reason);
  return FALSE;
}

/* Every part, in the order Word writes them; false when one fails (@error is set only when
 * cancelled: the sink knows why a write failed). Every part is closed either way. */
static gboolean
write_package (Writer      *w,
               GsfOutfile  *package,
               GError     **error)
{
  GsfOutfile *props = GSF_OUTFILE (gsf_outfile_new_child (package, "docProps", TRUE));
  GsfOutfile *word = GSF_OUTFILE (gsf_outfile_new_child (package, "word", TRUE));
  GsfOutput *document;
  const char *header_id = NULL, *first_id = NULL, *footer_id = NULL;
  gboolean ok = TRUE;

  document = gsf_outfile_new_child_full (word, "document.xml", FALSE,
                                         "content-type", CT_BASE "document.main+xml", NULL);
  gsf_outfile_open_pkg_relate (GSF_OUTFILE_OPEN_PKG (document), GSF_OUTFILE_OPEN_PKG (package),
                               REL_BASE "officeDocument");

  ok = write_styles (w, add_part (word, "styles.xml", CT_BASE "styles+xml",
                                  GSF_OUTFILE (document), REL_BASE "styles", NULL)) && ok;
  ok = write_settings (w, add_part (word, "settings.xml", CT_BASE "settings+xml",
                                    GSF_OUTFILE (document), REL_BASE "settings", NULL)) && ok;
  ok = write_font_table (add_part (word, "fontTable.xml", CT_BASE "fontTable+xml",
                                   GSF_OUTFILE (document), REL_BASE "fontTable", NULL)) && ok;
  ok = write_footnotes (w, add_part (word, "footnotes.xml", CT_BASE "footnotes+xml",
                                     GSF_OUTFILE (document), REL_BASE "footnotes", NULL)) && ok;
  ok = write_header (w, add_part (word, "header1.xml", CT_BASE "header+xml",
                                  GSF_OUTFILE (document), REL_BASE "header", &header_id),
                     csn_document_get_header_start (w->doc), csn_document_get_header_end (w->doc)) && ok;
  ok = write_header (w, add_part (word, "header2.xml", CT_BASE "header+xml",
                                  GSF_OUTFILE (document), REL_BASE "header", &first_id),
                     NULL, csn_document_get_first_header (w->doc)) && ok;
  ok = write_footer (w, add_part (word, "footer1.xml", CT_BASE "footer+xml",
                                  GSF_OUTFILE (document), REL_BASE "footer", &footer_id)) && ok;
  if (ok)
    ok = write_document (w, document, header_id, first_id, footer_id, error);
  else
    {
      gsf_output_close (document);
      g_object_unref (document);
    }

  ok = write_core_properties (w, add_part (props, "core.xml",
                                           "application/vnd.openxmlformats-package.core-properties+xml",
                                           package, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                                           NULL)) && ok;
  ok = write_app_properties (w, add_part (props, "app.xml",
                                          "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                                          package, REL_BASE "extended-properties", NULL)) && ok;
  ok = gsf_output_close (GSF_OUTPUT (props)) && ok;
  ok = gsf_output_close (GSF_OUTPUT (word)) && ok;
  g_object_unref (props);
  g_object_unref (word);
  return ok;
}

/**
 * csn_docx_writer_write:
 * @document: the document
 * @paper: the page size
 * @path: the file to write; an existing one is replaced only once the new one is complete
 *
 * Writes @document as a .docx. On failure @path is left as it was and @error names it. Any thread.
 */
gboolean
csn_docx_writer_write (CsnDocument   *document,
                       CsnPaper       paper,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GsfOutput) sink = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GsfOutfile) package = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  Writer w = { 0 };
  double width, height;
  FILE *file;
  gboolean ok;
  int fd;

  g_return_val_if_fail (CSN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  w.doc = document;
  w.paper = paper;
  w.tag = csn_language_get_tag (csn_document_get_language (document));
  w.cancellable = cancellable;
  csn_paper_get_size (paper, &width, &height);
  w.text_width = TWIPS (width - 2 * CSN_PAGE_MARGIN_SIDE);

  temp = csn_safe_file_create_temp (path, &fd, error);
  if (temp == NULL)
    return FALSE;
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp);
      return set_write_error (error, path, g_strerror (saved_errno));
    }

  sink = gsf_output_stdio_new_FILE (temp, file, FALSE);
  /* The zip's entries carry the document's date, so that a reproducible export is one. */
  modified = g_date_time_to_utc (csn_document_get_date (document));
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "modtime", modified, NULL);
  package = gsf_outfile_open_pkg_new (zip);

  ok = write_package (&w, package, &local_error);
  ok = gsf_output_close (GSF_OUTPUT (package)) && ok;
  ok = gsf_output_close (sink) && ok;
  if (!ok)
    {
      const GError *sink_error = gsf_output_error (sink);

      g_unlink (temp);
      if (local_error != NULL && local_error->domain == G_IO_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_write_error (error, path, sink_error != NULL ? sink_error->message : g_strerror (EIO));
    }

  return csn_safe_file_commit (temp, path, FALSE, error);
}
