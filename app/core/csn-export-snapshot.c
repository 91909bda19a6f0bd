/* csn-export-snapshot.c: copies a draft into the tables of a workbook, in the export's language. */
#define G_LOG_DOMAIN "csn-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-actor.h"
#include "csn-catalog.h"
#include "csn-country.h"
#include "csn-draft-figures.h"
#include "csn-endorsement.h"
#include "csn-export-private.h"
#include "csn-mechanism.h"
#include "csn-meeting.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-position.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-strategy.h"
#include "csn-theme.h"

#define MARK "X"

/* The language of the workbook, not of the interface. */
#define L(snapshot, msgid) csn_catalog_lookup ((snapshot)->language, (msgid))

static CsnExportTable *
table_new (const char *name_msgid)
{
  CsnExportTable *table = g_new0 (CsnExportTable, 1);

  table->name_msgid = name_msgid;
  table->columns = g_array_new (FALSE, FALSE, sizeof (CsnExportColumn));
  table->cells = g_array_new (FALSE, TRUE, sizeof (CsnExportCell));
  return table;
}

static void
table_free (CsnExportTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_array_unref (table->cells);
  g_free (table->widths);
  g_free (table);
}

static void
table_add_column (CsnExportTable       *table,
                  const char           *header,
                  CsnExportColumnStyle  style,
                  int                   list)
{
  CsnExportColumn column = { header, style, list, 0, FALSE };

  g_array_append_val (table->columns, column);
}

/* The cells of a new, empty row; valid until the next row is added. */
static CsnExportCell *
table_add_row (CsnExportTable *table)
{
  guint n_columns = table->columns->len;

  g_array_set_size (table->cells, table->cells->len + n_columns);
  table->n_rows++;
  return &g_array_index (table->cells, CsnExportCell, table->cells->len - n_columns);
}

static void
list_free (CsnExportList *list)
{
  g_ptr_array_unref (list->items);
  g_free (list);
}

static void builder_free (gpointer builder);

void
csn_export_snapshot_free (CsnExportSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->builder, builder_free);
  g_mutex_clear (&snapshot->lock);
  g_cond_clear (&snapshot->table_added);
  g_string_chunk_free (snapshot->strings);
  g_array_unref (snapshot->summary);
  table_free (snapshot->pillar_table);
  g_ptr_array_unref (snapshot->tables);
  g_ptr_array_unref (snapshot->lists);
  g_clear_pointer (&snapshot->answer_rows, g_hash_table_unref);
  g_free (snapshot);
}

/* Hands @table over to the writer, which may be waiting for it in another thread. */
static void
add_table (CsnExportSnapshot *snapshot,
           CsnExportTable    *table)
{
  g_mutex_lock (&snapshot->lock);
  g_ptr_array_add (snapshot->tables, table);
  g_cond_broadcast (&snapshot->table_added);
  g_mutex_unlock (&snapshot->lock);
}

static void
mark_complete (CsnExportSnapshot *snapshot)
{
  g_mutex_lock (&snapshot->lock);
  snapshot->complete = TRUE;
  g_cond_broadcast (&snapshot->table_added);
  g_mutex_unlock (&snapshot->lock);
}

/**
 * csn_export_snapshot_wait_table:
 * @index: the table's place in the workbook
 *
 * In any thread: the table at @index once it is complete, waiting for the thread that makes it;
 * %NULL once there is no such table.
 */
CsnExportTable *
csn_export_snapshot_wait_table (CsnExportSnapshot *snapshot,
                                guint              index)
{
  CsnExportTable *table = NULL;

  g_mutex_lock (&snapshot->lock);
  while (index >= snapshot->tables->len && !snapshot->complete)
    g_cond_wait (&snapshot->table_added, &snapshot->lock);
  if (index < snapshot->tables->len)
    table = g_ptr_array_index (snapshot->tables, index);
  g_mutex_unlock (&snapshot->lock);
  return table;
}

static const char *
keep (CsnExportSnapshot *snapshot,
      const char        *text)
{
  return g_string_chunk_insert (snapshot->strings, text != NULL ? text : "");
}

/* @text must outlive the snapshot: a label, or a string it keeps. NULL or "" leaves the cell empty. */
static inline void
set_string (CsnExportCell *cell,
            const char    *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  cell->kind = CSN_EXPORT_CELL_STRING;
  cell->text = text;
}

static inline void
set_text (CsnExportSnapshot *snapshot,
          CsnExportCell     *cell,
          const char        *text)
{
  if (text != NULL && text[0] != '\0')
    set_string (cell, keep (snapshot, text));
}

static inline void
set_number (CsnExportCell *cell,
            double         number)
{
  cell->kind = CSN_EXPORT_CELL_NUMBER;
  cell->number = number;
}

static void
set_date (CsnExportSnapshot *snapshot,
          CsnExportCell     *cell,
          const char        *date)
{
  if (date == NULL || date[0] == '\0')
    return;
  cell->kind = CSN_EXPORT_CELL_DATE;
  cell->text = keep (snapshot, date);
}

/* The name of a country, pillar or actor in @language. */
static const char *
get_name (CsnItem     *item,
          CsnLanguage  language)
{
  if (CSN_IS_COUNTRY (item))
    return csn_country_get_name (CSN_COUNTRY (item), language);
  if (CSN_IS_PILLAR (item))
    return csn_pillar_get_name (CSN_PILLAR (item), language);
  return csn_actor_get_name (CSN_ACTOR (item), language);
}

/* An item's name in the workbook's language, else in the other one, else its key. */
static const char *
keep_name (CsnExportSnapshot *snapshot,
           CsnItem           *item)
{
  const char *text = get_name (item, snapshot->language);

  if (text == NULL || text[0] == '\0')
    text = get_name (item, csn_language_get_other (snapshot->language));
  if (text == NULL || text[0] == '\0')
    text = csn_item_get_key (item);
  return keep (snapshot, text);
}

/* A proposal's status agrees with "propuesta" in Spanish ("Acordada"), a consensus's with "consenso"
 * ("Acordado"): its labels are looked up with a context of their own. */
