/* csn-overview-page.c: the meeting's details, how far the group got, and what is still open. */
#define G_LOG_DOMAIN "csn-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-answers-summary.h"
#include "csn-enums.h"
#include "csn-meeting.h"
#include "csn-overview-page.h"
#include "csn-problem.h"
#include "csn-theme.h"
#include "csn-validate.h"

struct _CsnOverviewPage
{
  AdwBin              parent_instance;

  CsnDraft           *draft;
  GListStore         *open_items;
  guint               refresh_source;
  gboolean            syncing;

  AdwEntryRow        *title_row;
  AdwEntryRow        *venue_row;
  AdwEntryRow        *start_date_row;
  AdwEntryRow        *end_date_row;
  AdwComboRow        *presidency_row;
  GtkFilterListModel *member_countries;
  AdwComboRow        *language_row;
  AdwComboRow        *status_row;
  GtkLabel           *themes_count;
  GtkLabel           *strategies_count;
  GtkLabel           *participants_count;
  GtkLabel           *endorsements_count;
  GtkLabel           *nothing_open_label;
  GtkListView        *open_list;
};

G_DEFINE_FINAL_TYPE (CsnOverviewPage, csn_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_OPEN_ITEMS,
  N_PROPS
};

enum {
  REVEAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CsnItem *
get_meeting (CsnOverviewPage *self)
{
  return CSN_ITEM (csn_draft_get_meeting (self->draft));
}

static const char *
get_row_property (CsnOverviewPage *self,
                  AdwEntryRow     *row)
{
  if (row == self->title_row)
    return "title";
  if (row == self->venue_row)
    return "venue";
  if (row == self->start_date_row)
    return "start-date";
  if (row == self->end_date_row)
    return "end-date";
  g_assert_not_reached ();
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Takes the text of @row into the draft, as one undoable step; a malformed date stays in the row. */
static void
commit_row (CsnOverviewPage *self,
            AdwEntryRow     *row)
{
  const char *property = get_row_property (self, row);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  const char *value = text;

  if (self->draft == NULL || self->syncing)
    return;

  if (row == self->start_date_row || row == self->end_date_row)
    {
      g_strstrip (text);
      if (*text == '\0')
        value = NULL;
      else if (!csn_date_is_valid (text))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (g_strcmp0 (csn_item_get_string (get_meeting (self), property), value) != 0)
    csn_draft_set_string (self->draft, get_meeting (self), property, value);
}

static void
on_entry_row_commit_cb (CsnOverviewPage *self,
                        AdwEntryRow     *row)
{
  commit_row (self, row);
}

static void
on_row_focus_leave_cb (CsnOverviewPage    *self,
                       GtkEventController *controller)
{
  commit_row (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (controller)));
}

static gboolean
is_member_country (CsnItem *country)
{
  return country != NULL && csn_item_get_enum (country, "membership") == CSN_MEMBERSHIP_MEMBER;
}

static char *
dup_item_title (CsnItem *item)
{
  return item != NULL ? csn_item_dup_title (item) : NULL;
}

static void
on_presidency_selected_cb (CsnOverviewPage *self)
{
  CsnItem *country = adw_combo_row_get_selected_item (self->presidency_row);
  const char *code;

  if (self->draft == NULL || self->syncing || country == NULL)
    return;

  code = csn_item_get_key (country);
  if (g_strcmp0 (csn_item_get_string (get_meeting (self), "pro-tempore-presidency"), code) != 0)
    csn_draft_set_string (self->draft, get_meeting (self), "pro-tempore-presidency", code);
}

static void
commit_enum_row (CsnOverviewPage *self,
                 AdwComboRow     *row,
                 const char      *property)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->draft == NULL || self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (csn_item_get_enum (get_meeting (self), property) != (int) selected)
    csn_draft_set_enum (self->draft, get_meeting (self), property, (int) selected);
}

static void
on_language_selected_cb (CsnOverviewPage *self)
{
  commit_enum_row (self, self->language_row, "language");
}

static void
on_status_selected_cb (CsnOverviewPage *self)
{
  commit_enum_row (self, self->status_row, "status");
}

static guint
find_member_position (CsnOverviewPage *self,
                      const char      *code)
{
  GListModel *model = G_LIST_MODEL (self->member_countries);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; code != NULL && i < n_items; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (model, i);

      if (g_strcmp0 (csn_item_get_key (country), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Shows the meeting's values; rows the user is typing in keep their text until they leave. */
static void
sync_meeting (CsnOverviewPage *self)
{
  CsnItem *meeting;

  if (self->draft == NULL)
    return;

  meeting = get_meeting (self);
  self->syncing = TRUE;
  set_row_text (self->title_row, csn_item_get_string (meeting, "title"));
  set_row_text (self->venue_row, csn_item_get_string (meeting, "venue"));
  set_row_text (self->start_date_row, csn_item_get_string (meeting, "start-date"));
  set_row_text (self->end_date_row, csn_item_get_string (meeting, "end-date"));
  adw_combo_row_set_selected (self->presidency_row,
                              find_member_position (self, csn_item_get_string (meeting,
                                                                               "pro-tempore-presidency")));
  adw_combo_row_set_selected (self->language_row, csn_item_get_enum (meeting, "language"));
  adw_combo_row_set_selected (self->status_row, csn_item_get_enum (meeting, "status"));
  self->syncing = FALSE;
}

static void
set_count (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text);
}

static void
update_counts (CsnOverviewPage *self,
               guint            n_themes,
               guint            n_decided,
               guint            n_with_strategy)
{
  GListModel *strategies = csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES);
  GListModel *participants = csn_draft_get_collection (self->draft, CSN_COLLECTION_PARTICIPANTS);
  GListModel *endorsements = csn_draft_get_collection (self->draft, CSN_COLLECTION_ENDORSEMENTS);
  g_autoptr(GHashTable) delegations = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_strategies = g_list_model_get_n_items (strategies);
  guint n_participants = g_list_model_get_n_items (participants);
  guint n_endorsements = g_list_model_get_n_items (endorsements);
  guint n_endorsed = 0;
  g_autofree char *themes_text = NULL;
  g_autofree char *strategies_text = NULL;
  g_autofree char *participants_text = NULL;
  g_autofree char *endorsements_text = NULL;

  for (guint i = 0; i < n_participants; i++)
    {
      g_autoptr(CsnItem) participant = g_list_model_get_item (participants, i);
      const char *country = csn_item_get_string (participant, "country");

      if (country != NULL && *country != '\0')
        g_hash_table_add (delegations, (gpointer) country);
    }
  for (guint i = 0; i < n_endorsements; i++)
    {
      g_autoptr(CsnItem) endorsement = g_list_model_get_item (endorsements, i);
      int status = csn_item_get_enum (endorsement, "status");

      if (status == CSN_ENDORSEMENT_STATUS_ENDORSED
          || status == CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS)
        n_endorsed++;
    }

  /* Translators: "5 of 7 with a horizon" */
  themes_text = g_strdup_printf (ngettext ("%u of %u with a horizon", "%u of %u with a horizon",
                                           n_themes), n_decided, n_themes);
  /* Translators: "9 strategies, for 6 of 7 themes" */
  strategies_text = g_strdup_printf (ngettext ("%u strategy, for %u of %u themes",
                                               "%u strategies, for %u of %u themes", n_strategies),
                                     n_strategies, n_with_strategy, n_themes);
  /* Translators: "12 participants from 6 delegations" */
  participants_text = g_strdup_printf (ngettext ("%u participant from %u delegations",
                                                 "%u participants from %u delegations",
                                                 n_participants),
                                       n_participants, g_hash_table_size (delegations));
  /* Translators: "3 of 11 endorsed" */
  endorsements_text = g_strdup_printf (ngettext ("%u of %u endorsed", "%u of %u endorsed",
                                                 n_endorsements), n_endorsed, n_endorsements);

  set_count (self->themes_count, themes_text);
  set_count (self->strategies_count, strategies_text);
  set_count (self->participants_count, participants_text);
  set_count (self->endorsements_count, endorsements_text);
}

static void
refresh (CsnOverviewPage *self)
{
  GListModel *themes, *strategies;
  g_autoptr(GHashTable) addressed = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GListModel) problems = NULL;
  guint n_themes, n_strategies, n_problems;
  guint n_decided = 0, n_with_strategy = 0;

  if (self->draft == NULL)
    {
      g_list_store_remove_all (self->open_items);
      return;
    }

  themes = csn_draft_get_collection (self->draft, CSN_COLLECTION_THEMES);
  strategies = csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES);
  n_themes = g_list_model_get_n_items (themes);
  n_strategies = g_list_model_get_n_items (strategies);
  addressed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  open = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_strategies; i++)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, i);
      const char *theme = csn_item_get_string (strategy, "theme");

      if (theme != NULL)
        g_hash_table_add (addressed, g_strdup (theme));
    }

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      g_autofree char *title = csn_item_dup_title (theme);

      if (csn_item_get_enum (theme, "horizon") == CSN_HORIZON_UNDECIDED)
        {
          g_autofree char *place = g_strdup_printf ("themes[%u].horizon", i);
          /* Translators: "“Labour migration” has no horizon yet: short or medium term" */
          g_autofree char *message = g_strdup_printf (_("“%s” has no horizon yet: short or medium term"),
                                                      title);

          g_ptr_array_add (open, csn_problem_new (CSN_SEVERITY_WARNING, place, theme, "horizon", message));
        }
      else
        n_decided++;
    }

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;
      g_autofree char *message = NULL;

      if (g_hash_table_contains (addressed, csn_item_get_key (theme)))
        {
          n_with_strategy++;
          continue;
        }
      title = csn_item_dup_title (theme);
      place = g_strdup_printf ("themes[%u]", i);
      /* Translators: "No strategy addresses “Labour migration” yet" */
      message = g_strdup_printf (_("No strategy addresses “%s” yet"), title);
      /* "strategies" is not a field of a theme: it asks for the theme's strategies. */
      g_ptr_array_add (open, csn_problem_new (CSN_SEVERITY_WARNING, place, theme, "strategies", message));
    }

  problems = csn_draft_validate (self->draft);
  n_problems = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_problems; i++)
    g_ptr_array_add (open, g_list_model_get_item (problems, i));

  g_list_store_splice (self->open_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->open_items)),
                       open->pdata, open->len);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), open->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_open_label), open->len == 0);

  update_counts (self, n_themes, n_decided, n_with_strategy);
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  CsnOverviewPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_draft_changed_cb (CsnOverviewPage *self,
                     CsnDraft        *draft)
{
  sync_meeting (self);
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_idle_cb, self);
}

