/* csn-delegations-page.c: the participants of each delegation, checked against its quota. */
#define G_LOG_DOMAIN "csn-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-delegations-page.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-list-util.h"
#include "csn-participant.h"
#include "csn-position-cell.h"
#include "csn-problem.h"
#include "csn-quota-cell.h"
#include "csn-ref-cell.h"
#include "csn-text-cell.h"
#include "csn-validate.h"

struct _CsnDelegationsPage
{
  AdwBin               parent_instance;

  GtkColumnView       *countries_view;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *quota_column;
  GtkSearchEntry      *search_entry;
  GtkLabel            *delegation_title;
  GtkLabel            *delegation_count;
  GtkWidget           *quota_warning;
  GtkLabel            *quota_warning_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *position_text_column;
  GtkColumnViewColumn *email_column;
  GtkColumnViewColumn *country_ref_column;

  CsnDraft            *draft;
  GtkSingleSelection  *country_selection;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  char                *search_text;
  char                *country_code;   /* the delegation shown */
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (CsnDelegationsPage, csn_delegations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const search_properties[] = { "name", "position", "email", NULL };

static CsnItem *
get_selected (CsnDelegationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static CsnItem *
get_selected_country (CsnDelegationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->country_selection);
}

static guint
count_participants (CsnDelegationsPage *self,
                    const char         *code)
{
  GListModel *participants = csn_draft_get_collection (self->draft, CSN_COLLECTION_PARTICIPANTS);
  guint n = g_list_model_get_n_items (participants);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) participant = g_list_model_get_item (participants, i);

      if (g_strcmp0 (csn_item_get_string (participant, "country"), code) == 0)
        count++;
    }
  return count;
}

static void
update_actions (CsnDelegationsPage *self)
{
  CsnItem *participant = get_selected (self);
  guint position = 0, n_items = 0;
  gboolean found = FALSE;

  if (self->draft != NULL)
    {
      n_items = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_PARTICIPANTS));
      if (participant != NULL)
        found = csn_draft_find_position (self->draft, CSN_COLLECTION_PARTICIPANTS, participant, &position);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.add", self->country_code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.remove", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.move-up", found && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegations.move-down", found && position + 1 < n_items);
}

/* The quota warning the validation gives for this delegation, if any. */
static char *
dup_quota_problem (CsnDelegationsPage *self)
{
  g_autoptr(GListModel) problems = csn_draft_validate (self->draft);
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);
      CsnItem *item = csn_problem_get_item (problem);

      if (item != NULL && CSN_IS_PARTICIPANT (item) &&
          g_strcmp0 (csn_problem_get_property_name (problem), "country") == 0 &&
          g_strcmp0 (csn_item_get_string (item, "country"), self->country_code) == 0)
        return g_strdup (csn_problem_get_message (problem));
    }
  return NULL;
}

static void
update_header (CsnDelegationsPage *self)
{
  CsnItem *country = self->draft != NULL ? get_selected_country (self) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *problem = NULL;
  guint count;
  int quota;

  if (country == NULL)
    {
      gtk_label_set_label (self->delegation_title, "");
      gtk_label_set_label (self->delegation_count, "");
      gtk_widget_set_visible (self->quota_warning, FALSE);
      return;
    }

  name = csn_item_dup_title (country);
  /* Translators: the heading of the participants of one country, "Delegation of México" */
  title = g_strdup_printf (_("Delegation of %s"), name);
  gtk_label_set_label (self->delegation_title, title);

  count = count_participants (self, self->country_code);
  quota = csn_item_get_int (country, "delegation-quota");
  /* Translators: "2 participants, quota 3" */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant, quota %d",
                                             "%u participants, quota %d", count),
                                count, quota);
  gtk_label_set_label (self->delegation_count, count_text);

  if ((int) count > quota)
    problem = dup_quota_problem (self);
  if (problem != NULL)
    {
      /* The validation's messages start in lower case, to follow a place; this one stands alone. */
      const char *rest = g_utf8_next_char (problem);
      g_autofree char *first = g_utf8_strup (problem, rest - problem);
      g_autofree char *sentence = g_strconcat (first, rest, NULL);

      gtk_label_set_label (self->quota_warning_label, sentence);
    }
  else
    gtk_label_set_label (self->quota_warning_label, "");
  gtk_widget_set_visible (self->quota_warning, problem != NULL);
}

