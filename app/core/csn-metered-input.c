/* csn-metered-input.c: a GsfInput over bytes in memory that counts the bytes read from it. */
#define G_LOG_DOMAIN "csn-metered-input"

#include "config.h"

#include <gsf/gsf-input-impl.h>
#include <string.h>

#include "csn-metered-input.h"

struct _CsnMeteredInput
{
  GsfInput  parent_instance;

  GBytes   *bytes;
  guint64   bytes_read;
};

typedef struct
{
  GsfInputClass parent_class;
} CsnMeteredInputClass;

G_DEFINE_FINAL_TYPE (CsnMeteredInput, csn_metered_input, GSF_INPUT_TYPE)

static GsfInput *
csn_metered_input_dup (GsfInput  *input,
                       GError   **error)
{
  /* A proxy reads through this input, so its reads are counted too. */
  return gsf_input_proxy_new (input);
}

static const guint8 *
csn_metered_input_read (GsfInput *input,
                        size_t    num_bytes,
                        guint8   *buffer)
{
  CsnMeteredInput *self = CSN_METERED_INPUT (input);
  const guint8 *data = g_bytes_get_data (self->bytes, NULL);
  const guint8 *start = data + input->cur_offset;

  /* gsf_input_read() has already checked that the range lies inside the input. */
  self->bytes_read += num_bytes;
  if (buffer == NULL)
    return start;
  memcpy (buffer, start, num_bytes);
  return buffer;
}

static gboolean
csn_metered_input_seek (GsfInput  *input,
                        gsf_off_t  offset,
                        GSeekType  whence)
{
  return FALSE;
}

static void
csn_metered_input_finalize (GObject *object)
{
  CsnMeteredInput *self = CSN_METERED_INPUT (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (csn_metered_input_parent_class)->finalize (object);
}

static void
csn_metered_input_class_init (CsnMeteredInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GsfInputClass *input_class = GSF_INPUT_CLASS (klass);

  object_class->finalize = csn_metered_input_finalize;
  input_class->Dup = csn_metered_input_dup;
  input_class->Read = csn_metered_input_read;
  input_class->Seek = csn_metered_input_seek;
}

static void
csn_metered_input_init (CsnMeteredInput *self)
{
}

GsfInput *
csn_metered_input_new (GBytes     *bytes,
                       const char *name)
{
  CsnMeteredInput *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (CSN_TYPE_METERED_INPUT, NULL);
  self->bytes = g_bytes_ref (bytes);
  gsf_input_set_size (GSF_INPUT (self), g_bytes_get_size (bytes));
  gsf_input_set_name (GSF_INPUT (self), name);
  return GSF_INPUT (self);
}

guint64
csn_metered_input_get_bytes_read (CsnMeteredInput *self)
{
  g_return_val_if_fail (CSN_IS_METERED_INPUT (self), 0);

  return self->bytes_read;
}
