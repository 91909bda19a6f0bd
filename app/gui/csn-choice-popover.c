/* csn-choice-popover.c: the one popover a list shares to choose a cell's value, given its choices only while open. */
#define G_LOG_DOMAIN "csn-choice-popover"

#include "config.h"

#include "csn-check-cell.h"
#include "csn-choice-popover.h"
#include "csn-tooltip-util.h"

/* Longer lists get a search entry. */
#define SEARCH_THRESHOLD 12

struct _CsnChoicePopover
{
  GtkPopover          parent_instance;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkNoSelection     *selection;
  GtkListItemFactory *choose_factory;
  GtkListItemFactory *tick_factory;

  /* While open: */
  CsnCell            *cell;
  GObject            *current;
  CsnChoiceTitleFunc  title_func;
  CsnChoiceFunc       chosen_func;
  char               *needle;       /* folded */
  guint               focus_tick_id;
  guint               focus_ticks;
};

G_DEFINE_FINAL_TYPE (CsnChoicePopover, csn_choice_popover, GTK_TYPE_POPOVER)

static GQuark
shared_quark (void)
{
  return g_quark_from_static_string ("csn-choice-popover");
}

static GQuark
row_choice_quark (void)
{
  return g_quark_from_static_string ("csn-choice-popover-row-choice");
}

/* @text normalized and case-folded, for searches that ignore case and composed forms. */
static char *
fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static char *
dup_title (CsnChoicePopover *self,
           GObject          *choice)
{
  if (self->title_func != NULL)
    return self->title_func (choice);
  if (CSN_IS_ITEM (choice))
    return csn_item_dup_title (CSN_ITEM (choice));
  return g_strdup ("");
}

static gboolean
filter_choice (gpointer item,
               gpointer user_data)
{
  CsnChoicePopover *self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *folded = NULL;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;
  title = dup_title (self, item);
  folded = fold_text (title);
  return strstr (folded, self->needle) != NULL;
}

/* --- choosing one ---------------------------------------------------------------------------- */

static void
update_choice_row (CsnChoicePopover *self,
                   GtkListItem      *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_next_sibling (label);
  GObject *choice = gtk_list_item_get_item (list_item);
  g_autofree char *title = choice != NULL ? dup_title (self, choice) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (label), title);
  gtk_widget_set_opacity (check, choice != NULL && choice == self->current ? 1.0 : 0.0);
}

/* A choice renamed elsewhere while the list is open is shown renamed at once. */
static void
on_choice_notify_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     GObject     *choice)
{
  GtkWidget *popover = gtk_widget_get_ancestor (gtk_list_item_get_child (list_item), CSN_TYPE_CHOICE_POPOVER);

  if (popover != NULL)
    update_choice_row (CSN_CHOICE_POPOVER (popover), list_item);
}