static void
update_list_stack (CsnDelegationsPage *self)
{
  guint n_country = 0;

  if (self->draft != NULL && self->country_code != NULL)
    n_country = count_participants (self, self->country_code);

  if (n_country == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
filter_participant (gpointer item,
                    gpointer user_data)
{
  CsnDelegationsPage *self = user_data;

  if (self->country_code == NULL ||
      g_strcmp0 (csn_item_get_string (item, "country"), self->country_code) != 0)
    return FALSE;
  return csn_list_item_matches (item, self->search_text, search_properties);
}

static void
on_filter_items_changed_cb (CsnDelegationsPage *self,
                            guint               position,
                            guint               removed,
                            guint               added,
                            GListModel         *model)
{
  update_list_stack (self);
  update_actions (self);
}

static void
on_selection_changed_cb (CsnDelegationsPage *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  update_actions (self);
}

static void
on_country_selection_changed_cb (CsnDelegationsPage *self,
                                 GParamSpec         *pspec,
                                 GtkSingleSelection *selection)
{
  CsnItem *country = get_selected_country (self);
  const char *code = country != NULL ? csn_item_get_key (country) : NULL;

  if (g_strcmp0 (code, self->country_code) != 0)
    {
      g_free (self->country_code);
      self->country_code = g_strdup (code);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_header (self);
  update_list_stack (self);
  update_actions (self);
}

static void
on_draft_changed_cb (CsnDelegationsPage *self,
                     CsnDraft           *draft)
{
  /* A participant moved to another delegation leaves this one. */
  csn_list_refilter_later (GTK_FILTER (self->filter));
  update_header (self);
  update_list_stack (self);
  update_actions (self);
}

static void
on_search_changed_cb (CsnDelegationsPage *self,
                      GtkSearchEntry     *entry)
{
  g_free (self->search_text);
  self->search_text = csn_list_fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (CsnDelegationsPage *self,
                   GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
select_country (CsnDelegationsPage *self,
                const char         *code)
{
  CsnItem *country;

  if (self->draft == NULL || g_strcmp0 (code, self->country_code) == 0)
    return;
  country = csn_draft_lookup (self->draft, CSN_COLLECTION_COUNTRIES, code);
  if (country != NULL)
    csn_list_reveal_cell (GTK_WIDGET (self->countries_view), self->country_selection, country, NULL);
}

static void
reveal_participant (CsnDelegationsPage *self,
                    CsnItem            *participant,
                    const char         *property)
{
  select_country (self, csn_item_get_string (participant, "country"));
  if (csn_list_find_item (G_LIST_MODEL (self->filter_model), participant) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_text, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  csn_list_reveal_cell (GTK_WIDGET (self->column_view), self->selection, participant, property);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (widget);
  g_autoptr(CsnItem) participant = NULL;
  CsnItem *selected = get_selected (self);
  int role;
  guint position;

  if (self->draft == NULL || self->country_code == NULL)
    return;

  position = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_PARTICIPANTS));
  if (selected != NULL && csn_draft_find_position (self->draft, CSN_COLLECTION_PARTICIPANTS, selected, &position))
    position++;

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  role = count_participants (self, self->country_code) == 0 ? CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION
                                                            : CSN_PARTICIPANT_ROLE_DELEGATE;
  participant = CSN_ITEM (g_object_new (CSN_TYPE_PARTICIPANT,
                                        "country", self->country_code,
                                        "role", role,
                                        NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  csn_draft_insert (self->draft, CSN_COLLECTION_PARTICIPANTS, position, participant);
  reveal_participant (self, participant, "name");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (widget);
  CsnItem *participant = get_selected (self);
  guint position;

  if (self->draft != NULL && participant != NULL &&
      csn_draft_find_position (self->draft, CSN_COLLECTION_PARTICIPANTS, participant, &position))
    csn_draft_remove (self->draft, CSN_COLLECTION_PARTICIPANTS, position);
}

/* Moves past the participants of other delegations, which this view does not show. */
static void
move (CsnDelegationsPage *self,
      int                 delta)
{
  g_autoptr(CsnItem) participant = NULL;
  guint shown, target_shown;
  g_autoptr(CsnItem) target = NULL;
  guint from, to;

  if (get_selected (self) == NULL || self->draft == NULL)
    return;
  participant = g_object_ref (get_selected (self));
  shown = gtk_single_selection_get_selected (self->selection);
  if ((delta < 0 && shown == 0) ||
      (delta > 0 && shown + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->filter_model))))
    {
      csn_list_move_item (self->draft, CSN_COLLECTION_PARTICIPANTS, participant, delta);
      reveal_participant (self, participant, csn_list_get_focus_property (GTK_WIDGET (self->column_view)));
      return;
    }

  target_shown = delta < 0 ? shown - 1 : shown + 1;
  target = g_list_model_get_item (G_LIST_MODEL (self->filter_model), target_shown);
  if (csn_draft_find_position (self->draft, CSN_COLLECTION_PARTICIPANTS, participant, &from) &&
      csn_draft_find_position (self->draft, CSN_COLLECTION_PARTICIPANTS, target, &to))
    {
      csn_draft_move (self->draft, CSN_COLLECTION_PARTICIPANTS, from, to);
      reveal_participant (self, participant, csn_list_get_focus_property (GTK_WIDGET (self->column_view)));
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CSN_DELEGATIONS_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (CSN_DELEGATIONS_PAGE (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CSN_DELEGATIONS_PAGE (widget)->search_entry));
}

static void
csn_delegations_page_dispose (GObject *object)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  csn_delegations_page_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_DELEGATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->country_selection);

  G_OBJECT_CLASS (csn_delegations_page_parent_class)->dispose (object);
}

static void
csn_delegations_page_finalize (GObject *object)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  g_free (self->search_text);
  g_free (self->country_code);

  G_OBJECT_CLASS (csn_delegations_page_parent_class)->finalize (object);
}

static void
csn_delegations_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

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
csn_delegations_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_delegations_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_delegations_page_class_init (CsnDelegationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_delegations_page_dispose;
  object_class->finalize = csn_delegations_page_finalize;
  object_class->get_property = csn_delegations_page_get_property;
  object_class->set_property = csn_delegations_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-delegations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, countries_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, delegation_title);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, delegation_count);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_warning);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_warning_label);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, position_text_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, email_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, country_ref_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "delegations.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "delegations.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "delegations.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "delegations.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "delegations.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "delegations.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "delegations.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "delegations.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "delegations.search", NULL);
}

