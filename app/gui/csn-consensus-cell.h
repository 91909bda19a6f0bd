/* csn-consensus-cell.h: a theme's consensus, which the co-chairs decide, marked when the positions contradict it. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_CONSENSUS_CELL (csn_consensus_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnConsensusCell, csn_consensus_cell, CSN, CONSENSUS_CELL, CsnCell)

const char *csn_consensus_cell_get_conflict (CsnConsensusCell *self);

G_END_DECLS
