/* csn-actors-page.c: the actors, their current roles and the proposals to change them. */
#define G_LOG_DOMAIN "csn-actors-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-actor.h"
#include "csn-actors-page.h"
#include "csn-cell-factory.h"
#include "csn-column-view-util.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-list-page.h"
#include "csn-narrow-selection.h"
#include "csn-position-cell.h"
#include "csn-position.h"
#include "csn-positions-list.h"
#include "csn-ref-list-cell.h"
#include "csn-removal.h"
#include "csn-role-proposal.h"
#include "csn-row-grower.h"
#include "csn-stance-strip.h"
#include "csn-text-cell.h"

struct _CsnActorsPage
{
  CsnListPage          parent_instance;

  GtkColumnViewColumn *actor_position_column;
  GtkColumnViewColumn *name_es_column;
  GtkColumnViewColumn *name_en_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *role_column;
  GtkLabel            *proposals_title;
  GtkStack            *proposals_stack;
  GtkColumnView       *proposals_view;
  GtkColumnViewColumn *proposal_position_column;
  GtkColumnViewColumn *change_column;
  GtkColumnViewColumn *attribution_column;
  GtkColumnViewColumn *rationale_column;
  GtkColumnViewColumn *supported_by_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *stances_column;
  CsnPositionsList    *positions_list;

  GtkFilterListModel  *proposals_filter_model;
  GtkCustomFilter     *proposals_filter;
  /* The proposals' list grows over frames as the page's main list does, each time it shows
   * another actor's (up to 200 rows made at once otherwise). */
  CsnRowGrower        *proposals_grower;
  GtkSingleSelection  *proposals_selection;
  char                *actor_key;      /* the actor whose proposals are shown */
};

G_DEFINE_FINAL_TYPE (CsnActorsPage, csn_actors_page, CSN_TYPE_LIST_PAGE)

static const char * const search_properties[] = { CSN_ACTOR_PROP_NAME_ES, CSN_ACTOR_PROP_NAME_EN,
                                                   CSN_ACTOR_PROP_CURRENT_ROLE, NULL };

static CsnDraft *
get_draft (CsnActorsPage *self)
{
  return csn_list_page_get_draft (CSN_LIST_PAGE (self));
}

static CsnItem *
get_selected_actor (CsnActorsPage *self)
{
  return csn_list_page_get_selected (CSN_LIST_PAGE (self));
}

static CsnItem *
get_selected_proposal (CsnActorsPage *self)
{
  return gtk_single_selection_get_selected_item (self->proposals_selection);
}

/* The actors' actions are the base's; the proposals' are the page's own. */
static void
csn_actors_page_update_actions (CsnListPage *page,
                                gboolean     actor_found)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (page);
  CsnDraft *draft = get_draft (self);
  CsnItem *proposal = get_selected_proposal (self);
  guint position = 0, n_items = 0;
  gboolean found = FALSE;

  if (draft != NULL && proposal != NULL)
    {
      n_items = g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_ROLE_PROPOSALS));
      found = csn_draft_find_position (draft, CSN_COLLECTION_ROLE_PROPOSALS, proposal, &position);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.add", self->actor_key != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.remove", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.move-up", found && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.move-down", found && position + 1 < n_items);
}

static void
update_proposals_stack (CsnActorsPage *self)
{
  CsnItem *actor = get_selected_actor (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (self->proposals_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->proposals_filter_model)) > 0
                                      ? "list" : "empty");

  if (actor != NULL)
    {
      name = csn_item_dup_title (actor);
      /* Translators: the heading of the proposals on one actor's role, "Role Proposals: Secretaría Técnica" */
      title = g_strdup_printf (_("Role Proposals: %s"), name);
    }
  gtk_label_set_label (self->proposals_title, title != NULL ? title : _("Role Proposals"));
}

static gboolean
filter_proposal (gpointer item,
                 gpointer user_data)
{
  CsnActorsPage *self = user_data;

  return self->actor_key != NULL && g_strcmp0 (csn_role_proposal_get_actor (CSN_ROLE_PROPOSAL (item)), self->actor_key) == 0;
}

static void
on_proposals_changed_cb (CsnActorsPage *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  update_proposals_stack (self);
  csn_list_page_update_actions (CSN_LIST_PAGE (self));
}

