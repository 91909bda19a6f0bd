/* csn-xlsx-reader.c: the workbook, shared strings, styles and worksheets of an .xlsx file written by
 * Excel, LibreOffice, openpyxl or libxlsxwriter, read with the package layer's safe XML reader. */
#define G_LOG_DOMAIN "csn-xlsx-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csn-ooxml-package.h"
#include "csn-xlsx-reader.h"
#include "csn-xlsx-table-private.h"

#define NS_MAIN              "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_STRICT_MAIN       "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define NS_RELATIONSHIPS     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_STRICT_RELATIONSHIPS "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define REL_OFFICE_DOCUMENT  NS_RELATIONSHIPS "/officeDocument"
#define REL_WORKSHEET        NS_RELATIONSHIPS "/worksheet"
#define REL_SHARED_STRINGS   NS_RELATIONSHIPS "/sharedStrings"
#define REL_STYLES           NS_RELATIONSHIPS "/styles"

#define MAX_SHEETS        1000
#define MAX_DEFINED_NAMES 100000
#define MAX_STYLES        65536
/* A text that unpacks past this many bytes is too long even if it were all _xHHHH_ escapes. */
#define MAX_RAW_TEXT      (8 * CSN_XLSX_MAX_TEXT)
/* Marks a shared string longer than CSN_XLSX_MAX_TEXT: refused where a cell uses it. */
#define OVERLONG          G_MAXUINT32

typedef struct
{
  char              *name;
  char              *folded;   /* the name casefolded: sheet names are compared ignoring case */
  guint              id;
  CsnXlsxSheetState  state;
  char              *rel_id;
  char              *part;     /* NULL for a chart sheet, which holds no cells */
  CsnXlsxTable      *table;    /* once read */
} Sheet;

typedef struct
{
  CsnXlsxDefinedName  public;
  char               *folded;
} DefinedName;

typedef struct
{
  guint32 offset;   /* into strings, or OVERLONG */
  guint32 length;
} SharedString;

struct _CsnXlsxBook
{
  GObject           parent_instance;

  GMutex            mutex;         /* guards package and each sheet's table */
  CsnOoxmlPackage  *package;
  char             *display_name;
  gboolean          date1904;
  GArray           *sheets;        /* Sheet */
  GArray           *names;         /* DefinedName */
  GString          *strings;       /* the shared strings' texts while they are read */
  GBytes           *shared_texts;  /* then: each ending in NUL */
  GArray           *shared;        /* SharedString */
  gboolean          shared_overlong;
  GByteArray       *date_styles;   /* per cell format (cellXfs): whether it shows a date */
};

G_DEFINE_FINAL_TYPE (CsnXlsxBook, csn_xlsx_book, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (csn-xlsx-error-quark, csn_xlsx_error)

static void
sheet_clear (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->folded);
  g_free (sheet->rel_id);
  g_free (sheet->part);
  g_clear_pointer (&sheet->table, csn_xlsx_table_unref);
}

static void
defined_name_clear (gpointer data)
{
  DefinedName *name = data;

  g_free ((char *) name->public.name);
  g_free ((char *) name->public.formula);
  g_free (name->folded);
}

static void
csn_xlsx_book_finalize (GObject *object)
{
  CsnXlsxBook *self = CSN_XLSX_BOOK (object);

  g_clear_object (&self->package);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->names, g_array_unref);
  if (self->strings != NULL)
    g_string_free (self->strings, TRUE);
  g_clear_pointer (&self->shared_texts, g_bytes_unref);
  g_clear_pointer (&self->shared, g_array_unref);
  g_clear_pointer (&self->date_styles, g_byte_array_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (csn_xlsx_book_parent_class)->finalize (object);
}

static void
csn_xlsx_book_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsnXlsxBook *self = CSN_XLSX_BOOK (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_xlsx_book_class_init (CsnXlsxBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_xlsx_book_finalize;
  object_class->get_property = csn_xlsx_book_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_xlsx_book_init (CsnXlsxBook *self)
{
  g_mutex_init (&self->mutex);
  self->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (self->sheets, sheet_clear);
  self->names = g_array_new (FALSE, TRUE, sizeof (DefinedName));
  g_array_set_clear_func (self->names, defined_name_clear);
  self->strings = g_string_new (NULL);
  self->shared = g_array_new (FALSE, FALSE, sizeof (SharedString));
  self->date_styles = g_byte_array_new ();
}

/* Messages */

static gboolean G_GNUC_PRINTF (4, 5)
fail (CsnXlsxBook  *self,
      GError      **error,
      int           code,
      const char   *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %s is a file name, then what is wrong with it. */
  g_set_error (error, CSN_XLSX_ERROR, code, _("%s: %s"), self->display_name, what);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_in_sheet (CsnXlsxBook  *self,
               GError      **error,
               int           code,
               const char   *sheet,
               const char   *format,
               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a file name, the second a sheet's name, then what is wrong. */
  g_set_error (error, CSN_XLSX_ERROR, code, _("%s: sheet “%s”: %s"), self->display_name, sheet, what);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (7, 8)
fail_in_cell (CsnXlsxBook  *self,
              GError      **error,
              int           code,
              const char   *sheet,
              guint         row,
              guint         column,
              const char   *format,
              ...)
{
  g_autofree char *what = NULL;
  char name[CSN_XLSX_CELL_NAME_SIZE];
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  csn_xlsx_cell_name (row, column, name);
  /* Translators: the first %s is a file name, the second a sheet's name, the third a cell such
   * as C12, then what is wrong with it. */
  g_set_error (error, CSN_XLSX_ERROR, code, _("%s: sheet “%s”, cell %s: %s"),
               self->display_name, sheet, name, what);
  return FALSE;
}

static char *
sheet_place (const char *name)
{
  /* Translators: a place in a workbook, in messages such as “answers.xlsx: sheet “Temas” is
   * damaged”; %s is the sheet's name. */
  return g_strdup_printf (_("sheet “%s”"), name);
}

/* Texts */

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  guint64 result = 0;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  for (; g_ascii_isdigit (*text); text++)
    {
      result = result * 10 + (guint64) (*text - '0');
      if (result > max)
        return FALSE;
    }
  if (*text != '\0')
    return FALSE;
  *value = result;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The UTF-16 unit of an "_xHHHH_" escape at @p, or -1. */
static int
escape_at (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Excel writes characters XML cannot hold as "_xHHHH_" (UTF-16 units) and a literal "_x" that
 * would read as one with its underscore escaped, "_x005F_". Decoded in place, as no character
 * takes more bytes than its escape; returns the new length. */
static gsize
unescape_in_place (char  *text,
                   gsize  length)
{
  const char *end = text + length;
  const char *read = memchr (text, '_', length);
  char *write;

  if (read == NULL)
    return length;
  write = (char *) read;

  while (read < end)
    {
      int unit;

      if (*read != '_' || (unit = escape_at (read, end)) < 0)
        {
          *write++ = *read++;
          continue;
        }
      read += 7;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = escape_at (read, end);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              write += g_unichar_to_utf8 (0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00), write);
              read += 7;
            }
          else
            write += g_unichar_to_utf8 (0xFFFD, write);
        }
      else if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
        write += g_unichar_to_utf8 (0xFFFD, write);
      else
        write += g_unichar_to_utf8 ((gunichar) unit, write);
    }
  return (gsize) (write - text);
}

/* Whether a text is over Excel's limit, which counts UTF-16 units. */
static gboolean
is_overlong (const char *text,
             gsize       length)
{
  gsize units = 0;

  if (length <= CSN_XLSX_MAX_TEXT)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c & 0xC0) != 0x80)
        units += c >= 0xF0 ? 2 : 1;
    }
  return units > CSN_XLSX_MAX_TEXT;
}

