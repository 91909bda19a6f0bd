/* csn-xlsx-table.h: the cells of one worksheet as read from a workbook: a compact, immutable, sparse
 * table that any thread may read. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CSN_XLSX_CELL_STRING,    /* shared, inline or rich text, or a formula's text result */
  CSN_XLSX_CELL_NUMBER,    /* a number; a date when is_date is set */
  CSN_XLSX_CELL_BOOLEAN,
  CSN_XLSX_CELL_ERROR,     /* an error value such as #N/A */
} CsnXlsxCellType;

typedef struct
{
  guint32          row;            /* from 0: row 1 is 0 */
  guint32          column;         /* from 0: column A is 0 */
  CsnXlsxCellType  type;
  guint            is_date : 1;    /* a number in a date format, or a date written as ISO text */
  guint            is_formula : 1; /* the value is a formula's last result */
  const char      *text;           /* never NULL: the text, a number as written, "TRUE"/"FALSE", "#N/A" */
  double           number;         /* a number's value; 1 or 0 for a boolean; NAN for the others */
} CsnXlsxCell;

/* A rectangle of cells, from 0, both ends included. */
typedef struct
{
  guint first_row;
  guint first_column;
  guint last_row;
  guint last_column;
} CsnXlsxRange;

/* Excel's limits: the last row is 1,048,576, the last column XFD (16,384). */
#define CSN_XLSX_MAX_ROWS    1048576
#define CSN_XLSX_MAX_COLUMNS 16384
/* "XFD1048576" and its NUL. */
#define CSN_XLSX_CELL_NAME_SIZE 11

typedef struct _CsnXlsxTable CsnXlsxTable;

#define CSN_TYPE_XLSX_TABLE (csn_xlsx_table_get_type ())

GType              csn_xlsx_table_get_type         (void) G_GNUC_CONST;
CsnXlsxTable      *csn_xlsx_table_ref              (CsnXlsxTable       *self);
void               csn_xlsx_table_unref            (CsnXlsxTable       *self);

const char        *csn_xlsx_table_get_display_name (CsnXlsxTable       *self);
const char        *csn_xlsx_table_get_sheet_name   (CsnXlsxTable       *self);
guint              csn_xlsx_table_get_n_rows       (CsnXlsxTable       *self);
guint              csn_xlsx_table_get_n_columns    (CsnXlsxTable       *self);
const CsnXlsxCell *csn_xlsx_table_get_cells        (CsnXlsxTable       *self,
                                                    guint              *n_cells);
const CsnXlsxCell *csn_xlsx_table_get_row          (CsnXlsxTable       *self,
                                                    guint               row,
                                                    guint              *n_cells);
const CsnXlsxCell *csn_xlsx_table_get              (CsnXlsxTable       *self,
                                                    guint               row,
                                                    guint               column);
gboolean           csn_xlsx_table_is_row_hidden    (CsnXlsxTable       *self,
                                                    guint               row);
const guint32     *csn_xlsx_table_get_hidden_rows  (CsnXlsxTable       *self,
                                                    guint              *n_rows);
gboolean           csn_xlsx_table_get_protected    (CsnXlsxTable       *self);
gboolean           csn_xlsx_table_get_iso_date     (CsnXlsxTable       *self,
                                                    const CsnXlsxCell  *cell,
                                                    char                iso_date[11]);
char              *csn_xlsx_table_describe_cell    (CsnXlsxTable       *self,
                                                    guint               row,
                                                    guint               column);

void               csn_xlsx_cell_name              (guint               row,
                                                    guint               column,
                                                    char                name[CSN_XLSX_CELL_NAME_SIZE]);
gboolean           csn_xlsx_serial_to_iso_date     (double              serial,
                                                    gboolean            date1904,
                                                    char                iso_date[11]);
gboolean           csn_xlsx_text_to_iso_date       (const char         *text,
                                                    char                iso_date[11]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnXlsxTable, csn_xlsx_table_unref)

G_END_DECLS