static void
csn_actors_page_selection_changed (CsnListPage *page)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (page);
  CsnItem *actor = get_selected_actor (self);
  const char *key = actor != NULL ? csn_item_get_key (actor) : NULL;

  if (g_strcmp0 (key, self->actor_key) != 0)
    {
      g_free (self->actor_key);
      self->actor_key = g_strdup (key);
      if (csn_list_page_is_prepared (page))
        csn_row_grower_start (self->proposals_grower, GTK_WIDGET (self->proposals_view));
      gtk_filter_changed (GTK_FILTER (self->proposals_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_proposals_stack (self);
}

static void
on_proposal_selection_changed_cb (CsnActorsPage      *self,
                                  GParamSpec         *pspec,
                                  GtkSingleSelection *selection)
{
  csn_positions_list_bind (self->positions_list, get_draft (self), get_selected_proposal (self));
  csn_list_page_update_actions (CSN_LIST_PAGE (self));
}

static void
csn_actors_page_draft_changed (CsnListPage *page)
{
  update_proposals_stack (CSN_ACTORS_PAGE (page));
}

static void
csn_actors_page_draft_leaving (CsnListPage *page)
{
  /* The positions' cells commit pending edits to the old draft before it goes. */
  csn_positions_list_bind (CSN_ACTORS_PAGE (page)->positions_list, NULL, NULL);
  gtk_filter_list_model_set_model (CSN_ACTORS_PAGE (page)->proposals_filter_model, NULL);
}

static void
csn_actors_page_draft_set (CsnListPage *page)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (page);
  CsnDraft *draft = get_draft (self);

  if (draft != NULL)
    {
      csn_row_grower_start (self->proposals_grower, GTK_WIDGET (self->proposals_view));
      gtk_filter_list_model_set_model (self->proposals_filter_model,
                                       csn_draft_get_collection (draft, CSN_COLLECTION_ROLE_PROPOSALS));
    }
  csn_actors_page_selection_changed (page);
  csn_positions_list_bind (self->positions_list, draft, get_selected_proposal (self));
}

static void
reveal_actor (CsnActorsPage *self,
              CsnItem       *actor,
              const char    *property)
{
  csn_list_page_reveal_item (CSN_LIST_PAGE (self), actor, property);
}

static void
reveal_proposal (CsnActorsPage *self,
                 CsnItem       *proposal,
                 const char    *property)
{
  CsnItem *actor = csn_draft_lookup (get_draft (self), CSN_COLLECTION_ACTORS, csn_role_proposal_get_actor (CSN_ROLE_PROPOSAL (proposal)));

  if (actor != NULL && actor != get_selected_actor (self))
    reveal_actor (self, actor, NULL);
  /* The proposal may be past the rows given so far: they grow around it. */
  csn_row_grower_reveal (self->proposals_grower,
                         csn_column_view_find_item (csn_row_grower_get_source (self->proposals_grower), proposal));
  csn_column_view_reveal_cell (GTK_WIDGET (self->proposals_view), self->proposals_selection, proposal, property);
}

static gboolean
proposals_have_focus (CsnActorsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->proposals_view));
}

static void
csn_actors_page_add (CsnListPage *page)
{
  g_autoptr(CsnItem) actor = NULL;

  /* The page's one add shortcut adds to whichever list has the focus, as Alt+Up and Alt+Down move. */
  if (proposals_have_focus (CSN_ACTORS_PAGE (page)))
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "proposals.add", NULL);
      return;
    }
  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  actor = CSN_ITEM (g_object_new (CSN_TYPE_ACTOR, CSN_ACTOR_PROP_KIND, CSN_ACTOR_KIND_OTHER, NULL));
  csn_list_page_add_item (page, actor, CSN_ACTOR_PROP_NAME_ES);
}

static void
add_proposal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (widget);
  g_autoptr(CsnItem) proposal = NULL;
  CsnItem *selected = get_selected_proposal (self);
  guint position;

  if (get_draft (self) == NULL || self->actor_key == NULL)
    return;

  position = g_list_model_get_n_items (csn_draft_get_collection (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS));
  if (selected != NULL && csn_draft_find_position (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, selected, &position))
    position++;

  proposal = CSN_ITEM (g_object_new (CSN_TYPE_ROLE_PROPOSAL,
                                     CSN_ROLE_PROPOSAL_PROP_ACTOR, self->actor_key,
                                     CSN_ROLE_PROPOSAL_PROP_CHANGE, CSN_ROLE_CHANGE_MODIFY,
                                     NULL));
  csn_draft_insert (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, position, proposal);
  reveal_proposal (self, proposal, CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION);
}

