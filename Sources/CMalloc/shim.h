// glibc's allocator controls (mallopt), which the Glibc module does not export; the paybatch
// command tunes one at start (Sources/paybatch/AllocatorTuning.swift).
#ifndef PAYBATCH_CMALLOC_SHIM_H
#define PAYBATCH_CMALLOC_SHIM_H
#include <malloc.h>
#endif
