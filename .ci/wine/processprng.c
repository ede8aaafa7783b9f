/*
 * Test setup only, never shipped: a stand-in bcryptprimitives.dll for the Wine prefix of
 * .ci/platforms.sh. Rust's standard library (1.78+) imports ProcessPrng from it, which Windows 10+
 * has and Wine 8 does not; without it no Rust DLL loads under Wine. This one fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), the system RNG Wine does have.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
