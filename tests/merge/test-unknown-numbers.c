/* test-unknown-numbers.c: numbers in members this version does not know keep the digits the file
 * wrote through merges, unknown-member changes, undo and redo, and the save that follows. */
#include "config.h"

#include <glib/gstdio.h>

#include "csn-change.h"
#include "csn-draft-private.h"
#include "csn-item-private.h"
#include "merge-test-util.h"

#define BIG      "123456789012345678901234567890"
#define BIG_NEXT "123456789012345678901234567891"
#define KEPT     "98765432109876543210987654321"
/* What a number becomes when it is written from its double. */
#define ROUNDED  "e+29"

static CsnDraft *
load_text (const char *meeting_extra,
           const char *theme_extra,
           const char *file_extra,
           gboolean    second_theme)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  CsnDraft *draft;

  text = g_strdup_printf (
    "{\"format\": \"consenso-draft\", \"version\": 1,\n"
    " \"meeting\": {\"title\": \"T\", \"x-keep\": " KEPT "%s},\n"
    " \"countries\": [], \"pillars\": [], \"actors\": [],\n"
    " \"themes\": [{\"id\": \"t1\", \"title\": \"Trata\"%s}%s],\n"
    " \"strategies\": [], \"mechanisms\": [], \"role_proposals\": [], \"participants\": [],\n"
    " \"endorsements\": []%s}\n",
    meeting_extra, theme_extra,
    second_theme ? ", {\"id\": \"t2\", \"title\": \"Retorno\", \"x-n\": " BIG "}" : "",
    file_extra);
  draft = csn_draft_load_from_data (text, strlen (text), "draft.consenso", &error);
  g_assert_no_error (error);
  return draft;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The draft as a save writes it, through a real file read back. */
static char *
dup_saved (CsnDraft *draft)
{
  g_autofree char *dir = g_dir_make_tmp ("unknown-numbers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.consenso", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
  return contents;
}

/* Theirs' numbers enter mine as theirs wrote them: a changed member of the meeting, of a theme and
 * of the file, a new member, a new theme; and one changed only beyond a double's precision. */
static void
test_merge (void)
{
  g_autoptr(CsnDraft) base = load_text (", \"x-n\": 1, \"x-close\": " BIG, ", \"x-n\": 1", ", \"x-n\": 1", FALSE);
  g_autoptr(CsnDraft) mine = load_text (", \"x-n\": 1, \"x-close\": " BIG, ", \"x-n\": 1", ", \"x-n\": 1", FALSE);
  g_autoptr(CsnDraft) theirs = load_text (", \"x-n\": " BIG ", \"x-close\": " BIG_NEXT, ", \"x-n\": " BIG,
                                          ", \"x-n\": " BIG ", \"x-new\": [" BIG "]", TRUE);
  g_autoptr(CsnChangeSet) set = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *again = NULL;
  g_autoptr(CsnDraft) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  set = csn_merge_drafts (mine, theirs, base, "theirs.consenso");
  /* x-n of the meeting, the theme and the file, x-close, x-new, the new theme. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 6);
  csn_change_set_accept_all (set, TRUE, FALSE, NULL);
  g_assert_cmpuint (csn_change_set_apply (set, mine), ==, 6);

  saved = dup_saved (mine);
  g_assert_null (strstr (saved, ROUNDED));
  /* Meeting, theme, file, the file's array, the new theme; the one beyond a double's precision. */
  g_assert_cmpuint (count (saved, BIG), ==, 5);
  g_assert_cmpuint (count (saved, BIG_NEXT), ==, 1);
  g_assert_cmpuint (count (saved, KEPT), ==, 1);

  /* The merge is one step: undone, mine's own numbers; redone, theirs' again. */
  g_assert_true (csn_draft_undo (mine));
  undone = dup_saved (mine);
  g_assert_null (strstr (undone, ROUNDED));
  g_assert_cmpuint (count (undone, BIG), ==, 1);
  g_assert_cmpuint (count (undone, BIG_NEXT), ==, 0);
  g_assert_cmpuint (count (undone, KEPT), ==, 1);
  g_assert_true (csn_draft_redo (mine));
  redone = dup_saved (mine);
  g_assert_null (strstr (redone, ROUNDED));
  g_assert_cmpuint (count (redone, BIG), ==, 5);
  g_assert_cmpuint (count (redone, BIG_NEXT), ==, 1);
  g_assert_cmpuint (count (redone, KEPT), ==, 1);

  /* The saved file read again keeps them. */
  reloaded = csn_draft_load_from_data (redone, strlen (redone), "saved.consenso", &error);
  g_assert_no_error (error);
  again = dup_saved (reloaded);
  g_assert_cmpuint (count (again, BIG), ==, 5);
  g_assert_cmpuint (count (again, BIG_NEXT), ==, 1);
}

/* Mine and theirs wrote the same numbers: nothing to merge, even where doubles would differ in
 * nothing but the text. */
static void
test_merge_same_digits (void)
{
  g_autoptr(CsnDraft) mine = load_text (", \"x-n\": " BIG, "", "", FALSE);
  g_autoptr(CsnDraft) theirs = load_text (", \"x-n\": " BIG, "", "", FALSE);
  g_autoptr(CsnChangeSet) set = csn_merge_drafts (mine, theirs, NULL, "theirs.consenso");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);
}

/* One unknown member changed: the item's other members keep their digits, through undo and redo. */
static void
test_change_undo_redo (void)
{
  g_autoptr(CsnDraft) draft = load_text ("", ", \"x-n\": " BIG, "", FALSE);
  CsnItem *theme = mtu_item (draft, CSN_COLLECTION_THEMES, 0);
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "alta");
  g_autoptr(CsnChange) change = csn_change_new_set_unknown (theme, "x-priority", value);
  g_autoptr(CsnChange) file_change = csn_change_new_set_unknown (NULL, "x-tool", value);
  g_autofree char *saved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (csn_change_apply (change, draft));
  g_assert_cmpstr (json_object_get_string_member (csn_item_get_unknown (theme), "x-priority"), ==, "alta");
  saved = dup_saved (draft);
  g_assert_null (strstr (saved, ROUNDED));
  g_assert_cmpuint (count (saved, BIG), ==, 1);
  g_assert_cmpuint (count (saved, KEPT), ==, 1);

  g_assert_true (csn_draft_undo (draft));
  g_assert_false (json_object_has_member (csn_item_get_unknown (theme), "x-priority"));
  undone = dup_saved (draft);
  g_assert_null (strstr (undone, ROUNDED));
  g_assert_cmpuint (count (undone, BIG), ==, 1);

  g_assert_true (csn_draft_redo (draft));
  g_assert_true (csn_change_apply (file_change, draft));
  redone = dup_saved (draft);
  g_assert_null (strstr (redone, ROUNDED));
  g_assert_cmpuint (count (redone, BIG), ==, 1);
  g_assert_cmpuint (count (redone, KEPT), ==, 1);
  g_assert_nonnull (strstr (redone, "\"x-priority\": \"alta\""));
  g_assert_nonnull (strstr (redone, "\"x-tool\": \"alta\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/unknown-numbers/merge", test_merge);
  g_test_add_func ("/unknown-numbers/merge-same-digits", test_merge_same_digits);
  g_test_add_func ("/unknown-numbers/change-undo-redo", test_change_undo_redo);

  return g_test_run ();
}
