/* csn-reservation.h: a country's reservation on a theme. */
#pragma once

#include "csn-item.h"

G_BEGIN_DECLS

#define CSN_TYPE_RESERVATION (csn_reservation_get_type ())

G_DECLARE_FINAL_TYPE (CsnReservation, csn_reservation, CSN, RESERVATION, CsnItem)

CsnReservation *csn_reservation_new (void);

G_END_DECLS
