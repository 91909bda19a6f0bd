/* csn-xliff.c: the translators' round trip — a draft's texts to XLIFF 1.2 with their context, and a
 * translated file back as changes that the review page shows and applies as one step. */
#define G_LOG_DOMAIN "csn-xliff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "csn-change.h"
#include "csn-change-set.h"
#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-meeting.h"
#include "csn-problem.h"
#include "csn-role-proposal.h"
#include "csn-safe-file.h"
#include "csn-strategy.h"
#include "csn-texts.h"
#include "csn-xliff.h"
#include "csn-xliff-private.h"

/* The file's "original" names the draft it came from by its lineage id, which every co-chair's
 * copy shares; translation tools keep that attribute as it is. */
#define DRAFT_URN_PREFIX "urn:uuid:"

G_DEFINE_QUARK (csn-xliff-error-quark, csn_xliff_error)

/* Export */

/* Notes are for reading: a character XML cannot carry becomes U+FFFD. */
static char *
dup_note_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char single[8] = { 0 };

      g_unichar_to_utf8 (c, single);
      g_string_append (out, csn_xliff_find_invalid_char (single) != 0 ? "\xEF\xBF\xBD" : single);
    }
  return g_string_free (out, FALSE);
}

static void
add_note (CsnXliffUnit *unit,
          char         *text)
{
  g_ptr_array_add (unit->notes, dup_note_text (text));
  g_free (text);
}

/* Items described once each: every strategy names its theme, and a long list is not searched for
 * each of its items' fields. */
typedef struct {
  CsnDraft   *draft;
  GHashTable *descriptions;  /* CsnItem -> char * */
} Describer;

static const char *
describe (Describer *d,
          CsnItem   *item,
          int        position)
{
  char *description = g_hash_table_lookup (d->descriptions, item);

  if (description == NULL)
    {
      description = position >= 0 ? csn_describe_item_at (d->draft, item, position)
                                  : csn_describe_item (d->draft, item);
      g_hash_table_insert (d->descriptions, item, description);
    }
  return description;
}

/* Where the text is and what it is about, so the translator need not guess. */
static void
add_context_notes (Describer     *d,
                   const CsnText *text,
                   CsnXliffUnit  *unit)
{
  /* Translators: a note for translators in the exported XLIFF file: "Page: Strategies" */
  add_note (unit, g_strdup_printf (_("Page: %s"), csn_text_page_get_title (text->page)));
  add_note (unit, g_strdup (describe (d, text->item, text->parent == NULL ? (int) text->position : -1)));
  if (CSN_IS_STRATEGY (text->item))
    {
      const char *theme_id = csn_strategy_get_theme (CSN_STRATEGY (text->item));
      CsnItem *theme = csn_draft_lookup (d->draft, CSN_COLLECTION_THEMES, theme_id);

      /* Translators: a note for translators: the theme a strategy addresses */
      add_note (unit, g_strdup_printf (_("For: %s"), theme != NULL ? describe (d, theme, -1) : theme_id));
    }
  else if (CSN_IS_ROLE_PROPOSAL (text->item))
    {
      g_autofree char *actor = csn_draft_dup_ref_title (d->draft, CSN_COLLECTION_ACTORS,
                                                        csn_role_proposal_get_actor (CSN_ROLE_PROPOSAL (text->item)));

      /* Translators: a note for translators: whose role a proposal is about */
      add_note (unit, g_strdup_printf (_("Actor: %s"), actor));
    }
  /* Translators: a note for translators: "Field: description" */
  add_note (unit, g_strdup_printf (_("Field: %s"), _(text->field->label)));
}

