/*
 * Loads each library named on the command line the way a musl JVM would: dlopen under musl's own
 * dynamic linker, which binds every symbol at once and fails on any it cannot resolve (a glibc-only
 * function, a missing DT_NEEDED library); then looks up JNI_OnLoad. Built by .ci/platforms.sh with
 * musl-gcc (x86_64) and with zig's musl (aarch64, run under qemu-aarch64); exits non-zero with the
 * loader's message on the first failure.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s LIBRARY...\n", argv[0]);
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    void *handle = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
      fprintf(stderr, "FAIL: musl's loader refused %s: %s\n", argv[i], dlerror());
      return 1;
    }
    if (dlsym(handle, "JNI_OnLoad") == NULL) {
      fprintf(stderr, "FAIL: %s has no JNI_OnLoad: %s\n", argv[i], dlerror());
      return 1;
    }
    printf("%s: loaded by musl's dynamic linker, every symbol bound, JNI_OnLoad found\n", argv[i]);
  }
  return 0;
}