/* A value from the file as a message quotes it: valid UTF-8, at most 20 characters. */
static char *
shown_value (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  if (g_utf8_strlen (valid, -1) <= 20)
    return g_steal_pointer (&valid);
  {
    g_autofree char *head = g_utf8_substring (valid, 0, 19);

    return g_strconcat (head, "…", NULL);
  }
}

/* The package */

static const CsnOoxmlRelationship *
find_relationship (GPtrArray  *relationships,
                   const char *type,
                   const char *id)
{
  for (guint i = 0; i < relationships->len; i++)
    {
      const CsnOoxmlRelationship *relationship = g_ptr_array_index (relationships, i);

      if (type != NULL && strcmp (relationship->type, type) != 0)
        continue;
      if (id != NULL && strcmp (relationship->id, id) != 0)
        continue;
      return relationship;
    }
  return NULL;
}

static gboolean
find_workbook_part (CsnXlsxBook  *self,
                    char        **workbook_part,
                    GError      **error)
{
  g_autoptr(GPtrArray) relationships = NULL;
  const CsnOoxmlRelationship *office_document;

  relationships = csn_ooxml_package_read_relationships (self->package, "", error);
  if (relationships == NULL)
    return FALSE;

  for (guint i = 0; i < relationships->len; i++)
    {
      const CsnOoxmlRelationship *relationship = g_ptr_array_index (relationships, i);

      if (g_str_has_prefix (relationship->type, NS_STRICT_RELATIONSHIPS))
        return fail (self, error, CSN_XLSX_ERROR_STRICT,
                     _("the workbook is saved as “Strict Open XML Spreadsheet”; save it as “Excel Workbook (.xlsx)” and try again"));
    }

  office_document = find_relationship (relationships, REL_OFFICE_DOCUMENT, NULL);
  if (office_document == NULL || office_document->target == NULL)
    return fail (self, error, CSN_XLSX_ERROR_NOT_WORKBOOK,
                 _("this is a zip file but not an Excel workbook (.xlsx)"));

  *workbook_part = g_strdup (office_document->target);
  return TRUE;
}

/* Workbook */

/* Whether an attribute value is "1" or "true", as writers spell xsd:boolean. */
static gboolean
value_is_true (const char *value,
               gsize       length)
{
  return (length == 1 && value[0] == '1') || (length == 4 && memcmp (value, "true", 4) == 0);
}

static gboolean
attribute_is_true (int              n_attributes,
                   const xmlChar  **attributes,
                   const xmlChar   *name)
{
  const char *value;
  gsize length;

  return csn_ooxml_attribute (n_attributes, attributes, name, &value, &length) && value_is_true (value, length);
}

/* An unsigned decimal attribute, at most @max. */
static gboolean
attribute_uint (int              n_attributes,
                const xmlChar  **attributes,
                const xmlChar   *name,
                guint64          max,
                guint64         *number)
{
  const char *value;
  gsize length;
  char text[24];

  if (!csn_ooxml_attribute (n_attributes, attributes, name, &value, &length) || length >= sizeof text)
    return FALSE;
  memcpy (text, value, length);
  text[length] = '\0';
  return parse_uint (text, max, number);
}

/* An attribute in the relationships namespace (r:id), whatever its prefix. */
static char *
relationship_attribute (int              n_attributes,
                        const xmlChar  **attributes,
                        const xmlChar   *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[5 * i];

      if (attribute[0] == name && attribute[2] != NULL
          && strcmp ((const char *) attribute[2], NS_RELATIONSHIPS) == 0)
        return g_strndup ((const char *) attribute[3], (gsize) (attribute[4] - attribute[3]));
    }
  return NULL;
}

typedef struct
{
  CsnXlsxBook   *book;
  const xmlChar *section;        /* the element at depth 1 the parse is in */
  GString       *formula;
  DefinedName    pending;
  gboolean       in_name;
  const xmlChar *n_workbook, *n_workbook_pr, *n_sheets, *n_sheet, *n_defined_names, *n_defined_name;
  const xmlChar *a_name, *a_sheet_id, *a_state, *a_id, *a_date1904, *a_local_sheet_id, *a_hidden;
} WorkbookReader;

static void
workbook_begin (CsnOoxmlParse *parse,
                gpointer       user_data)
{
  WorkbookReader *reader = user_data;

  reader->n_workbook = csn_ooxml_parse_intern (parse, "workbook");
  reader->n_workbook_pr = csn_ooxml_parse_intern (parse, "workbookPr");
  reader->n_sheets = csn_ooxml_parse_intern (parse, "sheets");
  reader->n_sheet = csn_ooxml_parse_intern (parse, "sheet");
  reader->n_defined_names = csn_ooxml_parse_intern (parse, "definedNames");
  reader->n_defined_name = csn_ooxml_parse_intern (parse, "definedName");
  reader->a_name = csn_ooxml_parse_intern (parse, "name");
  reader->a_sheet_id = csn_ooxml_parse_intern (parse, "sheetId");
  reader->a_state = csn_ooxml_parse_intern (parse, "state");
  reader->a_id = csn_ooxml_parse_intern (parse, "id");
  reader->a_date1904 = csn_ooxml_parse_intern (parse, "date1904");
  reader->a_local_sheet_id = csn_ooxml_parse_intern (parse, "localSheetId");
  reader->a_hidden = csn_ooxml_parse_intern (parse, "hidden");
}

static CsnXlsxSheetState
parse_state (const char *value)
{
  if (value == NULL)
    return CSN_XLSX_SHEET_VISIBLE;
  if (strcmp (value, "hidden") == 0)
    return CSN_XLSX_SHEET_HIDDEN;
  if (strcmp (value, "veryHidden") == 0)
    return CSN_XLSX_SHEET_VERY_HIDDEN;
  return CSN_XLSX_SHEET_VISIBLE;
}

static gboolean
add_sheet (WorkbookReader  *reader,
           int              n_attributes,
           const xmlChar  **attributes,
           GError         **error)
{
  CsnXlsxBook *self = reader->book;
  g_autofree char *name = csn_ooxml_attribute_dup (n_attributes, attributes, reader->a_name);
  g_autofree char *state = csn_ooxml_attribute_dup (n_attributes, attributes, reader->a_state);
  g_autofree char *rel_id = relationship_attribute (n_attributes, attributes, reader->a_id);
  guint64 sheet_id = 0;
  Sheet sheet = { 0 };

  if (self->sheets->len >= MAX_SHEETS)
    return fail (self, error, CSN_XLSX_ERROR_TOO_MANY_CELLS,
                 _("the workbook has more than %u sheets"), (guint) MAX_SHEETS);
  if (name == NULL || name[0] == '\0')
    return fail (self, error, CSN_XLSX_ERROR_DAMAGED,
                 _("the workbook is damaged: it lists a sheet without a name"));
  if (rel_id == NULL)
    return fail_in_sheet (self, error, CSN_XLSX_ERROR_DAMAGED, name,
                          _("the workbook is damaged: the sheet has no part"));
  attribute_uint (n_attributes, attributes, reader->a_sheet_id, G_MAXUINT, &sheet_id);

  sheet.name = g_steal_pointer (&name);
  sheet.folded = g_utf8_casefold (sheet.name, -1);
  sheet.id = (guint) sheet_id;
  sheet.state = parse_state (state);
  sheet.rel_id = g_steal_pointer (&rel_id);
  g_array_append_val (self->sheets, sheet);
  return TRUE;
}

/* Starts a defined name; FALSE for one that can never be used (no name, or a scope that is no
 * number). */
