/* csn-answers-import.c: reads the workbooks the delegations send back (found through the defined names the
 * export wrote, or the hidden markers above their columns; rows matched by item id) and turns what each
 * country answered into changes. */
#define G_LOG_DOMAIN "csn-answers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "csn-answers-import-private.h"
#include "csn-catalog.h"
#include "csn-change-set.h"
#include "csn-change.h"
#include "csn-country.h"
#include "csn-draft.h"
#include "csn-endorsement.h"
#include "csn-export-private.h"
#include "csn-item-private.h"
#include "csn-position.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-theme.h"
#include "csn-xlsx-reader.h"

G_DEFINE_QUARK (csn-answers-error-quark, csn_answers_error)

#define NO_STANCE (-1)

/* The four tables a delegation answers in, by the stem of their defined names. */
static const struct {
  const char    *key;
  CsnCollection  collection;
} answer_tables[] = {
  { "Theme", CSN_COLLECTION_THEMES },
  { "Strategy", CSN_COLLECTION_STRATEGIES },
  { "Mechanism", CSN_COLLECTION_MECHANISMS },
  { "Proposal", CSN_COLLECTION_ROLE_PROPOSALS },
};

/* Labels */

/* A label as people type it: without accents, case or extra spaces ("  apoya CON reserva" = "Apoya con reserva"). */
static char *
fold_label (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *folded = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_string_free (folded, FALSE);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_ismark (ch))
        continue;
      if (g_unichar_isspace (ch) || ch == 0xA0)
        {
          space = folded->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (folded, ' ');
      space = FALSE;
      g_string_append_unichar (folded, g_unichar_tolower (ch));
    }
  return g_string_free (folded, FALSE);
}

/* Folded labels in both working languages, and the values' nicks, -> value + 1. */
static GHashTable *
build_labels (GType type)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;
      const char *texts[] = {
        csn_catalog_lookup_enum_label (CSN_LANGUAGE_ES, type, value),
        csn_catalog_lookup_enum_label (CSN_LANGUAGE_EN, type, value),
        klass->values[i].value_nick,
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        g_hash_table_insert (labels, fold_label (texts[t]), GINT_TO_POINTER (value + 1));
    }
  return labels;
}

static GHashTable *
get_labels (GType type)
{
  static GHashTable *stances, *statuses;
  GHashTable **table = type == CSN_TYPE_STANCE ? &stances : &statuses;

  g_assert (type == CSN_TYPE_STANCE || type == CSN_TYPE_ENDORSEMENT_STATUS);
  if (g_once_init_enter (table))
    g_once_init_leave (table, build_labels (type));
  return *table;
}

/* The value a typed label stands for, or -1. */
static int
parse_folded_label (GType       type,
                    const char *text)
{
  g_autofree char *folded = fold_label (text);

  return GPOINTER_TO_INT (g_hash_table_lookup (get_labels (type), folded)) - 1;
}

/* The labels exactly as the drop-downs write them -> value + 1, found as parse_folded_label()
 * finds them: most cells hold one, and folding each costs more than the rest of its row. */
static GHashTable *
build_exact_labels (GType type)
{
  GHashTable *labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *texts[] = {
        csn_catalog_lookup_enum_label (CSN_LANGUAGE_ES, type, klass->values[i].value),
        csn_catalog_lookup_enum_label (CSN_LANGUAGE_EN, type, klass->values[i].value),
        klass->values[i].value_nick,
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        g_hash_table_insert (labels, (gpointer) texts[t], GINT_TO_POINTER (parse_folded_label (type, texts[t]) + 1));
    }
  return labels;
}

static int
parse_label (GType       type,
             const char *text)
{
  static GHashTable *stances, *statuses;
  GHashTable **table = type == CSN_TYPE_STANCE ? &stances : &statuses;
  gpointer value;

  g_assert (type == CSN_TYPE_STANCE || type == CSN_TYPE_ENDORSEMENT_STATUS);
  if (g_once_init_enter (table))
    g_once_init_leave (table, build_exact_labels (type));
  if (g_hash_table_lookup_extended (*table, text, NULL, &value))
    return GPOINTER_TO_INT (value) - 1;
  return parse_folded_label (type, text);
}

/* "Apoya, Apoya con reserva, …": the labels a cell may hold, in the workbook's language. */
static char *
dup_allowed_labels (GType       type,
                    CsnLanguage language)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *allowed = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (allowed, ", ");
      g_string_append (allowed, csn_catalog_lookup_enum_label (language, type, klass->values[i].value));
    }
  return g_string_free (allowed, FALSE);
}

/* Reading: in any thread, no draft */

typedef struct {
  CsnCollection  collection;
  char          *item;
  int            stance;    /* NO_STANCE when the cell is empty */
  char          *comment;   /* never NULL */
} Answer;

typedef struct {
  int   stance;
  char *comment;
} BaseAnswer;

typedef struct {
  gboolean given;
  int      status;   /* -1 when the cell is empty */
  char    *date;     /* NULL when empty */
  char    *note;     /* never NULL */
} EndorsementAnswer;

typedef struct {
  char              *display_name;
  guint              order;        /* among the files given */
  GError            *refusal;
  GPtrArray         *problems;     /* GError, cells not read */
  GHashTable        *info;         /* key -> value */
  CsnXlsxTable      *info_table;   /* the hidden sheet, while it is read */
  const char        *country;      /* in info */
  const char        *draft_id;     /* "" when the draft had no lineage at the export */
  const char        *title_hash;
  const char        *draft_title;
  const char        *revision;     /* the export run's */
  const char        *exported;
  const char        *date;
  CsnLanguage        language;
  GArray            *answers;      /* Answer */
  GHashTable        *base;         /* item -> BaseAnswer */
  EndorsementAnswer  endorsement;
  EndorsementAnswer  base_endorsement;
} AnswersFile;

static void
answer_clear (gpointer data)
{
  Answer *answer = data;

  g_free (answer->item);
  g_free (answer->comment);
}

static void
base_answer_free (gpointer data)
{
  BaseAnswer *base = data;

  g_free (base->comment);
  g_free (base);
}

static void
endorsement_answer_clear (EndorsementAnswer *answer)
{
  g_free (answer->date);
  g_free (answer->note);
}

static void
answers_file_free (AnswersFile *file)
{
  g_free (file->display_name);
  g_clear_error (&file->refusal);
  g_ptr_array_unref (file->problems);
  g_clear_pointer (&file->info, g_hash_table_unref);
  g_clear_pointer (&file->info_table, csn_xlsx_table_unref);
  g_array_unref (file->answers);
  g_hash_table_unref (file->base);
  endorsement_answer_clear (&file->endorsement);
  endorsement_answer_clear (&file->base_endorsement);
  g_free (file);
}

static AnswersFile *
answers_file_new (guint order)
{
  AnswersFile *file = g_new0 (AnswersFile, 1);

  file->order = order;
  file->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  file->answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  g_array_set_clear_func (file->answers, answer_clear);
  file->base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, base_answer_free);
  file->endorsement.status = -1;
  file->base_endorsement.status = -1;
  return file;
}

static gboolean G_GNUC_PRINTF (3, 4)
refuse (AnswersFile *file,
        int          code,
        const char  *format,
        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (file->refusal == NULL)
    /* Translators: a file name, then what is wrong with it */
    file->refusal = g_error_new (CSN_ANSWERS_ERROR, code, _("%s: %s"), file->display_name, what);
  return FALSE;
}

