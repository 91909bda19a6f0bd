/* csn-answers-summary.c: on the Overview, which delegations have answered and which items they object to. */
#define G_LOG_DOMAIN "csn-answers-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-answers-summary.h"
#include "csn-country.h"
#include "csn-date-text.h"
#include "csn-describe.h"
#include "csn-label-util.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-stance-util.h"

/* A working group has a handful of items with objections; a huge draft shows the first ones and
 * says how many more there are. */
#define MAX_OBJECTION_ROWS 50

struct _CsnAnswersSummary
{
  AdwPreferencesGroup  parent_instance;

  AdwExpanderRow      *answered_row;
  AdwActionRow        *objections_row;
  GtkLabel            *objections_count;

  CsnDraft            *draft;
  CsnPositionIndex    *index;
  gulong               index_changed_id;
  GPtrArray           *country_rows;    /* AdwActionRow, one per member state, once expanded */
  gboolean             country_rows_stale;
  GPtrArray           *objection_rows;  /* AdwActionRow, after objections_row, one per item shown */
  GtkWidget           *more_row;        /* after them, when more items have objections than rows */
  GListStore          *objections;      /* CsnItem, in the agenda's order */
  guint                n_members;
  guint                n_answered;
  guint                refresh_source;
  gboolean             stale;
};

G_DEFINE_FINAL_TYPE (CsnAnswersSummary, csn_answers_summary, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

enum {
  REVEAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const CsnCollection agenda[] = {
  CSN_COLLECTION_THEMES,
  CSN_COLLECTION_STRATEGIES,
  CSN_COLLECTION_MECHANISMS,
  CSN_COLLECTION_ROLE_PROPOSALS,
};

static void
on_objection_activated_cb (CsnAnswersSummary *self,
                           AdwActionRow      *row)
{
  CsnItem *item = g_object_get_data (G_OBJECT (row), "csn-item");

  if (item != NULL)
    g_signal_emit (self, signals[REVEAL], 0, item, "positions");
}

static void
remove_more_row (CsnAnswersSummary *self)
{
  if (self->more_row == NULL)
    return;
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->more_row);
  self->more_row = NULL;
}

/* Leaves the first @n_rows objection rows. */
static void
trim_objection_rows (CsnAnswersSummary *self,
                     guint              n_rows)
{
  while (self->objection_rows->len > n_rows)
    {
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                    g_ptr_array_index (self->objection_rows, self->objection_rows->len - 1));
      g_ptr_array_set_size (self->objection_rows, self->objection_rows->len - 1);
    }
}

static void
clear_country_rows (CsnAnswersSummary *self)
{
  for (guint i = 0; i < self->country_rows->len; i++)
    adw_expander_row_remove (self->answered_row, g_ptr_array_index (self->country_rows, i));
  g_ptr_array_set_size (self->country_rows, 0);
}

/* The member states' rows, made again only when the member states change. */
static void
ensure_country_rows (CsnAnswersSummary *self,
                     guint              n_members)
{
  if (self->country_rows->len == n_members)
    return;
  clear_country_rows (self);
  for (guint i = 0; i < n_members; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new ();

      gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      g_object_set_data (G_OBJECT (row), "csn-image", image);
      csn_widget_bound_wrapping_labels (row);
      adw_expander_row_add_row (self->answered_row, row);
      g_ptr_array_add (self->country_rows, row);
    }
}

/* A delegation has answered when its workbook came back; positions noted in the meeting are
 * counted apart. */
typedef struct {
  guint       answered;   /* positions from a returned workbook */
  guint       noted;      /* positions noted in the meeting */
  const char *latest;     /* the latest date a workbook's answer was received */
} Answers;

