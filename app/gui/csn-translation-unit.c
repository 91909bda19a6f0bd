/* csn-translation-unit.c: one text of the translation mode's list, as csn_draft_list_texts() gives it. */
#define G_LOG_DOMAIN "csn-translation-unit"

#include "config.h"

#include "csn-translation-unit.h"

struct _CsnTranslationUnit
{
  GObject              parent_instance;

  CsnItem             *item;
  CsnItem             *parent;
  const CsnField      *field;
  const char          *page;          /* static, as csn-texts.c names it */
  guint                position;
  CsnTranslationState  counted_state;
};

G_DEFINE_FINAL_TYPE (CsnTranslationUnit, csn_translation_unit, G_TYPE_OBJECT)

static void
csn_translation_unit_finalize (GObject *object)
{
  CsnTranslationUnit *self = CSN_TRANSLATION_UNIT (object);

  g_clear_object (&self->item);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (csn_translation_unit_parent_class)->finalize (object);
}

static void
csn_translation_unit_class_init (CsnTranslationUnitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csn_translation_unit_finalize;
}

static void
csn_translation_unit_init (CsnTranslationUnit *self)
{
}

CsnTranslationUnit *
csn_translation_unit_new (const CsnText *text)
{
  CsnTranslationUnit *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (CSN_TYPE_TRANSLATION_UNIT, NULL);
  self->item = g_object_ref (text->item);
  self->parent = text->parent != NULL ? g_object_ref (text->parent) : NULL;
  self->field = text->field;
  self->page = text->page;
  self->position = text->position;
  return self;
}

CsnItem *
csn_translation_unit_get_item (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), NULL);
  return self->item;
}

/* A reservation's theme, else NULL. */
CsnItem *
csn_translation_unit_get_parent (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), NULL);
  return self->parent;
}

const CsnField *
csn_translation_unit_get_field (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), NULL);
  return self->field;
}

const char *
csn_translation_unit_get_page (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), NULL);
  return self->page;
}

guint
csn_translation_unit_get_position (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), 0);
  return self->position;
}

/* Whether @text is this unit's text at the same place: a unit is replaced when its item moved,
 * since its place says the item's number. */
gboolean
csn_translation_unit_is_text (CsnTranslationUnit *self,
                              const CsnText      *text)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return self->item == text->item && self->field == text->field && self->position == text->position &&
         self->parent == text->parent;
}

/* The text in the meeting's language. */
const char *
csn_translation_unit_get_source (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), NULL);
  return csn_item_get_string (self->item, csn_field_get_property_name (self->field, NULL));
}

CsnTranslationState
csn_translation_unit_get_state (CsnTranslationUnit *self,
                                CsnLanguage         language)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), CSN_TRANSLATION_NOT_NEEDED);
  return csn_item_get_translation_state (self->item, self->field, language);
}

/* The state the list this unit is in last counted it in (CSN_TRANSLATION_NOT_NEEDED until then):
 * what an edit's new state is compared with, to update the counts without counting again. */
CsnTranslationState
csn_translation_unit_get_counted_state (CsnTranslationUnit *self)
{
  g_return_val_if_fail (CSN_IS_TRANSLATION_UNIT (self), CSN_TRANSLATION_NOT_NEEDED);
  return self->counted_state;
}

void
csn_translation_unit_set_counted_state (CsnTranslationUnit  *self,
                                        CsnTranslationState  state)
{
  g_return_if_fail (CSN_IS_TRANSLATION_UNIT (self));
  self->counted_state = state;
}
