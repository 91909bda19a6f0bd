/* csn-theme-matrix-page.c: the theme matrix: themes by member countries, pillar, horizon and consensus, with a summary. */
#define G_LOG_DOMAIN "csn-theme-matrix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-check-cell.h"
#include "csn-column-view-util.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-list-page.h"
#include "csn-position-cell.h"
#include "csn-ref-cell.h"
#include "csn-reservation.h"
#include "csn-text-area-cell.h"
#include "csn-text-cell.h"
#include "csn-theme-matrix-page.h"
#include "csn-theme.h"

struct _CsnThemeMatrixPage
{
  CsnListPage          parent_instance;

  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *pillar_column;
  GtkColumnViewColumn *count_column;
  GtkColumnViewColumn *horizon_column;
  GtkColumnViewColumn *consensus_column;
  GtkGrid             *summary_grid;
  GtkLabel            *short_term_header;
  GtkLabel            *medium_term_header;
  GtkLabel            *undecided_header;
  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  CsnCell             *description_cell;
  CsnCell             *notes_cell;
  GtkStack            *reservations_stack;
  GtkColumnView       *reservations_view;
  GtkColumnViewColumn *reservation_country_column;
  GtkColumnViewColumn *reservation_text_column;

  GtkSingleSelection  *reservation_selection;
  GPtrArray           *country_columns;
  GPtrArray           *summary_widgets;
  CsnItem             *detail_theme;
  gulong               countries_changed_id;
};

G_DEFINE_FINAL_TYPE (CsnThemeMatrixPage, csn_theme_matrix_page, CSN_TYPE_LIST_PAGE)

static const char * const search_properties[] = { "title", "description", NULL };

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

static CsnItem *
get_selected_reservation (CsnThemeMatrixPage *self)
{
  return gtk_single_selection_get_selected_item (self->reservation_selection);
}

static void
csn_theme_matrix_page_update_actions (CsnListPage *page,
                                      gboolean     found)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.add-reservation", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.remove-reservation",
                                 found && get_selected_reservation (self) != NULL);
}

static GtkWidget *
add_summary_label (CsnThemeMatrixPage *self,
                   const char         *text,
                   int                 column,
                   int                 row,
                   const char         *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (column == 0)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 12);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (column == 4)
    gtk_widget_set_margin_end (label, 12);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_grid_attach (self->summary_grid, label, column, row, 1, 1);
  g_ptr_array_add (self->summary_widgets, label);
  return label;
}

/* The summary grid's rows are the draft's pillars (data), so they are made here, not in the .ui. */
static void
update_summary (CsnThemeMatrixPage *self)
{
  GListModel *pillars, *themes;
  guint n_pillars, n_themes;
  guint *counts;
  guint totals[4] = { 0 };
  guint n_rows;
  int row = 1;

  for (guint i = 0; i < self->summary_widgets->len; i++)
    gtk_grid_remove (self->summary_grid, g_ptr_array_index (self->summary_widgets, i));
  g_ptr_array_set_size (self->summary_widgets, 0);

  if (get_draft (self) == NULL)
    return;

  pillars = csn_draft_get_collection (get_draft (self), CSN_COLLECTION_PILLARS);
  themes = csn_draft_get_collection (get_draft (self), CSN_COLLECTION_THEMES);
  n_pillars = g_list_model_get_n_items (pillars);
  n_themes = g_list_model_get_n_items (themes);
  n_rows = n_pillars + 1;   /* the last row: themes without a known pillar */
  counts = g_new0 (guint, n_rows * 4);

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      CsnItem *pillar = csn_draft_lookup (get_draft (self), CSN_COLLECTION_PILLARS,
                                          csn_item_get_string (theme, "pillar"));
      int horizon = csn_item_get_enum (theme, "horizon");
      guint pillar_row = n_pillars;

      if (pillar != NULL)
        csn_draft_find_position (get_draft (self), CSN_COLLECTION_PILLARS, pillar, &pillar_row);
      if (horizon < 0 || horizon > CSN_HORIZON_UNDECIDED)
        horizon = CSN_HORIZON_UNDECIDED;
      counts[pillar_row * 4 + horizon]++;
      counts[pillar_row * 4 + 3]++;
      totals[horizon]++;
      totals[3]++;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = NULL;

      if (i < n_pillars)
        {
          g_autoptr(CsnItem) pillar = g_list_model_get_item (pillars, i);

          name = csn_item_dup_title (pillar);
        }
      else if (counts[i * 4 + 3] > 0)
        name = g_strdup (_("No pillar"));
      else
        continue;

      add_summary_label (self, name, 0, row, NULL);
      for (int h = 0; h < 4; h++)
        {
          g_autofree char *text = g_strdup_printf ("%u", counts[i * 4 + h]);

          add_summary_label (self, text, h + 1, row,
                             counts[i * 4 + h] == 0 ? "dim-label" : (h == 3 ? "heading" : NULL));
        }
      row++;
    }

  add_summary_label (self, _("Total"), 0, row, "heading");
  for (int h = 0; h < 4; h++)
    {
      g_autofree char *text = g_strdup_printf ("%u", totals[h]);
      GtkWidget *label = add_summary_label (self, text, h + 1, row, "heading");

      gtk_widget_set_margin_bottom (label, 12);
    }
  gtk_widget_set_margin_bottom (g_ptr_array_index (self->summary_widgets,
                                                   self->summary_widgets->len - 5), 12);
  g_free (counts);
}

