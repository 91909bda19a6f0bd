/* csn-stance-strip.c: the member states' stances on one item at a glance, in one light cell.
 *
 * One widget draws the eleven marks (a country code over a stance icon) itself: a page of a few
 * hundred rows keeps one widget per row for them, not eleven. The keyboard moves between the
 * marks with Left and Right, and Enter (or a click) opens the page's shared stance editor. */
#define G_LOG_DOMAIN "csn-stance-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-stance-strip.h"
#include "csn-stance-util.h"

#define MARK_WIDTH   17
#define ICON_SIZE    16
#define H_PADDING    3
#define V_PADDING    3
#define GAP          1
#define CODE_SCALE   0.75
/* The CRM's member states: the width a strip takes before it knows its draft. */
#define USUAL_MARKS  11

struct _CsnStanceStrip
{
  CsnCell           parent_instance;

  CsnStanceEditor  *editor;
  CsnPositionIndex *index;
  gulong            index_changed_id;

  GArray           *stances;        /* int per member state: a CsnStance or CSN_STANCE_NONE */
  guint             current;        /* the mark the keyboard is on */
  int               hover;          /* the mark under the pointer, or -1 */
  char             *codes_text;     /* "\tBZ\tCA…": the layout's text */
  PangoLayout      *codes;
  PangoFontDescription *font;     /* the font the layout was made with */
  char             *accessible_label;
  char             *accessible_description;

  guint             scroll_tick;    /* the strip scrolls into view until this tick ends */
  guint             scroll_frames;
  int               pending_edit;   /* the mark to edit once it has, or -1 */

  gboolean          colors_valid;
  GdkRGBA           fg;
  GdkRGBA           accent;
  GdkRGBA           stance_colors[CSN_STANCE_NO_POSITION + 2];
};

G_DEFINE_FINAL_TYPE (CsnStanceStrip, csn_stance_strip, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
get_stance (CsnStanceStrip *self,
            guint           mark)
{
  return g_array_index (self->stances, int, mark);
}

static guint
get_n_marks (CsnStanceStrip *self)
{
  return self->stances->len;
}

static CsnCountry *
get_member (CsnStanceStrip *self,
            guint           mark)
{
  if (self->index == NULL || mark >= csn_position_index_get_n_members (self->index))
    return NULL;
  return csn_position_index_get_member (self->index, mark);
}

static CsnPosition *
get_position (CsnStanceStrip *self,
              guint           mark)
{
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));
  CsnPosition * const *positions;

  if (self->index == NULL || item == NULL || mark >= csn_position_index_get_n_members (self->index))
    return NULL;
  positions = csn_position_index_get_positions (self->index, csn_item_get_key (item));
  return positions != NULL ? positions[mark] : NULL;
}

static void
ensure_colors (CsnStanceStrip *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (self->colors_valid)
    return;

  gtk_style_context_get_color (context, &self->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    self->accent = self->fg;
  for (int stance = CSN_STANCE_NONE; stance <= CSN_STANCE_NO_POSITION; stance++)
    {
      const char *name = csn_stance_get_color_name (stance);
      GdkRGBA *color = &self->stance_colors[stance + 1];

      if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
        *color = self->fg;
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* No answer yet is the quietest mark. */
  self->stance_colors[0].alpha *= 0.45;
  self->colors_valid = TRUE;
}

static PangoLayout *
ensure_codes (CsnStanceStrip *self)
{
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoTabArray *tabs;
  guint n_marks = MAX (get_n_marks (self), 1);

  if (self->codes != NULL)
    return self->codes;

  self->codes = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                self->codes_text != NULL ? self->codes_text : "\tXX");
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_scale_new (CODE_SCALE));
  pango_layout_set_attributes (self->codes, attributes);
  /* Each code centred over its icon. */
  tabs = pango_tab_array_new ((int) n_marks, TRUE);
  for (guint i = 0; i < n_marks; i++)
    pango_tab_array_set_tab (tabs, (int) i, PANGO_TAB_CENTER, H_PADDING + (int) i * MARK_WIDTH + MARK_WIDTH / 2);
  pango_layout_set_tabs (self->codes, tabs);
  pango_tab_array_free (tabs);
  return self->codes;
}

static int
get_codes_height (CsnStanceStrip *self)
{
  int height;

  pango_layout_get_pixel_size (ensure_codes (self), NULL, &height);
  return height;
}

