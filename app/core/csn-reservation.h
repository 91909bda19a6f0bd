/* csn-reservation.h: a country's reservation on a theme. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_RESERVATION (csn_reservation_get_type ())

G_DECLARE_FINAL_TYPE (CsnReservation, csn_reservation, CSN, RESERVATION, CsnItem)

CsnReservation *csn_reservation_new (void);

/* Property names, for the generic cell and edit API; the getters below read them. */
#define CSN_RESERVATION_PROP_COUNTRY "country"
#define CSN_RESERVATION_PROP_TEXT    "text"

const char *csn_reservation_get_country (CsnReservation *self);
const char *csn_reservation_get_text    (CsnReservation *self);

G_END_DECLS
