/* csn-narrow-selection.h: a single selection that tells its list view only of the rows whose selection changed. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CSN_TYPE_NARROW_SELECTION (csn_narrow_selection_get_type ())

G_DECLARE_FINAL_TYPE (CsnNarrowSelection, csn_narrow_selection, CSN, NARROW_SELECTION, GObject)

GtkSelectionModel  *csn_narrow_selection_new           (GtkSingleSelection *selection);
GtkSingleSelection *csn_narrow_selection_get_selection (CsnNarrowSelection *self);

G_END_DECLS
