/* csn-document.c: builds the recommendations document from a draft, in Spanish or English, as
 * intergovernmental outcome documents are written: header block, preamble, numbered sections and
 * paragraphs, reservations as footnotes, annexes; unagreed text in brackets while a draft. */
#define G_LOG_DOMAIN "csn-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "csn-actor.h"
#include "csn-catalog.h"
#include "csn-country.h"
#include "csn-document.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-endorsement.h"
#include "csn-item.h"
#include "csn-mechanism.h"
#include "csn-meeting.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-strategy.h"
#include "csn-theme.h"

/* Labels in the document's language, not the interface's. */
#define L(b, msgid) csn_catalog_lookup ((b)->language, (msgid))

struct _CsnDocument
{
  GObject           parent_instance;

  CsnLanguage       language;
  CsnLanguage       content_language;
  CsnMeetingStatus  status;
  GDateTime        *date;
  GStringChunk     *strings;
  GArray           *blocks;     /* CsnDocumentBlock */
  GArray           *footnotes;  /* CsnDocumentFootnote */
  GHashTable       *item_blocks; /* key -> first block index + 1, for items with a paragraph */

  const char       *title;
  const char       *subject;
  const char       *author;
  const char       *organization;
  const char       *status_label;
  const char       *header_start;
  const char       *header_end;
  const char       *first_header;
  const char       *page_before;
  const char       *page_between;
  const char       *page_after;
};

G_DEFINE_FINAL_TYPE (CsnDocument, csn_document, G_TYPE_OBJECT)

typedef struct
{
  CsnDocument      *doc;
  CsnDraft         *draft;
  CsnLanguage       language;
  CsnLanguage       content;
  gboolean          is_draft;        /* unagreed text shown in brackets */
  GArray           *runs;            /* the paragraph being written */
  guint             unagreed;        /* CSN_DOCUMENT_RUN_UNAGREED while inside brackets */
  guint             paragraph;       /* the last paragraph number given */
  guint             section;         /* the last section number given */
  GString          *scratch;
  GHashTable       *strategies;      /* theme key -> GPtrArray of CsnItem, in list order */
  GHashTable       *theme_numbers;   /* theme key -> paragraph number */
  GPtrArray        *matrix_themes;   /* the themes in the document, in order */
  GPtrArray        *tables;          /* CsnDocumentTable being built, to free */
} Builder;

static void
free_text (CsnDocumentText *text)
{
  g_free ((gpointer) text->runs);
}

static void
free_table (CsnDocumentTable *table)
{
  for (guint r = 0; r < table->n_rows; r++)
    {
      const CsnDocumentRow *row = &table->rows[r];

      for (guint c = 0; c < row->n_cells; c++)
        free_text ((CsnDocumentText *) &row->cells[c].text);
      g_free ((gpointer) row->cells);
    }
  g_free ((gpointer) table->rows);
  g_free ((gpointer) table->widths);
  g_free (table);
}

static void
csn_document_finalize (GObject *object)
{
  CsnDocument *self = CSN_DOCUMENT (object);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CsnDocumentBlock *block = &g_array_index (self->blocks, CsnDocumentBlock, i);

      free_text (&block->text);
      if (block->table != NULL)
        free_table ((CsnDocumentTable *) block->table);
    }
  for (guint i = 0; i < self->footnotes->len; i++)
    free_text (&g_array_index (self->footnotes, CsnDocumentFootnote, i).text);
  g_array_unref (self->blocks);
  g_array_unref (self->footnotes);
  g_hash_table_unref (self->item_blocks);
  g_string_chunk_free (self->strings);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (csn_document_parent_class)->finalize (object);
}

static void
csn_document_class_init (CsnDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csn_document_finalize;
}

static void
csn_document_init (CsnDocument *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CsnDocumentBlock));
  self->footnotes = g_array_new (FALSE, TRUE, sizeof (CsnDocumentFootnote));
  self->item_blocks = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Text */

static gboolean
is_dropped_char (gunichar ch)
{
  /* What XML 1.0 cannot hold, and what would show as boxes: C0 and C1 controls, noncharacters. */
  return (ch < 0x20 && ch != '\t' && ch != '\n') || (ch >= 0x7F && ch <= 0x9F) ||
         ch == 0xFFFE || ch == 0xFFFF;
}

/* Valid UTF-8 with line ends as \n and no character a DOCX or a font cannot take. */
static const char *
clean_text (Builder    *b,
            const char *text,
            gssize      length)
{
  const char *end;
  gboolean clean = TRUE;

  if (length < 0)
    length = strlen (text);
  if (g_utf8_validate_len (text, length, &end))
    {
      for (const char *p = text; p < text + length; p++)
        {
          guchar c = *p;

          if (c < 0x20 ? (c != '\t' && c != '\n') :
              (c == 0x7F || (c == 0xC2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F) ||
               (c == 0xEF && (guchar) p[1] == 0xBF && (guchar) p[2] >= 0xBE) ||
               (c == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))))
            {
              clean = FALSE;
              break;
            }
        }
      if (clean)
        return g_string_chunk_insert_len (b->doc->strings, text, length);
    }

  {
    g_autofree char *valid = g_utf8_make_valid (text, length);

    g_string_truncate (b->scratch, 0);
    for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar ch = g_utf8_get_char (p);

        if (ch == '\r')
          {
            if (p[1] != '\n')
              g_string_append_c (b->scratch, '\n');
          }
        else if (ch == 0x2028 || ch == 0x2029)
          g_string_append_c (b->scratch, '\n');
        else if (!is_dropped_char (ch))
          g_string_append_unichar (b->scratch, ch);
      }
    return g_string_chunk_insert_len (b->doc->strings, b->scratch->str, b->scratch->len);
  }
}

static const char *
keep (Builder    *b,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (b->doc->strings, text) : NULL;
}

static void
add_run (Builder     *b,
         const char  *text,
         gssize       length,
         guint        flags,
         CsnLanguage  language)
{
  CsnDocumentRun run = { 0 };

  run.text = clean_text (b, text, length);
  run.length = strlen (run.text);
  if (run.length == 0)
    return;
  run.flags = flags | b->unagreed;
  run.language = language;
  g_array_append_val (b->runs, run);
}

static void
add_text (Builder    *b,
          const char *text,
          guint       flags)
{
  add_run (b, text, -1, flags, b->language);
}

static void
add_footnote_ref (Builder *b,
                  guint    footnote)
{
  CsnDocumentRun run = { 0 };

  run.text = "";
  run.flags = CSN_DOCUMENT_RUN_FOOTNOTE;
  run.language = b->language;
  run.footnote = footnote;
  g_array_append_val (b->runs, run);
}

static void
open_brackets (Builder *b)
{
  b->unagreed = CSN_DOCUMENT_RUN_UNAGREED;
  add_text (b, "[", 0);
}

static void
close_brackets (Builder *b)
{
  add_text (b, "]", 0);
  b->unagreed = 0;
}

static gboolean
ends_a_sentence (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text)
    return TRUE;
  end = g_utf8_prev_char (end);
  return strchr (".!?:;", *end) != NULL || g_str_has_prefix (end, "…");
}

/* The text of @property (a CSN_*_PROP_ name) of @item as the document shows it: the source text
 * or its translation; a missing or outdated translation shows the source, in its language, after a
 * visible mark. Whether what it shows ends a sentence (a translation may end otherwise). */
