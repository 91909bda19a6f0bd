/* csn-lineage.h: where a draft's copy comes from — its draft and revision ids, who saved it, and the
 * last agreed state a three-way merge can take as the common ancestor. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "csn-types.h"

G_BEGIN_DECLS

/* Earlier revisions a file remembers by id (newest first), and agreed ones its base descends from. */
#define CSN_LINEAGE_MAX_ANCESTORS 32
#define CSN_LINEAGE_MAX_AGREED    32

#define CSN_TYPE_LINEAGE (csn_lineage_get_type ())

G_DECLARE_FINAL_TYPE (CsnLineage, csn_lineage, CSN, LINEAGE, GObject)

CsnLineage         *csn_lineage_new                (void);

gboolean            csn_lineage_is_known           (CsnLineage   *self);
const char         *csn_lineage_get_draft_id       (CsnLineage   *self);
const char         *csn_lineage_get_revision       (CsnLineage   *self);
const char * const *csn_lineage_get_parents        (CsnLineage   *self);
const char * const *csn_lineage_get_ancestors      (CsnLineage   *self);
const char         *csn_lineage_get_saved_by       (CsnLineage   *self);
const char         *csn_lineage_get_base_revision  (CsnLineage   *self);
const char * const *csn_lineage_get_base_agreed    (CsnLineage   *self);
const char         *csn_lineage_get_base_content   (CsnLineage   *self);
JsonObject         *csn_lineage_get_unknown        (CsnLineage   *self);
JsonObject         *csn_lineage_get_base_unknown   (CsnLineage   *self);

void                csn_lineage_assign             (CsnLineage   *self,
                                                    CsnLineage   *other);
CsnLineage         *csn_lineage_copy               (CsnLineage   *self);

char              **csn_lineage_dup_known_revisions (CsnLineage  *self);

char               *csn_lineage_encode_content     (const char   *data,
                                                    gsize         length);
char               *csn_lineage_decode_content     (const char   *encoded,
                                                    gsize        *length,
                                                    GError      **error);
CsnDraft           *csn_lineage_load_base          (CsnLineage   *self,
                                                    GError      **error);

CsnLineage         *csn_lineage_new_for_save       (CsnLineage   *self,
                                                    CsnDraft     *draft,
                                                    const char   *saved_by);
CsnLineage         *csn_lineage_new_for_save_unencoded (CsnLineage *self,
                                                    CsnDraft     *draft,
                                                    const char   *saved_by,
                                                    char        **content,
                                                    gsize        *length);
CsnLineage         *csn_lineage_new_for_merge      (CsnLineage   *mine,
                                                    CsnLineage   *theirs,
                                                    CsnDraft     *merged);

void                csn_lineage_cache_set_enabled  (gboolean      enabled);
gboolean            csn_lineage_cache_get_enabled  (void);
void                csn_lineage_cache_store        (const char   *draft_id,
                                                    const char   *revision,
                                                    const char   *data,
                                                    gsize         length);
CsnDraft           *csn_lineage_cache_load         (const char * const *draft_ids,
                                                    const char   *revision);

G_END_DECLS
