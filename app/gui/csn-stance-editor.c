/* csn-stance-editor.c: the popover in which the co-chairs set one member state's stance and comment on one item. */
#define G_LOG_DOMAIN "csn-stance-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-date-text.h"
#include "csn-describe.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-stance-editor.h"
#include "csn-stance-util.h"
#include "csn-tooltip-util.h"

#define N_STANCES (CSN_STANCE_NO_POSITION + 1)

struct _CsnStanceEditor
{
  GtkPopover      parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *item_label;
  GtkBox         *stance_box;
  GtkTextView    *comment_view;
  GtkLabel       *source_label;
  GtkButton      *remove_button;
  GtkButton      *set_button;
  GtkCheckButton *stance_buttons[N_STANCES];

  CsnDraft       *draft;
  CsnItem        *item;
  char           *country;
};

G_DEFINE_FINAL_TYPE (CsnStanceEditor, csn_stance_editor, GTK_TYPE_POPOVER)

static CsnPosition *
lookup_position (CsnStanceEditor *self)
{
  if (self->draft == NULL || self->item == NULL)
    return NULL;
  return csn_position_index_lookup (csn_position_index_get_for_draft (self->draft),
                                    csn_item_get_key (self->item), self->country);
}

/* The item may have gone while the editor was open (an undo, a removal elsewhere). */
static gboolean
item_in_draft (CsnStanceEditor *self)
{
  return self->draft != NULL && self->item != NULL &&
         csn_draft_lookup (self->draft, CSN_COLLECTION_AGENDA, csn_item_get_key (self->item)) == self->item;
}

static void
update_actions (CsnStanceEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.set",
                                 item_in_draft (self) && csn_stance_editor_get_stance (self) != CSN_STANCE_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove",
                                 item_in_draft (self) && lookup_position (self) != NULL);
}

static void
on_stance_toggled_cb (CsnStanceEditor *self,
                      GtkCheckButton  *button)
{
  update_actions (self);
}

static char *
dup_comment (CsnStanceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CsnStanceEditor *self = CSN_STANCE_EDITOR (widget);
  int stance = csn_stance_editor_get_stance (self);
  g_autofree char *comment = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnItem) item = NULL;

  if (!item_in_draft (self) || stance == CSN_STANCE_NONE)
    return;

  comment = dup_comment (self);
  draft = g_object_ref (self->draft);
  item = g_object_ref (self->item);
  gtk_popover_popdown (GTK_POPOVER (self));
  csn_draft_note_position (draft, item, self->country, stance, comment);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnStanceEditor *self = CSN_STANCE_EDITOR (widget);
  CsnPosition *position = lookup_position (self);
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnPosition) kept = NULL;

  if (!item_in_draft (self) || position == NULL)
    return;

  draft = g_object_ref (self->draft);
  kept = g_object_ref (position);
  gtk_popover_popdown (GTK_POPOVER (self));
  csn_draft_forget_position (draft, kept);
}

/* Focus goes back to the mark the editor was opened from. */
static void
on_closed_cb (CsnStanceEditor *self)
{
  GtkWidget *anchor = gtk_widget_get_parent (GTK_WIDGET (self));

  if (anchor != NULL && gtk_widget_get_mapped (anchor))
    gtk_widget_grab_focus (anchor);
  g_clear_object (&self->draft);
  g_clear_object (&self->item);
}

static void
csn_stance_editor_dispose (GObject *object)
{
  CsnStanceEditor *self = CSN_STANCE_EDITOR (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_STANCE_EDITOR);

  G_OBJECT_CLASS (csn_stance_editor_parent_class)->dispose (object);
}

static void
csn_stance_editor_finalize (GObject *object)
{
  g_free (CSN_STANCE_EDITOR (object)->country);

  G_OBJECT_CLASS (csn_stance_editor_parent_class)->finalize (object);
}

static void
csn_stance_editor_class_init (CsnStanceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_stance_editor_dispose;
  object_class->finalize = csn_stance_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-stance-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, item_label);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, stance_box);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, comment_view);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, source_label);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CsnStanceEditor, set_button);
  gtk_widget_class_bind_template_callback (widget_class, on_closed_cb);

  gtk_widget_class_install_action (widget_class, "editor.set", NULL, set_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.set", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.set", NULL);
}

static void
csn_stance_editor_init (CsnStanceEditor *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The stances in the order of the file, each with the icon the strips show. */
  for (int stance = 0; stance < N_STANCES; stance++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (csn_stance_get_label (stance));

      gtk_box_append (GTK_BOX (box), csn_stance_image_new (stance));
      gtk_box_append (GTK_BOX (box), label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, csn_stance_get_label (stance),
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_stance_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->stance_box, button);
      self->stance_buttons[stance] = GTK_CHECK_BUTTON (button);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (button);
    }
  update_actions (self);
}

CsnStanceEditor *
csn_stance_editor_new (void)
{
  return g_object_new (CSN_TYPE_STANCE_EDITOR, NULL);
}

