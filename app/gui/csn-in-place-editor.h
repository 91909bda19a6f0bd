/* csn-in-place-editor.h: a widget that can keep the edit under way in one of its controls without the focus leaving it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CSN_TYPE_IN_PLACE_EDITOR (csn_in_place_editor_get_type ())

G_DECLARE_INTERFACE (CsnInPlaceEditor, csn_in_place_editor, CSN, IN_PLACE_EDITOR, GtkWidget)

struct _CsnInPlaceEditorInterface
{
  GTypeInterface g_iface;

  /* Commits the edit that @focus, a widget inside the editor, holds, as the focus leaving it
   * would, and keeps the focus there. Returns FALSE when @focus is in none of its editing
   * controls. */
  gboolean (*commit_edit) (CsnInPlaceEditor *self,
                           GtkWidget        *focus);
};

gboolean csn_in_place_editor_commit_edit_of (GtkWidget *focus);

G_END_DECLS
