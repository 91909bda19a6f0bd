/* csn-delegations-page.c: the participants of each delegation, checked against its quota. */
#define G_LOG_DOMAIN "csn-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-column-view-util.h"
#include "csn-country.h"
#include "csn-delegations-page.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-list-page.h"
#include "csn-participant.h"
#include "csn-position-cell.h"
#include "csn-problem.h"
#include "csn-quota-cell.h"
#include "csn-ref-cell.h"
#include "csn-row-grower.h"
#include "csn-text-cell.h"
#include "csn-tooltip-util.h"
#include "csn-validation.h"

struct _CsnDelegationsPage
{
  CsnListPage          parent_instance;

  GtkColumnView       *countries_view;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *quota_column;
  GtkLabel            *delegation_title;
  GtkLabel            *delegation_count;
  GtkWidget           *quota_warning;
  GtkLabel            *quota_warning_label;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *position_text_column;
  GtkColumnViewColumn *email_column;
  GtkColumnViewColumn *country_ref_column;

  /* The countries' list grows over frames too: a quota cell per country. */
  CsnRowGrower        *country_grower;
  GtkSingleSelection  *country_selection;
  char                *country_code;   /* the delegation shown */
};

G_DEFINE_FINAL_TYPE (CsnDelegationsPage, csn_delegations_page, CSN_TYPE_LIST_PAGE)

static const char * const search_properties[] = { CSN_PARTICIPANT_PROP_NAME, CSN_PARTICIPANT_PROP_POSITION,
                                                   CSN_PARTICIPANT_PROP_EMAIL, NULL };

static CsnDraft *
get_draft (CsnDelegationsPage *self)
{
  return csn_list_page_get_draft (CSN_LIST_PAGE (self));
}

static CsnItem *
get_selected_country (CsnDelegationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->country_selection);
}

static void
update_header (CsnDelegationsPage *self)
{
  CsnItem *country = get_draft (self) != NULL ? get_selected_country (self) : NULL;
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

  count = csn_draft_count_participants (get_draft (self), self->country_code);
  quota = csn_country_get_delegation_quota (CSN_COUNTRY (country));
  /* Translators: "2 participants, quota 3" */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant, quota %d",
                                             "%u participants, quota %d", count),
                                count, quota);
  gtk_label_set_label (self->delegation_count, count_text);

  problem = csn_validation_dup_quota_warning (csn_draft_get_validation (get_draft (self)), CSN_COUNTRY (country));
  if (problem != NULL)
    {
      /* The validation's messages start in lower case, to follow a place; this one stands alone. */
      const char *rest = g_utf8_next_char (problem);
      g_autofree char *first = g_utf8_strup (problem, rest - problem);
      g_autofree char *sentence = g_strconcat (first, rest, NULL);

      gtk_label_set_label (self->quota_warning_label, sentence);
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->quota_warning_label), sentence);
    }
  else
    {
      gtk_label_set_label (self->quota_warning_label, "");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->quota_warning_label), NULL);
    }
  gtk_widget_set_visible (self->quota_warning, problem != NULL);
}

static guint
csn_delegations_page_count_items (CsnListPage *page)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (page);

  if (get_draft (self) == NULL || self->country_code == NULL)
    return 0;
  return csn_draft_count_participants (get_draft (self), self->country_code);
}

static gboolean
csn_delegations_page_match (CsnListPage *page,
                            CsnItem     *participant)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (page);

  return self->country_code != NULL &&
         g_strcmp0 (csn_participant_get_country (CSN_PARTICIPANT (participant)), self->country_code) == 0;
}

static gboolean
csn_delegations_page_can_add (CsnListPage *page)
{
  return CSN_DELEGATIONS_PAGE (page)->country_code != NULL;
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
      csn_list_page_refilter (CSN_LIST_PAGE (self));
    }
  update_header (self);
  csn_list_page_update (CSN_LIST_PAGE (self));
}

static void
csn_delegations_page_draft_changed (CsnListPage *page)
{
  /* A participant moved to another delegation leaves this one. */
  csn_list_page_refilter_later (page);
  update_header (CSN_DELEGATIONS_PAGE (page));
}

