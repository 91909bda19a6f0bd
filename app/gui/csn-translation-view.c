/* csn-translation-view.c: translation mode: a page's texts with the source and its translation side
 * by side, All / Untranslated / Outdated, and an editor below for the selected text. */
#define G_LOG_DOMAIN "csn-translation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-column-view-util.h"
#include "csn-describe.h"
#include "csn-history.h"
#include "csn-in-place-editor.h"
#include "csn-meeting.h"
#include "csn-row-grower.h"
#include "csn-stack-util.h"
#include "csn-texts.h"
#include "csn-tooltip-util.h"
#include "csn-translation-view.h"

struct _CsnTranslationView
{
  GtkWidget           parent_instance;

  GtkToggleButton    *all_button;
  GtkLabel           *summary_label;
  GtkPaned           *paned;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *place_column;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *translation_column;
  GtkColumnViewColumn *state_column;
  AdwStatusPage      *empty_page;
  GtkWidget          *editor;
  GtkLabel           *place_label;
  GtkLabel           *state_label;
  GtkWidget          *accept_button;
  GtkLabel           *source_title;
  GtkTextView        *source_text;
  GtkLabel           *translation_title;
  GtkTextView        *translation_text;

  CsnDraft           *draft;
  char               *page;
  char               *filter_name;
  CsnLanguage         source_language;
  GListStore         *units;            /* CsnTranslationUnit: the page's texts that have a source */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  CsnRowGrower       *grower;           /* gives the list the filtered texts over frames when listed anew */
  GtkSingleSelection *selection;
  CsnTranslationUnit *pinned;           /* the selected text stays in the list until another is chosen */
  CsnTranslationUnit *editing;          /* the text in the editor */
  gulong              editing_notify_id;
  char               *loaded;           /* the translation as the editor last loaded or kept it */
  guint               refresh_source;
  guint               refilter_source;
  gboolean            stale;
  gboolean            relist;           /* the listing itself may have changed since the last refresh */
  GHashTable         *changed;          /* GObject: what the edits since the last refresh changed */
  GHashTable         *units_by_item;    /* CsnItem → GPtrArray of its CsnTranslationUnit in units;
                                         * made when an edit first needs it after a count */
  gboolean            can_accept;
  guint               n_missing;        /* on the page */
  guint               n_outdated;
};

static void csn_translation_view_in_place_editor_init (CsnInPlaceEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnTranslationView, csn_translation_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CSN_TYPE_IN_PLACE_EDITOR, csn_translation_view_in_place_editor_init))

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_PAGE,
  PROP_FILTER,
  PROP_CAN_ACCEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  COLUMN_PLACE,
  COLUMN_SOURCE,
  COLUMN_TRANSLATION,
  COLUMN_STATE,
} Column;

static void load_editor (CsnTranslationView *self);

static CsnLanguage
get_target_language (CsnTranslationView *self)
{
  return csn_language_get_other (self->source_language);
}

static gboolean
state_needs_work (CsnTranslationState state)
{
  return state == CSN_TRANSLATION_MISSING || state == CSN_TRANSLATION_OUTDATED;
}

static const char *
get_state_label (CsnTranslationState state)
{
  switch (state)
    {
    case CSN_TRANSLATION_MISSING:
      return C_("translation state", "Untranslated");
    case CSN_TRANSLATION_OUTDATED:
      return C_("translation state", "Outdated");
    case CSN_TRANSLATION_CURRENT:
      return C_("translation state", "Translated");
    case CSN_TRANSLATION_NOT_NEEDED:
    default:
      return C_("translation state", "Empty");
    }
}

static const char * const state_classes[] = { "dim-label", "error", "warning", "success" };

/* Not by colour alone: the state is said in words, the colour helps to scan the list. */
static void
show_state (GtkLabel            *label,
            CsnTranslationState  state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), state_classes[state]);
  gtk_label_set_text (label, get_state_label (state));
}

/* "Theme 3 “Trata de personas…”" and "Description": where the text is. */
static char *
dup_item_place (CsnTranslationView *self,
                CsnTranslationUnit *unit)
{
  CsnItem *item = csn_translation_unit_get_item (unit);

  /* A reservation or a position says what it is on; numbered items are numbered from the list. */
  if (csn_translation_unit_get_parent (unit) != NULL || csn_collection_for_item (item) == CSN_COLLECTION_POSITIONS)
    return csn_describe_item (self->draft, item);
  return csn_describe_item_at (self->draft, item, csn_translation_unit_get_position (unit));
}

static char *
dup_field_label (CsnTranslationUnit *unit)
{
  const char *label = _(csn_translation_unit_get_field (unit)->label);
  g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);

  return g_strconcat (first, g_utf8_next_char (label), NULL);
}

/* Cells */