static CsnXliffFile *
collect_file (CsnDraft  *draft,
              GError   **error)
{
  CsnLanguage content = csn_meeting_get_language (csn_draft_get_meeting (draft));
  CsnLanguage other = csn_language_get_other (content);
  const char *draft_id = csn_lineage_get_draft_id (csn_draft_get_lineage (draft));
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  g_autoptr(CsnXliffFile) file = csn_xliff_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = csn_draft_dup_display_name (draft);
  g_autofree char *title = NULL;
  g_autoptr(GHashTable) descriptions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Describer describer = { draft, descriptions };

  file->original = draft_id != NULL ? g_strconcat (DRAFT_URN_PREFIX, draft_id, NULL) : g_strdup (name);
  file->source_language = g_strdup (csn_language_get_code (content));
  file->target_language = g_strdup (csn_language_get_code (other));
  file->date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  title = dup_note_text (csn_meeting_get_title (csn_draft_get_meeting (draft)));
  /* A sentence for each direction: a language's name in running text is not always its label. */
  file->header_note = content == CSN_LANGUAGE_ES
    /* Translators: the note at the top of an exported XLIFF file: "Texts of “Reunión del grupo…” (grupo.consenso) to translate from Spanish into English. Keep each unit's id: it says where the translation goes." */
    ? g_strdup_printf (_("Texts of “%s” (%s) to translate from Spanish into English. Keep each unit’s id: it says where the translation goes."),
                       title, name)
    /* Translators: the note at the top of an exported XLIFF file, for a meeting held in English */
    : g_strdup_printf (_("Texts of “%s” (%s) to translate from English into Spanish. Keep each unit’s id: it says where the translation goes."),
                       title, name);

  for (guint i = 0; i < texts->len; i++)
    {
      const CsnText *text = g_ptr_array_index (texts, i);
      const char *property = csn_field_get_property_name (text->field, NULL);
      const char *source = csn_item_get_string (text->item, property);
      const char *from = NULL;
      const char *translation = csn_item_get_translation (text->item, text->field, other, &from);
      gunichar bad = 0;
      CsnXliffUnit *unit;

      if (source[0] == '\0')
        continue;
      if ((bad = csn_xliff_find_invalid_char (source)) != 0 ||
          (bad = csn_xliff_find_invalid_char (translation)) != 0)
        {
          g_autofree char *place = csn_describe_place (draft, text->item, property);

          g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TEXT,
                       /* Translators: "Theme 3 “Trata…”: description holds the character U+0001, which XML cannot carry; remove it first" */
                       _("%s holds the character U+%04X, which XML cannot carry; remove it first"), place, bad);
          return NULL;
        }

      unit = csn_xliff_file_add_unit (file, text->id, source);
      switch (csn_item_get_translation_state (text->item, text->field, other))
        {
        case CSN_TRANSLATION_CURRENT:
          unit->target = g_strdup (translation);
          unit->state = g_strdup ("translated");
          break;
        case CSN_TRANSLATION_OUTDATED:
          unit->target = g_strdup (translation);
          unit->state = g_strdup ("needs-review-translation");
          break;
        case CSN_TRANSLATION_MISSING:
        default:
          unit->target = g_strdup ("");
          unit->state = g_strdup ("new");
          break;
        }
      add_context_notes (&describer, text, unit);
      if (csn_item_get_translation_state (text->item, text->field, other) == CSN_TRANSLATION_OUTDATED)
        /* Translators: a note for translators on a translation whose source text has changed */
        add_note (unit, g_strdup_printf (_("Outdated: the text changed since it was translated from “%s”"), from));
    }
  return g_steal_pointer (&file);
}

static gboolean
write_file (CsnXliffFile  *file,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) target = NULL;
  gsize length;

  data = csn_xliff_write (file, &length, &local_error);
  if (data == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, local_error->message);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  target = g_file_new_for_path (path);
  return csn_safe_file_save (target, data, length, CSN_SAFE_FILE_NONE, NULL, NULL, cancellable, error);
}

/* Writes @draft's texts to @path (a temporary file beside it, then renamed). */
gboolean
csn_xliff_export (CsnDraft      *draft,
                  const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(CsnXliffFile) file = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = collect_file (draft, error);
  if (file == NULL)
    return FALSE;
  return write_file (file, path, cancellable, error);
}