static void
update_detail_title (CsnThemeMatrixPage *self)
{
  g_autofree char *title = NULL;

  if (self->detail_theme != NULL)
    title = csn_item_dup_title (self->detail_theme);
  gtk_label_set_label (self->detail_title,
                       title != NULL && title[0] != '\0' ? title : _("Untitled theme"));
}

static void
update_reservations_stack (CsnThemeMatrixPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->reservation_selection);

  gtk_stack_set_visible_child_name (self->reservations_stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0
                                      ? "list" : "empty");
}

static void
bind_detail (CsnThemeMatrixPage *self)
{
  CsnItem *theme = get_draft (self) != NULL ? get_selected_theme (self) : NULL;

  if (theme != self->detail_theme)
    {
      g_set_object (&self->detail_theme, theme);
      gtk_single_selection_set_model (self->reservation_selection,
                                      theme != NULL ? csn_item_get_children (theme, "reservations") : NULL);
    }

  csn_cell_bind (self->description_cell, get_draft (self), theme);
  csn_cell_bind (self->notes_cell, get_draft (self), theme);
  gtk_stack_set_visible_child_name (self->detail_stack, theme != NULL ? "theme" : "none");
  update_detail_title (self);
  update_reservations_stack (self);
}

static void
csn_theme_matrix_page_selection_changed (CsnListPage *page)
{
  bind_detail (CSN_THEME_MATRIX_PAGE (page));
}

static void
on_reservation_selection_changed_cb (CsnThemeMatrixPage *self,
                                     GParamSpec         *pspec,
                                     GtkSingleSelection *selection)
{
  csn_list_page_update_actions (CSN_LIST_PAGE (self));
}

static void
csn_theme_matrix_page_draft_changed (CsnListPage *page)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);

  update_summary (self);
  update_detail_title (self);
  update_reservations_stack (self);
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
          gtk_widget_set_tooltip_text (title, name);
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
  if (get_draft (self) == NULL)
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

      if (csn_item_get_enum (country, "membership") != CSN_MEMBERSHIP_MEMBER)
        continue;

      code = csn_item_get_key (country);
      name = csn_item_dup_title (country);
      /* Translators: the accessible label of a check box in the theme matrix, "Raised by México" */
      label = g_strdup_printf (_("Raised by %s"), name);
      factory = csn_cell_factory_new (G_OBJECT (self), CSN_TYPE_CHECK_CELL,
                                      "property-name", "raised-by",
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
select_theme (CsnThemeMatrixPage *self,
              CsnItem            *theme,
              const char         *property)
{
  csn_list_page_reveal_item (CSN_LIST_PAGE (self), theme, property);
}

static void
csn_theme_matrix_page_add (CsnListPage *page)
{
  CsnDraft *draft = csn_list_page_get_draft (page);
  CsnItem *selected = csn_list_page_get_selected (page);
  g_autoptr(CsnTheme) theme = NULL;
  g_autoptr(CsnItem) first = NULL;
  const char *pillar = NULL;
  guint position;

  if (selected != NULL && csn_draft_find_position (draft, CSN_COLLECTION_THEMES, selected, &position))
    pillar = csn_item_get_string (selected, "pillar");
  else
    {
      first = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_PILLARS), 0);
      if (first != NULL)
        pillar = csn_item_get_key (first);
    }

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  theme = csn_theme_new ();
  g_object_set (theme, "title", _("New theme"), "pillar", pillar, NULL);
  csn_list_page_add_item (page, CSN_ITEM (theme), "title");
}

