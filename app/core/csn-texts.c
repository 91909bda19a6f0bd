/* csn-texts.c: the translatable texts of a draft in page order, each with an id that stays the same
 * from one session to the next (its list, its item's key and its field). */
#define G_LOG_DOMAIN "csn-texts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-document-texts.h"
#include "csn-draft.h"
#include "csn-meeting.h"
#include "csn-texts.h"

static const struct {
  const char *name;
  const char *title;
} pages[] = {
  { "overview", N_("Overview") },
  { "theme-matrix", N_("Theme Matrix") },
  { "strategies", N_("Strategies") },
  { "mechanisms", N_("Mechanisms") },
  { "actors", N_("Actors and Roles") },
  { "delegations", N_("Delegations") },
  { "endorsements", N_("Endorsements") },
  { "document", N_("Document") },
};

/* The place of @page among the window's pages, in the order csn_draft_list_texts() lists them. */
guint
csn_text_page_get_rank (const char *page)
{
  g_return_val_if_fail (page != NULL, G_N_ELEMENTS (pages));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, page))
      return i;
  g_return_val_if_reached (G_N_ELEMENTS (pages));
}

/* The page of rank @rank (see csn_text_page_get_rank()), or NULL past the last. */
const char *
csn_text_page_get_name (guint rank)
{
  return rank < G_N_ELEMENTS (pages) ? pages[rank].name : NULL;
}

/* The title of a page named by csn_draft_list_texts(), in the interface language. */
const char *
csn_text_page_get_title (const char *page)
{
  g_return_val_if_fail (page != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, page))
      return _(pages[i].title);
  g_return_val_if_reached (page);
}

static const char *
collection_page (CsnCollection collection)
{
  switch (collection)
    {
    case CSN_COLLECTION_PILLARS:
    case CSN_COLLECTION_THEMES:
      return "theme-matrix";
    case CSN_COLLECTION_STRATEGIES:
      return "strategies";
    case CSN_COLLECTION_MECHANISMS:
      return "mechanisms";
    case CSN_COLLECTION_ACTORS:
    case CSN_COLLECTION_ROLE_PROPOSALS:
      return "actors";
    case CSN_COLLECTION_COUNTRIES:
    case CSN_COLLECTION_PARTICIPANTS:
      return "delegations";
    case CSN_COLLECTION_ENDORSEMENTS:
      return "endorsements";
    case CSN_COLLECTION_POSITIONS:
    default:
      return "overview";
    }
}

static void
text_free (CsnText *text)
{
  g_clear_object (&text->item);
  g_clear_object (&text->parent);
  g_free (text->id);
  g_free (text);
}

/* A key as one segment of an id: "/" and anything but letters, digits, "-", "_" and "." escaped
 * as %XX, so no two keys share a segment and "~" is free to number repeats. */
static void
append_segment (GString    *id,
                const char *key)
{
  for (const guchar *p = (const guchar *) (key != NULL ? key : ""); *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (id, *p);
      else
        g_string_append_printf (id, "%%%02X", *p);
    }
  g_string_append_c (id, '/');
}

typedef struct {
  GPtrArray   *texts;
  GHashTable  *ids;       /* owned by the texts; NULL: the texts are listed without ids */
  CsnTextFunc  func;      /* else each text is given to it, without an id, and nothing is listed */
  gpointer     user_data;
} Lister;

static void
add_texts (Lister     *l,
           CsnItem    *item,
           CsnItem    *parent,
           guint       position,
           const char *prefix,
           const char *page)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (item), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      CsnText *text;
      g_autofree char *id = NULL;

      if (!(fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE))
        continue;
      if (l->func != NULL)
        {
          l->func (item, &fields[i], page, l->user_data);
          continue;
        }

      if (l->ids != NULL)
        {
          id = g_strconcat (prefix, fields[i].key, NULL);
          /* Two items with one key (a hand-edited file, two reservations of a country): the later
           * ones are numbered, in list order. */
          for (guint n = 2; g_hash_table_contains (l->ids, id); n++)
            {
              g_free (id);
              id = g_strdup_printf ("%s%s~%u", prefix, fields[i].key, n);
            }
        }

      text = g_new0 (CsnText, 1);
      text->item = g_object_ref (item);
      text->parent = parent != NULL ? g_object_ref (parent) : NULL;
      text->field = &fields[i];
      text->id = g_steal_pointer (&id);
      text->page = page;
      text->position = position;
      g_ptr_array_add (l->texts, text);
      if (l->ids != NULL)
        g_hash_table_add (l->ids, text->id);
    }
}

static const char *
position_page (CsnDraft *draft,
               CsnItem  *position)
{
  CsnItem *target = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, csn_item_get_string (position, "item"));

  return target != NULL ? collection_page (csn_collection_for_item (target)) : "overview";
}