static const char *
proposal_status_label (CsnExportSnapshot *snapshot,
                       int                value)
{
  static const char * const msgids[] = {
    NC_("proposal status", "Proposed"), NC_("proposal status", "Agreed"), NC_("proposal status", "Rejected"),
  };
  g_autofree char *key = NULL;
  const char *translation;

  if (value < 0 || value >= (int) G_N_ELEMENTS (msgids))
    return csn_catalog_lookup_enum_label (snapshot->language, CSN_TYPE_PROPOSAL_STATUS, value);
  /* A .mo file keys a message with a context as "context\004msgid". */
  key = g_strconcat ("proposal status", "\004", msgids[value], NULL);
  translation = csn_catalog_lookup (snapshot->language, key);
  if (translation == key)
    return csn_catalog_lookup (snapshot->language, msgids[value]);
  return translation;
}

static const char *
enum_label (CsnExportSnapshot *snapshot,
            GType              type,
            int                value)
{
  if (type == CSN_TYPE_PROPOSAL_STATUS)
    return proposal_status_label (snapshot, value);
  return csn_catalog_lookup_enum_label (snapshot->language, type, value);
}

/* A reference shown by the name it points to, or by itself when it points nowhere. */
static const char *
resolve (CsnExportSnapshot *snapshot,
         GHashTable        *names,
         const char        *key)
{
  const char *name;

  if (key == NULL || key[0] == '\0')
    return NULL;
  name = g_hash_table_lookup (names, key);
  return name != NULL ? name : keep (snapshot, key);
}

static const char *
resolve_list (CsnExportSnapshot  *snapshot,
              GHashTable         *names,
              const char * const *keys,
              GString            *buffer)
{
  g_string_truncate (buffer, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *name = resolve (snapshot, names, keys[i]);

      if (name == NULL)
        continue;
      if (buffer->len > 0)
        g_string_append (buffer, "; ");
      g_string_append (buffer, name);
    }
  return buffer->len > 0 ? keep (snapshot, buffer->str) : NULL;
}

static CsnExportList *
add_list (CsnExportSnapshot *snapshot,
          const char        *header_msgid)
{
  CsnExportList *list = g_new0 (CsnExportList, 1);

  list->header = L (snapshot, header_msgid);
  list->items = g_ptr_array_new ();
  g_ptr_array_add (snapshot->lists, list);
  return list;
}

static void
add_enum_list (CsnExportSnapshot *snapshot,
               const char        *header_msgid,
               GType              type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  CsnExportList *list = add_list (snapshot, header_msgid);

  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (list->items, (gpointer) enum_label (snapshot, type, klass->values[i].value));
}

/* The last column added is one the delegations write in. */
static void
table_mark_to_fill (CsnExportTable *table)
{
  g_array_index (table->columns, CsnExportColumn, table->columns->len - 1).to_fill = TRUE;
}

static void
add_summary_line (CsnExportSnapshot *snapshot,
                  const char        *key_msgid,
                  CsnExportCell      value)
{
  CsnExportSummaryLine line = { key_msgid != NULL ? L (snapshot, key_msgid) : NULL, value };

  g_array_append_val (snapshot->summary, line);
}

static CsnExportCell
text_value (CsnExportSnapshot *snapshot,
            const char        *text)
{
  CsnExportCell cell = { 0 };

  set_text (snapshot, &cell, text);
  return cell;
}

static CsnExportCell
number_value (double number)
{
  CsnExportCell cell = { 0 };

  set_number (&cell, number);
  return cell;
}

static CsnExportCell
date_value (CsnExportSnapshot *snapshot,
            const char        *date)
{
  CsnExportCell cell = { 0 };

  set_date (snapshot, &cell, date);
  return cell;
}

typedef struct {
  CsnExportSnapshot *snapshot;
  CsnDraft          *draft;
  CsnLanguage        content_language;
  gboolean           answers;         /* a delegation workbook: answer columns, translated texts */
  CsnDraftFigures   *figures;
  GHashTable        *country_names;   /* code -> name */
  GHashTable        *member_columns;  /* code -> column index + 1 in the theme matrix */
  GHashTable        *pillar_names;    /* id -> name */
  GHashTable        *actor_names;     /* id -> name */
  GHashTable        *theme_titles;    /* id -> title */
  GString           *buffer;
} Builder;

/* A free text of @item in the workbook's language: as written, its translation, or the text after
 * a visible mark ("[untranslated]"), never silently in the other language; in the group's workbook
 * as in each delegation's. */
static const char *
item_text (Builder    *b,
           gpointer    item,
           const char *key)
{
  const CsnField *field = csn_item_class_find_field (CSN_ITEM_GET_CLASS (item), key);
  g_autofree char *text = NULL;

  g_assert (field != NULL);
  text = csn_item_dup_text_for_language (item, field, b->content_language, b->snapshot->language);
  return keep (b->snapshot, text);
}

/* The two columns a delegation answers in, placed right after the item's own text. */
static void
add_answer_columns (Builder        *b,
                    CsnExportTable *table,
                    const char     *answer_key)
{
  CsnExportSnapshot *s = b->snapshot;

  if (!b->answers)
    return;
  table->answer_key = answer_key;
  table->id_column = 0;
  table->stance_column = table->columns->len;
  table_add_column (table, L (s, N_("Your position")), CSN_EXPORT_STYLE_CHOICE, CSN_EXPORT_LIST_STANCES);
  table->comment_column = table->columns->len;
  table_add_column (table, L (s, N_("Your comment")), CSN_EXPORT_STYLE_ANSWER_TEXT, -1);
}

/* Leaves a row's answer cells empty: the writer fills them in for each member state. */
static inline guint
skip_answers (CsnExportTable *table)
{
  return table->answer_key != NULL ? 2 : 0;
}

/* The names of @collection's items in the export's language, by key in @names. */
static void
snapshot_collection_names (Builder       *b,
                           CsnCollection  collection,
                           GHashTable    *names)
{
  GListModel *model = csn_draft_get_collection (b->draft, collection);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
      const char *key = keep (b->snapshot, csn_item_get_key (item));
      const char *name = keep_name (b->snapshot, item);

      g_hash_table_insert (names, (gpointer) key, (gpointer) name);
    }
}

static void
snapshot_names (Builder *b)
{
  snapshot_collection_names (b, CSN_COLLECTION_COUNTRIES, b->country_names);
  snapshot_collection_names (b, CSN_COLLECTION_PILLARS, b->pillar_names);
  snapshot_collection_names (b, CSN_COLLECTION_ACTORS, b->actor_names);
}

