/* csn-ooxml-package.c: an Office Open XML package read from untrusted bytes: the zip through libgsf,
 * parts through libxml2's streaming SAX2 parser, with every size counted while it is read. */
#define G_LOG_DOMAIN "csn-ooxml-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parserInternals.h>
#include <gsf/gsf-infile-impl.h>
#include <string.h>

#include "csn-metered-input.h"
#include "csn-ooxml-package.h"
#include "csn-xlsx-reader.h"

#define MAX_RELATIONSHIPS 100000

/* libgsf 1.14.50 defines none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

struct _CsnOoxmlPackage
{
  GObject    parent_instance;

  char      *display_name;
  GsfInput  *source;        /* a CsnMeteredInput */
  GsfInfile *zip;
  guint64    total_read;    /* unpacked bytes of every part read so far */
};

G_DEFINE_FINAL_TYPE (CsnOoxmlPackage, csn_ooxml_package, G_TYPE_OBJECT)

typedef enum
{
  FAILURE_NONE,
  FAILURE_READ,
  FAILURE_PART_SIZE,
  FAILURE_TOTAL_SIZE,
  FAILURE_RATIO,
  FAILURE_DOCTYPE,
} Failure;

struct _CsnOoxmlParse
{
  CsnOoxmlPackage       *package;
  const CsnOoxmlHandler *handler;
  gpointer               user_data;
  xmlParserCtxtPtr       ctxt;
  GsfInput              *input;
  const char            *place;        /* "sheet “Temas”", for messages */
  int                    depth;
  guint64                unpacked;
  guint64                packed_at_open;
  Failure                failure;
  GError                *error;        /* a handler's */
  guint8                 tail[16];     /* the last bytes read, to find a DOCTYPE split across two reads */
  gsize                  tail_length;
  int                    xml_error_line;
  char                  *xml_error_message;
};

/* libxml2 hands a part to the parser in pieces of this size. */
#define CHUNK_SIZE (64 * 1024)

static const char OLE2_MAGIC[8] = { '\xd0', '\xcf', '\x11', '\xe0', '\xa1', '\xb1', '\x1a', '\xe1' };
static const char DOCTYPE_UTF8[] = "<!DOCTYPE";
static const char DOCTYPE_UTF16[] = "<\0!\0D\0O\0C\0T\0Y\0P\0E";

static void
csn_ooxml_package_finalize (GObject *object)
{
  CsnOoxmlPackage *self = CSN_OOXML_PACKAGE (object);

  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (csn_ooxml_package_parent_class)->finalize (object);
}

static void
csn_ooxml_package_class_init (CsnOoxmlPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_ooxml_package_finalize;

  /* libgsf registers its types without a lock: do it once, here, under GType's class lock. */
  gsf_init ();
  xmlInitParser ();
}

static void
csn_ooxml_package_init (CsnOoxmlPackage *self)
{
}

static gboolean
has_prefix (GBytes     *bytes,
            const char *prefix,
            gsize       length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

static gboolean
is_folder (GsfInput *input)
{
  return GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0;
}

/* gsf_infile_child_by_name() and _by_index() log a warning when a member's header is damaged; their
 * class methods report it as an error instead. */
static GsfInput *
child_by_name (GsfInfile   *folder,
               const char  *name,
               GError     **error)
{
  return GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (folder))->child_by_name (folder, name, error);
}

static GsfInput *
child_by_index (GsfInfile  *folder,
                int         index,
                GError    **error)
{
  return GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (folder))->child_by_index (folder, index, error);
}

/* Whether an OLE2 compound file has a stream called @name. Its directory stores names in UTF-16LE;
 * looking for the name there, rather than opening the file with libgsf, spares a damaged file
 * the warnings libgsf 1.14.50 logs for it, and only chooses which refusal to give. */
