/* csn-translation-summary.c: on the Overview, the untranslated and outdated texts of each page, a row
 * per page that has any; activating one opens translation mode there with the matching filter. */
#define G_LOG_DOMAIN "csn-translation-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-history.h"
#include "csn-label-util.h"
#include "csn-meeting.h"
#include "csn-texts.h"
#include "csn-translation-summary.h"
#include "csn-translation-view.h"

/* The pages counted: a page's counts are found by name. */
#define MAX_PAGES 16

typedef struct {
  const char *page;     /* static, as csn-texts.c names it */
  guint       missing;
  guint       outdated;
} PageCount;

/* More edits than this while the summary waits are counted again from the texts. */
#define MAX_CHANGED 1000

/* The states of an item's texts as counted, to follow an edit of that item alone. */
typedef struct {
  PageCount     *count;      /* its page's */
  CsnCollection  collection; /* its list's; CSN_COLLECTION_NONE for a child (a reservation) */
  guint          mark;       /* found in its list at the last walk of the list */
  guint8         n_states;
  guint8         states[];   /* of its translatable fields, in the class's order */
} ItemStates;

struct _CsnTranslationSummary
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *done_row;

  CsnDraft            *draft;
  GPtrArray           *page_rows;   /* AdwActionRow */
  PageCount            counts[MAX_PAGES];
  guint                n_counts;
  guint                refresh_source;
  gboolean             stale;
  gboolean             recount;     /* the texts themselves may have changed since the last count */
  GHashTable          *changed;     /* GObject: what the edits since the last count changed */
  GHashTable          *item_states; /* CsnItem (a reference) → ItemStates */
  guint                mark;        /* of the last walk of a list (recount_list()) */
};

G_DEFINE_FINAL_TYPE (CsnTranslationSummary, csn_translation_summary, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_page_rows (CsnTranslationSummary *self)
{
  for (guint i = 0; i < self->page_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->page_rows, i));
  g_ptr_array_set_size (self->page_rows, 0);
}

static char *
dup_counts_text (const PageCount *count)
{
  g_autofree char *missing = NULL;
  g_autofree char *outdated = NULL;

  /* Translators: on the Overview's Translations group: "12 untranslated texts" */
  missing = g_strdup_printf (ngettext ("%u untranslated text", "%u untranslated texts", count->missing),
                             count->missing);
  /* Translators: on the Overview's Translations group: "3 outdated translations" */
  outdated = g_strdup_printf (ngettext ("%u outdated translation", "%u outdated translations", count->outdated),
                              count->outdated);
  if (count->outdated == 0)
    return g_steal_pointer (&missing);
  if (count->missing == 0)
    return g_steal_pointer (&outdated);
  /* Translators: "12 untranslated texts, 3 outdated translations" */
  return g_strdup_printf (_("%s, %s"), missing, outdated);
}

/* What @row says of its page's @count, and the filter it opens translation mode with. */
static void
update_page_row (AdwActionRow    *row,
                 const PageCount *count)
{
  g_autofree char *subtitle = dup_counts_text (count);
  /* The untranslated first; a page with outdated ones only opens on those. */
  const char *filter = count->missing > 0 ? CSN_TRANSLATION_FILTER_UNTRANSLATED : CSN_TRANSLATION_FILTER_OUTDATED;

  adw_action_row_set_subtitle (row, subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", count->page, filter);
}

static void
add_page_row (CsnTranslationSummary *self,
              const PageCount       *count)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), csn_text_page_get_title (count->page));
  update_page_row (ADW_ACTION_ROW (row), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Translate"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.translate-page");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, count->page);
  csn_widget_bound_wrapping_labels (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->page_rows, row);
}

static PageCount *
find_count (CsnTranslationSummary *self,
            const char            *page)
{
  for (guint i = 0; i < self->n_counts; i++)
    if (g_str_equal (self->counts[i].page, page))
      return &self->counts[i];
  return NULL;
}

static CsnLanguage
get_target_language (CsnTranslationSummary *self)
{
  return csn_language_get_other (csn_meeting_get_language (csn_draft_get_meeting (self->draft)));
}

/* The place of @field among the translatable fields of @item's class. */
static guint
translatable_index (CsnItem        *item,
                    const CsnField *field,
                    guint          *n_translatable)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  guint index = 0, n = 0;

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE)
      {
        if (&fields[i] == field)
          index = n;
        n++;
      }
  if (n_translatable != NULL)
    *n_translatable = n;
  return index;
}

static void show_counts (CsnTranslationSummary *self);

