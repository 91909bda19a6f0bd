/* csn-row-grower.c: gives a list view the items of its model a few at a time, over frames, around those it shows. */
#define G_LOG_DOMAIN "csn-row-grower"

#include "config.h"

#include "csn-row-grower.h"

/* GTK 4.8 makes up to 200 rows for a list, whatever it shows: 200-400 ms in one go for the large
 * draft. The list is given FIRST_ROWS items when shown, the rows in sight in the next frame (once
 * the list knows its height and its rows'), then a few more a frame until it has GROWN_ROWS past
 * the first row in sight, then all (past the rows GTK makes around that row, the rest cost no
 * widget). Scrolled meanwhile, it goes on growing from there: the rows in sight come first, and
 * giving it all at once would make GTK's 200 rows in one frame (a 140 ms frame for the Theme
 * Matrix scrolled a second after it showed). A frame's work is not only making rows: laying them
 * out and drawing them costs as much again or more, so the rows added a frame follow the whole
 * work of the frames before, aiming at FRAME_BUDGET_US.
 *
 * An item asked for past the items given (opened from the Overview, undone, added) does not make
 * the list take all of them either: GTK would make its 200 rows around that item at once (a page
 * opened on a strategy of the large draft held the window 360-400 ms). The list is given the items
 * from that one on, and grows both ways from there until it has GROWN_ROWS_BEFORE rows before the
 * first in sight: GTK keeps the row it shows in its place when rows come before it, and makes up
 * to some 100 rows before it. */
#define FIRST_ROWS 8
#define GROWN_ROWS 256
#define GROWN_ROWS_BEFORE 128
/* An item this close to the items given is reached by giving those between; one further away
 * starts the list anew from it, and GTK drops the rows it had: for a second strategy of the large
 * draft opened from the Overview, 22-37 ms, against 198-224 ms to make GTK's 200 rows around it. */
#define REVEAL_REACH 32
#define FIRST_STEP 2
#define MAX_STEP 32
#define FRAME_BUDGET_US 8000
#define MAKE_BUDGET_US 4000
/* Someone typing (a cell, the search, a description): a frame that makes a row lays the whole list
 * out again, 7-20 ms for the Theme Matrix, and the keystroke's frame would wait for it. The rows past
 * those in sight wait until the typing pauses this long. */
#define TYPING_PAUSE_US (400 * 1000)

struct _CsnRowGrower
{
  GObject            parent_instance;

  GListModel        *source;
  gulong             source_changed_id;
  guint              start;         /* the first item of the source given to the view */
  guint              size;          /* how many are given from there: G_MAXUINT, all up to the end */
  GtkWidget         *view;          /* unowned: the tick callback goes with it */
  guint              tick_id;
  GdkFrameClock     *frame_clock;
  gulong             after_paint_id;
  gint64             tick_start;    /* 0 unless this frame added rows */
  guint              step;          /* rows added a frame */
  gboolean           paused;        /* until the view shows again */
  gboolean           resumed;       /* shown again: the frame that shows it grows nothing */
  gboolean           held;          /* the rows past those in sight wait: see csn_row_grower_set_held() */
  gulong             map_id;
};

static void csn_row_grower_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnRowGrower, csn_row_grower, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, csn_row_grower_list_model_init))

/* When the text that has the focus of a window last changed: one watch per window, shared by its
 * growers. */
typedef struct
{
  GtkRoot *root;        /* unowned: the watch is its data */
  GObject *source;      /* the focused GtkText, or the focused text view's buffer */
  gulong   changed_id;
  gint64   last_typed;
} TypingWatch;

static void
on_typed_cb (TypingWatch *watch)
{
  watch->last_typed = g_get_monotonic_time ();
}

/* Stops following the text it followed. A widget disposed already dropped its handlers. */
static void
typing_watch_drop_source (TypingWatch *watch)
{
  if (watch->source != NULL && g_signal_handler_is_connected (watch->source, watch->changed_id))
    g_signal_handler_disconnect (watch->source, watch->changed_id);
  watch->changed_id = 0;
  g_clear_object (&watch->source);
}

