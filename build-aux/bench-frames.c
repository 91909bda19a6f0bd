/* bench-frames.c: opens a draft in a real CsnWindow and measures what issue 16 asks of it: the time
 * to the first frame, the widgets each page makes, and the frames around switching pages, typing,
 * committing, undo, redo, adding a row, searching and saving, or (--reveal-only) opening items from
 * the Overview on pages not shown yet, and in translation mode. --floor measures the same frames
 * for a bare GTK window switching pages of labels: what a page switch costs on the display and the
 * machine at hand, without Consenso. Runs under a display (Xvfb). */
#define G_LOG_DOMAIN "bench-frames"
#define _GNU_SOURCE /* RUSAGE_THREAD */

#include "config.h"

#include <adwaita.h>
#include <X11/Xatom.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-draft.h"
#include "csn-application.h"
#include "csn-cell.h"
#include "csn-draft.h"
#include "csn-in-place-editor.h"
#include "csn-translation-view.h"
#include "csn-window.h"

#if __has_include (<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name)
#define CALLGRIND_TOGGLE_COLLECT
#define RUNNING_ON_VALGRIND 0
#endif

/* A frame whose work takes longer than this misses its vertical blank; a gap between two frames
 * longer than MISSED_GAP_US means that at least one frame was not drawn at all. */
#define FRAME_BUDGET_US 16000
#define MISSED_GAP_US 25000
#define SETTLE_MS 300
#define WATCH_MS 1000
#define WATCH_MS_UNDER_VALGRIND 20000

/* Under callgrind everything runs some 50 times slower: --watch lengthens the watch after each
 * action so that the frames it causes fall inside it (and inside the action's dump). */
static guint watch_ms;  /* 0 until given: WATCH_MS, or WATCH_MS_UNDER_VALGRIND */
static guint settle_ms = SETTLE_MS;
static char *stop_after;
static gboolean callgrind_frames;
static int each_frame;  /* --callgrind-each-frame: how many frames after each action get a file each */
static gboolean edits_only;
static gboolean reveal_only;
static gboolean scroll_while_growing;
static gboolean type_while_growing;
static gboolean list_frames;

typedef struct
{
  gint64 start;  /* the tick (update phase) of the frame */
  gint64 layout; /* the end of the layout phase: the rest is snapshot and rendering */
  gint64 end;    /* "after-paint": the frame is done */
  gint64 cpu;    /* the main thread's CPU time in the frame: on a shared machine a frame's wall time
                  * also counts the time the thread waited for a core */
  glong  faults; /* the main thread's page faults in the frame: each is a first touch of memory */
} Frame;

typedef struct
{
  CsnApplication *app;
  CsnWindow      *window;
  GtkWindow      *bare_window;  /* --floor: the window measured instead of Consenso's */
  GtkStack       *bare_stack;
  GdkFrameClock  *frame_clock;
  GArray         *frames;
  gint64          frame_start;
  gint64          frame_cpu_start;
  glong           frame_faults_start;
  gint64          layout_end;
  gboolean        collecting;  /* --callgrind-frames: instructions counted inside frames only */
  const char     *action;      /* the action being measured, for --callgrind-each-frame's file names */
  int             action_frames;  /* frames counted since the action (--callgrind-each-frame) */
  gboolean        recording;
  guint           tick_id;
  GString        *json;
  gboolean        stopped;  /* --stop-after's action was measured */
} Bench;

static const char * const page_names[] = {
  "overview", "theme-matrix", "strategies", "mechanisms", "actors", "delegations", "endorsements",
};

/* --- waiting -------------------------------------------------------------------------------- */

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

/* CPU time of the process: on a machine shared with other work, wall times move with its load,
 * CPU times much less. */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static glong
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* --- memory ------------------------------------------------------------------------------------ */

static long
status_kib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, key)) == NULL)
    return -1;
  return strtol (line + strlen (key) + 1, NULL, 10);
}

/* --- frames ------------------------------------------------------------------------------------ */

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   Bench         *bench)
{
  Frame frame = { bench->frame_start, bench->layout_end, now_us (), thread_cpu_us () - bench->frame_cpu_start,
                  thread_faults () - bench->frame_faults_start };

  if (bench->recording)
    g_array_append_val (bench->frames, frame);
  if (bench->collecting)
    {
      CALLGRIND_TOGGLE_COLLECT;
      bench->collecting = FALSE;
      if (each_frame > 0 && bench->action != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s, frame %d", bench->action, ++bench->action_frames);

          CALLGRIND_DUMP_STATS_AT (name);
        }
    }
}

static void
on_before_paint_cb (GdkFrameClock *frame_clock,
                    Bench         *bench)
{
  if ((callgrind_frames || each_frame > 0) && !bench->collecting &&
      (each_frame == 0 || (bench->action != NULL && bench->action_frames < each_frame)))
    {
      CALLGRIND_TOGGLE_COLLECT;
      bench->collecting = TRUE;
    }
}

/* Connected after GTK's own handler (the window's): the layout is done. */
static void
on_layout_cb (GdkFrameClock *frame_clock,
              Bench         *bench)
{
  bench->layout_end = now_us ();
}

/* While recording, the frame clock runs at every tick, as during an animation: a stall of the main
 * loop then shows as a late frame, whatever caused it. Nothing more is drawn than the action asks. */
static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  Bench *bench = user_data;

  if (!bench->recording)
    {
      bench->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  bench->frame_start = now_us ();
  bench->frame_cpu_start = thread_cpu_us ();
  bench->frame_faults_start = thread_faults ();
  return G_SOURCE_CONTINUE;
}

static void
start_recording (Bench *bench)
{
  g_array_set_size (bench->frames, 0);
  bench->recording = TRUE;
  if (bench->tick_id == 0)
    bench->tick_id = gtk_widget_add_tick_callback (bench->bare_window != NULL ? GTK_WIDGET (bench->bare_window)
                                                                              : GTK_WIDGET (bench->window),
                                                   keep_ticking_cb, bench, NULL);
}