static void
render_cell (CsnTranslationView *self,
             GtkListItem        *list_item)
{
  CsnTranslationUnit *unit = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "csn-column"));

  if (unit == NULL || self->draft == NULL)
    return;

  switch (column)
    {
    case COLUMN_PLACE:
      {
        g_autofree char *place = dup_item_place (self, unit);
        g_autofree char *field = dup_field_label (unit);
        /* The field first: the item's name may take the second line and end in "…". */
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", field, place);

        gtk_inscription_set_markup (GTK_INSCRIPTION (child), markup);
      }
      break;
    case COLUMN_SOURCE:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), csn_translation_unit_get_source (unit));
      break;
    case COLUMN_TRANSLATION:
      gtk_inscription_set_text (GTK_INSCRIPTION (child),
                                csn_item_get_translation (csn_translation_unit_get_item (unit),
                                                          csn_translation_unit_get_field (unit),
                                                          get_target_language (self), NULL));
      break;
    case COLUMN_STATE:
    default:
      show_state (GTK_LABEL (child), csn_translation_unit_get_state (unit, get_target_language (self)));
      break;
    }
}

static void
on_cell_item_notify_cb (GtkListItem *list_item,
                        GParamSpec  *pspec,
                        CsnItem     *item)
{
  CsnTranslationView *self = g_object_get_data (G_OBJECT (list_item), "csn-view");

  render_cell (self, list_item);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CsnTranslationView       *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "csn-column"));
  GtkWidget *child;

  if (column == COLUMN_STATE)
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_widget_add_css_class (child, "caption-heading");
    }
  else
    {
      child = gtk_inscription_new (NULL);
      /* Two lines for every row: the list keeps one row height, and long texts end in "…". */
      gtk_inscription_set_min_lines (GTK_INSCRIPTION (child), 2);
      gtk_inscription_set_nat_lines (GTK_INSCRIPTION (child), 2);
      gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (child), PANGO_WRAP_WORD_CHAR);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_widget_set_hexpand (child, TRUE);
      if (column == COLUMN_PLACE)
        gtk_widget_add_css_class (child, "dim-label");
    }
  g_object_set_data (G_OBJECT (list_item), "csn-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (list_item), "csn-view", self);
  gtk_list_item_set_child (list_item, child);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CsnTranslationView       *self)
{
  CsnTranslationUnit *unit = gtk_list_item_get_item (list_item);
  gulong id;

  render_cell (self, list_item);
  /* Only the rows on screen listen to their items. */
  id = g_signal_connect_object (csn_translation_unit_get_item (unit), "notify",
                                G_CALLBACK (on_cell_item_notify_cb), list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "csn-notify-id", GSIZE_TO_POINTER (id));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CsnTranslationView       *self)
{
  CsnTranslationUnit *unit = gtk_list_item_get_item (list_item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "csn-notify-id"));

  if (unit != NULL && id != 0)
    g_signal_handler_disconnect (csn_translation_unit_get_item (unit), id);
  g_object_set_data (G_OBJECT (list_item), "csn-notify-id", NULL);
}

static void
set_column_factory (CsnTranslationView  *self,
                    GtkColumnViewColumn *view_column,
                    Column               column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "csn-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_column_view_column_set_factory (view_column, factory);
}

/* The list */

static gboolean
filter_unit (gpointer item,
             gpointer user_data)
{
  CsnTranslationView *self = user_data;
  CsnTranslationState state;

  if (item == self->pinned)
    return TRUE;
  state = csn_translation_unit_get_state (item, get_target_language (self));
  if (g_str_equal (self->filter_name, CSN_TRANSLATION_FILTER_UNTRANSLATED))
    return state == CSN_TRANSLATION_MISSING;
  return state == CSN_TRANSLATION_OUTDATED;
}

static void
refilter (CsnTranslationView *self)
{
  g_clear_handle_id (&self->refilter_source, g_source_remove);
  /* Keeping every text, the filter has no function: GTK then takes a list as it comes instead of
   * asking about each of its texts (10,000 on the large draft's Strategies). Either way the
   * filter changes, and the list is filtered again. */
  if (g_str_equal (self->filter_name, CSN_TRANSLATION_FILTER_ALL))
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, filter_unit, self, NULL);
}

static gboolean
on_refilter_idle_cb (gpointer user_data)
{
  CsnTranslationView *self = user_data;

  self->refilter_source = 0;
  refilter (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refilter (CsnTranslationView *self)
{
  if (!g_str_equal (self->filter_name, CSN_TRANSLATION_FILTER_ALL) && self->refilter_source == 0)
    self->refilter_source = g_idle_add (on_refilter_idle_cb, self);
}

/* An empty list says why: nothing written on the page, or nothing left to do under the filter. */
static void
update_empty (CsnTranslationView *self)
{
  const char *title;
  const char *description;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      csn_stack_show_only (self->list_stack, "list");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->units)) == 0)
    {
      title = _("No Texts on This Page");
      description = _("Texts written on this page appear here with their translations");
    }
  else if (g_str_equal (self->filter_name, CSN_TRANSLATION_FILTER_UNTRANSLATED))
    {
      title = _("Every Text Has a Translation");
      description = self->n_outdated > 0 ? _("Some translations are outdated: show the outdated ones to review them") : NULL;
    }
  else
    {
      title = _("No Outdated Translations");
      description = _("Every translation was made from the text as it reads now");
    }
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  csn_stack_show_only (self->list_stack, "empty");
}

