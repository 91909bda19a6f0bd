/* csn-draft-private.h: what the core's own files need of a draft and its lists, beyond the public API. */
#pragma once

#include "csn-draft.h"

G_BEGIN_DECLS

JsonObject *csn_draft_get_unknown           (CsnDraft      *self);
char       *csn_collection_dup_remove_label (CsnCollection  collection,
                                             const char    *title);
char       *csn_draft_dup_untitled_name     (CsnDraft      *self,
                                             CsnItem       *item);

/* Loading (csn-draft-io.c, csn-draft-reader.c): the one-pass reader, and the tree reader that says
 * what is wrong when it cannot read a file. */
CsnDraft   *csn_draft_read_stream           (const char    *data,
                                             gsize          length);
CsnDraft   *csn_draft_load_from_data_tree   (const char    *data,
                                             gsize          length,
                                             const char    *display_name,
                                             GError       **error);
gboolean    csn_draft_read_lineage_member   (CsnDraft      *self,
                                             GHashTable    *numbers);
void        csn_draft_remember_number_texts (GHashTable    *numbers,
                                             gpointer       owner,
                                             JsonNode      *node);

G_END_DECLS
