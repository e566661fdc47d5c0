// Only the header matters: libFuzzer itself (linked by -sanitize=fuzzer) defines the driver.
