/* csn-theme-summary.c: the number of themes by pillar and horizon, under the theme matrix. */
#define G_LOG_DOMAIN "csn-theme-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-draft-figures.h"
#include "csn-enums.h"
#include "csn-theme.h"
#include "csn-theme-summary.h"
#include "csn-validation.h"

struct _CsnThemeSummary
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkGrid       *grid;
  GtkLabel      *short_term_header;
  GtkLabel      *medium_term_header;
  GtkLabel      *undecided_header;

  CsnDraft      *draft;
  CsnValidation *validation; /* the draft's, followed: its figures are counted once an edit */
  GPtrArray     *rows;       /* the labels made for the draft's pillars and the totals */
  gboolean       stale;      /* validated again while the summary was hidden */
};

G_DEFINE_FINAL_TYPE (CsnThemeSummary, csn_theme_summary, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Gives @label the style classes @first and @second (either may be NULL) and no other, and leaves
 * it alone when it has them: GTK 4.8 restyles a widget whose classes are set, even to the same
 * ones, and each validation of an edit shows the summary again. */
static void
set_classes (GtkWidget  *label,
             const char *first,
             const char *second)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (label);
  const char *wanted[3] = { NULL };
  guint n_wanted = 0;
  gboolean same;

  if (first != NULL)
    wanted[n_wanted++] = first;
  if (second != NULL)
    wanted[n_wanted++] = second;
  same = g_strv_length (classes) == n_wanted;
  for (guint i = 0; same && i < n_wanted; i++)
    same = gtk_widget_has_css_class (label, wanted[i]);
  if (!same)
    gtk_widget_set_css_classes (label, wanted);
}

/* Shows @text at @column, @row of the grid, in the label made for the @index-th place: a change of
 * the draft changes texts, and makes labels only for a pillar added. */
static GtkWidget *
put_label (CsnThemeSummary *self,
           guint           *index,
           const char      *text,
           int              column,
           int              row,
           const char      *style_class)
{
  GtkWidget *label;

  if (*index < self->rows->len)
    {
      GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->grid));
      int old_column, old_row;

      label = g_ptr_array_index (self->rows, *index);
      g_object_get (gtk_layout_manager_get_layout_child (layout, label), "column", &old_column, "row", &old_row, NULL);
      if (old_column != column || old_row != row)
        g_object_set (gtk_layout_manager_get_layout_child (layout, label), "column", column, "row", row, NULL);
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
        gtk_label_set_label (GTK_LABEL (label), text);
    }
  else
    {
      label = gtk_label_new (text);
      if (column == 0)
        {
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_set_margin_start (label, 12);
        }
      if (column == 4)
        gtk_widget_set_margin_end (label, 12);
      gtk_grid_attach (self->grid, label, column, row, 1, 1);
      g_ptr_array_add (self->rows, label);
    }

  set_classes (label, column == 0 ? NULL : "numeric", style_class);
  gtk_widget_set_margin_bottom (label, 0);
  (*index)++;
  return label;
}

/* The grid's rows are the draft's pillars (data), so they are made here, not in the .ui. The counts
 * are the draft's validation's, the same the Overview shows, counted once after each edit for every
 * view (here, they took 4-5 ms of the frame that first showed the Theme Matrix of the large draft,
 * and of each edit's frame while it showed). */
