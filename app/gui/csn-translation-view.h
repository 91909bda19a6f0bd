/* csn-translation-view.h: translation mode: a page's texts beside their translations into the other
 * working language, filtered by state, with an editor below as translators' tools have it. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"
#include "csn-translation-unit.h"

G_BEGIN_DECLS

#define CSN_TYPE_TRANSLATION_VIEW (csn_translation_view_get_type ())

G_DECLARE_FINAL_TYPE (CsnTranslationView, csn_translation_view, CSN, TRANSLATION_VIEW, GtkWidget)

/* The filters, as the "filter" property names them. */
#define CSN_TRANSLATION_FILTER_ALL          "all"
#define CSN_TRANSLATION_FILTER_UNTRANSLATED "untranslated"
#define CSN_TRANSLATION_FILTER_OUTDATED     "outdated"

GtkWidget          *csn_translation_view_new        (void);
CsnDraft           *csn_translation_view_get_draft  (CsnTranslationView *self);
void                csn_translation_view_set_draft  (CsnTranslationView *self,
                                                     CsnDraft           *draft);
const char         *csn_translation_view_get_page   (CsnTranslationView *self);
void                csn_translation_view_set_page   (CsnTranslationView *self,
                                                     const char         *page);
const char         *csn_translation_view_get_filter (CsnTranslationView *self);
void                csn_translation_view_set_filter (CsnTranslationView *self,
                                                     const char         *filter);
GListModel         *csn_translation_view_get_units  (CsnTranslationView *self);
CsnTranslationUnit *csn_translation_view_get_selected (CsnTranslationView *self);
gboolean            csn_translation_view_select     (CsnTranslationView *self,
                                                     CsnItem            *item,
                                                     const CsnField     *field);
gboolean            csn_translation_view_next_untranslated (CsnTranslationView *self);
gboolean            csn_translation_view_get_can_accept (CsnTranslationView *self);
void                csn_translation_view_accept     (CsnTranslationView *self);
void                csn_translation_view_focus_editor (CsnTranslationView *self);

G_END_DECLS