static void
remove_proposal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (widget);
  CsnItem *proposal = get_selected_proposal (self);
  guint position;

  if (get_draft (self) != NULL && proposal != NULL &&
      csn_draft_find_position (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, proposal, &position))
    {
      g_autoptr(CsnRemoval) removal = csn_draft_remove_item (get_draft (self), proposal);

      csn_list_page_announce_removal (CSN_LIST_PAGE (self), csn_removal_get_message (removal));
    }
}

/* Moves past the proposals on other actors, which this view does not show. */
static void
move_proposal (CsnActorsPage *self,
               int            delta)
{
  g_autoptr(CsnItem) proposal = NULL;
  g_autoptr(CsnItem) target = NULL;
  guint shown, from, to;

  if (get_selected_proposal (self) == NULL || get_draft (self) == NULL)
    return;
  proposal = g_object_ref (get_selected_proposal (self));
  shown = gtk_single_selection_get_selected (self->proposals_selection);
  if ((delta < 0 && shown == 0) ||
      (delta > 0 && shown + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->proposals_filter_model))))
    return;

  target = g_list_model_get_item (G_LIST_MODEL (self->proposals_filter_model), delta < 0 ? shown - 1 : shown + 1);
  if (csn_draft_find_position (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, proposal, &from) &&
      csn_draft_find_position (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, target, &to))
    {
      csn_draft_move (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS, from, to);
      reveal_proposal (self, proposal, csn_column_view_get_focus_property (GTK_WIDGET (self->proposals_view)));
    }
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (widget);
  int delta = g_str_has_suffix (action_name, "up") ? -1 : 1;

  if (g_str_has_prefix (action_name, "proposals.") || proposals_have_focus (self))
    move_proposal (self, delta);
  else
    csn_list_page_move_selected (CSN_LIST_PAGE (self), delta);
}

static void
csn_actors_page_dispose (GObject *object)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (object);

  csn_list_page_set_draft (CSN_LIST_PAGE (self), NULL);
  csn_row_grower_stop (self->proposals_grower);

  G_OBJECT_CLASS (csn_actors_page_parent_class)->dispose (object);
}

static void
csn_actors_page_finalize (GObject *object)
{
  CsnActorsPage *self = CSN_ACTORS_PAGE (object);

  g_clear_object (&self->proposals_selection);
  g_clear_object (&self->proposals_grower);
  g_free (self->actor_key);

  G_OBJECT_CLASS (csn_actors_page_parent_class)->finalize (object);
}