typedef struct {
  CsnTranslationSummary *self;
  CsnLanguage            language;
  GType                  last_type;       /* the last item's, and its collection: items come in runs */
  CsnCollection          last_collection;
} Counting;

static CsnCollection
find_collection (Counting *counting,
                 CsnItem  *item)
{
  if (G_OBJECT_TYPE (item) != counting->last_type)
    {
      counting->last_type = G_OBJECT_TYPE (item);
      counting->last_collection = csn_collection_for_item (item);
    }
  return counting->last_collection;
}

static void
count_text (CsnItem        *item,
            const CsnField *field,
            const char     *page,
            gpointer        user_data)
{
  Counting *counting = user_data;
  CsnTranslationSummary *self = counting->self;
  CsnTranslationState state = csn_item_get_translation_state (item, field, counting->language);
  PageCount *count = find_count (self, page);
  ItemStates *states;
  guint n_translatable;
  guint index;

  if (count == NULL && self->n_counts < MAX_PAGES)
    {
      count = &self->counts[self->n_counts++];
      count->page = page;
      count->missing = count->outdated = 0;
    }
  if (count == NULL)
    return;
  count->missing += state == CSN_TRANSLATION_MISSING;
  count->outdated += state == CSN_TRANSLATION_OUTDATED;

  index = translatable_index (item, field, &n_translatable);
  states = g_hash_table_lookup (self->item_states, item);
  if (states == NULL)
    {
      states = g_malloc0 (sizeof (ItemStates) + n_translatable);
      states->count = count;
      states->collection = find_collection (counting, item);
      states->n_states = n_translatable;
      g_hash_table_insert (self->item_states, g_object_ref (item), states);
    }
  states->states[index] = state;
}

/* Counts in one pass over the draft's texts and lists the pages with work left, in the agenda's order. */
void
csn_translation_summary_refresh (CsnTranslationSummary *self)
{
  Counting counting = { self, 0, G_TYPE_INVALID, CSN_COLLECTION_NONE };

  g_return_if_fail (CSN_IS_TRANSLATION_SUMMARY (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  self->recount = FALSE;
  g_hash_table_remove_all (self->changed);
  g_hash_table_remove_all (self->item_states);
  self->n_counts = 0;
  if (self->draft == NULL)
    {
      clear_page_rows (self);
      return;
    }

  /* Counted as the draft's lists come, without a list of the texts and their ids. */
  counting.language = get_target_language (self);
  csn_draft_foreach_text (self->draft, count_text, &counting);
  show_counts (self);
}

/* The draft's list that @object is, for counting its texts again when it changed: not a list
 * whose items have children (the themes' reservations): CSN_COLLECTION_NONE for those, and for
 * anything else. */
static CsnCollection
find_recountable_list (CsnTranslationSummary *self,
                       GObject               *object)
{
  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      g_autoptr(GTypeClass) klass = NULL;
      const CsnField *children;

      if (object != G_OBJECT (csn_draft_get_collection (self->draft, c)))
        continue;
      klass = g_type_class_ref (csn_collection_get_item_type (c));
      csn_item_class_has_texts (CSN_ITEM_CLASS (klass), &children);
      return children != NULL ? CSN_COLLECTION_NONE : c;
    }
  return CSN_COLLECTION_NONE;
}

/* Takes off what @collection's items not found in it at the last walk (recount_list()) counted. */
static void
take_off_unmarked (CsnTranslationSummary *self,
                   CsnCollection          collection)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->item_states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ItemStates *states = value;

      if (states->collection != collection || states->mark == self->mark)
        continue;
      for (guint i = 0; i < states->n_states; i++)
        {
          states->count->missing -= states->states[i] == CSN_TRANSLATION_MISSING;
          states->count->outdated -= states->states[i] == CSN_TRANSLATION_OUTDATED;
        }
      g_hash_table_iter_remove (&iter);
    }
}

/* Takes off what the items that left @collection counted, and counts the texts of the items that
 * came. The positions are all counted again: what they answer may have come or gone. */
static void
recount_list (CsnTranslationSummary *self,
              CsnCollection          collection,
              CsnLanguage            language)
{
  GListModel *list = csn_draft_get_collection (self->draft, collection);
  Counting counting = { self, language, G_TYPE_INVALID, CSN_COLLECTION_NONE };

  self->mark++;
  /* None of them found yet: every position is taken off, and counted again below. */
  if (collection == CSN_COLLECTION_POSITIONS)
    take_off_unmarked (self, collection);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (list, i);
      ItemStates *states = g_hash_table_lookup (self->item_states, item);

      if (states == NULL)
        {
          csn_draft_foreach_item_text (self->draft, collection, item, count_text, &counting);
          states = g_hash_table_lookup (self->item_states, item);
        }
      if (states != NULL)
        states->mark = self->mark;
    }
  take_off_unmarked (self, collection);
}

