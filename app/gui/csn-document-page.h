/* csn-document-page.h: the recommendations document: the group's own texts, and the pages as they will print. */
#pragma once

#include <adwaita.h>

#include "csn-document-pages.h"
#include "csn-draft.h"
#include "csn-enums.h"

G_BEGIN_DECLS

#define CSN_TYPE_DOCUMENT_PAGE (csn_document_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocumentPage, csn_document_page, CSN, DOCUMENT_PAGE, AdwBin)

GtkWidget   *csn_document_page_new          (void);
CsnDraft    *csn_document_page_get_draft    (CsnDocumentPage *self);
void         csn_document_page_set_draft    (CsnDocumentPage *self,
                                             CsnDraft        *draft);
CsnLanguage  csn_document_page_get_language (CsnDocumentPage *self);
void         csn_document_page_set_language (CsnDocumentPage *self,
                                             CsnLanguage      language);
CsnPaper     csn_document_page_get_paper    (CsnDocumentPage *self);
void         csn_document_page_set_paper    (CsnDocumentPage *self,
                                             CsnPaper         paper);
guint        csn_document_page_get_n_pages  (CsnDocumentPage *self);
gboolean     csn_document_page_is_updated   (CsnDocumentPage *self);
void         csn_document_page_reveal       (CsnDocumentPage *self,
                                             CsnItem         *item,
                                             const char      *property);

G_END_DECLS
