/* csn-draft.h: a whole draft (meeting, lists, history) and the undoable edits that change it. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "csn-item.h"
#include "csn-lineage.h"
#include "csn-safe-file.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_DRAFT_FORMAT  "consenso-draft"
#define CSN_DRAFT_VERSION 1
#define CSN_DRAFT_MAX_FILE_SIZE (64 * 1024 * 1024)
#define CSN_DRAFT_MAX_DEPTH 64

#define CSN_DRAFT_ERROR (csn_draft_error_quark ())

typedef enum {
  CSN_DRAFT_ERROR_READ,        /* the file could not be read */
  CSN_DRAFT_ERROR_TOO_LARGE,   /* over CSN_DRAFT_MAX_FILE_SIZE */
  CSN_DRAFT_ERROR_NOT_JSON,    /* empty, not UTF-8, not JSON, too deep */
  CSN_DRAFT_ERROR_FORMAT,      /* JSON, but not a consenso-draft */
  CSN_DRAFT_ERROR_VERSION,     /* a version this build does not read */
  CSN_DRAFT_ERROR_INVALID,     /* a value of the wrong type or out of its range */
  CSN_DRAFT_ERROR_WRITE,       /* the file could not be written */
  CSN_DRAFT_ERROR_CHANGED_ON_DISK, /* someone else changed the file since the draft read or saved it */
  CSN_DRAFT_ERROR_READ_ONLY,   /* the file is read-only */
} CsnDraftError;

typedef enum {
  CSN_DRAFT_SAVE_NONE      = 0,
  CSN_DRAFT_SAVE_OVERWRITE = 1 << 0,  /* replace the file even if someone else changed it */
} CsnDraftSaveFlags;

GQuark csn_draft_error_quark (void);

#define CSN_TYPE_DRAFT (csn_draft_get_type ())

G_DECLARE_FINAL_TYPE (CsnDraft, csn_draft, CSN, DRAFT, GObject)

const char   *csn_collection_get_key        (CsnCollection  collection);
CsnCollection csn_collection_from_key       (const char    *key);
GType         csn_collection_get_item_type  (CsnCollection  collection);
gboolean      csn_collection_is_optional    (CsnCollection  collection);
CsnCollection csn_collection_for_item       (CsnItem       *item);
gboolean      csn_collection_matches_target (CsnCollection  collection,
                                             CsnCollection  target);

CsnDraft     *csn_draft_new                 (void);

CsnMeeting   *csn_draft_get_meeting         (CsnDraft      *self);
CsnDocumentTexts *csn_draft_get_document_texts (CsnDraft  *self);
GListModel   *csn_draft_get_collection      (CsnDraft      *self,
                                             CsnCollection  collection);
CsnHistory   *csn_draft_get_history         (CsnDraft      *self);
GFile        *csn_draft_get_file            (CsnDraft      *self);
void          csn_draft_set_file            (CsnDraft      *self,
                                             GFile         *file);
char         *csn_draft_dup_display_name    (CsnDraft      *self);
char         *csn_draft_dup_file_display_name (GFile       *file);
gboolean      csn_draft_get_modified        (CsnDraft      *self);

CsnItem      *csn_draft_lookup              (CsnDraft      *self,
                                             CsnCollection  collection,
                                             const char    *key);
guint         csn_draft_count_participants  (CsnDraft      *self,
                                             const char    *country);
gboolean      csn_draft_find_position       (CsnDraft      *self,
                                             CsnCollection  collection,
                                             CsnItem       *item,
                                             guint         *position);
char         *csn_draft_make_id             (CsnDraft      *self,
                                             CsnCollection  collection);
char         *csn_draft_dup_ref_title       (CsnDraft      *self,
                                             CsnCollection  collection,
                                             const char    *key);

/* Undoable edits: each call is one step, unless inside a group. */
void          csn_draft_set_value           (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             const GValue  *value);
void          csn_draft_set_string          (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             const char    *value);
void          csn_draft_set_enum            (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             int            value);
void          csn_draft_set_int             (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             int            value);
void          csn_draft_set_strv            (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             const char * const *value);
void          csn_draft_set_in_list         (CsnDraft      *self,
                                             CsnItem       *item,
                                             const char    *property,
                                             const char    *key,
                                             gboolean       present);
void          csn_draft_insert              (CsnDraft      *self,
                                             CsnCollection  collection,
                                             guint          position,
                                             CsnItem       *item);
void          csn_draft_append              (CsnDraft      *self,
                                             CsnCollection  collection,
                                             CsnItem       *item);
void          csn_draft_remove              (CsnDraft      *self,
                                             CsnCollection  collection,
                                             guint          position);
void          csn_draft_move                (CsnDraft      *self,
                                             CsnCollection  collection,
                                             guint          from,
                                             guint          to);
void          csn_draft_insert_child        (CsnDraft      *self,
                                             CsnItem       *parent,
                                             const char    *property,
                                             guint          position,
                                             CsnItem       *child);
void          csn_draft_remove_child        (CsnDraft      *self,
                                             CsnItem       *parent,
                                             const char    *property,
                                             guint          position);
void          csn_draft_set_translation     (CsnDraft      *self,
                                             CsnItem       *item,
                                             const CsnField *field,
                                             CsnLanguage    language,
                                             const char    *text);
void          csn_draft_accept_translation  (CsnDraft      *self,
                                             CsnItem       *item,
                                             const CsnField *field,
                                             CsnLanguage    language);
void          csn_draft_begin_group         (CsnDraft      *self,
                                             const char    *label);
void          csn_draft_end_group           (CsnDraft      *self);
gboolean      csn_draft_undo                (CsnDraft      *self);
gboolean      csn_draft_redo                (CsnDraft      *self);

/* Lineage: where this copy comes from, for merging (csn-lineage.c); the name the next save
 * records as saved_by ("PPT", "México", "ST"). */
CsnLineage   *csn_draft_get_lineage         (CsnDraft      *self);
const char   *csn_draft_get_saved_by        (CsnDraft      *self);
void          csn_draft_set_saved_by        (CsnDraft      *self,
                                             const char    *saved_by);

/* Files (csn-draft-io.c) */
CsnDraft     *csn_draft_new_from_template   (void);
CsnDraft     *csn_draft_load_from_file      (GFile         *file,
                                             GError       **error);
CsnDraft     *csn_draft_load_from_data      (const char    *data,
                                             gsize          length,
                                             const char    *display_name,
                                             GError       **error);
char         *csn_draft_to_data             (CsnDraft      *self,
                                             gsize         *length);
char         *csn_draft_content_to_data     (CsnDraft      *self,
                                             gsize         *length);
char         *csn_draft_to_data_with_lineage (CsnDraft     *self,
                                             CsnLineage    *lineage,
                                             gsize         *length);
gboolean      csn_draft_save_to_file        (CsnDraft      *self,
                                             GFile         *file,
                                             GError       **error);
void          csn_draft_save_async          (CsnDraft            *self,
                                             GFile               *file,
                                             CsnDraftSaveFlags    flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      csn_draft_save_finish         (CsnDraft      *self,
                                             GAsyncResult  *result,
                                             GError       **error);
const CsnFileStamp *csn_draft_get_file_stamp (CsnDraft          *self);
void          csn_draft_set_file_stamp      (CsnDraft           *self,
                                             GFile              *file,
                                             const CsnFileStamp *stamp);

G_END_DECLS
