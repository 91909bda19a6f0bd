/* csn-describe.h: items, places and values said as a person would ("Theme 3 “Trata…”: horizon"). */
#pragma once

#include "csn-item.h"
#include "csn-types.h"

G_BEGIN_DECLS

char *csn_describe_item  (CsnDraft     *draft,
                          CsnItem      *item);
char *csn_describe_item_at (CsnDraft  *draft,
                            CsnItem   *item,
                            guint      position);
char *csn_describe_place (CsnDraft     *draft,
                          CsnItem      *item,
                          const char   *property);
char *csn_describe_value (CsnDraft     *draft,
                          CsnItem      *item,
                          const char   *property,
                          const GValue *value);
char *csn_describe_current_value (CsnDraft   *draft,
                                  CsnItem    *item,
                                  const char *property);
CsnItem *csn_describe_find_parent (CsnDraft   *draft,
                                   CsnItem    *child,
                                   const char **property);

G_END_DECLS