static void
on_choose_setup_cb (CsnChoicePopover         *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  /* As GTK's own drop-downs: a check mark on the current choice. */
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_opacity (check, 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
on_choose_bind_cb (CsnChoicePopover         *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  GObject *choice = gtk_list_item_get_item (list_item);

  if (CSN_IS_ITEM (choice))
    g_signal_connect_object (choice, "notify", G_CALLBACK (on_choice_notify_cb), list_item, G_CONNECT_SWAPPED);
  g_object_set_qdata (G_OBJECT (gtk_list_item_get_child (list_item)), row_choice_quark (), choice);
  update_choice_row (self, list_item);
}

static void
on_choose_unbind_cb (CsnChoicePopover         *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GObject *choice = gtk_list_item_get_item (list_item);

  if (choice != NULL)
    g_signal_handlers_disconnect_by_data (choice, list_item);
  g_object_set_qdata (G_OBJECT (gtk_list_item_get_child (list_item)), row_choice_quark (), NULL);
}

/* --- ticking several ------------------------------------------------------------------------- */

static void
on_tick_setup_cb (CsnChoicePopover         *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *check = csn_check_cell_new (NULL, NULL);

  gtk_widget_set_halign (GTK_WIDGET (csn_check_cell_get_button (CSN_CHECK_CELL (check))), GTK_ALIGN_FILL);
  gtk_list_item_set_child (list_item, check);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_tick_bind_cb (CsnChoicePopover         *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  CsnCell *check = CSN_CELL (gtk_list_item_get_child (list_item));
  CsnItem *choice = gtk_list_item_get_item (list_item);
  g_autofree char *title = csn_item_dup_title (choice);

  if (self->cell == NULL)
    return;
  csn_cell_set_property_name (check, csn_cell_get_property_name (self->cell));
  csn_check_cell_set_key (CSN_CHECK_CELL (check), csn_item_get_key (choice));
  csn_check_cell_set_text (CSN_CHECK_CELL (check), title);
  csn_cell_bind (check, csn_cell_get_draft (self->cell), csn_cell_get_item (self->cell));
}

static void
on_tick_unbind_cb (CsnChoicePopover         *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  csn_cell_unbind (CSN_CELL (gtk_list_item_get_child (list_item)));
}

/* --- opening and closing --------------------------------------------------------------------- */

static GtkListItemFactory *
factory_new (CsnChoicePopover *self,
             GCallback         setup,
             GCallback         bind,
             GCallback         unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", bind, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", unbind, self, G_CONNECT_SWAPPED);
  return factory;
}

static GtkWidget *
find_row (CsnChoicePopover *self,
          GObject          *choice)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (child != NULL && g_object_get_qdata (G_OBJECT (child), row_choice_quark ()) == choice)
        return row;
    }
  return NULL;
}

static guint
find_position (GListModel *model,
               GObject    *choice)
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == choice)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The list opens on the current choice: once laid out, it scrolls there, then focuses its row
 * (GTK 4.8 has no gtk_list_view_scroll_to()). */
static gboolean
on_focus_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  CsnChoicePopover *self = user_data;
  GtkWidget *row;

  if (self->current == NULL || ++self->focus_ticks > 10)
    goto done;
  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  if (self->focus_ticks == 1 || (row = find_row (self, self->current)) == NULL)
    {
      guint position = find_position (G_LIST_MODEL (self->filter_model), self->current);

      if (position == GTK_INVALID_LIST_POSITION)
        goto done;
      gtk_widget_activate_action (widget, "list.scroll-to-item", "u", position);
      return G_SOURCE_CONTINUE;
    }
  gtk_widget_grab_focus (row);

done:
  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static GtkWidget *
get_owner (CsnChoicePopover *self)
{
  return self->cell != NULL ? csn_cell_get_control (self->cell) : NULL;
}

static void
on_closed_cb (CsnChoicePopover *self)
{
  g_autoptr(CsnCell) cell = g_steal_pointer (&self->cell);
  GtkWidget *owner = cell != NULL ? csn_cell_get_control (cell) : NULL;

  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  /* The rows go with the popover: nothing of the choices is kept between openings. */
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->current);
  self->title_func = NULL;
  self->chosen_func = NULL;

  if (owner != NULL)
    {
      gtk_widget_set_has_tooltip (owner, csn_widget_get_lazy_tooltip (owner) != NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
      /* Focus goes back to the cell the list was opened from. */
      if (gtk_widget_get_mapped (owner))
        gtk_widget_grab_focus (owner);
    }
}

static void
choose (CsnChoicePopover *self,
        GObject          *choice)
{
  g_autoptr(CsnCell) cell = NULL;
  CsnChoiceFunc chosen_func = self->chosen_func;

  if (choice == NULL || self->cell == NULL || chosen_func == NULL)
    return;
  cell = g_object_ref (self->cell);
  gtk_popover_popdown (GTK_POPOVER (self));
  chosen_func (cell, choice);
}

static void
on_list_activate_cb (CsnChoicePopover *self,
                     guint             position,
                     GtkListView      *list_view)
{
  g_autoptr(GObject) choice = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  choose (self, choice);
}

