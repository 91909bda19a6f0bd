/* csn-change.h: one incoming change to a draft — a merged copy's, a delegation's answer, an imported
 * translation — with what it would do and whether the co-chairs take it. */
#pragma once

#include <json-glib/json-glib.h>

#include "csn-item.h"
#include "csn-types.h"

G_BEGIN_DECLS

typedef enum {
  CSN_CHANGE_SET_FIELD,        /* the item's property takes the incoming value */
  CSN_CHANGE_ADD_ITEM,         /* a new item enters a list, after the item with a given key */
  CSN_CHANGE_REMOVE_ITEM,      /* the item leaves its list */
  CSN_CHANGE_ADD_TO_SET,       /* a key joins a list field (raised_by, support, supported_by) */
  CSN_CHANGE_REMOVE_FROM_SET,  /* a key leaves it */
  CSN_CHANGE_SET_UNKNOWN,      /* a member this version does not know, of an item or of the file */
} CsnChangeKind;

#define CSN_TYPE_CHANGE_KIND (csn_change_kind_get_type ())
GType csn_change_kind_get_type (void) G_GNUC_CONST;

#define CSN_TYPE_CHANGE (csn_change_get_type ())

G_DECLARE_FINAL_TYPE (CsnChange, csn_change, CSN, CHANGE, GObject)

CsnChange     *csn_change_new_set_field      (CsnItem       *item,
                                              const char    *property,
                                              const GValue  *incoming);
CsnChange     *csn_change_new_add_item       (CsnCollection  collection,
                                              CsnItem       *item,
                                              const char    *after_key);
CsnChange     *csn_change_new_add_item_after (CsnCollection  collection,
                                              CsnItem       *item,
                                              const char * const *after_keys);
CsnChange     *csn_change_new_append_item    (CsnCollection  collection,
                                              CsnItem       *item);
CsnChange     *csn_change_new_add_child      (CsnItem       *parent,
                                              const char    *property,
                                              CsnItem       *child,
                                              int            position);
CsnChange     *csn_change_new_remove_item    (CsnCollection  collection,
                                              CsnItem       *item);
CsnChange     *csn_change_new_remove_child   (CsnItem       *parent,
                                              const char    *property,
                                              CsnItem       *child);
CsnChange     *csn_change_new_set_member     (CsnItem       *item,
                                              const char    *property,
                                              const char    *key,
                                              gboolean       present);

CsnChange     *csn_change_new_set_unknown    (CsnItem       *item,
                                              const char    *member,
                                              JsonNode      *incoming);

CsnChangeKind  csn_change_get_kind           (CsnChange     *self);
CsnItem       *csn_change_get_item           (CsnChange     *self);
CsnItem       *csn_change_get_parent         (CsnChange     *self);
const char    *csn_change_get_property_name  (CsnChange     *self);
CsnCollection  csn_change_get_collection     (CsnChange     *self);
const GValue  *csn_change_get_incoming       (CsnChange     *self);
const char    *csn_change_get_member_key     (CsnChange     *self);
const char    *csn_change_get_after_key      (CsnChange     *self);

const GValue  *csn_change_get_base           (CsnChange     *self);
void           csn_change_set_base           (CsnChange     *self,
                                              const GValue  *base);
void           csn_change_add_companion      (CsnChange     *self,
                                              const char    *property,
                                              const GValue  *value);
gboolean       csn_change_get_conflict       (CsnChange     *self);
void           csn_change_set_conflict       (CsnChange     *self,
                                              gboolean       conflict);
gboolean       csn_change_get_accepted       (CsnChange     *self);
void           csn_change_set_accepted       (CsnChange     *self,
                                              gboolean       accepted);
gboolean       csn_change_get_applicable     (CsnChange     *self);
const char    *csn_change_get_note           (CsnChange     *self);
void           csn_change_set_note           (CsnChange     *self,
                                              gboolean       applicable,
                                              const char    *note);
const char    *csn_change_get_origin         (CsnChange     *self);
void           csn_change_set_origin         (CsnChange     *self,
                                              const char    *origin);
const char    *csn_change_get_country        (CsnChange     *self);
void           csn_change_set_country        (CsnChange     *self,
                                              const char    *country);

char          *csn_change_dup_place          (CsnChange     *self,
                                              CsnDraft      *draft);
char          *csn_change_dup_current_text   (CsnChange     *self,
                                              CsnDraft      *draft);
char          *csn_change_dup_incoming_text  (CsnChange     *self,
                                              CsnDraft      *draft);
char          *csn_change_dup_base_text      (CsnChange     *self,
                                              CsnDraft      *draft);
gboolean       csn_change_is_current         (CsnChange     *self,
                                              CsnDraft      *draft);
gboolean       csn_change_apply              (CsnChange     *self,
                                              CsnDraft      *draft);

G_END_DECLS
