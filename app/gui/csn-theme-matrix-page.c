/* csn-theme-matrix-page.c: the theme matrix: themes by member countries, pillar, horizon and consensus, with a summary. */
#define G_LOG_DOMAIN "csn-theme-matrix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-check-cell.h"
#include "csn-column-view-util.h"
#include "csn-consensus-cell.h"
#include "csn-country.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-label-util.h"
#include "csn-list-page.h"
#include "csn-position-cell.h"
#include "csn-position.h"
#include "csn-ref-cell.h"
#include "csn-reservation.h"
#include "csn-stance-strip.h"
#include "csn-text-cell.h"
#include "csn-theme-details.h"
#include "csn-theme-matrix-page.h"
#include "csn-theme-summary.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"

struct _CsnThemeMatrixPage
{
  CsnListPage          parent_instance;

  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *pillar_column;
  GtkColumnViewColumn *count_column;
  GtkColumnViewColumn *horizon_column;
  GtkColumnViewColumn *consensus_column;
  GtkColumnViewColumn *stances_column;
  CsnThemeDetails     *details;
  GtkWidget           *lower_pane;
  guint                lower_pane_tick_id;
  guint                lower_pane_frames;  /* frames since the page was shown, while the pane comes */

  GPtrArray           *country_columns;
  char                *country_view;     /* "raised" or "positions" */
  gulong               countries_changed_id;
};

G_DEFINE_FINAL_TYPE (CsnThemeMatrixPage, csn_theme_matrix_page, CSN_TYPE_LIST_PAGE)

enum {
  PROP_0,
  PROP_COUNTRY_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const search_properties[] = { CSN_THEME_PROP_TITLE, CSN_THEME_PROP_DESCRIPTION, NULL };

static CsnDraft *
get_draft (CsnThemeMatrixPage *self)
{
  return csn_list_page_get_draft (CSN_LIST_PAGE (self));
}

static GtkColumnView *
get_column_view (CsnThemeMatrixPage *self)
{
  return csn_list_page_get_column_view (CSN_LIST_PAGE (self));
}

static CsnItem *
get_selected_theme (CsnThemeMatrixPage *self)
{
  return csn_list_page_get_selected (CSN_LIST_PAGE (self));
}

static void
csn_theme_matrix_page_update_actions (CsnListPage *page,
                                      gboolean     found)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.add-reservation", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.remove-reservation",
                                 found && csn_theme_details_get_reservation (self->details) != NULL);
}

static void
csn_theme_matrix_page_selection_changed (CsnListPage *page)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);

  csn_theme_details_bind (self->details, get_draft (self), get_selected_theme (self));
}

static void
on_reservation_selected_cb (CsnThemeMatrixPage *self,
                            GParamSpec         *pspec,
                            CsnThemeDetails    *details)
{
  csn_list_page_update_actions (CSN_LIST_PAGE (self));
}

static void
remove_country_columns (CsnThemeMatrixPage *self)
{
  for (guint i = 0; i < self->country_columns->len; i++)
    gtk_column_view_remove_column (get_column_view (self), g_ptr_array_index (self->country_columns, i));
  g_ptr_array_set_size (self->country_columns, 0);
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* GTK 4.8 columns have no tooltip property: give the header title widget showing @code the
 * country's name. The header is the column view's first child, one title widget per column. */
static void
set_header_tooltip (CsnThemeMatrixPage *self,
                    const char         *code,
                    const char         *name)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (get_column_view (self)));

  for (GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      GtkLabel *label = find_label (title);

      if (label != NULL && g_strcmp0 (gtk_label_get_label (label), code) == 0)
        {
          csn_widget_set_tooltip_lazily (title, name);
          return;
        }
    }
}

/* One check column per member country, made from the draft's countries: columns are data here. */
static void
rebuild_country_columns (CsnThemeMatrixPage *self)
{
  GListModel *countries;
  guint n_countries;
  guint position = 5;   /* after No., title, pillar, horizon and consensus; the count comes last */

  remove_country_columns (self);
  if (get_draft (self) == NULL || g_strcmp0 (self->country_view, "positions") == 0)
    return;

  countries = csn_draft_get_collection (get_draft (self), CSN_COLLECTION_COUNTRIES);
  n_countries = g_list_model_get_n_items (countries);
  for (guint i = 0; i < n_countries; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      const char *code;

      if (csn_country_get_membership (CSN_COUNTRY (country)) != CSN_MEMBERSHIP_MEMBER)
        continue;

      code = csn_item_get_key (country);
      name = csn_item_dup_title (country);
      /* Translators: the accessible label of a check box in the theme matrix, "Raised by México" */
      label = g_strdup_printf (_("Raised by %s"), name);
      factory = csn_cell_factory_new (G_OBJECT (self), CSN_TYPE_CHECK_CELL,
                                      "property-name", CSN_THEME_PROP_RAISED_BY,
                                      "key", code,
                                      "label", label,
                                      NULL);
      column = gtk_column_view_column_new (code, g_steal_pointer (&factory));
      gtk_column_view_column_set_fixed_width (column, 36);
      gtk_column_view_insert_column (get_column_view (self), position++, column);
      set_header_tooltip (self, code, name);
      g_ptr_array_add (self->country_columns, g_object_ref (column));
    }
}

