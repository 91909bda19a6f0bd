/* test-document.c: the recommendations document's layout model, its pages and its export API. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "consenso-core.h"
#include "csn-document.h"
#include "csn-document-export.h"
#include "csn-document-pages.h"
#include "csn-export.h"
#include "csn-pdf-writer.h"

static CsnDraft *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "sample.consenso", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  return draft;
}

static char *
text_of (const CsnDocumentText *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < text->n_runs; i++)
    if (text->runs[i].flags & CSN_DOCUMENT_RUN_FOOTNOTE)
      g_string_append_printf (out, "^%u", text->runs[i].footnote + 1);
    else if (!(text->runs[i].flags & CSN_DOCUMENT_RUN_SUPERSCRIPT))
      g_string_append_len (out, text->runs[i].text, text->runs[i].length);
  return g_string_free (out, FALSE);
}

static char *
block_text (CsnDocument *doc,
            guint        index)
{
  const CsnDocumentBlock *block = csn_document_get_block (doc, index);
  g_autofree char *text = text_of (&block->text);

  return block->number != NULL ? g_strconcat (block->number, " ", text, NULL) : g_steal_pointer (&text);
}

static int
find_block_with (CsnDocument      *doc,
                 CsnDocumentStyle  style,
                 const char       *prefix)
{
  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);
      g_autofree char *text = NULL;

      if (block->kind != CSN_DOCUMENT_BLOCK_PARAGRAPH || block->style != style)
        continue;
      text = block_text (doc, i);
      if (g_str_has_prefix (text, prefix))
        return i;
    }
  return -1;
}

static GPtrArray *
blocks_of_style (CsnDocument      *doc,
                 CsnDocumentStyle  style)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    if (csn_document_get_block (doc, i)->kind == CSN_DOCUMENT_BLOCK_PARAGRAPH &&
        csn_document_get_block (doc, i)->style == style)
      g_ptr_array_add (texts, block_text (doc, i));
  return texts;
}

static void
assert_texts (GPtrArray          *texts,
              const char * const *expected)
{
  for (guint i = 0; i < texts->len || expected[i] != NULL; i++)
    {
      g_assert_nonnull (expected[i]);
      g_assert_cmpuint (i, <, texts->len);
      g_assert_cmpstr (g_ptr_array_index (texts, i), ==, expected[i]);
    }
}

static gboolean
text_has_bracket (const CsnDocumentText *text)
{
  for (guint i = 0; i < text->n_runs; i++)
    if (memchr (text->runs[i].text, '[', text->runs[i].length) != NULL ||
        memchr (text->runs[i].text, ']', text->runs[i].length) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
document_has_bracket (CsnDocument *doc)
{
  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);

      if (text_has_bracket (&block->text))
        return TRUE;
      for (guint r = 0; block->table != NULL && r < block->table->n_rows; r++)
        for (guint c = 0; c < block->table->rows[r].n_cells; c++)
          if (text_has_bracket (&block->table->rows[r].cells[c].text))
            return TRUE;
    }
  for (guint i = 0; i < csn_document_get_n_footnotes (doc); i++)
    if (text_has_bracket (&csn_document_get_footnote (doc, i)->text))
      return TRUE;
  return FALSE;
}

static void
set_status (CsnDraft         *draft,
            CsnMeetingStatus  status)
{
  csn_draft_set_enum (draft, CSN_ITEM (csn_draft_get_meeting (draft)), CSN_MEETING_PROP_STATUS, status);
}

static void
test_structure (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  g_autoptr(GPtrArray) headings = blocks_of_style (doc, CSN_DOCUMENT_STYLE_HEADING_1);
  g_autoptr(GPtrArray) horizons = blocks_of_style (doc, CSN_DOCUMENT_STYLE_HEADING_2);
  g_autoptr(GPtrArray) groups = blocks_of_style (doc, CSN_DOCUMENT_STYLE_HEADING_3);
  g_autoptr(GPtrArray) status = blocks_of_style (doc, CSN_DOCUMENT_STYLE_STATUS);
  g_autoptr(GPtrArray) meeting = blocks_of_style (doc, CSN_DOCUMENT_STYLE_MEETING);
  const char * const expected_headings[] = {
    "I. Antecedentes", "II. Temas recomendados",
    "III. Consideraciones sobre los mecanismos de la Conferencia",
    "IV. Papel y atribuciones de los actores", "V. Próximos pasos",
    "Anexo I. Lista de participantes", "Anexo II. Matriz de temas", NULL
  };
  const char * const expected_horizons[] = { "A. Corto plazo", "B. Mediano plazo", "C. Plazo por definir", NULL };
  const char * const expected_groups[] = {
    "Políticas y Gestión Migratoria", "Derechos Humanos", "Políticas y Gestión Migratoria",
    "Derechos Humanos", "Presidencia Pro Témpore (PPT)", "Secretaría Técnica (ST)", NULL
  };
  const char * const expected_status[] = { "Borrador", "Original: español", "25 de noviembre de 2010", NULL };
  const char * const expected_meeting[] = {
    "Grupo de Trabajo para el fortalecimiento y la actualización de la CRM",
    "San José, Costa Rica, del 24 al 26 de noviembre de 2010", NULL
  };
  guint expected_number = 0;

  assert_texts (headings, expected_headings);
  assert_texts (horizons, expected_horizons);
  assert_texts (groups, expected_groups);
  assert_texts (status, expected_status);
  assert_texts (meeting, expected_meeting);
  g_assert_cmpstr (csn_document_get_title (doc), ==, "Propuestas y recomendaciones del Grupo de Trabajo");
  g_assert_cmpstr (csn_document_get_header_end (doc), ==, "BORRADOR");
  g_assert_cmpstr (csn_document_get_first_header (doc), ==, "BORRADOR");

  /* One paragraph numbering, continuous across sections. */
  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);
      g_autofree char *number = NULL;

      if (block->kind != CSN_DOCUMENT_BLOCK_PARAGRAPH || block->style != CSN_DOCUMENT_STYLE_NUMBERED)
        continue;
      number = g_strdup_printf ("%u.", ++expected_number);
      g_assert_cmpstr (block->number, ==, number);
      g_assert_cmpuint (block->paragraph, ==, expected_number);
    }
  g_assert_cmpuint (expected_number, ==, 14);

  /* Themes by horizon, then pillar, then list order; strategies lettered under them. */
  {
    int short_a = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "3. Trata de personas. Prevención");
    int consular = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "4. Protección consular.");
    int children = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "5. [Niñez migrante.");
    int ret = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "6. Retorno y reintegración.");
    int labour = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "7. Migración laboral.");
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_cmpint (short_a, >, 0);
    g_assert_cmpint (consular, >, short_a);
    g_assert_cmpint (children, >, consular);
    g_assert_cmpint (ret, >, children);
    g_assert_cmpint (labour, >, ret);
    a = block_text (doc, short_a + 1);
    b = block_text (doc, short_a + 2);
    g_assert_cmpstr (a, ==, "a) Fortalecer la red de funcionarios de enlace. Mecanismo: Red de funcionarios de enlace. "
                            "A cargo de: Secretaría Técnica (ST). Con el apoyo de: Presidencia Pro Témpore (PPT).");
    g_assert_true (g_str_has_prefix (b, "b) Taller regional sobre identificación de víctimas. Mecanismo: Taller."));
    g_assert_cmpint (csn_document_get_block (doc, short_a + 3)->style, ==, CSN_DOCUMENT_STYLE_NUMBERED);
  }

  /* The preamble names the co-chairs and the states present, members in the Conference's order. */
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_BODY,
                                    "Copresidieron los trabajos del Grupo la Presidencia Pro Témpore, a cargo de República Dominicana, un representante de México y la Secretaría Técnica"), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_BODY,
                                    "Participaron en la reunión las delegaciones de los siguientes Estados Miembros: Belice y México."), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_BODY, "Asistieron asimismo los siguientes países observadores: Colombia."), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_BODY, "Como resultado de sus trabajos"), >, 0);

  /* Rejected proposals never appear; the not assessed mechanism without text neither. */
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "11. Añadir: Dar seguimiento"), >, 0);
  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      g_autofree char *text = block_text (doc, i);

      g_assert_null (strstr (text, "Administrar el fondo"));
      g_assert_null (strstr (text, "Secretaría Virtual"));
    }
}

