/* test-save.c: saving the files people really have: links, shared and read-only files, a colleague's
 * edit, long names, and saves from a worker thread; each case checks what the user keeps on disk. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "bench-draft.h"
#include "consenso-core.h"
#include "csn-draft-private.h"
#include "csn-recovery.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("consenso-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  /* In place, not through "NAME.XXXXXX": that would not fit beside a 255-byte name. */
  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

static CsnDraft *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnDraft *draft = csn_draft_load_from_file (file, &error);

  g_assert_no_error (error);
  return draft;
}

static void
save_path (CsnDraft   *draft,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  csn_draft_save_to_file (draft, file, &error);
  g_assert_no_error (error);
}

static void
edit (CsnDraft   *draft,
      const char *venue)
{
  csn_draft_set_string (draft, CSN_ITEM (csn_draft_get_meeting (draft)), "venue", venue);
}

static const char *
get_venue (CsnDraft *draft)
{
  return csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "venue");
}

/* A draft file on disk with @venue, as another copy of Consenso would have written it. */
static void
write_draft (const char *path,
             const char *venue)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autofree char *data = NULL;

  edit (draft, venue);
  data = csn_draft_to_data (draft, NULL);
  write_file (path, data);
}

static char *
read_venue (const char *path)
{
  g_autoptr(CsnDraft) draft = load_path (path);

  return g_strdup (get_venue (draft));
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = csn_draft_save_finish (CSN_DRAFT (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* Saves through the worker thread, as the window does, and waits for the result. */
static gboolean
save_async_and_wait (CsnDraft           *draft,
                     const char         *path,
                     CsnDraftSaveFlags   flags,
                     GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  csn_draft_save_async (draft, file, flags, NULL, on_saved_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Saving through a symbolic link replaces its target: the link stays, pointing where it pointed. */
static void
test_symlink_relative (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "shared", NULL);
  g_autofree char *target = g_build_filename (real_dir, "plan.consenso", NULL);
  g_autofree char *target_backup = g_strconcat (target, "~", NULL);
  g_autofree char *link = g_build_filename (dir, "plan-link.consenso", NULL);
  g_autofree char *link_backup = g_strconcat (link, "~", NULL);
  g_autofree char *link_text = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *backup_venue = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  write_draft (target, "Managua");
  g_assert_cmpint (symlink ("shared/plan.consenso", link), ==, 0);

  draft = load_path (link);
  edit (draft, "Tegucigalpa");
  save_path (draft, link);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  link_text = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_text, ==, "shared/plan.consenso");
  venue = read_venue (target);
  g_assert_cmpstr (venue, ==, "Tegucigalpa");
  /* The backup is the target's, beside it; none appears beside the link. */
  backup_venue = read_venue (target_backup);
  g_assert_cmpstr (backup_venue, ==, "Managua");
  g_assert_false (g_file_test (link_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), link_file));
  g_assert_false (csn_draft_get_modified (draft));

  /* Again from the worker thread: still through the link, and not taken for someone else's edit. */
  edit (draft, "San Salvador");
  g_assert_true (save_async_and_wait (draft, link, CSN_DRAFT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_free (venue);
  venue = read_venue (target);
  g_assert_cmpstr (venue, ==, "San Salvador");

  remove_tree (dir);
}

/* A chain of links, one absolute, one relative through a linked folder (".." is the real folder's
 * parent, as the kernel reads it), and a link to a file not made yet. */
static void
test_symlink_chain_and_dangling (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *deep = g_build_filename (dir, "deep", "inner", NULL);
  g_autofree char *linked_folder = g_build_filename (dir, "work", NULL);
  g_autofree char *target = g_build_filename (dir, "deep", "plan.consenso", NULL);
  g_autofree char *decoy = g_build_filename (dir, "plan.consenso", NULL);
  g_autofree char *middle = g_build_filename (deep, "middle.consenso", NULL);
  g_autofree char *first = g_build_filename (dir, "first.consenso", NULL);
  g_autofree char *dangling = g_build_filename (dir, "later.consenso", NULL);
  g_autofree char *not_yet = g_build_filename (dir, "deep", "not-yet.consenso", NULL);
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = NULL;

  g_assert_cmpint (g_mkdir_with_parents (deep, 0755), ==, 0);
  g_assert_cmpint (symlink (deep, linked_folder), ==, 0);
  write_draft (target, "Managua");
  write_draft (decoy, "decoy");
  /* first.consenso → (absolute) work/middle.consenso → (relative) ../plan.consenso */
  g_assert_cmpint (symlink ("../plan.consenso", middle), ==, 0);
  {
    g_autofree char *through_folder = g_build_filename (linked_folder, "middle.consenso", NULL);
    g_assert_cmpint (symlink (through_folder, first), ==, 0);
  }

  draft = load_path (first);
  g_assert_cmpstr (get_venue (draft), ==, "Managua");
  edit (draft, "Panamá");
  save_path (draft, first);
  venue = read_venue (target);
  g_assert_cmpstr (venue, ==, "Panamá");
  g_free (venue);
  venue = read_venue (decoy);
  g_assert_cmpstr (venue, ==, "decoy");
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (middle, G_FILE_TEST_IS_SYMLINK));

  /* Save As onto a link whose target does not exist yet: the target is made, the link stays. */
  g_assert_cmpint (symlink ("deep/not-yet.consenso", dangling), ==, 0);
  save_path (draft, dangling);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_free (venue);
  venue = read_venue (not_yet);
  g_assert_cmpstr (venue, ==, "Panamá");

  remove_tree (dir);
}

/* Links in a loop: a clear message, nothing written, the draft still modified. */
static void
test_symlink_loop (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.consenso", NULL);
  g_autofree char *b = g_build_filename (dir, "b.consenso", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.consenso", a), ==, 0);
  g_assert_cmpint (symlink ("a.consenso", b), ==, 0);
  edit (draft, "Lima");

  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, "Cannot save a.consenso: Too many levels of symbolic links");
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_null (csn_draft_get_file (draft));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_tree (dir);
}

/* A colleague saved the shared draft after it was opened here: the save refuses, their edit stays
 * on disk byte for byte, and only an explicit "overwrite" replaces it (kept then as NAME~). */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  write_draft (path, "Managua");
  draft = load_path (path);
  g_assert_nonnull (csn_draft_get_file_stamp (draft));
  edit (draft, "Mine");

  /* Theirs: another size (the same size is the next test). */
  write_draft (path, "Theirs, from the other co-chair");
  theirs = read_file (path);

  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK);
  g_assert_cmpstr (error->message, ==, "draft.consenso was changed on disk after Consenso read or saved "
                                       "it; saving would overwrite that change");
  g_clear_error (&error);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (csn_draft_get_modified (draft));

  /* From the worker thread, the same. */
  g_assert_false (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_NONE, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_free (on_disk);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, theirs);

  /* "Overwrite": mine on disk, theirs kept as the backup. */
  g_assert_true (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Mine");
  g_free (on_disk);
  on_disk = read_file (backup);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_false (csn_draft_get_modified (draft));

  /* The save remembered what it wrote: the next one goes through. */
  edit (draft, "Mine, later");
  save_path (draft, path);
  g_free (venue);
  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Mine, later");

  remove_tree (dir);
}

/* Same size and another modification time, or the other way round: still someone else's edit. */
static void
test_changed_on_disk_same_size (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct utimbuf later;
  struct timespec same_time[2];
  GStatBuf before, after;

  write_draft (path, "Managua");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  same_time[0] = before.st_atim;
  same_time[1] = before.st_mtim;
  draft = load_path (path);
  edit (draft, "Mine");

  write_draft (path, "Managuo");
  later.actime = later.modtime = before.st_mtime + 1;
  g_assert_cmpint (g_utime (path, &later), ==, 0);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  theirs = read_file (path);

  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, theirs);

  /* The same modification time to the nanosecond (a coarse clock, a copy keeping times), another
   * size: still someone else's edit. */
  g_clear_object (&draft);
  write_draft (path, "Managua");
  g_assert_cmpint (utimensat (AT_FDCWD, path, same_time, 0), ==, 0);
  draft = load_path (path);
  edit (draft, "Mine");
  write_draft (path, "Their longer venue");
  g_assert_cmpint (utimensat (AT_FDCWD, path, same_time, 0), ==, 0);
  g_free (theirs);
  theirs = read_file (path);
  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK);
  g_free (on_disk);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, theirs);

  remove_tree (dir);
}