/* The mark at @x, or -1. */
static int
find_mark (CsnStanceStrip *self,
           double          x)
{
  int mark;

  if (x < H_PADDING)
    return -1;
  mark = (int) ((x - H_PADDING) / MARK_WIDTH);
  return mark < (int) get_n_marks (self) ? mark : -1;
}

static void
get_mark_area (CsnStanceStrip *self,
               guint           mark,
               GdkRectangle   *area)
{
  area->x = H_PADDING + (int) mark * MARK_WIDTH;
  area->y = 0;
  area->width = MARK_WIDTH;
  area->height = gtk_widget_get_height (GTK_WIDGET (self));
}

static char *
dup_summary (CsnStanceStrip *self)
{
  guint counts[CSN_STANCE_NO_POSITION + 2] = { 0, };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < get_n_marks (self); i++)
    counts[get_stance (self, i) + 1]++;

  /* Translators: the start of the accessible description of a strip of positions */
  g_string_append (text, _("Positions of the member states:"));
  for (int stance = CSN_STANCE_SUPPORTS; stance <= CSN_STANCE_NO_POSITION + 1; stance++)
    {
      int shown = stance <= CSN_STANCE_NO_POSITION ? stance : CSN_STANCE_NONE;
      guint count = counts[shown + 1];
      g_autofree char *label = NULL;

      if (count == 0)
        continue;
      label = g_utf8_strdown (csn_stance_get_label (shown), -1);
      /* Translators: one count in the description of a strip of positions: " 3 supports," */
      g_string_append_printf (text, _(" %u %s;"), count, label);
    }
  /* Translators: how to use a strip of positions, for screen readers */
  g_string_append (text, _(" Left and Right choose a member state, Enter edits its position."));
  return g_string_free (text, FALSE);
}

static void
update_accessible (CsnStanceStrip *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (get_n_marks (self) > 0 && get_member (self, self->current) != NULL)
    label = csn_stance_dup_description (csn_cell_get_draft (CSN_CELL (self)),
                                        get_member (self, self->current),
                                        get_position (self, self->current));
  else
    label = g_strdup (_("Positions of the member states"));
  description = dup_summary (self);

  /* Only real changes: a screen reader speaks a new name of the focused widget. */
  if (g_strcmp0 (label, self->accessible_label) != 0 || g_strcmp0 (description, self->accessible_description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      g_free (self->accessible_label);
      self->accessible_label = g_steal_pointer (&label);
      g_free (self->accessible_description);
      self->accessible_description = g_steal_pointer (&description);
    }
}

static char *
dup_codes_text (CsnStanceStrip *self,
                guint           n_members)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_members; i++)
    {
      g_string_append_c (text, '\t');
      g_string_append (text, csn_item_get_key (CSN_ITEM (csn_position_index_get_member (self->index, i))));
    }
  return g_string_free (text, FALSE);
}

/* Reads the stances of the bound item; redraws only when one of them, or the members, changed. */
static void
csn_stance_strip_update (CsnCell *cell)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (cell);
  CsnItem *item = csn_cell_get_item (cell);
  guint n_members = self->index != NULL && item != NULL ? csn_position_index_get_n_members (self->index) : 0;
  CsnPosition * const *positions = NULL;
  g_autofree char *codes_text = NULL;
  gboolean changed = FALSE;

  if (n_members > 0)
    {
      positions = csn_position_index_get_positions (self->index, csn_item_get_key (item));
      codes_text = dup_codes_text (self, n_members);
    }

  if (g_strcmp0 (codes_text, self->codes_text) != 0)
    {
      g_free (self->codes_text);
      self->codes_text = g_steal_pointer (&codes_text);
      g_clear_object (&self->codes);
      if (n_members != get_n_marks (self))
        gtk_widget_queue_resize (GTK_WIDGET (self));
      g_array_set_size (self->stances, n_members);
      changed = TRUE;
    }

  for (guint i = 0; i < n_members; i++)
    {
      int stance = positions != NULL && positions[i] != NULL ? (int) csn_position_get_stance (positions[i])
                                                             : CSN_STANCE_NONE;

      if (changed || get_stance (self, i) != stance)
        {
          g_array_index (self->stances, int, i) = stance;
          changed = TRUE;
        }
    }
  if (self->current >= n_members)
    self->current = 0;

  if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

static void
on_index_changed_cb (CsnStanceStrip   *self,
                     CsnPositionIndex *index)
{
  /* A strip out of sight (its column hidden, its page not shown) catches up when it shows. */
  csn_cell_queue_update (CSN_CELL (self));
}

