/* csn-application.c: the Consenso application: one window per open draft. */
#define G_LOG_DOMAIN "csn-application"

#include "config.h"

#include "csn-application.h"

struct _CsnApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnApplication, csn_application, ADW_TYPE_APPLICATION)

static void
csn_application_class_init (CsnApplicationClass *klass)
{
}

static void
csn_application_init (CsnApplication *self)
{
}

CsnApplication *
csn_application_new (void)
{
  return g_object_new (CSN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