static gboolean
start_defined_name (WorkbookReader  *reader,
                    int              n_attributes,
                    const xmlChar  **attributes)
{
  DefinedName *name = &reader->pending;
  const char *scope;
  gsize scope_length;
  guint64 sheet = 0;

  memset (name, 0, sizeof *name);
  name->public.name = csn_ooxml_attribute_dup (n_attributes, attributes, reader->a_name);
  if (name->public.name == NULL || name->public.name[0] == '\0')
    return FALSE;
  name->public.scope = -1;
  if (csn_ooxml_attribute (n_attributes, attributes, reader->a_local_sheet_id, &scope, &scope_length))
    {
      if (!attribute_uint (n_attributes, attributes, reader->a_local_sheet_id, MAX_SHEETS, &sheet))
        return FALSE;
      name->public.scope = (int) sheet;
    }
  name->public.hidden = attribute_is_true (n_attributes, attributes, reader->a_hidden);
  name->folded = g_utf8_casefold (name->public.name, -1);
  return TRUE;
}

static void
workbook_start_element (CsnOoxmlParse  *parse,
                        const xmlChar  *name,
                        const xmlChar  *ns,
                        int             depth,
                        int             n_attributes,
                        const xmlChar **attributes,
                        gpointer        user_data)
{
  WorkbookReader *reader = user_data;
  CsnXlsxBook *self = reader->book;
  GError *error = NULL;

  if (depth == 0)
    {
      if (ns != NULL && strcmp ((const char *) ns, NS_STRICT_MAIN) == 0)
        fail (self, &error, CSN_XLSX_ERROR_STRICT,
              _("the workbook is saved as “Strict Open XML Spreadsheet”; save it as “Excel Workbook (.xlsx)” and try again"));
      else if (name != reader->n_workbook || ns == NULL || strcmp ((const char *) ns, NS_MAIN) != 0)
        fail (self, &error, CSN_XLSX_ERROR_NOT_WORKBOOK,
              _("this is a zip file but not an Excel workbook (.xlsx)"));
    }
  else if (depth == 1)
    {
      reader->section = name;
      if (name == reader->n_workbook_pr)
        self->date1904 = attribute_is_true (n_attributes, attributes, reader->a_date1904);
    }
  else if (depth == 2 && reader->section == reader->n_sheets && name == reader->n_sheet)
    add_sheet (reader, n_attributes, attributes, &error);
  else if (depth == 2 && reader->section == reader->n_defined_names && name == reader->n_defined_name)
    {
      if (self->names->len >= MAX_DEFINED_NAMES)
        fail (self, &error, CSN_XLSX_ERROR_TOO_MANY_CELLS,
              _("the workbook has more than %u defined names"), (guint) MAX_DEFINED_NAMES);
      else if (start_defined_name (reader, n_attributes, attributes))
        {
          g_string_truncate (reader->formula, 0);
          reader->in_name = TRUE;
        }
      else
        defined_name_clear (&reader->pending);
    }

  if (error != NULL)
    csn_ooxml_parse_fail (parse, error);
}

static void
workbook_end_element (CsnOoxmlParse *parse,
                      const xmlChar *name,
                      int            depth,
                      gpointer       user_data)
{
  WorkbookReader *reader = user_data;
  GString *formula = reader->formula;

  if (reader->in_name && depth == 2 && name == reader->n_defined_name)
    {
      reader->pending.public.formula = g_strdup (formula->str[0] == '=' ? formula->str + 1 : formula->str);
      g_array_append_val (reader->book->names, reader->pending);
      reader->in_name = FALSE;
    }
}

static void
workbook_text (CsnOoxmlParse *parse,
               const char    *text,
               int            length,
               gpointer       user_data)
{
  WorkbookReader *reader = user_data;

  /* A formula longer than Excel's own limit (8,192 characters) is no range anyway. */
  if (reader->in_name && reader->formula->len < 8192)
    g_string_append_len (reader->formula, text, length);
}

static gboolean
read_workbook (CsnXlsxBook  *self,
               const char   *part,
               GError      **error)
{
  static const CsnOoxmlHandler handler = {
    .begin = workbook_begin,
    .start_element = workbook_start_element,
    .end_element = workbook_end_element,
    .text = workbook_text,
  };
  g_autoptr(GString) formula = g_string_new (NULL);
  WorkbookReader reader = { 0 };
  gboolean ok;

  reader.book = self;
  reader.formula = formula;
  ok = csn_ooxml_package_parse (self->package, part, _("the workbook"), &handler, &reader, error);
  if (reader.in_name)
    defined_name_clear (&reader.pending);
  if (!ok)
    return FALSE;

  if (self->sheets->len == 0)
    return fail (self, error, CSN_XLSX_ERROR_DAMAGED, _("the workbook is damaged: it has no sheets"));

  /* Names scoped to a sheet the workbook does not have can never be used. */
  for (guint i = self->names->len; i-- > 0;)
    if (g_array_index (self->names, DefinedName, i).public.scope >= (int) self->sheets->len)
      g_array_remove_index (self->names, i);
  return TRUE;
}

static gboolean
resolve_sheets (CsnXlsxBook  *self,
                GPtrArray    *relationships,
                GError      **error)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      Sheet *sheet = &g_array_index (self->sheets, Sheet, i);
      const CsnOoxmlRelationship *relationship = find_relationship (relationships, NULL, sheet->rel_id);

      if (relationship == NULL || relationship->target == NULL)
        return fail_in_sheet (self, error, CSN_XLSX_ERROR_DAMAGED, sheet->name,
                              _("the workbook is damaged: the sheet has no part"));
      /* Chart and dialog sheets hold no cells. */
      if (strcmp (relationship->type, REL_WORKSHEET) != 0)
        continue;
      if (!csn_ooxml_package_has_part (self->package, relationship->target))
        return fail_in_sheet (self, error, CSN_XLSX_ERROR_DAMAGED, sheet->name,
                              _("the workbook is damaged: the sheet's part (%s) is missing"),
                              relationship->target);
      sheet->part = g_strdup (relationship->target);
    }
  return TRUE;
}

/* Styles */

/* Whether a number format shows a date: it has a day, a year, or a month that is not minutes.
 * Quoted text, escaped characters, [colours] and [$-locale] codes are skipped. */
static gboolean
format_is_date (const char *code)
{
  gboolean day_or_year = FALSE;
  gboolean month_or_minute = FALSE;
  gboolean time = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (g_ascii_tolower (*p))
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return day_or_year || (month_or_minute && !time);
          break;

        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return day_or_year || (month_or_minute && !time);
          p++;
          break;

        case '[':
          {
            const char *close = strchr (p, ']');

            /* [h], [mm] and [ss] are elapsed times, not dates. */
            if (close == NULL)
              return day_or_year || (month_or_minute && !time);
            if (p[1] == 'h' || p[1] == 'H' || p[1] == 's' || p[1] == 'S'
                || ((p[1] == 'm' || p[1] == 'M') && p[2] != '$'))
              time = TRUE;
            p = close;
          }
          break;

        case 'd':
        case 'y':
          day_or_year = TRUE;
          break;

        case 'm':
          month_or_minute = TRUE;
          break;

        case 'h':
        case 's':
          time = TRUE;
          break;

        default:
          break;
        }
    }
  return day_or_year || (month_or_minute && !time);
}

/* The built-in formats that show a date (ECMA-376 part 1, 18.8.30, and the East Asian ones). */
static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

typedef struct
{
  CsnXlsxBook   *book;
  const xmlChar *section;
  GHashTable    *custom;        /* numFmtId → whether it shows a date */
  GArray        *formats;       /* per cellXfs entry, its numFmtId */
  const xmlChar *n_num_fmts, *n_num_fmt, *n_cell_xfs, *n_xf, *a_num_fmt_id, *a_format_code;
} StylesReader;