static void G_GNUC_PRINTF (3, 4)
report_cell (AnswersFile *file,
             const char  *place,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a place in a workbook (“mexico.xlsx: sheet “Temas”, cell D5”), then what is wrong there */
  g_ptr_array_add (file->problems, g_error_new (CSN_ANSWERS_ERROR, CSN_ANSWERS_ERROR_BAD_ANSWER, _("%s: %s"),
                                                place, what));
}

/* A text as the cell holds it, spaces at either end dropped. */
static char *
dup_cell_text (const CsnXlsxCell *cell)
{
  return cell != NULL ? g_strstrip (g_strdup (cell->text)) : g_strdup ("");
}

static gboolean
cell_is (CsnXlsxTable *table,
         guint         row,
         guint         column,
         const char   *text)
{
  const CsnXlsxCell *cell = csn_xlsx_table_get (table, row, column);

  return cell != NULL && cell->type == CSN_XLSX_CELL_STRING && strcmp (cell->text, text) == 0;
}

/* The first cell of any sheet that holds @text, with @right (if not NULL) in the cell to its right. */
static CsnXlsxTable *
find_cell (CsnXlsxBook  *book,
           AnswersFile  *file,
           const char   *text,
           const char   *right,
           guint        *row,
           guint        *column)
{
  for (guint s = 0; s < csn_xlsx_book_get_n_sheets (book); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsnXlsxTable) table = csn_xlsx_book_read_sheet (book, s, &error);
      const CsnXlsxCell *cells;
      guint n_cells;

      if (table == NULL)
        {
          /* A sheet that cannot be read: the reader's message names the file and the sheet. */
          g_clear_error (&file->refusal);
          file->refusal = g_steal_pointer (&error);
          return NULL;
        }
      cells = csn_xlsx_table_get_cells (table, &n_cells);
      for (guint i = 0; i < n_cells; i++)
        if (cells[i].type == CSN_XLSX_CELL_STRING && strcmp (cells[i].text, text) == 0 &&
            (right == NULL || cell_is (table, cells[i].row, cells[i].column + 1, right)))
          {
            *row = cells[i].row;
            *column = cells[i].column;
            return g_steal_pointer (&table);
          }
    }
  return NULL;
}

/* Where the columns of an answer table, or the cells of the endorsement, are in a workbook. */
typedef struct {
  CsnXlsxTable *table;
  guint         marker_row;
  guint         columns[4];
} Located;

static void
located_clear (Located *located)
{
  g_clear_pointer (&located->table, csn_xlsx_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Located, located_clear)

static char *
dup_marker (const char *key,
            const char *suffix)
{
  return g_strdup_printf (CSN_ANSWERS_MARKER_FORMAT, key, suffix);
}

/* "Consenso_Theme_Stance" for the suffix "stance" of "Theme". */
static char *
dup_name (const char *key,
          const char *suffix)
{
  return g_strdup_printf ("Consenso_%s_%c%s", key, g_ascii_toupper (suffix[0]), suffix + 1);
}

/* Through the defined names, each checked against the marker @offset rows above where it points. */
static gboolean
locate_by_names (CsnXlsxBook         *book,
                 const char          *key,
                 const char * const  *suffixes,
                 guint                n_suffixes,
                 guint                offset,
                 Located             *located,
                 GError             **error)
{
  for (guint i = 0; i < n_suffixes; i++)
    {
      g_autofree char *name = dup_name (key, suffixes[i]);
      g_autofree char *marker = dup_marker (key, suffixes[i]);
      g_autoptr(CsnXlsxTable) table = NULL;
      CsnXlsxRange range;

      table = csn_xlsx_book_read_defined_name (book, name, -1, &range, error);
      if (table == NULL)
        return FALSE;
      if (located->table == NULL)
        located->table = csn_xlsx_table_ref (table);
      if (table != located->table || range.first_column != range.last_column || range.first_row < offset ||
          !cell_is (table, range.first_row - offset, range.first_column, marker) ||
          (i > 0 && range.first_row - offset != located->marker_row))
        return FALSE;
      located->marker_row = range.first_row - offset;
      located->columns[i] = range.first_column;
    }
  return TRUE;
}

/*
 * Finds the columns @suffixes of @key ("Theme": id, stance, comment) through their defined names,
 * which spreadsheet programs keep pointing at them; where a program left the names behind (openpyxl
 * renames sheets and inserts rows or columns without updating them), through the hidden row of
 * markers above them ("consenso:Theme:id"). @offset is how far below its marker a name points.
 */
static gboolean
locate (CsnXlsxBook        *book,
        AnswersFile        *file,
        const char         *key,
        const char * const *suffixes,
        guint               n_suffixes,
        guint               offset,
        Located            *located)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = dup_marker (key, suffixes[0]);
  guint row, column;

  g_assert (n_suffixes <= G_N_ELEMENTS (located->columns));
  if (locate_by_names (book, key, suffixes, n_suffixes, offset, located, &error))
    return TRUE;
  located_clear (located);

  located->table = find_cell (book, file, first, NULL, &row, &column);
  if (file->refusal != NULL)
    return FALSE;
  if (located->table != NULL)
    {
      guint n_cells;
      const CsnXlsxCell *cells = csn_xlsx_table_get_row (located->table, row, &n_cells);

      located->marker_row = row;
      located->columns[0] = column;
      for (guint i = 1; i < n_suffixes; i++)
        {
          g_autofree char *marker = dup_marker (key, suffixes[i]);
          gboolean found = FALSE;

          for (guint c = 0; c < n_cells && !found; c++)
            if (cells[c].type == CSN_XLSX_CELL_STRING && strcmp (cells[c].text, marker) == 0)
              {
                located->columns[i] = cells[c].column;
                found = TRUE;
              }
          if (!found)
            {
              g_autofree char *name = dup_name (key, suffixes[i]);

              refuse (file, CSN_ANSWERS_ERROR_DAMAGED,
                      /* Translators: "sheet “Temas”: the column “Consenso_Theme_Stance” is gone (…)" */
                      _("sheet “%s”: the column “%s” is gone "
                        "(the workbook was changed in a way Consenso cannot follow)"),
                      csn_xlsx_table_get_sheet_name (located->table), name);
              located_clear (located);
              return FALSE;
            }
        }
      return TRUE;
    }

  if (error != NULL && (g_error_matches (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_FOUND) ||
                        g_error_matches (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_BAD_REFERENCE)))
    /* Translators: the reader's message ("mexico.xlsx: the workbook has no name “Consenso_Theme_Id”"),
     * then why it matters */
    file->refusal = g_error_new (CSN_ANSWERS_ERROR, CSN_ANSWERS_ERROR_DAMAGED,
                                 _("%s (the workbook was changed in a way Consenso cannot follow)"),
                                 error->message);
  else if (error != NULL)
    file->refusal = g_steal_pointer (&error);
  else
    {
      g_autofree char *name = dup_name (key, suffixes[0]);

      refuse (file, CSN_ANSWERS_ERROR_DAMAGED,
              _("the column “%s” is gone (the workbook was changed in a way Consenso cannot follow)"), name);
    }
  return FALSE;
}

