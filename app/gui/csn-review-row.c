/* csn-review-row.c: one incoming change on the review page, with the co-chairs' choice. */
#define G_LOG_DOMAIN "csn-review-row"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-text.h"
#include "csn-describe.h"
#include "csn-position.h"
#include "csn-review-row.h"
#include "csn-text-diff.h"
#include "csn-tooltip-util.h"

/* Longer texts may not fit their pane: the full text goes in the tooltip. */
#define TOOLTIP_FROM_LENGTH 60

struct _CsnReviewRow
{
  AdwBin           parent_instance;

  GtkImage        *kind_icon;
  GtkLabel        *place_label;
  GtkLabel        *kind_label;
  GtkWidget       *conflict_badge;
  GtkStack        *choice_stack;
  GtkToggleButton *mine_button;
  GtkToggleButton *theirs_button;
  GtkLabel        *base_label;
  GtkLabel        *mine_label;
  GtkLabel        *theirs_label;
  GtkLabel        *meta_label;
  GtkWidget       *note_box;
  GtkLabel        *note_label;

  CsnChange       *change;
  CsnReviewGroup  *group;
  CsnDraft        *draft;
  char            *place;       /* the change's place in full, for tooltips and screen readers */
  gboolean         show_base;
  gboolean         read_only;   /* differences shown, nothing to choose */
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (CsnReviewRow, csn_review_row, ADW_TYPE_BIN)

static const char *
get_kind_icon_name (CsnChangeKind kind)
{
  switch (kind)
    {
    case CSN_CHANGE_ADD_ITEM:
    case CSN_CHANGE_ADD_TO_SET:
      return "list-add-symbolic";
    case CSN_CHANGE_REMOVE_ITEM:
    case CSN_CHANGE_REMOVE_FROM_SET:
      return "list-remove-symbolic";
    case CSN_CHANGE_SET_FIELD:
    default:
      return "document-edit-symbolic";
    }
}

static const char *
get_kind_text (CsnChangeKind kind)
{
  switch (kind)
    {
    case CSN_CHANGE_ADD_ITEM:
      /* Translators: the kind of an incoming change: a new item */
      return C_("change", "Added");
    case CSN_CHANGE_REMOVE_ITEM:
      return C_("change", "Removed");
    case CSN_CHANGE_ADD_TO_SET:
      /* Translators: the kind of an incoming change: a country or actor joins a list (raised by,
       * support, supported by) */
      return C_("change", "Joined");
    case CSN_CHANGE_REMOVE_FROM_SET:
      /* Translators: the kind of an incoming change: a country or actor leaves a list */
      return C_("change", "Left");
    case CSN_CHANGE_SET_FIELD:
    default:
      /* Translators: the kind of an incoming change: a field takes another value */
      return C_("change", "Changed");
    }
}

/* Shows @text in a pane, or @placeholder (dimmed, in italics) when there is nothing to show. */
static void
set_pane_text (GtkLabel   *label,
               const char *text,
               const char *placeholder)
{
  gboolean empty = text == NULL || text[0] == '\0';
  gboolean long_text = !empty && (g_utf8_strlen (text, -1) > TOOLTIP_FROM_LENGTH || strchr (text, '\n') != NULL);

  gtk_label_set_text (label, empty ? placeholder : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "csn-review-placeholder");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "csn-review-placeholder");
  csn_widget_set_tooltip_lazily (GTK_WIDGET (label), long_text ? text : NULL);
}

/* A position has no title of its own: what it says is its stance and comment. */
static char *
dup_position_text (CsnReviewRow *self)
{
  CsnItem *position = csn_change_get_item (self->change);
  g_autofree char *stance = csn_describe_current_value (self->draft, position, "stance");
  const char *comment = csn_item_get_string (position, "comment");

  if (comment == NULL || comment[0] == '\0')
    return g_steal_pointer (&stance);
  /* Translators: a delegation's position and its comment: "Objects: “The guidelines duplicate…”" */
  return g_strdup_printf (_("%s: “%s”"), stance, comment);
}

