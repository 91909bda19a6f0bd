/* csn-export-private.h: the tables the export's snapshot (draft -> tables) hands its writer (-> workbook). */
#pragma once

#include <time.h>

#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-export.h"

G_BEGIN_DECLS

typedef enum {
  CSN_EXPORT_CELL_EMPTY,
  CSN_EXPORT_CELL_STRING,  /* always a text cell, whatever it starts with */
  CSN_EXPORT_CELL_NUMBER,
  CSN_EXPORT_CELL_DATE,    /* "YYYY-MM-DD", written as a date when it is one */
  CSN_EXPORT_CELL_COUNT,   /* the number of marks in the row, as a formula that follows edits */
} CsnExportCellKind;

typedef struct {
  const char *text;
  double      number;
  guint8      kind;
  guint8      warning;
} CsnExportCell;

typedef enum {
  CSN_EXPORT_STYLE_ID,
  CSN_EXPORT_STYLE_NUMBER,
  CSN_EXPORT_STYLE_NAME,     /* labels and names: short, wrapped */
  CSN_EXPORT_STYLE_TEXT,     /* free text: wide, wrapped */
  CSN_EXPORT_STYLE_MARK,     /* a country column of the theme matrix */
  CSN_EXPORT_STYLE_DATE,
  CSN_EXPORT_STYLE_CHOICE,       /* a delegation's answer: unlocked, with its column's drop-down */
  CSN_EXPORT_STYLE_ANSWER_TEXT,  /* a delegation's comment or note: unlocked, wide, wrapped */
  CSN_EXPORT_STYLE_ANSWER_DATE,  /* a delegation's date: unlocked */
} CsnExportColumnStyle;

typedef struct {
  const char           *header;
  CsnExportColumnStyle  style;
  int                   list;       /* index into CsnExportSnapshot.lists, or -1 */
  guint                 max_width;  /* characters; 0 for the style's */
  gboolean              to_fill;    /* meant to be written in by the delegations: room to write */
} CsnExportColumn;

typedef struct _CsnExportTable CsnExportTable;

struct _CsnExportTable {
  const char     *name_msgid;
  GArray         *columns;   /* CsnExportColumn */
  GArray         *cells;     /* CsnExportCell, row after row */
  guint           n_rows;
  guint           frozen_columns;
  double         *widths;    /* of each column, set by the writer */
  /* Delegation workbooks: the defined names' stem ("Theme": Consenso_Theme_Id, _Stance, _Comment)
   * and the columns they name; NULL for a table without answers. */
  const char     *answer_key;
  guint           id_column;
  guint           stance_column;
  guint           comment_column;
};

typedef struct {
  const char *header;
  GPtrArray  *items;     /* const char *, owned by the snapshot */
} CsnExportList;

typedef struct {
  const char    *key;
  CsnExportCell  value;
} CsnExportSummaryLine;

typedef enum {
  CSN_EXPORT_KIND_FULL,        /* every list of the draft, to read */
  CSN_EXPORT_KIND_DELEGATION,  /* the agenda with a member state's answer columns, to answer in */
} CsnExportKind;

/* Everything the writer needs, copied from the model on the main thread. The tables may follow
 * the rest while the writer already writes (csn_export_snapshot_new_head()): it takes each by
 * csn_export_snapshot_wait_table(), which hands it over once complete. */
typedef struct {
  CsnExportKind   kind;
  CsnLanguage     language;
  GStringChunk   *strings;
  const char     *title;
  gboolean        is_draft;      /* the pages say so in their header */
  char            date[16];
  time_t          created;
  GArray         *summary;       /* CsnExportSummaryLine */
  CsnExportTable *pillar_table;  /* pillar x horizon, on the summary sheet */
  GPtrArray      *tables;        /* CsnExportTable */
  GPtrArray      *lists;         /* CsnExportList: the drop-downs of delegation workbooks */
  GHashTable     *answer_rows;   /* item id -> its table << 24 | its row + 1, for the answers */
  guint           rows_expected; /* of all its tables, known before they are */

  /* The hand-over, from the thread that makes the tables to the one that writes them. */
  GMutex          lock;
  GCond           table_added;   /* the tables grow under the lock, each complete when added */
  gboolean        complete;      /* no table follows */
  gpointer        builder;       /* what makes the tables still to come */
} CsnExportSnapshot;

/* The drop-down lists of a delegation workbook, in the order of the hidden sheet's list columns. */
enum {
  CSN_EXPORT_LIST_STANCES,
  CSN_EXPORT_LIST_ENDORSEMENT_STATUS,
  CSN_EXPORT_N_LISTS
};

/* Delegation workbooks: the sheets around the tables, and the names the import finds them by. */
#define CSN_ANSWERS_FORMAT          "consenso-answers"
#define CSN_ANSWERS_VERSION         1
#define CSN_ANSWERS_SHEET           "Consenso"
#define CSN_ANSWERS_NAME_INFO       "Consenso_Info"
#define CSN_ANSWERS_NAME_BASE       "Consenso_Base"
#define CSN_ANSWERS_NAME_STANCES    "Consenso_Stances"
#define CSN_ANSWERS_NAME_STATUSES   "Consenso_Statuses"
#define CSN_ANSWERS_NAME_ENDORSEMENT "Consenso_Endorsement"  /* + _Country, _Status, _Date, _Note */
/* In the hidden row above a table's header, over each column the import reads: "consenso:Theme:id". */
#define CSN_ANSWERS_MARKER_FORMAT   "consenso:%s:%s"