static void
test_footnotes (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  int trafficking = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "3. Trata de personas.");
  int ret = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "6. Retorno");
  const char * const expected[] = {
    "La delegación de Canadá formuló una reserva: reserva su posición sobre la cooperación judicial.",
    "La delegación de Estados Unidos formuló una reserva sobre este párrafo.",
    "La delegación de México considera que el plazo debe ser corto.",
  };
  g_autofree char *trafficking_text = block_text (doc, trafficking);
  g_autofree char *return_text = block_text (doc, ret);

  g_assert_cmpuint (csn_document_get_n_footnotes (doc), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CsnDocumentFootnote *note = csn_document_get_footnote (doc, i);
      g_autofree char *text = text_of (&note->text);

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_cmpuint (note->block, ==, i == 0 ? (guint) trafficking : (guint) ret);
      g_assert_cmpint (note->source.origin, ==, CSN_DOCUMENT_ORIGIN_ITEM);
      g_assert_cmpint (note->source.collection, ==, CSN_COLLECTION_THEMES);
    }
  /* The references close the paragraph they concern. */
  g_assert_true (g_str_has_suffix (trafficking_text, "víctimas.^1"));
  g_assert_true (g_str_has_suffix (return_text, "ordenado.^2^3"));
}

static void
test_brackets (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  const char * const unagreed[] = {
    "5. [Niñez migrante.", "a) [Estudio sobre niñez", "9. [Fondo de reserva.", "10. [Modificar: Convocar", NULL
  };
  guint n_unagreed = 0;

  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);
      g_autofree char *text = NULL;
      gboolean expected = FALSE;

      if (block->kind != CSN_DOCUMENT_BLOCK_PARAGRAPH)
        continue;
      text = block_text (doc, i);
      for (guint u = 0; unagreed[u] != NULL; u++)
        expected |= g_str_has_prefix (text, unagreed[u]);
      n_unagreed += expected;

      g_assert_cmpint (!!(block->flags & CSN_DOCUMENT_BLOCK_UNAGREED), ==, expected);
      if (expected)
        {
          /* Brackets exactly around the paragraph's text, every run between them marked. */
          const char *open = strchr (text, '[');
          const char *close = strrchr (text, ']');

          g_assert_nonnull (open);
          g_assert_true (close == text + strlen (text) - 1);
          g_assert_true (strchr (open + 1, '[') == NULL && strchr (text, ']') == close);
          for (guint r = 0; r < block->text.n_runs; r++)
            g_assert_true (block->text.runs[r].flags & CSN_DOCUMENT_RUN_UNAGREED);
        }
      else
        g_assert_false (text_has_bracket (&block->text));
    }
  g_assert_cmpuint (n_unagreed, ==, 4);
}

