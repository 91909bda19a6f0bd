/* csn-export-delegations-dialog.c: Export for Delegations: the folder for the member states' workbooks (the
 * one last used, else Documents), their language, and the answers' deadline and address, which the
 * draft keeps. The window writes the workbooks once the dialog emits "export". */
#define G_LOG_DOMAIN "csn-export-delegations-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-date-row.h"
#include "csn-delegation-export.h"
#include "csn-export-delegations-dialog.h"
#include "csn-meeting.h"

/* The rows of the language drop-down, in its order. */
enum {
  LANGUAGE_ROW_PER_COUNTRY,
  LANGUAGE_ROW_SPANISH,
  LANGUAGE_ROW_ENGLISH,
};

struct _CsnExportDelegationsDialog
{
  AdwWindow             parent_instance;

  CsnDraft             *draft;
  GFile                *folder;
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup  *workbooks_group;
  AdwActionRow         *folder_row;
  AdwComboRow          *language_row;
  CsnDateRow           *answers_due_row;
  AdwEntryRow          *answers_to_row;
};

G_DEFINE_FINAL_TYPE (CsnExportDelegationsDialog, csn_export_delegations_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_FOLDER,
  N_PROPS
};

enum {
  EXPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The member states, whose delegations get a workbook each. */
static GPtrArray *
list_members (CsnExportDelegationsDialog *self)
{
  GListModel *countries = csn_draft_get_collection (self->draft, CSN_COLLECTION_COUNTRIES);
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);

      if (csn_country_get_membership (country) == CSN_MEMBERSHIP_MEMBER)
        g_ptr_array_add (members, g_steal_pointer (&country));
    }
  return members;
}

/* "Belize, Canada and the United States" */
static char *
join_names (GPtrArray *names)
{
  g_autofree char *head = NULL;

  if (names->len == 0)
    return g_strdup ("");
  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 0; i + 1 < names->len; i++)
    {
      char *joined = head == NULL
                     ? g_strdup (g_ptr_array_index (names, i))
                     /* Translators: joins the first names of a list: "Belize, Canada" */
                     : g_strdup_printf (_("%s, %s"), head, (char *) g_ptr_array_index (names, i));

      g_free (head);
      head = joined;
    }
  /* Translators: joins the last name of a list: "Belize, Canada and the United States" */
  return g_strdup_printf (_("%s and %s"), head, (char *) g_ptr_array_index (names, names->len - 1));
}

static void
update_language_row (CsnExportDelegationsDialog *self)
{
  g_autoptr(GPtrArray) members = list_members (self);
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *names = NULL;
  g_autofree char *subtitle = NULL;

  switch (adw_combo_row_get_selected (self->language_row))
    {
    case LANGUAGE_ROW_SPANISH:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), _("Every workbook in Spanish"));
      return;
    case LANGUAGE_ROW_ENGLISH:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), _("Every workbook in English"));
      return;
    default:
      break;
    }

  for (guint i = 0; i < members->len; i++)
    {
      CsnCountry *country = g_ptr_array_index (members, i);

      if (csn_export_get_country_language (csn_country_get_code (country)) == CSN_LANGUAGE_EN)
        g_ptr_array_add (english, csn_item_dup_title (CSN_ITEM (country)));
    }
  if (english->len == 0)
    subtitle = g_strdup (_("Spanish, which every delegation reads"));
  else
    {
      names = join_names (english);
      /* Translators: the language of each delegation's workbook: "Spanish; English for Belize, Canada and the United States" */
      subtitle = g_strdup_printf (_("Spanish; English for %s"), names);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), subtitle);
}

