/* test-save-crash.c: a saver killed at random moments leaves the old or the new file, never a torn one. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "consenso-core.h"

#define N_KILLS 200

static const char *self_path;

/* Version B differs from A throughout and is several times larger, so a kill often lands mid-write.
 * One draft holds both: B is one undoable step on top of A. */
static CsnDraft *
make_draft (gboolean b)
{
  CsnDraft *draft = csn_draft_new_from_template ();
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    g_string_append (notes, "Versión B de las notas. ");
  csn_draft_begin_group (draft, "B");
  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);
      csn_draft_set_string (draft, theme, "notes", notes->str);
    }
  csn_draft_end_group (draft);
  if (!b)
    csn_draft_undo (draft);
  return draft;
}

typedef struct
{
  CsnDraft  *draft;
  GFile     *file;
  GMainLoop *loop;
  guint      n_saves;
} Saver;

static void save_next_async (Saver *saver);

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Saver *saver = user_data;
  g_autoptr(GError) error = NULL;

  if (!csn_draft_save_finish (CSN_DRAFT (source), result, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  save_next_async (saver);
}

/* Saves A and B in turn: undo and redo switch between them, as a user's edits would. */
static void
save_next_async (Saver *saver)
{
  if (saver->n_saves++ % 2)
    csn_draft_undo (saver->draft);
  else
    csn_draft_redo (saver->draft);
  csn_draft_save_async (saver->draft, saver->file, CSN_DRAFT_SAVE_NONE, NULL, on_saved_cb, saver);
}

static int
run_saver (const char *mode,
           const char *path)
{
  g_autoptr(CsnDraft) draft = make_draft (FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* The file is A, as this draft last saw it; from here on only this draft writes it. */
  if (!csn_draft_save_to_file (draft, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Tell the parent the draft is built: its clock starts now. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 1;

  if (g_str_equal (mode, "--saver-async"))
    {
      Saver saver = { draft, file, g_main_loop_new (NULL, FALSE), 0 };

      /* The path the window takes: the worker thread is killed mid-write. */
      save_next_async (&saver);
      g_main_loop_run (saver.loop);
      return 1;
    }

  for (guint i = 0;; i++)
    {
      if (i % 2)
        csn_draft_undo (draft);
      else
        csn_draft_redo (draft);
      if (!csn_draft_save_to_file (draft, file, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
}

/* The file's content without its lineage (each save is a new revision), or NULL if it is torn. */
static char *
dup_content (const char *contents)
{
  g_autoptr(CsnDraft) draft = csn_draft_load_from_data (contents, strlen (contents), "draft.consenso", NULL);

  return draft != NULL ? csn_draft_content_to_data (draft, NULL) : NULL;
}

static void
test_killed_while_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("consenso-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "draft.consenso", NULL);
  g_autoptr(CsnDraft) a = make_draft (FALSE);
  g_autoptr(CsnDraft) b = make_draft (TRUE);
  g_autofree char *a_data = csn_draft_content_to_data (a, NULL);
  g_autofree char *b_data = csn_draft_content_to_data (b, NULL);
  guint saw_a = 0, saw_b = 0, saw_leftover[2] = { 0, 0 };

  g_autofree char *scratch = g_build_filename (dir, "scratch.consenso", NULL);
  g_autoptr(GFile) scratch_file = g_file_new_for_path (scratch);
  gint64 start, save_usec;

  g_assert_no_error (error);

  /* Kills land within three saves of B, however fast this machine (or sanitizer build) is. */
  start = g_get_monotonic_time ();
  g_assert_true (csn_draft_save_to_file (b, scratch_file, &error));
  save_usec = MAX (g_get_monotonic_time () - start, 1000);
  g_unlink (scratch);

  for (guint i = 0; i < N_KILLS; i++)
    {
      /* Half the kills hit the synchronous save, half the worker thread of the asynchronous one. */
      const char *argv[] = { self_path, i % 2 ? "--saver-async" : "--saver-sync", path, NULL };
      g_autofree char *contents = NULL;
      g_autofree char *content = NULL;
      g_autoptr(GDir) handle = NULL;
      const char *name;
      char ready;
      GPid pid;
      int status;
      int out_fd;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      close (out_fd);
      g_usleep (g_test_rand_int_range (0, (gint32) MIN (save_usec * 3, G_MAXINT32)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      content = dup_content (contents);
      if (g_strcmp0 (content, a_data) == 0)
        saw_a++;
      else if (g_strcmp0 (content, b_data) == 0)
        saw_b++;
      else
        g_error ("after kill %u the file is neither version (%zu bytes)", i, strlen (contents));

      /* A kill between writing and renaming leaves a hidden temporary file: clear it. */
      handle = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (handle)) != NULL)
        if (name[0] == '.')
          {
            g_autofree char *leftover = g_build_filename (dir, name, NULL);
            g_unlink (leftover);
            saw_leftover[i % 2]++;
          }
    }

  g_test_message ("one save of B: %" G_GINT64_FORMAT " us", save_usec);
  g_test_message ("%u kills: old version %u times, new version %u times, interrupted mid-write %u times "
                  "(synchronous save) and %u times (worker thread)",
                  N_KILLS, saw_a, saw_b, saw_leftover[0], saw_leftover[1]);
  /* The kills did interrupt saves on both paths, and both outcomes occurred. */
  g_assert_cmpuint (saw_leftover[0], >, 0);
  g_assert_cmpuint (saw_leftover[1], >, 0);
  g_assert_cmpuint (saw_a, >, 0);
  g_assert_cmpuint (saw_b, >, 0);

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_unlink (backup);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_has_prefix (argv[1], "--saver-"))
    return run_saver (argv[1], argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/killed-while-saving", test_killed_while_saving);
  return g_test_run ();
}
