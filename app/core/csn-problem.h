/* csn-problem.h: one validation problem: how serious, where (themes[3].horizon), what. */
#pragma once

#include "csn-enums.h"
#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_PROBLEM (csn_problem_get_type ())

G_DECLARE_FINAL_TYPE (CsnProblem, csn_problem, CSN, PROBLEM, GObject)

CsnProblem   *csn_problem_new            (CsnSeverity    severity,
                                          const char    *place,
                                          CsnItem       *item,
                                          const char    *property,
                                          const char    *message);
CsnSeverity   csn_problem_get_severity   (CsnProblem    *self);
const char   *csn_problem_get_place      (CsnProblem    *self);
const char   *csn_problem_get_message    (CsnProblem    *self);
CsnItem      *csn_problem_get_item       (CsnProblem    *self);
const char   *csn_problem_get_property_name (CsnProblem    *self);
gboolean      csn_problem_equal          (CsnProblem    *a,
                                          CsnProblem    *b);

G_END_DECLS