/* A theme goes with its strategies, in one undo step. */
static void
csn_theme_matrix_page_remove_item (CsnListPage *page,
                                   CsnItem     *theme,
                                   guint        position)
{
  CsnDraft *draft = csn_list_page_get_draft (page);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GListModel *strategies;

  title = csn_item_dup_title (theme);
  /* Translators: an undo label, "Remove theme “Labour migration”" */
  label = g_strdup_printf (_("Remove theme “%s” and its strategies"), title);
  strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);

  csn_draft_begin_group (draft, label);
  for (guint i = g_list_model_get_n_items (strategies); i > 0; i--)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, i - 1);

      if (g_strcmp0 (csn_item_get_string (strategy, "theme"), csn_item_get_key (theme)) == 0)
        csn_draft_remove (draft, CSN_COLLECTION_STRATEGIES, i - 1);
    }
  csn_draft_remove (draft, CSN_COLLECTION_THEMES, position);
  csn_draft_end_group (draft);
}

static void
add_reservation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (widget);
  CsnItem *theme = get_selected_theme (self);
  g_autoptr(CsnReservation) reservation = NULL;
  const char * const *raised_by;
  const char *country = NULL;
  GListModel *reservations;
  guint n;

  if (get_draft (self) == NULL || theme == NULL)
    return;

  /* Offer first a country that raised the theme, else the first member. */
  raised_by = csn_item_get_strv (theme, "raised-by");
  if (raised_by != NULL && raised_by[0] != NULL)
    country = raised_by[0];
  else
    {
      GListModel *countries = csn_draft_get_collection (get_draft (self), CSN_COLLECTION_COUNTRIES);
      g_autoptr(CsnItem) first = g_list_model_get_item (countries, 0);

      if (first != NULL)
        country = csn_item_get_key (first);
    }

  reservations = csn_item_get_children (theme, "reservations");
  n = g_list_model_get_n_items (reservations);
  reservation = g_object_new (CSN_TYPE_RESERVATION, "country", country, NULL);
  csn_draft_insert_child (get_draft (self), theme, "reservations", n, CSN_ITEM (reservation));
  update_reservations_stack (self);
  csn_column_view_reveal_cell (GTK_WIDGET (self->reservations_view), self->reservation_selection,
                               CSN_ITEM (reservation), "text");
}

static void
remove_reservation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (widget);
  CsnItem *theme = get_selected_theme (self);
  guint position = gtk_single_selection_get_selected (self->reservation_selection);

  if (get_draft (self) == NULL || theme == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  csn_draft_remove_child (get_draft (self), theme, "reservations", position);
}

static void
csn_theme_matrix_page_draft_leaving (CsnListPage *page)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (page);
  CsnDraft *draft = get_draft (self);

  if (draft != NULL)
    g_clear_signal_handler (&self->countries_changed_id,
                            csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES));
  /* Cells still bound commit pending edits to the old draft before it goes. */
  csn_cell_unbind (self->description_cell);
  csn_cell_unbind (self->notes_cell);
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
  update_summary (self);
  bind_detail (self);
}

static void
csn_theme_matrix_page_dispose (GObject *object)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (object);

  csn_list_page_set_draft (CSN_LIST_PAGE (self), NULL);
  g_clear_object (&self->detail_theme);

  G_OBJECT_CLASS (csn_theme_matrix_page_parent_class)->dispose (object);
}

static void
csn_theme_matrix_page_finalize (GObject *object)
{
  CsnThemeMatrixPage *self = CSN_THEME_MATRIX_PAGE (object);

  g_clear_object (&self->reservation_selection);
  g_clear_pointer (&self->country_columns, g_ptr_array_unref);
  g_clear_pointer (&self->summary_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_theme_matrix_page_parent_class)->finalize (object);
}

