/* csn-export.c: writes a draft as an .xlsx workbook the delegations can read, edit and send back. */
#define G_LOG_DOMAIN "csn-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "csn-catalog.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-export.h"
#include "csn-item.h"
#include "csn-safe-file.h"

#if LXW_VERSION_ID < 110
#error "Consenso needs libxlsxwriter 1.1.0 or newer"
#endif

#define CELL_MAX_UNITS      32767  /* Excel's limit, in UTF-16 code units */
#define VALIDATION_SPARE    500    /* rows below the data that keep the drop-down lists */
#define PROGRESS_EVERY      256    /* rows between progress reports and cancellation checks */
#define MARK                "X"
#define LINE_HEIGHT         15.0   /* points, for the default 11-point font */
#define MAX_ROW_LINES       27     /* Excel's highest row is 409 points */
#define FOOTER_TITLE_CHARS  48

/* The language of the workbook, not of the interface. */
#define L(snapshot, msgid) csn_catalog_lookup ((snapshot)->language, (msgid))

G_DEFINE_QUARK (csn-export-error-quark, csn_export_error)

typedef enum {
  CELL_EMPTY,
  CELL_STRING,  /* always a text cell, whatever it starts with */
  CELL_NUMBER,
  CELL_DATE,    /* "YYYY-MM-DD", written as a date when it is one */
  CELL_COUNT,   /* the number of marks in the row, as a formula that follows edits */
} CellKind;

typedef struct {
  const char *text;
  double      number;
  guint8      kind;
  guint8      warning;
} Cell;

typedef enum {
  STYLE_ID,
  STYLE_NUMBER,
  STYLE_NAME,   /* labels and names: short, wrapped */
  STYLE_TEXT,   /* free text: wide, wrapped */
  STYLE_MARK,   /* a country column of the theme matrix */
  STYLE_DATE,
} ColumnStyle;

typedef struct {
  const char *header;
  ColumnStyle style;
  int         list;       /* index into Snapshot.lists, or -1 */
  guint       max_width;  /* characters; 0 for the style's */
} Column;

typedef struct _Table Table;

struct _Table {
  const char *name_msgid;
  GArray     *columns;   /* Column */
  GArray     *cells;     /* Cell, row after row */
  guint       n_rows;
  guint       frozen_columns;
  Table      *side;      /* a second table to the right, without filter */
  double     *widths;    /* of each column, set by the writer */
};

typedef struct {
  const char *header;
  GPtrArray  *items;     /* const char *, owned by the snapshot */
} List;

typedef struct {
  const char *key;
  Cell        value;
} SummaryLine;

/* Themes per horizon, for one pillar. */
typedef guint HorizonCounts[CSN_HORIZON_UNDECIDED + 1];

/* Everything the writer needs, copied from the model on the main thread. */
typedef struct {
  CsnLanguage   language;
  GStringChunk *strings;
  const char   *title;
  char          date[16];
  time_t        created;
  GArray       *summary;       /* SummaryLine */
  Table        *pillar_table;  /* pillar x horizon, on the summary sheet */
  GPtrArray    *tables;        /* Table */
  GPtrArray    *lists;         /* List */
} Snapshot;

enum {
  LIST_HORIZON,
  LIST_CONSENSUS,
  LIST_MECHANISM_KIND,
  LIST_ASSESSMENT,
  LIST_ROLE_CHANGE,
  LIST_PROPOSAL_STATUS,
  LIST_PARTICIPANT_ROLE,
  LIST_ENDORSEMENT_STATUS,
  LIST_PILLARS,
  LIST_ACTORS,
  LIST_COUNTRIES,
  N_LISTS
};

/* Snapshot */

static Table *
table_new (const char *name_msgid)
{
  Table *table = g_new0 (Table, 1);

  table->name_msgid = name_msgid;
  table->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  table->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  return table;
}

static void
table_free (Table *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_array_unref (table->cells);
  g_free (table->widths);
  table_free (table->side);
  g_free (table);
}

static void
table_add_column (Table       *table,
                  const char  *header,
                  ColumnStyle  style,
                  int          list)
{
  Column column = { header, style, list, 0 };

  g_array_append_val (table->columns, column);
}

/* The cells of a new, empty row; valid until the next row is added. */
static Cell *
table_add_row (Table *table)
{
  guint n_columns = table->columns->len;

  g_array_set_size (table->cells, table->cells->len + n_columns);
  table->n_rows++;
  return &g_array_index (table->cells, Cell, table->cells->len - n_columns);
}

static inline Cell *
table_cell (Table *table,
            guint  row,
            guint  column)
{
  return &g_array_index (table->cells, Cell, row * table->columns->len + column);
}

static void
list_free (List *list)
{
  g_ptr_array_unref (list->items);
  g_free (list);
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_string_chunk_free (snapshot->strings);
  g_array_unref (snapshot->summary);
  table_free (snapshot->pillar_table);
  g_ptr_array_unref (snapshot->tables);
  g_ptr_array_unref (snapshot->lists);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static const char *
keep (Snapshot   *snapshot,
      const char *text)
{
  return g_string_chunk_insert (snapshot->strings, text != NULL ? text : "");
}

/* @text must outlive the snapshot: a label, or a string it keeps. NULL or "" leaves the cell empty. */
static inline void
set_string (Cell       *cell,
            const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  cell->kind = CELL_STRING;
  cell->text = text;
}

static inline void
set_text (Snapshot   *snapshot,
          Cell       *cell,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    set_string (cell, keep (snapshot, text));
}

static inline void
set_number (Cell   *cell,
            double  number)
{
  cell->kind = CELL_NUMBER;
  cell->number = number;
}

static void
set_date (Snapshot   *snapshot,
          Cell       *cell,
          const char *date)
{
  if (date == NULL || date[0] == '\0')
    return;
  cell->kind = CELL_DATE;
  cell->text = keep (snapshot, date);
}

/* An item's name in the workbook's language, else in the other one, else its key. */
static const char *
keep_localized (Snapshot   *snapshot,
                CsnItem    *item,
                const char *property)
{
  g_autofree char *first = g_strconcat (property, snapshot->language == CSN_LANGUAGE_ES ? "-es" : "-en", NULL);
  g_autofree char *second = g_strconcat (property, snapshot->language == CSN_LANGUAGE_ES ? "-en" : "-es", NULL);
  const char *text = csn_item_get_string (item, first);

  if (text == NULL || text[0] == '\0')
    text = csn_item_get_string (item, second);
  if (text == NULL || text[0] == '\0')
    text = csn_item_get_key (item);
  return keep (snapshot, text);
}

static const char *
enum_label (Snapshot *snapshot,
            GType     type,
            int       value)
{
  return csn_catalog_lookup_enum_label (snapshot->language, type, value);
}

/* A reference shown by the name it points to, or by itself when it points nowhere. */
static const char *
resolve (Snapshot   *snapshot,
         GHashTable *names,
         const char *key)
{
  const char *name;

  if (key == NULL || key[0] == '\0')
    return NULL;
  name = g_hash_table_lookup (names, key);
  return name != NULL ? name : keep (snapshot, key);
}

static const char *
resolve_list (Snapshot           *snapshot,
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

static List *
add_list (Snapshot   *snapshot,
          const char *header_msgid)
{
  List *list = g_new0 (List, 1);

  list->header = L (snapshot, header_msgid);
  list->items = g_ptr_array_new ();
  g_ptr_array_add (snapshot->lists, list);
  return list;
}

static void
add_enum_list (Snapshot   *snapshot,
               const char *header_msgid,
               GType       type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  List *list = add_list (snapshot, header_msgid);

  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (list->items, (gpointer) enum_label (snapshot, type, klass->values[i].value));
}

/* A reference column's drop-down list, unless there is nothing to choose from. */
static int
list_or_none (Snapshot *snapshot,
              int       list)
{
  List *l = g_ptr_array_index (snapshot->lists, list);

  return l->items->len > 0 ? list : -1;
}

static void
add_summary_line (Snapshot   *snapshot,
                  const char *key_msgid,
                  Cell        value)
{
  SummaryLine line = { key_msgid != NULL ? L (snapshot, key_msgid) : NULL, value };

  g_array_append_val (snapshot->summary, line);
}

static Cell
text_value (Snapshot   *snapshot,
            const char *text)
{
  Cell cell = { 0 };

  set_text (snapshot, &cell, text);
  return cell;
}

static Cell
number_value (double number)
{
  Cell cell = { 0 };

  set_number (&cell, number);
  return cell;
}

static Cell
date_value (Snapshot   *snapshot,
            const char *date)
{
  Cell cell = { 0 };

  set_date (snapshot, &cell, date);
  return cell;
}

typedef struct {
  Snapshot   *snapshot;
  CsnDraft   *draft;
  GHashTable *country_names;   /* code -> name */
  GHashTable *member_columns;  /* code -> column index + 1 in the theme matrix */
  GHashTable *pillar_names;    /* id -> name */
  GHashTable *pillar_rows;     /* id -> row index + 1 in the pillar table */
  GHashTable *actor_names;     /* id -> name */
  GHashTable *theme_titles;    /* id -> title */
  GHashTable *participants_by_country;  /* code -> count */
  GString    *buffer;
} Builder;

/* The names of @collection's items in the export's language: by key in @names, in order in @list. */
static void
snapshot_collection_names (Builder       *b,
                           CsnCollection  collection,
                           GHashTable    *names,
                           List          *list)
{
  GListModel *model = csn_draft_get_collection (b->draft, collection);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);
      const char *key = keep (b->snapshot, csn_item_get_key (item));
      const char *name = keep_localized (b->snapshot, item, "name");

      g_hash_table_insert (names, (gpointer) key, (gpointer) name);
      g_ptr_array_add (list->items, (gpointer) name);
    }
}

