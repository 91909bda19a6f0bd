/* csn-error-text.c: messages from the core made readable: places in a file said as a person would. */
#define G_LOG_DOMAIN "csn-error-text"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-draft.h"
#include "csn-error-text.h"
#include "csn-item.h"

/* "theme 4": the noun of an item of @collection and its place counted from 1. */
static char *
describe_numbered (CsnCollection collection,
                   guint         number)
{
  switch (collection)
    {
    case CSN_COLLECTION_COUNTRIES:
      return g_strdup_printf (_("country %u"), number);
    case CSN_COLLECTION_PILLARS:
      return g_strdup_printf (_("pillar %u"), number);
    case CSN_COLLECTION_ACTORS:
      return g_strdup_printf (_("actor %u"), number);
    case CSN_COLLECTION_THEMES:
      return g_strdup_printf (_("theme %u"), number);
    case CSN_COLLECTION_STRATEGIES:
      return g_strdup_printf (_("strategy %u"), number);
    case CSN_COLLECTION_MECHANISMS:
      return g_strdup_printf (_("mechanism %u"), number);
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return g_strdup_printf (_("role proposal %u"), number);
    case CSN_COLLECTION_PARTICIPANTS:
      return g_strdup_printf (_("participant %u"), number);
    case CSN_COLLECTION_ENDORSEMENTS:
      /* Translators: the place of an entry in a file that did not load: "endorsement 3" */
      return g_strdup_printf (_("endorsement %u"), number);
    case CSN_COLLECTION_POSITIONS:
      return g_strdup_printf (_("position %u"), number);
    default:
      return NULL;
    }
}

/* The class of @type's items; item classes are static and stay once made. */
static GObjectClass *
get_item_class (GType type)
{
  GObjectClass *klass = g_type_class_ref (type);

  g_type_class_unref (klass);
  return klass;
}

/* "theme 4, horizon" for "themes[3].horizon"; NULL when the path names nothing known. */
static char *
describe_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  GObjectClass *klass = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup (parts[i]);
      char *bracket = strchr (key, '[');
      gint64 index = -1;

      if (bracket != NULL)
        {
          index = g_ascii_strtoll (bracket + 1, NULL, 10);
          *bracket = '\0';
        }

      if (i == 0)
        {
          CsnCollection collection = csn_collection_from_key (key);

          if (g_str_equal (key, "meeting") && index < 0)
            g_ptr_array_add (said, g_strdup (_("the meeting")));
          else if (g_str_equal (key, "document") && index < 0)
            g_ptr_array_add (said, g_strdup (_("the document")));
          else if (collection != CSN_COLLECTION_NONE && index >= 0 && index < G_MAXUINT)
            {
              g_ptr_array_add (said, describe_numbered (collection, (guint) index + 1));
              klass = get_item_class (csn_collection_get_item_type (collection));
            }
          else
            return NULL;
        }
      else
        {
          const CsnField *field = klass != NULL && CSN_IS_ITEM_CLASS (klass)
                                  ? csn_item_class_find_field (CSN_ITEM_CLASS (klass), key) : NULL;

          if (field == NULL)
            return NULL;
          if (index >= 0)
            /* Translators: an entry of a list in a field: "reservations 2" */
            g_ptr_array_add (said, g_strdup_printf (_("%s %u"), _(field->label), (guint) index + 1));
          else
            g_ptr_array_add (said, g_strdup (_(field->label)));
          klass = field->kind == CSN_FIELD_CHILDREN ? get_item_class (field->type_func ()) : NULL;
        }
    }

  g_ptr_array_add (said, NULL);
  /* Translators: between the parts of a place in a file: "theme 4, horizon" */
  return g_strjoinv (_(", "), (char **) said->pdata);
}

/* @message with each "themes[3].horizon" between colons replaced by "theme 4, horizon". */
char *
csn_error_text_describe_places (const char *message)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) out = NULL;
  int end = 0;

  g_return_val_if_fail (message != NULL, NULL);

  regex = g_regex_new (": ([a-z_]+(\\[[0-9]+\\])?(\\.[a-z_]+(\\[[0-9]+\\])?)*): ", 0, 0, NULL);
  out = g_string_new (NULL);
  g_regex_match (regex, message, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *path = g_match_info_fetch (match, 1);
      g_autofree char *said = describe_path (path);
      int start, stop;

      g_match_info_fetch_pos (match, 1, &start, &stop);
      g_string_append_len (out, message + end, start - end);
      g_string_append (out, said != NULL ? said : path);
      end = stop;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, message + end);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
