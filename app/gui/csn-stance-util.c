/* csn-stance-util.c: how a member state's stance looks everywhere it is shown: icon, colour, words. */
#define G_LOG_DOMAIN "csn-stance-util"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-country.h"
#include "csn-date-text.h"
#include "csn-draft.h"
#include "csn-position.h"
#include "csn-stance-util.h"

#define N_ICONS  (CSN_STANCE_NO_POSITION + 2)
#define N_SCALES 3

/* By stance + 1: the first is CSN_STANCE_NONE. */
static const struct {
  const char *name;
  const char *color;   /* a named colour of libadwaita's style, or NULL for the text's */
} stances[N_ICONS] = {
  { "none", NULL },
  { "supports", "success_color" },
  { "supports-with-reservation", "warning_color" },
  { "objects", "error_color" },
  { "abstains", NULL },
  { "no-position", NULL },
};

static guint
get_slot (int stance)
{
  g_return_val_if_fail (stance >= CSN_STANCE_NONE && stance <= CSN_STANCE_NO_POSITION, 0);
  return (guint) (stance + 1);
}

/**
 * csn_stance_get_icon:
 *
 * The symbolic icon of @stance (or CSN_STANCE_NONE) for a device @scale, looked up once: every
 * strip of every row draws the same few. They have distinct shapes, so that the colour only adds
 * to what the shape says. The application's icon theme finds them in its resources; without the
 * application (a test), their folder is added to the display's theme. Returns: (transfer none)
 */
GdkPaintable *
csn_stance_get_icon (int stance,
                     int scale)
{
  static GdkPaintable *icons[N_ICONS][N_SCALES];
  guint slot = get_slot (stance);
  guint scale_slot = (guint) CLAMP (scale, 1, N_SCALES) - 1;

  if (icons[slot][scale_slot] == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
      g_autofree char *name = g_strdup_printf ("consenso-stance-%s-symbolic", stances[slot].name);

      if (!gtk_icon_theme_has_icon (theme, name))
        gtk_icon_theme_add_resource_path (theme, "/io/github/consenso/Consenso/icons");
      icons[slot][scale_slot] = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, name, NULL, 16,
                                                                           (int) scale_slot + 1,
                                                                           GTK_TEXT_DIR_NONE, 0));
    }
  return icons[slot][scale_slot];
}

/* "csn-stance-objects": the class that colours an image of @stance (style.css). */
const char *
csn_stance_get_css_class (int stance)
{
  static const char *classes[N_ICONS] = {
    "csn-stance-none", "csn-stance-supports", "csn-stance-supports-with-reservation",
    "csn-stance-objects", "csn-stance-abstains", "csn-stance-no-position",
  };

  return classes[get_slot (stance)];
}

/* The named colour of @stance's icon, or NULL for the colour of the text. */
const char *
csn_stance_get_color_name (int stance)
{
  return stances[get_slot (stance)].color;
}

const char *
csn_stance_get_label (int stance)
{
  if (stance == CSN_STANCE_NONE)
    return _("No answer yet");
  return csn_enum_get_label (CSN_TYPE_STANCE, stance);
}

