/* csn-document-pages.h: the document laid out into pages with Pango, drawn onto any cairo context:
 * the PDF, a printer (GtkPrintOperation) and the preview share these pages. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "csn-document.h"

G_BEGIN_DECLS

typedef enum {
  CSN_PAPER_A4,
  CSN_PAPER_LETTER,
} CsnPaper;

/* Page geometry shared by the DOCX and the pages, in points. */
#define CSN_PAGE_MARGIN_TOP       70.87   /* 2.5 cm */
#define CSN_PAGE_MARGIN_BOTTOM    70.87
#define CSN_PAGE_MARGIN_SIDE      70.87
#define CSN_PAGE_HEADER_DISTANCE  35.43   /* 1.25 cm from the edge */
#define CSN_PAGE_FOOTER_DISTANCE  35.43
#define CSN_PAGE_CELL_PADDING     2.5

typedef enum {
  CSN_PAGE_ALIGN_START,
  CSN_PAGE_ALIGN_CENTER,
  CSN_PAGE_ALIGN_END,
  CSN_PAGE_ALIGN_JUSTIFY,
} CsnPageAlign;

/* How a paragraph style looks on the page and in the DOCX's styles. */
typedef struct {
  double       size;          /* points */
  double       leading;       /* baseline to baseline, points */
  double       space_before;
  double       space_after;
  double       indent;        /* from the left margin to the number, or to the text without one */
  double       hanging;       /* from the number to the text */
  CsnPageAlign align;
  gboolean     bold;
  gboolean     italic;
} CsnPageStyle;

CsnPaper            csn_paper_from_locale          (void);
void                csn_paper_get_size             (CsnPaper           paper,
                                                    double            *width,
                                                    double            *height);
const CsnPageStyle *csn_page_style_get             (CsnDocumentStyle   style);

#define CSN_TYPE_DOCUMENT_PAGES (csn_document_pages_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocumentPages, csn_document_pages, CSN, DOCUMENT_PAGES, GObject)

CsnDocumentPages   *csn_document_pages_new          (CsnDocument       *document,
                                                    CsnPaper           paper);
CsnDocumentPages   *csn_document_pages_new_for_size (CsnDocument       *document,
                                                    double             width,
                                                    double             height);
CsnDocument        *csn_document_pages_get_document (CsnDocumentPages  *self);
CsnPaper            csn_document_pages_get_paper    (CsnDocumentPages  *self);
void                csn_document_pages_get_page_size (CsnDocumentPages *self,
                                                     double           *width,
                                                     double           *height);
gboolean            csn_document_pages_paginate     (CsnDocumentPages  *self,
                                                    GCancellable      *cancellable);
guint               csn_document_pages_get_n_pages  (CsnDocumentPages  *self);
void                csn_document_pages_draw_page    (CsnDocumentPages  *self,
                                                    cairo_t           *cr,
                                                    guint              page);
gboolean            csn_document_pages_find_block   (CsnDocumentPages  *self,
                                                    guint              block,
                                                    guint             *page,
                                                    double            *y,
                                                    double            *height);
gboolean            csn_document_pages_find_footnote (CsnDocumentPages *self,
                                                     guint             footnote,
                                                     guint            *page);
gboolean            csn_document_pages_hit_test     (CsnDocumentPages  *self,
                                                    guint              page,
                                                    double             x,
                                                    double             y,
                                                    CsnDocumentSource *source);

G_END_DECLS
