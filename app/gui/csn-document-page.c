/* csn-document-page.c: the recommendations document: the group's own texts, and the pages as they will print. */
#define G_LOG_DOMAIN "csn-document-page"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "csn-document.h"
#include "csn-document-page.h"
#include "csn-document-preview.h"
#include "csn-document-texts.h"
#include "csn-in-place-editor.h"
#include "csn-meeting.h"
#include "csn-settings.h"

/* Edits closer together than this are shown together: at most ten new previews a second. */
#define REBUILD_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)
#define REBUILD_PRIORITY    (G_PRIORITY_DEFAULT_IDLE - 10)

/* Up to this many blocks (the template has about 50) pages take a few milliseconds to lay out:
 * at once, with the fonts the window already loaded. Longer documents go to a worker thread. */
#define INLINE_BLOCKS 400

typedef enum {
  TEXT_PREAMBLE,
  TEXT_BACKGROUND,
  TEXT_NEXT_STEPS,
  TEXT_CLOSING,
  N_TEXTS
} TextIndex;

static const char * const text_properties[N_TEXTS] = {
  CSN_DOCUMENT_TEXTS_PROP_PREAMBLE,
  CSN_DOCUMENT_TEXTS_PROP_BACKGROUND,
  CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS,
  CSN_DOCUMENT_TEXTS_PROP_CLOSING,
};

struct _CsnDocumentPage
{
  AdwBin              parent_instance;

  CsnDraft           *draft;
  CsnLanguage         language;
  gboolean            language_chosen;  /* else the document is in the draft's own language */
  CsnPaper            paper;
  GSettings          *settings;
  gboolean            syncing;
  char               *shown[N_TEXTS];   /* the draft's text each view was last given */

  /* The preview: a document built at idle after edits, laid out at once or in a worker thread. */
  gboolean            outdated;
  guint               rebuild_source;
  gint64              last_rebuild;
  GCancellable       *paginate_cancellable;
  GHashTable         *signatures;       /* of the document shown: what each source reads */
  gboolean            follow_changes;   /* the next pages may show where the draft changed */

  gboolean            laying_out;       /* the page itself is placing the pane's divider */
  gboolean            divider_moved;    /* by hand: it stays where it was put */

  AdwComboRow        *language_row;
  AdwComboRow        *paper_row;
  GtkTextView        *preamble_view;
  GtkTextView        *background_view;
  GtkTextView        *next_steps_view;
  GtkTextView        *closing_view;
  GtkLabel           *preamble_caption;
  GtkLabel           *background_caption;
  GtkLabel           *next_steps_caption;
  GtkLabel           *closing_caption;
  GtkLabel           *pages_label;
  GtkLabel           *zoom_label;
  CsnDocumentPreview *preview;
};

static void csn_document_page_in_place_editor_init (CsnInPlaceEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnDocumentPage, csn_document_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CSN_TYPE_IN_PLACE_EDITOR, csn_document_page_in_place_editor_init))

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_LANGUAGE,
  PROP_PAPER,
  PROP_N_PAGES,
  N_PROPS
};

