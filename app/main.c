/* main.c: Consenso's entry point; --check, --export-xlsx, --help and --version need no display. */
#define G_LOG_DOMAIN "consenso"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "csn-application.h"
#include "csn-settings.h"
#include "csn-draft.h"
#include "csn-export.h"
#include "csn-item.h"
#include "csn-meeting.h"
#include "csn-open-item.h"
#include "csn-problem.h"
#include "csn-validate.h"


static gboolean
print_problems (const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GListModel) open_items = NULL;
  guint n_problems;

  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      /* The message starts with the file's name; the path the user typed says more. */
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  problems = csn_draft_validate (draft);
  n_problems = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_print ("%s: %s: %s\n", argument, csn_problem_get_place (problem),
               csn_problem_get_message (problem));
    }

  /* What is still open but no problem (a decision to take, data to fill in) is a note: it does
   * not make the check fail. */
  open_items = csn_draft_list_open_items (draft);
  for (guint i = 0, n = g_list_model_get_n_items (open_items); i < n; i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (open_items, i);

      /* Problems were printed above; "note" is not translated, for scripts that look for it. */
      if (csn_open_item_get_problem (open) == NULL)
        g_print ("%s: note: %s: %s\n", argument, csn_open_item_get_place (open),
                 csn_open_item_get_message (open));
    }
  return n_problems == 0;
}

static int
run_check (const char * const *files)
{
  gboolean clean = TRUE;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("--check needs at least one draft file"));
      return EXIT_FAILURE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    clean &= print_problems (files[i]);
  return clean ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
run_export (const char         *output,
            const char         *language_name,
            const char * const *files)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  int language;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("--export-xlsx needs exactly one draft file"));
      return EXIT_FAILURE;
    }
  if (language_name != NULL && !csn_enum_from_nick (CSN_TYPE_LANGUAGE, language_name, &language))
    {
      g_printerr (_("Unknown export language “%s”: use es or en"), language_name);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      /* The message names the draft; say which export it stopped. */
      g_printerr (_("Cannot export %s: %s"), output, error->message);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  /* Without --export-language the workbook speaks the draft's language. */
  if (language_name == NULL)
    language = csn_meeting_get_language (csn_draft_get_meeting (draft));

  if (!csn_export_xlsx (draft, output, language, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
on_handle_local_options_cb (GApplication *app,
                            GVariantDict *options,
                            gpointer      user_data)
{
  g_autofree const char **files = NULL;
  const char *export_output = NULL;
  const char *export_language = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "export-xlsx", "^&ay", &export_output);
  g_variant_dict_lookup (options, "export-language", "&s", &export_language);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "consenso", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (g_variant_dict_contains (options, "check"))
    return run_check (files);
  if (export_output != NULL)
    return run_export (export_output, export_language, files);
  if (export_language != NULL)
    {
      g_printerr ("%s\n", _("--export-language needs --export-xlsx"));
      return EXIT_FAILURE;
    }
  /* Go on: open the window. */
  return -1;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check drafts and print their problems, and as notes what is still open; exit 1 if any has a problem"),
    NULL },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export DRAFT to a spreadsheet (.xlsx) and exit"), N_("OUT.xlsx") },
  { "export-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the spreadsheet: es or en (default: the draft’s language)"), N_("LANGUAGE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  csn_settings_apply_language ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = G_APPLICATION (csn_application_new ());
  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_summary (app,
    _("Prepare the draft recommendations of a CRM working group."));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), NULL);

  return g_application_run (app, argc, argv);
}
