/* csn-xlsx-reader.h: reading workbooks (.xlsx) that people have edited and sent back: sheets, defined
 * names and cells, bad files refused with the file, sheet and cell named. */
#pragma once

#include <gio/gio.h>

#include "csn-xlsx-table.h"

G_BEGIN_DECLS

#define CSN_XLSX_ERROR (csn_xlsx_error_quark ())

typedef enum
{
  CSN_XLSX_ERROR_NOT_ZIP,          /* no zip package at all */
  CSN_XLSX_ERROR_NOT_WORKBOOK,     /* a package, an .xls or an .ods, but no .xlsx workbook */
  CSN_XLSX_ERROR_DAMAGED,          /* truncated, corrupt, malformed XML, a part missing */
  CSN_XLSX_ERROR_ENCRYPTED,        /* protected with a password */
  CSN_XLSX_ERROR_STRICT,           /* saved as Strict Open XML */
  CSN_XLSX_ERROR_TOO_LARGE,        /* a part, the whole or the compression ratio past the limits */
  CSN_XLSX_ERROR_DOCTYPE,          /* a document type declaration: entity expansion, external entities */
  CSN_XLSX_ERROR_OUTSIDE_PACKAGE,  /* a relationship that points outside the package */
  CSN_XLSX_ERROR_TOO_MANY_CELLS,   /* more rows, cells, sheets or names than any answer file */
  CSN_XLSX_ERROR_TEXT_TOO_LONG,    /* a text over 32,767 characters */
  CSN_XLSX_ERROR_NOT_FOUND,        /* no such sheet or defined name */
  CSN_XLSX_ERROR_BAD_REFERENCE,    /* a defined name that is not one range of one sheet */
} CsnXlsxError;

typedef enum
{
  CSN_XLSX_SHEET_VISIBLE,
  CSN_XLSX_SHEET_HIDDEN,
  CSN_XLSX_SHEET_VERY_HIDDEN,      /* hidden so that only a macro or an XML editor shows it */
} CsnXlsxSheetState;

typedef struct
{
  const char *name;
  const char *formula;   /* as written, without a leading "=": "'Theme matrix'!$H$2:$H$41" */
  int         scope;     /* the sheet it belongs to (localSheetId), or -1 for the workbook */
  gboolean    hidden;
} CsnXlsxDefinedName;

/* The most rows and cells one sheet may have: twenty times the largest answer file. */
#define CSN_XLSX_MAX_SHEET_ROWS  100000
#define CSN_XLSX_MAX_SHEET_CELLS 1000000
/* Excel's limit for the text of one cell, in UTF-16 code units. */
#define CSN_XLSX_MAX_TEXT 32767

#define CSN_TYPE_XLSX_BOOK (csn_xlsx_book_get_type ())
G_DECLARE_FINAL_TYPE (CsnXlsxBook, csn_xlsx_book, CSN, XLSX_BOOK, GObject)

GQuark                    csn_xlsx_error_quark                (void);

CsnXlsxBook              *csn_xlsx_book_new_from_file         (GFile         *file,
                                                               GCancellable  *cancellable,
                                                               GError       **error);
CsnXlsxBook              *csn_xlsx_book_new_from_bytes        (GBytes        *bytes,
                                                               const char    *display_name,
                                                               GError       **error);
const char               *csn_xlsx_book_get_display_name      (CsnXlsxBook   *self);
gboolean                  csn_xlsx_book_get_date1904          (CsnXlsxBook   *self);

guint                     csn_xlsx_book_get_n_sheets          (CsnXlsxBook   *self);
const char               *csn_xlsx_book_get_sheet_name        (CsnXlsxBook   *self,
                                                               guint          sheet);
guint                     csn_xlsx_book_get_sheet_id          (CsnXlsxBook   *self,
                                                               guint          sheet);
CsnXlsxSheetState         csn_xlsx_book_get_sheet_state       (CsnXlsxBook   *self,
                                                               guint          sheet);
int                       csn_xlsx_book_find_sheet            (CsnXlsxBook   *self,
                                                               const char    *name);
CsnXlsxTable             *csn_xlsx_book_read_sheet            (CsnXlsxBook   *self,
                                                               guint          sheet,
                                                               GError       **error);

guint                     csn_xlsx_book_get_n_defined_names   (CsnXlsxBook   *self);
const CsnXlsxDefinedName *csn_xlsx_book_get_defined_name      (CsnXlsxBook   *self,
                                                               guint          index);
const CsnXlsxDefinedName *csn_xlsx_book_lookup_defined_name   (CsnXlsxBook   *self,
                                                               const char    *name,
                                                               int            scope);
CsnXlsxTable             *csn_xlsx_book_read_defined_name     (CsnXlsxBook   *self,
                                                               const char    *name,
                                                               int            scope,
                                                               CsnXlsxRange  *range,
                                                               GError       **error);

gboolean                  csn_xlsx_parse_reference            (const char    *formula,
                                                               char         **sheet_name,
                                                               CsnXlsxRange  *range);

G_END_DECLS