static void
csn_actors_page_class_init (CsnActorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_actors_page_dispose;
  object_class->finalize = csn_actors_page_finalize;

  page_class->add = csn_actors_page_add;
  page_class->update_actions = csn_actors_page_update_actions;
  page_class->selection_changed = csn_actors_page_selection_changed;
  page_class->draft_changed = csn_actors_page_draft_changed;
  page_class->draft_leaving = csn_actors_page_draft_leaving;
  page_class->draft_set = csn_actors_page_draft_set;

  g_type_ensure (CSN_TYPE_POSITIONS_LIST);

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-actors-page.ui",
                             "actors", CSN_COLLECTION_ACTORS, search_properties,
                             CSN_LIST_PAGE_OWN_MOVE_KEYS);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, actor_position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, name_es_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, name_en_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, proposals_title);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, proposals_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, proposal_position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, change_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, attribution_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, rationale_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, supported_by_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, stances_column);
  gtk_widget_class_bind_template_child (widget_class, CsnActorsPage, positions_list);
  gtk_widget_class_install_action (widget_class, "proposals.add", NULL, add_proposal_action);
  gtk_widget_class_install_action (widget_class, "proposals.remove", NULL, remove_proposal_action);
  gtk_widget_class_install_action (widget_class, "proposals.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "proposals.move-down", NULL, move_action);
  /* Alt+Up and Alt+Down move whichever list has the focus. */
  gtk_widget_class_install_action (widget_class, "page.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "page.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "page.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "page.move-down", NULL);
}

static void
csn_actors_page_init (CsnActorsPage *self)
{
  GObject *page = G_OBJECT (self);
  g_autoptr(GtkSelectionModel) shown = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->proposals_filter = gtk_custom_filter_new (filter_proposal, self, NULL);
  self->proposals_filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->proposals_filter));
  self->proposals_grower = csn_row_grower_new (G_LIST_MODEL (self->proposals_filter_model));
  /* Kept by the grower from here on. */
  g_object_unref (self->proposals_filter_model);
  self->proposals_selection = gtk_single_selection_new (g_object_ref (csn_row_grower_get_model (self->proposals_grower)));
  g_signal_connect_object (self->proposals_filter_model, "items-changed",
                           G_CALLBACK (on_proposals_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->proposals_selection, "notify::selected-item",
                           G_CALLBACK (on_proposal_selection_changed_cb), self, G_CONNECT_SWAPPED);
  shown = csn_narrow_selection_new (self->proposals_selection);
  gtk_column_view_set_model (self->proposals_view, shown);

  csn_cell_factory_set_column (self->actor_position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_ACTORS, NULL);
  csn_cell_factory_set_column (self->name_es_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ACTOR_PROP_NAME_ES,
                               "label", _("Name of the actor in Spanish"), NULL);
  csn_cell_factory_set_column (self->name_en_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ACTOR_PROP_NAME_EN,
                               "label", _("Name of the actor in English"), NULL);
  csn_cell_factory_set_column (self->kind_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_ACTOR_KIND,
                               "property-name", CSN_ACTOR_PROP_KIND,
                               "label", _("Kind of actor"), NULL);
  csn_cell_factory_set_column (self->role_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ACTOR_PROP_CURRENT_ROLE,
                               "label", _("Current role of the actor"), NULL);

  csn_cell_factory_set_column (self->proposal_position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_ROLE_PROPOSALS, NULL);
  csn_cell_factory_set_column (self->change_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_ROLE_CHANGE,
                               "property-name", CSN_ROLE_PROPOSAL_PROP_CHANGE,
                               "label", _("Proposed change"), NULL);
  csn_cell_factory_set_column (self->attribution_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION,
                               "label", _("Attribution"), NULL);
  csn_cell_factory_set_column (self->rationale_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ROLE_PROPOSAL_PROP_RATIONALE,
                               "label", _("Rationale"), NULL);
  csn_cell_factory_set_column (self->supported_by_column, page, CSN_TYPE_REF_LIST_CELL,
                               "property-name", CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY,
                               "target", CSN_COLLECTION_COUNTRIES,
                               "label", _("Countries that support the proposal"), NULL);
  csn_cell_factory_set_column (self->status_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_PROPOSAL_STATUS,
                               "property-name", CSN_ROLE_PROPOSAL_PROP_STATUS,
                               "label", _("Status of the proposal"), NULL);
  /* No editor of their own: the strips share their list's, made when first needed. */
  csn_cell_factory_set_column (self->stances_column, page, CSN_TYPE_STANCE_STRIP, "editor", NULL, NULL);

  csn_column_view_enable_drop (GTK_WIDGET (self->proposals_view), page, CSN_COLLECTION_ROLE_PROPOSALS);

  update_proposals_stack (self);
}

GtkWidget *
csn_actors_page_new (void)
{
  return g_object_new (CSN_TYPE_ACTORS_PAGE, NULL);
}

void
csn_actors_page_reveal (CsnActorsPage *self,
                        CsnItem       *item,
                        const char    *property)
{
  g_return_if_fail (CSN_IS_ACTORS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || get_draft (self) == NULL)
    return;

  if (CSN_IS_ACTOR (item))
    reveal_actor (self, item, property != NULL && g_strcmp0 (property, "name") != 0 ? property : CSN_ACTOR_PROP_NAME_ES);
  else if (CSN_IS_ROLE_PROPOSAL (item) && g_strcmp0 (property, "positions") == 0)
    {
      reveal_proposal (self, item, NULL);
      csn_positions_list_reveal (self->positions_list, NULL, NULL);
    }
  else if (CSN_IS_ROLE_PROPOSAL (item))
    reveal_proposal (self, item, property != NULL ? property : CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION);
  else if (CSN_IS_POSITION (item))
    {
      /* A position shows in the list of the positions on its proposal. */
      CsnItem *proposal = csn_draft_lookup (get_draft (self), CSN_COLLECTION_ROLE_PROPOSALS,
                                            csn_position_get_item (CSN_POSITION (item)));

      if (proposal == NULL)
        return;
      reveal_proposal (self, proposal, NULL);
      csn_positions_list_reveal (self->positions_list, item, property);
    }
}