static void
csn_stance_strip_bound (CsnCell *cell)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);

  if (draft == NULL)
    return;
  self->index = csn_position_index_get_for_draft (draft);
  self->index_changed_id = g_signal_connect_object (self->index, "changed", G_CALLBACK (on_index_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
}

static void
csn_stance_strip_unbound (CsnCell *cell)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (cell);

  if (self->index != NULL)
    g_clear_signal_handler (&self->index_changed_id, self->index);
  self->index = NULL;
  /* A row given to another item does not edit it. */
  self->pending_edit = -1;
}

static GtkWidget *
csn_stance_strip_get_control (CsnCell *cell)
{
  return GTK_WIDGET (cell);
}

static void
csn_stance_strip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n_marks = get_n_marks (self) > 0 ? get_n_marks (self) : USUAL_MARKS;

      *minimum = *natural = 2 * H_PADDING + (int) n_marks * MARK_WIDTH;
    }
  else
    *minimum = *natural = 2 * V_PADDING + get_codes_height (self) + GAP + ICON_SIZE;
}

/* The shared editor, when it points at this strip, follows it. */
static void
csn_stance_strip_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
append_rounded_rect (GtkSnapshot     *snapshot,
                     const GdkRGBA   *color,
                     graphene_rect_t *rect)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
csn_stance_strip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int codes_height = get_codes_height (self);
  int content_height = codes_height + GAP + ICON_SIZE;
  float top = (float) MAX (0, (height - content_height) / 2);
  gboolean focused = gtk_widget_has_visible_focus (widget);
  GdkRGBA code_color;

  if (get_n_marks (self) == 0)
    return;
  ensure_colors (self);

  for (guint i = 0; i < get_n_marks (self); i++)
    {
      float x = (float) (H_PADDING + (int) i * MARK_WIDTH);
      int stance = get_stance (self, i);
      const GdkRGBA *color = &self->stance_colors[stance + 1];

      if ((int) i == self->hover || (focused && i == self->current))
        {
          GdkRGBA tint = self->fg;
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x, 1, MARK_WIDTH, (float) height - 2);

          tint.alpha *= 0.1f;
          append_rounded_rect (snapshot, &tint, &rect);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (MARK_WIDTH - ICON_SIZE) / 2.0f,
                                                              top + (float) (codes_height + GAP)));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (csn_stance_get_icon (stance, scale)),
                                                snapshot, ICON_SIZE, ICON_SIZE, color, 1);
      gtk_snapshot_restore (snapshot);
    }

  code_color = self->fg;
  code_color.alpha *= 0.6f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
  gtk_snapshot_append_layout (snapshot, ensure_codes (self), &code_color);
  gtk_snapshot_restore (snapshot);

  if (focused)
    {
      GskRoundedRect ring;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { self->accent, self->accent, self->accent, self->accent };

      gsk_rounded_rect_init_from_rect (&ring,
                                       &GRAPHENE_RECT_INIT ((float) (H_PADDING + (int) self->current * MARK_WIDTH),
                                                            1, MARK_WIDTH, (float) height - 2),
                                       4);
      gtk_snapshot_append_border (snapshot, &ring, widths, colors);
    }
}

static gboolean
csn_stance_strip_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (widget);
  int mark = keyboard_mode ? (int) self->current : find_mark (self, x);
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (mark < 0 || (guint) mark >= get_n_marks (self))
    return FALSE;
  text = csn_stance_strip_dup_tooltip (self, (guint) mark);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  get_mark_area (self, (guint) mark, &area);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void open_editor (CsnStanceStrip *self,
                         guint           mark);

/* The second frame after scrolling has the strip where it shows. */
static gboolean
on_scroll_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (widget);
  int mark = self->pending_edit;

  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  self->pending_edit = -1;
  if (mark >= 0 && (guint) mark < get_n_marks (self))
    open_editor (self, (guint) mark);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's column view scrolls to a focused row, not to a focused cell: a strip the keyboard
 * reaches at the right of a wide table scrolls into view itself. Returns whether the strip is
 * still on its way. */
