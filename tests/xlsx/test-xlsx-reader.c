/* test-xlsx-reader.c: CsnXlsxBook's API on workbooks written by libxlsxwriter (as the delegation
 * export writes them) and on OLE2 files written by libgsf, its helpers, and reading from threads. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <locale.h>
#include <math.h>
#include <xlsxwriter.h>

#include "csn-xlsx-reader.h"

typedef struct
{
  char *folder;
  char *path;
} Fixture;

/* A workbook as the delegation export would write it, then answered. */
static void
write_answers (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *themes = workbook_add_worksheet (workbook, "Temas");
  lxw_worksheet *meta = workbook_add_worksheet (workbook, "_consenso");
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_datetime date = { 2025, 3, 14, 0, 0, 0 };
  lxw_row_col_options hidden = { .hidden = 1 };
  lxw_rich_string_tuple first = { .format = bold, .string = "Apoya " };
  lxw_rich_string_tuple second = { .format = NULL, .string = "con reserva" };
  lxw_rich_string_tuple *rich[] = { &first, &second, NULL };

  format_set_num_format (date_format, "dd/mm/yyyy");
  format_set_bold (bold);

  worksheet_write_string (themes, 0, 0, "ID", NULL);
  worksheet_write_string (themes, 0, 1, "Postura", NULL);
  worksheet_write_string (themes, 0, 2, "Fecha", NULL);
  worksheet_write_string (themes, 0, 3, "Comentario", NULL);
  worksheet_write_string (themes, 1, 0, "theme-3f9a1c2e", NULL);
  worksheet_write_string (themes, 1, 1, "Apoya", NULL);
  worksheet_write_datetime (themes, 1, 2, &date, date_format);
  worksheet_write_string (themes, 1, 3, "Con\tun tabulador\x01 y un control", NULL);
  worksheet_write_string (themes, 2, 0, "theme-00000002", NULL);
  worksheet_write_rich_string (themes, 2, 1, rich, NULL);
  worksheet_write_number (themes, 2, 2, 45000.25, date_format);
  worksheet_write_boolean (themes, 2, 3, 0, NULL);
  worksheet_write_string (themes, 3, 0, "theme-00000003", NULL);
  worksheet_write_formula_str (themes, 3, 1, "=\"Ob\"&\"jeta\"", NULL, "Objeta");
  worksheet_write_formula_num (themes, 3, 2, "=1+1", NULL, 2);
  worksheet_write_string (themes, 3, 3, "2025-04-01", NULL);
  worksheet_set_row_opt (themes, 2, LXW_DEF_ROW_HEIGHT, NULL, &hidden);
  worksheet_protect (themes, NULL, NULL);

  worksheet_write_string (meta, 0, 0, "draft", NULL);
  worksheet_write_string (meta, 0, 1, "d1b0112a-0000-4000-8000-000000000000", NULL);
  worksheet_hide (meta);

  workbook_define_name (workbook, "csn_theme_ids", "=Temas!$A$2:$A$4");
  workbook_define_name (workbook, "csn_theme_stances", "='Temas'!$B$2:$B$4");
  workbook_define_name (workbook, "Temas!csn_local", "=Temas!$D:$D");
  workbook_define_name (workbook, "csn_deleted", "=#REF!");

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-xlsx-reader-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "answers-MX.xlsx", NULL);
  write_answers (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static CsnXlsxBook *
open_book (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsnXlsxBook *book = csn_xlsx_book_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static void
test_sheets (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CsnXlsxBook) book = open_book (fixture->path);
  g_autofree char *display_name = NULL;

  g_assert_cmpstr (csn_xlsx_book_get_display_name (book), ==, "answers-MX.xlsx");
  g_object_get (book, "display-name", &display_name, NULL);
  g_assert_cmpstr (display_name, ==, "answers-MX.xlsx");
  g_assert_false (csn_xlsx_book_get_date1904 (book));
  g_assert_cmpuint (csn_xlsx_book_get_n_sheets (book), ==, 2);
  g_assert_cmpstr (csn_xlsx_book_get_sheet_name (book, 0), ==, "Temas");
  g_assert_cmpstr (csn_xlsx_book_get_sheet_name (book, 1), ==, "_consenso");
  g_assert_cmpuint (csn_xlsx_book_get_sheet_id (book, 1), ==, 2);
  g_assert_cmpint (csn_xlsx_book_get_sheet_state (book, 0), ==, CSN_XLSX_SHEET_VISIBLE);
  g_assert_cmpint (csn_xlsx_book_get_sheet_state (book, 1), ==, CSN_XLSX_SHEET_HIDDEN);
  g_assert_cmpint (csn_xlsx_book_find_sheet (book, "TEMAS"), ==, 0);
  g_assert_cmpint (csn_xlsx_book_find_sheet (book, "_Consenso"), ==, 1);
  g_assert_cmpint (csn_xlsx_book_find_sheet (book, "Estrategias"), ==, -1);
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(CsnXlsxBook) book = open_book (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, 0, &error);
  g_autoptr(CsnXlsxTable) again = NULL;
  g_autofree char *place = NULL;
  const CsnXlsxCell *cell, *row;
  char iso_date[11];
  guint n_cells;

  g_assert_no_error (error);
  g_assert_cmpstr (csn_xlsx_table_get_sheet_name (table), ==, "Temas");
  g_assert_cmpstr (csn_xlsx_table_get_display_name (table), ==, "answers-MX.xlsx");
  g_assert_cmpuint (csn_xlsx_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (csn_xlsx_table_get_n_columns (table), ==, 4);
  csn_xlsx_table_get_cells (table, &n_cells);
  g_assert_cmpuint (n_cells, ==, 16);
  g_assert_true (csn_xlsx_table_get_protected (table));
  g_assert_false (csn_xlsx_table_is_row_hidden (table, 1));
  g_assert_true (csn_xlsx_table_is_row_hidden (table, 2));

  cell = csn_xlsx_table_get (table, 1, 0);
  g_assert_cmpint (cell->type, ==, CSN_XLSX_CELL_STRING);
  g_assert_cmpstr (cell->text, ==, "theme-3f9a1c2e");
  g_assert_cmpstr (csn_xlsx_table_get (table, 1, 3)->text, ==, "Con\tun tabulador\x01 y un control");

  cell = csn_xlsx_table_get (table, 1, 2);
  g_assert_cmpint (cell->type, ==, CSN_XLSX_CELL_NUMBER);
  g_assert_true (cell->is_date);
  g_assert_cmpfloat (cell->number, ==, 45730);
  g_assert_true (csn_xlsx_table_get_iso_date (table, cell, iso_date));
  g_assert_cmpstr (iso_date, ==, "2025-03-14");
  g_assert_true (csn_xlsx_table_get_iso_date (table, csn_xlsx_table_get (table, 2, 2), iso_date));
  g_assert_cmpstr (iso_date, ==, "2023-03-15");

  g_assert_cmpstr (csn_xlsx_table_get (table, 2, 1)->text, ==, "Apoya con reserva");
  cell = csn_xlsx_table_get (table, 2, 3);
  g_assert_cmpint (cell->type, ==, CSN_XLSX_CELL_BOOLEAN);
  g_assert_cmpfloat (cell->number, ==, 0);
  g_assert_false (csn_xlsx_table_get_iso_date (table, cell, iso_date));

  cell = csn_xlsx_table_get (table, 3, 1);
  g_assert_cmpstr (cell->text, ==, "Objeta");
  g_assert_true (cell->is_formula);
  cell = csn_xlsx_table_get (table, 3, 2);
  g_assert_cmpint (cell->type, ==, CSN_XLSX_CELL_NUMBER);
  g_assert_true (cell->is_formula);
  g_assert_false (cell->is_date);
  g_assert_cmpstr (cell->text, ==, "2");
  g_assert_true (csn_xlsx_table_get_iso_date (table, csn_xlsx_table_get (table, 3, 3), iso_date));
  g_assert_cmpstr (iso_date, ==, "2025-04-01");

  g_assert_null (csn_xlsx_table_get (table, 0, 4));
  g_assert_null (csn_xlsx_table_get (table, 9, 0));
  row = csn_xlsx_table_get_row (table, 2, &n_cells);
  g_assert_cmpuint (n_cells, ==, 4);
  for (guint i = 0; i < n_cells; i++)
    {
      g_assert_cmpuint (row[i].row, ==, 2);
      g_assert_cmpuint (row[i].column, ==, i);
    }
  g_assert_null (csn_xlsx_table_get_row (table, 7, &n_cells));
  g_assert_cmpuint (n_cells, ==, 0);

  place = csn_xlsx_table_describe_cell (table, 11, 2);
  g_assert_cmpstr (place, ==, "answers-MX.xlsx: sheet “Temas”, cell C12");

  /* A sheet is read once; later calls share its table. */
  again = csn_xlsx_book_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_true (again == table);
}

static void
test_defined_names (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CsnXlsxBook) book = open_book (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxTable) ids = NULL;
  g_autoptr(CsnXlsxTable) stances = NULL;
  g_autoptr(CsnXlsxTable) local = NULL;
  const CsnXlsxDefinedName *name;
  CsnXlsxRange id_range, stance_range, range;

  g_assert_cmpuint (csn_xlsx_book_get_n_defined_names (book), ==, 4);
  name = csn_xlsx_book_lookup_defined_name (book, "CSN_THEME_IDS", -1);
  g_assert_nonnull (name);
  g_assert_cmpstr (name->formula, ==, "Temas!$A$2:$A$4");
  g_assert_cmpint (name->scope, ==, -1);
  g_assert_null (csn_xlsx_book_lookup_defined_name (book, "csn_local", -1));
  name = csn_xlsx_book_lookup_defined_name (book, "csn_local", 0);
  g_assert_nonnull (name);
  g_assert_cmpint (name->scope, ==, 0);

  ids = csn_xlsx_book_read_defined_name (book, "csn_theme_ids", -1, &id_range, &error);
  g_assert_no_error (error);
  stances = csn_xlsx_book_read_defined_name (book, "csn_theme_stances", -1, &stance_range, &error);
  g_assert_no_error (error);
  g_assert_true (ids == stances);
  g_assert_cmpuint (id_range.first_row, ==, 1);
  g_assert_cmpuint (id_range.last_row, ==, 3);
  g_assert_cmpuint (stance_range.first_column, ==, 1);
  g_assert_cmpstr (csn_xlsx_table_get (ids, id_range.first_row + 2, id_range.first_column)->text, ==, "theme-00000003");
  g_assert_cmpstr (csn_xlsx_table_get (ids, stance_range.first_row + 2, stance_range.first_column)->text, ==, "Objeta");

  local = csn_xlsx_book_read_defined_name (book, "csn_local", 0, &range, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (range.first_row, ==, 0);
  g_assert_cmpuint (range.last_row, ==, CSN_XLSX_MAX_ROWS - 1);
  g_assert_cmpuint (range.first_column, ==, 3);

  g_assert_null (csn_xlsx_book_read_defined_name (book, "csn_deleted", -1, &range, &error));
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_BAD_REFERENCE);
  g_assert_cmpstr (error->message, ==, "answers-MX.xlsx: the name “csn_deleted” refers to cells that were deleted");
  g_clear_error (&error);
  g_assert_null (csn_xlsx_book_read_defined_name (book, "csn_nothing", -1, &range, &error));
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "answers-MX.xlsx: the workbook has no name “csn_nothing”");
}

