/* csn-review-group-row.c: the heading of a group of incoming changes, with its counts and
 * "Accept All" / "Reject All" for the group. */
#define G_LOG_DOMAIN "csn-review-group-row"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-review-group-row.h"
#include "csn-tooltip-util.h"

struct _CsnReviewGroupRow
{
  AdwBin           parent_instance;

  GtkTreeExpander *expander;
  GtkLabel        *title_label;
  GtkLabel        *counts_label;
  GtkButton       *accept_button;
  GtkButton       *reject_button;

  GtkTreeListRow  *row;
  CsnReviewGroup  *group;
  CsnDraft        *draft;
  gboolean         read_only;   /* differences shown, nothing to choose */
};

G_DEFINE_FINAL_TYPE (CsnReviewGroupRow, csn_review_group_row, ADW_TYPE_BIN)

enum {
  ACCEPT_ALL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_counts (CsnReviewGroupRow *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *title = g_strdup (gtk_label_get_text (self->title_label));
  g_autofree char *label = NULL;
  guint n_accepted = csn_review_group_get_n_accepted (self->group);

  if (self->read_only)
    counts = csn_review_format_differences (csn_review_group_get_n_changes (self->group),
                                            csn_review_group_get_n_conflicts (self->group));
  else
    counts = csn_review_format_counts (csn_review_group_get_n_changes (self->group),
                                       csn_review_group_get_n_conflicts (self->group),
                                       n_accepted,
                                       csn_review_group_get_n_applicable (self->group));
  label = g_strdup_printf ("%s, %s", title, counts);
  gtk_label_set_text (self->counts_label, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.accept-all",
                                 !self->read_only && n_accepted < csn_review_group_get_n_applicable (self->group));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.reject-all", !self->read_only && n_accepted > 0);
}

static void
update_expanded (CsnReviewGroupRow *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, gtk_tree_list_row_get_expanded (self->row),
                               -1);
}

/* The buttons say which group they act on to a screen reader: "Accept all from Canadá". */
static void
update_button_labels (CsnReviewGroupRow *self,
                      const char        *title)
{
  g_autofree char *accept = NULL;
  g_autofree char *reject = NULL;

  switch (csn_review_group_get_grouping (self->group))
    {
    case CSN_REVIEW_GROUP_BY_COUNTRY:
      accept = g_strdup_printf (_("Accept all from %s"), title);
      reject = g_strdup_printf (_("Reject all from %s"), title);
      break;
    case CSN_REVIEW_GROUP_BY_ITEM:
      /* Translators: "Accept all changes to Theme 3 “…”" */
      accept = g_strdup_printf (_("Accept all changes to %s"), title);
      reject = g_strdup_printf (_("Reject all changes to %s"), title);
      break;
    case CSN_REVIEW_GROUP_BY_PAGE:
    default:
      /* Translators: "Accept all changes on Theme Matrix" (a page of the window) */
      accept = g_strdup_printf (_("Accept all changes on %s"), title);
      reject = g_strdup_printf (_("Reject all changes on %s"), title);
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accept_button), GTK_ACCESSIBLE_PROPERTY_LABEL, accept, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reject_button), GTK_ACCESSIBLE_PROPERTY_LABEL, reject, -1);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->accept_button), accept);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->reject_button), reject);
}

/* Names the group as the draft is now (an item's number may have changed). */
void
csn_review_group_row_refresh (CsnReviewGroupRow *self)
{
  g_autofree char *title = NULL;

  g_return_if_fail (CSN_IS_REVIEW_GROUP_ROW (self));

  if (self->group == NULL)
    return;
  title = csn_review_group_dup_title (self->group, self->draft);
  gtk_label_set_text (self->title_label, title);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->title_label), title);
  update_button_labels (self, title);
  update_counts (self);
}

static void
on_group_notify_cb (CsnReviewGroupRow *self,
                    GParamSpec        *pspec,
                    CsnReviewGroup    *group)
{
  update_counts (self);
}

