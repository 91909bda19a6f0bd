/* test-merge-scenarios.c: seeded scenarios — a saved draft, two or three co-chairs' copies each
 * edited at random through the undoable edit API as the pages would, then merged — checked
 * against the properties every merge must have (2,000 of them, about 10 s of CPU). CONSENSO_MERGE_SEED=N
 * replays one scenario. */
#include "config.h"

#include <stdarg.h>

#include "merge-test-util.h"

/* Under AddressSanitizer a fifth of them, to stay within the suite's time. */
#if defined(__SANITIZE_ADDRESS__)
#define N_SCENARIOS 400
#else
#define N_SCENARIOS 2000
#endif
#define FIRST_SEED  1000

typedef struct {
  guint32  seed;
  GRand   *rand;
  guint    counter;
  gboolean moved;        /* the copy's order changed: the two merge orders keep their own */
  char    *failure;
} Scenario;

static void G_GNUC_PRINTF (2, 3)
fail (Scenario   *s,
      const char *format,
      ...)
{
  va_list args;

  if (s->failure != NULL)
    return;
  va_start (args, format);
  s->failure = g_strdup_vprintf (format, args);
  va_end (args);
}

static guint
pick (Scenario *s,
      guint     n)
{
  return n == 0 ? 0 : (guint) g_rand_int_range (s->rand, 0, (gint32) n);
}

static gboolean
chance (Scenario *s,
        guint     percent)
{
  return pick (s, 100) < percent;
}

static char *
make_text (Scenario *s)
{
  static const char *words[] = { "migración", "retorno", "niñez", "protección", "consular", "taller",
                                 "red", "seguimiento", "trata", "laboral", "“cita”", "línea\nnueva" };

  return g_strdup_printf ("%s %s %u", words[pick (s, G_N_ELEMENTS (words))],
                          words[pick (s, G_N_ELEMENTS (words))], s->counter++);
}

static CsnItem *
pick_item (Scenario      *s,
           CsnDraft      *draft,
           CsnCollection  collection)
{
  GListModel *model = csn_draft_get_collection (draft, collection);
  guint n = g_list_model_get_n_items (model);

  return n == 0 ? NULL : mtu_item (draft, collection, pick (s, n));
}

static const char *
pick_key (Scenario      *s,
          CsnDraft      *draft,
          CsnCollection  collection)
{
  CsnItem *item = pick_item (s, draft, collection);

  return item != NULL ? csn_item_get_key (item) : NULL;
}

static const char *
pick_member_country (Scenario *s)
{
  static const char *members[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };

  return members[pick (s, G_N_ELEMENTS (members))];
}

static const CsnCollection agenda[] = {
  CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_ROLE_PROPOSALS,
};

/* A field of @item of one of @kinds, or NULL. */
static const CsnField *
pick_field (Scenario      *s,
            CsnItem       *item,
            CsnFieldKind   kind)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  const CsnField *candidates[16];
  guint n = 0;

  for (guint i = 0; i < n_fields && n < G_N_ELEMENTS (candidates); i++)
    if (fields[i].kind == kind && !(fields[i].flags & CSN_FIELD_FLAG_KEY))
      {
        /* A position is matched by its country and item: the pages never change them. */
        if (CSN_IS_POSITION (item) && fields[i].kind == CSN_FIELD_REF)
          continue;
        candidates[n++] = &fields[i];
      }
  return n == 0 ? NULL : candidates[pick (s, n)];
}

static CsnItem *
pick_any_item (Scenario *s,
               CsnDraft *draft)
{
  static const CsnCollection editable[] = {
    CSN_COLLECTION_COUNTRIES, CSN_COLLECTION_ACTORS, CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES,
    CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_ROLE_PROPOSALS, CSN_COLLECTION_PARTICIPANTS,
    CSN_COLLECTION_ENDORSEMENTS, CSN_COLLECTION_POSITIONS,
  };
  guint which = pick (s, G_N_ELEMENTS (editable) + 2);

  if (which == G_N_ELEMENTS (editable))
    return CSN_ITEM (csn_draft_get_meeting (draft));
  if (which == G_N_ELEMENTS (editable) + 1)
    return CSN_ITEM (csn_draft_get_document_texts (draft));
  return pick_item (s, draft, editable[which]);
}

