/* csn-settings.c: Consenso's GSettings, and the interface language chosen in Preferences. */
#define G_LOG_DOMAIN "csn-settings"

#include "config.h"

#include "csn-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  return source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
}

/* The settings, or NULL when the schema is not installed (an uninstalled build run outside
 * `meson devenv`): Consenso then works, but remembers nothing. */
GSettings *
csn_settings_new (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  if (schema == NULL)
    {
      static gsize warned;

      if (g_once_init_enter (&warned))
        {
          g_warning ("The settings schema %s is not installed; settings will not be kept", APP_ID);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Called before gettext is set up: a language chosen in Preferences wins over the desktop's. */
void
csn_settings_apply_language (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  /* Without the schema (an uninstalled command-line run) there is no choice to apply. */
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);

  language = g_settings_get_string (settings, "language");
  if (g_strcmp0 (language, "system") != 0)
    g_setenv ("LANGUAGE", language, TRUE);
}
