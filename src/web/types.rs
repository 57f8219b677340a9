//! The TypeScript names of the exports' option arguments, and the declarations of the option and
//! result objects the client takes and gives (kept in js/package/types/client.d.ts).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The optional last argument of every method, typed `CallOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "CallOptions")]
    pub type CallOptionsArg;

    /// A stickerpack namespace argument, typed `Namespace` in TypeScript.
    #[wasm_bindgen(typescript_type = "Namespace")]
    pub type NamespaceArg;
}

// Included in the generated sinch_whatsapp.d.ts.
#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &str = include_str!("../../js/package/types/client.d.ts");
