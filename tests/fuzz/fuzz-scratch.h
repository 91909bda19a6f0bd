/* fuzz-scratch.h: the files a fuzz target writes, in a folder of its own that goes with the run. */
#pragma once

#include <glib.h>

char *fuzz_scratch_path (const char *name);