static gboolean
read_info (CsnXlsxBook *book,
           AnswersFile *file)
{
  g_autoptr(CsnXlsxTable) table = NULL;
  const char *format, *version, *language;
  CsnXlsxRange range;
  guint64 number;

  /* Through its name, or where its first two cells say "format" and "consenso-answers". */
  table = csn_xlsx_book_read_defined_name (book, CSN_ANSWERS_NAME_INFO, -1, &range, NULL);
  if (table == NULL || !cell_is (table, range.first_row, range.first_column, CSN_ANSWERS_KEY_FORMAT))
    {
      guint row, column;

      g_clear_pointer (&table, csn_xlsx_table_unref);
      table = find_cell (book, file, CSN_ANSWERS_KEY_FORMAT, CSN_ANSWERS_FORMAT, &row, &column);
      if (table == NULL)
        {
          if (file->refusal != NULL)
            return FALSE;
          return refuse (file, CSN_ANSWERS_ERROR_NOT_ANSWERS,
                         _("this is not a workbook Consenso exported for a delegation to answer in"));
        }
      range = (CsnXlsxRange) { row, column, csn_xlsx_table_get_n_rows (table), column + 1 };
    }
  file->info_table = csn_xlsx_table_ref (table);

  file->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint row = range.first_row; row <= range.last_row && row < csn_xlsx_table_get_n_rows (table); row++)
    {
      const CsnXlsxCell *key = csn_xlsx_table_get (table, row, range.first_column);
      const CsnXlsxCell *value = csn_xlsx_table_get (table, row, range.first_column + 1);

      /* Found by its first cell, the block ends at its first empty key. */
      if (key == NULL)
        break;
      if (!g_hash_table_contains (file->info, key->text))
        g_hash_table_insert (file->info, g_strdup (key->text), dup_cell_text (value));
    }

  format = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_FORMAT);
  version = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_VERSION);
  if (g_strcmp0 (format, CSN_ANSWERS_FORMAT) != 0)
    return refuse (file, CSN_ANSWERS_ERROR_NOT_ANSWERS,
                   _("this is not a workbook Consenso exported for a delegation to answer in"));
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &number, NULL))
    return refuse (file, CSN_ANSWERS_ERROR_DAMAGED, _("its hidden sheet “%s” is damaged: no version"),
                   CSN_ANSWERS_SHEET);
  if (number > CSN_ANSWERS_VERSION)
    return refuse (file, CSN_ANSWERS_ERROR_VERSION,
                   _("it was exported by a newer version of Consenso; update Consenso to read it"));

  file->country = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_COUNTRY);
  file->draft_id = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_DRAFT);
  file->title_hash = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_TITLE_HASH);
  file->draft_title = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_TITLE);
  file->revision = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_REVISION);
  file->exported = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_EXPORTED);
  file->date = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_DATE);
  language = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_LANGUAGE);
  file->language = g_strcmp0 (language, "en") == 0 ? CSN_LANGUAGE_EN : CSN_LANGUAGE_ES;
  if (file->country == NULL || file->country[0] == '\0' || file->draft_id == NULL || file->title_hash == NULL ||
      file->revision == NULL || file->exported == NULL || file->date == NULL)
    return refuse (file, CSN_ANSWERS_ERROR_DAMAGED,
                   _("its hidden sheet “%s” is damaged: it does not say whose answers these are, "
                     "or when they were exported"),
                   CSN_ANSWERS_SHEET);
  {
    char iso[11];

    if (!csn_xlsx_text_to_iso_date (file->date, iso))
      return refuse (file, CSN_ANSWERS_ERROR_DAMAGED,
                     _("its hidden sheet “%s” is damaged: it does not say whose answers these are, "
                     "or when they were exported"),
                     CSN_ANSWERS_SHEET);
  }
  return TRUE;
}

static gboolean
read_base (CsnXlsxBook *book,
           AnswersFile *file)
{
  g_autoptr(CsnXlsxTable) table = NULL;
  CsnXlsxRange range;
  guint n_cells;

  /* Through its name, or by its header ("item", "stance", "comment") on the sheet of the keys. */
  table = csn_xlsx_book_read_defined_name (book, CSN_ANSWERS_NAME_BASE, -1, &range, NULL);
  if (table == NULL || !cell_is (table, range.first_row, range.first_column, "item"))
    {
      const CsnXlsxCell *cells = csn_xlsx_table_get_cells (file->info_table, &n_cells);

      g_clear_pointer (&table, csn_xlsx_table_unref);
      for (guint i = 0; i < n_cells && table == NULL; i++)
        if (cells[i].type == CSN_XLSX_CELL_STRING && strcmp (cells[i].text, "item") == 0 &&
            cell_is (file->info_table, cells[i].row, cells[i].column + 1, "stance") &&
            cell_is (file->info_table, cells[i].row, cells[i].column + 2, "comment"))
          {
            table = csn_xlsx_table_ref (file->info_table);
            range = (CsnXlsxRange) { cells[i].row, cells[i].column, csn_xlsx_table_get_n_rows (table),
                                     cells[i].column + 2 };
          }
      if (table == NULL)
        return refuse (file, CSN_ANSWERS_ERROR_DAMAGED,
                       _("its hidden sheet “%s” is damaged: the positions it was filled in with are missing"),
                       CSN_ANSWERS_SHEET);
    }
  for (guint row = range.first_row + 1; row <= range.last_row && row < csn_xlsx_table_get_n_rows (table); row++)
    {
      const CsnXlsxCell *item = csn_xlsx_table_get (table, row, range.first_column);
      const CsnXlsxCell *stance = csn_xlsx_table_get (table, row, range.first_column + 1);
      BaseAnswer *base;
      int value;

      if (item == NULL || stance == NULL || !csn_enum_from_nick (CSN_TYPE_STANCE, stance->text, &value))
        continue;
      base = g_new0 (BaseAnswer, 1);
      base->stance = value;
      base->comment = dup_cell_text (csn_xlsx_table_get (table, row, range.first_column + 2));
      g_hash_table_replace (file->base, g_strdup (item->text), base);
    }
  return TRUE;
}

/* A stance cell's answer; FALSE (reported) when it holds something else. */
static gboolean
read_stance (AnswersFile       *file,
             CsnXlsxTable      *table,
             const CsnXlsxCell *cell,
             int               *stance)
{
  g_autofree char *place = NULL;
  g_autofree char *allowed = NULL;

  *stance = NO_STANCE;
  if (cell == NULL || (cell->type == CSN_XLSX_CELL_STRING && cell->text[strspn (cell->text, " \t\r\n")] == '\0'))
    return TRUE;
  if (cell->type == CSN_XLSX_CELL_STRING && (*stance = parse_label (CSN_TYPE_STANCE, cell->text)) >= 0)
    return TRUE;

  *stance = NO_STANCE;
  place = csn_xlsx_table_describe_cell (table, cell->row, cell->column);
  allowed = dup_allowed_labels (CSN_TYPE_STANCE, file->language);
  /* Translators: "“Yes” is not one of the answers (Supports, Supports with a reservation, …)" */
  report_cell (file, place, _("“%s” is not one of the answers (%s)"), cell->text, allowed);
  return FALSE;
}