static void
edit_text (Scenario *s,
           CsnDraft *draft)
{
  CsnItem *item = pick_any_item (s, draft);
  const CsnField *field = item != NULL ? pick_field (s, item, CSN_FIELD_TEXT) : NULL;
  g_autofree char *text = make_text (s);

  if (field == NULL)
    return;
  if ((field->flags & CSN_FIELD_FLAG_TRANSLATABLE) && chance (s, 30))
    csn_draft_set_translation (draft, item, field, chance (s, 50) ? CSN_LANGUAGE_EN : CSN_LANGUAGE_ES,
                               chance (s, 10) ? "" : text);
  else
    csn_draft_set_string (draft, item, csn_field_get_property_name (field, NULL), text);
}

static void
edit_enum (Scenario *s,
           CsnDraft *draft)
{
  CsnItem *item = pick_any_item (s, draft);
  const CsnField *field = item != NULL ? pick_field (s, item, CSN_FIELD_ENUM) : NULL;
  g_autoptr(GEnumClass) klass = NULL;

  if (field == NULL)
    return;
  klass = g_type_class_ref (field->type_func ());
  csn_draft_set_enum (draft, item, csn_field_get_property_name (field, NULL),
                      klass->values[pick (s, klass->n_values)].value);
}

static void
edit_date (Scenario *s,
           CsnDraft *draft)
{
  CsnItem *item = pick_any_item (s, draft);
  const CsnField *field = item != NULL ? pick_field (s, item, CSN_FIELD_DATE) : NULL;
  g_autofree char *date = NULL;

  if (field == NULL)
    return;
  if (!chance (s, 15))
    date = g_strdup_printf ("2011-%02u-%02u", pick (s, 12) + 1, pick (s, 28) + 1);
  csn_draft_set_string (draft, item, csn_field_get_property_name (field, NULL), date);
}

static void
edit_ref (Scenario *s,
          CsnDraft *draft)
{
  CsnItem *item = pick_any_item (s, draft);
  const CsnField *field = item != NULL ? pick_field (s, item, CSN_FIELD_REF) : NULL;
  const char *key;

  if (field == NULL)
    return;
  if (field->target == CSN_COLLECTION_COUNTRIES)
    key = pick_member_country (s);
  else
    key = pick_key (s, draft, field->target);
  if ((field->flags & CSN_FIELD_FLAG_NULLABLE) && chance (s, 20))
    key = NULL;
  if (key == NULL && !(field->flags & CSN_FIELD_FLAG_NULLABLE))
    return;
  csn_draft_set_string (draft, item, csn_field_get_property_name (field, NULL), key);
}

static void
edit_quota (Scenario *s,
            CsnDraft *draft)
{
  CsnItem *country = pick_item (s, draft, CSN_COLLECTION_COUNTRIES);

  csn_draft_set_int (draft, country, "delegation-quota", (int) pick (s, 4));
}

static void
edit_set (Scenario *s,
          CsnDraft *draft)
{
  static const CsnCollection owners[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_ROLE_PROPOSALS,
  };
  CsnItem *item = pick_item (s, draft, owners[pick (s, G_N_ELEMENTS (owners))]);
  const CsnField *field = item != NULL ? pick_field (s, item, CSN_FIELD_REF_LIST) : NULL;
  const char *property;
  const char * const *current;
  const char *key;

  if (field == NULL)
    return;
  property = csn_field_get_property_name (field, NULL);
  current = csn_item_get_strv (item, property);
  if (current[0] != NULL && chance (s, 40))
    {
      csn_draft_set_in_list (draft, item, property, current[pick (s, g_strv_length ((char **) current))], FALSE);
      return;
    }
  key = field->target == CSN_COLLECTION_COUNTRIES ? pick_member_country (s) : pick_key (s, draft, field->target);
  if (key != NULL)
    csn_draft_set_in_list (draft, item, property, key, TRUE);
}