enum {
  REVEAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextView *
get_view (CsnDocumentPage *self,
          TextIndex        index)
{
  GtkTextView *views[N_TEXTS] = {
    self->preamble_view, self->background_view, self->next_steps_view, self->closing_view,
  };

  return views[index];
}

static GtkLabel *
get_caption (CsnDocumentPage *self,
             TextIndex        index)
{
  GtkLabel *captions[N_TEXTS] = {
    self->preamble_caption, self->background_caption, self->next_steps_caption, self->closing_caption,
  };

  return captions[index];
}

static int
find_view (CsnDocumentPage *self,
           GtkWidget       *widget)
{
  for (TextIndex i = 0; i < N_TEXTS; i++)
    if (GTK_WIDGET (get_view (self, i)) == widget)
      return i;
  return -1;
}

static CsnItem *
get_texts (CsnDocumentPage *self)
{
  return CSN_ITEM (csn_draft_get_document_texts (self->draft));
}

static CsnLanguage
get_content_language (CsnDocumentPage *self)
{
  return csn_meeting_get_language (csn_draft_get_meeting (self->draft));
}

static const CsnField *
get_field (CsnDocumentPage *self,
           TextIndex        index)
{
  return csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (get_texts (self)), text_properties[index]);
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text a view edits: the draft's, or its translation into the document's language. */
static const char *
get_draft_text (CsnDocumentPage *self,
                TextIndex        index)
{
  const char *text;

  if (self->language == get_content_language (self))
    text = csn_item_get_string (get_texts (self), text_properties[index]);
  else
    text = csn_item_get_translation (get_texts (self), get_field (self, index), self->language, NULL);
  return text != NULL ? text : "";
}

static const char *
get_translation_caption (CsnDocumentPage     *self,
                         CsnTranslationState  state)
{
  gboolean spanish = get_content_language (self) == CSN_LANGUAGE_ES;

  switch (state)
    {
    case CSN_TRANSLATION_NOT_NEEDED:
      return spanish ? _("There is no Spanish text to translate yet: write it with Spanish chosen above.")
                     : _("There is no English text to translate yet: write it with English chosen above.");
    case CSN_TRANSLATION_MISSING:
      return spanish ? _("Not translated yet: the document shows the Spanish text, marked as untranslated.")
                     : _("Not translated yet: the document shows the English text, marked as untranslated.");
    case CSN_TRANSLATION_OUTDATED:
      return spanish ? _("The Spanish text changed after this translation: the document shows the Spanish text until the translation is edited.")
                     : _("The English text changed after this translation: the document shows the English text until the translation is edited.");
    case CSN_TRANSLATION_CURRENT:
    default:
      return spanish ? _("A translation of the Spanish text.") : _("A translation of the English text.");
    }
}

static void
sync_text (CsnDocumentPage *self,
           TextIndex        index)
{
  GtkTextView *view = get_view (self, index);
  GtkLabel *caption = get_caption (self, index);
  const char *text = get_draft_text (self, index);
  gboolean translating = self->language != get_content_language (self);
  CsnTranslationState state = CSN_TRANSLATION_CURRENT;

  if (translating)
    state = csn_item_get_translation_state (get_texts (self), get_field (self, index), self->language);
  gtk_widget_set_visible (GTK_WIDGET (caption), translating);
  if (translating)
    gtk_label_set_text (caption, get_translation_caption (self, state));
  /* A translation needs a text to translate: the document takes its paragraphs from it. */
  gtk_widget_set_sensitive (GTK_WIDGET (view), !translating || state != CSN_TRANSLATION_NOT_NEEDED || text[0] != '\0');

  /* Only a change in the draft replaces what the view holds: typing not yet applied stays. */
  if (g_strcmp0 (self->shown[index], text) != 0)
    {
      g_autofree char *current = dup_view_text (view);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

      if (g_strcmp0 (current, text) != 0)
        {
          /* Undoing inside the view goes back over typing only, never to another draft's text. */
          gtk_text_buffer_begin_irreversible_action (buffer);
          gtk_text_buffer_set_text (buffer, text, -1);
          gtk_text_buffer_end_irreversible_action (buffer);
        }
      g_free (self->shown[index]);
      self->shown[index] = g_strdup (text);
    }
}

static void
sync_texts (CsnDocumentPage *self)
{
  if (self->draft == NULL)
    return;
  self->syncing = TRUE;
  for (TextIndex i = 0; i < N_TEXTS; i++)
    sync_text (self, i);
  self->syncing = FALSE;
}

/* One undoable step for the text in view @index, if it differs from the draft's. */
static void
commit_text (CsnDocumentPage *self,
             TextIndex        index)
{
  g_autofree char *text = NULL;

  if (self->draft == NULL || self->syncing)
    return;

  text = dup_view_text (get_view (self, index));
  if (g_strcmp0 (text, get_draft_text (self, index)) == 0)
    return;
  if (self->language == get_content_language (self))
    csn_draft_set_string (self->draft, get_texts (self), text_properties[index], text);
  else
    csn_draft_set_translation (self->draft, get_texts (self), get_field (self, index), self->language, text);
}

/* Applies the text in @widget, if it is one of the page's views; whether it is. */
static gboolean
commit_view (CsnDocumentPage *self,
             GtkWidget       *widget)
{
  int index = find_view (self, widget);

  if (index < 0)
    return FALSE;
  commit_text (self, index);
  return TRUE;
}

static void
on_text_focus_leave_cb (CsnDocumentPage         *self,
                        GtkEventControllerFocus *controller)
{
  commit_view (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/* Applies the text in the view that has the focus, as leaving it does. */
static gboolean
csn_document_page_commit_edit (CsnInPlaceEditor *editor,
                               GtkWidget        *focus)
{
  return commit_view (CSN_DOCUMENT_PAGE (editor), focus);
}

static void
csn_document_page_in_place_editor_init (CsnInPlaceEditorInterface *iface)
{
  iface->commit_edit = csn_document_page_commit_edit;
}

static gboolean
on_commit_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  return commit_view (user_data, widget);
}

/* Escape drops what was typed: the view shows the draft's text again. */
static gboolean
on_revert_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  CsnDocumentPage *self = user_data;
  int index = find_view (self, widget);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  text = dup_view_text (GTK_TEXT_VIEW (widget));
  if (g_strcmp0 (text, get_draft_text (self, index)) == 0)
    return FALSE;
  g_clear_pointer (&self->shown[index], g_free);
  self->syncing = TRUE;
  sync_text (self, index);
  self->syncing = FALSE;
  return TRUE;
}

static void
add_text_shortcuts (CsnDocumentPage *self,
                    GtkTextView     *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  const guint commit_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  for (guint i = 0; i < G_N_ELEMENTS (commit_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (commit_keys[i], GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (on_commit_shortcut_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (on_revert_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_text_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
}

/* What changed between two builds of the document: each paragraph, table row and footnote that
 * comes from the draft is named by its source and how many came from that source before it, and
 * signed with its text and the section it stands in (a theme moved to the medium term changes its
 * section, not its words). Numbers are left out: one new paragraph renumbers the rest. Headings
 * that name an item (a pillar, an actor) come and go with what they head: what changed is the
 * paragraph under them, unless only they did (a pillar renamed). */

typedef struct
{
  char     *text;
  guint     block;
  gboolean  heading;
} Signature;

static void
signature_free (gpointer data)
{
  Signature *signature = data;

  g_free (signature->text);
  g_free (signature);
}

static void
append_runs (GString               *out,
             const CsnDocumentText *text)
{
  for (guint i = 0; i < text->n_runs; i++)
    {
      g_string_append_len (out, text->runs[i].text, text->runs[i].length);
      if (text->runs[i].flags & CSN_DOCUMENT_RUN_FOOTNOTE)
        g_string_append_printf (out, "[%u]", text->runs[i].footnote);
    }
}

static void
add_signature (GHashTable              *signatures,
               GHashTable              *counts,
               const CsnDocumentSource *source,
               const char              *prefix,
               GString                 *text,
               guint                    block,
               gboolean                 heading)
{
  g_autofree char *name = NULL;
  char *key;
  guint count;
  Signature *signature;

  if (source->origin == CSN_DOCUMENT_ORIGIN_ITEM)
    name = g_strdup_printf ("%s%d:%s:%s", prefix, source->collection, source->key, source->field);
  else
    name = g_strdup_printf ("%s%d:%s", prefix, source->origin, source->field);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
  g_hash_table_insert (counts, g_strdup (name), GUINT_TO_POINTER (count + 1));

  key = g_strdup_printf ("%s#%u", name, count);
  signature = g_new (Signature, 1);
  signature->text = g_strdup (text->str);
  signature->block = block;
  signature->heading = heading;
  g_hash_table_insert (signatures, key, signature);
}

static GHashTable *
collect_signatures (CsnDocument *document)
{
  GHashTable *signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, signature_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) headings = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_blocks = csn_document_get_n_blocks (document);
  guint n_footnotes = csn_document_get_n_footnotes (document);
  gsize heading_ends[3] = { 0, 0, 0 };

  for (guint i = 0; i < n_blocks; i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (document, i);
      gboolean heading = block->style >= CSN_DOCUMENT_STYLE_HEADING_1 && block->style <= CSN_DOCUMENT_STYLE_HEADING_3;

      if (heading && block->source.origin == CSN_DOCUMENT_ORIGIN_GENERATED)
        {
          guint level = block->style - CSN_DOCUMENT_STYLE_HEADING_1;

          g_string_truncate (headings, level > 0 ? heading_ends[level - 1] : 0);
          append_runs (headings, &block->text);
          g_string_append_c (headings, '\x1f');
          for (guint l = level; l < G_N_ELEMENTS (heading_ends); l++)
            heading_ends[l] = headings->len;
        }
      if (block->kind == CSN_DOCUMENT_BLOCK_TABLE)
        {
          for (guint r = 0; r < block->table->n_rows; r++)
            {
              const CsnDocumentRow *row = &block->table->rows[r];

              if (row->source.origin == CSN_DOCUMENT_ORIGIN_GENERATED)
                continue;
              g_string_assign (text, headings->str);
              for (guint c = 0; c < row->n_cells; c++)
                {
                  append_runs (text, &row->cells[c].text);
                  g_string_append_c (text, '\x1e');
                }
              add_signature (signatures, counts, &row->source, "row:", text, i, FALSE);
            }
          continue;
        }
      if (block->source.origin == CSN_DOCUMENT_ORIGIN_GENERATED)
        continue;
      g_string_assign (text, headings->str);
      g_string_append_printf (text, "%u:", block->flags);
      append_runs (text, &block->text);
      add_signature (signatures, counts, &block->source, "", text, i, heading);
    }

  for (guint i = 0; i < n_footnotes; i++)
    {
      const CsnDocumentFootnote *footnote = csn_document_get_footnote (document, i);

      g_string_truncate (text, 0);
      append_runs (text, &footnote->text);
      add_signature (signatures, counts, &footnote->source, "note:", text, footnote->block, FALSE);
    }
  return signatures;
}

/* The first paragraph of @now that reads otherwise than in @before, else the first heading, or
 * CSN_DOCUMENT_PREVIEW_NO_BLOCK. */
static guint
find_changed_block (GHashTable *before,
                    GHashTable *now)
{
  GHashTableIter iter;
  gpointer key, value;
  guint changed[2] = { CSN_DOCUMENT_PREVIEW_NO_BLOCK, CSN_DOCUMENT_PREVIEW_NO_BLOCK };

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Signature *signature = value;
      Signature *previous = g_hash_table_lookup (before, key);

      if (signature->block < changed[signature->heading] &&
          (previous == NULL || !g_str_equal (previous->text, signature->text)))
        changed[signature->heading] = signature->block;
    }
  return changed[0] != CSN_DOCUMENT_PREVIEW_NO_BLOCK ? changed[0] : changed[1];
}

/* Pagination, at once or in a worker thread. */

typedef struct
{
  CsnDocument      *document;
  CsnPaper          paper;
  GHashTable       *before;      /* signatures of the document shown, or NULL */
  gboolean          own_fonts;   /* laid out in a worker thread */
  CsnDocumentPages *pages;
  GHashTable       *signatures;
  guint             changed;
} PaginateJob;

static void
paginate_job_free (gpointer data)
{
  PaginateJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->before, g_hash_table_unref);
  g_clear_object (&job->pages);
  g_clear_pointer (&job->signatures, g_hash_table_unref);
  g_free (job);
}

static void
paginate (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  PaginateJob *job = task_data;
  gboolean done;

  /* In a worker, these pages get fonts of their own (the thread's new default font map), which only
   * the main thread uses once they are handed over: no font map is ever shared between threads. */
  if (job->own_fonts)
    pango_cairo_font_map_set_default (NULL);
  job->pages = csn_document_pages_new (job->document, job->paper);
  done = csn_document_pages_paginate (job->pages, cancellable);
  if (job->own_fonts)
    pango_cairo_font_map_set_default (NULL);
  if (!done)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  job->signatures = collect_signatures (job->document);
  job->changed = job->before != NULL ? find_changed_block (job->before, job->signatures)
                                     : CSN_DOCUMENT_PREVIEW_NO_BLOCK;
  g_task_return_boolean (task, TRUE);
}

static void
update_pages_label (CsnDocumentPage *self)
{
  CsnDocumentPages *pages = csn_document_preview_get_pages (self->preview);
  guint n_pages = pages != NULL ? csn_document_pages_get_n_pages (pages) : 0;
  g_autofree char *text = NULL;

  /* Translators: the number of pages of the document, above its preview */
  text = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_text (self->pages_label, pages != NULL ? text : "");
}

static void
on_paginated_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (source_object);
  GTask *task = G_TASK (result);
  PaginateJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not lay out the document: %s", error->message);
      return;
    }
  if (g_task_get_cancellable (task) != self->paginate_cancellable)
    return;

  g_clear_object (&self->paginate_cancellable);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  self->signatures = g_steal_pointer (&job->signatures);
  csn_document_preview_set_pages (self->preview, job->pages);
  if (self->follow_changes && job->changed != CSN_DOCUMENT_PREVIEW_NO_BLOCK)
    csn_document_preview_reveal_block (self->preview, job->changed, TRUE);
  self->follow_changes = TRUE;
  update_pages_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static gboolean
on_rebuild_cb (gpointer user_data)
{
  CsnDocumentPage *self = user_data;
  g_autoptr(GTask) task = NULL;
  PaginateJob *job;

  self->rebuild_source = 0;
  if (self->draft == NULL)
    return G_SOURCE_REMOVE;

  self->outdated = FALSE;
  self->last_rebuild = g_get_monotonic_time ();
  if (self->paginate_cancellable != NULL)
    g_cancellable_cancel (self->paginate_cancellable);
  g_clear_object (&self->paginate_cancellable);
  self->paginate_cancellable = g_cancellable_new ();

  job = g_new0 (PaginateJob, 1);
  /* Built here, from the draft as it is; a long one laid out where typing does not wait for it. */
  job->document = csn_document_new (self->draft, self->language);
  job->paper = self->paper;
  job->before = self->signatures != NULL && self->follow_changes ? g_hash_table_ref (self->signatures) : NULL;
  job->changed = CSN_DOCUMENT_PREVIEW_NO_BLOCK;

  task = g_task_new (self, self->paginate_cancellable, on_paginated_cb, NULL);
  g_task_set_source_tag (task, on_rebuild_cb);
  g_task_set_task_data (task, job, paginate_job_free);
  job->own_fonts = csn_document_get_n_blocks (job->document) > INLINE_BLOCKS;
  if (job->own_fonts)
    g_task_run_in_thread (task, paginate);
  else
    paginate (task, self, job, self->paginate_cancellable);
  return G_SOURCE_REMOVE;
}

/* A new preview once the page is in sight and the edits pause: at once after a quiet moment,
 * then at most every REBUILD_INTERVAL_US. It is built when the window is idle, but before the
 * other pages' refreshes: this page is the one in sight. */
static void
schedule_rebuild (CsnDocumentPage *self)
{
  gint64 wait;

  self->outdated = TRUE;
  if (self->rebuild_source != 0 || self->draft == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  wait = self->last_rebuild + REBUILD_INTERVAL_US - g_get_monotonic_time ();
  if (wait <= 0)
    self->rebuild_source = g_idle_add_full (REBUILD_PRIORITY, on_rebuild_cb, self, NULL);
  else
    self->rebuild_source = g_timeout_add_full (REBUILD_PRIORITY, wait / 1000 + 1, on_rebuild_cb, self, NULL);
}

/* A new language or paper: every paragraph reads otherwise, none of them was edited. */
static void
restart_preview (CsnDocumentPage *self)
{
  if (self->paginate_cancellable != NULL)
    g_cancellable_cancel (self->paginate_cancellable);
  g_clear_object (&self->paginate_cancellable);
  self->follow_changes = FALSE;
  schedule_rebuild (self);
}

static void
sync_language_row (CsnDocumentPage *self)
{
  const char *subtitle = NULL;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->language_row, self->language);
  self->syncing = FALSE;
  if (self->draft != NULL && self->language != get_content_language (self))
    subtitle = get_content_language (self) == CSN_LANGUAGE_ES
               ? _("A translation: the draft is written in Spanish")
               : _("A translation: the draft is written in English");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), subtitle != NULL ? subtitle : "");
}