static gboolean
ole2_names_stream (GBytes     *bytes,
                   const char *name)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize length = 2 * strlen (name);
  g_autofree guint8 *needle = g_malloc0 (length);

  for (gsize i = 0; name[i] != '\0'; i++)
    needle[2 * i] = (guint8) name[i];

  for (const guint8 *p = data, *end = data + size;
       (gsize) (end - p) >= length && (p = memchr (p, needle[0], (gsize) (end - p) - length + 1)) != NULL;
       p++)
    if (memcmp (p, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
refuse_ole2 (GBytes      *bytes,
             const char  *name,
             GError     **error)
{
  if (ole2_names_stream (bytes, "EncryptionInfo") || ole2_names_stream (bytes, "EncryptedPackage"))
    g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_ENCRYPTED,
                 /* Translators: %s is a file name. */
                 _("%s: the workbook is protected with a password; save a copy without the password and try again"),
                 name);
  else if (ole2_names_stream (bytes, "Workbook") || ole2_names_stream (bytes, "Book"))
    g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_WORKBOOK,
                 /* Translators: %s is a file name. */
                 _("%s: this is an Excel 97–2003 workbook (.xls); save it as “Excel Workbook (.xlsx)” and try again"),
                 name);
  else
    g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_ZIP,
                 /* Translators: %s is a file name. */
                 _("%s: this is not an Excel workbook (.xlsx)"), name);
}

static gboolean
refuse_opendocument (CsnOoxmlPackage  *self,
                     GError          **error)
{
  g_autoptr(GError) ignored = NULL;
  g_autoptr(GsfInput) mimetype = child_by_name (self->zip, "mimetype", &ignored);
  static const char spreadsheet[] = "application/vnd.oasis.opendocument.spreadsheet";
  guint8 buffer[sizeof spreadsheet - 1];

  if (mimetype == NULL || gsf_input_size (mimetype) < (gsf_off_t) sizeof buffer
      || gsf_input_read (mimetype, sizeof buffer, buffer) == NULL
      || memcmp (buffer, spreadsheet, sizeof buffer) != 0)
    return TRUE;

  g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_WORKBOOK,
               /* Translators: %s is a file name. */
               _("%s: this is an OpenDocument spreadsheet (.ods); save it as “Excel Workbook (.xlsx)” and try again"),
               self->display_name);
  return FALSE;
}

/**
 * csn_ooxml_package_new:
 * @bytes: the whole file
 * @display_name: the file as the user knows it, for messages
 *
 * Opens the zip container of an Office Open XML package. An OLE2 compound file is refused as
 * encrypted (it is how Office stores a package protected with a password) or as an old binary
 * workbook, an OpenDocument spreadsheet as such, anything else that is no zip as not a workbook.
 */
