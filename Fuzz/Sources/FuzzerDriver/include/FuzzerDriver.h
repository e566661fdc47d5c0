// libFuzzer's driver (LLVM 13 and later), declared for Swift. SwiftPM links an executable's entry
// point as `<module>_main`, so libFuzzer's own `main` is never used: FuzzerMain calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
