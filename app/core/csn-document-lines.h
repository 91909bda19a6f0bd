/* csn-document-lines.h: one paragraph broken into lines and drawn (private to the paginator). */
#pragma once

#include <cairo.h>

#include "csn-document.h"
#include "csn-document-pages.h"

G_BEGIN_DECLS

/* The fonts and the cache of shaped words of one paginator; used by one thread at a time. */
typedef struct _CsnFonts CsnFonts;

CsnFonts *csn_fonts_new   (void);
void      csn_fonts_free  (CsnFonts *fonts);
void      csn_fonts_flush (CsnFonts *fonts,
                           cairo_t  *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnFonts, csn_fonts_free)

typedef struct {
  CsnDocumentStyle       style;
  const CsnDocumentText *text;
  const char            *number;        /* drawn in the hanging space, or NULL */
  gboolean               superscript_number;
  double                 width;         /* of the box the paragraph fills */
  CsnPageAlign           align;
  double                 size;          /* font size, points */
  double                 leading;
  double                 indent;
  double                 hanging;
  gboolean               bold;
  gboolean               italic;
} CsnLinesSpec;

typedef struct _CsnLines CsnLines;

CsnLines *csn_lines_new              (CsnFonts           *fonts,
                                      const CsnLinesSpec *spec);
void      csn_lines_free             (CsnLines           *lines);
guint     csn_lines_get_n_lines      (CsnLines           *lines);
double    csn_lines_get_line_height  (CsnLines           *lines,
                                      guint               line);
double    csn_lines_get_height       (CsnLines           *lines);
guint     csn_lines_get_n_refs       (CsnLines           *lines);
void      csn_lines_get_ref          (CsnLines           *lines,
                                      guint               index,
                                      guint              *footnote,
                                      guint              *line);
void      csn_lines_draw             (CsnLines           *lines,
                                      cairo_t            *cr,
                                      guint               first,
                                      guint               n,
                                      double              x,
                                      double              y);
gboolean  csn_lines_is_simple        (CsnLines           *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnLines, csn_lines_free)

G_END_DECLS
