/* csn-describe.c: items, places and values said as a person would, in the interface language. */
#define G_LOG_DOMAIN "csn-describe"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-describe.h"
#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-enums.h"
#include "csn-meeting.h"
#include "csn-position.h"

/* "Theme 3 “Migración laboral”": the list's noun, the position counted from 1, the title. */
static char *
format_numbered_item (CsnCollection  collection,
                      guint          number,
                      const char    *title)
{
  switch (collection)
    {
    case CSN_COLLECTION_COUNTRIES:
      /* Translators: a country in messages: "Country “México”" */
      return g_strdup_printf (_("Country “%s”"), title);
    case CSN_COLLECTION_PILLARS:
      return g_strdup_printf (_("Pillar “%s”"), title);
    case CSN_COLLECTION_ACTORS:
      return g_strdup_printf (_("Actor “%s”"), title);
    case CSN_COLLECTION_THEMES:
      /* Translators: "Theme 3 “Migración laboral”" */
      return g_strdup_printf (_("Theme %u “%s”"), number, title);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (_("Strategy %u “%s”"), number, title);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (_("Mechanism %u “%s”"), number, title);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (_("Role proposal %u “%s”"), number, title);
    case CSN_COLLECTION_PARTICIPANTS:
      return g_strdup_printf (_("Participant “%s”"), title);
    case CSN_COLLECTION_ENDORSEMENTS:
      /* Translators: "Endorsement of México" */
      return g_strdup_printf (_("Endorsement of %s"), title);
    default:
      return g_strdup_printf ("“%s”", title);
    }
}

/* An item not in the draft (yet): no number. */
static char *
format_new_item (CsnCollection  collection,
                 const char    *title)
{
  switch (collection)
    {
    case CSN_COLLECTION_THEMES:
      /* Translators: a theme that is not in the draft yet, in a list of incoming changes */
      return g_strdup_printf (_("Theme “%s”"), title);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (_("Strategy “%s”"), title);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (_("Mechanism “%s”"), title);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (_("Role proposal “%s”"), title);
    default:
      return format_numbered_item (collection, 0, title);
    }
}

static char *
dup_country_name (CsnDraft   *draft,
                  const char *code)
{
  return csn_draft_dup_ref_title (draft, CSN_COLLECTION_COUNTRIES, code);
}

/* The theme a reservation belongs to (property "reservations"), found by walking the themes. */
CsnItem *
csn_describe_find_parent (CsnDraft    *draft,
                          CsnItem     *child,
                          const char **property)
{
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  guint n_themes = g_list_model_get_n_items (themes);

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      guint position;

      if (g_list_store_find (G_LIST_STORE (csn_item_get_children (theme, "reservations")), child, &position))
        {
          if (property != NULL)
            *property = "reservations";
          return theme;
        }
    }
  return NULL;
}

/* "Theme 3 “Migración laboral”", "the meeting", "Reservation of México on Theme 3 “…”". */
char *
csn_describe_item (CsnDraft *draft,
                   CsnItem  *item)
{
  CsnCollection collection;
  g_autofree char *title = NULL;
  guint position = 0;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  if (CSN_IS_MEETING (item))
    return g_strdup (_("The meeting"));
  if (CSN_IS_DOCUMENT_TEXTS (item))
    return g_strdup (_("The document"));

  collection = csn_collection_for_item (item);
  if (collection == CSN_COLLECTION_POSITIONS)
    {
      g_autofree char *country = dup_country_name (draft, csn_item_get_string (item, "country"));
      CsnItem *target = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, csn_item_get_string (item, "item"));
      g_autofree char *on = target != NULL ? csn_describe_item (draft, target)
                                           : g_strdup (csn_item_get_string (item, "item"));

      /* Translators: "Position of México on Theme 3 “Migración laboral”" */
      return g_strdup_printf (_("Position of %s on %s"), country, on);
    }
  if (collection == CSN_COLLECTION_NONE)
    {
      /* A reservation: its country and the theme it belongs to. */
      CsnItem *parent = csn_describe_find_parent (draft, item, NULL);
      g_autofree char *country = dup_country_name (draft, csn_item_get_string (item, "country"));
      g_autofree char *on = parent != NULL ? csn_describe_item (draft, parent) : NULL;

      if (on == NULL)
        return g_strdup_printf (_("Reservation of %s"), country);
      /* Translators: "Reservation of México on Theme 3 “Migración laboral”" */
      return g_strdup_printf (_("Reservation of %s on %s"), country, on);
    }

  if (!csn_draft_find_position (draft, collection, item, &position))
    {
      title = collection == CSN_COLLECTION_ENDORSEMENTS
              ? dup_country_name (draft, csn_item_get_string (item, "country"))
              : csn_item_dup_title (item);
      return format_new_item (collection, title);
    }
  return csn_describe_item_at (draft, item, position);
}