/* Deleted on disk since it was opened: saving puts it back, nobody's edit is lost. Saved elsewhere:
 * no check against a file the draft never read. */
static void
test_deleted_or_saved_elsewhere (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *other = g_build_filename (dir, "other.consenso", NULL);
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = NULL;

  write_draft (path, "Managua");
  draft = load_path (path);
  edit (draft, "Mine");
  g_assert_cmpint (g_unlink (path), ==, 0);
  save_path (draft, path);
  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Mine");

  write_draft (other, "Someone's");
  write_draft (path, "Theirs");
  save_path (draft, other);
  g_free (venue);
  venue = read_venue (other);
  g_assert_cmpstr (venue, ==, "Mine");

  remove_tree (dir);
}

/* A read-only draft is refused with a clear message (also for root), and stays as it was. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "final.consenso", NULL);
  g_autofree char *copy = g_build_filename (dir, "final-copy.consenso", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_draft (path, "Managua");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = read_file (path);
  draft = load_path (path);
  edit (draft, "Mine");

  g_assert_false (csn_draft_save_to_file (draft, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "final.consenso is read-only; save the draft under another name");
  g_clear_error (&error);
  g_assert_false (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_OVERWRITE, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ_ONLY);

  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Save As works. */
  save_path (draft, copy);
  g_assert_false (csn_draft_get_modified (draft));

  g_chmod (path, 0644);
  remove_tree (dir);
}