static gboolean
is_date_change (CsnReviewRow *self)
{
  CsnItem *item = csn_change_get_item (self->change);
  const char *property = csn_change_get_property_name (self->change);
  const CsnField *field;

  if (item == NULL || property == NULL || csn_change_get_kind (self->change) != CSN_CHANGE_SET_FIELD)
    return FALSE;
  field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  return field != NULL && field->kind == CSN_FIELD_DATE;
}

/* The core says a date as the draft keeps it (YYYY-MM-DD); the review page, as the rest of the
 * window does, in the user's locale. */
static char *
localize_date (CsnReviewRow *self,
               char         *text)
{
  char *formatted;

  if (text == NULL || !is_date_change (self))
    return text;
  formatted = csn_date_text_format (text);
  g_free (text);
  return formatted;
}

static gboolean
is_position_in_or_out (CsnReviewRow *self)
{
  CsnChangeKind kind = csn_change_get_kind (self->change);

  return (kind == CSN_CHANGE_ADD_ITEM || kind == CSN_CHANGE_REMOVE_ITEM) &&
         CSN_IS_POSITION (csn_change_get_item (self->change));
}

static char *
dup_current_text (CsnReviewRow *self)
{
  if (is_position_in_or_out (self) && csn_change_get_kind (self->change) == CSN_CHANGE_REMOVE_ITEM)
    return dup_position_text (self);
  return csn_change_dup_current_text (self->change, self->draft);
}

static char *
dup_incoming_text (CsnReviewRow *self)
{
  g_autofree char *text = NULL;

  if (is_position_in_or_out (self))
    return csn_change_get_kind (self->change) == CSN_CHANGE_ADD_ITEM ? dup_position_text (self) : g_strdup ("");

  text = csn_change_dup_incoming_text (self->change, self->draft);
  switch (csn_change_get_kind (self->change))
    {
    case CSN_CHANGE_ADD_TO_SET:
      /* Translators: the incoming side of a change that adds a country or actor to a list */
      return g_strdup_printf (_("+ %s"), text);
    case CSN_CHANGE_REMOVE_FROM_SET:
      /* Translators: the incoming side of a change that takes a country or actor off a list */
      return g_strdup_printf (_("− %s"), text);
    default:
      return g_steal_pointer (&text);
    }
}

static const char *
get_choice_text (CsnReviewRow *self)
{
  if (!csn_change_get_applicable (self->change))
    return _("Cannot be applied");
  if (csn_change_get_conflict (self->change))
    return csn_change_get_accepted (self->change) ? _("Taking theirs") : _("Keeping mine");
  /* Translators: the choice on a change, said by a screen reader */
  return csn_change_get_accepted (self->change) ? C_("choice", "Accepted") : C_("choice", "Rejected");
}

