/* csn-mechanisms-page.c: the assessment of the CRM's working mechanisms and the proposed changes. */
#define G_LOG_DOMAIN "csn-mechanisms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-cell-factory.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-list-page.h"
#include "csn-mechanism.h"
#include "csn-mechanisms-page.h"
#include "csn-position-cell.h"
#include "csn-position.h"
#include "csn-positions-list.h"
#include "csn-stance-strip.h"
#include "csn-text-cell.h"

struct _CsnMechanismsPage
{
  CsnListPage          parent_instance;

  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *assessment_column;
  GtkColumnViewColumn *considerations_column;
  GtkColumnViewColumn *proposal_column;
  GtkColumnViewColumn *stances_column;
  CsnPositionsList    *positions_list;
};

G_DEFINE_FINAL_TYPE (CsnMechanismsPage, csn_mechanisms_page, CSN_TYPE_LIST_PAGE)

static const char * const search_properties[] = { CSN_MECHANISM_PROP_NAME, CSN_MECHANISM_PROP_CONSIDERATIONS,
                                                   CSN_MECHANISM_PROP_PROPOSAL, NULL };

static void
csn_mechanisms_page_add (CsnListPage *page)
{
  /* A new item is filled in before it joins the draft; from then on only edits change it. */
  g_autoptr(CsnItem) item = CSN_ITEM (g_object_new (CSN_TYPE_MECHANISM, "name", _("New mechanism"), NULL));

  csn_list_page_add_item (page, item, CSN_MECHANISM_PROP_NAME);
}

static void
csn_mechanisms_page_selection_changed (CsnListPage *page)
{
  CsnMechanismsPage *self = CSN_MECHANISMS_PAGE (page);

  csn_positions_list_bind (self->positions_list, csn_list_page_get_draft (page), csn_list_page_get_selected (page));
}

static void
csn_mechanisms_page_draft_leaving (CsnListPage *page)
{
  /* The positions' cells commit pending edits to the old draft before it goes. */
  csn_positions_list_bind (CSN_MECHANISMS_PAGE (page)->positions_list, NULL, NULL);
}

static void
csn_mechanisms_page_finalize (GObject *object)
{
  G_OBJECT_CLASS (csn_mechanisms_page_parent_class)->finalize (object);
}

static void
csn_mechanisms_page_class_init (CsnMechanismsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsnListPageClass *page_class = CSN_LIST_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = csn_mechanisms_page_finalize;

  page_class->add = csn_mechanisms_page_add;
  page_class->selection_changed = csn_mechanisms_page_selection_changed;
  page_class->draft_leaving = csn_mechanisms_page_draft_leaving;
  page_class->draft_set = csn_mechanisms_page_selection_changed;

  g_type_ensure (CSN_TYPE_POSITIONS_LIST);

  csn_list_page_class_setup (page_class, "/io/github/consenso/Consenso/ui/csn-mechanisms-page.ui",
                             "mechanisms", CSN_COLLECTION_MECHANISMS, search_properties,
                             CSN_LIST_PAGE_DEFAULT);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, assessment_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, considerations_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, proposal_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, stances_column);
  gtk_widget_class_bind_template_child (widget_class, CsnMechanismsPage, positions_list);
}

static void
csn_mechanisms_page_init (CsnMechanismsPage *self)
{
  GObject *page = G_OBJECT (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  csn_cell_factory_set_column (self->position_column, page, CSN_TYPE_POSITION_CELL,
                               "collection", CSN_COLLECTION_MECHANISMS, NULL);
  csn_cell_factory_set_column (self->name_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_MECHANISM_PROP_NAME,
                               "label", _("Name of the mechanism"), NULL);
  csn_cell_factory_set_column (self->assessment_column, page, CSN_TYPE_ENUM_CELL,
                               "enum-type", CSN_TYPE_ASSESSMENT,
                               "property-name", CSN_MECHANISM_PROP_ASSESSMENT,
                               "label", _("Assessment"), NULL);
  csn_cell_factory_set_column (self->considerations_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_MECHANISM_PROP_CONSIDERATIONS,
                               "label", _("Considerations"), NULL);
  csn_cell_factory_set_column (self->proposal_column, page, CSN_TYPE_TEXT_CELL,
                               "property-name", CSN_MECHANISM_PROP_PROPOSAL,
                               "label", _("Proposed change"), NULL);
  /* No editor of their own: the strips share their list's, made when first needed. */
  csn_cell_factory_set_column (self->stances_column, page, CSN_TYPE_STANCE_STRIP, "editor", NULL, NULL);
}

GtkWidget *
csn_mechanisms_page_new (void)
{
  return g_object_new (CSN_TYPE_MECHANISMS_PAGE, NULL);
}

void
csn_mechanisms_page_reveal (CsnMechanismsPage *self,
                            CsnItem           *item,
                            const char        *property)
{
  g_return_if_fail (CSN_IS_MECHANISMS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));

  if (item == NULL || csn_list_page_get_draft (CSN_LIST_PAGE (self)) == NULL)
    return;

  /* A position shows in the list of the positions on its mechanism. */
  if (CSN_IS_POSITION (item))
    {
      CsnItem *mechanism = csn_draft_lookup (csn_list_page_get_draft (CSN_LIST_PAGE (self)),
                                             CSN_COLLECTION_MECHANISMS,
                                             csn_position_get_item (CSN_POSITION (item)));

      if (mechanism == NULL)
        return;
      csn_list_page_reveal_item (CSN_LIST_PAGE (self), mechanism, NULL);
      csn_positions_list_reveal (self->positions_list, item, property);
      return;
    }

  if (!CSN_IS_MECHANISM (item))
    return;
  if (g_strcmp0 (property, "positions") == 0)
    {
      csn_list_page_reveal_item (CSN_LIST_PAGE (self), item, NULL);
      csn_positions_list_reveal (self->positions_list, NULL, NULL);
    }
  else
    csn_list_page_reveal_item (CSN_LIST_PAGE (self), item, property != NULL ? property : CSN_MECHANISM_PROP_NAME);
}