static void
update_country_row (AdwActionRow  *row,
                    CsnCountry    *country,
                    const Answers *answers)
{
  GtkImage *image = g_object_get_data (G_OBJECT (row), "csn-image");
  g_autofree char *name = csn_item_dup_title (CSN_ITEM (country));
  g_autofree char *subtitle = NULL;
  g_autofree char *latest = answers->latest != NULL ? csn_date_text_format (answers->latest) : NULL;
  int shown = answers->answered > 0 ? CSN_STANCE_SUPPORTS : CSN_STANCE_NONE;

  if (answers->answered > 0 && latest != NULL)
    /* Translators: a delegation's answers on the Overview: "Answered on 3 Oct 2011: 37 positions" */
    subtitle = g_strdup_printf (ngettext ("Answered on %s: %u position", "Answered on %s: %u positions",
                                          answers->answered + answers->noted),
                                latest, answers->answered + answers->noted);
  else if (answers->answered > 0)
    subtitle = g_strdup_printf (ngettext ("Answered: %u position", "Answered: %u positions",
                                          answers->answered + answers->noted),
                                answers->answered + answers->noted);
  else if (answers->noted > 0)
    /* Translators: a delegation without a returned workbook: "No answer yet; 3 positions noted in the meeting" */
    subtitle = g_strdup_printf (ngettext ("No answer yet; %u position noted in the meeting",
                                          "No answer yet; %u positions noted in the meeting", answers->noted),
                                answers->noted);
  else
    subtitle = g_strdup (_("No answer yet"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (row, subtitle);
  /* A check for an answer, the quiet ring for none: not by colour alone. */
  gtk_image_set_from_paintable (image, csn_stance_get_icon (shown, 1));
  gtk_widget_remove_css_class (GTK_WIDGET (image), csn_stance_get_css_class (CSN_STANCE_SUPPORTS));
  gtk_widget_remove_css_class (GTK_WIDGET (image), csn_stance_get_css_class (CSN_STANCE_NONE));
  gtk_widget_add_css_class (GTK_WIDGET (image), csn_stance_get_css_class (shown));
}

static char *
dup_objectors (CsnAnswersSummary   *self,
               CsnPosition * const *positions,
               guint                n_members,
               guint               *n_objectors)
{
  GString *names = g_string_new (NULL);

  *n_objectors = 0;
  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *name = NULL;

      if (positions[i] == NULL || csn_position_get_stance (positions[i]) != CSN_STANCE_OBJECTS)
        continue;
      name = csn_item_dup_title (CSN_ITEM (csn_position_index_get_member (self->index, i)));
      if (*n_objectors > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
      (*n_objectors)++;
    }
  return g_string_free (names, FALSE);
}

/* What @row says of @item and who objects to it, and the item it opens. */
static void
update_objection_row (CsnAnswersSummary   *self,
                      AdwActionRow        *row,
                      CsnItem             *item,
                      CsnPosition * const *positions,
                      guint                n_members)
{
  g_autofree char *title = csn_describe_item (self->draft, item);
  g_autofree char *names = NULL;
  g_autofree char *subtitle = NULL;
  guint n_objectors;

  names = dup_objectors (self, positions, n_members, &n_objectors);
  /* Translators: who objects to an item, on the Overview: "México objects", "México, Canadá object" */
  subtitle = g_strdup_printf (ngettext ("%s objects", "%s object", n_objectors), names);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  if (g_object_get_data (G_OBJECT (row), "csn-item") != item)
    g_object_set_data_full (G_OBJECT (row), "csn-item", g_object_ref (item), g_object_unref);
}

/* A row for an item with objections, after the last one: there is no row saying how many more
 * while there is room for another. */
static AdwActionRow *
add_objection_row (CsnAnswersSummary *self)
{
  GtkWidget *row = adw_action_row_new ();

  g_assert (self->more_row == NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), csn_stance_image_new (CSN_STANCE_OBJECTS));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_objection_activated_cb), self, G_CONNECT_SWAPPED);
  csn_widget_bound_wrapping_labels (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->objection_rows, row);
  return ADW_ACTION_ROW (row);
}

/* The last row of a long list: how many items with objections have no row. */
static void
update_more_row (CsnAnswersSummary *self,
                 guint              n_more)
{
  g_autofree char *title = NULL;

  if (n_more == 0)
    {
      remove_more_row (self);
      return;
    }
  if (self->more_row == NULL)
    {
      self->more_row = adw_action_row_new ();
      gtk_widget_add_css_class (self->more_row, "dim-label");
      csn_widget_bound_wrapping_labels (self->more_row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->more_row);
    }
  /* Translators: the last row of a long list of items with objections: "And 120 more" */
  title = g_strdup_printf (ngettext ("And %u more", "And %u more", n_more), n_more);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), title);
}

