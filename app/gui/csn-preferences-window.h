/* csn-preferences-window.h: Consenso's preferences: interface language, export language, recovery delay. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_PREFERENCES_WINDOW (csn_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CsnPreferencesWindow, csn_preferences_window, CSN, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CsnPreferencesWindow *csn_preferences_window_new (GtkWindow *parent);

G_END_DECLS