/* Like csn_describe_item(), for an item of a list known to be at @position: no search, for callers
 * that describe every item of a long list. */
char *
csn_describe_item_at (CsnDraft *draft,
                      CsnItem  *item,
                      guint     position)
{
  CsnCollection collection;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  collection = csn_collection_for_item (item);
  if (collection == CSN_COLLECTION_NONE || collection == CSN_COLLECTION_POSITIONS)
    return csn_describe_item (draft, item);
  if (collection == CSN_COLLECTION_ENDORSEMENTS)
    title = dup_country_name (draft, csn_item_get_string (item, "country"));
  else
    title = csn_item_dup_title (item);
  return format_numbered_item (collection, position + 1, title);
}

/* "Theme 3 “Migración laboral”: horizon"; a translation says its language. */
char *
csn_describe_place (CsnDraft   *draft,
                    CsnItem    *item,
                    const char *property)
{
  g_autofree char *described = NULL;
  const CsnField *field;
  CsnLanguage language;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  described = csn_describe_item (draft, item);
  if (property == NULL)
    return g_steal_pointer (&described);

  field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  if (field == NULL)
    return g_steal_pointer (&described);

  /* A sentence for each language: a language's name in running text is not always its label. */
  if (csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (item), property, &language, NULL))
    return language == CSN_LANGUAGE_EN
           /* Translators: "Theme 3 “Trata…”: title, English translation" */
           ? g_strdup_printf (_("%s: %s, English translation"), described, _(field->label))
           /* Translators: "Theme 3 “Trafficking…”: title, Spanish translation" */
           : g_strdup_printf (_("%s: %s, Spanish translation"), described, _(field->label));
  /* Translators: "Theme 3 “Trata de personas”: horizon" */
  return g_strdup_printf (_("%s: %s"), described, _(field->label));
}

/* A field's value as the interface shows it: enum labels, names for ids, "" when empty. */
char *
csn_describe_value (CsnDraft     *draft,
                    CsnItem      *item,
                    const char   *property,
                    const GValue *value)
{
  const CsnField *field;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
  g_return_val_if_fail (field != NULL, NULL);

  if (csn_item_class_is_translation_property (CSN_ITEM_GET_CLASS (item), property, NULL, NULL))
    return g_value_dup_string (value);

  switch (field->kind)
    {
    case CSN_FIELD_TEXT:
    case CSN_FIELD_DATE:
    case CSN_FIELD_LOCALIZED:
      return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

    case CSN_FIELD_ENUM:
      return g_strdup (csn_enum_get_label (field->type_func (), g_value_get_enum (value)));

    case CSN_FIELD_INT:
      return g_strdup_printf ("%d", g_value_get_int (value));

    case CSN_FIELD_REF:
      {
        const char *key = g_value_get_string (value);

        if (key == NULL || key[0] == '\0')
          return g_strdup ("");
        return csn_draft_dup_ref_title (draft, field->target, key);
      }

    case CSN_FIELD_REF_LIST:
      {
        const char * const *keys = g_value_get_boxed (value);
        GString *out = g_string_new (NULL);

        for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
          {
            g_autofree char *title = csn_draft_dup_ref_title (draft, field->target, keys[i]);

            if (i > 0)
              g_string_append (out, ", ");
            g_string_append (out, title);
          }
        return g_string_free (out, FALSE);
      }

    case CSN_FIELD_CHILDREN:
    default:
      return g_strdup ("");
    }
}

char *
csn_describe_current_value (CsnDraft   *draft,
                            CsnItem    *item,
                            const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CSN_IS_ITEM (item), NULL);

  g_object_get_property (G_OBJECT (item), property, &value);
  return csn_describe_value (draft, item, property, &value);
}
