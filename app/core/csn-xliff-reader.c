/* csn-xliff-reader.c: XLIFF 1.x read from an untrusted stream with libxml2's streaming reader, no
 * network, no entities, no document type, a size limit — into plain data, in any thread. */
#define G_LOG_DOMAIN "csn-xliff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "csn-xliff.h"
#include "csn-xliff-private.h"

#define XLIFF_NAMESPACE_PREFIX "urn:oasis:names:tc:xliff:document:"

typedef enum {
  KIND_OTHER,      /* ignored with what it holds: notes, alt-trans, extensions */
  KIND_ROOT,
  KIND_FILE,
  KIND_CONTAINER,  /* header, body, group: may hold units */
  KIND_UNIT,
  KIND_SOURCE,
  KIND_TARGET,
  KIND_INLINE,     /* g, mrk, x… inside a source or target: their text is the text's */
  KIND_CODE,       /* bpt, ept, ph, it: native codes, not text */
} Kind;

/* Deeper than this is refused; libxml2 stops at 256 without XML_PARSE_HUGE anyway. */
#define MAX_DEPTH 256

/* Where the look at the prolog is: before the first element, a DOCTYPE (in UTF-8 or UTF-16) is
 * refused before libxml2 sees a byte of it (its declarations are never parsed). */
typedef enum {
  PROLOG_OUTSIDE,
  PROLOG_LT,          /* "<" */
  PROLOG_PI,          /* "<?" up to "?>" */
  PROLOG_BANG,        /* "<!" and up to 7 more */
  PROLOG_COMMENT,     /* "<!--" up to "-->" */
  PROLOG_DONE,        /* the first element started, or something libxml2 will refuse */
  PROLOG_DOCTYPE,
} PrologState;

typedef struct {
  GInputStream *stream;
  GCancellable *cancellable;
  gsize         max_size;
  gsize         total;
  gboolean      too_large;
  GError       *io_error;
  PrologState   prolog;
  char          bang[8];
  guint         bang_length;
  char          last[2];     /* the two bytes before, for "?>" and "-->" */
  int           line;        /* of the prolog so far */
} Input;

typedef struct {
  const char       *name;
  xmlTextReaderPtr  reader;
  Input             input;
  char             *xml_error;      /* libxml2's first message */
  int               xml_error_code;
  int               xml_error_line;
  GError           *error;          /* ours, set once */

  const char       *ns;             /* the root's namespace, or NULL */
  Kind              kinds[MAX_DEPTH];
  GPtrArray        *files;
  CsnXliffFile     *file;           /* the <file> being read */
  CsnXliffUnit     *unit;           /* the <trans-unit> being read */
  GString          *text;           /* the <source> or <target> being read */
  int               text_depth;
  int               ignore_depth;   /* inside an element whose text is not the unit's, or -1 */
  gboolean          has_source;
  gboolean          root_seen;
  gboolean          root_closed;
} Reader;

static void
scan_prolog (Input      *input,
             const char *buffer,
             gssize      length)
{
  for (gssize i = 0; i < length && input->prolog < PROLOG_DONE; i++)
    {
      char c = buffer[i];

      /* UTF-16 reads as ASCII with a zero byte beside each character. */
      if (c == '\0')
        continue;
      switch (input->prolog)
        {
        case PROLOG_OUTSIDE:
          if (c == '<')
            input->prolog = PROLOG_LT;
          break;
        case PROLOG_LT:
          input->prolog = c == '?' ? PROLOG_PI : c == '!' ? PROLOG_BANG : PROLOG_DONE;
          input->bang_length = 0;
          break;
        case PROLOG_PI:
          if (c == '>' && input->last[1] == '?')
            input->prolog = PROLOG_OUTSIDE;
          break;
        case PROLOG_BANG:
          input->bang[input->bang_length++] = c;
          if (input->bang_length == 2 && memcmp (input->bang, "--", 2) == 0)
            input->prolog = PROLOG_COMMENT;
          else if (input->bang_length == 7)
            input->prolog = memcmp (input->bang, "DOCTYPE", 7) == 0 ? PROLOG_DOCTYPE : PROLOG_DONE;
          break;
        case PROLOG_COMMENT:
          if (c == '>' && input->last[0] == '-' && input->last[1] == '-')
            input->prolog = PROLOG_OUTSIDE;
          break;
        case PROLOG_DONE:
        case PROLOG_DOCTYPE:
        default:
          break;
        }
      if (c == '\n')
        input->line++;
      input->last[0] = input->last[1];
      input->last[1] = c;
    }
}

