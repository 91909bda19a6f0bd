/* csn-in-place-editor.c: a widget that can keep the edit under way in one of its controls without the focus leaving it. */
#define G_LOG_DOMAIN "csn-in-place-editor"

#include "config.h"

#include "csn-in-place-editor.h"

G_DEFINE_INTERFACE (CsnInPlaceEditor, csn_in_place_editor, GTK_TYPE_WIDGET)

static void
csn_in_place_editor_default_init (CsnInPlaceEditorInterface *iface)
{
}

/**
 * csn_in_place_editor_commit_edit_of:
 * @focus: the widget that has the focus
 *
 * Commits the edit under way in @focus through the nearest editor around it that takes it (a
 * cell, the Overview's rows, the Document page's texts, the translation editor), where the focus
 * stays. Moving the focus out of the window and back would commit it too, but every widget of the
 * window restyles twice then (:focus-within changes on all its ancestors): 10,000 widgets on a
 * large draft.
 *
 * Returns: %TRUE when an editor committed the edit, %FALSE when the caller must commit otherwise
 */
gboolean
csn_in_place_editor_commit_edit_of (GtkWidget *focus)
{
  g_return_val_if_fail (GTK_IS_WIDGET (focus), FALSE);

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (CSN_IS_IN_PLACE_EDITOR (widget) &&
          CSN_IN_PLACE_EDITOR_GET_IFACE (widget)->commit_edit (CSN_IN_PLACE_EDITOR (widget), focus))
        return TRUE;
    }
  return FALSE;
}
