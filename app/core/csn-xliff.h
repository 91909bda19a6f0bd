/* csn-xliff.h: the translators' round trip — a draft's texts out as XLIFF 1.2 for computer-aided
 * translation tools, and their translations back in as changes to review. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_XLIFF_ERROR (csn_xliff_error_quark ())

typedef enum {
  CSN_XLIFF_ERROR_READ,         /* the file could not be read */
  CSN_XLIFF_ERROR_TOO_LARGE,    /* over CSN_XLIFF_MAX_FILE_SIZE */
  CSN_XLIFF_ERROR_NOT_XML,      /* not well-formed XML */
  CSN_XLIFF_ERROR_UNSAFE,       /* a document type declaration or an entity reference */
  CSN_XLIFF_ERROR_FORMAT,       /* XML, but not XLIFF 1.2 as the export writes it */
  CSN_XLIFF_ERROR_LANGUAGE,     /* it translates other languages than the draft's */
  CSN_XLIFF_ERROR_OTHER_DRAFT,  /* it was exported from another draft */
  CSN_XLIFF_ERROR_TEXT,         /* the export: a text holds a character XML cannot carry */
  CSN_XLIFF_ERROR_WRITE,        /* the export: the file could not be written */
} CsnXliffError;

GQuark csn_xliff_error_quark (void);

/* An exported file holds the texts and their translations: twice a draft at most, and notes. */
#define CSN_XLIFF_MAX_FILE_SIZE (128 * 1024 * 1024)

/*
 * The export writes every non-empty free text of the draft as a trans-unit (id: csn_draft_list_texts()'s
 * id), from the meeting's language into the other working language, with its translation as the
 * target (state "translated", or "needs-review-translation" when outdated; "new" and an empty
 * target when there is none) and notes with the context. The async pair copies the texts before
 * returning and writes in a worker thread; either way a failed export leaves @path as it was.
 */
gboolean      csn_xliff_export        (CsnDraft             *draft,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);
void          csn_xliff_export_async  (CsnDraft             *draft,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean      csn_xliff_export_finish (GAsyncResult         *result,
                                       GError              **error);

/*
 * The import reads @file (never written) and returns the changes it brings to @draft, nothing
 * applied yet: a SET_FIELD change of a translation property per unit whose target differs from
 * the draft's translation, or confirms an outdated one. A unit whose source text changed since
 * the export is a change that is not applicable, with a note; one the translator marked as
 * needing review is not accepted until the co-chairs accept it. Units that match no text of the
 * draft are @reports (CsnProblem: place "line 12, unit “themes/theme-9/title”", no item).
 * Applying the set (csn_change_set_apply()) also records the source each translation was made
 * from, in the same undoable step. A file that is not XLIFF, is unsafe, is for other languages or
 * comes from another draft is refused: NULL and an error naming the file and the line.
 * The async pair reads and parses in a worker thread; _finish() matches the units against
 * @draft (the draft given to _async()) in the calling thread.
 */
CsnChangeSet *csn_xliff_import        (CsnDraft             *draft,
                                       GFile                *file,
                                       GListModel          **reports,
                                       GCancellable         *cancellable,
                                       GError              **error);
void          csn_xliff_import_async  (CsnDraft             *draft,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
CsnChangeSet *csn_xliff_import_finish (CsnDraft             *draft,
                                       GAsyncResult         *result,
                                       GListModel          **reports,
                                       GError              **error);

const char   *csn_xliff_change_get_unit_id (CsnChange       *change,
                                            guint           *line);

G_END_DECLS