static void
typing_watch_follow_focus (TypingWatch *watch)
{
  GtkWidget *focus = gtk_root_get_focus (watch->root);
  GObject *source = NULL;

  if (GTK_IS_TEXT (focus))
    source = G_OBJECT (focus);
  else if (GTK_IS_TEXT_VIEW (focus))
    source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)));
  if (source == watch->source)
    return;
  typing_watch_drop_source (watch);
  if (source == NULL)
    return;
  watch->source = g_object_ref (source);
  watch->changed_id = g_signal_connect_swapped (source, "changed", G_CALLBACK (on_typed_cb), watch);
}

static void
typing_watch_free (TypingWatch *watch)
{
  typing_watch_drop_source (watch);
  g_free (watch);
}

static G_DEFINE_QUARK (csn-typing-watch, typing_watch)

/* When someone last typed in @view's window (0: not since the watch began). Asked at every frame
 * of a growth. */
static gint64
get_last_typed (GtkWidget *view)
{
  GtkRoot *root = gtk_widget_get_root (view);
  TypingWatch *watch;

  if (root == NULL)
    return 0;
  watch = g_object_get_qdata (G_OBJECT (root), typing_watch_quark ());
  if (watch == NULL)
    {
      watch = g_new0 (TypingWatch, 1);
      watch->root = root;
      g_object_set_qdata_full (G_OBJECT (root), typing_watch_quark (), watch, (GDestroyNotify) typing_watch_free);
      g_signal_connect_swapped (root, "notify::focus-widget", G_CALLBACK (typing_watch_follow_focus), watch);
      typing_watch_follow_focus (watch);
    }
  return watch->last_typed;
}

static void
disconnect_frame_clock (CsnRowGrower *self)
{
  if (self->frame_clock != NULL && g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

/* The frame that added rows is drawn: its whole work sets the rows of the next one. */
static void
on_after_paint_cb (CsnRowGrower  *self,
                   GdkFrameClock *frame_clock)
{
  gint64 work;
  guint step;

  if (self->tick_start == 0)
    return;
  work = MAX (g_get_monotonic_time () - self->tick_start, 1);
  self->tick_start = 0;
  step = (guint) ((gint64) self->step * FRAME_BUDGET_US / work);
  self->step = CLAMP (step, MAX (self->step / 2, 1), MIN (self->step * 2, MAX_STEP));
}

/* --- the items given ------------------------------------------------------------------------ */

static guint
source_n_items (CsnRowGrower *self)
{
  return self->source != NULL ? g_list_model_get_n_items (self->source) : 0;
}

/* How many items are given, of a source of @n_source items. */
static guint
given_n_items (CsnRowGrower *self,
               guint         n_source)
{
  return self->start < n_source ? MIN (self->size, n_source - self->start) : 0;
}

static GType
csn_row_grower_get_item_type (GListModel *model)
{
  CsnRowGrower *self = CSN_ROW_GROWER (model);

  return self->source != NULL ? g_list_model_get_item_type (self->source) : G_TYPE_OBJECT;
}

static guint
csn_row_grower_get_n_items (GListModel *model)
{
  CsnRowGrower *self = CSN_ROW_GROWER (model);

  return given_n_items (self, source_n_items (self));
}

static gpointer
csn_row_grower_get_item (GListModel *model,
                         guint       position)
{
  CsnRowGrower *self = CSN_ROW_GROWER (model);

  if (position >= given_n_items (self, source_n_items (self)))
    return NULL;
  return g_list_model_get_item (self->source, self->start + position);
}

static void
csn_row_grower_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = csn_row_grower_get_item_type;
  iface->get_n_items = csn_row_grower_get_n_items;
  iface->get_item = csn_row_grower_get_item;
}

/* A change of the source: the view hears of the items given that it changes. A change before the
 * items given moves them; one that begins before them and reaches into them moves their beginning to
 * its own. While growing, as many items are given as before from there (the items a change pushes
 * past them go, those it pulls in come), and the view hears that all past the change changed; else
 * all from the beginning on are given, and the view hears of exactly those the change touches. */
static void
on_source_items_changed_cb (CsnRowGrower *self,
                            guint         position,
                            guint         removed,
                            guint         added,
                            GListModel   *source)
{
  guint n_source = g_list_model_get_n_items (source);
  guint old_n = given_n_items (self, n_source - added + removed);
  guint skip;

  if (position < self->start && position + removed <= self->start)
    {
      self->start = self->start - removed + added;
      return;
    }
  if (self->size != G_MAXUINT && position >= self->start + self->size)
    return;

  skip = position > self->start ? position - self->start : 0;
  /* All up to the end: those removed past the beginning are given. */
  removed -= MIN (removed, self->start - MIN (position, self->start));
  self->start = MIN (position, self->start);
  if (self->size != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), skip, old_n - skip, given_n_items (self, n_source) - skip);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), skip, removed, added);
}

