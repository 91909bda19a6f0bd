/* csn-history.h: the undo and redo history of a draft, with its saved point. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_TYPE_HISTORY (csn_history_get_type ())

G_DECLARE_FINAL_TYPE (CsnHistory, csn_history, CSN, HISTORY, GObject)

CsnHistory *csn_history_new              (void);

void        csn_history_set_property     (CsnHistory   *self,
                                          const char   *label,
                                          GObject      *object,
                                          const char   *property,
                                          const GValue *value);
void        csn_history_insert           (CsnHistory   *self,
                                          const char   *label,
                                          GListStore   *list,
                                          guint         position,
                                          gpointer      item);
void        csn_history_remove           (CsnHistory   *self,
                                          const char   *label,
                                          GListStore   *list,
                                          guint         position);
void        csn_history_move             (CsnHistory   *self,
                                          const char   *label,
                                          GListStore   *list,
                                          guint         from,
                                          guint         to);

void        csn_history_begin_group      (CsnHistory   *self,
                                          const char   *label);
void        csn_history_end_group        (CsnHistory   *self);

gboolean    csn_history_can_undo         (CsnHistory   *self);
gboolean    csn_history_can_redo         (CsnHistory   *self);
const char *csn_history_get_undo_label   (CsnHistory   *self);
const char *csn_history_get_redo_label   (CsnHistory   *self);
GPtrArray  *csn_history_dup_next_objects (CsnHistory   *self,
                                          gboolean      redo);
gboolean    csn_history_add_last_objects (CsnHistory   *self,
                                          GHashTable   *objects);
gboolean    csn_history_undo             (CsnHistory   *self);
gboolean    csn_history_redo             (CsnHistory   *self);
void        csn_history_clear            (CsnHistory   *self);

gboolean    csn_history_get_modified     (CsnHistory   *self);
void        csn_history_mark_saved       (CsnHistory   *self);
void        csn_history_mark_unsaved     (CsnHistory   *self);

G_END_DECLS