static void
styles_begin (CsnOoxmlParse *parse,
              gpointer       user_data)
{
  StylesReader *reader = user_data;

  reader->n_num_fmts = csn_ooxml_parse_intern (parse, "numFmts");
  reader->n_num_fmt = csn_ooxml_parse_intern (parse, "numFmt");
  reader->n_cell_xfs = csn_ooxml_parse_intern (parse, "cellXfs");
  reader->n_xf = csn_ooxml_parse_intern (parse, "xf");
  reader->a_num_fmt_id = csn_ooxml_parse_intern (parse, "numFmtId");
  reader->a_format_code = csn_ooxml_parse_intern (parse, "formatCode");
}

static void
styles_start_element (CsnOoxmlParse  *parse,
                      const xmlChar  *name,
                      const xmlChar  *ns,
                      int             depth,
                      int             n_attributes,
                      const xmlChar **attributes,
                      gpointer        user_data)
{
  StylesReader *reader = user_data;
  guint64 id = 0;

  if (depth == 1)
    reader->section = name;
  else if (depth == 2 && reader->section == reader->n_num_fmts && name == reader->n_num_fmt)
    {
      g_autofree char *code = csn_ooxml_attribute_dup (n_attributes, attributes, reader->a_format_code);

      if (code != NULL && attribute_uint (n_attributes, attributes, reader->a_num_fmt_id, G_MAXUINT16, &id)
          && g_hash_table_size (reader->custom) < MAX_STYLES)
        g_hash_table_insert (reader->custom, GUINT_TO_POINTER ((guint) id), GINT_TO_POINTER (format_is_date (code)));
    }
  else if (depth == 2 && reader->section == reader->n_cell_xfs && name == reader->n_xf)
    {
      guint format;

      if (reader->formats->len >= MAX_STYLES)
        {
          GError *error = NULL;

          fail (reader->book, &error, CSN_XLSX_ERROR_TOO_MANY_CELLS,
                _("the workbook has more than %u cell formats"), (guint) MAX_STYLES);
          csn_ooxml_parse_fail (parse, error);
          return;
        }
      attribute_uint (n_attributes, attributes, reader->a_num_fmt_id, G_MAXUINT16, &id);
      format = (guint) id;
      g_array_append_val (reader->formats, format);
    }
}

static gboolean
read_styles (CsnXlsxBook  *self,
             const char   *part,
             GError      **error)
{
  static const CsnOoxmlHandler handler = {
    .begin = styles_begin,
    .start_element = styles_start_element,
  };
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) formats = g_array_new (FALSE, FALSE, sizeof (guint));
  StylesReader reader = { 0 };

  reader.book = self;
  reader.custom = custom;
  reader.formats = formats;
  if (!csn_ooxml_package_parse (self->package, part, _("the styles"), &handler, &reader, error))
    return FALSE;

  for (guint i = 0; i < formats->len; i++)
    {
      guint id = g_array_index (formats, guint, i);
      gpointer is_date;
      guint8 flag;

      if (g_hash_table_lookup_extended (custom, GUINT_TO_POINTER (id), NULL, &is_date))
        flag = GPOINTER_TO_INT (is_date) ? 1 : 0;
      else
        flag = builtin_format_is_date (id) ? 1 : 0;
      g_byte_array_append (self->date_styles, &flag, 1);
    }
  return TRUE;
}

/* Shared strings */

/* Ends the shared string whose raw text was collected in strings from @start. */
static void
end_shared_string (CsnXlsxBook *self,
                   gsize        start,
                   gboolean     overlong)
{
  SharedString entry = { OVERLONG, 0 };

  if (!overlong)
    {
      gsize length = unescape_in_place (self->strings->str + start, self->strings->len - start);

      overlong = is_overlong (self->strings->str + start, length);
      if (!overlong)
        {
          entry.offset = (guint32) start;
          entry.length = (guint32) length;
          g_string_truncate (self->strings, start + length);
          g_string_append_c (self->strings, '\0');
        }
    }
  if (overlong)
    {
      g_string_truncate (self->strings, start);
      self->shared_overlong = TRUE;
    }
  g_array_append_val (self->shared, entry);
}

typedef struct
{
  CsnXlsxBook   *book;
  gsize          start;          /* where the current item's text begins in book->strings */
  gboolean       in_item;
  gboolean       in_phonetic;
  gboolean       collecting;
  gboolean       overlong;
  const xmlChar *n_si, *n_t, *n_rph;
} SharedStringsReader;

static void
shared_strings_begin (CsnOoxmlParse *parse,
                      gpointer       user_data)
{
  SharedStringsReader *reader = user_data;

  reader->n_si = csn_ooxml_parse_intern (parse, "si");
  reader->n_t = csn_ooxml_parse_intern (parse, "t");
  reader->n_rph = csn_ooxml_parse_intern (parse, "rPh");
}

/* An item's text is in <t>, or in the <t> of each run (<r>), never in its phonetic runs (<rPh>). */
static void
shared_strings_start_element (CsnOoxmlParse  *parse,
                              const xmlChar  *name,
                              const xmlChar  *ns,
                              int             depth,
                              int             n_attributes,
                              const xmlChar **attributes,
                              gpointer        user_data)
{
  SharedStringsReader *reader = user_data;

  if (depth == 1 && name == reader->n_si)
    {
      reader->start = reader->book->strings->len;
      reader->overlong = FALSE;
      reader->in_item = TRUE;
    }
  else if (reader->in_item && depth == 2 && name == reader->n_rph)
    reader->in_phonetic = TRUE;
  else if (reader->in_item && !reader->in_phonetic && name == reader->n_t)
    reader->collecting = depth == 2 || depth == 3;
}

static void
shared_strings_end_element (CsnOoxmlParse *parse,
                            const xmlChar *name,
                            int            depth,
                            gpointer       user_data)
{
  SharedStringsReader *reader = user_data;

  if (depth == 1 && name == reader->n_si && reader->in_item)
    {
      end_shared_string (reader->book, reader->start, reader->overlong);
      reader->in_item = FALSE;
    }
  else if (name == reader->n_t)
    reader->collecting = FALSE;
  else if (depth == 2 && name == reader->n_rph)
    reader->in_phonetic = FALSE;
}

static void
shared_strings_text (CsnOoxmlParse *parse,
                     const char    *text,
                     int            length,
                     gpointer       user_data)
{
  SharedStringsReader *reader = user_data;
  GString *strings = reader->book->strings;

  if (!reader->collecting || reader->overlong)
    return;
  g_string_append_len (strings, text, length);
  /* Past this, the text is too long even if it were all escapes: keep none of it. */
  if (strings->len - reader->start > MAX_RAW_TEXT)
    {
      reader->overlong = TRUE;
      g_string_truncate (strings, reader->start);
    }
}

static gboolean
read_shared_strings (CsnXlsxBook  *self,
                     const char   *part,
                     GError      **error)
{
  static const CsnOoxmlHandler handler = {
    .begin = shared_strings_begin,
    .start_element = shared_strings_start_element,
    .end_element = shared_strings_end_element,
    .text = shared_strings_text,
  };
  SharedStringsReader reader = { 0 };

  reader.book = self;
  return csn_ooxml_package_parse (self->package, part, _("the shared texts"), &handler, &reader, error);
}

/* Worksheets */

typedef enum
{
  KIND_NUMBER,
  KIND_SHARED,
  KIND_INLINE,
  KIND_FORMULA_STRING,
  KIND_BOOLEAN,
  KIND_ERROR,
  KIND_DATE,
} CellKind;

typedef struct
{
  CsnXlsxBook    *book;
  const char     *sheet;
  CsnXlsxTable   *table;
  GString        *raw;        /* the text of <v>, or of <is>'s <t> elements */
  guint           row;
  guint           n_rows;
  guint           n_cells;
  guint           next_column;
  guint           cell_row;
  guint           cell_column;
  guint           style;
  CellKind        kind;
  gboolean        has_value;
  gboolean        is_formula;
  gboolean        in_data;
  gboolean        in_cell;
  gboolean        in_inline;
  gboolean        in_phonetic;
  gboolean        collecting;
  const xmlChar  *n_dimension, *n_sheet_data, *n_row, *n_c, *n_v, *n_f, *n_is, *n_t, *n_rph, *n_protection;
  const xmlChar  *a_r, *a_s, *a_t, *a_hidden, *a_ref, *a_sheet;
} SheetReader;

