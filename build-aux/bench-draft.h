/* bench-draft.h: the large draft the benchmarks share (issue 16), generated from the built-in template. */
#pragma once

#include <glib.h>

#include "csn-draft.h"

G_BEGIN_DECLS

typedef struct
{
  guint themes;
  guint strategies;
  guint role_proposals;
  guint participants;
} BenchDraftSize;

/* 500 themes, 5,000 strategies, 2,000 role proposals, 1,000 participants: the draft of issue 16. */
#define BENCH_DRAFT_SIZE_LARGE { 500, 5000, 2000, 1000 }

void      bench_draft_size_scale      (BenchDraftSize       *size,
                                       double                factor);
GString  *bench_draft_generate_json   (const BenchDraftSize *size);
CsnDraft *bench_draft_generate        (const BenchDraftSize *size);

G_END_DECLS
