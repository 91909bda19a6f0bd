/* csn-export-writer.c: writes the tables of a snapshot as an .xlsx workbook with libxlsxwriter. */
#define G_LOG_DOMAIN "csn-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "csn-catalog.h"
#include "csn-export-private.h"
#include "csn-safe-file.h"
#include "csn-utf8.h"

#if LXW_VERSION_ID < 110
#error "Consenso needs libxlsxwriter 1.1.0 or newer"
#endif

#define CELL_MAX_UNITS      32767  /* Excel's limit, in UTF-16 code units */
#define VALIDATION_SPARE    500    /* rows below the data that keep the drop-down lists */
#define PROGRESS_EVERY      256    /* rows between progress reports and cancellation checks */
#define LINE_HEIGHT         15.0   /* points, for the default 11-point font */
#define MAX_ROW_LINES       27     /* Excel's highest row is 409 points */
#define FOOTER_TITLE_CHARS  48
#define FOOTER_SIZE         "&9"   /* the footer's font size, as a header/footer code */
#define PRINT_WIDTH_PIXELS  960    /* a landscape page's width less its margins, at 96 pixels an inch */
#define MIN_PRINT_SCALE     73     /* percent: the 11-point text no smaller than 8 points on paper */
#define TO_FILL_WIDTH       40     /* characters: a column to write in has room for it */
#define TO_FILL_LINES       3      /* and its rows too */

/* The language of the workbook, not of the interface. */
#define L(snapshot, msgid) csn_catalog_lookup ((snapshot)->language, (msgid))

static inline CsnExportCell *
table_cell (CsnExportTable *table,
            guint           row,
            guint           column)
{
  return &g_array_index (table->cells, CsnExportCell, row * table->columns->len + column);
}

typedef struct {
  CsnExportSnapshot     *snapshot;
  CsnExportDelegation   *delegation;   /* a member state's workbook; NULL for the full one or a base */
  guint                  stub_tables;  /* tables whose sheets are left empty, to be taken from a base */
  guint                  header_row;   /* of the table being written: 1 under a row of markers */
  lxw_workbook          *workbook;
  lxw_error              status;
  GString               *buffer;
  GPtrArray             *keep_alive;  /* strings libxlsxwriter refers to until it closes */

  lxw_format            *title;
  lxw_format            *key;
  lxw_format            *value;
  lxw_format            *header;
  lxw_format            *header_rotated;
  lxw_format            *id;
  lxw_format            *text;         /* names and free text alike */
  lxw_format            *literal;      /* text that looks like a formula stays text when edited */
  lxw_format            *center;
  lxw_format            *date;
  lxw_format            *summary_date;
  lxw_format            *warning;
  lxw_format            *total;
  lxw_format            *total_number;
  lxw_format            *choice;       /* the unlocked answer cells */
  lxw_format            *answer_text;
  lxw_format            *answer_date;
  lxw_format            *heading;
  lxw_format            *instruction_key;
  lxw_format            *paragraph;
  lxw_format            *plain;

  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
  guint                  rows_done;
  guint                  rows_total;
  gboolean               cancelled;
} Writer;

static void
record (Writer    *w,
        lxw_error  error)
{
  if (error != LXW_NO_ERROR && w->status == LXW_NO_ERROR)
    w->status = error;
}

/* False once the export failed or was cancelled. */
static gboolean
tick_row (Writer *w)
{
  w->rows_done++;
  if (w->rows_done % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        w->cancelled = TRUE;
      else if (w->progress != NULL && w->rows_total > 0)
        w->progress (0.99 * w->rows_done / w->rows_total, w->progress_data);
    }
  return !w->cancelled && w->status == LXW_NO_ERROR;
}

static inline gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

/* "_x0041_" is an escape inside a workbook: a literal one is written "_x005F_x0041_". */
static inline gboolean
is_escape_at (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && is_hex (p[2]) && is_hex (p[3]) && is_hex (p[4]) &&
         is_hex (p[5]) && p[6] == '_';
}

/* Whether @text (@length bytes, then a NUL) is valid UTF-8 that a cell holds as it is: no control
 * character but tab and newline, no U+FFFE or U+FFFF, no "_xHHHH_" a reader would take for an
 * escape. One pass, through ASCII eight bytes at a time. */
gboolean
csn_export_text_is_clean (const char *text,
                          gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (p < end)
    {
      guchar c;

      if (end - p >= 8)
        {
          guint64 word, underscores;

          memcpy (&word, p, sizeof word);
          underscores = word ^ (ones * '_');
          /* Nothing beyond ASCII, nothing below a space, no "_": nothing to look at. */
          if ((word & highs) == 0 && ((word - ones * 0x20) & ~word & highs) == 0 &&
              ((underscores - ones) & ~underscores & highs) == 0)
            {
              p += 8;
              continue;
            }
        }

      c = *p;
      if (c < 0x80)
        {
          if ((c < 0x20 && c != '\t' && c != '\n') || (c == '_' && is_escape_at ((const char *) p)))
            return FALSE;
          p++;
        }
      else if (c < 0xC2)
        return FALSE;
      else if (c < 0xE0)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c < 0xF0)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
            return FALSE;
          /* U+FFFE and U+FFFF: XML forbids them. */
          if (c == 0xEF && p[1] == 0xBF && (p[2] & 0xFE) == 0xBE)
            return FALSE;
          p += 3;
        }
      else if (c < 0xF5)
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
              (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

/*
 * Text as a cell can hold it: valid UTF-8, no character XML forbids, at most Excel's 32,767
 * characters, a cut said on the first line so that readers see it. Returns @text itself when it
 * is fine.
 */
static const char *
prepare_text (Writer     *w,
              const char *text)
{
  gsize length = strlen (text);
  const char *p;
  gsize units = 0;
  const char *marker;
  gsize marker_units;

  if (length <= CELL_MAX_UNITS && csn_export_text_is_clean (text, length))
    return text;

  g_string_truncate (w->buffer, 0);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      g_string_append (w->buffer, valid);
    }
  else
    g_string_append_len (w->buffer, text, length);

  /* Characters XML 1.0 cannot hold are dropped; \r\n becomes \n. */
  {
    GString *clean = g_string_sized_new (w->buffer->len + 16);

    for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar ch = g_utf8_get_char (p);

        if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0xFFFE || ch == 0xFFFF)
          continue;
        if (is_escape_at (p))
          g_string_append (clean, "_x005F");
        g_string_append_unichar (clean, ch);
      }
    g_string_free (w->buffer, TRUE);
    w->buffer = clean;
  }

  marker = L (w->snapshot, N_("[Cut: a spreadsheet cell holds at most 32,767 characters; the whole text is in the draft.]"));
  marker_units = 0;
  for (p = marker; *p != '\0'; p = g_utf8_next_char (p))
    marker_units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      if (units > CELL_MAX_UNITS)
        break;
    }
  if (units > CELL_MAX_UNITS)
    {
      /* Cut where the text and the marker fit together. */
      units = 0;
      for (p = w->buffer->str; *p != '\0'; p = g_utf8_next_char (p))
        {
          guint size = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

          if (units + size + 1 + marker_units > CELL_MAX_UNITS)
            break;
          units += size;
        }
      g_string_truncate (w->buffer, p - w->buffer->str);
      /* Said first, on a line of its own: the end of a text this long is never in sight. */
      g_string_prepend_c (w->buffer, '\n');
      g_string_prepend (w->buffer, marker);
    }
  return w->buffer->str;
}

