/* test-renderer.c: on a display whose OpenGL draws on the processor, Consenso's windows are drawn
 * with GTK's cairo renderer, unless the user chose one with GSK_RENDERER. Runs without the
 * GSK_RENDERER the other UI tests set. */
#include "config.h"

#include <epoxy/gl.h>

#include "csn-application.h"
#include "csn-draft.h"
#include "csn-renderer.h"
#include "csn-window.h"
#include "ui-test-util.h"

/* What draws the display's OpenGL, asked here without Consenso's code; NULL without OpenGL. */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  char *renderer;

  if (!gdk_display_prepare_gl (display, NULL) ||
      (context = gdk_display_create_gl_context (display, NULL)) == NULL ||
      !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return renderer;
}

/* A renderer the user chose is left alone (in a subprocess, started with GSK_RENDERER=gl). */
static void
test_user_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(CsnApplication) app = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  CsnWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_false (csn_renderer_prefer_cairo_on_software_gl (display));
  app = ui_test_create_application ();
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));

  /* GTK's OpenGL renderer, as asked, where the display has OpenGL. */
  draft = csn_draft_new_from_template ();
  window = ui_test_open_window (app, draft);
  if (gdk_display_prepare_gl (display, NULL))
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), ==, "GskGLRenderer");
  ui_test_close_window (window);
}

/* The application makes the choice as it starts, before its first window; the window then draws
 * with cairo on a software rasterizer (Xvfb's Mesa: llvmpipe or softpipe) and with GTK's own
 * choice on a graphics card. */
static void
test_application_window (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *gl_renderer = dup_gl_renderer (display);
  gboolean software = gl_renderer != NULL &&
                      (strstr (gl_renderer, "llvmpipe") != NULL || strstr (gl_renderer, "softpipe") != NULL);
  g_autoptr(CsnApplication) app = NULL;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window;
  const char *renderer_type;

  g_test_message ("OpenGL renderer: %s", gl_renderer != NULL ? gl_renderer : "(no OpenGL)");
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));

  app = ui_test_create_application ();
  g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, software ? "cairo" : NULL);

  window = ui_test_open_window (app, draft);
  renderer_type = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  if (software || gl_renderer == NULL)
    g_assert_cmpstr (renderer_type, ==, "GskCairoRenderer");
  else
    g_assert_cmpstr (renderer_type, !=, "GskCairoRenderer");
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GTK starts threads; GTK reads it once, for the first window. */
  if (g_strv_contains ((const char * const *) argv, "--GTestSubprocess"))
    g_setenv ("GSK_RENDERER", "gl", TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/renderer/user-choice", test_user_choice);
  g_test_add_func ("/renderer/application-window", test_application_window);
  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
