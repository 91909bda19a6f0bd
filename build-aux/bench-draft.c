/* bench-draft.c: the large draft the benchmarks share (issue 16), generated from the built-in template. */
#define G_LOG_DOMAIN "bench-draft"

#include "config.h"

#include <json-glib/json-glib.h>

#include "bench-draft.h"

static const char *words[] = {
  "migración", "protección", "consular", "niñez", "no", "acompañada", "retorno", "reintegración",
  "trata", "personas", "tráfico", "ilícito", "migrantes", "flujos", "mixtos", "extrarregionales",
  "cooperación", "regional", "fortalecimiento", "capacidades", "institucionales", "derechos",
  "humanos", "desarrollo", "laboral", "mecanismo", "seguimiento", "evaluación", "país", "red",
};

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

static void
append_text_member (GString    *out,
                    const char *key,
                    GRand      *rand,
                    guint       n_words)
{
  g_string_append_printf (out, "\"%s\": \"", key);
  append_words (out, rand, n_words);
  g_string_append (out, "\", ");
}

/* A fifth of the large draft is @factor 0.2; every list keeps at least one item. */
void
bench_draft_size_scale (BenchDraftSize *size,
                        double          factor)
{
  size->themes = MAX (1, (guint) (size->themes * factor + 0.5));
  size->strategies = MAX (1, (guint) (size->strategies * factor + 0.5));
  size->role_proposals = MAX (1, (guint) (size->role_proposals * factor + 0.5));
  size->participants = MAX (1, (guint) (size->participants * factor + 0.5));
}

/* The built-in template with its lists grown to @size, as JSON text on one line. The same seed
 * gives the same draft every time, so figures of different runs and machines compare. */
GString *
bench_draft_generate_json (const BenchDraftSize *size)
{
  g_autoptr(CsnDraft) template = csn_draft_new_from_template ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20101125);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GString *out;
  JsonObject *root;
  const char *countries[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
  const char *horizons[] = { "short-term", "medium-term", "undecided" };
  const char *actors[] = { "ppt", "st", "rrocm", "observer-countries", "international-organizations" };
  const char *keep[] = { "meeting", "countries", "pillars", "actors", "mechanisms", "endorsements" };
  guint n_themes = MAX (size->themes, 1);
  gsize length;

  data = csn_draft_to_data (template, &length);
  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("%s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));

  out = g_string_new ("{ \"format\": \"consenso-draft\", \"version\": 1, ");
  for (guint i = 0; i < G_N_ELEMENTS (keep); i++)
    {
      g_autofree char *member = NULL;

      json_generator_set_root (generator, json_object_get_member (root, keep[i]));
      member = json_generator_to_data (generator, NULL);
      g_string_append_printf (out, "\"%s\": %s, ", keep[i], member);
    }

  g_string_append (out, "\"themes\": [");
  for (guint i = 0; i < n_themes; i++)
    {
      g_string_append_printf (out, "%s{ \"id\": \"theme-%u\", ", i > 0 ? ", " : "", i + 1);
      append_text_member (out, "title", rand, 8);
      append_text_member (out, "description", rand, 50);
      append_text_member (out, "notes", rand, 15);
      g_string_append_printf (out, "\"pillar\": \"%s\", \"raised_by\": [",
                              (const char *[]) { "policy-management", "human-rights", "development" }[i % 3]);
      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        if (g_rand_boolean (rand))
          g_string_append_printf (out, "%s\"%s\"", out->str[out->len - 1] == '[' ? "" : ", ", countries[c]);
      g_string_append_printf (out, "], \"horizon\": \"%s\", \"consensus\": \"reservations\", "
                              "\"reservations\": [ { \"country\": \"CA\", \"text\": \"", horizons[i % 3]);
      append_words (out, rand, 12);
      g_string_append (out, "\" } ] }");
    }
  g_string_append (out, "], \"strategies\": [");
  for (guint i = 0; i < size->strategies; i++)
    {
      g_string_append_printf (out, "%s{ \"id\": \"strategy-%u\", \"theme\": \"theme-%u\", ",
                              i > 0 ? ", " : "", i + 1, i % n_themes + 1);
      append_text_member (out, "description", rand, 30);
      append_text_member (out, "notes", rand, 12);
      g_string_append_printf (out, "\"mechanism\": \"workshop\", \"lead\": \"%s\", "
                              "\"support\": [\"%s\", \"%s\"], \"horizon\": \"%s\" }",
                              actors[i % 5], actors[(i + 1) % 5], actors[(i + 2) % 5], horizons[i % 3]);
    }
  g_string_append (out, "], \"role_proposals\": [");
  for (guint i = 0; i < size->role_proposals; i++)
    {
      g_string_append_printf (out, "%s{ \"id\": \"role-%u\", \"actor\": \"%s\", \"change\": \"modify\", ",
                              i > 0 ? ", " : "", i + 1, actors[i % 5]);
      append_text_member (out, "attribution", rand, 25);
      append_text_member (out, "rationale", rand, 25);
      g_string_append_printf (out, "\"supported_by\": [\"%s\", \"MX\"], \"status\": \"proposed\" }",
                              countries[i % G_N_ELEMENTS (countries)]);
    }
  g_string_append (out, "], \"participants\": [");
  for (guint i = 0; i < size->participants; i++)
    {
      g_string_append_printf (out, "%s{ \"id\": \"participant-%u\", \"country\": \"%s\", "
                              "\"email\": \"delegate%u@example.org\", \"role\": \"delegate\", ",
                              i > 0 ? ", " : "", i + 1, countries[i % G_N_ELEMENTS (countries)], i + 1);
      append_text_member (out, "name", rand, 3);
      append_text_member (out, "position", rand, 5);
      g_string_truncate (out, out->len - 2);
      g_string_append (out, " }");
    }
  g_string_append (out, "] }");
  return out;
}

/* The draft of bench_draft_generate_json(), through the real reader. */
CsnDraft *
bench_draft_generate (const BenchDraftSize *size)
{
  g_autoptr(GString) json = bench_draft_generate_json (size);
  g_autoptr(GError) error = NULL;
  CsnDraft *draft;

  draft = csn_draft_load_from_data (json->str, json->len, "bench.consenso", &error);
  if (draft == NULL)
    g_error ("%s", error->message);
  return draft;
}
