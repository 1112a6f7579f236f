pub fn hello() -> &'static str {
    "hi"
}
