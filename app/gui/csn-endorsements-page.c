/* csn-endorsements-page.c: each member state's endorsement of the document. */
#define G_LOG_DOMAIN "csn-endorsements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-cell.h"
#include "csn-endorsement.h"
#include "csn-endorsements-page.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-list-util.h"
#include "csn-position-cell.h"
#include "csn-text-cell.h"

struct _CsnEndorsementsPage
{
  AdwBin               parent_instance;

  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *note_column;

  CsnDraft            *draft;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  char                *search_text;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CsnEndorsementsPage, csn_endorsements_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const search_properties[] = { "country", "note", NULL };

static CsnItem *
get_selected (CsnEndorsementsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The first member country without an endorsement yet, or NULL when every member has one. */
static const char *
find_country_to_add (CsnEndorsementsPage *self)
{
  GListModel *countries;
  guint n;

  if (self->draft == NULL)
    return NULL;

  countries = csn_draft_get_collection (self->draft, CSN_COLLECTION_COUNTRIES);
  n = g_list_model_get_n_items (countries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);

      if (csn_item_get_enum (country, "membership") == CSN_MEMBERSHIP_MEMBER &&
          csn_draft_lookup (self->draft, CSN_COLLECTION_ENDORSEMENTS, csn_item_get_key (country)) == NULL)
        return csn_item_get_key (country);
    }
  return NULL;
}

static void
update_actions (CsnEndorsementsPage *self)
{
  CsnItem *item = get_selected (self);
  guint position = 0, n_items = 0;
  gboolean found = FALSE;

  if (self->draft != NULL)
    {
      n_items = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_ENDORSEMENTS));
      if (item != NULL)
        found = csn_draft_find_position (self->draft, CSN_COLLECTION_ENDORSEMENTS, item, &position);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "endorsements.add", find_country_to_add (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "endorsements.remove", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "endorsements.move-up", found && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "endorsements.move-down", found && position + 1 < n_items);
}

static void
update_list_stack (CsnEndorsementsPage *self)
{
  guint n_all = 0;

  if (self->draft != NULL)
    n_all = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_ENDORSEMENTS));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  CsnEndorsementsPage *self = user_data;

  return csn_list_item_matches (item, self->search_text, search_properties);
}

static void
on_filter_items_changed_cb (CsnEndorsementsPage *self,
                            guint                position,
                            guint                removed,
                            guint                added,
                            GListModel          *model)
{
  update_list_stack (self);
  update_actions (self);
}

static void
on_selection_changed_cb (CsnEndorsementsPage *self,
                         GParamSpec          *pspec,
                         GtkSingleSelection  *selection)
{
  update_actions (self);
}

static void
on_draft_changed_cb (CsnEndorsementsPage *self,
                     CsnDraft            *draft)
{
  if (self->search_text != NULL && self->search_text[0] != '\0')
    csn_list_refilter_later (GTK_FILTER (self->filter));
  update_list_stack (self);
  update_actions (self);
}

