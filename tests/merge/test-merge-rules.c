/* test-merge-rules.c: each merge rule on its own — fields, sets, reservations, positions,
 * endorsements, deletions, order, no ancestor, unknown members, ids, undo. */
#include "config.h"

#include "csn-draft-private.h"
#include "csn-item-private.h"
#include "merge-test-util.h"

typedef struct {
  CsnDraft *base;
  CsnDraft *mine;
  CsnDraft *theirs;
} Fixture;

/* The template saved once by the ST, and two copies of that file. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->base = csn_draft_new_from_template ();
  mtu_save (f->base, "ST");
  f->mine = mtu_copy (f->base);
  f->theirs = mtu_copy (f->base);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->base);
  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
}

static CsnItem *
theme (CsnDraft *draft,
       guint     position)
{
  return mtu_item (draft, CSN_COLLECTION_THEMES, position);
}

static guint
n_items (CsnDraft      *draft,
         CsnCollection  collection)
{
  return g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(CsnDraft) base = NULL;

  /* One side only, the same on both, different on each. */
  csn_draft_set_enum (f->theirs, theme (f->theirs, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  csn_draft_set_string (f->mine, theme (f->mine, 1), "notes", "Igual");
  csn_draft_set_string (f->theirs, theme (f->theirs, 1), "notes", "Igual");
  csn_draft_set_enum (f->mine, theme (f->mine, 2), "consensus", CSN_CONSENSUS_AGREED);
  csn_draft_set_enum (f->theirs, theme (f->theirs, 2), "consensus", CSN_CONSENSUS_RESERVATIONS);
  csn_draft_set_string (f->mine, theme (f->mine, 3), "title", "Retorno (mío)");

  /* Both copies are edited: the ancestor is the base the file carries. */
  base = csn_merge_find_base (f->mine, f->theirs);
  g_assert_nonnull (base);
  g_assert_true (base != f->mine && base != f->theirs);
  set = csn_merge_drafts (f->mine, f->theirs, base, "ppt.consenso");
  lines = mtu_conflicts (set, f->mine);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Theme 3 “Migración extrarregional y flujos mixtos”: consensus: “Agreed” | “With reservations”");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);
  g_assert_cmpstr (csn_change_set_get_label (set), ==, "Merge “ppt.consenso”");
  {
    g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), 0);
    g_autofree char *base_text = csn_change_dup_base_text (change, f->mine);

    g_assert_cmpstr (csn_change_get_origin (change), ==, "ST");
    g_assert_cmpstr (base_text, ==, "Undecided");
    g_assert_false (csn_change_get_conflict (change));
  }
  csn_change_set_apply (set, f->mine);
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 0), "horizon"), ==, CSN_HORIZON_SHORT_TERM);
  g_assert_cmpstr (csn_item_get_string (theme (f->mine, 1), "notes"), ==, "Igual");
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 2), "consensus"), ==, CSN_CONSENSUS_AGREED);
  g_assert_cmpstr (csn_item_get_string (theme (f->mine, 3), "title"), ==, "Retorno (mío)");
}

static void
test_conflict_taken (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;

  csn_draft_set_enum (f->mine, theme (f->mine, 2), "consensus", CSN_CONSENSUS_AGREED);
  csn_draft_set_enum (f->theirs, theme (f->theirs, 2), "consensus", CSN_CONSENSUS_RESERVATIONS);
  set = csn_merge_drafts (f->mine, f->theirs, f->base, "ppt.consenso");
  csn_change_set_accept_all (set, TRUE, TRUE, NULL);
  csn_change_set_apply (set, f->mine);
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 2), "consensus"), ==, CSN_CONSENSUS_RESERVATIONS);
}

static void
test_sets (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  const char * const start[] = { "MX", "CA", "GT", NULL };
  CsnItem *strategy;

  csn_draft_set_strv (f->base, theme (f->base, 0), "raised-by", start);
  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
  mtu_save (f->base, "ST");
  f->mine = mtu_copy (f->base);
  f->theirs = mtu_copy (f->base);

  /* Mine adds BZ and drops CA; theirs adds PA and drops GT. */
  csn_draft_set_in_list (f->mine, theme (f->mine, 0), "raised-by", "BZ", TRUE);
  csn_draft_set_in_list (f->mine, theme (f->mine, 0), "raised-by", "CA", FALSE);
  csn_draft_set_in_list (f->theirs, theme (f->theirs, 0), "raised-by", "PA", TRUE);
  csn_draft_set_in_list (f->theirs, theme (f->theirs, 0), "raised-by", "GT", FALSE);
  strategy = mtu_item (f->theirs, CSN_COLLECTION_STRATEGIES, 1);
  csn_draft_set_in_list (f->theirs, strategy, "support", "st", TRUE);

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  {
    const char * const *raised = csn_item_get_strv (theme (f->mine, 0), "raised-by");
    const char * const expected[] = { "MX", "BZ", "PA", NULL };
    g_assert_true (g_strv_equal (raised, expected));
  }
  g_assert_true (csn_item_strv_contains (mtu_item (f->mine, CSN_COLLECTION_STRATEGIES, 1), "support", "st"));
}

