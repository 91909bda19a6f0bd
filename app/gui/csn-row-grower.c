/* csn-row-grower.c: gives a list view the items of its model a few at a time, over frames, when it first shows them. */
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
 * work of the frames before, aiming at FRAME_BUDGET_US. */
#define FIRST_ROWS 8
#define GROWN_ROWS 256
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

  GtkSliceListModel *slice;
  GtkWidget         *view;          /* unowned: the tick callback goes with it */
  guint              tick_id;
  GdkFrameClock     *frame_clock;
  gulong             after_paint_id;
  gint64             tick_start;    /* 0 unless this frame added rows */
  guint              step;          /* rows added a frame */
  gboolean           paused;        /* until the view shows again */
  gboolean           resumed;       /* shown again: the frame that shows it grows nothing */
  gulong             map_id;
};

G_DEFINE_FINAL_TYPE (CsnRowGrower, csn_row_grower, G_TYPE_OBJECT)

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

static void
finish (CsnRowGrower *self)
{
  self->tick_id = 0;
  self->paused = FALSE;
  disconnect_frame_clock (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_tick_cb (GtkWidget     *view,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  CsnRowGrower *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GListModel *source = gtk_slice_list_model_get_model (self->slice);
  guint n_items = source != NULL ? g_list_model_get_n_items (source) : 0;
  guint size = gtk_slice_list_model_get_size (self->slice);
  gint64 start = g_get_monotonic_time ();
  guint target;
  guint first_in_sight = 0;
  guint in_sight = 0;

  if (size >= n_items)
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
   * which they are. */
  if (gtk_adjustment_get_upper (adjustment) > 0)
    {
      double row_height = MAX (gtk_adjustment_get_upper (adjustment) / size, 1.0);
      double value = gtk_adjustment_get_value (adjustment);

      first_in_sight = (guint) (value / row_height);
      in_sight = (guint) ((value + gtk_adjustment_get_page_size (adjustment)) / row_height) + 2;
    }
  /* The rows in sight are there: the others wait while someone types. */
  if (size >= in_sight && start - get_last_typed (view) < TYPING_PAUSE_US)
    return G_SOURCE_CONTINUE;
  target = MAX (size + self->step, in_sight);
  self->tick_start = start;
  do
    gtk_slice_list_model_set_size (self->slice, (size = MIN (size + FIRST_STEP, target)));
  while (size < target && (size < in_sight || g_get_monotonic_time () - start < MAKE_BUDGET_US));

  if (size >= first_in_sight + GROWN_ROWS || size >= n_items)
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
csn_row_grower_dispose (GObject *object)
{
  CsnRowGrower *self = CSN_ROW_GROWER (object);

  forget_view (self);
  disconnect_frame_clock (self);

  G_OBJECT_CLASS (csn_row_grower_parent_class)->dispose (object);
}

static void
csn_row_grower_finalize (GObject *object)
{
  g_clear_object (&CSN_ROW_GROWER (object)->slice);

  G_OBJECT_CLASS (csn_row_grower_parent_class)->finalize (object);
}

static void
csn_row_grower_class_init (CsnRowGrowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_row_grower_dispose;
  object_class->finalize = csn_row_grower_finalize;
}

static void
csn_row_grower_init (CsnRowGrower *self)
{
}

/* A grower of the list of @model's items (or none yet): give csn_row_grower_get_model() to the view. */
CsnRowGrower *
csn_row_grower_new (GListModel *model)
{
  CsnRowGrower *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CSN_TYPE_ROW_GROWER, NULL);
  self->slice = gtk_slice_list_model_new (model != NULL ? g_object_ref (model) : NULL, 0, G_MAXUINT);
  return self;
}

/* Lists the items of @model from now on (call csn_row_grower_start() first to grow them). */
void
csn_row_grower_set_source (CsnRowGrower *self,
                           GListModel   *model)
{
  g_return_if_fail (CSN_IS_ROW_GROWER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  gtk_slice_list_model_set_model (self->slice, model);
}

/* The items given to the view so far: all of them, unless growing. */
GListModel *
csn_row_grower_get_model (CsnRowGrower *self)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), NULL);
  return G_LIST_MODEL (self->slice);
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
  if (gtk_slice_list_model_get_size (self->slice) != FIRST_ROWS)
    gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
  if (self->tick_id == 0)
    add_tick (self);
}

/* Gives the view all the items now: one of them is wanted (revealed, searched for), wherever it is. */
void
csn_row_grower_stop (CsnRowGrower *self)
{
  g_return_if_fail (CSN_IS_ROW_GROWER (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->paused = FALSE;
  disconnect_frame_clock (self);
  if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

gboolean
csn_row_grower_is_growing (CsnRowGrower *self)
{
  g_return_val_if_fail (CSN_IS_ROW_GROWER (self), FALSE);
  return self->tick_id != 0 || self->paused;
}
