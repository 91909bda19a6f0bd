/* test-text-diff.c: the words one version of a text changed from another, as the review page marks
 * them (no display needed). */
#include "config.h"

#include "csn-text-diff.h"

/* The marked spans of @text, "|"-separated. */
static char *
dup_marked (const char    *text,
            PangoAttrList *attrs)
{
  GSList *list = pango_attr_list_get_attributes (attrs);
  g_autoptr(GString) marked = g_string_new (NULL);

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type != PANGO_ATTR_WEIGHT)
        continue;
      g_assert_cmpuint (attr->end_index, <=, strlen (text));
      g_assert_true (g_utf8_validate (text + attr->start_index, attr->end_index - attr->start_index, NULL));
      if (marked->len > 0)
        g_string_append_c (marked, '|');
      g_string_append_len (marked, text + attr->start_index, attr->end_index - attr->start_index);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (g_steal_pointer (&marked), FALSE);
}

static void
check_diff (const char *old_text,
            const char *new_text,
            const char *old_marked,
            const char *new_marked)
{
  PangoAttrList *old_attrs = NULL;
  PangoAttrList *new_attrs = NULL;
  g_autofree char *old_found = NULL;
  g_autofree char *new_found = NULL;

  g_assert_true (csn_text_diff_words (old_text, new_text, &old_attrs, &new_attrs));
  old_found = dup_marked (old_text, old_attrs);
  new_found = dup_marked (new_text, new_attrs);
  g_assert_cmpstr (old_found, ==, old_marked);
  g_assert_cmpstr (new_found, ==, new_marked);
  pango_attr_list_unref (old_attrs);
  pango_attr_list_unref (new_attrs);
}

static void
test_words (void)
{
  check_diff ("Taller regional sobre trata de personas.", "Taller regional sobre trata de personas.", "", "");
  check_diff ("Taller regional sobre trata de personas.", "Seminario regional sobre trata y tráfico de personas.",
              "Taller", "Seminario|y tráfico");
  /* Punctuation apart from words; runs of changed words marked as one, with their spaces. */
  check_diff ("dentro de un año); mediano plazo: dos a tres ciclos de PPT.",
              "dentro de un año).",
              "; mediano plazo: dos a tres ciclos de PPT", "");
  check_diff ("Niñas, niños no acompañados", "Niñas y niños migrantes no acompañados", ",", "y|migrantes");
}

static void
test_no_marks (void)
{
  PangoAttrList *old_attrs = NULL;
  PangoAttrList *new_attrs = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  /* Nothing in common: marking all of it would say nothing. */
  g_assert_false (csn_text_diff_words ("Corto plazo", "Mediano", &old_attrs, &new_attrs));
  g_assert_null (old_attrs);
  g_assert_null (new_attrs);
  g_assert_false (csn_text_diff_words ("", "Algo", &old_attrs, &new_attrs));

  /* Too long to compare word by word. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (long_text, "palabra%u ", i);
  g_assert_false (csn_text_diff_words (long_text->str, long_text->str, &old_attrs, &new_attrs));
  g_assert_null (old_attrs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-diff/words", test_words);
  g_test_add_func ("/text-diff/no-marks", test_no_marks);

  return g_test_run ();
}
