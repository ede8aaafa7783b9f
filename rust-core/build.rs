// Linux and Android: link the library with `-z nodelete`. When the class loader that loaded it is
// collected, the JVM unloads the library; ferric's thread pools (rayon) may still be running code
// from it, so the mapping must outlive the loader.
//
// Windows GNU ABI: an explicit export list. The linker cargo-zigbuild drives does not receive the
// one rustc writes, and without one it exports every global symbol it sees (the CRT's, the
// unwinder's, BLAKE3's assembly). The list is this crate's `#[no_mangle]` functions: JNI_OnLoad and
// the C ABI of the FFM fast path.
use std::path::Path;

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" || os == "android" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
    }
    if os == "windows" && env == "gnu" {
        let mut names = Vec::new();
        exported_functions(Path::new("src"), &mut names);
        names.sort();
        let def = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ferric.def");
        std::fs::write(&def, format!("EXPORTS\n{}\n", names.join("\n"))).expect("writing the export list");
        println!("cargo:rustc-cdylib-link-arg={}", def.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
}

/// The names of the functions marked `#[no_mangle]` in the `.rs` files under `dir`.
fn exported_functions(dir: &Path, names: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("reading src").map(|e| e.expect("reading src").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            exported_functions(&path, names);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("reading a source file");
            let mut marked = false;
            for line in text.lines().map(str::trim) {
                if line == "#[no_mangle]" || line == "#[unsafe(no_mangle)]" {
                    marked = true;
                } else if marked && line.contains("fn ") {
                    let name = line.split("fn ").nth(1).and_then(|rest| rest.split(['(', '<']).next());
                    names.push(name.expect("a function name after fn").trim().to_string());
                    marked = false;
                } else if marked && !line.starts_with("#[") && !line.starts_with("//") {
                    marked = false;
                }
            }
        }
    }
}