static void
write_string (Writer        *w,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      column,
              const char    *text,
              lxw_format    *format)
{
  const char *clean = prepare_text (w, text);

  if (strchr ("=+-@", clean[0]) != NULL && clean[0] != '\0')
    format = w->literal;
  record (w, worksheet_write_string (sheet, row, column, clean, format));
}

static gboolean
parse_date (const char   *text,
            lxw_datetime *date)
{
  unsigned year, month, day;
  char extra;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3)
    return FALSE;
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *date = (lxw_datetime) { .year = year, .month = month, .day = day };
  return TRUE;
}

static void
write_date (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *date_format,
            lxw_format    *text_format)
{
  lxw_datetime date;

  if (parse_date (text, &date))
    record (w, worksheet_write_datetime (sheet, row, column, &date, date_format));
  else
    write_string (w, sheet, row, column, text, text_format);
}

static lxw_format *
column_format (Writer               *w,
               CsnExportColumnStyle  style)
{
  switch (style)
    {
    case CSN_EXPORT_STYLE_ID:
      return w->id;
    case CSN_EXPORT_STYLE_NUMBER:
    case CSN_EXPORT_STYLE_MARK:
      return w->center;
    case CSN_EXPORT_STYLE_NAME:
    case CSN_EXPORT_STYLE_TEXT:
      return w->text;
    case CSN_EXPORT_STYLE_DATE:
      return w->date;
    case CSN_EXPORT_STYLE_CHOICE:
      return w->choice;
    case CSN_EXPORT_STYLE_ANSWER_TEXT:
      return w->answer_text;
    case CSN_EXPORT_STYLE_ANSWER_DATE:
      return w->answer_date;
    default:
      g_assert_not_reached ();
    }
}

/* The member state's answer in an answer column of a table, or NULL. */
static const char *
answer_text (Writer         *w,
             CsnExportTable *table,
             guint           table_index,
             guint           row,
             guint           column)
{
  GArray *answers;
  const CsnExportAnswer *answer;

  if (w->delegation == NULL || table->answer_key == NULL || table_index >= w->delegation->answers->len)
    return NULL;
  answers = g_ptr_array_index (w->delegation->answers, table_index);
  if (answers == NULL || row >= answers->len)
    return NULL;
  answer = &g_array_index (answers, CsnExportAnswer, row);
  if (column == table->stance_column)
    return answer->stance;
  if (column == table->comment_column)
    return answer->comment;
  return NULL;
}