/* The eleven "raised by" columns and the positions' strips do not both fit at 1366 pixels: the
 * page shows one or the other. Hidden columns still take their width in GTK 4.8's column view,
 * so the country columns leave the view rather than hide. */
static void
update_country_view (CsnThemeMatrixPage *self)
{
  gboolean positions = g_strcmp0 (self->country_view, "positions") == 0;

  if (positions)
    remove_country_columns (self);
  else if (self->country_columns->len == 0)
    rebuild_country_columns (self);
  gtk_column_view_column_set_visible (self->count_column, !positions);
  gtk_column_view_column_set_visible (self->stances_column, positions);
}

static void
on_countries_changed_cb (CsnThemeMatrixPage *self,
                         guint               position,
                         guint               removed,
                         guint               added,
                         GListModel         *model)
{
  rebuild_country_columns (self);
}

static void
set_lower_pane_drawn (CsnThemeMatrixPage *self,
                      gboolean            drawn)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->lower_pane);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_child_visible (child, drawn);
  /* GTK 4.8 maps a child made child-visible without drawing it: the pane's last drawing had none. */
  gtk_widget_queue_draw (self->lower_pane);
}

/* The pane under the list is drawn: the list's rows past those in sight come from the next frame. */
static void
lower_pane_done (CsnThemeMatrixPage *self)
{
  self->lower_pane_tick_id = 0;
  csn_list_page_set_growth_held (CSN_LIST_PAGE (self), FALSE);
}

/* Draws the lower pane now, if the page is shown and waits to draw it: something in it is wanted. */
static void
draw_lower_pane_now (CsnThemeMatrixPage *self)
{
  if (self->lower_pane_tick_id == 0)
    return;
  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->lower_pane_tick_id);
  set_lower_pane_drawn (self, TRUE);
  csn_theme_details_show_parts (self->details);
  lower_pane_done (self);
}

static gboolean
lower_pane_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (widget);

  switch (self->lower_pane_frames++)
    {
    case 0:
      /* The frame that shows the page: it lays it all out and draws the list. */
      return G_SOURCE_CONTINUE;
    case 1:
      set_lower_pane_drawn (self, TRUE);
      return G_SOURCE_CONTINUE;
    default:
      /* A part of the details a frame; the list's rows the frame after the last. */
      if (csn_theme_details_show_next_part (self->details))
        return G_SOURCE_CONTINUE;
      lower_pane_done (self);
      return G_SOURCE_REMOVE;
    }
}

/* The pane under the list comes over the frames after the page shows, a part a frame, each in the
 * place it keeps so that nothing moves: the first frame lays out the page (the summary too) and draws
 * the list; the second draws the summary; the third lays out and draws the theme's title,
 * description and notes; the fourth its reservations and positions. The list's rows past those in
 * sight wait for the pane. On the large draft, the whole pane in the frame after the page's made it
 * an 18-24 ms frame (bench-frames); a part a frame, no frame of the first show passes 14-17 ms. */
static void
csn_theme_matrix_page_map (GtkWidget *widget)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (widget);

  if (self->lower_pane_tick_id == 0)
    {
      set_lower_pane_drawn (self, FALSE);
      csn_theme_details_hide_parts (self->details);
      csn_list_page_set_growth_held (CSN_LIST_PAGE (self), TRUE);
      self->lower_pane_frames = 0;
      self->lower_pane_tick_id = gtk_widget_add_tick_callback (widget, lower_pane_tick_cb, NULL, NULL);
    }
  GTK_WIDGET_CLASS (csn_theme_matrix_page_parent_class)->map (widget);
}

static void
csn_theme_matrix_page_unmap (GtkWidget *widget)
{
  draw_lower_pane_now (CSN_THEME_MATRIX_PAGE (widget));
  GTK_WIDGET_CLASS (csn_theme_matrix_page_parent_class)->unmap (widget);
}

static void
select_theme (CsnThemeMatrixPage *self,
              CsnItem            *theme,
              const char         *property)
{
  csn_list_page_reveal_item (CSN_LIST_PAGE (self), theme, property);
}