static gboolean
has_position (CsnDraft   *draft,
              const char *country,
              const char *item)
{
  GListModel *positions = csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      CsnItem *position = mtu_item (draft, CSN_COLLECTION_POSITIONS, i);

      if (g_str_equal (csn_item_get_string (position, "country"), country) &&
          g_str_equal (csn_item_get_string (position, "item"), item))
        return TRUE;
    }
  return FALSE;
}

static void
add_item (Scenario *s,
          CsnDraft *draft)
{
  static const CsnCollection addable[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_ROLE_PROPOSALS,
    CSN_COLLECTION_PARTICIPANTS, CSN_COLLECTION_POSITIONS,
  };
  CsnCollection collection = addable[pick (s, G_N_ELEMENTS (addable))];
  g_autoptr(CsnItem) item = g_object_new (csn_collection_get_item_type (collection), NULL);
  g_autofree char *text = make_text (s);
  guint n = g_list_model_get_n_items (csn_draft_get_collection (draft, collection));

  switch (collection)
    {
    case CSN_COLLECTION_THEMES:
      g_object_set (item, "title", text, "pillar", pick_key (s, draft, CSN_COLLECTION_PILLARS), NULL);
      break;
    case CSN_COLLECTION_STRATEGIES:
      if (pick_key (s, draft, CSN_COLLECTION_THEMES) == NULL)
        return;
      g_object_set (item, "theme", pick_key (s, draft, CSN_COLLECTION_THEMES), "description", text,
                    "lead", chance (s, 70) ? pick_key (s, draft, CSN_COLLECTION_ACTORS) : NULL, NULL);
      break;
    case CSN_COLLECTION_MECHANISMS:
      g_object_set (item, "name", text, NULL);
      break;
    case CSN_COLLECTION_ROLE_PROPOSALS:
      g_object_set (item, "actor", pick_key (s, draft, CSN_COLLECTION_ACTORS), "attribution", text, NULL);
      break;
    case CSN_COLLECTION_PARTICIPANTS:
      g_object_set (item, "name", text, "country", pick_member_country (s), NULL);
      break;
    case CSN_COLLECTION_POSITIONS:
    default:
      {
        const char *country = pick_member_country (s);
        const char *on = pick_key (s, draft, agenda[pick (s, G_N_ELEMENTS (agenda))]);

        if (on == NULL || has_position (draft, country, on))
          return;
        g_object_set (item, "country", country, "item", on, "stance", CSN_STANCE_SUPPORTS, NULL);
      }
      break;
    }
  csn_draft_insert (draft, collection, pick (s, n + 1), item);
}

/* Removes the items of @collection whose @property is @key (as the pages remove dependents). */
static void
remove_where (CsnDraft      *draft,
              CsnCollection  collection,
              const char    *property,
              const char    *key)
{
  GListModel *model = csn_draft_get_collection (draft, collection);

  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    if (g_strcmp0 (csn_item_get_string (mtu_item (draft, collection, i - 1), property), key) == 0)
      csn_draft_remove (draft, collection, i - 1);
}

static void
remove_item (Scenario *s,
             CsnDraft *draft)
{
  static const CsnCollection removable[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_ROLE_PROPOSALS,
    CSN_COLLECTION_PARTICIPANTS, CSN_COLLECTION_POSITIONS,
  };
  CsnCollection collection = removable[pick (s, G_N_ELEMENTS (removable))];
  GListModel *model = csn_draft_get_collection (draft, collection);
  guint n = g_list_model_get_n_items (model);
  guint position = pick (s, n);
  g_autofree char *key = NULL;

  if (n == 0)
    return;
  key = g_strdup (csn_item_get_key (mtu_item (draft, collection, position)));
  csn_draft_begin_group (draft, "Remove");
  if (collection == CSN_COLLECTION_THEMES)
    {
      GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);

      for (guint i = g_list_model_get_n_items (strategies); i > 0; i--)
        {
          CsnItem *strategy = mtu_item (draft, CSN_COLLECTION_STRATEGIES, i - 1);

          if (g_str_equal (csn_item_get_string (strategy, "theme"), key))
            {
              remove_where (draft, CSN_COLLECTION_POSITIONS, "item", csn_item_get_key (strategy));
              csn_draft_remove (draft, CSN_COLLECTION_STRATEGIES, i - 1);
            }
        }
    }
  if (collection != CSN_COLLECTION_POSITIONS && collection != CSN_COLLECTION_PARTICIPANTS)
    remove_where (draft, CSN_COLLECTION_POSITIONS, "item", key);
  csn_draft_find_position (draft, collection, csn_draft_lookup (draft, collection, key), &position);
  csn_draft_remove (draft, collection, position);
  csn_draft_end_group (draft);
}