/* What the hidden sheet says about the export, by key. */
#define CSN_ANSWERS_KEY_FORMAT      "format"
#define CSN_ANSWERS_KEY_VERSION     "version"
#define CSN_ANSWERS_KEY_DRAFT       "draft"          /* the lineage's draft id; empty before the first save */
#define CSN_ANSWERS_KEY_DRAFT_REVISION "draft_revision"
#define CSN_ANSWERS_KEY_TITLE_HASH  "draft_title_sha256"
#define CSN_ANSWERS_KEY_TITLE       "draft_title"
#define CSN_ANSWERS_KEY_REVISION    "revision"
#define CSN_ANSWERS_KEY_EXPORTED    "exported"
#define CSN_ANSWERS_KEY_DATE        "date"
#define CSN_ANSWERS_KEY_COUNTRY     "country"
#define CSN_ANSWERS_KEY_LANGUAGE    "language"
#define CSN_ANSWERS_KEY_GENERATOR   "generator"
#define CSN_ANSWERS_KEY_ENDORSEMENT_STATUS "endorsement_status"
#define CSN_ANSWERS_KEY_ENDORSEMENT_DATE   "endorsement_date"
#define CSN_ANSWERS_KEY_ENDORSEMENT_NOTE   "endorsement_note"

/* One export run's stamp, the same in each of its workbooks: the import orders answers by it. */
typedef struct {
  char *draft_id;        /* "" when the draft has no lineage yet */
  char *draft_revision;
  char *title_hash;
  char *revision;   /* a UUID */
  char *exported;   /* "2011-11-04T15:02:11.084512Z" */
  char  date[16];   /* the local date, "2011-11-04": what an answer's "received" takes */
} CsnExportStamp;

typedef struct {
  const char *stance;    /* its label in the workbook's language, or NULL */
  const char *comment;   /* or NULL */
} CsnExportAnswer;

typedef enum {
  CSN_EXPORT_LINE_TITLE,
  CSN_EXPORT_LINE_HEADING,
  CSN_EXPORT_LINE_FIELD,      /* a key and its value */
  CSN_EXPORT_LINE_PARAGRAPH,  /* text across the sheet */
  CSN_EXPORT_LINE_BLANK,
} CsnExportLineKind;

typedef struct {
  CsnExportLineKind  kind;
  const char        *key;
  CsnExportCell      value;
} CsnExportLine;

/* What one member state's workbook has of its own. */
typedef struct {
  GStringChunk   *strings;
  const char     *country;       /* the code */
  const char     *country_name;  /* in the workbook's language */
  GPtrArray      *answers;       /* per table: GArray of CsnExportAnswer by row, or NULL for none */
  GArray         *instructions;  /* CsnExportLine */
  CsnExportTable *endorsement;   /* the country's row: code, name, status, date, note */
  GArray         *info;          /* CsnExportSummaryLine: the hidden sheet's keys and values */
  CsnExportTable *base;          /* the positions the workbook was filled in with: item, stance, comment */
} CsnExportDelegation;

/* csn-delegation-export.c */
const char          *csn_export_get_draft_id            (CsnDraft               *draft);
char                *csn_export_dup_title_hash          (CsnDraft               *draft);

/* csn-export.c: progress reported from a worker thread, called back in the caller's context */
typedef struct _CsnExportRelay CsnExportRelay;

CsnExportRelay      *csn_export_relay_new               (CsnExportProgressFunc   progress,
                                                         gpointer                progress_data,
                                                         GDestroyNotify          progress_destroy);
void                 csn_export_relay_report            (double                  fraction,
                                                         gpointer                relay);
void                 csn_export_relay_unref             (CsnExportRelay         *relay);

/* csn-export-snapshot.c: on the main thread */
CsnExportSnapshot   *csn_export_snapshot_new            (CsnDraft               *draft,
                                                         CsnLanguage             language);
CsnExportSnapshot   *csn_export_snapshot_new_head       (CsnDraft               *draft,
                                                         CsnLanguage             language);
void                 csn_export_snapshot_add_tables     (CsnExportSnapshot      *snapshot,
                                                         CsnDraft               *draft);
/* csn-export-snapshot.c: in any thread */
CsnExportTable      *csn_export_snapshot_wait_table     (CsnExportSnapshot      *snapshot,
                                                         guint                   index);
CsnExportSnapshot   *csn_export_snapshot_new_for_answers (CsnDraft              *draft,
                                                         CsnLanguage             language);
void                 csn_export_snapshot_free           (CsnExportSnapshot      *snapshot);
CsnExportDelegation *csn_export_delegation_new          (CsnExportSnapshot      *snapshot,
                                                         CsnDraft               *draft,
                                                         CsnCountry             *country,
                                                         const CsnExportStamp   *stamp);
void                 csn_export_delegation_free         (CsnExportDelegation    *delegation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnExportSnapshot, csn_export_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnExportDelegation, csn_export_delegation_free)

/* csn-export-writer.c: in any thread */
gboolean             csn_export_write_snapshot          (CsnExportSnapshot      *snapshot,
                                                         const char             *path,
                                                         CsnExportProgressFunc   progress,
                                                         gpointer                progress_data,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
gboolean             csn_export_write_workbook          (CsnExportSnapshot      *snapshot,
                                                         CsnExportDelegation    *delegation,
                                                         guint                   stub_tables,
                                                         const char             *file,
                                                         const char             *target,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
char                *csn_export_dup_table_part          (CsnExportSnapshot      *snapshot,
                                                         guint                   table);
gboolean             csn_export_set_write_error         (GError                **error,
                                                         const char             *path,
                                                         const char             *reason);

/* csn-export-writer.c: whether a text goes into a cell as it is (exposed for its test). */
gboolean csn_export_text_is_clean (const char *text,
                                   gsize       length);

G_END_DECLS