static gboolean
add_item_text (Builder    *b,
               gpointer    item,
               const char *property,
               guint       flags)
{
  const CsnField *field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  const char *source;

  g_assert (field != NULL);
  source = csn_item_get_string (item, property);
  if (b->language != b->content && (field->flags & CSN_FIELD_FLAG_TRANSLATABLE) &&
      source[0] != '\0')
    {
      CsnTranslationState state = csn_item_get_translation_state (item, field, b->language);

      if (state == CSN_TRANSLATION_MISSING || state == CSN_TRANSLATION_OUTDATED)
        {
          /* The marks are csn-item.c's, so the document and the workbook say the same. */
          add_text (b, csn_catalog_lookup (b->language, state == CSN_TRANSLATION_MISSING ?
                                           "[untranslated]" : "[outdated translation]"),
                    flags | CSN_DOCUMENT_RUN_ITALIC);
          add_text (b, " ", flags);
          add_run (b, source, -1, flags, b->content);
          return ends_a_sentence (source);
        }
    }

  {
    g_autofree char *text = csn_item_dup_text_for_language (item, field, b->content, b->language);

    add_run (b, text, -1, flags, b->language);
    return ends_a_sentence (text);
  }
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static CsnDocumentText
take_runs (Builder *b)
{
  CsnDocumentText text = { NULL, b->runs->len };

  if (b->runs->len > 0)
    text.runs = g_memdup2 (b->runs->data, b->runs->len * sizeof (CsnDocumentRun));
  g_array_set_size (b->runs, 0);
  return text;
}

static CsnDocumentSource
generated (void)
{
  return (CsnDocumentSource) { CSN_DOCUMENT_ORIGIN_GENERATED, CSN_COLLECTION_NONE, NULL, NULL };
}

static CsnDocumentSource
from_item (Builder    *b,
           gpointer    item,
           const char *property)
{
  return (CsnDocumentSource) { CSN_DOCUMENT_ORIGIN_ITEM, csn_collection_for_item (item),
                               keep (b, csn_item_get_key (item)), keep (b, property) };
}

static CsnDocumentSource
from_texts (Builder    *b,
            const char *field)
{
  return (CsnDocumentSource) { CSN_DOCUMENT_ORIGIN_TEXTS, CSN_COLLECTION_NONE, NULL, keep (b, field) };
}

static CsnDocumentSource
from_meeting (Builder    *b,
              const char *field)
{
  return (CsnDocumentSource) { CSN_DOCUMENT_ORIGIN_MEETING, CSN_COLLECTION_NONE, NULL, keep (b, field) };
}

static guint
end_block (Builder           *b,
           CsnDocumentStyle   style,
           const char        *number,
           guint              flags,
           CsnDocumentSource  source)
{
  CsnDocumentBlock block = { 0 };
  guint index = b->doc->blocks->len;

  g_assert (b->unagreed == 0);
  block.kind = CSN_DOCUMENT_BLOCK_PARAGRAPH;
  block.style = style;
  block.flags = flags;
  block.number = keep (b, number);
  block.text = take_runs (b);
  block.source = source;
  if (style == CSN_DOCUMENT_STYLE_NUMBERED && number != NULL)
    block.paragraph = b->paragraph;
  if (style >= CSN_DOCUMENT_STYLE_HEADING_1 && style <= CSN_DOCUMENT_STYLE_HEADING_3)
    block.flags |= CSN_DOCUMENT_BLOCK_KEEP_WITH_NEXT;
  g_array_append_val (b->doc->blocks, block);

  if (source.origin == CSN_DOCUMENT_ORIGIN_ITEM && source.key != NULL &&
      !g_hash_table_contains (b->doc->item_blocks, source.key))
    g_hash_table_insert (b->doc->item_blocks, (gpointer) source.key, GUINT_TO_POINTER (index + 1));
  return index;
}

static guint
add_footnote (Builder           *b,
              CsnDocumentSource  source)
{
  CsnDocumentFootnote footnote = { 0 };

  footnote.text = take_runs (b);
  footnote.block = b->doc->blocks->len;
  footnote.source = source;
  g_array_append_val (b->doc->footnotes, footnote);
  return b->doc->footnotes->len - 1;
}

/* Numbers */

static char *
roman (guint n)
{
  static const struct { guint value; const char *digits; } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    while (n >= numerals[i].value)
      {
        g_string_append (out, numerals[i].digits);
        n -= numerals[i].value;
      }
  return g_string_free (out, FALSE);
}

/* a) … z), then aa) … zz), as negotiated texts number long lists. */
static char *
letter_label (guint index,
              char  close)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i <= index / 26; i++)
    g_string_append_c (out, 'a' + index % 26);
  g_string_append_c (out, close);
  return g_string_free (out, FALSE);
}

static char *
next_paragraph_number (Builder *b)
{
  return g_strdup_printf ("%u.", ++b->paragraph);
}

/* Messages with {name} placeholders: translators move them freely, and no format string comes
 * from a catalogue. */