/* A group this user may give a file to, other than the one new files get; 0 if none. */
static gid_t
find_other_group (void)
{
  gid_t groups[256];
  int n = getgroups (G_N_ELEMENTS (groups), groups);

  if (geteuid () == 0)
    return getegid () == 4242 ? 4243 : 4242;
  for (int i = 0; i < n; i++)
    if (groups[i] != getegid ())
      return groups[i];
  return 0;
}

/* A shared draft keeps its mode and its group (and, for root, its owner). */
static void
test_mode_and_group (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.consenso", NULL);
  g_autoptr(CsnDraft) draft = NULL;
  gid_t group = find_other_group ();
  uid_t owner = geteuid () == 0 ? 4244 : geteuid ();
  GStatBuf st;

  write_draft (path, "Managua");
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  if (group != 0)
    g_assert_cmpint (chown (path, owner, group), ==, 0);
  draft = load_path (path);

  edit (draft, "Mine");
  save_path (draft, path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0664);
  if (group == 0)
    {
      g_test_skip ("this user belongs to one group only: the group is not tested");
      remove_tree (dir);
      return;
    }
  g_assert_cmpint (st.st_gid, ==, group);
  g_assert_cmpint (st.st_uid, ==, owner);

  /* Private stays private. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  edit (draft, "Mine again");
  g_assert_true (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_NONE, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (st.st_gid, ==, group);

  remove_tree (dir);
}

/* A new draft file gets the usual mode (umask 022 here) and no backup. */
static void
test_new_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.consenso", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_nonnull (csn_draft_get_file_stamp (draft));

  remove_tree (dir);
}

/* A hard link stays one file: every name gets the new content (written in place, as GLib does), and
 * NAME~ keeps the old one whole first. */