static void
test_from_bytes (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CsnXlsxBook) book = NULL;
  g_autoptr(CsnXlsxBook) missing = NULL;
  g_autoptr(GFile) nowhere = NULL;
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &data, &length, NULL));
  bytes = g_bytes_new_take (data, length);
  book = csn_xlsx_book_new_from_bytes (bytes, "Respuestas de México.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csn_xlsx_book_get_display_name (book), ==, "Respuestas de México.xlsx");

  nowhere = g_file_new_for_path ("/nonexistent/answers.xlsx");
  missing = csn_xlsx_book_new_from_file (nowhere, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An OLE2 compound file with the given streams, written by libgsf. */
static void
write_ole2 (const char  *path,
            const char **streams)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (sink);
  for (guint i = 0; streams[i] != NULL; i++)
    {
      GsfOutput *stream = gsf_outfile_new_child (ole, streams[i], FALSE);

      gsf_output_write (stream, 8, (const guint8 *) "\1\0\0\0\4\0\0\0");
      gsf_output_close (stream);
      g_object_unref (stream);
    }
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  g_object_unref (sink);
}

static void
test_ole2 (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *encrypted[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  const char *binary[] = { "Workbook", NULL };
  const char *other[] = { "WordDocument", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxBook) book = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

  write_ole2 (fixture->path, encrypted);
  book = csn_xlsx_book_new_from_file (file, NULL, &error);
  g_assert_null (book);
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_ENCRYPTED);
  g_assert_cmpstr (error->message, ==,
                   "answers-MX.xlsx: the workbook is protected with a password; save a copy without the password and try again");
  g_clear_error (&error);

  write_ole2 (fixture->path, binary);
  book = csn_xlsx_book_new_from_file (file, NULL, &error);
  g_assert_null (book);
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_WORKBOOK);
  g_assert_cmpstr (error->message, ==,
                   "answers-MX.xlsx: this is an Excel 97–2003 workbook (.xls); save it as “Excel Workbook (.xlsx)” and try again");
  g_clear_error (&error);

  write_ole2 (fixture->path, other);
  book = csn_xlsx_book_new_from_file (file, NULL, &error);
  g_assert_null (book);
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_ZIP);
}