static void
snapshot_names (Builder *b)
{
  GPtrArray *lists = b->snapshot->lists;

  snapshot_collection_names (b, CSN_COLLECTION_COUNTRIES, b->country_names,
                             g_ptr_array_index (lists, LIST_COUNTRIES));
  snapshot_collection_names (b, CSN_COLLECTION_PILLARS, b->pillar_names,
                             g_ptr_array_index (lists, LIST_PILLARS));
  snapshot_collection_names (b, CSN_COLLECTION_ACTORS, b->actor_names,
                             g_ptr_array_index (lists, LIST_ACTORS));
}

static void
snapshot_themes (Builder *b,
                 HorizonCounts *counts)
{
  Snapshot *s = b->snapshot;
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES);
  Table *table = table_new (N_("Theme matrix"));
  guint first_mark, n_marks = 0;
  guint n_pillars = g_hash_table_size (b->pillar_rows);

  table_add_column (table, L (s, N_("ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("No.")), STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Theme")), STYLE_TEXT, -1);
  g_array_index (table->columns, Column, table->columns->len - 1).max_width = 40;
  table_add_column (table, L (s, N_("Pillar")), STYLE_NAME, list_or_none (s, LIST_PILLARS));
  g_array_index (table->columns, Column, table->columns->len - 1).max_width = 22;
  first_mark = table->columns->len;
  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);
      const char *code = csn_item_get_key (country);

      if (csn_item_get_enum (country, "membership") != CSN_MEMBERSHIP_MEMBER ||
          g_hash_table_contains (b->member_columns, code))
        continue;
      g_hash_table_insert (b->member_columns, (gpointer) keep (s, code),
                           GUINT_TO_POINTER (table->columns->len + 1));
      table_add_column (table, g_hash_table_lookup (b->country_names, code), STYLE_MARK, -1);
      n_marks++;
    }
  table_add_column (table, L (s, N_("Raised by")), STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Horizon")), STYLE_NAME, LIST_HORIZON);
  table_add_column (table, L (s, N_("Consensus")), STYLE_NAME, LIST_CONSENSUS);
  table_add_column (table, L (s, N_("Reservations")), STYLE_TEXT, -1);
  /* The theme's notes stay in the draft: the matrix must still print legibly on one page width. */
  table_add_column (table, L (s, N_("Description")), STYLE_TEXT, -1);
  g_array_index (table->columns, Column, table->columns->len - 1).max_width = 50;
  table->frozen_columns = 3;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (model, i);
      const char * const *raised_by = csn_item_get_strv (theme, "raised-by");
      const char *pillar = csn_item_get_string (theme, "pillar");
      GListModel *reservations = csn_item_get_children (theme, "reservations");
      int horizon = csn_item_get_enum (theme, "horizon");
      Cell *row = table_add_row (table);
      guint c = 0, marks = 0, pillar_row;

      set_text (s, &row[c++], csn_item_get_key (theme));
      set_number (&row[c++], i + 1);
      set_text (s, &row[c++], csn_item_get_string (theme, "title"));
      set_string (&row[c++], resolve (s, b->pillar_names, pillar));
      for (guint j = 0; raised_by[j] != NULL; j++)
        {
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (b->member_columns, raised_by[j]));

          if (column > 0 && row[column - 1].kind == CELL_EMPTY)
            {
              set_string (&row[column - 1], MARK);
              marks++;
            }
        }
      c = first_mark + n_marks;
      row[c].kind = n_marks > 0 ? CELL_COUNT : CELL_NUMBER;
      row[c++].number = marks;
      set_string (&row[c++], enum_label (s, CSN_TYPE_HORIZON, horizon));
      set_string (&row[c++], enum_label (s, CSN_TYPE_CONSENSUS, csn_item_get_enum (theme, "consensus")));

      g_string_truncate (b->buffer, 0);
      for (guint j = 0, m = g_list_model_get_n_items (reservations); j < m; j++)
        {
          g_autoptr(CsnItem) reservation = g_list_model_get_item (reservations, j);
          const char *country = resolve (s, b->country_names,
                                         csn_item_get_string (reservation, "country"));

          if (b->buffer->len > 0)
            g_string_append_c (b->buffer, '\n');
          if (country != NULL)
            g_string_append_printf (b->buffer, "%s: ", country);
          g_string_append (b->buffer, csn_item_get_string (reservation, "text"));
        }
      set_text (s, &row[c++], b->buffer->str);
      set_text (s, &row[c++], csn_item_get_string (theme, "description"));

      /* Themes whose pillar is missing or unknown are counted on the last row. */
      pillar_row = GPOINTER_TO_UINT (g_hash_table_lookup (b->pillar_rows, pillar != NULL ? pillar : ""));
      pillar_row = pillar_row > 0 ? pillar_row - 1 : n_pillars;
      if (horizon >= 0 && horizon <= CSN_HORIZON_UNDECIDED)
        counts[pillar_row][horizon]++;
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_pillar_table (Builder *b,
                       HorizonCounts *counts)
{
  Snapshot *s = b->snapshot;
  GListModel *pillars = csn_draft_get_collection (b->draft, CSN_COLLECTION_PILLARS);
  guint n_pillars = g_list_model_get_n_items (pillars);
  guint totals[CSN_HORIZON_UNDECIDED + 1] = { 0 };
  Table *table = table_new (NULL);
  Cell *row;

  table_add_column (table, L (s, N_("Pillar")), STYLE_NAME, -1);
  for (int h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
    table_add_column (table, enum_label (s, CSN_TYPE_HORIZON, h), STYLE_NUMBER, -1);
  table_add_column (table, L (s, N_("Total")), STYLE_NUMBER, -1);

  for (guint p = 0; p <= n_pillars; p++)
    {
      guint total = 0;

      if (p == n_pillars && counts[p][0] + counts[p][1] + counts[p][2] == 0)
        break;
      row = table_add_row (table);
      if (p < n_pillars)
        {
          g_autoptr(CsnItem) pillar = g_list_model_get_item (pillars, p);

          set_string (&row[0], keep_localized (s, pillar, "name"));
        }
      else
        set_string (&row[0], L (s, N_("No pillar")));
      for (int h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
        {
          set_number (&row[1 + h], counts[p][h]);
          totals[h] += counts[p][h];
          total += counts[p][h];
        }
      set_number (&row[1 + CSN_HORIZON_UNDECIDED + 1], total);
    }

  row = table_add_row (table);
  set_string (&row[0], L (s, N_("Total")));
  row[0].warning = TRUE;  /* marks the totals row */
  for (int h = 0; h <= CSN_HORIZON_UNDECIDED; h++)
    set_number (&row[1 + h], totals[h]);
  set_number (&row[1 + CSN_HORIZON_UNDECIDED + 1], totals[0] + totals[1] + totals[2]);

  s->pillar_table = table;
}

static void
snapshot_strategies (Builder *b)
{
  Snapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_STRATEGIES);
  Table *table = table_new (N_("Strategies"));

  table_add_column (table, L (s, N_("ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Theme ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Theme")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Strategy")), STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Mechanism")), STYLE_NAME, LIST_MECHANISM_KIND);
  table_add_column (table, L (s, N_("Lead")), STYLE_NAME, list_or_none (s, LIST_ACTORS));
  table_add_column (table, L (s, N_("Support")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Horizon")), STYLE_NAME, LIST_HORIZON);
  table_add_column (table, L (s, N_("Notes")), STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (model, i);
      const char *theme = csn_item_get_string (strategy, "theme");
      Cell *row = table_add_row (table);

      set_text (s, &row[0], csn_item_get_key (strategy));
      set_text (s, &row[1], theme);
      set_string (&row[2], resolve (s, b->theme_titles, theme));
      set_text (s, &row[3], csn_item_get_string (strategy, "description"));
      set_string (&row[4], enum_label (s, CSN_TYPE_MECHANISM_KIND, csn_item_get_enum (strategy, "mechanism")));
      set_string (&row[5], resolve (s, b->actor_names, csn_item_get_string (strategy, "lead")));
      set_string (&row[6], resolve_list (s, b->actor_names, csn_item_get_strv (strategy, "support"), b->buffer));
      set_string (&row[7], enum_label (s, CSN_TYPE_HORIZON, csn_item_get_enum (strategy, "horizon")));
      set_text (s, &row[8], csn_item_get_string (strategy, "notes"));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_mechanisms (Builder *b)
{
  Snapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS);
  Table *table = table_new (N_("Mechanisms"));

  table_add_column (table, L (s, N_("ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Mechanism")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Assessment")), STYLE_NAME, LIST_ASSESSMENT);
  table_add_column (table, L (s, N_("Considerations")), STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Proposal")), STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) mechanism = g_list_model_get_item (model, i);
      Cell *row = table_add_row (table);

      set_text (s, &row[0], csn_item_get_key (mechanism));
      set_text (s, &row[1], csn_item_get_string (mechanism, "name"));
      set_string (&row[2], enum_label (s, CSN_TYPE_ASSESSMENT, csn_item_get_enum (mechanism, "assessment")));
      set_text (s, &row[3], csn_item_get_string (mechanism, "considerations"));
      set_text (s, &row[4], csn_item_get_string (mechanism, "proposal"));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_role_proposals (Builder *b)
{
  Snapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS);
  Table *table = table_new (N_("Role proposals"));

  table_add_column (table, L (s, N_("ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Actor")), STYLE_NAME, list_or_none (s, LIST_ACTORS));
  table_add_column (table, L (s, N_("Change")), STYLE_NAME, LIST_ROLE_CHANGE);
  table_add_column (table, L (s, N_("Attribution")), STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Rationale")), STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Supported by")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Status")), STYLE_NAME, LIST_PROPOSAL_STATUS);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) proposal = g_list_model_get_item (model, i);
      Cell *row = table_add_row (table);

      set_text (s, &row[0], csn_item_get_key (proposal));
      set_string (&row[1], resolve (s, b->actor_names, csn_item_get_string (proposal, "actor")));
      set_string (&row[2], enum_label (s, CSN_TYPE_ROLE_CHANGE, csn_item_get_enum (proposal, "change")));
      set_text (s, &row[3], csn_item_get_string (proposal, "attribution"));
      set_text (s, &row[4], csn_item_get_string (proposal, "rationale"));
      set_string (&row[5], resolve_list (s, b->country_names,
                                         csn_item_get_strv (proposal, "supported-by"), b->buffer));
      set_string (&row[6], enum_label (s, CSN_TYPE_PROPOSAL_STATUS, csn_item_get_enum (proposal, "status")));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_delegations (Builder *b)
{
  Snapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_PARTICIPANTS);
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  Table *table = table_new (N_("Delegations"));
  Table *quotas = table_new (NULL);

  table_add_column (table, L (s, N_("ID")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Name")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Country")), STYLE_NAME, list_or_none (s, LIST_COUNTRIES));
  table_add_column (table, L (s, N_("Position")), STYLE_TEXT, -1);
  table_add_column (table, L (s, N_("Email")), STYLE_NAME, -1);
  table_add_column (table, L (s, N_("Role")), STYLE_NAME, LIST_PARTICIPANT_ROLE);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) participant = g_list_model_get_item (model, i);
      const char *country = csn_item_get_string (participant, "country");
      Cell *row = table_add_row (table);

      set_text (s, &row[0], csn_item_get_key (participant));
      set_text (s, &row[1], csn_item_get_string (participant, "name"));
      set_string (&row[2], resolve (s, b->country_names, country));
      set_text (s, &row[3], csn_item_get_string (participant, "position"));
      set_text (s, &row[4], csn_item_get_string (participant, "email"));
      set_string (&row[5], enum_label (s, CSN_TYPE_PARTICIPANT_ROLE, csn_item_get_enum (participant, "role")));
      if (country != NULL && country[0] != '\0')
        {
          gpointer count = g_hash_table_lookup (b->participants_by_country, country);

          g_hash_table_insert (b->participants_by_country, (gpointer) keep (s, country),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }

  table_add_column (quotas, L (s, N_("Country code")), STYLE_ID, -1);
  table_add_column (quotas, L (s, N_("Country")), STYLE_NAME, -1);
  table_add_column (quotas, L (s, N_("Membership")), STYLE_NAME, -1);
  table_add_column (quotas, L (s, N_("Quota")), STYLE_NUMBER, -1);
  table_add_column (quotas, L (s, N_("Registered")), STYLE_NUMBER, -1);
  table_add_column (quotas, L (s, N_("Quota status")), STYLE_NAME, -1);

  for (guint i = 0, n = g_list_model_get_n_items (countries); i < n; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);
      const char *code = csn_item_get_key (country);
      guint registered = GPOINTER_TO_UINT (g_hash_table_lookup (b->participants_by_country, code));
      int quota = csn_item_get_int (country, "delegation-quota");
      Cell *row = table_add_row (quotas);

      set_text (s, &row[0], code);
      set_string (&row[1], g_hash_table_lookup (b->country_names, code));
      set_string (&row[2], enum_label (s, CSN_TYPE_MEMBERSHIP, csn_item_get_enum (country, "membership")));
      set_number (&row[3], quota);
      set_number (&row[4], registered);
      if (registered > (guint) quota)
        {
          set_string (&row[5], L (s, N_("Over quota")));
          row[5].warning = TRUE;
        }
      else
        set_string (&row[5], L (s, N_("Within quota")));
    }

  table->side = quotas;
  g_ptr_array_add (s->tables, table);
}

static void
snapshot_endorsements (Builder *b)
{
  Snapshot *s = b->snapshot;
  GListModel *model = csn_draft_get_collection (b->draft, CSN_COLLECTION_ENDORSEMENTS);
  Table *table = table_new (N_("Endorsements"));

  table_add_column (table, L (s, N_("Country code")), STYLE_ID, -1);
  table_add_column (table, L (s, N_("Country")), STYLE_NAME, list_or_none (s, LIST_COUNTRIES));
  table_add_column (table, L (s, N_("Status")), STYLE_NAME, LIST_ENDORSEMENT_STATUS);
  table_add_column (table, L (s, N_("Date")), STYLE_DATE, -1);
  table_add_column (table, L (s, N_("Note")), STYLE_TEXT, -1);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) endorsement = g_list_model_get_item (model, i);
      const char *country = csn_item_get_string (endorsement, "country");
      Cell *row = table_add_row (table);

      set_text (s, &row[0], country);
      set_string (&row[1], resolve (s, b->country_names, country));
      set_string (&row[2], enum_label (s, CSN_TYPE_ENDORSEMENT_STATUS,
                                       csn_item_get_enum (endorsement, "status")));
      set_date (s, &row[3], csn_item_get_string (endorsement, "date"));
      set_text (s, &row[4], csn_item_get_string (endorsement, "note"));
    }

  g_ptr_array_add (s->tables, table);
}

static void
snapshot_summary (Builder *b)
{
  Snapshot *s = b->snapshot;
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (b->draft));
  const char *ppt = csn_item_get_string (meeting, "pro-tempore-presidency");
  Cell ppt_value = { 0 };
  guint n_endorsed = 0;
  GListModel *endorsements = csn_draft_get_collection (b->draft, CSN_COLLECTION_ENDORSEMENTS);

  for (guint i = 0, n = g_list_model_get_n_items (endorsements); i < n; i++)
    {
      g_autoptr(CsnItem) endorsement = g_list_model_get_item (endorsements, i);
      int status = csn_item_get_enum (endorsement, "status");

      if (status == CSN_ENDORSEMENT_STATUS_ENDORSED ||
          status == CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS)
        n_endorsed++;
    }

  set_string (&ppt_value, resolve (s, b->country_names, ppt));
  add_summary_line (s, N_("Meeting"), text_value (s, s->title));
  add_summary_line (s, N_("Venue"), text_value (s, csn_item_get_string (meeting, "venue")));
  add_summary_line (s, N_("Pro Tempore Presidency"), ppt_value);
  add_summary_line (s, N_("Status"), text_value (s, enum_label (s, CSN_TYPE_MEETING_STATUS,
                                                                csn_item_get_enum (meeting, "status"))));
  add_summary_line (s, N_("Start date"), date_value (s, csn_item_get_string (meeting, "start-date")));
  add_summary_line (s, N_("End date"), date_value (s, csn_item_get_string (meeting, "end-date")));
  add_summary_line (s, N_("Exported on"), date_value (s, s->date));
  add_summary_line (s, NULL, (Cell) { 0 });
  add_summary_line (s, N_("Themes"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES))));
  add_summary_line (s, N_("Strategies"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_STRATEGIES))));
  add_summary_line (s, N_("Mechanisms"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS))));
  add_summary_line (s, N_("Role proposals"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS))));
  add_summary_line (s, N_("Participants"), number_value (g_list_model_get_n_items (
    csn_draft_get_collection (b->draft, CSN_COLLECTION_PARTICIPANTS))));
  add_summary_line (s, N_("Endorsements received"), number_value (n_endorsed));
}

