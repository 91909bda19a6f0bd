/* bench-document.c: times the recommendations document (DOCX and PDF) of a large draft against the
 * .xlsx export of the same draft, with the peak memory of each; the PDF against bare cairo showing
 * as many glyphs (its floor), and against LibreOffice turning that DOCX into a PDF. */
#define G_LOG_DOMAIN "bench-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-draft.h"
#include "csn-document.h"
#include "csn-document-export.h"
#include "csn-draft.h"
#include "csn-export.h"
#include "csn-item.h"

static guint n_themes = 500;
static guint n_strategies = 5000;
static guint n_role_proposals = 2000;
static guint n_participants = 1000;
static guint n_runs = 3;
static gboolean skip_libreoffice;
static char *keep_dir;
static char *profile;

typedef enum { RUN_XLSX, RUN_DOCX, RUN_PDF, RUN_BARE_PDF, N_KINDS } RunKind;

static const char * const kind_names[] = { "xlsx export", "DOCX document", "PDF document", "bare cairo PDF" };
static const char * const kind_files[] = { "export.xlsx", "document.docx", "document.pdf", "bare.pdf" };

static guint64 n_characters;

static void
count_text (const CsnDocumentText *text)
{
  for (guint i = 0; i < text->n_runs; i++)
    n_characters += g_utf8_strlen (text->runs[i].text, text->runs[i].length);
}

/* The characters the document sets, to give the bare PDF as many glyphs. */
static void
count_characters (CsnDraft *draft)
{
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);

  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);

      count_text (&block->text);
      for (guint r = 0; block->table != NULL && r < block->table->n_rows; r++)
        for (guint c = 0; c < block->table->rows[r].n_cells; c++)
          count_text (&block->table->rows[r].cells[c].text);
    }
  for (guint i = 0; i < csn_document_get_n_footnotes (doc); i++)
    count_text (&csn_document_get_footnote (doc, i)->text);
}

/* The floor: cairo's PDF surface showing as many glyphs of the same font, a line of 90 at a
 * time at their natural advances, with no layout at all. */