static void
csn_theme_matrix_page_class_init (CsnThemeMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_theme_matrix_page_dispose;
  object_class->finalize = csn_theme_matrix_page_finalize;

  page_class->add = csn_theme_matrix_page_add;
  page_class->remove_item = csn_theme_matrix_page_remove_item;
  page_class->update_actions = csn_theme_matrix_page_update_actions;
  page_class->selection_changed = csn_theme_matrix_page_selection_changed;
  page_class->draft_changed = csn_theme_matrix_page_draft_changed;
  page_class->draft_leaving = csn_theme_matrix_page_draft_leaving;
  page_class->draft_set = csn_theme_matrix_page_draft_set;

  g_type_ensure (CSN_TYPE_TEXT_AREA_CELL);

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-theme-matrix-page.ui",
                             "matrix", CSN_COLLECTION_THEMES, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, pillar_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, count_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, horizon_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, consensus_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, short_term_header);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, medium_term_header);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, undecided_header);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, description_cell);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, notes_cell);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, reservations_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, reservations_view);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, reservation_country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeMatrixPage, reservation_text_column);

  gtk_widget_class_install_action (widget_class, "matrix.add-reservation", NULL, add_reservation_action);
  gtk_widget_class_install_action (widget_class, "matrix.remove-reservation", NULL, remove_reservation_action);
}

static void
csn_theme_matrix_page_init (CsnThemeMatrixPage *self)
{
  GObject *page = G_OBJECT (self);

  self->country_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->summary_widgets = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->reservation_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->reservation_selection, "notify::selected-item",
                           G_CALLBACK (on_reservation_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reservation_selection, "items-changed",
                           G_CALLBACK (update_reservations_stack), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->reservations_view, GTK_SELECTION_MODEL (self->reservation_selection));

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_THEMES, NULL);
  csn_cell_factory_set_column (self->title_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", "title",
                               "label", _("Title"), NULL);
  csn_cell_factory_set_column (self->pillar_column, page, CSN_TYPE_REF_CELL,
                               "property-name", "pillar",
                               "target", CSN_COLLECTION_PILLARS,
                               "label", _("Pillar"), NULL);
  csn_cell_factory_set_column (self->count_column, page, CSN_TYPE_LABEL_CELL,
                               "property-name", "raised-by",
                               "mode", CSN_LABEL_CELL_COUNT,
                               "label", _("Number of countries that raised the theme"), NULL);
  csn_cell_factory_set_column (self->horizon_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_HORIZON,
                               "property-name", "horizon",
                               "label", _("Horizon"), NULL);
  csn_cell_factory_set_column (self->consensus_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_CONSENSUS,
                               "property-name", "consensus",
                               "label", _("Consensus"), NULL);

  csn_cell_factory_set_column (self->reservation_country_column, page, CSN_TYPE_REF_CELL,
                               "property-name", "country",
                               "target", CSN_COLLECTION_COUNTRIES,
                               "members-only", TRUE,
                               "label", _("Country with the reservation"), NULL);
  csn_cell_factory_set_column (self->reservation_text_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", "text",
                               "label", _("Text of the reservation"), NULL);

  gtk_label_set_label (self->short_term_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_SHORT_TERM));
  gtk_label_set_label (self->medium_term_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_MEDIUM_TERM));
  gtk_label_set_label (self->undecided_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_UNDECIDED));

  bind_detail (self);
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

      if (csn_column_view_find_item (csn_item_get_children (theme, "reservations"), reservation) !=
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

  if (CSN_IS_RESERVATION (item))
    {
      CsnItem *theme = find_theme_of_reservation (self, item);

      if (theme == NULL)
        return;
      select_theme (self, theme, NULL);
      csn_column_view_reveal_cell (GTK_WIDGET (self->reservations_view), self->reservation_selection,
                                   item, property);
      return;
    }

  if (!CSN_IS_THEME (item))
    return;

  if (g_strcmp0 (property, "description") == 0 || g_strcmp0 (property, "notes") == 0)
    {
      select_theme (self, item, NULL);
      csn_cell_focus_control (g_strcmp0 (property, "notes") == 0 ? self->notes_cell
                                                                  : self->description_cell);
    }
  else if (g_strcmp0 (property, "reservations") == 0)
    {
      select_theme (self, item, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->reservations_view));
    }
  else if (property != NULL && g_str_has_prefix (property, "raised"))
    select_theme (self, item, "raised-by");
  else
    select_theme (self, item, property != NULL ? property : "title");
}