static void
write_cell (Writer         *w,
            lxw_worksheet  *sheet,
            CsnExportTable *table,
            guint           table_index,
            guint           row,
            guint           column,
            lxw_col_t       first_column)
{
  const CsnExportCell *cell = table_cell (table, row, column);
  const CsnExportColumn *spec = &g_array_index (table->columns, CsnExportColumn, column);
  lxw_format *format = cell->warning ? w->warning : column_format (w, spec->style);
  lxw_row_t r = w->header_row + row + 1;
  lxw_col_t c = first_column + column;
  const char *answer = table->answer_key != NULL ? answer_text (w, table, table_index, row, column) : NULL;

  if (answer != NULL)
    {
      write_string (w, sheet, r, c, answer, format);
      return;
    }

  switch (cell->kind)
    {
    case CSN_EXPORT_CELL_EMPTY:
      record (w, worksheet_write_blank (sheet, r, c, format));
      break;
    case CSN_EXPORT_CELL_STRING:
      write_string (w, sheet, r, c, cell->text, format);
      break;
    case CSN_EXPORT_CELL_NUMBER:
      record (w, worksheet_write_number (sheet, r, c, cell->number, format));
      break;
    case CSN_EXPORT_CELL_DATE:
      write_date (w, sheet, r, c, cell->text, spec->style == CSN_EXPORT_STYLE_ANSWER_DATE ? w->answer_date : w->date,
                  format);
      break;
    case CSN_EXPORT_CELL_COUNT:
      {
        guint first = 0, last = 0;
        char from[16], to[16], formula[48];

        /* The mark columns are the ones just before the count. */
        for (guint i = 0; i < table->columns->len; i++)
          if (g_array_index (table->columns, CsnExportColumn, i).style == CSN_EXPORT_STYLE_MARK)
            {
              if (last == 0)
                first = i;
              last = i + 1;
            }
        lxw_rowcol_to_cell (from, r, first_column + first);
        lxw_rowcol_to_cell (to, r, first_column + last - 1);
        g_snprintf (formula, sizeof formula, "=COUNTA(%s:%s)", from, to);
        record (w, worksheet_write_formula_num (sheet, r, c, formula, format, cell->number));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Where the line that starts at @line ends: at its newline, or at the text's NUL. */
static const char *
line_end (const char *line)
{
  const char *newline = strchr (line, '\n');

  return newline != NULL ? newline : line + strlen (line);
}

/* The width of the longest line of @text in characters, counting no further than @cap. */
static guint
text_width (const char *text,
            guint       cap)
{
  gsize widest = 0;

  for (const char *line = text;;)
    {
      const char *end = line_end (line);

      widest = MAX (widest, csn_utf8_count_chars (line, end - line));
      if (widest >= cap)
        return cap;
      if (*end == '\0')
        return widest;
      line = end + 1;
    }
}

/* The widest word of a header, so that wrapped headers break between words. */
static guint
longest_word (const char *text)
{
  guint widest = 0, word = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n')
        {
          widest = MAX (widest, word);
          word = 0;
        }
      else if ((*p & 0xC0) != 0x80)
        word++;
    }
  return MAX (widest, word);
}

static double
column_width (CsnExportSnapshot *snapshot,
              CsnExportTable    *table,
              guint              column)
{
  const CsnExportColumn *spec = &g_array_index (table->columns, CsnExportColumn, column);
  guint min = 8, max = 30, widest;

  switch (spec->style)
    {
    case CSN_EXPORT_STYLE_ID:
      min = 8, max = 18;
      break;
    case CSN_EXPORT_STYLE_NUMBER:
      min = 6, max = 12;
      break;
    case CSN_EXPORT_STYLE_NAME:
      min = 10, max = 28;
      break;
    case CSN_EXPORT_STYLE_TEXT:
      min = 16, max = 60;
      break;
    case CSN_EXPORT_STYLE_MARK:
      return 4.5;
    case CSN_EXPORT_STYLE_DATE:
    case CSN_EXPORT_STYLE_ANSWER_DATE:
      return 12;
    case CSN_EXPORT_STYLE_CHOICE:
      /* Wide enough for every label of the drop-down, whatever the row holds now. */
      widest = longest_word (spec->header) + 1;
      if (spec->list >= 0 && (guint) spec->list < snapshot->lists->len)
        {
          CsnExportList *list = g_ptr_array_index (snapshot->lists, spec->list);

          for (guint i = 0; i < list->items->len; i++)
            widest = MAX (widest, text_width (g_ptr_array_index (list->items, i), 40) + 3);
        }
      return CLAMP (widest + 2, 14, 40);
    case CSN_EXPORT_STYLE_ANSWER_TEXT:
      return 45;
    default:
      g_assert_not_reached ();
    }

  if (spec->max_width > 0)
    max = spec->max_width;
  /* An empty column the delegations are to write in is not as narrow as its header. */
  if (spec->to_fill)
    min = MAX (min, TO_FILL_WIDTH);
  widest = longest_word (spec->header) + 1;
  for (guint row = 0; row < table->n_rows && widest < max; row++)
    {
      const CsnExportCell *cell = table_cell (table, row, column);

      if (cell->kind == CSN_EXPORT_CELL_STRING)
        widest = MAX (widest, text_width (cell->text, max));
      else if (cell->kind == CSN_EXPORT_CELL_NUMBER || cell->kind == CSN_EXPORT_CELL_COUNT)
        widest = MAX (widest, 6);
    }
  return CLAMP (widest + 2, min, max);
}

/* Lines @text takes wrapped in a column @width characters wide, counting no further than @cap. */
static guint
wrapped_lines (const char *text,
               double      width,
               guint       cap)
{
  guint per_line = MAX (4, (guint) width - 2);
  gsize lines = 0;

  for (const char *line = text;;)
    {
      const char *end = line_end (line);
      gsize chars = csn_utf8_count_chars (line, end - line);

      lines += MAX (1, (chars + per_line - 1) / per_line);
      if (*end == '\0' || lines >= cap)
        break;
      line = end + 1;
    }
  return MIN (lines, cap);
}

/* Wrapped cells need their row's height written: not every reader computes it on opening. */
static guint
row_lines (Writer         *w,
           CsnExportTable *table,
           guint           table_index,
           guint           row)
{
  guint lines = 1;

  if (table == NULL || row >= table->n_rows)
    return 1;
  for (guint column = 0; column < table->columns->len; column++)
    {
      const CsnExportCell *cell = table_cell (table, row, column);
      const CsnExportColumn *spec = &g_array_index (table->columns, CsnExportColumn, column);
      const char *answer;

      /* A row with a cell to write in has room for a few lines: libxlsxwriter marks every height
       * it writes as fixed, and LibreOffice sizes no row itself on opening, so rows cannot grow. */
      if (spec->to_fill)
        lines = MAX (lines, TO_FILL_LINES);
      if (cell->kind == CSN_EXPORT_CELL_STRING &&
          (spec->style == CSN_EXPORT_STYLE_TEXT || spec->style == CSN_EXPORT_STYLE_NAME ||
           spec->style == CSN_EXPORT_STYLE_ANSWER_TEXT))
        lines = MAX (lines, wrapped_lines (cell->text, table->widths[column], MAX_ROW_LINES));
      else if (spec->style == CSN_EXPORT_STYLE_ANSWER_TEXT &&
               (answer = answer_text (w, table, table_index, row, column)) != NULL)
        lines = MAX (lines, wrapped_lines (answer, table->widths[column], MAX_ROW_LINES));
    }
  return lines;
}

/*
 * libxlsxwriter 1.1.4 takes every "&G" and "&[Picture]" in a header or footer for an image
 * placeholder, even right after a "&&", and frees the string twice when the images are missing.
 */
static guint
count_image_placeholders (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (p[0] == '&' && (p[1] == 'G' || g_str_has_prefix (p + 1, "[Picture]")))
      n++;
  return n;
}

/*
 * The title for a footer: at most @max_chars characters, no control characters, "&" doubled
 * (Excel's escape). Before a "G" or "[" the size code is said again ("&&&9G" shows "&G"), so that
 * no placeholder libxlsxwriter would count starts at the escaped ampersand.
 */
static char *
footer_title (const char *title,
              glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (title, -1);
  GString *out = g_string_new (NULL);
  glong n = 0;

  gsize word_end = 0;  /* where the last whole word ended in @out */
  gboolean cut;

  for (const char *p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF)
        ch = ' ';
      if (ch == '&')
        {
          const char *next = g_utf8_next_char (p);

          g_string_append (out, "&&");
          if (*next == 'G' || *next == '[')
            g_string_append (out, FOOTER_SIZE);
          continue;
        }
      if (ch == ' ' && n > 0)
        word_end = out->len;
      g_string_append_unichar (out, ch);
    }
  cut = n == max_chars && g_utf8_strlen (valid, -1) > max_chars;
  /* A title cut short ends at a word, not in one; a single long word is cut where it must be. */
  if (cut && word_end > 0)
    g_string_truncate (out, word_end);
  if (cut)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* A table's width on paper at 100 %, in pixels at 96 an inch, as Excel sizes its columns. */
static double
table_print_width (CsnExportTable *table)
{
  double width = 0;

  for (guint column = 0; table != NULL && column < table->columns->len; column++)
    width += table->widths[column] * 7 + 5;
  return width;
}

/*
 * Landscape pages with the sheet's name and, for a draft, DRAFT in the header, the title, date and
 * page in the footer. A table is fitted to the page's width only while its text stays legible
 * (8 points or more); a wider one prints at that size over more pages, its first columns repeated.
 */
static void
set_print_setup (Writer         *w,
                 lxw_worksheet  *sheet,
                 CsnExportTable *table,
                 int             header_row)
{
  CsnExportSnapshot *s = w->snapshot;
  const char *page = L (s, N_("Page &P of &N"));
  g_autofree char *footer = NULL;
  g_autofree char *header = NULL;
  double width = table_print_width (table);

  worksheet_set_landscape (sheet);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.7);
  if (width * MIN_PRINT_SCALE / 100 <= PRINT_WIDTH_PIXELS)
    worksheet_fit_to_pages (sheet, 1, 0);
  else
    {
      worksheet_set_print_scale (sheet, MIN_PRINT_SCALE);
      if (table->frozen_columns > 0)
        record (w, worksheet_repeat_columns (sheet, 0, table->frozen_columns - 1));
    }
  if (header_row >= 0)
    record (w, worksheet_repeat_rows (sheet, 0, header_row));

  /* "&A" is the sheet's name; a draft's pages say they are not the final text. */
  header = g_strconcat ("&L" FOOTER_SIZE "&A",
                        s->is_draft ? "&R" FOOTER_SIZE "&B " : "",
                        s->is_draft ? L (s, N_("DRAFT")) : "",
                        NULL);
  if (strlen (header) <= LXW_HEADER_FOOTER_MAX && count_image_placeholders (header) == 0)
    record (w, worksheet_set_header (sheet, header));

  /* "&9 " sets a 9-point font; the space keeps a title that starts with a digit out of the code. */
  for (glong max_chars = FOOTER_TITLE_CHARS;; max_chars -= 8)
    {
      g_autofree char *title = footer_title (s->title, MAX (max_chars, 0));

      g_free (footer);
      footer = g_strconcat ("&L" FOOTER_SIZE " ", title, "&C" FOOTER_SIZE " ", s->date,
                            "&R" FOOTER_SIZE " ", page, NULL);
      /* Excel and libxlsxwriter take at most 255 characters (counted here in bytes, which is
       * never fewer): the title gives way. */
      if (strlen (footer) <= LXW_HEADER_FOOTER_MAX || max_chars <= 0)
        break;
    }
  /* Only a translation of the page label could still be too long or hold a placeholder: then
   * no footer rather than an export that fails or aborts. */
  if (strlen (footer) <= LXW_HEADER_FOOTER_MAX && count_image_placeholders (footer) == 0)
    record (w, worksheet_set_footer (sheet, footer));
}

/* A sheet name Excel accepts: the translated one, else the English one, else "Sheet N". */
static const char *
sheet_name (Writer     *w,
            const char *msgid,
            guint       index)
{
  const char *name = L (w->snapshot, msgid);
  char *fallback;

  if (workbook_validate_sheet_name (w->workbook, name) == LXW_NO_ERROR)
    return name;
  if (workbook_validate_sheet_name (w->workbook, msgid) == LXW_NO_ERROR)
    return msgid;
  fallback = g_strdup_printf ("Sheet %u", index + 1);
  g_ptr_array_add (w->keep_alive, fallback);
  return fallback;
}

static lxw_worksheet *
add_named_sheet (Writer     *w,
                 const char *name)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, name);

  /* With a valid name, only the sheet's temporary file can have failed. */
  if (sheet == NULL)
    record (w, LXW_ERROR_CREATING_TMPFILE);
  return sheet;
}