/* "12 texts · 3 untranslated · 1 outdated", as counted. */
static void
show_summary (CsnTranslationView *self)
{
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  g_autofree char *texts = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *outdated = NULL;
  g_autofree char *summary = NULL;

  /* Translators: the first part of "12 texts · 3 untranslated · 1 outdated" in translation mode */
  texts = g_strdup_printf (ngettext ("%u text", "%u texts", n_units), n_units);
  /* Translators: the second part of "12 texts · 3 untranslated · 1 outdated" */
  missing = g_strdup_printf (ngettext ("%u untranslated", "%u untranslated", self->n_missing), self->n_missing);
  /* Translators: the third part of "12 texts · 3 untranslated · 1 outdated" */
  outdated = g_strdup_printf (ngettext ("%u outdated", "%u outdated", self->n_outdated), self->n_outdated);
  summary = g_strdup_printf ("%s · %s · %s", texts, missing, outdated);
  gtk_label_set_text (self->summary_label, summary);
  update_empty (self);
}

/* Adds a text in @state to the counts (@sign 1), or takes it off them (-1). */
static void
count_state (CsnTranslationView  *self,
             CsnTranslationState  state,
             int                  sign)
{
  self->n_missing += sign * (state == CSN_TRANSLATION_MISSING);
  self->n_outdated += sign * (state == CSN_TRANSLATION_OUTDATED);
}

/* Counts the states over the page's texts, each kept in its unit as counted, so that an edit of
 * one item is followed from that item alone (update_changed_items()). */
static void
update_summary (CsnTranslationView *self)
{
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  self->n_missing = self->n_outdated = 0;
  g_clear_pointer (&self->units_by_item, g_hash_table_unref);
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      CsnTranslationState state = csn_translation_unit_get_state (unit, get_target_language (self));

      csn_translation_unit_set_counted_state (unit, state);
      count_state (self, state, 1);
    }
  show_summary (self);
}

/* The page's texts by item: made at the first edit after a count rather than with each count,
 * which lists a page anew (a table of 10,000 texts on the large draft's Strategies). */
static GHashTable *
ensure_units_by_item (CsnTranslationView *self)
{
  guint n_units;

  if (self->units_by_item != NULL)
    return self->units_by_item;
  self->units_by_item = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      CsnItem *item = csn_translation_unit_get_item (unit);
      GPtrArray *item_units = g_hash_table_lookup (self->units_by_item, item);

      if (item_units == NULL)
        {
          item_units = g_ptr_array_new ();
          g_hash_table_insert (self->units_by_item, item, item_units);
        }
      g_ptr_array_add (item_units, unit);
    }
  return self->units_by_item;
}

/* Those of the page's @texts that have a source to translate, in their order, and the state of
 * each in @states. */
static GPtrArray *
list_texts_to_translate (CsnTranslationView *self,
                         GPtrArray          *texts,
                         GArray             *states)
{
  GPtrArray *page_texts = g_ptr_array_new ();

  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      CsnTranslationState state = csn_item_get_translation_state (text->item, text->field,
                                                                  get_target_language (self));

      if (state == CSN_TRANSLATION_NOT_NEEDED)
        continue;
      g_ptr_array_add (page_texts, text);
      g_array_append_val (states, state);
    }
  return page_texts;
}

/* Counts @states, those the units listed were just found in and given: update_summary() without
 * asking each unit again (10,000 texts on the large draft's Strategies). */
static void
count_listed_states (CsnTranslationView *self,
                     GArray             *states)
{
  self->n_missing = self->n_outdated = 0;
  g_clear_pointer (&self->units_by_item, g_hash_table_unref);
  for (guint i = 0; i < states->len; i++)
    count_state (self, g_array_index (states, CsnTranslationState, i), 1);
  show_summary (self);
}

/* Brings the list in line with the draft: only the texts that came, went or moved are replaced,
 * so the selection and the rows on screen stay. */