static void
apply_language (CsnDocumentPage *self,
                CsnLanguage      language)
{
  if (self->language == language)
    return;

  for (TextIndex i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->shown[i], g_free);
  self->language = language;
  sync_language_row (self);
  sync_texts (self);
  restart_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
on_draft_changed_cb (CsnDocumentPage *self,
                     CsnDraft        *draft)
{
  if (!self->language_chosen)
    apply_language (self, get_content_language (self));
  sync_language_row (self);
  sync_texts (self);
  schedule_rebuild (self);
}

static void
on_language_selected_cb (CsnDocumentPage *self,
                         GParamSpec      *pspec,
                         AdwComboRow     *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  csn_document_page_set_language (self, selected);
}

static void
on_paper_selected_cb (CsnDocumentPage *self,
                      GParamSpec      *pspec,
                      AdwComboRow     *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  csn_document_page_set_paper (self, selected);
}

static void
on_preview_zoom_cb (CsnDocumentPage    *self,
                    GParamSpec         *pspec,
                    CsnDocumentPreview *preview)
{
  g_autofree char *text = NULL;

  /* Translators: the zoom of the preview, "75%" */
  text = g_strdup_printf (_("%.0f%%"), csn_document_preview_get_zoom (preview) * 100);
  gtk_label_set_text (self->zoom_label, text);
}

static void
on_preview_activate_source_cb (CsnDocumentPage    *self,
                               gpointer            data,
                               CsnDocumentPreview *preview)
{
  const CsnDocumentSource *source = data;
  CsnItem *item = NULL;

  if (self->draft == NULL)
    return;

  switch (source->origin)
    {
    case CSN_DOCUMENT_ORIGIN_TEXTS:
      csn_document_page_reveal (self, get_texts (self), source->field);
      return;
    case CSN_DOCUMENT_ORIGIN_MEETING:
      item = CSN_ITEM (csn_draft_get_meeting (self->draft));
      break;
    case CSN_DOCUMENT_ORIGIN_ITEM:
      item = csn_draft_lookup (self->draft, source->collection, source->key);
      break;
    case CSN_DOCUMENT_ORIGIN_GENERATED:
    default:
      break;
    }
  if (item != NULL)
    g_signal_emit (self, signals[REVEAL], 0, item, source->field);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  csn_document_preview_zoom_in (CSN_DOCUMENT_PAGE (widget)->preview);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  csn_document_preview_zoom_out (CSN_DOCUMENT_PAGE (widget)->preview);
}

static void
zoom_fit_width_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  csn_document_preview_set_fit_width (CSN_DOCUMENT_PAGE (widget)->preview, TRUE);
}

