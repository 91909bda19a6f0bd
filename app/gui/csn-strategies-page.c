/* csn-strategies-page.c: the strategies assigned to each theme and to actors. */
#define G_LOG_DOMAIN "csn-strategies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-strategies-page.h"

struct _CsnStrategiesPage
{
  AdwBin    parent_instance;

  CsnDraft *draft;
};

G_DEFINE_FINAL_TYPE (CsnStrategiesPage, csn_strategies_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_strategies_page_dispose (GObject *object)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  g_clear_object (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_STRATEGIES_PAGE);

  G_OBJECT_CLASS (csn_strategies_page_parent_class)->dispose (object);
}

static void
csn_strategies_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

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
csn_strategies_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsnStrategiesPage *self = CSN_STRATEGIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_strategies_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_strategies_page_class_init (CsnStrategiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_strategies_page_dispose;
  object_class->get_property = csn_strategies_page_get_property;
  object_class->set_property = csn_strategies_page_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-strategies-page.ui");
}

static void
csn_strategies_page_init (CsnStrategiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_strategies_page_new (void)
{
  return g_object_new (CSN_TYPE_STRATEGIES_PAGE, NULL);
}

CsnDraft *
csn_strategies_page_get_draft (CsnStrategiesPage *self)
{
  g_return_val_if_fail (CSN_IS_STRATEGIES_PAGE (self), NULL);
  return self->draft;
}

void
csn_strategies_page_set_draft (CsnStrategiesPage *self,
                         CsnDraft *draft)
{
  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (g_set_object (&self->draft, draft))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
csn_strategies_page_reveal (CsnStrategiesPage *self,
                      CsnItem *item,
                      const char *property)
{
  g_return_if_fail (CSN_IS_STRATEGIES_PAGE (self));
  g_return_if_fail (item == NULL || CSN_IS_ITEM (item));
}