static void
on_search_changed_cb (CsnChoicePopover *self,
                      GtkSearchEntry   *entry)
{
  g_autofree char *needle = fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  if (self->needle != NULL && strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle != NULL && strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_search_stop_cb (CsnChoicePopover *self,
                   GtkSearchEntry   *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Enter in the search takes the first choice found. */
static void
on_search_activate_cb (CsnChoicePopover *self,
                       GtkSearchEntry   *entry)
{
  g_autoptr(GObject) first = NULL;

  if (self->chosen_func == NULL)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);
  choose (self, first);
}

/* A popover can point only at a cell laid out on screen. */
static gboolean
is_shown (CsnCell *cell)
{
  return gtk_widget_get_mapped (GTK_WIDGET (cell)) && gtk_widget_get_width (GTK_WIDGET (cell)) > 0;
}

/* Moves the popover to @cell, which presents it (CsnCell does so for its popover children). */
static void
attach (CsnChoicePopover *self,
        CsnCell          *cell)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));
  if (parent != GTK_WIDGET (cell))
    {
      if (parent != NULL)
        gtk_widget_unparent (GTK_WIDGET (self));
      gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (cell));
    }
  g_set_object (&self->cell, cell);
}

static void
open (CsnChoicePopover   *self,
      GListModel         *choices,
      GtkListItemFactory *factory)
{
  GtkWidget *owner = get_owner (self);
  gboolean searchable = g_list_model_get_n_items (choices) > SEARCH_THRESHOLD;

  g_clear_pointer (&self->needle, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), searchable);
  /* Typing in a long open list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, searchable ? GTK_WIDGET (self) : NULL);
  if (gtk_list_view_get_factory (self->list_view) != factory)
    gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_single_click_activate (self->list_view, factory == self->choose_factory);
  gtk_filter_list_model_set_model (self->filter_model, choices);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The tooltip that names the current choice would cover the list. */
  if (owner != NULL)
    {
      gtk_widget_set_has_tooltip (owner, FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
    }
  gtk_popover_popup (GTK_POPOVER (self));
  if (searchable)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  if (self->current != NULL && self->focus_tick_id == 0)
    {
      self->focus_ticks = 0;
      self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), on_focus_tick_cb,
                                                          self, NULL);
    }
}

static void
csn_choice_popover_dispose (GObject *object)
{
  CsnChoicePopover *self = CSN_CHOICE_POPOVER (object);

  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->cell);
  g_clear_object (&self->current);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_CHOICE_POPOVER);
  g_clear_object (&self->selection);
  g_clear_object (&self->choose_factory);
  g_clear_object (&self->tick_factory);

  G_OBJECT_CLASS (csn_choice_popover_parent_class)->dispose (object);
}

static void
csn_choice_popover_finalize (GObject *object)
{
  g_free (CSN_CHOICE_POPOVER (object)->needle);

  G_OBJECT_CLASS (csn_choice_popover_parent_class)->finalize (object);
}

static void
csn_choice_popover_class_init (CsnChoicePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_choice_popover_dispose;
  object_class->finalize = csn_choice_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-choice-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnChoicePopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsnChoicePopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
}

static void
csn_choice_popover_init (CsnChoicePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_choice, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_no_selection_new (G_LIST_MODEL (self->filter_model));
  self->choose_factory = factory_new (self, G_CALLBACK (on_choose_setup_cb), G_CALLBACK (on_choose_bind_cb),
                                      G_CALLBACK (on_choose_unbind_cb));
  self->tick_factory = factory_new (self, G_CALLBACK (on_tick_setup_cb), G_CALLBACK (on_tick_bind_cb),
                                    G_CALLBACK (on_tick_unbind_cb));
}

