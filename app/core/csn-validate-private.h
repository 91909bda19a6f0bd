/* csn-validate-private.h: a draft's validation made a slice at a time, between frames. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

typedef struct _CsnValidator CsnValidator;

CsnValidator *csn_validator_new    (CsnDraft     *draft);
gboolean      csn_validator_step   (CsnValidator *self,
                                    gint64        deadline);
GListModel   *csn_validator_finish (CsnValidator *self);
void          csn_validator_free   (CsnValidator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnValidator, csn_validator_free)

G_END_DECLS