static Snapshot *
snapshot_new (CsnDraft    *draft,
              CsnLanguage  language)
{
  Snapshot *s = g_new0 (Snapshot, 1);
  CsnItem *meeting = CSN_ITEM (csn_draft_get_meeting (draft));
  GListModel *pillars = csn_draft_get_collection (draft, CSN_COLLECTION_PILLARS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree HorizonCounts *counts = NULL;
  guint n_pillars = g_list_model_get_n_items (pillars);
  Builder b = { s, draft };

  s->language = language;
  s->strings = g_string_chunk_new (64 * 1024);
  s->summary = g_array_new (FALSE, TRUE, sizeof (SummaryLine));
  s->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  s->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  s->created = g_date_time_to_unix (now);
  g_strlcpy (s->date, date, sizeof s->date);
  s->title = keep (s, csn_item_get_string (meeting, "title"));

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
  g_assert (s->lists->len == N_LISTS);

  b.country_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.member_columns = g_hash_table_new (g_str_hash, g_str_equal);
  b.pillar_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.pillar_rows = g_hash_table_new (g_str_hash, g_str_equal);
  b.actor_names = g_hash_table_new (g_str_hash, g_str_equal);
  b.theme_titles = g_hash_table_new (g_str_hash, g_str_equal);
  b.participants_by_country = g_hash_table_new (g_str_hash, g_str_equal);
  b.buffer = g_string_new (NULL);

  snapshot_names (&b);
  for (guint i = 0; i < n_pillars; i++)
    {
      g_autoptr(CsnItem) pillar = g_list_model_get_item (pillars, i);
      const char *id = csn_item_get_key (pillar);

      if (!g_hash_table_contains (b.pillar_rows, id))
        g_hash_table_insert (b.pillar_rows, (gpointer) keep (s, id), GUINT_TO_POINTER (i + 1));
    }
  {
    GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);

    for (guint i = 0, n = g_list_model_get_n_items (themes); i < n; i++)
      {
        g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);

        g_hash_table_insert (b.theme_titles, (gpointer) keep (s, csn_item_get_key (theme)),
                             (gpointer) keep (s, csn_item_get_string (theme, "title")));
      }
  }

  /* One row per pillar, and one for themes without a known pillar. */
  counts = g_new0 (HorizonCounts, n_pillars + 1);
  snapshot_summary (&b);
  snapshot_themes (&b, counts);
  snapshot_pillar_table (&b, counts);
  snapshot_strategies (&b);
  snapshot_mechanisms (&b);
  snapshot_role_proposals (&b);
  snapshot_delegations (&b);
  snapshot_endorsements (&b);

  g_hash_table_unref (b.country_names);
  g_hash_table_unref (b.member_columns);
  g_hash_table_unref (b.pillar_names);
  g_hash_table_unref (b.pillar_rows);
  g_hash_table_unref (b.actor_names);
  g_hash_table_unref (b.theme_titles);
  g_hash_table_unref (b.participants_by_country);
  g_string_free (b.buffer, TRUE);

  return s;
}

