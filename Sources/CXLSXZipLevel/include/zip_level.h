// See zip_level.c: the workbook's zip entries are compressed at zlib's fastest level.
#ifndef PAYBATCH_ZIP_LEVEL_H
#define PAYBATCH_ZIP_LEVEL_H
/// The zlib level every workbook part is compressed at (what the interposed call passes on).
int paybatch_workbook_zip_level(void);
#endif
