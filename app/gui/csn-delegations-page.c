/* csn-delegations-page.c: the participants of each delegation, checked against its quota. */
#define G_LOG_DOMAIN "csn-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-delegations-page.h"

struct _CsnDelegationsPage
{
  AdwBin    parent_instance;

  CsnDraft *draft;
};

G_DEFINE_FINAL_TYPE (CsnDelegationsPage, csn_delegations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_delegations_page_dispose (GObject *object)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  g_clear_object (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_DELEGATIONS_PAGE);

  G_OBJECT_CLASS (csn_delegations_page_parent_class)->dispose (object);
}

static void
csn_delegations_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_delegations_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsnDelegationsPage *self = CSN_DELEGATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_delegations_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_delegations_page_class_init (CsnDelegationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_delegations_page_dispose;
  object_class->get_property = csn_delegations_page_get_property;
  object_class->set_property = csn_delegations_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-delegations-page.ui");
}

static void
csn_delegations_page_init (CsnDelegationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_delegations_page_new (void)
{
  return g_object_new (CSN_TYPE_DELEGATIONS_PAGE, NULL);
}

CsnDraft *
csn_delegations_page_get_draft (CsnDelegationsPage *self)
{
  g_return_val_if_fail (CSN_IS_DELEGATIONS_PAGE (self), NULL);
  return self->draft;
}

void
csn_delegations_page_set_draft (CsnDelegationsPage *self,
                         CsnDraft *draft)
{
  g_return_if_fail (CSN_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (g_set_object (&self->draft, draft))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_delegations_page_reveal (CsnDelegationsPage *self,
                      CsnItem *item,
                      const char *property)
{
  g_return_if_fail (CSN_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));
}
