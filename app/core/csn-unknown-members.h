/* csn-unknown-members.h: the members of a JSON object this build does not understand, as one
 * property the undo history can set and restore, order included. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CSN_TYPE_UNKNOWN_MEMBERS (csn_unknown_members_get_type ())

G_DECLARE_FINAL_TYPE (CsnUnknownMembers, csn_unknown_members, CSN, UNKNOWN_MEMBERS, GObject)

CsnUnknownMembers *csn_unknown_members_new        (JsonObject        *owner);
JsonObject        *csn_unknown_members_dup_with   (CsnUnknownMembers *self,
                                                   const char        *name,
                                                   JsonNode          *value);

G_END_DECLS