CsnOoxmlPackage *
csn_ooxml_package_new (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(CsnOoxmlPackage) self = NULL;
  g_autoptr(GError) zip_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CSN_TYPE_OOXML_PACKAGE, NULL);
  self->display_name = g_strdup (display_name);

  if (g_bytes_get_size (bytes) > CSN_OOXML_PACKAGE_LIMIT)
    {
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %u a number of megabytes. */
                   _("%s: the file is larger than %u MiB, far larger than any answer file"),
                   display_name, (guint) (CSN_OOXML_PACKAGE_LIMIT >> 20));
      return NULL;
    }
  if (has_prefix (bytes, OLE2_MAGIC, sizeof OLE2_MAGIC))
    {
      refuse_ole2 (bytes, display_name, error);
      return NULL;
    }

  self->source = csn_metered_input_new (bytes, display_name);
  self->zip = gsf_infile_zip_new (self->source, &zip_error);
  if (self->zip == NULL)
    {
      if (has_prefix (bytes, "PK", 2))
        g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_DAMAGED,
                     /* Translators: %s is a file name. */
                     _("%s: the file is incomplete or damaged; it may have been cut short while it was copied or sent"),
                     display_name);
      else
        g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_NOT_ZIP,
                     _("%s: this is not an Excel workbook (.xlsx)"), display_name);
      return NULL;
    }
  if (!refuse_opendocument (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
csn_ooxml_package_get_display_name (CsnOoxmlPackage *self)
{
  g_return_val_if_fail (CSN_IS_OOXML_PACKAGE (self), NULL);

  return self->display_name;
}

/* Part names are ASCII-case-insensitive (ECMA-376 part 2, 6.2.2.3) but zip member names are not: an
 * exact name first, then one ignoring case. */
static GsfInput *
child_ignoring_case (GsfInfile   *folder,
                     const char  *name,
                     GError     **error)
{
  GsfInput *child = child_by_name (folder, name, error);
  int n_children;

  if (child != NULL || (error != NULL && *error != NULL))
    return child;

  n_children = gsf_infile_num_children (folder);
  for (int i = 0; i < n_children; i++)
    {
      const char *child_name = gsf_infile_name_by_index (folder, i);

      if (child_name != NULL && g_ascii_strcasecmp (child_name, name) == 0)
        return child_by_index (folder, i, error);
    }
  return NULL;
}

/* Opens a part one folder at a time (a relationship may name a folder that is not there, where
 * libgsf 1.14.50's own lookups log criticals). Returns NULL when the part is missing, NULL with
 * @error set when its zip entry is damaged. */
static GsfInput *
open_part (CsnOoxmlPackage  *self,
           const char       *part_name,
           GError          **error)
{
  g_auto(GStrv) segments = g_strsplit (part_name, "/", -1);
  g_autoptr(GsfInput) input = g_object_ref (GSF_INPUT (self->zip));

  for (guint i = 0; segments[i] != NULL && input != NULL; i++)
    {
      g_autoptr(GsfInput) folder = g_steal_pointer (&input);

      if (!is_folder (folder))
        return NULL;
      input = child_ignoring_case (GSF_INFILE (folder), segments[i], error);
    }
  if (input == NULL || is_folder (input))
    return NULL;
  return g_steal_pointer (&input);
}

gboolean
csn_ooxml_package_has_part (CsnOoxmlPackage *self,
                            const char      *part_name)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GsfInput) input = NULL;

  g_return_val_if_fail (CSN_IS_OOXML_PACKAGE (self), FALSE);
  g_return_val_if_fail (part_name != NULL, FALSE);

  /* A damaged entry is there; opening it says what is wrong. */
  input = open_part (self, part_name, &local_error);
  return input != NULL || local_error != NULL;
}

/**
 * csn_ooxml_resolve_target:
 * @source_part: the part the relationship belongs to ("" for the package)
 * @target: the relationship's Target, relative to @source_part's folder or absolute from the root
 *
 * Returns: (transfer full) (nullable): the part name, or %NULL when @target leaves the package (a
 *   URI with a scheme, or more `..` than folders) or names no part (nothing, or escapes that are
 *   not UTF-8).
 */
char *
csn_ooxml_resolve_target (const char *source_part,
                          const char *target)
{
  g_autofree char *unescaped = NULL;
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_auto(GStrv) base = NULL;
  g_auto(GStrv) relative = NULL;
  const char *colon, *slash;

  g_return_val_if_fail (source_part != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  unescaped = g_uri_unescape_string (target, NULL);
  if (unescaped == NULL || unescaped[0] == '\0' || !g_utf8_validate (unescaped, -1, NULL))
    return NULL;
  g_strdelimit (unescaped, "\\", '/');
  /* A scheme ("file:", "http:") makes it a URI outside the package. */
  colon = strchr (unescaped, ':');
  slash = strchr (unescaped, '/');
  if (colon != NULL && (slash == NULL || colon < slash))
    return NULL;

  if (unescaped[0] != '/')
    {
      base = g_strsplit (source_part, "/", -1);
      /* The source part's folder: everything but its last segment. */
      for (guint i = 0; base[i] != NULL && base[i + 1] != NULL; i++)
        if (base[i][0] != '\0')
          g_ptr_array_add (segments, base[i]);
    }

  relative = g_strsplit (unescaped, "/", -1);
  for (guint i = 0; relative[i] != NULL; i++)
    {
      if (relative[i][0] == '\0' || strcmp (relative[i], ".") == 0)
        continue;
      if (strcmp (relative[i], "..") == 0)
        {
          if (segments->len == 0)
            return NULL;
          g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, relative[i]);
    }
  if (segments->len == 0)
    return NULL;
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (char **) segments->pdata);
}

