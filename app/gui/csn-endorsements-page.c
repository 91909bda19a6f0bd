/* csn-endorsements-page.c: each member state's endorsement of the document. */
#define G_LOG_DOMAIN "csn-endorsements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-country.h"
#include "csn-date-cell.h"
#include "csn-endorsement.h"
#include "csn-endorsements-page.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-label-cell.h"
#include "csn-list-page.h"
#include "csn-position-cell.h"
#include "csn-text-cell.h"

struct _CsnEndorsementsPage
{
  CsnListPage          parent_instance;

  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *note_column;
};

G_DEFINE_FINAL_TYPE (CsnEndorsementsPage, csn_endorsements_page, CSN_TYPE_LIST_PAGE)

static const char * const search_properties[] = { CSN_ENDORSEMENT_PROP_COUNTRY, CSN_ENDORSEMENT_PROP_NOTE, NULL };

/* The first member country without an endorsement yet, or NULL when every member has one. */
static const char *
find_country_to_add (CsnListPage *page)
{
  CsnDraft *draft = csn_list_page_get_draft (page);
  GListModel *countries;
  guint n;

  if (draft == NULL)
    return NULL;

  countries = csn_draft_get_collection (draft, CSN_COLLECTION_COUNTRIES);
  n = g_list_model_get_n_items (countries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsnItem) country = g_list_model_get_item (countries, i);

      if (csn_country_get_membership (CSN_COUNTRY (country)) == CSN_MEMBERSHIP_MEMBER &&
          csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, csn_item_get_key (country)) == NULL)
        return csn_item_get_key (country);
    }
  return NULL;
}

static gboolean
csn_endorsements_page_can_add (CsnListPage *page)
{
  return find_country_to_add (page) != NULL;
}

static void
csn_endorsements_page_add (CsnListPage *page)
{
  const char *country = find_country_to_add (page);
  g_autoptr(CsnItem) item = NULL;

  if (country == NULL)
    return;
  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  item = CSN_ITEM (g_object_new (CSN_TYPE_ENDORSEMENT, CSN_ENDORSEMENT_PROP_COUNTRY, country, NULL));
  csn_list_page_add_item (page, item, CSN_ENDORSEMENT_PROP_STATUS);
}

static void
csn_endorsements_page_class_init (CsnEndorsementsPageClass *klass)
{
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  page_class->can_add = csn_endorsements_page_can_add;
  page_class->add = csn_endorsements_page_add;

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-endorsements-page.ui",
                             "endorsements", CSN_COLLECTION_ENDORSEMENTS, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, CsnEndorsementsPage, note_column);
}

static void
csn_endorsements_page_init (CsnEndorsementsPage *self)
{
  GObject *page = G_OBJECT (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_ENDORSEMENTS, NULL);
  csn_cell_factory_set_column (self->country_column, page, CSN_TYPE_LABEL_CELL,
                               "property-name", CSN_ENDORSEMENT_PROP_COUNTRY,
                               "mode", CSN_LABEL_CELL_REF,
                               "target", CSN_COLLECTION_COUNTRIES,
                               "label", _("Member state"), NULL);
  csn_cell_factory_set_column (self->status_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_ENDORSEMENT_STATUS,
                               "property-name", CSN_ENDORSEMENT_PROP_STATUS,
                               "label", _("Status of the endorsement"), NULL);
  csn_cell_factory_set_column (self->date_column, page, CSN_TYPE_DATE_CELL,
                               "property-name", CSN_ENDORSEMENT_PROP_DATE,
                               "label", _("Date of the endorsement"), NULL);
  csn_cell_factory_set_column (self->note_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_ENDORSEMENT_PROP_NOTE,
                               "label", _("Note"), NULL);
}

GtkWidget *
csn_endorsements_page_new (void)
{
  return g_object_new (CSN_TYPE_ENDORSEMENTS_PAGE, NULL);
}

void
csn_endorsements_page_reveal (CsnEndorsementsPage *self,
                              CsnItem             *item,
                              const char          *property)
{
  g_return_if_fail (CSN_IS_ENDORSEMENTS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || csn_list_page_get_draft (CSN_LIST_PAGE (self)) == NULL || !CSN_IS_ENDORSEMENT (item))
    return;
  csn_list_page_reveal_item (CSN_LIST_PAGE (self), item, property != NULL ? property : CSN_ENDORSEMENT_PROP_STATUS);
}
