/* csn-review-page.c: incoming changes reviewed before one undoable step applies them. */
#define G_LOG_DOMAIN "csn-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-review-group-row.h"
#include "csn-review-page.h"
#include "csn-review-row.h"

struct _CsnReviewPage
{
  AdwBin              parent_instance;

  AdwWindowTitle     *window_title;
  GtkWidget          *cancel_button;
  GtkWidget          *apply_button;
  GtkWidget          *close_button;
  GtkWidget          *toolbar;
  GtkWidget          *note_bar;
  GtkLabel           *note_label;
  GtkLabel           *theirs_caption;
  AdwStatusPage      *empty_status;
  GtkWidget          *action_bar;
  GtkWidget          *group_switch;
  GtkWidget          *by_page_button;
  GtkWidget          *by_country_button;
  GtkWidget          *by_item_button;
  GtkWidget          *only_conflicts_button;
  GtkWidget          *conflict_buttons;
  GtkStack           *stack;
  GtkWidget          *base_caption;
  GtkListView        *list_view;

  CsnDraft           *draft;
  CsnChangeSet       *set;
  CsnReviewGroupings  groupings;
  CsnReviewGrouping   group_by;
  gboolean            only_conflicts;
  gboolean            read_only;      /* two copies compared: nothing to choose or apply */
  gboolean            show_base;      /* some change knows its common ancestor */
  gboolean            applied;
  guint               n_applicable;

  GListStore         *groups;         /* of CsnReviewGroup */
  GtkCustomFilter    *group_filter;
  GtkFilterListModel *visible_groups;
  GtkCustomFilter    *change_filter;  /* shared by every group's list of changes */
  GtkTreeListModel   *tree;
  GHashTable         *bound_rows;     /* the row widgets showing something now */
  guint               refresh_source;
};

G_DEFINE_FINAL_TYPE (CsnReviewPage, csn_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_CHANGE_SET,
  PROP_GROUPINGS,
  PROP_GROUP_BY,
  PROP_ONLY_CONFLICTS,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  APPLIED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_group (gpointer item,
              gpointer user_data)
{
  CsnReviewPage *self = user_data;

  return !self->only_conflicts || csn_review_group_get_n_conflicts (item) > 0;
}

static gboolean
filter_change (gpointer item,
               gpointer user_data)
{
  CsnReviewPage *self = user_data;

  return !self->only_conflicts || csn_change_get_conflict (item);
}

static GListModel *
create_group_children (gpointer item,
                       gpointer user_data)
{
  CsnReviewPage *self = user_data;
  GListModel *changes;

  if (!CSN_IS_REVIEW_GROUP (item))
    return NULL;
  changes = csn_review_group_get_changes (item);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (changes),
                                                  GTK_FILTER (g_object_ref (self->change_filter))));
}

static void
update_stack (CsnReviewPage *self)
{
  gboolean empty = self->set == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->set)) == 0;

  /* Nothing to group or choose from: only the way out. */
  gtk_widget_set_visible (self->toolbar, !empty);
  gtk_widget_set_visible (self->action_bar, !empty && !self->read_only);
  if (empty)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->visible_groups)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-conflicts");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_actions (CsnReviewPage *self)
{
  gboolean open = self->set != NULL && self->draft != NULL && !self->applied && !self->read_only;
  guint n_accepted = self->set != NULL ? csn_change_set_get_n_accepted (self->set) : 0;
  guint n_conflicts = self->set != NULL ? csn_change_set_get_n_conflicts (self->set) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.apply", open && n_accepted > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-all", open && n_accepted < self->n_applicable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject-all", open && n_accepted > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.all-mine", open && n_conflicts > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.all-theirs", open && n_conflicts > 0);
}

static void
update_title (CsnReviewPage *self)
{
  const char *title = NULL;
  g_autofree char *counts = NULL;
  guint n_changes = self->set != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->set)) : 0;

  if (self->set != NULL)
    {
      title = csn_change_set_get_title (self->set);
      if (title == NULL)
        title = csn_change_set_get_label (self->set);
    }
  if (n_changes > 0 && self->read_only)
    counts = csn_review_format_differences (n_changes, csn_change_set_get_n_conflicts (self->set));
  else if (n_changes > 0)
    counts = csn_review_format_counts (n_changes, csn_change_set_get_n_conflicts (self->set),
                                       csn_change_set_get_n_accepted (self->set), self->n_applicable);
  if (title == NULL)
    title = self->read_only ? _("Compare Drafts") : _("Review Changes");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, counts);
}

