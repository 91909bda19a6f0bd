/* csn-item-private.h: what the loader and the writer keep of an item beyond its fields. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

/* The properties a field has, besides its plain name. */
typedef enum {
  CSN_FIELD_SLOT_VALUE,               /* the field's own value (none for localized text) */
  CSN_FIELD_SLOT_LOCALIZED_ES,        /* localized text: KEY-es */
  CSN_FIELD_SLOT_LOCALIZED_EN,        /* and KEY-en */
  CSN_FIELD_SLOT_TRANSLATION_ES,      /* a translatable text: KEY-translation-es */
  CSN_FIELD_SLOT_TRANSLATION_ES_FROM, /* KEY-translation-es-from */
  CSN_FIELD_SLOT_TRANSLATION_EN,
  CSN_FIELD_SLOT_TRANSLATION_EN_FROM,
  CSN_FIELD_N_SLOTS
} CsnFieldSlot;

#define CSN_FIELD_SLOT_TRANSLATION(language, from) \
  (CSN_FIELD_SLOT_TRANSLATION_ES + 2 * (language) + ((from) ? 1 : 0))

const GValue *csn_item_peek_value        (CsnItem        *self,
                                          const CsnField *field,
                                          CsnFieldSlot    slot);

typedef void (*CsnItemWatchFunc) (CsnItem      *item,
                                  GParamSpec   *pspec,
                                  const GValue *old_value,
                                  gpointer      user_data);

void        csn_item_add_watch           (CsnItem          *self,
                                          CsnItemWatchFunc  func,
                                          gpointer          user_data);
void        csn_item_remove_watch        (CsnItem          *self,
                                          CsnItemWatchFunc  func,
                                          gpointer          user_data);

/* The texts of the items one read makes (see csn-item.c). */
typedef struct _CsnTextStore CsnTextStore;

CsnTextStore *csn_text_store_new        (void);
CsnTextStore *csn_text_store_ref        (CsnTextStore   *store);
void          csn_text_store_unref      (CsnTextStore   *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnTextStore, csn_text_store_unref)

/* For an item being read, which nothing observes yet: set without notifying, taking the value. */
void        csn_item_load_take_string    (CsnItem        *self,
                                          const CsnField *field,
                                          CsnFieldSlot    slot,
                                          char           *text);
void        csn_item_load_use_store      (CsnItem        *self,
                                          CsnTextStore   *store);
void        csn_item_load_share_store    (CsnItem        *self,
                                          CsnItem        *child);
void        csn_item_load_set_text       (CsnItem        *self,
                                          const CsnField *field,
                                          CsnFieldSlot    slot,
                                          const char     *text,
                                          gsize           length);
void        csn_item_load_take_strv      (CsnItem        *self,
                                          const CsnField *field,
                                          char          **strv);
void        csn_item_load_set_enum       (CsnItem        *self,
                                          const CsnField *field,
                                          int             value);
void        csn_item_load_set_int        (CsnItem        *self,
                                          const CsnField *field,
                                          int             value);

JsonObject *csn_item_get_unknown    (CsnItem    *self);
JsonObject *csn_item_peek_unknown   (CsnItem    *self);
JsonObject *csn_item_get_unknown_in (CsnItem    *self,
                                     const char *key);
void        csn_item_set_unknown_in (CsnItem    *self,
                                     const char *key,
                                     JsonObject *members);

G_END_DECLS
