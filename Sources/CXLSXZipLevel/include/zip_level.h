// See zip_level.c: the executable's workbook parts are compressed at zlib's fastest level when
// libxlsxwriter's call to libminizip is bound to paybatch's own definition.
#ifndef PAYBATCH_ZIP_LEVEL_H
#define PAYBATCH_ZIP_LEVEL_H

/// What the self-check found; only `PAYBATCH_ZIP_INTERPOSED` changes the level.
enum {
    /// libxlsxwriter's call reaches paybatch's definition, and libminizip's follows it.
    PAYBATCH_ZIP_INTERPOSED = 0,
    /// The process's first definition is not paybatch's (the executable does not export it).
    PAYBATCH_ZIP_NOT_EXPORTED = 1,
    /// No definition follows paybatch's to pass the call on to.
    PAYBATCH_ZIP_NO_MINIZIP = 2,
    /// libxlsxwriter defines the call itself (a bundled minizip), so its calls may stay inside it.
    PAYBATCH_ZIP_INSIDE_LIBXLSXWRITER = 3,
    /// libxlsxwriter is not in the process.
    PAYBATCH_ZIP_NO_LIBXLSXWRITER = 4,
};

/// Asks the dynamic linker where libxlsxwriter's call goes, and from then on passes it on at the
/// fastest level if and only if the answer is `PAYBATCH_ZIP_INTERPOSED`. Call it once, before
/// any workbook is written.
int paybatch_zip_level_self_check(void);

#endif
