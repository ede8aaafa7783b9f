#!/usr/bin/env python3
"""Packs Android JNI libraries into a reproducible AAR.

    make-aar.py JNILIBS_DIR OUT.aar

JNILIBS_DIR is cargo-ndk's output layout (ABI/libferric.so). The AAR holds only the libraries
(jni/ABI/libferric.so), a manifest and an empty classes.jar: the Java API comes from the ferric jar,
and on Android the loader calls System.loadLibrary("ferric"), which finds these. Entries are sorted and
stamped with a fixed time so the same inputs give the same bytes.
"""
import io
import sys
import zipfile
from pathlib import Path

# Same instant as the Maven build's project.build.outputTimestamp.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="dev.ferric.nativelibs">
    <uses-sdk android:minSdkVersion="21" />
</manifest>
"""


def entry(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16  # regular file, rw-r--r--
    zf.writestr(info, data)


def empty_jar() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as jar:
        entry(jar, "META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\n\r\n")
    return buf.getvalue()


def main(jnilibs: Path, out: Path) -> None:
    libs = sorted(jnilibs.glob("*/libferric.so"))
    if not libs:
        sys.exit(f"no ABI/libferric.so under {jnilibs}")
    files = {"AndroidManifest.xml": MANIFEST.encode(), "R.txt": b"", "classes.jar": empty_jar()}
    for lib in libs:
        files[f"jni/{lib.parent.name}/libferric.so"] = lib.read_bytes()
    with zipfile.ZipFile(out, "w") as aar:
        for name in sorted(files):
            entry(aar, name, files[name])
    print(f"wrote {out} ({', '.join(lib.parent.name for lib in libs)})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-aar.py JNILIBS_DIR OUT.aar")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