static void
fill (CsnStanceEditor *self)
{
  CsnPosition *position = lookup_position (self);
  g_autofree char *country = csn_draft_dup_ref_title (self->draft, CSN_COLLECTION_COUNTRIES, self->country);
  g_autofree char *item = csn_describe_item (self->draft, self->item);
  g_autofree char *title = NULL;
  int stance = position != NULL ? (int) csn_position_get_stance (position) : CSN_STANCE_NONE;

  /* Translators: the heading of the stance editor, "Position of México" */
  title = g_strdup_printf (_("Position of %s"), country);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->item_label, item);
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->item_label), item);
  csn_stance_editor_set_stance (self, stance);
  csn_stance_editor_set_comment (self, position != NULL ? csn_position_get_comment (position) : "");

  if (position != NULL)
    {
      const char *source = csn_enum_get_label (CSN_TYPE_POSITION_SOURCE, csn_position_get_source (position));
      const char *received = csn_position_get_received (position);
      g_autofree char *text = NULL;

      if (received != NULL && received[0] != '\0')
        {
          g_autofree char *date = csn_date_text_format (received);

          /* Translators: where and when a position came from, in the stance editor: "Returned workbook, 3 Oct 2011" */
          text = g_strdup_printf (_("%s, %s"), source, date);
        }
      else
        text = g_strdup (source);
      gtk_label_set_label (self->source_label, text);
    }
  else
    gtk_label_set_label (self->source_label, _("No answer yet: the position will be noted as said in the meeting, today."));
  update_actions (self);
}

static void
release_shared (gpointer data)
{
  GtkWidget *editor = data;

  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);
  g_object_unref (editor);
}

/**
 * csn_stance_editor_get_shared:
 *
 * Returns: (transfer none): the editor the list showing @widget shares among its strips, made
 * when first asked for (a page opens with no editor until someone edits a stance)
 */
CsnStanceEditor *
csn_stance_editor_get_shared (GtkWidget *widget)
{
  static GQuark quark;
  GtkWidget *owner;
  CsnStanceEditor *editor;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("csn-stance-editor");
  owner = gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW);
  if (owner == NULL)
    owner = widget;
  editor = g_object_get_qdata (G_OBJECT (owner), quark);
  if (editor == NULL)
    {
      editor = g_object_ref_sink (csn_stance_editor_new ());
      g_object_set_qdata_full (G_OBJECT (owner), quark, editor, release_shared);
    }
  return editor;
}

/**
 * csn_stance_editor_edit:
 * @anchor: the widget the editor points at; it must present its popover children when allocated
 * @area: (nullable): the part of @anchor to point at
 *
 * Opens the editor on @country's position on @item, pointing at @area of @anchor.
 */
void
csn_stance_editor_edit (CsnStanceEditor    *self,
                        GtkWidget          *anchor,
                        const GdkRectangle *area,
                        CsnDraft           *draft,
                        CsnItem            *item,
                        const char         *country)
{
  GtkWidget *parent;

  g_return_if_fail (CSN_IS_STANCE_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (anchor));
  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (CSN_IS_ITEM (item));
  g_return_if_fail (country != NULL);

  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != anchor)
    {
      if (parent != NULL)
        {
          gtk_popover_popdown (GTK_POPOVER (self));
          gtk_widget_unparent (GTK_WIDGET (self));
        }
      gtk_widget_set_parent (GTK_WIDGET (self), anchor);
    }

  g_set_object (&self->draft, draft);
  g_set_object (&self->item, item);
  g_free (self->country);
  self->country = g_strdup (country);
  fill (self);

  gtk_popover_set_pointing_to (GTK_POPOVER (self), area);
  gtk_popover_popup (GTK_POPOVER (self));
  if (csn_stance_editor_get_stance (self) != CSN_STANCE_NONE)
    gtk_widget_grab_focus (GTK_WIDGET (self->stance_buttons[csn_stance_editor_get_stance (self)]));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->stance_buttons[0]));
}

CsnItem *
csn_stance_editor_get_item (CsnStanceEditor *self)
{
  g_return_val_if_fail (CSN_IS_STANCE_EDITOR (self), NULL);
  return self->item;
}

const char *
csn_stance_editor_get_country (CsnStanceEditor *self)
{
  g_return_val_if_fail (CSN_IS_STANCE_EDITOR (self), NULL);
  return self->country;
}

/* The stance chosen, or CSN_STANCE_NONE. */
int
csn_stance_editor_get_stance (CsnStanceEditor *self)
{
  g_return_val_if_fail (CSN_IS_STANCE_EDITOR (self), CSN_STANCE_NONE);

  for (int stance = 0; stance < N_STANCES; stance++)
    if (self->stance_buttons[stance] != NULL && gtk_check_button_get_active (self->stance_buttons[stance]))
      return stance;
  return CSN_STANCE_NONE;
}

void
csn_stance_editor_set_stance (CsnStanceEditor *self,
                              int              stance)
{
  g_return_if_fail (CSN_IS_STANCE_EDITOR (self));
  g_return_if_fail (stance >= CSN_STANCE_NONE && stance < N_STANCES);

  if (stance == CSN_STANCE_NONE)
    for (int i = 0; i < N_STANCES; i++)
      gtk_check_button_set_active (self->stance_buttons[i], FALSE);
  else
    gtk_check_button_set_active (self->stance_buttons[stance], TRUE);
  update_actions (self);
}

void
csn_stance_editor_set_comment (CsnStanceEditor *self,
                               const char      *comment)
{
  g_return_if_fail (CSN_IS_STANCE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), comment != NULL ? comment : "", -1);
}
