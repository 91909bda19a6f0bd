/* fuzz-scratch.c: the files a fuzz target writes, in a folder of its own that goes with the run:
 * libFuzzer ends with exit(), and CI runs every target each time. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-scratch.h"

static char *directory;
static GPtrArray *paths;

static void
remove_scratch (void)
{
  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (directory);
}

/* The path of @name in the run's folder, made with the first call; the file goes at exit. */
char *
fuzz_scratch_path (const char *name)
{
  char *path;

  if (directory == NULL)
    {
      g_autoptr(GError) error = NULL;

      directory = g_dir_make_tmp ("consenso-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      paths = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_scratch);
    }
  path = g_build_filename (directory, name, NULL);
  g_ptr_array_add (paths, g_strdup (path));
  return path;
}