static void
move_item (Scenario *s,
           CsnDraft *draft)
{
  static const CsnCollection movable[] = {
    CSN_COLLECTION_THEMES, CSN_COLLECTION_STRATEGIES, CSN_COLLECTION_MECHANISMS, CSN_COLLECTION_PARTICIPANTS,
  };
  CsnCollection collection = movable[pick (s, G_N_ELEMENTS (movable))];
  guint n = g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
  guint from = pick (s, n), to = pick (s, n);

  if (n < 2 || from == to)
    return;
  csn_draft_move (draft, collection, from, to);
  s->moved = TRUE;
}

static void
edit_reservation (Scenario *s,
                  CsnDraft *draft)
{
  CsnItem *theme = pick_item (s, draft, CSN_COLLECTION_THEMES);
  GListModel *children;
  guint n;

  if (theme == NULL)
    return;
  children = csn_item_get_children (theme, "reservations");
  n = g_list_model_get_n_items (children);
  if (n > 0 && chance (s, 30))
    csn_draft_remove_child (draft, theme, "reservations", pick (s, n));
  else if (n > 0 && chance (s, 50))
    {
      g_autoptr(CsnItem) reservation = g_list_model_get_item (children, pick (s, n));
      g_autofree char *text = make_text (s);

      csn_draft_set_string (draft, reservation, "text", text);
    }
  else
    {
      g_autoptr(CsnReservation) reservation = csn_reservation_new ();
      g_autofree char *text = make_text (s);

      g_object_set (reservation, "country", pick_member_country (s), "text", text, NULL);
      csn_draft_insert_child (draft, theme, "reservations", n, CSN_ITEM (reservation));
    }
}

/* Whether @item, an edited copy of @base's item, shares no value with it any more: the merge
 * would take it for another item that took the id (see the rules test), so no page edit makes it. */
static gboolean
differs_everywhere (CsnItem *item,
                    CsnItem *base)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);
  guint compared = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *suffixes[] = { "es", "en" };
      guint n = fields[i].kind == CSN_FIELD_LOCALIZED ? 2 : 1;

      if ((fields[i].flags & CSN_FIELD_FLAG_KEY) || fields[i].kind == CSN_FIELD_CHILDREN)
        continue;
      for (guint j = 0; j < n; j++)
        {
          const char *property = csn_field_get_property_name (&fields[i], n == 2 ? suffixes[j] : NULL);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
          g_auto(GValue) a = G_VALUE_INIT;
          g_auto(GValue) b = G_VALUE_INIT;

          compared++;
          g_value_init (&a, pspec->value_type);
          g_value_init (&b, pspec->value_type);
          g_object_get_property (G_OBJECT (item), property, &a);
          g_object_get_property (G_OBJECT (base), property, &b);
          if (pspec->value_type == G_TYPE_STRV
              ? g_strv_equal (g_value_get_boxed (&a), g_value_get_boxed (&b))
              : g_param_values_cmp (pspec, &a, &b) == 0)
            return FALSE;
        }
    }
  return compared > 0;
}

static gboolean
breaks_identity (CsnDraft *draft,
                 CsnDraft *base)
{
  for (CsnCollection c = CSN_COLLECTION_PILLARS; c < CSN_COLLECTION_ENDORSEMENTS; c++)
    {
      GListModel *model = csn_draft_get_collection (draft, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          CsnItem *item = mtu_item (draft, c, i);
          CsnItem *old = csn_draft_lookup (base, c, csn_item_get_key (item));

          if (old != NULL && differs_everywhere (item, old))
            return TRUE;
        }
    }
  return FALSE;
}