static void
on_validation_changed_cb (CsnDelegationsPage *self)
{
  update_header (self);
}

static void
csn_delegations_page_draft_leaving (CsnListPage *page)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (page);

  if (get_draft (self) != NULL)
    g_signal_handlers_disconnect_by_func (csn_draft_get_validation (get_draft (self)), on_validation_changed_cb, self);
  csn_row_grower_stop (self->country_grower);
  csn_row_grower_set_source (self->country_grower, NULL);
}

static void
csn_delegations_page_draft_set (CsnListPage *page)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (page);
  CsnDraft *draft = get_draft (self);

  if (draft != NULL)
    {
      csn_row_grower_start (self->country_grower, GTK_WIDGET (self->countries_view));
      csn_row_grower_set_source (self->country_grower, csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES));
      g_signal_connect_object (csn_draft_get_validation (draft), "changed",
                               G_CALLBACK (on_validation_changed_cb), self, G_CONNECT_SWAPPED);
    }
  on_country_selection_changed_cb (self, NULL, self->country_selection);
}

static void
select_country (CsnDelegationsPage *self,
                const char         *code)
{
  CsnItem *country;

  if (get_draft (self) == NULL || g_strcmp0 (code, self->country_code) == 0)
    return;
  country = csn_draft_lookup (get_draft (self), CSN_COLLECTION_COUNTRIES, code);
  /* The country may be past the rows given so far. */
  csn_row_grower_stop (self->country_grower);
  if (country != NULL)
    csn_column_view_reveal_cell (GTK_WIDGET (self->countries_view), self->country_selection, country, NULL);
}

static void
reveal_participant (CsnDelegationsPage *self,
                    CsnItem            *participant,
                    const char         *property)
{
  select_country (self, csn_participant_get_country (CSN_PARTICIPANT (participant)));
  csn_list_page_reveal_item (CSN_LIST_PAGE (self), participant, property);
}

static void
csn_delegations_page_add (CsnListPage *page)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (page);
  g_autoptr(CsnItem) participant = NULL;
  int role;

  if (self->country_code == NULL)
    return;

  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  role = csn_draft_count_participants (get_draft (self), self->country_code) == 0
         ? CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION : CSN_PARTICIPANT_ROLE_DELEGATE;
  participant = CSN_ITEM (g_object_new (CSN_TYPE_PARTICIPANT,
                                        CSN_PARTICIPANT_PROP_COUNTRY, self->country_code,
                                        CSN_PARTICIPANT_PROP_ROLE, role,
                                        NULL));
  csn_list_page_add_item (page, participant, CSN_PARTICIPANT_PROP_NAME);
}

/* Moves past the participants of other delegations, which this view does not show. */
static gboolean
csn_delegations_page_move_item (CsnListPage *page,
                                CsnItem     *participant,
                                int          delta)
{
  CsnDraft *draft = csn_list_page_get_draft (page);
  GListModel *shown_model = gtk_single_selection_get_model (csn_list_page_get_selection (page));
  guint shown = csn_column_view_find_item (shown_model, participant);
  g_autoptr(CsnItem) target = NULL;
  guint from, to;

  if (shown == GTK_INVALID_LIST_POSITION ||
      (delta < 0 && shown == 0) ||
      (delta > 0 && shown + 1 >= g_list_model_get_n_items (shown_model)))
    {
      csn_column_view_move_item (draft, CSN_COLLECTION_PARTICIPANTS, participant, delta);
      return TRUE;
    }

  target = g_list_model_get_item (shown_model, delta < 0 ? shown - 1 : shown + 1);
  if (!csn_draft_find_position (draft, CSN_COLLECTION_PARTICIPANTS, participant, &from) ||
      !csn_draft_find_position (draft, CSN_COLLECTION_PARTICIPANTS, target, &to))
    return FALSE;
  csn_draft_move (draft, CSN_COLLECTION_PARTICIPANTS, from, to);
  return TRUE;
}