typedef struct
{
  double sync_ms;        /* the action's own call */
  double latency_ms;     /* from the action to the end of the next frame painted */
  double median_frame_ms; /* the median frame's work (tick to after-paint) after the action */
  double max_frame_ms;   /* the longest frame (tick to after-paint) after the action */
  double max_frame_layout_ms; /* of which the update and layout phases (the rest is drawing) */
  double max_frame_cpu_ms; /* the most CPU time of the main thread in one frame */
  double median_gap_ms;  /* the median time between two frames, from the action on */
  double max_gap_ms;     /* the longest time between two frames, from the action on */
  guint  n_frames;
  guint  n_over;         /* frames whose work took over FRAME_BUDGET_US */
  guint  n_missed;       /* gaps over MISSED_GAP_US */
  double cpu_ms;         /* CPU time of the action's call */
  double cpu_watch_ms;   /* CPU time from the action to the end of the watch */
} Stats;

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static Stats
compute_stats (Bench  *bench,
               gint64  t_action,
               gint64  t_done,
               gint64  t_stop)
{
  Stats stats = { (t_done - t_action) / 1000.0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  gint64 end = t_done + (gint64) watch_ms * 1000;
  gint64 previous_end = t_action;
  g_autoptr(GArray) works = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < bench->frames->len; i++)
    {
      const Frame *frame = &g_array_index (bench->frames, Frame, i);

      if (frame->end < t_action)
        {
          previous_end = frame->end;
          continue;
        }
      if (frame->end > end)
        break;
      if (stats.latency_ms < 0)
        stats.latency_ms = (frame->end - t_action) / 1000.0;
      stats.n_frames++;
      g_array_append_vals (works, &(gint64) { frame->end - MAX (frame->start, t_action) }, 1);
      /* A frame under way when the action began counts from the action on: its CPU time too. */
      if (frame->start >= t_action)
        stats.max_frame_cpu_ms = MAX (stats.max_frame_cpu_ms, frame->cpu / 1000.0);
      if ((frame->end - MAX (frame->start, t_action)) / 1000.0 > stats.max_frame_ms)
        {
          stats.max_frame_ms = (frame->end - MAX (frame->start, t_action)) / 1000.0;
          stats.max_frame_layout_ms = (MAX (frame->layout, MAX (frame->start, t_action)) -
                                       MAX (frame->start, t_action)) / 1000.0;
        }
      stats.max_gap_ms = MAX (stats.max_gap_ms, (frame->end - previous_end) / 1000.0);
      g_array_append_vals (gaps, &(gint64) { frame->end - previous_end }, 1);
      if (frame->end - MAX (frame->start, t_action) > FRAME_BUDGET_US)
        stats.n_over++;
      if (frame->end - previous_end > MISSED_GAP_US)
        stats.n_missed++;
      previous_end = frame->end;
    }
  if (works->len > 0)
    {
      g_array_sort (works, compare_int64);
      stats.median_frame_ms = g_array_index (works, gint64, works->len / 2) / 1000.0;
      g_array_sort (gaps, compare_int64);
      stats.median_gap_ms = g_array_index (gaps, gint64, gaps->len / 2) / 1000.0;
    }
  /* A stall that outlasts the watch leaves no frame to end its gap. */
  if (bench->frames->len > 0)
    previous_end = MAX (previous_end, g_array_index (bench->frames, Frame, bench->frames->len - 1).end);
  if (t_stop - previous_end > MISSED_GAP_US)
    {
      stats.max_gap_ms = MAX (stats.max_gap_ms, (t_stop - previous_end) / 1000.0);
      stats.n_missed++;
    }
  return stats;
}

typedef void (*ActionFunc) (Bench *bench, gpointer data);

/* --frames: each frame of the watch whose work took over a quarter of the budget, to tell which of
 * an action's frames is the long one (the first, or one of the rows a list grows later), and each
 * that ends a missed frame's gap, to tell where the time between frames went. */
static void
print_frames (Bench  *bench,
              gint64  t_action,
              gint64  t_done)
{
  gint64 end = t_done + (gint64) watch_ms * 1000;
  gint64 previous_end = t_action;

  for (guint i = 0; i < bench->frames->len; i++)
    {
      const Frame *frame = &g_array_index (bench->frames, Frame, i);
      gint64 start = MAX (frame->start, t_action);
      gint64 gap = frame->end - previous_end;

      if (frame->end < t_action)
        {
          previous_end = frame->end;
          continue;
        }
      if (frame->end > end)
        break;
      previous_end = frame->end;
      if (frame->end - start < FRAME_BUDGET_US / 4 && gap <= MISSED_GAP_US)
        continue;
      g_print ("      frame %3u at %7.1f ms: work %5.1f, layout %5.1f, CPU %5.1f, %5ld page faults", i,
               (start - t_action) / 1000.0, (frame->end - start) / 1000.0,
               (MAX (frame->layout, start) - start) / 1000.0, frame->cpu / 1000.0, frame->faults);
      if (gap > MISSED_GAP_US)
        g_print (", %5.1f ms after the frame before", gap / 1000.0);
      g_print ("\n");
    }
}