static void
on_changed_cb (CsnDraft *draft,
               guint    *count)
{
  (*count)++;
}

static void
random_edits (Scenario *s,
              CsnDraft *draft,
              CsnDraft *base,
              guint     n)
{
  guint steps = 0;
  gulong handler = g_signal_connect (draft, "changed", G_CALLBACK (on_changed_cb), &steps);

  for (guint i = 0; i < n; i++)
    {
      guint before = steps;
      guint kind = pick (s, 100);

      if (kind < 30)
        edit_text (s, draft);
      else if (kind < 42)
        edit_enum (s, draft);
      else if (kind < 48)
        edit_date (s, draft);
      else if (kind < 55)
        edit_ref (s, draft);
      else if (kind < 58)
        edit_quota (s, draft);
      else if (kind < 68)
        edit_set (s, draft);
      else if (kind < 80)
        add_item (s, draft);
      else if (kind < 87)
        remove_item (s, draft);
      else if (kind < 90)
        move_item (s, draft);
      else
        edit_reservation (s, draft);

      /* One step was made: undone if it would make an item unrecognisable. */
      if (steps != before && breaks_identity (draft, base))
        csn_draft_undo (draft);
    }
  g_signal_handler_disconnect (draft, handler);
}

/* The template saved by the ST, with some of every kind of item. */
static CsnDraft *
make_base (Scenario *s)
{
  CsnDraft *draft = csn_draft_new_from_template ();

  for (guint i = 0; i < 12; i++)
    {
      guint kind = pick (s, 3);

      if (kind == 0)
        add_item (s, draft);
      else if (kind == 1)
        edit_reservation (s, draft);
      else
        edit_set (s, draft);
    }
  mtu_save (draft, "ST");
  return draft;
}

/* The draft's content as path → value: lists by key (positions by country and item, reservations
 * by country and rank), sets by member. An oracle apart from the merge's own code. */
static void
flatten (GHashTable *out,
         const char *prefix,
         JsonNode   *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *path = g_strconcat (prefix, "/", name, NULL);
          flatten (out, path, member);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *key = NULL;
          g_autofree char *path = NULL;

          if (JSON_NODE_HOLDS_VALUE (element))
            {
              path = g_strconcat (prefix, "/", json_node_get_string (element), NULL);
              g_hash_table_insert (out, g_steal_pointer (&path), g_strdup ("∈"));
              continue;
            }
          else
            {
              JsonObject *object = json_node_get_object (element);

              if (json_object_has_member (object, "item"))
                key = g_strconcat (json_object_get_string_member (object, "country"), "+",
                                   json_object_get_string_member (object, "item"), NULL);
              else if (json_object_has_member (object, "id"))
                key = g_strdup (json_object_get_string_member (object, "id"));
              else if (json_object_has_member (object, "code"))
                key = g_strdup (json_object_get_string_member (object, "code"));
              else if (json_object_has_member (object, "text"))
                {
                  const char *country = json_object_get_string_member (object, "country");
                  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, country));

                  g_hash_table_insert (counts, g_strdup (country), GUINT_TO_POINTER (count + 1));
                  key = g_strdup_printf ("%s#%u", country, count);
                }
              else
                key = g_strdup (json_object_get_string_member (object, "country"));
              path = g_strconcat (prefix, "/", key, NULL);
              /* An item without values would vanish: it is there. */
              g_hash_table_insert (out, g_strdup (path), g_strdup ("{}"));
              flatten (out, path, element);
            }
        }
    }
  else
    {
      /* A position's id is its own copy's: matched by country and item. */
      if (g_str_has_prefix (prefix, "/positions/") && g_str_has_suffix (prefix, "/id"))
        return;
      g_hash_table_insert (out, g_strdup (prefix), json_to_string (node, FALSE));
    }
}