static lxw_worksheet *
add_sheet (Writer     *w,
           const char *msgid,
           guint       index)
{
  return add_named_sheet (w, sheet_name (w, msgid, index));
}

/* 'Theme matrix': a sheet's name as formulas refer to it, always quoted. */
static char *
quote_sheet_name (const char *name)
{
  GString *quoted = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');
  return g_string_free (quoted, FALSE);
}

/* A workbook-level name for the cells of @sheet from (@first_row, @first_column) to the last ones. */
static void
define_name (Writer     *w,
             const char *name,
             const char *sheet,
             guint       first_row,
             guint       first_column,
             guint       last_row,
             guint       last_column)
{
  g_autofree char *quoted = quote_sheet_name (sheet);
  g_autofree char *formula = NULL;
  char range[32];

  lxw_rowcol_to_range_abs (range, first_row, first_column, last_row, last_column);
  formula = g_strconcat ("=", quoted, "!", range, NULL);
  record (w, workbook_define_name (w->workbook, name, formula));
}

/* The names of a delegation's drop-down lists, which its answer columns point to. */
static const char * const list_names[CSN_EXPORT_N_LISTS] = {
  [CSN_EXPORT_LIST_STANCES] = CSN_ANSWERS_NAME_STANCES,
  [CSN_EXPORT_LIST_ENDORSEMENT_STATUS] = CSN_ANSWERS_NAME_STATUSES,
};

static void
add_validations (Writer         *w,
                 lxw_worksheet  *sheet,
                 CsnExportTable *table)
{
  for (guint column = 0; column < table->columns->len; column++)
    {
      const CsnExportColumn *spec = &g_array_index (table->columns, CsnExportColumn, column);
      lxw_data_validation validation = { 0 };

      if (spec->list >= 0)
        {
          char *formula = g_strconcat ("=", list_names[spec->list], NULL);

          g_ptr_array_add (w->keep_alive, formula);
          validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
          validation.value_formula = formula;
          validation.dropdown = LXW_VALIDATION_ON;
          validation.error_title = (char *) L (w->snapshot, N_("Value not in the list"));
          validation.error_message = (char *) L (w->snapshot, N_("Choose a value from the drop-down list."));
        }
      else if (spec->style == CSN_EXPORT_STYLE_ANSWER_DATE)
        {
          validation.validate = LXW_VALIDATION_TYPE_DATE;
          validation.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
          validation.minimum_datetime = (lxw_datetime) { 1990, 1, 1, 0, 0, 0 };
          validation.value_datetime = validation.minimum_datetime;
          validation.error_title = (char *) L (w->snapshot, N_("Not a date"));
          validation.error_message = (char *) L (w->snapshot, N_("Write a date, such as 2011-11-30."));
        }
      else
        continue;

      validation.ignore_blank = LXW_VALIDATION_ON;
      validation.show_error = LXW_VALIDATION_ON;
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      record (w, worksheet_data_validation_range (sheet, w->header_row + 1, column,
                                                  w->header_row + table->n_rows + VALIDATION_SPARE,
                                                  column, &validation));
    }
}

/* Column widths are computed once per table, whichever workbook of the export writes it first. */
static void
ensure_widths (Writer         *w,
               CsnExportTable *table)
{
  static GMutex mutex;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  double *widths;

  if (table->widths != NULL)
    return;
  widths = g_new (double, table->columns->len);
  for (guint column = 0; column < table->columns->len; column++)
    widths[column] = column_width (w->snapshot, table, column);
  table->widths = widths;
}

static void
write_header (Writer         *w,
              lxw_worksheet  *sheet,
              CsnExportTable *table,
              lxw_col_t       first_column)
{
  ensure_widths (w, table);
  for (guint column = 0; column < table->columns->len; column++)
    {
      const CsnExportColumn *spec = &g_array_index (table->columns, CsnExportColumn, column);
      lxw_format *format = spec->style == CSN_EXPORT_STYLE_MARK ? w->header_rotated : w->header;

      record (w, worksheet_set_column (sheet, first_column + column, first_column + column,
                                       table->widths[column], NULL));
      write_string (w, sheet, w->header_row, first_column + column, spec->header, format);
    }
}

/*
 * Protection without a password: nothing is lost, but nothing changes by accident; the answer cells
 * are unlocked by their format. Rows can still be sorted and filtered, columns widened.
 */
static void
protect_sheet (lxw_worksheet *sheet)
{
  lxw_protection options = { 0 };

  options.format_columns = LXW_TRUE;
  options.format_rows = LXW_TRUE;
  options.sort = LXW_TRUE;
  options.autofilter = LXW_TRUE;
  worksheet_protect (sheet, NULL, &options);
}