/* One table's answers, row by row, each row known by the item id in it. */
static gboolean
read_table (CsnXlsxBook   *book,
            AnswersFile   *file,
            const char    *key,
            CsnCollection  collection)
{
  static const char * const suffixes[] = { "id", "stance", "comment" };
  g_auto(Located) located = { NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CsnXlsxTable *table;
  guint id_column, stance_column, comment_column, header_row;
  const CsnXlsxCell *cells;
  guint n_cells, i = 0;

  if (!locate (book, file, key, suffixes, G_N_ELEMENTS (suffixes), 1, &located))
    return FALSE;
  table = located.table;
  header_row = located.marker_row + 1;
  id_column = located.columns[0];
  stance_column = located.columns[1];
  comment_column = located.columns[2];

  /* Rows may have been sorted, filtered, hidden or inserted: every row under the header counts. */
  cells = csn_xlsx_table_get_cells (table, &n_cells);
  while (i < n_cells)
    {
      guint row = cells[i].row;
      const CsnXlsxCell *id = NULL, *stance = NULL, *comment = NULL;
      g_autofree char *item = NULL;
      Answer answer = { collection };

      for (; i < n_cells && cells[i].row == row; i++)
        {
          if (cells[i].column == id_column)
            id = &cells[i];
          else if (cells[i].column == stance_column)
            stance = &cells[i];
          else if (cells[i].column == comment_column)
            comment = &cells[i];
        }
      if (row <= header_row)
        continue;

      item = dup_cell_text (id);
      answer.comment = dup_cell_text (comment);
      if (!read_stance (file, table, stance, &answer.stance))
        {
          g_free (answer.comment);
          continue;
        }
      if (item[0] == '\0')
        {
          if (answer.stance != NO_STANCE || answer.comment[0] != '\0')
            {
              guint column = stance != NULL ? stance_column : comment_column;
              g_autofree char *place = csn_xlsx_table_describe_cell (table, row, column);

              report_cell (file, place, _("an answer on a row without an item ID is not read"));
            }
          g_free (answer.comment);
          continue;
        }
      if (g_hash_table_contains (seen, item))
        {
          g_autofree char *place = csn_xlsx_table_describe_cell (table, row, id_column);

          /* Translators: "the item “theme-3” has a second row here: only its first is read" */
          report_cell (file, place, _("the item “%s” has a second row here: only its first is read"), item);
          g_free (answer.comment);
          continue;
        }
      answer.item = g_steal_pointer (&item);
      g_hash_table_add (seen, answer.item);
      g_array_append_val (file->answers, answer);
    }
  return TRUE;
}

static gboolean
read_endorsement (CsnXlsxBook *book,
                  AnswersFile *file)
{
  static const char * const suffixes[] = { "country", "status", "date", "note" };
  g_auto(Located) located = { NULL };
  EndorsementAnswer *answer = &file->endorsement;
  EndorsementAnswer *base = &file->base_endorsement;
  CsnXlsxTable *table;
  const CsnXlsxCell *cell;
  const char *base_status;
  guint row;
  char iso[11];

  /* The country's row is two below the markers, under the header. */
  if (!locate (book, file, "Endorsement", suffixes, G_N_ELEMENTS (suffixes), 2, &located))
    return FALSE;
  table = located.table;
  row = located.marker_row + 2;
  {
    g_autofree char *code = dup_cell_text (csn_xlsx_table_get (table, row, located.columns[0]));

    /* The cell is locked: another code means the sheet was taken from another country's workbook. */
    if (strcmp (code, file->country) != 0)
      return refuse (file, CSN_ANSWERS_ERROR_DAMAGED, _("its endorsement is for another country than its answers"));
  }

  answer->given = TRUE;
  cell = csn_xlsx_table_get (table, row, located.columns[1]);
  if (cell != NULL && cell->text[strspn (cell->text, " \t\r\n")] != '\0')
    {
      answer->status = cell->type == CSN_XLSX_CELL_STRING ? parse_label (CSN_TYPE_ENDORSEMENT_STATUS, cell->text) : -1;
      if (answer->status < 0)
        {
          g_autofree char *allowed = dup_allowed_labels (CSN_TYPE_ENDORSEMENT_STATUS, file->language);
          g_autofree char *place = csn_xlsx_table_describe_cell (table, cell->row, cell->column);

          report_cell (file, place, _("“%s” is not one of the endorsement’s statuses (%s)"), cell->text, allowed);
          answer->given = FALSE;
        }
    }

  cell = csn_xlsx_table_get (table, row, located.columns[2]);
  if (cell != NULL && cell->text[strspn (cell->text, " \t\r\n")] != '\0')
    {
      if (csn_xlsx_table_get_iso_date (table, cell, iso))
        answer->date = g_strdup (iso);
      else
        {
          g_autofree char *place = csn_xlsx_table_describe_cell (table, cell->row, cell->column);

          report_cell (file, place, _("“%s” is not a date: write it as 2011-11-30"), cell->text);
          answer->given = FALSE;
        }
    }

  answer->note = dup_cell_text (csn_xlsx_table_get (table, row, located.columns[3]));

  base_status = g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_ENDORSEMENT_STATUS);
  if (base_status == NULL || !csn_enum_from_nick (CSN_TYPE_ENDORSEMENT_STATUS, base_status, &base->status))
    base->status = -1;
  base->date = g_strdup (g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_ENDORSEMENT_DATE));
  if (base->date != NULL && base->date[0] == '\0')
    g_clear_pointer (&base->date, g_free);
  base->note = g_strdup (g_hash_table_lookup (file->info, CSN_ANSWERS_KEY_ENDORSEMENT_NOTE));
  if (base->note == NULL)
    base->note = g_strdup ("");
  return TRUE;
}

static void
read_book (CsnXlsxBook *book,
           AnswersFile *file)
{
  if (!read_info (book, file) || !read_base (book, file))
    return;
  for (guint t = 0; t < G_N_ELEMENTS (answer_tables); t++)
    if (!read_table (book, file, answer_tables[t].key, answer_tables[t].collection))
      return;
  read_endorsement (book, file);
}

static AnswersFile *
read_file (GFile        *gfile,
           guint         order,
           GCancellable *cancellable)
{
  AnswersFile *file = answers_file_new (order);
  g_autoptr(CsnXlsxBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (gfile);

  /* Named as the workbook's own messages name it, should it not open: "Mexico (MX).xlsx". */
  file->display_name = g_filename_display_name (basename);
  book = csn_xlsx_book_new_from_file (gfile, cancellable, &error);
  if (book == NULL)
    {
      if (error->domain == CSN_XLSX_ERROR)
        file->refusal = g_steal_pointer (&error);
      else
        /* Translators: a file name, then why it could not be read */
        file->refusal = g_error_new (error->domain, error->code, _("%s: %s"), file->display_name, error->message);
      return file;
    }
  g_free (file->display_name);
  file->display_name = g_strdup (csn_xlsx_book_get_display_name (book));
  read_book (book, file);
  return file;
}

typedef struct {
  GFile        **files;
  guint          n_files;
  AnswersFile  **read;
  gint           next;
  GCancellable  *cancellable;
} ReadJob;

static gpointer
read_worker (gpointer data)
{
  ReadJob *job = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&job->next, 1)) < job->n_files)
    if (!g_cancellable_is_cancelled (job->cancellable))
      job->read[i] = read_file (job->files[i], i, job->cancellable);
  return NULL;
}

/* Reads the workbooks side by side, one per processor. */
static GPtrArray *
read_files (GFile        **files,
            guint          n_files,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree AnswersFile **read = g_new0 (AnswersFile *, n_files);
  ReadJob job = { files, n_files, read, 0, cancellable };
  guint n_threads = MIN (n_files, (guint) g_get_num_processors ());
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) answers_file_free);

  for (guint i = 1; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("csn-answers", read_worker, &job, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  read_worker (&job);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < n_files; i++)
    if (read[i] != NULL)
      g_ptr_array_add (result, read[i]);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (result);
      return NULL;
    }
  return result;
}

/* Comparing: in the draft's thread */

