/* csn-zip-parts.h: parts of one zip package put into a copy of another as they are stored, still
 * compressed, so that workbooks which share their large sheets are assembled without compressing
 * those again. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CsnZipParts CsnZipParts;

CsnZipParts *csn_zip_parts_read     (const char         *path,
                                     const char * const *names,
                                     GError            **error);
void         csn_zip_parts_free     (CsnZipParts        *parts);
gboolean     csn_zip_parts_assemble (const char         *source,
                                     CsnZipParts        *parts,
                                     const char * const *names,
                                     const char         *target,
                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnZipParts, csn_zip_parts_free)

G_END_DECLS
