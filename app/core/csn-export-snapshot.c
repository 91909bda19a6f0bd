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

void
csn_export_snapshot_free (CsnExportSnapshot *snapshot)
{
  g_string_chunk_free (snapshot->strings);
  g_array_unref (snapshot->summary);
  table_free (snapshot->pillar_table);
  g_ptr_array_unref (snapshot->tables);
  g_ptr_array_unref (snapshot->lists);
  g_free (snapshot);
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

/* A reference column's drop-down list, unless there is nothing to choose from. */
static int
list_or_none (CsnExportSnapshot *snapshot,
              int                list)
{
  CsnExportList *l = g_ptr_array_index (snapshot->lists, list);

  return l->items->len > 0 ? list : -1;
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
  CsnDraftFigures   *figures;
  GHashTable        *country_names;   /* code -> name */
  GHashTable        *member_columns;  /* code -> column index + 1 in the theme matrix */
  GHashTable        *pillar_names;    /* id -> name */
  GHashTable        *actor_names;     /* id -> name */
  GHashTable        *theme_titles;    /* id -> title */
  GString           *buffer;
} Builder;

/* The names of @collection's items in the export's language: by key in @names, in order in @list. */
static void
snapshot_collection_names (Builder       *b,
                           CsnCollection  collection,
                           GHashTable    *names,
                           CsnExportList *list)
{
  GListModel *model = csn_draft_get_collection (b->draft, collection);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
      const char *key = keep (b->snapshot, csn_item_get_key (item));
      const char *name = keep_name (b->snapshot, item);

      g_hash_table_insert (names, (gpointer) key, (gpointer) name);
      g_ptr_array_add (list->items, (gpointer) name);
    }
}

static void
snapshot_names (Builder *b)
{
  GPtrArray *lists = b->snapshot->lists;

  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  CsnExportList *members = g_ptr_array_index (lists, CSN_EXPORT_LIST_MEMBER_COUNTRIES);

  snapshot_collection_names (b, CSN_COLLECTION_COUNTRIES, b->country_names,
                             g_ptr_array_index (lists, CSN_EXPORT_LIST_COUNTRIES));
  /* Observers take part but do not endorse: the endorsements offer the members only. */
  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);

      if (csn_country_get_membership (country) == CSN_MEMBERSHIP_MEMBER)
        g_ptr_array_add (members->items, g_hash_table_lookup (b->country_names, csn_country_get_code (country)));
    }
  snapshot_collection_names (b, CSN_COLLECTION_PILLARS, b->pillar_names,
                             g_ptr_array_index (lists, CSN_EXPORT_LIST_PILLARS));
  snapshot_collection_names (b, CSN_COLLECTION_ACTORS, b->actor_names,
                             g_ptr_array_index (lists, CSN_EXPORT_LIST_ACTORS));
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
  table_add_column (table, L (s, N_("Pillar")), CSN_EXPORT_STYLE_NAME,
                    list_or_none (s, CSN_EXPORT_LIST_PILLARS));
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
  table_add_column (table, L (s, N_("Horizon")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_HORIZON);
  table_add_column (table, L (s, N_("Consensus")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_CONSENSUS);
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
      set_text (s, &row[c++], csn_theme_get_title (theme));
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

  g_ptr_array_add (s->tables, table);
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
      set_text (s, &row[2], csn_theme_get_title (theme));
      set_text (s, &row[3], csn_theme_get_description (theme));

      g_string_truncate (b->buffer, 0);
      for (guint j = 0, m = g_list_model_get_n_items (reservations); j < m; j++)
        {
          g_autoptr(CsnReservation) reservation = g_list_model_get_item (reservations, j);
          const char *country = resolve (s, b->country_names, csn_reservation_get_country (reservation));

          if (b->buffer->len > 0)
            g_string_append_c (b->buffer, '\n');
          if (country != NULL)
            g_string_append_printf (b->buffer, "%s: ", country);
          g_string_append (b->buffer, csn_reservation_get_text (reservation));
        }
      set_text (s, &row[4], b->buffer->str);
      set_text (s, &row[5], csn_theme_get_notes (theme));
    }

  g_ptr_array_add (s->tables, table);
}