static void
snapshot_themes (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES);
  CsnExportTable *table = table_new (N_("Theme matrix"));
  guint first_mark, n_marks = 0;

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("No.")), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Theme")), CSN_EXPORT_STYLE_TEXT, -1);
  g_array_index (table->columns, CsnExportColumn, table->columns->len - 1).max_width = 40;
  add_answer_columns (b, table, "Theme");
  table_add_column (table, L (s, N_("Pillar")), CSN_EXPORT_STYLE_NAME, -1);
  g_array_index (table->columns, CsnExportColumn, table->columns->len - 1).max_width = 22;
  first_mark = table->columns->len;
  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);

      if (csn_country_get_membership (country) != CSN_MEMBERSHIP_MEMBER ||
          g_hash_table_contains (b->member_columns, code))
        continue;
      g_hash_table_insert (b->member_columns, (gpointer) keep (s, code),
                           GUINT_TO_POINTER (table->columns->len + 1));
      table_add_column (table, g_hash_table_lookup (b->country_names, code), CSN_EXPORT_STYLE_MARK, -1);
      n_marks++;
    }
  table_add_column (table, L (s, N_("Raised by")), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Horizon")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Consensus")), CSN_EXPORT_STYLE_NAME, -1);
  /* The long texts (description, reservations, notes) are on a sheet of their own, so that the
   * matrix prints legibly on one page's width: see snapshot_theme_texts(). */
  table->frozen_columns = 3;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (model, i);
      const char * const *raised_by = csn_theme_get_raised_by (theme);
      CsnExportCell *row = table_add_row (table);
      guint c = 0, marks = 0;

      set_text (s, &row[c++], csn_theme_get_id (theme));
      set_number (&row[c++], i + 1);
      set_string (&row[c++], item_text (b, theme, "title"));
      c += skip_answers (table);
      set_string (&row[c++], resolve (s, b->pillar_names, csn_theme_get_pillar (theme)));
      for (guint j = 0; raised_by[j] != NULL; j++)
        {
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (b->member_columns, raised_by[j]));

          if (column > 0 && row[column - 1].kind == CSN_EXPORT_CELL_EMPTY)
            {
              set_string (&row[column - 1], MARK);
              marks++;
            }
        }
      c = first_mark + n_marks;
      row[c].kind = n_marks > 0 ? CSN_EXPORT_CELL_COUNT : CSN_EXPORT_CELL_NUMBER;
      row[c++].number = marks;
      set_string (&row[c++], enum_label (s, CSN_TYPE_HORIZON, csn_theme_get_horizon (theme)));
      set_string (&row[c++], enum_label (s, CSN_TYPE_CONSENSUS, csn_theme_get_consensus (theme)));
    }

  add_table (s, table);
}

/* Each theme's description, reservations and notes; the notes of the template hold the only
 * definition of short and medium term. */
static void
snapshot_theme_texts (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES);
  CsnExportTable *table = table_new (N_("Theme texts"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("No.")), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Theme")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Description")), CSN_EXPORT_STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Reservations")), CSN_EXPORT_STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Notes")), CSN_EXPORT_STYLE_TEXT, -1);
  table->frozen_columns = 3;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (model, i);
      GListModel *reservations = csn_theme_get_reservations (theme);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_theme_get_id (theme));
      set_number (&row[1], i + 1);
      set_string (&row[2], item_text (b, theme, "title"));
      set_string (&row[3], item_text (b, theme, "description"));

      g_string_truncate (b->buffer, 0);
      for (guint j = 0, m = g_list_model_get_n_items (reservations); j < m; j++)
        {
          g_autoptr(CsnReservation) reservation = g_list_model_get_item (reservations, j);
          const char *country = resolve (s, b->country_names, csn_reservation_get_country (reservation));

          if (b->buffer->len > 0)
            g_string_append_c (b->buffer, '\n');
          if (country != NULL)
            g_string_append_printf (b->buffer, "%s: ", country);
          g_string_append (b->buffer, item_text (b, reservation, "text"));
        }
      set_text (s, &row[4], b->buffer->str);
      set_string (&row[5], item_text (b, theme, "notes"));
    }

  add_table (s, table);
}

/* Themes per pillar and horizon; a row for themes whose pillar is missing or unknown, if any. */
static void
snapshot_pillar_table (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  guint n_pillars = csn_draft_figures_get_n_pillars (b->figures);
  CsnExportTable *table = table_new (NULL);
  CsnExportCell *row;

  table_add_column (table, L (s, N_("Pillar")), CSN_EXPORT_STYLE_NAME, -1);
  for (CsnHorizon h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
    table_add_column (table, enum_label (s, CSN_TYPE_HORIZON, h), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Total")), CSN_EXPORT_STYLE_NUMBER, -1);

  for (guint p = 0; p <= n_pillars; p++)
    {
      guint total = 0;

      for (CsnHorizon h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
        total += csn_draft_figures_get_themes_by_pillar (b->figures, p, h);
      if (p == n_pillars && total == 0)
        break;
      row = table_add_row (table);
      if (p < n_pillars)
        set_string (&row[0], keep_name (s, csn_draft_figures_get_pillar (b->figures, p)));
      else
        set_string (&row[0], L (s, N_("No pillar")));
      for (CsnHorizon h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
        set_number (&row[1 + h], csn_draft_figures_get_themes_by_pillar (b->figures, p, h));
      set_number (&row[1 + CSN_HORIZON_UNDECIDED + 1], total);
    }

  row = table_add_row (table);
  set_string (&row[0], L (s, N_("Total")));
  row[0].warning = TRUE;  /* marks the totals row */
  for (CsnHorizon h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
    set_number (&row[1 + h], csn_draft_figures_get_themes_by_horizon (b->figures, h));
  set_number (&row[1 + CSN_HORIZON_UNDECIDED + 1], csn_draft_figures_get_n_themes (b->figures));

  s->pillar_table = table;
}

static void
snapshot_strategies (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_STRATEGIES);
  CsnExportTable *table = table_new (N_("Strategies"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Theme ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Theme")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Strategy")), CSN_EXPORT_STYLE_TEXT, -1);
  add_answer_columns (b, table, "Strategy");
  table_add_column (table, L (s, N_("Mechanism")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Lead")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Support")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Horizon")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Notes")), CSN_EXPORT_STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnStrategy) strategy = g_list_model_get_item (model, i);
      const char *theme = csn_strategy_get_theme (strategy);
      CsnExportCell *row = table_add_row (table);
      guint c = 0;

      set_text (s, &row[c++], csn_strategy_get_id (strategy));
      set_text (s, &row[c++], theme);
      set_string (&row[c++], resolve (s, b->theme_titles, theme));
      set_string (&row[c++], item_text (b, strategy, "description"));
      c += skip_answers (table);
      set_string (&row[c++], enum_label (s, CSN_TYPE_MECHANISM_KIND, csn_strategy_get_mechanism (strategy)));
      set_string (&row[c++], resolve (s, b->actor_names, csn_strategy_get_lead (strategy)));
      set_string (&row[c++], resolve_list (s, b->actor_names, csn_strategy_get_support (strategy), b->buffer));
      set_string (&row[c++], enum_label (s, CSN_TYPE_HORIZON, csn_strategy_get_horizon (strategy)));
      set_string (&row[c++], item_text (b, strategy, "notes"));
    }

  add_table (s, table);
}

