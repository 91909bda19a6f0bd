/* csn-document-preview.c: the pages of the recommendations document as a print preview: white
 * sheets on a grey ground, scrolled and zoomed, only the pages in sight drawn. */
#define G_LOG_DOMAIN "csn-document-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "csn-document-preview.h"

#define PIXELS_PER_POINT  (96.0 / 72.0)
#define PAGE_MARGIN       24.0   /* pixels around the pages */
#define PAGE_GAP          24.0   /* pixels between two pages */
#define MIN_ZOOM          0.1
#define MAX_ZOOM          4.0
#define HIGHLIGHT_HOLD_MS 1500
#define HIGHLIGHT_FADE_MS 700
#define HIGHLIGHT_PAD     4.0    /* points around a highlighted paragraph */

static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

struct _CsnDocumentPreview
{
  GtkWidget         parent_instance;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  CsnDocumentPages *pages;
  guint             n_pages;
  double            page_width;     /* points */
  double            page_height;
  double            zoom;           /* 1 shows the paper at its size */
  gboolean          fit_width;
  double            anchor;         /* pages scrolled past, kept across a new zoom; < 0 for none */
  GHashTable       *nodes;          /* page -> GskRenderNode drawn at the current zoom */

  gboolean          reveal_pending; /* scroll to the revealed paragraph once laid out */
  guint             reveal_page;
  double            reveal_y;       /* points */
  double            reveal_height;

  guint             highlight_block;
  guint             highlight_page;
  double            highlight_y;    /* points */
  double            highlight_height;
  double            highlight_alpha;
  guint             highlight_hold_source;
  AdwAnimation     *highlight_fade;
  guint             notify_zoom_source;
};

static void csn_document_preview_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnDocumentPreview, csn_document_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, csn_document_preview_scrollable_init))

enum {
  PROP_0,
  PROP_PAGES,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ACTIVATE_SOURCE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
csn_document_preview_scrollable_init (GtkScrollableInterface *iface)
{
}

static double
get_scale (CsnDocumentPreview *self)
{
  return self->zoom * PIXELS_PER_POINT;
}

static double
get_stride (CsnDocumentPreview *self)
{
  return round (self->page_height * get_scale (self)) + PAGE_GAP;
}

static double
get_content_width (CsnDocumentPreview *self)
{
  return round (self->page_width * get_scale (self)) + 2 * PAGE_MARGIN;
}

static double
get_content_height (CsnDocumentPreview *self)
{
  if (self->n_pages == 0)
    return 0;
  return 2 * PAGE_MARGIN + self->n_pages * get_stride (self) - PAGE_GAP;
}

/* Where the pages' left edge is, in the widget: centred while they fit, else scrolled. */
static double
get_page_x (CsnDocumentPreview *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content = get_content_width (self);

  if (content <= width)
    return floor ((width - content) / 2) + PAGE_MARGIN;
  return PAGE_MARGIN - round (gtk_adjustment_get_value (self->hadjustment));
}

static double
get_page_y (CsnDocumentPreview *self,
            guint               page)
{
  return PAGE_MARGIN + page * get_stride (self) - round (gtk_adjustment_get_value (self->vadjustment));
}

static double
get_fit_zoom (CsnDocumentPreview *self,
              int                 width)
{
  return CLAMP ((width - 2 * PAGE_MARGIN) / (self->page_width * PIXELS_PER_POINT), MIN_ZOOM, MAX_ZOOM);
}

static gboolean
on_notify_zoom_cb (gpointer user_data)
{
  CsnDocumentPreview *self = user_data;

  self->notify_zoom_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

/* Takes @zoom and forgets the pages drawn at the previous one; whoever calls lays out again.
 * While allocating, the zoom is told later: a label showing it may not change size then. */
static gboolean
apply_zoom (CsnDocumentPreview *self,
            double              zoom,
            gboolean            allocating)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-4)
    return FALSE;

