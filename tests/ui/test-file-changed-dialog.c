/* test-file-changed-dialog.c: the dialog a save shows when someone else changed the file, on its own:
 * each answer, Escape, cancelling, and a dialog destroyed unanswered. */
#include "config.h"

#include <glib/gi18n.h>

#include "csn-file-changed-dialog.h"
#include "ui-test-util.h"

typedef struct
{
  gboolean                done;
  CsnFileChangedResponse  response;
  GError                 *error;
} Answer;

static void
on_chosen_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Answer *answer = user_data;

  g_assert_null (source);
  answer->response = csn_file_changed_dialog_choose_finish (result, &answer->error);
  answer->done = TRUE;
}

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  gtk_window_present (parent);
  return parent;
}

static CsnFileChangedDialog *
ask (GtkWindow    *parent,
     GCancellable *cancellable,
     Answer       *answer)
{
  csn_file_changed_dialog_choose_async (parent, "plan de trabajo.consenso", cancellable, on_chosen_cb,
                                        answer);
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG) != NULL);
  return CSN_FILE_CHANGED_DIALOG (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG));
}

#define DIALOG_GONE (ui_test_find_toplevel (CSN_TYPE_FILE_CHANGED_DIALOG) == NULL)

/* What it says: whose file, what each answer does; Save As is the default, two answers lose work. */
static void
test_contents (void)
{
  GtkWindow *parent = new_parent ();
  Answer answer = { 0 };
  CsnFileChangedDialog *dialog = ask (parent, NULL, &answer);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  /* CONSENSO_TEST_SCREENSHOT=MS keeps it on screen for a screenshot. */
  if (g_getenv ("CONSENSO_TEST_SCREENSHOT") != NULL)
    {
      gint64 until = g_get_monotonic_time ()
                     + g_ascii_strtoll (g_getenv ("CONSENSO_TEST_SCREENSHOT"), NULL, 10) * 1000;

      while (ui_test_iterate (until))
        ;
    }

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "save-as");
  if (g_strcmp0 (g_getenv ("CONSENSO_TEST_LANGUAGE"), "es") == 0)
    {
      g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Otra persona modificó el archivo");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "«plan de trabajo.consenso»"));
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "save-as"), ==, "Guardar _como…");
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "overwrite"), ==, "_Sobrescribir");
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "reload"), ==, "_Volver a cargar");
    }
  else
    {
      g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "File Changed by Someone Else");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "“plan de trabajo.consenso”"));
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "save-as"), ==, "_Save As…");
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "overwrite"), ==, "_Overwrite");
      g_assert_cmpstr (adw_message_dialog_get_response_label (message, "reload"), ==, "_Reload");
    }
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "save-as"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "overwrite"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "reload"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  ui_test_click_response (GTK_WINDOW (dialog), "save-as");
  UI_TEST_WAIT_UNTIL (answer.done);
  gtk_window_destroy (parent);
}

/* Each button gives its answer, once, and the dialog goes. */
static void
test_each_answer (void)
{
  const struct {
    const char             *id;
    CsnFileChangedResponse  response;
  } cases[] = {
    { "save-as", CSN_FILE_CHANGED_RESPONSE_SAVE_AS },
    { "overwrite", CSN_FILE_CHANGED_RESPONSE_OVERWRITE },
    { "reload", CSN_FILE_CHANGED_RESPONSE_RELOAD },
  };
  GtkWindow *parent = new_parent ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Answer answer = { FALSE, CSN_FILE_CHANGED_RESPONSE_CANCEL, NULL };
      CsnFileChangedDialog *dialog = ask (parent, NULL, &answer);

      ui_test_click_response (GTK_WINDOW (dialog), cases[i].id);
      UI_TEST_WAIT_UNTIL (answer.done);
      g_assert_no_error (answer.error);
      g_assert_cmpint (answer.response, ==, cases[i].response);
      UI_TEST_WAIT_UNTIL (DIALOG_GONE);
    }
  gtk_window_destroy (parent);
}

/* Escape (the window closed) saves nothing and changes nothing: "cancel". */
static void
test_escape (void)
{
  GtkWindow *parent = new_parent ();
  Answer answer = { FALSE, CSN_FILE_CHANGED_RESPONSE_SAVE_AS, NULL };
  CsnFileChangedDialog *dialog = ask (parent, NULL, &answer);

  gtk_window_close (GTK_WINDOW (dialog));
  UI_TEST_WAIT_UNTIL (answer.done);
  g_assert_no_error (answer.error);
  g_assert_cmpint (answer.response, ==, CSN_FILE_CHANGED_RESPONSE_CANCEL);
  UI_TEST_WAIT_UNTIL (DIALOG_GONE);
  gtk_window_destroy (parent);
}

/* The caller gave up (its window is closing): the dialog closes, the answer is "cancelled". */
static void
test_cancelled (void)
{
  GtkWindow *parent = new_parent ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer answer = { FALSE, CSN_FILE_CHANGED_RESPONSE_SAVE_AS, NULL };

  ask (parent, cancellable, &answer);
  g_cancellable_cancel (cancellable);
  UI_TEST_WAIT_UNTIL (answer.done);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&answer.error);
  g_assert_cmpint (answer.response, ==, CSN_FILE_CHANGED_RESPONSE_CANCEL);
  UI_TEST_WAIT_UNTIL (DIALOG_GONE);

  /* Already cancelled: no dialog stays. */
  answer.done = FALSE;
  csn_file_changed_dialog_choose_async (parent, "x.consenso", cancellable, on_chosen_cb, &answer);
  UI_TEST_WAIT_UNTIL (answer.done);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&answer.error);
  UI_TEST_WAIT_UNTIL (DIALOG_GONE);
  gtk_window_destroy (parent);
}

/* Destroyed unanswered: the caller still hears "cancel", once. */
static void
test_destroyed (void)
{
  GtkWindow *parent = new_parent ();
  Answer answer = { FALSE, CSN_FILE_CHANGED_RESPONSE_SAVE_AS, NULL };
  CsnFileChangedDialog *dialog = ask (parent, NULL, &answer);

  gtk_window_destroy (GTK_WINDOW (dialog));
  UI_TEST_WAIT_UNTIL (answer.done);
  g_assert_no_error (answer.error);
  g_assert_cmpint (answer.response, ==, CSN_FILE_CHANGED_RESPONSE_CANCEL);
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");
  int status;

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/file-changed-dialog/contents", test_contents);
  g_test_add_func ("/file-changed-dialog/each-answer", test_each_answer);
  g_test_add_func ("/file-changed-dialog/escape", test_escape);
  g_test_add_func ("/file-changed-dialog/cancelled", test_cancelled);
  g_test_add_func ("/file-changed-dialog/destroyed", test_destroyed);

  status = g_test_run ();
  ui_test_teardown_home ();
  return status;
}