static void
snapshot_mechanisms (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS);
  CsnExportTable *table = table_new (N_("Mechanisms"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Mechanism")), CSN_EXPORT_STYLE_NAME, -1);
  add_answer_columns (b, table, "Mechanism");
  table_add_column (table, L (s, N_("Assessment")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Considerations")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  table_add_column (table, L (s, N_("Proposal")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnMechanism) mechanism = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);
      guint c = 0;

      set_text (s, &row[c++], csn_mechanism_get_id (mechanism));
      set_string (&row[c++], item_text (b, mechanism, "name"));
      c += skip_answers (table);
      set_string (&row[c++], enum_label (s, CSN_TYPE_ASSESSMENT, csn_mechanism_get_assessment (mechanism)));
      set_string (&row[c++], item_text (b, mechanism, "considerations"));
      set_string (&row[c++], item_text (b, mechanism, "proposal"));
    }

  add_table (s, table);
}

/* The actors and their current role, on which the role proposals build. */
static void
snapshot_actors (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ACTORS);
  CsnExportTable *table = table_new (N_("Actors"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Actor")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Kind")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Current role")), CSN_EXPORT_STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnActor) actor = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_actor_get_id (actor));
      set_string (&row[1], keep_name (s, CSN_ITEM (actor)));
      set_string (&row[2], enum_label (s, CSN_TYPE_ACTOR_KIND, csn_actor_get_kind (actor)));
      set_string (&row[3], item_text (b, actor, "current_role"));
    }

  add_table (s, table);
}

static void
snapshot_role_proposals (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS);
  CsnExportTable *table = table_new (N_("Role proposals"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Actor")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Change")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Attribution")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  add_answer_columns (b, table, "Proposal");
  table_add_column (table, L (s, N_("Rationale")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  table_add_column (table, L (s, N_("Supported by")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Status")), CSN_EXPORT_STYLE_NAME, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnRoleProposal) proposal = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);
      guint c = 0;

      set_text (s, &row[c++], csn_role_proposal_get_id (proposal));
      set_string (&row[c++], resolve (s, b->actor_names, csn_role_proposal_get_actor (proposal)));
      set_string (&row[c++], enum_label (s, CSN_TYPE_ROLE_CHANGE, csn_role_proposal_get_change (proposal)));
      set_string (&row[c++], item_text (b, proposal, "attribution"));
      c += skip_answers (table);
      set_string (&row[c++], item_text (b, proposal, "rationale"));
      set_string (&row[c++], resolve_list (s, b->country_names, csn_role_proposal_get_supported_by (proposal),
                                           b->buffer));
      set_string (&row[c++], enum_label (s, CSN_TYPE_PROPOSAL_STATUS, csn_role_proposal_get_status (proposal)));
    }

  add_table (s, table);
}

static void
snapshot_delegations (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_PARTICIPANTS);
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  CsnExportTable *table = table_new (N_("Delegations"));
  /* On a sheet of its own: beside the participants, filtering them would hide its rows. */
  CsnExportTable *quotas = table_new (N_("Quotas"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Name")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Position")), CSN_EXPORT_STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Email")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Role")), CSN_EXPORT_STYLE_NAME, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_participant_get_id (participant));
      set_text (s, &row[1], csn_participant_get_name (participant));
      set_string (&row[2], resolve (s, b->country_names, csn_participant_get_country (participant)));
      set_text (s, &row[3], csn_participant_get_position (participant));
      set_text (s, &row[4], csn_participant_get_email (participant));
      set_string (&row[5], enum_label (s, CSN_TYPE_PARTICIPANT_ROLE, csn_participant_get_role (participant)));
    }

  table_add_column (quotas, L (s, N_("Country code")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (quotas, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (quotas, L (s, N_("Membership")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (quotas, L (s, N_("Quota")), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (quotas, L (s, N_("Registered")), CSN_EXPORT_STYLE_NUMBER, -1);
  table_add_column (quotas, L (s, N_("Quota status")), CSN_EXPORT_STYLE_NAME, -1);

  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);
      CsnExportCell *row = table_add_row (quotas);

      set_text (s, &row[0], code);
      set_string (&row[1], g_hash_table_lookup (b->country_names, code));
      set_string (&row[2], enum_label (s, CSN_TYPE_MEMBERSHIP, csn_country_get_membership (country)));
      set_number (&row[3], csn_country_get_delegation_quota (country));
      set_number (&row[4], csn_draft_figures_get_delegation_size (b->figures, code));
      if (csn_draft_figures_is_over_quota (b->figures, country))
        {
          set_string (&row[5], L (s, N_("Over quota")));
          row[5].warning = TRUE;
        }
      else
        set_string (&row[5], L (s, N_("Within quota")));
    }

  add_table (s, table);
  add_table (s, quotas);
}

static void
snapshot_endorsements (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ENDORSEMENTS);
  CsnExportTable *table = table_new (N_("Endorsements"));

  table_add_column (table, L (s, N_("Country code")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Status")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Date")), CSN_EXPORT_STYLE_DATE, -1);
  table_add_column (table, L (s, N_("Note")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnEndorsement) endorsement = g_list_model_get_item (model, i);
      const char *country = csn_endorsement_get_country (endorsement);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], country);
      set_string (&row[1], resolve (s, b->country_names, country));
      set_string (&row[2], enum_label (s, CSN_TYPE_ENDORSEMENT_STATUS,
                                       csn_endorsement_get_status (endorsement)));
      set_date (s, &row[3], csn_endorsement_get_date (endorsement));
      set_string (&row[4], item_text (b, endorsement, "note"));
    }

  add_table (s, table);
}