  /* The page in sight stays in sight. */
  if (self->anchor < 0 && self->n_pages > 0)
    self->anchor = gtk_adjustment_get_value (self->vadjustment) / get_stride (self);
  self->zoom = zoom;
  g_hash_table_remove_all (self->nodes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!allocating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  else if (self->notify_zoom_source == 0)
    self->notify_zoom_source = g_idle_add (on_notify_zoom_cb, self);
  return TRUE;
}

static void
set_zoom_internal (CsnDocumentPreview *self,
                   double              zoom)
{
  if (apply_zoom (self, zoom, FALSE))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
clear_highlight (CsnDocumentPreview *self)
{
  g_clear_handle_id (&self->highlight_hold_source, g_source_remove);
  if (self->highlight_fade != NULL)
    adw_animation_reset (self->highlight_fade);
  self->highlight_block = CSN_DOCUMENT_PREVIEW_NO_BLOCK;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_highlight_value_cb (double   value,
                       gpointer user_data)
{
  CsnDocumentPreview *self = user_data;

  self->highlight_alpha = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_highlight_done_cb (CsnDocumentPreview *self,
                      AdwAnimation       *animation)
{
  self->highlight_block = CSN_DOCUMENT_PREVIEW_NO_BLOCK;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_highlight_hold_cb (gpointer user_data)
{
  CsnDocumentPreview *self = user_data;

  self->highlight_hold_source = 0;
  adw_animation_play (self->highlight_fade);
  return G_SOURCE_REMOVE;
}

static void
on_adjustment_value_changed_cb (CsnDocumentPreview *self,
                                GtkAdjustment      *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CsnDocumentPreview  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
csn_document_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (widget);

  *minimum = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = self->n_pages > 0 ? (int) get_content_width (self) : 0;
  else
    *natural = (int) get_content_height (self);
}

static void
csn_document_preview_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (widget);
  double content_width, content_height, value;

  if (self->fit_width && self->n_pages > 0)
    apply_zoom (self, get_fit_zoom (self, width), TRUE);

  content_width = self->n_pages > 0 ? get_content_width (self) : 0;
  content_height = get_content_height (self);

  value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, content_width - width));
  gtk_adjustment_configure (self->hadjustment, value, 0, MAX (content_width, width),
                            width * 0.1, width * 0.9, width);

  value = gtk_adjustment_get_value (self->vadjustment);
  if (self->anchor >= 0)
    {
      value = self->anchor * get_stride (self);
      self->anchor = -1;
    }
  if (self->reveal_pending && self->reveal_page < self->n_pages)
    {
      double top = PAGE_MARGIN + self->reveal_page * get_stride (self) + self->reveal_y * get_scale (self);
      double bottom = top + self->reveal_height * get_scale (self);

      /* A paragraph already in sight stays where it is; another comes to the upper quarter. */
      if (top < value || bottom > value + height)
        value = top - height / 4.0;
    }
  self->reveal_pending = FALSE;
  value = CLAMP (value, 0, MAX (0, content_height - height));
  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (content_height, height),
                            height * 0.1, height * 0.9, height);
}

static gboolean
get_visible_range (CsnDocumentPreview *self,
                   guint              *first,
                   guint              *last)
{
  double top = gtk_adjustment_get_value (self->vadjustment) - PAGE_MARGIN;
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  double stride = get_stride (self);

  if (self->n_pages == 0 || stride <= PAGE_GAP)
    return FALSE;
  *first = (guint) CLAMP (floor (top / stride), 0, self->n_pages - 1);
  *last = (guint) CLAMP (floor (bottom / stride), 0, self->n_pages - 1);
  return TRUE;
}

static GskRenderNode *
ensure_page_node (CsnDocumentPreview *self,
                  guint               page)
{
  GskRenderNode *node = g_hash_table_lookup (self->nodes, GUINT_TO_POINTER (page));
  double scale = get_scale (self);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_t *cr;

  if (node != NULL)
    return node;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                                 round (self->page_width * scale),
                                                                 round (self->page_height * scale)));
  cairo_scale (cr, scale, scale);
  csn_document_pages_draw_page (self->pages, cr, page);
  cairo_destroy (cr);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    g_hash_table_insert (self->nodes, GUINT_TO_POINTER (page), node);
  return node;
}

static gboolean
is_far_from (gpointer key,
             gpointer value,
             gpointer user_data)
{
  guint page = GPOINTER_TO_UINT (key);
  const guint *range = user_data;

  return page + 1 < range[0] || page > range[1] + 1;
}

static void
snapshot_highlight (CsnDocumentPreview *self,
                    GtkSnapshot        *snapshot,
                    double              x,
                    double              y)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  double scale = get_scale (self);
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  GskRoundedRect area;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gsk_rounded_rect_init_from_rect (&area,
                                   &GRAPHENE_RECT_INIT (x + (CSN_PAGE_MARGIN_SIDE - HIGHLIGHT_PAD) * scale,
                                                        y + (self->highlight_y - HIGHLIGHT_PAD) * scale,
                                                        (self->page_width - 2 * CSN_PAGE_MARGIN_SIDE + 2 * HIGHLIGHT_PAD) * scale,
                                                        (self->highlight_height + 2 * HIGHLIGHT_PAD) * scale),
                                   3);
  gtk_snapshot_push_rounded_clip (snapshot, &area);
  accent.alpha = 0.18 * self->highlight_alpha;
  gtk_snapshot_append_color (snapshot, &accent, &area.bounds);
  accent.alpha = self->highlight_alpha;
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (area.bounds.origin.x, area.bounds.origin.y,
                                                  3, area.bounds.size.height));
  gtk_snapshot_pop (snapshot);
}