static void
test_approved (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = NULL;
  g_autoptr(GPtrArray) numbered = NULL;
  g_autoptr(GPtrArray) horizons = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  const char * const expected_horizons[] = { "A. Corto plazo", "B. Mediano plazo", NULL };

  set_status (draft, CSN_MEETING_STATUS_APPROVED);
  doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  numbered = blocks_of_style (doc, CSN_DOCUMENT_STYLE_NUMBERED);
  horizons = blocks_of_style (doc, CSN_DOCUMENT_STYLE_HEADING_2);
  headings = blocks_of_style (doc, CSN_DOCUMENT_STYLE_HEADING_1);

  /* Only agreed text: no brackets anywhere, no theme without a term, no proposal still proposed. */
  g_assert_false (document_has_bracket (doc));
  assert_texts (horizons, expected_horizons);
  g_assert_cmpuint (numbered->len, ==, 10);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numbered, 2), "3. Trata de personas."));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numbered, 3), "4. Protección consular."));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numbered, 4), "5. Retorno y reintegración."));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numbered, 5), "6. Reunión Viceministerial."));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numbered, 6), "7. Añadir: Dar seguimiento"));
  g_assert_cmpuint (csn_document_get_n_footnotes (doc), ==, 3);
  g_assert_cmpstr (csn_document_get_status_label (doc), ==, "Aprobado por el Grupo");
  g_assert_cmpstr (csn_document_get_header_end (doc), ==, "Aprobado por el Grupo");
  g_assert_cmpstr (csn_document_get_first_header (doc), ==, "");
  g_assert_cmpstr (g_ptr_array_index (headings, headings->len - 1), ==, "Anexo II. Matriz de temas");

  /* The same draft gives the same numbers every time. */
  {
    g_autoptr(CsnDocument) again = csn_document_new (draft, CSN_LANGUAGE_ES);
    g_autoptr(GPtrArray) numbered_again = blocks_of_style (again, CSN_DOCUMENT_STYLE_NUMBERED);

    g_assert_cmpuint (numbered_again->len, ==, numbered->len);
    for (guint i = 0; i < numbered->len; i++)
      g_assert_cmpstr (g_ptr_array_index (numbered_again, i), ==, g_ptr_array_index (numbered, i));
  }
}

