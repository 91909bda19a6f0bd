/* csn-tooltip-util.c: tooltips that cost nothing until they are shown.
 *
 * On X11, GTK 4.8's gtk_widget_set_tooltip_text() asks the server where the pointer is at every
 * call on a visible widget (a grab of the server and a round trip), even when the text does not
 * change: 0.12 ms on an idle Xvfb, several milliseconds while the server is busy with the previous
 * frame. Widgets that are made or updated per row, per column or per edit take their tooltip from
 * here instead: the text is kept on the widget and handed to GTK when it asks for it. */
#define G_LOG_DOMAIN "csn-tooltip-util"

#include "config.h"

#include "csn-tooltip-util.h"

/* Asked at every update of a cell: looked up once. */
static G_DEFINE_QUARK (csn-lazy-tooltip, lazy_tooltip)

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), lazy_tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * csn_widget_set_tooltip_lazily:
 * @text: (nullable): the tooltip; none when %NULL or empty
 *
 * Gives @widget a tooltip that GTK asks for only when it shows it. A tooltip shown at the time
 * follows the change when the pointer is over @widget, the only case where it asks the display.
 */
void
csn_widget_set_tooltip_lazily (GtkWidget  *widget,
                               const char *text)
{
  const char *old;
  gboolean had_text;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  old = g_object_get_qdata (G_OBJECT (widget), lazy_tooltip_quark ());
  if (g_strcmp0 (old, text) == 0)
    return;
  had_text = old != NULL;
  if (!had_text && g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_object_set_qdata_full (G_OBJECT (widget), lazy_tooltip_quark (), g_strdup (text), g_free);
  if (had_text != (text != NULL))
    gtk_widget_set_has_tooltip (widget, text != NULL);
  if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT)
    gtk_widget_trigger_tooltip_query (widget);
}

/* The tooltip csn_widget_set_tooltip_lazily() gave @widget, or NULL. */
const char *
csn_widget_get_lazy_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_qdata (G_OBJECT (widget), lazy_tooltip_quark ());
}

/* @widget's tooltip, given either way, or NULL. */
const char *
csn_widget_get_any_tooltip (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = csn_widget_get_lazy_tooltip (widget);
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}