static void
csn_document_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (widget);
  const GdkRGBA paper = { 1, 1, 1, 1 };
  const GdkRGBA shadow = { 0, 0, 0, 0.28 };
  const GdkRGBA edge = { 0, 0, 0, 0.12 };
  double scale = get_scale (self);
  double width = round (self->page_width * scale);
  double height = round (self->page_height * scale);
  double x = get_page_x (self);
  guint range[2];

  if (!get_visible_range (self, &range[0], &range[1]))
    return;

  for (guint page = range[0]; page <= range[1]; page++)
    {
      double y = get_page_y (self, page);
      GskRoundedRect outline;
      GskRenderNode *node;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, width, height), 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 0, 8);
      gtk_snapshot_append_border (snapshot, &(GskRoundedRect) {
                                    .bounds = GRAPHENE_RECT_INIT (x - 1, y - 1, width + 2, height + 2) },
                                  (float[4]) { 1, 1, 1, 1 }, (GdkRGBA[4]) { edge, edge, edge, edge });
      gtk_snapshot_append_color (snapshot, &paper, &outline.bounds);

      if (self->highlight_block != CSN_DOCUMENT_PREVIEW_NO_BLOCK && self->highlight_page == page)
        snapshot_highlight (self, snapshot, x, y);

      node = ensure_page_node (self, page);
      if (node == NULL)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }

  /* Pages long out of sight are drawn again if they come back. */
  g_hash_table_foreach_remove (self->nodes, is_far_from, range);
}

/* The page under (@x, @y) in the widget, and the point on it in points. */
static gboolean
find_point (CsnDocumentPreview *self,
            double              x,
            double              y,
            guint              *page,
            double             *page_x,
            double             *page_y)
{
  double scale = get_scale (self);
  double stride = get_stride (self);
  double top = y + round (gtk_adjustment_get_value (self->vadjustment)) - PAGE_MARGIN;
  double left = x - get_page_x (self);
  guint index;

  if (self->n_pages == 0 || top < 0 || left < 0 || left > self->page_width * scale)
    return FALSE;
  index = (guint) floor (top / stride);
  if (index >= self->n_pages || top - index * stride > self->page_height * scale)
    return FALSE;

  *page = index;
  *page_x = left / scale;
  *page_y = (top - index * stride) / scale;
  return TRUE;
}

static gboolean
find_source (CsnDocumentPreview *self,
             double              x,
             double              y,
             CsnDocumentSource  *source)
{
  guint page;
  double page_x, page_y;

  return find_point (self, x, y, &page, &page_x, &page_y) &&
         csn_document_pages_hit_test (self->pages, page, page_x, page_y, source) &&
         source->origin != CSN_DOCUMENT_ORIGIN_GENERATED;
}

static void
on_motion_cb (CsnDocumentPreview       *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  CsnDocumentSource source;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), find_source (self, x, y, &source) ? "pointer" : NULL);
}

static void
on_click_released_cb (CsnDocumentPreview *self,
                      int                 n_press,
                      double              x,
                      double              y,
                      GtkGestureClick    *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 1 && csn_document_preview_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Ctrl with the wheel zooms, as in every viewer; the wheel alone scrolls. */
static gboolean
on_scroll_cb (CsnDocumentPreview       *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  if (dy < 0)
    csn_document_preview_zoom_in (self);
  else
    csn_document_preview_zoom_out (self);
  return TRUE;
}

/* Arrows scroll a line, Home and End go to the first and the last page; Page Up and Down are the
 * scrolled window's. */
static gboolean
scroll_by_keys (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (widget);
  GtkAdjustment *adjustment;
  gboolean horizontal;
  int steps;

  g_variant_get (args, "(bi)", &horizontal, &steps);
  adjustment = horizontal ? self->hadjustment : self->vadjustment;
  if (ABS (steps) > 1)
    gtk_adjustment_set_value (adjustment, steps < 0 ? gtk_adjustment_get_lower (adjustment)
                                                    : gtk_adjustment_get_upper (adjustment));
  else
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          steps * gtk_adjustment_get_step_increment (adjustment));
  return TRUE;
}