static void
count_answers (CsnAnswersSummary *self,
               Answers           *answers)
{
  GListModel *positions = csn_draft_get_collection (self->draft, CSN_COLLECTION_POSITIONS);
  guint n_positions = g_list_model_get_n_items (positions);

  for (guint i = 0; i < n_positions; i++)
    {
      g_autoptr(CsnPosition) position = g_list_model_get_item (positions, i);
      int member = csn_position_index_find_member (self->index, csn_position_get_country (position));
      const char *received = csn_position_get_received (position);
      Answers *answer;

      if (member < 0)
        continue;
      answer = &answers[member];
      if (csn_position_get_source (position) != CSN_POSITION_SOURCE_WORKBOOK)
        {
          answer->noted++;
          continue;
        }
      answer->answered++;
      if (received != NULL && received[0] != '\0' && g_strcmp0 (received, answer->latest) > 0)
        answer->latest = received;
    }
}

/* The member states' rows are made and filled only while "Delegations That Have Answered" is
 * expanded: collapsed, as the Overview opens, they cost its first frame ~115 M instructions of the
 * template's 1.8 G (callgrind, issue 16) for nothing shown. */
static void
update_country_rows (CsnAnswersSummary *self,
                     const Answers     *answers)
{
  ensure_country_rows (self, self->n_members);
  for (guint i = 0; i < self->n_members; i++)
    update_country_row (g_ptr_array_index (self->country_rows, i),
                        csn_position_index_get_member (self->index, i), &answers[i]);
  self->country_rows_stale = FALSE;
}

static void
on_answered_expanded_cb (CsnAnswersSummary *self,
                         GParamSpec        *pspec,
                         AdwExpanderRow    *row)
{
  g_autofree Answers *answers = NULL;

  if (!adw_expander_row_get_expanded (row) || !self->country_rows_stale)
    return;
  answers = g_new0 (Answers, MAX (self->n_members, 1));
  if (self->draft != NULL)
    count_answers (self, answers);
  update_country_rows (self, answers);
}

/* Counts in one pass over the positions, and lists the items with objections in the agenda's order. */
void
csn_answers_summary_refresh (CsnAnswersSummary *self)
{
  g_autofree Answers *answers = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *count_text = NULL;
  g_autoptr(GPtrArray) objections = g_ptr_array_new ();
  guint n_members;
  guint n_rows;

  g_return_if_fail (CSN_IS_ANSWERS_SUMMARY (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  n_members = self->index != NULL ? csn_position_index_get_n_members (self->index) : 0;
  self->n_members = n_members;
  answers = g_new0 (Answers, MAX (n_members, 1));
  if (self->draft != NULL)
    count_answers (self, answers);

  self->n_answered = 0;
  for (guint i = 0; i < n_members; i++)
    if (answers[i].answered > 0)
      self->n_answered++;
  if (adw_expander_row_get_expanded (self->answered_row))
    update_country_rows (self, answers);
  else
    self->country_rows_stale = TRUE;
  /* Translators: on the Overview: "3 of 11 member states returned their workbook" */
  answered = g_strdup_printf (ngettext ("%u of %u member state returned its workbook",
                                        "%u of %u member states returned their workbook", n_members),
                              self->n_answered, n_members);
  adw_expander_row_set_subtitle (self->answered_row, answered);

  for (guint c = 0; self->draft != NULL && c < G_N_ELEMENTS (agenda); c++)
    {
      GListModel *items = csn_draft_get_collection (self->draft, agenda[c]);
      guint n_items = g_list_model_get_n_items (items);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (items, i);

          if (csn_position_index_count (self->index, csn_item_get_key (item), CSN_STANCE_OBJECTS) > 0)
            g_ptr_array_add (objections, g_steal_pointer (&item));
        }
    }
  g_list_store_splice (self->objections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->objections)),
                       objections->pdata, objections->len);
  g_ptr_array_set_free_func (objections, g_object_unref);

  count_text = g_strdup_printf ("%u", objections->len);
  gtk_label_set_label (self->objections_count, count_text);
  adw_action_row_set_subtitle (self->objections_row,
                               objections->len == 0 ? _("No member state objects to any item") : NULL);
  /* The rows shown are kept and say the new counts: made again, each refresh restyled and laid out
   * all of them anew. */
  n_rows = MIN (objections->len, MAX_OBJECTION_ROWS);
  trim_objection_rows (self, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      CsnItem *item = g_ptr_array_index (objections, i);
      AdwActionRow *row = i < self->objection_rows->len ? g_ptr_array_index (self->objection_rows, i)
                                                        : add_objection_row (self);

      update_objection_row (self, row, item,
                            csn_position_index_get_positions (self->index, csn_item_get_key (item)), n_members);
    }
  update_more_row (self, objections->len - n_rows);
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  CsnAnswersSummary *self = user_data;

  self->refresh_source = 0;
  csn_answers_summary_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Counting walks every position: only a shown summary counts, once after a burst of edits. */