static char *
expand (const char *template,
        ...)
{
  GString *out = g_string_new (NULL);
  const char *p = template;
  va_list args;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      const char *value = NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);

      va_start (args, template);
      for (const char *name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
        {
          const char *v = va_arg (args, const char *);

          if (strlen (name) == (gsize) (close - open - 1) && strncmp (name, open + 1, close - open - 1) == 0)
            value = v;
        }
      va_end (args);

      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

/* Names */

static const char *
name_in (gpointer    item,
         CsnLanguage language)
{
  if (CSN_IS_COUNTRY (item))
    return csn_country_get_name (item, language);
  if (CSN_IS_PILLAR (item))
    return csn_pillar_get_name (item, language);
  return csn_actor_get_name (CSN_ACTOR (item), language);
}

/* A country's, pillar's or actor's name in the document's language, else in the other. */
static const char *
localized_name (Builder  *b,
                gpointer  item)
{
  const char *name = name_in (item, b->language);

  if (name[0] == '\0')
    name = name_in (item, csn_language_get_other (b->language));
  if (name[0] == '\0')
    name = csn_item_get_key (item);
  return name;
}

static const char *
country_name (Builder    *b,
              const char *code)
{
  CsnItem *country = csn_draft_lookup (b->draft, CSN_COLLECTION_COUNTRIES, code);

  return country != NULL ? localized_name (b, country) : code;
}

/* "the United States", "the Dominican Republic": English takes the article inside a sentence. */
static char *
country_in_sentence (Builder    *b,
                     const char *code)
{
  static const char * const with_article[] = {
    "US", "DO", "BS", "GM", "NL", "PH", "AE", "GB", "CF", "KM", "MH", "SB", "CZ", NULL
  };
  const char *name = country_name (b, code);

  if (b->language == CSN_LANGUAGE_EN && code != NULL && g_strv_contains (with_article, code) &&
      !g_str_has_prefix (name, "the "))
    return g_strconcat ("the ", name, NULL);
  return g_strdup (name);
}

/* "A, B y C" / "A, B and C"; Spanish writes "e" before a word that sounds like "i". */
static char *
join_list (Builder   *b,
           GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 && i == names->len - 1)
        {
          if (b->language == CSN_LANGUAGE_ES)
            {
              gboolean sounds_i = (g_str_has_prefix (name, "I") || g_str_has_prefix (name, "Hi") ||
                                   g_str_has_prefix (name, "Í") || g_str_has_prefix (name, "Hí")) &&
                                  !g_str_has_prefix (name, "Hie") && !g_str_has_prefix (name, "Hia");

              g_string_append (out, sounds_i ? " e " : " y ");
            }
          else
            g_string_append (out, " and ");
        }
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

/* Dates */

static const char * const month_msgids[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
  N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static gboolean
parse_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  *year = g_ascii_strtoull (text, NULL, 10);
  *month = g_ascii_strtoull (text + 5, NULL, 10);
  *day = g_ascii_strtoull (text + 8, NULL, 10);
  return *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

static const char *
month_name (Builder *b,
            guint    month)
{
  const char *name = L (b, month_msgids[month - 1]);

  return name;
}

/* "25 de noviembre de 2010" / "25 November 2010"; Spanish months are lower case. */
static char *
format_day (Builder *b,
            guint    year,
            guint    month,
            guint    day)
{
  g_autofree char *d = g_strdup_printf ("%u", day);
  g_autofree char *y = g_strdup_printf ("%u", year);
  g_autofree char *m = b->language == CSN_LANGUAGE_ES ? g_utf8_strdown (month_name (b, month), -1)
                                                       : g_strdup (month_name (b, month));

  /* Translators: a date in a document: "25 de noviembre de 2010" */
  return expand (L (b, N_("{day} {month} {year}")), "day", d, "month", m, "year", y, NULL);
}

static char *
format_date (Builder    *b,
             const char *text)
{
  guint year, month, day;

  if (!parse_date (text, &year, &month, &day))
    return NULL;
  return format_day (b, year, month, day);
}

/* The meeting's days: "del 24 al 26 de noviembre de 2010" / "24 to 26 November 2010". */
static char *
format_dates (Builder    *b,
              const char *start,
              const char *end)
{
  guint y1, m1, d1, y2, m2, d2;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!parse_date (start, &y1, &m1, &d1))
    return format_date (b, end);
  if (!parse_date (end, &y2, &m2, &d2) || (y1 == y2 && m1 == m2 && d1 == d2))
    return format_day (b, y1, m1, d1);

  last = format_day (b, y2, m2, d2);
  if (y1 == y2 && m1 == m2)
    first = g_strdup_printf ("%u", d1);
  else if (y1 == y2)
    {
      g_autofree char *d = g_strdup_printf ("%u", d1);
      g_autofree char *m = b->language == CSN_LANGUAGE_ES ? g_utf8_strdown (month_name (b, m1), -1)
                                                           : g_strdup (month_name (b, m1));

      /* Translators: the first day of a range within one year: "30 de noviembre" */
      first = expand (L (b, N_("{day} {month}")), "day", d, "month", m, NULL);
    }
  else
    first = format_day (b, y1, m1, d1);

  /* Translators: a range of days: "del 24 al 26 de noviembre de 2010" */
  return expand (L (b, N_("{first} to {last}")), "first", first, "last", last, NULL);
}

/* Header block */

static void
build_header_block (Builder *b)
{
  CsnMeeting *meeting = csn_draft_get_meeting (b->draft);
  g_autofree char *organization = g_utf8_strup (L (b, N_("Regional Conference on Migration")), -1);
  g_autofree char *dates = format_dates (b, csn_meeting_get_start_date (meeting),
                                         csn_meeting_get_end_date (meeting));
  gboolean no_venue = is_blank (csn_meeting_get_venue (meeting));
  g_autofree char *today = NULL;
  const char *original;

  add_text (b, organization, CSN_DOCUMENT_RUN_BOLD);
  end_block (b, CSN_DOCUMENT_STYLE_MASTHEAD, NULL, 0, generated ());

  /* The rule closes the masthead under its last line: the venue and dates, or what is known. */
  if (!is_blank (csn_meeting_get_title (meeting)))
    {
      gboolean last = no_venue && dates == NULL;

      add_item_text (b, meeting, CSN_MEETING_PROP_TITLE, 0);
      end_block (b, CSN_DOCUMENT_STYLE_MEETING, NULL, last ? CSN_DOCUMENT_BLOCK_RULE_BELOW : 0,
                 from_meeting (b, CSN_MEETING_PROP_TITLE));
    }
  else if (no_venue && dates == NULL)
    g_array_index (b->doc->blocks, CsnDocumentBlock, b->doc->blocks->len - 1).flags |= CSN_DOCUMENT_BLOCK_RULE_BELOW;

  if (!no_venue || dates != NULL)
    {
      if (!no_venue)
        {
          add_item_text (b, meeting, CSN_MEETING_PROP_VENUE, 0);
          if (dates != NULL)
            add_text (b, ", ", 0);
        }
      if (dates != NULL)
        add_text (b, dates, 0);
      end_block (b, CSN_DOCUMENT_STYLE_MEETING, NULL, CSN_DOCUMENT_BLOCK_RULE_BELOW,
                 from_meeting (b, CSN_MEETING_PROP_VENUE));
    }

  add_text (b, b->doc->status_label, CSN_DOCUMENT_RUN_BOLD);
  end_block (b, CSN_DOCUMENT_STYLE_STATUS, NULL, 0, from_meeting (b, CSN_MEETING_PROP_STATUS));

  original = b->content == CSN_LANGUAGE_ES ? N_("Original: Spanish") : N_("Original: English");
  add_text (b, L (b, original), 0);
  end_block (b, CSN_DOCUMENT_STYLE_STATUS, NULL, 0, from_meeting (b, CSN_MEETING_PROP_LANGUAGE));

  today = format_day (b, g_date_time_get_year (b->doc->date), g_date_time_get_month (b->doc->date),
                      g_date_time_get_day_of_month (b->doc->date));
  add_text (b, today, 0);
  end_block (b, CSN_DOCUMENT_STYLE_STATUS, NULL, 0, generated ());

  add_text (b, b->doc->title, 0);
  end_block (b, CSN_DOCUMENT_STYLE_TITLE, NULL, 0, generated ());
}

/* Free texts: one paragraph per blank-line-separated part; single line ends stay as breaks. */
static GPtrArray *
split_paragraphs (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *current = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '\0')
        {
          if (current->len > 0)
            g_ptr_array_add (parts, g_strdup (current->str));
          g_string_truncate (current, 0);
          continue;
        }
      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, line);
    }
  if (current->len > 0)
    g_ptr_array_add (parts, g_strdup (current->str));
  g_string_free (current, TRUE);
  return parts;
}

/* The document's own text @field as paragraphs (numbered or not). False when it is empty. */
static gboolean
add_texts_field (Builder          *b,
                 const char       *property,
                 CsnDocumentStyle  style)
{
  CsnItem *texts = CSN_ITEM (csn_draft_get_document_texts (b->draft));
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *whole = NULL;
  const CsnField *schema = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (texts), property);
  CsnTranslationState state = CSN_TRANSLATION_CURRENT;
  CsnLanguage language = b->language;

  if (is_blank (csn_item_get_string (texts, property)))
    return FALSE;

  if (b->language != b->content)
    state = csn_item_get_translation_state (texts, schema, b->language);
  if (state == CSN_TRANSLATION_MISSING || state == CSN_TRANSLATION_OUTDATED)
    {
      whole = g_strdup (csn_item_get_string (texts, property));
      language = b->content;
    }
  else
    whole = csn_item_dup_text_for_language (texts, schema, b->content, b->language);

  parts = split_paragraphs (whole);
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *number = style == CSN_DOCUMENT_STYLE_NUMBERED ? next_paragraph_number (b) : NULL;

      if (language != b->language && i == 0)
        {
          add_text (b, csn_catalog_lookup (b->language, state == CSN_TRANSLATION_MISSING ?
                                           "[untranslated]" : "[outdated translation]"),
                    CSN_DOCUMENT_RUN_ITALIC);
          add_text (b, " ", 0);
        }
      add_run (b, g_ptr_array_index (parts, i), -1, 0, language);
      end_block (b, style, number, 0, from_texts (b, property));
    }
  return parts->len > 0;
}

static void
add_placeholder (Builder    *b,
                 const char *field)
{
  /* A draft shows where the group still has to write; an approved text leaves the gap out. */
  add_text (b, L (b, N_("[Text to be drafted by the Group]")), CSN_DOCUMENT_RUN_ITALIC);
  end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, CSN_DOCUMENT_BLOCK_UNAGREED, from_texts (b, field));
}

static void
add_section_heading (Builder    *b,
                     const char *msgid)
{
  g_autofree char *number = roman (++b->section);
  g_autofree char *label = g_strconcat (number, ".", NULL);

  add_text (b, L (b, msgid), 0);
  end_block (b, CSN_DOCUMENT_STYLE_HEADING_1, label, 0, generated ());
}

/* Preamble */

