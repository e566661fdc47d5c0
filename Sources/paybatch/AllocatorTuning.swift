#if canImport(Glibc)
    import CMalloc
#endif

/// glibc's allocator raises its mmap threshold each time a large block is freed, up to 32 MB, so
/// after the first multi-megabyte Finch answer every later one is carved from the heap, which
/// seldom shrinks: an export's memory then grew with the number of answers, not with their size
/// (183 MB against 140 MB at 1,000,000 statement lines; BENCHMARKS.md). Pinning the threshold at
/// its default (128 KiB) gives each large answer its own mapping, returned when freed.
enum AllocatorTuning {
    static func apply() {
        #if canImport(Glibc)
            _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        #endif
    }
}