typedef struct {
  CsnXliffFile *file;
  char         *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  csn_xliff_file_free (job->file);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_file (job->file, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Copies the texts from @draft now, in this thread, and writes them in another; the task holds
 * no reference to the draft. */
void
csn_xliff_export_async (CsnDraft            *draft,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportJob *job;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_xliff_export_async);
  g_task_set_name (task, "csn_xliff_export_async");

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (path);
  job->file = collect_file (draft, &error);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  if (job->file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
csn_xliff_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_xliff_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Import */

/* "es", "es-MX", "ES_mx" speak Spanish. */
static gboolean
language_matches (const char  *tag,
                  CsnLanguage  language)
{
  const char *code = csn_language_get_code (language);
  gsize length = strlen (code);

  return tag != NULL && g_ascii_strncasecmp (tag, code, length) == 0 &&
         (tag[length] == '\0' || tag[length] == '-' || tag[length] == '_');
}

static gboolean
check_file (CsnDraft      *draft,
            CsnXliffFile  *file,
            const char    *name,
            GError       **error)
{
  CsnLanguage content = csn_meeting_get_language (csn_draft_get_meeting (draft));
  CsnLanguage other = csn_language_get_other (content);
  const char *draft_id = csn_lineage_get_draft_id (csn_draft_get_lineage (draft));

  if (!language_matches (file->source_language, content))
    {
      g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_LANGUAGE,
                   /* Translators: "fr.xlf: line 3: the file translates from “en”; the draft is written in “es”" */
                   _("%s: line %u: the file translates from “%s”; the draft is written in “%s”"),
                   name, file->line, file->source_language, csn_language_get_code (content));
      return FALSE;
    }
  if (file->target_language != NULL && !language_matches (file->target_language, other))
    {
      g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_LANGUAGE,
                   /* Translators: "fr.xlf: line 3: the file translates into “fr”; the draft's texts are translated into “en”" */
                   _("%s: line %u: the file translates into “%s”; the draft’s texts are translated into “%s”"),
                   name, file->line, file->target_language, csn_language_get_code (other));
      return FALSE;
    }
  /* A file without the id (exported before the draft's first save) is matched by its texts alone. */
  if (file->original != NULL && g_str_has_prefix (file->original, DRAFT_URN_PREFIX) &&
      g_strcmp0 (file->original + strlen (DRAFT_URN_PREFIX), draft_id) != 0)
    {
      g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_OTHER_DRAFT,
                   _("%s: line %u: the file was exported from another draft; open that draft to import it"),
                   name, file->line);
      return FALSE;
    }
  return TRUE;
}

/* @text in NFC with each run of spaces and line breaks as one space, none at either end. */
static char *
dup_squeezed (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = normal != NULL ? normal : text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The same text, but for spaces and line breaks a tool may have tidied, and Unicode's two ways
 * of writing accents. */
static gboolean
texts_match (const char *a,
             const char *b)
{
  g_autofree char *squeezed_a = NULL;
  g_autofree char *squeezed_b = NULL;

  if (g_str_equal (a, b))
    return TRUE;
  squeezed_a = dup_squeezed (a);
  squeezed_b = dup_squeezed (b);
  return g_str_equal (squeezed_a, squeezed_b);
}

typedef struct {
  char  *id;
  guint  line;
} UnitMark;

static void
unit_mark_free (UnitMark *mark)
{
  g_free (mark->id);
  g_free (mark);
}

static GQuark
unit_mark_quark (void)
{
  return g_quark_from_static_string ("csn-xliff-unit");
}

/* The id and line of the unit a change of an imported translation comes from, or NULL. */
const char *
csn_xliff_change_get_unit_id (CsnChange *change,
                              guint     *line)
{
  UnitMark *mark;

  g_return_val_if_fail (CSN_IS_CHANGE (change), NULL);

  mark = g_object_get_qdata (G_OBJECT (change), unit_mark_quark ());
  if (line != NULL)
    *line = mark != NULL ? mark->line : 0;
  return mark != NULL ? mark->id : NULL;
}

static void
add_report (GListStore   *reports,
            CsnXliffUnit *unit,
            const char   *message)
{
  g_autofree char *place = NULL;
  g_autoptr(CsnProblem) problem = NULL;

  /* Translators: where a unit is in an XLIFF file: "line 12, unit “themes/theme-9/title”" */
  place = g_strdup_printf (_("line %u, unit “%s”"), unit->line, unit->id);
  problem = csn_problem_new (CSN_SEVERITY_WARNING, place, NULL, NULL, message);
  g_list_store_append (reports, problem);
}

static gboolean
item_in_draft (CsnDraft *draft,
               CsnItem  *item)
{
  CsnCollection collection;

  if (CSN_IS_MEETING (item))
    return item == CSN_ITEM (csn_draft_get_meeting (draft));
  if (CSN_IS_DOCUMENT_TEXTS (item))
    return item == CSN_ITEM (csn_draft_get_document_texts (draft));
  collection = csn_collection_for_item (item);
  if (collection == CSN_COLLECTION_NONE)
    return csn_describe_find_parent (draft, item, NULL) != NULL;
  return csn_draft_lookup (draft, collection, csn_item_get_key (item)) == item;
}

/* Inside the set's undoable step: every translation taken was made from the source as it is now. */
static void
record_sources (CsnChangeSet *set,
                CsnDraft     *draft,
                gpointer      user_data)
{
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (set)); i < n; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      CsnItem *item = csn_change_get_item (change);
      const char *property = csn_change_get_property_name (change);
      const CsnField *field;
      const char *source;
      const char *from_property;
      CsnLanguage language;
      gboolean from;

      if (!csn_change_get_accepted (change) || !csn_change_get_applicable (change) ||
          csn_change_get_kind (change) != CSN_CHANGE_SET_FIELD ||
          !csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (item), property, &language, &from) ||
          from || !item_in_draft (draft, item) || !csn_change_is_current (change, draft))
        continue;
      field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
      source = csn_item_get_string (item, csn_field_get_property_name (field, NULL));
      from_property = csn_field_get_translation_property (field, language, TRUE);
      if (!g_str_equal (csn_item_get_string (item, from_property), source))
        csn_draft_set_string (draft, item, from_property, source);
    }
}

