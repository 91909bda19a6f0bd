/* csn-ooxml-package.h: an Office Open XML package (zip, relationships, XML parts) read from untrusted
 * bytes with libgsf and libxml2's streaming SAX2 parser, within size, ratio and DOCTYPE limits. */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>

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

typedef struct _CsnOoxmlParse CsnOoxmlParse;

/* What a part's reader does with it, called as libxml2's SAX2 parser goes: names are the parser's
 * own copies (compare them by pointer with csn_ooxml_parse_intern()), depth is 0 for the root
 * element, attributes come as libxml2's five pointers each (local name, prefix, URI, value, value
 * end), text in pieces. */
typedef struct
{
  void (*begin)         (CsnOoxmlParse   *parse,
                         gpointer         user_data);
  void (*start_element) (CsnOoxmlParse   *parse,
                         const xmlChar   *name,
                         const xmlChar   *ns,
                         int              depth,
                         int              n_attributes,
                         const xmlChar  **attributes,
                         gpointer         user_data);
  void (*end_element)   (CsnOoxmlParse   *parse,
                         const xmlChar   *name,
                         int              depth,
                         gpointer         user_data);
  void (*text)          (CsnOoxmlParse   *parse,
                         const char      *text,
                         int              length,
                         gpointer         user_data);
} CsnOoxmlHandler;

CsnOoxmlPackage  *csn_ooxml_package_new                 (GBytes                 *bytes,
                                                         const char             *display_name,
                                                         GError                **error);
const char       *csn_ooxml_package_get_display_name    (CsnOoxmlPackage        *self);
gboolean          csn_ooxml_package_has_part            (CsnOoxmlPackage        *self,
                                                         const char             *part_name);
GPtrArray        *csn_ooxml_package_read_relationships  (CsnOoxmlPackage        *self,
                                                         const char             *source_part,
                                                         GError                **error);
gboolean          csn_ooxml_package_parse               (CsnOoxmlPackage        *self,
                                                         const char             *part_name,
                                                         const char             *place,
                                                         const CsnOoxmlHandler  *handler,
                                                         gpointer                user_data,
                                                         GError                **error);

char             *csn_ooxml_resolve_target              (const char             *source_part,
                                                         const char             *target);

const xmlChar    *csn_ooxml_parse_intern                (CsnOoxmlParse          *parse,
                                                         const char             *name);
void              csn_ooxml_parse_fail                  (CsnOoxmlParse          *parse,
                                                         GError                 *error);

gboolean          csn_ooxml_attribute                   (int                     n_attributes,
                                                         const xmlChar         **attributes,
                                                         const xmlChar          *name,
                                                         const char            **value,
                                                         gsize                  *length);
char             *csn_ooxml_attribute_dup               (int                     n_attributes,
                                                         const xmlChar         **attributes,
                                                         const xmlChar          *name);

G_END_DECLS