/* Writer */

typedef struct {
  Snapshot              *snapshot;
  lxw_workbook          *workbook;
  lxw_error              status;
  GString               *buffer;
  GPtrArray             *keep_alive;  /* strings libxlsxwriter refers to until it closes */

  lxw_format            *title;
  lxw_format            *key;
  lxw_format            *value;
  lxw_format            *header;
  lxw_format            *header_rotated;
  lxw_format            *id;
  lxw_format            *text;         /* names and free text alike */
  lxw_format            *literal;      /* text that looks like a formula stays text when edited */
  lxw_format            *center;
  lxw_format            *date;
  lxw_format            *summary_date;
  lxw_format            *warning;
  lxw_format            *total;
  lxw_format            *total_number;

  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
  guint                  rows_done;
  guint                  rows_total;
  gboolean               cancelled;
} Writer;

static void
record (Writer    *w,
        lxw_error  error)
{
  if (error != LXW_NO_ERROR && w->status == LXW_NO_ERROR)
    w->status = error;
}

/* False once the export failed or was cancelled. */
static gboolean
tick_row (Writer *w)
{
  w->rows_done++;
  if (w->rows_done % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        w->cancelled = TRUE;
      else if (w->progress != NULL && w->rows_total > 0)
        w->progress (0.99 * w->rows_done / w->rows_total, w->progress_data);
    }
  return !w->cancelled && w->status == LXW_NO_ERROR;
}

