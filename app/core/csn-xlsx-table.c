/* csn-xlsx-table.c: the cells of one worksheet, sorted by row and column, their texts in one block. */
#define G_LOG_DOMAIN "csn-xlsx-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "csn-xlsx-table-private.h"

struct _CsnXlsxTable
{
  gatomicrefcount  ref_count;

  char            *display_name;
  char            *sheet_name;
  gboolean         date1904;
  gboolean         protected;
  gboolean         finished;
  gboolean         in_order;     /* every cell added after the one before it */

  GArray          *cells;        /* CsnXlsxCell */
  GString         *texts;        /* the texts of cells not in shared_texts, each ending in NUL */
  GArray          *own_texts;    /* while filling, the cells whose text is an offset into texts */
  GBytes          *shared_texts; /* the workbook's shared strings, which cells point into */
  GArray          *hidden_rows;  /* guint32, ascending once finished */
  guint            n_rows;
  guint            n_columns;
};

G_DEFINE_BOXED_TYPE (CsnXlsxTable, csn_xlsx_table, csn_xlsx_table_ref, csn_xlsx_table_unref)

CsnXlsxTable *
csn_xlsx_table_new (const char *display_name,
                    const char *sheet_name,
                    gboolean    date1904,
                    GBytes     *shared_texts)
{
  CsnXlsxTable *self = g_new0 (CsnXlsxTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->display_name = g_strdup (display_name);
  self->sheet_name = g_strdup (sheet_name);
  self->date1904 = date1904;
  self->in_order = TRUE;
  self->cells = g_array_new (FALSE, FALSE, sizeof (CsnXlsxCell));
  self->texts = g_string_sized_new (4096);
  self->own_texts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->shared_texts = shared_texts != NULL ? g_bytes_ref (shared_texts) : NULL;
  self->hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  return self;
}

CsnXlsxTable *
csn_xlsx_table_ref (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
csn_xlsx_table_unref (CsnXlsxTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->cells);
  g_string_free (self->texts, TRUE);
  g_clear_pointer (&self->own_texts, g_array_unref);
  g_clear_pointer (&self->shared_texts, g_bytes_unref);
  g_array_unref (self->hidden_rows);
  g_free (self->display_name);
  g_free (self->sheet_name);
  g_free (self);
}

static CsnXlsxCell *
add_cell (CsnXlsxTable    *self,
          guint            row,
          guint            column,
          CsnXlsxCellType  type)
{
  CsnXlsxCell *cell;

  g_assert (!self->finished);
  g_assert (row < CSN_XLSX_MAX_ROWS && column < CSN_XLSX_MAX_COLUMNS);

  if (self->cells->len > 0)
    {
      const CsnXlsxCell *last = &g_array_index (self->cells, CsnXlsxCell, self->cells->len - 1);

      if (row < last->row || (row == last->row && column <= last->column))
        self->in_order = FALSE;
    }

  g_array_set_size (self->cells, self->cells->len + 1);
  cell = &g_array_index (self->cells, CsnXlsxCell, self->cells->len - 1);
  cell->row = row;
  cell->column = column;
  cell->type = type;
  cell->is_date = FALSE;
  cell->is_formula = FALSE;
  cell->number = NAN;

  self->n_rows = MAX (self->n_rows, row + 1);
  self->n_columns = MAX (self->n_columns, column + 1);
  return cell;
}

/* The returned cell stays valid until the next one is added; its text is copied. */
CsnXlsxCell *
csn_xlsx_table_add_cell (CsnXlsxTable    *self,
                         guint            row,
                         guint            column,
                         CsnXlsxCellType  type,
                         const char      *text,
                         gsize            length)
{
  CsnXlsxCell *cell = add_cell (self, row, column, type);
  guint32 index = self->cells->len - 1;

  cell->text = GSIZE_TO_POINTER (self->texts->len);
  g_string_append_len (self->texts, text, length);
  g_string_append_c (self->texts, '\0');
  g_array_append_val (self->own_texts, index);
  return cell;
}

/* As csn_xlsx_table_add_cell(), for a text that lies in the shared texts the table was made with:
 * the cell points to it. */
CsnXlsxCell *
csn_xlsx_table_add_shared_cell (CsnXlsxTable    *self,
                                guint            row,
                                guint            column,
                                CsnXlsxCellType  type,
                                const char      *text)
{
  CsnXlsxCell *cell = add_cell (self, row, column, type);

  g_assert (self->shared_texts != NULL);
  cell->text = text;
  return cell;
}

/* Makes room for as many cells as the sheet says it spans, so that filling does not reallocate. */
void
csn_xlsx_table_reserve (CsnXlsxTable *self,
                        guint         n_cells)
{
  guint length = self->cells->len;

  g_assert (!self->finished);
  if (n_cells <= length)
    return;
  /* A GArray keeps what it has allocated when it shrinks. */
  g_array_set_size (self->cells, n_cells);
  g_array_set_size (self->cells, length);
}

void
csn_xlsx_table_add_hidden_row (CsnXlsxTable *self,
                               guint         row)
{
  guint32 value = row;

  g_assert (!self->finished);
  g_array_append_val (self->hidden_rows, value);
}

void
csn_xlsx_table_set_protected (CsnXlsxTable *self,
                              gboolean      protected)
{
  g_assert (!self->finished);
  self->protected = !!protected;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CsnXlsxCell *cells = user_data;
  guint32 i = *(const guint32 *) a;
  guint32 j = *(const guint32 *) b;
  const CsnXlsxCell *x = &cells[i];
  const CsnXlsxCell *y = &cells[j];

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return i < j ? -1 : i > j;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts what a writer put out of order, the later of two cells at one place winning as it would
 * in a spreadsheet program, and turns text offsets into pointers. */
void
csn_xlsx_table_finish (CsnXlsxTable *self)
{
  guint kept = 0;

  g_assert (!self->finished);

  for (guint i = 0; i < self->own_texts->len; i++)
    {
      CsnXlsxCell *cell = &g_array_index (self->cells, CsnXlsxCell, g_array_index (self->own_texts, guint32, i));

      cell->text = self->texts->str + GPOINTER_TO_SIZE (cell->text);
    }
  g_clear_pointer (&self->own_texts, g_array_unref);

  if (!self->in_order)
    {
      g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->cells->len);
      GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (CsnXlsxCell), self->cells->len);

      for (guint32 i = 0; i < self->cells->len; i++)
        g_array_append_val (order, i);
      g_qsort_with_data (order->data, (int) order->len, sizeof (guint32), compare_positions, self->cells->data);
      for (guint i = 0; i < order->len; i++)
        {
          const CsnXlsxCell *cell = &g_array_index (self->cells, CsnXlsxCell, g_array_index (order, guint32, i));

          if (i + 1 < order->len)
            {
              const CsnXlsxCell *next = &g_array_index (self->cells, CsnXlsxCell, g_array_index (order, guint32, i + 1));

              if (next->row == cell->row && next->column == cell->column)
                continue;
            }
          g_array_append_val (sorted, *cell);
        }
      g_array_unref (self->cells);
      self->cells = sorted;
    }

  g_array_sort (self->hidden_rows, compare_rows);
  for (guint i = 0; i < self->hidden_rows->len; i++)
    if (kept == 0 || g_array_index (self->hidden_rows, guint32, kept - 1) != g_array_index (self->hidden_rows, guint32, i))
      g_array_index (self->hidden_rows, guint32, kept++) = g_array_index (self->hidden_rows, guint32, i);
  g_array_set_size (self->hidden_rows, kept);

  self->finished = TRUE;
}