typedef struct
{
  CsnXlsxBook  *book;
  const char   *path;
  CsnXlsxTable *tables[2];
  guint         n_cells;
} Reading;

static gpointer
read_in_thread (gpointer data)
{
  Reading *reading = data;
  g_autoptr(CsnXlsxBook) own = NULL;
  CsnXlsxBook *book = reading->book;

  /* Half the threads share one book, the others each open their own. */
  if (book == NULL)
    book = own = open_book (reading->path);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_cells;

      reading->tables[i] = csn_xlsx_book_read_sheet (book, i, &error);
      g_assert_no_error (error);
      csn_xlsx_table_get_cells (reading->tables[i], &n_cells);
      reading->n_cells += n_cells;
    }
  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CsnXlsxBook) book = open_book (fixture->path);
  Reading readings[8] = { { 0 } };
  GThread *threads[G_N_ELEMENTS (readings)];

  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      readings[i].book = i % 2 == 0 ? book : NULL;
      readings[i].path = fixture->path;
      threads[i] = g_thread_new ("reader", read_in_thread, &readings[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_assert_cmpuint (readings[i].n_cells, ==, 18);
      /* The threads that shared the book got the one table it read. */
      if (i % 2 == 0)
        g_assert_true (readings[i].tables[0] == readings[0].tables[0]);
      g_assert_cmpstr (csn_xlsx_table_get (readings[i].tables[1], 0, 1)->text, ==, "d1b0112a-0000-4000-8000-000000000000");
      csn_xlsx_table_unref (readings[i].tables[0]);
      csn_xlsx_table_unref (readings[i].tables[1]);
    }
}