static void
refresh (CsnTranslationView *self,
         gboolean            replace_all)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) page_texts = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GArray) states = NULL;
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  guint prefix = 0, suffix = 0;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  self->relist = FALSE;
  g_hash_table_remove_all (self->changed);

  if (self->draft == NULL || self->page == NULL)
    {
      g_list_store_remove_all (self->units);
      update_summary (self);
      load_editor (self);
      return;
    }

  /* A page listed anew makes its rows over frames: GTK 4.8 would make 200 in this call. */
  if (replace_all)
    csn_row_grower_start (self->grower, GTK_WIDGET (self->column_view));
  self->source_language = csn_meeting_get_language (csn_draft_get_meeting (self->draft));
  texts = csn_draft_list_page_texts_without_ids (self->draft, self->page);
  states = g_array_new (FALSE, FALSE, sizeof (CsnTranslationState));
  page_texts = list_texts_to_translate (self, texts, states);

  /* The units kept at either end are given the states their texts were just found in, as the new
   * ones are when made: the counts and the edits after them start from these. */
  if (!replace_all)
    {
      while (prefix < n_units && prefix < page_texts->len)
        {
          g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), prefix);

          if (!csn_translation_unit_is_text (unit, g_ptr_array_index (page_texts, prefix)))
            break;
          csn_translation_unit_set_counted_state (unit, g_array_index (states, CsnTranslationState, prefix));
          prefix++;
        }
      while (suffix < n_units - prefix && suffix < page_texts->len - prefix)
        {
          guint position = page_texts->len - 1 - suffix;
          g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), n_units - 1 - suffix);

          if (!csn_translation_unit_is_text (unit, g_ptr_array_index (page_texts, position)))
            break;
          csn_translation_unit_set_counted_state (unit, g_array_index (states, CsnTranslationState, position));
          suffix++;
        }
    }

  if (prefix + suffix < n_units || prefix + suffix < page_texts->len)
    {
      added = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = prefix; i < page_texts->len - suffix; i++)
        {
          CsnTranslationUnit *unit = csn_translation_unit_new (g_ptr_array_index (page_texts, i));

          csn_translation_unit_set_counted_state (unit, g_array_index (states, CsnTranslationState, i));
          g_ptr_array_add (added, unit);
        }
      g_list_store_splice (self->units, prefix, n_units - prefix - suffix, added->pdata, added->len);
    }

  /* States may have changed without the list changing: the filter looks again. */
  queue_refilter (self);
  count_listed_states (self, states);
  load_editor (self);
}

/* More texts than this changing state in one burst are filtered again all together. */
#define MAX_RESTATED 32

/* Follows edits that set properties of items without listing the draft's texts again: only the
 * texts of the changed items are looked at. FALSE when the listing may have changed: an item
 * whose text came or went (a source written or emptied), a position (its page is what it
 * answers), the meeting (its language), or an item not listed here that now has a text. */
static gboolean
update_changed_items (CsnTranslationView *self)
{
  CsnLanguage language = get_target_language (self);
  g_autoptr(GPtrArray) restated = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *units_by_item = ensure_units_by_item (self);
  GHashTableIter iter;
  gpointer object;

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      GPtrArray *item_units;
      const CsnField *fields;
      guint n_fields;

      if (!CSN_IS_ITEM (object) || CSN_IS_MEETING (object) ||
          csn_collection_for_item (object) == CSN_COLLECTION_POSITIONS)
        return FALSE;
      item_units = g_hash_table_lookup (units_by_item, object);
      fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (object), &n_fields);
      for (guint i = 0; i < n_fields; i++)
        {
          gboolean listed = FALSE;

          if (!(fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE))
            continue;
          for (guint j = 0; item_units != NULL && j < item_units->len; j++)
            listed |= csn_translation_unit_get_field (g_ptr_array_index (item_units, j)) == &fields[i];
          if (listed != (csn_item_get_translation_state (object, &fields[i], language) != CSN_TRANSLATION_NOT_NEEDED))
            return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      GPtrArray *item_units = g_hash_table_lookup (units_by_item, object);

      for (guint j = 0; item_units != NULL && j < item_units->len; j++)
        {
          CsnTranslationUnit *unit = g_ptr_array_index (item_units, j);
          CsnTranslationState old_state = csn_translation_unit_get_counted_state (unit);
          CsnTranslationState state = csn_translation_unit_get_state (unit, language);

          if (state == old_state)
            continue;
          csn_translation_unit_set_counted_state (unit, state);
          count_state (self, old_state, -1);
          count_state (self, state, 1);
          g_ptr_array_add (restated, g_object_ref (unit));
        }
    }

  if (g_str_equal (self->filter_name, CSN_TRANSLATION_FILTER_ALL))
    return TRUE;
  /* Many texts at once (an import): the filter looks at every text once. */
  if (restated->len > MAX_RESTATED)
    {
      refilter (self);
      return TRUE;
    }
  /* Else it looks again at these texts alone: each is put back in its place. */
  for (guint i = 0; i < restated->len; i++)
    {
      gpointer unit = g_ptr_array_index (restated, i);
      guint position;

      if (g_list_store_find (self->units, unit, &position))
        g_list_store_splice (self->units, position, 1, &unit, 1);
    }
  return TRUE;
}

/* Brings the view in line with the edits since the last refresh: from the changed items alone
 * when it can, else by listing the draft's texts again. */
static void
catch_up (CsnTranslationView *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->relist || self->draft == NULL || self->page == NULL || !update_changed_items (self))
    {
      refresh (self, FALSE);
      return;
    }
  self->stale = FALSE;
  g_hash_table_remove_all (self->changed);
  show_summary (self);
  load_editor (self);
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  CsnTranslationView *self = user_data;

  self->refresh_source = 0;
  catch_up (self);
  return G_SOURCE_REMOVE;
}