typedef struct {
  CsnDraft     *draft;
  CsnChangeSet *set;
  GPtrArray    *changes;       /* CsnChange, added to the set at the end */
  GHashTable   *positions;     /* "COUNTRY\037ITEM" -> CsnPosition */
  GString      *key;           /* to look positions up with */
  GHashTable   *new_ids;       /* ids given to new positions in this import: their own strings */
  GRand        *rand;
  const char   *id_prefix;
  char         *last_endorsement;
} Comparer;

static char *
position_key (const char *country,
              const char *item)
{
  return g_strconcat (country, "\037", item, NULL);
}

static void
comparer_init (Comparer *c,
               CsnDraft *draft)
{
  GListModel *positions = csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS);
  GListModel *endorsements = csn_draft_get_collection (draft, CSN_COLLECTION_ENDORSEMENTS);
  guint n = g_list_model_get_n_items (positions);

  c->draft = draft;
  c->changes = g_ptr_array_new_with_free_func (g_object_unref);
  c->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  c->key = g_string_new (NULL);
  c->new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c->rand = g_rand_new_with_seed (g_random_int ());
  {
    g_autoptr(CsnItemClass) klass = g_type_class_ref (CSN_TYPE_POSITION);

    /* A static string of the class, which the draft keeps alive. */
    c->id_prefix = csn_item_class_get_id_prefix (klass);
  }
  for (guint i = 0; i < n; i++)
    {
      CsnPosition *position = g_list_model_get_item (positions, i);
      char *key = position_key (csn_position_get_country (position), csn_position_get_item (position));

      /* The first of two positions of a country on one item is the one the workbook showed. */
      if (g_hash_table_contains (c->positions, key))
        {
          g_free (key);
          g_object_unref (position);
          continue;
        }
      g_hash_table_insert (c->positions, key, position);
    }
  n = g_list_model_get_n_items (endorsements);
  if (n > 0)
    {
      g_autoptr(CsnItem) last = g_list_model_get_item (endorsements, n - 1);

      c->last_endorsement = g_strdup (csn_item_get_key (last));
    }
}

static void
comparer_clear (Comparer *c)
{
  g_ptr_array_unref (c->changes);
  g_hash_table_unref (c->positions);
  g_string_free (c->key, TRUE);
  g_hash_table_unref (c->new_ids);
  g_rand_free (c->rand);
  g_free (c->last_endorsement);
}

/* The draft's position of @country on @item, if any. */
static CsnPosition *
lookup_position (Comparer   *c,
                 const char *country,
                 const char *item)
{
  if (g_hash_table_size (c->positions) == 0)
    return NULL;
  g_string_assign (c->key, country);
  g_string_append_c (c->key, '\037');
  g_string_append (c->key, item);
  return g_hash_table_lookup (c->positions, c->key->str);
}

static void
append_change (Comparer    *c,
               AnswersFile *file,
               CsnChange   *change,
               const char  *not_applicable)
{
  csn_change_set_country (change, file->country);
  csn_change_set_origin (change, file->display_name);
  if (not_applicable != NULL)
    csn_change_set_note (change, FALSE, not_applicable);
  g_ptr_array_add (c->changes, g_object_ref (change));
}

static void
mark_conflict (CsnChange    *change,
               const GValue *base,
               const char   *note)
{
  if (base != NULL)
    csn_change_set_base (change, base);
  csn_change_set_conflict (change, TRUE);
  csn_change_set_accepted (change, FALSE);
  csn_change_set_note (change, TRUE, note);
}

static void
init_stance (GValue *value,
             int     stance)
{
  g_value_init (value, CSN_TYPE_STANCE);
  g_value_set_enum (value, stance);
}

static void
init_string (GValue     *value,
             const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

/* An answer's date and source ride along with each of its changes to an existing position. */
static void
add_received (CsnChange   *change,
              AnswersFile *file)
{
  g_auto(GValue) source = G_VALUE_INIT;
  g_auto(GValue) received = G_VALUE_INIT;

  g_value_init (&source, CSN_TYPE_POSITION_SOURCE);
  g_value_set_enum (&source, CSN_POSITION_SOURCE_WORKBOOK);
  init_string (&received, file->date);
  csn_change_add_companion (change, CSN_POSITION_PROP_SOURCE, &source);
  csn_change_add_companion (change, CSN_POSITION_PROP_RECEIVED, &received);
}

/* As csn_draft_make_id() makes them ("position-0a1b2c3d"), from a generator of the import's own:
 * tens of thousands of answers would otherwise each take the global one's lock. */
static char *
make_position_id (Comparer *c)
{
  static const char digits[] = "0123456789abcdef";
  gsize prefix_length = strlen (c->id_prefix);
  char *id = g_malloc (prefix_length + 10);

  memcpy (id, c->id_prefix, prefix_length);
  id[prefix_length] = '-';
  id[prefix_length + 9] = '\0';
  for (;;)
    {
      guint32 number = g_rand_int (c->rand);

      for (int i = 8; i > 0; i--, number >>= 4)
        id[prefix_length + i] = digits[number & 0xf];
      if (csn_draft_lookup (c->draft, CSN_COLLECTION_POSITIONS, id) == NULL && !g_hash_table_contains (c->new_ids, id))
        return id;
    }
}

typedef enum {
  POSITION_FIELD_ID,
  POSITION_FIELD_COUNTRY,
  POSITION_FIELD_ITEM,
  POSITION_FIELD_STANCE,
  POSITION_FIELD_COMMENT,
  POSITION_FIELD_SOURCE,
  POSITION_FIELD_RECEIVED,
  N_POSITION_FIELDS
} PositionField;

static const CsnField * const *
get_position_fields (void)
{
  static const CsnField *fields[N_POSITION_FIELDS];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(CsnItemClass) klass = g_type_class_ref (CSN_TYPE_POSITION);

      fields[POSITION_FIELD_ID] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_ID);
      fields[POSITION_FIELD_COUNTRY] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_COUNTRY);
      fields[POSITION_FIELD_ITEM] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_ITEM);
      fields[POSITION_FIELD_STANCE] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_STANCE);
      fields[POSITION_FIELD_COMMENT] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_COMMENT);
      fields[POSITION_FIELD_SOURCE] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_SOURCE);
      fields[POSITION_FIELD_RECEIVED] = csn_item_class_field_for_property (klass, CSN_POSITION_PROP_RECEIVED);
      for (guint i = 0; i < N_POSITION_FIELDS; i++)
        g_assert (fields[i] != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return fields;
}

static CsnChange *
new_position_change (Comparer     *c,
                     AnswersFile  *file,
                     const Answer *answer,
                     int           stance)
{
  const CsnField * const *fields = get_position_fields ();
  g_autoptr(CsnPosition) position = csn_position_new ();
  CsnItem *item = CSN_ITEM (position);
  CsnChange *change;

  /* A new item that nothing watches yet: filled in as the loader fills them, without notifying. */
  csn_item_load_take_string (item, fields[POSITION_FIELD_ID], CSN_FIELD_SLOT_VALUE, make_position_id (c));
  csn_item_load_take_string (item, fields[POSITION_FIELD_COUNTRY], CSN_FIELD_SLOT_VALUE, g_strdup (file->country));
  csn_item_load_take_string (item, fields[POSITION_FIELD_ITEM], CSN_FIELD_SLOT_VALUE, g_strdup (answer->item));
  csn_item_load_set_enum (item, fields[POSITION_FIELD_STANCE], stance);
  csn_item_load_take_string (item, fields[POSITION_FIELD_COMMENT], CSN_FIELD_SLOT_VALUE, g_strdup (answer->comment));
  csn_item_load_set_enum (item, fields[POSITION_FIELD_SOURCE], CSN_POSITION_SOURCE_WORKBOOK);
  csn_item_load_take_string (item, fields[POSITION_FIELD_RECEIVED], CSN_FIELD_SLOT_VALUE, g_strdup (file->date));
  /* Appended one after another, new positions keep the workbooks' order. */
  change = csn_change_new_append_item (CSN_COLLECTION_POSITIONS, item);
  /* The change, which the comparer holds till the end, keeps the id alive. */
  g_hash_table_add (c->new_ids, (gpointer) csn_position_get_id (position));
  return change;
}

