/* save-gate.c: holds a save's worker thread at its last step until the test lets it finish.
 *
 * A save ends by flushing its folder (fsync on the folder, in csn-safe-file.c) once the new file
 * is in place. This file defines fsync() for the test program alone: a call for the folder given
 * to save_gate_close() waits until save_gate_open(), so a test sees the window while a save is
 * under way for as long as it likes, and Consenso's code holds no hook for it. A call from the
 * main thread fails the test at once: that save would have frozen the window.
 *
 * save_gate_close_files() holds the flush of any file written in a folder instead: the recovery
 * copy is written with g_file_set_contents_full(), which flushes the file, not its folder. */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include "save-gate.h"

static GMutex lock;
static GCond changed;
static char *gated_folder;  /* the folder whose flush waits, as the kernel names it; NULL: none */
static gboolean gate_files; /* the flush of a file in @gated_folder waits, not the folder's */
static guint n_held;
static GThread *main_thread;

typedef int (*FsyncFunc) (int fd);

static FsyncFunc
get_real_fsync (void)
{
  static gsize real = 0;

  if (g_once_init_enter (&real))
    g_once_init_leave (&real, (gsize) dlsym (RTLD_NEXT, "fsync"));
  return (FsyncFunc) real;
}

/* The folder @fd is open on, or with @files the folder of the regular file @fd is open on, as the
 * kernel names it; NULL for anything else. */
static char *
dup_folder_path (int      fd,
                 gboolean files)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autofree char *path = NULL;
  struct stat st;

  if (fstat (fd, &st) != 0 || !(files ? S_ISREG (st.st_mode) : S_ISDIR (st.st_mode)))
    return NULL;
  path = g_file_read_link (link, NULL);
  if (path == NULL || !files)
    return g_steal_pointer (&path);
  return g_path_get_dirname (path);
}

int
fsync (int fd)
{
  g_autofree char *folder = NULL;

  g_mutex_lock (&lock);
  if (gated_folder != NULL && (folder = dup_folder_path (fd, gate_files)) != NULL &&
      g_str_equal (folder, gated_folder))
    {
      if (g_thread_self () == main_thread)
        g_error ("A save flushed %s on the main thread: the window would freeze", folder);
      n_held++;
      g_cond_broadcast (&changed);
      while (gated_folder != NULL)
        g_cond_wait (&changed, &lock);
      n_held--;
    }
  g_mutex_unlock (&lock);

  return get_real_fsync () (fd);
}

static void
close_gate (const char *folder,
            gboolean    files)
{
  g_autofree char *real = realpath (folder, NULL);

  g_assert_nonnull (real);
  g_mutex_lock (&lock);
  main_thread = g_thread_self ();
  g_free (gated_folder);
  gated_folder = g_steal_pointer (&real);
  gate_files = files;
  g_mutex_unlock (&lock);
}

/* Saves into @folder wait at their last step until save_gate_open(); call from the main thread. */
void
save_gate_close (const char *folder)
{
  close_gate (folder, FALSE);
}

/* Files written into @folder wait before they are in place until save_gate_open(); call from the
 * main thread. */
void
save_gate_close_files (const char *folder)
{
  close_gate (folder, TRUE);
}

/* Lets the held saves, and later ones, finish. */
void
save_gate_open (void)
{
  g_mutex_lock (&lock);
  g_clear_pointer (&gated_folder, g_free);
  g_cond_broadcast (&changed);
  g_mutex_unlock (&lock);
}

/* How many saves wait at the gate now. */
guint
save_gate_get_n_held (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_held;
  g_mutex_unlock (&lock);
  return n;
}
