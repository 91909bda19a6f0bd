/* csn-settings.h: Consenso's GSettings, and the interface language chosen in Preferences. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *csn_settings_new            (void);
void       csn_settings_apply_language (void);

G_END_DECLS
