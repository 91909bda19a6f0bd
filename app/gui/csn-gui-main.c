/* csn-gui-main.c: the window's entry point, in the module the consenso executable loads once its
 * command line asks for a window. */
#define G_LOG_DOMAIN "csn-gui-main"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <unistd.h>

#include "csn-application.h"

/* Benchmarks (build-aux/bench-open) set CONSENSO_BENCH_READY_FD=N: once the first window has
 * painted its first frame, with the visible page laid out and its rows made, "ready USEC\n" goes
 * to descriptor N, USEC being g_get_monotonic_time() (CLOCK_MONOTONIC), and N is closed. */
static int bench_ready_fd = -1;

static void
on_bench_after_paint_cb (GdkFrameClock *frame_clock,
                         gpointer       user_data)
{
  g_autofree char *line = NULL;

  g_signal_handlers_disconnect_by_func (frame_clock, on_bench_after_paint_cb, user_data);
  if (bench_ready_fd < 0)
    return;
  line = g_strdup_printf ("ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (write (bench_ready_fd, line, strlen (line)) < 0)
    g_warning ("CONSENSO_BENCH_READY_FD: %s", g_strerror (errno));
  g_close (bench_ready_fd, NULL);
  bench_ready_fd = -1;
}

static void
on_bench_window_map_cb (GtkWidget *window,
                        gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb), NULL);
}

static void
on_bench_window_added_cb (GtkApplication *app,
                          GtkWindow      *window,
                          gpointer        user_data)
{
  g_signal_connect (window, "map", G_CALLBACK (on_bench_window_map_cb), NULL);
}

static void
watch_bench_ready (GApplication *app)
{
  const char *fd = g_getenv ("CONSENSO_BENCH_READY_FD");
  guint64 n;

  if (fd == NULL || !g_ascii_string_to_unsigned (fd, 10, 3, G_MAXINT, &n, NULL))
    return;
  bench_ready_fd = (int) n;
  g_signal_connect (app, "window-added", G_CALLBACK (on_bench_window_added_cb), NULL);
}
/* Only FILE arguments reach here: the executable answered every other option before loading the
 * module. Declared, they are left for csn_application_handle_local_options() to open. */
static const GOptionEntry option_entries[] = {
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

G_MODULE_EXPORT int csn_gui_main (int   argc,
                                  char *argv[]);

/* The executable has set up gettext and the language already. */
G_MODULE_EXPORT int
csn_gui_main (int   argc,
              char *argv[])
{
  g_autoptr(GApplication) app = G_APPLICATION (csn_application_new ());

  g_application_add_main_option_entries (app, option_entries);
  watch_bench_ready (app);
  return g_application_run (app, argc, argv);
}