/* Gives the view the @size items from @start on (G_MAXUINT: all up to the end), and tells it what
 * changed: where the items given before and after overlap, the view keeps their rows and hears
 * only of the items added or taken at either end, the end first. */
static void
set_window (CsnRowGrower *self,
            guint         start,
            guint         size)
{
  guint n_source = source_n_items (self);
  guint old_start = self->start;
  guint old_n = given_n_items (self, n_source);
  guint old_end = old_start + old_n;
  guint new_n, new_end;

  self->start = start;
  self->size = size;
  new_n = given_n_items (self, n_source);
  new_end = start + new_n;
  if (old_n == 0 || new_n == 0 || new_end <= old_start || start >= old_end)
    {
      if (old_n > 0 || new_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return;
    }

  if (new_end != old_end)
    {
      self->start = old_start;
      self->size = size == G_MAXUINT ? G_MAXUINT : new_end - old_start;
      if (new_end > old_end)
        g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_end - old_end);
      else
        g_list_model_items_changed (G_LIST_MODEL (self), new_end - old_start, old_end - new_end, 0);
    }
  self->start = start;
  self->size = size;
  if (start < old_start)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, old_start - start);
  else if (start > old_start)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, start - old_start, 0);
}

/* --- growing --------------------------------------------------------------------------------- */

static void
finish (CsnRowGrower *self)
{
  self->tick_id = 0;
  self->paused = FALSE;
  disconnect_frame_clock (self);
  set_window (self, 0, G_MAXUINT);
}

