/* test-xliff.c: the translators' round trip in C — the texts and their ids, the XLIFF written and
 * read back, the import as one reviewed, undoable step, and every refusal with its place. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "consenso-core.h"
#include "csn-document.h"
#include "csn-xliff-private.h"

typedef struct {
  char     *dir;
  CsnDraft *draft;   /* the template, saved once: it has a draft id */
} Fixture;

static const CsnField *
field_of (gpointer    item,
          const char *key)
{
  return csn_item_class_find_field (CSN_ITEM_GET_CLASS (item), key);
}

static CsnItem *
nth (CsnDraft      *draft,
     CsnCollection  collection,
     guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;  /* the draft keeps it */
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-xliff-XXXXXX", &error);
  g_assert_no_error (error);
  f->draft = csn_draft_new_from_template ();
  path = path_in (f, "grupo.consenso");
  file = g_file_new_for_path (path);
  g_assert_true (csn_draft_save_to_file (f->draft, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (csn_lineage_get_draft_id (csn_draft_get_lineage (f->draft)));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->draft);
  remove_tree (f->dir);
  g_free (f->dir);
}

static GPtrArray *
read_data (const char  *data,
           gssize       length,
           gsize        max_size,
           GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
  return csn_xliff_read (stream, "test.xlf", max_size, NULL, error);
}

static GPtrArray *
read_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *files;

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  files = csn_xliff_read (G_INPUT_STREAM (stream), "out.xlf", CSN_XLIFF_MAX_FILE_SIZE, NULL, &error);
  g_assert_no_error (error);
  return files;
}

static CsnXliffUnit *
lookup_unit (CsnXliffFile *file,
             const char   *id)
{
  for (guint i = 0; i < file->units->len; i++)
    {
      CsnXliffUnit *unit = g_ptr_array_index (file->units, i);

      if (g_str_equal (unit->id, id))
        return unit;
    }
  return NULL;
}

static CsnXliffUnit *
find_unit (CsnXliffFile *file,
           const char   *id)
{
  CsnXliffUnit *unit = lookup_unit (file, id);

  if (unit == NULL)
    g_error ("no unit “%s” in the file", id);
  return unit;
}

static void
set_target (CsnXliffUnit *unit,
            const char   *target,
            const char   *state)
{
  g_free (unit->target);
  unit->target = g_strdup (target);
  if (state != NULL)
    {
      g_free (unit->state);
      unit->state = g_strdup (state);
    }
}

static char *
write_file (Fixture      *f,
            const char   *name,
            CsnXliffFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  char *path = path_in (f, name);
  gsize length;

  data = csn_xliff_write (file, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, data, length, &error));
  return path;
}