/* The names the import finds a table's ids and answers by, header row included. */
static void
define_answer_names (Writer         *w,
                     CsnExportTable *table,
                     const char     *sheet)
{
  const char *suffixes[] = { "Id", "Stance", "Comment" };
  guint columns[] = { table->id_column, table->stance_column, table->comment_column };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strdup_printf ("Consenso_%s_%s", table->answer_key, suffixes[i]);

      define_name (w, name, sheet, 1, columns[i], table->n_rows + 1, columns[i]);
    }
}

/*
 * The row above a table's header, hidden, says which column holds what ("consenso:Theme:id"): a
 * program that renames the sheet or inserts rows or columns without updating the defined names
 * (openpyxl) leaves these where they belong.
 */
static void
write_markers (Writer        *w,
               lxw_worksheet *sheet,
               const char    *key,
               const char   **suffixes,
               const guint   *columns,
               guint          n_columns)
{
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };

  record (w, worksheet_set_row_opt (sheet, 0, LXW_DEF_ROW_HEIGHT, NULL, &hidden));
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *marker = g_strdup_printf (CSN_ANSWERS_MARKER_FORMAT, key, suffixes[i]);

      write_string (w, sheet, 0, columns[i], marker, w->plain);
    }
}

static void
write_table (Writer         *w,
             CsnExportTable *table,
             guint           table_index,
             guint           sheet_index)
{
  const char *name = sheet_name (w, table->name_msgid, sheet_index);
  lxw_worksheet *sheet = add_named_sheet (w, name);
  gboolean delegation = w->snapshot->kind == CSN_EXPORT_KIND_DELEGATION;
  guint top = table->answer_key != NULL ? 1 : 0;
  guint rotated_chars = 0;

  if (sheet == NULL)
    return;
  w->header_row = top;
  if (table->answer_key != NULL)
    define_answer_names (w, table, name);

  /* A stub carries only what the workbook's own parts say about the sheet; its cells come from a base. */
  if (w->stub_tables & (1u << table_index))
    {
      ensure_widths (w, table);
      record (w, worksheet_autofilter (sheet, top, 0, top + table->n_rows, table->columns->len - 1));
      set_print_setup (w, sheet, table, top);
      return;
    }

  if (table->answer_key != NULL)
    {
      const char *suffixes[] = { "id", "stance", "comment" };
      guint columns[] = { table->id_column, table->stance_column, table->comment_column };

      write_markers (w, sheet, table->answer_key, suffixes, columns, G_N_ELEMENTS (columns));
    }

  /* Country names stand upright above the marks: the header row is as high as the longest. */
  for (guint column = 0; column < table->columns->len; column++)
    if (g_array_index (table->columns, CsnExportColumn, column).style == CSN_EXPORT_STYLE_MARK)
      {
        rotated_chars = MAX (rotated_chars,
                             text_width (g_array_index (table->columns, CsnExportColumn, column).header, 40));
      }
  record (w, worksheet_set_row (sheet, top, rotated_chars > 0 ? CLAMP (rotated_chars * 6.5 + 16, 40, 240) : 32,
                                NULL));

  write_header (w, sheet, table, 0);

  /* Constant memory mode refuses anything about a row once a later one is written. */
  worksheet_freeze_panes (sheet, top + 1, table->frozen_columns);
  record (w, worksheet_autofilter (sheet, top, 0, top + table->n_rows, table->columns->len - 1));
  add_validations (w, sheet, table);
  set_print_setup (w, sheet, table, top);
  if (delegation)
    protect_sheet (sheet);

  for (guint row = 0; row < table->n_rows; row++)
    {
      guint lines = row_lines (w, table, table_index, row);

      if (lines > 1)
        record (w, worksheet_set_row (sheet, top + row + 1, lines * LINE_HEIGHT, NULL));
      for (guint column = 0; column < table->columns->len; column++)
        write_cell (w, sheet, table, table_index, row, column, 0);
      if (!tick_row (w))
        return;
    }
}

static void
write_summary (Writer *w)
{
  CsnExportSnapshot *s = w->snapshot;
  lxw_worksheet *sheet = add_sheet (w, N_("Summary"), 0);
  CsnExportTable *pillars = s->pillar_table;
  lxw_row_t row = 0;

  if (sheet == NULL)
    return;

  record (w, worksheet_set_column (sheet, 0, 0, 36, NULL));
  record (w, worksheet_set_column (sheet, 1, pillars->columns->len - 1, 16, NULL));
  /* A list of facts and a small table read best upright. */
  set_print_setup (w, sheet, NULL, -1);
  worksheet_set_portrait (sheet);
  worksheet_activate (sheet);

  record (w, worksheet_set_row (sheet, row, 24, NULL));
  write_string (w, sheet, row++, 0, L (s, N_("Working group: proposals and recommendations")), w->title);
  row++;

  for (guint i = 0; i < s->summary->len; i++, row++)
    {
      CsnExportSummaryLine *line = &g_array_index (s->summary, CsnExportSummaryLine, i);

      if (line->key == NULL)
        continue;
      write_string (w, sheet, row, 0, line->key, w->key);
      switch (line->value.kind)
        {
        case CSN_EXPORT_CELL_STRING:
          write_string (w, sheet, row, 1, line->value.text, w->value);
          break;
        case CSN_EXPORT_CELL_NUMBER:
          record (w, worksheet_write_number (sheet, row, 1, line->value.number, w->value));
          break;
        case CSN_EXPORT_CELL_DATE:
          write_date (w, sheet, row, 1, line->value.text, w->summary_date, w->value);
          break;
        default:
          break;
        }
    }
  row++;

  record (w, worksheet_set_row (sheet, row, 32, NULL));
  for (guint column = 0; column < pillars->columns->len; column++)
    write_string (w, sheet, row, column, g_array_index (pillars->columns, CsnExportColumn, column).header,
                  w->header);
  row++;
  for (guint r = 0; r < pillars->n_rows; r++, row++)
    {
      const CsnExportCell *first = table_cell (pillars, r, 0);
      gboolean total = first->warning;

      write_string (w, sheet, row, 0, first->text, total ? w->total : w->text);
      for (guint column = 1; column < pillars->columns->len; column++)
        record (w, worksheet_write_number (sheet, row, column, table_cell (pillars, r, column)->number,
                                           total ? w->total_number : w->center));
    }

}