static gboolean
csn_document_preview_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (widget);
  CsnDocumentSource source;

  if (keyboard_tooltip || !find_source (self, x, y, &source))
    return FALSE;
  if (source.origin == CSN_DOCUMENT_ORIGIN_TEXTS)
    gtk_tooltip_set_text (tooltip, _("Click to edit this text"));
  else if (source.origin == CSN_DOCUMENT_ORIGIN_MEETING)
    gtk_tooltip_set_text (tooltip, _("Click to edit the meeting’s details"));
  else
    gtk_tooltip_set_text (tooltip, _("Click to go where this is edited"));
  return TRUE;
}

static void
csn_document_preview_dispose (GObject *object)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (object);

  g_clear_handle_id (&self->highlight_hold_source, g_source_remove);
  g_clear_handle_id (&self->notify_zoom_source, g_source_remove);
  g_clear_object (&self->highlight_fade);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_object (&self->pages);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (csn_document_preview_parent_class)->dispose (object);
}

static void
csn_document_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      g_value_set_object (value, self->pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_document_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CsnDocumentPreview *self = CSN_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      csn_document_preview_set_pages (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      csn_document_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      csn_document_preview_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_document_preview_class_init (CsnDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_document_preview_dispose;
  object_class->get_property = csn_document_preview_get_property;
  object_class->set_property = csn_document_preview_set_property;

  widget_class->measure = csn_document_preview_measure;
  widget_class->size_allocate = csn_document_preview_size_allocate;
  widget_class->snapshot = csn_document_preview_snapshot;
  widget_class->query_tooltip = csn_document_preview_query_tooltip;

  properties[PROP_PAGES] =
    g_param_spec_object ("pages", NULL, NULL, CSN_TYPE_DOCUMENT_PAGES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* 1 shows the paper at its real size on a 96 dpi screen. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The zoom follows the width: a page as wide as the view. */
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CsnDocumentPreview::activate-source:
   * @source: (type gpointer): the CsnDocumentSource clicked, valid during the emission
   *
   * A paragraph, table row or footnote that comes from the draft was clicked.
   */
  signals[ACTIVATE_SOURCE] = g_signal_new ("activate-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, scroll_by_keys, "(bi)", FALSE, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, scroll_by_keys, "(bi)", FALSE, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_by_keys, "(bi)", TRUE, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_by_keys, "(bi)", TRUE, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_by_keys, "(bi)", FALSE, -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_by_keys, "(bi)", FALSE, 2);

  gtk_widget_class_set_css_name (widget_class, "documentpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
csn_document_preview_init (CsnDocumentPreview *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *click = gtk_gesture_click_new ();
  AdwAnimationTarget *target;

  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->anchor = -1;
  self->highlight_block = CSN_DOCUMENT_PREVIEW_NO_BLOCK;
  self->nodes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gsk_render_node_unref);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  target = adw_callback_animation_target_new (on_highlight_value_cb, self, NULL);
  self->highlight_fade = adw_timed_animation_new (GTK_WIDGET (self), 1, 0, HIGHLIGHT_FADE_MS, target);
  g_signal_connect_object (self->highlight_fade, "done", G_CALLBACK (on_highlight_done_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
csn_document_preview_new (void)
{
  return g_object_new (CSN_TYPE_DOCUMENT_PREVIEW, NULL);
}

CsnDocumentPages *
csn_document_preview_get_pages (CsnDocumentPreview *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), NULL);
  return self->pages;
}

/**
 * csn_document_preview_set_pages:
 * @pages: (nullable): paginated pages, used from this thread only from now on
 *
 * Shows @pages where the previous ones were: the same place in the document stays in sight.
 */
void
csn_document_preview_set_pages (CsnDocumentPreview *self,
                                CsnDocumentPages   *pages)
{
  double width = 0, height = 0;

  g_return_if_fail (CSN_IS_DOCUMENT_PREVIEW (self));
  g_return_if_fail (pages == NULL || CSN_IS_DOCUMENT_PAGES (pages));

  if (self->pages == pages)
    return;

  if (pages != NULL)
    csn_document_pages_get_page_size (pages, &width, &height);
  /* Another paper: the same page stays in sight, at the zoom that fits it. */
  if (self->n_pages > 0 && (width != self->page_width || height != self->page_height) && self->anchor < 0)
    self->anchor = gtk_adjustment_get_value (self->vadjustment) / get_stride (self);

  g_set_object (&self->pages, pages);
  self->n_pages = pages != NULL ? csn_document_pages_get_n_pages (pages) : 0;
  self->page_width = width;
  self->page_height = height;
  g_hash_table_remove_all (self->nodes);
  self->reveal_pending = FALSE;
  clear_highlight (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

double
csn_document_preview_get_zoom (CsnDocumentPreview *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), 1.0);
  return self->zoom;
}

/* A zoom of its own: the zoom no longer follows the width. */
void
csn_document_preview_set_zoom (CsnDocumentPreview *self,
                               double              zoom)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PREVIEW (self));

  csn_document_preview_set_fit_width (self, FALSE);
  set_zoom_internal (self, zoom);
}

gboolean
csn_document_preview_get_fit_width (CsnDocumentPreview *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), FALSE);
  return self->fit_width;
}

void
csn_document_preview_set_fit_width (CsnDocumentPreview *self,
                                    gboolean            fit_width)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PREVIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

void
csn_document_preview_zoom_in (CsnDocumentPreview *self)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PREVIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom * 1.01)
      {
        csn_document_preview_set_zoom (self, zoom_levels[i]);
        return;
      }
  csn_document_preview_set_zoom (self, MAX_ZOOM);
}

