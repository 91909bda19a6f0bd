/* csn-help-window.h: a short user guide, in the interface language, that F1 opens. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_HELP_WINDOW (csn_help_window_get_type ())

G_DECLARE_FINAL_TYPE (CsnHelpWindow, csn_help_window, CSN, HELP_WINDOW, AdwWindow)

CsnHelpWindow *csn_help_window_new (GtkWindow *parent);

G_END_DECLS
