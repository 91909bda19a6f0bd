/* csn-document-texts.c: the texts the group writes itself for its recommendations document. */
#define G_LOG_DOMAIN "csn-document-texts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-document-texts.h"

struct _CsnDocumentTexts
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnDocumentTexts, csn_document_texts, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "preamble",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("preamble"),
    .target = CSN_COLLECTION_NONE },
  { .key = "background",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("background"),
    .target = CSN_COLLECTION_NONE },
  { .key = "next_steps",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("next steps"),
    .target = CSN_COLLECTION_NONE },
  { .key = "closing",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("closing"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_document_texts_class_init (CsnDocumentTextsClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), NULL, NULL,
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_document_texts_init (CsnDocumentTexts *self)
{
}

CsnDocumentTexts *
csn_document_texts_new (void)
{
  return g_object_new (CSN_TYPE_DOCUMENT_TEXTS, NULL);
}

const char *
csn_document_texts_get_preamble (CsnDocumentTexts *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_TEXTS (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_DOCUMENT_TEXTS_PROP_PREAMBLE);
}

const char *
csn_document_texts_get_background (CsnDocumentTexts *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_TEXTS (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_DOCUMENT_TEXTS_PROP_BACKGROUND);
}

const char *
csn_document_texts_get_next_steps (CsnDocumentTexts *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_TEXTS (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS);
}

const char *
csn_document_texts_get_closing (CsnDocumentTexts *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT_TEXTS (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_DOCUMENT_TEXTS_PROP_CLOSING);
}