/* The chosen side is framed, the side given up struck through: the choice shows without colour. */
static void
update_choice (CsnReviewRow *self)
{
  gboolean applicable = csn_change_get_applicable (self->change);
  gboolean accepted = csn_change_get_accepted (self->change);
  g_autofree char *label = NULL;

  self->syncing = TRUE;
  if (accepted)
    gtk_toggle_button_set_active (self->theirs_button, TRUE);
  else
    gtk_toggle_button_set_active (self->mine_button, TRUE);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->choice_stack), !self->read_only);
  gtk_stack_set_visible_child_name (self->choice_stack, applicable ? "choice" : "none");
  if (self->read_only)
    {
      /* A comparison keeps neither side: both read plainly. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->theirs_label), "chosen");
      gtk_widget_remove_css_class (GTK_WIDGET (self->theirs_label), "dropped");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mine_label), "chosen");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mine_label), "dropped");
    }
  else if (applicable && accepted)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->theirs_label), "chosen");
      gtk_widget_remove_css_class (GTK_WIDGET (self->theirs_label), "dropped");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mine_label), "chosen");
      gtk_widget_add_css_class (GTK_WIDGET (self->mine_label), "dropped");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->theirs_label), "chosen");
      gtk_widget_add_css_class (GTK_WIDGET (self->theirs_label), "dropped");
      if (applicable)
        gtk_widget_add_css_class (GTK_WIDGET (self->mine_label), "chosen");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->mine_label), "chosen");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mine_label), "dropped");
    }

  /* Translators: what a screen reader says of a row of the review page: "Theme 3 “…”: horizon.
   * Changed, conflict. Mine: Undecided. Theirs: Medium term. Keeping mine." */
  if (self->read_only)
    /* Translators: what a screen reader says of a row when two copies are compared: "Theme 3 “…”:
     * horizon. Changed, conflict. Mine: Undecided. Theirs: Medium term." */
    label = g_strdup_printf (_("%s. %s%s. Mine: %s. Theirs: %s."), self->place,
                             get_kind_text (csn_change_get_kind (self->change)),
                             csn_change_get_conflict (self->change) ? _(", conflict") : "",
                             gtk_label_get_text (self->mine_label), gtk_label_get_text (self->theirs_label));
  else
    label = g_strdup_printf (_("%s. %s%s. Mine: %s. Theirs: %s. %s."), self->place,
                             get_kind_text (csn_change_get_kind (self->change)),
                             csn_change_get_conflict (self->change) ? _(", conflict") : "",
                             gtk_label_get_text (self->mine_label), gtk_label_get_text (self->theirs_label),
                             get_choice_text (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mine_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->place,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theirs_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->place,
                                  -1);
}

static void
update_meta (CsnReviewRow *self)
{
  const char *origin = csn_change_get_origin (self->change);
  const char *country = csn_change_get_country (self->change);
  const char *note = csn_change_get_note (self->change);
  g_autoptr(GString) meta = g_string_new (NULL);

  if (origin != NULL && origin[0] != '\0')
    /* Translators: who made an incoming change: "From ST", "From canada.xlsx" */
    g_string_append_printf (meta, _("From %s"), origin);
  /* Under its country's heading, a change does not name the country again. */
  if (country != NULL &&
      (self->group == NULL || csn_review_group_get_grouping (self->group) != CSN_REVIEW_GROUP_BY_COUNTRY))
    {
      g_autofree char *name = csn_draft_dup_ref_title (self->draft, CSN_COLLECTION_COUNTRIES, country);

      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, name);
    }
  gtk_label_set_text (self->meta_label, meta->str);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->meta_label), meta->str);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta->len > 0);

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->note_box, note != NULL && note[0] != '\0');
}

/* In texts changed on either side, the words each side changed stand out: against the common ancestor
 * when it is known, otherwise mine against theirs. */
static void
update_word_marks (CsnReviewRow *self,
                   const char   *base,
                   const char   *mine,
                   const char   *theirs)
{
  g_autoptr(PangoAttrList) mine_attrs = NULL;
  g_autoptr(PangoAttrList) theirs_attrs = NULL;
  g_autoptr(PangoAttrList) base_attrs = NULL;
  CsnItem *item = csn_change_get_item (self->change);
  const CsnField *field = NULL;

  if (csn_change_get_kind (self->change) == CSN_CHANGE_SET_FIELD)
    field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), csn_change_get_property_name (self->change));
  if (field != NULL && (field->kind == CSN_FIELD_TEXT || field->kind == CSN_FIELD_LOCALIZED) &&
      mine != NULL && mine[0] != '\0' && theirs != NULL && theirs[0] != '\0')
    {
      if (base != NULL && base[0] != '\0')
        {
          if (csn_text_diff_words (base, mine, &base_attrs, &mine_attrs))
            g_clear_pointer (&base_attrs, pango_attr_list_unref);
          csn_text_diff_words (base, theirs, &base_attrs, &theirs_attrs);
        }
      else
        csn_text_diff_words (mine, theirs, &mine_attrs, &theirs_attrs);
    }
  gtk_label_set_attributes (self->mine_label, mine_attrs);
  gtk_label_set_attributes (self->theirs_label, theirs_attrs);
}