/* "AB12" as row 11, column 27. */
static gboolean
parse_cell_reference (const char *reference,
                      guint      *row,
                      guint      *column)
{
  guint64 col = 0, line = 0;
  const char *p = reference;
  guint letters = 0;

  for (; g_ascii_isalpha (*p) && letters < 4; p++, letters++)
    col = col * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (letters == 0 || letters > 3 || col > CSN_XLSX_MAX_COLUMNS)
    return FALSE;
  if (!parse_uint (p, CSN_XLSX_MAX_ROWS, &line) || line == 0)
    return FALSE;
  *row = (guint) line - 1;
  *column = (guint) col - 1;
  return TRUE;
}

/* How many cells a sheet's <dimension ref="A1:J5001"/> spans, within reason: it is only a hint. */
static guint
expected_cells (const char *span)
{
  g_auto(GStrv) ends = NULL;
  guint first_row, first_column, last_row, last_column;

  if (span == NULL)
    return 0;
  ends = g_strsplit (span, ":", 3);
  if (g_strv_length (ends) != 2
      || !parse_cell_reference (ends[0], &first_row, &first_column)
      || !parse_cell_reference (ends[1], &last_row, &last_column)
      || last_row < first_row || last_column < first_column)
    return 0;
  return (guint) MIN ((guint64) (last_row - first_row + 1) * (last_column - first_column + 1), 1 << 18);
}

static gboolean
check_text_length (SheetReader  *reader,
                   const char   *text,
                   gsize         length,
                   GError      **error)
{
  if (!is_overlong (text, length))
    return TRUE;
  return fail_in_cell (reader->book, error, CSN_XLSX_ERROR_TEXT_TOO_LONG, reader->sheet,
                       reader->cell_row, reader->cell_column,
                       _("the text is longer than 32,767 characters"));
}

static gboolean
add_text_cell (SheetReader  *reader,
               GError      **error)
{
  GString *raw = reader->raw;
  CsnXlsxCell *cell;

  g_string_truncate (raw, unescape_in_place (raw->str, raw->len));
  if (!check_text_length (reader, raw->str, raw->len, error))
    return FALSE;
  cell = csn_xlsx_table_add_cell (reader->table, reader->cell_row, reader->cell_column,
                                  CSN_XLSX_CELL_STRING, raw->str, raw->len);
  cell->is_formula = reader->is_formula;
  return TRUE;
}

static gboolean
finish_cell (SheetReader  *reader,
             GError      **error)
{
  CsnXlsxBook *book = reader->book;
  GString *raw = reader->raw;
  CsnXlsxCell *cell;

  if (!reader->has_value)
    return TRUE;

  switch (reader->kind)
    {
    case KIND_SHARED:
      {
        guint64 index;
        const SharedString *entry;

        if (!parse_uint (g_strstrip (raw->str), G_MAXUINT32, &index) || index >= book->shared->len)
          {
            {
              g_autofree char *shown = shown_value (raw->str);

              return fail_in_cell (book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                                   reader->cell_row, reader->cell_column,
                                   _("the cell refers to shared text “%s”, which the workbook does not have"),
                                   shown);
            }
          }
        entry = &g_array_index (book->shared, SharedString, index);
        if (entry->offset == OVERLONG)
          return fail_in_cell (book, error, CSN_XLSX_ERROR_TEXT_TOO_LONG, reader->sheet,
                               reader->cell_row, reader->cell_column,
                               _("the text is longer than 32,767 characters"));
        cell = csn_xlsx_table_add_shared_cell (reader->table, reader->cell_row, reader->cell_column,
                                               CSN_XLSX_CELL_STRING,
                                               (const char *) g_bytes_get_data (book->shared_texts, NULL) + entry->offset);
        cell->is_formula = reader->is_formula;
      }
      break;

    case KIND_INLINE:
    case KIND_FORMULA_STRING:
      return add_text_cell (reader, error);

    case KIND_BOOLEAN:
      {
        const char *value = g_strstrip (raw->str);
        gboolean truth;

        if (strcmp (value, "1") == 0 || strcmp (value, "true") == 0)
          truth = TRUE;
        else if (strcmp (value, "0") == 0 || strcmp (value, "false") == 0)
          truth = FALSE;
        else
          {
            g_autofree char *shown = shown_value (value);

            return fail_in_cell (book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                                 reader->cell_row, reader->cell_column,
                                 _("“%s” is not a true or false value"), shown);
          }
        cell = csn_xlsx_table_add_cell (reader->table, reader->cell_row, reader->cell_column,
                                        CSN_XLSX_CELL_BOOLEAN, truth ? "TRUE" : "FALSE", truth ? 4 : 5);
        cell->number = truth ? 1 : 0;
        cell->is_formula = reader->is_formula;
      }
      break;

    case KIND_ERROR:
      if (!check_text_length (reader, raw->str, raw->len, error))
        return FALSE;
      cell = csn_xlsx_table_add_cell (reader->table, reader->cell_row, reader->cell_column,
                                      CSN_XLSX_CELL_ERROR, raw->str, raw->len);
      cell->is_formula = reader->is_formula;
      break;

    case KIND_DATE:
      if (!check_text_length (reader, raw->str, raw->len, error))
        return FALSE;
      cell = csn_xlsx_table_add_cell (reader->table, reader->cell_row, reader->cell_column,
                                      CSN_XLSX_CELL_STRING, raw->str, raw->len);
      cell->is_date = TRUE;
      cell->is_formula = reader->is_formula;
      break;

    case KIND_NUMBER:
    default:
      {
        const char *value = g_strstrip (raw->str);
        char *end = NULL;
        double number;

        /* A formula that has never been calculated (openpyxl writes them so) has an empty value. */
        if (value[0] == '\0')
          return TRUE;
        number = g_ascii_strtod (value, &end);
        if (end == value || *end != '\0' || !isfinite (number))
          {
            g_autofree char *shown = shown_value (value);

            return fail_in_cell (book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                                 reader->cell_row, reader->cell_column,
                                 _("“%s” is not a number"), shown);
          }
        cell = csn_xlsx_table_add_cell (reader->table, reader->cell_row, reader->cell_column,
                                        CSN_XLSX_CELL_NUMBER, value, strlen (value));
        cell->number = number;
        cell->is_date = reader->style < book->date_styles->len && book->date_styles->data[reader->style];
        cell->is_formula = reader->is_formula;
      }
      break;
    }
  return TRUE;
}

