/* csn-translation-unit.h: one text of the translation mode's list: an item's translatable field,
 * where it is, and how its translation stands. */
#pragma once

#include <gio/gio.h>

#include "csn-enums.h"
#include "csn-item.h"
#include "csn-texts.h"

G_BEGIN_DECLS

#define CSN_TYPE_TRANSLATION_UNIT (csn_translation_unit_get_type ())

G_DECLARE_FINAL_TYPE (CsnTranslationUnit, csn_translation_unit, CSN, TRANSLATION_UNIT, GObject)

CsnTranslationUnit *csn_translation_unit_new       (const CsnText      *text);
CsnItem            *csn_translation_unit_get_item  (CsnTranslationUnit *self);
CsnItem            *csn_translation_unit_get_parent (CsnTranslationUnit *self);
const CsnField     *csn_translation_unit_get_field (CsnTranslationUnit *self);
const char         *csn_translation_unit_get_page  (CsnTranslationUnit *self);
guint               csn_translation_unit_get_position (CsnTranslationUnit *self);
gboolean            csn_translation_unit_is_text   (CsnTranslationUnit *self,
                                                    const CsnText      *text);
const char         *csn_translation_unit_get_source (CsnTranslationUnit *self);
CsnTranslationState csn_translation_unit_get_state (CsnTranslationUnit *self,
                                                    CsnLanguage         language);
CsnTranslationState csn_translation_unit_get_counted_state (CsnTranslationUnit *self);
void                csn_translation_unit_set_counted_state (CsnTranslationUnit  *self,
                                                            CsnTranslationState  state);

G_END_DECLS