static void
snapshot_summary (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  CsnMeeting *meeting = csn_draft_get_meeting (b->draft);
  CsnExportCell ppt_value = { 0 };

  set_string (&ppt_value, resolve (s, b->country_names, csn_meeting_get_pro_tempore_presidency (meeting)));
  add_summary_line (s, N_("Meeting"), text_value (s, s->title));
  add_summary_line (s, N_("Venue"), text_value (s, item_text (b, meeting, "venue")));
  add_summary_line (s, N_("Pro Tempore Presidency"), ppt_value);
  add_summary_line (s, N_("Status"), text_value (s, enum_label (s, CSN_TYPE_MEETING_STATUS,
                                                                csn_meeting_get_status (meeting))));
  add_summary_line (s, N_("Start date"), date_value (s, csn_meeting_get_start_date (meeting)));
  add_summary_line (s, N_("End date"), date_value (s, csn_meeting_get_end_date (meeting)));
  add_summary_line (s, N_("Exported on"), date_value (s, s->date));
  add_summary_line (s, NULL, (CsnExportCell) { 0 });
  add_summary_line (s, N_("Themes"), number_value (csn_draft_figures_get_n_themes (b->figures)));
  add_summary_line (s, N_("Strategies"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_STRATEGIES))));
  add_summary_line (s, N_("Mechanisms"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS))));
  add_summary_line (s, N_("Role proposals"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS))));
  add_summary_line (s, N_("Participants"), number_value (csn_draft_figures_get_n_participants (b->figures)));
  add_summary_line (s, N_("Endorsements received"),
                    number_value (csn_draft_figures_get_n_endorsed (b->figures)));
}

static CsnExportSnapshot *
snapshot_alloc (CsnDraft      *draft,
                CsnLanguage    language,
                CsnExportKind  kind)
{
  CsnExportSnapshot *s = g_new0 (CsnExportSnapshot, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  s->kind = kind;
  s->language = language;
  s->strings = g_string_chunk_new (64 * 1024);
  s->summary = g_array_new (FALSE, TRUE, sizeof (CsnExportSummaryLine));
  s->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  s->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  s->created = g_date_time_to_unix (now);
  g_strlcpy (s->date, date, sizeof s->date);
  g_mutex_init (&s->lock);
  g_cond_init (&s->table_added);
  return s;
}

static void
builder_begin (Builder           *b,
               CsnExportSnapshot *s,
               CsnDraft          *draft)
{
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  CsnMeeting *meeting = csn_draft_get_meeting (draft);

  *b = (Builder) { s, draft };
  b->content_language = csn_meeting_get_language (meeting);
  b->answers = s->kind == CSN_EXPORT_KIND_DELEGATION;
  b->figures = csn_draft_figures_new (draft);
  b->country_names = g_hash_table_new (g_str_hash, g_str_equal);
  b->member_columns = g_hash_table_new (g_str_hash, g_str_equal);
  b->pillar_names = g_hash_table_new (g_str_hash, g_str_equal);
  b->actor_names = g_hash_table_new (g_str_hash, g_str_equal);
  b->theme_titles = g_hash_table_new (g_str_hash, g_str_equal);
  b->buffer = g_string_new (NULL);

  s->title = item_text (b, meeting, "title");
  s->is_draft = csn_meeting_get_status (meeting) == CSN_MEETING_STATUS_DRAFT;
  snapshot_names (b);
  for (guint i = 0, n = g_list_model_get_n_items (themes); i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);

      g_hash_table_insert (b->theme_titles, (gpointer) keep (s, csn_theme_get_id (theme)),
                           (gpointer) item_text (b, theme, "title"));
    }
}

static void
builder_end (Builder *b)
{
  csn_draft_figures_unref (b->figures);
  g_hash_table_unref (b->country_names);
  g_hash_table_unref (b->member_columns);
  g_hash_table_unref (b->pillar_names);
  g_hash_table_unref (b->actor_names);
  g_hash_table_unref (b->theme_titles);
  g_string_free (b->buffer, TRUE);
}

static void
builder_free (gpointer builder)
{
  builder_end (builder);
  g_free (builder);
}

/* The rows of the tables csn_export_snapshot_add_tables() makes, before it makes them. */
static guint
count_table_rows (CsnDraft *draft)
{
  const CsnCollection one_row_each[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS,
    CSN_COLLECTION_ACTORS, CSN_COLLECTION_ROLE_PROPOSALS, CSN_COLLECTION_PARTICIPANTS,
    CSN_COLLECTION_COUNTRIES, CSN_COLLECTION_ENDORSEMENTS,
  };
  guint rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (one_row_each); i++)
    rows += g_list_model_get_n_items (csn_draft_get_collection (draft, one_row_each[i]));
  return rows;
}

/*
 * Every list of the draft, to read and print; nothing in it is anyone's to answer, so no drop-downs.
 * The head only: the summary sheet's lines and table, and the number of rows to come. The tables
 * follow from csn_export_snapshot_add_tables(), which a writer in another thread need not wait for.
 */
CsnExportSnapshot *
csn_export_snapshot_new_head (CsnDraft    *draft,
                              CsnLanguage  language)
{
  CsnExportSnapshot *s = snapshot_alloc (draft, language, CSN_EXPORT_KIND_FULL);
  Builder *b = g_new (Builder, 1);

  builder_begin (b, s, draft);
  s->builder = b;
  snapshot_summary (b);
  snapshot_pillar_table (b);
  s->rows_expected = count_table_rows (draft);
  return s;
}

/*
 * In the thread the head was made in, the draft unchanged since: makes the tables one by one, each
 * handed to the writer as soon as it is complete.
 */
void
csn_export_snapshot_add_tables (CsnExportSnapshot *snapshot,
                                CsnDraft          *draft)
{
  Builder *b = g_steal_pointer (&snapshot->builder);

  g_return_if_fail (b != NULL && b->draft == draft);

  snapshot_themes (b);
  snapshot_theme_texts (b);
  snapshot_strategies (b);
  snapshot_mechanisms (b);
  snapshot_actors (b);
  snapshot_role_proposals (b);
  snapshot_delegations (b);
  snapshot_endorsements (b);
  builder_free (b);
  mark_complete (snapshot);
}