static void
build_preamble (Builder *b)
{
  CsnMeeting *meeting = csn_draft_get_meeting (b->draft);
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  GListModel *participants = csn_draft_get_collection (b->draft, CSN_COLLECTION_PARTICIPANTS);
  const char *ppt = csn_meeting_get_pro_tempore_presidency (meeting);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) observers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sentence = NULL;

  if (!add_texts_field (b, CSN_DOCUMENT_TEXTS_PROP_PREAMBLE, CSN_DOCUMENT_STYLE_BODY) && b->is_draft)
    add_placeholder (b, CSN_DOCUMENT_TEXTS_PROP_PREAMBLE);

  if (ppt != NULL && ppt[0] != '\0')
    {
      g_autofree char *name = country_in_sentence (b, ppt);

      sentence = expand (L (b, N_("The work of the Group was co-chaired by the Pro Tempore Presidency, held by {country}, a representative of Mexico and the Technical Secretariat of the Conference.")),
                         "country", name, NULL);
    }
  else
    sentence = g_strdup (L (b, N_("The work of the Group was co-chaired by the Pro Tempore Presidency, a representative of Mexico and the Technical Secretariat of the Conference.")));
  add_text (b, sentence, 0);
  end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, from_meeting (b, CSN_MEETING_PROP_PRO_TEMPORE_PRESIDENCY));

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, i);

      g_hash_table_add (present, (gpointer) csn_participant_get_country (participant));
    }
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);

      if (!g_hash_table_contains (present, code))
        continue;
      g_ptr_array_add (csn_country_get_membership (country) == CSN_MEMBERSHIP_MEMBER ? members : observers,
                       country_in_sentence (b, code));
    }

  if (members->len > 0)
    {
      g_autofree char *list = join_list (b, members);
      g_autofree char *text = expand (L (b, members->len == 1 ?
                                         N_("The delegation of {countries} took part in the meeting.") :
                                         N_("The delegations of the following Member States took part in the meeting: {countries}.")),
                                      "countries", list, NULL);

      add_text (b, text, 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
    }
  if (observers->len > 0)
    {
      g_autofree char *list = join_list (b, observers);
      g_autofree char *text = expand (L (b, N_("The following observer countries also attended: {countries}.")),
                                      "countries", list, NULL);

      add_text (b, text, 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
    }

  add_text (b, L (b, N_("As a result of its work, the Group makes the following proposals and recommendations:")), 0);
  end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
}

/* II. Themes */

static gboolean
theme_is_agreed (CsnTheme *theme)
{
  return csn_theme_get_consensus (theme) != CSN_CONSENSUS_PENDING;
}

static void
add_actor_name (Builder    *b,
                const char *key,
                guint       flags)
{
  CsnItem *actor = csn_draft_lookup (b->draft, CSN_COLLECTION_ACTORS, key);

  add_text (b, actor != NULL ? localized_name (b, actor) : key, flags);
}

static void
add_label (Builder    *b,
           const char *msgid)
{
  add_text (b, " ", 0);
  add_text (b, L (b, msgid), CSN_DOCUMENT_RUN_ITALIC);
  add_text (b, " ", 0);
}

static void
add_strategy (Builder     *b,
              CsnStrategy *strategy,
              guint        index,
              gboolean     unagreed)
{
  g_autofree char *label = letter_label (index, ')');
  const char *lead = csn_strategy_get_lead (strategy);
  const char * const *support = csn_strategy_get_support (strategy);

  if (unagreed)
    open_brackets (b);
  if (!add_item_text (b, strategy, CSN_STRATEGY_PROP_DESCRIPTION, 0))
    add_text (b, ".", 0);

  add_label (b, N_("Mechanism:"));
  add_text (b, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_MECHANISM_KIND,
                                              csn_strategy_get_mechanism (strategy)), 0);
  add_text (b, ".", 0);
  if (lead != NULL && lead[0] != '\0')
    {
      add_label (b, N_("Lead:"));
      add_actor_name (b, lead, 0);
      add_text (b, ".", 0);
    }
  if (support[0] != NULL)
    {
      add_label (b, N_("Support:"));
      for (guint i = 0; support[i] != NULL; i++)
        {
          if (i > 0)
            add_text (b, "; ", 0);
          add_actor_name (b, support[i], 0);
        }
      add_text (b, ".", 0);
    }
  if (unagreed)
    close_brackets (b);
  end_block (b, CSN_DOCUMENT_STYLE_SUBITEM, label, unagreed ? CSN_DOCUMENT_BLOCK_UNAGREED : 0,
             from_item (b, strategy, CSN_STRATEGY_PROP_DESCRIPTION));
}

/* "The delegation of Canada entered a reservation: …", unless the text already says so. */
static guint
add_reservation (Builder        *b,
                 CsnTheme       *theme,
                 CsnReservation *reservation)
{
  const char *code = csn_reservation_get_country (reservation);
  g_autofree char *country = country_in_sentence (b, code);
  g_autofree char *prefix = expand (L (b, N_("The delegation of {country}")), "country", country, NULL);
  const CsnField *field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (reservation),
                                                             CSN_RESERVATION_PROP_TEXT);
  /* As the document shows it: a translation may say "The delegation of…" where the source does not. */
  g_autofree char *shown = csn_item_dup_text_for_language (CSN_ITEM (reservation), field, b->content, b->language);
  const char *text = shown;
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_prefix = NULL;
  CsnDocumentSource source = from_item (b, theme, CSN_THEME_PROP_RESERVATIONS);

  while (g_ascii_isspace (*text))
    text++;
  folded_text = g_utf8_casefold (text, MIN (strlen (text), strlen (prefix) + 8));
  folded_prefix = g_utf8_casefold (prefix, -1);

  if (text[0] == '\0')
    {
      g_autofree char *sentence = expand (L (b, N_("The delegation of {country} entered a reservation on this paragraph.")),
                                          "country", country, NULL);

      add_text (b, sentence, 0);
    }
  else if (g_str_has_prefix (folded_text, folded_prefix))
    add_item_text (b, reservation, CSN_RESERVATION_PROP_TEXT, 0);
  else
    {
      g_autofree char *lead = expand (L (b, N_("The delegation of {country} entered a reservation:")),
                                      "country", country, NULL);

      add_text (b, lead, 0);
      add_text (b, " ", 0);
      add_item_text (b, reservation, CSN_RESERVATION_PROP_TEXT, 0);
    }
  return add_footnote (b, source);
}

static void
add_theme (Builder  *b,
           CsnTheme *theme)
{
  g_autofree char *number = next_paragraph_number (b);
  GPtrArray *strategies = g_hash_table_lookup (b->strategies, csn_theme_get_id (theme));
  GListModel *reservations = csn_theme_get_reservations (theme);
  gboolean unagreed = b->is_draft && !theme_is_agreed (theme);
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_hash_table_insert (b->theme_numbers, (gpointer) csn_theme_get_id (theme), GUINT_TO_POINTER (b->paragraph));
  g_ptr_array_add (b->matrix_themes, theme);

  /* Footnotes first, so that their runs do not mix with the paragraph's; each points at the
   * block about to be made. */
  for (guint i = 0; i < g_list_model_get_n_items (reservations); i++)
    {
      g_autoptr(CsnReservation) reservation = g_list_model_get_item (reservations, i);
      guint note;

      note = add_reservation (b, theme, reservation);
      g_array_append_val (notes, note);
    }
  if (unagreed)
    open_brackets (b);
  if (!add_item_text (b, theme, CSN_THEME_PROP_TITLE, CSN_DOCUMENT_RUN_BOLD))
    add_text (b, ".", CSN_DOCUMENT_RUN_BOLD);
  if (!is_blank (csn_theme_get_description (theme)))
    {
      add_text (b, " ", 0);
      add_item_text (b, theme, CSN_THEME_PROP_DESCRIPTION, 0);
    }
  if (unagreed)
    close_brackets (b);
  for (guint i = 0; i < notes->len; i++)
    {
      /* "ordenado.²,³", so that two notes do not read as note 23. */
      if (i > 0)
        add_text (b, ",", CSN_DOCUMENT_RUN_SUPERSCRIPT);
      add_footnote_ref (b, g_array_index (notes, guint, i));
    }
  end_block (b, CSN_DOCUMENT_STYLE_NUMBERED, number, unagreed ? CSN_DOCUMENT_BLOCK_UNAGREED : 0,
             from_item (b, theme, CSN_THEME_PROP_TITLE));

  for (guint i = 0; strategies != NULL && i < strategies->len; i++)
    add_strategy (b, g_ptr_array_index (strategies, i), i, unagreed);
}

static gboolean
theme_is_shown (Builder  *b,
                CsnTheme *theme,
                int       horizon)
{
  if ((int) csn_theme_get_horizon (theme) != horizon)
    return FALSE;
  return b->is_draft || theme_is_agreed (theme);
}