static gboolean
is_needs_review (const char *state)
{
  /* needs-translation, needs-review-translation, needs-adaptation…: the translator is not done. */
  return state != NULL && g_str_has_prefix (state, "needs-");
}

typedef struct {
  CsnDraft     *draft;
  CsnLanguage   language;
  const char   *name;
  GHashTable   *texts;     /* id -> CsnText */
  GHashTable   *seen;      /* unit ids */
  GListStore   *reports;
  CsnChangeSet *set;
  guint         n_unknown;
  guint         n_untranslated;
} Importer;

static void
import_unit (Importer     *im,
             CsnXliffUnit *unit)
{
  const CsnText *text;
  const char *source;
  const char *current;
  const char *property;
  g_autoptr(CsnChange) change = NULL;
  g_auto(GValue) incoming = G_VALUE_INIT;
  gboolean same_source;
  UnitMark *mark;

  if (!g_hash_table_add (im->seen, unit->id))
    {
      add_report (im->reports, unit, _("the file holds this unit twice; only the first one is read"));
      return;
    }
  text = g_hash_table_lookup (im->texts, unit->id);
  if (text == NULL)
    {
      add_report (im->reports, unit,
                  _("no text of this draft has this id: it was removed since the export, or the id was changed"));
      im->n_unknown++;
      return;
    }
  if (unit->target == NULL || unit->target[0] == '\0')
    {
      im->n_untranslated++;
      return;
    }

  source = csn_item_get_string (text->item, csn_field_get_property_name (text->field, NULL));
  current = csn_item_get_translation (text->item, text->field, im->language, NULL);
  property = csn_field_get_translation_property (text->field, im->language, FALSE);
  same_source = texts_match (unit->source != NULL ? unit->source : "", source);

  g_value_init (&incoming, G_TYPE_STRING);
  g_value_set_string (&incoming, unit->target);
  if (g_str_equal (unit->target, current))
    {
      /* Kept as it was for a changed source and marked done: the translator confirms it. */
      if (csn_item_get_translation_state (text->item, text->field, im->language) != CSN_TRANSLATION_OUTDATED ||
          !same_source || is_needs_review (unit->state))
        return;
      change = csn_change_new_set_field (text->item, property, &incoming);
      csn_change_set_note (change, TRUE,
                           _("The translator kept this translation for the changed text: accepting marks it up to date."));
    }
  else
    {
      change = csn_change_new_set_field (text->item, property, &incoming);
      if (!same_source)
        {
          g_autofree char *note =
            /* Translators: why an imported translation is not applied */
            g_strdup_printf (_("Not applied: the text changed since the export; this translation was made from “%s”."),
                             unit->source != NULL ? unit->source : "");
          csn_change_set_note (change, FALSE, note);
        }
      else if (is_needs_review (unit->state))
        {
          csn_change_set_note (change, TRUE, _("The translator marked this translation as needing review."));
          csn_change_set_accepted (change, FALSE);
        }
    }

  csn_change_set_origin (change, im->name);
  mark = g_new0 (UnitMark, 1);
  mark->id = g_strdup (unit->id);
  mark->line = unit->line;
  g_object_set_qdata_full (G_OBJECT (change), unit_mark_quark (), mark, (GDestroyNotify) unit_mark_free);
  csn_change_set_append (im->set, change);
}

static char *
dup_summary (Importer *im)
{
  GString *note = g_string_new (NULL);

  if (im->n_unknown > 0)
    g_string_append_printf (note, ngettext ("%u unit of the file matches no text of this draft.",
                                            "%u units of the file match no text of this draft.",
                                            im->n_unknown), im->n_unknown);
  if (im->n_untranslated > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note, ngettext ("%u unit is not translated yet.",
                                              "%u units are not translated yet.",
                                              im->n_untranslated), im->n_untranslated);
    }
  return g_string_free (note, note->len == 0);
}