/* The member state's endorsement: one row, its answer cells unlocked, each named for the import. */
static void
write_endorsement (Writer *w,
                   guint   sheet_index)
{
  CsnExportTable *table = w->delegation != NULL ? w->delegation->endorsement : NULL;
  const char *name = sheet_name (w, N_("Endorsement"), sheet_index);
  lxw_worksheet *sheet = add_named_sheet (w, name);
  const char *suffixes[] = { "country", "status", "date", "note" };
  const guint columns[] = { 0, 2, 3, 4 };

  if (sheet == NULL || table == NULL)
    return;

  /* Under the row of markers and the header, the country's row. */
  w->header_row = 1;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *defined = g_strdup_printf ("%s_%c%s", CSN_ANSWERS_NAME_ENDORSEMENT,
                                                  g_ascii_toupper (suffixes[i][0]), suffixes[i] + 1);

      define_name (w, defined, name, 2, columns[i], 2, columns[i]);
    }

  write_markers (w, sheet, "Endorsement", suffixes, columns, G_N_ELEMENTS (columns));
  record (w, worksheet_set_row (sheet, 1, 32, NULL));
  write_header (w, sheet, table, 0);
  worksheet_freeze_panes (sheet, 2, 0);
  add_validations (w, sheet, table);
  set_print_setup (w, sheet, table, 1);
  protect_sheet (sheet);
  record (w, worksheet_set_row (sheet, 2, MAX (2, row_lines (w, table, G_MAXUINT, 0)) * LINE_HEIGHT, NULL));
  for (guint column = 0; column < table->columns->len; column++)
    write_cell (w, sheet, table, G_MAXUINT, 0, column, 0);
}

/* Who the workbook is for, until when, where it goes back, and how to answer. */
static void
write_instructions (Writer *w)
{
  CsnExportDelegation *d = w->delegation;
  lxw_worksheet *sheet = add_sheet (w, N_("Instructions"), 0);
  const double key_width = 32, text_width_chars = 100;

  if (sheet == NULL)
    return;
  w->header_row = 0;
  worksheet_activate (sheet);
  if (d == NULL)
    return;

  record (w, worksheet_set_column (sheet, 0, 0, key_width, NULL));
  record (w, worksheet_set_column (sheet, 1, 1, text_width_chars, NULL));
  set_print_setup (w, sheet, NULL, -1);
  worksheet_set_portrait (sheet);
  protect_sheet (sheet);

  for (guint i = 0; i < d->instructions->len; i++)
    {
      const CsnExportLine *line = &g_array_index (d->instructions, CsnExportLine, i);
      const char *text = line->value.kind == CSN_EXPORT_CELL_STRING ? line->value.text : NULL;
      guint lines = 1;

      if (text != NULL && line->kind != CSN_EXPORT_LINE_TITLE)
        lines = wrapped_lines (text, text_width_chars, MAX_ROW_LINES);
      if (line->key != NULL)
        lines = MAX (lines, wrapped_lines (line->key, key_width, MAX_ROW_LINES));
      if (line->kind == CSN_EXPORT_LINE_TITLE)
        record (w, worksheet_set_row (sheet, i, 24, NULL));
      else if (line->kind == CSN_EXPORT_LINE_HEADING)
        record (w, worksheet_set_row (sheet, i, 20, NULL));
      else if (lines > 1)
        record (w, worksheet_set_row (sheet, i, lines * LINE_HEIGHT, NULL));

      switch (line->kind)
        {
        case CSN_EXPORT_LINE_TITLE:
          write_string (w, sheet, i, 0, text, w->title);
          break;
        case CSN_EXPORT_LINE_HEADING:
          write_string (w, sheet, i, 0, text, w->heading);
          record (w, worksheet_write_blank (sheet, i, 1, w->heading));
          break;
        case CSN_EXPORT_LINE_FIELD:
          if (line->key != NULL)
            write_string (w, sheet, i, 0, line->key, w->instruction_key);
          if (line->value.kind == CSN_EXPORT_CELL_DATE)
            write_date (w, sheet, i, 1, line->value.text, w->summary_date, w->paragraph);
          else if (text != NULL)
            write_string (w, sheet, i, 1, text, w->paragraph);
          break;
        case CSN_EXPORT_LINE_PARAGRAPH:
          write_string (w, sheet, i, 1, text, w->paragraph);
          break;
        case CSN_EXPORT_LINE_BLANK:
        default:
          break;
        }
    }
}

/*
 * What the import needs to trust the workbook, on a hidden, protected sheet (libxlsxwriter 1.1.4
 * cannot make it very hidden): the export's keys and values, the drop-downs' lists, and the positions
 * the answer cells were filled in with. Each part has a defined name, which spreadsheet programs keep
 * pointing at it whatever the user renames, moves or inserts.
 */
static void
write_answers_sheet (Writer *w)
{
  CsnExportSnapshot *s = w->snapshot;
  CsnExportDelegation *d = w->delegation;
  lxw_worksheet *sheet = add_named_sheet (w, CSN_ANSWERS_SHEET);
  const guint list_column = 3, base_column = 6;
  guint n_rows;

  if (sheet == NULL)
    return;
  worksheet_hide (sheet);
  if (d == NULL)
    return;
  protect_sheet (sheet);

  define_name (w, CSN_ANSWERS_NAME_INFO, CSN_ANSWERS_SHEET, 0, 0, d->info->len - 1, 1);
  for (guint i = 0; i < s->lists->len; i++)
    {
      CsnExportList *list = g_ptr_array_index (s->lists, i);

      define_name (w, list_names[i], CSN_ANSWERS_SHEET, 1, list_column + i, list->items->len, list_column + i);
    }
  define_name (w, CSN_ANSWERS_NAME_BASE, CSN_ANSWERS_SHEET, 0, base_column, d->base->n_rows,
               base_column + d->base->columns->len - 1);

  record (w, worksheet_set_column (sheet, 0, 0, 22, NULL));
  record (w, worksheet_set_column (sheet, 1, 1, 40, NULL));
  record (w, worksheet_set_column (sheet, list_column, list_column + s->lists->len - 1, 28, NULL));
  record (w, worksheet_set_column (sheet, base_column, base_column + 2, 24, NULL));

  n_rows = d->info->len;
  for (guint i = 0; i < s->lists->len; i++)
    n_rows = MAX (n_rows, ((CsnExportList *) g_ptr_array_index (s->lists, i))->items->len + 1);
  n_rows = MAX (n_rows, d->base->n_rows + 1);

  for (guint row = 0; row < n_rows; row++)
    {
      if (row < d->info->len)
        {
          const CsnExportSummaryLine *line = &g_array_index (d->info, CsnExportSummaryLine, row);

          write_string (w, sheet, row, 0, line->key, w->plain);
          write_string (w, sheet, row, 1, line->value.text, w->plain);
        }
      for (guint i = 0; i < s->lists->len; i++)
        {
          CsnExportList *list = g_ptr_array_index (s->lists, i);

          if (row == 0)
            write_string (w, sheet, 0, list_column + i, list->header, w->plain);
          else if (row <= list->items->len)
            write_string (w, sheet, row, list_column + i, g_ptr_array_index (list->items, row - 1), w->plain);
        }
      for (guint column = 0; column < d->base->columns->len; column++)
        {
          const CsnExportCell *cell;

          if (row == 0)
            {
              write_string (w, sheet, 0, base_column + column,
                            g_array_index (d->base->columns, CsnExportColumn, column).header, w->plain);
              continue;
            }
          if (row > d->base->n_rows)
            break;
          cell = table_cell (d->base, row - 1, column);
          if (cell->kind == CSN_EXPORT_CELL_STRING)
            write_string (w, sheet, row, base_column + column, cell->text, w->plain);
        }
      if (!tick_row (w))
        return;
    }
}

