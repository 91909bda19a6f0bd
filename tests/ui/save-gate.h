/* save-gate.h: holds a save's worker thread at its last step until the test lets it finish. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  save_gate_close       (const char *folder);
void  save_gate_close_files (const char *folder);
void  save_gate_open        (void);
guint save_gate_get_n_held  (void);

G_END_DECLS