/* What an edit, undo or redo changed is the top of one of the history's stacks: collected at each
 * change, so that a burst of them is followed once, and only when shown. */
static void
on_draft_changed_cb (CsnTranslationView *self,
                     CsnDraft           *draft)
{
  CsnHistory *history = csn_draft_get_history (draft);

  self->stale = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->relist = TRUE;
  /* A cleared history: the draft may be another. */
  if (!self->relist)
    self->relist = !csn_history_add_last_objects (history, self->changed);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_refresh_idle_cb, self, NULL);
}

static void
on_language_changed_cb (CsnTranslationView *self,
                        GParamSpec         *pspec,
                        CsnMeeting         *meeting)
{
  g_autofree char *source_title = NULL;
  g_autofree char *translation_title = NULL;
  const char *source_name = csn_enum_get_label (CSN_TYPE_LANGUAGE, csn_meeting_get_language (meeting));
  const char *target_name = csn_enum_get_label (CSN_TYPE_LANGUAGE,
                                                csn_language_get_other (csn_meeting_get_language (meeting)));

  gtk_column_view_column_set_title (self->source_column, source_name);
  gtk_column_view_column_set_title (self->translation_column, target_name);
  /* Translators: above the source text in translation mode's editor: "Source (Spanish)" */
  source_title = g_strdup_printf (_("Source (%s)"), source_name);
  /* Translators: above the translation in translation mode's editor: "_Translation (English)" */
  translation_title = g_strdup_printf (_("_Translation (%s)"), target_name);
  gtk_label_set_text (self->source_title, source_title);
  gtk_label_set_text_with_mnemonic (self->translation_title, translation_title);

  /* Every row says other texts now. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self, TRUE);
  else
    self->stale = self->relist = TRUE;
}

/* The editor */

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_can_accept (CsnTranslationView *self,
                gboolean            can_accept)
{
  if (self->can_accept == can_accept)
    return;
  self->can_accept = can_accept;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "translation.accept", can_accept);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ACCEPT]);
}

/* Shows the editing text's place, state and source; its translation too, unless the co-chairs
 * are typing one. */
static void
update_editor (CsnTranslationView *self)
{
  CsnTranslationUnit *unit = self->editing;
  g_autofree char *place = NULL;
  g_autofree char *field = NULL;
  g_autofree char *title = NULL;
  g_autofree char *typed = NULL;
  const char *translation;
  CsnTranslationState state;

  gtk_widget_set_sensitive (self->editor, unit != NULL);
  if (unit == NULL)
    {
      gtk_label_set_text (self->place_label, _("Select a text to translate it"));
      gtk_label_set_text (self->state_label, "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_text), "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->translation_text), "", -1);
      g_clear_pointer (&self->loaded, g_free);
      gtk_widget_set_visible (self->accept_button, FALSE);
      set_can_accept (self, FALSE);
      return;
    }

  place = dup_item_place (self, unit);
  field = dup_field_label (unit);
  /* Translators: the place of a text in translation mode's editor: "Theme 3 “Trata…”: Description" */
  title = g_strdup_printf (_("%s: %s"), place, field);
  gtk_label_set_text (self->place_label, title);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->place_label), title);

  state = csn_translation_unit_get_state (unit, get_target_language (self));
  show_state (self->state_label, state);
  gtk_widget_set_visible (self->accept_button, state == CSN_TRANSLATION_OUTDATED);
  set_can_accept (self, state == CSN_TRANSLATION_OUTDATED);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_text), csn_translation_unit_get_source (unit), -1);

  translation = csn_item_get_translation (csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                                          get_target_language (self), NULL);
  typed = dup_buffer_text (self->translation_text);
  if (self->loaded == NULL || g_str_equal (typed, self->loaded))
    {
      if (!g_str_equal (typed, translation))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->translation_text), translation, -1);
      g_free (self->loaded);
      self->loaded = g_strdup (translation);
    }
}

static void
on_editing_item_notify_cb (CsnTranslationView *self,
                           GParamSpec         *pspec,
                           CsnItem            *item)
{
  update_editor (self);
}

static void
set_editing (CsnTranslationView *self,
             CsnTranslationUnit *unit)
{
  if (self->editing == unit)
    {
      update_editor (self);
      return;
    }
  if (self->editing != NULL)
    g_clear_signal_handler (&self->editing_notify_id, csn_translation_unit_get_item (self->editing));
  g_set_object (&self->editing, unit);
  /* A new text: whatever the editor held was kept (or not changed). */
  g_clear_pointer (&self->loaded, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->translation_text), "", -1);
  if (unit != NULL)
    self->editing_notify_id = g_signal_connect_object (csn_translation_unit_get_item (unit), "notify",
                                                       G_CALLBACK (on_editing_item_notify_cb), self,
                                                       G_CONNECT_SWAPPED);
  update_editor (self);
}