/* Under the heading of its item, a change names only its field: "Horizon", not "Theme 1 “…”: horizon". */
static char *
dup_place (CsnReviewRow *self)
{
  g_autofree char *place = csn_change_dup_place (self->change, self->draft);
  g_autofree char *heading = NULL;
  gsize length;

  if (self->group == NULL || csn_review_group_get_grouping (self->group) != CSN_REVIEW_GROUP_BY_ITEM)
    return g_steal_pointer (&place);
  heading = csn_review_group_dup_title (self->group, self->draft);
  length = strlen (heading);
  if (!g_str_has_prefix (place, heading) || !g_str_has_prefix (place + length, ": ") || place[length + 2] == '\0')
    return g_steal_pointer (&place);
  {
    const char *field = place + length + 2;
    g_autofree char *first = g_utf8_strup (field, g_utf8_next_char (field) - field);

    return g_strconcat (first, g_utf8_next_char (field), NULL);
  }
}

/* Describes the change against the draft as it is now. */
void
csn_review_row_refresh (CsnReviewRow *self)
{
  CsnChangeKind kind;
  gboolean conflict;
  g_autofree char *place = NULL;
  g_autofree char *base = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_return_if_fail (CSN_IS_REVIEW_ROW (self));

  if (self->change == NULL || self->draft == NULL)
    return;

  kind = csn_change_get_kind (self->change);
  conflict = csn_change_get_conflict (self->change);
  place = dup_place (self);
  base = localize_date (self, csn_change_dup_base_text (self->change, self->draft));
  mine = localize_date (self, dup_current_text (self));
  theirs = localize_date (self, dup_incoming_text (self));

  g_free (self->place);
  self->place = csn_change_dup_place (self->change, self->draft);
  gtk_label_set_text (self->place_label, place);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->place_label), self->place);
  gtk_image_set_from_icon_name (self->kind_icon, get_kind_icon_name (kind));
  gtk_label_set_text (self->kind_label, get_kind_text (kind));
  gtk_widget_set_visible (self->conflict_badge, conflict);
  if (conflict)
    gtk_widget_add_css_class (GTK_WIDGET (self), "conflict");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "conflict");
  if (csn_change_get_applicable (self->change))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "not-applicable");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "not-applicable");

  gtk_button_set_label (GTK_BUTTON (self->mine_button), conflict ? _("Keep Mine") : _("Reject"));
  gtk_button_set_label (GTK_BUTTON (self->theirs_button), conflict ? _("Take Theirs") : _("Accept"));

  gtk_widget_set_visible (GTK_WIDGET (self->base_label), self->show_base);
  if (csn_change_get_base (self->change) != NULL)
    set_pane_text (self->base_label, base, C_("value", "Empty"));
  else
    {
      set_pane_text (self->base_label, NULL, "—");
      csn_widget_set_tooltip_lazily (GTK_WIDGET (self->base_label), _("The common ancestor is not known"));
    }
  if (kind == CSN_CHANGE_ADD_ITEM)
    set_pane_text (self->mine_label, mine, _("Not in the draft"));
  else if (kind == CSN_CHANGE_ADD_TO_SET || kind == CSN_CHANGE_REMOVE_FROM_SET)
    /* Translators: an empty list of countries or actors */
    set_pane_text (self->mine_label, mine, C_("list", "None"));
  else
    set_pane_text (self->mine_label, mine, C_("value", "Empty"));
  set_pane_text (self->theirs_label, theirs,
                 kind == CSN_CHANGE_REMOVE_ITEM ? C_("value", "Removed") : C_("value", "Empty"));

  update_word_marks (self, base, mine, theirs);
  update_meta (self);
  update_choice (self);
}

static void
on_change_notify_cb (CsnReviewRow *self,
                     GParamSpec   *pspec,
                     CsnChange    *change)
{
  csn_review_row_refresh (self);
}