static void
test_hard_link (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.consenso", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  GStatBuf st;

  write_draft (path, "Managua");
  g_assert_cmpint (link (path, other), ==, 0);
  draft = load_path (path);
  edit (draft, "Mine");
  save_path (draft, path);

  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Mine");
  g_free (venue);
  venue = read_venue (other);
  g_assert_cmpstr (venue, ==, "Mine");
  g_free (venue);
  venue = read_venue (backup);
  g_assert_cmpstr (venue, ==, "Managua");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_nlink, ==, 2);

  remove_tree (dir);
}

/* A full disk (a file size limit, which binds root too) during a save from the worker thread: the
 * old file whole, no backup made of it, no temporary file left, the draft still modified. */
static void
test_failure_from_worker (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;
  struct rlimit saved_limit, limit;
  gboolean ok;

  save_path (draft, path);
  before = read_file (path);
  edit (draft, "Mine");

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = save_async_and_wait (draft, path, CSN_DRAFT_SAVE_NONE, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);

  g_assert_false (ok);
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, "Cannot save draft.consenso: Error writing to file: File too large");
  g_assert_true (csn_draft_get_modified (draft));
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

/* Edits made while the worker writes are not in the file: the draft stays modified. */
static void
test_edit_while_saving (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  edit (draft, "Written");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_saved_cb, &wait);
  edit (draft, "Typed during the save");
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Written");
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_true (g_file_equal (csn_draft_get_file (draft), file));

  /* The next save is not taken for someone else's edit, and leaves the draft saved. */
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_saved_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_false (csn_draft_get_modified (draft));
  g_free (venue);
  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Typed during the save");

  g_main_loop_unref (wait.loop);
  remove_tree (dir);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *order;
} Queue;

static void
on_queued_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Queue *queue = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (csn_draft_save_finish (CSN_DRAFT (source), result, &error));
  g_assert_no_error (error);
  g_ptr_array_add (queue->order, g_strdup (get_venue (CSN_DRAFT (source))));
  if (queue->order->len == 3)
    g_main_loop_quit (queue->loop);
}

/* Saves asked for at once run one after the other, each with the draft as it was when its turn came;
 * none is taken for someone else's edit. */
static void
test_saves_in_a_row (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *venue = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  Queue queue = { g_main_loop_new (NULL, FALSE), order };

  save_path (draft, path);
  edit (draft, "One");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_queued_saved_cb, &queue);
  edit (draft, "Two");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_queued_saved_cb, &queue);
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_queued_saved_cb, &queue);
  g_main_loop_run (queue.loop);

  g_assert_cmpuint (order->len, ==, 3);
  venue = read_venue (path);
  g_assert_cmpstr (venue, ==, "Two");
  g_assert_false (csn_draft_get_modified (draft));

  g_main_loop_unref (queue.loop);
  remove_tree (dir);
}

/* A cancelled save says so and leaves the file as it was (@before), alone in its folder; the draft
 * stays modified. Takes @error. */
static void
assert_cancelled (gboolean    ok,
                  GError     *error,
                  CsnDraft   *draft,
                  const char *dir,
                  const char *path,
                  const char *before)
{
  g_autofree char *after = read_file (path);

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_error_free (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (csn_draft_get_modified (draft));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A save cancelled before it starts writes nothing. */
static void
test_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *before = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  save_path (draft, path);
  before = read_file (path);
  edit (draft, "Mine");
  g_cancellable_cancel (cancellable);
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, cancellable, on_saved_cb, &wait);
  g_main_loop_run (wait.loop);
  assert_cancelled (wait.ok, wait.error, draft, dir, path, before);

  g_main_loop_unref (wait.loop);
  remove_tree (dir);
}

static gboolean
file_has_venue (const char *path,
                const char *venue)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, venue) != NULL;
}

/* Cancelled once the file is written, before the answer arrives: the draft knows what is on disk
 * (saved, and the next save is not taken for someone else's edit). */