static void
test_submitted (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = NULL;
  const CsnDocumentBlock *last;
  g_autofree char *mexico = NULL;

  set_status (draft, CSN_MEETING_STATUS_SUBMITTED);
  doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  g_assert_cmpstr (csn_document_get_status_label (doc), ==, "Sometido a los Estados Miembros");
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_HEADING_1, "Anexo III. Respaldos recibidos"), >, 0);

  /* Every Member State, in the Conference's order, pending where nothing was received. */
  last = csn_document_get_block (doc, csn_document_get_n_blocks (doc) - 1);
  g_assert_cmpint (last->kind, ==, CSN_DOCUMENT_BLOCK_TABLE);
  g_assert_cmpuint (last->table->n_rows, ==, 1 + 5);
  mexico = text_of (&last->table->rows[4].cells[0].text);
  g_assert_cmpstr (mexico, ==, "México");
  {
    g_autofree char *status = text_of (&last->table->rows[4].cells[1].text);
    g_autofree char *date = text_of (&last->table->rows[4].cells[2].text);
    g_autofree char *canada = text_of (&last->table->rows[2].cells[1].text);

    g_assert_cmpstr (status, ==, "Respaldado con reservas");
    g_assert_cmpstr (date, ==, "20 de enero de 2011");
    g_assert_cmpstr (canada, ==, "Pendiente");
  }
}

static void
test_participants (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  const char * const expected[] = {
    "Nombre", "Belice", "John Smith", "México", "Luis Gómez", "Ana Pérez", "Secretaría Técnica", "Sara Mora",
    "Colombia", "Carla Ruiz", NULL
  };
  const CsnDocumentTable *table = NULL;

  for (guint i = 0; i < csn_document_get_n_blocks (doc) && table == NULL; i++)
    if (csn_document_get_block (doc, i)->kind == CSN_DOCUMENT_BLOCK_TABLE)
      table = csn_document_get_block (doc, i)->table;
  g_assert_nonnull (table);

  for (guint r = 0; expected[r] != NULL; r++)
    {
      g_autofree char *first = text_of (&table->rows[r].cells[0].text);

      g_assert_cmpstr (first, ==, expected[r]);
    }
  g_assert_cmpuint (table->n_rows, ==, 10);
  g_assert_true (table->rows[0].flags & CSN_DOCUMENT_ROW_HEADER);
  g_assert_true (table->rows[1].flags & CSN_DOCUMENT_ROW_GROUP);
  g_assert_cmpuint (table->rows[1].n_cells, ==, 1);
  g_assert_cmpstr (table->rows[4].source.key, ==, "participant-luis");
}

static void
test_english (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_EN);
  int children = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "5. [[outdated translation] Niñez migrante.");
  int ret = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "6. [untranslated] Retorno y reintegración.");
  g_autofree char *footnote = text_of (&csn_document_get_footnote (doc, 1)->text);
  const CsnDocumentBlock *block;
  gboolean spanish_run = FALSE;

  g_assert_cmpstr (csn_document_get_title (doc), ==, "Proposals and recommendations of the Working Group");
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_HEADING_1, "II. Themes recommended"), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "3. Trafficking in persons. Prevention and care for victims."), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_MEETING, "Working Group for the strengthening and updating of the RCM"), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_STATUS, "Original: Spanish"), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_MEETING, "San José, Costa Rica, 24 to 26 November 2010"), >, 0);
  g_assert_cmpint (find_block_with (doc, CSN_DOCUMENT_STYLE_BODY, "The work of the Group was co-chaired by the Pro Tempore Presidency, held by the Dominican Republic,"), >, 0);
  g_assert_cmpint (children, >, 0);
  g_assert_cmpint (ret, >, 0);
  g_assert_cmpstr (footnote, ==, "The delegation of the United States entered a reservation on this paragraph.");
  g_assert_cmpstr (csn_document_get_header_end (doc), ==, "DRAFT");

  /* An untranslated text keeps its own language, for spelling and hyphenation in a word processor. */
  block = csn_document_get_block (doc, ret);
  for (guint r = 0; r < block->text.n_runs; r++)
    if (strstr (block->text.runs[r].text, "Retorno") != NULL)
      spanish_run = block->text.runs[r].language == CSN_LANGUAGE_ES;
  g_assert_true (spanish_run);
  g_assert_cmpstr (csn_language_get_tag (CSN_LANGUAGE_EN), ==, "en-US");
}