static gboolean
parse_kind (const char *type,
            gsize       length,
            CellKind   *kind)
{
  static const struct {
    const char *name;
    CellKind    kind;
  } kinds[] = {
    { "n", KIND_NUMBER }, { "s", KIND_SHARED }, { "inlineStr", KIND_INLINE },
    { "str", KIND_FORMULA_STRING }, { "b", KIND_BOOLEAN }, { "e", KIND_ERROR }, { "d", KIND_DATE },
  };

  if (type == NULL)
    {
      *kind = KIND_NUMBER;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strlen (kinds[i].name) == length && memcmp (kinds[i].name, type, length) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static void
worksheet_begin (CsnOoxmlParse *parse,
                 gpointer       user_data)
{
  SheetReader *reader = user_data;

  reader->n_dimension = csn_ooxml_parse_intern (parse, "dimension");
  reader->n_sheet_data = csn_ooxml_parse_intern (parse, "sheetData");
  reader->n_row = csn_ooxml_parse_intern (parse, "row");
  reader->n_c = csn_ooxml_parse_intern (parse, "c");
  reader->n_v = csn_ooxml_parse_intern (parse, "v");
  reader->n_f = csn_ooxml_parse_intern (parse, "f");
  reader->n_is = csn_ooxml_parse_intern (parse, "is");
  reader->n_t = csn_ooxml_parse_intern (parse, "t");
  reader->n_rph = csn_ooxml_parse_intern (parse, "rPh");
  reader->n_protection = csn_ooxml_parse_intern (parse, "sheetProtection");
  reader->a_r = csn_ooxml_parse_intern (parse, "r");
  reader->a_s = csn_ooxml_parse_intern (parse, "s");
  reader->a_t = csn_ooxml_parse_intern (parse, "t");
  reader->a_hidden = csn_ooxml_parse_intern (parse, "hidden");
  reader->a_ref = csn_ooxml_parse_intern (parse, "ref");
  reader->a_sheet = csn_ooxml_parse_intern (parse, "sheet");
}

/* A value from an attribute as a message quotes it. */
static char *
shown_attribute (const char *value,
                 gsize       length)
{
  g_autofree char *text = g_strndup (value, MIN (length, 80));

  return shown_value (text);
}

static gboolean
start_cell (SheetReader     *reader,
            int              n_attributes,
            const xmlChar  **attributes,
            GError         **error)
{
  const char *reference = NULL, *kind = NULL;
  gsize reference_length = 0, kind_length = 0;
  guint64 style = 0;

  if (++reader->n_cells > CSN_XLSX_MAX_SHEET_CELLS)
    return fail_in_sheet (reader->book, error, CSN_XLSX_ERROR_TOO_MANY_CELLS, reader->sheet,
                          _("the sheet has more than %u cells, far more than any answer file"),
                          (guint) CSN_XLSX_MAX_SHEET_CELLS);

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[5 * i];

      if (attribute[2] != NULL)
        continue;
      if (attribute[0] == reader->a_r)
        {
          reference = (const char *) attribute[3];
          reference_length = (gsize) (attribute[4] - attribute[3]);
        }
      else if (attribute[0] == reader->a_t)
        {
          kind = (const char *) attribute[3];
          kind_length = (gsize) (attribute[4] - attribute[3]);
        }
    }
  attribute_uint (n_attributes, attributes, reader->a_s, G_MAXUINT, &style);

  reader->cell_row = reader->row;
  reader->cell_column = reader->next_column;
  if (reference != NULL)
    {
      char text[16];

      if (reference_length >= sizeof text)
        text[0] = '\0';
      else
        {
          memcpy (text, reference, reference_length);
          text[reference_length] = '\0';
        }
      if (!parse_cell_reference (text, &reader->cell_row, &reader->cell_column))
        {
          g_autofree char *shown = shown_attribute (reference, reference_length);

          return fail_in_sheet (reader->book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                                _("“%s” is not a cell reference"), shown);
        }
    }
  if (!parse_kind (kind, kind_length, &reader->kind))
    {
      g_autofree char *shown = shown_attribute (kind, kind_length);

      return fail_in_cell (reader->book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                           reader->cell_row, reader->cell_column, _("“%s” is not a cell type"), shown);
    }
  reader->style = (guint) style;
  reader->next_column = MIN (reader->cell_column + 1, CSN_XLSX_MAX_COLUMNS - 1);
  reader->has_value = FALSE;
  reader->is_formula = FALSE;
  reader->in_cell = TRUE;
  return TRUE;
}

static gboolean
start_row (SheetReader     *reader,
           int              n_attributes,
           const xmlChar  **attributes,
           GError         **error)
{
  const char *number;
  gsize number_length;
  guint64 line;

  if (++reader->n_rows > CSN_XLSX_MAX_SHEET_ROWS)
    return fail_in_sheet (reader->book, error, CSN_XLSX_ERROR_TOO_MANY_CELLS, reader->sheet,
                          _("the sheet has more than %u rows, far more than any answer file"),
                          (guint) CSN_XLSX_MAX_SHEET_ROWS);

  if (!csn_ooxml_attribute (n_attributes, attributes, reader->a_r, &number, &number_length))
    reader->row = reader->n_rows == 1 ? 0 : MIN (reader->row + 1, CSN_XLSX_MAX_ROWS - 1);
  else if (attribute_uint (n_attributes, attributes, reader->a_r, CSN_XLSX_MAX_ROWS, &line) && line > 0)
    reader->row = (guint) line - 1;
  else
    {
      g_autofree char *shown = shown_attribute (number, number_length);

      return fail_in_sheet (reader->book, error, CSN_XLSX_ERROR_DAMAGED, reader->sheet,
                            _("“%s” is not a row number"), shown);
    }
  reader->next_column = 0;
  if (attribute_is_true (n_attributes, attributes, reader->a_hidden))
    csn_xlsx_table_add_hidden_row (reader->table, reader->row);
  return TRUE;
}

static void
worksheet_start_element (CsnOoxmlParse  *parse,
                         const xmlChar  *name,
                         const xmlChar  *ns,
                         int             depth,
                         int             n_attributes,
                         const xmlChar **attributes,
                         gpointer        user_data)
{
  SheetReader *reader = user_data;
  GError *error = NULL;

  if (reader->in_cell)
    {
      if (depth == 4 && name == reader->n_v && reader->kind != KIND_INLINE)
        {
          g_string_truncate (reader->raw, 0);
          reader->has_value = TRUE;
          reader->collecting = TRUE;
        }
      else if (depth == 4 && name == reader->n_f)
        reader->is_formula = TRUE;
      else if (depth == 4 && name == reader->n_is && reader->kind == KIND_INLINE)
        {
          g_string_truncate (reader->raw, 0);
          reader->has_value = TRUE;
          reader->in_inline = TRUE;
        }
      else if (reader->in_inline && depth == 5 && name == reader->n_rph)
        reader->in_phonetic = TRUE;
      else if (reader->in_inline && !reader->in_phonetic && name == reader->n_t && (depth == 5 || depth == 6))
        reader->collecting = TRUE;
    }
  else if (reader->in_data && depth == 3 && name == reader->n_c)
    start_cell (reader, n_attributes, attributes, &error);
  else if (reader->in_data && depth == 2 && name == reader->n_row)
    start_row (reader, n_attributes, attributes, &error);
  else if (depth == 1 && name == reader->n_sheet_data)
    reader->in_data = TRUE;
  else if (depth == 1 && name == reader->n_dimension)
    {
      g_autofree char *span = csn_ooxml_attribute_dup (n_attributes, attributes, reader->a_ref);

      csn_xlsx_table_reserve (reader->table, expected_cells (span));
    }
  else if (depth == 1 && name == reader->n_protection)
    csn_xlsx_table_set_protected (reader->table, attribute_is_true (n_attributes, attributes, reader->a_sheet));

  if (error != NULL)
    csn_ooxml_parse_fail (parse, error);
}

static void
worksheet_end_element (CsnOoxmlParse *parse,
                       const xmlChar *name,
                       int            depth,
                       gpointer       user_data)
{
  SheetReader *reader = user_data;
  GError *error = NULL;

  if (name == reader->n_c && reader->in_cell && depth == 3)
    {
      reader->in_cell = reader->in_inline = reader->in_phonetic = reader->collecting = FALSE;
      if (!finish_cell (reader, &error))
        csn_ooxml_parse_fail (parse, error);
    }
  else if (name == reader->n_v || name == reader->n_t)
    reader->collecting = FALSE;
  else if (name == reader->n_rph)
    reader->in_phonetic = FALSE;
  else if (name == reader->n_is)
    reader->in_inline = FALSE;
  else if (name == reader->n_sheet_data && depth == 1)
    reader->in_data = FALSE;
}

static void
worksheet_text (CsnOoxmlParse *parse,
                const char    *text,
                int            length,
                gpointer       user_data)
{
  SheetReader *reader = user_data;
  GError *error = NULL;

  if (!reader->collecting)
    return;
  g_string_append_len (reader->raw, text, length);
  /* Refused as it comes in: a 10 MB cell is not kept whole to be measured. */
  if (reader->raw->len > MAX_RAW_TEXT)
    {
      fail_in_cell (reader->book, &error, CSN_XLSX_ERROR_TEXT_TOO_LONG, reader->sheet,
                    reader->cell_row, reader->cell_column, _("the text is longer than 32,767 characters"));
      csn_ooxml_parse_fail (parse, error);
    }
}

static gboolean
read_worksheet (CsnXlsxBook   *self,
                Sheet         *sheet,
                CsnXlsxTable  *table,
                GError       **error)
{
  static const CsnOoxmlHandler handler = {
    .begin = worksheet_begin,
    .start_element = worksheet_start_element,
    .end_element = worksheet_end_element,
    .text = worksheet_text,
  };
  g_autoptr(GString) raw = g_string_sized_new (256);
  g_autofree char *place = sheet_place (sheet->name);
  SheetReader reader = { 0 };

  reader.book = self;
  reader.sheet = sheet->name;
  reader.table = table;
  reader.raw = raw;
  return csn_ooxml_package_parse (self->package, sheet->part, place, &handler, &reader, error);
}

static CsnXlsxTable *
read_sheet_unlocked (CsnXlsxBook  *self,
                     guint         index,
                     GError      **error)
{
  Sheet *sheet = &g_array_index (self->sheets, Sheet, index);
  g_autoptr(CsnXlsxTable) table = NULL;

  if (sheet->table != NULL)
    return csn_xlsx_table_ref (sheet->table);

  table = csn_xlsx_table_new (self->display_name, sheet->name, self->date1904, self->shared_texts);
  if (sheet->part != NULL && !read_worksheet (self, sheet, table, error))
    return NULL;
  csn_xlsx_table_finish (table);
  sheet->table = csn_xlsx_table_ref (table);
  return g_steal_pointer (&table);
}

/* A shared text over the limit is refused where a cell uses it, so that the message names the
 * cell; one that no cell uses does no harm. */
static gboolean
check_overlong_shared_strings (CsnXlsxBook  *self,
                               GError      **error)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      g_autoptr(CsnXlsxTable) table = read_sheet_unlocked (self, i, error);

      if (table == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * csn_xlsx_book_new_from_bytes:
 * @bytes: the whole file
 * @display_name: the file as the user knows it ("answers-MX.xlsx"), for messages
 *
 * Reads a workbook's sheets, defined names, shared strings and styles; the sheets' cells are read
 * when asked for. A bad file is refused with a #CSN_XLSX_ERROR naming it and, where it applies, the
 * sheet and cell.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
CsnXlsxBook *
csn_xlsx_book_new_from_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(CsnXlsxBook) self = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autofree char *workbook_part = NULL;
  const CsnOoxmlRelationship *relationship;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CSN_TYPE_XLSX_BOOK, NULL);
  self->display_name = g_strdup (display_name);

  self->package = csn_ooxml_package_new (bytes, display_name, error);
  if (self->package == NULL)
    return NULL;
  if (!find_workbook_part (self, &workbook_part, error))
    return NULL;
  if (!csn_ooxml_package_has_part (self->package, workbook_part))
    {
      fail (self, error, CSN_XLSX_ERROR_NOT_WORKBOOK, _("this is a zip file but not an Excel workbook (.xlsx)"));
      return NULL;
    }

  relationships = csn_ooxml_package_read_relationships (self->package, workbook_part, error);
  if (relationships == NULL)
    return NULL;
  if (!read_workbook (self, workbook_part, error))
    return NULL;
  if (!resolve_sheets (self, relationships, error))
    return NULL;

  relationship = find_relationship (relationships, REL_STYLES, NULL);
  if (relationship != NULL && relationship->target != NULL
      && !read_styles (self, relationship->target, error))
    return NULL;
  relationship = find_relationship (relationships, REL_SHARED_STRINGS, NULL);
  if (relationship != NULL && relationship->target != NULL
      && !read_shared_strings (self, relationship->target, error))
    return NULL;
  self->shared_texts = g_string_free_to_bytes (g_steal_pointer (&self->strings));
  if (self->shared_overlong && !check_overlong_shared_strings (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
refuse_file_too_large (const char  *display_name,
                       GError     **error)
{
  g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_LARGE,
               /* Translators: %s is a file name, %u a number of megabytes. */
               _("%s: the file is larger than %u MiB, far larger than any answer file"),
               display_name, (guint) (CSN_OOXML_PACKAGE_LIMIT >> 20));
}

/**
 * csn_xlsx_book_new_from_file:
 *
 * Reads @file whole, then as csn_xlsx_book_new_from_bytes(), with its display name in messages.
 * Errors from reading the file are #G_IO_ERROR.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
CsnXlsxBook *
csn_xlsx_book_new_from_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *chunk = NULL;
  const char *display_name;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  display_name = g_file_info_get_display_name (info);
  size = g_file_info_get_size (info);
  if (size > (goffset) CSN_OOXML_PACKAGE_LIMIT)
    {
      refuse_file_too_large (display_name, error);
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read up to the limit whatever the size said: a pipe or a device has none. */
  data = g_byte_array_sized_new ((guint) CLAMP (size, 0, (goffset) CSN_OOXML_PACKAGE_LIMIT) + 1);
  chunk = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, 64 * 1024, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (guint64) n > CSN_OOXML_PACKAGE_LIMIT)
        {
          refuse_file_too_large (display_name, error);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint) n);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return csn_xlsx_book_new_from_bytes (bytes, display_name, error);
}