/* The folder as people read it, and how many workbooks in it the export would replace. */
static void
update_folder_row (CsnExportDelegationsDialog *self)
{
  g_autoptr(GPtrArray) members = list_members (self);
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  int language = csn_export_delegations_dialog_get_language (self);
  guint n_replaced = 0;

  if (self->folder == NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, _("No folder chosen"));
      return;
    }

  shown = g_file_get_parse_name (self->folder);
  if (g_file_peek_path (self->folder) != NULL)
    {
      const char *home = g_get_home_dir ();
      gsize home_length = strlen (home);

      if (g_str_has_prefix (shown, home) && (shown[home_length] == G_DIR_SEPARATOR || shown[home_length] == '\0'))
        {
          char *short_name = g_strconcat ("~", shown + home_length, NULL);

          g_free (shown);
          shown = short_name;
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      CsnCountry *country = g_ptr_array_index (members, i);
      CsnLanguage workbook_language = language == CSN_EXPORT_LANGUAGE_PER_COUNTRY
                                      ? csn_export_get_country_language (csn_country_get_code (country))
                                      : (CsnLanguage) language;
      g_autofree char *name = csn_export_dup_delegation_file (country, workbook_language);
      g_autoptr(GFile) file = g_file_get_child (self->folder, name);

      if (g_file_query_exists (file, NULL))
        n_replaced++;
    }

  if (n_replaced == 0)
    subtitle = g_strdup (shown);
  else
    {
      /* Translators: under the folder of Export for Delegations, when workbooks of the same names are there */
      g_autofree char *replaced = g_strdup_printf (ngettext ("Replaces %u workbook of the same name in it",
                                                             "Replaces %u workbooks of the same names in it",
                                                             n_replaced),
                                                   n_replaced);

      subtitle = g_strdup_printf ("%s\n%s", shown, replaced);
    }
  adw_action_row_set_subtitle (self->folder_row, subtitle);
}

static void
update_workbooks_group (CsnExportDelegationsDialog *self)
{
  g_autoptr(GPtrArray) members = list_members (self);
  g_autofree char *description = NULL;

  /* Translators: the description of Export for Delegations' first group */
  description = g_strdup_printf (ngettext ("%u workbook, for the delegation of the member state to answer in: "
                                           "its stance and a comment on each theme, strategy, mechanism and "
                                           "role proposal, and its endorsement.",
                                           "%u workbooks, one for each member state’s delegation to answer in: "
                                           "its stance and a comment on each theme, strategy, mechanism and "
                                           "role proposal, and its endorsement.",
                                           members->len),
                                 members->len);
  adw_preferences_group_set_description (self->workbooks_group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.export", self->folder != NULL && members->len > 0);
}

static void
on_language_selected_cb (CsnExportDelegationsDialog *self)
{
  update_language_row (self);
  update_folder_row (self);
}

static void
on_chooser_response_cb (CsnExportDelegationsDialog *self,
                        int                         response,
                        GtkFileChooserNative       *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    csn_export_delegations_dialog_set_folder (self, folder);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Folder for the Workbooks"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A deadline that is no date keeps the dialog open, with the row marked. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (widget);

  if (!csn_date_row_commit (self->answers_due_row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->answers_due_row));
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[EXPORT], 0);
}

static void
csn_export_delegations_dialog_dispose (GObject *object)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_EXPORT_DELEGATIONS_DIALOG);
  g_clear_object (&self->draft);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (csn_export_delegations_dialog_parent_class)->dispose (object);
}