static void
report (Bench       *bench,
        const char  *name,
        const Stats *stats,
        gint64       t_action,
        gint64       t_end)
{
  g_print ("  %-34s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %7u %5u %7u %8.1f %8.1f\n", name, stats->sync_ms,
           stats->latency_ms, stats->median_frame_ms, stats->max_frame_ms, stats->max_frame_layout_ms,
           stats->max_frame_cpu_ms,
           stats->median_gap_ms, stats->max_gap_ms,
           stats->n_frames, stats->n_over, stats->n_missed, stats->cpu_ms, stats->cpu_watch_ms);
  g_string_append_printf (bench->json,
                          "%s\n    { \"action\": \"%s\", \"sync_ms\": %.2f, \"latency_ms\": %.2f, "
                          "\"median_frame_ms\": %.2f, \"max_frame_ms\": %.2f, \"max_frame_layout_ms\": %.2f, "
                          "\"max_frame_cpu_ms\": %.2f, "
                          "\"median_gap_ms\": %.2f, "
                          "\"max_gap_ms\": %.2f, \"frames\": %u, \"over_budget\": %u, "
                          "\"missed\": %u, \"cpu_ms\": %.2f, \"cpu_watch_ms\": %.2f, "
                          "\"start_us\": %" G_GINT64_FORMAT ", \"end_us\": %" G_GINT64_FORMAT " }",
                          bench->json->str[bench->json->len - 1] == '[' ? "" : ",",
                          name, stats->sync_ms, stats->latency_ms, stats->median_frame_ms, stats->max_frame_ms,
                          stats->max_frame_layout_ms, stats->max_frame_cpu_ms, stats->median_gap_ms, stats->max_gap_ms, stats->n_frames, stats->n_over, stats->n_missed,
                          stats->cpu_ms, stats->cpu_watch_ms,
                          t_action, t_end);
}

/* Runs @action between frames of a running frame clock and reports the frames of the watch after it. */
static void
measure (Bench      *bench,
         const char *name,
         ActionFunc  action,
         gpointer    data)
{
  gint64 t_action, t_done, t_stop, c_action, c_done, c_stop;
  glong f_action, f_done;
  Stats stats;

  if (bench->stopped)
    return;
  start_recording (bench);
  spin (settle_ms);
  /* Under callgrind each action's instructions, with the second after it, go to a file of their own. */
  CALLGRIND_ZERO_STATS;
  bench->action = name;
  bench->action_frames = 0;
  t_action = now_us ();
  c_action = cpu_us ();
  f_action = thread_faults ();
  action (bench, data);
  f_done = thread_faults ();
  c_done = cpu_us ();
  t_done = now_us ();
  spin (watch_ms);
  if (each_frame == 0)
    CALLGRIND_DUMP_STATS_AT (name);
  bench->action = NULL;
  bench->recording = FALSE;
  c_stop = cpu_us ();
  t_stop = now_us ();
  stats = compute_stats (bench, t_action, t_done, t_stop);
  stats.cpu_ms = (c_done - c_action) / 1000.0;
  stats.cpu_watch_ms = (c_stop - c_action) / 1000.0;
  report (bench, name, &stats, t_action, t_stop);
  if (list_frames)
    {
      g_print ("      the call: %ld page faults\n", f_done - f_action);
      print_frames (bench, t_action, t_done);
    }
  spin (50);
  if (stop_after != NULL && g_strcmp0 (stop_after, name) == 0)
    bench->stopped = TRUE;
}

/* --- widgets ----------------------------------------------------------------------------------- */

typedef struct
{
  guint widgets;
  guint cells;
  guint rows;
  guint drop_downs;
  guint popovers;
  guint list_views;
  GHashTable *by_cell;  /* "CsnRefCell theme" -> guint[2]: cells, widgets under them */
} Count;

static guint
count_subtree (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_subtree (child);
  return n;
}

static void
count_widgets (GtkWidget *widget,
               Count     *count)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  count->widgets++;
  if (CSN_IS_CELL (widget) && count->by_cell != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", type, csn_cell_get_property_name (CSN_CELL (widget)));
      guint *entry = g_hash_table_lookup (count->by_cell, key);

      if (entry == NULL)
        {
          entry = g_new0 (guint, 2);
          g_hash_table_insert (count->by_cell, g_steal_pointer (&key), entry);
        }
      entry[0]++;
      entry[1] += count_subtree (widget);
    }
  if (CSN_IS_CELL (widget))
    count->cells++;
  /* The row widget of a list or column view in GTK 4.8 (GtkColumnViewRowWidget from 4.12). */
  if (g_str_equal (type, "GtkListItemWidget") || g_str_equal (type, "GtkColumnViewRowWidget"))
    count->rows++;
  if (GTK_IS_DROP_DOWN (widget))
    count->drop_downs++;
  if (GTK_IS_POPOVER (widget))
    count->popovers++;
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget))
    count->list_views++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, count);
}

static int
compare_by_widgets (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *by_cell = user_data;
  const guint *x = g_hash_table_lookup (by_cell, *(const char * const *) a);
  const guint *y = g_hash_table_lookup (by_cell, *(const char * const *) b);

  return x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0;
}

/* The widgets under the cells of each column, largest first: what one cell of each kind costs. */
static void
print_cell_costs (Bench *bench)
{
  Count count = { 0 };
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  count.by_cell = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  count_widgets (GTK_WIDGET (bench->window), &count);
  g_hash_table_iter_init (&iter, count.by_cell);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort_with_data (keys, compare_by_widgets, count.by_cell);
  g_print ("widgets under the cells of each kind and property, in the whole window:\n");
  g_print ("  %-44s %7s %9s %9s\n", "cell", "cells", "widgets", "per cell");
  for (guint i = 0; i < keys->len && i < 20; i++)
    {
      const guint *entry = g_hash_table_lookup (count.by_cell, g_ptr_array_index (keys, i));

      g_print ("  %-44s %7u %9u %9.1f\n", (const char *) g_ptr_array_index (keys, i), entry[0], entry[1],
               (double) entry[1] / entry[0]);
    }
  g_hash_table_unref (count.by_cell);
}