static GHashTable *
flat (CsnDraft *draft)
{
  g_autofree char *content = mtu_content (draft);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (json_parser_load_from_data (parser, content, -1, NULL));
  flatten (out, "", json_parser_get_root (parser));
  return out;
}

/* "/themes/theme-1/": the places the set lists a conflict on (a reservation's: its theme). */
static GPtrArray *
conflict_prefixes (CsnChangeSet *set,
                   CsnDraft     *mine)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);
      CsnItem *item = csn_change_get_item (change);
      CsnCollection collection;

      if (!csn_change_get_conflict (change))
        continue;
      if (item == NULL)
        {
          g_ptr_array_add (prefixes, g_strdup ("/"));
          continue;
        }
      if (CSN_IS_MEETING (item))
        {
          g_ptr_array_add (prefixes, g_strdup ("/meeting/"));
          continue;
        }
      if (CSN_IS_DOCUMENT_TEXTS (item))
        {
          g_ptr_array_add (prefixes, g_strdup ("/document/"));
          continue;
        }
      if (CSN_IS_RESERVATION (item))
        item = csn_change_get_parent (change) != NULL ? csn_change_get_parent (change)
                                                       : csn_describe_find_parent (mine, item, NULL);
      g_assert_nonnull (item);
      collection = csn_collection_for_item (item);
      if (collection == CSN_COLLECTION_POSITIONS)
        g_ptr_array_add (prefixes, g_strdup_printf ("/positions/%s+%s/", csn_item_get_string (item, "country"),
                                                    csn_item_get_string (item, "item")));
      else
        g_ptr_array_add (prefixes, g_strdup_printf ("/%s/%s/", csn_collection_get_key (collection),
                                                    csn_item_get_key (item)));
    }
  return prefixes;
}

static gboolean
under_conflict (GPtrArray  *prefixes,
                const char *path)
{
  g_autofree char *slashed = g_strconcat (path, "/", NULL);

  for (guint i = 0; i < prefixes->len; i++)
    if (g_str_has_prefix (slashed, g_ptr_array_index (prefixes, i)))
      return TRUE;
  return FALSE;
}

static void
add_keys (GHashTable *all,
          GHashTable *from)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
}

/* Merges @theirs into @mine (over the ancestor their lineage finds, which must be @base's) and
 * checks the result path by path: one side's change is taken, equal changes agree, every other
 * difference is a listed conflict; ids unique, references resolve, saved and read back the same. */
static CsnChangeSet *
merge_and_check (Scenario   *s,
                 CsnDraft   *mine,
                 CsnDraft   *theirs,
                 CsnDraft   *base,
                 const char *what)
{
  g_autoptr(CsnDraft) found = csn_merge_find_base (mine, theirs);
  g_autoptr(GHashTable) a = flat (mine);
  g_autoptr(GHashTable) t = flat (theirs);
  g_autoptr(GHashTable) b = flat (base);
  g_autoptr(GHashTable) r = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) prefixes = NULL;
  g_autofree char *found_content = NULL;
  g_autofree char *base_content = mtu_content (base);
  g_autofree char *problem = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autoptr(CsnDraft) reloaded = NULL;
  CsnChangeSet *set;
  GHashTableIter iter;
  gpointer key;

  if (found == NULL)
    {
      fail (s, "%s: no common ancestor found", what);
      return csn_change_set_new ("none");
    }
  found_content = mtu_content (found);
  if (!g_str_equal (found_content, base_content))
    fail (s, "%s: the ancestor found is not the base", what);

  set = csn_merge_drafts (mine, theirs, found, "theirs.consenso");
  prefixes = conflict_prefixes (set, mine);
  csn_change_set_apply (set, mine);
  r = flat (mine);

  add_keys (all, a);
  add_keys (all, t);
  add_keys (all, b);
  add_keys (all, r);
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, NULL) && s->failure == NULL)
    {
      const char *path = key;
      const char *av = g_hash_table_lookup (a, path);
      const char *tv = g_hash_table_lookup (t, path);
      const char *bv = g_hash_table_lookup (b, path);
      const char *rv = g_hash_table_lookup (r, path);
      const char *expected;

      if (under_conflict (prefixes, path))
        continue;
      if (g_strcmp0 (av, tv) == 0)
        expected = av;
      else if (g_strcmp0 (av, bv) == 0)
        expected = tv;
      else if (g_strcmp0 (tv, bv) == 0)
        expected = av;
      else
        {
          fail (s, "%s: %s changed on both sides (“%s” | “%s”, ancestor “%s”) but no conflict is listed",
                what, path, av, tv, bv);
          break;
        }
      if (g_strcmp0 (rv, expected) != 0)
        fail (s, "%s: %s is “%s” after the merge, expected “%s” (mine “%s”, theirs “%s”, ancestor “%s”)",
              what, path, rv, expected, av, tv, bv);
    }

  if (!mtu_ids_unique (mine, &problem) || !mtu_refs_resolve (mine, &problem))
    fail (s, "%s: %s", what, problem);

  saved = csn_draft_to_data (mine, NULL);
  reloaded = csn_draft_load_from_data (saved, strlen (saved), "merged.consenso", NULL);
  if (reloaded == NULL)
    fail (s, "%s: the merged draft does not load", what);
  else
    {
      resaved = csn_draft_to_data (reloaded, NULL);
      if (!g_str_equal (saved, resaved))
        fail (s, "%s: the merged draft does not save and reload byte-stable", what);
    }
  return set;
}

