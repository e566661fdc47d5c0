// libxlsxwriter's own header; a shim file so that helpers can be added beside it if needed.
#ifndef PAYBATCH_CXLSXWRITER_SHIM_H
#define PAYBATCH_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