static void
csn_delegations_page_init (CsnDelegationsPage *self)
{
  GObject *page = G_OBJECT (self);
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->country_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->country_selection, "notify::selected-item",
                           G_CALLBACK (on_country_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->countries_view, GTK_SELECTION_MODEL (self->country_selection));

  self->filter = gtk_custom_filter_new (filter_participant, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  factory = csn_list_cell_factory_new (page, CSN_TYPE_LABEL_CELL,
                                       "property-name", "name-es",
                                       "mode", CSN_LABEL_CELL_TITLE,
                                       "label", _("Country"), NULL);
  gtk_column_view_column_set_factory (self->country_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_QUOTA_CELL,
                                       "label", _("Participants against the quota"), NULL);
  gtk_column_view_column_set_factory (self->quota_column, factory);
  g_clear_object (&factory);

  factory = csn_list_cell_factory_new (page, CSN_TYPE_POSITION_CELL,
                                       "collection", CSN_COLLECTION_PARTICIPANTS, NULL);
  gtk_column_view_column_set_factory (self->position_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "name",
                                       "placeholder-text", _("Full name"),
                                       "label", _("Name of the participant"), NULL);
  gtk_column_view_column_set_factory (self->name_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_ENUM_CELL,
                                       "enum-type", CSN_TYPE_PARTICIPANT_ROLE,
                                       "property-name", "role",
                                       "label", _("Role in the delegation"), NULL);
  gtk_column_view_column_set_factory (self->role_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "position",
                                       "label", _("Position"), NULL);
  gtk_column_view_column_set_factory (self->position_text_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_TEXT_CELL,
                                       "property-name", "email",
                                       "label", _("Email"), NULL);
  gtk_column_view_column_set_factory (self->email_column, factory);
  g_clear_object (&factory);
  factory = csn_list_cell_factory_new (page, CSN_TYPE_REF_CELL,
                                       "property-name", "country",
                                       "target", CSN_COLLECTION_COUNTRIES,
                                       "label", _("Delegation of the participant"), NULL);
  gtk_column_view_column_set_factory (self->country_ref_column, factory);
  g_clear_object (&factory);

  csn_list_enable_drop (GTK_WIDGET (self->column_view), page, CSN_COLLECTION_PARTICIPANTS);

  update_header (self);
  update_list_stack (self);
  update_actions (self);
}

GtkWidget *
csn_delegations_page_new (void)
{
  return g_object_new (CSN_TYPE_DELEGATIONS_PAGE, NULL);
}

CsnDraft *
csn_delegations_page_get_draft (CsnDelegationsPage *self)
{
  g_return_val_if_fail (CSN_IS_DELEGATIONS_PAGE (self), NULL);
  return self->draft;
}

void
csn_delegations_page_set_draft (CsnDelegationsPage *self,
                                CsnDraft           *draft)
{
  g_return_if_fail (CSN_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_id, self->draft);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  if (self->country_selection != NULL)
    gtk_single_selection_set_model (self->country_selection, NULL);

  g_set_object (&self->draft, draft);

  if (draft != NULL)
    self->changed_id = g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  if (self->column_view != NULL)
    {
      if (draft != NULL)
        {
          gtk_single_selection_set_model (self->country_selection,
                                          csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES));
          gtk_filter_list_model_set_model (self->filter_model,
                                           csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS));
        }
      on_country_selection_changed_cb (self, NULL, self->country_selection);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_delegations_page_reveal (CsnDelegationsPage *self,
                             CsnItem            *item,
                             const char         *property)
{
  g_return_if_fail (CSN_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || self->draft == NULL)
    return;

  if (CSN_IS_COUNTRY (item))
    {
      select_country (self, csn_item_get_key (item));
      gtk_widget_grab_focus (GTK_WIDGET (self->countries_view));
    }
  else if (CSN_IS_PARTICIPANT (item))
    reveal_participant (self, item, property != NULL ? property : "name");
}
