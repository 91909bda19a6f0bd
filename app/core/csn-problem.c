/* csn-problem.c: a validation problem the user sees and can go to. */
#define G_LOG_DOMAIN "csn-problem"

#include "config.h"

#include "csn-problem.h"

struct _CsnProblem
{
  GObject      parent_instance;

  CsnSeverity  severity;
  char        *place;
  CsnItem     *item;
  const char  *property;
  char        *message;
};

G_DEFINE_FINAL_TYPE (CsnProblem, csn_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_PLACE,
  PROP_ITEM,
  PROP_PROPERTY,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
csn_problem_finalize (GObject *object)
{
  CsnProblem *self = CSN_PROBLEM (object);

  g_free (self->place);
  g_free (self->message);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (csn_problem_parent_class)->finalize (object);
}

static void
csn_problem_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsnProblem *self = CSN_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_PROPERTY:
      g_value_set_string (value, self->property);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_problem_class_init (CsnProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csn_problem_finalize;
  object_class->get_property = csn_problem_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CSN_TYPE_SEVERITY, CSN_SEVERITY_WARNING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CSN_TYPE_ITEM, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPERTY] =
    g_param_spec_string ("property-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_problem_init (CsnProblem *self)
{
}

/* @item and @property say where a view should take the user; either may be NULL. */
CsnProblem *
csn_problem_new (CsnSeverity  severity,
                 const char  *place,
                 CsnItem     *item,
                 const char  *property,
                 const char  *message)
{
  CsnProblem *self;

  g_return_val_if_fail (place != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (item == NULL || CSN_IS_ITEM (item), NULL);

  self = g_object_new (CSN_TYPE_PROBLEM, NULL);
  self->severity = severity;
  self->place = g_strdup (place);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->property = property != NULL ? g_intern_string (property) : NULL;
  self->message = g_strdup (message);
  return self;
}

CsnSeverity
csn_problem_get_severity (CsnProblem *self)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (self), CSN_SEVERITY_ERROR);
  return self->severity;
}

const char *
csn_problem_get_place (CsnProblem *self)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (self), NULL);
  return self->place;
}

const char *
csn_problem_get_message (CsnProblem *self)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (self), NULL);
  return self->message;
}

CsnItem *
csn_problem_get_item (CsnProblem *self)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (self), NULL);
  return self->item;
}

const char *
csn_problem_get_property_name (CsnProblem *self)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (self), NULL);
  return self->property;
}

/* Whether @a and @b say the same about the same place: a list of problems updated in place keeps
 * the old one. */
gboolean
csn_problem_equal (CsnProblem *a,
                   CsnProblem *b)
{
  g_return_val_if_fail (CSN_IS_PROBLEM (a) && CSN_IS_PROBLEM (b), FALSE);

  return a->severity == b->severity && a->item == b->item && a->property == b->property &&
         g_str_equal (a->place, b->place) && g_str_equal (a->message, b->message);
}