static void
on_open_list_activate_cb (CsnOverviewPage *self,
                          guint            position,
                          GtkListView     *list)
{
  g_autoptr(CsnProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->open_items), position);

  if (problem == NULL)
    return;
  g_signal_emit (self, signals[REVEAL], 0, csn_problem_get_item (problem),
                 csn_problem_get_property_name (problem));
}

static void
on_answers_reveal_cb (CsnOverviewPage *self,
                      CsnItem         *item,
                      const char      *property)
{
  g_signal_emit (self, signals[REVEAL], 0, item, property);
}

static void
csn_overview_page_dispose (GObject *object)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (object);

  csn_overview_page_set_draft (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->open_items);

  G_OBJECT_CLASS (csn_overview_page_parent_class)->dispose (object);
}

static void
csn_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_OPEN_ITEMS:
      g_value_set_object (value, self->open_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_overview_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_overview_page_class_init (CsnOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_overview_page_dispose;
  object_class->get_property = csn_overview_page_get_property;
  object_class->set_property = csn_overview_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPEN_ITEMS] =
    g_param_spec_object ("open-items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An entry of the "still open" list was activated: show @item, at @property if not NULL. */
  signals[REVEAL] = g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CSN_TYPE_ITEM, G_TYPE_STRING);

  g_type_ensure (CSN_TYPE_PROBLEM);
  g_type_ensure (CSN_TYPE_ANSWERS_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, presidency_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, member_countries);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, themes_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, strategies_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, participants_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, endorsements_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, nothing_open_label);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, open_list);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_commit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_presidency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_answers_reveal_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_member_country);
  gtk_widget_class_bind_template_callback (widget_class, dup_item_title);
}