static void
csn_theme_matrix_page_add (CsnListPage *page)
{
  g_autoptr(CsnTheme) theme = NULL;

  /* A new item is filled in before it joins the draft; from then on only edits change it. Its
   * pillar stays unchosen, and listed as still open, until the group chooses one. */
  theme = csn_theme_new ();
  g_object_set (theme, CSN_THEME_PROP_TITLE, _("New theme"), NULL);
  csn_list_page_add_item (page, CSN_ITEM (theme), CSN_THEME_PROP_TITLE);
}

static void
add_reservation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  draw_lower_pane_now (CSN_THEME_MATRIX_PAGE (widget));
  csn_theme_details_add_reservation (CSN_THEME_MATRIX_PAGE (widget)->details);
}

static void
remove_reservation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  draw_lower_pane_now (CSN_THEME_MATRIX_PAGE (widget));
  csn_theme_details_remove_reservation (CSN_THEME_MATRIX_PAGE (widget)->details);
}

static void
csn_theme_matrix_page_draft_leaving (CsnListPage *page)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);
  CsnDraft *draft = get_draft (self);

  if (draft != NULL)
    g_clear_signal_handler (&self->countries_changed_id,
                            csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES));
  /* The details commit pending edits to the old draft before it goes. */
  csn_theme_details_bind (self->details, NULL, NULL);
}

static void
csn_theme_matrix_page_draft_set (CsnListPage *page)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);
  CsnDraft *draft = get_draft (self);

  if (draft != NULL)
    self->countries_changed_id =
      g_signal_connect_object (csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES),
                               "items-changed", G_CALLBACK (on_countries_changed_cb),
                               self, G_CONNECT_SWAPPED);
  rebuild_country_columns (self);
  csn_theme_details_bind (self->details, draft, draft != NULL ? get_selected_theme (self) : NULL);
}

static void
csn_theme_matrix_page_dispose (GObject *object)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (object);

  csn_list_page_set_draft (CSN_LIST_PAGE (self), NULL);

  G_OBJECT_CLASS (csn_theme_matrix_page_parent_class)->dispose (object);
}

static void
csn_theme_matrix_page_finalize (GObject *object)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (object);

  g_clear_pointer (&self->country_columns, g_ptr_array_unref);
  g_free (self->country_view);

  G_OBJECT_CLASS (csn_theme_matrix_page_parent_class)->finalize (object);
}

static void
csn_theme_matrix_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNTRY_VIEW:
      g_value_set_string (value, CSN_THEME_MATRIX_PAGE (object)->country_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_theme_matrix_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNTRY_VIEW:
      csn_theme_matrix_page_set_country_view (CSN_THEME_MATRIX_PAGE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_theme_matrix_page_class_init (CsnThemeMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_theme_matrix_page_dispose;
  object_class->finalize = csn_theme_matrix_page_finalize;
  object_class->get_property = csn_theme_matrix_page_get_property;
  object_class->set_property = csn_theme_matrix_page_set_property;
  widget_class->map = csn_theme_matrix_page_map;
  widget_class->unmap = csn_theme_matrix_page_unmap;

  /* What the country columns show: "raised" (who raised each theme) or "positions". */
  properties[PROP_COUNTRY_VIEW] =
    g_param_spec_string ("country-view", NULL, NULL, "raised",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->add = csn_theme_matrix_page_add;
  page_class->update_actions = csn_theme_matrix_page_update_actions;
  page_class->selection_changed = csn_theme_matrix_page_selection_changed;
  page_class->draft_leaving = csn_theme_matrix_page_draft_leaving;
  page_class->draft_set = csn_theme_matrix_page_draft_set;

  g_type_ensure (CSN_TYPE_THEME_DETAILS);
  g_type_ensure (CSN_TYPE_THEME_SUMMARY);

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-theme-matrix-page.ui",
                             "matrix", CSN_COLLECTION_THEMES, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, pillar_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, count_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, horizon_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, consensus_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, stances_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, details);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, lower_pane);

  gtk_widget_class_install_property_action (widget_class, "matrix.country-view", "country-view");
  gtk_widget_class_install_action (widget_class, "matrix.add-reservation", NULL, add_reservation_action);
  gtk_widget_class_install_action (widget_class, "matrix.remove-reservation", NULL, remove_reservation_action);
}

static void
csn_theme_matrix_page_init (CsnThemeMatrixPage *self)
{
  GObject *page = G_OBJECT (self);

  self->country_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->country_view = g_strdup ("raised");

  gtk_widget_init_template (GTK_WIDGET (self));
  csn_widget_bound_wrapping_labels (GTK_WIDGET (self));

  g_signal_connect_object (self->details, "notify::reservation",
                           G_CALLBACK (on_reservation_selected_cb), self, G_CONNECT_SWAPPED);

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_THEMES, NULL);
  csn_cell_factory_set_column (self->title_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_THEME_PROP_TITLE,
                               "label", _("Title"), NULL);
  csn_cell_factory_set_column (self->pillar_column, page, CSN_TYPE_REF_CELL,
                               "property-name", CSN_THEME_PROP_PILLAR,
                               "target", CSN_COLLECTION_PILLARS,
                               "allow-none", TRUE,
                               /* Translators: the pillar of a new theme, until one is chosen */
                               "none-label", _("Not chosen"),
                               "label", _("Pillar"), NULL);
  csn_cell_factory_set_column (self->count_column, page, CSN_TYPE_LABEL_CELL,
                               "property-name", CSN_THEME_PROP_RAISED_BY,
                               "mode", CSN_LABEL_CELL_COUNT,
                               "label", _("Number of countries that raised the theme"), NULL);
  csn_cell_factory_set_column (self->horizon_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_HORIZON,
                               "property-name", CSN_THEME_PROP_HORIZON,
                               "label", _("Horizon"), NULL);
  csn_cell_factory_set_column (self->consensus_column, page, CSN_TYPE_CONSENSUS_CELL,
                               "label", _("Consensus"), NULL);
  /* No editor of their own: the strips share their list's, made when first needed. */
  csn_cell_factory_set_column (self->stances_column, page, CSN_TYPE_STANCE_STRIP, "editor", NULL, NULL);
  update_country_view (self);
}

