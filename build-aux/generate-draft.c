/* generate-draft.c: writes the large draft of issue 16 (or a scaled one) as Consenso saves it. */
#define G_LOG_DOMAIN "generate-draft"

#include "config.h"

#include <locale.h>

#include "bench-draft.h"
#include "csn-draft.h"

int
main (int   argc,
      char *argv[])
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.consenso");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  gsize length;
  double scale = 1.0;
  gboolean raw = FALSE;
  int themes = -1, strategies = -1, role_proposals = -1, participants = -1;
  const GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale,
      "Scale every list of the large draft (0.2: a fifth)", "FACTOR" },
    { "themes", 0, 0, G_OPTION_ARG_INT, &themes, "Themes (default 500)", "N" },
    { "strategies", 0, 0, G_OPTION_ARG_INT, &strategies, "Strategies (default 5000)", "N" },
    { "role-proposals", 0, 0, G_OPTION_ARG_INT, &role_proposals, "Role proposals (default 2000)", "N" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &participants, "Participants (default 1000)", "N" },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw,
      "Write the generated JSON on one line instead of the file Consenso would save", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Writes a generated draft: the built-in template with 500 themes, 5,000 strategies,\n"
    "2,000 role proposals and 1,000 participants unless told otherwise. The same\n"
    "options always write the same file.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || scale <= 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: generate-draft [OPTION…] OUT.consenso");
      return 2;
    }

  bench_draft_size_scale (&size, scale);
  if (themes > 0)
    size.themes = themes;
  if (strategies >= 0)
    size.strategies = strategies;
  if (role_proposals >= 0)
    size.role_proposals = role_proposals;
  if (participants >= 0)
    size.participants = participants;

  if (raw)
    {
      g_autoptr(GString) json = bench_draft_generate_json (&size);

      length = json->len;
      data = g_string_free (g_steal_pointer (&json), FALSE);
    }
  else
    {
      draft = bench_draft_generate (&size);
      data = csn_draft_to_data (draft, &length);
    }
  if (!g_file_set_contents (argv[1], data, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
