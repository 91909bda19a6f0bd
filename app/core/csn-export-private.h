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
  CSN_EXPORT_STYLE_NAME,   /* labels and names: short, wrapped */
  CSN_EXPORT_STYLE_TEXT,   /* free text: wide, wrapped */
  CSN_EXPORT_STYLE_MARK,   /* a country column of the theme matrix */
  CSN_EXPORT_STYLE_DATE,
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
};

typedef struct {
  const char *header;
  GPtrArray  *items;     /* const char *, owned by the snapshot */
} CsnExportList;

typedef struct {
  const char    *key;
  CsnExportCell  value;
} CsnExportSummaryLine;

/* Everything the writer needs, copied from the model on the main thread. */
typedef struct {
  CsnLanguage     language;
  GStringChunk   *strings;
  const char     *title;
  gboolean        is_draft;      /* the pages say so in their header */
  char            date[16];
  time_t          created;
  GArray         *summary;       /* CsnExportSummaryLine */
  CsnExportTable *pillar_table;  /* pillar x horizon, on the summary sheet */
  GPtrArray      *tables;        /* CsnExportTable */
  GPtrArray      *lists;         /* CsnExportList */
} CsnExportSnapshot;

/* The drop-down lists, in the order of the hidden sheet's columns. */
enum {
  CSN_EXPORT_LIST_HORIZON,
  CSN_EXPORT_LIST_CONSENSUS,
  CSN_EXPORT_LIST_MECHANISM_KIND,
  CSN_EXPORT_LIST_ASSESSMENT,
  CSN_EXPORT_LIST_ROLE_CHANGE,
  CSN_EXPORT_LIST_PROPOSAL_STATUS,
  CSN_EXPORT_LIST_PARTICIPANT_ROLE,
  CSN_EXPORT_LIST_ENDORSEMENT_STATUS,
  CSN_EXPORT_LIST_PILLARS,
  CSN_EXPORT_LIST_ACTORS,
  CSN_EXPORT_LIST_COUNTRIES,
  CSN_EXPORT_LIST_MEMBER_COUNTRIES,
  CSN_EXPORT_N_LISTS
};

/* csn-export-snapshot.c: on the main thread */
CsnExportSnapshot *csn_export_snapshot_new   (CsnDraft               *draft,
                                              CsnLanguage             language);
void               csn_export_snapshot_free  (CsnExportSnapshot      *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnExportSnapshot, csn_export_snapshot_free)

/* csn-export-writer.c: in any thread */
gboolean           csn_export_write_snapshot (CsnExportSnapshot      *snapshot,
                                              const char             *path,
                                              CsnExportProgressFunc   progress,
                                              gpointer                progress_data,
                                              GCancellable           *cancellable,
                                              GError                **error);

/* csn-export-writer.c: whether a text goes into a cell as it is (exposed for its test). */
gboolean csn_export_text_is_clean (const char *text,
                                   gsize       length);

G_END_DECLS