const char *
csn_xlsx_table_get_display_name (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

const char *
csn_xlsx_table_get_sheet_name (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sheet_name;
}

/* One past the last row that holds a cell. */
guint
csn_xlsx_table_get_n_rows (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

/* One past the last column that holds a cell. */
guint
csn_xlsx_table_get_n_columns (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * csn_xlsx_table_get_cells:
 * @n_cells: (out): how many
 *
 * Returns: (array length=n_cells) (transfer none): every cell that holds a value, by row, then
 *   column.
 */
const CsnXlsxCell *
csn_xlsx_table_get_cells (CsnXlsxTable *self,
                          guint        *n_cells)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->finished, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  *n_cells = self->cells->len;
  return (const CsnXlsxCell *) (gpointer) self->cells->data;
}

/* The first cell at or after (@row, @column). */
static guint
lower_bound (CsnXlsxTable *self,
             guint         row,
             guint         column)
{
  const CsnXlsxCell *cells = (const CsnXlsxCell *) (gpointer) self->cells->data;
  guint low = 0;
  guint high = self->cells->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const CsnXlsxCell *cell = &cells[middle];

      if (cell->row < row || (cell->row == row && cell->column < column))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/**
 * csn_xlsx_table_get_row:
 * @n_cells: (out): how many cells the row holds
 *
 * Returns: (array length=n_cells) (transfer none) (nullable): the cells of @row, by column.
 */
const CsnXlsxCell *
csn_xlsx_table_get_row (CsnXlsxTable *self,
                        guint         row,
                        guint        *n_cells)
{
  guint first, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->finished, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  first = lower_bound (self, row, 0);
  end = row + 1 < CSN_XLSX_MAX_ROWS ? lower_bound (self, row + 1, 0) : self->cells->len;
  *n_cells = end - first;
  return end > first ? &g_array_index (self->cells, CsnXlsxCell, first) : NULL;
}

/**
 * csn_xlsx_table_get:
 *
 * Returns: (transfer none) (nullable): the cell at @row and @column, or %NULL when it holds no
 *   value.
 */
const CsnXlsxCell *
csn_xlsx_table_get (CsnXlsxTable *self,
                    guint         row,
                    guint         column)
{
  guint index;
  const CsnXlsxCell *cell;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->finished, NULL);

  index = lower_bound (self, row, column);
  if (index >= self->cells->len)
    return NULL;
  cell = &g_array_index (self->cells, CsnXlsxCell, index);
  return cell->row == row && cell->column == column ? cell : NULL;
}

/* Whether the row is hidden, by hand or by a filter. */
gboolean
csn_xlsx_table_is_row_hidden (CsnXlsxTable *self,
                              guint         row)
{
  guint32 key = row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->finished, FALSE);

  return bsearch (&key, self->hidden_rows->data, self->hidden_rows->len, sizeof (guint32),
                  compare_rows) != NULL;
}

/**
 * csn_xlsx_table_get_hidden_rows:
 * @n_rows: (out): how many
 *
 * Returns: (array length=n_rows) (transfer none): the hidden rows, ascending, with or without cells
 */
const guint32 *
csn_xlsx_table_get_hidden_rows (CsnXlsxTable *self,
                                guint        *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->finished, NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  *n_rows = self->hidden_rows->len;
  return (const guint32 *) (gpointer) self->hidden_rows->data;
}

/* Whether the sheet is protected (with or without a password). */
gboolean
csn_xlsx_table_get_protected (CsnXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->protected;
}

static void
format_iso_date (const GDate *date,
                 char         iso_date[11])
{
  g_snprintf (iso_date, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/**
 * csn_xlsx_serial_to_iso_date:
 * @serial: a spreadsheet date: days since the epoch, the time of day as the fraction
 * @date1904: whether the workbook counts from 1904 (as old Mac Excel did) rather than 1900
 * @iso_date: (out caller-allocates): YYYY-MM-DD
 *
 * Returns: whether @serial is a day between 1900 (or 1904) and 9999.
 */
gboolean
csn_xlsx_serial_to_iso_date (double   serial,
                             gboolean date1904,
                             char     iso_date[11])
{
  GDate date;
  double days;

  g_return_val_if_fail (iso_date != NULL, FALSE);

  if (!isfinite (serial))
    return FALSE;
  days = floor (serial);

  if (date1904)
    {
      if (days < 0 || days > 2957003)
        return FALSE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
    }
  else
    {
      /* Day 0 is no day (a time alone); day 60 is 29 February 1900, which Lotus 1-2-3 counted and
       * Excel still counts, though it never was. */
      if (days < 1 || days == 60 || days > 2958465)
        return FALSE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, days < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
    }
  g_date_add_days (&date, (guint) days);
  format_iso_date (&date, iso_date);
  return TRUE;
}

/**
 * csn_xlsx_text_to_iso_date:
 * @text: a date typed as text: "2025-03-14", with or without a time after it
 * @iso_date: (out caller-allocates): YYYY-MM-DD
 *
 * Only the ISO order is taken: "03/04/2025" is 3 April for some delegations and 4 March for others.
 */
gboolean
csn_xlsx_text_to_iso_date (const char *text,
                           char        iso_date[11])
{
  guint year = 0, month = 0, day = 0;
  GDate date;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;
  for (guint i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      year = year * 10 + (guint) (*p - '0');
    }
  if (*p++ != '-')
    return FALSE;
  for (guint i = 0; i < 2; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      month = month * 10 + (guint) (*p - '0');
    }
  if (*p++ != '-')
    return FALSE;
  for (guint i = 0; i < 2; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      day = day * 10 + (guint) (*p - '0');
    }
  if (*p != '\0' && *p != 'T' && !g_ascii_isspace (*p))
    return FALSE;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  format_iso_date (&date, iso_date);
  return TRUE;
}

/**
 * csn_xlsx_table_get_iso_date:
 * @cell: a cell of this table
 * @iso_date: (out caller-allocates): YYYY-MM-DD
 *
 * Returns: whether @cell holds a date: a number in a date format (counted from the workbook's
 *   epoch), or an ISO date as text.
 */
gboolean
csn_xlsx_table_get_iso_date (CsnXlsxTable      *self,
                             const CsnXlsxCell *cell,
                             char               iso_date[11])
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  if (cell->type == CSN_XLSX_CELL_NUMBER && cell->is_date)
    return csn_xlsx_serial_to_iso_date (cell->number, self->date1904, iso_date);
  if (cell->type == CSN_XLSX_CELL_STRING)
    return csn_xlsx_text_to_iso_date (cell->text, iso_date);
  return FALSE;
}

/* "C12" for row 11, column 2. */
void
csn_xlsx_cell_name (guint row,
                    guint column,
                    char  name[CSN_XLSX_CELL_NAME_SIZE])
{
  char letters[4];
  guint n_letters = 0;
  guint rest = MIN (column, CSN_XLSX_MAX_COLUMNS - 1) + 1;

  g_return_if_fail (name != NULL);

  while (rest > 0)
    {
      letters[n_letters++] = (char) ('A' + (rest - 1) % 26);
      rest = (rest - 1) / 26;
    }
  for (guint i = 0; i < n_letters; i++)
    name[i] = letters[n_letters - 1 - i];
  g_snprintf (name + n_letters, CSN_XLSX_CELL_NAME_SIZE - n_letters, "%u",
              MIN (row, CSN_XLSX_MAX_ROWS - 1) + 1);
}

/* "answers-MX.xlsx: sheet “Temas”, cell C12", to begin a message about that cell. */
char *
csn_xlsx_table_describe_cell (CsnXlsxTable *self,
                              guint         row,
                              guint         column)
{
  char name[CSN_XLSX_CELL_NAME_SIZE];

  g_return_val_if_fail (self != NULL, NULL);

  csn_xlsx_cell_name (row, column, name);
  /* Translators: the first %s is a file name, the second a sheet's name, the third a cell such
   * as C12. */
  return g_strdup_printf (_("%s: sheet “%s”, cell %s"), self->display_name, self->sheet_name, name);
}