static void
relationship_free (gpointer data)
{
  CsnOoxmlRelationship *relationship = data;

  g_free (relationship->id);
  g_free (relationship->type);
  g_free (relationship->target);
  g_free (relationship);
}

static char *
rels_part_name (const char *source_part)
{
  const char *slash = strrchr (source_part, '/');

  if (source_part[0] == '\0')
    return g_strdup ("_rels/.rels");
  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", source_part);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - source_part), source_part, slash + 1);
}

typedef struct
{
  GPtrArray     *relationships;
  const char    *source_part;
  const char    *place;
  const xmlChar *relationship_name;
  const xmlChar *id_name;
  const xmlChar *type_name;
  const xmlChar *target_name;
  const xmlChar *mode_name;
} RelationshipsReader;

static void
relationships_begin (CsnOoxmlParse *parse,
                     gpointer       user_data)
{
  RelationshipsReader *reader = user_data;

  reader->relationship_name = csn_ooxml_parse_intern (parse, "Relationship");
  reader->id_name = csn_ooxml_parse_intern (parse, "Id");
  reader->type_name = csn_ooxml_parse_intern (parse, "Type");
  reader->target_name = csn_ooxml_parse_intern (parse, "Target");
  reader->mode_name = csn_ooxml_parse_intern (parse, "TargetMode");
}

static void
relationships_start_element (CsnOoxmlParse  *parse,
                             const xmlChar  *name,
                             const xmlChar  *ns,
                             int             depth,
                             int             n_attributes,
                             const xmlChar **attributes,
                             gpointer        user_data)
{
  RelationshipsReader *reader = user_data;
  CsnOoxmlPackage *package = parse->package;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *target = NULL;
  g_autofree char *mode = NULL;
  CsnOoxmlRelationship *relationship;

  if (depth != 1 || name != reader->relationship_name)
    return;

  id = csn_ooxml_attribute_dup (n_attributes, attributes, reader->id_name);
  type = csn_ooxml_attribute_dup (n_attributes, attributes, reader->type_name);
  target = csn_ooxml_attribute_dup (n_attributes, attributes, reader->target_name);
  mode = csn_ooxml_attribute_dup (n_attributes, attributes, reader->mode_name);
  if (id == NULL || type == NULL || target == NULL)
    return;
  if (reader->relationships->len >= MAX_RELATIONSHIPS)
    {
      csn_ooxml_parse_fail (parse, g_error_new (CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_MANY_CELLS,
                                                /* Translators: the first %s is a file name, the second a place in it such as
                                                 * “the relationships of “xl/workbook.xml””, %u a number. */
                                                _("%s: %s: more than %u relationships"),
                                                package->display_name, reader->place, (guint) MAX_RELATIONSHIPS));
      return;
    }

  relationship = g_new0 (CsnOoxmlRelationship, 1);
  relationship->id = g_steal_pointer (&id);
  relationship->type = g_steal_pointer (&type);
  g_ptr_array_add (reader->relationships, relationship);
  if (mode != NULL && strcmp (mode, "External") == 0)
    return;

  relationship->target = csn_ooxml_resolve_target (reader->source_part, target);
  if (relationship->target == NULL)
    csn_ooxml_parse_fail (parse, g_error_new (CSN_XLSX_ERROR, CSN_XLSX_ERROR_OUTSIDE_PACKAGE,
                                              /* Translators: the first %s is a file name, the second a place in it such as
                                               * “the relationships of “xl/workbook.xml””, the third the target. */
                                              _("%s: %s: a relationship points outside the workbook (“%s”)"),
                                              package->display_name, reader->place, target));
}

/**
 * csn_ooxml_package_read_relationships:
 * @source_part: the part whose relationships to read ("" for the package's own)
 *
 * Returns: (transfer full) (element-type CsnOoxmlRelationship): the relationships, empty when the
 *   part has none; %NULL with @error set when they are damaged or one points outside the package.
 */