static void
test_cancelled_after_writing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  save_path (draft, path);
  edit (draft, "Written by the worker");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, cancellable, on_saved_cb, &wait);
  /* The worker writes without the main loop; the answer waits for it. */
  while (!file_has_venue (path, "Written by the worker") && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (wait.loop);

  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_false (csn_draft_get_modified (draft));
  edit (draft, "Again");
  g_assert_true (csn_draft_save_to_file (draft, file, &error));
  g_assert_no_error (error);

  g_main_loop_unref (wait.loop);
  remove_tree (dir);
}

/* A save waited for one iteration of the main context at a time. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_iterations;  /* before the answer */
} SliceWait;

static void
on_sliced_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SliceWait *wait = user_data;

  wait->ok = csn_draft_save_finish (CSN_DRAFT (source), result, &wait->error);
  wait->done = TRUE;
}

/* A draft of some 430 items (a twentieth of the large draft of issue 16), saved with its slices as
 * short as they can be: a few dozen items each. */
static CsnDraft *
new_sliced_draft (void)
{
  BenchDraftSize size = BENCH_DRAFT_SIZE_LARGE;
  CsnDraft *draft;

  bench_draft_size_scale (&size, 0.05);
  draft = bench_draft_generate (&size);
  csn_draft_set_save_slice (draft, 0);
  return draft;
}

static CsnDraft *
start_sliced_save (const char *path,
                   SliceWait  *wait)
{
  CsnDraft *draft = new_sliced_draft ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  edit (draft, "Written in slices");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, NULL, on_sliced_saved_cb, wait);
  return draft;
}

/* One slice (or the worker's answer); fails rather than waits for good if the save is over. */
static void
iterate_once (SliceWait *wait)
{
  g_assert_false (wait->done);
  g_main_context_iteration (NULL, TRUE);
}

static void
iterate_until_saved (SliceWait *wait)
{
  while (!wait->done)
    {
      g_main_context_iteration (NULL, TRUE);
      wait->n_iterations++;
    }
}

/* The save ended well, and its file holds @venue. */
static void
assert_saved_with_venue (SliceWait  *wait,
                         const char *path,
                         const char *venue)
{
  g_autofree char *saved = NULL;

  g_assert_no_error (wait->error);
  g_assert_true (wait->ok);
  saved = read_venue (path);
  g_assert_cmpstr (saved, ==, venue);
}

/* A draft too large to write out within a frame is written out between frames: the call returns with
 * nothing written, and the file is the draft as the synchronous save writes it. */
