// libxlsxwriter 1.1.4 (Debian) zips a workbook's parts at close through libminizip, always at zlib's
// default level (6), and has no option for it. A 100,000-line workbook is 77 MB of XML: level 6
// takes 1.7 s of one core at the very end of an export, level 1 0.45 s for a file 22% larger
// (BENCHMARKS.md). So the executable defines minizip's entry point itself, exported from it
// (Package.swift's `--export-dynamic-symbol`), and the dynamic linker binds libxlsxwriter's call
// here first; this passes the call on to libminizip's own definition with the level changed.
// libxlsxwriter is the only user of libminizip in the process.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include "zip_level.h"

enum { fastest = 1 };

int paybatch_workbook_zip_level(void) { return fastest; }

// minizip's zip.h (not installed by Debian's runtime package), with its typedefs spelled out:
// zipFile is void *, zip_fileinfo is passed by pointer, uInt is unsigned, uLong unsigned long.
typedef int (*open_new_file_fn)(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned size_extrafield_local, const void *extrafield_global, unsigned size_extrafield_global,
    const char *comment, int method, int level, int raw, int window_bits, int mem_level, int strategy,
    const char *password, unsigned long crc_for_crypting, unsigned long version_made_by,
    unsigned long flag_base, int zip64);

int zipOpenNewFileInZip4_64(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned size_extrafield_local, const void *extrafield_global, unsigned size_extrafield_global,
    const char *comment, int method, int level, int raw, int window_bits, int mem_level, int strategy,
    const char *password, unsigned long crc_for_crypting, unsigned long version_made_by,
    unsigned long flag_base, int zip64) {
    // Looked up on each call (a few dozen per workbook): no state shared between threads.
    open_new_file_fn real = (open_new_file_fn)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (real == NULL) {
        fprintf(stderr, "paybatch: libminizip's zipOpenNewFileInZip4_64 not found: %s\n", dlerror());
        abort();
    }
    (void)level;
    return real(
        file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
        size_extrafield_global, comment, method, fastest, raw, window_bits, mem_level, strategy,
        password, crc_for_crypting, version_made_by, flag_base, zip64);
}
