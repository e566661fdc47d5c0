// libxlsxwriter 1.1.4 (Debian) zips a workbook's parts at close through libminizip, always at zlib's
// default level (6), and has no option for it. A 100,000-line workbook is 77 MB of XML: level 6
// takes 1.7 s of one core at the very end of an export, level 1 0.45 s for a file 22% larger
// (BENCHMARKS.md). So the executable defines minizip's entry point itself, exported from it
// (Package.swift's `--export-dynamic-symbol`, on the `paybatch` target only), and the dynamic
// linker binds libxlsxwriter's call here first; this passes the call on to libminizip's own
// definition with the level changed. libxlsxwriter is the only user of libminizip in the process.
//
// Only the executable links this file: the library PaybatchKit, its tests and anyone else using it
// get libxlsxwriter's default level. The executable's self-check, at start, decides whether the
// level is changed at all, so a build or a libxlsxwriter where the binding does not happen as
// planned falls back to the default instead of failing.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include "zip_level.h"

enum { fastest = 1 };
// minizip's ZIP_INTERNALERROR: what libxlsxwriter reports as a failure to add a part.
enum { zip_internal_error = -104 };

// minizip's zip.h (not installed by Debian's runtime package), with its typedefs spelled out:
// zipFile is void *, zip_fileinfo is passed by pointer, uInt is unsigned, uLong unsigned long.
typedef int (*open_new_file_fn)(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned size_extrafield_local, const void *extrafield_global, unsigned size_extrafield_global,
    const char *comment, int method, int level, int raw, int window_bits, int mem_level, int strategy,
    const char *password, unsigned long crc_for_crypting, unsigned long version_made_by,
    unsigned long flag_base, int zip64);

// Set once by the self-check, before any workbook is written; read by every call (atomic, so a
// workbook closed on another thread sees it without a data race).
static atomic_int armed;

int zipOpenNewFileInZip4_64(
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,
    unsigned size_extrafield_local, const void *extrafield_global, unsigned size_extrafield_global,
    const char *comment, int method, int level, int raw, int window_bits, int mem_level, int strategy,
    const char *password, unsigned long crc_for_crypting, unsigned long version_made_by,
    unsigned long flag_base, int zip64) {
    // Looked up on each call (a few dozen per workbook): nothing but `armed` is shared by threads.
    open_new_file_fn real = (open_new_file_fn)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    // Nothing to pass the call on to (the self-check says so at start, and does not arm): the
    // part fails as an error libxlsxwriter reports, not as a crash.
    if (real == NULL) return zip_internal_error;
    int chosen = atomic_load(&armed) ? fastest : level;
    return real(
        file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
        size_extrafield_global, comment, method, chosen, raw, window_bits, mem_level, strategy,
        password, crc_for_crypting, version_made_by, flag_base, zip64);
}

// The call is interposed when (1) the dynamic linker's first definition in the process is this
// one — what it binds an importing library's call to — (2) a definition follows to pass the call
// on to, and (3) that definition is not in libxlsxwriter itself: a libxlsxwriter that carries its
// own minizip may call it directly, never reaching this one.
static int check(void) {
    void *ours = (void *)zipOpenNewFileInZip4_64;
    if (dlsym(RTLD_DEFAULT, "zipOpenNewFileInZip4_64") != ours) return PAYBATCH_ZIP_NOT_EXPORTED;
    void *real = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (real == NULL) return PAYBATCH_ZIP_NO_MINIZIP;
    Dl_info minizip, xlsxwriter;
    if (dladdr(real, &minizip) == 0) return PAYBATCH_ZIP_NO_MINIZIP;
    void *workbook_new = dlsym(RTLD_DEFAULT, "workbook_new");
    if (workbook_new == NULL || dladdr(workbook_new, &xlsxwriter) == 0) return PAYBATCH_ZIP_NO_LIBXLSXWRITER;
    if (minizip.dli_fbase == xlsxwriter.dli_fbase) return PAYBATCH_ZIP_INSIDE_LIBXLSXWRITER;
    return PAYBATCH_ZIP_INTERPOSED;
}

int paybatch_zip_level_self_check(void) {
    int found = check();
    atomic_store(&armed, found == PAYBATCH_ZIP_INTERPOSED);
    return found;
}