const char *
csn_xlsx_book_get_display_name (CsnXlsxBook *self)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);

  return self->display_name;
}

/* Whether the workbook's dates count from 1904 rather than 1900. */
gboolean
csn_xlsx_book_get_date1904 (CsnXlsxBook *self)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), FALSE);

  return self->date1904;
}

guint
csn_xlsx_book_get_n_sheets (CsnXlsxBook *self)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), 0);

  return self->sheets->len;
}

/* Sheets are counted in tab order, as the user last arranged them. */
const char *
csn_xlsx_book_get_sheet_name (CsnXlsxBook *self,
                              guint        sheet)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);
  g_return_val_if_fail (sheet < self->sheets->len, NULL);

  return g_array_index (self->sheets, Sheet, sheet).name;
}

/* The number the sheet was created with, which moving or renaming it keeps. */
guint
csn_xlsx_book_get_sheet_id (CsnXlsxBook *self,
                            guint        sheet)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), 0);
  g_return_val_if_fail (sheet < self->sheets->len, 0);

  return g_array_index (self->sheets, Sheet, sheet).id;
}

CsnXlsxSheetState
csn_xlsx_book_get_sheet_state (CsnXlsxBook *self,
                               guint        sheet)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), CSN_XLSX_SHEET_VISIBLE);
  g_return_val_if_fail (sheet < self->sheets->len, CSN_XLSX_SHEET_VISIBLE);

  return g_array_index (self->sheets, Sheet, sheet).state;
}

/* The index of the sheet called @name, ignoring case as spreadsheet programs do, or -1. */
int
csn_xlsx_book_find_sheet (CsnXlsxBook *self,
                          const char  *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->sheets->len; i++)
    if (strcmp (g_array_index (self->sheets, Sheet, i).folded, folded) == 0)
      return (int) i;
  return -1;
}