static gboolean
scroll_into_view (CsnStanceStrip *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double shift = 0;

  /* Until the list is laid out again, the strip's bounds are where it was. */
  if (self->scroll_tick != 0)
    return TRUE;
  if (view == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), view, &bounds) ||
      (adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view))) == NULL)
    return FALSE;
  if (bounds.origin.x + bounds.size.width > gtk_widget_get_width (view))
    shift = bounds.origin.x + bounds.size.width - gtk_widget_get_width (view);
  if (bounds.origin.x - shift < 0)
    shift = bounds.origin.x;
  if (shift == 0)
    return FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
  self->scroll_frames = 0;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_scroll_tick_cb, NULL, NULL);
  return TRUE;
}

static void
csn_stance_strip_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);
  if ((now & GTK_STATE_FLAG_FOCUSED) && !(previous & GTK_STATE_FLAG_FOCUSED))
    (void) scroll_into_view (CSN_STANCE_STRIP (widget));
  GTK_WIDGET_CLASS (csn_stance_strip_parent_class)->state_flags_changed (widget, previous);
}

/* Rows change their style as the pointer moves over them: only a new font or text colour costs
 * a new layout or new colours. */
static void
csn_stance_strip_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (widget);
  const PangoFontDescription *font;
  GdkRGBA fg;

  GTK_WIDGET_CLASS (csn_stance_strip_parent_class)->css_changed (widget, change);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (!gdk_rgba_equal (&fg, &self->fg))
    {
      self->colors_valid = FALSE;
      self->fg = fg;
      gtk_widget_queue_draw (widget);
    }

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font == NULL || font == NULL || !pango_font_description_equal (font, self->font))
    {
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = font != NULL ? pango_font_description_copy (font) : NULL;
      g_clear_object (&self->codes);
      gtk_widget_queue_resize (widget);
    }
}

static void
on_click_released_cb (CsnStanceStrip  *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  int mark = find_mark (self, x);

  if (mark < 0)
    return;
  csn_stance_strip_set_current (self, (guint) mark);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  csn_stance_strip_edit (self, (guint) mark);
}

static void
set_hover (CsnStanceStrip *self,
           int             mark)
{
  if (self->hover == mark)
    return;
  self->hover = mark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (CsnStanceStrip           *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  set_hover (self, find_mark (self, x));
}

static void
on_leave_cb (CsnStanceStrip           *self,
             GtkEventControllerMotion *motion)
{
  set_hover (self, -1);
}

static gboolean
on_key_pressed_cb (CsnStanceStrip        *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  guint n_marks = get_n_marks (self);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (n_marks == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        gboolean forward = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) != rtl;

        if (forward && self->current + 1 < n_marks)
          csn_stance_strip_set_current (self, self->current + 1);
        else if (!forward && self->current > 0)
          csn_stance_strip_set_current (self, self->current - 1);
        return TRUE;
      }
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      csn_stance_strip_set_current (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      csn_stance_strip_set_current (self, n_marks - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      csn_stance_strip_edit (self, self->current);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
csn_stance_strip_dispose (GObject *object)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (object);

  csn_cell_unbind (CSN_CELL (self));
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->codes);

  G_OBJECT_CLASS (csn_stance_strip_parent_class)->dispose (object);
}

static void
csn_stance_strip_finalize (GObject *object)
{
  CsnStanceStrip *self = CSN_STANCE_STRIP (object);

  g_clear_object (&self->editor);
  g_clear_pointer (&self->stances, g_array_unref);
  g_free (self->codes_text);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->accessible_label);
  g_free (self->accessible_description);

  G_OBJECT_CLASS (csn_stance_strip_parent_class)->finalize (object);
}