static void
test_slices_between_frames (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.consenso", NULL);
  SliceWait wait = { 0 };
  g_autoptr(CsnDraft) draft = start_sliced_save (path, &wait);
  g_autoptr(CsnDraft) saved = NULL;
  g_autoptr(CsnDraft) sync_saved = NULL;
  g_autofree char *content = NULL;
  g_autofree char *sync_content = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (csn_draft_get_modified (draft));
  iterate_until_saved (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  /* The items in slices of a few dozen, and the worker's answer. */
  g_assert_cmpuint (wait.n_iterations, >, 10);
  g_assert_false (csn_draft_get_modified (draft));

  save_path (draft, sync_path);
  saved = load_path (path);
  sync_saved = load_path (sync_path);
  content = csn_draft_content_to_data (saved, NULL);
  sync_content = csn_draft_content_to_data (sync_saved, NULL);
  g_assert_cmpstr (content, ==, sync_content);
  g_assert_cmpstr (get_venue (saved), ==, "Written in slices");

  remove_tree (dir);
}

/* An edit between two slices begins the writing again: the file holds it, and the draft is saved. */
static void
test_slices_edit_between (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  SliceWait wait = { 0 };
  g_autoptr(CsnDraft) draft = start_sliced_save (path, &wait);

  iterate_once (&wait);
  iterate_once (&wait);
  g_assert_false (wait.done);
  edit (draft, "Edited between two slices");
  iterate_until_saved (&wait);
  assert_saved_with_venue (&wait, path, "Edited between two slices");
  g_assert_false (csn_draft_get_modified (draft));

  remove_tree (dir);
}

/* Edits at every slice do not hold the save back for good: after three, the rest is written at once,
 * and the edits that come while the worker writes keep the draft modified. */
static void
test_slices_edits_keep_coming (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  SliceWait wait = { 0 };
  g_autoptr(CsnDraft) draft = start_sliced_save (path, &wait);
  guint n_edits = 0;

  while (!wait.done)
    {
      g_autofree char *text = g_strdup_printf ("Edit %u", ++n_edits);

      edit (draft, text);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (n_edits, >, 3);
  assert_saved_with_venue (&wait, path, "Edit 3");
  g_assert_true (csn_draft_get_modified (draft));

  remove_tree (dir);
}

/* Cancelled between two slices (the window went): the file is left as it was. */
static void
test_slices_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *before = NULL;
  g_autoptr(CsnDraft) draft = new_sliced_draft ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SliceWait wait = { 0 };

  save_path (draft, path);
  before = read_file (path);
  edit (draft, "Never written");
  csn_draft_save_async (draft, file, CSN_DRAFT_SAVE_NONE, cancellable, on_sliced_saved_cb, &wait);
  iterate_once (&wait);
  g_assert_false (wait.done);
  g_cancellable_cancel (cancellable);
  iterate_until_saved (&wait);
  assert_cancelled (wait.ok, wait.error, draft, dir, path, before);

  remove_tree (dir);
}

/* The hidden files the user keeps beside a draft are theirs: only the export's own temporary files,
 * recognisable by name and owner, are cleaned up, and only once over an hour old. */
static void
test_stale_temporary_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *draft_path = g_build_filename (dir, "draft.consenso", NULL);
  g_autofree char *target = g_build_filename (dir, "out.xlsx", NULL);
  const char *users[] = {
    ".draft.consenso.backup", ".draft.consenso.Ab12Cd", ".out.xlsx.backup", ".out.xlsx.Ab12Cd",
    ".out.xlsx.Ab-2Cd.consenso-tmp", ".other.xlsx.Ab12Cd.consenso-tmp",
  };
  g_autofree char *stale = g_build_filename (dir, ".out.xlsx.Ab12Cd.consenso-tmp", NULL);
  g_autofree char *recent = g_build_filename (dir, ".out.xlsx.Ef34Gh.consenso-tmp", NULL);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(GError) error = NULL;
  g_autofree char *temp = NULL;
  struct utimbuf two_hours_ago;
  int fd;

  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 2 * 60 * 60;
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *path = g_build_filename (dir, users[i], NULL);

      write_file (path, "the user's own");
      g_assert_cmpint (g_utime (path, &two_hours_ago), ==, 0);
    }
  write_file (stale, "{\"partial");
  g_assert_cmpint (g_utime (stale, &two_hours_ago), ==, 0);
  write_file (recent, "{\"partial");

  save_path (draft, draft_path);
  save_path (draft, draft_path);
  temp = csn_safe_file_create_temp (target, &fd, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (csn_safe_file_commit (temp, target, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));  /* maybe an export under way */
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *path = g_build_filename (dir, users[i], NULL);
      g_autofree char *contents = read_file (path);

      g_assert_cmpstr (contents, ==, "the user's own");
    }

  remove_tree (dir);
}