/*
 * Every format differs from every other: libxlsxwriter 1.1.4 caches the index of a format only
 * when it is the first of its kind, and hashes a duplicate again for every cell.
 */
static void
add_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;
  const lxw_color_t header_fill = 0x1F4E79;
  const lxw_color_t border = 0xBFBFBF;
  lxw_format *data[] = {
    w->id = workbook_add_format (wb),
    w->text = workbook_add_format (wb),
    w->literal = workbook_add_format (wb),
    w->center = workbook_add_format (wb),
    w->date = workbook_add_format (wb),
    w->warning = workbook_add_format (wb),
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      format_set_border (data[i], LXW_BORDER_THIN);
      format_set_border_color (data[i], border);
      format_set_align (data[i], LXW_ALIGN_VERTICAL_TOP);
    }
  format_set_font_color (w->id, 0x595959);
  format_set_text_wrap (w->text);
  format_set_text_wrap (w->literal);
  format_set_num_format (w->literal, "@");
  format_set_align (w->center, LXW_ALIGN_CENTER);
  format_set_num_format (w->date, "yyyy-mm-dd");
  format_set_align (w->date, LXW_ALIGN_LEFT);
  format_set_bold (w->warning);
  format_set_font_color (w->warning, 0x9C0006);
  format_set_bg_color (w->warning, 0xFFC7CE);
  format_set_text_wrap (w->warning);

  w->header = workbook_add_format (wb);
  w->header_rotated = workbook_add_format (wb);
  for (guint i = 0; i < 2; i++)
    {
      lxw_format *f = i == 0 ? w->header : w->header_rotated;

      format_set_bold (f);
      format_set_font_color (f, LXW_COLOR_WHITE);
      format_set_bg_color (f, header_fill);
      format_set_border (f, LXW_BORDER_THIN);
      format_set_border_color (f, border);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
    }
  format_set_text_wrap (w->header);
  format_set_rotation (w->header_rotated, 90);
  format_set_align (w->header_rotated, LXW_ALIGN_CENTER);

  w->title = workbook_add_format (wb);
  format_set_bold (w->title);
  format_set_font_size (w->title, 14);
  format_set_font_color (w->title, header_fill);
  w->key = workbook_add_format (wb);
  format_set_bold (w->key);
  format_set_align (w->key, LXW_ALIGN_VERTICAL_TOP);
  w->value = workbook_add_format (wb);
  format_set_align (w->value, LXW_ALIGN_LEFT);
  format_set_align (w->value, LXW_ALIGN_VERTICAL_TOP);
  w->summary_date = workbook_add_format (wb);
  format_set_num_format (w->summary_date, "yyyy-mm-dd");
  format_set_align (w->summary_date, LXW_ALIGN_LEFT);
  w->total = workbook_add_format (wb);
  w->total_number = workbook_add_format (wb);
  for (guint i = 0; i < 2; i++)
    {
      lxw_format *f = i == 0 ? w->total : w->total_number;

      format_set_bold (f);
      format_set_top (f, LXW_BORDER_DOUBLE);
      format_set_bottom (f, LXW_BORDER_THIN);
      format_set_left (f, LXW_BORDER_THIN);
      format_set_right (f, LXW_BORDER_THIN);
      format_set_border_color (f, border);
    }
  format_set_align (w->total_number, LXW_ALIGN_CENTER);

  if (w->snapshot->kind != CSN_EXPORT_KIND_DELEGATION)
    return;

  {
    const lxw_color_t answer_fill = 0xFFF2CC;
    lxw_format *answers[] = {
      w->choice = workbook_add_format (wb),
      w->answer_text = workbook_add_format (wb),
      w->answer_date = workbook_add_format (wb),
    };

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        format_set_unlocked (answers[i]);
        format_set_bg_color (answers[i], answer_fill);
        format_set_border (answers[i], LXW_BORDER_THIN);
        format_set_border_color (answers[i], border);
        format_set_align (answers[i], LXW_ALIGN_VERTICAL_TOP);
      }
    format_set_bold (w->choice);
    format_set_text_wrap (w->answer_text);
    format_set_num_format (w->answer_date, "yyyy-mm-dd");
    format_set_align (w->answer_date, LXW_ALIGN_LEFT);
  }
  w->heading = workbook_add_format (wb);
  format_set_bold (w->heading);
  format_set_font_color (w->heading, LXW_COLOR_WHITE);
  format_set_bg_color (w->heading, header_fill);
  w->instruction_key = workbook_add_format (wb);
  format_set_bold (w->instruction_key);
  format_set_text_wrap (w->instruction_key);
  format_set_align (w->instruction_key, LXW_ALIGN_VERTICAL_TOP);
  w->paragraph = workbook_add_format (wb);
  format_set_text_wrap (w->paragraph);
  format_set_align (w->paragraph, LXW_ALIGN_VERTICAL_TOP);
  w->plain = workbook_add_format (wb);
  format_set_font_size (w->plain, 10);

  /* Formats are numbered by first use: numbered now, in this order, they are the same in every
   * workbook of the export, so that a sheet written for one is good in another. */
  {
    lxw_format *all[] = {
      w->id, w->text, w->literal, w->center, w->date, w->warning, w->header, w->header_rotated,
      w->title, w->key, w->value, w->summary_date, w->total, w->total_number, w->choice,
      w->answer_text, w->answer_date, w->heading, w->instruction_key, w->paragraph, w->plain,
    };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      lxw_format_get_xf_index (all[i]);
  }
}

static void
set_properties (Writer *w)
{
  CsnExportSnapshot *s = w->snapshot;
  lxw_doc_properties properties = { 0 };
  char *title = g_strdup (prepare_text (w, s->title));

  g_ptr_array_add (w->keep_alive, title);
  properties.title = title;
  properties.author = (char *) L (s, N_("Co-chairs of the working group"));
  properties.company = (char *) L (s, N_("Regional Conference on Migration"));
  properties.category = (char *) L (s, N_("Working document"));
  properties.keywords = (char *) "CRM";
  if (s->kind == CSN_EXPORT_KIND_DELEGATION)
    {
      properties.subject = (char *) L (s, N_("A delegation’s answers to the working group’s draft recommendations"));
      properties.comments = (char *) L (s, N_("Exported from Consenso for a delegation to answer in. Leave the "
                                              "ID columns as they are: they match each answer to the draft."));
    }
  else
    {
      properties.subject = (char *) L (s, N_("Draft proposals and recommendations of the working group"));
      properties.comments = (char *) L (s, N_("Exported from Consenso. The ID columns match each row to the draft: keep them when editing."));
    }
  properties.created = s->created;
  record (w, workbook_set_properties (w->workbook, &properties));
  record (w, workbook_set_custom_property_string (w->workbook, "Consenso language",
                                                 s->language == CSN_LANGUAGE_ES ? "es" : "en"));
  record (w, workbook_set_custom_property_string (w->workbook, "Consenso version", PACKAGE_VERSION));
}