static void
on_change_accepted_cb (CsnReviewRow *self,
                       GParamSpec   *pspec,
                       CsnChange    *change)
{
  update_choice (self);
}

static void
on_choice_toggled_cb (CsnReviewRow    *self,
                      GtkToggleButton *button)
{
  if (self->syncing || self->change == NULL || !gtk_toggle_button_get_active (button))
    return;
  csn_change_set_accepted (self->change, button == self->theirs_button);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnReviewRow *self = CSN_REVIEW_ROW (widget);

  if (self->change != NULL && !self->read_only && csn_change_get_applicable (self->change))
    csn_change_set_accepted (self->change, !csn_change_get_accepted (self->change));
}

static void
csn_review_row_dispose (GObject *object)
{
  CsnReviewRow *self = CSN_REVIEW_ROW (object);

  csn_review_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_REVIEW_ROW);

  G_OBJECT_CLASS (csn_review_row_parent_class)->dispose (object);
}

static void
csn_review_row_class_init (CsnReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint toggle_keys[] = { GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_Return, GDK_KEY_KP_Enter,
                                GDK_KEY_ISO_Enter };

  object_class->dispose = csn_review_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, conflict_badge);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, choice_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, mine_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, base_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, mine_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, note_box);
  gtk_widget_class_bind_template_child (widget_class, CsnReviewRow, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled_cb);

  /* Enter or Space on the focused row switches between mine and theirs, or accept and reject. */
  gtk_widget_class_install_action (widget_class, "row.toggle", NULL, toggle_action);
  for (guint i = 0; i < G_N_ELEMENTS (toggle_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, toggle_keys[i], 0, "row.toggle", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
csn_review_row_init (CsnReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_review_row_new (void)
{
  return g_object_new (CSN_TYPE_REVIEW_ROW, NULL);
}

/* Shows @change (listed under @group, if not NULL) as it stands against @draft, following its choice
 * until unbound; @show_base: the set has common ancestors to show. */
void
csn_review_row_bind (CsnReviewRow   *self,
                     CsnChange      *change,
                     CsnReviewGroup *group,
                     CsnDraft       *draft,
                     gboolean        show_base)
{
  g_return_if_fail (CSN_IS_REVIEW_ROW (self));
  g_return_if_fail (CSN_IS_CHANGE (change));
  g_return_if_fail (group == NULL || CSN_IS_REVIEW_GROUP (group));
  g_return_if_fail (CSN_IS_DRAFT (draft));

  csn_review_row_unbind (self);
  self->change = g_object_ref (change);
  self->group = group != NULL ? g_object_ref (group) : NULL;
  self->draft = g_object_ref (draft);
  self->show_base = show_base;
  g_signal_connect_object (change, "notify::accepted", G_CALLBACK (on_change_accepted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (change, "notify::applicable", G_CALLBACK (on_change_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (change, "notify::conflict", G_CALLBACK (on_change_notify_cb), self,
                           G_CONNECT_SWAPPED);
  csn_review_row_refresh (self);
}

void
csn_review_row_unbind (CsnReviewRow *self)
{
  g_return_if_fail (CSN_IS_REVIEW_ROW (self));

  if (self->change != NULL)
    g_signal_handlers_disconnect_by_data (self->change, self);
  g_clear_object (&self->change);
  g_clear_object (&self->group);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->place, g_free);
}

/* Read-only: the row shows the difference without a choice (two copies compared, nothing merged). */
void
csn_review_row_set_read_only (CsnReviewRow *self,
                              gboolean      read_only)
{
  g_return_if_fail (CSN_IS_REVIEW_ROW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.toggle", !read_only);
  if (self->change != NULL)
    update_choice (self);
}

CsnChange *
csn_review_row_get_change (CsnReviewRow *self)
{
  g_return_val_if_fail (CSN_IS_REVIEW_ROW (self), NULL);
  return self->change;
}
