/* csn-overview-page.c: the meeting's details, how far the group got, and what is still open. */
#define G_LOG_DOMAIN "csn-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-answers-summary.h"
#include "csn-country.h"
#include "csn-date-row.h"
#include "csn-describe.h"
#include "csn-draft-figures.h"
#include "csn-enums.h"
#include "csn-in-place-editor.h"
#include "csn-label-util.h"
#include "csn-map-list-model.h"
#include "csn-meeting.h"
#include "csn-open-item.h"
#include "csn-open-item-row.h"
#include "csn-overview-page.h"
#include "csn-problem.h"
#include "csn-translation-summary.h"
#include "csn-validation.h"

struct _CsnOverviewPage
{
  AdwBin              parent_instance;

  CsnDraft           *draft;
  GListStore         *open_entries;  /* CsnOpenItem: the core's list, updated in place */
  CsnMapListModel    *open_items;    /* CsnProblem for people, made for the rows shown */
  CsnValidation      *validation;   /* the draft's, followed */
  gboolean            counts_stale;  /* the figures wait until the page is shown */
  gboolean            syncing;

  AdwEntryRow        *title_row;
  AdwEntryRow        *venue_row;
  CsnDateRow         *start_date_row;
  CsnDateRow         *end_date_row;
  AdwComboRow        *presidency_row;
  GtkFilterListModel *member_countries;
  AdwComboRow        *language_row;
  AdwComboRow        *status_row;
  CsnDateRow         *answers_due_row;
  AdwEntryRow        *answers_to_row;
  GtkLabel           *themes_count;
  GtkLabel           *strategies_count;
  GtkLabel           *participants_count;
  GtkLabel           *endorsements_count;
  GtkLabel           *nothing_open_label;
  GtkWidget          *open_scroller;
  GtkListView        *open_list;
};

static void csn_overview_page_in_place_editor_init (CsnInPlaceEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnOverviewPage, csn_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CSN_TYPE_IN_PLACE_EDITOR, csn_overview_page_in_place_editor_init))

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

/* The meeting's property that @row edits, or NULL if @row is none of the page's text rows. */
static const char *
find_row_property (CsnOverviewPage *self,
                   GtkWidget       *row)
{
  if (row == GTK_WIDGET (self->title_row))
    return CSN_MEETING_PROP_TITLE;
  if (row == GTK_WIDGET (self->venue_row))
    return CSN_MEETING_PROP_VENUE;
  if (row == GTK_WIDGET (self->start_date_row))
    return CSN_MEETING_PROP_START_DATE;
  if (row == GTK_WIDGET (self->end_date_row))
    return CSN_MEETING_PROP_END_DATE;
  if (row == GTK_WIDGET (self->answers_due_row))
    return CSN_MEETING_PROP_ANSWERS_DUE;
  if (row == GTK_WIDGET (self->answers_to_row))
    return CSN_MEETING_PROP_ANSWERS_TO;
  return NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Takes @value of the meeting's @property into the draft, as one undoable step. */
static void
commit_value (CsnOverviewPage *self,
              GtkWidget       *row,
              const char      *value)
{
  const char *property = find_row_property (self, row);

  g_assert (property != NULL);
  if (self->draft == NULL || self->syncing)
    return;
  if (g_strcmp0 (csn_item_get_string (get_meeting (self), property), value) != 0)
    csn_draft_set_string (self->draft, get_meeting (self), property, value);
}

static void
on_entry_row_commit_cb (CsnOverviewPage *self,
                        AdwEntryRow     *row)
{
  commit_value (self, GTK_WIDGET (row), gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_row_focus_leave_cb (CsnOverviewPage    *self,
                       GtkEventController *controller)
{
  on_entry_row_commit_cb (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (controller)));
}

/* Takes what the row that @focus is in holds into the draft, as leaving the row does (a date row
 * marks a text that is no date). */
static gboolean
csn_overview_page_commit_edit (CsnInPlaceEditor *editor,
                               GtkWidget        *focus)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (editor);
  GtkWidget *row;

  row = ADW_IS_ENTRY_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  if (row == NULL || find_row_property (self, row) == NULL)
    return FALSE;
  /* A date row that takes its text as a date notifies it, and the date goes into the draft. */
  if (CSN_IS_DATE_ROW (row))
    csn_date_row_commit (CSN_DATE_ROW (row));
  else
    on_entry_row_commit_cb (self, ADW_ENTRY_ROW (row));
  return TRUE;
}

static void
csn_overview_page_in_place_editor_init (CsnInPlaceEditorInterface *iface)
{
  iface->commit_edit = csn_overview_page_commit_edit;
}

/* A date row took a date, typed or chosen on its calendar; what is no date stays in the row. */
static void
on_date_row_changed_cb (CsnOverviewPage *self,
                        GParamSpec      *pspec,
                        CsnDateRow      *row)
{
  commit_value (self, GTK_WIDGET (row), csn_date_row_get_date (row));
}

static gboolean
is_member_country (CsnItem *country)
{
  return country != NULL && csn_country_get_membership (CSN_COUNTRY (country)) == CSN_MEMBERSHIP_MEMBER;
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
  if (g_strcmp0 (csn_meeting_get_pro_tempore_presidency (csn_draft_get_meeting (self->draft)), code) != 0)
    csn_draft_set_string (self->draft, get_meeting (self), CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY, code);
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
  commit_enum_row (self, self->language_row, CSN_MEETING_PROP_LANGUAGE);
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
  set_row_text (self->title_row, csn_meeting_get_title (CSN_MEETING (meeting)));
  set_row_text (self->venue_row, csn_meeting_get_venue (CSN_MEETING (meeting)));
  csn_date_row_set_date (self->start_date_row, csn_meeting_get_start_date (CSN_MEETING (meeting)));
  csn_date_row_set_date (self->end_date_row, csn_meeting_get_end_date (CSN_MEETING (meeting)));
  csn_date_row_set_date (self->answers_due_row, csn_meeting_get_answers_due (CSN_MEETING (meeting)));
  set_row_text (self->answers_to_row, csn_meeting_get_answers_to (CSN_MEETING (meeting)));
  adw_combo_row_set_selected (self->presidency_row,
                              find_member_position (self, csn_meeting_get_pro_tempore_presidency (CSN_MEETING (meeting))));
  adw_combo_row_set_selected (self->language_row, csn_meeting_get_language (CSN_MEETING (meeting)));
  adw_combo_row_set_selected (self->status_row, csn_meeting_get_status (CSN_MEETING (meeting)));
  self->syncing = FALSE;
}

static void
set_count (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text);
}