GtkWidget *
csn_theme_matrix_page_new (void)
{
  return g_object_new (CSN_TYPE_THEME_MATRIX_PAGE, NULL);
}

static CsnItem *
find_theme_of_reservation (CsnThemeMatrixPage *self,
                           CsnItem            *reservation)
{
  GListModel *themes = csn_draft_get_collection (get_draft (self), CSN_COLLECTION_THEMES);
  guint n = g_list_model_get_n_items (themes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);

      if (csn_column_view_find_item (csn_theme_get_reservations (CSN_THEME (theme)), reservation) !=
          GTK_INVALID_LIST_POSITION)
        return theme;
    }
  return NULL;
}

void
csn_theme_matrix_page_reveal (CsnThemeMatrixPage *self,
                              CsnItem            *item,
                              const char         *property)
{
  g_return_if_fail (CSN_IS_THEME_MATRIX_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || get_draft (self) == NULL)
    return;

  draw_lower_pane_now (self);
  if (CSN_IS_RESERVATION (item))
    {
      CsnItem *theme = find_theme_of_reservation (self, item);

      if (theme == NULL)
        return;
      select_theme (self, theme, NULL);
      csn_theme_details_reveal (self->details, item, property);
      return;
    }

  /* A position, or the positions on a theme: the page shows them. */
  if (CSN_IS_POSITION (item) || g_strcmp0 (property, "positions") == 0)
    csn_theme_matrix_page_set_country_view (self, "positions");

  if (CSN_IS_POSITION (item))
    {
      CsnItem *theme = csn_draft_lookup (get_draft (self), CSN_COLLECTION_THEMES,
                                         csn_position_get_item (CSN_POSITION (item)));

      if (theme == NULL)
        return;
      select_theme (self, theme, NULL);
      csn_theme_details_reveal (self->details, item, property);
      return;
    }

  if (!CSN_IS_THEME (item))
    return;

  if (g_strcmp0 (property, "description") == 0 || g_strcmp0 (property, "notes") == 0 ||
      g_strcmp0 (property, "reservations") == 0 || g_strcmp0 (property, "positions") == 0)
    {
      select_theme (self, item, NULL);
      csn_theme_details_reveal (self->details, item, property);
    }
  else if (property != NULL && g_str_has_prefix (property, "raised"))
    select_theme (self, item, "raised-by");
  else
    select_theme (self, item, property != NULL ? property : "title");
}

const char *
csn_theme_matrix_page_get_country_view (CsnThemeMatrixPage *self)
{
  g_return_val_if_fail (CSN_IS_THEME_MATRIX_PAGE (self), NULL);
  return self->country_view;
}

/* Shows, in the country columns, who raised each theme ("raised") or the positions ("positions"). */
void
csn_theme_matrix_page_set_country_view (CsnThemeMatrixPage *self,
                                        const char         *view)
{
  g_return_if_fail (CSN_IS_THEME_MATRIX_PAGE (self));
  g_return_if_fail (g_strcmp0 (view, "raised") == 0 || g_strcmp0 (view, "positions") == 0);

  if (g_strcmp0 (self->country_view, view) == 0)
    return;
  g_free (self->country_view);
  self->country_view = g_strdup (view);
  update_country_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_VIEW]);
}