static void
on_row_expanded_cb (CsnReviewGroupRow *self,
                    GParamSpec        *pspec,
                    GtkTreeListRow    *row)
{
  update_expanded (self);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsnReviewGroupRow *self = CSN_REVIEW_GROUP_ROW (widget);

  if (self->group != NULL)
    g_signal_emit (self, signals[ACCEPT_ALL], 0, g_str_equal (action_name, "group.accept-all"));
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnReviewGroupRow *self = CSN_REVIEW_GROUP_ROW (widget);

  if (self->row == NULL)
    return;
  if (g_str_equal (action_name, "group.toggle"))
    gtk_tree_list_row_set_expanded (self->row, !gtk_tree_list_row_get_expanded (self->row));
  else
    gtk_tree_list_row_set_expanded (self->row, g_str_equal (action_name, "group.expand"));
}

static void
csn_review_group_row_dispose (GObject *object)
{
  CsnReviewGroupRow *self = CSN_REVIEW_GROUP_ROW (object);

  csn_review_group_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_REVIEW_GROUP_ROW);

  G_OBJECT_CLASS (csn_review_group_row_parent_class)->dispose (object);
}

static void
csn_review_group_row_class_init (CsnReviewGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint toggle_keys[] = { GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_Return, GDK_KEY_KP_Enter,
                                GDK_KEY_ISO_Enter };

  object_class->dispose = csn_review_group_row_dispose;

  /* "Accept All" (@accepted TRUE) or "Reject All" for the group: the page knows which of its changes
   * are shown. */
  signals[ACCEPT_ALL] = g_signal_new ("accept-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-review-group-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnReviewGroupRow, expander);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewGroupRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewGroupRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewGroupRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewGroupRow, reject_button);

  gtk_widget_class_install_action (widget_class, "group.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "group.reject-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "group.toggle", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "group.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "group.collapse", NULL, expand_action);

  /* The keys of a tree: Enter or Space folds or unfolds, + and → unfold, − and ← fold. */
  for (guint i = 0; i < G_N_ELEMENTS (toggle_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, toggle_keys[i], 0, "group.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "group.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "group.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "group.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "group.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "group.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "group.collapse", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
}

static void
csn_review_group_row_init (CsnReviewGroupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_review_group_row_new (void)
{
  return g_object_new (CSN_TYPE_REVIEW_GROUP_ROW, NULL);
}

/* Shows the group of @row (a GtkTreeListRow of the page's tree), following its counts until unbound. */
void
csn_review_group_row_bind (CsnReviewGroupRow *self,
                           GtkTreeListRow    *row,
                           CsnDraft          *draft)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (CSN_IS_REVIEW_GROUP_ROW (self));
  g_return_if_fail (GTK_IS_TREE_LIST_ROW (row));
  g_return_if_fail (CSN_IS_DRAFT (draft));

  item = gtk_tree_list_row_get_item (row);
  g_return_if_fail (CSN_IS_REVIEW_GROUP (item));

  csn_review_group_row_unbind (self);
  self->row = g_object_ref (row);
  self->group = CSN_REVIEW_GROUP (g_steal_pointer (&item));
  self->draft = g_object_ref (draft);
  gtk_tree_expander_set_list_row (self->expander, row);
  g_signal_connect_object (self->group, "notify", G_CALLBACK (on_group_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self, G_CONNECT_SWAPPED);
  csn_review_group_row_refresh (self);
  update_expanded (self);
}

void
csn_review_group_row_unbind (CsnReviewGroupRow *self)
{
  g_return_if_fail (CSN_IS_REVIEW_GROUP_ROW (self));

  if (self->group != NULL)
    g_signal_handlers_disconnect_by_data (self->group, self);
  if (self->row != NULL)
    g_signal_handlers_disconnect_by_data (self->row, self);
  if (self->expander != NULL)
    gtk_tree_expander_set_list_row (self->expander, NULL);
  g_clear_object (&self->row);
  g_clear_object (&self->group);
  g_clear_object (&self->draft);
}

/* Read-only: the heading counts the differences and offers no choice for the group. */
void
csn_review_group_row_set_read_only (CsnReviewGroupRow *self,
                                    gboolean           read_only)
{
  g_return_if_fail (CSN_IS_REVIEW_GROUP_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->accept_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->reject_button), !read_only);
  if (self->group != NULL)
    update_counts (self);
}

CsnReviewGroup *
csn_review_group_row_get_group (CsnReviewGroupRow *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_GROUP_ROW (self), NULL);
  return self->group;
}
