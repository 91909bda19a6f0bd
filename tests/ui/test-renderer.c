/* test-renderer.c: on a display whose OpenGL draws on the processor, Consenso's windows are drawn
 * with GTK's cairo renderer, unless the user chose one with GSK_RENDERER; and what they draw stays
 * cheap for it. Runs without the GSK_RENDERER the other UI tests set. */
#include "config.h"

#include <epoxy/gl.h>

#include "csn-application.h"
#include "csn-draft.h"
#include "csn-renderer.h"
#include "csn-translation-view.h"
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

/* A border node, as text: where it is, its widths and its colours. */
static char *
describe_border (GskRenderNode *node)
{
  const GdkRGBA *colors = gsk_border_node_get_colors (node);
  const float *widths = gsk_border_node_get_widths (node);
  g_autofree char *top = gdk_rgba_to_string (&colors[0]);
  g_autofree char *right = gdk_rgba_to_string (&colors[1]);
  g_autofree char *bottom = gdk_rgba_to_string (&colors[2]);
  g_autofree char *left = gdk_rgba_to_string (&colors[3]);
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  return g_strdup_printf ("%gx%g at %g,%g, widths %g %g %g %g, colours %s %s %s %s",
                          bounds.size.width, bounds.size.height, bounds.origin.x, bounds.origin.y,
                          widths[0], widths[1], widths[2], widths[3], top, right, bottom, left);
}

/* The child of a node that draws one, as GTK 4.8's nodes each name it; NULL for the others. */
static GskRenderNode *
get_only_child (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TRANSFORM_NODE:
      return gsk_transform_node_get_child (node);
    case GSK_CLIP_NODE:
      return gsk_clip_node_get_child (node);
    case GSK_ROUNDED_CLIP_NODE:
      return gsk_rounded_clip_node_get_child (node);
    case GSK_OPACITY_NODE:
      return gsk_opacity_node_get_child (node);
    case GSK_COLOR_MATRIX_NODE:
      return gsk_color_matrix_node_get_child (node);
    case GSK_SHADOW_NODE:
      return gsk_shadow_node_get_child (node);
    case GSK_DEBUG_NODE:
      return gsk_debug_node_get_child (node);
    default:
      return NULL;
    }
}

/* The borders of a render node tree whose sides differ in colour, each described; how many borders
 * there are, and the faintest left side drawn (the column separators). */
static void
collect_mixed_borders (GskRenderNode *node,
                       GPtrArray     *mixed,
                       guint         *n_borders,
                       float         *min_left_alpha)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_CONTAINER_NODE)
    {
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_mixed_borders (gsk_container_node_get_child (node, i), mixed, n_borders, min_left_alpha);
    }
  else if (type == GSK_BORDER_NODE)
    {
      const GdkRGBA *colors = gsk_border_node_get_colors (node);

      (*n_borders)++;
      if (gsk_border_node_get_widths (node)[3] > 0)
        *min_left_alpha = MIN (*min_left_alpha, colors[3].alpha);
      if (!gdk_rgba_equal (&colors[0], &colors[1]) || !gdk_rgba_equal (&colors[0], &colors[2]) ||
          !gdk_rgba_equal (&colors[0], &colors[3]))
        g_ptr_array_add (mixed, describe_border (node));
    }
  else if (get_only_child (node) != NULL)
    {
      collect_mixed_borders (get_only_child (node), mixed, n_borders, min_left_alpha);
    }
}

/* What @window draws once it has drawn two frames more, as GTK's renderers get it: @paintable, made
 * for the window, takes its image at its frames. */
static GskRenderNode *
snapshot_window (CsnWindow    *window,
                 GdkPaintable *paintable)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  ui_test_wait_for_frames (GTK_WIDGET (window), 2);
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  return gtk_snapshot_free_to_node (snapshot);
}

/* Every border the window draws has one colour on all four sides. GTK 4.8's cairo renderer fills a
 * border whose sides differ in colour (even those of no width) through a mesh gradient: on the large
 * draft's Theme Matrix, its 192 borders (144 of them the cells' column separators) took 6.7 million
 * instructions of the page's first frame, and 1.4 million as plain fills (callgrind). */
static void
check_one_colour_borders (gboolean high_contrast)
{
  static const char *pages[] = { "overview", "theme-matrix", "strategies", "mechanisms", "actors",
                                 "delegations", "endorsements", "document", "translation" };
  g_autoptr(CsnApplication) app = ui_test_create_application ();
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window = ui_test_open_window (app, draft);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GPtrArray) mixed = g_ptr_array_new_with_free_func (g_free);
      guint n_borders = 0;
      float min_left_alpha = 1;

      /* Translation mode's list shows no cells of the draft's items: its rows come with the frames
       * the snapshot waits for. */
      if (g_str_equal (pages[i], "translation"))
        {
          csn_window_translate_page (window, "strategies", CSN_TRANSLATION_FILTER_ALL);
          g_assert_true (csn_window_get_translation_mode (window));
        }
      else
        {
          csn_window_show_page (window, pages[i]);
          UI_TEST_WAIT_UNTIL (ui_test_lists_bound (GTK_WIDGET (window)));
        }
      node = snapshot_window (window, paintable);
      g_assert_nonnull (node);
      collect_mixed_borders (node, mixed, &n_borders, &min_left_alpha);
      g_test_message ("%s: %u borders", pages[i], n_borders);
      for (guint j = 0; j < mixed->len; j++)
        g_test_message ("%s: a border of sides in different colours: %s", pages[i], (char *) mixed->pdata[j]);
      g_assert_cmpuint (mixed->len, ==, 0);
      /* The walk reaches what the pages draw: the overview's rows, the lists' separators, translation
       * mode's rows (the Delegations have no participants in the template, and their countries no
       * separators). */
      if (!g_str_equal (pages[i], "delegations"))
        g_assert_cmpuint (n_borders, >, 0);
      /* The separators keep libadwaita's colours: high contrast's are 0.5 of the text's, not 0.15. */
      if (g_str_equal (pages[i], "theme-matrix") && high_contrast)
        g_assert_cmpfloat (min_left_alpha, >=, 0.3);
      else if (g_str_equal (pages[i], "theme-matrix"))
        g_assert_cmpfloat (min_left_alpha, <, 0.3);
    }
  ui_test_close_window (window);
}

static void
test_one_colour_borders (void)
{
  g_assert_false (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  check_one_colour_borders (FALSE);
}

/* In high contrast too, where libadwaita draws the separators in other colours (style-hc.css); in a
 * subprocess, started with ADW_DEBUG_HIGH_CONTRAST=1. */
static void
test_one_colour_borders_high_contrast (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  check_one_colour_borders (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  gboolean subprocess = g_strv_contains ((const char * const *) argv, "--GTestSubprocess");
  gboolean high_contrast = subprocess &&
                           g_strv_contains ((const char * const *) argv, "/renderer/high-contrast-borders");
  int status;

  /* Before GTK starts threads; GTK reads it once, for the first window, and libadwaita its high
   * contrast as it starts. */
  if (subprocess && !high_contrast)
    g_setenv ("GSK_RENDERER", "gl", TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  if (high_contrast)
    g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/renderer/user-choice", test_user_choice);
  g_test_add_func ("/renderer/application-window", test_application_window);
  g_test_add_func ("/renderer/one-colour-borders", test_one_colour_borders);
  g_test_add_func ("/renderer/high-contrast-borders", test_one_colour_borders_high_contrast);
  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
