/* positions-sample.c: the member states' positions a test or a screenshot starts from, on the CRM template.
 *
 * Theme 1 is agreed though México objects; theme 2 is pending though all eleven support it;
 * theme 3 has each stance once; strategy 1, mechanism 1 and a role proposal of the ST have some
 * answers. Three delegations have returned workbooks (CA, MX, GT); the rest was said in the meeting. */
#include "config.h"

#include "csn-enums.h"
#include "csn-position.h"
#include "csn-role-proposal.h"
#include "positions-sample.h"

static const char * const members[] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };

static void
add (CsnDraft   *draft,
     const char *item,
     const char *country,
     CsnStance   stance,
     const char *comment)
{
  g_autoptr(CsnPosition) position = csn_position_new ();
  g_autofree char *id = g_strdup_printf ("position-%s-%s", item, country);
  gboolean returned = g_str_equal (country, "CA") || g_str_equal (country, "MX") || g_str_equal (country, "GT");

  g_object_set (position,
                CSN_POSITION_PROP_ID, id,
                CSN_POSITION_PROP_ITEM, item,
                CSN_POSITION_PROP_COUNTRY, country,
                CSN_POSITION_PROP_STANCE, stance,
                CSN_POSITION_PROP_COMMENT, comment != NULL ? comment : "",
                CSN_POSITION_PROP_SOURCE, returned ? CSN_POSITION_SOURCE_WORKBOOK : CSN_POSITION_SOURCE_MEETING,
                CSN_POSITION_PROP_RECEIVED, returned ? "2011-10-03" : "2011-09-28",
                NULL);
  csn_draft_append (draft, CSN_COLLECTION_POSITIONS, CSN_ITEM (position));
}

void
positions_sample_fill (CsnDraft *draft)
{
  g_autoptr(CsnRoleProposal) proposal = NULL;
  CsnItem *theme_1 = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-1");

  g_return_if_fail (theme_1 != NULL);

  csn_draft_begin_group (draft, "Sample positions");
  csn_draft_set_enum (draft, theme_1, "consensus", CSN_CONSENSUS_AGREED);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      if (g_str_equal (members[i], "MX"))
        add (draft, "theme-1", "MX", CSN_STANCE_OBJECTS,
             "México propone tratar la trata de personas en el grupo de trabajo ad hoc ya existente.");
      else
        add (draft, "theme-1", members[i], CSN_STANCE_SUPPORTS, NULL);
      add (draft, "theme-2", members[i], CSN_STANCE_SUPPORTS, NULL);
    }
  add (draft, "theme-3", "BZ", CSN_STANCE_SUPPORTS, NULL);
  add (draft, "theme-3", "CA", CSN_STANCE_SUPPORTS_WITH_RESERVATION,
       "Canada supports the theme provided that it does not duplicate the work of the RCGM.");
  add (draft, "theme-3", "CR", CSN_STANCE_OBJECTS, "Costa Rica prefiere el mediano plazo.");
  add (draft, "theme-3", "SV", CSN_STANCE_ABSTAINS, NULL);
  add (draft, "theme-3", "US", CSN_STANCE_NO_POSITION, NULL);
  add (draft, "strategy-1", "GT", CSN_STANCE_SUPPORTS, "Guatemala ofrece ser sede del taller.");
  add (draft, "strategy-1", "HN", CSN_STANCE_SUPPORTS, NULL);
  add (draft, "strategy-2", "MX", CSN_STANCE_OBJECTS, NULL);
  add (draft, "mechanism-1", "PA", CSN_STANCE_SUPPORTS_WITH_RESERVATION, "Panamá pide revisar el calendario.");
  add (draft, "mechanism-1", "DO", CSN_STANCE_SUPPORTS, NULL);

  proposal = g_object_new (CSN_TYPE_ROLE_PROPOSAL,
                           "id", "proposal-st-1",
                           "actor", "st",
                           "change", CSN_ROLE_CHANGE_MODIFY,
                           "attribution", "Dar seguimiento a las recomendaciones entre reuniones",
                           "rationale", "La ST tiene la continuidad que las presidencias no tienen",
                           NULL);
  csn_draft_append (draft, CSN_COLLECTION_ROLE_PROPOSALS, CSN_ITEM (proposal));
  add (draft, "proposal-st-1", "CA", CSN_STANCE_SUPPORTS, NULL);
  add (draft, "proposal-st-1", "US", CSN_STANCE_OBJECTS, "The United States would rather keep the current role.");
  add (draft, "proposal-st-1", "MX", CSN_STANCE_SUPPORTS, NULL);
  csn_draft_end_group (draft);
}
