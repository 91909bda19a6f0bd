/* csn-item.h: base class of every record of a draft, with fields declared by a schema. */
#pragma once

#include <json-glib/json-glib.h>

#include "csn-enums.h"
#include "csn-types.h"

G_BEGIN_DECLS

typedef enum {
  CSN_FIELD_TEXT,       /* a string, never null */
  CSN_FIELD_DATE,       /* "YYYY-MM-DD" or null */
  CSN_FIELD_ENUM,       /* a string from an enum type's nicks */
  CSN_FIELD_INT,        /* a whole number >= 0 */
  CSN_FIELD_REF,        /* the id of an item in another list */
  CSN_FIELD_REF_LIST,   /* an array of such ids */
  CSN_FIELD_LOCALIZED,  /* { "es": text, "en": text }, properties KEY-es and KEY-en */
  CSN_FIELD_CHILDREN,   /* an array of child items, a GListModel property */
} CsnFieldKind;

typedef enum {
  CSN_FIELD_FLAG_NONE     = 0,
  CSN_FIELD_FLAG_KEY      = 1 << 0,  /* identifies the item within its list */
  CSN_FIELD_FLAG_NULLABLE = 1 << 1,  /* null is a valid value */
  CSN_FIELD_FLAG_TITLE    = 1 << 2,  /* names the item in messages and undo labels */
  CSN_FIELD_FLAG_TRANSLATABLE = 1 << 3,  /* free text with a translation into the other working
                                          * language: properties KEY-translation-LANG[-from] */
  CSN_FIELD_FLAG_OWNER    = 1 << 4,  /* a REF to what the item belongs to: removing that removes it */
} CsnFieldFlags;

typedef struct _CsnFieldNames CsnFieldNames;

typedef struct {
  const char    *key;            /* JSON member name */
  CsnFieldKind   kind;
  CsnFieldFlags  flags;
  const char    *label;          /* translatable noun for messages: N_("horizon") */
  GType        (*type_func) (void); /* enum type, or child item type */
  int            default_value;  /* enums and numbers */
  CsnCollection  target;         /* what a REF or REF_LIST points into */

  /*< private >*/
  const CsnFieldNames *names;    /* set by csn_item_class_set_schema() on the class's copy */
} CsnField;

#define CSN_TYPE_ITEM (csn_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsnItem, csn_item, CSN, ITEM, GObject)

struct _CsnItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  const CsnField *fields;
  guint           n_fields;
  const char     *collection_key;   /* "themes", or NULL for the meeting */
  const char     *id_prefix;        /* prefix of generated ids, "theme" */
  GParamSpec    **pspecs;           /* indexed by property id */
  guint           n_pspecs;
  GValue         *defaults;         /* every property's default, copied into a new item at once */
  GHashTable     *prop_ids;         /* property name -> id, read without the pspec pool's lock */
  const CsnField *key_field;
};

void            csn_item_class_set_schema   (CsnItemClass   *klass,
                                             const char     *collection_key,
                                             const char     *id_prefix,
                                             const CsnField *fields,
                                             guint           n_fields);
const CsnField *csn_item_class_get_fields   (CsnItemClass   *klass,
                                             guint          *n_fields);
const CsnField *csn_item_class_find_field   (CsnItemClass   *klass,
                                             const char     *key);
const char     *csn_item_class_get_collection_key (CsnItemClass *klass);
const char     *csn_item_class_get_id_prefix      (CsnItemClass *klass);
const CsnField *csn_item_class_get_key_field      (CsnItemClass *klass);
const CsnField *csn_item_class_field_for_property (CsnItemClass *klass,
                                                   const char   *property);
const char     *csn_field_get_property_name (const CsnField *field,
                                             const char     *suffix);
const char     *csn_field_get_translation_property (const CsnField *field,
                                                    CsnLanguage     language,
                                                    gboolean        from);
gboolean        csn_item_class_is_translation_property (CsnItemClass *klass,
                                                        const char   *property,
                                                        CsnLanguage  *language,
                                                        gboolean     *from);

const char     *csn_item_get_key            (CsnItem        *self);
char           *csn_item_dup_title          (CsnItem        *self);
const char     *csn_item_get_string         (CsnItem        *self,
                                             const char     *property);
int             csn_item_get_enum           (CsnItem        *self,
                                             const char     *property);
int             csn_item_get_int            (CsnItem        *self,
                                             const char     *property);
const char * const *csn_item_get_strv       (CsnItem        *self,
                                             const char     *property);
gboolean        csn_item_strv_contains      (CsnItem        *self,
                                             const char     *property,
                                             const char     *value);
GListModel     *csn_item_get_children       (CsnItem        *self,
                                             const char     *property);

/* Searching (csn_item_matches_search): the item's title, in place of a property name. */
#define CSN_ITEM_SEARCH_TITLE "title:"

char           *csn_fold_search_text        (const char     *text);
gboolean        csn_item_matches_search     (CsnItem        *self,
                                             const char * const *properties,
                                             const char     *folded_needle);

const char     *csn_item_get_translation    (CsnItem        *self,
                                             const CsnField *field,
                                             CsnLanguage     language,
                                             const char    **from);
CsnTranslationState csn_item_get_translation_state (CsnItem        *self,
                                                    const CsnField *field,
                                                    CsnLanguage     language);
char           *csn_item_dup_text_for_language (CsnItem        *self,
                                                const CsnField *field,
                                                CsnLanguage     content_language,
                                                CsnLanguage     language);

G_END_DECLS
