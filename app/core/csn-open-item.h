/* csn-open-item.h: one thing still open in a draft (a decision, missing meeting data, a problem),
 * and the list of them that the Overview, the agenda counts, the document and --check share. */
#pragma once

#include <gio/gio.h>

#include "csn-item.h"
#include "csn-types.h"

G_BEGIN_DECLS

typedef enum {
  CSN_OPEN_KIND_MEETING,      /* the meeting's title, venue, dates or presidency is missing */
  CSN_OPEN_KIND_HORIZON,      /* a theme is neither short nor medium term yet */
  CSN_OPEN_KIND_CONSENSUS,    /* consensus on a theme is pending */
  CSN_OPEN_KIND_STRATEGY,     /* no strategy addresses a theme */
  CSN_OPEN_KIND_ASSESSMENT,   /* a mechanism is not assessed */
  CSN_OPEN_KIND_PROPOSAL,     /* a role proposal is neither agreed nor rejected */
  CSN_OPEN_KIND_ENDORSEMENT,  /* a country's endorsement is pending */
  CSN_OPEN_KIND_QUOTA,        /* a delegation is over its quota */
  CSN_OPEN_KIND_PROBLEM,      /* any other problem the validation finds */
} CsnOpenKind;

#define CSN_TYPE_OPEN_KIND (csn_open_kind_get_type ())
#define CSN_TYPE_OPEN_ITEM (csn_open_item_get_type ())

GType csn_open_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CsnOpenItem, csn_open_item, CSN, OPEN_ITEM, GObject)

GListModel    *csn_draft_list_open_items        (CsnDraft    *draft);

CsnOpenKind    csn_open_item_get_kind           (CsnOpenItem *self);
CsnItem       *csn_open_item_get_item           (CsnOpenItem *self);
const char    *csn_open_item_get_property_name  (CsnOpenItem *self);
CsnCollection  csn_open_item_get_collection     (CsnOpenItem *self);
const char    *csn_open_item_get_place          (CsnOpenItem *self);
const char    *csn_open_item_get_message        (CsnOpenItem *self);
CsnProblem    *csn_open_item_get_problem        (CsnOpenItem *self);

G_END_DECLS