static void
csn_export_delegations_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_export_delegations_dialog_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;
    case PROP_FOLDER:
      csn_export_delegations_dialog_set_folder (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_export_delegations_dialog_constructed (GObject *object)
{
  CsnExportDelegationsDialog *self = CSN_EXPORT_DELEGATIONS_DIALOG (object);
  CsnMeeting *meeting;

  G_OBJECT_CLASS (csn_export_delegations_dialog_parent_class)->constructed (object);

  g_assert (CSN_IS_DRAFT (self->draft));
  meeting = csn_draft_get_meeting (self->draft);
  csn_date_row_set_date (self->answers_due_row, csn_meeting_get_answers_due (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->answers_to_row), csn_meeting_get_answers_to (meeting));
  update_workbooks_group (self);
  update_language_row (self);
  update_folder_row (self);
}

static void
csn_export_delegations_dialog_class_init (CsnExportDelegationsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = csn_export_delegations_dialog_constructed;
  object_class->dispose = csn_export_delegations_dialog_dispose;
  object_class->get_property = csn_export_delegations_dialog_get_property;
  object_class->set_property = csn_export_delegations_dialog_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the workbooks go; NULL until one is chosen. */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Export was chosen, with a folder and a deadline that is a date (or none): the caller writes. */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CSN_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-export-delegations-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnExportDelegationsDialog, workbooks_group);
  gtk_widget_class_bind_template_child (widget_class, CsnExportDelegationsDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CsnExportDelegationsDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CsnExportDelegationsDialog, answers_due_row);
  gtk_widget_class_bind_template_child (widget_class, CsnExportDelegationsDialog, answers_to_row);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);

  gtk_widget_class_install_action (widget_class, "dialog.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
csn_export_delegations_dialog_init (CsnExportDelegationsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Asks, over @parent, where and how to export @draft for the delegations, starting in @folder. */
GtkWidget *
csn_export_delegations_dialog_new (GtkWindow *parent,
                                   CsnDraft  *draft,
                                   GFile     *folder)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  return g_object_new (CSN_TYPE_EXPORT_DELEGATIONS_DIALOG,
                       "transient-for", parent,
                       "draft", draft,
                       "folder", folder,
                       NULL);
}

GFile *
csn_export_delegations_dialog_get_folder (CsnExportDelegationsDialog *self)
{
  g_return_val_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self), NULL);
  return self->folder;
}

void
csn_export_delegations_dialog_set_folder (CsnExportDelegationsDialog *self,
                                          GFile                      *folder)
{
  g_return_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->folder == folder || (self->folder != NULL && folder != NULL && g_file_equal (self->folder, folder)))
    return;
  g_set_object (&self->folder, folder);
  if (self->draft != NULL)
    {
      update_folder_row (self);
      update_workbooks_group (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

/* CSN_EXPORT_LANGUAGE_PER_COUNTRY, CSN_LANGUAGE_ES or CSN_LANGUAGE_EN. */
int
csn_export_delegations_dialog_get_language (CsnExportDelegationsDialog *self)
{
  g_return_val_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self), CSN_EXPORT_LANGUAGE_PER_COUNTRY);

  switch (adw_combo_row_get_selected (self->language_row))
    {
    case LANGUAGE_ROW_SPANISH:
      return CSN_LANGUAGE_ES;
    case LANGUAGE_ROW_ENGLISH:
      return CSN_LANGUAGE_EN;
    default:
      return CSN_EXPORT_LANGUAGE_PER_COUNTRY;
    }
}

void
csn_export_delegations_dialog_set_language (CsnExportDelegationsDialog *self,
                                            int                         language)
{
  g_return_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self));
  g_return_if_fail (language == CSN_EXPORT_LANGUAGE_PER_COUNTRY || language == CSN_LANGUAGE_ES ||
                    language == CSN_LANGUAGE_EN);

  adw_combo_row_set_selected (self->language_row,
                              language == CSN_LANGUAGE_ES ? LANGUAGE_ROW_SPANISH
                              : language == CSN_LANGUAGE_EN ? LANGUAGE_ROW_ENGLISH
                              : LANGUAGE_ROW_PER_COUNTRY);
}

/* The answers' deadline, YYYY-MM-DD or NULL, as last committed in its row. */
const char *
csn_export_delegations_dialog_get_answers_due (CsnExportDelegationsDialog *self)
{
  g_return_val_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self), NULL);
  return csn_date_row_get_date (self->answers_due_row);
}

/* Where the answers go back, as typed. */
const char *
csn_export_delegations_dialog_get_answers_to (CsnExportDelegationsDialog *self)
{
  g_return_val_if_fail (CSN_IS_EXPORT_DELEGATIONS_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->answers_to_row));
}