GPtrArray *
csn_ooxml_package_read_relationships (CsnOoxmlPackage  *self,
                                      const char       *source_part,
                                      GError          **error)
{
  static const CsnOoxmlHandler handler = {
    .begin = relationships_begin,
    .start_element = relationships_start_element,
  };
  g_autoptr(GPtrArray) relationships = g_ptr_array_new_with_free_func (relationship_free);
  g_autofree char *rels_name = NULL;
  g_autofree char *place = NULL;
  RelationshipsReader reader = { 0 };

  g_return_val_if_fail (CSN_IS_OOXML_PACKAGE (self), NULL);
  g_return_val_if_fail (source_part != NULL, NULL);

  rels_name = rels_part_name (source_part);
  if (!csn_ooxml_package_has_part (self, rels_name))
    return g_steal_pointer (&relationships);

  /* Translators: %s is a part of the file, such as “xl/workbook.xml”. */
  place = g_strdup_printf (_("the relationships of “%s”"), source_part[0] != '\0' ? source_part : "/");
  reader.relationships = relationships;
  reader.source_part = source_part;
  reader.place = place;
  if (!csn_ooxml_package_parse (self, rels_name, place, &handler, &reader, error))
    return NULL;
  return g_steal_pointer (&relationships);
}

/* Looks for "<!DOCTYPE" in UTF-8 or UTF-16 from each "!", which XML rarely holds. */
static gboolean
contains_doctype (const guint8 *data,
                  gsize         length)
{
  const guint8 *end = data + length;

  for (const guint8 *p = data; (p = memchr (p, '!', (gsize) (end - p))) != NULL; p++)
    {
      if (p - data >= 1 && (gsize) (end - p) >= sizeof DOCTYPE_UTF8 - 2
          && memcmp (p - 1, DOCTYPE_UTF8, sizeof DOCTYPE_UTF8 - 1) == 0)
        return TRUE;
      if (p - data >= 2 && (gsize) (end - p) >= sizeof DOCTYPE_UTF16 - 3
          && memcmp (p - 2, DOCTYPE_UTF16, sizeof DOCTYPE_UTF16 - 1) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A DOCTYPE is refused before libxml2 sees it: its internal subset could declare entities that
 * expand a thousandfold or name files outside the package. */
static gboolean
scan_for_doctype (CsnOoxmlParse *parse,
                  const guint8  *data,
                  gsize          length)
{
  guint8 seam[2 * sizeof parse->tail];
  gsize head = MIN (length, sizeof parse->tail);

  memcpy (seam, parse->tail, parse->tail_length);
  memcpy (seam + parse->tail_length, data, head);
  if (contains_doctype (seam, parse->tail_length + head) || contains_doctype (data, length))
    return TRUE;

  if (length >= sizeof parse->tail)
    {
      memcpy (parse->tail, data + length - sizeof parse->tail, sizeof parse->tail);
      parse->tail_length = sizeof parse->tail;
    }
  else
    {
      gsize keep = MIN (parse->tail_length, sizeof parse->tail - length);

      memmove (parse->tail, parse->tail + parse->tail_length - keep, keep);
      memcpy (parse->tail + keep, data, length);
      parse->tail_length = keep + length;
    }
  return FALSE;
}

/* Unpacks the next piece of the part, counting what it unpacks to and what it was packed in. */
static gssize
read_chunk (CsnOoxmlParse *parse,
            guint8        *buffer,
            gsize          size)
{
  CsnOoxmlPackage *package = parse->package;
  gsf_off_t remaining = gsf_input_remaining (parse->input);
  guint64 packed;
  gsize n;

  if (remaining <= 0)
    return 0;
  n = MIN (size, (guint64) remaining);

  if (parse->unpacked + n > CSN_OOXML_PART_LIMIT)
    return (parse->failure = FAILURE_PART_SIZE), -1;
  if (package->total_read + n > CSN_OOXML_TOTAL_LIMIT)
    return (parse->failure = FAILURE_TOTAL_SIZE), -1;

  /* libgsf 1.14.50 returns the whole buffer when a member inflates to less than it declares: what
   * it leaves unwritten reads as NUL, which the XML parser refuses. */
  memset (buffer, 0, n);
  if (gsf_input_read (parse->input, n, buffer) == NULL)
    return (parse->failure = FAILURE_READ), -1;
  parse->unpacked += n;
  package->total_read += n;

  packed = csn_metered_input_get_bytes_read (CSN_METERED_INPUT (package->source)) - parse->packed_at_open;
  if (parse->unpacked > CSN_OOXML_RATIO_FLOOR && parse->unpacked / MAX (packed, 1) > CSN_OOXML_RATIO_LIMIT)
    return (parse->failure = FAILURE_RATIO), -1;

  if (scan_for_doctype (parse, buffer, n))
    return (parse->failure = FAILURE_DOCTYPE), -1;
  return (gssize) n;
}

static gboolean
is_stopped (CsnOoxmlParse *parse)
{
  return parse->failure != FAILURE_NONE || parse->error != NULL;
}

static void
on_start_element_cb (void           *user_data,
                     const xmlChar  *name,
                     const xmlChar  *prefix,
                     const xmlChar  *ns,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     int             n_defaulted,
                     const xmlChar **attributes)
{
  CsnOoxmlParse *parse = user_data;

  if (!is_stopped (parse) && parse->handler->start_element != NULL)
    parse->handler->start_element (parse, name, ns, parse->depth, n_attributes, attributes, parse->user_data);
  parse->depth++;
}

static void
on_end_element_cb (void          *user_data,
                   const xmlChar *name,
                   const xmlChar *prefix,
                   const xmlChar *ns)
{
  CsnOoxmlParse *parse = user_data;

  parse->depth--;
  if (!is_stopped (parse) && parse->handler->end_element != NULL)
    parse->handler->end_element (parse, name, parse->depth, parse->user_data);
}

static void
on_text_cb (void          *user_data,
            const xmlChar *text,
            int            length)
{
  CsnOoxmlParse *parse = user_data;

  if (!is_stopped (parse) && parse->handler->text != NULL)
    parse->handler->text (parse, (const char *) text, length, parse->user_data);
}

/* Where the parser meets "<!DOCTYPE": before it reads any declaration inside. */
static void
on_internal_subset_cb (void          *user_data,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  CsnOoxmlParse *parse = user_data;

  parse->failure = FAILURE_DOCTYPE;
  xmlStopParser (parse->ctxt);
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  CsnOoxmlParse *parse = user_data;

  if (xml_error->level < XML_ERR_ERROR || parse->xml_error_message != NULL)
    return;
  parse->xml_error_line = xml_error->line;
  parse->xml_error_message = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
}

/* What libxml2 says without an error record ("xmlParseChunk: encoder error") follows an error the
 * structured handler has already recorded. */
static void G_GNUC_PRINTF (2, 3)
ignore_generic_error_cb (void       *user_data,
                         const char *format,
                         ...)
{
}

static void
set_part_error (CsnOoxmlPackage  *package,
                const char       *place,
                Failure           failure,
                GError          **error)
{
  const char *name = package->display_name;

  switch (failure)
    {
    case FAILURE_PART_SIZE:
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, the second a place in it such as
                    * “sheet “Temas””, %u a number of megabytes. */
                   _("%s: %s: more than %u MiB once unpacked, far more than any answer file"),
                   name, place, (guint) (CSN_OOXML_PART_LIMIT >> 20));
      break;

    case FAILURE_TOTAL_SIZE:
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %u a number of megabytes. */
                   _("%s: the workbook unpacks to more than %u MiB, far more than any answer file"),
                   name, (guint) (CSN_OOXML_TOTAL_LIMIT >> 20));
      break;

    case FAILURE_RATIO:
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, the second a place in it such as
                    * “sheet “Temas””, %u a number. A zip bomb is a small file that unpacks to a
                    * huge one. */
                   _("%s: %s: compressed more than %u to 1, as only a zip bomb is; it is refused"),
                   name, place, (guint) CSN_OOXML_RATIO_LIMIT);
      break;

    case FAILURE_DOCTYPE:
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_DOCTYPE,
                   /* Translators: the first %s is a file name, the second a place in it such as
                    * “sheet “Temas””. */
                   _("%s: %s: a document type declaration (DOCTYPE), which no workbook has; it is refused because it could expand entities or read other files"),
                   name, place);
      break;

    case FAILURE_READ:
    case FAILURE_NONE:
    default:
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_DAMAGED,
                   /* Translators: the first %s is a file name, the second a place in it such as
                    * “sheet “Temas””. */
                   _("%s: %s: damaged, it cannot be unpacked"),
                   name, place);
      break;
    }
}