CsnExportSnapshot *
csn_export_snapshot_new (CsnDraft    *draft,
                         CsnLanguage  language)
{
  CsnExportSnapshot *s = csn_export_snapshot_new_head (draft, language);

  csn_export_snapshot_add_tables (s, draft);
  return s;
}

/*
 * What every member state's workbook of one language shares: the agenda's four tables, each with
 * its two answer columns (left empty here), and the drop-down lists. csn_export_delegation_new()
 * adds what each has of its own.
 */
CsnExportSnapshot *
csn_export_snapshot_new_for_answers (CsnDraft    *draft,
                                     CsnLanguage  language)
{
  CsnExportSnapshot *s = snapshot_alloc (draft, language, CSN_EXPORT_KIND_DELEGATION);
  Builder b;

  builder_begin (&b, s, draft);
  add_enum_list (s, N_("Your position"), CSN_TYPE_STANCE);
  add_enum_list (s, N_("Endorsement status"), CSN_TYPE_ENDORSEMENT_STATUS);
  g_assert (s->lists->len == CSN_EXPORT_N_LISTS);

  snapshot_themes (&b);
  snapshot_theme_texts (&b);
  snapshot_strategies (&b);
  snapshot_mechanisms (&b);
  snapshot_role_proposals (&b);
  builder_end (&b);

  mark_complete (s);

  s->answer_rows = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint t = 0; t < s->tables->len; t++)
    {
      CsnExportTable *table = g_ptr_array_index (s->tables, t);

      s->rows_expected += table->n_rows;
      if (table->answer_key == NULL)
        continue;
      for (guint row = 0; row < table->n_rows; row++)
        {
          const char *id = g_array_index (table->cells, CsnExportCell,
                                          row * table->columns->len + table->id_column).text;

          /* An id used twice answers on its first row only; the draft's validation reports it. */
          if (id != NULL && !g_hash_table_contains (s->answer_rows, id))
            g_hash_table_insert (s->answer_rows, (gpointer) id, GUINT_TO_POINTER (t << 24 | (row + 1)));
        }
    }
  return s;
}

/* Delegation workbooks: what each member state's has of its own */

static const char *
keep_in (CsnExportDelegation *d,
         const char          *text)
{
  return g_string_chunk_insert (d->strings, text != NULL ? text : "");
}

static void
add_line (CsnExportDelegation *d,
          CsnExportLineKind    kind,
          const char          *key,
          const char          *text)
{
  CsnExportLine line = { kind, key != NULL ? keep_in (d, key) : NULL };

  if (text != NULL && text[0] != '\0')
    {
      line.value.kind = CSN_EXPORT_CELL_STRING;
      line.value.text = keep_in (d, text);
    }
  g_array_append_val (d->instructions, line);
}

static void
add_date_line (CsnExportDelegation *d,
               const char          *key,
               const char          *date,
               const char          *if_none)
{
  CsnExportLine line = { CSN_EXPORT_LINE_FIELD, keep_in (d, key) };

  if (date != NULL && date[0] != '\0')
    {
      line.value.kind = CSN_EXPORT_CELL_DATE;
      line.value.text = keep_in (d, date);
      g_array_append_val (d->instructions, line);
    }
  else
    add_line (d, CSN_EXPORT_LINE_FIELD, key, if_none);
}

static void
add_info (CsnExportDelegation *d,
          const char          *key,
          const char          *value)
{
  CsnExportSummaryLine line = { key };

  line.value.kind = CSN_EXPORT_CELL_STRING;
  line.value.text = keep_in (d, value);
  g_array_append_val (d->info, line);
}

static const char *
country_name (CsnExportSnapshot *s,
              CsnDraft          *draft,
              const char        *code)
{
  CsnItem *country = code != NULL ? csn_draft_lookup (draft, CSN_COLLECTION_COUNTRIES, code) : NULL;

  return country != NULL ? keep_name (s, country) : code;
}

/* "Name (position), e-mail; …": the Pro Tempore Presidency's delegation, its head first. */
static char *
dup_presidency_contacts (CsnDraft   *draft,
                         const char *presidency)
{
  GListModel *participants = csn_draft_get_collection (draft, CSN_COLLECTION_PARTICIPANTS);
  GString *contacts = g_string_new (NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0, n = g_list_model_get_n_items (participants); i < n; i++)
      {
        g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, i);
        gboolean head = csn_participant_get_role (participant) == CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION;
        const char *email = csn_participant_get_email (participant);
        const char *position = csn_participant_get_position (participant);

        if (g_strcmp0 (csn_participant_get_country (participant), presidency) != 0 ||
            email[0] == '\0' || head != (pass == 0))
          continue;
        if (contacts->len > 0)
          g_string_append (contacts, "; ");
        g_string_append (contacts, csn_participant_get_name (participant));
        if (position[0] != '\0')
          g_string_append_printf (contacts, " (%s)", position);
        g_string_append_printf (contacts, ", %s", email);
      }
  return g_string_free (contacts, contacts->len == 0);
}

