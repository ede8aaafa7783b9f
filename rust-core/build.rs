// Linux and Android: link the library with `-z nodelete`. When the class loader that loaded it is
// collected, the JVM unloads the library; ferric's thread pools (rayon) may still be running code
// from it, so the mapping must outlive the loader.
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" || os == "android" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
