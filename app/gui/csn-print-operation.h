/* csn-print-operation.h: the recommendations document sent to a printer: the same pages as the
 * PDF, laid out again on the paper the print dialog chose. */
#pragma once

#include <gtk/gtk.h>

#include "csn-document-pages.h"
#include "csn-draft.h"
#include "csn-enums.h"

G_BEGIN_DECLS

#define CSN_TYPE_PRINT_OPERATION (csn_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (CsnPrintOperation, csn_print_operation, CSN, PRINT_OPERATION, GtkPrintOperation)

CsnPrintOperation *csn_print_operation_new          (CsnDraft          *draft,
                                                     CsnLanguage        language,
                                                     CsnPaper           paper);
CsnDocument       *csn_print_operation_get_document (CsnPrintOperation *self);

G_END_DECLS
