/* csn-list-page.h: the base of the pages that list one collection of the draft with search, add, remove and reorder. */
#pragma once

#include <adwaita.h>

#include "csn-draft.h"

G_BEGIN_DECLS

#define CSN_TYPE_LIST_PAGE (csn_list_page_get_type ())

typedef enum
{
  CSN_LIST_PAGE_DEFAULT       = 0,
  /* The page binds Alt+Up and Alt+Down itself (it has more than one list to move in). */
  CSN_LIST_PAGE_OWN_MOVE_KEYS = 1 << 0,
} CsnListPageFlags;

G_DECLARE_DERIVABLE_TYPE (CsnListPage, csn_list_page, CSN, LIST_PAGE, AdwBin)

struct _CsnListPageClass
{
  AdwBinClass parent_class;

  /* Set by each subclass in class_init, with csn_list_page_class_setup(). */
  CsnCollection       collection;
  const char         *action_prefix;
  const char * const *search_properties;

  /* A further condition on the items shown, besides the search; NULL for none. */
  gboolean (*match)             (CsnListPage *self,
                                 CsnItem     *item);
  /* TRUE while @match lets every item through (a filter set to all): the list then takes the items
   * without asking about each. NULL: @match always filters. */
  gboolean (*matches_all)       (CsnListPage *self);
  /* Drops the subclass's own filter when it hides @item, to reveal it. */
  void     (*clear_filter)      (CsnListPage *self,
                                 CsnItem     *item);
  /* How many items the page lists before the search, for its empty state; all by default. */
  guint    (*count_items)       (CsnListPage *self);
  gboolean (*can_add)           (CsnListPage *self);
  void     (*add)               (CsnListPage *self);
  /* Removes @item as one undoable step and says what went, for the toast: "Theme 3 “…” removed". */
  char *   (*remove_item)       (CsnListPage *self,
                                 CsnItem     *item,
                                 guint        position);
  gboolean (*move_item)         (CsnListPage *self,
                                 CsnItem     *item,
                                 int          delta);
  /* Hooks for the page's own state: */
  void     (*update_actions)    (CsnListPage *self,
                                 gboolean     found);
  void     (*selection_changed) (CsnListPage *self);
  void     (*draft_changed)     (CsnListPage *self);
  /* Before the draft is replaced, while the old one is still set. */
  void     (*draft_leaving)     (CsnListPage *self);
  /* Once the new draft (or NULL) is set, before the list shows its items. */
  void     (*draft_set)         (CsnListPage *self);
};

void                csn_list_page_class_setup     (CsnListPageClass *klass,
                                                   const char       *resource,
                                                   const char       *action_prefix,
                                                   CsnCollection     collection,
                                                   const char * const *search_properties,
                                                   CsnListPageFlags  flags);
CsnDraft           *csn_list_page_get_draft       (CsnListPage      *self);
void                csn_list_page_set_draft       (CsnListPage      *self,
                                                   CsnDraft         *draft);
void                csn_list_page_prepare         (CsnListPage      *self);
gboolean            csn_list_page_is_prepared     (CsnListPage      *self);
CsnItem            *csn_list_page_get_selected    (CsnListPage      *self);
gboolean            csn_list_page_get_selected_position (CsnListPage      *self,
                                                         guint            *position);
void                csn_list_page_set_growth_held (CsnListPage      *self,
                                                   gboolean          held);
GtkColumnView      *csn_list_page_get_column_view (CsnListPage      *self);
GtkSingleSelection *csn_list_page_get_selection   (CsnListPage      *self);
void                csn_list_page_clear_search    (CsnListPage      *self);
void                csn_list_page_refilter        (CsnListPage      *self);
void                csn_list_page_refilter_later  (CsnListPage      *self);
void                csn_list_page_update_actions  (CsnListPage      *self);
void                csn_list_page_update          (CsnListPage      *self);
void                csn_list_page_move_selected   (CsnListPage      *self,
                                                   int               delta);
void                csn_list_page_add_item        (CsnListPage      *self,
                                                   CsnItem          *item,
                                                   const char       *property);
void                csn_list_page_reveal_item     (CsnListPage      *self,
                                                   CsnItem          *item,
                                                   const char       *property);
void                csn_list_page_announce_removal (CsnListPage     *self,
                                                   const char       *summary);

G_END_DECLS