static void
update (CsnThemeSummary *self)
{
  CsnDraftFigures *figures;
  guint n_pillars;
  guint n_rows;
  guint index = 0;
  int row = 1;

  self->stale = FALSE;
  if (self->draft == NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_grid_remove (self->grid, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      return;
    }

  figures = csn_validation_get_figures (self->validation);
  n_pillars = csn_draft_figures_get_n_pillars (figures);
  n_rows = n_pillars + 1;   /* the last row: themes without a known pillar */

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = NULL;
      guint counts[4] = { 0 };

      for (CsnHorizon h = CSN_HORIZON_SHORT_TERM; h <= CSN_HORIZON_UNDECIDED; h++)
        {
          counts[h] = csn_draft_figures_get_themes_by_pillar (figures, i, h);
          counts[3] += counts[h];
        }

      /* Each row under the pillar it was counted for, as the figures keep it. */
      if (i < n_pillars)
        name = csn_item_dup_title (csn_draft_figures_get_pillar (figures, i));
      else if (counts[3] > 0)
        name = g_strdup (_("No pillar"));
      else
        continue;

      put_label (self, &index, name, 0, row, NULL);
      for (int h = 0; h < 4; h++)
        {
          g_autofree char *text = g_strdup_printf ("%u", counts[h]);

          put_label (self, &index, text, h + 1, row, counts[h] == 0 ? "dim-label" : (h == 3 ? "heading" : NULL));
        }
      row++;
    }

  gtk_widget_set_margin_bottom (put_label (self, &index, _("Total"), 0, row, "heading"), 12);
  for (int h = 0; h < 4; h++)
    {
      guint total = h < 3 ? csn_draft_figures_get_themes_by_horizon (figures, h) : csn_draft_figures_get_n_themes (figures);
      g_autofree char *text = g_strdup_printf ("%u", total);

      gtk_widget_set_margin_bottom (put_label (self, &index, text, h + 1, row, "heading"), 12);
    }

  /* A pillar fewer: its labels go. */
  for (guint i = index; i < self->rows->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, index);
}

/* Shown when validated again; the summary of a hidden page waits to be shown. */
static void
on_validation_changed_cb (CsnThemeSummary *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->stale = TRUE;
}

static void
csn_theme_summary_map (GtkWidget *widget)
{
  CsnThemeSummary *self = CSN_THEME_SUMMARY (widget);

  if (self->stale)
    update (self);
  GTK_WIDGET_CLASS (csn_theme_summary_parent_class)->map (widget);
}

static void
csn_theme_summary_dispose (GObject *object)
{
  CsnThemeSummary *self = CSN_THEME_SUMMARY (object);

  csn_theme_summary_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_THEME_SUMMARY);

  G_OBJECT_CLASS (csn_theme_summary_parent_class)->dispose (object);
}

static void
csn_theme_summary_finalize (GObject *object)
{
  CsnThemeSummary *self = CSN_THEME_SUMMARY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_theme_summary_parent_class)->finalize (object);
}

static void
csn_theme_summary_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsnThemeSummary *self = CSN_THEME_SUMMARY (object);

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
csn_theme_summary_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsnThemeSummary *self = CSN_THEME_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_theme_summary_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_theme_summary_class_init (CsnThemeSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_theme_summary_dispose;
  object_class->finalize = csn_theme_summary_finalize;
  object_class->get_property = csn_theme_summary_get_property;
  object_class->set_property = csn_theme_summary_set_property;
  widget_class->map = csn_theme_summary_map;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-theme-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnThemeSummary, box);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeSummary, grid);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeSummary, short_term_header);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeSummary, medium_term_header);
  gtk_widget_class_bind_template_child (widget_class, CsnThemeSummary, undecided_header);
}

static void
csn_theme_summary_init (CsnThemeSummary *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_label (self->short_term_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_SHORT_TERM));
  gtk_label_set_label (self->medium_term_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_MEDIUM_TERM));
  gtk_label_set_label (self->undecided_header, csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_UNDECIDED));
}

CsnDraft *
csn_theme_summary_get_draft (CsnThemeSummary *self)
{
  g_return_val_if_fail (CSN_IS_THEME_SUMMARY (self), NULL);
  return self->draft;
}

/* Shows the themes of @draft as its validation counts them, again each time it is validated. */
void
csn_theme_summary_set_draft (CsnThemeSummary *self,
                             CsnDraft        *draft)
{
  g_return_if_fail (CSN_IS_THEME_SUMMARY (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->validation != NULL)
    g_signal_handlers_disconnect_by_func (self->validation, on_validation_changed_cb, self);
  g_clear_object (&self->validation);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    {
      self->validation = g_object_ref (csn_draft_get_validation (draft));
      g_signal_connect_object (self->validation, "changed", G_CALLBACK (on_validation_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  on_validation_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}
