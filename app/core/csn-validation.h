/* csn-validation.h: one validation of a draft, remade once at idle after its changes, that every view
 * reads: the problems, what is still open, each delegation against its quota, each item's problems. */
#pragma once

#include <gio/gio.h>

#include "csn-draft-figures.h"
#include "csn-problem.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_TYPE_VALIDATION (csn_validation_get_type ())

G_DECLARE_FINAL_TYPE (CsnValidation, csn_validation, CSN, VALIDATION, GObject)

CsnValidation   *csn_draft_get_validation             (CsnDraft      *draft);

CsnDraft        *csn_validation_get_draft             (CsnValidation *self);
GListModel      *csn_validation_get_problems          (CsnValidation *self);
GListModel      *csn_validation_get_open_items        (CsnValidation *self);
CsnDraftFigures *csn_validation_get_figures           (CsnValidation *self);
CsnProblem      *csn_validation_get_quota_problem     (CsnValidation *self,
                                                       const char    *country);
char            *csn_validation_dup_quota_warning     (CsnValidation *self,
                                                       CsnCountry    *country);
GPtrArray       *csn_validation_get_item_problems     (CsnValidation *self,
                                                       CsnItem       *item);
gboolean         csn_validation_get_pending           (CsnValidation *self);
void             csn_validation_update_now            (CsnValidation *self);

G_END_DECLS
