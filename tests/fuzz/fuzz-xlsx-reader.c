/* fuzz-xlsx-reader.c: any bytes as a returned workbook: refused with a message, or read whole (every
 * sheet, every defined name), with every cell's text valid UTF-8 and the cells in order. */
#include "config.h"

#include <string.h>

#include "csn-xlsx-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* libgsf 1.14.50 (and its upstream to this day) unrefs the NULL it gets from g_date_time_new_utc()
 * for a zip entry whose DOS time is no date: one critical, harmless, that only a crafted zip
 * causes. Every other critical or warning stays fatal. */
static gboolean
on_fatal_log_cb (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "GLib") == 0
           && g_str_has_suffix (message, "g_date_time_unref: assertion 'datetime != NULL' failed"));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_test_log_set_fatal_handler (on_fatal_log_cb, NULL);
  return 0;
}

static void
check_table (CsnXlsxTable *table)
{
  const CsnXlsxCell *cells;
  guint n_cells;

  cells = csn_xlsx_table_get_cells (table, &n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      char iso_date[11];

      g_assert (cells[i].text != NULL);
      g_assert (g_utf8_validate (cells[i].text, -1, NULL));
      g_assert (cells[i].row < csn_xlsx_table_get_n_rows (table));
      g_assert (cells[i].column < csn_xlsx_table_get_n_columns (table));
      if (i > 0)
        g_assert (cells[i - 1].row < cells[i].row
                  || (cells[i - 1].row == cells[i].row && cells[i - 1].column < cells[i].column));
      g_assert (csn_xlsx_table_get (table, cells[i].row, cells[i].column) == &cells[i]);
      if (csn_xlsx_table_get_iso_date (table, &cells[i], iso_date))
        g_assert (strlen (iso_date) == 10);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxBook) book = csn_xlsx_book_new_from_bytes (bytes, "fuzz.xlsx", &error);

  if (book == NULL)
    {
      g_assert (error != NULL && error->domain == CSN_XLSX_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < csn_xlsx_book_get_n_sheets (book); i++)
    {
      g_autoptr(GError) sheet_error = NULL;
      g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, i, &sheet_error);

      g_assert (g_utf8_validate (csn_xlsx_book_get_sheet_name (book, i), -1, NULL));
      if (table == NULL)
        g_assert (sheet_error != NULL && g_utf8_validate (sheet_error->message, -1, NULL));
      else
        check_table (table);
    }
  for (guint i = 0; i < csn_xlsx_book_get_n_defined_names (book); i++)
    {
      const CsnXlsxDefinedName *name = csn_xlsx_book_get_defined_name (book, i);
      g_autoptr(GError) name_error = NULL;
      g_autoptr(CsnXlsxTable) table = NULL;
      CsnXlsxRange range;

      table = csn_xlsx_book_read_defined_name (book, name->name, name->scope, &range, &name_error);
      if (table == NULL)
        g_assert (name_error != NULL && g_utf8_validate (name_error->message, -1, NULL));
      else
        g_assert (range.first_row <= range.last_row && range.first_column <= range.last_column);
    }
  return 0;
}