static void
on_index_changed_cb (CsnAnswersSummary *self,
                     CsnPositionIndex  *index)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_idle_cb, self);
}

static void
csn_answers_summary_map (GtkWidget *widget)
{
  CsnAnswersSummary *self = CSN_ANSWERS_SUMMARY (widget);

  GTK_WIDGET_CLASS (csn_answers_summary_parent_class)->map (widget);
  if (self->stale)
    csn_answers_summary_refresh (self);
}

static void
csn_answers_summary_dispose (GObject *object)
{
  CsnAnswersSummary *self = CSN_ANSWERS_SUMMARY (object);

  csn_answers_summary_set_draft (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_ANSWERS_SUMMARY);

  G_OBJECT_CLASS (csn_answers_summary_parent_class)->dispose (object);
}

static void
csn_answers_summary_finalize (GObject *object)
{
  CsnAnswersSummary *self = CSN_ANSWERS_SUMMARY (object);

  g_clear_pointer (&self->country_rows, g_ptr_array_unref);
  g_clear_pointer (&self->objection_rows, g_ptr_array_unref);
  g_clear_object (&self->objections);

  G_OBJECT_CLASS (csn_answers_summary_parent_class)->finalize (object);
}

static void
csn_answers_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, CSN_ANSWERS_SUMMARY (object)->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_answers_summary_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_answers_summary_set_draft (CSN_ANSWERS_SUMMARY (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_answers_summary_class_init (CsnAnswersSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_answers_summary_dispose;
  object_class->finalize = csn_answers_summary_finalize;
  object_class->get_property = csn_answers_summary_get_property;
  object_class->set_property = csn_answers_summary_set_property;

  widget_class->map = csn_answers_summary_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An item with objections was activated: show @item, at @property ("positions"). */
  signals[REVEAL] = g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CSN_TYPE_ITEM, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-answers-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnAnswersSummary, answered_row);
  gtk_widget_class_bind_template_child (widget_class, CsnAnswersSummary, objections_row);
  gtk_widget_class_bind_template_child (widget_class, CsnAnswersSummary, objections_count);
}

static void
csn_answers_summary_init (CsnAnswersSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->country_rows = g_ptr_array_new ();
  self->objection_rows = g_ptr_array_new ();
  self->objections = g_list_store_new (CSN_TYPE_ITEM);
  g_signal_connect_object (self->answered_row, "notify::expanded", G_CALLBACK (on_answered_expanded_cb),
                           self, G_CONNECT_SWAPPED);
  csn_answers_summary_refresh (self);
}

CsnDraft *
csn_answers_summary_get_draft (CsnAnswersSummary *self)
{
  g_return_val_if_fail (CSN_IS_ANSWERS_SUMMARY (self), NULL);
  return self->draft;
}

void
csn_answers_summary_set_draft (CsnAnswersSummary *self,
                               CsnDraft          *draft)
{
  g_return_if_fail (CSN_IS_ANSWERS_SUMMARY (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->index != NULL)
    g_clear_signal_handler (&self->index_changed_id, self->index);
  g_set_object (&self->draft, draft);
  self->index = draft != NULL ? csn_position_index_get_for_draft (draft) : NULL;
  if (self->index != NULL)
    self->index_changed_id = g_signal_connect_object (self->index, "changed", G_CALLBACK (on_index_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
  csn_answers_summary_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* How many member states have answered: a position of theirs came from a returned workbook. */
guint
csn_answers_summary_get_n_answered (CsnAnswersSummary *self)
{
  g_return_val_if_fail (CSN_IS_ANSWERS_SUMMARY (self), 0);
  return self->n_answered;
}

guint
csn_answers_summary_get_n_members (CsnAnswersSummary *self)
{
  g_return_val_if_fail (CSN_IS_ANSWERS_SUMMARY (self), 0);
  return self->n_members;
}

/* The items some member state objects to, in the agenda's order: CsnItem objects. */
GListModel *
csn_answers_summary_get_objections (CsnAnswersSummary *self)
{
  g_return_val_if_fail (CSN_IS_ANSWERS_SUMMARY (self), NULL);
  return G_LIST_MODEL (self->objections);
}
