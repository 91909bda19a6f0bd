/* csn-theme-details.h: the selected theme's description, notes and reservations, under the theme matrix. */
#pragma once

#include <gtk/gtk.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_THEME_DETAILS (csn_theme_details_get_type ())

G_DECLARE_FINAL_TYPE (CsnThemeDetails, csn_theme_details, CSN, THEME_DETAILS, GtkWidget)

void      csn_theme_details_bind                (CsnThemeDetails *self,
                                                 CsnDraft        *draft,
                                                 CsnItem         *theme);
CsnDraft *csn_theme_details_get_draft           (CsnThemeDetails *self);
CsnItem  *csn_theme_details_get_theme           (CsnThemeDetails *self);
CsnItem  *csn_theme_details_get_reservation     (CsnThemeDetails *self);
void      csn_theme_details_add_reservation     (CsnThemeDetails *self);
void      csn_theme_details_remove_reservation  (CsnThemeDetails *self);
void      csn_theme_details_hide_parts          (CsnThemeDetails *self);
gboolean  csn_theme_details_show_next_part      (CsnThemeDetails *self);
void      csn_theme_details_show_parts          (CsnThemeDetails *self);
void      csn_theme_details_reveal              (CsnThemeDetails *self,
                                                 CsnItem         *item,
                                                 const char      *property);

G_END_DECLS