static char *
export (Fixture    *f,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = path_in (f, name);

  g_assert_true (csn_xliff_export (f->draft, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static CsnChangeSet *
import (Fixture      *f,
        const char   *path,
        GListModel  **reports)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnChangeSet *set = csn_xliff_import (f->draft, file, reports, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
assert_import_fails (Fixture    *f,
                     const char *path,
                     int         code,
                     const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autofree char *before = csn_draft_content_to_data (f->draft, NULL);
  g_autofree char *after = NULL;
  g_autoptr(CsnChangeSet) set = NULL;

  set = csn_xliff_import (f->draft, file, &reports, NULL, &error);
  g_assert_null (set);
  g_assert_null (reports);
  g_assert_error (error, CSN_XLIFF_ERROR, code);
  g_test_message ("%s", error->message);
  if (!strstr (error->message, expected))
    g_error ("“%s” does not say “%s”", error->message, expected);
  after = csn_draft_content_to_data (f->draft, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Every translatable field of every item, once, with an id that names its list, key and field. */
static void
test_texts (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  CsnItem *theme = nth (draft, CSN_COLLECTION_THEMES, 0);
  g_autoptr(CsnReservation) first = csn_reservation_new ();
  g_autoptr(CsnReservation) second = csn_reservation_new ();
  guint n_expected = 0;
  const char *last_page = NULL;
  guint n_pages = 0;

  /* Two reservations of one country (still without a text: said "Reservation of México on…" in
   * the undo label), a key with a slash. */
  csn_draft_insert_child (draft, theme, "reservations", 0, CSN_ITEM (first));
  csn_draft_insert_child (draft, theme, "reservations", 1, CSN_ITEM (second));
  csn_draft_set_string (draft, CSN_ITEM (first), "country", "MX");
  csn_draft_set_string (draft, CSN_ITEM (second), "country", "MX");
  csn_draft_set_string (draft, nth (draft, CSN_COLLECTION_STRATEGIES, 0), "id", "a/b c");

  texts = csn_draft_list_texts (draft);
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      g_assert_true (text->field->flags & CSN_FIELD_FLAG_TRANSLATABLE);
      g_assert_true (g_hash_table_add (ids, text->id));
      if (csn_collection_for_item (text->item) < CSN_N_COLLECTIONS)
        {
          guint position;

          g_assert_true (csn_draft_find_position (draft, csn_collection_for_item (text->item), text->item, &position));
          g_assert_cmpuint (text->position, ==, position);
        }
      g_assert_nonnull (csn_text_page_get_title (text->page));
      if (g_strcmp0 (last_page, text->page) != 0)
        n_pages++;
      last_page = text->page;
    }
  /* Pages come together, each once. */
  g_assert_cmpuint (n_pages, <=, 8);

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
          guint n_fields;
          const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);

          for (guint j = 0; j < n_fields; j++)
            n_expected += (fields[j].flags & CSN_FIELD_FLAG_TRANSLATABLE) != 0;
        }
    }
  n_expected += 2 + 4 + 2;  /* the meeting's, the document's, the two reservations' */
  g_assert_cmpuint (texts->len, ==, n_expected);

  g_assert_true (g_hash_table_contains (ids, "meeting/title"));
  g_assert_true (g_hash_table_contains (ids, "meeting/venue"));
  g_assert_true (g_hash_table_contains (ids, "document/next_steps"));
  g_assert_true (g_hash_table_contains (ids, "themes/theme-1/title"));
  g_assert_true (g_hash_table_contains (ids, "themes/theme-1/reservations/MX/text"));
  g_assert_true (g_hash_table_contains (ids, "themes/theme-1/reservations/MX/text~2"));
  g_assert_true (g_hash_table_contains (ids, "strategies/a%2Fb%20c/description"));
  g_assert_true (g_hash_table_contains (ids, "mechanisms/mechanism-1/considerations"));
  g_assert_true (g_hash_table_contains (ids, "actors/ppt/current_role"));
  g_assert_true (g_hash_table_contains (ids, "endorsements/BZ/note"));

  /* The first text is the meeting's, on the Overview; the document's come last. */
  g_assert_cmpstr (((CsnText *) g_ptr_array_index (texts, 0))->page, ==, "overview");
  g_assert_cmpstr (((CsnText *) g_ptr_array_index (texts, texts->len - 1))->page, ==, "document");
}

static void
add_position (CsnDraft   *draft,
              const char *id,
              const char *item,
              const char *comment)
{
  g_autoptr(CsnPosition) position = csn_position_new ();

  g_object_set (position, CSN_POSITION_PROP_ID, id, CSN_POSITION_PROP_ITEM, item,
                CSN_POSITION_PROP_COUNTRY, "MX", CSN_POSITION_PROP_COMMENT, comment, NULL);
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (position));
}

/* One page's texts are the whole list's texts of that page: the same, in the same order, with the
 * same ids (a key used twice is numbered over the whole list, positions on other pages included). */
static void
test_page_texts (void)
{
  static const char * const pages[] = { "overview", "theme-matrix", "strategies", "mechanisms", "actors",
                                        "delegations", "endorsements", "document" };
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) texts = NULL;
  guint n_listed = 0;

  add_position (draft, "position-1", "theme-1", "Sobre el tema");
  add_position (draft, "position-1", "strategy-1", "Sobre la estrategia");
  add_position (draft, "position-2", "no-such-item", "");
  texts = csn_draft_list_texts (draft);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GPtrArray) page_texts = csn_draft_list_page_texts (draft, pages[p]);
      guint n = 0;

      for (guint i = 0; i < texts->len; i++)
        {
          CsnText *text = g_ptr_array_index (texts, i);
          CsnText *page_text;

          if (!g_str_equal (text->page, pages[p]))
            continue;
          g_assert_cmpuint (n, <, page_texts->len);
          page_text = g_ptr_array_index (page_texts, n++);
          g_assert_true (page_text->item == text->item);
          g_assert_true (page_text->parent == text->parent);
          g_assert_true (page_text->field == text->field);
          g_assert_cmpstr (page_text->id, ==, text->id);
          g_assert_cmpstr (page_text->page, ==, text->page);
          g_assert_cmpuint (page_text->position, ==, text->position);
        }
      g_assert_cmpuint (n, ==, page_texts->len);
      n_listed += n;
    }
  g_assert_cmpuint (n_listed, ==, texts->len);

  /* The strategy's position is the second with its key: so numbered on its page alone too. */
  {
    g_autoptr(GPtrArray) strategies = csn_draft_list_page_texts (draft, "strategies");
    CsnText *last = g_ptr_array_index (strategies, strategies->len - 1);

    g_assert_cmpstr (last->id, ==, "positions/position-1/comment~2");
  }
}

static void
collect_text (CsnItem        *item,
              const CsnField *field,
              const char     *page,
              gpointer        user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%p %s %s", (void *) item, field->key, page));
}

/* The texts given one by one are the listed texts: each once, with its page. */
static void
test_foreach_text (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CsnReservation) reservation = csn_reservation_new ();

  csn_draft_insert_child (draft, nth (draft, CSN_COLLECTION_THEMES, 0), "reservations", 0, CSN_ITEM (reservation));
  add_position (draft, "position-1", "strategy-1", "Sobre la estrategia");
  texts = csn_draft_list_texts (draft);
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);

      g_assert_true (g_hash_table_add (listed, g_strdup_printf ("%p %s %s", (void *) text->item, text->field->key, text->page)));
    }

  csn_draft_foreach_text (draft, collect_text, given);
  g_assert_cmpuint (given->len, ==, texts->len);
  for (guint i = 0; i < given->len; i++)
    g_assert_true (g_hash_table_remove (listed, g_ptr_array_index (given, i)));
  g_assert_cmpuint (g_hash_table_size (listed), ==, 0);
}