static CsnReservation *
find_reservation (CsnTheme   *theme,
                  const char *country)
{
  GListModel *reservations = csn_theme_get_reservations (theme);

  for (guint i = 0, n = g_list_model_get_n_items (reservations); i < n; i++)
    {
      g_autoptr(CsnReservation) reservation = g_list_model_get_item (reservations, i);

      if (g_strcmp0 (csn_reservation_get_country (reservation), country) == 0)
        return reservation;  /* the theme holds it */
    }
  return NULL;
}

/* A theme's reservations follow a "supports with a reservation" answer: proposed, matched by country. */
static void
compare_reservation (Comparer     *c,
                     AnswersFile  *file,
                     const Answer *answer,
                     CsnItem      *item,
                     int           stance,
                     const char   *base_comment,
                     int           base_stance,
                     gboolean      drifted,
                     const char   *note)
{
  CsnReservation *reservation = find_reservation (CSN_THEME (item), file->country);
  g_autoptr(CsnChange) change = NULL;
  const char *conflict = NULL;

  /* The reservation was the base comment's, if any: edited in the draft since, it conflicts. */
  if (drifted || (reservation != NULL && base_stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION &&
                  g_strcmp0 (csn_reservation_get_text (reservation), base_comment) != 0))
    conflict = _("The draft’s reservation changed after this workbook was exported");

  if (stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION)
    {
      if (reservation == NULL)
        {
          g_autoptr(CsnItem) added = g_object_new (CSN_TYPE_RESERVATION, "country", file->country,
                                                   "text", answer->comment, NULL);

          change = csn_change_new_add_child (item, CSN_THEME_PROP_RESERVATIONS, added, -1);
        }
      else if (answer->comment[0] != '\0' && g_strcmp0 (csn_reservation_get_text (reservation), answer->comment) != 0)
        {
          g_auto(GValue) text = G_VALUE_INIT;

          init_string (&text, answer->comment);
          change = csn_change_new_set_field (CSN_ITEM (reservation), CSN_RESERVATION_PROP_TEXT, &text);
          if (conflict != NULL && base_stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION)
            {
              g_auto(GValue) ancestor = G_VALUE_INIT;

              init_string (&ancestor, base_comment);
              csn_change_set_base (change, &ancestor);
            }
        }
    }
  else if (base_stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION && reservation != NULL)
    change = csn_change_new_remove_child (item, CSN_THEME_PROP_RESERVATIONS, CSN_ITEM (reservation));

  if (change == NULL)
    return;
  if (conflict != NULL && note == NULL)
    mark_conflict (change, NULL, conflict);
  append_change (c, file, change, note);
}

/* Supporting a role proposal puts the country among its supporters; objecting takes it off. */
static void
compare_supporter (Comparer    *c,
                   AnswersFile *file,
                   CsnItem     *item,
                   int          stance,
                   gboolean     drifted,
                   const char  *note)
{
  gboolean supports = stance == CSN_STANCE_SUPPORTS || stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION;
  gboolean listed = csn_item_strv_contains (item, CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY, file->country);
  g_autoptr(CsnChange) change = NULL;

  if ((supports && !listed) || (stance == CSN_STANCE_OBJECTS && listed))
    {
      change = csn_change_new_set_member (item, CSN_ROLE_PROPOSAL_PROP_SUPPORTED_BY, file->country, supports);
      if (drifted && note == NULL)
        mark_conflict (change, NULL, _("The draft’s position changed after this workbook was exported"));
      append_change (c, file, change, note);
    }
}

static const char *
collection_gone_note (CsnCollection collection)
{
  switch (collection)
    {
    case CSN_COLLECTION_THEMES:
      return _("The theme was removed from the draft after this workbook was exported");
    case CSN_COLLECTION_STRATEGIES:
      return _("The strategy was removed from the draft after this workbook was exported");
    case CSN_COLLECTION_MECHANISMS:
      return _("The mechanism was removed from the draft after this workbook was exported");
    case CSN_COLLECTION_ROLE_PROPOSALS:
    default:
      return _("The role proposal was removed from the draft after this workbook was exported");
    }
}

static void
compare_answer (Comparer     *c,
                AnswersFile  *file,
                const Answer *answer,
                const char   *file_note)
{
  /* Most workbooks come back to a draft without positions yet: no key to hash then. */
  BaseAnswer *base = g_hash_table_size (file->base) > 0 ? g_hash_table_lookup (file->base, answer->item) : NULL;
  int base_stance = base != NULL ? base->stance : NO_STANCE;
  const char *base_comment = base != NULL ? base->comment : "";
  int stance = answer->stance;
  CsnItem *item = csn_draft_lookup (c->draft, answer->collection, answer->item);
  CsnPosition *position = lookup_position (c, file->country, answer->item);
  g_autofree char *older = NULL;
  const char *note = file_note;
  gboolean drifted;

  /* An emptied stance withdraws a position; a comment alone is a comment without a position. */
  if (stance == NO_STANCE && (base != NULL || answer->comment[0] != '\0'))
    stance = CSN_STANCE_NO_POSITION;
  /* What the delegation left as it was filled in brings nothing, whatever the draft has now. */
  if (stance == base_stance && g_strcmp0 (answer->comment, base_comment) == 0)
    return;
  if (stance == NO_STANCE)
    return;

  if (note == NULL && item == NULL)
    note = collection_gone_note (answer->collection);
  if (note == NULL && position != NULL && csn_position_get_source (position) == CSN_POSITION_SOURCE_WORKBOOK &&
      csn_position_get_received (position) != NULL && strcmp (csn_position_get_received (position), file->date) > 0)
    {
      /* Translators: %s is a date, 2011-11-04 */
      older = g_strdup_printf (_("Older than the answer already in the draft (received %s)"),
                               csn_position_get_received (position));
      note = older;
    }

  if (position == NULL)
    {
      g_autoptr(CsnChange) change = new_position_change (c, file, answer, stance);

      if (base != NULL && note == NULL)
        mark_conflict (change, NULL, _("The position was removed from the draft after this workbook was exported"));
      append_change (c, file, change, note);
    }
  else
    {
      int current = csn_position_get_stance (position);
      const char *comment = csn_position_get_comment (position);

      if (stance != base_stance && stance != current)
        {
          g_auto(GValue) incoming = G_VALUE_INIT;
          g_autoptr(CsnChange) change = NULL;

          init_stance (&incoming, stance);
          change = csn_change_new_set_field (CSN_ITEM (position), CSN_POSITION_PROP_STANCE, &incoming);
          add_received (change, file);
          if (current != (base != NULL ? base_stance : CSN_STANCE_NO_POSITION) && note == NULL)
            {
              g_auto(GValue) ancestor = G_VALUE_INIT;

              init_stance (&ancestor, base != NULL ? base_stance : CSN_STANCE_NO_POSITION);
              mark_conflict (change, &ancestor, _("The draft’s position changed after this workbook was exported"));
            }
          append_change (c, file, change, note);
        }
      if (g_strcmp0 (answer->comment, base_comment) != 0 && g_strcmp0 (answer->comment, comment) != 0)
        {
          g_auto(GValue) incoming = G_VALUE_INIT;
          g_autoptr(CsnChange) change = NULL;

          init_string (&incoming, answer->comment);
          change = csn_change_new_set_field (CSN_ITEM (position), CSN_POSITION_PROP_COMMENT, &incoming);
          add_received (change, file);
          if (g_strcmp0 (comment, base_comment) != 0 && note == NULL)
            {
              g_auto(GValue) ancestor = G_VALUE_INIT;

              init_string (&ancestor, base_comment);
              mark_conflict (change, &ancestor, _("The draft’s comment changed after this workbook was exported"));
            }
          append_change (c, file, change, note);
        }
    }

  if (item == NULL)
    return;
  /* The draft's position moved away from what the workbook showed: what follows from it conflicts too. */
  if (position != NULL)
    drifted = (int) csn_position_get_stance (position) != (base != NULL ? base_stance : CSN_STANCE_NO_POSITION) ||
              g_strcmp0 (csn_position_get_comment (position), base_comment) != 0;
  else
    drifted = base != NULL;
  /* Past this point the answer differs from the base: a changed reservation text counts too. */
  if (answer->collection == CSN_COLLECTION_THEMES &&
      (stance != base_stance || stance == CSN_STANCE_SUPPORTS_WITH_RESERVATION))
    compare_reservation (c, file, answer, item, stance, base_comment, base_stance, drifted, note);
  else if (answer->collection == CSN_COLLECTION_ROLE_PROPOSALS && stance != base_stance)
    compare_supporter (c, file, item, stance, drifted, note);
}

