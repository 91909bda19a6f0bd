/* csn-overview-page.c: the meeting's details, how far the group got, and what is still open. */
#define G_LOG_DOMAIN "csn-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-text.h"
#include "csn-describe.h"
#include "csn-drop-down-util.h"
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
  g_autofree char *date = NULL;
  const char *value = text;

  if (self->draft == NULL || self->syncing)
    return;

  if (row == self->start_date_row || row == self->end_date_row)
    {
      if (!csn_date_text_parse (text, &date))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      value = date;
    }

  if (g_strcmp0 (csn_item_get_string (get_meeting (self), property), value) != 0)
    csn_draft_set_string (self->draft, get_meeting (self), property, value);
  else if (row == self->start_date_row || row == self->end_date_row)
    {
      /* The same date typed another way is shown as the interface writes dates. */
      g_autofree char *shown = csn_date_text_format (value);

      set_row_text (row, shown);
    }
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

/* The calendar of a date row opens on the row's date, else today. */
static void
on_calendar_popover_show_cb (GtkPopover *popover,
                             AdwEntryRow *row)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), CSN_TYPE_OVERVIEW_PAGE));
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (popover), "csn-calendar");
  g_autoptr(GDateTime) date = NULL;

  if (self != NULL && self->draft != NULL)
    date = csn_date_text_to_date_time (csn_item_get_string (get_meeting (self), get_row_property (self, row)));
  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "csn-showing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, date);
  g_object_set_data (G_OBJECT (calendar), "csn-showing", NULL);
}

static void
set_row_date (AdwEntryRow *row,
              const char  *iso)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), CSN_TYPE_OVERVIEW_PAGE));
  g_autofree char *text = csn_date_text_format (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (self != NULL)
    commit_row (self, row);
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "csn-showing") != NULL)
    return;
  iso = g_date_time_format (date, "%Y-%m-%d");
  set_row_date (row, iso);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
on_no_date_clicked_cb (GtkButton   *button,
                       AdwEntryRow *row)
{
  set_row_date (row, NULL);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
}

/* A date is typed as the user's locale writes it, or chosen on a calendar beside it. */
static void
add_calendar_button (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *no_date = gtk_button_new_with_mnemonic (_("_No Date"));

  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), no_date);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "csn-calendar", calendar);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), row, 0);
  g_signal_connect_object (no_date, "clicked", G_CALLBACK (on_no_date_clicked_cb), row, 0);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose on a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the date on a calendar"), -1);
  gtk_widget_add_css_class (button, "flat");
  csn_popover_hide_owner_tooltip (GTK_POPOVER (popover), button);
  adw_entry_row_add_suffix (row, button);
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
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;

  if (self->draft == NULL)
    return;

  meeting = get_meeting (self);
  self->syncing = TRUE;
  set_row_text (self->title_row, csn_item_get_string (meeting, "title"));
  set_row_text (self->venue_row, csn_item_get_string (meeting, "venue"));
  start_date = csn_date_text_format (csn_item_get_string (meeting, "start-date"));
  end_date = csn_date_text_format (csn_item_get_string (meeting, "end-date"));
  set_row_text (self->start_date_row, start_date);
  set_row_text (self->end_date_row, end_date);
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
  {
    /* Translators: the first half of "9 strategies, for 6 of 7 themes" */
    g_autofree char *strategies_part = g_strdup_printf (ngettext ("%u strategy", "%u strategies", n_strategies),
                                                        n_strategies);
    /* Translators: the second half of "9 strategies, for 6 of 7 themes" */
    g_autofree char *themes_part = g_strdup_printf (ngettext ("for %u of %u theme", "for %u of %u themes",
                                                              n_themes),
                                                    n_with_strategy, n_themes);
    guint n_delegations = g_hash_table_size (delegations);
    /* Translators: the first half of "12 participants from 6 delegations" */
    g_autofree char *participants_part = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                                                    n_participants),
                                                          n_participants);
    /* Translators: the second half of "12 participants from 6 delegations" */
    g_autofree char *delegations_part = g_strdup_printf (ngettext ("from %u delegation", "from %u delegations",
                                                                   n_delegations),
                                                         n_delegations);

    /* Translators: "9 strategies, for 6 of 7 themes": the two halves above */
    strategies_text = g_strdup_printf (_("%s, %s"), strategies_part, themes_part);
    /* Translators: "12 participants from 6 delegations": the two halves above */
    participants_text = g_strdup_printf (_("%s %s"), participants_part, delegations_part);
  }
  /* Translators: "3 of 11 endorsed" */
  endorsements_text = g_strdup_printf (ngettext ("%u of %u endorsed", "%u of %u endorsed",
                                                 n_endorsements), n_endorsed, n_endorsements);

  set_count (self->themes_count, themes_text);
  set_count (self->strategies_count, strategies_text);
  set_count (self->participants_count, participants_text);
  set_count (self->endorsements_count, endorsements_text);
}