static void
on_paned_position_cb (CsnDocumentPage *self,
                      GParamSpec      *pspec,
                      GtkPaned        *paned)
{
  /* Only a person moves it while the page is shown and not being laid out. */
  if (!self->laying_out && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->divider_moved = TRUE;
}

/* The page lays out its pane itself (rather than AdwBin's layout manager): the texts take a share
 * of the width and the preview the rest, until the divider is moved by hand. */
static void
csn_document_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *paned = adw_bin_get_child (ADW_BIN (widget));

  if (paned != NULL)
    gtk_widget_measure (paned, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
csn_document_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (widget);
  GtkWidget *paned = adw_bin_get_child (ADW_BIN (self));

  if (paned == NULL)
    return;
  self->laying_out = TRUE;
  if (!self->divider_moved)
    gtk_paned_set_position (GTK_PANED (paned), CLAMP (width * 0.36, 300, 400));
  gtk_widget_allocate (paned, width, height, baseline, NULL);
  self->laying_out = FALSE;
}

static void
csn_document_page_map (GtkWidget *widget)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (widget);

  GTK_WIDGET_CLASS (csn_document_page_parent_class)->map (widget);
  /* The preview waited while out of sight. */
  if (self->outdated)
    schedule_rebuild (self);
}

static void
csn_document_page_dispose (GObject *object)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (object);

  csn_document_page_set_draft (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->paginate_cancellable != NULL)
    g_cancellable_cancel (self->paginate_cancellable);
  g_clear_object (&self->paginate_cancellable);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  g_clear_object (&self->settings);
  for (TextIndex i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->shown[i], g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_DOCUMENT_PAGE);

  G_OBJECT_CLASS (csn_document_page_parent_class)->dispose (object);
}