static inline gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

/* "_x0041_" is an escape inside a workbook: a literal one is written "_x005F_x0041_". */
static inline gboolean
is_escape_at (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && is_hex (p[2]) && is_hex (p[3]) && is_hex (p[4]) &&
         is_hex (p[5]) && p[6] == '_';
}

static gboolean
needs_cleaning (const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n') ||
          (c == 0xEF && (guchar) text[i + 1] == 0xBF && ((guchar) text[i + 2] & 0xFE) == 0xBE) ||
          (c == '_' && is_escape_at (text + i)))
        return TRUE;
    }
  return FALSE;
}

/*
 * Text as a cell can hold it: valid UTF-8, no character XML forbids, at most Excel's 32,767
 * characters, the cut marked so that readers see it. Returns @text itself when it is fine.
 */
static const char *
prepare_text (Writer     *w,
              const char *text)
{
  gsize length = strlen (text);
  const char *end = NULL;
  const char *p;
  gsize units = 0;
  const char *marker;
  gsize marker_units;

  if (length <= CELL_MAX_UNITS && g_utf8_validate_len (text, length, &end) &&
      !needs_cleaning (text, length))
    return text;

  g_string_truncate (w->buffer, 0);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      g_string_append (w->buffer, valid);
    }
  else
    g_string_append_len (w->buffer, text, length);

  /* Characters XML 1.0 cannot hold are dropped; \r\n becomes \n. */
  {
    GString *clean = g_string_sized_new (w->buffer->len + 16);

    for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar ch = g_utf8_get_char (p);

        if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0xFFFE || ch == 0xFFFF)
          continue;
        if (is_escape_at (p))
          g_string_append (clean, "_x005F");
        g_string_append_unichar (clean, ch);
      }
    g_string_free (w->buffer, TRUE);
    w->buffer = clean;
  }

  marker = L (w->snapshot, N_("[…] (cut: a spreadsheet cell holds at most 32,767 characters)"));
  marker_units = 0;
  for (p = marker; *p != '\0'; p = g_utf8_next_char (p))
    marker_units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      if (units > CELL_MAX_UNITS)
        break;
    }
  if (units > CELL_MAX_UNITS)
    {
      /* Cut where the text and the marker fit together. */
      units = 0;
      for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
        {
          guint size = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

          if (units + size + 1 + marker_units > CELL_MAX_UNITS)
            break;
          units += size;
        }
      g_string_truncate (w->buffer, p - w->buffer->str);
      g_string_append_c (w->buffer, ' ');
      g_string_append (w->buffer, marker);
    }
  return w->buffer->str;
}

static void
write_string (Writer        *w,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      column,
              const char    *text,
              lxw_format    *format)
{
  const char *clean = prepare_text (w, text);

  if (strchr ("=+-@", clean[0]) != NULL && clean[0] != '\0')
    format = w->literal;
  record (w, worksheet_write_string (sheet, row, column, clean, format));
}

static gboolean
parse_date (const char   *text,
            lxw_datetime *date)
{
  g_autoptr(GDate) parsed = NULL;
  unsigned year, month, day;
  char extra;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3)
    return FALSE;
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *date = (lxw_datetime) { .year = year, .month = month, .day = day };
  return TRUE;
}

static void
write_date (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *date_format,
            lxw_format    *text_format)
{
  lxw_datetime date;

  if (parse_date (text, &date))
    record (w, worksheet_write_datetime (sheet, row, column, &date, date_format));
  else
    write_string (w, sheet, row, column, text, text_format);
}

static lxw_format *
column_format (Writer      *w,
               ColumnStyle  style)
{
  switch (style)
    {
    case STYLE_ID:
      return w->id;
    case STYLE_NUMBER:
    case STYLE_MARK:
      return w->center;
    case STYLE_NAME:
    case STYLE_TEXT:
      return w->text;
    case STYLE_DATE:
      return w->date;
    default:
      g_assert_not_reached ();
    }
}

static void
write_cell (Writer        *w,
            lxw_worksheet *sheet,
            Table         *table,
            guint          row,
            guint          column,
            lxw_col_t      first_column)
{
  const Cell *cell = table_cell (table, row, column);
  const Column *spec = &g_array_index (table->columns, Column, column);
  lxw_format *format = cell->warning ? w->warning : column_format (w, spec->style);
  lxw_row_t r = row + 1;
  lxw_col_t c = first_column + column;

  switch (cell->kind)
    {
    case CELL_EMPTY:
      record (w, worksheet_write_blank (sheet, r, c, format));
      break;
    case CELL_STRING:
      write_string (w, sheet, r, c, cell->text, format);
      break;
    case CELL_NUMBER:
      record (w, worksheet_write_number (sheet, r, c, cell->number, format));
      break;
    case CELL_DATE:
      write_date (w, sheet, r, c, cell->text, w->date, format);
      break;
    case CELL_COUNT:
      {
        guint first = 0, last = 0;
        char from[16], to[16], formula[48];

        /* The mark columns are the ones just before the count. */
        for (guint i = 0; i < table->columns->len; i++)
          if (g_array_index (table->columns, Column, i).style == STYLE_MARK)
            {
              if (last == 0)
                first = i;
              last = i + 1;
            }
        lxw_rowcol_to_cell (from, r, first_column + first);
        lxw_rowcol_to_cell (to, r, first_column + last - 1);
        g_snprintf (formula, sizeof formula, "=COUNTA(%s:%s)", from, to);
        record (w, worksheet_write_formula_num (sheet, r, c, formula, format, cell->number));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The width of the longest line of @text in characters, counting no further than @cap. */
static guint
text_width (const char *text,
            guint       cap)
{
  guint widest = 0, line = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else if ((*p & 0xC0) != 0x80)
        {
          if (++line >= cap)
            return cap;
        }
    }
  return MAX (widest, line);
}

/* The widest word of a header, so that wrapped headers break between words. */
static guint
longest_word (const char *text)
{
  guint widest = 0, word = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n')
        {
          widest = MAX (widest, word);
          word = 0;
        }
      else if ((*p & 0xC0) != 0x80)
        word++;
    }
  return MAX (widest, word);
}

static double
column_width (Table *table,
              guint  column)
{
  const Column *spec = &g_array_index (table->columns, Column, column);
  guint min = 8, max = 30, widest;

  switch (spec->style)
    {
    case STYLE_ID:
      min = 8, max = 18;
      break;
    case STYLE_NUMBER:
      min = 6, max = 12;
      break;
    case STYLE_NAME:
      min = 10, max = 28;
      break;
    case STYLE_TEXT:
      min = 16, max = 60;
      break;
    case STYLE_MARK:
      return 4.5;
    case STYLE_DATE:
      return 12;
    default:
      g_assert_not_reached ();
    }

  if (spec->max_width > 0)
    max = spec->max_width;
  widest = longest_word (spec->header) + 1;
  for (guint row = 0; row < table->n_rows && widest < max; row++)
    {
      const Cell *cell = table_cell (table, row, column);

      if (cell->kind == CELL_STRING)
        widest = MAX (widest, text_width (cell->text, max));
      else if (cell->kind == CELL_NUMBER || cell->kind == CELL_COUNT)
        widest = MAX (widest, 6);
    }
  return CLAMP (widest + 2, min, max);
}

/* Lines @text takes wrapped in a column @width characters wide, counting no further than @cap. */
static guint
wrapped_lines (const char *text,
               double      width,
               guint       cap)
{
  guint per_line = MAX (4, (guint) width - 2);
  guint lines = 0, chars = 0;

  for (const guchar *p = (const guchar *) text;; p++)
    {
      if (*p == '\n' || *p == '\0')
        {
          lines += MAX (1, (chars + per_line - 1) / per_line);
          chars = 0;
          if (*p == '\0' || lines >= cap)
            break;
        }
      else if ((*p & 0xC0) != 0x80)
        chars++;
    }
  return MIN (lines, cap);
}

/* Wrapped cells need their row's height written: not every reader computes it on opening. */
static guint
row_lines (Table *table,
           guint  row)
{
  guint lines = 1;

  if (table == NULL || row >= table->n_rows)
    return 1;
  for (guint column = 0; column < table->columns->len; column++)
    {
      const Cell *cell = table_cell (table, row, column);
      ColumnStyle style = g_array_index (table->columns, Column, column).style;

      if (cell->kind == CELL_STRING && (style == STYLE_TEXT || style == STYLE_NAME))
        lines = MAX (lines, wrapped_lines (cell->text, table->widths[column], MAX_ROW_LINES));
    }
  return lines;
}

/* The title for a footer: at most @max_chars characters, no control characters, "&" doubled. */
static char *
footer_title (const char *title,
              glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (title, -1);
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF)
        ch = ' ';
      if (ch == '&')
        g_string_append_c (out, '&');
      g_string_append_unichar (out, ch);
    }
  if (n == max_chars && g_utf8_strlen (valid, -1) > max_chars)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