/* The switch offers only the groupings the caller allows, and only when there is a choice. */
static void
update_group_switch (CsnReviewPage *self)
{
  gtk_widget_set_visible (self->by_page_button, self->groupings & CSN_REVIEW_GROUPINGS_PAGE);
  gtk_widget_set_visible (self->by_country_button, self->groupings & CSN_REVIEW_GROUPINGS_COUNTRY);
  gtk_widget_set_visible (self->by_item_button, self->groupings & CSN_REVIEW_GROUPINGS_ITEM);
  gtk_widget_set_visible (self->group_switch, (self->groupings & (self->groupings - 1)) != 0);
}

/* The conflict controls only where there are conflicts: the answers of delegations have none. */
static void
update_conflict_controls (CsnReviewPage *self)
{
  gboolean has_conflicts = self->set != NULL && csn_change_set_get_n_conflicts (self->set) > 0;

  gtk_widget_set_visible (self->only_conflicts_button, has_conflicts || self->only_conflicts);
  gtk_widget_set_visible (self->conflict_buttons, has_conflicts);
}

/* What the set says of itself as a whole ("these copies share no common ancestor…"). */
static void
update_note (CsnReviewPage *self)
{
  const char *note = self->set != NULL ? csn_change_set_get_note (self->set) : NULL;

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->note_bar, note != NULL && note[0] != '\0');
}

/* A comparison offers a way back and nothing to choose; a review offers Cancel and Apply. */
static void
update_mode (CsnReviewPage *self)
{
  gtk_widget_set_visible (self->cancel_button, !self->read_only);
  gtk_widget_set_visible (self->apply_button, !self->read_only);
  gtk_widget_set_visible (self->close_button, self->read_only);
  gtk_label_set_text (self->theirs_caption,
                      self->read_only
                      /* Translators: heading of the column of what the copy compared with the draft has */
                      ? _("Theirs — the Other Copy")
                      : _("Theirs — Incoming"));
  /* A comparison lists what merging would bring: the draft's own edits are no difference to it. */
  adw_status_page_set_title (self->empty_status, self->read_only ? _("Nothing to Merge") : _("No Changes"));
  adw_status_page_set_description (self->empty_status,
                                   self->read_only
                                   ? _("Merging the other copy would change nothing in the draft")
                                   : _("Everything that came in is in the draft already"));
}

static void
rebuild (CsnReviewPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;

  if (self->set != NULL && self->draft != NULL)
    groups = csn_review_group_build (self->set, self->draft, self->group_by);
  else
    groups = g_ptr_array_new ();
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       groups->pdata, groups->len);
  update_stack (self);
}

static gboolean
refresh_rows_cb (gpointer user_data)
{
  CsnReviewPage *self = user_data;
  GHashTableIter iter;
  gpointer row;

  self->refresh_source = 0;
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      if (CSN_IS_REVIEW_ROW (row))
        csn_review_row_refresh (row);
      else
        csn_review_group_row_refresh (row);
    }
  return G_SOURCE_REMOVE;
}

/* What the draft has now may have changed under the rows shown: they follow once the edit is over. */
static void
on_draft_changed_cb (CsnReviewPage *self,
                     CsnDraft      *draft)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_rows_cb, self);
}

static void
on_set_counts_cb (CsnReviewPage *self,
                  GParamSpec    *pspec,
                  CsnChangeSet  *set)
{
  update_title (self);
  update_actions (self);
}

static void
on_set_note_cb (CsnReviewPage *self,
                GParamSpec    *pspec,
                CsnChangeSet  *set)
{
  update_note (self);
}

static void
count_applicable (CsnReviewPage *self)
{
  guint n_changes = self->set != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->set)) : 0;

  self->n_applicable = 0;
  self->show_base = FALSE;
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (self->set), i);

      if (csn_change_get_applicable (change))
        self->n_applicable++;
      if (csn_change_get_base (change) != NULL)
        self->show_base = TRUE;
    }
  gtk_widget_set_visible (self->base_caption, self->show_base);
}

static void
update_for_set (CsnReviewPage *self)
{
  update_note (self);
  count_applicable (self);
  rebuild (self);
  update_title (self);
  update_actions (self);
  update_conflict_controls (self);
}

static void
on_set_items_changed_cb (CsnReviewPage *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *set)
{
  update_for_set (self);
}

