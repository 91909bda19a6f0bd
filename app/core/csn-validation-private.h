/* csn-validation-private.h: how a draft makes and lets go of its validation. */
#pragma once

#include "csn-validation.h"

G_BEGIN_DECLS

CsnValidation *csn_validation_new    (CsnDraft      *draft);
void           csn_validation_detach (CsnValidation *self);

G_END_DECLS