static void
write_bare_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *desc = pango_font_description_from_string (CSN_DOCUMENT_FONT_FAMILY " 11");
  PangoFont *font = pango_font_map_load_font (map, context, desc);
  PangoLayout *layout = pango_layout_new (context);
  PangoLayoutRun *run;
  cairo_glyph_t glyphs[90];
  double y = 72;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "protección consular de migrantes y cooperación regional para el "
                         "fortalecimiento de las capacidades instituc", -1);
  run = pango_layout_get_line_readonly (layout, 0)->runs->data;
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
  for (guint64 done = 0; done < n_characters; done += 90)
    {
      double x = 72;

      for (int g = 0; g < 90; g++)
        {
          PangoGlyphInfo *info = &run->glyphs->glyphs[g % run->glyphs->num_glyphs];

          glyphs[g].index = info->glyph;
          glyphs[g].x = x;
          glyphs[g].y = y;
          x += (double) info->geometry.width / PANGO_SCALE;
        }
      cairo_show_glyphs (cr, glyphs, 90);
      y += 14;
      if (y > 770)
        {
          cairo_show_page (cr);
          y = 72;
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("bare PDF: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  g_object_unref (layout);
  g_object_unref (font);
  pango_font_description_free (desc);
  g_object_unref (context);
}

static void
export (CsnDraft   *draft,
        RunKind     kind,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (kind == RUN_BARE_PDF)
    {
      write_bare_pdf (path);
      return;
    }
  if (kind == RUN_XLSX)
    ok = csn_export_xlsx (draft, path, CSN_LANGUAGE_ES, NULL, NULL, NULL, &error);
  else
    ok = csn_document_export (draft, path, CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, &error);
  if (!ok)
    g_error ("%s", error->message);
}

/* One export in a child process, so that each has its own peak RSS (the loaded draft included);
 * with the CPU time of the whole child (user + system) and of its main thread alone: on a busy
 * machine the wall-clock time swells, and the main thread's CPU time is what a quiet machine with
 * a spare core would wait for. */
static double
run_once (CsnDraft   *draft,
          RunKind     kind,
          const char *path,
          long       *max_rss_kib,
          double     *cpu,
          double     *main_cpu)
{
  struct rusage usage;
  int status;
  int fds[2];
  gint64 start;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      struct timespec ts;
      double seconds;

      close (fds[0]);
      export (draft, kind, path);
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
      seconds = ts.tv_sec + ts.tv_nsec / 1e9;
      if (write (fds[1], &seconds, sizeof seconds) != sizeof seconds)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 ||
      read (fds[0], main_cpu, sizeof *main_cpu) != sizeof *main_cpu)
    g_error ("the benchmark's child failed");
  close (fds[0]);
  *max_rss_kib = usage.ru_maxrss;
  *cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* LibreOffice turning the DOCX into a PDF, as a user without Consenso's PDF would. */
static double
time_libreoffice (const char *docx,
                  const char *dir)
{
  g_autofree char *profile_dir = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_url = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_url, NULL);
  g_autofree char *out_dir = g_build_filename (dir, "lo", NULL);
  const char *argv[] = { "soffice", profile_arg, "--headless", "--convert-to", "pdf", "--outdir", out_dir, docx, NULL };
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start;

  /* A first start creates the profile; the timed run finds it, as a user's would. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return -1;
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *dir = NULL;
  char *paths[N_KINDS];
  double times[N_KINDS][64], cpus[N_KINDS][64], main_cpus[N_KINDS][64];
  double medians[N_KINDS], bests[N_KINDS], cpu_medians[N_KINDS], main_cpu_medians[N_KINDS];
  long rss[N_KINDS] = { 0 };
  double t_generate, t_libreoffice = -1;
  struct stat st;
  gint64 start;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each writer (default 3, at most 64)", "N" },
    { "themes", 0, 0, G_OPTION_ARG_INT, &n_themes, "Themes (default 500)", "N" },
    { "strategies", 0, 0, G_OPTION_ARG_INT, &n_strategies, "Strategies (default 5000)", "N" },
    { "role-proposals", 0, 0, G_OPTION_ARG_INT, &n_role_proposals, "Role proposals (default 2000)", "N" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Participants (default 1000)", "N" },
    { "no-libreoffice", 0, 0, G_OPTION_ARG_NONE, &skip_libreoffice, "Do not time LibreOffice", NULL },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep_dir, "Also write the outputs and the draft into DIR", "DIR" },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile,
      "Only write xlsx, docx, pdf or bare (the bare cairo PDF), N times in this process (to run under callgrind or perf)", "KIND" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_runs = CLAMP (n_runs, 1, 64);
  n_themes = MAX (n_themes, 1);
  g_setenv ("SOURCE_DATE_EPOCH", "1290700000", TRUE);

  dir = g_dir_make_tmp ("bench-document-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  for (RunKind k = 0; k < N_KINDS; k++)
    paths[k] = g_build_filename (dir, kind_files[k], NULL);

  start = g_get_monotonic_time ();
  {
    BenchDraftSize size = { n_themes, n_strategies, n_role_proposals, n_participants };

    /* The large draft the other benchmarks use (bench-draft.c). */
    draft = bench_draft_generate (&size);
  }
  t_generate = (g_get_monotonic_time () - start) / 1e6;
  count_characters (draft);

  if (profile != NULL)
    {
      RunKind kind = g_str_equal (profile, "xlsx") ? RUN_XLSX : g_str_equal (profile, "docx") ? RUN_DOCX :
                     g_str_equal (profile, "bare") ? RUN_BARE_PDF : RUN_PDF;

      for (guint i = 0; i < n_runs; i++)
        export (draft, kind, paths[kind]);
      return 0;
    }

  /* Interleaved, so that a slow moment of the machine hurts every writer alike. */
  for (guint i = 0; i < n_runs; i++)
    for (RunKind k = 0; k < N_KINDS; k++)
      {
        long kib;

        times[k][i] = run_once (draft, k, paths[k], &kib, &cpus[k][i], &main_cpus[k][i]);
        rss[k] = MAX (rss[k], kib);
      }
  for (RunKind k = 0; k < N_KINDS; k++)
    {
      medians[k] = median (times[k], n_runs);
      bests[k] = times[k][0];  /* sorted by median() */
      cpu_medians[k] = median (cpus[k], n_runs);
      main_cpu_medians[k] = median (main_cpus[k], n_runs);
    }

  if (!skip_libreoffice)
    t_libreoffice = time_libreoffice (paths[RUN_DOCX], dir);

  g_print ("draft: %u themes, %u strategies, %u role proposals, %u participants (made in %.3f s); "
           "the document sets %" G_GUINT64_FORMAT " characters\n",
           n_themes, n_strategies, n_role_proposals, n_participants, t_generate, n_characters);
  g_print ("median of %u runs, each in a child process (best; CPU user+system; the main thread's CPU):\n", n_runs);
  for (RunKind k = 0; k < N_KINDS; k++)
    {
      g_stat (paths[k], &st);
      g_print ("  %-14s %7.3f s   %5.2f x xlsx   peak RSS %6.1f MiB   %6.1f MiB on disk   "
               "(best %.3f s; CPU %.3f s; main thread %.3f s, %.2f x xlsx)\n",
               kind_names[k], medians[k], medians[k] / medians[RUN_XLSX], rss[k] / 1024.0,
               st.st_size / 1048576.0, bests[k], cpu_medians[k], main_cpu_medians[k],
               main_cpu_medians[k] / main_cpu_medians[RUN_XLSX]);
    }
  g_print ("Consenso's PDF / the bare cairo PDF of as many glyphs: %.2f\n", medians[RUN_PDF] / medians[RUN_BARE_PDF]);
  if (t_libreoffice >= 0)
    g_print ("  LibreOffice DOCX -> PDF %7.3f s   %.1f x Consenso's PDF\n", t_libreoffice,
             t_libreoffice / medians[RUN_PDF]);
  else if (!skip_libreoffice)
    g_print ("  LibreOffice: not available\n");
  g_print ("targets: DOCX <= 2 x xlsx %s, PDF <= 2 x xlsx %s, peak RSS < 150 MiB %s",
           medians[RUN_DOCX] <= 2 * medians[RUN_XLSX] ? "met" : "MISSED",
           medians[RUN_PDF] <= 2 * medians[RUN_XLSX] ? "met" : "MISSED",
           MAX (rss[RUN_DOCX], rss[RUN_PDF]) < 150 * 1024 ? "met" : "MISSED");
  if (t_libreoffice >= 0)
    g_print (", PDF >= 10 x faster than LibreOffice %s", t_libreoffice >= 10 * medians[RUN_PDF] ? "met" : "MISSED");
  g_print ("\n");

  if (keep_dir != NULL)
    {
      g_autofree char *draft_path = g_build_filename (keep_dir, "bench.consenso", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (draft_path);

      g_mkdir_with_parents (keep_dir, 0755);
      if (!csn_draft_save_to_file (draft, file, &error))
        g_error ("%s", error->message);
      for (RunKind k = 0; k < N_KINDS; k++)
        {
          g_autofree char *kept = g_build_filename (keep_dir, kind_files[k], NULL);

          g_rename (paths[k], kept);
        }
    }

  for (RunKind k = 0; k < N_KINDS; k++)
    {
      g_unlink (paths[k]);
      g_free (paths[k]);
    }
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (rm) != 0)
      g_warning ("could not remove %s", dir);
  }
  return 0;
}
