/* csn-document.h: the recommendations document laid out once (blocks, runs, footnotes, tables), for
 * every renderer: the DOCX writer, the paginator behind the PDF, printing and the preview. */
#pragma once

#include <gio/gio.h>

#include "csn-enums.h"
#include "csn-types.h"

G_BEGIN_DECLS

/* One family for the DOCX and the PDF; Pango falls back per character where it has no glyph. */
#define CSN_DOCUMENT_FONT_FAMILY "Noto Serif"

typedef enum {
  CSN_DOCUMENT_BLOCK_PARAGRAPH,
  CSN_DOCUMENT_BLOCK_TABLE,
} CsnDocumentBlockKind;

/* Paragraph styles; each renderer maps them to its own (DOCX styles, PDF fonts and spacing). */
typedef enum {
  CSN_DOCUMENT_STYLE_MASTHEAD,   /* the Conference, in capitals */
  CSN_DOCUMENT_STYLE_MEETING,    /* the working group; venue and dates */
  CSN_DOCUMENT_STYLE_STATUS,     /* right-aligned: status, original language, date */
  CSN_DOCUMENT_STYLE_TITLE,
  CSN_DOCUMENT_STYLE_HEADING_1,  /* "I." sections and annexes */
  CSN_DOCUMENT_STYLE_HEADING_2,  /* "A." horizons */
  CSN_DOCUMENT_STYLE_HEADING_3,  /* a pillar, an actor */
  CSN_DOCUMENT_STYLE_BODY,       /* unnumbered: the preamble, notes */
  CSN_DOCUMENT_STYLE_NUMBERED,   /* "7." with a hanging number */
  CSN_DOCUMENT_STYLE_SUBITEM,    /* "a)" under a numbered paragraph */
  CSN_DOCUMENT_STYLE_TABLE,      /* the text of table cells */
  CSN_DOCUMENT_STYLE_FOOTNOTE,
  CSN_DOCUMENT_N_STYLES
} CsnDocumentStyle;

typedef enum {
  CSN_DOCUMENT_RUN_BOLD     = 1 << 0,
  CSN_DOCUMENT_RUN_ITALIC   = 1 << 1,
  CSN_DOCUMENT_RUN_UNAGREED = 1 << 2,  /* not yet agreed: the run includes its square brackets */
  CSN_DOCUMENT_RUN_FOOTNOTE = 1 << 3,  /* a reference to footnote @footnote; no text */
  CSN_DOCUMENT_RUN_SUPERSCRIPT = 1 << 4,  /* the comma between two references */
} CsnDocumentRunFlags;

typedef struct {
  const char *text;      /* valid UTF-8 without control characters other than \n and \t */
  guint       length;    /* bytes */
  guint16     flags;     /* CsnDocumentRunFlags */
  guint16     language;  /* CsnLanguage of the text (the source's, for an untranslated text) */
  guint       footnote;  /* index into the footnotes, for a CSN_DOCUMENT_RUN_FOOTNOTE run */
} CsnDocumentRun;

typedef struct {
  const CsnDocumentRun *runs;
  guint                 n_runs;
} CsnDocumentText;

/* Where a piece of the document comes from, so that a view can go there. */
typedef enum {
  CSN_DOCUMENT_ORIGIN_GENERATED,  /* headings and fixed sentences */
  CSN_DOCUMENT_ORIGIN_MEETING,    /* a field of the meeting */
  CSN_DOCUMENT_ORIGIN_TEXTS,      /* a field of the document's own texts */
  CSN_DOCUMENT_ORIGIN_ITEM,       /* the item @key of @collection */
} CsnDocumentOrigin;

typedef struct {
  CsnDocumentOrigin  origin;
  CsnCollection      collection;  /* for CSN_DOCUMENT_ORIGIN_ITEM */
  const char        *key;         /* the item's key, for CSN_DOCUMENT_ORIGIN_ITEM */
  const char        *field;       /* the property the text comes from (a CSN_*_PROP_ name), or NULL */
} CsnDocumentSource;

typedef enum {
  CSN_DOCUMENT_ALIGN_START,
  CSN_DOCUMENT_ALIGN_CENTER,
} CsnDocumentAlign;

