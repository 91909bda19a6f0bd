/* csn-theme-details.c: the selected theme's description, notes and reservations, under the theme matrix. */
#define G_LOG_DOMAIN "csn-theme-details"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-column-view-util.h"
#include "csn-position-index.h"
#include "csn-positions-list.h"
#include "csn-ref-cell.h"
#include "csn-position.h"
#include "csn-reservation.h"
#include "csn-stance-util.h"
#include "csn-text-area-cell.h"
#include "csn-text-cell.h"
#include "csn-theme.h"
#include "csn-theme-details.h"

struct _CsnThemeDetails
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkWidget           *none_page;
  GtkLabel            *title;
  CsnCell             *description_cell;
  CsnCell             *notes_cell;
  GtkStack            *reservations_stack;
  GtkColumnView       *reservations_view;
  GtkColumnViewColumn *reservation_country_column;
  GtkColumnViewColumn *reservation_text_column;
  GtkWidget           *conflict_box;
  GtkLabel            *conflict_label;
  CsnPositionsList    *positions_list;
  GtkWidget           *parts[2];         /* the title, description and notes; the reservations and positions */

  GtkSingleSelection  *reservation_selection;
  CsnDraft            *draft;
  CsnItem             *theme;
  gulong               changed_id;
  CsnPositionIndex    *index;
  gulong               index_changed_id;
};

G_DEFINE_FINAL_TYPE (CsnThemeDetails, csn_theme_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_THEME,
  PROP_RESERVATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (CsnThemeDetails *self)
{
  g_autofree char *title = NULL;

  if (self->theme != NULL)
    title = csn_item_dup_title (self->theme);
  gtk_label_set_label (self->title, title != NULL && title[0] != '\0' ? title : _("Untitled theme"));
}

static void
update_reservations_stack (CsnThemeDetails *self)
{
  GListModel *model = gtk_single_selection_get_model (self->reservation_selection);

  gtk_stack_set_visible_child_name (self->reservations_stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0
                                      ? "list" : "empty");
}

/* The co-chairs decide the consensus; the details say when the positions contradict it. */
static void
update_conflict (CsnThemeDetails *self)
{
  g_autoptr(GPtrArray) countries = NULL;
  g_autofree char *message = NULL;

  if (self->index != NULL && self->theme != NULL)
    {
      CsnConsensusConflict conflict = csn_position_index_check_consensus (self->index, self->theme, &countries);

      message = csn_consensus_conflict_dup_message (conflict, csn_theme_get_consensus (CSN_THEME (self->theme)),
                                                    countries);
    }
  gtk_label_set_label (self->conflict_label, message);
  gtk_widget_set_visible (self->conflict_box, message != NULL);
}

static void
on_index_changed_cb (CsnThemeDetails  *self,
                     CsnPositionIndex *index)
{
  update_conflict (self);
}

static void
on_draft_changed_cb (CsnThemeDetails *self,
                     CsnDraft        *draft)
{
  update_title (self);
  update_reservations_stack (self);
}

static void
on_reservation_selected_cb (CsnThemeDetails    *self,
                            GParamSpec         *pspec,
                            GtkSingleSelection *selection)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVATION]);
}

static void
csn_theme_details_dispose (GObject *object)
{
  CsnThemeDetails *self = CSN_THEME_DETAILS (object);

  if (self->draft != NULL)
    {
      csn_cell_unbind (self->description_cell);
      csn_cell_unbind (self->notes_cell);
      g_clear_signal_handler (&self->changed_id, self->draft);
      g_clear_signal_handler (&self->index_changed_id, self->index);
      self->index = NULL;
      g_clear_object (&self->draft);
    }
  g_clear_object (&self->theme);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_THEME_DETAILS);
  g_clear_object (&self->reservation_selection);

  G_OBJECT_CLASS (csn_theme_details_parent_class)->dispose (object);
}