/* Themes per pillar and horizon; a row for themes whose pillar is missing or unknown, if any. */
static void
snapshot_pillar_table (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *pillars = csn_draft_get_collection (b->draft, CSN_COLLECTION_PILLARS);
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
        {
          g_autoptr(CsnItem) pillar = g_list_model_get_item (pillars, p);

          set_string (&row[0], keep_name (s, pillar));
        }
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
  table_add_column (table, L (s, N_("Mechanism")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_MECHANISM_KIND);
  table_add_column (table, L (s, N_("Lead")), CSN_EXPORT_STYLE_NAME,
                    list_or_none (s, CSN_EXPORT_LIST_ACTORS));
  table_add_column (table, L (s, N_("Support")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Horizon")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_HORIZON);
  table_add_column (table, L (s, N_("Notes")), CSN_EXPORT_STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnStrategy) strategy = g_list_model_get_item (model, i);
      const char *theme = csn_strategy_get_theme (strategy);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_strategy_get_id (strategy));
      set_text (s, &row[1], theme);
      set_string (&row[2], resolve (s, b->theme_titles, theme));
      set_text (s, &row[3], csn_strategy_get_description (strategy));
      set_string (&row[4], enum_label (s, CSN_TYPE_MECHANISM_KIND, csn_strategy_get_mechanism (strategy)));
      set_string (&row[5], resolve (s, b->actor_names, csn_strategy_get_lead (strategy)));
      set_string (&row[6], resolve_list (s, b->actor_names, csn_strategy_get_support (strategy), b->buffer));
      set_string (&row[7], enum_label (s, CSN_TYPE_HORIZON, csn_strategy_get_horizon (strategy)));
      set_text (s, &row[8], csn_strategy_get_notes (strategy));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_mechanisms (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS);
  CsnExportTable *table = table_new (N_("Mechanisms"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Mechanism")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Assessment")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_ASSESSMENT);
  table_add_column (table, L (s, N_("Considerations")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  table_add_column (table, L (s, N_("Proposal")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnMechanism) mechanism = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_mechanism_get_id (mechanism));
      set_text (s, &row[1], csn_mechanism_get_name (mechanism));
      set_string (&row[2], enum_label (s, CSN_TYPE_ASSESSMENT, csn_mechanism_get_assessment (mechanism)));
      set_text (s, &row[3], csn_mechanism_get_considerations (mechanism));
      set_text (s, &row[4], csn_mechanism_get_proposal (mechanism));
    }

  g_ptr_array_add (s->tables, table);
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
      set_text (s, &row[3], csn_actor_get_current_role (actor));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_role_proposals (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS);
  CsnExportTable *table = table_new (N_("Role proposals"));

  table_add_column (table, L (s, N_("ID")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Actor")), CSN_EXPORT_STYLE_NAME,
                    list_or_none (s, CSN_EXPORT_LIST_ACTORS));
  table_add_column (table, L (s, N_("Change")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_ROLE_CHANGE);
  table_add_column (table, L (s, N_("Attribution")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  table_add_column (table, L (s, N_("Rationale")), CSN_EXPORT_STYLE_TEXT, -1);
  table_mark_to_fill (table);
  table_add_column (table, L (s, N_("Supported by")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Status")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_PROPOSAL_STATUS);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnRoleProposal) proposal = g_list_model_get_item (model, i);
      CsnExportCell *row = table_add_row (table);

      set_text (s, &row[0], csn_role_proposal_get_id (proposal));
      set_string (&row[1], resolve (s, b->actor_names, csn_role_proposal_get_actor (proposal)));
      set_string (&row[2], enum_label (s, CSN_TYPE_ROLE_CHANGE, csn_role_proposal_get_change (proposal)));
      set_text (s, &row[3], csn_role_proposal_get_attribution (proposal));
      set_text (s, &row[4], csn_role_proposal_get_rationale (proposal));
      set_string (&row[5], resolve_list (s, b->country_names, csn_role_proposal_get_supported_by (proposal),
                                         b->buffer));
      set_string (&row[6], enum_label (s, CSN_TYPE_PROPOSAL_STATUS, csn_role_proposal_get_status (proposal)));
    }

  g_ptr_array_add (s->tables, table);
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
  table_add_column (table, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME,
                    list_or_none (s, CSN_EXPORT_LIST_COUNTRIES));
  table_add_column (table, L (s, N_("Position")), CSN_EXPORT_STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Email")), CSN_EXPORT_STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Role")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_PARTICIPANT_ROLE);

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

  g_ptr_array_add (s->tables, table);
  g_ptr_array_add (s->tables, quotas);
}

static void
snapshot_endorsements (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ENDORSEMENTS);
  CsnExportTable *table = table_new (N_("Endorsements"));

  table_add_column (table, L (s, N_("Country code")), CSN_EXPORT_STYLE_ID, -1);
  table_add_column (table, L (s, N_("Country")), CSN_EXPORT_STYLE_NAME,
                    list_or_none (s, CSN_EXPORT_LIST_MEMBER_COUNTRIES));
  table_add_column (table, L (s, N_("Status")), CSN_EXPORT_STYLE_NAME, CSN_EXPORT_LIST_ENDORSEMENT_STATUS);
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
      set_text (s, &row[4], csn_endorsement_get_note (endorsement));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_summary (Builder *b)
{
  CsnExportSnapshot *s = b->snapshot;
  CsnMeeting *meeting = csn_draft_get_meeting (b->draft);
  CsnExportCell ppt_value = { 0 };

  set_string (&ppt_value, resolve (s, b->country_names, csn_meeting_get_pro_tempore_presidency (meeting)));
  add_summary_line (s, N_("Meeting"), text_value (s, s->title));
  add_summary_line (s, N_("Venue"), text_value (s, csn_meeting_get_venue (meeting)));
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

CsnExportSnapshot *
csn_export_snapshot_new (CsnDraft    *draft,
                         CsnLanguage  language)
{
  CsnExportSnapshot *s = g_new0 (CsnExportSnapshot, 1);
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  Builder b = { s, draft };

  s->language = language;
  s->strings = g_string_chunk_new (64 * 1024);
  s->summary = g_array_new (FALSE, TRUE, sizeof (CsnExportSummaryLine));
  s->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  s->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  s->created = g_date_time_to_unix (now);
  g_strlcpy (s->date, date, sizeof s->date);
  s->title = keep (s, csn_meeting_get_title (csn_draft_get_meeting (draft)));
  s->is_draft = csn_meeting_get_status (csn_draft_get_meeting (draft)) == CSN_MEETING_STATUS_DRAFT;

  add_enum_list (s, N_("Horizon"), CSN_TYPE_HORIZON);
  add_enum_list (s, N_("Consensus"), CSN_TYPE_CONSENSUS);
  add_enum_list (s, N_("Mechanism"), CSN_TYPE_MECHANISM_KIND);
  add_enum_list (s, N_("Assessment"), CSN_TYPE_ASSESSMENT);
  add_enum_list (s, N_("Change"), CSN_TYPE_ROLE_CHANGE);
  add_enum_list (s, N_("Proposal status"), CSN_TYPE_PROPOSAL_STATUS);
  add_enum_list (s, N_("Role"), CSN_TYPE_PARTICIPANT_ROLE);
  add_enum_list (s, N_("Endorsement status"), CSN_TYPE_ENDORSEMENT_STATUS);
  add_list (s, N_("Pillar"));
  add_list (s, N_("Actor"));
  add_list (s, N_("Country"));
  add_list (s, N_("Member state"));
  g_assert (s->lists->len == CSN_EXPORT_N_LISTS);

  b.figures = csn_draft_figures_new (draft);
  b.country_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.member_columns = g_hash_table_new (g_str_hash, g_str_equal);
  b.pillar_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.actor_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.theme_titles = g_hash_table_new (g_str_hash, g_str_equal);
  b.buffer = g_string_new (NULL);

  snapshot_names (&b);
  for (guint i = 0, n = g_list_model_get_n_items (themes); i < n; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);

      g_hash_table_insert (b.theme_titles, (gpointer) keep (s, csn_theme_get_id (theme)),
                           (gpointer) keep (s, csn_theme_get_title (theme)));
    }

  snapshot_summary (&b);
  snapshot_themes (&b);
  snapshot_theme_texts (&b);
  snapshot_pillar_table (&b);
  snapshot_strategies (&b);
  snapshot_mechanisms (&b);
  snapshot_actors (&b);
  snapshot_role_proposals (&b);
  snapshot_delegations (&b);
  snapshot_endorsements (&b);

  csn_draft_figures_unref (b.figures);
  g_hash_table_unref (b.country_names);
  g_hash_table_unref (b.member_columns);
  g_hash_table_unref (b.pillar_names);
  g_hash_table_unref (b.actor_names);
  g_hash_table_unref (b.theme_titles);
  g_string_free (b.buffer, TRUE);

  return s;
}