static const xmlSAXHandler sax_handler = {
  .initialized = XML_SAX2_MAGIC,
  .startElementNs = on_start_element_cb,
  .endElementNs = on_end_element_cb,
  .characters = on_text_cb,
  .ignorableWhitespace = on_text_cb,
  .cdataBlock = on_text_cb,
  .internalSubset = on_internal_subset_cb,
  .serror = on_xml_error_cb,
};

/* Feeds the part to the parser piece by piece. */
static void
parse_part (CsnOoxmlParse *parse)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gssize n;

  while ((n = read_chunk (parse, buffer, CHUNK_SIZE)) >= 0)
    {
      if (parse->ctxt == NULL)
        {
          /* The first piece tells the parser the part's encoding (UTF-8 or UTF-16). */
          parse->ctxt = xmlCreatePushParserCtxt ((xmlSAXHandler *) &sax_handler, parse,
                                                 (const char *) buffer, (int) n, NULL);
          if (parse->ctxt == NULL)
            {
              parse->failure = FAILURE_READ;
              return;
            }
          xmlCtxtUseOptions (parse->ctxt, XML_PARSE_NONET);
          if (parse->handler->begin != NULL)
            parse->handler->begin (parse, parse->user_data);
          xmlParseChunk (parse->ctxt, NULL, 0, n == 0);
        }
      else
        xmlParseChunk (parse->ctxt, (const char *) buffer, (int) n, n == 0);

      if (n == 0 || is_stopped (parse) || parse->xml_error_message != NULL)
        return;
    }
}