static void
add_instructions (CsnExportDelegation  *d,
                  CsnExportSnapshot    *s,
                  CsnDraft             *draft,
                  const CsnExportStamp *stamp)
{
  CsnMeeting *meeting = csn_draft_get_meeting (draft);
  GListModel *actors = csn_draft_get_collection (draft, CSN_COLLECTION_ACTORS);
  const char *presidency = csn_meeting_get_pro_tempore_presidency (meeting);
  const char *answers_to = csn_meeting_get_answers_to (meeting);
  g_autofree char *title = NULL;
  g_autofree char *addressee = NULL;
  g_autofree char *contacts = dup_presidency_contacts (draft, presidency);
  g_autofree char *presidency_key = NULL;
  g_autofree char *how_stance = NULL;
  g_autofree char *how_endorse = NULL;
  const char *position_header = L (s, N_("Your position"));
  const char *comment_header = L (s, N_("Your comment"));
  Builder b = { s, draft, csn_meeting_get_language (meeting), TRUE };

  /* Translators: the title of a delegation's workbook: "Answers of the delegation of México" */
  title = g_strdup_printf (L (s, N_("Answers of the delegation of %s")), d->country_name);
  /* Translators: who a workbook is for: "The delegation of México (MX)" */
  addressee = g_strdup_printf (L (s, N_("The delegation of %s (%s)")), d->country_name, d->country);
  add_line (d, CSN_EXPORT_LINE_TITLE, NULL, title);
  add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
  add_line (d, CSN_EXPORT_LINE_FIELD, L (s, N_("Meeting")), s->title);
  add_line (d, CSN_EXPORT_LINE_FIELD, L (s, N_("For")), addressee);
  add_date_line (d, L (s, N_("Answers due")), csn_meeting_get_answers_due (meeting),
                 L (s, N_("No deadline has been set")));
  if (contacts != NULL)
    /* Translators: "Pro Tempore Presidency (República Dominicana)", before its delegation's contacts */
    presidency_key = g_strdup_printf (L (s, N_("Pro Tempore Presidency (%s)")), country_name (s, draft, presidency));
  if (answers_to[0] != '\0')
    {
      add_line (d, CSN_EXPORT_LINE_FIELD, L (s, N_("Send it back to")), answers_to);
      if (contacts != NULL)
        add_line (d, CSN_EXPORT_LINE_FIELD, presidency_key, contacts);
    }
  else if (contacts != NULL)
    {
      add_line (d, CSN_EXPORT_LINE_FIELD, L (s, N_("Send it back to")), presidency_key);
      add_line (d, CSN_EXPORT_LINE_FIELD, NULL, contacts);
    }
  else
    add_line (d, CSN_EXPORT_LINE_FIELD, L (s, N_("Send it back to")),
              L (s, N_("The co-chairs of the working group: the Pro Tempore Presidency, Mexico and the Technical "
                       "Secretariat")));
  add_date_line (d, L (s, N_("Exported on")), stamp->date, NULL);

  add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
  add_line (d, CSN_EXPORT_LINE_HEADING, NULL, L (s, N_("How to answer")));
  /* Translators: the two %s are the answer columns' headers, “Your position” and “Your comment” */
  how_stance = g_strdup_printf (L (s, N_("On the sheets of themes, strategies, mechanisms and role proposals, "
                                         "choose your country’s position on each row in the column “%s” and, "
                                         "if you wish, write a comment in the column “%s”.")),
                                position_header, comment_header);
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL, how_stance);
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL,
            L (s, N_("Only those two columns and your endorsement can be changed: the rest is the working "
                     "group’s text, protected without a password so that nothing is changed by accident.")));
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL,
            L (s, N_("Leave the ID column as it is: it tells Consenso which item each answer is about. You may "
                     "sort and filter the rows, widen the columns and rename the sheets.")));
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL,
            L (s, N_("To propose a reservation on a theme, choose “Supports with a reservation” and write the "
                     "reservation as the comment. On a role proposal, “Supports” adds your country to its "
                     "supporters and “Objects” takes it off.")));
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL,
            L (s, N_("Where your country already has a position, it is filled in: change it only if your "
                     "position changed.")));

  add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
  add_line (d, CSN_EXPORT_LINE_HEADING, NULL, L (s, N_("What each answer means")));
  {
    static const char * const meanings[] = {
      N_("Your country supports the recommendation as it stands."),
      N_("Your country supports it with a reservation: write the reservation in the comment."),
      N_("Your country objects to it: say why in the comment."),
      N_("Your country abstains: it does not stand in the way of a consensus."),
      N_("Your country has no position on it yet."),
    };

    for (CsnStance stance = CSN_STANCE_SUPPORTS; stance <= CSN_STANCE_NO_POSITION; stance++)
      add_line (d, CSN_EXPORT_LINE_FIELD, enum_label (s, CSN_TYPE_STANCE, stance), L (s, meanings[stance]));
  }

  add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
  add_line (d, CSN_EXPORT_LINE_HEADING, NULL, L (s, N_("Short and medium term")));
  add_line (d, CSN_EXPORT_LINE_FIELD, enum_label (s, CSN_TYPE_HORIZON, CSN_HORIZON_SHORT_TERM),
            L (s, N_("Within the next Pro Tempore Presidency (about one year).")));
  add_line (d, CSN_EXPORT_LINE_FIELD, enum_label (s, CSN_TYPE_HORIZON, CSN_HORIZON_MEDIUM_TERM),
            L (s, N_("Two to three cycles of the Pro Tempore Presidency.")));

  if (g_list_model_get_n_items (actors) > 0)
    {
      add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
      add_line (d, CSN_EXPORT_LINE_HEADING, NULL, L (s, N_("The actors’ current roles")));
      for (guint i = 0, n = g_list_model_get_n_items (actors); i < n; i++)
        {
          g_autoptr(CsnActor) actor = g_list_model_get_item (actors, i);

          add_line (d, CSN_EXPORT_LINE_FIELD, keep_name (s, CSN_ITEM (actor)), item_text (&b, actor, "current_role"));
        }
    }

  add_line (d, CSN_EXPORT_LINE_BLANK, NULL, NULL);
  add_line (d, CSN_EXPORT_LINE_HEADING, NULL, L (s, N_("Endorsement")));
  /* Translators: %s is the name of the sheet with the endorsement, “Endorsement” */
  how_endorse = g_strdup_printf (L (s, N_("Once your authorities have evaluated the document, give your "
                                          "country’s endorsement on the sheet “%s”: its status, the date and, "
                                          "if you wish, a note.")),
                                 L (s, N_("Endorsement")));
  add_line (d, CSN_EXPORT_LINE_PARAGRAPH, NULL, how_endorse);
}

