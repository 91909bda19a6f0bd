/* csn-document-texts.h: the texts the group writes itself for its recommendations document. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_DOCUMENT_TEXTS (csn_document_texts_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocumentTexts, csn_document_texts, CSN, DOCUMENT_TEXTS, CsnItem)

CsnDocumentTexts *csn_document_texts_new (void);

G_END_DECLS