static int
on_read_cb (void *context,
            char *buffer,
            int   length)
{
  Input *input = context;
  gssize n;

  if (input->prolog == PROLOG_DOCTYPE)
    return -1;
  n = g_input_stream_read (input->stream, buffer, length, input->cancellable, &input->io_error);
  if (n < 0)
    return -1;
  scan_prolog (input, buffer, n);
  if (input->prolog == PROLOG_DOCTYPE)
    return -1;
  input->total += n;
  if (input->total > input->max_size)
    {
      input->too_large = TRUE;
      return -1;
    }
  return n;
}

static int
on_close_cb (void *context)
{
  return 0;
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  Reader *r = user_data;

  if (r->xml_error != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  r->xml_error = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
  r->xml_error_code = error->code;
  r->xml_error_line = error->line;
}

/* libxml2 also reports some errors (encodings, I/O) to the thread's generic handler: not to stderr. */
static void
on_generic_error_cb (void       *user_data,
                     const char *format,
                     ...)
{
}

static int
current_line (Reader *r)
{
  xmlNodePtr node = r->reader != NULL ? xmlTextReaderCurrentNode (r->reader) : NULL;
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  /* Line numbers past 65535 are not kept on elements: the parser's position is near. */
  if ((line <= 0 || line >= 65535) && r->reader != NULL)
    line = xmlTextReaderGetParserLineNumber (r->reader);
  return MAX (line, 1);
}

static void
fail (Reader     *r,
      int         code,
      int         line,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (Reader     *r,
      int         code,
      int         line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a place in a file: "fr.xlf: line 12: the unit has no id" */
  r->error = g_error_new (CSN_XLIFF_ERROR, code, _("%s: line %d: %s"), r->name, line, message);
}

static char *
dup_attribute (Reader     *r,
               const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_xliff_namespace (const char *ns)
{
  return ns != NULL && g_str_has_prefix (ns, XLIFF_NAMESPACE_PREFIX);
}

/* The root's namespace, or any of XLIFF 1.x: translate-toolkit adds units in 1.1's to a 1.2 file. */
static gboolean
is_own_namespace (Reader     *r,
                  const char *ns)
{
  return g_strcmp0 (ns, r->ns) == 0 ||
         (is_xliff_namespace (ns) && g_str_has_prefix (ns + strlen (XLIFF_NAMESPACE_PREFIX), "1."));
}

static void
start_root (Reader     *r,
            const char *name,
            const char *ns)
{
  g_autofree char *version = NULL;

  if (!g_str_equal (name, "xliff"))
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, current_line (r),
            _("this is not an XLIFF file: it starts with <%s>"), name);
      return;
    }
  version = dup_attribute (r, "version");
  if ((ns != NULL && !is_xliff_namespace (ns)) ||
      (ns != NULL && !g_str_has_prefix (ns + strlen (XLIFF_NAMESPACE_PREFIX), "1.")) ||
      (version != NULL && !g_str_has_prefix (version, "1.")))
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, current_line (r),
            _("this is XLIFF version %s; Consenso reads XLIFF 1.2 (export that version from the translation tool)"),
            version != NULL ? version : ns);
      return;
    }
  r->ns = ns != NULL ? g_intern_string (ns) : NULL;
}

static void
start_file (Reader *r)
{
  r->file = csn_xliff_file_new ();
  r->file->line = current_line (r);
  r->file->original = dup_attribute (r, "original");
  r->file->source_language = dup_attribute (r, "source-language");
  r->file->target_language = dup_attribute (r, "target-language");
  g_ptr_array_add (r->files, r->file);
  if (r->file->source_language == NULL || r->file->source_language[0] == '\0')
    fail (r, CSN_XLIFF_ERROR_FORMAT, r->file->line, _("the <file> does not say its source language"));
}

static void
start_unit (Reader *r)
{
  g_autofree char *id = dup_attribute (r, "id");
  int line = current_line (r);

  if (id == NULL || id[0] == '\0')
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, line, _("a <trans-unit> has no id"));
      return;
    }
  r->unit = csn_xliff_file_add_unit (r->file, id, NULL);
  r->unit->line = line;
  r->has_source = FALSE;
}

static void
start_text (Reader *r,
            Kind    kind,
            int     depth)
{
  if ((kind == KIND_SOURCE && r->has_source) || (kind == KIND_TARGET && r->unit->target != NULL))
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, current_line (r),
            kind == KIND_SOURCE ? _("unit “%s” has more than one <source>")
                                : _("unit “%s” has more than one <target>"), r->unit->id);
      return;
    }
  if (kind == KIND_TARGET)
    {
      r->unit->state = dup_attribute (r, "state");
      r->unit->target = g_strdup ("");
    }
  r->has_source |= kind == KIND_SOURCE;
  r->text = g_string_new (NULL);
  r->text_depth = depth;
}