static void
build_themes_for_horizon (Builder    *b,
                          int         horizon,
                          const char *letter)
{
  GListModel *pillars = csn_draft_get_collection (b->draft, CSN_COLLECTION_PILLARS);
  GListModel *themes = csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES);
  guint n_themes = g_list_model_get_n_items (themes);
  guint n_pillars = g_list_model_get_n_items (pillars);
  g_autoptr(GHashTable) by_pillar = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  guint shown = 0;

  if (horizon == CSN_HORIZON_UNDECIDED)
    add_text (b, L (b, N_("Term still to be decided")), 0);
  else
    add_text (b, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_HORIZON, horizon), 0);
  end_block (b, CSN_DOCUMENT_STYLE_HEADING_2, letter, 0, generated ());

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);
      const char *pillar = csn_theme_get_pillar (theme);
      GPtrArray *list;

      if (!theme_is_shown (b, theme, horizon))
        continue;
      shown++;
      if (csn_draft_lookup (b->draft, CSN_COLLECTION_PILLARS, pillar) == NULL)
        {
          g_ptr_array_add (orphans, g_steal_pointer (&theme));
          continue;
        }
      list = g_hash_table_lookup (by_pillar, pillar);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_pillar, (gpointer) pillar, list);
        }
      g_ptr_array_add (list, g_steal_pointer (&theme));
    }

  if (shown == 0)
    {
      add_text (b, L (b, N_("The Group does not recommend any theme for this term.")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
      return;
    }

  for (guint p = 0; p < n_pillars; p++)
    {
      g_autoptr(CsnPillar) pillar = g_list_model_get_item (pillars, p);
      GPtrArray *list = g_hash_table_lookup (by_pillar, csn_pillar_get_id (pillar));

      if (list == NULL)
        continue;
      add_text (b, localized_name (b, pillar), 0);
      end_block (b, CSN_DOCUMENT_STYLE_HEADING_3, NULL, 0, from_item (b, pillar, CSN_PILLAR_PROP_NAME_ES));
      for (guint i = 0; i < list->len; i++)
        add_theme (b, g_ptr_array_index (list, i));
    }
  if (orphans->len > 0)
    {
      add_text (b, L (b, N_("Themes without a pillar")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_HEADING_3, NULL, 0, generated ());
      for (guint i = 0; i < orphans->len; i++)
        add_theme (b, g_ptr_array_index (orphans, i));
    }
}

static void
index_strategies (Builder *b)
{
  GListModel *strategies = csn_draft_get_collection (b->draft, CSN_COLLECTION_STRATEGIES);

  for (guint i = 0; i < g_list_model_get_n_items (strategies); i++)
    {
      g_autoptr(CsnStrategy) strategy = g_list_model_get_item (strategies, i);
      const char *theme = csn_strategy_get_theme (strategy);
      GPtrArray *list = g_hash_table_lookup (b->strategies, theme);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (b->strategies, (gpointer) theme, list);
        }
      g_ptr_array_add (list, g_steal_pointer (&strategy));
    }
}

static void
build_themes (Builder *b)
{
  add_section_heading (b, N_("Themes recommended"));
  index_strategies (b);
  build_themes_for_horizon (b, CSN_HORIZON_SHORT_TERM, "A.");
  build_themes_for_horizon (b, CSN_HORIZON_MEDIUM_TERM, "B.");
  /* Undecided themes only while the text is negotiated: they are what is left to decide. */
  if (b->is_draft)
    {
      GListModel *themes = csn_draft_get_collection (b->draft, CSN_COLLECTION_THEMES);
      gboolean any = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (themes) && !any; i++)
        {
          g_autoptr(CsnTheme) theme = g_list_model_get_item (themes, i);

          any = csn_theme_get_horizon (theme) == CSN_HORIZON_UNDECIDED;
        }
      if (any)
        build_themes_for_horizon (b, CSN_HORIZON_UNDECIDED, "C.");
    }
}

/* III. Mechanisms */

static void
build_mechanisms (Builder *b)
{
  GListModel *mechanisms = csn_draft_get_collection (b->draft, CSN_COLLECTION_MECHANISMS);
  guint shown = 0;

  add_section_heading (b, N_("Considerations on the mechanisms of the Conference"));
  for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
    {
      g_autoptr(CsnMechanism) mechanism = g_list_model_get_item (mechanisms, i);
      CsnAssessment assessment = csn_mechanism_get_assessment (mechanism);
      const char *considerations = csn_mechanism_get_considerations (mechanism);
      const char *proposal = csn_mechanism_get_proposal (mechanism);
      gboolean has_text = !is_blank (considerations) || !is_blank (proposal);
      gboolean unagreed = assessment == CSN_ASSESSMENT_NOT_ASSESSED;
      g_autofree char *number = NULL;

      /* Not assessed: only a draft shows what was said of it, in brackets. */
      if (unagreed && (!b->is_draft || !has_text))
        continue;

      number = next_paragraph_number (b);
      shown++;
      if (unagreed)
        open_brackets (b);
      if (!add_item_text (b, mechanism, CSN_MECHANISM_PROP_NAME, CSN_DOCUMENT_RUN_BOLD))
        add_text (b, ".", CSN_DOCUMENT_RUN_BOLD);
      if (!unagreed)
        {
          add_label (b, N_("Assessment:"));
          add_text (b, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_ASSESSMENT, assessment), 0);
          add_text (b, ".", 0);
        }
      if (!is_blank (considerations))
        {
          add_text (b, " ", 0);
          if (!add_item_text (b, mechanism, CSN_MECHANISM_PROP_CONSIDERATIONS, 0))
            add_text (b, ".", 0);
        }
      if (!is_blank (proposal))
        {
          add_label (b, N_("Proposal:"));
          if (!add_item_text (b, mechanism, CSN_MECHANISM_PROP_PROPOSAL, 0))
            add_text (b, ".", 0);
        }
      if (unagreed)
        close_brackets (b);
      end_block (b, CSN_DOCUMENT_STYLE_NUMBERED, number, unagreed ? CSN_DOCUMENT_BLOCK_UNAGREED : 0,
                 from_item (b, mechanism, CSN_MECHANISM_PROP_CONSIDERATIONS));
    }
  if (shown == 0)
    {
      add_text (b, L (b, N_("The Group made no considerations on the mechanisms of the Conference.")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
    }
}

/* IV. Actors */

static void
add_proposal (Builder         *b,
              CsnRoleProposal *proposal)
{
  g_autofree char *number = next_paragraph_number (b);
  gboolean unagreed = csn_role_proposal_get_status (proposal) == CSN_PROPOSAL_STATUS_PROPOSED;
  const char * const *supporters = csn_role_proposal_get_supported_by (proposal);

  if (unagreed)
    open_brackets (b);
  add_text (b, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_ROLE_CHANGE,
                                              csn_role_proposal_get_change (proposal)),
            CSN_DOCUMENT_RUN_ITALIC);
  add_text (b, ": ", CSN_DOCUMENT_RUN_ITALIC);
  if (!add_item_text (b, proposal, CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION, 0))
    add_text (b, ".", 0);
  if (!is_blank (csn_role_proposal_get_rationale (proposal)))
    {
      add_label (b, N_("Rationale:"));
      if (!add_item_text (b, proposal, CSN_ROLE_PROPOSAL_PROP_RATIONALE, 0))
        add_text (b, ".", 0);
    }
  /* Who proposed it matters while it is negotiated; an agreed text is the Group's. */
  if (unagreed && supporters[0] != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; supporters[i] != NULL; i++)
        g_ptr_array_add (names, country_in_sentence (b, supporters[i]));
      list = join_list (b, names);
      add_label (b, N_("Proposed by:"));
      add_text (b, list, 0);
      add_text (b, ".", 0);
    }
  if (unagreed)
    close_brackets (b);
  end_block (b, CSN_DOCUMENT_STYLE_NUMBERED, number, unagreed ? CSN_DOCUMENT_BLOCK_UNAGREED : 0,
             from_item (b, proposal, CSN_ROLE_PROPOSAL_PROP_ATTRIBUTION));
}

static gboolean
proposal_is_shown (Builder         *b,
                   CsnRoleProposal *proposal)
{
  CsnProposalStatus status = csn_role_proposal_get_status (proposal);

  return status == CSN_PROPOSAL_STATUS_AGREED || (b->is_draft && status == CSN_PROPOSAL_STATUS_PROPOSED);
}