static void
csn_delegations_page_dispose (GObject *object)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  csn_list_page_set_draft (CSN_LIST_PAGE (self), NULL);

  G_OBJECT_CLASS (csn_delegations_page_parent_class)->dispose (object);
}

static void
csn_delegations_page_finalize (GObject *object)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  g_clear_object (&self->country_selection);
  g_clear_object (&self->country_grower);
  g_free (self->country_code);

  G_OBJECT_CLASS (csn_delegations_page_parent_class)->finalize (object);
}

static void
csn_delegations_page_class_init (CsnDelegationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_delegations_page_dispose;
  object_class->finalize = csn_delegations_page_finalize;

  page_class->count_items = csn_delegations_page_count_items;
  page_class->match = csn_delegations_page_match;
  page_class->can_add = csn_delegations_page_can_add;
  page_class->add = csn_delegations_page_add;
  page_class->move_item = csn_delegations_page_move_item;
  page_class->draft_changed = csn_delegations_page_draft_changed;
  page_class->draft_leaving = csn_delegations_page_draft_leaving;
  page_class->draft_set = csn_delegations_page_draft_set;

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-delegations-page.ui",
                             "delegations", CSN_COLLECTION_PARTICIPANTS, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, countries_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, delegation_title);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, delegation_count);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_warning);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, quota_warning_label);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, position_text_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, email_column);
  gtk_widget_class_bind_template_child (widget_class, CsnDelegationsPage, country_ref_column);
}

static void
csn_delegations_page_init (CsnDelegationsPage *self)
{
  GObject *page = G_OBJECT (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->country_grower = csn_row_grower_new (NULL);
  self->country_selection = gtk_single_selection_new (g_object_ref (csn_row_grower_get_model (self->country_grower)));
  g_signal_connect_object (self->country_selection, "notify::selected-item",
                           G_CALLBACK (on_country_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->countries_view, GTK_SELECTION_MODEL (self->country_selection));

  csn_cell_factory_set_column (self->country_column, page, CSN_TYPE_LABEL_CELL,
                               "property-name", CSN_COUNTRY_PROP_NAME_ES,
                               "mode", CSN_LABEL_CELL_TITLE,
                               "label", _("Country"), NULL);
  csn_cell_factory_set_column (self->quota_column, page, CSN_TYPE_QUOTA_CELL,
                               "label", _("Participants against the quota"), NULL);

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_PARTICIPANTS, NULL);
  csn_cell_factory_set_column (self->name_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_PARTICIPANT_PROP_NAME,
                               "placeholder-text", _("Full name"),
                               "label", _("Name of the participant"), NULL);
  csn_cell_factory_set_column (self->role_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_PARTICIPANT_ROLE,
                               "property-name", CSN_PARTICIPANT_PROP_ROLE,
                               "label", _("Role in the delegation"), NULL);
  csn_cell_factory_set_column (self->position_text_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_PARTICIPANT_PROP_POSITION,
                               "label", _("Position"), NULL);
  csn_cell_factory_set_column (self->email_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_PARTICIPANT_PROP_EMAIL,
                               "label", _("Email"), NULL);
  csn_cell_factory_set_column (self->country_ref_column, page, CSN_TYPE_REF_CELL,
                               "property-name", CSN_PARTICIPANT_PROP_COUNTRY,
                               "target", CSN_COLLECTION_COUNTRIES,
                               "label", _("Delegation of the participant"), NULL);

  update_header (self);
}

GtkWidget *
csn_delegations_page_new (void)
{
  return g_object_new (CSN_TYPE_DELEGATIONS_PAGE, NULL);
}

void
csn_delegations_page_reveal (CsnDelegationsPage *self,
                             CsnItem            *item,
                             const char         *property)
{
  g_return_if_fail (CSN_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || get_draft (self) == NULL)
    return;

  if (CSN_IS_COUNTRY (item))
    {
      select_country (self, csn_item_get_key (item));
      gtk_widget_grab_focus (GTK_WIDGET (self->countries_view));
    }
  else if (CSN_IS_PARTICIPANT (item))
    reveal_participant (self, item, property != NULL ? property : CSN_PARTICIPANT_PROP_NAME);
}
