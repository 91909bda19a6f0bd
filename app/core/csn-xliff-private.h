/* csn-xliff-private.h: an XLIFF 1.2 file as plain data, between the draft and the XML — what the
 * export hands its writer and what the reader hands the import. */
#pragma once

#include <gio/gio.h>

#include "csn-types.h"

G_BEGIN_DECLS

#define CSN_XLIFF_NAMESPACE "urn:oasis:names:tc:xliff:document:1.2"

typedef struct {
  char      *id;
  char      *source;
  char      *target;  /* NULL: no <target> */
  char      *state;   /* the target's state, or NULL */
  GPtrArray *notes;   /* char *; the writer's only */
  guint      line;    /* the reader's: where the <trans-unit> starts */
} CsnXliffUnit;

typedef struct {
  char      *original;
  char      *source_language;
  char      *target_language;  /* NULL when the file does not say */
  char      *date;             /* the writer's only */
  char      *header_note;      /* the writer's only */
  guint      line;             /* the reader's: where the <file> starts */
  GPtrArray *units;            /* CsnXliffUnit */
} CsnXliffFile;

CsnXliffFile *csn_xliff_file_new      (void);
void          csn_xliff_file_free     (CsnXliffFile *file);
CsnXliffUnit *csn_xliff_file_add_unit (CsnXliffFile *file,
                                       const char   *id,
                                       const char   *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsnXliffFile, csn_xliff_file_free)

gunichar      csn_xliff_find_invalid_char (const char *text);

/* csn-xliff-writer.c */
char         *csn_xliff_write         (CsnXliffFile  *file,
                                       gsize         *length,
                                       GError       **error);

/* csn-xliff-reader.c: GPtrArray of CsnXliffFile; @name starts every message */
GPtrArray    *csn_xliff_read          (GInputStream  *stream,
                                       const char    *name,
                                       gsize          max_size,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* csn-xliff.c */
CsnChangeSet *csn_xliff_build_change_set (CsnDraft     *draft,
                                          GPtrArray    *files,
                                          const char   *name,
                                          GListModel  **reports,
                                          GError      **error);

G_END_DECLS