/**
 * csn_xlsx_book_read_sheet:
 *
 * Reads the cells of a sheet (once: later calls share the table). Any thread may call it.
 *
 * Returns: (transfer full) (nullable): the sheet's cells; an empty table for a chart sheet
 */
CsnXlsxTable *
csn_xlsx_book_read_sheet (CsnXlsxBook  *self,
                          guint         sheet,
                          GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);
  g_return_val_if_fail (sheet < self->sheets->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return read_sheet_unlocked (self, sheet, error);
}

guint
csn_xlsx_book_get_n_defined_names (CsnXlsxBook *self)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), 0);

  return self->names->len;
}

const CsnXlsxDefinedName *
csn_xlsx_book_get_defined_name (CsnXlsxBook *self,
                                guint        index)
{
  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);
  g_return_val_if_fail (index < self->names->len, NULL);

  return &g_array_index (self->names, DefinedName, index).public;
}

/**
 * csn_xlsx_book_lookup_defined_name:
 * @name: the name, compared ignoring case as spreadsheet programs do
 * @scope: a sheet whose own names come first, or -1 for the workbook's names only
 *
 * Returns: (transfer none) (nullable): the name
 */
const CsnXlsxDefinedName *
csn_xlsx_book_lookup_defined_name (CsnXlsxBook *self,
                                   const char  *name,
                                   int          scope)
{
  g_autofree char *folded = NULL;
  const CsnXlsxDefinedName *global = NULL;

  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->names->len; i++)
    {
      const DefinedName *candidate = &g_array_index (self->names, DefinedName, i);

      if (strcmp (candidate->folded, folded) != 0)
        continue;
      if (scope >= 0 && candidate->public.scope == scope)
        return &candidate->public;
      if (candidate->public.scope < 0 && global == NULL)
        global = &candidate->public;
    }
  return global;
}

/* References */

/* One end of a range: "$H$2" (a cell), "$H" (a column) or "$2" (a row). */
typedef struct
{
  gboolean has_column;
  gboolean has_row;
  guint    column;
  guint    row;
} RangeEnd;

static gboolean
parse_range_end (const char **text,
                 RangeEnd    *end)
{
  const char *p = *text;
  guint64 column = 0, row = 0;
  guint letters = 0, digits = 0;

  memset (end, 0, sizeof *end);
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      if (++letters > 3)
        return FALSE;
      column = column * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
    }
  if (letters > 0 && *p == '$')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++digits > 7)
        return FALSE;
      row = row * 10 + (guint64) (*p - '0');
    }
  if (letters == 0 && digits == 0)
    return FALSE;
  if (letters > 0)
    {
      if (column > CSN_XLSX_MAX_COLUMNS)
        return FALSE;
      end->has_column = TRUE;
      end->column = (guint) column - 1;
    }
  if (digits > 0)
    {
      if (row == 0 || row > CSN_XLSX_MAX_ROWS)
        return FALSE;
      end->has_row = TRUE;
      end->row = (guint) row - 1;
    }
  *text = p;
  return TRUE;
}

/**
 * csn_xlsx_parse_reference:
 * @formula: a defined name's formula: "'Theme matrix'!$H$2:$H$41", "Sheet1!$C:$C", "Data!$2:$2"
 * @sheet_name: (out) (transfer full) (optional): the sheet, with quotes undone; %NULL when the
 *   formula names none
 * @range: (out): the cells, from 0
 *
 * Returns: whether @formula is one range of one sheet (not a list, a 3D reference, another
 *   workbook or #REF!).
 */
gboolean
csn_xlsx_parse_reference (const char    *formula,
                          char         **sheet_name,
                          CsnXlsxRange  *range)
{
  g_autofree char *sheet = NULL;
  const char *p = formula;
  RangeEnd first, last;

  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '=')
    p++;

  if (*p == '\'')
    {
      GString *quoted = g_string_new (NULL);

      for (p++;; p++)
        {
          if (*p == '\0')
            {
              g_string_free (quoted, TRUE);
              return FALSE;
            }
          if (*p == '\'')
            {
              if (p[1] != '\'')
                break;
              p++;
            }
          g_string_append_c (quoted, *p);
        }
      sheet = g_string_free (quoted, FALSE);
      p++;
      if (*p != '!')
        return FALSE;
      p++;
    }
  else
    {
      const char *bang = strchr (p, '!');

      if (bang != NULL)
        {
          sheet = g_strndup (p, (gsize) (bang - p));
          p = bang + 1;
          if (strpbrk (sheet, " '()+-,;&=<>^\"") != NULL)
            return FALSE;
        }
    }
  /* No sheet name holds []:*?/\ — these are 3D references or other workbooks. */
  if (sheet != NULL && (sheet[0] == '\0' || strpbrk (sheet, "[]:*?/\\") != NULL))
    return FALSE;

  if (!parse_range_end (&p, &first))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!parse_range_end (&p, &last))
        return FALSE;
    }
  else if (first.has_column && first.has_row)
    last = first;
  else
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  if (first.has_column != last.has_column || first.has_row != last.has_row)
    return FALSE;
  range->first_column = first.has_column ? MIN (first.column, last.column) : 0;
  range->last_column = first.has_column ? MAX (first.column, last.column) : CSN_XLSX_MAX_COLUMNS - 1;
  range->first_row = first.has_row ? MIN (first.row, last.row) : 0;
  range->last_row = first.has_row ? MAX (first.row, last.row) : CSN_XLSX_MAX_ROWS - 1;

  if (sheet_name != NULL)
    *sheet_name = g_steal_pointer (&sheet);
  return TRUE;
}

/**
 * csn_xlsx_book_read_defined_name:
 * @name: a defined name
 * @scope: the sheet whose own names come first, or -1
 * @range: (out): the cells the name covers, from 0
 *
 * Finds where a defined name points now (spreadsheet programs keep names up to date when sheets
 * are renamed or moved and rows or columns inserted) and reads that sheet.
 *
 * Returns: (transfer full) (nullable): the cells of the sheet the name points into
 */
CsnXlsxTable *
csn_xlsx_book_read_defined_name (CsnXlsxBook   *self,
                                 const char    *name,
                                 int            scope,
                                 CsnXlsxRange  *range,
                                 GError       **error)
{
  const CsnXlsxDefinedName *defined;
  g_autofree char *sheet_name = NULL;
  int sheet;

  g_return_val_if_fail (CSN_IS_XLSX_BOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (range != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  defined = csn_xlsx_book_lookup_defined_name (self, name, scope);
  if (defined == NULL)
    {
      fail (self, error, CSN_XLSX_ERROR_NOT_FOUND, _("the workbook has no name “%s”"), name);
      return NULL;
    }
  if (!csn_xlsx_parse_reference (defined->formula, &sheet_name, range))
    {
      if (strstr (defined->formula, "#REF!") != NULL)
        fail (self, error, CSN_XLSX_ERROR_BAD_REFERENCE,
              _("the name “%s” refers to cells that were deleted"), defined->name);
      else
        fail (self, error, CSN_XLSX_ERROR_BAD_REFERENCE,
              _("the name “%s” is not one range of cells (“%s”)"), defined->name, defined->formula);
      return NULL;
    }

  if (sheet_name != NULL)
    sheet = csn_xlsx_book_find_sheet (self, sheet_name);
  else
    sheet = defined->scope;
  if (sheet < 0)
    {
      if (sheet_name != NULL)
        fail (self, error, CSN_XLSX_ERROR_NOT_FOUND,
              _("the name “%s” refers to sheet “%s”, which the workbook does not have"),
              defined->name, sheet_name);
      else
        fail (self, error, CSN_XLSX_ERROR_BAD_REFERENCE,
              _("the name “%s” is not one range of cells (“%s”)"), defined->name, defined->formula);
      return NULL;
    }
  return csn_xlsx_book_read_sheet (self, (guint) sheet, error);
}
