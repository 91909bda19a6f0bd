/* csn-draft-private.h: what the core's own files need of a draft and its lists, beyond the public API. */
#pragma once

#include "csn-draft.h"

G_BEGIN_DECLS

JsonObject *csn_draft_get_unknown           (CsnDraft      *self);
char       *csn_collection_dup_remove_label (CsnCollection  collection,
                                             const char    *title);
char       *csn_draft_dup_untitled_name     (CsnDraft      *self,
                                             CsnItem       *item);
gboolean    csn_draft_set_too_large_error   (GError       **error,
                                             const char    *name,
                                             goffset        size);

/* Unknown members keep their numbers as written (csn-draft-io.c): the texts are held by the item,
 * draft or lineage (the owner) whose unknown members hold the number. */
void        csn_number_texts_copy           (gpointer       from_owner,
                                             JsonNode      *from,
                                             gpointer       to_owner,
                                             JsonNode      *to);
gboolean    csn_number_texts_equal          (gpointer       a_owner,
                                             JsonNode      *a,
                                             gpointer       b_owner,
                                             JsonNode      *b);

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

/* Writing a draft a slice at a time (csn-draft-io.c): csn_draft_to_data() spread over idles. */
typedef struct _CsnDraftWriter CsnDraftWriter;

CsnDraftWriter *csn_draft_writer_new        (CsnDraft       *draft);
gboolean    csn_draft_writer_step           (CsnDraftWriter *writer,
                                             gint64          deadline);
char       *csn_draft_writer_finish         (CsnDraftWriter *writer,
                                             CsnLineage     *lineage,
                                             gsize          *length);
char       *csn_draft_writer_dup_tail       (CsnDraftWriter *writer,
                                             CsnLineage     *lineage,
                                             gsize          *prefix_length);
void        csn_draft_writer_free           (CsnDraftWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnDraftWriter, csn_draft_writer_free)

/* How long each slice of a save's writing out may take (csn-draft-io.c), for tests. */
void        csn_draft_set_save_slice        (CsnDraft       *self,
                                             gint64          slice_us);

G_END_DECLS
