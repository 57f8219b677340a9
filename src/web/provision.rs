//! `WhatsAppClient` methods for read receipts, capability, opt-in, the blacklist
//! and media providers.

use super::client::WhatsAppClient;
use super::convert::{from_js, optional_arg, string_arg};
use super::types::CallOptionsArg;
use crate::core::endpoints::numbers::{self, BlacklistPage, Capabilities, Numbers, OptInResult};
use crate::core::endpoints::providers::{self, ProviderInput, Providers, WireProviders};
use crate::core::endpoints::Done;
use crate::core::error::Result;
use wasm_bindgen::prelude::*;

fn numbers_arg(value: JsValue) -> Result<Numbers> {
    Numbers::new(from_js(value, "numbers")?)
}

#[wasm_bindgen]
impl WhatsAppClient {
    /// Marks an inbound message as read (`POST /events`): the sender sees two blue ticks.
    #[wasm_bindgen(js_name = markRead, unchecked_return_type = "Promise<void>")]
    pub fn mark_read(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] message_id: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let request = numbers::mark_read(&inner.config, string_arg(message_id, "messageId")?)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }

    /// Asks whether 1–20 numbers can receive WhatsApp messages (`POST /capability`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Capabilities>")]
    pub fn capability(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let request = numbers::capability(&inner.config, numbers_arg(numbers)?);
            inner
                .execute::<_, Capabilities, Capabilities>(&request, &call)
                .await
        })
    }

    /// Records the opt-in of 1–20 numbers (`POST /provision/optin`).
    #[wasm_bindgen(js_name = optIn, unchecked_return_type = "Promise<OptInResult>")]
    pub fn opt_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.opt(numbers, options, true)
    }

    /// Withdraws the opt-in of 1–20 numbers (`DELETE /provision/optin`).
    #[wasm_bindgen(js_name = optOut, unchecked_return_type = "Promise<OptInResult>")]
    pub fn opt_out(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.opt(numbers, options, false)
    }

    /// Blacklists 1–20 numbers: their inbound messages are dropped upstream.
    #[wasm_bindgen(js_name = addToBlacklist, unchecked_return_type = "Promise<void>")]
    pub fn add_to_blacklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.blacklist_edit(numbers, options, true)
    }

    /// Takes 1–20 numbers off the blacklist.
    #[wasm_bindgen(js_name = removeFromBlacklist, unchecked_return_type = "Promise<void>")]
    pub fn remove_from_blacklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] numbers: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.blacklist_edit(numbers, options, false)
    }

    /// One page of the blacklist (`page` 0 is the first; 100 numbers a page).
    #[wasm_bindgen(unchecked_return_type = "Promise<BlacklistPage>")]
    pub fn blacklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] page: Option<JsValue>,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, move |inner, call| async move {
            let page = optional_arg::<u32>(page, "page")?.unwrap_or(0);
            let request = numbers::blacklist_page(&inner.config, page);
            inner
                .execute::<_, BlacklistPage, BlacklistPage>(&request, &call)
                .await
        })
    }

    /// Adds a media provider (or replaces the one of that name): `{ name, basic: { username, password } }`
    /// or `{ name, bearer }`. The credentials are sent to Sinch and never shown again.
    #[wasm_bindgen(js_name = addProvider, unchecked_return_type = "Promise<void>")]
    pub fn add_provider(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProviderInput")] provider: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let input = from_js::<ProviderInput>(provider, "provider")?;
            let request = providers::add_provider(&inner.config, input)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }

    /// Lists the media providers, without their credentials.
    #[wasm_bindgen(js_name = listProviders, unchecked_return_type = "Promise<Providers>")]
    pub fn list_providers(&self, options: Option<CallOptionsArg>) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let request = providers::list_providers(&inner.config);
            inner
                .execute::<_, WireProviders, Providers>(&request, &call)
                .await
        })
    }

    /// Deletes a media provider by name.
    #[wasm_bindgen(js_name = deleteProvider, unchecked_return_type = "Promise<void>")]
    pub fn delete_provider(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let request = providers::delete_provider(&inner.config, &string_arg(name, "name")?)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }
}

impl WhatsAppClient {
    fn opt(
        &self,
        numbers: JsValue,
        options: Option<CallOptionsArg>,
        opt_in: bool,
    ) -> js_sys::Promise {
        self.run(options, move |inner, call| async move {
            let request = numbers::opt_in(&inner.config, numbers_arg(numbers)?, opt_in);
            inner
                .execute::<_, OptInResult, OptInResult>(&request, &call)
                .await
        })
    }

    fn blacklist_edit(
        &self,
        numbers: JsValue,
        options: Option<CallOptionsArg>,
        add: bool,
    ) -> js_sys::Promise {
        self.run(options, move |inner, call| async move {
            let request = numbers::blacklist(&inner.config, numbers_arg(numbers)?, add);
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }
}