static void
release_shared (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

/**
 * csn_choice_popover_get_shared:
 *
 * Returns: (transfer none): the popover the list showing @cell shares among its cells, made when
 * first asked for; a cell outside a list gets one of its own
 */
CsnChoicePopover *
csn_choice_popover_get_shared (CsnCell *cell)
{
  GtkWidget *owner;
  CsnChoicePopover *popover;

  g_return_val_if_fail (CSN_IS_CELL (cell), NULL);

  owner = gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW);
  if (owner == NULL)
    owner = GTK_WIDGET (cell);
  popover = g_object_get_qdata (G_OBJECT (owner), shared_quark ());
  if (popover == NULL)
    {
      popover = g_object_ref_sink (g_object_new (CSN_TYPE_CHOICE_POPOVER, NULL));
      g_object_set_qdata_full (G_OBJECT (owner), shared_quark (), popover, release_shared);
    }
  return popover;
}

/* The popover, if it is open for @cell (it is then the cell's child), or NULL. */
CsnChoicePopover *
csn_choice_popover_find_open (CsnCell *cell)
{
  g_return_val_if_fail (CSN_IS_CELL (cell), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CSN_IS_CHOICE_POPOVER (child) && gtk_widget_get_visible (child) &&
        CSN_CHOICE_POPOVER (child)->cell == cell)
      return CSN_CHOICE_POPOVER (child);
  return NULL;
}

/**
 * csn_choice_popover_choose:
 * @cell: the cell the list opens from; nothing opens unless it is on screen
 * @choices: what to offer
 * @current: (nullable): the choice marked as the current one
 * @title_func: (nullable): each choice's label; an item's title by default
 * @chosen_func: called with the choice taken, once the popover is closed
 *
 * Opens the list of @choices under @cell, on the current choice.
 */
void
csn_choice_popover_choose (CsnChoicePopover   *self,
                           CsnCell            *cell,
                           GListModel         *choices,
                           GObject            *current,
                           CsnChoiceTitleFunc  title_func,
                           CsnChoiceFunc       chosen_func)
{
  g_return_if_fail (CSN_IS_CHOICE_POPOVER (self));
  g_return_if_fail (CSN_IS_CELL (cell));
  g_return_if_fail (G_IS_LIST_MODEL (choices));
  g_return_if_fail (chosen_func != NULL);

  if (!is_shown (cell))
    return;
  attach (self, cell);
  g_set_object (&self->current, current);
  self->title_func = title_func;
  self->chosen_func = chosen_func;
  open (self, choices, self->choose_factory);
}

/**
 * csn_choice_popover_tick:
 * @cell: the cell of a list field (keys of items of @choices) the list opens from; nothing opens
 *   unless it is on screen
 *
 * Opens @choices under @cell, each with a check button that adds it to the field or takes it out.
 */
void
csn_choice_popover_tick (CsnChoicePopover *self,
                         CsnCell          *cell,
                         GListModel       *choices)
{
  g_return_if_fail (CSN_IS_CHOICE_POPOVER (self));
  g_return_if_fail (CSN_IS_CELL (cell));
  g_return_if_fail (G_IS_LIST_MODEL (choices));

  if (!is_shown (cell))
    return;
  attach (self, cell);
  g_clear_object (&self->current);
  self->title_func = NULL;
  self->chosen_func = NULL;
  open (self, choices, self->tick_factory);
}

/* The cell the popover is open for, or NULL when closed. */
CsnCell *
csn_choice_popover_get_cell (CsnChoicePopover *self)
{
  g_return_val_if_fail (CSN_IS_CHOICE_POPOVER (self), NULL);
  return self->cell;
}

GtkListView *
csn_choice_popover_get_list (CsnChoicePopover *self)
{
  g_return_val_if_fail (CSN_IS_CHOICE_POPOVER (self), NULL);
  return self->list_view;
}

GtkSearchEntry *
csn_choice_popover_get_search_entry (CsnChoicePopover *self)
{
  g_return_val_if_fail (CSN_IS_CHOICE_POPOVER (self), NULL);
  return self->search_entry;
}