static CsnItem *
add_reservation (CsnDraft   *draft,
                 CsnItem    *parent,
                 const char *country,
                 const char *text)
{
  g_autoptr(CsnReservation) reservation = csn_reservation_new ();
  GListModel *children = csn_item_get_children (parent, "reservations");

  g_object_set (reservation, "country", country, "text", text, NULL);
  csn_draft_insert_child (draft, parent, "reservations", g_list_model_get_n_items (children), CSN_ITEM (reservation));
  return CSN_ITEM (reservation);
}

static void
test_reservations (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  GListModel *children;

  add_reservation (f->base, theme (f->base, 0), "CA", "Sobre el plazo");
  mtu_save (f->base, "ST");
  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
  f->mine = mtu_copy (f->base);
  f->theirs = mtu_copy (f->base);

  /* Mine rewords Canada's; theirs adds Mexico's: matched by country, both kept. */
  {
    g_autoptr(CsnItem) canada = g_list_model_get_item (csn_item_get_children (theme (f->mine, 0), "reservations"), 0);
    csn_draft_set_string (f->mine, canada, "text", "Sobre el plazo y el costo");
  }
  add_reservation (f->theirs, theme (f->theirs, 0), "MX", "Sobre la redacción");

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  children = csn_item_get_children (theme (f->mine, 0), "reservations");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
  {
    g_autoptr(CsnItem) first = g_list_model_get_item (children, 0);
    g_autoptr(CsnItem) second = g_list_model_get_item (children, 1);
    g_assert_cmpstr (csn_item_get_string (first, "text"), ==, "Sobre el plazo y el costo");
    g_assert_cmpstr (csn_item_get_string (second, "country"), ==, "MX");
  }
}

static CsnItem *
add_position (CsnDraft   *draft,
              const char *country,
              const char *item,
              CsnStance   stance)
{
  g_autoptr(CsnPosition) position = csn_position_new ();

  g_object_set (position, "country", country, "item", item, "stance", stance, NULL);
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (position));
  return CSN_ITEM (position);
}

static void
test_positions_by_country_and_item (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  /* Both record Mexico's position on theme 1, each under its own random id. */
  add_position (f->mine, "MX", "theme-1", CSN_STANCE_SUPPORTS);
  add_position (f->theirs, "MX", "theme-1", CSN_STANCE_OBJECTS);
  add_position (f->theirs, "CA", "theme-1", CSN_STANCE_SUPPORTS);
  g_assert_cmpstr (csn_item_get_key (mtu_item (f->mine, CSN_COLLECTION_POSITIONS, 0)), !=,
                   csn_item_get_key (mtu_item (f->theirs, CSN_COLLECTION_POSITIONS, 0)));

  set = mtu_merge (f->mine, f->theirs, f->base);
  lines = mtu_conflicts (set, f->mine);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Position of Mexico on Theme 1 “Trata de personas y tráfico ilícito de migrantes”: stance: "
                   "“Supports” | “Objects”");
  g_assert_cmpuint (n_items (f->mine, CSN_COLLECTION_POSITIONS), ==, 2);
}

static void
test_endorsements_by_country (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  CsnItem *mexico = csn_draft_lookup (f->theirs, CSN_COLLECTION_ENDORSEMENTS, "MX");

  csn_draft_set_enum (f->theirs, mexico, "status", CSN_ENDORSEMENT_STATUS_ENDORSED);
  csn_draft_set_string (f->theirs, mexico, "date", "2011-06-01");
  csn_draft_set_string (f->mine, csn_draft_lookup (f->mine, CSN_COLLECTION_ENDORSEMENTS, "MX"), "note", "Por nota");
  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  mexico = csn_draft_lookup (f->mine, CSN_COLLECTION_ENDORSEMENTS, "MX");
  g_assert_cmpint (csn_item_get_enum (mexico, "status"), ==, CSN_ENDORSEMENT_STATUS_ENDORSED);
  g_assert_cmpstr (csn_item_get_string (mexico, "date"), ==, "2011-06-01");
  g_assert_cmpstr (csn_item_get_string (mexico, "note"), ==, "Por nota");
}