/* The editor follows the selection; a text that left the draft leaves the editor. */
static void
load_editor (CsnTranslationView *self)
{
  set_editing (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Keeps what the editor holds as the translation of its text, one undoable step, if it differs
 * from the draft's. */
static void
csn_translation_view_commit (CsnTranslationView *self)
{
  g_autofree char *typed = NULL;
  CsnItem *item;
  const CsnField *field;

  if (self->editing == NULL || self->draft == NULL || self->loaded == NULL)
    return;
  item = csn_translation_unit_get_item (self->editing);
  field = csn_translation_unit_get_field (self->editing);
  typed = dup_buffer_text (self->translation_text);
  if (g_str_equal (typed, self->loaded))
    return;
  g_free (self->loaded);
  self->loaded = g_strdup (typed);
  if (!g_str_equal (typed, csn_item_get_translation (item, field, get_target_language (self), NULL)))
    csn_draft_set_translation (self->draft, item, field, get_target_language (self), typed);
}

/* Keeps what the editor holds, as leaving it does. */
static gboolean
csn_translation_view_commit_edit (CsnInPlaceEditor *editor,
                                  GtkWidget        *focus)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (editor);

  if (focus != GTK_WIDGET (self->translation_text))
    return FALSE;
  csn_translation_view_commit (self);
  return TRUE;
}

static void
csn_translation_view_in_place_editor_init (CsnInPlaceEditorInterface *iface)
{
  iface->commit_edit = csn_translation_view_commit_edit;
}

static void
on_translation_focus_leave_cb (CsnTranslationView      *self,
                               GtkEventControllerFocus *controller)
{
  csn_translation_view_commit (self);
}

static gboolean
on_translation_key_pressed_cb (CsnTranslationView    *self,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               GtkEventControllerKey *controller)
{
  /* Enter starts a new line (texts have paragraphs); Ctrl+Enter keeps the translation and goes on,
   * as Poedit's "Done and next". */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      csn_translation_view_commit (self);
      if (!csn_translation_view_next_untranslated (self))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  return FALSE;
}

static void
on_selection_changed_cb (CsnTranslationView *self,
                         guint               position,
                         guint               n_items,
                         GtkSingleSelection *selection)
{
  CsnTranslationUnit *selected = gtk_single_selection_get_selected_item (selection);

  if (selected == self->editing)
    return;
  /* What was typed for the previous text is kept before the editor shows the next. */
  csn_translation_view_commit (self);
  if (self->pinned != selected)
    {
      g_set_object (&self->pinned, selected);
      queue_refilter (self);
    }
  set_editing (self, selected);
}

static void
on_filtered_items_changed_cb (CsnTranslationView *self,
                              guint               position,
                              guint               removed,
                              guint               added,
                              GListModel         *model)
{
  update_empty (self);
}

static guint
find_unit (GListModel     *model,
           CsnItem        *item,
           const CsnField *field)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (model, i);

      if (csn_translation_unit_get_item (unit) == item && (field == NULL || csn_translation_unit_get_field (unit) == field))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects the text at @position of the page's texts, even where the filter would hide it, and
 * scrolls to it. */
static void
select_position (CsnTranslationView *self,
                 guint               position)
{
  g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), position);

  if (self->pinned != unit)
    {
      g_set_object (&self->pinned, unit);
      refilter (self);
    }
  /* The text may be past the rows given so far: they grow around it. */
  position = find_unit (G_LIST_MODEL (self->filtered), csn_translation_unit_get_item (unit),
                        csn_translation_unit_get_field (unit));
  csn_row_grower_reveal (self->grower, position);
  gtk_single_selection_set_selected (self->selection, csn_row_grower_get_given_position (self->grower, position));
  csn_column_view_scroll_to_selected (GTK_WIDGET (self->column_view), self->selection);
}

/**
 * csn_translation_view_select:
 * @field: (nullable): the text of @item to select, or its first one
 *
 * Selects the text of @item on the shown page, even where the filter would hide it, and scrolls to it.
 * Returns: whether the page has that text
 */
gboolean
csn_translation_view_select (CsnTranslationView *self,
                             CsnItem            *item,
                             const CsnField     *field)
{
  guint position;

  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), FALSE);
  g_return_val_if_fail (CSN_IS_ITEM (item), FALSE);

  if (self->stale || self->refresh_source != 0)
    catch_up (self);
  position = find_unit (G_LIST_MODEL (self->units), item, field);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position);
  return TRUE;
}

/* The first of the shown page's texts in [@start, @end) whose translation is missing or outdated,
 * or GTK_INVALID_LIST_POSITION. */
