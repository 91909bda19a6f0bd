/* csn-validation.c: one validation of a draft for every view. The draft's changes mark it pending;
 * it is remade once, at idle, and its lists are updated in place (only the entries that differ), so
 * that an edit costs one validation however many views show its results. */
#define G_LOG_DOMAIN "csn-validation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-country.h"
#include "csn-draft.h"
#include "csn-open-item.h"
#include "csn-open-item-private.h"
#include "csn-participant.h"
#include "csn-validate.h"
#include "csn-validate-private.h"
#include "csn-validation.h"
#include "csn-validation-private.h"

struct _CsnValidation
{
  GObject          parent_instance;

  CsnDraft        *draft;           /* the owner, unowned; NULL once it is gone */
  GListStore      *problems;        /* CsnProblem, as csn_draft_validate() lists them */
  GListStore      *open_items;      /* CsnOpenItem, as csn_draft_list_open_items() lists them */
  CsnDraftFigures *figures;
  GHashTable      *item_problems;   /* CsnItem -> GPtrArray of CsnProblem */
  GHashTable      *quota_problems;  /* country code (owned) -> CsnProblem */
  GSource         *idle;

  /* The remaking under way, a slice between two frames at a time; begun again after an edit. */
  CsnValidator          *validator;
  GListModel            *new_problems;
  CsnDraftFigures       *new_figures;
  CsnOpenItemsCollector *collector;
};

/* What one slice of the remaking may take of the main thread. */
#define SLICE_US 4000

G_DEFINE_FINAL_TYPE (CsnValidation, csn_validation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef gboolean (*EqualFunc) (gpointer a,
                               gpointer b);

/* Replaces the entries of @store by @fresh, keeping the common start and end: a view rebinds only
 * what changed. */
static void
update_store (GListStore *store,
              GPtrArray  *fresh,
              EqualFunc   equal)
{
  GListModel *model = G_LIST_MODEL (store);
  guint old_n = g_list_model_get_n_items (model);
  guint new_n = fresh->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);

      if (!equal (old, g_ptr_array_index (fresh, prefix)))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, old_n - 1 - suffix);

      if (!equal (old, g_ptr_array_index (fresh, new_n - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix == old_n && prefix == new_n)
    return;
  g_list_store_splice (store, prefix, old_n - prefix - suffix,
                       fresh->pdata + prefix, new_n - prefix - suffix);
}

static void
index_problems (CsnValidation *self)
{
  GListModel *problems = G_LIST_MODEL (self->problems);
  GListModel *open_items = G_LIST_MODEL (self->open_items);

  g_hash_table_remove_all (self->item_problems);
  g_hash_table_remove_all (self->quota_problems);

  for (guint i = 0, n = g_list_model_get_n_items (problems); i < n; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);
      CsnItem *item = csn_problem_get_item (problem);
      GPtrArray *list;

      if (item == NULL)
        continue;
      list = g_hash_table_lookup (self->item_problems, item);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->item_problems, item, list);
        }
      g_ptr_array_add (list, g_object_ref (problem));
    }

  /* The open items know which problem is a delegation's quota warning: it lies at the first
   * participant beyond the quota. */
  for (guint i = 0, n = g_list_model_get_n_items (open_items); i < n; i++)
    {
      g_autoptr(CsnOpenItem) open = g_list_model_get_item (open_items, i);
      CsnProblem *problem = csn_open_item_get_problem (open);

      if (csn_open_item_get_kind (open) != CSN_OPEN_KIND_QUOTA || problem == NULL)
        continue;
      g_hash_table_insert (self->quota_problems,
                           g_strdup (csn_participant_get_country (CSN_PARTICIPANT (csn_open_item_get_item (open)))),
                           g_object_ref (problem));
    }
}