static gboolean
grow_tick_cb (GtkWidget     *view,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  CsnRowGrower *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n_source = source_n_items (self);
  guint size = given_n_items (self, n_source);
  gint64 start = g_get_monotonic_time ();
  guint target, step;
  guint first_in_sight = 0;
  guint in_sight = 0;
  gboolean scrolls = FALSE;
  gboolean wants_before, wants_after, waits;

  if (self->start == 0 && size >= n_source)
    {
      finish (self);
      return G_SOURCE_REMOVE;
    }
  /* Out of sight (a page made ahead, or left): the frame clock need not tick for it. */
  if (!gtk_widget_get_mapped (view))
    {
      self->tick_id = 0;
      self->paused = TRUE;
      disconnect_frame_clock (self);
      return G_SOURCE_REMOVE;
    }
  /* Shown again: that frame lays out and draws the whole page, the rows come from the next one. */
  if (self->resumed)
    {
      self->resumed = FALSE;
      return G_SOURCE_CONTINUE;
    }
  /* Not laid out yet (the frame that first shows the list): it has rows enough for that frame. */
  if (adjustment == NULL || gtk_adjustment_get_page_size (adjustment) <= 0 || size == 0)
    return G_SOURCE_CONTINUE;

  if (self->frame_clock != frame_clock)
    {
      disconnect_frame_clock (self);
      self->frame_clock = g_object_ref (frame_clock);
      self->after_paint_id = g_signal_connect_object (frame_clock, "after-paint",
                                                      G_CALLBACK (on_after_paint_cb), self, G_CONNECT_SWAPPED);
    }

  /* The rows in sight come first, whatever they cost: the height of the list's rows so far gives
   * which they are. Held, the list is given those that show; otherwise one more past them. */
  if (gtk_adjustment_get_upper (adjustment) > 0)
    {
      double row_height = MAX (gtk_adjustment_get_upper (adjustment) / size, 1.0);
      double value = gtk_adjustment_get_value (adjustment);

      first_in_sight = (guint) (value / row_height);
      in_sight = (guint) ((value + gtk_adjustment_get_page_size (adjustment)) / row_height) + (self->held ? 1 : 2);
      scrolls = gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
    }
  wants_after = self->start + size < n_source && size < first_in_sight + GROWN_ROWS;
  wants_before = self->start > 0 && first_in_sight < GROWN_ROWS_BEFORE;
  if (!wants_after && !wants_before)
    {
      finish (self);
      return G_SOURCE_REMOVE;
    }
  /* The rows in sight are there: the others wait while someone types, or while held. */
  waits = self->held || start - get_last_typed (view) < TYPING_PAUSE_US;
  if (size >= in_sight && waits)
    return G_SOURCE_CONTINUE;
  self->tick_start = start;
  step = self->step;

  /* Rows before the first in sight, once those in sight are there and the list scrolls: before,
   * a row added above would push the rows in sight down. */
  if (wants_before && size >= in_sight && (scrolls || !wants_after))
    {
      guint before = MIN (self->start, wants_after ? MAX (step / 2, 1) : step);

      set_window (self, self->start - before, self->size == G_MAXUINT ? G_MAXUINT : size + before);
      size += before;
      first_in_sight += before;
      in_sight += before;
      step -= MIN (step, before);
    }

  if (wants_after)
    {
      /* While someone types, or while held, only the rows in sight: not a step's worth more. */
      target = MIN (MAX (waits ? size : size + step, in_sight), n_source - self->start);
      while (size < target)
        {
          set_window (self, self->start, (size = MIN (size + FIRST_STEP, target)));
          if (size >= in_sight && g_get_monotonic_time () - start >= MAKE_BUDGET_US)
            break;
        }
    }

  if ((self->start + size >= n_source || size >= first_in_sight + GROWN_ROWS) &&
      (self->start == 0 || first_in_sight >= GROWN_ROWS_BEFORE))
    {
      finish (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_tick_removed_cb (gpointer user_data)
{
  CsnRowGrower *self = user_data;

  self->tick_id = 0;
}

static void
add_tick (CsnRowGrower *self)
{
  self->paused = FALSE;
  self->tick_id = gtk_widget_add_tick_callback (self->view, grow_tick_cb, self, on_tick_removed_cb);
}

static void
on_view_map_cb (CsnRowGrower *self,
                GtkWidget    *view)
{
  if (self->paused && self->tick_id == 0 && view == self->view)
    {
      add_tick (self);
      self->resumed = TRUE;
    }
}

static void
forget_view (CsnRowGrower *self)
{
  if (self->view == NULL)
    return;
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  /* A view disposed already dropped its handlers. */
  if (self->map_id != 0 && g_signal_handler_is_connected (self->view, self->map_id))
    g_signal_handler_disconnect (self->view, self->map_id);
  self->map_id = 0;
  g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
}

static void
drop_source (CsnRowGrower *self)
{
  if (self->source == NULL)
    return;
  g_clear_signal_handler (&self->source_changed_id, self->source);
  g_clear_object (&self->source);
}

static void
csn_row_grower_dispose (GObject *object)
{
  CsnRowGrower *self = CSN_ROW_GROWER (object);

  forget_view (self);
  disconnect_frame_clock (self);
  drop_source (self);

  G_OBJECT_CLASS (csn_row_grower_parent_class)->dispose (object);
}

static void
csn_row_grower_class_init (CsnRowGrowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_row_grower_dispose;
}

static void
csn_row_grower_init (CsnRowGrower *self)
{
  self->size = G_MAXUINT;
}

/* A grower of the list of @model's items (or none yet): give csn_row_grower_get_model() to the view. */
CsnRowGrower *
csn_row_grower_new (GListModel *model)
{
  CsnRowGrower *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CSN_TYPE_ROW_GROWER, NULL);
  csn_row_grower_set_source (self, model);
  return self;
}

/* Lists the items of @model from now on, from its first (call csn_row_grower_start() first to grow them). */
void
csn_row_grower_set_source (CsnRowGrower *self,
                           GListModel   *model)
{
  guint old_n, new_n;

  g_return_if_fail (CSN_IS_ROW_GROWER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->source == model)
    return;
  old_n = csn_row_grower_get_n_items (G_LIST_MODEL (self));
  drop_source (self);
  if (model != NULL)
    {
      self->source = g_object_ref (model);
      self->source_changed_id = g_signal_connect_object (model, "items-changed",
                                                         G_CALLBACK (on_source_items_changed_cb), self,
                                                         G_CONNECT_SWAPPED);
    }
  self->start = 0;
  new_n = csn_row_grower_get_n_items (G_LIST_MODEL (self));
  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

GListModel *
csn_row_grower_get_source (CsnRowGrower *self)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), NULL);
  return self->source;
}

