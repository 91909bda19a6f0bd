/* csn-draft-figures.h: the counts every view and output of a draft repeats, computed in one pass per list. */
#pragma once

#include "csn-enums.h"
#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_TYPE_DRAFT_FIGURES (csn_draft_figures_get_type ())

typedef struct _CsnDraftFigures CsnDraftFigures;

GType               csn_draft_figures_get_type                   (void) G_GNUC_CONST;

CsnDraftFigures    *csn_draft_figures_new                        (CsnDraft *draft);
CsnDraftFigures    *csn_draft_figures_ref                        (CsnDraftFigures *self);
void                csn_draft_figures_unref                      (CsnDraftFigures *self);

/* Themes */
guint               csn_draft_figures_get_n_themes               (CsnDraftFigures *self);
guint               csn_draft_figures_get_n_pillars              (CsnDraftFigures *self);
CsnItem            *csn_draft_figures_get_pillar                 (CsnDraftFigures *self,
                                                                  guint            pillar);
guint               csn_draft_figures_get_themes_by_pillar       (CsnDraftFigures *self,
                                                                  guint            pillar,
                                                                  CsnHorizon       horizon);
guint               csn_draft_figures_get_themes_by_horizon      (CsnDraftFigures *self,
                                                                  CsnHorizon       horizon);
guint               csn_draft_figures_get_themes_without_pillar  (CsnDraftFigures *self,
                                                                  CsnHorizon       horizon);
guint               csn_draft_figures_get_n_themes_with_strategy (CsnDraftFigures *self);
gboolean            csn_draft_figures_theme_has_strategy         (CsnDraftFigures *self,
                                                                  const char      *theme);

/* Endorsements */
guint               csn_draft_figures_get_endorsements           (CsnDraftFigures      *self,
                                                                  CsnEndorsementStatus  status);
guint               csn_draft_figures_get_n_endorsements         (CsnDraftFigures *self);
guint               csn_draft_figures_get_n_endorsed             (CsnDraftFigures *self);

/* Delegations */
guint               csn_draft_figures_get_n_participants         (CsnDraftFigures *self);
guint               csn_draft_figures_get_n_delegations          (CsnDraftFigures *self);
guint               csn_draft_figures_get_delegation_size        (CsnDraftFigures *self,
                                                                  const char      *country);
gboolean            csn_draft_figures_is_over_quota              (CsnDraftFigures *self,
                                                                  CsnCountry      *country);
const char * const *csn_draft_figures_get_over_quota             (CsnDraftFigures *self);

/* Positions (the delegations' answers) */
guint               csn_draft_figures_get_positions_of_country   (CsnDraftFigures *self,
                                                                  const char      *country);
guint               csn_draft_figures_get_stances                (CsnDraftFigures *self,
                                                                  const char      *item,
                                                                  CsnStance        stance);
const char * const *csn_draft_figures_get_items_with_objections  (CsnDraftFigures *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnDraftFigures, csn_draft_figures_unref)

G_END_DECLS