static void
on_factory_setup_cb (CsnReviewPage            *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
on_group_accept_all_cb (CsnReviewPage     *self,
                        gboolean           accepted,
                        CsnReviewGroupRow *row)
{
  CsnReviewGroup *group = csn_review_group_row_get_group (row);

  if (group == NULL || self->applied || self->read_only)
    return;
  /* The counts follow once, after the last change. */
  g_object_freeze_notify (G_OBJECT (self->set));
  csn_review_group_accept_all (group, accepted, self->only_conflicts);
  g_object_thaw_notify (G_OBJECT (self->set));
}

/* A list item shows a group's heading or a change: each kind of row is made once per list item,
 * when first needed, and kept for the next time the item shows that kind. */
static GtkWidget *
ensure_row (CsnReviewPage *self,
            GtkListItem   *list_item,
            GType          type)
{
  const char *key = g_type_name (type);
  GtkWidget *row = g_object_get_data (G_OBJECT (list_item), key);

  if (row == NULL)
    {
      row = g_object_new (type, NULL);
      g_object_set_data_full (G_OBJECT (list_item), key, g_object_ref_sink (row), g_object_unref);
      if (type == CSN_TYPE_REVIEW_GROUP_ROW)
        g_signal_connect_object (row, "accept-all", G_CALLBACK (on_group_accept_all_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (gtk_list_item_get_child (list_item) != row)
    gtk_list_item_set_child (list_item, row);
  return row;
}

static void
on_factory_bind_cb (CsnReviewPage            *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *row;

  if (CSN_IS_REVIEW_GROUP (item))
    {
      row = ensure_row (self, list_item, CSN_TYPE_REVIEW_GROUP_ROW);
      csn_review_group_row_set_read_only (CSN_REVIEW_GROUP_ROW (row), self->read_only);
      csn_review_group_row_bind (CSN_REVIEW_GROUP_ROW (row), tree_row, self->draft);
    }
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (tree_row);
      g_autoptr(GObject) group = parent != NULL ? gtk_tree_list_row_get_item (parent) : NULL;

      row = ensure_row (self, list_item, CSN_TYPE_REVIEW_ROW);
      csn_review_row_set_read_only (CSN_REVIEW_ROW (row), self->read_only);
      csn_review_row_bind (CSN_REVIEW_ROW (row), CSN_CHANGE (item), CSN_REVIEW_GROUP (group), self->draft,
                           self->show_base);
    }
  g_hash_table_add (self->bound_rows, row);
}

static void
on_factory_unbind_cb (CsnReviewPage            *self,
                      GtkListItem              *list_item,
                      GtkSignalListItemFactory *factory)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (CSN_IS_REVIEW_ROW (row))
    csn_review_row_unbind (CSN_REVIEW_ROW (row));
  else if (CSN_IS_REVIEW_GROUP_ROW (row))
    csn_review_group_row_unbind (CSN_REVIEW_GROUP_ROW (row));
  if (row != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CsnReviewPage *self = CSN_REVIEW_PAGE (widget);
  guint n_applied;

  if (self->set == NULL || self->draft == NULL || self->applied || self->read_only)
    return;
  n_applied = csn_change_set_apply (self->set, self->draft);
  self->applied = TRUE;
  update_actions (self);
  g_signal_emit (self, signals[APPLIED], 0, n_applied);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCELLED], 0);
}

/* "Accept All" / "Reject All" act on what the page shows (only the conflicts, when filtered);
 * "All Mine" / "All Theirs" on the conflicts. */
static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsnReviewPage *self = CSN_REVIEW_PAGE (widget);
  gboolean accepted = g_str_equal (action_name, "review.accept-all") ||
                      g_str_equal (action_name, "review.all-theirs");
  gboolean conflicts_only = self->only_conflicts || g_str_equal (action_name, "review.all-mine") ||
                            g_str_equal (action_name, "review.all-theirs");
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  g_autoptr(GPtrArray) frozen = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->set == NULL || self->applied || self->read_only)
    return;
  /* The groups' counts follow once, after the last change. */
  for (guint i = 0; i < n_groups; i++)
    {
      GObject *group = g_list_model_get_object (G_LIST_MODEL (self->groups), i);

      g_object_freeze_notify (group);
      g_ptr_array_add (frozen, group);
    }
  csn_change_set_accept_all (self->set, accepted, conflicts_only, NULL);
  for (guint i = 0; i < frozen->len; i++)
    g_object_thaw_notify (g_ptr_array_index (frozen, i));
}