static void
print_counts (Bench      *bench,
              const char *when)
{
  Count total = { 0 };

  count_widgets (GTK_WIDGET (bench->window), &total);
  g_print ("widgets %s: %u in the window (RSS %.1f MiB, peak %.1f MiB)\n", when, total.widgets,
           status_kib ("VmRSS:") / 1024.0, status_kib ("VmHWM:") / 1024.0);
  g_print ("  %-14s %8s %8s %8s %10s %9s %10s\n", "page", "widgets", "rows", "cells", "drop-downs",
           "popovers", "list views");
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      /* Counting a page does not make it: pages are made when first shown. */
      GtkWidget *page = csn_window_peek_page (bench->window, page_names[i]);
      Count count = { 0 };

      if (page == NULL)
        {
          g_print ("  %-14s %8s\n", page_names[i], "not made yet");
          continue;
        }
      count_widgets (page, &count);
      g_print ("  %-14s %8u %8u %8u %10u %9u %10u\n", page_names[i], count.widgets, count.rows, count.cells,
               count.drop_downs, count.popovers, count.list_views);
      g_string_append_printf (bench->json,
                              "%s\n    { \"when\": \"%s\", \"page\": \"%s\", \"widgets\": %u, \"rows\": %u, "
                              "\"cells\": %u, \"drop_downs\": %u, \"popovers\": %u }",
                              bench->json->str[bench->json->len - 1] == '[' ? "" : ",",
                              when, page_names[i], count.widgets, count.rows, count.cells, count.drop_downs,
                              count.popovers);
    }
}

/* --- actions ----------------------------------------------------------------------------------- */

static void
show_page_action (Bench    *bench,
                  gpointer  data)
{
  csn_window_show_page (bench->window, data);
}

/* An item of a collection, by its place in it, opened as the Overview opens the items it lists. */
typedef struct
{
  CsnCollection collection;
  double        where;  /* 0 the first item, 1 the last */
  const char   *property;
} RevealData;

static void
reveal_action (Bench    *bench,
               gpointer  data)
{
  const RevealData *reveal = data;
  GListModel *list = csn_draft_get_collection (csn_window_get_draft (bench->window), reveal->collection);
  guint position = (guint) (reveal->where * (g_list_model_get_n_items (list) - 1));
  g_autoptr(CsnItem) item = g_list_model_get_item (list, position);

  csn_window_reveal (bench->window, item, reveal->property);
}

static void
activate_window_action (Bench    *bench,
                        gpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (bench->window), data, NULL);
}

static void
activate_page_action (Bench    *bench,
                      gpointer  data)
{
  GtkWidget *page = csn_window_get_page (bench->window, csn_window_get_visible_page (bench->window));

  if (!gtk_widget_activate_action (page, data, NULL))
    g_error ("the page has no action %s", (const char *) data);
}

static CsnCell *
find_cell (GtkWidget  *widget,
           const char *property)
{
  if (CSN_IS_CELL (widget) && gtk_widget_get_mapped (widget) && csn_cell_get_item (CSN_CELL (widget)) != NULL &&
      g_strcmp0 (csn_cell_get_property_name (CSN_CELL (widget)), property) == 0)
    return CSN_CELL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *cell = find_cell (child, property);

      if (cell != NULL)
        return cell;
    }
  return NULL;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  const char *page;
  const char *property;
  GtkWidget  *editable;
} TypingData;

static void
focus_cell_action (Bench    *bench,
                   gpointer  data)
{
  TypingData *typing = data;
  CsnCell *cell = find_cell (csn_window_get_page (bench->window, typing->page), typing->property);

  if (cell == NULL)
    g_error ("no cell shows %s on the %s page", typing->property, typing->page);
  csn_cell_focus_control (cell);
  typing->editable = find_widget_of_type (csn_cell_get_control (cell), GTK_TYPE_EDITABLE);
  if (typing->editable == NULL)
    g_error ("the %s cell has no editable", typing->property);
}

static void
type_character_action (Bench    *bench,
                       gpointer  data)
{
  TypingData *typing = data;
  int position = -1;

  gtk_editable_set_position (GTK_EDITABLE (typing->editable), -1);
  position = gtk_editable_get_position (GTK_EDITABLE (typing->editable));
  gtk_editable_insert_text (GTK_EDITABLE (typing->editable), "x", 1, &position);
}

/* Enter in the cell: what commits the edit to the draft, as one undoable step. */
static void
commit_action (Bench    *bench,
               gpointer  data)
{
  TypingData *typing = data;
  GtkWidget *entry = gtk_widget_get_ancestor (typing->editable, GTK_TYPE_ENTRY);

  g_signal_emit_by_name (entry != NULL ? entry : typing->editable, "activate");
}

typedef struct
{
  const char *page;
  const char *text;
} SearchData;

static void
search_action (Bench    *bench,
               gpointer  data)
{
  SearchData *search = data;
  GtkWidget *entry = find_widget_of_type (csn_window_get_page (bench->window, search->page),
                                          GTK_TYPE_SEARCH_ENTRY);

  if (entry == NULL)
    g_error ("the %s page has no search entry", search->page);
  gtk_editable_set_text (GTK_EDITABLE (entry), search->text);
}

/* Scrolls the page's (first) list by a page, or to the end when @data is "end". */
static void
scroll_action (Bench    *bench,
               gpointer  data)
{
  GtkWidget *page = csn_window_get_page (bench->window, csn_window_get_visible_page (bench->window));
  GtkWidget *view = find_widget_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = view != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)) : NULL;

  if (adjustment == NULL)
    g_error ("the page has no list to scroll");
  if (g_strcmp0 (data, "end") == 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  else if (g_strcmp0 (data, "top") == 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  else
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          gtk_adjustment_get_page_size (adjustment));
}

/* Translation mode: the texts of the page chosen in the agenda beside their translations. */
static void
translation_mode_action (Bench    *bench,
                         gpointer  data)
{
  csn_window_set_translation_mode (bench->window, GPOINTER_TO_INT (data));
}

static CsnTranslationView *
get_translation_view (Bench *bench)
{
  /* Not by a walk of the window's widgets: with every page built, that took a quarter of the
   * "next untranslated text" action's call. */
  GtkWidget *view = csn_window_peek_page (bench->window, "translation");

  if (view == NULL)
    g_error ("the window has no translation view");
  return CSN_TRANSLATION_VIEW (view);
}