static void
csn_document_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;
    case PROP_PAPER:
      g_value_set_int (value, self->paper);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, csn_document_page_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_document_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsnDocumentPage *self = CSN_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_document_page_set_draft (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      csn_document_page_set_language (self, g_value_get_enum (value));
      break;
    case PROP_PAPER:
      csn_document_page_set_paper (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_document_page_class_init (CsnDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  object_class->dispose = csn_document_page_dispose;
  object_class->get_property = csn_document_page_get_property;
  object_class->set_property = csn_document_page_set_property;
  widget_class->map = csn_document_page_map;
  widget_class->measure = csn_document_page_measure;
  widget_class->size_allocate = csn_document_page_size_allocate;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The document's language; the group's texts are edited in it (as translations, if it is not
   * the draft's). Until chosen, the draft's own. */
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, CSN_TYPE_LANGUAGE, CSN_LANGUAGE_ES,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A CsnPaper: the preview's, the PDF's and the printer's first choice. */
  properties[PROP_PAPER] =
    g_param_spec_int ("paper", NULL, NULL, CSN_PAPER_A4, CSN_PAPER_LETTER, CSN_PAPER_A4,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Notified each time the preview shows new pages. */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A paragraph of the preview was clicked: show @item, at @property, where it is edited. */
  signals[REVEAL] = g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CSN_TYPE_ITEM, G_TYPE_STRING);

  g_type_ensure (CSN_TYPE_DOCUMENT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-document-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, preamble_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, background_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, closing_view);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, preamble_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, background_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, next_steps_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, closing_caption);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, pages_label);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, CsnDocumentPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_paned_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_activate_source_cb);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit-width", NULL, zoom_fit_width_action);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit-width", NULL);
}

