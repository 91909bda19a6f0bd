/* positions-sample.h: the member states' positions a test or a screenshot starts from, on the CRM template. */
#pragma once

#include "csn-draft.h"

G_BEGIN_DECLS

void positions_sample_fill (CsnDraft *draft);

G_END_DECLS
