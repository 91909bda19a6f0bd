/* csn-preferences-window.c: Consenso's preferences, kept in GSettings. */
#define G_LOG_DOMAIN "csn-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-preferences-window.h"
#include "csn-settings.h"

struct _CsnPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *language_row;
  AdwComboRow          *export_language_row;
  AdwEntryRow          *saved_by_row;
  GtkSpinButton        *autosave_spin;
};

G_DEFINE_FINAL_TYPE (CsnPreferencesWindow, csn_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo rows list their choices in the order of these GSettings values. */
static const char * const interface_languages[] = { "system", "es", "en", NULL };
static const char * const export_languages[] = { "es", "en", NULL };

static gboolean
get_choice_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *current = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], current))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
set_choice_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[index]);
}

static void
on_language_changed_cb (CsnPreferencesWindow *self,
                        const char           *key,
                        GSettings            *settings)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The new language is used the next time Consenso starts")));
}

static void
csn_preferences_window_dispose (GObject *object)
{
  CsnPreferencesWindow *self = CSN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (csn_preferences_window_parent_class)->dispose (object);
}

static void
csn_preferences_window_class_init (CsnPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CsnPreferencesWindow, export_language_row);
  gtk_widget_class_bind_template_child (widget_class, CsnPreferencesWindow, saved_by_row);
  gtk_widget_class_bind_template_child (widget_class, CsnPreferencesWindow, autosave_spin);
}

static void
csn_preferences_window_init (CsnPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = csn_settings_new ();
  if (self->settings == NULL)
    {
      /* Nothing could be kept: say so rather than offer controls that do nothing. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->saved_by_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_spin), FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Preferences cannot be kept: Consenso is not installed")));
      return;
    }

  g_settings_bind_with_mapping (self->settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_choice_mapping, set_choice_mapping,
                                (gpointer) interface_languages, NULL);
  g_settings_bind_with_mapping (self->settings, "export-language", self->export_language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_choice_mapping, set_choice_mapping,
                                (gpointer) export_languages, NULL);
  g_settings_bind (self->settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "saved-by", self->saved_by_row, "text", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (on_language_changed_cb), self, G_CONNECT_SWAPPED);
}

CsnPreferencesWindow *
csn_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CSN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