static void
test_sources (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  const CsnDocumentBlock *block;
  guint index;

  g_assert_true (csn_document_find_block (doc, CSN_COLLECTION_THEMES, "theme-return", &index));
  block = csn_document_get_block (doc, index);
  g_assert_cmpuint (block->paragraph, ==, 6);
  g_assert_cmpint (block->source.origin, ==, CSN_DOCUMENT_ORIGIN_ITEM);
  g_assert_cmpstr (block->source.key, ==, "theme-return");

  g_assert_true (csn_document_find_block (doc, CSN_COLLECTION_STRATEGIES, "strategy-workshop", &index));
  g_assert_cmpstr (csn_document_get_block (doc, index)->number, ==, "b)");
  g_assert_true (csn_document_find_block (doc, CSN_COLLECTION_ROLE_PROPOSALS, "role-st-agreed", &index));
  g_assert_false (csn_document_find_block (doc, CSN_COLLECTION_ROLE_PROPOSALS, "role-st-rejected", &index));
  g_assert_false (csn_document_find_block (doc, CSN_COLLECTION_STRATEGIES, "theme-return", &index));

  index = find_block_with (doc, CSN_DOCUMENT_STYLE_NUMBERED, "1. Primer párrafo");
  block = csn_document_get_block (doc, index);
  g_assert_cmpint (block->source.origin, ==, CSN_DOCUMENT_ORIGIN_TEXTS);
  g_assert_cmpstr (block->source.field, ==, "background");
}

static guint
count_ink (cairo_surface_t *surface)
{
  guchar *data;
  int stride, width, height;
  guint dark = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (data[y * stride + 4 * x + 1] < 128)
        dark++;
  return dark;
}