static void
expect_no_changes (Scenario   *s,
                   CsnDraft   *mine,
                   CsnDraft   *theirs,
                   const char *what)
{
  g_autoptr(CsnDraft) found = csn_merge_find_base (mine, theirs);
  g_autoptr(CsnChangeSet) set = csn_merge_drafts (mine, theirs, found, "theirs.consenso");
  g_autofree char *before = mtu_content (mine);
  g_autofree char *after = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (set)) != 0)
    fail (s, "%s: %u changes, expected none", what, g_list_model_get_n_items (G_LIST_MODEL (set)));
  csn_change_set_apply (set, mine);
  after = mtu_content (mine);
  if (!g_str_equal (before, after))
    fail (s, "%s: the content changed", what);
}

static void
run_scenario (Scenario *s)
{
  g_autoptr(CsnDraft) base = make_base (s);
  g_autoptr(CsnDraft) ppt = mtu_copy (base);
  g_autoptr(CsnDraft) mexico = mtu_copy (base);
  g_autoptr(CsnDraft) st = mtu_copy (base);
  g_autoptr(CsnDraft) ppt_copy = NULL;
  g_autoptr(CsnDraft) mexico_copy = NULL;
  g_autoptr(CsnDraft) base_copy = NULL;
  g_autoptr(CsnDraft) ppt_again = NULL;
  g_autoptr(CsnChangeSet) one_way = NULL;
  g_autoptr(CsnChangeSet) other_way = NULL;
  g_autoptr(CsnChangeSet) third = NULL;
  gboolean moved;

  random_edits (s, ppt, base, 1 + pick (s, 12));
  moved = s->moved;
  s->moved = FALSE;
  random_edits (s, mexico, base, 1 + pick (s, 12));
  moved |= s->moved;
  mtu_save (ppt, "PPT");
  mtu_save (mexico, "México");

  /* A copy with itself, and with its ancestor: nothing changes. */
  ppt_copy = mtu_copy (ppt);
  expect_no_changes (s, ppt_copy, ppt, "PPT with itself");
  base_copy = mtu_copy (base);
  g_clear_object (&ppt_copy);
  ppt_copy = mtu_copy (ppt);
  expect_no_changes (s, ppt_copy, base_copy, "PPT with the ancestor");

  /* Both merge orders. */
  g_clear_object (&ppt_copy);
  ppt_copy = mtu_copy (ppt);
  mexico_copy = mtu_copy (mexico);
  one_way = merge_and_check (s, ppt_copy, mexico, base, "PPT ← México");
  other_way = merge_and_check (s, mexico_copy, ppt, base, "México ← PPT");
  if (s->failure == NULL && csn_change_set_get_n_conflicts (one_way) == 0 &&
      csn_change_set_get_n_conflicts (other_way) == 0)
    {
      g_autofree char *x = mtu_canonical (ppt_copy);
      g_autofree char *y = mtu_canonical (mexico_copy);

      if (!g_str_equal (x, y))
        {
          if (g_getenv ("CONSENSO_MERGE_DUMP") != NULL)
            {
              g_file_set_contents ("/tmp/merge-x.json", x, -1, NULL);
              g_file_set_contents ("/tmp/merge-y.json", y, -1, NULL);
            }
          fail (s, "the two merge orders differ");
        }
      else if (!moved)
        {
          g_autofree char *xo = mtu_canonical_sets (ppt_copy);
          g_autofree char *yo = mtu_canonical_sets (mexico_copy);

          if (!g_str_equal (xo, yo))
            {
              if (g_getenv ("CONSENSO_MERGE_DUMP") != NULL)
                {
                  g_autofree char *b = mtu_content (base);
                  g_autofree char *p = mtu_content (ppt);
                  g_autofree char *m = mtu_content (mexico);

                  g_file_set_contents ("/tmp/merge-x.json", xo, -1, NULL);
                  g_file_set_contents ("/tmp/merge-y.json", yo, -1, NULL);
                  g_file_set_contents ("/tmp/merge-base.json", b, -1, NULL);
                  g_file_set_contents ("/tmp/merge-ppt.json", p, -1, NULL);
                  g_file_set_contents ("/tmp/merge-mexico.json", m, -1, NULL);
                }
              fail (s, "the two merge orders put items in different orders");
            }
        }
    }

  /* The PPT takes the merged file: it descends from the PPT's own copy. */
  if (s->failure == NULL)
    {
      g_autoptr(CsnChangeSet) forward = NULL;
      g_autoptr(CsnDraft) found = NULL;
      g_autofree char *merged = NULL;
      g_autofree char *taken = NULL;

      mtu_save (ppt_copy, "PPT");
      ppt_again = mtu_copy (ppt);
      found = csn_merge_find_base (ppt_again, ppt_copy);
      forward = csn_merge_drafts (ppt_again, ppt_copy, found, "merged.consenso");
      if (csn_change_set_get_n_conflicts (forward) != 0)
        fail (s, "taking a merged copy that descends from mine lists %u conflicts",
              csn_change_set_get_n_conflicts (forward));
      csn_change_set_apply (forward, ppt_again);
      merged = mtu_canonical (ppt_copy);
      taken = mtu_canonical (ppt_again);
      if (!g_str_equal (merged, taken))
        fail (s, "taking a merged copy that descends from mine does not give that copy");
    }

  /* A third co-chair: the ST merges the merged copy's changes after its own. */
  if (s->failure == NULL && chance (s, 50))
    {
      random_edits (s, st, base, 1 + pick (s, 8));
      mtu_save (st, "ST");
      third = merge_and_check (s, ppt_copy, st, base, "(PPT ← México) ← ST");
    }
}

static void
test_scenarios (void)
{
  const char *only = g_getenv ("CONSENSO_MERGE_SEED");
  guint32 first = only != NULL ? (guint32) g_ascii_strtoull (only, NULL, 10) : FIRST_SEED;
  guint n = only != NULL ? 1 : N_SCENARIOS;

  if (g_test_quick () && only == NULL)
    n /= 5;
  for (guint i = 0; i < n; i++)
    {
      Scenario s = { .seed = first + i };

      s.rand = g_rand_new_with_seed (s.seed);
      /* New items' ids are random: the same seed must give the same ids. */
      g_random_set_seed (s.seed);
      run_scenario (&s);
      g_rand_free (s.rand);
      if (s.failure != NULL)
        {
          g_test_fail_printf ("seed %u (CONSENSO_MERGE_SEED=%u replays it): %s", s.seed, s.seed, s.failure);
          g_free (s.failure);
          return;
        }
    }
  g_test_message ("%u scenarios from seed %u", n, first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/scenarios", test_scenarios);
  return g_test_run ();
}