/* On the draft's thread: the units of @files (csn_xliff_read()'s) against the draft as it is now. */
CsnChangeSet *
csn_xliff_build_change_set (CsnDraft     *draft,
                            GPtrArray    *files,
                            const char   *name,
                            GListModel  **reports,
                            GError      **error)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  Importer im = { draft };

  for (guint i = 0; i < files->len; i++)
    if (!check_file (draft, g_ptr_array_index (files, i), name, error))
      return NULL;

  im.language = csn_language_get_other (csn_meeting_get_language (csn_draft_get_meeting (draft)));
  im.name = name;
  texts = csn_draft_list_texts (draft);
  im.texts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      g_hash_table_insert (im.texts, text->id, text);
    }
  im.seen = g_hash_table_new (g_str_hash, g_str_equal);
  store = g_list_store_new (CSN_TYPE_PROBLEM);
  im.reports = store;

  /* Translators: the undo step of an imported translation: "Import translation “grupo-en.xlf”" */
  label = g_strdup_printf (_("Import translation “%s”"), name);
  im.set = csn_change_set_new (label);
  /* Translators: what the review page reviews: "Translation “grupo-en.xlf”" */
  title = g_strdup_printf (_("Translation “%s”"), name);
  csn_change_set_set_title (im.set, title);

  for (guint i = 0; i < files->len; i++)
    {
      CsnXliffFile *file = g_ptr_array_index (files, i);

      for (guint j = 0; j < file->units->len; j++)
        import_unit (&im, g_ptr_array_index (file->units, j));
    }

  summary = dup_summary (&im);
  csn_change_set_set_note (im.set, summary);
  csn_change_set_set_finish_func (im.set, record_sources, NULL, NULL);

  g_hash_table_unref (im.texts);
  g_hash_table_unref (im.seen);
  if (reports != NULL)
    *reports = G_LIST_MODEL (g_steal_pointer (&store));
  return im.set;
}

static const char *
describe_io_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("there is no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder, not a file");
  return error->message;
}

/* In any thread: the file's <file>s and units, or an error naming the file and the line. */
static GPtrArray *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *name = csn_file_dup_display_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_READ, "%s: %s", name, describe_io_error (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_READ, "%s: %s", name, _("it is a folder, not a file"));
      return NULL;
    }
  /* A regular file says its size: refused before a byte is read. Pipes are counted as they come. */
  if (g_file_info_get_size (info) > CSN_XLIFF_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size_full (CSN_XLIFF_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %s, the most Consenso reads"), name, limit);
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_READ, "%s: %s", name, describe_io_error (local_error));
      return NULL;
    }
  return csn_xliff_read (G_INPUT_STREAM (stream), name, CSN_XLIFF_MAX_FILE_SIZE, cancellable, error);
}

CsnChangeSet *
csn_xliff_import (CsnDraft      *draft,
                  GFile         *file,
                  GListModel   **reports,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = read_file (file, cancellable, error);
  if (files == NULL)
    return NULL;
  name = csn_file_dup_display_basename (file);
  return csn_xliff_build_change_set (draft, files, name, reports, error);
}

typedef struct {
  GFile    *file;
  gpointer  draft;  /* never dereferenced in the thread: checked in _finish() */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  GPtrArray *files = read_file (job->file, cancellable, &error);

  if (files != NULL)
    g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/* Reads @file in a worker thread; the task holds no reference to @draft, which _finish() takes. */
void
csn_xliff_import_async (CsnDraft            *draft,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->draft = draft;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_xliff_import_async);
  g_task_set_name (task, "csn_xliff_import_async");
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

CsnChangeSet *
csn_xliff_import_finish (CsnDraft      *draft,
                         GAsyncResult  *result,
                         GListModel   **reports,
                         GError       **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *name = NULL;
  ImportJob *job;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_xliff_import_async, NULL);

  job = g_task_get_task_data (G_TASK (result));
  g_return_val_if_fail (job->draft == (gpointer) draft, NULL);

  files = g_task_propagate_pointer (G_TASK (result), error);
  if (files == NULL)
    return NULL;
  name = csn_file_dup_display_basename (job->file);
  return csn_xliff_build_change_set (draft, files, name, reports, error);
}