static void
update_counts (CsnOverviewPage *self)
{
  CsnDraftFigures *figures = csn_validation_get_figures (self->validation);
  guint n_themes = csn_draft_figures_get_n_themes (figures);
  guint n_decided = n_themes - csn_draft_figures_get_themes_by_horizon (figures, CSN_HORIZON_UNDECIDED);
  guint n_strategies = g_list_model_get_n_items (csn_draft_get_collection (self->draft, CSN_COLLECTION_STRATEGIES));
  guint n_with_strategy = csn_draft_figures_get_n_themes_with_strategy (figures);
  guint n_participants = csn_draft_figures_get_n_participants (figures);
  guint n_delegations = csn_draft_figures_get_n_delegations (figures);
  guint n_endorsements = csn_draft_figures_get_n_endorsements (figures);
  guint n_endorsed = csn_draft_figures_get_n_endorsed (figures);
  g_autofree char *themes_text = NULL;
  g_autofree char *strategies_text = NULL;
  g_autofree char *participants_text = NULL;
  g_autofree char *endorsements_text = NULL;
  /* Translators: the first half of "9 strategies, for 6 of 7 themes" */
  g_autofree char *strategies_part = g_strdup_printf (ngettext ("%u strategy", "%u strategies", n_strategies),
                                                      n_strategies);
  /* Translators: the second half of "9 strategies, for 6 of 7 themes" */
  g_autofree char *themes_part = g_strdup_printf (ngettext ("for %u of %u theme", "for %u of %u themes", n_themes),
                                                  n_with_strategy, n_themes);
  /* Translators: the first half of "12 participants from 6 delegations" */
  g_autofree char *participants_part = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                                                  n_participants),
                                                        n_participants);
  /* Translators: the second half of "12 participants from 6 delegations" */
  g_autofree char *delegations_part = g_strdup_printf (ngettext ("from %u delegation", "from %u delegations",
                                                                 n_delegations),
                                                       n_delegations);

  /* Translators: "5 of 7 with a horizon" */
  themes_text = g_strdup_printf (ngettext ("%u of %u with a horizon", "%u of %u with a horizon",
                                           n_themes), n_decided, n_themes);
  /* Translators: "9 strategies, for 6 of 7 themes": the two halves above */
  strategies_text = g_strdup_printf (_("%s, %s"), strategies_part, themes_part);
  /* Translators: "12 participants from 6 delegations": the two halves above */
  participants_text = g_strdup_printf (_("%s %s"), participants_part, delegations_part);
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

/* An open item of the core as the list shows it: its place said as a person would ("Theme 1
 * “Trata…”: horizon"), not as a path, and its message as a sentence. */