static void
csn_document_page_init (CsnDocumentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  for (TextIndex i = 0; i < N_TEXTS; i++)
    add_text_shortcuts (self, get_view (self, i));

  self->settings = csn_settings_new ();
  self->paper = csn_paper_from_locale ();
  if (self->settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (self->settings, "document-paper");

      if (g_str_equal (paper, "a4"))
        self->paper = CSN_PAPER_A4;
      else if (g_str_equal (paper, "letter"))
        self->paper = CSN_PAPER_LETTER;
    }
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->paper_row, self->paper);
  self->syncing = FALSE;
  on_preview_zoom_cb (self, NULL, self->preview);
}

GtkWidget *
csn_document_page_new (void)
{
  return g_object_new (CSN_TYPE_DOCUMENT_PAGE, NULL);
}

CsnDraft *
csn_document_page_get_draft (CsnDocumentPage *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGE (self), NULL);
  return self->draft;
}

void
csn_document_page_set_draft (CsnDocumentPage *self,
                             CsnDraft        *draft)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    {
      for (TextIndex i = 0; i < N_TEXTS; i++)
        commit_text (self, i);
      g_signal_handlers_disconnect_by_data (self->draft, self);
    }
  g_set_object (&self->draft, draft);
  for (TextIndex i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->shown[i], g_free);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  self->follow_changes = FALSE;
  if (self->paginate_cancellable != NULL)
    g_cancellable_cancel (self->paginate_cancellable);
  g_clear_object (&self->paginate_cancellable);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  csn_document_preview_set_pages (self->preview, NULL);
  update_pages_label (self);

  if (draft != NULL)
    {
      g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb), self, G_CONNECT_SWAPPED);
      self->language_chosen = FALSE;
      self->language = get_content_language (self);
      sync_language_row (self);
      sync_texts (self);
      schedule_rebuild (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

CsnLanguage
csn_document_page_get_language (CsnDocumentPage *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGE (self), CSN_LANGUAGE_ES);
  return self->language;
}