/* Ctrl+J: the next text without an up-to-date translation, its editor focused. */
static void
next_untranslated_action (Bench    *bench,
                          gpointer  data)
{
  CsnTranslationView *view = get_translation_view (bench);

  if (!csn_translation_view_next_untranslated (view))
    g_error ("no text is left to translate");
  csn_translation_view_focus_editor (view);
}

/* A key press in the focused translation editor ends in its buffer. */
static void
type_translation_action (Bench    *bench,
                         gpointer  data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (bench->window));

  if (!GTK_IS_TEXT_VIEW (focus))
    g_error ("the translation editor does not have the focus");
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "x", 1);
}

/* The translation kept where the focus stays, as a save or an export keeps it first (leaving the
 * editor or Ctrl+Enter keep it the same way): one undoable step. */
static void
commit_translation_action (Bench    *bench,
                           gpointer  data)
{
  if (!csn_in_place_editor_commit_edit_of (gtk_root_get_focus (GTK_ROOT (bench->window))))
    g_error ("the translation editor does not have the focus");
}

static void
nothing_action (Bench    *bench,
                gpointer  data)
{
}

/* --- the first frame --------------------------------------------------------------------------- */

static void
on_first_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  *(gint64 *) user_data = now_us ();
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_paint_cb, user_data);
}

static void
on_map_cb (GtkWidget *window,
           gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint_cb), user_data);
}

static void
setup_environment (char **root)
{
  const char *dirs[][2] = {
    { "XDG_STATE_HOME", "state" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" }, { "XDG_CACHE_HOME", "cache" },
  };

  *root = g_dir_make_tmp ("bench-frames-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (*root, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i][0], path, TRUE);
    }
  /* The window alone, whatever else runs: no session bus, no settings written. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The pointer rests at the screen's corner, outside the window: Xvfb puts it at the screen's centre,
 * over a cell, where a tooltip comes and goes as the rows change under it. A tooltip shown or hidden
 * adds a node to the window's styles or removes one, and GTK 4.8 then restyles every widget whose
 * style depends on whether an ancestor is a last child: some 1,000 widgets of the rows, 4-5 ms of a
 * frame, in some runs and not in others. */
static void
park_pointer (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay;
  Window root;

  if (!GDK_IS_X11_DISPLAY (display))
    return;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  root = DefaultRootWindow (xdisplay);
  XWarpPointer (xdisplay, None, root, 0, 0, 0, 0, DisplayWidth (xdisplay, DefaultScreen (xdisplay)) - 1,
                DisplayHeight (xdisplay, DefaultScreen (xdisplay)) - 1);
  XFlush (xdisplay);
}

/* --window-manager-check: what a desktop session's window manager gives every client, EWMH's check
 * window. On a bare Xvfb, GDK 4.8 looks for one at every frame until it finds it: two or three
 * round trips to the server a frame, which wait for it to finish with the previous frame. The
 * stand-in lists no other hint, so GDK reads no work area either (mutter's would). */
static void
stand_in_for_window_manager (GdkDisplay *display)
{
  Display *xdisplay;
  Window root, check;
  Atom supporting, supported, name;

  if (!GDK_IS_X11_DISPLAY (display))
    return;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  root = DefaultRootWindow (xdisplay);
  check = XCreateSimpleWindow (xdisplay, root, -1, -1, 1, 1, 0, 0, 0);
  supporting = XInternAtom (xdisplay, "_NET_SUPPORTING_WM_CHECK", False);
  supported = XInternAtom (xdisplay, "_NET_SUPPORTED", False);
  name = XInternAtom (xdisplay, "_NET_WM_NAME", False);
  XChangeProperty (xdisplay, check, supporting, XA_WINDOW, 32, PropModeReplace, (guchar *) &check, 1);
  XChangeProperty (xdisplay, root, supported, XA_ATOM, 32, PropModeReplace, (guchar *) &name, 1);
  XChangeProperty (xdisplay, root, supporting, XA_WINDOW, 32, PropModeReplace, (guchar *) &check, 1);
  XFlush (xdisplay);
}

static void
print_table_head (void)
{
  g_print ("frames in the %u ms after each action (ms): the action's call; from it to the next frame "
           "painted;\nthe median and the longest frame's work, and the update and layout phases of that longest one;\nthe most CPU time of the main thread in one frame; the median and the longest gap between frames; frames; frames over "
           "%u ms of work; gaps over %u ms;\nthe CPU time of the call, and of the whole watch (the tick "
           "callback that keeps frames coming costs a little)\n", watch_ms, FRAME_BUDGET_US / 1000,
           MISSED_GAP_US / 1000);
  g_print ("  %-34s %8s %8s %8s %8s %8s %8s %8s %8s %7s %5s %7s %8s %8s\n", "action", "call", "latency", "median",
           "frame", "layout", "frm cpu", "med gap", "gap", "frames", "over", "missed", "cpu", "cpu/watch");
}

/* --- the floor: a bare GTK window ------------------------------------------------------------ */

#define BARE_ROWS 28
#define BARE_COLUMNS 8

/* A page of a bare window: a grid of labels over the whole page, as many as a list page of
 * Consenso shows (28 rows of 8 texts). */
static GtkWidget *
make_bare_page (const char *name)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint row = 0; row < BARE_ROWS; row++)
    for (guint column = 0; column < BARE_COLUMNS; column++)
      {
        g_autofree char *text = g_strdup_printf ("Page %s, text %u of row %u", name, column + 1, row + 1);

        gtk_grid_attach (GTK_GRID (grid), gtk_label_new (text), column, row, 1, 1);
      }
  return grid;
}

static void
show_bare_page_action (Bench    *bench,
                       gpointer  data)
{
  const char *name = data;

  if (gtk_stack_get_child_by_name (bench->bare_stack, name) == NULL)
    gtk_stack_add_named (bench->bare_stack, make_bare_page (name), name);
  gtk_stack_set_visible_child_name (bench->bare_stack, name);
}

