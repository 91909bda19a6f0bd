/* csn-change-set.h: incoming changes under review, applied together as one undoable step. */
#pragma once

#include <gio/gio.h>

#include "csn-change.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_TYPE_CHANGE_SET (csn_change_set_get_type ())

G_DECLARE_FINAL_TYPE (CsnChangeSet, csn_change_set, CSN, CHANGE_SET, GObject)

/* Runs inside the undoable step, after the accepted changes (a merge records its lineage there). */
typedef void (*CsnChangeSetFinishFunc) (CsnChangeSet *set,
                                        CsnDraft     *draft,
                                        gpointer      user_data);

CsnChangeSet *csn_change_set_new            (const char   *label);
const char   *csn_change_set_get_label      (CsnChangeSet *self);
void          csn_change_set_set_label      (CsnChangeSet *self,
                                             const char   *label);
const char   *csn_change_set_get_title      (CsnChangeSet *self);
void          csn_change_set_set_title      (CsnChangeSet *self,
                                             const char   *title);
const char   *csn_change_set_get_note       (CsnChangeSet *self);
void          csn_change_set_set_note       (CsnChangeSet *self,
                                             const char   *note);
void          csn_change_set_set_finish_func (CsnChangeSet *self,
                                             CsnChangeSetFinishFunc func,
                                             gpointer      user_data,
                                             GDestroyNotify destroy);
void          csn_change_set_append         (CsnChangeSet *self,
                                             CsnChange    *change);
void          csn_change_set_append_all     (CsnChangeSet  *self,
                                             CsnChange    **changes,
                                             guint          n_changes);
guint         csn_change_set_get_n_conflicts (CsnChangeSet *self);
guint         csn_change_set_get_n_accepted (CsnChangeSet *self);
void          csn_change_set_accept_all     (CsnChangeSet *self,
                                             gboolean      accepted,
                                             gboolean      conflicts_only,
                                             const char   *country);
guint         csn_change_set_apply          (CsnChangeSet *self,
                                             CsnDraft     *draft);

G_END_DECLS