void
csn_document_page_set_language (CsnDocumentPage *self,
                                CsnLanguage      language)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN);

  self->language_chosen = TRUE;
  if (self->draft == NULL)
    {
      self->language = language;
      return;
    }
  /* What the views hold belongs to the language they were in. */
  if (language != self->language)
    for (TextIndex i = 0; i < N_TEXTS; i++)
      commit_text (self, i);
  apply_language (self, language);
}

CsnPaper
csn_document_page_get_paper (CsnDocumentPage *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGE (self), CSN_PAPER_A4);
  return self->paper;
}

/* The paper of the preview and of exported PDFs, remembered for the next windows. */
void
csn_document_page_set_paper (CsnDocumentPage *self,
                             CsnPaper         paper)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (paper == CSN_PAPER_A4 || paper == CSN_PAPER_LETTER);

  if (self->paper == paper)
    return;
  self->paper = paper;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->paper_row, paper);
  self->syncing = FALSE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "document-paper", paper == CSN_PAPER_LETTER ? "letter" : "a4");
  restart_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/* The pages the preview shows (0 before the first are laid out). */
guint
csn_document_page_get_n_pages (CsnDocumentPage *self)
{
  CsnDocumentPages *pages;

  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGE (self), 0);

  pages = csn_document_preview_get_pages (self->preview);
  return pages != NULL ? csn_document_pages_get_n_pages (pages) : 0;
}

/* Whether the preview shows the draft as it is now, in the page's language and paper. */
gboolean
csn_document_page_is_updated (CsnDocumentPage *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_PAGE (self), FALSE);

  return !self->outdated && self->paginate_cancellable == NULL &&
         csn_document_preview_get_pages (self->preview) != NULL;
}

/* Focuses the view of the document's text @property (a CSN_DOCUMENT_TEXTS_PROP_ name). */
void
csn_document_page_reveal (CsnDocumentPage *self,
                          CsnItem         *item,
                          const char      *property)
{
  g_return_if_fail (CSN_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  for (TextIndex i = 0; i < N_TEXTS; i++)
    if (g_strcmp0 (property, text_properties[i]) == 0)
      {
        gtk_widget_grab_focus (GTK_WIDGET (get_view (self, i)));
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (get_view (self, TEXT_PREAMBLE)));
}
