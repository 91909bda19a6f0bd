/* bench-preview.c: how soon the Document page's preview shows an edit (issue 11: within 100 ms
 * on the template), and what it costs the main loop (what typing would wait for). The same edits
 * are made with the page out of sight (the Theme Matrix shown) and in sight: the difference in the
 * longest main-loop stall is the preview's; the rest is the draft's and the other pages' handlers.
 * Not a test: a benchmark, run by hand under xvfb-run with the test environment.
 * Usage: bench-preview [-n RUNS] [DRAFT.consenso]   (the CRM template without a draft) */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "csn-document.h"
#include "csn-document-page.h"
#include "csn-document-preview.h"
#include "csn-document-texts.h"
#include "csn-recovery.h"
#include "ui-test-util.h"

typedef struct
{
  gint64 last;      /* the stall probe's last tick */
  gint64 longest;   /* the longest gap between two ticks */
} StallProbe;

static gboolean
on_probe_cb (gpointer user_data)
{
  StallProbe *probe = user_data;
  gint64 now = g_get_monotonic_time ();

  probe->longest = MAX (probe->longest, now - probe->last);
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  gint64 paged;     /* new pages handed to the preview */
  gint64 painted;   /* the first frame painted after that */
} Moments;

static void
on_n_pages_cb (CsnDocumentPage *page,
               GParamSpec      *pspec,
               Moments         *moments)
{
  if (moments->paged == 0)
    moments->paged = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Moments       *moments)
{
  if (moments->paged != 0 && moments->painted == 0)
    moments->painted = g_get_monotonic_time ();
}

/* CPU time of the calling thread: what the main thread worked, whatever else the machine runs. */
static gint64
get_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
report (const char *what,
        GArray     *values)
{
  g_array_sort (values, compare_doubles);
  g_print ("%-44s median %7.1f ms   best %7.1f   worst %7.1f\n", what, median (values),
           g_array_index (values, double, 0), g_array_index (values, double, values->len - 1));
}

static void
append_ms (GArray *values,
           gint64  microseconds)
{
  double value = microseconds / 1000.0;

  g_array_append_val (values, value);
}

typedef struct
{
  CsnDraft        *draft;
  CsnWindow       *window;
  CsnDocumentPage *page;
  GdkFrameClock   *clock;
  gint64           window_us;  /* how long after an edit stalls are looked for */
} Bench;

/* One edit of the closing text after a pause, as a person makes it; with the page in sight, until
 * the preview painted it. */
static void
edit_once (Bench  *bench,
           guint   run,
           GArray *edits,
           GArray *stalls,
           GArray *cpu,
           GArray *shown,
           GArray *painted)
{
  gboolean in_sight = gtk_widget_get_mapped (GTK_WIDGET (bench->page));
  g_autofree char *text = g_strdup_printf ("El Grupo agradece a la Presidencia Pro Témpore (%u).", run);
  Moments moments = { 0, 0 };
  StallProbe probe = { 0, 0 };
  gulong paged_id = g_signal_connect (bench->page, "notify::n-pages", G_CALLBACK (on_n_pages_cb), &moments);
  gulong paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (on_after_paint_cb), &moments);
  guint probe_id;
  gint64 start, cpu_start;

  /* Past the page's rate limit, with nothing left to run from the previous edit. */
  ui_test_flush ();
  g_usleep (150 * 1000);
  ui_test_flush ();

  cpu_start = get_thread_cpu_time ();
  start = g_get_monotonic_time ();
  csn_draft_set_string (bench->draft, CSN_ITEM (csn_draft_get_document_texts (bench->draft)),
                        CSN_DOCUMENT_TEXTS_PROP_CLOSING, text);
  append_ms (edits, g_get_monotonic_time () - start);

  probe.last = g_get_monotonic_time ();
  probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_probe_cb, &probe, NULL);
  UI_TEST_WAIT_UNTIL ((!in_sight || moments.painted != 0) && g_get_monotonic_time () - start > bench->window_us);
  g_source_remove (probe_id);
  append_ms (cpu, get_thread_cpu_time () - cpu_start);
  g_signal_handler_disconnect (bench->page, paged_id);
  g_signal_handler_disconnect (bench->clock, paint_id);

  append_ms (stalls, probe.longest);
  if (in_sight)
    {
      append_ms (shown, moments.paged - start);
      append_ms (painted, moments.painted - start);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hidden_stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hidden_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  CsnApplication *app;
  Bench bench;
  guint runs = 10;
  gint64 start, first;
  int arg = 1;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  if (argc > 2 && g_str_equal (argv[1], "-n"))
    {
      runs = MAX (1, atoi (argv[2]));
      arg = 3;
    }
  if (arg < argc)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[arg]);
      g_autoptr(GError) error = NULL;

      draft = csn_draft_load_from_file (file, &error);
      if (draft == NULL)
        g_error ("%s", error->message);
    }
  else
    draft = csn_draft_new_from_template ();

  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));
  bench.draft = draft;
  bench.window = csn_window_new (app, draft);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1366, 768);
  ui_test_present_window (GTK_WINDOW (bench.window));
  bench.page = CSN_DOCUMENT_PAGE (csn_window_get_page (bench.window, "document"));
  bench.clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));

  start = g_get_monotonic_time ();
  csn_window_show_page (bench.window, "document");
  UI_TEST_WAIT_UNTIL (csn_document_page_is_updated (bench.page));
  first = g_get_monotonic_time () - start;
  g_print ("%u pages; first preview after showing the page: %.1f ms\n",
           csn_document_page_get_n_pages (bench.page), first / 1000.0);
  bench.window_us = CLAMP (3 * first, 300 * G_TIME_SPAN_MILLISECOND, 3 * G_TIME_SPAN_SECOND);

  for (guint i = 0; i < runs; i++)
    edit_once (&bench, i, edits, stalls, cpu, shown, painted);

  csn_window_show_page (bench.window, "theme-matrix");
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (bench.page)));
  for (guint i = 0; i < runs; i++)
    edit_once (&bench, runs + i, edits, hidden_stalls, hidden_cpu, NULL, NULL);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(CsnDocument) document = NULL;

      start = g_get_monotonic_time ();
      document = csn_document_new (draft, csn_document_page_get_language (bench.page));
      append_ms (builds, g_get_monotonic_time () - start);
    }

  report ("the edit (the draft and every page's handler)", edits);
  /* Wall times below count whatever else the machine runs; CPU times do not. */
  report ("edit → new pages in the preview", shown);
  report ("edit → first frame painted with them", painted);
  report ("longest stall after the edit, page in sight", stalls);
  report ("longest stall after the edit, page hidden", hidden_stalls);
  report ("main thread's CPU time per edit, page in sight", cpu);
  report ("main thread's CPU time per edit, page hidden", hidden_cpu);
  report ("the document's build alone (main thread)", builds);

  csn_recovery_discard (csn_window_get_recovery (bench.window));
  ui_test_destroy_window (GTK_WINDOW (bench.window));
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return 0;
}
