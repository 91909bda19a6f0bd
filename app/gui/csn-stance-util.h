/* csn-stance-util.h: how a member state's stance looks everywhere it is shown: icon, colour, words. */
#pragma once

#include <gtk/gtk.h>

#include "csn-enums.h"
#include "csn-position-index.h"
#include "csn-types.h"

G_BEGIN_DECLS

/* Not a stance of the file: the member state has no position on the item yet. */
#define CSN_STANCE_NONE (-1)

GdkPaintable *csn_stance_get_icon        (int          stance,
                                          int          scale);
const char   *csn_stance_get_css_class   (int          stance);
const char   *csn_stance_get_color_name  (int          stance);
const char   *csn_stance_get_label       (int          stance);
char         *csn_stance_dup_description (CsnDraft    *draft,
                                          CsnCountry  *country,
                                          CsnPosition *position);
GtkWidget    *csn_stance_image_new       (int          stance);
char         *csn_consensus_conflict_dup_message (CsnConsensusConflict  conflict,
                                                  CsnConsensus          consensus,
                                                  GPtrArray            *countries);

G_END_DECLS