static void
csn_review_page_dispose (GObject *object)
{
  CsnReviewPage *self = CSN_REVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  csn_review_page_set_change_set (self, NULL);
  csn_review_page_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_REVIEW_PAGE);
  g_clear_object (&self->tree);
  g_clear_object (&self->visible_groups);
  g_clear_object (&self->groups);
  g_clear_object (&self->group_filter);
  g_clear_object (&self->change_filter);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (csn_review_page_parent_class)->dispose (object);
}

static void
csn_review_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsnReviewPage *self = CSN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_CHANGE_SET:
      g_value_set_object (value, self->set);
      break;
    case PROP_GROUPINGS:
      g_value_set_flags (value, self->groupings);
      break;
    case PROP_GROUP_BY:
      g_value_set_enum (value, self->group_by);
      break;
    case PROP_ONLY_CONFLICTS:
      g_value_set_boolean (value, self->only_conflicts);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_review_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsnReviewPage *self = CSN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_review_page_set_draft (self, g_value_get_object (value));
      break;
    case PROP_CHANGE_SET:
      csn_review_page_set_change_set (self, g_value_get_object (value));
      break;
    case PROP_GROUPINGS:
      csn_review_page_set_groupings (self, g_value_get_flags (value));
      break;
    case PROP_GROUP_BY:
      csn_review_page_set_group_by (self, g_value_get_enum (value));
      break;
    case PROP_ONLY_CONFLICTS:
      csn_review_page_set_only_conflicts (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      csn_review_page_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_review_page_class_init (CsnReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_review_page_dispose;
  object_class->get_property = csn_review_page_get_property;
  object_class->set_property = csn_review_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHANGE_SET] =
    g_param_spec_object ("change-set", NULL, NULL, CSN_TYPE_CHANGE_SET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUPINGS] =
    g_param_spec_flags ("groupings", NULL, NULL, CSN_TYPE_REVIEW_GROUPINGS,
                        CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUP_BY] =
    g_param_spec_enum ("group-by", NULL, NULL, CSN_TYPE_REVIEW_GROUPING, CSN_REVIEW_GROUP_BY_PAGE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ONLY_CONFLICTS] =
    g_param_spec_boolean ("only-conflicts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Two copies compared: the differences shown without a choice column, Apply or bulk choices. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The accepted changes were applied, @n_applied of them took effect, as one undoable step. */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The co-chairs left the review (or closed the comparison): nothing changed. */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CSN_TYPE_REVIEW_ROW);
  g_type_ensure (CSN_TYPE_REVIEW_GROUP_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, note_bar);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, theirs_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, group_switch);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, by_page_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, by_country_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, by_item_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, only_conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, conflict_buttons);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, base_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);

  gtk_widget_class_install_action (widget_class, "review.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "review.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "review.reject-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "review.all-mine", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "review.all-theirs", NULL, accept_all_action);
  gtk_widget_class_install_property_action (widget_class, "review.group-by", "group-by");
  gtk_widget_class_install_property_action (widget_class, "review.only-conflicts", "only-conflicts");
}

static void
csn_review_page_init (CsnReviewPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->groupings = CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM;
  self->group_by = CSN_REVIEW_GROUP_BY_PAGE;
  self->bound_rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_list_store_new (CSN_TYPE_REVIEW_GROUP);
  self->group_filter = gtk_custom_filter_new (filter_group, self, NULL);
  self->change_filter = gtk_custom_filter_new (filter_change, self, NULL);
  self->visible_groups = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)),
                                                    g_object_ref (GTK_FILTER (self->group_filter)));
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_groups)), FALSE, TRUE,
                                        create_group_children, self, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_mode (self);
  update_group_switch (self);
  update_conflict_controls (self);
  update_title (self);
  update_stack (self);
  update_actions (self);
}

GtkWidget *
csn_review_page_new (void)
{
  return g_object_new (CSN_TYPE_REVIEW_PAGE, NULL);
}

/**
 * csn_review_page_review:
 *
 * Shows @set for review against @draft, grouped by @group_by; the switch offers @groupings (none
 * when it holds one). Nothing changes @draft until "Apply"; then the page emits "applied".
 */