/* What tells a child apart from its siblings: its key, else what it belongs to (a reservation's
 * country). */
static const char *
get_child_key (CsnItem *child)
{
  guint n_fields;
  const CsnField *fields = csn_item_class_get_fields (CSN_ITEM_GET_CLASS (child), &n_fields);

  if (csn_item_get_key (child) != NULL)
    return csn_item_get_key (child);
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == CSN_FIELD_REF && (fields[i].flags & CSN_FIELD_FLAG_OWNER))
      return csn_item_get_string (child, csn_field_get_property_name (&fields[i], NULL));
  return "";
}

/* A theme's reservations: "themes/theme-1/reservations/MX/text". */
static void
add_children_texts (Lister         *l,
                    CsnItem        *item,
                    const CsnField *children,
                    GString        *prefix,
                    const char     *page)
{
  GListModel *list = csn_item_get_children (item, csn_field_get_property_name (children, NULL));
  gsize item_prefix;

  g_string_append (prefix, children->key);
  g_string_append_c (prefix, '/');
  item_prefix = prefix->len;
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(CsnItem) child = g_list_model_get_item (list, i);

      if (l->ids != NULL)
        {
          g_string_truncate (prefix, item_prefix);
          append_segment (prefix, get_child_key (child));
        }
      add_texts (l, child, item, i, prefix->str, page);
    }
}

/* Orders @texts by page, keeping the list order within a page: a counting sort, one rank per text. */
static void
sort_by_page (GPtrArray *texts)
{
  g_autofree guint *ranks = NULL;
  g_autofree gpointer *sorted = NULL;
  g_autofree guint *starts = NULL;
  guint n_ranks = 0;

  /* No copy from an empty array's NULL storage (UBSan). */
  if (texts->len == 0)
    return;
  ranks = g_new (guint, texts->len);
  sorted = g_new (gpointer, texts->len);

  for (guint i = 0; i < texts->len; i++)
    {
      ranks[i] = csn_text_page_get_rank (((CsnText *) g_ptr_array_index (texts, i))->page);
      n_ranks = MAX (n_ranks, ranks[i] + 1);
    }
  starts = g_new0 (guint, n_ranks + 1);
  for (guint i = 0; i < texts->len; i++)
    starts[ranks[i] + 1]++;
  for (guint r = 1; r <= n_ranks; r++)
    starts[r] += starts[r - 1];
  for (guint i = 0; i < texts->len; i++)
    sorted[starts[ranks[i]]++] = g_ptr_array_index (texts, i);
  memcpy (texts->pdata, sorted, texts->len * sizeof (gpointer));
}

static gboolean
on_page (const char *wanted,
         const char *page)
{
  return wanted == NULL || g_str_equal (wanted, page);
}

/*
 * Whether the items of @klass have texts that may carry a translation, their own or their
 * children's; @children: (optional): the field of the children (a theme's reservations), or NULL.
 */
gboolean
csn_item_class_has_texts (CsnItemClass    *klass,
                          const CsnField **children)
{
  guint n_fields;
  const CsnField *fields;
  const CsnField *found = NULL;
  gboolean translatable = FALSE;

  g_return_val_if_fail (CSN_IS_ITEM_CLASS (klass), FALSE);

  fields = csn_item_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      translatable |= (fields[i].flags & CSN_FIELD_FLAG_TRANSLATABLE) != 0;
      if (fields[i].kind == CSN_FIELD_CHILDREN)
        found = &fields[i];
    }
  if (children != NULL)
    *children = found;
  return translatable || found != NULL;
}

static gboolean
collection_has_texts (CsnCollection    collection,
                      const CsnField **children)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (csn_collection_get_item_type (collection));

  return csn_item_class_has_texts (CSN_ITEM_CLASS (klass), children);
}

/* The texts of @item, at @position in @collection, then its children's. */
static void
add_item_texts (Lister         *l,
                CsnDraft       *draft,
                CsnCollection   collection,
                const CsnField *children,
                CsnItem        *item,
                guint           position,
                GString        *prefix)
{
  const char *page = collection == CSN_COLLECTION_POSITIONS ? position_page (draft, item)
                                                            : collection_page (collection);

  g_string_assign (prefix, csn_collection_get_key (collection));
  g_string_append_c (prefix, '/');
  if (l->ids != NULL)
    append_segment (prefix, csn_item_get_key (item));
  add_texts (l, item, NULL, position, prefix->str, page);

  if (children != NULL)
    add_children_texts (l, item, children, prefix, page);
}

