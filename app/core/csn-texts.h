/* csn-texts.h: every free text of a draft that may carry a translation, with a stable id and the
 * page it is on — what translators receive, what an imported translation is matched against. */
#pragma once

#include "csn-item.h"
#include "csn-types.h"

G_BEGIN_DECLS

typedef struct {
  CsnItem        *item;    /* a reference */
  CsnItem        *parent;  /* a reservation's theme (a reference), else NULL */
  const CsnField *field;   /* CSN_FIELD_FLAG_TRANSLATABLE */
  char           *id;      /* "meeting/title", "themes/theme-1/title",
                            * "themes/theme-1/reservations/MX/text";
                            * NULL from csn_draft_list_page_texts_without_ids() */
  const char     *page;    /* the window's page: "overview", "theme-matrix", "document"… */
  guint           position; /* of the item in its list (a reservation: in its theme's) */
} CsnText;

typedef void (*CsnTextFunc) (CsnItem        *item,
                             const CsnField *field,
                             const char     *page,
                             gpointer        user_data);

GPtrArray  *csn_draft_list_texts      (CsnDraft    *draft);
GPtrArray  *csn_draft_list_page_texts (CsnDraft    *draft,
                                       const char  *page);
GPtrArray  *csn_draft_list_page_texts_without_ids
                                      (CsnDraft    *draft,
                                       const char  *page);
void        csn_draft_foreach_text    (CsnDraft    *draft,
                                       CsnTextFunc  func,
                                       gpointer     user_data);
void        csn_draft_foreach_item_text
                                      (CsnDraft      *draft,
                                       CsnCollection  collection,
                                       CsnItem       *item,
                                       CsnTextFunc    func,
                                       gpointer       user_data);
gboolean    csn_item_class_has_texts  (CsnItemClass    *klass,
                                       const CsnField **children);
const char *csn_text_page_get_title   (const char  *page);
guint       csn_text_page_get_rank    (const char  *page);
const char *csn_text_page_get_name    (guint        rank);

G_END_DECLS