/* The list of issue 15: every free text may carry a translation. */
static void
test_translatable_fields (void)
{
  static const struct {
    GType (*type) (void);
    const char *keys[5];
  } expected[] = {
    { csn_meeting_get_type, { "title", "venue" } },
    { csn_document_texts_get_type, { "preamble", "background", "next_steps", "closing" } },
    { csn_theme_get_type, { "title", "description", "notes" } },
    { csn_reservation_get_type, { "text" } },
    { csn_strategy_get_type, { "description", "notes" } },
    { csn_mechanism_get_type, { "name", "considerations", "proposal" } },
    { csn_role_proposal_get_type, { "attribution", "rationale" } },
    { csn_actor_get_type, { "current_role" } },
    { csn_position_get_type, { "comment" } },
    { csn_endorsement_get_type, { "note" } },
    { csn_participant_get_type, { NULL } },
    { csn_country_get_type, { NULL } },
    { csn_pillar_get_type, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (expected[i].type ());
      guint n_fields;
      const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_CLASS (klass), &n_fields);
      guint n_translatable = 0;

      for (guint j = 0; j < n_fields; j++)
        if (fields[j].flags & CSN_FIELD_FLAG_TRANSLATABLE)
          {
            g_assert_true (g_strv_contains (expected[i].keys, fields[j].key));
            n_translatable++;
          }
      g_assert_cmpuint (n_translatable, ==, g_strv_length ((char **) expected[i].keys));
    }
}

/* The file holds one unit per non-empty text with its state, target and notes. */
static void
test_export_units (Fixture       *f,
                   gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *strategy = nth (f->draft, CSN_COLLECTION_STRATEGIES, 0);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  CsnXliffFile *file;
  CsnXliffUnit *unit;
  guint n_nonempty = 0;
  const char *id;

  csn_draft_set_translation (f->draft, theme, field_of (theme, "title"), CSN_LANGUAGE_EN, "Trafficking in persons");
  csn_draft_set_translation (f->draft, theme, field_of (theme, "description"), CSN_LANGUAGE_EN, "Prevention");
  csn_draft_set_string (f->draft, theme, "description", "Prevención y atención.");
  /* Spaces, line breaks and a carriage return survive the trip as typed. */
  csn_draft_set_string (f->draft, strategy, "notes", "  Línea uno\r\nlínea <dos> & “tres”\t\n  ");
  csn_draft_set_string (f->draft, theme, "notes", "");

  path = export (f, "out.xlf");
  files = read_path (path);
  g_assert_cmpuint (files->len, ==, 1);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpstr (file->source_language, ==, "es");
  g_assert_cmpstr (file->target_language, ==, "en");
  id = csn_lineage_get_draft_id (csn_draft_get_lineage (f->draft));
  g_assert_true (g_str_has_suffix (file->original, id));

  texts = csn_draft_list_texts (f->draft);
  for (guint i = 0; i < texts->len; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      const char *source = csn_item_get_string (text->item, csn_field_get_property_name (text->field, NULL));

      if (source[0] == '\0')
        {
          g_assert_null (lookup_unit (file, text->id));
          continue;
        }
      n_nonempty++;
      unit = find_unit (file, text->id);
      g_assert_cmpstr (unit->source, ==, source);
    }
  g_assert_cmpuint (file->units->len, ==, n_nonempty);
  g_assert_null (lookup_unit (file, "themes/theme-1/notes"));

  unit = find_unit (file, "themes/theme-1/title");
  g_assert_cmpstr (unit->target, ==, "Trafficking in persons");
  g_assert_cmpstr (unit->state, ==, "translated");
  unit = find_unit (file, "themes/theme-1/description");
  g_assert_cmpstr (unit->target, ==, "Prevention");
  g_assert_cmpstr (unit->state, ==, "needs-review-translation");
  unit = find_unit (file, "themes/theme-2/title");
  g_assert_cmpstr (unit->target, ==, "");
  g_assert_cmpstr (unit->state, ==, "new");
  unit = find_unit (file, "strategies/strategy-1/notes");
  g_assert_cmpstr (unit->source, ==, "  Línea uno\r\nlínea <dos> & “tres”\t\n  ");
}

