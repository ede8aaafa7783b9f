// Windows GNU ABI: an explicit export list (JNI_OnLoad only). The linker cargo-zigbuild drives does
// not receive the one rustc writes, and without one it exports every global symbol it sees (the CRT's).
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "windows" && env == "gnu" {
        let def = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ferric_verifier.def");
        std::fs::write(&def, "EXPORTS\nJNI_OnLoad\n").expect("writing the export list");
        println!("cargo:rustc-cdylib-link-arg={}", def.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
}