void
csn_review_page_review (CsnReviewPage      *self,
                        CsnDraft           *draft,
                        CsnChangeSet       *set,
                        CsnReviewGroupings  groupings,
                        CsnReviewGrouping   group_by)
{
  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));
  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (CSN_IS_CHANGE_SET (set));
  g_return_if_fail (groupings & (1 << group_by));

  g_object_freeze_notify (G_OBJECT (self));
  csn_review_page_set_change_set (self, NULL);
  csn_review_page_set_only_conflicts (self, FALSE);
  csn_review_page_set_groupings (self, groupings);
  csn_review_page_set_group_by (self, group_by);
  csn_review_page_set_draft (self, draft);
  csn_review_page_set_change_set (self, set);
  g_object_thaw_notify (G_OBJECT (self));
}

CsnDraft *
csn_review_page_get_draft (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), NULL);
  return self->draft;
}

void
csn_review_page_set_draft (CsnReviewPage *self,
                           CsnDraft      *draft)
{
  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

CsnChangeSet *
csn_review_page_get_change_set (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), NULL);
  return self->set;
}

void
csn_review_page_set_change_set (CsnReviewPage *self,
                                CsnChangeSet  *set)
{
  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));
  g_return_if_fail (set == NULL || CSN_IS_CHANGE_SET (set));

  if (self->set == set)
    return;
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  g_set_object (&self->set, set);
  self->applied = FALSE;
  if (set != NULL)
    {
      g_signal_connect_object (set, "notify::n-accepted", G_CALLBACK (on_set_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "notify::n-conflicts", G_CALLBACK (on_set_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "notify::title", G_CALLBACK (on_set_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "notify::note", G_CALLBACK (on_set_note_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "items-changed", G_CALLBACK (on_set_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_for_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_SET]);
}

CsnReviewGroupings
csn_review_page_get_groupings (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), 0);
  return self->groupings;
}

/* The groupings the switch offers; the current one moves to the first of them if it is not one. */
void
csn_review_page_set_groupings (CsnReviewPage      *self,
                               CsnReviewGroupings  groupings)
{
  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));
  g_return_if_fail (groupings != 0);

  if (self->groupings == groupings)
    return;
  self->groupings = groupings;
  update_group_switch (self);
  if (!(groupings & (1 << self->group_by)))
    {
      for (CsnReviewGrouping g = CSN_REVIEW_GROUP_BY_PAGE; g <= CSN_REVIEW_GROUP_BY_ITEM; g++)
        if (groupings & (1 << g))
          {
            csn_review_page_set_group_by (self, g);
            break;
          }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPINGS]);
}

CsnReviewGrouping
csn_review_page_get_group_by (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), CSN_REVIEW_GROUP_BY_PAGE);
  return self->group_by;
}

void
csn_review_page_set_group_by (CsnReviewPage     *self,
                              CsnReviewGrouping  group_by)
{
  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));
  g_return_if_fail (group_by <= CSN_REVIEW_GROUP_BY_ITEM);

  if (self->group_by == group_by)
    return;
  self->group_by = group_by;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY]);
}

gboolean
csn_review_page_get_only_conflicts (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), FALSE);
  return self->only_conflicts;
}

void
csn_review_page_set_only_conflicts (CsnReviewPage *self,
                                    gboolean       only_conflicts)
{
  GtkFilterChange change;

  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));

  only_conflicts = !!only_conflicts;
  if (self->only_conflicts == only_conflicts)
    return;
  self->only_conflicts = only_conflicts;
  change = only_conflicts ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->change_filter), change);
  gtk_filter_changed (GTK_FILTER (self->group_filter), change);
  update_stack (self);
  update_conflict_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_CONFLICTS]);
}

gboolean
csn_review_page_get_read_only (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), FALSE);
  return self->read_only;
}

/* Read-only: the page compares two copies — the same differences, without choices or Apply; its
 * Close button emits "cancelled". */
void
csn_review_page_set_read_only (CsnReviewPage *self,
                               gboolean       read_only)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (CSN_IS_REVIEW_PAGE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_mode (self);
  update_stack (self);
  update_title (self);
  update_actions (self);
  /* The rows shown now follow at once; the others as they are bound. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      if (CSN_IS_REVIEW_ROW (row))
        csn_review_row_set_read_only (row, read_only);
      else
        csn_review_group_row_set_read_only (row, read_only);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* The rows of the list: GtkTreeListRow items of CsnReviewGroup headings and their CsnChange items. */
GListModel *
csn_review_page_get_rows (CsnReviewPage *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_PAGE (self), NULL);
  return G_LIST_MODEL (self->tree);
}