/* "México: objects — “Not in this cycle” (returned workbook, 3 Oct 2011)", or "México: no answer yet". */
char *
csn_stance_dup_description (CsnDraft    *draft,
                            CsnCountry  *country,
                            CsnPosition *position)
{
  g_autofree char *name = csn_item_dup_title (CSN_ITEM (country));
  g_autofree char *stance = NULL;
  const char *comment, *received;
  const char *source;
  GString *text;

  g_return_val_if_fail (CSN_IS_COUNTRY (country), NULL);
  g_return_val_if_fail (position == NULL || CSN_IS_POSITION (position), NULL);

  stance = g_utf8_strdown (csn_stance_get_label (position != NULL ? (int) csn_position_get_stance (position)
                                                                   : CSN_STANCE_NONE), -1);
  /* Translators: a member state's position in a tooltip: "México: objects" */
  text = g_string_new (NULL);
  g_string_append_printf (text, _("%s: %s"), name, stance);
  if (position == NULL)
    return g_string_free (text, FALSE);

  comment = csn_position_get_comment (position);
  if (comment != NULL && comment[0] != '\0')
    {
      g_autofree char *shown = NULL;

      /* Long comments are for the details; a tooltip shows their start. */
      if (g_utf8_strlen (comment, -1) > 200)
        {
          g_autofree char *start = g_utf8_substring (comment, 0, 200);

          shown = g_strconcat (start, "…", NULL);
        }
      else
        shown = g_strdup (comment);
      /* Translators: the comment that follows a position in a tooltip: "México: objects — “comment”" */
      g_string_append_printf (text, _(" — “%s”"), shown);
    }

  source = csn_enum_get_label (CSN_TYPE_POSITION_SOURCE, csn_position_get_source (position));
  received = csn_position_get_received (position);
  {
    g_autofree char *lower = g_utf8_strdown (source, -1);

    if (received != NULL && received[0] != '\0')
      {
        g_autofree char *date = csn_date_text_format (received);

        /* Translators: where and when a position came from: " (returned workbook, 3 Oct 2011)" */
        g_string_append_printf (text, _(" (%s, %s)"), lower, date);
      }
    else
      /* Translators: where a position came from: " (noted in the meeting)" */
      g_string_append_printf (text, _(" (%s)"), lower);
  }
  return g_string_free (text, FALSE);
}

/* An image of @stance's icon, coloured as the strips colour it. */
GtkWidget *
csn_stance_image_new (int stance)
{
  GtkWidget *image = gtk_image_new_from_paintable (csn_stance_get_icon (stance, 1));

  gtk_widget_add_css_class (image, csn_stance_get_css_class (stance));
  return image;
}

static char *
join_names (GPtrArray *countries)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; countries != NULL && i < countries->len; i++)
    {
      g_autofree char *name = csn_item_dup_title (g_ptr_array_index (countries, i));

      if (i > 0)
        /* Translators: between the names of countries in a list: "México, Canadá" */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

/**
 * csn_consensus_conflict_dup_message:
 * @countries: the member states named, as csn_position_index_check_consensus() gives them
 *
 * "Agreed, though México objects": how the positions contradict a theme's @consensus; NULL when
 * they do not.
 */
char *
csn_consensus_conflict_dup_message (CsnConsensusConflict  conflict,
                                    CsnConsensus          consensus,
                                    GPtrArray            *countries)
{
  g_autofree char *names = join_names (countries);
  guint n = countries != NULL ? countries->len : 0;

  switch (conflict)
    {
    case CSN_CONSENSUS_CONFLICT_AGREED_BUT_OBJECTED:
      if (consensus == CSN_CONSENSUS_RESERVATIONS)
        /* Translators: a theme's consensus the positions contradict: "Agreed with reservations, though México objects" */
        return g_strdup_printf (ngettext ("Agreed with reservations, though %s objects",
                                          "Agreed with reservations, though %s object", n), names);
      /* Translators: a theme's consensus the positions contradict: "Agreed, though México objects" */
      return g_strdup_printf (ngettext ("Agreed, though %s objects", "Agreed, though %s object", n), names);
    case CSN_CONSENSUS_CONFLICT_AGREED_BUT_RESERVED:
      /* Translators: "Agreed without reservations, though Canadá supports with a reservation" */
      return g_strdup_printf (ngettext ("Agreed without reservations, though %s supports with a reservation",
                                        "Agreed without reservations, though %s support with reservations", n),
                              names);
    case CSN_CONSENSUS_CONFLICT_RESERVED_BUT_ALL_SUPPORT:
      return g_strdup (_("With reservations, though every member state supports it without one"));
    case CSN_CONSENSUS_CONFLICT_PENDING_BUT_ALL_SUPPORT:
      return g_strdup (_("Pending, though every member state supports it"));
    case CSN_CONSENSUS_CONFLICT_NONE:
    default:
      return NULL;
    }
}
