/*
 * A library that only glibc can load: it needs gnu_get_libc_version, which musl does not have.
 * .ci/platforms.sh checks that the aarch64 musl harness (load.c) refuses it, i.e. that the harness
 * can fail (musl's loader stands in for libc.so.6, so a glibc library alone need not fail).
 */
extern const char *gnu_get_libc_version(void);

const char *ferric_glibc_version(void) { return gnu_get_libc_version(); }

int JNI_OnLoad(void *vm, void *reserved) {
  (void) vm;
  (void) reserved;
  return 0x00010008; /* JNI_VERSION_1_8 */
}