/* --floor: what a page switch costs on this display and machine without Consenso: a bare GTK
 * window of Consenso's size whose pages are grids of labels, four made before the window shows (the
 * first shown with it) and two made at the switch, as Consenso makes its pages when first shown. */
static void
measure_floor (Bench *bench)
{
  gint64 t_first_paint = 0;

  bench->bare_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench->bare_window, 1180, 760);
  bench->bare_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (bench->bare_stack, FALSE);
  gtk_stack_set_vhomogeneous (bench->bare_stack, FALSE);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("made ahead %u", i);

      gtk_stack_add_named (bench->bare_stack, make_bare_page (name), name);
    }
  gtk_window_set_child (bench->bare_window, GTK_WIDGET (bench->bare_stack));
  g_signal_connect (bench->bare_window, "map", G_CALLBACK (on_map_cb), &t_first_paint);
  gtk_window_present (bench->bare_window);
  while (t_first_paint == 0)
    g_main_context_iteration (NULL, TRUE);
  park_pointer (GTK_WIDGET (bench->bare_window));
  bench->frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->bare_window));
  g_signal_connect (bench->frame_clock, "before-paint", G_CALLBACK (on_before_paint_cb), bench);
  g_signal_connect_after (bench->frame_clock, "layout", G_CALLBACK (on_layout_cb), bench);
  g_signal_connect (bench->frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
  spin (500);

  measure (bench, "idle (the floor)", nothing_action, NULL);
  for (guint round = 0; round < 2; round++)
    for (guint i = 1; i < 4; i++)
      {
        g_autofree char *page = g_strdup_printf ("made ahead %u", i);
        g_autofree char *name = g_strdup_printf ("bare: show page %u%s", i, round > 0 ? " again" : "");

        measure (bench, name, show_bare_page_action, page);
      }
  measure (bench, "bare: back to page 0", show_bare_page_action, (gpointer) "made ahead 0");
  measure (bench, "bare: show a page made at the switch", show_bare_page_action, (gpointer) "made at the switch 1");
  measure (bench, "bare: show another made at the switch", show_bare_page_action, (gpointer) "made at the switch 2");

  g_signal_handlers_disconnect_by_data (bench->frame_clock, bench);
  gtk_window_destroy (bench->bare_window);
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GOptionContext) context = g_option_context_new ("[DRAFT]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json_path = NULL;
  double scale = 1.0;
  gboolean counts_only = FALSE;
  gboolean open_only = FALSE;
  gboolean no_animations = FALSE;
  gboolean window_manager_check = FALSE;
  gboolean floor_only = FALSE;
  gint64 t_start, t_loaded, t_window, t_first_paint = 0;
  gint64 c_start, c_loaded, c_window, c_first_paint;
  Bench bench = { 0 };
  TypingData typing = { "strategies", "description", NULL };
  TypingData title_typing = { "theme-matrix", "title", NULL };
  SearchData search = { "strategies", "migr" };
  SearchData search_clear = { "strategies", "" };
  const GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale,
      "Without DRAFT: scale the generated large draft (0.2: a fifth)", "FACTOR" },
    { "counts-only", 0, 0, G_OPTION_ARG_NONE, &counts_only, "Only count the widgets of each page", NULL },
    { "open-only", 0, 0, G_OPTION_ARG_NONE, &open_only,
      "Only open the draft and count its widgets (to run under callgrind or massif)", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures to FILE", "FILE" },
    { "watch", 0, 0, G_OPTION_ARG_INT, &watch_ms,
      "Watch the frames for MS after each action (default 1000; under valgrind, 20000)", "MS" },
    { "callgrind-frames", 0, 0, G_OPTION_ARG_NONE, &callgrind_frames,
      "Under valgrind --tool=callgrind --collect-atstart=no: count only the instructions inside frames "
      "(from before-paint to after-paint)", NULL },
    { "callgrind-each-frame", 0, 0, G_OPTION_ARG_INT, &each_frame,
      "Under valgrind --tool=callgrind --collect-atstart=no: count the instructions of each of the first N "
      "frames after each action, each frame in a file of its own (“ACTION, frame K”)", "N" },
    { "reveal-only", 0, 0, G_OPTION_ARG_NONE, &reveal_only,
      "Only open items from the Overview on pages not shown yet, as its lists of open items do, then "
      "in translation mode", NULL },
    { "edits-only", 0, 0, G_OPTION_ARG_NONE, &edits_only,
      "Show only the strategies page before the edits, not every page first", NULL },
    { "scroll-while-growing", 0, 0, G_OPTION_ARG_NONE, &scroll_while_growing,
      "Scroll each list page a page down right after its first show, while its rows are still being made", NULL },
    { "type-while-growing", 0, 0, G_OPTION_ARG_NONE, &type_while_growing,
      "Type in a theme's title right after the Theme Matrix first shows, while its rows are still being made "
      "(the edit stays: for runs that stop after it, with --stop-after)", NULL },
    { "frames", 0, 0, G_OPTION_ARG_NONE, &list_frames,
      "List each frame after each action whose work took over 4 ms, or that came over 25 ms after the frame "
      "before, with the page faults of the action's call and of each frame", NULL },
    { "stop-after", 0, 0, G_OPTION_ARG_STRING, &stop_after, "Stop after the action named ACTION", "ACTION" },
    { "no-animations", 0, 0, G_OPTION_ARG_NONE, &no_animations,
      "Turn GTK's animations off (popovers, scrolling; the pages switch without one)", NULL },
    { "floor", 0, 0, G_OPTION_ARG_NONE, &floor_only,
      "Measure a bare GTK window of Consenso's size instead, whose pages are grids of labels: what a page "
      "switch costs on this display and machine without Consenso (first shows, shown again, made at the switch)",
      NULL },
    { "window-manager-check", 0, 0, G_OPTION_ARG_NONE, &window_manager_check,
      "Give the display a window manager's check window (EWMH), as a desktop session has: without one, GDK "
      "asks the X server for it at every frame", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Opens DRAFT (default: the large draft of issue 16) in a Consenso window and reports the first\n"
    "frame, the widgets of each page, and the frames after each action of issue 16: the frame clock\n"
    "runs at every tick, and a frame is over budget when its work takes more than 16 ms; a gap of\n"
    "more than 25 ms between two frames is a missed frame. Needs a display:\n"
    "  xvfb-run -a -s \"-screen 0 1366x768x24\" bench-frames [DRAFT]\n"
    "GSK_RENDERER=cairo takes the GL renderer's software rasterizer (llvmpipe) out of the figures.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: bench-frames [OPTION…] [DRAFT]");
      return 2;
    }

  if (watch_ms == 0)
    watch_ms = RUNNING_ON_VALGRIND ? WATCH_MS_UNDER_VALGRIND : WATCH_MS;
  settle_ms = MAX (SETTLE_MS, watch_ms / 4);
  setup_environment (&root);
  adw_init ();
  if (window_manager_check)
    stand_in_for_window_manager (gdk_display_get_default ());
  if (no_animations)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  bench.json = g_string_new ("{ \"steps\": [");
  bench.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  if (floor_only)
    {
      print_table_head ();
      measure_floor (&bench);
      goto done;
    }
  bench.app = csn_application_new ();
  if (!g_application_register (G_APPLICATION (bench.app), NULL, &error))
    g_error ("%s", error->message);

  /* A copy, so that saving it changes nothing of the user's. */
  path = g_build_filename (root, "bench.consenso", NULL);
  if (argc == 2)
    {
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (argv[1], &data, &length, &error) ||
          !g_file_set_contents (path, data, length, &error))
        g_error ("%s", error->message);
    }
  else
    {
      g_autoptr(CsnDraft) generated = NULL;
      g_autofree char *data = NULL;
      gsize length;

      bench_draft_size_scale (&size, scale);
      generated = bench_draft_generate (&size);
      data = csn_draft_to_data (generated, &length);
      if (!g_file_set_contents (path, data, length, &error))
        g_error ("%s", error->message);
    }
  file = g_file_new_for_path (path);

  c_start = cpu_us ();
  t_start = now_us ();
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    g_error ("%s", error->message);
  t_loaded = now_us ();
  c_loaded = cpu_us ();
  g_print ("loaded in %.3f s, CPU %.3f s (RSS %.1f MiB)\n", (t_loaded - t_start) / 1e6, (c_loaded - c_start) / 1e6,
           status_kib ("VmRSS:") / 1024.0);

  bench.window = csn_window_new (bench.app, draft);
  t_window = now_us ();
  c_window = cpu_us ();
  g_print ("window made in %.3f s, CPU %.3f s (RSS %.1f MiB)\n", (t_window - t_loaded) / 1e6,
           (c_window - c_loaded) / 1e6, status_kib ("VmRSS:") / 1024.0);
  print_counts (&bench, "before the window is shown");

  g_signal_connect (bench.window, "map", G_CALLBACK (on_map_cb), &t_first_paint);
  gtk_window_present (GTK_WINDOW (bench.window));
  while (t_first_paint == 0)
    g_main_context_iteration (NULL, TRUE);
  park_pointer (GTK_WIDGET (bench.window));
  c_first_paint = cpu_us ();
  g_print ("first frame %.3f s after the window was made, %.3f s after the load began; CPU %.3f s since the "
           "load began (RSS %.1f MiB, peak %.1f MiB)\n",
           (t_first_paint - t_window) / 1e6, (t_first_paint - t_start) / 1e6, (c_first_paint - c_start) / 1e6,
           status_kib ("VmRSS:") / 1024.0, status_kib ("VmHWM:") / 1024.0);
  g_string_append_printf (bench.json, "%s\n    { \"action\": \"open\", \"load_s\": %.3f, \"window_s\": %.3f, "
                          "\"first_frame_s\": %.3f, \"start_us\": %" G_GINT64_FORMAT ", \"end_us\": %" G_GINT64_FORMAT " }",
                          bench.json->str[bench.json->len - 1] == '[' ? "" : ",",
                          (t_loaded - t_start) / 1e6, (t_window - t_loaded) / 1e6, (t_first_paint - t_start) / 1e6,
                          t_start, t_first_paint);
  bench.frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  g_signal_connect (bench.frame_clock, "before-paint", G_CALLBACK (on_before_paint_cb), &bench);
  g_signal_connect_after (bench.frame_clock, "layout", G_CALLBACK (on_layout_cb), &bench);
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
  spin (500);
  print_counts (&bench, "with the overview shown");
  if (open_only)
    {
      print_cell_costs (&bench);
      goto out;
    }

  if (!counts_only)
    {
      print_table_head ();
      measure (&bench, "idle (the floor)", nothing_action, NULL);
    }
  if (reveal_only)
    {
      measure (&bench, "open a strategy from the overview", reveal_action,
               &(RevealData) { CSN_COLLECTION_STRATEGIES, 0.5, "description" });
      measure (&bench, "back to the overview", show_page_action, (gpointer) "overview");
      measure (&bench, "open a theme from the overview", reveal_action,
               &(RevealData) { CSN_COLLECTION_THEMES, 0.5, "title" });
      measure (&bench, "back to the overview again", show_page_action, (gpointer) "overview");
      measure (&bench, "open another strategy from the overview", reveal_action,
               &(RevealData) { CSN_COLLECTION_STRATEGIES, 0.9, "description" });
      /* In translation mode an item opens on its text, in the list of its page's texts made anew. */
      measure (&bench, "back to the overview once more", show_page_action, (gpointer) "overview");
      measure (&bench, "translation mode (overview)", translation_mode_action, GINT_TO_POINTER (TRUE));
      measure (&bench, "open a strategy's text from the overview", reveal_action,
               &(RevealData) { CSN_COLLECTION_STRATEGIES, 0.7, "description" });
      goto out;
    }
  for (guint i = 1; i < G_N_ELEMENTS (page_names) + 1 && !edits_only; i++)
    {
      const char *page = page_names[i % G_N_ELEMENTS (page_names)];
      g_autofree char *name = g_strdup_printf ("show page %s", page);

      if (counts_only)
        {
          csn_window_show_page (bench.window, page);
          spin (300);
        }
      else
        measure (&bench, name, show_page_action, (gpointer) page);
      if (scroll_while_growing && !counts_only && g_strcmp0 (page, "overview") != 0)
        {
          g_autofree char *scroll_name = g_strdup_printf ("scroll %s while growing", page);

          measure (&bench, scroll_name, scroll_action, NULL);
        }
      if (type_while_growing && !counts_only && g_strcmp0 (page, "theme-matrix") == 0)
        {
          measure (&bench, "focus a title while growing", focus_cell_action, &title_typing);
          measure (&bench, "type in it while growing", type_character_action, &title_typing);
          measure (&bench, "type again while growing", type_character_action, &title_typing);
        }
    }
  print_counts (&bench, "after every page was shown");
  print_cell_costs (&bench);
  if (counts_only)
    goto out;
  /* Going back to a page: its rows are kept, its content was hidden while out of sight. */
  for (guint i = 1; i < G_N_ELEMENTS (page_names) + 1 && !edits_only; i++)
    {
      const char *page = page_names[i % G_N_ELEMENTS (page_names)];
      g_autofree char *name = g_strdup_printf ("show page %s again", page);

      measure (&bench, name, show_page_action, (gpointer) page);
    }

  /* Rows scrolled into sight on the page with the most widgets a row */
  measure (&bench, "show page theme-matrix", show_page_action, (gpointer) "theme-matrix");
  measure (&bench, "scroll the theme matrix a page down", scroll_action, NULL);
  measure (&bench, "scroll it another page down", scroll_action, NULL);
  measure (&bench, "show page strategies", show_page_action, (gpointer) "strategies");
  measure (&bench, "scroll a page down", scroll_action, NULL);
  measure (&bench, "scroll another page down", scroll_action, NULL);
  measure (&bench, "scroll to the end", scroll_action, (gpointer) "end");
  measure (&bench, "focus a description cell", focus_cell_action, &typing);
  measure (&bench, "type a character", type_character_action, &typing);
  measure (&bench, "type another character", type_character_action, &typing);
  measure (&bench, "commit the cell (Enter)", commit_action, &typing);
  measure (&bench, "undo", activate_window_action, (gpointer) "win.undo");
  measure (&bench, "redo", activate_window_action, (gpointer) "win.redo");
  measure (&bench, "add a strategy", activate_page_action, (gpointer) "strategies.add");
  measure (&bench, "undo the addition", activate_window_action, (gpointer) "win.undo");
  measure (&bench, "search “migr”", search_action, &search);
  measure (&bench, "clear the search", search_action, &search_clear);
  measure (&bench, "save", activate_window_action, (gpointer) "win.save");
  measure (&bench, "translation mode (strategies)", translation_mode_action, GINT_TO_POINTER (TRUE));
  measure (&bench, "next untranslated text", next_untranslated_action, NULL);
  measure (&bench, "type in a translation", type_translation_action, NULL);
  measure (&bench, "type another character in it", type_translation_action, NULL);
  measure (&bench, "keep the translation", commit_translation_action, NULL);
  measure (&bench, "undo the translation", activate_window_action, (gpointer) "win.undo");
  measure (&bench, "redo the translation", activate_window_action, (gpointer) "win.redo");
  measure (&bench, "leave translation mode", translation_mode_action, GINT_TO_POINTER (FALSE));
  measure (&bench, "show page overview", show_page_action, (gpointer) "overview");
  measure (&bench, "undo on the overview", activate_window_action, (gpointer) "win.undo");
  /* The same addition and undo near the top of the list. GTK 4.8 keeps some 200 rows alive around
   * the visible ones; a row widget placed before the others restyles every row after it. At the end
   * of the list the undo does that (the kept rows move up by one), near the top the addition does. */
  measure (&bench, "back to the strategies", show_page_action, (gpointer) "strategies");
  measure (&bench, "scroll to the top", scroll_action, (gpointer) "top");
  measure (&bench, "focus a cell near the top", focus_cell_action, &typing);
  measure (&bench, "add a strategy near the top", activate_page_action, (gpointer) "strategies.add");
  measure (&bench, "undo the addition near the top", activate_window_action, (gpointer) "win.undo");

out:
  g_print ("peak RSS %.1f MiB\n", status_kib ("VmHWM:") / 1024.0);
  g_string_append (bench.json, "\n  ]\n}\n");
  if (json_path != NULL && !g_file_set_contents (json_path, bench.json->str, -1, &error))
    g_error ("%s", error->message);

  /* Nothing of the benchmark is kept for recovery. */
  g_signal_handlers_disconnect_by_data (bench.frame_clock, &bench);
  csn_recovery_discard (csn_window_get_recovery (bench.window));
  gtk_window_destroy (GTK_WINDOW (bench.window));
  spin (50);
  g_object_unref (bench.app);
done:
  if (floor_only)
    {
      g_print ("peak RSS %.1f MiB\n", status_kib ("VmHWM:") / 1024.0);
      g_string_append (bench.json, "\n  ]\n}\n");
      if (json_path != NULL && !g_file_set_contents (json_path, bench.json->str, -1, &error))
        g_error ("%s", error->message);
    }
  g_array_unref (bench.frames);
  g_string_free (bench.json, TRUE);
  remove_tree (root);
  return 0;
}