set_print_setup (Writer        *w,
                 lxw_worksheet *sheet,
                 gboolean       repeat_header)
{
  Snapshot *s = w->snapshot;
  const char *page = L (s, N_("Page &P of &N"));
  g_autofree char *footer = NULL;

  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.7);
  if (repeat_header)
    record (w, worksheet_repeat_rows (sheet, 0, 0));

  /* "&9 " sets a 9-point font; the space keeps a title that starts with a digit out of the code. */
  for (glong max_chars = FOOTER_TITLE_CHARS;; max_chars -= 8)
    {
      g_autofree char *title = footer_title (s->title, MAX (max_chars, 0));

      g_free (footer);
      footer = g_strconcat ("&L&9 ", title, "&C&9 ", s->date, "&R&9 ", page, NULL);
      /* Excel keeps at most 255 characters of a footer: the title gives way. */
      if (strlen (footer) < LXW_HEADER_FOOTER_MAX || max_chars <= 0)
        break;
    }
  record (w, worksheet_set_footer (sheet, footer));
}

/* A sheet name Excel accepts: the translated one, else the English one, else "Sheet N". */
static const char *
sheet_name (Writer     *w,
            const char *msgid,
            guint       index)
{
  const char *name = L (w->snapshot, msgid);
  char *fallback;

  if (workbook_validate_sheet_name (w->workbook, name) == LXW_NO_ERROR)
    return name;
  if (workbook_validate_sheet_name (w->workbook, msgid) == LXW_NO_ERROR)
    return msgid;
  fallback = g_strdup_printf ("Sheet %u", index + 1);
  g_ptr_array_add (w->keep_alive, fallback);
  return fallback;
}

static lxw_worksheet *
add_sheet (Writer     *w,
           const char *msgid,
           guint       index)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, sheet_name (w, msgid, index));

  /* With a valid name, only the sheet's temporary file can have failed. */
  if (sheet == NULL)
    record (w, LXW_ERROR_CREATING_TMPFILE);
  return sheet;
}

static void
add_validations (Writer        *w,
                 lxw_worksheet *sheet,
                 Table         *table,
                 const char    *lists_sheet)
{
  g_autofree char *quoted = NULL;
  GString *escaped = g_string_new ("'");

  for (const char *p = lists_sheet; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (escaped, '\'');
      g_string_append_c (escaped, *p);
    }
  g_string_append_c (escaped, '\'');
  quoted = g_string_free (escaped, FALSE);

  for (guint column = 0; column < table->columns->len; column++)
    {
      const Column *spec = &g_array_index (table->columns, Column, column);
      List *list;
      lxw_data_validation validation = { 0 };
      char range[32];
      char *formula;

      if (spec->list < 0)
        continue;
      list = g_ptr_array_index (w->snapshot->lists, spec->list);
      lxw_rowcol_to_range_abs (range, 1, spec->list, list->items->len, spec->list);
      formula = g_strconcat ("=", quoted, "!", range, NULL);
      g_ptr_array_add (w->keep_alive, formula);

      validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      validation.value_formula = formula;
      validation.ignore_blank = LXW_VALIDATION_ON;
      validation.dropdown = LXW_VALIDATION_ON;
      validation.show_error = LXW_VALIDATION_ON;
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      validation.error_title = (char *) L (w->snapshot, N_("Value not in the list"));
      validation.error_message = (char *) L (w->snapshot, N_("Choose a value from the drop-down list."));
      record (w, worksheet_data_validation_range (sheet, 1, column, table->n_rows + VALIDATION_SPARE,
                                                  column, &validation));
    }
}

static void
write_header (Writer        *w,
              lxw_worksheet *sheet,
              Table         *table,
              lxw_col_t      first_column)
{
  g_free (table->widths);
  table->widths = g_new (double, table->columns->len);
  for (guint column = 0; column < table->columns->len; column++)
    {
      const Column *spec = &g_array_index (table->columns, Column, column);
      lxw_format *format = spec->style == STYLE_MARK ? w->header_rotated : w->header;

      table->widths[column] = column_width (table, column);
      record (w, worksheet_set_column (sheet, first_column + column, first_column + column,
                                       table->widths[column], NULL));
      write_string (w, sheet, 0, first_column + column, spec->header, format);
    }
}

static void
write_table (Writer     *w,
             Table      *table,
             guint       index,
             const char *lists_sheet)
{
  lxw_worksheet *sheet = add_sheet (w, table->name_msgid, index);
  Table *side = table->side;
  guint side_column = table->columns->len + 1;
  guint n_rows = MAX (table->n_rows, side != NULL ? side->n_rows : 0);
  guint rotated_chars = 0;

  if (sheet == NULL)
    return;

  /* Country names stand upright above the marks: the header row is as high as the longest. */
  for (guint column = 0; column < table->columns->len; column++)
    if (g_array_index (table->columns, Column, column).style == STYLE_MARK)
      {
        rotated_chars = MAX (rotated_chars,
                             text_width (g_array_index (table->columns, Column, column).header, 40));
      }
  record (w, worksheet_set_row (sheet, 0, rotated_chars > 0 ? CLAMP (rotated_chars * 6.5 + 16, 40, 240) : 32,
                                NULL));

  write_header (w, sheet, table, 0);
  if (side != NULL)
    {
      record (w, worksheet_set_column (sheet, side_column - 1, side_column - 1, 3, NULL));
      write_header (w, sheet, side, side_column);
    }

  /* Constant memory mode refuses anything about a row once a later one is written. */
  worksheet_freeze_panes (sheet, 1, table->frozen_columns);
  record (w, worksheet_autofilter (sheet, 0, 0, table->n_rows, table->columns->len - 1));
  add_validations (w, sheet, table, lists_sheet);
  set_print_setup (w, sheet, TRUE);

  for (guint row = 0; row < n_rows; row++)
    {
      guint lines = MAX (row_lines (table, row), row_lines (side, row));

      if (lines > 1)
        record (w, worksheet_set_row (sheet, row + 1, lines * LINE_HEIGHT, NULL));
      if (row < table->n_rows)
        for (guint column = 0; column < table->columns->len; column++)
          write_cell (w, sheet, table, row, column, 0);
      if (side != NULL && row < side->n_rows)
        for (guint column = 0; column < side->columns->len; column++)
          write_cell (w, sheet, side, row, column, side_column);
      if (!tick_row (w))
        return;
    }
}