static void
compare_endorsement_field (Comparer    *c,
                           AnswersFile *file,
                           CsnItem     *endorsement,
                           const char  *property,
                           GValue      *incoming,
                           GValue      *base,
                           const char  *note)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_autoptr(CsnChange) change = NULL;
  gboolean changed_here, changed_there;

  g_value_init (&current, G_VALUE_TYPE (incoming));
  g_object_get_property (G_OBJECT (endorsement), property, &current);
  if (G_VALUE_HOLDS_ENUM (incoming))
    {
      changed_there = g_value_get_enum (incoming) != g_value_get_enum (base);
      changed_here = g_value_get_enum (&current) != g_value_get_enum (base);
      if (!changed_there || g_value_get_enum (incoming) == g_value_get_enum (&current))
        return;
    }
  else
    {
      changed_there = g_strcmp0 (g_value_get_string (incoming), g_value_get_string (base)) != 0;
      changed_here = g_strcmp0 (g_value_get_string (&current), g_value_get_string (base)) != 0;
      if (!changed_there || g_strcmp0 (g_value_get_string (incoming), g_value_get_string (&current)) == 0)
        return;
    }
  change = csn_change_new_set_field (endorsement, property, incoming);
  if (changed_here && note == NULL)
    mark_conflict (change, base, _("The draft’s endorsement changed after this workbook was exported"));
  append_change (c, file, change, note);
}

static void
compare_endorsement (Comparer    *c,
                     AnswersFile *file,
                     const char  *note)
{
  EndorsementAnswer *answer = &file->endorsement;
  EndorsementAnswer *base = &file->base_endorsement;
  CsnItem *endorsement = csn_draft_lookup (c->draft, CSN_COLLECTION_ENDORSEMENTS, file->country);
  int status = answer->status >= 0 ? answer->status : base->status;

  if (!answer->given)
    return;
  if (endorsement == NULL)
    {
      g_autoptr(CsnItem) added = NULL;
      g_autoptr(CsnChange) change = NULL;

      if ((status < 0 || status == CSN_ENDORSEMENT_STATUS_PENDING) && answer->date == NULL && answer->note[0] == '\0')
        return;
      added = g_object_new (CSN_TYPE_ENDORSEMENT, "country", file->country,
                            "status", MAX (status, CSN_ENDORSEMENT_STATUS_PENDING),
                            "date", answer->date, "note", answer->note, NULL);
      change = csn_change_new_add_item (CSN_COLLECTION_ENDORSEMENTS, added, c->last_endorsement);
      g_free (c->last_endorsement);
      c->last_endorsement = g_strdup (file->country);
      append_change (c, file, change, note);
      return;
    }

  if (answer->status >= 0)
    {
      g_auto(GValue) incoming = G_VALUE_INIT;
      g_auto(GValue) ancestor = G_VALUE_INIT;

      g_value_init (&incoming, CSN_TYPE_ENDORSEMENT_STATUS);
      g_value_set_enum (&incoming, answer->status);
      g_value_init (&ancestor, CSN_TYPE_ENDORSEMENT_STATUS);
      g_value_set_enum (&ancestor, MAX (base->status, CSN_ENDORSEMENT_STATUS_PENDING));
      compare_endorsement_field (c, file, endorsement, CSN_ENDORSEMENT_PROP_STATUS, &incoming, &ancestor, note);
    }
  {
    g_auto(GValue) incoming = G_VALUE_INIT;
    g_auto(GValue) ancestor = G_VALUE_INIT;

    init_string (&incoming, answer->date);
    init_string (&ancestor, base->date);
    compare_endorsement_field (c, file, endorsement, CSN_ENDORSEMENT_PROP_DATE, &incoming, &ancestor, note);
  }
  {
    g_auto(GValue) incoming = G_VALUE_INIT;
    g_auto(GValue) ancestor = G_VALUE_INIT;

    init_string (&incoming, answer->note);
    init_string (&ancestor, base->note);
    compare_endorsement_field (c, file, endorsement, CSN_ENDORSEMENT_PROP_NOTE, &incoming, &ancestor, note);
  }
}

/* The lineage's draft id says it when both sides have one; before the draft's first save, its title. */
static gboolean
is_same_draft (AnswersFile *file,
               const char  *draft_id,
               const char  *title_hash)
{
  if (draft_id != NULL && file->draft_id[0] != '\0')
    return strcmp (draft_id, file->draft_id) == 0;
  return strcmp (title_hash, file->title_hash) == 0;
}

/* Newest export first within a country; the order given breaks ties. */
static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const AnswersFile *fa = *(AnswersFile * const *) a;
  const AnswersFile *fb = *(AnswersFile * const *) b;
  int order = g_strcmp0 (fa->country, fb->country);

  if (order == 0)
    order = -g_strcmp0 (fa->exported, fb->exported);
  if (order == 0)
    order = fa->order < fb->order ? -1 : fa->order > fb->order;
  return order;
}

/* Why @file's answer gives way to @newer's: a later export, or the first copy given of the same one. */
static char *
dup_superseded_note (AnswersFile *newer,
                     AnswersFile *file)
{
  if (g_strcmp0 (newer->revision, file->revision) != 0)
    /* Translators: %s is the file with the newer answer */
    return g_strdup_printf (_("Older than the answer in %s"), newer->display_name);
  /* Translators: %s is another workbook of the same export and country */
  return g_strdup_printf (_("%s, a copy of the same export, answers this too"), newer->display_name);
}