static void
test_delete_and_edit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  /* Mechanism 1: theirs deletes, mine edits. Mechanism 2: mine deletes, theirs edits.
   * Mechanism 3: theirs deletes, nobody edits. */
  csn_draft_set_string (f->mine, mtu_item (f->mine, CSN_COLLECTION_MECHANISMS, 0), "proposal", "Reunión anual");
  csn_draft_remove (f->theirs, CSN_COLLECTION_MECHANISMS, 0);
  csn_draft_remove (f->mine, CSN_COLLECTION_MECHANISMS, 1);
  csn_draft_set_string (f->theirs, mtu_item (f->theirs, CSN_COLLECTION_MECHANISMS, 0), "proposal", "Reforzar");
  csn_draft_remove (f->theirs, CSN_COLLECTION_MECHANISMS, 1);

  /* As the command line prints them: before applying. */
  set = csn_merge_drafts (f->mine, f->theirs, f->base, "ppt.consenso");
  lines = mtu_conflicts (set, f->mine);
  csn_change_set_apply (set, f->mine);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Mechanism “Grupo Regional de Consulta sobre Migración (GRCM)”: — | "
                   "“Grupo Regional de Consulta sobre Migración (GRCM)”");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "Mechanism 1 “Reunión Viceministerial”: “Reunión Viceministerial” | —");
  /* Both edited items stay; the one nobody edited is gone. */
  g_assert_nonnull (csn_draft_lookup (f->mine, CSN_COLLECTION_MECHANISMS, "mechanism-1"));
  g_assert_nonnull (csn_draft_lookup (f->mine, CSN_COLLECTION_MECHANISMS, "mechanism-2"));
  g_assert_null (csn_draft_lookup (f->mine, CSN_COLLECTION_MECHANISMS, "mechanism-3"));
  g_assert_cmpstr (csn_item_get_string (csn_draft_lookup (f->mine, CSN_COLLECTION_MECHANISMS, "mechanism-2"), "proposal"),
                   ==, "Reforzar");
  /* Put back where theirs has it: first. */
  g_assert_cmpstr (csn_item_get_key (mtu_item (f->mine, CSN_COLLECTION_MECHANISMS, 0)), ==, "mechanism-2");
}

static void
test_deleted_but_used (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CsnStrategy) strategy = csn_strategy_new ();
  g_autoptr(CsnChangeSet) set = NULL;

  /* Theirs removes theme 7 and its strategy; mine adds a strategy to it. */
  csn_draft_remove (f->theirs, CSN_COLLECTION_STRATEGIES, 7);
  csn_draft_remove (f->theirs, CSN_COLLECTION_THEMES, 6);
  g_object_set (strategy, "theme", "theme-7", "description", "Nueva", NULL);
  csn_draft_append (f->mine, CSN_COLLECTION_STRATEGIES, CSN_ITEM (strategy));

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_nonnull (csn_draft_lookup (f->mine, CSN_COLLECTION_THEMES, "theme-7"));
  g_assert_null (csn_draft_lookup (f->mine, CSN_COLLECTION_STRATEGIES, "strategy-8"));
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 1);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CsnTheme) mine_new = csn_theme_new ();
  g_autoptr(CsnTheme) theirs_new = csn_theme_new ();
  g_autoptr(CsnTheme) theirs_next = csn_theme_new ();
  g_autoptr(CsnChangeSet) set = NULL;

  g_object_set (mine_new, "title", "Mío", NULL);
  csn_draft_insert (f->mine, CSN_COLLECTION_THEMES, 2, CSN_ITEM (mine_new));
  g_object_set (theirs_new, "title", "Suyo", NULL);
  csn_draft_insert (f->theirs, CSN_COLLECTION_THEMES, 2, CSN_ITEM (theirs_new));
  g_object_set (theirs_next, "title", "Suyo después", NULL);
  csn_draft_insert (f->theirs, CSN_COLLECTION_THEMES, 3, CSN_ITEM (theirs_next));
  /* Mine moves theme 7 first: mine's order wins. */
  csn_draft_move (f->mine, CSN_COLLECTION_THEMES, 7, 0);

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (n_items (f->mine, CSN_COLLECTION_THEMES), ==, 10);
  g_assert_cmpstr (csn_item_get_key (theme (f->mine, 0)), ==, "theme-7");
  g_assert_cmpstr (csn_item_get_key (theme (f->mine, 1)), ==, "theme-1");
  g_assert_cmpstr (csn_item_get_key (theme (f->mine, 2)), ==, "theme-2");
  /* The three new themes follow theme 2, concurrent ones by id, theirs' second after theirs' first. */
  {
    const char *a = csn_item_get_key (theme (f->mine, 3));
    const char *b = csn_item_get_key (theme (f->mine, 4));
    const char *c = csn_item_get_key (theme (f->mine, 5));
    const char *mine_key = csn_item_get_key (CSN_ITEM (mine_new));
    const char *theirs_key = csn_item_get_key (CSN_ITEM (theirs_new));

    const char *theirs_next_key = csn_item_get_key (CSN_ITEM (theirs_next));

    /* Each side's run of additions stays together, the run with the smaller first id first. */
    if (strcmp (mine_key, theirs_key) < 0)
      {
        g_assert_cmpstr (a, ==, mine_key);
        g_assert_cmpstr (b, ==, theirs_key);
        g_assert_cmpstr (c, ==, theirs_next_key);
      }
    else
      {
        g_assert_cmpstr (a, ==, theirs_key);
        g_assert_cmpstr (b, ==, theirs_next_key);
        g_assert_cmpstr (c, ==, mine_key);
      }
  }
  g_assert_cmpstr (csn_item_get_key (theme (f->mine, 6)), ==, "theme-3");
}