/* Names up to the longest a folder allows open, save again and export beside themselves. */
static void
test_long_names (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GString) accented = g_string_new (NULL);
  g_autofree char *ascii = g_strnfill (255 - strlen (".consenso"), 'x');
  g_autofree char *xlsx = g_strnfill (255 - strlen (".xlsx"), 'y');
  const char *names[3];

  /* 2-byte characters: a name that cannot be cut at every byte. */
  while (accented->len + strlen ("ñ") + strlen (".consenso") <= 255)
    g_string_append (accented, "ñ");
  if (accented->len + strlen (".consenso") < 255)
    g_string_append (accented, "a");
  names[0] = accented->str;
  names[1] = ascii;
  names[2] = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".consenso", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *venue = NULL;
      g_autoptr(CsnDraft) draft = NULL;

      g_assert_cmpuint (strlen (name), ==, 255);
      write_draft (path, "Managua");
      draft = load_path (path);
      edit (draft, "Mine");
      save_path (draft, path);
      edit (draft, "Mine again");
      g_assert_true (save_async_and_wait (draft, path, CSN_DRAFT_SAVE_NONE, NULL));
      venue = read_venue (path);
      g_assert_cmpstr (venue, ==, "Mine again");
      /* "NAME~" would be longer than any name: there is none, and nothing else is left. */
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_unlink (path);
    }

  {
    g_autofree char *name = g_strconcat (xlsx, ".xlsx", NULL);
    g_autofree char *target = g_build_filename (dir, name, NULL);
    g_autofree char *temp = NULL;
    g_autofree char *temp_name = NULL;
    g_autoptr(GError) error = NULL;
    int fd;

    g_assert_cmpuint (strlen (name), ==, 255);
    temp = csn_safe_file_create_temp (target, &fd, &error);
    g_assert_no_error (error);
    temp_name = g_path_get_basename (temp);
    g_assert_cmpuint (strlen (temp_name), <=, 255);
    g_assert_cmpint (write (fd, "workbook", 8), ==, 8);
    close (fd);
    g_assert_true (csn_safe_file_commit (temp, target, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_entries (dir), ==, 1);
  }

  remove_tree (dir);
}

/* A draft restored after a crash still refuses to overwrite a colleague's later edit. */
static void
test_restored_draft_keeps_stamp (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery_dir = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnRecovery) recovery = NULL;
  g_autoptr(CsnRecovery) restored = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsnDraft *again;

  write_draft (path, "Managua");
  draft = load_path (path);
  recovery = csn_recovery_new (draft, recovery_dir);
  edit (draft, "Mine");
  g_assert_true (csn_recovery_flush (recovery, &error));
  g_assert_no_error (error);

  write_draft (path, "Theirs");
  restored = csn_recovery_restore (csn_recovery_get_path (recovery), &error);
  g_assert_no_error (error);
  again = csn_recovery_get_draft (restored);
  g_assert_cmpstr (get_venue (again), ==, "Mine");
  g_assert_false (csn_draft_save_to_file (again, file, &error));
  g_assert_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK);

  csn_recovery_discard (restored);
  csn_recovery_discard (recovery);
  remove_tree (dir);
}