static CsnProblem *
dup_problem_for_people (CsnOverviewPage *self,
                        CsnOpenItem     *open)
{
  CsnItem *item = csn_open_item_get_item (open);
  CsnProblem *problem = csn_open_item_get_problem (open);
  const char *property = csn_open_item_get_property_name (open);
  CsnSeverity severity = problem != NULL ? csn_problem_get_severity (problem) : CSN_SEVERITY_WARNING;
  g_autofree char *place = NULL;
  g_autofree char *message = dup_sentence (csn_open_item_get_message (open));

  /* "strategies" is not a field of a theme: it asks for the theme's strategies. */
  if (csn_open_item_get_kind (open) == CSN_OPEN_KIND_STRATEGY)
    property = "strategies";
  if (item == NULL)
    return csn_problem_new (severity, "", NULL, property, message);
  place = csn_describe_place (self->draft, item, property);
  return csn_problem_new (severity, place, item, property, message);
}

static gboolean
open_entry_equal (CsnOpenItem *a,
                  CsnOpenItem *b)
{
  return csn_open_item_get_kind (a) == csn_open_item_get_kind (b) &&
         csn_open_item_get_item (a) == csn_open_item_get_item (b) &&
         g_strcmp0 (csn_open_item_get_property_name (a), csn_open_item_get_property_name (b)) == 0 &&
         g_strcmp0 (csn_open_item_get_place (a), csn_open_item_get_place (b)) == 0 &&
         g_strcmp0 (csn_open_item_get_message (a), csn_open_item_get_message (b)) == 0;
}

/* Replaces the entries by @fresh, keeping the common start and end: the list rebinds only the rows
 * of entries that changed. */
static void
update_open_entries (CsnOverviewPage *self,
                     GListModel      *fresh)
{
  GListModel *model = G_LIST_MODEL (self->open_entries);
  guint old_n = g_list_model_get_n_items (model);
  guint new_n = g_list_model_get_n_items (fresh);
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) added = NULL;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(CsnOpenItem) old = g_list_model_get_item (model, prefix);
      g_autoptr(CsnOpenItem) new = g_list_model_get_item (fresh, prefix);

      if (!open_entry_equal (old, new))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(CsnOpenItem) old = g_list_model_get_item (model, old_n - 1 - suffix);
      g_autoptr(CsnOpenItem) new = g_list_model_get_item (fresh, new_n - 1 - suffix);

      if (!open_entry_equal (old, new))
        break;
      suffix++;
    }
  if (prefix == old_n && prefix == new_n)
    return;

  added = g_ptr_array_new_full (new_n - prefix - suffix, g_object_unref);
  for (guint i = prefix; i < new_n - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (fresh, i));
  g_list_store_splice (self->open_entries, prefix, old_n - prefix - suffix, added->pdata, added->len);
}

static gpointer
map_open_entry (gpointer item,
                gpointer user_data)
{
  g_autoptr(CsnOpenItem) open = item;

  return dup_problem_for_people (CSN_OVERVIEW_PAGE (user_data), open);
}

/* The still-open list is the core's, for the Overview, the agenda's counts, --check and the document alike. */
static void
refresh (CsnOverviewPage *self)
{
  guint n_open;

  if (self->draft == NULL)
    {
      g_list_store_remove_all (self->open_entries);
      return;
    }

  /* The draft's one validation, remade a slice at a time between frames after its edits. */
  update_open_entries (self, csn_validation_get_open_items (self->validation));
  n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_entries));
  gtk_widget_set_visible (self->open_scroller, n_open > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_open_label), n_open == 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_counts (self);
  else
    self->counts_stale = TRUE;
}

static void
on_approve_response_cb (CsnOverviewPage  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "csn-status"));

  if (g_strcmp0 (response, "approve") == 0 && self->draft != NULL)
    csn_draft_set_enum (self->draft, get_meeting (self), CSN_MEETING_PROP_STATUS, status);
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
      (int) selected == (int) csn_meeting_get_status (csn_draft_get_meeting (self->draft)))
    return;

  /* Asked now, not after the next remaking: brings the list up to date at once. */
  csn_validation_update_now (self->validation);
  n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_items));
  if (selected != CSN_MEETING_STATUS_DRAFT &&
      csn_meeting_get_status (csn_draft_get_meeting (self->draft)) == CSN_MEETING_STATUS_DRAFT && n_open > 0)
    ask_before_approving (self, (int) selected, n_open);
  else
    commit_enum_row (self, self->status_row, CSN_MEETING_PROP_STATUS);
}

static void
on_draft_changed_cb (CsnOverviewPage *self,
                     CsnDraft        *draft)
{
  sync_meeting (self);
}