static void
test_pages (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  g_autoptr(CsnDocumentPages) pages = csn_document_pages_new (doc, CSN_PAPER_A4);
  g_autoptr(CsnDocumentPages) letter = csn_document_pages_new (doc, CSN_PAPER_LETTER);
  guint n_pages = csn_document_pages_get_n_pages (pages);
  double width, height;

  csn_document_pages_get_page_size (pages, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  csn_document_pages_get_page_size (letter, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (csn_document_pages_get_n_pages (letter), >=, 3);
  {
    /* A printer's paper of any size: US Legal holds more per page than Letter. */
    g_autoptr(CsnDocumentPages) legal = csn_document_pages_new_for_size (doc, 612, 1008);

    csn_document_pages_get_page_size (legal, &width, &height);
    g_assert_cmpfloat (height, ==, 1008);
    g_assert_cmpuint (csn_document_pages_get_n_pages (legal), <=, csn_document_pages_get_n_pages (letter));
  }

  /* Every block is placed once in order; a footnote is on the page of its reference. */
  {
    guint last_page = 0;

    for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
      {
        guint page;
        double y;

        g_assert_true (csn_document_pages_find_block (pages, i, &page, &y, NULL));
        g_assert_cmpuint (page, >=, last_page);
        g_assert_cmpfloat (y, >=, CSN_PAGE_MARGIN_TOP);
        last_page = page;
      }
    for (guint i = 0; i < csn_document_get_n_footnotes (doc); i++)
      {
        guint note_page, block_page;

        g_assert_true (csn_document_pages_find_footnote (pages, i, &note_page));
        g_assert_true (csn_document_pages_find_block (pages, csn_document_get_footnote (doc, i)->block, &block_page, NULL, NULL));
        g_assert_cmpuint (note_page, ==, block_page);
      }
  }

  /* A click on a paragraph of the preview says where it comes from. */
  {
    guint index, page;
    double y, extent;
    CsnDocumentSource source;

    g_assert_true (csn_document_find_block (doc, CSN_COLLECTION_THEMES, "theme-labour", &index));
    g_assert_true (csn_document_pages_find_block (pages, index, &page, &y, &extent));
    g_assert_cmpfloat (extent, >=, 14);
    g_assert_true (csn_document_pages_hit_test (pages, page, 200, y + 4, &source));
    g_assert_cmpint (source.collection, ==, CSN_COLLECTION_THEMES);
    g_assert_cmpstr (source.key, ==, "theme-labour");
    g_assert_false (csn_document_pages_hit_test (pages, page, 5, y + 4, &source));
    g_assert_false (csn_document_pages_hit_test (pages, n_pages, 200, 200, &source));
  }

  /* Any scale, any surface: each page has ink; the preview of page 1 at half size too. */
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      csn_document_pages_draw_page (pages, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpuint (count_ink (surface), >, 100);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
set_text (CsnDraft   *draft,
          CsnCollection collection,
          guint       position,
          const char *property,
          const char *text)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  csn_draft_set_string (draft, item, property, text);
}

/* Text no one should type, which must neither stop the pages nor disappear from them. */
static void
test_pages_long_text (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autoptr(CsnDocument) doc = NULL;
  g_autoptr(CsnDocumentPages) pages = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) unbroken = g_string_new (NULL);
  g_autoptr(CsnItem) theme = NULL;
  GListModel *reservations;
  guint n_pages, last_page = 0;

  while (words->len < 40000)
    g_string_append (words, "reserva ");
  while (unbroken->len < 40000)
    g_string_append (unbroken, "x");
  theme = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES), 0);
  reservations = csn_theme_get_reservations (CSN_THEME (theme));
  {
    g_autoptr(CsnItem) reservation = g_list_model_get_item (reservations, 0);

    csn_draft_set_string (draft, reservation, CSN_RESERVATION_PROP_TEXT, words->str);
  }
  set_text (draft, CSN_COLLECTION_THEMES, 3, CSN_THEME_PROP_TITLE, unbroken->str);
  set_text (draft, CSN_COLLECTION_PARTICIPANTS, 0, CSN_PARTICIPANT_PROP_NAME, words->str);
  set_text (draft, CSN_COLLECTION_STRATEGIES, 0, CSN_STRATEGY_PROP_DESCRIPTION, "مرحبا بالعالم שלום עולם 移民问题 🌎👍🏽 =SUM(A1)");

  doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  pages = csn_document_pages_new (doc, CSN_PAPER_A4);
  n_pages = csn_document_pages_get_n_pages (pages);
  g_assert_cmpuint (n_pages, >, 10);
  for (guint i = 0; i < csn_document_get_n_blocks (doc); i++)
    {
      guint page;

      g_assert_true (csn_document_pages_find_block (pages, i, &page, NULL, NULL));
      g_assert_cmpuint (page, >=, last_page);
      last_page = page;
    }
  /* The long note starts on its reference's page and runs on. */
  {
    guint note_page, block_page;

    g_assert_true (csn_document_pages_find_footnote (pages, 0, &note_page));
    g_assert_true (csn_document_pages_find_block (pages, csn_document_get_footnote (doc, 0)->block, &block_page, NULL, NULL));
    g_assert_cmpuint (note_page, ==, block_page);
  }
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 84);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 0.1, 0.1);
      csn_document_pages_draw_page (pages, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static char *
read_zip_member (const char *path,
                 const char *member)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (member, "/", -1);
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *part;
  char *text;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  part = gsf_infile_child_by_aname (zip, (const char **) names);
  g_assert_nonnull (part);
  text = g_strndup ((const char *) gsf_input_read (part, gsf_input_size (part), NULL), gsf_input_size (part));
  g_object_unref (part);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
}

