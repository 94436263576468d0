/*
 * The entry points of the FuzzPage, FuzzParse and FuzzStructured executables.
 *
 * SwiftPM links a Linux executable with `--defsym main=<Module>_main` so that
 * tests can rename its entry point, but `-parse-as-library` (which libFuzzer
 * needs, so that no Swift `main` competes with its own) emits no such symbol
 * and the link fails (swiftlang/swift-package-manager#8731). This defines
 * FuzzPage_main as libFuzzer's own main does: run the libFuzzer driver on
 * the Swift LLVMFuzzerTestOneInput.
 */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t));

int FuzzPage_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

/* The same for FuzzParse, the parser-only target. */
int FuzzParse_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

/* The same for FuzzStructured, saved HTML pages and export files. */
int FuzzStructured_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
