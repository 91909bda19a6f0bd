/* csn-reservation.c: a country's reservation on a theme. */
#define G_LOG_DOMAIN "csn-reservation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-enums.h"
#include "csn-reservation.h"

struct _CsnReservation
{
  CsnItem parent_instance;
};

G_DEFINE_FINAL_TYPE (CsnReservation, csn_reservation, CSN_TYPE_ITEM)

static const CsnField fields[] = {
  { .key = "country",
    .kind = CSN_FIELD_REF,
    .flags = CSN_FIELD_FLAG_OWNER,
    .label = N_("country"),
    .target = CSN_COLLECTION_COUNTRIES },
  { .key = "text",
    .kind = CSN_FIELD_TEXT,
    .flags = CSN_FIELD_FLAG_TITLE | CSN_FIELD_FLAG_TRANSLATABLE,
    .label = N_("text"),
    .target = CSN_COLLECTION_NONE },
};

static void
csn_reservation_class_init (CsnReservationClass *klass)
{
  csn_item_class_set_schema (CSN_ITEM_CLASS (klass), NULL, NULL,
                             fields, G_N_ELEMENTS (fields));
}

static void
csn_reservation_init (CsnReservation *self)
{
}

CsnReservation *
csn_reservation_new (void)
{
  return g_object_new (CSN_TYPE_RESERVATION, NULL);
}

const char *
csn_reservation_get_country (CsnReservation *self)
{
  g_return_val_if_fail (CSN_IS_RESERVATION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_RESERVATION_PROP_COUNTRY);
}

const char *
csn_reservation_get_text (CsnReservation *self)
{
  g_return_val_if_fail (CSN_IS_RESERVATION (self), NULL);
  return csn_item_get_string (CSN_ITEM (self), CSN_RESERVATION_PROP_TEXT);
}