static void
csn_overview_page_init (CsnOverviewPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_items = g_list_store_new (CSN_TYPE_PROBLEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->open_items)));
  gtk_list_view_set_model (self->open_list, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), FALSE);
}

GtkWidget *
csn_overview_page_new (void)
{
  return g_object_new (CSN_TYPE_OVERVIEW_PAGE, NULL);
}

CsnDraft *
csn_overview_page_get_draft (CsnOverviewPage *self)
{
  g_return_val_if_fail (CSN_IS_OVERVIEW_PAGE (self), NULL);
  return self->draft;
}

void
csn_overview_page_set_draft (CsnOverviewPage *self,
                             CsnDraft        *draft)
{
  g_return_if_fail (CSN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);

  self->syncing = TRUE;
  g_set_object (&self->draft, draft);
  gtk_filter_list_model_set_model (self->member_countries,
                                   draft != NULL
                                   ? csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES)
                                   : NULL);
  self->syncing = FALSE;

  if (draft != NULL)
    {
      g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                               self, G_CONNECT_SWAPPED);
      sync_meeting (self);
    }
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* The "still open" entries: CsnProblem objects, refreshed shortly after every change. */
GListModel *
csn_overview_page_get_open_items (CsnOverviewPage *self)
{
  g_return_val_if_fail (CSN_IS_OVERVIEW_PAGE (self), NULL);
  return G_LIST_MODEL (self->open_items);
}

/* Focuses the control of the meeting's @property. */
void
csn_overview_page_reveal (CsnOverviewPage *self,
                          CsnItem         *item,
                          const char      *property)
{
  GtkWidget *row = GTK_WIDGET (self->title_row);

  g_return_if_fail (CSN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (g_strcmp0 (property, "venue") == 0)
    row = GTK_WIDGET (self->venue_row);
  else if (g_strcmp0 (property, "start-date") == 0)
    row = GTK_WIDGET (self->start_date_row);
  else if (g_strcmp0 (property, "end-date") == 0)
    row = GTK_WIDGET (self->end_date_row);
  else if (g_strcmp0 (property, "pro-tempore-presidency") == 0)
    row = GTK_WIDGET (self->presidency_row);
  else if (g_strcmp0 (property, "language") == 0)
    row = GTK_WIDGET (self->language_row);
  else if (g_strcmp0 (property, "status") == 0)
    row = GTK_WIDGET (self->status_row);
  gtk_widget_grab_focus (row);
}