/* A translated file comes back as one change per new translation, applied and undone as one step,
 * each translation then current. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *strategy = nth (f->draft, CSN_COLLECTION_STRATEGIES, 1);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (f->draft));
  g_autofree char *exported = NULL;
  g_autofree char *translated = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  CsnXliffFile *file;

  csn_draft_set_string (f->draft, meeting, "venue", "Ciudad de Panamá");
  exported = export (f, "out.xlf");
  files = read_path (exported);
  file = g_ptr_array_index (files, 0);
  set_target (find_unit (file, "meeting/venue"), "Panama City", NULL);
  set_target (find_unit (file, "themes/theme-1/title"), "Trafficking in persons and smuggling of migrants",
              "translated");
  set_target (find_unit (file, "strategies/strategy-2/description"), "  Two\r\nlines  ", NULL);
  translated = write_file (f, "translated.xlf", file);

  before = csn_draft_content_to_data (f->draft, NULL);
  set = import (f, translated, &reports);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 3);
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      guint line = 0;

      g_assert_cmpint (csn_change_get_kind (change), ==, CSN_CHANGE_SET_FIELD);
      g_assert_true (csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (csn_change_get_item (change)),
                                                             csn_change_get_property_name (change), NULL, NULL));
      g_assert_nonnull (csn_xliff_change_get_unit_id (change, &line));
      g_assert_cmpuint (line, >, 1);
      g_assert_cmpstr (csn_change_get_origin (change), ==, "translated.xlf");
    }
  /* Nothing changes before the co-chairs apply it. */
  g_assert_cmpint (csn_item_get_translation_state (meeting, field_of (meeting, "venue"), CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_MISSING);

  g_assert_cmpuint (csn_change_set_apply (set, f->draft), ==, 3);
  g_assert_cmpstr (csn_item_get_translation (meeting, field_of (meeting, "venue"), CSN_LANGUAGE_EN, NULL), ==,
                   "Panama City");
  g_assert_cmpint (csn_item_get_translation_state (meeting, field_of (meeting, "venue"), CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_CURRENT);
  g_assert_cmpint (csn_item_get_translation_state (theme, field_of (theme, "title"), CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_CURRENT);
  g_assert_cmpstr (csn_item_get_translation (strategy, field_of (strategy, "description"), CSN_LANGUAGE_EN, NULL),
                   ==, "  Two\r\nlines  ");

  /* One undo takes it all back. */
  g_assert_true (csn_draft_undo (f->draft));
  undone = csn_draft_content_to_data (f->draft, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (csn_draft_redo (f->draft));
  g_assert_cmpint (csn_item_get_translation_state (theme, field_of (theme, "title"), CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_CURRENT);

  /* Imported again, the same file brings nothing new. */
  {
    g_autoptr(CsnChangeSet) again = import (f, translated, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
  }
}

/* A source edited after the export: its translation is reported, not applied; a source edited
 * before, its outdated translation exported for review and confirmed by the translator. */
static void
test_outdated (Fixture       *f,
               gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *mechanism = nth (f->draft, CSN_COLLECTION_MECHANISMS, 0);
  const CsnField *title = field_of (theme, "title");
  const CsnField *name = field_of (mechanism, "name");
  g_autofree char *exported = NULL;
  g_autofree char *translated = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(CsnChange) stale = NULL;
  g_autoptr(CsnChange) confirmed = NULL;
  CsnXliffFile *file;
  CsnXliffUnit *unit;

  csn_draft_set_translation (f->draft, mechanism, name, CSN_LANGUAGE_EN, "Vice-Ministerial Meeting");
  csn_draft_set_string (f->draft, mechanism, "name", "Reunión Viceministerial (RVM)");
  g_assert_cmpint (csn_item_get_translation_state (mechanism, name, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_OUTDATED);

  exported = export (f, "out.xlf");
  files = read_path (exported);
  file = g_ptr_array_index (files, 0);
  unit = find_unit (file, "mechanisms/mechanism-1/name");
  g_assert_cmpstr (unit->state, ==, "needs-review-translation");
  g_assert_cmpstr (unit->target, ==, "Vice-Ministerial Meeting");
  /* The translator keeps it and says it is done. */
  set_target (unit, "Vice-Ministerial Meeting", "translated");
  set_target (find_unit (file, "themes/theme-1/title"), "Trafficking in persons", "translated");
  translated = write_file (f, "translated.xlf", file);

  /* Meanwhile the co-chairs reword the theme. */
  csn_draft_set_string (f->draft, theme, "title", "Trata de personas");

  before = csn_draft_content_to_data (f->draft, NULL);
  set = import (f, translated, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);
  /* In the file's order: the theme matrix before the mechanisms. */
  stale = g_list_model_get_item (G_LIST_MODEL (set), 0);
  confirmed = g_list_model_get_item (G_LIST_MODEL (set), 1);
  g_assert_true (csn_change_get_item (stale) == theme);
  g_assert_false (csn_change_get_applicable (stale));
  g_assert_false (csn_change_get_accepted (stale));
  g_assert_nonnull (strstr (csn_change_get_note (stale), "Trata de personas y tráfico ilícito de migrantes"));
  g_assert_true (csn_change_get_item (confirmed) == mechanism);
  g_assert_true (csn_change_get_applicable (confirmed) && csn_change_get_accepted (confirmed));
  g_assert_nonnull (csn_change_get_note (confirmed));

  /* Accepting everything cannot take a change that is not applicable. */
  csn_change_set_accept_all (set, TRUE, FALSE, NULL);
  g_assert_false (csn_change_get_accepted (stale));
  csn_change_set_apply (set, f->draft);
  g_assert_cmpint (csn_item_get_translation_state (theme, title, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_MISSING);
  g_assert_cmpint (csn_item_get_translation_state (mechanism, name, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_CURRENT);
  g_assert_true (csn_draft_undo (f->draft));
  {
    g_autofree char *undone = csn_draft_content_to_data (f->draft, NULL);
    g_assert_cmpstr (undone, ==, before);
  }
}

/* Accepting an outdated translation keeps its text, records the source as it is now, and is one
 * step to undo; a missing or current one is left alone. */
static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  CsnItem *mechanism = nth (f->draft, CSN_COLLECTION_MECHANISMS, 0);
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  const CsnField *name = field_of (mechanism, "name");
  CsnHistory *history = csn_draft_get_history (f->draft);
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  const char *from;

  csn_draft_set_translation (f->draft, mechanism, name, CSN_LANGUAGE_EN, "Vice-Ministerial Meeting");
  csn_draft_set_string (f->draft, mechanism, "name", "Reunión Viceministerial (RVM)");
  g_assert_cmpint (csn_item_get_translation_state (mechanism, name, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_OUTDATED);
  before = csn_draft_content_to_data (f->draft, NULL);

  csn_draft_accept_translation (f->draft, mechanism, name, CSN_LANGUAGE_EN);
  g_assert_cmpint (csn_item_get_translation_state (mechanism, name, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_CURRENT);
  g_assert_cmpstr (csn_item_get_translation (mechanism, name, CSN_LANGUAGE_EN, &from), ==, "Vice-Ministerial Meeting");
  g_assert_cmpstr (from, ==, "Reunión Viceministerial (RVM)");
  g_assert_nonnull (strstr (csn_history_get_undo_label (history), "up to date"));

  g_assert_true (csn_draft_undo (f->draft));
  undone = csn_draft_content_to_data (f->draft, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (csn_item_get_translation_state (mechanism, name, CSN_LANGUAGE_EN), ==, CSN_TRANSLATION_OUTDATED);

  /* Nothing to accept: no step, so the undone one can still be redone. */
  csn_draft_accept_translation (f->draft, theme, field_of (theme, "title"), CSN_LANGUAGE_EN);
  g_assert_cmpint (csn_item_get_translation_state (theme, field_of (theme, "title"), CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_MISSING);
  g_assert_true (csn_history_can_redo (history));
}

/* States the translator left unfinished, empty targets, unknown and repeated ids. */
static void
test_unit_cases (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *exported = export (f, "out.xlf");
  g_autofree char *translated = NULL;
  g_autoptr(GPtrArray) files = read_path (exported);
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(CsnChange) review = NULL;
  g_autoptr(CsnProblem) unknown = NULL;
  g_autoptr(CsnProblem) twice = NULL;
  CsnXliffFile *file = g_ptr_array_index (files, 0);

  set_target (find_unit (file, "themes/theme-2/title"), "Migrant children", "needs-review-translation");
  set_target (find_unit (file, "themes/theme-3/title"), "", "translated");
  set_target (csn_xliff_file_add_unit (file, "themes/theme-99/title", "Tema perdido"), "Lost theme", NULL);
  set_target (csn_xliff_file_add_unit (file, "themes/theme-2/title", "Otra vez"), "Again", NULL);
  translated = write_file (f, "translated.xlf", file);

  set = import (f, translated, &reports);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 1);
  review = g_list_model_get_item (G_LIST_MODEL (set), 0);
  g_assert_true (csn_change_get_applicable (review));
  g_assert_false (csn_change_get_accepted (review));
  g_assert_nonnull (strstr (csn_change_get_note (review), "review"));
  g_assert_nonnull (strstr (csn_change_set_get_note (set), "1 unit of the file matches no text"));

  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 2);
  unknown = g_list_model_get_item (reports, 0);
  g_assert_nonnull (strstr (csn_problem_get_place (unknown), "unit “themes/theme-99/title”"));
  g_assert_true (g_str_has_prefix (csn_problem_get_place (unknown), "line "));
  twice = g_list_model_get_item (reports, 1);
  g_assert_nonnull (strstr (csn_problem_get_message (twice), "twice"));

  /* Accepted by the co-chairs after all, it applies. */
  csn_change_set_accept_all (set, TRUE, FALSE, NULL);
  g_assert_cmpuint (csn_change_set_apply (set, f->draft), ==, 1);
}

static void
write_text (Fixture    *f,
            const char *name,
            const char *text,
            char      **path)
{
  g_autoptr(GError) error = NULL;

  *path = path_in (f, name);
  g_assert_true (g_file_set_contents (*path, text, -1, &error));
}

/* Files that are not what they claim are refused, with the file, the line and the reason; the
 * draft is as it was. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *text;
    int         code;
    const char *says;
  } cases[] = {
    { "empty.xlf", "", CSN_XLIFF_ERROR_NOT_XML, "empty.xlf: the file is empty" },
    { "text.xlf", "Hola, esto no es XML\n", CSN_XLIFF_ERROR_NOT_XML, "text.xlf: line 1: this is not an XLIFF file" },
    { "cut.xlf", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file original=\"x\" source-language=\"es\">\n",
      CSN_XLIFF_ERROR_NOT_XML, "cut.xlf: line 3: this is not well-formed XML: the file ends before" },
    { "laughs.xlf",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n <!ENTITY a \"aaaaaaaaaa\">\n"
      " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
      "<xliff version=\"1.2\"><file original=\"x\" source-language=\"es\"><body>\n"
      "<trans-unit id=\"meeting/title\"><source>&c;</source><target>&c;</target></trans-unit></body></file></xliff>\n",
      CSN_XLIFF_ERROR_UNSAFE, "laughs.xlf: line 2: a document type declaration" },
    { "external.xlf",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [ <!ENTITY passwd SYSTEM \"file:///etc/passwd\"> ]>\n"
      "<xliff version=\"1.2\"><file original=\"x\" source-language=\"es\"><body>\n"
      "<trans-unit id=\"meeting/title\"><source>x</source><target>&passwd;</target></trans-unit></body></file></xliff>\n",
      CSN_XLIFF_ERROR_UNSAFE, "external.xlf: line 2: a document type declaration" },
    { "entity.xlf",
      "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file original=\"x\" source-language=\"es\"><body>\n"
      "<trans-unit id=\"meeting/title\"><source>x</source>\n<target>&nbsp;</target></trans-unit></body></file></xliff>\n",
      CSN_XLIFF_ERROR_NOT_XML, "entity.xlf: line 4: this is not well-formed XML: Entity 'nbsp' not defined" },
    { "html.xlf", "<html><body>no</body></html>", CSN_XLIFF_ERROR_FORMAT, "html.xlf: line 1: this is not an XLIFF file" },
    { "two.xlf",
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"es\"><file id=\"f\"/></xliff>",
      CSN_XLIFF_ERROR_FORMAT, "version 2.0" },
    { "noid.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"x\" source-language=\"es\"><body>\n\n<trans-unit><source>x</source></trans-unit>"
      "</body></file></xliff>",
      CSN_XLIFF_ERROR_FORMAT, "noid.xlf: line 4: a <trans-unit> has no id" },
    { "nosource.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"x\" source-language=\"es\"><body>\n<trans-unit id=\"meeting/title\"><target>x</target>"
      "</trans-unit></body></file></xliff>",
      CSN_XLIFF_ERROR_FORMAT, "nosource.xlf: line 3: unit “meeting/title” has no <source>" },
    { "nofile.xlf", "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>",
      CSN_XLIFF_ERROR_FORMAT, "holds no <file>" },
    { "french.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"x\" source-language=\"es\" target-language=\"fr-FR\"><body/></file></xliff>",
      CSN_XLIFF_ERROR_LANGUAGE, "french.xlf: line 2: the file translates into “fr-FR”; the draft’s texts are translated into “en”" },
    { "english.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"x\" source-language=\"en-US\" target-language=\"es\"><body/></file></xliff>",
      CSN_XLIFF_ERROR_LANGUAGE, "english.xlf: line 2: the file translates from “en-US”; the draft is written in “es”" },
    { "other.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\" source-language=\"es\" target-language=\"en\">"
      "<body/></file></xliff>",
      CSN_XLIFF_ERROR_OTHER_DRAFT, "other.xlf: line 2: the file was exported from another draft" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;

      write_text (f, cases[i].name, cases[i].text, &path);
      assert_import_fails (f, path, cases[i].code, cases[i].says);
    }

  /* In UTF-16 too. */
  {
    static const char doctype[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE xliff [<!ENTITY a \"b\">]>\n"
                                  "<xliff version=\"1.2\"/>\n";
    g_autoptr(GError) error = NULL;
    g_autofree char *path = path_in (f, "utf16.xlf");
    g_autofree char *utf16 = NULL;
    g_autoptr(GString) bytes = g_string_new_len ("\xFF\xFE", 2);
    gsize length;

    utf16 = g_convert (doctype, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
    g_assert_no_error (error);
    g_string_append_len (bytes, utf16, length);
    g_assert_true (g_file_set_contents (path, bytes->str, bytes->len, &error));
    assert_import_fails (f, path, CSN_XLIFF_ERROR_UNSAFE, "utf16.xlf: line 2: a document type declaration");
  }

  /* Not there, a folder. */
  {
    g_autofree char *missing = path_in (f, "missing.xlf");
    assert_import_fails (f, missing, CSN_XLIFF_ERROR_READ, "missing.xlf: there is no such file");
    assert_import_fails (f, f->dir, CSN_XLIFF_ERROR_READ, "it is a folder");
  }
}

/* A file over the limit is refused before it is read; a stream is cut where it passes it. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *huge = path_in (f, "huge.xlf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new ("<xliff version=\"1.2\"><file original=\"x\" source-language=\"es\"><body>"
                                               "<trans-unit id=\"meeting/title\"><source>");
  GPtrArray *files;
  int fd;

  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  /* Sparse: no disk is used. */
  g_assert_cmpint (ftruncate (fd, (goffset) CSN_XLIFF_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  assert_import_fails (f, huge, CSN_XLIFF_ERROR_TOO_LARGE, "huge.xlf: the file is larger than 128.0\u00a0MiB");

  while (long_text->len < 100000)
    g_string_append (long_text, "texto largo ");
  files = read_data (long_text->str, long_text->len, 65536, &error);
  g_assert_null (files);
  g_assert_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "test.xlf: the file is larger than 64.0\u00a0KiB"));
}

/* Inline codes, CDATA, alt-trans and extensions: only the unit's own source and target count. */
static void
test_reader_structure (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:x=\"urn:example\">\n"
    " <file original=\"a\" source-language=\"es\" target-language=\"en\" datatype=\"plaintext\">\n"
    "  <body>\n"
    "   <group id=\"g\">\n"
    "    <trans-unit id=\"u1\" xml:space=\"preserve\">\n"
    "     <source>Uno <g id=\"1\">dos</g><ph id=\"2\">{code}</ph> tres</source>\n"
    "     <seg-source><mrk mtype=\"seg\">ignored</mrk></seg-source>\n"
    "     <target state=\"translated\">One <![CDATA[<two>]]> &amp; three</target>\n"
    "     <alt-trans><source>otra</source><target>other</target></alt-trans>\n"
    "     <x:extra><target>not this</target></x:extra>\n"
    "     <note>a note</note>\n"
    "    </trans-unit>\n"
    "   </group>\n"
    "   <trans-unit id=\"u2\"><source/></trans-unit>\n"
    "  </body>\n"
    " </file>\n"
    "</xliff>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = read_data (text, -1, CSN_XLIFF_MAX_FILE_SIZE, &error);
  CsnXliffFile *file;
  CsnXliffUnit *unit;

  g_assert_no_error (error);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpuint (file->line, ==, 3);
  g_assert_cmpuint (file->units->len, ==, 2);
  unit = g_ptr_array_index (file->units, 0);
  g_assert_cmpstr (unit->id, ==, "u1");
  g_assert_cmpuint (unit->line, ==, 6);
  g_assert_cmpstr (unit->source, ==, "Uno dos tres");
  g_assert_cmpstr (unit->target, ==, "One <two> & three");
  g_assert_cmpstr (unit->state, ==, "translated");
  unit = g_ptr_array_index (file->units, 1);
  g_assert_cmpstr (unit->source, ==, "");
  g_assert_null (unit->target);

  /* The same in UTF-16, as some tools save it. */
  {
    g_autoptr(GString) declared = g_string_new (text);
    g_autofree char *utf16 = NULL;
    g_autoptr(GString) bytes = g_string_new_len ("\xFF\xFE", 2);
    g_autoptr(GPtrArray) again = NULL;
    gsize length;

    g_string_replace (declared, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    utf16 = g_convert (declared->str, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
    g_assert_no_error (error);
    g_string_append_len (bytes, utf16, length);
    again = read_data (bytes->str, bytes->len, CSN_XLIFF_MAX_FILE_SIZE, &error);
    g_assert_no_error (error);
    unit = g_ptr_array_index (((CsnXliffFile *) g_ptr_array_index (again, 0))->units, 0);
    g_assert_cmpstr (unit->target, ==, "One <two> & three");
  }
}

/* A text XML cannot carry stops the export, which names it; an existing file is kept. */
static void
test_export_refuses_control_characters (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = export (f, "out.xlf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  csn_draft_set_string (f->draft, nth (f->draft, CSN_COLLECTION_THEMES, 2), "description", "Texto\001pegado");
  g_assert_false (csn_xliff_export (f->draft, path, NULL, &error));
  g_assert_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TEXT);
  g_assert_nonnull (strstr (error->message, "Theme 3"));
  g_assert_nonnull (strstr (error->message, "U+0001"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The async pairs: the export copies the texts at the call; the import matches in _finish(). */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  g_autofree char *path = path_in (f, "async.xlf");
  g_autofree char *translated = NULL;
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GListModel) reports = NULL;
  const char *title = csn_item_get_string (theme, "title");
  g_autofree char *at_call = g_strdup (title);

  csn_xliff_export_async (f->draft, path, NULL, on_async_done_cb, &exported);
  csn_draft_set_string (f->draft, theme, "title", "Cambiado después");
  g_assert_true (csn_xliff_export_finish (wait_for (&exported), &error));
  g_assert_no_error (error);
  files = read_path (path);
  g_assert_cmpstr (find_unit (g_ptr_array_index (files, 0), "themes/theme-1/title")->source, ==, at_call);

  set_target (find_unit (g_ptr_array_index (files, 0), "themes/theme-2/title"), "Children", NULL);
  translated = write_file (f, "translated.xlf", g_ptr_array_index (files, 0));
  file = g_file_new_for_path (translated);
  csn_xliff_import_async (f->draft, file, NULL, on_async_done_cb, &imported);
  set = csn_xliff_import_finish (f->draft, wait_for (&imported), &reports, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 0);

  /* A failure comes back through _finish() too. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/consenso.xlf");
    g_autoptr(GAsyncResult) failed = NULL;
    g_autoptr(CsnChangeSet) none = NULL;
    g_autoptr(GError) read_error = NULL;

    csn_xliff_import_async (f->draft, missing, NULL, on_async_done_cb, &failed);
    none = csn_xliff_import_finish (f->draft, wait_for (&failed), NULL, &read_error);
    g_assert_null (none);
    g_assert_error (read_error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_READ);
  }
  {
    g_autoptr(GAsyncResult) failed = NULL;
    g_autoptr(GError) write_error = NULL;

    csn_xliff_export_async (f->draft, "/nonexistent/dir/out.xlf", NULL, on_async_done_cb, &failed);
    g_assert_false (csn_xliff_export_finish (wait_for (&failed), &write_error));
    g_assert_nonnull (write_error);
  }
}

/* Outputs in the other language use translations, and mark what is missing or outdated. */
static void
test_text_for_language (Fixture       *f,
                        gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *endorsement = nth (f->draft, CSN_COLLECTION_ENDORSEMENTS, 0);
  const CsnField *note = field_of (endorsement, "note");
  g_autofree char *untranslated = NULL;
  g_autofree char *current = NULL;
  g_autofree char *outdated = NULL;
  g_autofree char *spanish = NULL;

  csn_draft_set_string (f->draft, endorsement, "note", "Por nota verbal");
  untranslated = csn_item_dup_text_for_language (endorsement, note, CSN_LANGUAGE_ES, CSN_LANGUAGE_EN);
  g_assert_cmpstr (untranslated, ==, "[untranslated] Por nota verbal");
  csn_draft_set_translation (f->draft, endorsement, note, CSN_LANGUAGE_EN, "By diplomatic note");
  current = csn_item_dup_text_for_language (endorsement, note, CSN_LANGUAGE_ES, CSN_LANGUAGE_EN);
  g_assert_cmpstr (current, ==, "By diplomatic note");
  csn_draft_set_string (f->draft, endorsement, "note", "Por nota verbal del 3 de mayo");
  outdated = csn_item_dup_text_for_language (endorsement, note, CSN_LANGUAGE_ES, CSN_LANGUAGE_EN);
  g_assert_cmpstr (outdated, ==, "[outdated translation] Por nota verbal del 3 de mayo");
  spanish = csn_item_dup_text_for_language (theme, field_of (theme, "title"), CSN_LANGUAGE_ES, CSN_LANGUAGE_ES);
  g_assert_cmpstr (spanish, ==, csn_item_get_string (theme, "title"));
}

/* The document's paragraphs and footnotes, one a line. */
static char *
dup_document_text (CsnDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < csn_document_get_n_blocks (doc) + csn_document_get_n_footnotes (doc); i++)
    {
      const CsnDocumentText *text = i < csn_document_get_n_blocks (doc)
                                    ? &csn_document_get_block (doc, i)->text
                                    : &csn_document_get_footnote (doc, i - csn_document_get_n_blocks (doc))->text;

      for (guint r = 0; r < text->n_runs; r++)
        if (!(text->runs[r].flags & (CSN_DOCUMENT_RUN_FOOTNOTE | CSN_DOCUMENT_RUN_SUPERSCRIPT)))
          g_string_append_len (out, text->runs[r].text, text->runs[r].length);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The document in the other language ends a translated sentence by the translation, and does not
 * introduce a reservation whose translation introduces itself. */
static void
test_document_sentences (Fixture       *f,
                         gconstpointer  data)
{
  CsnItem *theme = nth (f->draft, CSN_COLLECTION_THEMES, 0);
  g_autoptr(CsnReservation) reservation = csn_reservation_new ();
  g_autoptr(CsnDocument) english = NULL;
  g_autoptr(CsnDocument) spanish = NULL;
  g_autofree char *english_text = NULL;
  g_autofree char *spanish_text = NULL;

  csn_draft_set_string (f->draft, theme, "title", "Trata de personas y tráfico ilícito de migrantes.");
  csn_draft_set_translation (f->draft, theme, field_of (theme, "title"), CSN_LANGUAGE_EN,
                             "Trafficking in persons and smuggling of migrants");
  csn_draft_insert_child (f->draft, theme, "reservations", 0, CSN_ITEM (reservation));
  csn_draft_set_string (f->draft, CSN_ITEM (reservation), "country", "CA");
  csn_draft_set_string (f->draft, CSN_ITEM (reservation), "text", "Canadá reserva su posición sobre el plazo");
  csn_draft_set_translation (f->draft, CSN_ITEM (reservation), field_of (reservation, "text"), CSN_LANGUAGE_EN,
                             "The delegation of Canada reserves its position on the term.");

  english = csn_document_new (f->draft, CSN_LANGUAGE_EN);
  english_text = dup_document_text (english);
  g_assert_nonnull (strstr (english_text, "Trafficking in persons and smuggling of migrants. "));
  g_assert_nonnull (strstr (english_text, "\nThe delegation of Canada reserves its position on the term.\n"));
  g_assert_null (strstr (english_text, "entered a reservation: The delegation of Canada"));

  spanish = csn_document_new (f->draft, CSN_LANGUAGE_ES);
  spanish_text = dup_document_text (spanish);
  g_assert_nonnull (strstr (spanish_text, "Trata de personas y tráfico ilícito de migrantes. "));
  g_assert_null (strstr (spanish_text, "migrantes.."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xliff/texts", test_texts);
  g_test_add_func ("/xliff/page-texts", test_page_texts);
  g_test_add_func ("/xliff/foreach-text", test_foreach_text);
  g_test_add_func ("/xliff/translatable-fields", test_translatable_fields);
  g_test_add_func ("/xliff/reader-structure", test_reader_structure);
#define ADD(path, func) g_test_add ("/xliff/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export-units", test_export_units);
  ADD ("round-trip", test_round_trip);
  ADD ("outdated", test_outdated);
  ADD ("accept", test_accept);
  ADD ("unit-cases", test_unit_cases);
  ADD ("refusals", test_refusals);
  ADD ("too-large", test_too_large);
  ADD ("export-refuses-control-characters", test_export_refuses_control_characters);
  ADD ("async", test_async);
  ADD ("text-for-language", test_text_for_language);
  ADD ("document-sentences", test_document_sentences);
#undef ADD

  return g_test_run ();
}
