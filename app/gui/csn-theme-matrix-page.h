/* csn-theme-matrix-page.h: the theme matrix: themes by member countries, pillar, horizon and consensus, with a summary. */
#pragma once

#include <adwaita.h>

#include "csn-list-page.h"

G_BEGIN_DECLS

#define CSN_TYPE_THEME_MATRIX_PAGE (csn_theme_matrix_page_get_type ())

G_DECLARE_FINAL_TYPE (CsnThemeMatrixPage, csn_theme_matrix_page, CSN, THEME_MATRIX_PAGE, CsnListPage)

GtkWidget *csn_theme_matrix_page_new        (void);
void       csn_theme_matrix_page_reveal     (CsnThemeMatrixPage *self,
                                     CsnItem *item,
                                     const char *property);
const char *csn_theme_matrix_page_get_country_view (CsnThemeMatrixPage *self);
void       csn_theme_matrix_page_set_country_view  (CsnThemeMatrixPage *self,
                                                    const char         *view);

G_END_DECLS
