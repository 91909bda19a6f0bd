/* bench-editor-ready.c: preloaded into GNOME Text Editor by build-aux/bench-open, says when a file
 * it opened is shown: once GtkSourceFileLoader has finished loading it, the next frame painted
 * writes "ready USEC\n" (g_get_monotonic_time ()) to the descriptor BENCH_READY_FD names. The same
 * line as Consenso's CONSENSO_BENCH_READY_FD, so that both are timed to the same event. */
#define G_LOG_DOMAIN "bench-editor-ready"

#include "config.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <unistd.h>

gboolean gtk_source_file_loader_load_finish (GObject       *loader,
                                             GAsyncResult  *result,
                                             GError       **error);

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  const char *fd_text = g_getenv ("BENCH_READY_FD");
  g_autofree char *line = NULL;
  guint64 fd;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, user_data);
  if (fd_text == NULL || !g_ascii_string_to_unsigned (fd_text, 10, 3, G_MAXINT, &fd, NULL))
    return;
  line = g_strdup_printf ("ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (write ((int) fd, line, strlen (line)) < 0)
    g_warning ("BENCH_READY_FD: %s", g_strerror (errno));
  g_close ((int) fd, NULL);
  g_unsetenv ("BENCH_READY_FD");
}

static void
on_map_cb (GtkWidget *window,
           gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_map_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

gboolean
gtk_source_file_loader_load_finish (GObject       *loader,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  static gboolean (*real_load_finish) (GObject *, GAsyncResult *, GError **);
  g_autoptr(GtkWidget) window = NULL;
  gboolean loaded;

  if (real_load_finish == NULL)
    real_load_finish = (gboolean (*) (GObject *, GAsyncResult *, GError **))
                       dlsym (RTLD_NEXT, "gtk_source_file_loader_load_finish");
  loaded = real_load_finish (loader, result, error);

  /* The editor has one window; a file may finish loading before it is mapped. */
  window = g_list_model_get_item (gtk_window_get_toplevels (), 0);
  if (window == NULL)
    return loaded;
  if (gtk_widget_get_mapped (window))
    {
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
      gtk_widget_queue_draw (window);
    }
  else
    g_signal_connect (window, "map", G_CALLBACK (on_map_cb), NULL);
  return loaded;
}