static void
test_no_ancestor (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CsnDraft) plain_mine = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) plain_theirs = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) base = NULL;
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(CsnMechanism) mechanism = csn_mechanism_new ();
  g_autofree char *before = NULL;

  /* Two files that were never one draft (or have no lineage): nothing is decided silently. */
  csn_draft_set_enum (plain_theirs, theme (plain_theirs, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  csn_draft_set_in_list (plain_theirs, theme (plain_theirs, 1), "raised-by", "MX", TRUE);
  csn_draft_remove (plain_mine, CSN_COLLECTION_THEMES, 6);
  g_object_set (mechanism, "name", "Nuevo", NULL);
  csn_draft_append (plain_mine, CSN_COLLECTION_MECHANISMS, CSN_ITEM (mechanism));
  base = csn_merge_find_base (plain_mine, plain_theirs);
  g_assert_null (base);

  before = mtu_content (plain_mine);
  set = mtu_merge (plain_mine, plain_theirs, NULL);
  g_assert_nonnull (csn_change_set_get_note (set));
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 4);
  {
    g_autofree char *after = mtu_content (plain_mine);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_meeting_document_unknown (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  CsnItem *mine_meeting = CSN_ITEM (csn_draft_get_meeting (f->mine));
  CsnItem *theirs_meeting = CSN_ITEM (csn_draft_get_meeting (f->theirs));
  CsnItem *theirs_document = CSN_ITEM (csn_draft_get_document_texts (f->theirs));

  csn_draft_set_string (f->theirs, theirs_meeting, "venue", "San Salvador");
  csn_draft_set_string (f->theirs, theirs_meeting, "answers-due", "2011-05-20");
  csn_draft_set_string (f->theirs, theirs_document, "closing", "Gracias.");
  csn_draft_set_string (f->mine, mine_meeting, "title", "Grupo de Trabajo");
  /* Unknown members: mine's are kept, theirs' changed ones are conflicts. */
  json_object_set_string_member (csn_item_get_unknown (theirs_meeting), "x-room", "B-12");
  json_object_set_string_member (csn_draft_get_unknown (f->theirs), "x-tool", "other");
  json_object_set_string_member (csn_draft_get_unknown (f->mine), "x-mine", "kept");

  set = mtu_merge (f->mine, f->theirs, f->base);
  lines = mtu_conflicts (set, f->mine);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "The meeting: “x-room”: “” | “\"B-12\"”");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "The file: “x-tool”: “” | “\"other\"”");
  g_assert_cmpstr (csn_item_get_string (mine_meeting, "venue"), ==, "San Salvador");
  g_assert_cmpstr (csn_item_get_string (mine_meeting, "answers-due"), ==, "2011-05-20");
  g_assert_cmpstr (csn_item_get_string (mine_meeting, "title"), ==, "Grupo de Trabajo");
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_document_texts (f->mine)), "closing"), ==, "Gracias.");
  g_assert_false (json_object_has_member (csn_item_get_unknown (mine_meeting), "x-room"));
  g_assert_true (json_object_has_member (csn_draft_get_unknown (f->mine), "x-mine"));

  /* Taking theirs is undoable like any change. */
  {
    g_autoptr(CsnChangeSet) again = csn_merge_drafts (f->mine, f->theirs, f->base, "ppt.consenso");

    csn_change_set_accept_all (again, TRUE, TRUE, NULL);
    csn_change_set_apply (again, f->mine);
    g_assert_cmpstr (json_object_get_string_member (csn_item_get_unknown (mine_meeting), "x-room"), ==, "B-12");
    g_assert_cmpstr (json_object_get_string_member (csn_draft_get_unknown (f->mine), "x-tool"), ==, "other");
    g_assert_true (csn_draft_undo (f->mine));
    g_assert_false (json_object_has_member (csn_item_get_unknown (mine_meeting), "x-room"));
    g_assert_false (json_object_has_member (csn_draft_get_unknown (f->mine), "x-tool"));
  }
}

