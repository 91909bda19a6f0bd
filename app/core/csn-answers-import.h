/* csn-answers-import.h: the workbooks the delegations send back, read into changes to review. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_ANSWERS_ERROR (csn_answers_error_quark ())

typedef enum {
  CSN_ANSWERS_ERROR_NOT_ANSWERS,  /* a workbook, but not one Consenso exported for a delegation */
  CSN_ANSWERS_ERROR_VERSION,      /* exported by a newer Consenso */
  CSN_ANSWERS_ERROR_DAMAGED,      /* what locates the answers is missing or points nowhere */
  CSN_ANSWERS_ERROR_OTHER_DRAFT,  /* exported from another draft */
  CSN_ANSWERS_ERROR_BAD_ANSWER,   /* a cell holds what is not an answer */
} CsnAnswersError;

GQuark        csn_answers_error_quark   (void);

/*
 * Each workbook is read whole or refused: a refused one, and every cell that holds no answer, is a
 * problem (a GError whose message names the file and, where it applies, the sheet and cell) and
 * brings no change. The rest becomes a change set with a change per incoming difference, for the
 * co-chairs to review: nothing in the draft changes until it is applied.
 *
 * The async pair reads the workbooks in a worker thread; _finish() compares them with @draft, in
 * the caller's thread. @error is set only when the import was cancelled.
 */
CsnChangeSet *csn_answers_import        (CsnDraft             *draft,
                                         GFile               **files,
                                         guint                 n_files,
                                         GPtrArray           **problems,
                                         GCancellable         *cancellable,
                                         GError              **error);
void          csn_answers_import_async  (GFile               **files,
                                         guint                 n_files,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
CsnChangeSet *csn_answers_import_finish (GAsyncResult         *result,
                                         CsnDraft             *draft,
                                         GPtrArray           **problems,
                                         GError              **error);

G_END_DECLS