/* Follows the edits since the last count from what they changed: a list of items without children
 * is counted again, an item whose properties were set is counted again alone. The positions are
 * counted again with a list of the agenda, or one of them edited: their texts are on the page of
 * what they answer; an item without texts is left out. FALSE when the texts may have changed
 * otherwise: the themes listed again, the meeting (its language), an item not counted and not in
 * a list counted again. */
static gboolean
update_changed_items (CsnTranslationSummary *self)
{
  CsnLanguage language = get_target_language (self);
  gboolean recounted[CSN_N_COLLECTIONS] = { FALSE };
  GHashTableIter iter;
  gpointer object;

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      CsnCollection list;

      if (CSN_IS_ITEM (object))
        {
          if (csn_collection_for_item (object) == CSN_COLLECTION_POSITIONS)
            recounted[CSN_COLLECTION_POSITIONS] = TRUE;
          continue;
        }
      if ((list = find_recountable_list (self, object)) == CSN_COLLECTION_NONE)
        return FALSE;
      recounted[list] = TRUE;
      if (csn_collection_matches_target (list, CSN_COLLECTION_AGENDA))
        recounted[CSN_COLLECTION_POSITIONS] = TRUE;
    }
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      CsnCollection collection;

      /* A delegation's quota, a participant's name: no text to count. */
      if (!CSN_IS_ITEM (object) || !csn_item_class_has_texts (CSN_ITEM_GET_CLASS (object), NULL))
        continue;
      collection = csn_collection_for_item (object);
      if (CSN_IS_MEETING (object) ||
          (!g_hash_table_contains (self->item_states, object) &&
           (collection == CSN_COLLECTION_NONE || !recounted[collection])))
        return FALSE;
    }

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (recounted[c])
      recount_list (self, c, language);

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    {
      ItemStates *states;
      guint n_fields;
      const CsnField *fields;
      guint index = 0;

      /* An item taken out of its list, or the positions counted again. */
      if (!CSN_IS_ITEM (object) || (states = g_hash_table_lookup (self->item_states, object)) == NULL ||
          states->collection == CSN_COLLECTION_POSITIONS)
        continue;
      fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (object), &n_fields);
      for (guint i = 0; i < n_fields; i++)
        {
          CsnTranslationState state;

          if (!(fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE))
            continue;
          state = csn_item_get_translation_state (object, &fields[i], language);
          states->count->missing += (state == CSN_TRANSLATION_MISSING) - (states->states[index] == CSN_TRANSLATION_MISSING);
          states->count->outdated += (state == CSN_TRANSLATION_OUTDATED) - (states->states[index] == CSN_TRANSLATION_OUTDATED);
          states->states[index++] = state;
        }
    }
  return TRUE;
}

/* Brings the counts in line with the edits since the last count: from the changed items alone
 * when it can, else by counting every text again. */
static void
catch_up (CsnTranslationSummary *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->recount || self->draft == NULL || !update_changed_items (self))
    {
      csn_translation_summary_refresh (self);
      return;
    }
  self->stale = FALSE;
  g_hash_table_remove_all (self->changed);
  show_counts (self);
}

