// Rebuild when a migration or a message file changes: both are embedded in the binary.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=messages");
}