static void
write_summary (Writer *w)
{
  Snapshot *s = w->snapshot;
  lxw_worksheet *sheet = add_sheet (w, N_("Summary"), 0);
  Table *pillars = s->pillar_table;
  lxw_row_t row = 0;

  if (sheet == NULL)
    return;

  record (w, worksheet_set_column (sheet, 0, 0, 36, NULL));
  record (w, worksheet_set_column (sheet, 1, pillars->columns->len - 1, 16, NULL));
  /* A list of facts and a small table read best upright. */
  set_print_setup (w, sheet, FALSE);
  worksheet_set_portrait (sheet);
  worksheet_activate (sheet);

  record (w, worksheet_set_row (sheet, row, 24, NULL));
  write_string (w, sheet, row++, 0, L (s, N_("Working group: proposals and recommendations")), w->title);
  row++;

  for (guint i = 0; i < s->summary->len; i++, row++)
    {
      SummaryLine *line = &g_array_index (s->summary, SummaryLine, i);

      if (line->key == NULL)
        continue;
      write_string (w, sheet, row, 0, line->key, w->key);
      switch (line->value.kind)
        {
        case CELL_STRING:
          write_string (w, sheet, row, 1, line->value.text, w->value);
          break;
        case CELL_NUMBER:
          record (w, worksheet_write_number (sheet, row, 1, line->value.number, w->value));
          break;
        case CELL_DATE:
          write_date (w, sheet, row, 1, line->value.text, w->summary_date, w->value);
          break;
        default:
          break;
        }
    }
  row++;

  record (w, worksheet_set_row (sheet, row, 32, NULL));
  for (guint column = 0; column < pillars->columns->len; column++)
    write_string (w, sheet, row, column, g_array_index (pillars->columns, Column, column).header,
                  w->header);
  row++;
  for (guint r = 0; r < pillars->n_rows; r++, row++)
    {
      const Cell *first = table_cell (pillars, r, 0);
      gboolean total = first->warning;

      write_string (w, sheet, row, 0, first->text, total ? w->total : w->text);
      for (guint column = 1; column < pillars->columns->len; column++)
        record (w, worksheet_write_number (sheet, row, column, table_cell (pillars, r, column)->number,
                                           total ? w->total_number : w->center));
    }

}

/* The allowed values of the drop-down lists, on a hidden sheet: no limit on their length. */
static const char *
write_lists (Writer *w,
             guint   index)
{
  Snapshot *s = w->snapshot;
  const char *name = sheet_name (w, N_("Lists"), index);
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, name);
  guint n_rows = 0;

  if (sheet == NULL)
    {
      record (w, LXW_ERROR_CREATING_TMPFILE);
      return name;
    }

  for (guint i = 0; i < s->lists->len; i++)
    {
      List *list = g_ptr_array_index (s->lists, i);

      n_rows = MAX (n_rows, list->items->len);
      record (w, worksheet_set_column (sheet, i, i, 24, NULL));
      write_string (w, sheet, 0, i, list->header, w->header);
    }
  for (guint row = 0; row < n_rows; row++)
    for (guint i = 0; i < s->lists->len; i++)
      {
        List *list = g_ptr_array_index (s->lists, i);

        if (row < list->items->len)
          write_string (w, sheet, row + 1, i, g_ptr_array_index (list->items, row), NULL);
      }
  worksheet_hide (sheet);
  return name;
}

/*
 * Every format differs from every other: libxlsxwriter 1.1.4 caches the index of a format only
 * when it is the first of its kind, and hashes a duplicate again for every cell.
 */
static void
add_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;
  const lxw_color_t header_fill = 0x1F4E79;
  const lxw_color_t border = 0xBFBFBF;
  lxw_format *data[] = {
    w->id = workbook_add_format (wb),
    w->text = workbook_add_format (wb),
    w->literal = workbook_add_format (wb),
    w->center = workbook_add_format (wb),
    w->date = workbook_add_format (wb),
    w->warning = workbook_add_format (wb),
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      format_set_border (data[i], LXW_BORDER_THIN);
      format_set_border_color (data[i], border);
      format_set_align (data[i], LXW_ALIGN_VERTICAL_TOP);
    }
  format_set_font_color (w->id, 0x595959);
  format_set_text_wrap (w->text);
  format_set_text_wrap (w->literal);
  format_set_num_format (w->literal, "@");
  format_set_align (w->center, LXW_ALIGN_CENTER);
  format_set_num_format (w->date, "yyyy-mm-dd");
  format_set_align (w->date, LXW_ALIGN_LEFT);
  format_set_bold (w->warning);
  format_set_font_color (w->warning, 0x9C0006);
  format_set_bg_color (w->warning, 0xFFC7CE);
  format_set_text_wrap (w->warning);

  w->header = workbook_add_format (wb);
  w->header_rotated = workbook_add_format (wb);
  for (guint i = 0; i < 2; i++)
    {
      lxw_format *f = i == 0 ? w->header : w->header_rotated;

      format_set_bold (f);
      format_set_font_color (f, LXW_COLOR_WHITE);
      format_set_bg_color (f, header_fill);
      format_set_border (f, LXW_BORDER_THIN);
      format_set_border_color (f, border);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
    }
  format_set_text_wrap (w->header);
  format_set_rotation (w->header_rotated, 90);
  format_set_align (w->header_rotated, LXW_ALIGN_CENTER);

  w->title = workbook_add_format (wb);
  format_set_bold (w->title);
  format_set_font_size (w->title, 14);
  format_set_font_color (w->title, header_fill);
  w->key = workbook_add_format (wb);
  format_set_bold (w->key);
  format_set_align (w->key, LXW_ALIGN_VERTICAL_TOP);
  w->value = workbook_add_format (wb);
  format_set_align (w->value, LXW_ALIGN_LEFT);
  format_set_align (w->value, LXW_ALIGN_VERTICAL_TOP);
  w->summary_date = workbook_add_format (wb);
  format_set_num_format (w->summary_date, "yyyy-mm-dd");
  format_set_align (w->summary_date, LXW_ALIGN_LEFT);
  w->total = workbook_add_format (wb);
  w->total_number = workbook_add_format (wb);
  for (guint i = 0; i < 2; i++)
    {
      lxw_format *f = i == 0 ? w->total : w->total_number;

      format_set_bold (f);
      format_set_top (f, LXW_BORDER_DOUBLE);
      format_set_bottom (f, LXW_BORDER_THIN);
      format_set_left (f, LXW_BORDER_THIN);
      format_set_right (f, LXW_BORDER_THIN);
      format_set_border_color (f, border);
    }
  format_set_align (w->total_number, LXW_ALIGN_CENTER);
}