static void
csn_theme_details_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsnThemeDetails *self = CSN_THEME_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_THEME:
      g_value_set_object (value, self->theme);
      break;
    case PROP_RESERVATION:
      g_value_set_object (value, csn_theme_details_get_reservation (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_theme_details_class_init (CsnThemeDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_theme_details_dispose;
  object_class->get_property = csn_theme_details_get_property;

  /* Read by the reservations' cells, which edit this draft. */
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_THEME] =
    g_param_spec_object ("theme", NULL, NULL, CSN_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESERVATION] =
    g_param_spec_object ("reservation", NULL, NULL, CSN_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CSN_TYPE_TEXT_AREA_CELL);
  g_type_ensure (CSN_TYPE_POSITIONS_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-theme-details.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, none_page);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, title);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, description_cell);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, notes_cell);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, reservations_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, reservations_view);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, reservation_country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, reservation_text_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeDetails, positions_list);
  gtk_widget_class_bind_template_child_full (widget_class, "upper_part", FALSE,
                                             G_STRUCT_OFFSET (CsnThemeDetails, parts[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "lower_part", FALSE,
                                             G_STRUCT_OFFSET (CsnThemeDetails, parts[1]));
}

static void
csn_theme_details_init (CsnThemeDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reservation_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->reservation_selection, "notify::selected-item",
                           G_CALLBACK (on_reservation_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reservation_selection, "items-changed",
                           G_CALLBACK (update_reservations_stack), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->reservations_view, GTK_SELECTION_MODEL (self->reservation_selection));

  csn_cell_factory_set_column (self->reservation_country_column, G_OBJECT (self), CSN_TYPE_REF_CELL,
                               "property-name", CSN_RESERVATION_PROP_COUNTRY,
                               "target", CSN_COLLECTION_COUNTRIES,
                               "members-only", TRUE,
                               "label", _("Country with the reservation"), NULL);
  csn_cell_factory_set_column (self->reservation_text_column, G_OBJECT (self), CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_RESERVATION_PROP_TEXT,
                               "label", _("Text of the reservation"), NULL);

  csn_theme_details_bind (self, NULL, NULL);
}

/* Shows @theme of @draft, or that no theme is selected; cells bound before commit their pending edits. */
void
csn_theme_details_bind (CsnThemeDetails *self,
                        CsnDraft        *draft,
                        CsnItem         *theme)
{
  g_return_if_fail (CSN_IS_THEME_DETAILS (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));
  g_return_if_fail (theme == NULL || CSN_IS_ITEM (theme));

  if (draft == NULL)
    theme = NULL;

  if (draft != self->draft)
    {
      /* Cells still bound commit pending edits to the old draft before it goes. */
      csn_cell_unbind (self->description_cell);
      csn_cell_unbind (self->notes_cell);
      if (self->draft != NULL)
        {
          g_clear_signal_handler (&self->changed_id, self->draft);
          g_clear_signal_handler (&self->index_changed_id, self->index);
          self->index = NULL;
        }
      g_set_object (&self->draft, draft);
      if (draft != NULL)
        {
          self->changed_id = g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
          self->index = csn_position_index_get_for_draft (draft);
          self->index_changed_id = g_signal_connect_object (self->index, "changed",
                                                            G_CALLBACK (on_index_changed_cb),
                                                            self, G_CONNECT_SWAPPED);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
    }

  if (theme != self->theme)
    {
      g_set_object (&self->theme, theme);
      gtk_single_selection_set_model (self->reservation_selection,
                                      theme != NULL ? csn_theme_get_reservations (CSN_THEME (theme)) : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
    }

  csn_cell_bind (self->description_cell, draft, theme);
  csn_cell_bind (self->notes_cell, draft, theme);
  csn_positions_list_bind (self->positions_list, draft, theme);
  /* The page saying no theme is selected is hidden while a theme shows, as csn_stack_show_only()
   * hides pages (its icon was loaded, and its texts measured, in the Theme Matrix's first frame). The
   * theme's page stays, shown or not: the page saying none asks no more height than it, and GtkPaned
   * gives the pane its smallest height, so the pane keeps its height either way. */
  if (theme == NULL)
    gtk_widget_set_visible (self->none_page, TRUE);
  gtk_stack_set_visible_child_name (self->stack, theme != NULL ? "theme" : "none");
  gtk_widget_set_visible (self->none_page, theme == NULL);
  update_title (self);
  update_reservations_stack (self);
  update_conflict (self);
}

CsnDraft *
csn_theme_details_get_draft (CsnThemeDetails *self)
{
  g_return_val_if_fail (CSN_IS_THEME_DETAILS (self), NULL);
  return self->draft;
}

CsnItem *
csn_theme_details_get_theme (CsnThemeDetails *self)
{
  g_return_val_if_fail (CSN_IS_THEME_DETAILS (self), NULL);
  return self->theme;
}

/* The selected reservation of the theme shown, or NULL. */
CsnItem *
csn_theme_details_get_reservation (CsnThemeDetails *self)
{
  g_return_val_if_fail (CSN_IS_THEME_DETAILS (self), NULL);
  return gtk_single_selection_get_selected_item (self->reservation_selection);
}

/* Adds a reservation to the theme shown, offering first a country that raised it, and starts editing its text. */
void
csn_theme_details_add_reservation (CsnThemeDetails *self)
{
  g_autoptr(CsnReservation) reservation = NULL;
  const char * const *raised_by;
  const char *country = NULL;
  GListModel *reservations;

  g_return_if_fail (CSN_IS_THEME_DETAILS (self));

  if (self->draft == NULL || self->theme == NULL)
    return;

  csn_theme_details_show_parts (self);
  raised_by = csn_theme_get_raised_by (CSN_THEME (self->theme));
  if (raised_by != NULL && raised_by[0] != NULL)
    country = raised_by[0];
  else
    {
      GListModel *countries = csn_draft_get_collection (self->draft, CSN_COLLECTION_COUNTRIES);
      g_autoptr(CsnItem) first = g_list_model_get_item (countries, 0);

      if (first != NULL)
        country = csn_item_get_key (first);
    }

  reservations = csn_theme_get_reservations (CSN_THEME (self->theme));
  reservation = g_object_new (CSN_TYPE_RESERVATION, CSN_RESERVATION_PROP_COUNTRY, country, NULL);
  csn_draft_insert_child (self->draft, self->theme, CSN_THEME_PROP_RESERVATIONS, g_list_model_get_n_items (reservations),
                          CSN_ITEM (reservation));
  update_reservations_stack (self);
  csn_column_view_reveal_cell (GTK_WIDGET (self->reservations_view), self->reservation_selection,
                               CSN_ITEM (reservation), CSN_RESERVATION_PROP_TEXT);
}

void
csn_theme_details_remove_reservation (CsnThemeDetails *self)
{
  guint position;

  g_return_if_fail (CSN_IS_THEME_DETAILS (self));

  position = gtk_single_selection_get_selected (self->reservation_selection);
  if (self->draft == NULL || self->theme == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  csn_draft_remove_child (self->draft, self->theme, CSN_THEME_PROP_RESERVATIONS, position);
}

/**
 * csn_theme_details_hide_parts:
 * @self: a #CsnThemeDetails
 *
 * Hides the theme's fields until csn_theme_details_show_next_part() shows them a part at a time:
 * first the title, description and notes, then the reservations and positions. A hidden part is
 * neither styled nor laid out, and the details keep their place (their scrolled window's height
 * does not come from its content), so that a page can show them over frames.
 */
void
csn_theme_details_hide_parts (CsnThemeDetails *self)
{
  g_return_if_fail (CSN_IS_THEME_DETAILS (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->parts); i++)
    gtk_widget_set_visible (self->parts[i], FALSE);
}

/**
 * csn_theme_details_show_next_part:
 * @self: a #CsnThemeDetails
 *
 * Shows the first part still hidden.
 *
 * Returns: whether there was one
 */
gboolean
csn_theme_details_show_next_part (CsnThemeDetails *self)
{
  g_return_val_if_fail (CSN_IS_THEME_DETAILS (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (self->parts); i++)
    if (!gtk_widget_get_visible (self->parts[i]))
      {
        gtk_widget_set_visible (self->parts[i], TRUE);
        return TRUE;
      }
  return FALSE;
}

/* Shows the parts still hidden: something in them is wanted. */
void
csn_theme_details_show_parts (CsnThemeDetails *self)
{
  g_return_if_fail (CSN_IS_THEME_DETAILS (self));

  while (csn_theme_details_show_next_part (self))
    ;
}

/* Focuses the description or the notes, the list of reservations or of positions, or the cell of
 * @property of a reservation or position @item of the theme shown. */
void
csn_theme_details_reveal (CsnThemeDetails *self,
                          CsnItem         *item,
                          const char      *property)
{
  g_return_if_fail (CSN_IS_THEME_DETAILS (self));
  g_return_if_fail (CSN_IS_ITEM (item));

  csn_theme_details_show_parts (self);
  if (CSN_IS_RESERVATION (item))
    csn_column_view_reveal_cell (GTK_WIDGET (self->reservations_view), self->reservation_selection,
                                 item, property);
  else if (CSN_IS_POSITION (item))
    csn_positions_list_reveal (self->positions_list, item, property);
  else if (g_strcmp0 (property, "positions") == 0)
    csn_positions_list_reveal (self->positions_list, NULL, NULL);
  else if (g_strcmp0 (property, CSN_THEME_PROP_NOTES) == 0)
    csn_cell_focus_control (self->notes_cell);
  else if (g_strcmp0 (property, CSN_THEME_PROP_DESCRIPTION) == 0)
    csn_cell_focus_control (self->description_cell);
  else if (g_strcmp0 (property, CSN_THEME_PROP_RESERVATIONS) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->reservations_view));
}
