/* csn-mechanisms-page.c: the assessment of the CRM's working mechanisms and the proposed changes. */
#define G_LOG_DOMAIN "csn-mechanisms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-list-util.h"
#include "csn-mechanism.h"
#include "csn-mechanisms-page.h"
#include "csn-position-cell.h"
#include "csn-text-cell.h"

struct _CsnMechanismsPage
{
  AdwBin               parent_instance;

  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *assessment_column;
  GtkColumnViewColumn *considerations_column;
  GtkColumnViewColumn *proposal_column;

  CsnDraft            *draft;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  char                *search_text;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CsnMechanismsPage, csn_mechanisms_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const search_properties[] = { "name", "considerations", "proposal", NULL };

static CsnItem *
get_selected (CsnMechanismsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CsnMechanismsPage *self)
{
  CsnItem *item = get_selected (self);
  guint position = 0, n_items = 0;
  gboolean found = FALSE;

  if (self->draft != NULL)
    {
      n_items = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_MECHANISMS));
      if (item != NULL)
        found = csn_draft_find_position (self->draft, CSN_COLLECTION_MECHANISMS, item, &position);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mechanisms.add", self->draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mechanisms.remove", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mechanisms.move-up", found && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mechanisms.move-down", found && position + 1 < n_items);
}

static void
update_list_stack (CsnMechanismsPage *self)
{
  guint n_all = 0;

  if (self->draft != NULL)
    n_all = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_MECHANISMS));

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
  CsnMechanismsPage *self = user_data;

  return csn_list_item_matches (item, self->search_text, search_properties);
}

static void
on_filter_items_changed_cb (CsnMechanismsPage *self,
                            guint              position,
                            guint              removed,
                            guint              added,
                            GListModel        *model)
{
  update_list_stack (self);
  update_actions (self);
}

static void
on_selection_changed_cb (CsnMechanismsPage  *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  update_actions (self);
}

static void
on_draft_changed_cb (CsnMechanismsPage *self,
                     CsnDraft          *draft)
{
  if (self->search_text != NULL && self->search_text[0] != '\0')
    csn_list_refilter_later (GTK_FILTER (self->filter));
  update_list_stack (self);
  update_actions (self);
}

static void
on_search_changed_cb (CsnMechanismsPage *self,
                      GtkSearchEntry    *entry)
{
  g_free (self->search_text);
  self->search_text = csn_list_fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (CsnMechanismsPage *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
reveal (CsnMechanismsPage *self,
        CsnItem           *item,
        const char        *property)
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
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (widget);
  g_autoptr(CsnItem) item = NULL;
  CsnItem *selected = get_selected (self);
  guint position;

  if (self->draft == NULL)
    return;

  position = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_MECHANISMS));
  if (selected != NULL && csn_draft_find_position (self->draft, CSN_COLLECTION_MECHANISMS, selected, &position))
    position++;

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  item = CSN_ITEM (g_object_new (CSN_TYPE_MECHANISM, "name", _("New mechanism"), NULL));
  if (item == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  csn_draft_insert (self->draft, CSN_COLLECTION_MECHANISMS, position, item);
  reveal (self, item, "name");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (widget);
  CsnItem *item = get_selected (self);
  guint position;

  if (self->draft != NULL && item != NULL &&
      csn_draft_find_position (self->draft, CSN_COLLECTION_MECHANISMS, item, &position))
    csn_draft_remove (self->draft, CSN_COLLECTION_MECHANISMS, position);
}

static void
move (CsnMechanismsPage *self,
      int                delta)
{
  g_autoptr(CsnItem) item = NULL;

  if (get_selected (self) == NULL)
    return;
  item = g_object_ref (get_selected (self));
  if (csn_list_move_item (self->draft, CSN_COLLECTION_MECHANISMS, item, delta))
    reveal (self, item, csn_list_get_focus_property (GTK_WIDGET (self->column_view)));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CSN_MECHANISMS_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (CSN_MECHANISMS_PAGE (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CSN_MECHANISMS_PAGE (widget)->search_entry));
}

static void
csn_mechanisms_page_dispose (GObject *object)
{
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (object);

  csn_mechanisms_page_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_MECHANISMS_PAGE);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (csn_mechanisms_page_parent_class)->dispose (object);
}

static void
csn_mechanisms_page_finalize (GObject *object)
{
  g_free (CSN_MECHANISMS_PAGE (object)->search_text);

  G_OBJECT_CLASS (csn_mechanisms_page_parent_class)->finalize (object);
}

static void
csn_mechanisms_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (object);

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
csn_mechanisms_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_mechanisms_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_mechanisms_page_class_init (CsnMechanismsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_mechanisms_page_dispose;
  object_class->finalize = csn_mechanisms_page_finalize;
  object_class->get_property = csn_mechanisms_page_get_property;
  object_class->set_property = csn_mechanisms_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-mechanisms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, assessment_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, considerations_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, proposal_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "mechanisms.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "mechanisms.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "mechanisms.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "mechanisms.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "mechanisms.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "mechanisms.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "mechanisms.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "mechanisms.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "mechanisms.search", NULL);
}

static void
csn_mechanisms_page_init (CsnMechanismsPage *self)
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
                                       "collection", CSN_COLLECTION_MECHANISMS, NULL);
  gtk_column_view_column_set_factory (self->position_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "name",
                                       "label", _("Name of the mechanism"), NULL);
  gtk_column_view_column_set_factory (self->name_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_ENUM_CELL,
                                       "enum-type", CSN_TYPE_ASSESSMENT,
                                       "property-name", "assessment",
                                       "label", _("Assessment"), NULL);
  gtk_column_view_column_set_factory (self->assessment_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "considerations",
                                       "label", _("Considerations"), NULL);
  gtk_column_view_column_set_factory (self->considerations_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "proposal",
                                       "label", _("Proposed change"), NULL);
  gtk_column_view_column_set_factory (self->proposal_column, factory);
  g_clear_object (&factory);

  csn_list_enable_drop (GTK_WIDGET (self->column_view), page, CSN_COLLECTION_MECHANISMS);

  update_list_stack (self);
  update_actions (self);
}

GtkWidget *
csn_mechanisms_page_new (void)
{
  return g_object_new (CSN_TYPE_MECHANISMS_PAGE, NULL);
}

CsnDraft *
csn_mechanisms_page_get_draft (CsnMechanismsPage *self)
{
  g_return_val_if_fail (CSN_IS_MECHANISMS_PAGE (self), NULL);
  return self->draft;
}

void
csn_mechanisms_page_set_draft (CsnMechanismsPage *self,
                               CsnDraft          *draft)
{
  g_return_if_fail (CSN_IS_MECHANISMS_PAGE (self));
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
                                       draft != NULL ? csn_draft_get_collection (draft, CSN_COLLECTION_MECHANISMS) : NULL);
      update_list_stack (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_mechanisms_page_reveal (CsnMechanismsPage *self,
                            CsnItem           *item,
                            const char        *property)
{
  g_return_if_fail (CSN_IS_MECHANISMS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || self->draft == NULL || !CSN_IS_MECHANISM (item))
    return;
  reveal (self, item, property != NULL ? property : "name");
}
