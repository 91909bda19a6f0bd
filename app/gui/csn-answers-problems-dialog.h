/* csn-answers-problems-dialog.h: what could not be read of the delegations' returned workbooks, each
 * problem naming its file and place, or that nothing in them changes the draft. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_ANSWERS_PROBLEMS_DIALOG (csn_answers_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsnAnswersProblemsDialog, csn_answers_problems_dialog, CSN, ANSWERS_PROBLEMS_DIALOG,
                      AdwMessageDialog)

GtkWidget *csn_answers_problems_dialog_new          (GtkWindow                *parent,
                                                     GPtrArray                *problems,
                                                     GPtrArray                *files,
                                                     gboolean                  has_changes);
guint      csn_answers_problems_dialog_get_n_problems (CsnAnswersProblemsDialog *self);

G_END_DECLS