/* "México, Canadá y Panamá": the countries of the files read, in the interface's language. */
static char *
dup_country_list (CsnDraft  *draft,
                  GPtrArray *files)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      AnswersFile *file = g_ptr_array_index (files, i);

      if (file->refusal == NULL && g_hash_table_add (seen, (gpointer) file->country))
        g_ptr_array_add (names, csn_draft_dup_ref_title (draft, CSN_COLLECTION_COUNTRIES, file->country));
    }
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i == names->len - 1)
        /* Translators: before the last of a list of countries: "México, Canadá and Panamá" */
        g_string_append (list, _(" and "));
      else if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_ptr_array_index (names, i));
    }
  return g_string_free (list, FALSE);
}

static CsnChangeSet *
compare_files_with_draft (GPtrArray  *files,
                          CsnDraft   *draft,
                          GPtrArray **problems)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (files->len);
  /* The country's items answered in a file read before (a newer one) -> that file; the files come
   * country by country. The keys are the answers' own. */
  g_autoptr(GHashTable) answered = g_hash_table_new (g_str_hash, g_str_equal);
  AnswersFile *answered_endorsement = NULL;
  const char *answered_country = NULL;
  const char *draft_id = csn_export_get_draft_id (draft);
  g_autofree char *title_hash = csn_export_dup_title_hash (draft);
  g_autofree char *countries = dup_country_list (draft, files);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  Comparer c = { 0 };
  GPtrArray *all_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  /* Translators: the undo step of an import: "Import answers from México and Canadá" */
  label = g_strdup_printf (_("Import answers from %s"), countries);
  /* Translators: what the review page reviews: "Answers from México and Canadá" */
  title = g_strdup_printf (_("Answers from %s"), countries);
  comparer_init (&c, draft);
  c.set = csn_change_set_new (label);
  csn_change_set_set_title (c.set, title);

  for (guint i = 0; i < files->len; i++)
    {
      AnswersFile *file = g_ptr_array_index (files, i);

      if (file->refusal != NULL)
        g_ptr_array_add (all_problems, g_error_copy (file->refusal));
      else if (!is_same_draft (file, draft_id, title_hash))
        /* Translators: a file name, then the title of the draft it was exported from */
        g_ptr_array_add (all_problems, g_error_new (CSN_ANSWERS_ERROR, CSN_ANSWERS_ERROR_OTHER_DRAFT,
                                                    _("%s: this workbook was exported from another draft (“%s”)"),
                                                    file->display_name,
                                                    file->draft_title != NULL ? file->draft_title : ""));
      for (guint p = 0; p < file->problems->len; p++)
        g_ptr_array_add (all_problems, g_error_copy (g_ptr_array_index (file->problems, p)));
    }

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (files, i));
  g_ptr_array_sort (sorted, compare_files);
  for (guint i = 0; i < sorted->len; i++)
    {
      AnswersFile *file = g_ptr_array_index (sorted, i);
      g_autofree char *other_draft = NULL;
      g_autofree char *no_country = NULL;
      const char *file_note = NULL;

      if (file->refusal != NULL)
        continue;
      if (g_strcmp0 (answered_country, file->country) != 0)
        {
          g_hash_table_remove_all (answered);
          answered_endorsement = NULL;
          answered_country = file->country;
        }
      if (!is_same_draft (file, draft_id, title_hash))
        {
          /* Translators: %s is the title of the draft a workbook was exported from */
          other_draft = g_strdup_printf (_("This workbook was exported from another draft (“%s”)"),
                                         file->draft_title != NULL ? file->draft_title : "");
          file_note = other_draft;
        }
      else if (csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, file->country) == NULL)
        {
          /* Translators: %s is a country code */
          no_country = g_strdup_printf (_("%s is no longer a country of the draft"), file->country);
          file_note = no_country;
        }

      for (guint a = 0; a < file->answers->len; a++)
        {
          const Answer *answer = &g_array_index (file->answers, Answer, a);
          AnswersFile *newer = g_hash_table_lookup (answered, answer->item);
          g_autofree char *older = NULL;
          const char *note = file_note;

          if (newer != NULL && note == NULL)
            {
              older = dup_superseded_note (newer, file);
              note = older;
            }
          else if (newer == NULL && file_note == NULL)
            g_hash_table_insert (answered, answer->item, file);
          compare_answer (&c, file, answer, note);
        }
      {
        AnswersFile *newer = answered_endorsement;
        g_autofree char *older = NULL;
        const char *note = file_note;

        if (newer != NULL && note == NULL)
          {
            older = dup_superseded_note (newer, file);
            note = older;
          }
        else if (newer == NULL && file_note == NULL && file->endorsement.given)
          answered_endorsement = file;
        compare_endorsement (&c, file, note);
      }
    }

  csn_change_set_append_all (c.set, (CsnChange **) c.changes->pdata, c.changes->len);
  comparer_clear (&c);
  if (problems != NULL)
    *problems = all_problems;
  else
    g_ptr_array_unref (all_problems);
  return c.set;
}

/**
 * csn_answers_import:
 * @files: (array length=n_files): the returned workbooks
 * @problems: (out) (optional) (transfer full) (element-type GError): what could not be read
 *
 * Reads @files and compares what each country answered with @draft; the draft does not change.
 *
 * Returns: (transfer full) (nullable): the changes to review, or %NULL when cancelled
 */
CsnChangeSet *
csn_answers_import (CsnDraft      *draft,
                    GFile        **files,
                    guint          n_files,
                    GPtrArray    **problems,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) read = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  read = read_files (files, n_files, cancellable, error);
  if (read == NULL)
    return NULL;
  return compare_files_with_draft (read, draft, problems);
}

/* Async */

typedef struct {
  GFile **files;
  guint   n_files;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  for (guint i = 0; i < job->n_files; i++)
    g_object_unref (job->files[i]);
  g_free (job->files);
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
  GPtrArray *read = read_files (job->files, job->n_files, cancellable, &error);

  if (read != NULL)
    g_task_return_pointer (task, read, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
csn_answers_import_async (GFile               **files,
                          guint                 n_files,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ImportJob, 1);
  job->files = g_new (GFile *, MAX (n_files, 1));
  job->n_files = n_files;
  for (guint i = 0; i < n_files; i++)
    job->files[i] = g_object_ref (files[i]);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_answers_import_async);
  g_task_set_name (task, "csn_answers_import_async");
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * csn_answers_import_finish:
 * @draft: the draft to compare the answers with, as it is now
 * @problems: (out) (optional) (transfer full) (element-type GError): what could not be read
 *
 * Returns: (transfer full) (nullable): the changes to review, or %NULL when cancelled
 */
CsnChangeSet *
csn_answers_import_finish (GAsyncResult  *result,
                           CsnDraft      *draft,
                           GPtrArray    **problems,
                           GError       **error)
{
  g_autoptr(GPtrArray) read = NULL;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_answers_import_async, NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  read = g_task_propagate_pointer (G_TASK (result), error);
  if (read == NULL)
    return NULL;
  return compare_files_with_draft (read, draft, problems);
}

/* For the fuzzer: workbooks given as bytes, compared with @draft at once. */
CsnChangeSet *
csn_answers_import_bytes (CsnDraft           *draft,
                          GBytes            **workbooks,
                          const char * const *names,
                          guint               n_workbooks,
                          GPtrArray         **problems)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) answers_file_free);

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  for (guint i = 0; i < n_workbooks; i++)
    {
      AnswersFile *file = answers_file_new (i);
      g_autoptr(CsnXlsxBook) book = NULL;

      file->display_name = g_strdup (names[i]);
      book = csn_xlsx_book_new_from_bytes (workbooks[i], names[i], &file->refusal);
      if (book != NULL)
        read_book (book, file);
      g_ptr_array_add (read, file);
    }
  return compare_files_with_draft (read, draft, problems);
}
