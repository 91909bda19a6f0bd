/* test-accessibility.c: every control of the editor pages has an accessible label (test backend). */
#include "config.h"

#include "csn-actors-page.h"
#include "csn-delegations-page.h"
#include "csn-document-page.h"
#include "csn-endorsements-page.h"
#include "csn-mechanisms-page.h"
#include "csn-stance-strip.h"
#include "csn-strategies-page.h"
#include "csn-theme-matrix-page.h"
#include "positions-sample.h"
#include "ui-test-util.h"

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget))[0] != '\0';
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || CSN_IS_STANCE_STRIP (widget);
}

/* A control's parts (a drop-down's button, an entry's text) are labelled through the control. */
static void
check_controls (GtkWidget *widget,
                guint     *n_checked)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_control (widget))
    {
      g_autofree char *unlabelled = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                        "");
      gboolean labelled = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                            GTK_ACCESSIBLE_PROPERTY_LABEL) &&
                          unlabelled != NULL;

      if (!labelled && !(GTK_IS_BUTTON (widget) && has_visible_text (widget)))
        g_error ("%s (%s) has no accessible label", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_name (widget));
      (*n_checked)++;
      if (!GTK_IS_COLUMN_VIEW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_controls (child, n_checked);
}

static void
test_page_labels (gconstpointer data)
{
  GType page_type = GPOINTER_TO_SIZE (data);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  GtkWidget *page = g_object_new (page_type, "draft", draft, NULL);
  guint n_checked = 0;

  ui_test_show_page (page);
  check_controls (page, &n_checked);
  /* At least the toolbar: search, move up and down, remove, add. */
  g_assert_cmpuint (n_checked, >=, 5);
  ui_test_close (page);
}

static void
assert_property (GtkWidget               *widget,
                 GtkAccessibleProperty    property,
                 const char              *expected)
{
  g_autofree char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, expected);

  if (message != NULL)
    g_error ("%s", message);
}

/* A strip is one button to a screen reader: its name says the member state it is on, its
 * description all eleven and how to move; moving changes the name. */
static void
test_stance_strip (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  GtkWidget *page = g_object_new (CSN_TYPE_THEME_MATRIX_PAGE, "draft", draft, NULL);
  CsnItem *theme;
  CsnCell *strip = NULL;

  positions_sample_fill (draft);
  theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-3");
  ui_test_show_page (page);
  csn_theme_matrix_page_set_country_view (CSN_THEME_MATRIX_PAGE (page), "positions");
  UI_TEST_WAIT_UNTIL ((strip = ui_test_find_typed_cell (page, CSN_TYPE_STANCE_STRIP, theme, NULL)) != NULL);

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (strip), GTK_ACCESSIBLE_ROLE_BUTTON));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (strip), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP));
  assert_property (GTK_WIDGET (strip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                   "Belize: supports (noted in the meeting, 28 Sep 2011)");
  assert_property (GTK_WIDGET (strip), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                   "Positions of the member states: 1 supports; 1 supports with a reservation; 1 objects; "
                   "1 abstains; 1 no position; 6 no answer yet; Left and Right choose a member state, "
                   "Enter edits its position.");
  csn_stance_strip_set_current (CSN_STANCE_STRIP (strip), 2);
  assert_property (GTK_WIDGET (strip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                   "Costa Rica: objects — “Costa Rica prefiere el mediano plazo.” (noted in the meeting, 28 Sep 2011)");
  ui_test_close (page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/accessibility/theme-matrix", GSIZE_TO_POINTER (CSN_TYPE_THEME_MATRIX_PAGE), test_page_labels);
  g_test_add_data_func ("/accessibility/strategies", GSIZE_TO_POINTER (CSN_TYPE_STRATEGIES_PAGE), test_page_labels);
  g_test_add_data_func ("/accessibility/mechanisms", GSIZE_TO_POINTER (CSN_TYPE_MECHANISMS_PAGE), test_page_labels);
  g_test_add_data_func ("/accessibility/actors", GSIZE_TO_POINTER (CSN_TYPE_ACTORS_PAGE), test_page_labels);
  g_test_add_data_func ("/accessibility/delegations", GSIZE_TO_POINTER (CSN_TYPE_DELEGATIONS_PAGE), test_page_labels);
  g_test_add_data_func ("/accessibility/endorsements", GSIZE_TO_POINTER (CSN_TYPE_ENDORSEMENTS_PAGE), test_page_labels);
  g_test_add_func ("/accessibility/stance-strip", test_stance_strip);
  g_test_add_data_func ("/accessibility/document", GSIZE_TO_POINTER (CSN_TYPE_DOCUMENT_PAGE), test_page_labels);

  return g_test_run ();
}