static void
test_translations (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  const CsnField *title = csn_item_class_find_field (CSN_ITEM_GET_CLASS (theme (f->mine, 0)), "title");

  /* Mine translates the title; theirs rewords it: the translation is kept, and now outdated. */
  csn_draft_set_translation (f->mine, theme (f->mine, 0), title, CSN_LANGUAGE_EN, "Trafficking in persons");
  csn_draft_set_string (f->theirs, theme (f->theirs, 0), "title", "Trata de personas");
  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  g_assert_cmpstr (csn_item_get_string (theme (f->mine, 0), "title"), ==, "Trata de personas");
  g_assert_cmpstr (csn_item_get_translation (theme (f->mine, 0), title, CSN_LANGUAGE_EN, NULL), ==,
                   "Trafficking in persons");
  g_assert_cmpint (csn_item_get_translation_state (theme (f->mine, 0), title, CSN_LANGUAGE_EN), ==,
                   CSN_TRANSLATION_OUTDATED);
}

static void
test_same_id_two_items (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CsnTheme) mine_theme = csn_theme_new ();
  g_autoptr(CsnTheme) theirs_theme = csn_theme_new ();
  g_autoptr(CsnStrategy) theirs_strategy = csn_strategy_new ();
  g_autoptr(CsnChangeSet) set = NULL;
  CsnItem *renamed;
  char *problem = NULL;

  /* An older build numbered new themes: both copies call theirs "theme-8". */
  g_object_set (mine_theme, "id", "theme-8", "title", "Migración y cambio climático", "pillar", "development", NULL);
  csn_draft_append (f->mine, CSN_COLLECTION_THEMES, CSN_ITEM (mine_theme));
  g_object_set (theirs_theme, "id", "theme-8", "title", "Trabajadores agrícolas temporales",
                "pillar", "policy-management", NULL);
  csn_draft_append (f->theirs, CSN_COLLECTION_THEMES, CSN_ITEM (theirs_theme));
  g_object_set (theirs_strategy, "id", "strategy-9", "theme", "theme-8", "description", "Seminario", NULL);
  csn_draft_append (f->theirs, CSN_COLLECTION_STRATEGIES, CSN_ITEM (theirs_strategy));

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 0);
  g_assert_cmpuint (n_items (f->mine, CSN_COLLECTION_THEMES), ==, 9);
  g_assert_cmpstr (csn_item_get_string (csn_draft_lookup (f->mine, CSN_COLLECTION_THEMES, "theme-8"), "title"), ==,
                   "Migración y cambio climático");
  /* Concurrent additions after theme 7 are ordered by id. */
  renamed = g_str_equal (csn_item_get_key (theme (f->mine, 7)), "theme-8") ? theme (f->mine, 8) : theme (f->mine, 7);
  g_assert_cmpstr (csn_item_get_string (renamed, "title"), ==, "Trabajadores agrícolas temporales");
  g_assert_true (g_str_has_prefix (csn_item_get_key (renamed), "theme-"));
  g_assert_cmpstr (csn_item_get_key (renamed), !=, "theme-8");
  /* Theirs' strategy follows its theme. */
  g_assert_cmpstr (csn_item_get_string (csn_draft_lookup (f->mine, CSN_COLLECTION_STRATEGIES, "strategy-9"), "theme"),
                   ==, csn_item_get_key (renamed));
  g_assert_true (mtu_ids_unique (f->mine, &problem));
  g_assert_true (mtu_refs_resolve (f->mine, &problem));
}

