/* csn-text-diff.h: the words one version of a text changed from another, marked for showing the two
 * side by side. */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

gboolean csn_text_diff_words (const char     *old_text,
                              const char     *new_text,
                              PangoAttrList **old_attrs,
                              PangoAttrList **new_attrs);

G_END_DECLS