/* The items given to the view so far (the grower itself): all of them, unless growing. */
GListModel *
csn_row_grower_get_model (CsnRowGrower *self)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), NULL);
  return G_LIST_MODEL (self);
}

/* Where the view lists the item at @source_position of the source: GTK_INVALID_LIST_POSITION if
 * it is not given yet. */
guint
csn_row_grower_get_given_position (CsnRowGrower *self,
                                   guint         source_position)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), GTK_INVALID_LIST_POSITION);

  if (source_position == GTK_INVALID_LIST_POSITION || source_position < self->start ||
      source_position - self->start >= csn_row_grower_get_n_items (G_LIST_MODEL (self)))
    return GTK_INVALID_LIST_POSITION;
  return source_position - self->start;
}

/* Where the source has the item the view lists at @given_position: GTK_INVALID_LIST_POSITION if it
 * lists none there. */
guint
csn_row_grower_get_source_position (CsnRowGrower *self,
                                    guint         given_position)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), GTK_INVALID_LIST_POSITION);

  if (given_position >= csn_row_grower_get_n_items (G_LIST_MODEL (self)))
    return GTK_INVALID_LIST_POSITION;
  return self->start + given_position;
}

/* Gives @view, which shows the grower's model, its first rows now and the others over the next
 * frames. Call it before the model gets the items (a list about to be shown, or refilled). */
void
csn_row_grower_start (CsnRowGrower *self,
                      GtkWidget    *view)
{
  g_return_if_fail (CSN_IS_ROW_GROWER (self));
  g_return_if_fail (GTK_IS_SCROLLABLE (view));

  if (self->view != view)
    {
      forget_view (self);
      self->view = view;
      g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
      self->map_id = g_signal_connect_object (view, "map", G_CALLBACK (on_view_map_cb), self, G_CONNECT_SWAPPED);
    }
  self->step = FIRST_STEP;
  self->tick_start = 0;
  self->resumed = FALSE;
  set_window (self, 0, FIRST_ROWS);
  if (self->tick_id == 0)
    add_tick (self);
}

/* Gives the view all the items now: one of them is wanted (searched for), wherever it is. */
void
csn_row_grower_stop (CsnRowGrower *self)
{
  g_return_if_fail (CSN_IS_ROW_GROWER (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->paused = FALSE;
  disconnect_frame_clock (self);
  set_window (self, 0, G_MAXUINT);
}

/* Gives the view the item at @source_position of the source, to show it: a list still growing
 * goes on growing around it (see the top of this file). */
void
csn_row_grower_reveal (CsnRowGrower *self,
                       guint         source_position)
{
  guint n_source, size;

  g_return_if_fail (CSN_IS_ROW_GROWER (self));

  n_source = source_n_items (self);
  size = given_n_items (self, n_source);
  if (!csn_row_grower_is_growing (self) || source_position >= n_source ||
      csn_row_grower_get_given_position (self, source_position) != GTK_INVALID_LIST_POSITION)
    return;

  if (source_position >= self->start + size && source_position < self->start + size + REVEAL_REACH)
    set_window (self, self->start, source_position + FIRST_ROWS - self->start);
  else if (source_position < self->start && source_position + REVEAL_REACH > self->start)
    set_window (self, source_position, self->size == G_MAXUINT ? G_MAXUINT : size + self->start - source_position);
  else
    set_window (self, source_position, FIRST_ROWS);
}

/**
 * csn_row_grower_set_held:
 * @self: a #CsnRowGrower
 * @held: whether the rows past those in sight wait
 *
 * Holds the rows past those in sight, as someone typing does, while the frames are someone else's:
 * a page drawing the rest of itself over the frames after it showed. The rows in sight still come.
 */
void
csn_row_grower_set_held (CsnRowGrower *self,
                         gboolean      held)
{
  g_return_if_fail (CSN_IS_ROW_GROWER (self));
  self->held = held;
}

gboolean
csn_row_grower_is_growing (CsnRowGrower *self)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), FALSE);
  return self->tick_id != 0 || self->paused;
}