static int
compare_page_ranks (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint rank_a = csn_text_page_get_rank ((*(const PageCount * const *) a)->page);
  guint rank_b = csn_text_page_get_rank ((*(const PageCount * const *) b)->page);

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

static void
show_counts (CsnTranslationSummary *self)
{
  g_autofree char *description = NULL;
  CsnLanguage language = get_target_language (self);
  const PageCount *ordered[MAX_PAGES];
  guint n_ordered = 0;
  gboolean same_pages;

  /* The pages with work left, in the pages' order, whatever order they were counted in. */
  for (guint i = 0; i < self->n_counts; i++)
    if (self->counts[i].missing + self->counts[i].outdated > 0)
      ordered[n_ordered++] = &self->counts[i];
  g_qsort_with_data (ordered, n_ordered, sizeof (ordered[0]), compare_page_ranks, NULL);

  /* The same pages as shown: their rows say the new counts (making the rows again was most of a
   * count after an edit). */
  same_pages = n_ordered == self->page_rows->len;
  for (guint i = 0; i < n_ordered && same_pages; i++)
    same_pages = g_str_equal (gtk_widget_get_name (g_ptr_array_index (self->page_rows, i)), ordered[i]->page);
  if (!same_pages)
    clear_page_rows (self);
  for (guint i = 0; i < n_ordered; i++)
    {
      if (same_pages)
        update_page_row (g_ptr_array_index (self->page_rows, i), ordered[i]);
      else
        add_page_row (self, ordered[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->done_row), n_ordered == 0);

  /* A sentence of its own for each language: some languages write a language's name otherwise
   * in running text than as a label ("inglés", not "Inglés"). */
  if (language == CSN_LANGUAGE_EN)
    /* Translators: the description of the Overview's Translations group */
    description = g_strdup (_("Texts without an up-to-date translation into English, by page; activate a page to translate it."));
  else
    /* Translators: the description of the Overview's Translations group */
    description = g_strdup (_("Texts without an up-to-date translation into Spanish, by page; activate a page to translate it."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

/* How many texts of @page have a translation in @state, as last counted. */
guint
csn_translation_summary_get_count (CsnTranslationSummary *self,
                                   const char            *page,
                                   CsnTranslationState    state)
{
  PageCount *count;

  g_return_val_if_fail (CSN_IS_TRANSLATION_SUMMARY (self), 0);
  g_return_val_if_fail (page != NULL, 0);

  if (self->stale)
    catch_up (self);
  count = find_count (self, page);
  if (count == NULL)
    return 0;
  return state == CSN_TRANSLATION_MISSING ? count->missing : state == CSN_TRANSLATION_OUTDATED ? count->outdated : 0;
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  CsnTranslationSummary *self = user_data;

  self->refresh_source = 0;
  catch_up (self);
  return G_SOURCE_REMOVE;
}

/* Counting walks every text: only a shown summary counts, once after a burst of edits, from what
 * they changed (the top of one of the history's stacks) when it can. A hidden one keeps what the
 * edits changed, to count that when it shows. */
static void
on_draft_changed_cb (CsnTranslationSummary *self,
                     CsnDraft              *draft)
{
  CsnHistory *history = csn_draft_get_history (draft);

  self->stale = TRUE;
  /* A cleared history: the draft may be another. */
  if (!self->recount)
    self->recount = !csn_history_add_last_objects (history, self->changed) ||
                    g_hash_table_size (self->changed) > MAX_CHANGED;
  if (self->recount)
    g_hash_table_remove_all (self->changed);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_refresh_idle_cb, self, NULL);
}

static void
csn_translation_summary_map (GtkWidget *widget)
{
  CsnTranslationSummary *self = CSN_TRANSLATION_SUMMARY (widget);

  GTK_WIDGET_CLASS (csn_translation_summary_parent_class)->map (widget);
  if (self->stale)
    catch_up (self);
}

static void
csn_translation_summary_dispose (GObject *object)
{
  CsnTranslationSummary *self = CSN_TRANSLATION_SUMMARY (object);

  csn_translation_summary_set_draft (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_TRANSLATION_SUMMARY);

  G_OBJECT_CLASS (csn_translation_summary_parent_class)->dispose (object);
}

static void
csn_translation_summary_finalize (GObject *object)
{
  CsnTranslationSummary *self = CSN_TRANSLATION_SUMMARY (object);

  g_clear_pointer (&self->page_rows, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->item_states, g_hash_table_unref);

  G_OBJECT_CLASS (csn_translation_summary_parent_class)->finalize (object);
}

static void
csn_translation_summary_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, CSN_TRANSLATION_SUMMARY (object)->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_translation_summary_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_translation_summary_set_draft (CSN_TRANSLATION_SUMMARY (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_translation_summary_class_init (CsnTranslationSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_translation_summary_dispose;
  object_class->finalize = csn_translation_summary_finalize;
  object_class->get_property = csn_translation_summary_get_property;
  object_class->set_property = csn_translation_summary_set_property;
  widget_class->map = csn_translation_summary_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-translation-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnTranslationSummary, done_row);
}

static void
csn_translation_summary_init (CsnTranslationSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_rows = g_ptr_array_new ();
  self->changed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->item_states = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
}

CsnDraft *
csn_translation_summary_get_draft (CsnTranslationSummary *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_SUMMARY (self), NULL);
  return self->draft;
}

void
csn_translation_summary_set_draft (CsnTranslationSummary *self,
                                   CsnDraft              *draft)
{
  g_return_if_fail (CSN_IS_TRANSLATION_SUMMARY (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);
  self->stale = self->recount = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    csn_translation_summary_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}