static void
on_search_changed_cb (CsnEndorsementsPage *self,
                      GtkSearchEntry      *entry)
{
  g_free (self->search_text);
  self->search_text = csn_list_fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (CsnEndorsementsPage *self,
                   GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
reveal (CsnEndorsementsPage *self,
        CsnItem             *item,
        const char          *property)
{
  if (item == NULL)
    return;
  if (csn_list_find_item (G_LIST_MODEL (self->filter_model), item) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_text, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  csn_list_reveal_cell (GTK_WIDGET (self->column_view), self->selection, item, property);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CsnEndorsementsPage *self = CSN_ENDORSEMENTS_PAGE (widget);
  g_autoptr(CsnItem) item = NULL;
  CsnItem *selected = get_selected (self);
  guint position;

  if (self->draft == NULL)
    return;

  position = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_ENDORSEMENTS));
  if (selected != NULL && csn_draft_find_position (self->draft, CSN_COLLECTION_ENDORSEMENTS, selected, &position))
    position++;

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  {
    const char *country = find_country_to_add (self);

    if (country != NULL)
      item = CSN_ITEM (g_object_new (CSN_TYPE_ENDORSEMENT, "country", country, NULL));
  }
  if (item == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  csn_draft_insert (self->draft, CSN_COLLECTION_ENDORSEMENTS, position, item);
  reveal (self, item, "status");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnEndorsementsPage *self = CSN_ENDORSEMENTS_PAGE (widget);
  CsnItem *item = get_selected (self);
  guint position;

  if (self->draft != NULL && item != NULL &&
      csn_draft_find_position (self->draft, CSN_COLLECTION_ENDORSEMENTS, item, &position))
    csn_draft_remove (self->draft, CSN_COLLECTION_ENDORSEMENTS, position);
}

static void
move (CsnEndorsementsPage *self,
      int                  delta)
{
  g_autoptr(CsnItem) item = NULL;

  if (get_selected (self) == NULL)
    return;
  item = g_object_ref (get_selected (self));
  if (csn_list_move_item (self->draft, CSN_COLLECTION_ENDORSEMENTS, item, delta))
    reveal (self, item, csn_list_get_focus_property (GTK_WIDGET (self->column_view)));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CSN_ENDORSEMENTS_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (CSN_ENDORSEMENTS_PAGE (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CSN_ENDORSEMENTS_PAGE (widget)->search_entry));
}

static void
csn_endorsements_page_dispose (GObject *object)
{
  CsnEndorsementsPage *self = CSN_ENDORSEMENTS_PAGE (object);

  csn_endorsements_page_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_ENDORSEMENTS_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (csn_endorsements_page_parent_class)->dispose (object);
}

static void
csn_endorsements_page_finalize (GObject *object)
{
  g_free (CSN_ENDORSEMENTS_PAGE (object)->search_text);

  G_OBJECT_CLASS (csn_endorsements_page_parent_class)->finalize (object);
}

static void
csn_endorsements_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CsnEndorsementsPage *self = CSN_ENDORSEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_endorsements_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CsnEndorsementsPage *self = CSN_ENDORSEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_endorsements_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_endorsements_page_class_init (CsnEndorsementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_endorsements_page_dispose;
  object_class->finalize = csn_endorsements_page_finalize;
  object_class->get_property = csn_endorsements_page_get_property;
  object_class->set_property = csn_endorsements_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-endorsements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, note_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "endorsements.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "endorsements.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "endorsements.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "endorsements.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "endorsements.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "endorsements.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "endorsements.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "endorsements.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "endorsements.search", NULL);
}

static void
csn_endorsements_page_init (CsnEndorsementsPage *self)
{
  GObject *page = G_OBJECT (self);
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  factory = csn_list_cell_factory_new (page, CSN_TYPE_POSITION_CELL,
                                       "collection", CSN_COLLECTION_ENDORSEMENTS, NULL);
  gtk_column_view_column_set_factory (self->position_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_LABEL_CELL,
                                       "property-name", "country",
                                       "mode", CSN_LABEL_CELL_REF,
                                       "target", CSN_COLLECTION_COUNTRIES,
                                       "label", _("Member state"), NULL);
  gtk_column_view_column_set_factory (self->country_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_ENUM_CELL,
                                       "enum-type", CSN_TYPE_ENDORSEMENT_STATUS,
                                       "property-name", "status",
                                       "label", _("Status of the endorsement"), NULL);
  gtk_column_view_column_set_factory (self->status_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_DATE_CELL,
                                       "property-name", "date",
                                       "label", _("Date of the endorsement"), NULL);
  gtk_column_view_column_set_factory (self->date_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "note",
                                       "label", _("Note"), NULL);
  gtk_column_view_column_set_factory (self->note_column, factory);
  g_clear_object (&factory);

  csn_list_enable_drop (GTK_WIDGET (self->column_view), page, CSN_COLLECTION_ENDORSEMENTS);

  update_list_stack (self);
  update_actions (self);
}

GtkWidget *
csn_endorsements_page_new (void)
{
  return g_object_new (CSN_TYPE_ENDORSEMENTS_PAGE, NULL);
}

CsnDraft *
csn_endorsements_page_get_draft (CsnEndorsementsPage *self)
{
  g_return_val_if_fail (CSN_IS_ENDORSEMENTS_PAGE (self), NULL);
  return self->draft;
}

void
csn_endorsements_page_set_draft (CsnEndorsementsPage *self,
                                 CsnDraft            *draft)
{
  g_return_if_fail (CSN_IS_ENDORSEMENTS_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_id, self->draft);
  gtk_filter_list_model_set_model (self->filter_model, NULL);

  g_set_object (&self->draft, draft);

  if (draft != NULL)
    self->changed_id = g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  if (self->column_view != NULL)
    {
      gtk_filter_list_model_set_model (self->filter_model,
                                       draft != NULL ? csn_draft_get_collection (draft, CSN_COLLECTION_ENDORSEMENTS) : NULL);
      update_list_stack (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_endorsements_page_reveal (CsnEndorsementsPage *self,
                              CsnItem             *item,
                              const char          *property)
{
  g_return_if_fail (CSN_IS_ENDORSEMENTS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || self->draft == NULL || !CSN_IS_ENDORSEMENT (item))
    return;
  reveal (self, item, property != NULL ? property : "status");
}