/**
 * csn_ooxml_package_parse:
 * @part_name: the part, as csn_ooxml_resolve_target() gives it
 * @place: (nullable): the part as messages name it ("sheet “Temas”"), or %NULL for its name
 * @handler: what to do with the part's elements and text
 *
 * Reads a part with libxml2's SAX2 parser: no network, no entity substitution, no DTD loading, no
 * huge-document mode, a DOCTYPE refused; the part's size, the package's total and the compression
 * ratio checked as it is read. A handler stops it with csn_ooxml_parse_fail().
 */
gboolean
csn_ooxml_package_parse (CsnOoxmlPackage        *self,
                         const char             *part_name,
                         const char             *place,
                         const CsnOoxmlHandler  *handler,
                         gpointer                user_data,
                         GError                **error)
{
  g_autofree char *own_place = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlStructuredErrorFunc thread_handler;
  void *thread_handler_data;
  xmlGenericErrorFunc thread_generic_handler;
  void *thread_generic_handler_data;
  CsnOoxmlParse parse = { 0 };
  gboolean well_formed;

  g_return_val_if_fail (CSN_IS_OOXML_PACKAGE (self), FALSE);
  g_return_val_if_fail (part_name != NULL, FALSE);
  g_return_val_if_fail (handler != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (place == NULL)
    /* Translators: %s is a part of the file, such as “xl/styles.xml”. */
    place = own_place = g_strdup_printf (_("part “%s”"), part_name);

  parse.package = self;
  parse.handler = handler;
  parse.user_data = user_data;
  parse.place = place;
  parse.packed_at_open = csn_metered_input_get_bytes_read (CSN_METERED_INPUT (self->source));
  parse.input = open_part (self, part_name, &local_error);
  if (local_error != NULL)
    {
      set_part_error (self, place, FAILURE_READ, error);
      return FALSE;
    }
  if (parse.input == NULL)
    {
      g_set_error (error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_DAMAGED,
                   /* Translators: the first %s is a file name, the second a place in it such as
                    * “sheet “Temas””, the third a part such as “xl/worksheets/sheet1.xml”. */
                   _("%s: %s: missing from the file (%s)"),
                   self->display_name, place, part_name);
      return FALSE;
    }
  /* What the zip declares is an upper bound of what libgsf will unpack, so it can refuse early;
   * what is actually unpacked is counted in read_chunk(). */
  if ((guint64) gsf_input_size (parse.input) > CSN_OOXML_PART_LIMIT)
    {
      g_object_unref (parse.input);
      set_part_error (self, place, FAILURE_PART_SIZE, error);
      return FALSE;
    }

  /* Errors that libxml2 reports outside the parser context (encoding, I/O) go to the thread's
   * handlers: they are this parse's while it lasts. */
  thread_handler = xmlStructuredError;
  thread_handler_data = xmlStructuredErrorContext;
  thread_generic_handler = xmlGenericError;
  thread_generic_handler_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (&parse, on_xml_error_cb);
  xmlSetGenericErrorFunc (&parse, ignore_generic_error_cb);

  parse_part (&parse);
  well_formed = parse.ctxt != NULL && parse.ctxt->wellFormed;

  xmlSetStructuredErrorFunc (thread_handler_data, thread_handler);
  xmlSetGenericErrorFunc (thread_generic_handler_data, thread_generic_handler);
  if (parse.ctxt != NULL)
    xmlFreeParserCtxt (parse.ctxt);
  g_object_unref (parse.input);

  if (parse.failure != FAILURE_NONE)
    set_part_error (self, place, parse.failure, &local_error);
  else if (parse.error != NULL)
    local_error = g_steal_pointer (&parse.error);
  else if (parse.xml_error_message != NULL || !well_formed)
    g_set_error (&local_error, CSN_XLSX_ERROR, CSN_XLSX_ERROR_DAMAGED,
                 /* Translators: the first %s is a file name, the second a place in it such as
                  * “sheet “Temas””, %d a line number, the last %s the XML parser's message, in
                  * English. */
                 _("%s: %s: damaged, the XML is not well-formed at line %d (%s)"),
                 self->display_name, place, parse.xml_error_line,
                 parse.xml_error_message != NULL ? parse.xml_error_message : "?");
  g_clear_error (&parse.error);
  g_free (parse.xml_error_message);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The parser's own copy of @name: element and attribute names compare by pointer with it. */
const xmlChar *
csn_ooxml_parse_intern (CsnOoxmlParse *parse,
                        const char    *name)
{
  g_return_val_if_fail (parse != NULL, NULL);

  return xmlDictLookup (parse->ctxt->dict, BAD_CAST name, -1);
}

/* Stops the parse with @error (taken), which csn_ooxml_package_parse() then returns. */
void
csn_ooxml_parse_fail (CsnOoxmlParse *parse,
                      GError        *error)
{
  g_return_if_fail (parse != NULL);
  g_return_if_fail (error != NULL);

  if (is_stopped (parse))
    {
      g_error_free (error);
      return;
    }
  parse->error = error;
  xmlStopParser (parse->ctxt);
}

/**
 * csn_ooxml_attribute:
 * @attributes: as a handler's start_element gets them
 * @name: an interned name, of an attribute in no namespace
 * @value: (out): the value, not NUL-terminated
 * @length: (out): its length in bytes
 */
gboolean
csn_ooxml_attribute (int              n_attributes,
                     const xmlChar  **attributes,
                     const xmlChar   *name,
                     const char     **value,
                     gsize           *length)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[5 * i];

      if (attribute[0] == name && attribute[2] == NULL)
        {
          *value = (const char *) attribute[3];
          *length = (gsize) (attribute[4] - attribute[3]);
          return TRUE;
        }
    }
  return FALSE;
}

/* The value of an attribute in no namespace as a string, or %NULL. */
char *
csn_ooxml_attribute_dup (int              n_attributes,
                         const xmlChar  **attributes,
                         const xmlChar   *name)
{
  const char *value;
  gsize length;

  if (!csn_ooxml_attribute (n_attributes, attributes, name, &value, &length))
    return NULL;
  return g_strndup (value, length);
}