static void
add_endorsement (CsnExportDelegation *d,
                 CsnExportSnapshot   *s,
                 CsnDraft            *draft)
{
  CsnEndorsement *endorsement = (CsnEndorsement *) csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS,
                                                                     d->country);
  CsnEndorsementStatus status = endorsement != NULL ? csn_endorsement_get_status (endorsement)
                                                    : CSN_ENDORSEMENT_STATUS_PENDING;
  const char *date = endorsement != NULL ? csn_endorsement_get_date (endorsement) : NULL;
  const char *note = endorsement != NULL ? csn_endorsement_get_note (endorsement) : "";
  CsnExportTable *table = table_new (N_("Endorsement"));
  CsnExportCell *row;

  table_add_column (table, L (s, N_("Country code")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Status")), CSN_EXPORT_STYLE_CHOICE, CSN_EXPORT_LIST_ENDORSEMENT_STATUS);
  table_add_column (table, L (s, N_("Date")), CSN_EXPORT_STYLE_ANSWER_DATE, -1);
  table_add_column (table, L (s, N_("Note")), CSN_EXPORT_STYLE_ANSWER_TEXT, -1);
  row = table_add_row (table);
  set_string (&row[0], keep_in (d, d->country));
  set_string (&row[1], d->country_name);
  set_string (&row[2], enum_label (s, CSN_TYPE_ENDORSEMENT_STATUS, status));
  if (date != NULL)
    {
      row[3].kind = CSN_EXPORT_CELL_DATE;
      row[3].text = keep_in (d, date);
    }
  set_string (&row[4], keep_in (d, note));
  d->endorsement = table;

  add_info (d, CSN_ANSWERS_KEY_ENDORSEMENT_STATUS, csn_enum_to_nick (CSN_TYPE_ENDORSEMENT_STATUS, status));
  add_info (d, CSN_ANSWERS_KEY_ENDORSEMENT_DATE, date);
  add_info (d, CSN_ANSWERS_KEY_ENDORSEMENT_NOTE, note);
}

/* The country's positions fill its answer cells, and are kept as the base the import compares with. */
static void
add_positions (CsnExportDelegation *d,
               CsnExportSnapshot   *s,
               CsnDraft            *draft)
{
  GListModel *positions = csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS);
  CsnExportTable *base = table_new (NULL);

  table_add_column (base, "item", CSN_EXPORT_STYLE_ID, -1);
  table_add_column (base, "stance", CSN_EXPORT_STYLE_ID, -1);
  table_add_column (base, "comment", CSN_EXPORT_STYLE_TEXT, -1);
  for (guint i = 0; i < s->tables->len; i++)
    g_ptr_array_add (d->answers, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (positions); i < n; i++)
    {
      g_autoptr(CsnPosition) position = g_list_model_get_item (positions, i);
      CsnStance stance = csn_position_get_stance (position);
      const char *comment = csn_position_get_comment (position);
      gpointer found;
      guint t, row;
      GArray *answers;
      CsnExportAnswer *answer;
      CsnExportCell *cells;

      if (g_strcmp0 (csn_position_get_country (position), d->country) != 0 ||
          !g_hash_table_lookup_extended (s->answer_rows, csn_position_get_item (position), NULL, &found))
        continue;
      t = GPOINTER_TO_UINT (found) >> 24;
      row = (GPOINTER_TO_UINT (found) & 0xFFFFFF) - 1;
      answers = g_ptr_array_index (d->answers, t);
      if (answers == NULL)
        {
          CsnExportTable *table = g_ptr_array_index (s->tables, t);

          answers = g_array_sized_new (FALSE, TRUE, sizeof (CsnExportAnswer), table->n_rows);
          g_array_set_size (answers, table->n_rows);
          d->answers->pdata[t] = answers;
        }
      answer = &g_array_index (answers, CsnExportAnswer, row);
      /* A second position of the country on one item: the first stands, as in the base. */
      if (answer->stance != NULL)
        continue;
      answer->stance = enum_label (s, CSN_TYPE_STANCE, stance);
      answer->comment = comment[0] != '\0' ? keep_in (d, comment) : NULL;

      cells = table_add_row (base);
      set_string (&cells[0], keep_in (d, csn_position_get_item (position)));
      set_string (&cells[1], csn_enum_to_nick (CSN_TYPE_STANCE, stance));
      set_string (&cells[2], answer->comment);
    }
  d->base = base;
}

static void
free_answers (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/**
 * csn_export_delegation_new:
 * @snapshot: the tables of the country's language (csn_export_snapshot_new_for_answers())
 * @stamp: the export run's
 *
 * What @country's workbook has of its own: its instructions, its positions in the answer columns,
 * its endorsement row, and the hidden sheet's keys.
 */
CsnExportDelegation *
csn_export_delegation_new (CsnExportSnapshot    *snapshot,
                           CsnDraft             *draft,
                           CsnCountry           *country,
                           const CsnExportStamp *stamp)
{
  CsnExportDelegation *d = g_new0 (CsnExportDelegation, 1);
  char version[16];

  g_return_val_if_fail (snapshot->kind == CSN_EXPORT_KIND_DELEGATION, NULL);

  d->strings = g_string_chunk_new (4096);
  d->country = keep_in (d, csn_country_get_code (country));
  d->country_name = keep_in (d, keep_name (snapshot, CSN_ITEM (country)));
  d->answers = g_ptr_array_new_with_free_func (free_answers);
  d->instructions = g_array_new (FALSE, TRUE, sizeof (CsnExportLine));
  d->info = g_array_new (FALSE, TRUE, sizeof (CsnExportSummaryLine));

  g_snprintf (version, sizeof version, "%d", CSN_ANSWERS_VERSION);
  add_info (d, CSN_ANSWERS_KEY_FORMAT, CSN_ANSWERS_FORMAT);
  add_info (d, CSN_ANSWERS_KEY_VERSION, version);
  add_info (d, CSN_ANSWERS_KEY_DRAFT, stamp->draft_id);
  add_info (d, CSN_ANSWERS_KEY_DRAFT_REVISION, stamp->draft_revision);
  add_info (d, CSN_ANSWERS_KEY_TITLE_HASH, stamp->title_hash);
  add_info (d, CSN_ANSWERS_KEY_TITLE, csn_meeting_get_title (csn_draft_get_meeting (draft)));
  add_info (d, CSN_ANSWERS_KEY_REVISION, stamp->revision);
  add_info (d, CSN_ANSWERS_KEY_EXPORTED, stamp->exported);
  add_info (d, CSN_ANSWERS_KEY_DATE, stamp->date);
  add_info (d, CSN_ANSWERS_KEY_COUNTRY, d->country);
  add_info (d, CSN_ANSWERS_KEY_LANGUAGE, csn_language_get_code (snapshot->language));
  add_info (d, CSN_ANSWERS_KEY_GENERATOR, "Consenso " PACKAGE_VERSION);

  add_instructions (d, snapshot, draft, stamp);
  add_endorsement (d, snapshot, draft);
  add_positions (d, snapshot, draft);
  return d;
}

void
csn_export_delegation_free (CsnExportDelegation *delegation)
{
  if (delegation == NULL)
    return;
  g_string_chunk_free (delegation->strings);
  g_ptr_array_unref (delegation->answers);
  g_array_unref (delegation->instructions);
  g_array_unref (delegation->info);
  table_free (delegation->endorsement);
  table_free (delegation->base);
  g_free (delegation);
}
