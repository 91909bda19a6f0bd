/* csn-position-index.h: the member states' positions on each item of a draft, found by item and country, and the edits that note them. */
#pragma once

#include "csn-enums.h"
#include "csn-types.h"

G_BEGIN_DECLS

/* How the positions stand against a theme's consensus, which the co-chairs decide. */
typedef enum {
  CSN_CONSENSUS_CONFLICT_NONE,
  CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED,        /* agreed (or with reservations), yet some object */
  CSN_CONSENSUS_CONFLICT_AGREED_BUT_RESERVED,        /* agreed without reservations, yet some have one */
  CSN_CONSENSUS_CONFLICT_RESERVED_BUT_ALL_SUPPORT,   /* with reservations, yet every member supports plainly */
  CSN_CONSENSUS_CONFLICT_PENDING_BUT_ALL_SUPPORT,    /* pending, yet every member supports */
} CsnConsensusConflict;

#define CSN_TYPE_POSITION_INDEX (csn_position_index_get_type ())

G_DECLARE_FINAL_TYPE (CsnPositionIndex, csn_position_index, CSN, POSITION_INDEX, GObject)

CsnPositionIndex    *csn_position_index_get_for_draft (CsnDraft         *draft);

guint                csn_position_index_get_n_members (CsnPositionIndex *self);
CsnCountry          *csn_position_index_get_member    (CsnPositionIndex *self,
                                                       guint             member);
int                  csn_position_index_find_member   (CsnPositionIndex *self,
                                                       const char       *country);
CsnPosition * const *csn_position_index_get_positions (CsnPositionIndex *self,
                                                       const char       *item);
CsnPosition         *csn_position_index_lookup        (CsnPositionIndex *self,
                                                       const char       *item,
                                                       const char       *country);
guint                csn_position_index_count         (CsnPositionIndex *self,
                                                       const char       *item,
                                                       CsnStance         stance);
CsnConsensusConflict csn_position_index_check_consensus (CsnPositionIndex *self,
                                                         CsnItem          *theme,
                                                         GPtrArray       **countries);

/* Undoable edits, each one step. */
void                 csn_draft_note_position          (CsnDraft         *draft,
                                                       CsnItem          *item,
                                                       const char       *country,
                                                       CsnStance         stance,
                                                       const char       *comment);
void                 csn_draft_forget_position        (CsnDraft         *draft,
                                                       CsnPosition      *position);

G_END_DECLS