static guint
find_unit_needing_work (CsnTranslationView *self,
                        guint               start,
                        guint               end)
{
  for (guint i = start; i < end; i++)
    {
      g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);

      if (state_needs_work (csn_translation_unit_get_state (unit, get_target_language (self))))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Shows @page with its first text whose translation needs work selected; FALSE, and the page
 * shown left as it was, if it has none. */
static gboolean
select_first_needing_work_on (CsnTranslationView *self,
                              const char         *page)
{
  g_autoptr(GPtrArray) texts = csn_draft_list_page_texts_without_ids (self->draft, page);

  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      if (state_needs_work (csn_item_get_translation_state (text->item, text->field, get_target_language (self))))
        {
          csn_translation_view_set_page (self, page);
          return csn_translation_view_select (self, text->item, text->field);
        }
    }
  return FALSE;
}

/**
 * csn_translation_view_next_untranslated:
 *
 * Selects the next text after the selected one whose translation is missing or outdated, on the
 * following pages if this one has none left, and from the first page again after the last.
 * Returns: FALSE when every text of the draft has an up-to-date translation
 */
gboolean
csn_translation_view_next_untranslated (CsnTranslationView *self)
{
  CsnTranslationUnit *selected;
  const char *page;
  guint rank, after = 0, position;

  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), FALSE);

  if (self->draft == NULL)
    return FALSE;
  csn_translation_view_commit (self);
  if (self->page == NULL)
    {
      for (rank = 0; (page = csn_text_page_get_name (rank)) != NULL; rank++)
        if (select_first_needing_work_on (self, page))
          return TRUE;
      return FALSE;
    }

  /* The shown page's texts are listed already: after the selected one, or from its first. */
  if (self->stale || self->refresh_source != 0)
    catch_up (self);
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    {
      position = find_unit (G_LIST_MODEL (self->units), csn_translation_unit_get_item (selected),
                            csn_translation_unit_get_field (selected));
      after = position != GTK_INVALID_LIST_POSITION ? position + 1 : 0;
    }
  position = find_unit_needing_work (self, after, g_list_model_get_n_items (G_LIST_MODEL (self->units)));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      select_position (self, position);
      return TRUE;
    }

  /* Then the pages after it, each listed only if the one before had nothing left; then the
   * pages before it, and last this page's texts up to the selected one. */
  rank = csn_text_page_get_rank (self->page);
  for (guint r = rank + 1; (page = csn_text_page_get_name (r)) != NULL; r++)
    if (select_first_needing_work_on (self, page))
      return TRUE;
  for (guint r = 0; r < rank; r++)
    if (select_first_needing_work_on (self, csn_text_page_get_name (r)))
      return TRUE;
  position = find_unit_needing_work (self, 0, after);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position);
  return TRUE;
}

gboolean
csn_translation_view_get_can_accept (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), FALSE);
  return self->can_accept;
}

/* Marks the selected text's outdated translation as made from its source as it reads now, its text
 * unchanged: one undoable step. What the editor holds is kept first. */
void
csn_translation_view_accept (CsnTranslationView *self)
{
  g_return_if_fail (CSN_IS_TRANSLATION_VIEW (self));

  if (self->editing == NULL || self->draft == NULL)
    return;
  csn_translation_view_commit (self);
  csn_draft_accept_translation (self->draft, csn_translation_unit_get_item (self->editing),
                                csn_translation_unit_get_field (self->editing), get_target_language (self));
}

void
csn_translation_view_focus_editor (CsnTranslationView *self)
{
  g_return_if_fail (CSN_IS_TRANSLATION_VIEW (self));

  if (self->editing != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->translation_text));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
next_untranslated_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (widget);

  if (!csn_translation_view_next_untranslated (self))
    gtk_widget_error_bell (widget);
  else
    csn_translation_view_focus_editor (self);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  csn_translation_view_accept (CSN_TRANSLATION_VIEW (widget));
}

static void
csn_translation_view_map (GtkWidget *widget)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (widget);

  GTK_WIDGET_CLASS (csn_translation_view_parent_class)->map (widget);
  if (self->stale)
    catch_up (self);
}

