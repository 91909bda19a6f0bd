/* csn-application.h: the Consenso application: one window per open draft. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

/* How many drafts Open Recent lists. */
#define CSN_MAX_RECENT_FILES 10

#define CSN_TYPE_APPLICATION (csn_application_get_type ())

G_DECLARE_FINAL_TYPE (CsnApplication, csn_application, CSN, APPLICATION, AdwApplication)

CsnApplication *csn_application_new             (void);
void            csn_application_open_file        (CsnApplication *self,
                                                  GFile          *file,
                                                  GtkWindow      *from);
void            csn_application_add_recent       (CsnApplication *self,
                                                  GFile          *file);
CsnDraft       *csn_application_create_blank_draft (void);

G_END_DECLS