/* The texts of @collection's items, a theme's reservations after the theme's own texts. */
static void
add_collection_texts (Lister        *l,
                      CsnDraft      *draft,
                      CsnCollection  collection,
                      GString       *prefix)
{
  GListModel *model = csn_draft_get_collection (draft, collection);
  const CsnField *children;

  if (!collection_has_texts (collection, &children))
    return;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CsnItem) item = g_list_model_get_item (model, i);

      add_item_texts (l, draft, collection, children, item, i, prefix);
    }
}

/* The texts of the @wanted page (NULL: of every page), or each given to @func. An id is unique
 * within its collection's texts alone (a collection's key starts it), so another page's collections
 * are skipped whole; the positions are on the pages of what they are about, and are all listed,
 * then kept by page. */
static GPtrArray *
list_texts (CsnDraft    *draft,
            const char  *wanted,
            gboolean     with_ids,
            CsnTextFunc  func,
            gpointer     user_data)
{
  g_autoptr(GString) prefix = g_string_new (NULL);
  Lister l;

  l.texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  l.ids = with_ids && func == NULL ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
  l.func = func;
  l.user_data = user_data;

  if (on_page (wanted, "overview"))
    add_texts (&l, CSN_ITEM (csn_draft_get_meeting (draft)), NULL, 0, "meeting/", "overview");
  if (on_page (wanted, "document"))
    add_texts (&l, CSN_ITEM (csn_draft_get_document_texts (draft)), NULL, 0, "document/", "document");

  for (CsnCollection c = 0; c < CSN_N_COLLECTIONS; c++)
    if (c == CSN_COLLECTION_POSITIONS || on_page (wanted, collection_page (c)))
      add_collection_texts (&l, draft, c, prefix);

  g_clear_pointer (&l.ids, g_hash_table_unref);
  if (wanted != NULL)
    {
      gsize n_listed;
      g_autofree CsnText **listed = (CsnText **) g_ptr_array_steal (l.texts, &n_listed);

      for (gsize i = 0; i < n_listed; i++)
        {
          if (on_page (wanted, listed[i]->page))
            g_ptr_array_add (l.texts, listed[i]);
          else
            text_free (listed[i]);
        }
    }
  /* Stable: within a page, list order; a position after the page's own items. */
  sort_by_page (l.texts);
  return l.texts;
}

/*
 * Every free text of @draft that may carry a translation (empty ones too), as CsnText, in the
 * order of the window's pages (the meeting on the Overview, the document's texts last), on each
 * page in file order, a theme's reservations after its own texts, the delegations' positions
 * after the page's items. The ids are unique within the list.
 */
GPtrArray *
csn_draft_list_texts (CsnDraft *draft)
{
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  return list_texts (draft, NULL, TRUE, NULL, NULL);
}

/*
 * The texts of csn_draft_list_texts() that are on @page ("overview", "strategies"…), in the same
 * order and with the same ids, without listing the other pages' collections.
 */
GPtrArray *
csn_draft_list_page_texts (CsnDraft   *draft,
                           const char *page)
{
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  return list_texts (draft, page, TRUE, NULL, NULL);
}

/*
 * The texts of csn_draft_list_page_texts() without their ids (NULL), for showing them: making each
 * id unique is most of the listing (the large draft's Strategies, 10,000 texts: 25.3 M instructions
 * with ids, 9.8 M without).
 */
GPtrArray *
csn_draft_list_page_texts_without_ids (CsnDraft   *draft,
                                       const char *page)
{
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  return list_texts (draft, page, FALSE, NULL, NULL);
}

/*
 * Gives @func each text csn_draft_list_texts() lists, without its id, in the order of the draft's
 * lists rather than of the pages (csn_text_page_get_rank() orders pages): for counting, without
 * making a list.
 */
void
csn_draft_foreach_text (CsnDraft    *draft,
                        CsnTextFunc  func,
                        gpointer     user_data)
{
  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (func != NULL);

  g_ptr_array_unref (list_texts (draft, NULL, FALSE, func, user_data));
}

/*
 * Gives @func each text of @item, an item of @collection, and of its children, as
 * csn_draft_foreach_text() gives them: for counting an item again, or one added to its list.
 */
void
csn_draft_foreach_item_text (CsnDraft      *draft,
                             CsnCollection  collection,
                             CsnItem       *item,
                             CsnTextFunc    func,
                             gpointer       user_data)
{
  g_autoptr(GString) prefix = g_string_new (NULL);
  Lister l = { NULL, NULL, func, user_data };
  const CsnField *children;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (collection < CSN_N_COLLECTIONS);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, csn_collection_get_item_type (collection)));
  g_return_if_fail (func != NULL);

  if (collection_has_texts (collection, &children))
    add_item_texts (&l, draft, collection, children, item, 0, prefix);
}
