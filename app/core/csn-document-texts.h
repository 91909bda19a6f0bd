/* csn-document-texts.h: the texts the group writes itself for its recommendations document. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_DOCUMENT_TEXTS (csn_document_texts_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocumentTexts, csn_document_texts, CSN, DOCUMENT_TEXTS, CsnItem)

CsnDocumentTexts *csn_document_texts_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_DOCUMENT_TEXTS_PROP_PREAMBLE   "preamble"
#define CSN_DOCUMENT_TEXTS_PROP_BACKGROUND "background"
#define CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS "next-steps"
#define CSN_DOCUMENT_TEXTS_PROP_CLOSING    "closing"

const char *csn_document_texts_get_preamble   (CsnDocumentTexts *self);
const char *csn_document_texts_get_background (CsnDocumentTexts *self);
const char *csn_document_texts_get_next_steps (CsnDocumentTexts *self);
const char *csn_document_texts_get_closing    (CsnDocumentTexts *self);

G_END_DECLS