static void
test_references (void)
{
  struct {
    const char   *formula;
    const char   *sheet;
    CsnXlsxRange  range;
  } good[] = {
    { "'Theme matrix'!$H$2:$H$41", "Theme matrix", { 1, 7, 40, 7 } },
    { "='It''s ''quoted'''!A1", "It's 'quoted'", { 0, 0, 0, 0 } },
    { "Temas!$C:$E", "Temas", { 0, 2, CSN_XLSX_MAX_ROWS - 1, 4 } },
    { " Temas!$2:$3 ", "Temas", { 1, 0, 2, CSN_XLSX_MAX_COLUMNS - 1 } },
    { "Temas!XFD1048576", "Temas", { CSN_XLSX_MAX_ROWS - 1, CSN_XLSX_MAX_COLUMNS - 1, CSN_XLSX_MAX_ROWS - 1, CSN_XLSX_MAX_COLUMNS - 1 } },
    { "$B$3:$A$1", NULL, { 0, 0, 2, 1 } },
    { "'Matriz de México'!$AA$10", "Matriz de México", { 9, 26, 9, 26 } },
  };
  const char *bad[] = {
    "", "#REF!", "Temas!#REF!", "Temas!$A$1,Temas!$B$1", "[1]Temas!A1", "'A:B'!A1", "Temas:Otra!A1",
    "Temas!XFE1", "Temas!A1048577", "Temas!A0", "Temas!A1:B", "Temas!$A$1:$2", "'Temas!A1", "'Temas'A1",
    "Temas!A1 extra", "SUM(Temas!A1:A3)", "Temas!AAAA1", "42", "Te mas!A1", "!A1", "''!A1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *sheet = NULL;
      CsnXlsxRange range;

      g_assert_true (csn_xlsx_parse_reference (good[i].formula, &sheet, &range));
      g_assert_cmpstr (sheet, ==, good[i].sheet);
      g_assert_cmpuint (range.first_row, ==, good[i].range.first_row);
      g_assert_cmpuint (range.first_column, ==, good[i].range.first_column);
      g_assert_cmpuint (range.last_row, ==, good[i].range.last_row);
      g_assert_cmpuint (range.last_column, ==, good[i].range.last_column);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *sheet = NULL;
      CsnXlsxRange range;

      if (csn_xlsx_parse_reference (bad[i], &sheet, &range))
        g_error ("“%s” was taken as a range", bad[i]);
    }
}