static void
end_text (Reader *r,
          Kind    kind)
{
  char **slot = kind == KIND_SOURCE ? &r->unit->source : &r->unit->target;

  g_free (*slot);
  *slot = g_string_free (g_steal_pointer (&r->text), FALSE);
  r->text_depth = -1;
}

static void
end_unit (Reader *r)
{
  if (!r->has_source)
    fail (r, CSN_XLIFF_ERROR_FORMAT, r->unit->line, _("unit “%s” has no <source>"), r->unit->id);
  r->unit = NULL;
}

static Kind
classify (Reader     *r,
          const char *name,
          Kind        parent)
{
  static const char * const inline_names[] = { "g", "mrk", "x", "bx", "ex", NULL };
  static const char * const code_names[] = { "bpt", "ept", "ph", "it", NULL };

  switch (parent)
    {
    case KIND_ROOT:
      return g_str_equal (name, "file") ? KIND_FILE : KIND_OTHER;
    case KIND_FILE:
      return g_str_equal (name, "header") || g_str_equal (name, "body") ? KIND_CONTAINER : KIND_OTHER;
    case KIND_CONTAINER:
      if (g_str_equal (name, "group"))
        return KIND_CONTAINER;
      return g_str_equal (name, "trans-unit") ? KIND_UNIT : KIND_OTHER;
    case KIND_UNIT:
      if (g_str_equal (name, "source"))
        return KIND_SOURCE;
      return g_str_equal (name, "target") ? KIND_TARGET : KIND_OTHER;
    case KIND_SOURCE:
    case KIND_TARGET:
    case KIND_INLINE:
      if (g_strv_contains (inline_names, name))
        return KIND_INLINE;
      return g_strv_contains (code_names, name) ? KIND_CODE : KIND_OTHER;
    case KIND_OTHER:
    case KIND_CODE:
    default:
      return KIND_OTHER;
    }
}

static void
end_element (Reader *r,
             int     depth)
{
  Kind kind = r->kinds[depth];

  r->root_closed |= depth == 0;
  if (depth == r->ignore_depth)
    r->ignore_depth = -1;
  switch (kind)
    {
    case KIND_FILE:
      r->file = NULL;
      break;
    case KIND_UNIT:
      end_unit (r);
      break;
    case KIND_SOURCE:
    case KIND_TARGET:
      end_text (r, kind);
      break;
    default:
      break;
    }
}

static void
start_element (Reader *r,
               int     depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (r->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
  Kind kind;

  if (depth >= MAX_DEPTH)
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, current_line (r), _("the elements are nested too deeply"));
      return;
    }
  if (depth == 0)
    {
      r->root_seen = TRUE;
      start_root (r, name, ns);
      kind = KIND_ROOT;
    }
  else if (!is_own_namespace (r, ns))
    kind = KIND_OTHER;  /* another vocabulary's extension */
  else
    kind = classify (r, name, r->kinds[depth - 1]);

  /* A unit inside a unit, or a trans-unit where none belongs, would be lost silently. */
  if (g_str_equal (name, "trans-unit") && kind != KIND_UNIT && is_own_namespace (r, ns))
    {
      fail (r, CSN_XLIFF_ERROR_FORMAT, current_line (r), _("a <trans-unit> outside a file’s <body>"));
      return;
    }

  r->kinds[depth] = kind;
  switch (kind)
    {
    case KIND_FILE:
      start_file (r);
      break;
    case KIND_UNIT:
      start_unit (r);
      break;
    case KIND_SOURCE:
    case KIND_TARGET:
      start_text (r, kind, depth);
      break;
    case KIND_OTHER:
    case KIND_CODE:
      if (r->ignore_depth < 0)
        r->ignore_depth = depth;
      break;
    default:
      break;
    }

  if (r->error == NULL && xmlTextReaderIsEmptyElement (r->reader))
    end_element (r, depth);
}