typedef struct {
  CsnDocumentText text;
  guint           align;  /* CsnDocumentAlign */
} CsnDocumentCell;

typedef enum {
  CSN_DOCUMENT_ROW_HEADER = 1 << 0,  /* repeated at the top of every page the table runs onto */
  CSN_DOCUMENT_ROW_GROUP  = 1 << 1,  /* one cell across every column: a delegation's name */
} CsnDocumentRowFlags;

typedef struct {
  const CsnDocumentCell *cells;
  guint                  n_cells;  /* the table's columns, or 1 for a group row */
  guint                  flags;    /* CsnDocumentRowFlags */
  CsnDocumentSource      source;
} CsnDocumentRow;

typedef struct {
  guint                 n_columns;
  const double         *widths;  /* fractions of the text width, adding up to 1 */
  guint                 n_rows;
  const CsnDocumentRow *rows;
} CsnDocumentTable;

typedef enum {
  CSN_DOCUMENT_BLOCK_KEEP_WITH_NEXT    = 1 << 0,
  CSN_DOCUMENT_BLOCK_PAGE_BREAK_BEFORE = 1 << 1,
  CSN_DOCUMENT_BLOCK_RULE_BELOW        = 1 << 2,
  CSN_DOCUMENT_BLOCK_UNAGREED          = 1 << 3,  /* the whole paragraph is in brackets */
} CsnDocumentBlockFlags;

typedef struct {
  CsnDocumentBlockKind    kind;
  CsnDocumentStyle        style;
  guint                   flags;      /* CsnDocumentBlockFlags */
  const char             *number;     /* "I.", "A.", "7.", "a)", "Annex I." or NULL */
  guint                   paragraph;  /* for a numbered paragraph, its number; else 0 */
  CsnDocumentText         text;       /* a paragraph's runs, after the number */
  const CsnDocumentTable *table;      /* for a table */
  CsnDocumentSource       source;
} CsnDocumentBlock;

typedef struct {
  CsnDocumentText   text;
  guint             block;  /* the block that refers to it */
  CsnDocumentSource source;
} CsnDocumentFootnote;

#define CSN_TYPE_DOCUMENT (csn_document_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocument, csn_document, CSN, DOCUMENT, GObject)

CsnDocument      *csn_document_new                  (CsnDraft     *draft,
                                                     CsnLanguage   language);

CsnLanguage       csn_document_get_language         (CsnDocument  *self);
CsnLanguage       csn_document_get_content_language (CsnDocument  *self);
CsnMeetingStatus  csn_document_get_status           (CsnDocument  *self);
GDateTime        *csn_document_get_date             (CsnDocument  *self);

const char       *csn_document_get_title            (CsnDocument  *self);
const char       *csn_document_get_subject          (CsnDocument  *self);
const char       *csn_document_get_author           (CsnDocument  *self);
const char       *csn_document_get_organization     (CsnDocument  *self);
const char       *csn_document_get_keywords         (CsnDocument  *self);
const char       *csn_document_get_status_label     (CsnDocument  *self);

const char       *csn_document_get_header_start     (CsnDocument  *self);
const char       *csn_document_get_header_end       (CsnDocument  *self);
const char       *csn_document_get_first_header     (CsnDocument  *self);
void              csn_document_get_page_label       (CsnDocument  *self,
                                                     const char  **before,
                                                     const char  **between,
                                                     const char  **after);
char             *csn_document_format_page_label    (CsnDocument  *self,
                                                     guint         page,
                                                     guint         n_pages);

guint             csn_document_get_n_blocks         (CsnDocument  *self);
const CsnDocumentBlock *csn_document_get_block      (CsnDocument  *self,
                                                     guint         index);
guint             csn_document_get_n_footnotes      (CsnDocument  *self);
const CsnDocumentFootnote *csn_document_get_footnote (CsnDocument *self,
                                                      guint        index);
gboolean          csn_document_find_block           (CsnDocument  *self,
                                                     CsnCollection collection,
                                                     const char   *key,
                                                     guint        *index);

const char       *csn_language_get_tag              (CsnLanguage   language);

G_END_DECLS
