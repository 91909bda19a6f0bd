/* csn-metered-input.h: a GsfInput over bytes in memory that counts what is read from it, so that a zip
 * member's compression ratio is measured while it inflates instead of trusting the sizes it declares. */
#pragma once

#include <gsf/gsf.h>

G_BEGIN_DECLS

#define CSN_TYPE_METERED_INPUT (csn_metered_input_get_type ())
#define CSN_METERED_INPUT(obj) (G_TYPE_CHECK_INSTANCE_CAST ((obj), CSN_TYPE_METERED_INPUT, CsnMeteredInput))
#define CSN_IS_METERED_INPUT(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), CSN_TYPE_METERED_INPUT))

/* Declared by hand: libgsf 1.14.50 defines no autoptr cleanup for GsfInput, which
 * G_DECLARE_FINAL_TYPE needs. */
typedef struct _CsnMeteredInput CsnMeteredInput;

GType     csn_metered_input_get_type       (void) G_GNUC_CONST;
GsfInput *csn_metered_input_new            (GBytes          *bytes,
                                            const char      *name);
guint64   csn_metered_input_get_bytes_read (CsnMeteredInput *self);

G_END_DECLS