static void
csn_stance_strip_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, CSN_STANCE_STRIP (object)->editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_stance_strip_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITOR:
      CSN_STANCE_STRIP (object)->editor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_stance_strip_class_init (CsnStanceStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_stance_strip_dispose;
  object_class->finalize = csn_stance_strip_finalize;
  object_class->get_property = csn_stance_strip_get_property;
  object_class->set_property = csn_stance_strip_set_property;

  widget_class->measure = csn_stance_strip_measure;
  widget_class->size_allocate = csn_stance_strip_size_allocate;
  widget_class->snapshot = csn_stance_strip_snapshot;
  widget_class->query_tooltip = csn_stance_strip_query_tooltip;
  widget_class->state_flags_changed = csn_stance_strip_state_flags_changed;
  widget_class->css_changed = csn_stance_strip_css_changed;

  cell_class->update = csn_stance_strip_update;
  cell_class->get_control = csn_stance_strip_get_control;
  cell_class->bound = csn_stance_strip_bound;
  cell_class->unbound = csn_stance_strip_unbound;

  /* The editor of the page the strip is on, which all its strips share. */
  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, CSN_TYPE_STANCE_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "csn-stance-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
csn_stance_strip_init (CsnStanceStrip *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkEventController *motion, *key;

  self->stances = g_array_new (FALSE, TRUE, sizeof (int));
  self->hover = -1;
  self->pending_edit = -1;

  /* The strip lays out nothing but the editor's popover, which it presents itself. */
  gtk_widget_set_layout_manager (widget, NULL);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_cursor_from_name (widget, "pointer");
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
}

GtkWidget *
csn_stance_strip_new (CsnStanceEditor *editor)
{
  g_return_val_if_fail (editor == NULL || CSN_IS_STANCE_EDITOR (editor), NULL);
  return g_object_new (CSN_TYPE_STANCE_STRIP, "editor", editor, NULL);
}

/* One mark per member state, in the draft's order of countries. */
guint
csn_stance_strip_get_n_marks (CsnStanceStrip *self)
{
  g_return_val_if_fail (CSN_IS_STANCE_STRIP (self), 0);
  return get_n_marks (self);
}

/* The stance @mark shows: a CsnStance, or CSN_STANCE_NONE. */
int
csn_stance_strip_get_stance (CsnStanceStrip *self,
                             guint           mark)
{
  g_return_val_if_fail (CSN_IS_STANCE_STRIP (self), CSN_STANCE_NONE);
  g_return_val_if_fail (mark < get_n_marks (self), CSN_STANCE_NONE);
  return get_stance (self, mark);
}

guint
csn_stance_strip_get_current (CsnStanceStrip *self)
{
  g_return_val_if_fail (CSN_IS_STANCE_STRIP (self), 0);
  return self->current;
}

void
csn_stance_strip_set_current (CsnStanceStrip *self,
                              guint           mark)
{
  g_return_if_fail (CSN_IS_STANCE_STRIP (self));
  g_return_if_fail (mark < get_n_marks (self));

  if (self->current == mark)
    return;
  self->current = mark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* A popover must point inside its window: at the mark, or at the edge of the list nearest to it. */
static void
clamp_to_view (CsnStanceStrip *self,
               GdkRectangle   *area)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  graphene_rect_t bounds;
  int left, right;

  if (view == NULL)
    view = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self)));
  if (view == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), view, &bounds))
    return;
  left = 1 - (int) bounds.origin.x;
  right = gtk_widget_get_width (view) - 1 - (int) bounds.origin.x;
  if (area->x + area->width > right)
    {
      area->x = MAX (left, right - 1);
      area->width = 1;
    }
  else if (area->x < left)
    {
      area->x = left;
      area->width = 1;
    }
}

static void
open_editor (CsnStanceStrip *self,
             guint           mark)
{
  CsnCell *cell = CSN_CELL (self);
  CsnCountry *country = get_member (self, mark);
  CsnStanceEditor *editor;
  GdkRectangle area;

  if (country == NULL || csn_cell_get_item (cell) == NULL)
    return;
  /* Without an editor of its own, the strip uses its list's, made when first needed. */
  editor = self->editor != NULL ? self->editor : csn_stance_editor_get_shared (GTK_WIDGET (self));
  get_mark_area (self, mark, &area);
  clamp_to_view (self, &area);
  csn_stance_editor_edit (editor, GTK_WIDGET (self), &area, csn_cell_get_draft (cell),
                          csn_cell_get_item (cell), csn_item_get_key (CSN_ITEM (country)));
}

/* Opens the page's stance editor on the position of @mark's member state. */
void
csn_stance_strip_edit (CsnStanceStrip *self,
                       guint           mark)
{
  g_return_if_fail (CSN_IS_STANCE_STRIP (self));

  if (mark >= get_n_marks (self))
    return;
  /* A strip scrolled into view points the editor at its mark once it has moved there. */
  if (scroll_into_view (self))
    self->pending_edit = (int) mark;
  else
    open_editor (self, mark);
}

/* "México: objects — “comment…” (returned workbook, 3 Oct 2011)" */
char *
csn_stance_strip_dup_tooltip (CsnStanceStrip *self,
                              guint           mark)
{
  CsnCountry *country;

  g_return_val_if_fail (CSN_IS_STANCE_STRIP (self), NULL);

  country = get_member (self, mark);
  if (country == NULL)
    return NULL;
  return csn_stance_dup_description (csn_cell_get_draft (CSN_CELL (self)), country, get_position (self, mark));
}