static void
build_actors (Builder *b)
{
  GListModel *actors = csn_draft_get_collection (b->draft, CSN_COLLECTION_ACTORS);
  GListModel *proposals = csn_draft_get_collection (b->draft, CSN_COLLECTION_ROLE_PROPOSALS);
  g_autoptr(GHashTable) by_actor = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  guint shown = 0;

  add_section_heading (b, N_("Role and attributions of the actors"));
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(CsnRoleProposal) proposal = g_list_model_get_item (proposals, i);
      const char *actor = csn_role_proposal_get_actor (proposal);
      GPtrArray *list;

      if (!proposal_is_shown (b, proposal))
        continue;
      shown++;
      if (csn_draft_lookup (b->draft, CSN_COLLECTION_ACTORS, actor) == NULL)
        {
          g_ptr_array_add (orphans, g_steal_pointer (&proposal));
          continue;
        }
      list = g_hash_table_lookup (by_actor, actor);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_actor, (gpointer) actor, list);
        }
      g_ptr_array_add (list, g_steal_pointer (&proposal));
    }

  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(CsnActor) actor = g_list_model_get_item (actors, a);
      GPtrArray *list = g_hash_table_lookup (by_actor, csn_actor_get_id (actor));

      if (list == NULL)
        continue;
      add_text (b, localized_name (b, actor), 0);
      end_block (b, CSN_DOCUMENT_STYLE_HEADING_3, NULL, 0, from_item (b, actor, CSN_ACTOR_PROP_NAME_ES));
      for (guint i = 0; i < list->len; i++)
        add_proposal (b, g_ptr_array_index (list, i));
    }
  if (orphans->len > 0)
    {
      add_text (b, L (b, N_("Other actors")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_HEADING_3, NULL, 0, generated ());
      for (guint i = 0; i < orphans->len; i++)
        add_proposal (b, g_ptr_array_index (orphans, i));
    }
  if (shown == 0)
    {
      add_text (b, L (b, N_("The Group made no proposals on the role and attributions of the actors.")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
    }
}

/* V. Next steps, and the closing */

static void
build_next_steps (Builder *b)
{
  CsnMeeting *meeting = csn_draft_get_meeting (b->draft);
  CsnDocumentTexts *texts = csn_draft_get_document_texts (b->draft);
  g_autofree char *due = format_date (b, csn_meeting_get_answers_due (meeting));

  if (is_blank (csn_document_texts_get_next_steps (texts)) && is_blank (csn_document_texts_get_closing (texts)) &&
      due == NULL && !b->is_draft)
    return;

  add_section_heading (b, N_("Next steps"));
  if (!add_texts_field (b, CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS, CSN_DOCUMENT_STYLE_NUMBERED) && b->is_draft)
    add_placeholder (b, CSN_DOCUMENT_TEXTS_PROP_NEXT_STEPS);
  if (due != NULL)
    {
      g_autofree char *number = next_paragraph_number (b);
      g_autofree char *text = expand (L (b, N_("The Member States are invited to send their comments and their endorsement of this document to the Pro Tempore Presidency by {date}.")),
                                      "date", due, NULL);

      add_text (b, text, 0);
      end_block (b, CSN_DOCUMENT_STYLE_NUMBERED, number, 0, from_meeting (b, CSN_MEETING_PROP_ANSWERS_DUE));
    }
  add_texts_field (b, CSN_DOCUMENT_TEXTS_PROP_CLOSING, CSN_DOCUMENT_STYLE_NUMBERED);
}

/* Annexes */

typedef struct
{
  GArray *rows;    /* CsnDocumentRow */
  GArray *cells;   /* CsnDocumentCell of the row being built */
  guint   n_columns;
} TableBuilder;

static void
table_cell (Builder      *b,
            TableBuilder *t,
            guint         align)
{
  CsnDocumentCell cell = { take_runs (b), align };

  g_array_append_val (t->cells, cell);
}

static void
table_text_cell (Builder      *b,
                 TableBuilder *t,
                 const char   *text,
                 guint         flags,
                 guint         align)
{
  add_text (b, text, flags);
  table_cell (b, t, align);
}

static void
table_end_row (TableBuilder      *t,
               guint              flags,
               CsnDocumentSource  source)
{
  CsnDocumentRow row = { 0 };

  g_assert (t->cells->len == ((flags & CSN_DOCUMENT_ROW_GROUP) ? 1 : t->n_columns));
  row.n_cells = t->cells->len;
  row.cells = g_memdup2 (t->cells->data, t->cells->len * sizeof (CsnDocumentCell));
  row.flags = flags;
  row.source = source;
  g_array_set_size (t->cells, 0);
  g_array_append_val (t->rows, row);
}

static void
table_begin (TableBuilder *t,
             guint         n_columns)
{
  t->rows = g_array_new (FALSE, TRUE, sizeof (CsnDocumentRow));
  t->cells = g_array_new (FALSE, TRUE, sizeof (CsnDocumentCell));
  t->n_columns = n_columns;
}

static void
table_end (Builder       *b,
           TableBuilder  *t,
           const double  *widths)
{
  CsnDocumentTable *table = g_new0 (CsnDocumentTable, 1);
  CsnDocumentBlock block = { 0 };

  table->n_columns = t->n_columns;
  table->widths = g_memdup2 (widths, t->n_columns * sizeof (double));
  table->n_rows = t->rows->len;
  table->rows = g_array_steal (t->rows, NULL);
  g_array_unref (t->rows);
  g_array_unref (t->cells);

  block.kind = CSN_DOCUMENT_BLOCK_TABLE;
  block.style = CSN_DOCUMENT_STYLE_TABLE;
  block.table = table;
  block.source = generated ();
  g_array_append_val (b->doc->blocks, block);
}

static void
add_annex_heading (Builder    *b,
                   guint       n,
                   const char *msgid)
{
  g_autofree char *numeral = roman (n);
  g_autofree char *label = NULL;

  /* Translators: "Annex I." before an annex's title */
  label = expand (L (b, N_("Annex {number}.")), "number", numeral, NULL);
  add_text (b, L (b, msgid), 0);
  end_block (b, CSN_DOCUMENT_STYLE_HEADING_1, label, CSN_DOCUMENT_BLOCK_PAGE_BREAK_BEFORE, generated ());
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  CsnParticipant *pa = *(CsnParticipant **) a;
  CsnParticipant *pb = *(CsnParticipant **) b;

  return (int) csn_participant_get_role (pa) - (int) csn_participant_get_role (pb);
}

static void
add_delegation (Builder      *b,
                TableBuilder *t,
                const char   *name,
                GPtrArray    *people,
                CsnDocumentSource source)
{
  add_text (b, name, CSN_DOCUMENT_RUN_BOLD);
  table_cell (b, t, CSN_DOCUMENT_ALIGN_START);
  table_end_row (t, CSN_DOCUMENT_ROW_GROUP, source);

  /* Heads of delegation first, as lists of participants read; otherwise the draft's order. */
  g_ptr_array_sort (people, compare_roles);
  for (guint i = 0; i < people->len; i++)
    {
      CsnParticipant *participant = g_ptr_array_index (people, i);

      add_item_text (b, participant, CSN_PARTICIPANT_PROP_NAME, 0);
      table_cell (b, t, CSN_DOCUMENT_ALIGN_START);
      add_item_text (b, participant, CSN_PARTICIPANT_PROP_POSITION, 0);
      table_cell (b, t, CSN_DOCUMENT_ALIGN_START);
      table_text_cell (b, t, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_PARTICIPANT_ROLE,
                                                            csn_participant_get_role (participant)),
                       0, CSN_DOCUMENT_ALIGN_START);
      add_item_text (b, participant, CSN_PARTICIPANT_PROP_EMAIL, 0);
      table_cell (b, t, CSN_DOCUMENT_ALIGN_START);
      table_end_row (t, 0, from_item (b, participant, CSN_PARTICIPANT_PROP_NAME));
    }
}

static void
build_participants_annex (Builder *b,
                          guint    n)
{
  static const double widths[] = { 0.26, 0.30, 0.17, 0.27 };
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  GListModel *participants = csn_draft_get_collection (b->draft, CSN_COLLECTION_PARTICIPANTS);
  g_autoptr(GHashTable) by_country = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) secretariat = g_ptr_array_new_with_free_func (g_object_unref);
  TableBuilder t;

  add_annex_heading (b, n, N_("List of participants"));
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(CsnParticipant) participant = g_list_model_get_item (participants, i);
      const char *code = csn_participant_get_country (participant);
      GPtrArray *list;

      /* The draft records a delegation by its country: whoever has none is the Secretariat's. */
      if (csn_draft_lookup (b->draft, CSN_COLLECTION_COUNTRIES, code) == NULL)
        {
          g_ptr_array_add (secretariat, g_steal_pointer (&participant));
          continue;
        }
      list = g_hash_table_lookup (by_country, code);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_country, (gpointer) code, list);
        }
      g_ptr_array_add (list, g_steal_pointer (&participant));
    }

  if (g_list_model_get_n_items (participants) == 0)
    {
      add_text (b, L (b, N_("No participants are registered.")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
      return;
    }

  table_begin (&t, G_N_ELEMENTS (widths));
  table_text_cell (b, &t, L (b, N_("Name")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Position")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Role in the delegation")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Email")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_end_row (&t, CSN_DOCUMENT_ROW_HEADER, generated ());

  /* Member States in the Conference's order, then the Secretariat, then observers. */
  for (int membership = CSN_MEMBERSHIP_MEMBER; membership <= CSN_MEMBERSHIP_OBSERVER; membership++)
    {
      if (membership == CSN_MEMBERSHIP_OBSERVER && secretariat->len > 0)
        add_delegation (b, &t, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_ACTOR_KIND,
                                                              CSN_ACTOR_KIND_TECHNICAL_SECRETARIAT),
                        secretariat, generated ());
      for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
        {
          g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
          GPtrArray *list = g_hash_table_lookup (by_country, csn_country_get_code (country));

          if (list != NULL && (int) csn_country_get_membership (country) == membership)
            add_delegation (b, &t, localized_name (b, country), list,
                            from_item (b, country, CSN_COUNTRY_PROP_NAME_ES));
        }
    }
  table_end (b, &t, widths);
}

static void
build_matrix_annex (Builder *b,
                    guint    n)
{
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) legend = g_string_new (NULL);
  /* Country columns wide enough for two capitals at the table's size. */
  double fixed[] = { 0.065, 0.215, 0.14, 0.10 };
  double rest = 0.48;
  TableBuilder t;

  add_annex_heading (b, n, N_("Theme matrix"));
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);

      if (csn_country_get_membership (country) == CSN_MEMBERSHIP_MEMBER)
        g_ptr_array_add (members, g_steal_pointer (&country));
    }
  if (b->matrix_themes->len == 0)
    {
      add_text (b, L (b, N_("The document recommends no theme yet.")), 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
      return;
    }
  if (members->len == 0)
    {
      fixed[1] += rest;
      rest = 0;
    }
  g_array_append_vals (widths, fixed, G_N_ELEMENTS (fixed));
  for (guint i = 0; i < members->len; i++)
    {
      double share = rest / members->len;

      g_array_append_val (widths, share);
    }

  table_begin (&t, widths->len);
  table_text_cell (b, &t, L (b, N_("Para.")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Theme")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Pillar")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Term")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  for (guint i = 0; i < members->len; i++)
    table_text_cell (b, &t, csn_country_get_code (g_ptr_array_index (members, i)), 0, CSN_DOCUMENT_ALIGN_CENTER);
  table_end_row (&t, CSN_DOCUMENT_ROW_HEADER, generated ());

  for (guint i = 0; i < b->matrix_themes->len; i++)
    {
      CsnTheme *theme = g_ptr_array_index (b->matrix_themes, i);
      CsnItem *pillar = csn_draft_lookup (b->draft, CSN_COLLECTION_PILLARS, csn_theme_get_pillar (theme));
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (b->theme_numbers, csn_theme_get_id (theme)));
      g_autofree char *label = g_strdup_printf ("%u", number);
      gboolean unagreed = b->is_draft && !theme_is_agreed (theme);

      table_text_cell (b, &t, label, 0, CSN_DOCUMENT_ALIGN_START);
      if (unagreed)
        open_brackets (b);
      add_item_text (b, theme, CSN_THEME_PROP_TITLE, 0);
      if (unagreed)
        close_brackets (b);
      table_cell (b, &t, CSN_DOCUMENT_ALIGN_START);
      table_text_cell (b, &t, pillar != NULL ? localized_name (b, pillar) : "", 0, CSN_DOCUMENT_ALIGN_START);
      table_text_cell (b, &t, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_HORIZON,
                                                             csn_theme_get_horizon (theme)),
                       0, CSN_DOCUMENT_ALIGN_START);
      for (guint c = 0; c < members->len; c++)
        table_text_cell (b, &t, g_strv_contains (csn_theme_get_raised_by (theme),
                                                 csn_country_get_code (g_ptr_array_index (members, c))) ? "X" : "",
                         0, CSN_DOCUMENT_ALIGN_CENTER);
      table_end_row (&t, 0, from_item (b, theme, CSN_THEME_PROP_RAISED_BY));
    }
  table_end (b, &t, (gpointer) widths->data);

  if (members->len > 0)
    {
      add_text (b, L (b, N_("Country codes:")), CSN_DOCUMENT_RUN_ITALIC);
      for (guint i = 0; i < members->len; i++)
        {
          CsnCountry *country = g_ptr_array_index (members, i);

          g_string_printf (legend, "%s%s %s", i == 0 ? " " : "; ", csn_country_get_code (country),
                           localized_name (b, country));
          add_text (b, legend->str, 0);
        }
      add_text (b, ".", 0);
      end_block (b, CSN_DOCUMENT_STYLE_BODY, NULL, 0, generated ());
    }
}