static void
read_nodes (Reader *r)
{
  int status = -1;

  while (r->reader != NULL && r->error == NULL && (status = xmlTextReaderRead (r->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);
      int depth = xmlTextReaderDepth (r->reader);

      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          fail (r, CSN_XLIFF_ERROR_UNSAFE, current_line (r),
                _("a document type declaration (<!DOCTYPE>): Consenso does not read those, for safety"));
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail (r, CSN_XLIFF_ERROR_UNSAFE, current_line (r),
                _("an entity reference (&%s;): Consenso does not read those, for safety"),
                (const char *) xmlTextReaderConstName (r->reader));
          break;
        case XML_READER_TYPE_ELEMENT:
          start_element (r, depth);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (depth < MAX_DEPTH)
            end_element (r, depth);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (r->text != NULL && r->ignore_depth < 0)
            g_string_append (r->text, (const char *) xmlTextReaderConstValue (r->reader));
          break;
        default:
          break;
        }
    }

  if (r->error != NULL)
    return;
  if (r->input.prolog == PROLOG_DOCTYPE)
    fail (r, CSN_XLIFF_ERROR_UNSAFE, r->input.line + 1,
          _("a document type declaration (<!DOCTYPE>): Consenso does not read those, for safety"));
  else if (r->input.total == 0 && r->input.io_error == NULL)
    g_set_error (&r->error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_NOT_XML, _("%s: the file is empty"), r->name);
  else if (r->input.too_large)
    {
      g_autofree char *limit = g_format_size_full (r->input.max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (&r->error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TOO_LARGE,
                   /* Translators: "fr.xlf: the file is larger than 128.0 MiB, the most Consenso reads" */
                   _("%s: the file is larger than %s, the most Consenso reads"), r->name, limit);
    }
  else if (r->input.io_error != NULL)
    {
      if (g_error_matches (r->input.io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        r->error = g_error_copy (r->input.io_error);
      else
        g_set_error (&r->error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_READ, "%s: %s", r->name,
                     r->input.io_error->message);
    }
  else if (status != 0 || r->xml_error != NULL)
    {
      int line = r->xml_error_line > 0 ? r->xml_error_line : current_line (r);

      if (r->xml_error_code == XML_ERR_DOCUMENT_EMPTY && !r->root_seen)
        fail (r, CSN_XLIFF_ERROR_NOT_XML, line, _("this is not an XLIFF file: it holds no XML element"));
      /* libxml2's streaming parser calls a file cut short "extra content at the end". */
      else if ((r->xml_error_code == XML_ERR_DOCUMENT_END || r->xml_error == NULL) && !r->root_closed)
        fail (r, CSN_XLIFF_ERROR_NOT_XML, line, _("this is not well-formed XML: %s"),
              _("the file ends before its last element does"));
      else
        fail (r, CSN_XLIFF_ERROR_NOT_XML, line,
              /* Translators: the parser's own message (English) follows */
              _("this is not well-formed XML: %s"),
              r->xml_error != NULL && r->xml_error[0] != '\0' ? r->xml_error : "?");
    }
  else if (r->files->len == 0)
    g_set_error (&r->error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_FORMAT,
                 _("%s: the file holds no <file> of texts to translate"), r->name);
}

/*
 * Reads an XLIFF 1.x document from @stream (up to @max_size bytes) into a GPtrArray of
 * CsnXliffFile, one per <file>, or fails with an error whose message starts with @name and the line.
 */
GPtrArray *
csn_xliff_read (GInputStream  *stream,
                const char    *name,
                gsize          max_size,
                GCancellable  *cancellable,
                GError       **error)
{
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void *saved_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_generic_context = xmlGenericErrorContext;
  Reader r = { 0 };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.name = name;
  r.input.stream = stream;
  r.input.cancellable = cancellable;
  r.input.max_size = max_size;
  r.files = g_ptr_array_new_with_free_func ((GDestroyNotify) csn_xliff_file_free);
  r.text_depth = -1;
  r.ignore_depth = -1;

  /* Per thread in libxml2: another thread's reader is not disturbed. */
  xmlSetStructuredErrorFunc (&r, on_xml_error_cb);
  xmlSetGenericErrorFunc (NULL, on_generic_error_cb);

  /* Never XML_PARSE_NOENT, _DTDLOAD or _HUGE: entities stay references, which are refused. */
  r.reader = xmlReaderForIO (on_read_cb, on_close_cb, &r.input, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (r.reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (r.reader, on_xml_error_cb, &r);
  read_nodes (&r);
  g_clear_pointer (&r.reader, xmlFreeTextReader);

  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  xmlSetGenericErrorFunc (saved_generic_context, saved_generic);

  if (r.text != NULL)
    g_string_free (r.text, TRUE);
  g_free (r.xml_error);
  g_clear_error (&r.input.io_error);
  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      g_ptr_array_unref (r.files);
      return NULL;
    }
  return r.files;
}
