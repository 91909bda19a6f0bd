/* csn-document-preview.h: the pages of the recommendations document as a print preview: white
 * sheets on a grey ground, scrolled and zoomed, only the pages in sight drawn. */
#pragma once

#include <gtk/gtk.h>

#include "csn-document-pages.h"

G_BEGIN_DECLS

#define CSN_TYPE_DOCUMENT_PREVIEW (csn_document_preview_get_type ())

G_DECLARE_FINAL_TYPE (CsnDocumentPreview, csn_document_preview, CSN, DOCUMENT_PREVIEW, GtkWidget)

#define CSN_DOCUMENT_PREVIEW_NO_BLOCK G_MAXUINT

GtkWidget        *csn_document_preview_new                (void);
CsnDocumentPages *csn_document_preview_get_pages          (CsnDocumentPreview *self);
void              csn_document_preview_set_pages          (CsnDocumentPreview *self,
                                                           CsnDocumentPages   *pages);
double            csn_document_preview_get_zoom           (CsnDocumentPreview *self);
void              csn_document_preview_set_zoom           (CsnDocumentPreview *self,
                                                           double              zoom);
gboolean          csn_document_preview_get_fit_width      (CsnDocumentPreview *self);
void              csn_document_preview_set_fit_width      (CsnDocumentPreview *self,
                                                           gboolean            fit_width);
void              csn_document_preview_zoom_in            (CsnDocumentPreview *self);
void              csn_document_preview_zoom_out           (CsnDocumentPreview *self);
gboolean          csn_document_preview_reveal_block       (CsnDocumentPreview *self,
                                                           guint               block,
                                                           gboolean            highlight);
guint             csn_document_preview_get_highlighted_block (CsnDocumentPreview *self);
gboolean          csn_document_preview_get_block_area     (CsnDocumentPreview *self,
                                                           guint               block,
                                                           graphene_rect_t    *area);
gboolean          csn_document_preview_get_visible_pages  (CsnDocumentPreview *self,
                                                           guint              *first,
                                                           guint              *last);
guint             csn_document_preview_get_n_drawn_pages  (CsnDocumentPreview *self);
gboolean          csn_document_preview_activate_at        (CsnDocumentPreview *self,
                                                           double              x,
                                                           double              y);

G_END_DECLS
