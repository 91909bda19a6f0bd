/* csn-answers-import-private.h: the import of returned workbooks from bytes, for its fuzz target. */
#pragma once

#include "csn-answers-import.h"

G_BEGIN_DECLS

CsnChangeSet *csn_answers_import_bytes (CsnDraft            *draft,
                                        GBytes             **workbooks,
                                        const char * const  *names,
                                        guint                n_workbooks,
                                        GPtrArray          **problems);

G_END_DECLS