static void
set_properties (Writer *w)
{
  Snapshot *s = w->snapshot;
  lxw_doc_properties properties = { 0 };
  char *title = g_strdup (prepare_text (w, s->title));

  g_ptr_array_add (w->keep_alive, title);
  properties.title = title;
  properties.subject = (char *) L (s, N_("Draft proposals and recommendations of the working group"));
  properties.author = (char *) L (s, N_("Co-chairs of the working group"));
  properties.company = (char *) L (s, N_("Regional Conference on Migration"));
  properties.category = (char *) L (s, N_("Working document"));
  properties.keywords = (char *) "CRM";
  properties.comments = (char *) L (s, N_("Exported from Consenso. The ID columns match each row to the draft: keep them when editing."));
  properties.created = s->created;
  record (w, workbook_set_properties (w->workbook, &properties));
  record (w, workbook_set_custom_property_string (w->workbook, "Consenso language",
                                                 s->language == CSN_LANGUAGE_ES ? "es" : "en"));
  record (w, workbook_set_custom_property_string (w->workbook, "Consenso version", PACKAGE_VERSION));
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot export to report.xlsx: No space left on device" */
  g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE, _("Cannot export to %s: %s"),
               display, reason);
  return FALSE;
}

/* Writes the snapshot to a temporary file beside @path and renames it into place. */
static gboolean
write_snapshot (Snapshot              *snapshot,
                const char            *path,
                CsnExportProgressFunc  progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  g_autofree char *temp = NULL;
  Writer w = { snapshot };
  const char *lists_sheet;
  lxw_error closed;
  int fd = -1;
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp = csn_safe_file_create_temp (path, &fd, error);
  if (temp == NULL)
    return FALSE;
  close (fd);

  w.workbook = workbook_new_opt (temp, &options);
  if (w.workbook == NULL)
    {
      g_unlink (temp);
      return set_write_error (error, path, g_strerror (ENOMEM));
    }
  w.buffer = g_string_new (NULL);
  w.keep_alive = g_ptr_array_new_with_free_func (g_free);
  w.progress = progress;
  w.progress_data = progress_data;
  w.cancellable = cancellable;
  w.rows_total = 1;
  for (guint i = 0; i < snapshot->tables->len; i++)
    {
      Table *table = g_ptr_array_index (snapshot->tables, i);

      w.rows_total += MAX (table->n_rows, table->side != NULL ? table->side->n_rows : 0);
    }

  if (progress != NULL)
    progress (0.0, progress_data);

  add_formats (&w);
  set_properties (&w);
  write_summary (&w);
  /* The lists sheet is named now, so that validations can point at it; it comes last. */
  lists_sheet = sheet_name (&w, N_("Lists"), snapshot->tables->len + 1);
  for (guint i = 0; i < snapshot->tables->len && w.status == LXW_NO_ERROR && !w.cancelled; i++)
    write_table (&w, g_ptr_array_index (snapshot->tables, i), i + 1, lists_sheet);
  if (w.status == LXW_NO_ERROR && !w.cancelled)
    write_lists (&w, snapshot->tables->len + 1);

  if (w.cancelled || w.status != LXW_NO_ERROR)
    {
      lxw_error status = w.status;

      lxw_workbook_free (w.workbook);
      g_unlink (temp);
      g_string_free (w.buffer, TRUE);
      g_ptr_array_unref (w.keep_alive);
      if (w.cancelled)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      return set_write_error (error, path, lxw_strerror (status));
    }

  errno = 0;
  closed = workbook_close (w.workbook);
  saved_errno = errno;
  g_string_free (w.buffer, TRUE);
  g_ptr_array_unref (w.keep_alive);
  if (closed != LXW_NO_ERROR)
    {
      g_unlink (temp);
      /* libxlsxwriter says what failed; errno, when it is about the disk, says why. */
      if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EIO ||
          saved_errno == EACCES || saved_errno == EROFS || saved_errno == EFBIG ||
          saved_errno == EPERM)
        return set_write_error (error, path, g_strerror (saved_errno));
      return set_write_error (error, path, lxw_strerror (closed));
    }

  if (!csn_safe_file_commit (temp, path, FALSE, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* Numbers in the workbook's XML must use a decimal point, whatever the user's locale. */
static gboolean
write_snapshot_in_c_locale (Snapshot              *snapshot,
                            const char            *path,
                            CsnExportProgressFunc  progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  locale_t base = duplocale (LC_GLOBAL_LOCALE);
  locale_t c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous;
  gboolean ok;

  if (c_numeric == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      return set_write_error (error, path, g_strerror (errno != 0 ? errno : ENOMEM));
    }

  previous = uselocale (c_numeric);
  ok = write_snapshot (snapshot, path, progress, progress_data, cancellable, error);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}

/**
 * csn_export_xlsx:
 * @draft: the draft
 * @path: the workbook to write; an existing file is replaced only once the new one is complete
 * @language: the language of sheet names, headers and fixed labels
 * @progress: (nullable): called with the fraction done, in this thread
 *
 * Writes @draft as an .xlsx workbook. On failure @path is left as it was and @error names it.
 */
gboolean
csn_export_xlsx (CsnDraft              *draft,
                 const char            *path,
                 CsnLanguage            language,
                 CsnExportProgressFunc  progress,
                 gpointer               user_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(Snapshot) snapshot = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snapshot = snapshot_new (draft, language);
  return write_snapshot_in_c_locale (snapshot, path, progress, user_data, cancellable, error);
}

/* Async */

typedef struct {
  Snapshot              *snapshot;
  char                  *path;
  GMainContext          *context;
  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;
  int                    last_percent;
} ExportJob;

typedef struct {
  ExportJob *job;
  double     fraction;
} ProgressReport;

static void
export_job_release (ExportJob *job)
{
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_clear_pointer (&job->snapshot, snapshot_free);
  g_free (job->path);
  g_main_context_unref (job->context);
}

static void
export_job_unref (ExportJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) export_job_release);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->job->progress (report->fraction, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
free_progress_report (gpointer data)
{
  ProgressReport *report = data;

  export_job_unref (report->job);
  g_free (report);
}

/* In the writing thread: hands the fraction to the caller's main context, once per percent. */
static void
on_thread_progress (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  int percent = (int) (fraction * 100);
  ProgressReport *report;

  if (percent == job->last_percent)
    return;
  job->last_percent = percent;

  report = g_new (ProgressReport, 1);
  report->job = g_atomic_rc_box_acquire (job);
  report->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                              free_progress_report);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_snapshot_in_c_locale (job->snapshot, job->path,
                                  job->progress != NULL ? on_thread_progress : NULL, job,
                                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * csn_export_xlsx_async_full:
 * @progress: (nullable): called in the thread-default main context of the caller
 *
 * Copies what the workbook needs from @draft now, in this thread, and writes it in another:
 * the draft may change while the export runs.
 */
void
csn_export_xlsx_async_full (CsnDraft              *draft,
                            const char            *path,
                            CsnLanguage            language,
                            CsnExportProgressFunc  progress,
                            gpointer               progress_data,
                            GDestroyNotify         progress_destroy,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (path != NULL);
  g_return_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_atomic_rc_box_new0 (ExportJob);
  job->snapshot = snapshot_new (draft, language);
  job->path = g_strdup (path);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->last_percent = -1;

  task = g_task_new (draft, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_export_xlsx_async_full);
  g_task_set_name (task, "csn_export_xlsx_async");
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_unref);
  g_task_run_in_thread (task, export_thread);
}

void
csn_export_xlsx_async (CsnDraft            *draft,
                       const char          *path,
                       CsnLanguage          language,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  csn_export_xlsx_async_full (draft, path, language, NULL, NULL, NULL,
                              cancellable, callback, user_data);
}

gboolean
csn_export_xlsx_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_export_xlsx_async_full, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
