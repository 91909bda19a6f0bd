/* bench-xlsx-read.c: writes the eleven answer workbooks of a large draft with libxlsxwriter (--write
 * DIR), or times reading workbooks with CsnXlsxBook: every sheet, every cell, best of several runs. */
#define G_LOG_DOMAIN "bench-xlsx-read"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "csn-xlsx-reader.h"

static const char *countries[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
static const char *words[] = {
  "migración", "protección", "consular", "niñez", "no", "acompañada", "retorno", "reintegración",
  "trata", "personas", "tráfico", "ilícito", "migrantes", "flujos", "mixtos", "extrarregionales",
  "cooperación", "regional", "fortalecimiento", "capacidades", "institucionales", "derechos",
  "humanos", "desarrollo", "laboral", "mecanismo", "seguimiento", "evaluación", "país", "red",
};
static const char *stances[] = { "Apoya", "Apoya con reserva", "Objeta", "Se abstiene", "" };

static char *
sentence (GRand *rand,
          guint  n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (out, FALSE);
}

/* One sheet as the delegation export lays it out: an id, the group's content, two answer columns. */
static void
write_sheet (lxw_workbook *workbook,
             const char   *title,
             const char   *prefix,
             const char   *name,
             guint         n_rows,
             GRand        *rand,
             lxw_format   *date_format)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, title);
  static const char *headers[] = { "ID", "Título", "Descripción", "Pilar", "Plazo", "Consenso",
                                   "Países", "Fecha", "Postura", "Comentario" };
  g_autofree char *range = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);
  for (guint r = 1; r <= n_rows; r++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%08x", prefix, g_rand_int (rand));
      g_autofree char *item_title = sentence (rand, 6);
      g_autofree char *description = sentence (rand, 24);
      g_autofree char *comment = sentence (rand, g_rand_int_range (rand, 0, 12));
      lxw_datetime date = { 2025, 3, 1 + g_rand_int_range (rand, 0, 28), 0, 0, 0 };

      worksheet_write_string (sheet, r, 0, id, NULL);
      worksheet_write_string (sheet, r, 1, item_title, NULL);
      worksheet_write_string (sheet, r, 2, description, NULL);
      worksheet_write_string (sheet, r, 3, words[g_rand_int_range (rand, 0, 3)], NULL);
      worksheet_write_string (sheet, r, 4, g_rand_boolean (rand) ? "Corto plazo" : "Mediano plazo", NULL);
      worksheet_write_string (sheet, r, 5, "Pendiente", NULL);
      worksheet_write_number (sheet, r, 6, g_rand_int_range (rand, 0, 12), NULL);
      worksheet_write_datetime (sheet, r, 7, &date, date_format);
      worksheet_write_string (sheet, r, 8, stances[g_rand_int_range (rand, 0, G_N_ELEMENTS (stances))], NULL);
      worksheet_write_string (sheet, r, 9, comment, NULL);
    }
  range = g_strdup_printf ("='%s'!$I$2:$I$%u", title, n_rows + 1);
  workbook_define_name (workbook, name, range);
}

static int
write_workbooks (const char *folder)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autofree char *base = g_strdup_printf ("answers-%s.xlsx", countries[i]);
      g_autofree char *path = g_build_filename (folder, base, NULL);
      lxw_workbook *workbook = workbook_new (path);
      lxw_format *date_format = workbook_add_format (workbook);

      format_set_num_format (date_format, "yyyy-mm-dd");
      write_sheet (workbook, "Matriz de temas", "theme", "csn_theme_stance", 500, rand, date_format);
      write_sheet (workbook, "Estrategias", "strategy", "csn_strategy_stance", 5000, rand, date_format);
      write_sheet (workbook, "Propuestas", "proposal", "csn_proposal_stance", 2000, rand, date_format);
      if (workbook_close (workbook) != LXW_NO_ERROR)
        {
          g_printerr ("could not write %s\n", path);
          return 1;
        }
    }
  return 0;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gboolean
read_all (char   **paths,
          guint64 *n_cells,
          guint64 *n_bytes,
          GError **error)
{
  *n_cells = *n_bytes = 0;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(CsnXlsxBook) book = csn_xlsx_book_new_from_file (file, NULL, error);

      if (book == NULL)
        return FALSE;
      for (guint s = 0; s < csn_xlsx_book_get_n_sheets (book); s++)
        {
          g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, s, error);
          const CsnXlsxCell *cells;
          guint count;

          if (table == NULL)
            return FALSE;
          cells = csn_xlsx_table_get_cells (table, &count);
          for (guint c = 0; c < count; c++)
            *n_bytes += strlen (cells[c].text);
          *n_cells += count;
        }
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;
  double best_cpu = G_MAXDOUBLE;
  guint64 n_cells = 0, n_bytes = 0;
  const guint n_runs = 7;

  if (argc == 3 && g_str_equal (argv[1], "--write"))
    return write_workbooks (argv[2]);
  if (argc < 2)
    {
      g_printerr ("usage: bench-xlsx-read --write DIR | bench-xlsx-read WORKBOOK…\n");
      return 2;
    }

  for (guint run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double start_cpu = cpu_seconds ();

      if (!read_all (argv + 1, &n_cells, &n_bytes, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      best_cpu = MIN (best_cpu, cpu_seconds () - start_cpu);
    }
  printf ("CsnXlsxBook: %d workbooks, %" G_GUINT64_FORMAT " cells, %" G_GUINT64_FORMAT
          " bytes of text: %.3f s, %.3f s of processor time (best of %u)\n",
          argc - 1, n_cells, n_bytes, best, best_cpu, n_runs);
  return 0;
}