static void
on_validation_changed_cb (CsnOverviewPage *self,
                          CsnValidation   *validation)
{
  refresh (self);
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
on_open_row_setup_cb (CsnOverviewPage    *self,
                      GtkListItem        *list_item,
                      GtkListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, csn_open_item_row_new ());
}

static void
on_open_row_bind_cb (CsnOverviewPage    *self,
                     GtkListItem        *list_item,
                     GtkListItemFactory *factory)
{
  csn_open_item_row_set_problem (CSN_OPEN_ITEM_ROW (gtk_list_item_get_child (list_item)),
                                 gtk_list_item_get_item (list_item));
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
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->open_items);
  g_clear_object (&self->open_entries);

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
csn_overview_page_map (GtkWidget *widget)
{
  CsnOverviewPage *self = CSN_OVERVIEW_PAGE (widget);

  if (self->counts_stale && self->draft != NULL)
    {
      self->counts_stale = FALSE;
      update_counts (self);
    }
  GTK_WIDGET_CLASS (csn_overview_page_parent_class)->map (widget);
}

static void
csn_overview_page_class_init (CsnOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_overview_page_dispose;
  object_class->get_property = csn_overview_page_get_property;
  object_class->set_property = csn_overview_page_set_property;
  widget_class->map = csn_overview_page_map;

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
  g_type_ensure (CSN_TYPE_TRANSLATION_SUMMARY);
  g_type_ensure (CSN_TYPE_DATE_ROW);

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
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, answers_due_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, answers_to_row);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, themes_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, strategies_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, participants_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, endorsements_count);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, nothing_open_label);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, open_scroller);
  gtk_widget_class_bind_template_child (widget_class, CsnOverviewPage, open_list);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_commit_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_presidency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_answers_reveal_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_member_country);
  gtk_widget_class_bind_template_callback (widget_class, dup_item_title);
}

static void
csn_overview_page_init (CsnOverviewPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The rows' titles and subtitles and the groups' descriptions, the summaries' included. */
  csn_widget_bound_wrapping_labels (GTK_WIDGET (self));

  self->open_entries = g_list_store_new (CSN_TYPE_OPEN_ITEM);
  self->open_items = csn_map_list_model_new (g_object_ref (G_LIST_MODEL (self->open_entries)), CSN_TYPE_PROBLEM,
                                             map_open_entry, self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->open_items)));
  gtk_list_view_set_model (self->open_list, GTK_SELECTION_MODEL (selection));
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
  if (self->validation != NULL)
    g_signal_handlers_disconnect_by_data (self->validation, self);

  self->syncing = TRUE;
  g_set_object (&self->draft, draft);
  g_clear_object (&self->validation);
  if (draft != NULL)
    self->validation = g_object_ref (csn_draft_get_validation (draft));
  gtk_filter_list_model_set_model (self->member_countries,
                                   draft != NULL
                                   ? csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES)
                                   : NULL);
  self->syncing = FALSE;

  if (draft != NULL)
    {
      g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->validation, "changed", G_CALLBACK (on_validation_changed_cb), self,
                               G_CONNECT_SWAPPED);
      sync_meeting (self);
    }
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* The "still open" entries: CsnProblem objects that say them for people, refreshed shortly after
 * every change; each made when first asked for. */
GListModel *
csn_overview_page_get_open_items (CsnOverviewPage *self)
{
  g_return_val_if_fail (CSN_IS_OVERVIEW_PAGE (self), NULL);
  return G_LIST_MODEL (self->open_items);
}

/* The same entries as the core gives them (CsnOpenItem), cheaper to count. */
GListModel *
csn_overview_page_get_open_entries (CsnOverviewPage *self)
{
  g_return_val_if_fail (CSN_IS_OVERVIEW_PAGE (self), NULL);
  return G_LIST_MODEL (self->open_entries);
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

  if (g_strcmp0 (property, CSN_MEETING_PROP_VENUE) == 0)
    row = GTK_WIDGET (self->venue_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_START_DATE) == 0)
    row = GTK_WIDGET (self->start_date_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_END_DATE) == 0)
    row = GTK_WIDGET (self->end_date_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY) == 0)
    row = GTK_WIDGET (self->presidency_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_LANGUAGE) == 0)
    row = GTK_WIDGET (self->language_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_STATUS) == 0)
    row = GTK_WIDGET (self->status_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_ANSWERS_DUE) == 0)
    row = GTK_WIDGET (self->answers_due_row);
  else if (g_strcmp0 (property, CSN_MEETING_PROP_ANSWERS_TO) == 0)
    row = GTK_WIDGET (self->answers_to_row);
  gtk_widget_grab_focus (row);
}
