/* xlsx-dump.c: prints what CsnXlsxBook reads from workbooks as JSON, for the Python tests to compare
 * with what they wrote; a refused file prints "ERROR <code> <message>" on stderr and exits 1. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "csn-xlsx-reader.h"

static const char *
type_name (CsnXlsxCellType type)
{
  switch (type)
    {
    case CSN_XLSX_CELL_STRING:
      return "string";
    case CSN_XLSX_CELL_NUMBER:
      return "number";
    case CSN_XLSX_CELL_BOOLEAN:
      return "boolean";
    case CSN_XLSX_CELL_ERROR:
    default:
      return "error";
    }
}

static const char *
state_name (CsnXlsxSheetState state)
{
  switch (state)
    {
    case CSN_XLSX_SHEET_HIDDEN:
      return "hidden";
    case CSN_XLSX_SHEET_VERY_HIDDEN:
      return "veryHidden";
    case CSN_XLSX_SHEET_VISIBLE:
    default:
      return "visible";
    }
}

static void
add_range (JsonBuilder        *builder,
           const CsnXlsxRange *range)
{
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, range->first_row);
  json_builder_add_int_value (builder, range->first_column);
  json_builder_add_int_value (builder, range->last_row);
  json_builder_add_int_value (builder, range->last_column);
  json_builder_end_array (builder);
}

static gboolean
dump_table (JsonBuilder   *builder,
            CsnXlsxTable  *table)
{
  const CsnXlsxCell *cells;
  const guint32 *hidden_rows;
  guint n_cells, n_hidden;

  json_builder_set_member_name (builder, "protected");
  json_builder_add_boolean_value (builder, csn_xlsx_table_get_protected (table));
  json_builder_set_member_name (builder, "hidden_rows");
  json_builder_begin_array (builder);
  hidden_rows = csn_xlsx_table_get_hidden_rows (table, &n_hidden);
  for (guint i = 0; i < n_hidden; i++)
    {
      g_assert (csn_xlsx_table_is_row_hidden (table, hidden_rows[i]));
      g_assert (i == 0 || hidden_rows[i - 1] < hidden_rows[i]);
      json_builder_add_int_value (builder, hidden_rows[i] + 1);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cells");
  json_builder_begin_object (builder);
  cells = csn_xlsx_table_get_cells (table, &n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const CsnXlsxCell *cell = &cells[i];
      char name[CSN_XLSX_CELL_NAME_SIZE];
      char iso_date[11];

      g_assert (csn_xlsx_table_get (table, cell->row, cell->column) == cell);
      csn_xlsx_cell_name (cell->row, cell->column, name);
      json_builder_set_member_name (builder, name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, type_name (cell->type));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, cell->text);
      if (cell->type == CSN_XLSX_CELL_NUMBER || cell->type == CSN_XLSX_CELL_BOOLEAN)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          /* As text: json-glib 1.6 writes 1e-10 as the invalid 1e-10.0. */
          json_builder_set_member_name (builder, "number");
          json_builder_add_string_value (builder, g_ascii_dtostr (number, sizeof number, cell->number));
        }
      if (cell->is_date)
        {
          json_builder_set_member_name (builder, "is_date");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (cell->is_formula)
        {
          json_builder_set_member_name (builder, "formula");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (csn_xlsx_table_get_iso_date (table, cell, iso_date))
        {
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, iso_date);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
dump (const char  *path,
      JsonBuilder *builder,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(CsnXlsxBook) book = csn_xlsx_book_new_from_file (file, NULL, error);

  if (book == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date1904");
  json_builder_add_boolean_value (builder, csn_xlsx_book_get_date1904 (book));

  json_builder_set_member_name (builder, "names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < csn_xlsx_book_get_n_defined_names (book); i++)
    {
      const CsnXlsxDefinedName *name = csn_xlsx_book_get_defined_name (book, i);
      g_autoptr(GError) range_error = NULL;
      g_autoptr(CsnXlsxTable) table = NULL;
      CsnXlsxRange range;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name->name);
      json_builder_set_member_name (builder, "formula");
      json_builder_add_string_value (builder, name->formula);
      json_builder_set_member_name (builder, "scope");
      json_builder_add_int_value (builder, name->scope);
      json_builder_set_member_name (builder, "hidden");
      json_builder_add_boolean_value (builder, name->hidden);
      table = csn_xlsx_book_read_defined_name (book, name->name, name->scope, &range, &range_error);
      if (table != NULL)
        {
          json_builder_set_member_name (builder, "sheet");
          json_builder_add_string_value (builder, csn_xlsx_table_get_sheet_name (table));
          json_builder_set_member_name (builder, "range");
          add_range (builder, &range);
        }
      else
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, range_error->message);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sheets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < csn_xlsx_book_get_n_sheets (book); i++)
    {
      g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, i, error);

      if (table == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, csn_xlsx_book_get_sheet_name (book, i));
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, csn_xlsx_book_get_sheet_id (book, i));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state_name (csn_xlsx_book_get_sheet_state (book, i)));
      g_assert (csn_xlsx_book_find_sheet (book, csn_xlsx_book_get_sheet_name (book, i)) <= (int) i);
      dump_table (builder, table);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CONSENSO_LOCALEDIR") != NULL ? g_getenv ("CONSENSO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dump (argv[i], builder, &error))
        {
          g_printerr ("ERROR %s %d %s\n", g_quark_to_string (error->domain), error->code, error->message);
          return 1;
        }
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return 0;
}