/* The recovery folder is this program's own: a temporary copy a kill left there goes once stale. */
static void
test_recovery_stale_temporary_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *stale = g_build_filename (dir, "4f9e6c1a-0000-4000-8000-000000000001.consenso.Ab12Cd",
                                             NULL);
  g_autofree char *stale_sidecar = g_build_filename (dir, "4f9e6c1a-0000-4000-8000-000000000001.json.Xy12Zw",
                                                     NULL);
  g_autofree char *recent = g_build_filename (dir, "4f9e6c1a-0000-4000-8000-000000000002.consenso.Ef34Gh",
                                              NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt.Ab12Cd", NULL);
  g_autoptr(GPtrArray) files = NULL;
  struct utimbuf two_hours_ago;

  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 2 * 60 * 60;
  write_file (stale, "{");
  write_file (stale_sidecar, "{");
  write_file (recent, "{");
  write_file (other, "kept");
  g_assert_cmpint (g_utime (stale, &two_hours_ago), ==, 0);
  g_assert_cmpint (g_utime (stale_sidecar, &two_hours_ago), ==, 0);
  g_assert_cmpint (g_utime (other, &two_hours_ago), ==, 0);

  files = csn_recovery_list_files (dir);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_sidecar, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

/* A sidecar cut short or not this program's leaves the copy offered and restored, under the name of
 * an untitled draft; an empty one (a full disk) used to trip a json-glib assertion. */
static void
test_recovery_damaged_sidecar (void)
{
  const char *sidecars[] = { "", "{", "[1, 2]", "null", "{\"file\": 7, \"saved\": [], \"file_size\": \"x\"}",
                             "{\"file\": \"not a uri\", \"saved\": \"yesterday\"}" };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *recovery_dir = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(CsnRecovery) recovery = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *sidecar = NULL;

  write_draft (path, "Managua");
  draft = load_path (path);
  recovery = csn_recovery_new (draft, recovery_dir);
  edit (draft, "Mine");
  g_assert_true (csn_recovery_flush (recovery, &error));
  g_assert_no_error (error);
  stem = g_strndup (csn_recovery_get_path (recovery), strlen (csn_recovery_get_path (recovery)) - strlen (".consenso"));
  sidecar = g_strconcat (stem, ".json", NULL);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autoptr(CsnRecovery) restored = NULL;
      g_autoptr(GDateTime) saved_time = NULL;
      g_autofree char *name = NULL;
      g_autofree char *restored_name = NULL;

      /* Written anew, not in place: GLib 2.74's in-place write (G_FILE_SET_CONTENTS_NONE) leaves the
       * rest of a longer earlier sidecar behind. */
      g_assert_true (g_file_set_contents (sidecar, sidecars[i], -1, &error));
      g_assert_true (csn_recovery_peek (csn_recovery_get_path (recovery), &name, &saved_time, &error));
      g_assert_no_error (error);
      g_assert_nonnull (saved_time);
      restored = csn_recovery_restore (csn_recovery_get_path (recovery), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (get_venue (csn_recovery_get_draft (restored)), ==, "Mine");
      g_assert_null (csn_draft_get_file (csn_recovery_get_draft (restored)));
      restored_name = csn_draft_dup_display_name (csn_recovery_get_draft (restored));
      g_assert_cmpstr (restored_name, ==, name);
    }

  csn_recovery_discard (recovery);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  umask (022);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/symlink/relative", test_symlink_relative);
  g_test_add_func ("/save/symlink/chain-and-dangling", test_symlink_chain_and_dangling);
  g_test_add_func ("/save/symlink/loop", test_symlink_loop);
  g_test_add_func ("/save/changed-on-disk/refused", test_changed_on_disk);
  g_test_add_func ("/save/changed-on-disk/same-size", test_changed_on_disk_same_size);
  g_test_add_func ("/save/changed-on-disk/deleted-or-elsewhere", test_deleted_or_saved_elsewhere);
  g_test_add_func ("/save/read-only", test_read_only);
  g_test_add_func ("/save/mode-and-group", test_mode_and_group);
  g_test_add_func ("/save/new-file", test_new_file);
  g_test_add_func ("/save/hard-link", test_hard_link);
  g_test_add_func ("/save/worker/failure", test_failure_from_worker);
  g_test_add_func ("/save/worker/edit-while-saving", test_edit_while_saving);
  g_test_add_func ("/save/worker/in-a-row", test_saves_in_a_row);
  g_test_add_func ("/save/worker/cancelled", test_cancelled);
  g_test_add_func ("/save/worker/cancelled-after-writing", test_cancelled_after_writing);
  g_test_add_func ("/save/slices/between-frames", test_slices_between_frames);
  g_test_add_func ("/save/slices/edit-between", test_slices_edit_between);
  g_test_add_func ("/save/slices/edits-keep-coming", test_slices_edits_keep_coming);
  g_test_add_func ("/save/slices/cancelled", test_slices_cancelled);
  g_test_add_func ("/save/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/save/long-names", test_long_names);
  g_test_add_func ("/save/recovery/keeps-stamp", test_restored_draft_keeps_stamp);
  g_test_add_func ("/save/recovery/damaged-sidecar", test_recovery_damaged_sidecar);
  g_test_add_func ("/save/recovery/stale-temporary-files", test_recovery_stale_temporary_files);

  return g_test_run ();
}