/* @text as a sentence: the core's messages follow a place ("themes[3].pillar: no pillar is chosen"). */
static char *
dup_sentence (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char upper[7] = { 0 };

  if (first == 0 || g_unichar_isupper (first))
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_toupper (first), upper);
  return g_strconcat (upper, g_utf8_next_char (text), NULL);
}

/* @problem with its place said as a person would ("Theme 1 “Trata…”: horizon"), not as a path,
 * and its message as a sentence. */
static CsnProblem *
dup_problem_for_people (CsnOverviewPage *self,
                        CsnProblem      *problem)
{
  CsnItem *item = csn_problem_get_item (problem);
  const char *property = csn_problem_get_property_name (problem);
  g_autofree char *place = NULL;
  g_autofree char *message = dup_sentence (csn_problem_get_message (problem));

  if (item == NULL)
    return csn_problem_new (csn_problem_get_severity (problem), "", NULL, property, message);
  place = csn_describe_place (self->draft, item, property);
  return csn_problem_new (csn_problem_get_severity (problem), place, item, property, message);
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
          g_autofree char *place = csn_describe_place (self->draft, theme, "horizon");
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
      place = csn_describe_item (self->draft, theme);
      /* Translators: "No strategy addresses “Labour migration” yet" */
      message = g_strdup_printf (_("No strategy addresses “%s” yet"), title);
      /* "strategies" is not a field of a theme: it asks for the theme's strategies. */
      g_ptr_array_add (open, csn_problem_new (CSN_SEVERITY_WARNING, place, theme, "strategies", message));
    }

  problems = csn_draft_validate (self->draft);
  n_problems = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_ptr_array_add (open, dup_problem_for_people (self, problem));
    }

  g_list_store_splice (self->open_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->open_items)),
                       open->pdata, open->len);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), open->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_open_label), open->len == 0);

  update_counts (self, n_themes, n_decided, n_with_strategy);
}

static void
on_approve_response_cb (CsnOverviewPage  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "csn-status"));

  if (g_strcmp0 (response, "approve") == 0 && self->draft != NULL)
    csn_draft_set_enum (self->draft, get_meeting (self), "status", status);
  else
    sync_meeting (self);
}

/* Approving (or submitting) a document with entries still open is asked, not done in passing. */
static void
ask_before_approving (CsnOverviewPage *self,
                      int              status,
                      guint            n_open)
{
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;

  body = g_strdup_printf (ngettext ("%u entry of “Still Open” is not settled yet. The group can approve the document as it is, or settle it first.",
                                    "%u entries of “Still Open” are not settled yet. The group can approve the document as it is, or settle them first.",
                                    n_open),
                          n_open);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   status == CSN_MEETING_STATUS_SUBMITTED
                                   ? _("Submit With Entries Still Open?")
                                   : _("Approve With Entries Still Open?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep as Draft"),
                                    "approve", status == CSN_MEETING_STATUS_SUBMITTED ? _("_Submit Anyway")
                                                                                      : _("_Approve Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "csn-status", GINT_TO_POINTER (status));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_status_selected_cb (CsnOverviewPage *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  guint n_open;

  if (self->draft == NULL || self->syncing || selected == GTK_INVALID_LIST_POSITION ||
      (int) selected == csn_item_get_enum (get_meeting (self), "status"))
    return;

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      refresh (self);
    }
  n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_items));
  if (selected != CSN_MEETING_STATUS_DRAFT &&
      csn_item_get_enum (get_meeting (self), "status") == CSN_MEETING_STATUS_DRAFT && n_open > 0)
    ask_before_approving (self, (int) selected, n_open);
  else
    commit_enum_row (self, self->status_row, "status");
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
  gtk_widget_class_bind_template_callback (widget_class, is_member_country);
  gtk_widget_class_bind_template_callback (widget_class, dup_item_title);
}

static void
csn_overview_page_init (CsnOverviewPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_calendar_button (self->start_date_row);
  add_calendar_button (self->end_date_row);

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