static void
set_pending (CsnValidation *self,
             gboolean       pending)
{
  if ((self->idle != NULL) == pending)
    return;
  if (!pending)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
drop_job (CsnValidation *self)
{
  g_clear_pointer (&self->validator, csn_validator_free);
  g_clear_object (&self->new_problems);
  g_clear_pointer (&self->new_figures, csn_draft_figures_unref);
  g_clear_pointer (&self->collector, csn_open_items_collector_free);
}

/* Goes on remaking the lists until @deadline (-1: none). Returns: whether they are made. */
static gboolean
recompute_until (CsnValidation *self,
                 gint64         deadline)
{
  g_autoptr(GPtrArray) problem_array = NULL;
  g_autoptr(GPtrArray) open = NULL;
  guint n;

  g_assert (self->draft != NULL);

  if (self->new_problems == NULL)
    {
      if (self->validator == NULL)
        self->validator = csn_validator_new (self->draft);
      if (!csn_validator_step (self->validator, deadline))
        return FALSE;
      self->new_problems = csn_validator_finish (g_steal_pointer (&self->validator));
    }
  if (self->new_figures == NULL)
    {
      if (deadline >= 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
      self->new_figures = csn_draft_figures_new (self->draft);
    }
  if (self->collector == NULL)
    self->collector = csn_open_items_collector_new (self->draft, self->new_figures, self->new_problems);
  if (!csn_open_items_collector_step (self->collector, deadline))
    return FALSE;
  open = csn_open_items_collector_finish (g_steal_pointer (&self->collector));

  g_clear_pointer (&self->figures, csn_draft_figures_unref);
  self->figures = g_steal_pointer (&self->new_figures);
  n = g_list_model_get_n_items (self->new_problems);
  problem_array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (problem_array, g_list_model_get_item (self->new_problems, i));
  g_clear_object (&self->new_problems);

  update_store (self->problems, problem_array, (EqualFunc) csn_problem_equal);
  update_store (self->open_items, open, (EqualFunc) csn_open_item_equal);
  index_problems (self);
  return TRUE;
}

static void
recompute (CsnValidation *self)
{
  drop_job (self);
  recompute_until (self, -1);
}

/* A large draft takes longer to validate than a frame lasts: a slice per idle, so that frames are
 * drawn in between. */
static gboolean
on_idle_cb (gpointer user_data)
{
  CsnValidation *self = user_data;

  if (!recompute_until (self, g_get_monotonic_time () + SLICE_US))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->idle, g_source_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_draft_changed_cb (CsnValidation *self,
                     CsnDraft      *draft)
{
  /* What was made so far saw the draft before this edit. */
  drop_job (self);
  if (self->idle != NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_priority (self->idle, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (self->idle, on_idle_cb, self, NULL);
  g_source_set_static_name (self->idle, "[consenso] validation");
  g_source_attach (self->idle, g_main_context_get_thread_default ());
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
csn_validation_dispose (GObject *object)
{
  CsnValidation *self = CSN_VALIDATION (object);

  csn_validation_detach (self);
  drop_job (self);

  G_OBJECT_CLASS (csn_validation_parent_class)->dispose (object);
}

static void
csn_validation_finalize (GObject *object)
{
  CsnValidation *self = CSN_VALIDATION (object);

  g_clear_object (&self->problems);
  g_clear_object (&self->open_items);
  g_clear_pointer (&self->figures, csn_draft_figures_unref);
  g_clear_pointer (&self->item_problems, g_hash_table_unref);
  g_clear_pointer (&self->quota_problems, g_hash_table_unref);

  G_OBJECT_CLASS (csn_validation_parent_class)->finalize (object);
}

static void
csn_validation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsnValidation *self = CSN_VALIDATION (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, csn_validation_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_validation_class_init (CsnValidationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_validation_dispose;
  object_class->finalize = csn_validation_finalize;
  object_class->get_property = csn_validation_get_property;

  /* Whether the draft changed since the lists were made: they are remade at idle. */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the lists, the figures and the indexes were remade. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
csn_validation_init (CsnValidation *self)
{
  self->problems = g_list_store_new (CSN_TYPE_PROBLEM);
  self->open_items = g_list_store_new (CSN_TYPE_OPEN_ITEM);
  self->item_problems = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->quota_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* For the draft that owns it: validated now, then followed. */
CsnValidation *
csn_validation_new (CsnDraft *draft)
{
  CsnValidation *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  self = g_object_new (CSN_TYPE_VALIDATION, NULL);
  self->draft = draft;
  g_signal_connect_swapped (draft, "changed", G_CALLBACK (on_draft_changed_cb), self);
  recompute (self);
  return self;
}

/* The draft goes: the lists stay as they were last made. */
void
csn_validation_detach (CsnValidation *self)
{
  g_return_if_fail (CSN_IS_VALIDATION (self));

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, on_draft_changed_cb, self);
  self->draft = NULL;
  drop_job (self);
  if (self->idle != NULL)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
}

/* The draft validated, or NULL once it is gone. */
CsnDraft *
csn_validation_get_draft (CsnValidation *self)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  return self->draft;
}

/**
 * csn_validation_get_problems:
 *
 * Returns: (transfer none): the draft's problems (#CsnProblem), as csn_draft_validate() lists
 * them; the list is updated in place, entries that did not change kept
 */
GListModel *
csn_validation_get_problems (CsnValidation *self)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * csn_validation_get_open_items:
 *
 * Returns: (transfer none): what is still open (#CsnOpenItem), as csn_draft_list_open_items()
 * lists it; updated in place like the problems
 */
GListModel *
csn_validation_get_open_items (CsnValidation *self)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  return G_LIST_MODEL (self->open_items);
}

/* The draft's figures (themes per horizon, delegation sizes, over quota …) as last validated. */
CsnDraftFigures *
csn_validation_get_figures (CsnValidation *self)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  return self->figures;
}

/* The validation's warning that @country's delegation is over its quota (at its first participant
 * beyond the quota), or NULL. */
CsnProblem *
csn_validation_get_quota_problem (CsnValidation *self,
                                  const char    *country)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);

  if (country == NULL)
    return NULL;
  return g_hash_table_lookup (self->quota_problems, country);
}

/**
 * csn_validation_get_item_problems:
 * @item: an item of the draft, or a child of one (a reservation)
 *
 * Returns: (transfer none) (nullable) (element-type CsnProblem): the problems at @item, in the
 * order of the problems list, or %NULL when it has none
 */
GPtrArray *
csn_validation_get_item_problems (CsnValidation *self,
                                  CsnItem       *item)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  return g_hash_table_lookup (self->item_problems, item);
}

/**
 * csn_validation_dup_quota_warning:
 * @country: a member state of the draft
 *
 * What is wrong with @country's delegation, for the views that show it: %NULL within its quota;
 * beyond it, the validation's warning, which names the first participant over the quota, once the
 * validation has caught up with the draft's last change, and until then the quota alone (the count
 * comes from the draft's index of participants, up to date at every change).
 *
 * Returns: (transfer full) (nullable): the warning
 */
char *
csn_validation_dup_quota_warning (CsnValidation *self,
                                  CsnCountry    *country)
{
  const char *code;
  CsnProblem *problem;
  int quota;

  g_return_val_if_fail (CSN_IS_VALIDATION (self), NULL);
  g_return_val_if_fail (CSN_IS_COUNTRY (country), NULL);

  if (self->draft == NULL)
    return NULL;
  code = csn_country_get_code (country);
  quota = csn_country_get_delegation_quota (country);
  if ((int) csn_draft_count_participants (self->draft, code) <= quota)
    return NULL;
  problem = csn_validation_get_pending (self) ? NULL : csn_validation_get_quota_problem (self, code);
  if (problem != NULL)
    return g_strdup (csn_problem_get_message (problem));
  return g_strdup_printf (_("Over the quota of %d"), quota);
}

gboolean
csn_validation_get_pending (CsnValidation *self)
{
  g_return_val_if_fail (CSN_IS_VALIDATION (self), FALSE);
  return self->idle != NULL;
}

/* Remakes the lists now if the draft changed since they were made (before an export that reports
 * them, or in a test), instead of at idle. */
void
csn_validation_update_now (CsnValidation *self)
{
  g_return_if_fail (CSN_IS_VALIDATION (self));

  if (self->idle == NULL || self->draft == NULL)
    return;
  set_pending (self, FALSE);
  recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
}