static void
build_endorsements_annex (Builder *b,
                          guint    n)
{
  static const double widths[] = { 0.26, 0.26, 0.18, 0.30 };
  GListModel *countries = csn_draft_get_collection (b->draft, CSN_COLLECTION_COUNTRIES);
  TableBuilder t;

  add_annex_heading (b, n, N_("Endorsements received"));
  table_begin (&t, G_N_ELEMENTS (widths));
  table_text_cell (b, &t, L (b, N_("Member State")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Endorsement")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Date")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_text_cell (b, &t, L (b, N_("Note")), CSN_DOCUMENT_RUN_BOLD, CSN_DOCUMENT_ALIGN_START);
  table_end_row (&t, CSN_DOCUMENT_ROW_HEADER, generated ());

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(CsnCountry) country = g_list_model_get_item (countries, i);
      const char *code = csn_country_get_code (country);
      CsnEndorsement *endorsement = (CsnEndorsement *) csn_draft_lookup (b->draft, CSN_COLLECTION_ENDORSEMENTS, code);
      g_autofree char *date = NULL;
      CsnEndorsementStatus status = CSN_ENDORSEMENT_STATUS_PENDING;

      if (csn_country_get_membership (country) != CSN_MEMBERSHIP_MEMBER)
        continue;
      if (endorsement != NULL)
        {
          status = csn_endorsement_get_status (endorsement);
          date = format_date (b, csn_endorsement_get_date (endorsement));
        }
      table_text_cell (b, &t, localized_name (b, country), 0, CSN_DOCUMENT_ALIGN_START);
      table_text_cell (b, &t, csn_catalog_lookup_enum_label (b->language, CSN_TYPE_ENDORSEMENT_STATUS, status),
                       0, CSN_DOCUMENT_ALIGN_START);
      table_text_cell (b, &t, date != NULL ? date : "", 0, CSN_DOCUMENT_ALIGN_START);
      if (endorsement != NULL)
        add_item_text (b, endorsement, CSN_ENDORSEMENT_PROP_NOTE, 0);
      table_cell (b, &t, CSN_DOCUMENT_ALIGN_START);
      table_end_row (&t, 0, endorsement != NULL ? from_item (b, endorsement, CSN_ENDORSEMENT_PROP_STATUS)
                                                : from_item (b, country, CSN_COUNTRY_PROP_NAME_ES));
    }
  table_end (b, &t, widths);
}

/* Properties */

static GDateTime *
document_date (void)
{
  /* Reproducible outputs, as build tools expect: https://reproducible-builds.org/specs/source-date-epoch/ */
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && epoch[0] != '\0')
    {
      char *end = NULL;
      guint64 seconds = g_ascii_strtoull (epoch, &end, 10);

      if (end != NULL && *end == '\0')
        {
          GDateTime *date = g_date_time_new_from_unix_utc (seconds);

          if (date != NULL)
            return date;
        }
    }
  return g_date_time_new_now_local ();
}