void
csn_document_preview_zoom_out (CsnDocumentPreview *self)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PREVIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom * 0.99)
      {
        csn_document_preview_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
  csn_document_preview_set_zoom (self, zoom_levels[0]);
}

/**
 * csn_document_preview_reveal_block:
 * @block: a block of the pages' document
 * @highlight: whether to mark it for a moment
 *
 * Scrolls @block into sight, once the pages are laid out.
 * Returns: whether @block is on a page
 */
gboolean
csn_document_preview_reveal_block (CsnDocumentPreview *self,
                                   guint               block,
                                   gboolean            highlight)
{
  guint page;
  double y, height;

  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), FALSE);

  if (self->pages == NULL || !csn_document_pages_find_block (self->pages, block, &page, &y, &height))
    return FALSE;

  self->reveal_pending = TRUE;
  self->reveal_page = page;
  self->reveal_y = y;
  self->reveal_height = height;
  if (highlight)
    {
      clear_highlight (self);
      self->highlight_block = block;
      self->highlight_page = page;
      self->highlight_y = y;
      self->highlight_height = height;
      self->highlight_alpha = 1;
      self->highlight_hold_source = g_timeout_add (HIGHLIGHT_HOLD_MS, on_highlight_hold_cb, self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* The block marked after an edit, or CSN_DOCUMENT_PREVIEW_NO_BLOCK once the mark faded. */
guint
csn_document_preview_get_highlighted_block (CsnDocumentPreview *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), CSN_DOCUMENT_PREVIEW_NO_BLOCK);
  return self->highlight_block;
}

/* Where @block starts, in the widget's coordinates (a click there activates it). */
gboolean
csn_document_preview_get_block_area (CsnDocumentPreview *self,
                                     guint               block,
                                     graphene_rect_t    *area)
{
  double scale, y, height;
  guint page;

  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->pages == NULL || !csn_document_pages_find_block (self->pages, block, &page, &y, &height))
    return FALSE;
  scale = get_scale (self);
  graphene_rect_init (area,
                      get_page_x (self) + CSN_PAGE_MARGIN_SIDE * scale,
                      get_page_y (self, page) + y * scale,
                      (self->page_width - 2 * CSN_PAGE_MARGIN_SIDE) * scale,
                      height * scale);
  return TRUE;
}

/* The pages in sight, the only ones drawn. */
gboolean
csn_document_preview_get_visible_pages (CsnDocumentPreview *self,
                                        guint              *first,
                                        guint              *last)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  return get_visible_range (self, first, last);
}

/* How many pages are kept drawn: those in sight and their neighbours. */
guint
csn_document_preview_get_n_drawn_pages (CsnDocumentPreview *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), 0);
  return g_hash_table_size (self->nodes);
}

/**
 * csn_document_preview_activate_at:
 * @x: in the widget
 * @y: in the widget
 *
 * What a click at (@x, @y) does: emits ::activate-source for what is under it, if it comes from
 * the draft.
 * Returns: whether it did
 */
gboolean
csn_document_preview_activate_at (CsnDocumentPreview *self,
                                  double              x,
                                  double              y)
{
  CsnDocumentSource source;

  g_return_val_if_fail (CSN_IS_DOCUMENT_PREVIEW (self), FALSE);

  if (!find_source (self, x, y, &source))
    return FALSE;
  g_signal_emit (self, signals[ACTIVATE_SOURCE], 0, &source);
  return TRUE;
}