static void
csn_translation_view_dispose (GObject *object)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (object);

  csn_translation_view_set_draft (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->refilter_source, g_source_remove);
  csn_column_view_cancel_after_layout (GTK_WIDGET (self->column_view));
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->editing != NULL)
    g_clear_signal_handler (&self->editing_notify_id, csn_translation_unit_get_item (self->editing));
  g_clear_object (&self->editing);
  g_clear_object (&self->pinned);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_TRANSLATION_VIEW);
  /* The template's box is no bound child: it goes too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->grower);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->units);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->units_by_item, g_hash_table_unref);

  G_OBJECT_CLASS (csn_translation_view_parent_class)->dispose (object);
}

static void
csn_translation_view_finalize (GObject *object)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (object);

  g_free (self->page);
  g_free (self->filter_name);
  g_free (self->loaded);

  G_OBJECT_CLASS (csn_translation_view_parent_class)->finalize (object);
}

static void
csn_translation_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->filter_name);
      break;
    case PROP_CAN_ACCEPT:
      g_value_set_boolean (value, self->can_accept);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_translation_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CsnTranslationView *self = CSN_TRANSLATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_translation_view_set_draft (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      csn_translation_view_set_page (self, g_value_get_string (value));
      break;
    case PROP_FILTER:
      csn_translation_view_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_translation_view_class_init (CsnTranslationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_translation_view_dispose;
  object_class->finalize = csn_translation_view_finalize;
  object_class->get_property = csn_translation_view_get_property;
  object_class->set_property = csn_translation_view_set_property;
  widget_class->map = csn_translation_view_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The page whose texts are listed: "overview", "theme-matrix"… as csn_draft_list_texts() names them. */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, CSN_TRANSLATION_FILTER_ALL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The selected text's translation is outdated: it may be accepted as up to date. */
  properties[PROP_CAN_ACCEPT] =
    g_param_spec_boolean ("can-accept", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "csn-translation-view");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-translation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, all_button);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, paned);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, place_column);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, source_column);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, translation_column);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, state_column);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, editor);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, place_label);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, state_label);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, source_title);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, source_text);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, translation_title);
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationView, translation_text);
  gtk_widget_class_bind_template_callback (widget_class, on_translation_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_translation_key_pressed_cb);

  gtk_widget_class_install_property_action (widget_class, "translation.filter", "filter");
  gtk_widget_class_install_action (widget_class, "translation.next-untranslated", NULL, next_untranslated_action);
  gtk_widget_class_install_action (widget_class, "translation.accept", NULL, accept_action);
}

static void
csn_translation_view_init (CsnTranslationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_name = g_strdup (CSN_TRANSLATION_FILTER_ALL);
  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->units = g_list_store_new (CSN_TYPE_TRANSLATION_UNIT);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->units)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->grower = csn_row_grower_new (G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (g_object_ref (csn_row_grower_get_model (self->grower)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_filtered_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  set_column_factory (self, self->place_column, COLUMN_PLACE);
  set_column_factory (self, self->source_column, COLUMN_SOURCE);
  set_column_factory (self, self->translation_column, COLUMN_TRANSLATION);
  set_column_factory (self, self->state_column, COLUMN_STATE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "translation.accept", FALSE);
  update_editor (self);
  update_summary (self);
}

GtkWidget *
csn_translation_view_new (void)
{
  return g_object_new (CSN_TYPE_TRANSLATION_VIEW, NULL);
}

CsnDraft *
csn_translation_view_get_draft (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), NULL);
  return self->draft;
}

void
csn_translation_view_set_draft (CsnTranslationView *self,
                                CsnDraft           *draft)
{
  g_return_if_fail (CSN_IS_TRANSLATION_VIEW (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->draft, self);
      g_signal_handlers_disconnect_by_data (csn_draft_get_meeting (self->draft), self);
    }
  g_set_object (&self->draft, draft);
  g_clear_object (&self->pinned);
  g_list_store_remove_all (self->units);
  if (draft != NULL)
    {
      g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (csn_draft_get_meeting (draft), "notify::language",
                               G_CALLBACK (on_language_changed_cb), self, G_CONNECT_SWAPPED);
      on_language_changed_cb (self, NULL, csn_draft_get_meeting (draft));
    }
  refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

const char *
csn_translation_view_get_page (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), NULL);
  return self->page;
}

/* Lists the texts of @page; an unsaved edit in the editor is kept first. */
void
csn_translation_view_set_page (CsnTranslationView *self,
                               const char         *page)
{
  g_return_if_fail (CSN_IS_TRANSLATION_VIEW (self));

  if (g_strcmp0 (self->page, page) == 0)
    return;
  csn_translation_view_commit (self);
  g_free (self->page);
  self->page = g_strdup (page);
  g_clear_object (&self->pinned);
  g_list_store_remove_all (self->units);
  refresh (self, TRUE);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

const char *
csn_translation_view_get_filter (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), NULL);
  return self->filter_name;
}

void
csn_translation_view_set_filter (CsnTranslationView *self,
                                 const char         *filter)
{
  g_return_if_fail (CSN_IS_TRANSLATION_VIEW (self));
  g_return_if_fail (g_strcmp0 (filter, CSN_TRANSLATION_FILTER_ALL) == 0 ||
                    g_strcmp0 (filter, CSN_TRANSLATION_FILTER_UNTRANSLATED) == 0 ||
                    g_strcmp0 (filter, CSN_TRANSLATION_FILTER_OUTDATED) == 0);

  if (g_str_equal (self->filter_name, filter))
    return;
  g_free (self->filter_name);
  self->filter_name = g_strdup (filter);
  refilter (self);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* The texts listed, as filtered: CsnTranslationUnit. */
GListModel *
csn_translation_view_get_units (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), NULL);

  if (self->stale || self->refresh_source != 0)
    catch_up (self);
  return G_LIST_MODEL (self->filtered);
}

CsnTranslationUnit *
csn_translation_view_get_selected (CsnTranslationView *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}