static void
test_helpers (void)
{
  char name[CSN_XLSX_CELL_NAME_SIZE];
  char iso_date[11];

  csn_xlsx_cell_name (0, 0, name);
  g_assert_cmpstr (name, ==, "A1");
  csn_xlsx_cell_name (11, 2, name);
  g_assert_cmpstr (name, ==, "C12");
  csn_xlsx_cell_name (99, 25, name);
  g_assert_cmpstr (name, ==, "Z100");
  csn_xlsx_cell_name (0, 26, name);
  g_assert_cmpstr (name, ==, "AA1");
  csn_xlsx_cell_name (CSN_XLSX_MAX_ROWS - 1, CSN_XLSX_MAX_COLUMNS - 1, name);
  g_assert_cmpstr (name, ==, "XFD1048576");

  g_assert_true (csn_xlsx_serial_to_iso_date (45730.99, FALSE, iso_date));
  g_assert_cmpstr (iso_date, ==, "2025-03-14");
  g_assert_true (csn_xlsx_serial_to_iso_date (1, FALSE, iso_date));
  g_assert_cmpstr (iso_date, ==, "1900-01-01");
  g_assert_false (csn_xlsx_serial_to_iso_date (60, FALSE, iso_date));
  g_assert_false (csn_xlsx_serial_to_iso_date (0.75, FALSE, iso_date));
  g_assert_false (csn_xlsx_serial_to_iso_date (-1, FALSE, iso_date));
  g_assert_false (csn_xlsx_serial_to_iso_date (NAN, FALSE, iso_date));
  g_assert_false (csn_xlsx_serial_to_iso_date (1e300, FALSE, iso_date));
  g_assert_true (csn_xlsx_serial_to_iso_date (0, TRUE, iso_date));
  g_assert_cmpstr (iso_date, ==, "1904-01-01");
  g_assert_true (csn_xlsx_serial_to_iso_date (44268, TRUE, iso_date));
  g_assert_cmpstr (iso_date, ==, "2025-03-14");

  g_assert_true (csn_xlsx_text_to_iso_date ("2025-03-14", iso_date));
  g_assert_cmpstr (iso_date, ==, "2025-03-14");
  g_assert_true (csn_xlsx_text_to_iso_date (" 2024-02-29T10:00:00Z", iso_date));
  g_assert_cmpstr (iso_date, ==, "2024-02-29");
  g_assert_true (csn_xlsx_text_to_iso_date ("2025-03-14 09:30", iso_date));
  g_assert_false (csn_xlsx_text_to_iso_date ("2023-02-29", iso_date));
  g_assert_false (csn_xlsx_text_to_iso_date ("14/03/2025", iso_date));
  g_assert_false (csn_xlsx_text_to_iso_date ("2025-3-14", iso_date));
  g_assert_false (csn_xlsx_text_to_iso_date ("2025-03-14x", iso_date));
  g_assert_false (csn_xlsx_text_to_iso_date ("0000-01-01", iso_date));
}

static void
test_messages_translated (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *encrypted[] = { "EncryptionInfo", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnXlsxBook) book = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

  write_ole2 (fixture->path, encrypted);
  book = csn_xlsx_book_new_from_file (file, NULL, &error);
  g_assert_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_ENCRYPTED);
  if (g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0)
    g_assert_cmpstr (error->message, ==,
                     "answers-MX.xlsx: el libro está protegido con contraseña; guarde una copia sin contraseña e inténtelo de nuevo");
  else
    g_assert_cmpstr (error->message, ==,
                     "answers-MX.xlsx: the workbook is protected with a password; save a copy without the password and try again");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/sheets", Fixture, NULL, fixture_set_up, test_sheets, fixture_tear_down);
  g_test_add ("/xlsx/cells", Fixture, NULL, fixture_set_up, test_cells, fixture_tear_down);
  g_test_add ("/xlsx/defined-names", Fixture, NULL, fixture_set_up, test_defined_names, fixture_tear_down);
  g_test_add ("/xlsx/from-bytes", Fixture, NULL, fixture_set_up, test_from_bytes, fixture_tear_down);
  g_test_add ("/xlsx/ole2", Fixture, NULL, fixture_set_up, test_ole2, fixture_tear_down);
  g_test_add ("/xlsx/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);
  g_test_add_func ("/xlsx/references", test_references);
  g_test_add_func ("/xlsx/helpers", test_helpers);
  g_test_add ("/xlsx/messages-translated", Fixture, NULL, fixture_set_up, test_messages_translated,
              fixture_tear_down);

  return g_test_run ();
}