static void
set_properties (Builder *b)
{
  CsnDocument *doc = b->doc;
  /* Translators: the page number in a document's footer: "3 de 12" */
  const char *label = L (b, N_("{page} of {pages}"));
  const char *page = strstr (label, "{page}");
  const char *pages = strstr (label, "{pages}");
  g_autofree char *before = NULL;
  g_autofree char *between = NULL;

  doc->title = L (b, N_("Proposals and recommendations of the Working Group"));
  doc->subject = L (b, N_("Proposals and recommendations of the Working Group for the strengthening and updating of the Regional Conference on Migration"));
  doc->author = L (b, N_("Co-chairs of the working group"));
  doc->organization = L (b, N_("Regional Conference on Migration"));

  switch (doc->status)
    {
    case CSN_MEETING_STATUS_APPROVED:
      doc->status_label = L (b, N_("Approved by the Group"));
      break;
    case CSN_MEETING_STATUS_SUBMITTED:
      doc->status_label = L (b, N_("Submitted to the Member States"));
      break;
    case CSN_MEETING_STATUS_DRAFT:
    default:
      doc->status_label = csn_catalog_lookup_enum_label (b->language, CSN_TYPE_MEETING_STATUS,
                                                         CSN_MEETING_STATUS_DRAFT);
      break;
    }

  doc->header_start = doc->title;
  doc->header_end = doc->status == CSN_MEETING_STATUS_DRAFT ? L (b, N_("DRAFT")) : doc->status_label;
  doc->first_header = doc->status == CSN_MEETING_STATUS_DRAFT ? doc->header_end : "";

  /* A translation that lost a placeholder falls back to the English form. */
  if (page == NULL || pages == NULL || pages < page)
    {
      label = "{page} of {pages}";
      page = label;
      pages = strstr (label, "{pages}");
    }
  before = g_strndup (label, page - label);
  between = g_strndup (page + strlen ("{page}"), pages - page - strlen ("{page}"));
  doc->page_before = keep (b, before);
  doc->page_between = keep (b, between);
  doc->page_after = keep (b, pages + strlen ("{pages}"));
}

/**
 * csn_document_new:
 * @draft: the draft
 * @language: the language of the document's labels; content stays as written, or translated
 *
 * Builds the document from @draft as it is now; the result keeps no reference to the draft and may
 * be read from any thread.
 */
CsnDocument *
csn_document_new (CsnDraft    *draft,
                  CsnLanguage  language)
{
  g_autoptr(CsnDocument) self = NULL;
  CsnMeeting *meeting;
  Builder b = { 0 };
  guint annex = 0;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (language == CSN_LANGUAGE_ES || language == CSN_LANGUAGE_EN, NULL);

  self = g_object_new (CSN_TYPE_DOCUMENT, NULL);
  meeting = csn_draft_get_meeting (draft);
  self->language = language;
  self->content_language = csn_meeting_get_language (meeting);
  self->status = csn_meeting_get_status (meeting);
  self->date = document_date ();

  b.doc = self;
  b.draft = draft;
  b.language = language;
  b.content = self->content_language;
  b.is_draft = self->status == CSN_MEETING_STATUS_DRAFT;
  b.runs = g_array_new (FALSE, TRUE, sizeof (CsnDocumentRun));
  b.scratch = g_string_new (NULL);
  b.strategies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  b.theme_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  b.matrix_themes = g_ptr_array_new ();

  set_properties (&b);
  build_header_block (&b);
  build_preamble (&b);

  if (!is_blank (csn_document_texts_get_background (csn_draft_get_document_texts (draft))) ||
      b.is_draft)
    {
      add_section_heading (&b, N_("Background"));
      if (!add_texts_field (&b, CSN_DOCUMENT_TEXTS_PROP_BACKGROUND, CSN_DOCUMENT_STYLE_NUMBERED))
        add_placeholder (&b, CSN_DOCUMENT_TEXTS_PROP_BACKGROUND);
    }
  build_themes (&b);
  build_mechanisms (&b);
  build_actors (&b);
  build_next_steps (&b);

  build_participants_annex (&b, ++annex);
  build_matrix_annex (&b, ++annex);
  if (self->status == CSN_MEETING_STATUS_SUBMITTED)
    build_endorsements_annex (&b, ++annex);

  g_array_unref (b.runs);
  g_string_free (b.scratch, TRUE);
  g_hash_table_unref (b.strategies);
  g_hash_table_unref (b.theme_numbers);
  g_ptr_array_unref (b.matrix_themes);
  return g_steal_pointer (&self);
}

CsnLanguage
csn_document_get_language (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), CSN_LANGUAGE_ES);
  return self->language;
}

CsnLanguage
csn_document_get_content_language (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), CSN_LANGUAGE_ES);
  return self->content_language;
}

CsnMeetingStatus
csn_document_get_status (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), CSN_MEETING_STATUS_DRAFT);
  return self->status;
}

/* The date the document bears; SOURCE_DATE_EPOCH, when set, makes it reproducible. */
GDateTime *
csn_document_get_date (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->date;
}

const char *
csn_document_get_title (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
csn_document_get_subject (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->subject;
}

const char *
csn_document_get_author (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->author;
}

const char *
csn_document_get_organization (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->organization;
}

const char *
csn_document_get_keywords (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return "CRM";
}

/* "Borrador", "Aprobado por el Grupo", "Sometido a los Estados Miembros". */
const char *
csn_document_get_status_label (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->status_label;
}

/* The running header of every page but the first: the title at the start, the status at the end. */
const char *
csn_document_get_header_start (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->header_start;
}

const char *
csn_document_get_header_end (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->header_end;
}

/* The first page's header, at its end: "BORRADOR" while a draft, else empty. */
const char *
csn_document_get_first_header (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  return self->first_header;
}

/* The footer "N de M" in three parts around the page number and the page count, for renderers
 * that write them as fields. */
void
csn_document_get_page_label (CsnDocument  *self,
                             const char  **before,
                             const char  **between,
                             const char  **after)
{
  g_return_if_fail (CSN_IS_DOCUMENT (self));

  *before = self->page_before;
  *between = self->page_between;
  *after = self->page_after;
}

char *
csn_document_format_page_label (CsnDocument *self,
                                guint        page,
                                guint        n_pages)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);

  return g_strdup_printf ("%s%u%s%u%s", self->page_before, page, self->page_between, n_pages,
                          self->page_after);
}

guint
csn_document_get_n_blocks (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const CsnDocumentBlock *
csn_document_get_block (CsnDocument *self,
                        guint        index)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, CsnDocumentBlock, index);
}

guint
csn_document_get_n_footnotes (CsnDocument *self)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), 0);
  return self->footnotes->len;
}

const CsnDocumentFootnote *
csn_document_get_footnote (CsnDocument *self,
                           guint        index)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->footnotes->len, NULL);
  return &g_array_index (self->footnotes, CsnDocumentFootnote, index);
}

/* The first paragraph that comes from the item @key, for a view that goes from an item to the
 * document. @collection is checked, since keys of different lists may coincide. */
gboolean
csn_document_find_block (CsnDocument   *self,
                         CsnCollection  collection,
                         const char    *key,
                         guint         *index)
{
  guint found;

  g_return_val_if_fail (CSN_IS_DOCUMENT (self), FALSE);

  if (key == NULL)
    return FALSE;
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_blocks, key));
  if (found != 0 && g_array_index (self->blocks, CsnDocumentBlock, found - 1).source.collection == collection)
    {
      if (index != NULL)
        *index = found - 1;
      return TRUE;
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const CsnDocumentBlock *block = &g_array_index (self->blocks, CsnDocumentBlock, i);

      if (block->source.origin == CSN_DOCUMENT_ORIGIN_ITEM && block->source.collection == collection &&
          g_strcmp0 (block->source.key, key) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The language tag documents carry: Spanish as the Conference's region writes it. */
const char *
csn_language_get_tag (CsnLanguage language)
{
  return language == CSN_LANGUAGE_ES ? "es-MX" : "en-US";
}
