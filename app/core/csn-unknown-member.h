/* csn-unknown-member.h: one member of a JSON object this build does not understand, as a property
 * the undo history can set and restore. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CSN_TYPE_UNKNOWN_MEMBER (csn_unknown_member_get_type ())

G_DECLARE_FINAL_TYPE (CsnUnknownMember, csn_unknown_member, CSN, UNKNOWN_MEMBER, GObject)

CsnUnknownMember *csn_unknown_member_new      (JsonObject       *owner,
                                               const char       *name);
JsonNode         *csn_unknown_member_get_value (CsnUnknownMember *self);

G_END_DECLS
