/* csn-date-text.c: dates shown and typed in the user's locale, kept as YYYY-MM-DD in the draft. */
#define G_LOG_DOMAIN "csn-date-text"

#include "config.h"

#include <stdio.h>

#include "csn-date-text.h"
#include "csn-validate.h"

/* Midnight UTC of @iso, or NULL when it is not a date. */
GDateTime *
csn_date_text_to_date_time (const char *iso)
{
  int year, month, day;

  if (iso == NULL || !csn_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/* "30 Jun 2011", as the user's locale names the month; "" for no date. A date that is not
 * one is shown as it is, to be corrected. */
char *
csn_date_text_format (const char *iso)
{
  g_autoptr(GDateTime) date_time = csn_date_text_to_date_time (iso);
  GDate date;
  char text[64];

  if (date_time == NULL)
    return g_strdup (iso != NULL ? iso : "");
  /* The C library's names of the months, from LC_TIME: the ones g_date_set_parse() reads back. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (date_time), g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
  if (g_date_strftime (text, sizeof text, "%-d %b %Y", &date) == 0)
    return g_strdup (iso);
  return g_strdup (text);
}

static guint
count_digit_groups (const char *text)
{
  guint groups = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1])))
      groups++;
  return groups;
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * csn_date_text_parse:
 *
 * Reads a date as typed: 2011-06-30, or as the user's locale writes it ("30/06/2011",
 * "30 jun 2011"). A day, a month and a year must all be there: "30" alone is not a date.
 * Returns TRUE with @iso set to YYYY-MM-DD, or to NULL for an empty text; FALSE when the text is
 * not a date.
 */
gboolean
csn_date_text_parse (const char  *text,
                     char       **iso)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;
  guint groups;

  g_return_val_if_fail (iso != NULL, FALSE);

  *iso = NULL;
  if (stripped[0] == '\0')
    return TRUE;
  if (csn_date_is_valid (stripped))
    {
      *iso = g_steal_pointer (&stripped);
      return TRUE;
    }

  groups = count_digit_groups (stripped);
  if (groups < 2 || (groups < 3 && !has_letters (stripped)))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (!g_date_valid (&date))
    return FALSE;
  *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  if (!csn_date_is_valid (*iso))
    {
      g_clear_pointer (iso, g_free);
      return FALSE;
    }
  return TRUE;
}