static gboolean
dir_has_temp (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static void
test_export (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("test-document-XXXXXX", NULL);
  g_autofree char *docx = g_build_filename (dir, "recomendaciones.docx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "recomendaciones.PDF", NULL);
  g_autofree char *txt = g_build_filename (dir, "recomendaciones.txt", NULL);
  g_autofree char *blocked = g_build_filename (dir, "file", "out.docx", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  CsnDocumentFormat format;

  g_assert_true (csn_document_format_for_path ("a.DocX", &format));
  g_assert_cmpint (format, ==, CSN_DOCUMENT_FORMAT_DOCX);
  g_assert_true (csn_document_format_for_path ("a.pdf", &format));
  g_assert_cmpint (format, ==, CSN_DOCUMENT_FORMAT_PDF);
  g_assert_false (csn_document_format_for_path ("a.odt", &format));

  g_assert_true (csn_document_export (draft, docx, CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (docx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (csn_document_export (draft, pdf, CSN_LANGUAGE_EN, CSN_PAPER_LETTER, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  /* Refusals name the file and leave nothing behind. */
  g_assert_false (csn_document_export (draft, txt, CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, &error));
  g_assert_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "recomendaciones.txt"));
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  g_assert_false (csn_document_export (draft, blocked, CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.docx"));
  g_clear_error (&error);

  /* A cancelled export leaves the old file as it was. */
  g_assert_true (g_file_set_contents (docx, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (csn_document_export (draft, docx, CSN_LANGUAGE_ES, CSN_PAPER_A4, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (csn_document_export (draft, pdf, CSN_LANGUAGE_ES, CSN_PAPER_A4, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (docx, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (dir_has_temp (dir));

  g_unlink (docx);
  g_unlink (pdf);
  g_unlink (file);
  g_rmdir (dir);
}

/* The sample with text of every kind the pages set (long paragraphs, a word longer than a line,
 * right-to-left and CJK scripts, emoji), and @n_long strategies of @length characters each. */
static CsnDraft *
load_long_sample (guint n_long,
                  gsize length)
{
  CsnDraft *draft = load_sample ();
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) unbroken = g_string_new (NULL);

  while (words->len < length)
    g_string_append (words, "fortalecimiento de las capacidades reserva flujos tráfico ");
  while (unbroken->len < 4000)
    g_string_append (unbroken, "x");
  set_text (draft, CSN_COLLECTION_THEMES, 3, CSN_THEME_PROP_TITLE, unbroken->str);
  set_text (draft, CSN_COLLECTION_STRATEGIES, 0, CSN_STRATEGY_PROP_DESCRIPTION,
            "مرحبا بالعالم שלום עולם 移民问题 🌎👍🏽 =SUM(A1) ﬁn");
  for (guint i = 1; i < n_long && i < g_list_model_get_n_items (strategies); i++)
    set_text (draft, CSN_COLLECTION_STRATEGIES, i, CSN_STRATEGY_PROP_DESCRIPTION, words->str);
  return draft;
}

/* What a reader gets out of a PDF: its text, page by page, or its fonts without their subset tags
 * and object numbers. */
static char *
read_pdf (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdffonts"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (g_str_equal (tool, "pdffonts"))
    {
      g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
      GString *fonts = g_string_new (NULL);

      for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          const char *plus = strchr (lines[i], '+');

          /* name, type, encoding, embedded, subset, unicode: all but the object number */
          g_string_append_len (fonts, plus != NULL ? plus + 1 : lines[i], 70 - (plus != NULL ? plus + 1 - lines[i] : 0));
          g_string_append_c (fonts, '\n');
        }
      return g_string_free (fonts, FALSE);
    }
  return g_steal_pointer (&out);
}

/* The writer draws the pages in a worker thread and paints them onto the PDF: the file must read
 * as the same pages drawn straight onto cairo's PDF surface, as a printer gets them. */
static void
test_pdf_pages (void)
{
  g_autoptr(CsnDraft) draft = load_long_sample (4, 8000);
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  g_autoptr(CsnDocumentPages) pages = csn_document_pages_new (doc, CSN_PAPER_A4);
  g_autofree char *dir = g_dir_make_tmp ("test-document-XXXXXX", NULL);
  g_autofree char *written = g_build_filename (dir, "written.pdf", NULL);
  g_autofree char *drawn = g_build_filename (dir, "drawn.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  /* build-aux/install-deps installs poppler-utils: without its readers this test would prove nothing. */
  g_assert_nonnull (pdftotext);
  g_assert_nonnull (pdffonts);

  g_assert_true (csn_pdf_writer_write (doc, CSN_PAPER_A4, written, NULL, &error));
  g_assert_no_error (error);

  n_pages = csn_document_pages_get_n_pages (pages);
  g_assert_cmpuint (n_pages, >, 5);
  surface = cairo_pdf_surface_create (drawn, 595.28, 841.89);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      csn_document_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  {
    g_autofree char *written_text = read_pdf ("pdftotext", written);
    g_autofree char *drawn_text = read_pdf ("pdftotext", drawn);
    g_autofree char *written_fonts = read_pdf ("pdffonts", written);
    g_autofree char *drawn_fonts = read_pdf ("pdffonts", drawn);
    g_auto(GStrv) split = g_strsplit (written_text, "\f", -1);

    /* One form feed after each page. */
    g_assert_cmpuint (g_strv_length (split), ==, n_pages + 1);
    g_assert_nonnull (strstr (written_text, "fortalecimiento de las capacidades"));
    g_assert_cmpstr (written_text, ==, drawn_text);
    g_assert_cmpstr (written_fonts, ==, drawn_fonts);
    g_assert_nonnull (strstr (written_fonts, "NotoSerif-Regular"));
    g_assert_null (strstr (written_fonts, " no "));
  }

  g_unlink (written);
  g_unlink (drawn);
  g_rmdir (dir);
}

typedef struct {
  const char   *dir;
  GCancellable *cancellable;
} Canceller;

/* Cancels once the writer has put the first block of pages into its temporary file. */
static gpointer
cancel_when_written (gpointer data)
{
  Canceller *c = data;

  for (;;)
    {
      g_autoptr(GDir) dir = g_dir_open (c->dir, 0, NULL);
      const char *name;
      gboolean started = FALSE;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (c->dir, name, NULL);
          GStatBuf st;

          if (name[0] == '.' && g_stat (path, &st) == 0 && st.st_size > 0)
            started = TRUE;
        }
      if (started)
        break;
      g_thread_yield ();
    }
  g_cancellable_cancel (c->cancellable);
  return NULL;
}

/* A cancellation while the pages are written, and a write that fails mid-way. */
static void
test_pdf_cancel (void)
{
  g_autoptr(CsnDraft) draft = load_long_sample (5, 120000);
  g_autoptr(CsnDocument) doc = csn_document_new (draft, CSN_LANGUAGE_ES);
  g_autofree char *dir = g_dir_make_tmp ("test-document-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "recomendaciones.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Canceller canceller = { dir, cancellable };
  GThread *thread;

  /* Many pages, so that the cancellation comes while they are being written. */
  {
    g_autoptr(CsnDocumentPages) pages = csn_document_pages_new (doc, CSN_PAPER_A4);

    g_assert_cmpuint (csn_document_pages_get_n_pages (pages), >, 100);
  }
  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  thread = g_thread_new ("canceller", cancel_when_written, &canceller);
  g_assert_false (csn_pdf_writer_write (doc, CSN_PAPER_A4, pdf, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_thread_join (thread);

  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (dir_has_temp (dir));

  /* A disk that fills up mid-way (the file system refuses more than 256 KiB, even to root): the
   * pages drawn ahead are dropped and the error names the file. */
  {
    struct rlimit limit, small;

    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    small = limit;
    small.rlim_cur = 256 * 1024;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
    g_assert_false (csn_pdf_writer_write (doc, CSN_PAPER_A4, pdf, NULL, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  }
  g_assert_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "recomendaciones.pdf"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (dir_has_temp (dir));

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!csn_document_export_finish (result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_export_async (void)
{
  g_autoptr(CsnDraft) draft = load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("test-document-XXXXXX", NULL);
  g_autofree char *docx = g_build_filename (dir, "async.docx", NULL);
  g_autoptr(CsnItem) theme = g_list_model_get_item (csn_draft_get_collection (draft, CSN_COLLECTION_THEMES), 0);
  g_autofree char *xml = NULL;
  GError *error = NULL;

  csn_document_export_async (draft, docx, CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, on_exported_cb, &error);
  /* The document was taken when the export began: an edit now is not in the file. */
  csn_draft_set_string (draft, theme, CSN_THEME_PROP_TITLE, "Título cambiado después");
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  xml = read_zip_member (docx, "word/document.xml");
  g_assert_nonnull (strstr (xml, "Trata de personas"));
  g_assert_null (strstr (xml, "Título cambiado después"));

  csn_document_export_async (draft, "nombre.odt", CSN_LANGUAGE_ES, CSN_PAPER_A4, NULL, on_exported_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_unlink (docx);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gsf_init ();
  /* A fixed date, as SOURCE_DATE_EPOCH gives reproducible outputs: 25 November 2010. */
  g_setenv ("SOURCE_DATE_EPOCH", "1290700000", TRUE);

  g_test_add_func ("/document/structure", test_structure);
  g_test_add_func ("/document/footnotes", test_footnotes);
  g_test_add_func ("/document/brackets", test_brackets);
  g_test_add_func ("/document/approved", test_approved);
  g_test_add_func ("/document/submitted", test_submitted);
  g_test_add_func ("/document/participants", test_participants);
  g_test_add_func ("/document/english", test_english);
  g_test_add_func ("/document/sources", test_sources);
  g_test_add_func ("/document/pages", test_pages);
  g_test_add_func ("/document/pages-long-text", test_pages_long_text);
  g_test_add_func ("/document/export", test_export);
  g_test_add_func ("/document/export-async", test_export_async);
  g_test_add_func ("/document/pdf-pages", test_pdf_pages);
  g_test_add_func ("/document/pdf-cancel", test_pdf_cancel);
  return g_test_run ();
}
