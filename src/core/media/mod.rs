//! Media preflight: sniffs a file's real type from bounded reads and checks it against the WhatsApp rules.
