/* save-gate.c: holds a save's worker thread at its last step until the test lets it finish.
 *
 * A save ends by flushing its folder (fsync on the folder, in csn-safe-file.c) once the new file
 * is in place. This file defines fsync() for the test program alone: a call for the folder given
 * to save_gate_close() waits until save_gate_open(), so a test sees the window while a save is
 * under way for as long as it likes, and Consenso's code holds no hook for it. A call from the
 * main thread fails the test at once: that save would have frozen the window. */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include "save-gate.h"

static GMutex lock;
static GCond changed;
static char *gated_folder;  /* the folder whose flush waits, as the kernel names it; NULL: none */
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

/* The folder @fd is open on, as the kernel names it, or NULL for anything else. */
static char *
dup_folder_path (int fd)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);
  struct stat st;

  if (fstat (fd, &st) != 0 || !S_ISDIR (st.st_mode))
    return NULL;
  return g_file_read_link (link, NULL);
}

int
fsync (int fd)
{
  g_autofree char *folder = NULL;

  g_mutex_lock (&lock);
  if (gated_folder != NULL && (folder = dup_folder_path (fd)) != NULL && g_str_equal (folder, gated_folder))
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

/* Saves into @folder wait at their last step until save_gate_open(); call from the main thread. */
void
save_gate_close (const char *folder)
{
  g_autofree char *real = realpath (folder, NULL);

  g_assert_nonnull (real);
  g_mutex_lock (&lock);
  main_thread = g_thread_self ();
  g_free (gated_folder);
  gated_folder = g_steal_pointer (&real);
  g_mutex_unlock (&lock);
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