static void
test_undo_restores_lineage (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CsnChangeSet) set = NULL;
  g_autofree char *before = NULL;
  g_autofree char *revision = g_strdup (csn_lineage_get_revision (csn_draft_get_lineage (f->mine)));
  g_autofree char *theirs_revision = NULL;
  CsnLineage *lineage = csn_draft_get_lineage (f->mine);

  csn_draft_set_enum (f->theirs, theme (f->theirs, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  mtu_save (f->theirs, "PPT");
  theirs_revision = g_strdup (csn_lineage_get_revision (csn_draft_get_lineage (f->theirs)));
  before = mtu_content (f->mine);

  set = mtu_merge (f->mine, f->theirs, f->base);
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (f->mine)), ==, "Merge “theirs.consenso”");
  g_assert_cmpstr (csn_lineage_get_revision (lineage), !=, revision);
  g_assert_cmpstr (csn_lineage_get_base_revision (lineage), ==, csn_lineage_get_revision (lineage));
  g_assert_true (g_strv_contains (csn_lineage_get_parents (lineage), revision));
  g_assert_true (g_strv_contains (csn_lineage_get_parents (lineage), theirs_revision));
  {
    g_autoptr(CsnDraft) merged_base = csn_lineage_load_base (lineage, NULL);
    g_autofree char *merged = mtu_content (merged_base);
    g_autofree char *now = mtu_content (f->mine);
    g_assert_cmpstr (merged, ==, now);
  }

  g_assert_true (csn_draft_undo (f->mine));
  g_assert_cmpstr (csn_lineage_get_revision (lineage), ==, revision);
  {
    g_autofree char *after = mtu_content (f->mine);
    g_assert_cmpstr (after, ==, before);
  }

  /* Merging the same copy again finds nothing new once it is merged. */
  g_assert_true (csn_draft_redo (f->mine));
  g_clear_object (&set);
  set = csn_merge_drafts (f->mine, f->theirs, csn_merge_find_base (f->mine, f->theirs), "ppt.consenso");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);
}

static void
test_three_copies (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CsnDraft) mexico = mtu_copy (f->base);
  g_autoptr(CsnChangeSet) first = NULL;
  g_autoptr(CsnChangeSet) second = NULL;
  g_autoptr(CsnDraft) base_first = NULL;
  g_autoptr(CsnDraft) base_second = NULL;

  csn_draft_set_enum (f->theirs, theme (f->theirs, 0), "horizon", CSN_HORIZON_SHORT_TERM);
  mtu_save (f->theirs, "PPT");
  csn_draft_set_enum (mexico, theme (mexico, 1), "horizon", CSN_HORIZON_MEDIUM_TERM);
  mtu_save (mexico, "México");
  csn_draft_set_enum (f->mine, theme (f->mine, 2), "horizon", CSN_HORIZON_MEDIUM_TERM);

  /* The ST merges the PPT's copy, then Mexico's: each from the ancestor both files carry. */
  base_first = csn_merge_find_base (f->mine, f->theirs);
  first = mtu_merge (f->mine, f->theirs, base_first);
  base_second = csn_merge_find_base (f->mine, mexico);
  g_assert_nonnull (base_second);
  second = mtu_merge (f->mine, mexico, base_second);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (first) + csn_change_set_get_n_conflicts (second), ==, 0);
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 0), "horizon"), ==, CSN_HORIZON_SHORT_TERM);
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 1), "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);
  g_assert_cmpint (csn_item_get_enum (theme (f->mine, 2), "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/merge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fields", test_fields);
  ADD ("conflict-taken", test_conflict_taken);
  ADD ("sets", test_sets);
  ADD ("reservations", test_reservations);
  ADD ("positions", test_positions_by_country_and_item);
  ADD ("endorsements", test_endorsements_by_country);
  ADD ("delete-and-edit", test_delete_and_edit);
  ADD ("deleted-but-used", test_deleted_but_used);
  ADD ("order", test_order);
  ADD ("no-ancestor", test_no_ancestor);
  ADD ("meeting-document-unknown", test_meeting_document_unknown);
  ADD ("translations", test_translations);
  ADD ("same-id-two-items", test_same_id_two_items);
  ADD ("undo-restores-lineage", test_undo_restores_lineage);
  ADD ("three-copies", test_three_copies);
#undef ADD

  return g_test_run ();
}
