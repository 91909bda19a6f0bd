/* csn-delegation-export.h: a workbook for each member state's delegation to answer the draft in. */
#pragma once

#include <gio/gio.h>

#include "csn-enums.h"
#include "csn-export.h"
#include "csn-types.h"

G_BEGIN_DECLS

/* For the @language of csn_export_delegations(): each country's own (csn_export_get_country_language()). */
#define CSN_EXPORT_LANGUAGE_PER_COUNTRY (-1)

CsnLanguage  csn_export_get_country_language (const char            *code);
char        *csn_export_dup_delegation_file  (CsnCountry            *country,
                                              CsnLanguage            language);

/*
 * One workbook per member state into @dir, created if missing; existing workbooks of the same
 * names are replaced only once all are written. Each returns the paths written, in the draft's
 * order of countries. The async pair copies what it needs from @draft before returning and writes
 * in a worker thread; @progress and @progress_destroy run in the caller's main context.
 */
char       **csn_export_delegations          (CsnDraft              *draft,
                                              const char            *dir,
                                              int                    language,
                                              CsnExportProgressFunc  progress,
                                              gpointer               user_data,
                                              GCancellable          *cancellable,
                                              GError               **error);
void         csn_export_delegations_async    (CsnDraft              *draft,
                                              const char            *dir,
                                              int                    language,
                                              CsnExportProgressFunc  progress,
                                              gpointer               progress_data,
                                              GDestroyNotify         progress_destroy,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
char       **csn_export_delegations_finish   (GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS
