/* csn-renderer.c: which of GTK's renderers draws Consenso's windows. */
#define G_LOG_DOMAIN "csn-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "csn-renderer.h"

/* Mesa's rasterizers that run on the processor. */
static const char * const software_rasterizers[] = { "llvmpipe", "softpipe", "Software Rasterizer" };

/* Whether @display's OpenGL draws on the processor: FALSE when it has no OpenGL at all (GTK falls
 * back to cairo itself) or a graphics card. */
static gboolean
gl_is_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *renderer;
  gboolean software = FALSE;

  if (!gdk_display_prepare_gl (display, NULL))
    return FALSE;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (software_rasterizers); i++)
    software |= strstr (renderer, software_rasterizers[i]) != NULL;
  g_debug ("OpenGL renderer: %s", renderer != NULL ? renderer : "(none)");
  gdk_gl_context_clear_current ();

  return software;
}

/**
 * csn_renderer_prefer_cairo_on_software_gl:
 * @display: the display the windows will be on, before any of them is realized
 *
 * Has GTK draw the windows on @display with its cairo renderer when the display's OpenGL is a
 * software rasterizer (a virtual machine, a remote desktop, a computer without a graphics driver),
 * unless the user chose a renderer with `GSK_RENDERER`.
 *
 * GTK 4.8 uses its OpenGL renderer whatever draws the OpenGL. On a software rasterizer every frame
 * then goes through a shader compiler and a rasterizer written for 3D: with Mesa's llvmpipe the
 * document's preview took 129 ms to show an edit instead of 19 ms with cairo, and opening the
 * template on a new account 1.04 s instead of 0.17 s, most of it compiling shaders. Consenso draws
 * text, lines and flat boxes, which cairo draws directly. Later GTK versions also refuse their new
 * OpenGL renderer on llvmpipe.
 *
 * Returns: whether the cairo renderer was chosen
 */
gboolean
csn_renderer_prefer_cairo_on_software_gl (GdkDisplay *display)
{
  const char *chosen = g_getenv ("GSK_RENDERER");

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if ((chosen != NULL && *chosen != '\0') || !gl_is_software (display))
    return FALSE;

  /* Asked for by GTK before its environment variable and its own choice, for each new surface. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return TRUE;
}
