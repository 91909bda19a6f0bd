/* csn-drop-down-util.c: what the drop-downs share: labels that follow renames, a mark on the current choice, no tooltip over the open list. */
#define G_LOG_DOMAIN "csn-drop-down-util"

#include "config.h"

#include "csn-drop-down-util.h"
#include "csn-tooltip-util.h"

typedef struct
{
  GtkDropDown        *drop_down;   /* not owned: it owns the factories */
  CsnChoiceTitleFunc  title_func;
  gboolean            in_list;     /* the open list, not the button */
  int                 width_chars;
  int                 max_width_chars;
} ChoiceFactory;

static GQuark
title_func_quark (void)
{
  return g_quark_from_static_string ("csn-drop-down-title-func");
}

/* Set on a drop-down whose tooltip says what it is for, rather than naming the current choice. */
static GQuark
fixed_tooltip_quark (void)
{
  return g_quark_from_static_string ("csn-drop-down-fixed-tooltip");
}

static char *
dup_choice_title (GtkDropDown *drop_down,
                  GObject     *choice)
{
  CsnChoiceTitleFunc title_func = g_object_get_qdata (G_OBJECT (drop_down), title_func_quark ());

  if (choice == NULL)
    return g_strdup ("");
  return title_func (choice);
}

static void
update_row (GtkListItem   *list_item,
            ChoiceFactory *data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_next_sibling (label);
  GObject *choice = gtk_list_item_get_item (list_item);
  g_autofree char *title = dup_choice_title (data->drop_down, choice);

  gtk_label_set_text (GTK_LABEL (label), title);
  if (check != NULL)
    gtk_widget_set_opacity (check, choice != NULL && choice == gtk_drop_down_get_selected_item (data->drop_down)
                                   ? 1.0 : 0.0);
}

static void
on_choice_notify_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     GObject     *choice)
{
  ChoiceFactory *data = g_object_get_data (G_OBJECT (list_item), "csn-choice-factory");

  update_row (list_item, data);
  if (!data->in_list)
    csn_drop_down_update_tooltip (data->drop_down);
}

static void
on_selected_item_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     GtkDropDown *drop_down)
{
  update_row (list_item, g_object_get_data (G_OBJECT (list_item), "csn-choice-factory"));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ChoiceFactory            *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (data->in_list)
    {
      /* As GTK's own drop-downs: a check mark on the current choice. */
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_opacity (check, 0.0);
      gtk_box_append (GTK_BOX (box), check);
    }
  else
    {
      /* Long names ("Migration Policy and Management") wrap to a second line before they are cut. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_width_chars (GTK_LABEL (label), data->width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), data->max_width_chars);
    }
  g_object_set_data (G_OBJECT (list_item), "csn-choice-factory", data);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ChoiceFactory            *data)
{
  GObject *choice = gtk_list_item_get_item (list_item);

  /* A choice renamed elsewhere is shown renamed at once. */
  if (choice != NULL && !GTK_IS_STRING_OBJECT (choice))
    g_signal_connect_object (choice, "notify", G_CALLBACK (on_choice_notify_cb), list_item, G_CONNECT_SWAPPED);
  if (data->in_list)
    g_signal_connect_object (data->drop_down, "notify::selected-item", G_CALLBACK (on_selected_item_cb),
                             list_item, G_CONNECT_SWAPPED);
  update_row (list_item, data);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ChoiceFactory            *data)
{
  GObject *choice = gtk_list_item_get_item (list_item);

  if (choice != NULL)
    g_signal_handlers_disconnect_by_data (choice, list_item);
  g_signal_handlers_disconnect_by_data (data->drop_down, list_item);
}

static GtkListItemFactory *
choice_factory_new (GtkDropDown *drop_down,
                    gboolean     in_list,
                    int          width_chars,
                    int          max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ChoiceFactory *data = g_new0 (ChoiceFactory, 1);

  data->drop_down = drop_down;
  data->in_list = in_list;
  data->width_chars = width_chars;
  data->max_width_chars = max_width_chars;
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_setup_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), data);
  return factory;
}

static GtkWidget *
find_popover (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

/* The tooltip names the current choice, which the button may show cut; never while the list is open,
 * where it would cover the first choices. */
void
csn_drop_down_update_tooltip (GtkDropDown *drop_down)
{
  GtkWidget *popover = find_popover (drop_down);
  GObject *selected = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *title = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (g_object_get_qdata (G_OBJECT (drop_down), title_func_quark ()) == NULL)
    return;
  if (g_object_get_qdata (G_OBJECT (drop_down), fixed_tooltip_quark ()) == NULL)
    {
      title = dup_choice_title (drop_down, selected);
      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down)), title) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), title[0] != '\0' ? title : NULL);
    }
  if (popover != NULL && gtk_widget_get_visible (popover))
    gtk_widget_set_has_tooltip (GTK_WIDGET (drop_down), FALSE);
}

static void
on_popover_visible_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       GtkWidget   *popover)
{
  if (gtk_widget_get_visible (popover))
    gtk_widget_set_has_tooltip (GTK_WIDGET (drop_down), FALSE);
  else
    {
      const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));

      gtk_widget_set_has_tooltip (GTK_WIDGET (drop_down), tooltip != NULL && tooltip[0] != '\0');
    }
}

static void
on_drop_down_selected_item_cb (GtkDropDown *drop_down,
                               GParamSpec  *pspec,
                               gpointer     user_data)
{
  csn_drop_down_update_tooltip (drop_down);
}

/**
 * csn_drop_down_setup:
 *
 * Gives @drop_down a button that shows the current choice ellipsized (@width_chars to
 * @max_width_chars wide) with the full label in a tooltip, and an open list that marks the current
 * choice; both follow a choice renamed while shown. @title_func says each choice's label. A
 * tooltip set before keeps saying what the drop-down is for.
 */
void
csn_drop_down_setup (GtkDropDown        *drop_down,
                     CsnChoiceTitleFunc  title_func,
                     int                 width_chars,
                     int                 max_width_chars)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (title_func != NULL);

  g_object_set_qdata (G_OBJECT (drop_down), title_func_quark (), title_func);
  if (gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down)) != NULL)
    g_object_set_qdata (G_OBJECT (drop_down), fixed_tooltip_quark (), GINT_TO_POINTER (TRUE));
  factory = choice_factory_new (drop_down, FALSE, width_chars, max_width_chars);
  list_factory = choice_factory_new (drop_down, TRUE, width_chars, max_width_chars);
  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);

  popover = find_popover (drop_down);
  if (popover != NULL)
    g_signal_connect_object (popover, "notify::visible", G_CALLBACK (on_popover_visible_cb), drop_down,
                             G_CONNECT_SWAPPED);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (on_drop_down_selected_item_cb), NULL);
}

static void
on_owner_popover_visible_cb (GtkWidget  *owner,
                             GParamSpec *pspec,
                             GtkWidget  *popover)
{
  const char *tooltip = csn_widget_get_any_tooltip (owner);

  gtk_widget_set_has_tooltip (owner, !gtk_widget_get_visible (popover) && tooltip != NULL && tooltip[0] != '\0');
}

/* While @popover is open, @owner (the button that opened it) shows no tooltip over it. */
void
csn_popover_hide_owner_tooltip (GtkPopover *popover,
                                GtkWidget  *owner)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (GTK_IS_WIDGET (owner));

  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (on_owner_popover_visible_cb), owner,
                           G_CONNECT_SWAPPED);
}
