/* csn-ooxml-package.h: an Office Open XML package (zip, relationships, XML parts) read from untrusted
 * bytes with libgsf and libxml2's streaming reader, within size, ratio and DOCTYPE limits. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* What one part may unpack to, what all parts read from one package may, and the ratio of unpacked to
 * packed bytes refused once a part has unpacked past CSN_OOXML_RATIO_FLOOR. */
#define CSN_OOXML_PART_LIMIT    (G_GUINT64_CONSTANT (64) << 20)
#define CSN_OOXML_TOTAL_LIMIT   (G_GUINT64_CONSTANT (256) << 20)
#define CSN_OOXML_RATIO_FLOOR   (G_GUINT64_CONSTANT (1) << 20)
#define CSN_OOXML_RATIO_LIMIT   200
/* The largest package read at all. */
#define CSN_OOXML_PACKAGE_LIMIT (G_GUINT64_CONSTANT (128) << 20)

#define CSN_TYPE_OOXML_PACKAGE (csn_ooxml_package_get_type ())
G_DECLARE_FINAL_TYPE (CsnOoxmlPackage, csn_ooxml_package, CSN, OOXML_PACKAGE, GObject)

typedef struct
{
  char *id;
  char *type;
  char *target;   /* the part name it resolves to ("xl/worksheets/sheet1.xml"); NULL when external */
} CsnOoxmlRelationship;

typedef struct _CsnOoxmlReader CsnOoxmlReader;

CsnOoxmlPackage  *csn_ooxml_package_new                 (GBytes           *bytes,
                                                         const char       *display_name,
                                                         GError          **error);
const char       *csn_ooxml_package_get_display_name    (CsnOoxmlPackage  *self);
gboolean          csn_ooxml_package_has_part            (CsnOoxmlPackage  *self,
                                                         const char       *part_name);
GPtrArray        *csn_ooxml_package_read_relationships  (CsnOoxmlPackage  *self,
                                                         const char       *source_part,
                                                         GError          **error);
CsnOoxmlReader   *csn_ooxml_package_open_xml            (CsnOoxmlPackage  *self,
                                                         const char       *part_name,
                                                         const char       *place,
                                                         GError          **error);

char             *csn_ooxml_resolve_target              (const char       *source_part,
                                                         const char       *target);

xmlTextReaderPtr  csn_ooxml_reader_get_xml              (CsnOoxmlReader   *reader);
const xmlChar    *csn_ooxml_reader_intern               (CsnOoxmlReader   *reader,
                                                         const char       *name);
int               csn_ooxml_reader_read                 (CsnOoxmlReader   *reader,
                                                         GError          **error);
int               csn_ooxml_reader_skip                 (CsnOoxmlReader   *reader,
                                                         GError          **error);
void              csn_ooxml_reader_free                 (CsnOoxmlReader   *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnOoxmlReader, csn_ooxml_reader_free)

G_END_DECLS