gboolean
csn_export_set_write_error (GError    **error,
                            const char *path,
                            const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot export to report.xlsx: No space left on device" */
  g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE, _("Cannot export to %s: %s"),
               display, reason);
  return FALSE;
}

static void
write_sheets (Writer *w)
{
  CsnExportSnapshot *s = w->snapshot;
  CsnExportTable *table;

  if (s->kind == CSN_EXPORT_KIND_FULL)
    {
      write_summary (w);
      /* The tables may still be in the making in another thread: each is written once complete. */
      for (guint i = 0;
           w->status == LXW_NO_ERROR && !w->cancelled && (table = csn_export_snapshot_wait_table (s, i)) != NULL;
           i++)
        write_table (w, table, i, i + 1);
      return;
    }

  write_instructions (w);
  for (guint i = 0;
       w->status == LXW_NO_ERROR && !w->cancelled && (table = csn_export_snapshot_wait_table (s, i)) != NULL;
       i++)
    write_table (w, table, i, i + 1);
  if (w->status == LXW_NO_ERROR && !w->cancelled)
    write_endorsement (w, s->tables->len + 1);
  if (w->status == LXW_NO_ERROR && !w->cancelled)
    write_answers_sheet (w);
}

/* The part a table's sheet is stored in: sheets are numbered in order, after the first one. */
char *
csn_export_dup_table_part (CsnExportSnapshot *snapshot,
                           guint              table)
{
  g_return_val_if_fail (table < snapshot->tables->len, NULL);

  return g_strdup_printf ("xl/worksheets/sheet%u.xml", table + 2);
}

/* Writes the workbook into @file, an existing file that is overwritten; messages name @target. */
static gboolean
write_workbook (CsnExportSnapshot     *snapshot,
                CsnExportDelegation   *delegation,
                guint                  stub_tables,
                const char            *file,
                const char            *target,
                CsnExportProgressFunc  progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  Writer w = { snapshot, delegation, stub_tables };
  lxw_error closed;
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  w.workbook = workbook_new_opt (file, &options);
  if (w.workbook == NULL)
    return csn_export_set_write_error (error, target, g_strerror (ENOMEM));
  w.buffer = g_string_new (NULL);
  w.keep_alive = g_ptr_array_new_with_free_func (g_free);
  w.progress = progress;
  w.progress_data = progress_data;
  w.cancellable = cancellable;
  w.rows_total = 1 + snapshot->rows_expected;

  if (progress != NULL)
    progress (0.0, progress_data);

  add_formats (&w);
  set_properties (&w);
  write_sheets (&w);

  if (w.cancelled || w.status != LXW_NO_ERROR)
    {
      lxw_error status = w.status;

      lxw_workbook_free (w.workbook);
      g_string_free (w.buffer, TRUE);
      g_ptr_array_unref (w.keep_alive);
      if (w.cancelled)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      return csn_export_set_write_error (error, target, lxw_strerror (status));
    }

  errno = 0;
  closed = workbook_close (w.workbook);
  saved_errno = errno;
  g_string_free (w.buffer, TRUE);
  g_ptr_array_unref (w.keep_alive);
  if (closed != LXW_NO_ERROR)
    {
      /* libxlsxwriter says what failed; errno, when it is about the disk, says why. */
      if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EIO ||
          saved_errno == EACCES || saved_errno == EROFS || saved_errno == EFBIG ||
          saved_errno == EPERM)
        return csn_export_set_write_error (error, target, g_strerror (saved_errno));
      return csn_export_set_write_error (error, target, lxw_strerror (closed));
    }
  return TRUE;
}

/* Runs @write with numbers in the workbook's XML written with a decimal point, whatever the locale. */
static gboolean
with_c_numeric (const char *path,
                GError    **error,
                gboolean  (*write) (gpointer data, GError **error),
                gpointer    data)
{
  locale_t base = duplocale (LC_GLOBAL_LOCALE);
  locale_t c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous;
  gboolean ok;

  if (c_numeric == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      return csn_export_set_write_error (error, path, g_strerror (errno != 0 ? errno : ENOMEM));
    }

  previous = uselocale (c_numeric);
  ok = write (data, error);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}

typedef struct {
  CsnExportSnapshot     *snapshot;
  CsnExportDelegation   *delegation;
  guint                  stub_tables;
  const char            *file;
  const char            *target;
  CsnExportProgressFunc  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
} WriteJob;

static gboolean
write_job (gpointer  data,
           GError  **error)
{
  WriteJob *job = data;

  return write_workbook (job->snapshot, job->delegation, job->stub_tables, job->file, job->target,
                         job->progress, job->progress_data, job->cancellable, error);
}

/* Writes the snapshot to a temporary file beside @path and renames it into place. */
static gboolean
write_snapshot_job (gpointer  data,
                    GError  **error)
{
  WriteJob *job = data;
  g_autofree char *temp = NULL;
  int fd = -1;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  temp = csn_safe_file_create_temp (job->target, &fd, error);
  if (temp == NULL)
    return FALSE;
  close (fd);

  job->file = temp;
  if (!write_job (job, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (!csn_safe_file_commit (temp, job->target, FALSE, error))
    return FALSE;
  if (job->progress != NULL)
    job->progress (1.0, job->progress_data);
  return TRUE;
}

gboolean
csn_export_write_snapshot (CsnExportSnapshot     *snapshot,
                           const char            *path,
                           CsnExportProgressFunc  progress,
                           gpointer               progress_data,
                           GCancellable          *cancellable,
                           GError               **error)
{
  WriteJob job = { snapshot, NULL, 0, NULL, path, progress, progress_data, cancellable };

  return with_c_numeric (path, error, write_snapshot_job, &job);
}

/**
 * csn_export_write_workbook:
 * @delegation: (nullable): the member state whose workbook it is; %NULL for a base, whose own
 *   sheets are left empty
 * @stub_tables: a bit per table whose sheet is left empty, to be taken from a base
 * @file: where to write, overwritten
 * @target: the file the messages name
 *
 * Writes a workbook of @snapshot into @file, which the caller renames or assembles.
 */
gboolean
csn_export_write_workbook (CsnExportSnapshot    *snapshot,
                           CsnExportDelegation  *delegation,
                           guint                 stub_tables,
                           const char           *file,
                           const char           *target,
                           GCancellable         *cancellable,
                           GError              **error)
{
  WriteJob job = { snapshot, delegation, stub_tables, file, target, NULL, NULL, cancellable };

  return with_c_numeric (target, error, write_job, &job);
}
