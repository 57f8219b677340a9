//! `WhatsAppClient` methods for stickerpacks and stickers.

use super::client::WhatsAppClient;
use super::convert::{from_js, optional_arg, string_arg};
use super::types::{CallOptionsArg, NamespaceArg};
use crate::core::endpoints::stickers::{
    self, IdOnly, IndexOnly, Namespace, PackInfo, PackList, StickerFields, StickerIndex,
    StickerInfo, StickerList, StickerpackFields,
};
use crate::core::endpoints::Done;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl WhatsAppClient {
    /// Lists stickerpack ids (`namespace` `"whatsapp"` (upstream default) or `"third_party"`).
    #[wasm_bindgen(js_name = listStickerpacks, unchecked_return_type = "Promise<StickerpackList>")]
    pub fn list_stickerpacks(
        &self,
        namespace: Option<NamespaceArg>,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let namespace = optional_arg::<Namespace>(namespace.map(Into::into), "namespace")?;
            let request = stickers::list_packs(&inner.config, namespace);
            inner
                .execute::<_, PackList, PackList>(&request, &call)
                .await
        })
    }

    /// A stickerpack's publisher, name and store links.
    #[wasm_bindgen(js_name = getStickerpack, unchecked_return_type = "Promise<StickerpackInfo>")]
    pub fn get_stickerpack(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        namespace: Option<NamespaceArg>,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let namespace = optional_arg::<Namespace>(namespace.map(Into::into), "namespace")?;
            let request = stickers::get_pack(&inner.config, &id, namespace)?;
            inner
                .execute::<_, PackInfo, PackInfo>(&request, &call)
                .await
        })
    }

    /// Creates a third-party stickerpack; resolves to its `{ id }`.
    #[wasm_bindgen(js_name = createStickerpack, unchecked_return_type = "Promise<{ id: string }>")]
    pub fn create_stickerpack(
        &self,
        #[wasm_bindgen(unchecked_param_type = "StickerpackFields")] fields: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let fields = from_js::<StickerpackFields>(fields, "fields")?;
            let request = stickers::create_pack(&inner.config, fields)?;
            inner.execute::<_, IdOnly, IdOnly>(&request, &call).await
        })
    }

    /// Overwrites the given fields of a third-party stickerpack.
    #[wasm_bindgen(js_name = updateStickerpack, unchecked_return_type = "Promise<void>")]
    pub fn update_stickerpack(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<StickerpackFields>")] fields: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let fields = from_js::<StickerpackFields>(fields, "fields")?;
            let request = stickers::update_pack(&inner.config, &id, fields)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }

    /// Deletes a third-party stickerpack.
    #[wasm_bindgen(js_name = deleteStickerpack, unchecked_return_type = "Promise<void>")]
    pub fn delete_stickerpack(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let request =
                stickers::delete_pack(&inner.config, &string_arg(pack_id, "stickerpackId")?)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }

    /// Lists the sticker indices of a pack.
    #[wasm_bindgen(js_name = listStickers, unchecked_return_type = "Promise<StickerList>")]
    pub fn list_stickers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        namespace: Option<NamespaceArg>,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let namespace = optional_arg::<Namespace>(namespace.map(Into::into), "namespace")?;
            let request = stickers::list_stickers(&inner.config, &id, namespace)?;
            inner
                .execute::<_, StickerList, StickerList>(&request, &call)
                .await
        })
    }

    /// A sticker's id (to send it by) and emojis.
    #[wasm_bindgen(js_name = getSticker, unchecked_return_type = "Promise<StickerInfo>")]
    pub fn get_sticker(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | string")] index: JsValue,
        namespace: Option<NamespaceArg>,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let index = from_js::<StickerIndex>(index, "index")?;
            let namespace = optional_arg::<Namespace>(namespace.map(Into::into), "namespace")?;
            let request = stickers::get_sticker(&inner.config, &id, &index, namespace)?;
            inner
                .execute::<_, StickerInfo, StickerInfo>(&request, &call)
                .await
        })
    }

    /// Adds a sticker (`{ url, emojis? }`) to a third-party pack; resolves to its `{ index }`.
    #[wasm_bindgen(js_name = createSticker, unchecked_return_type = "Promise<{ index: string }>")]
    pub fn create_sticker(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "StickerFields")] fields: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let fields = from_js::<StickerFields>(fields, "fields")?;
            let request = stickers::create_sticker(&inner.config, &id, fields)?;
            inner
                .execute::<_, IndexOnly, IndexOnly>(&request, &call)
                .await
        })
    }

    /// Changes a sticker's url and/or emojis.
    #[wasm_bindgen(js_name = updateSticker, unchecked_return_type = "Promise<void>")]
    pub fn update_sticker(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | string")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<StickerFields>")] fields: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let index = from_js::<StickerIndex>(index, "index")?;
            let fields = from_js::<StickerFields>(fields, "fields")?;
            let request = stickers::update_sticker(&inner.config, &id, &index, fields)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }

    /// Deletes a sticker from a third-party pack.
    #[wasm_bindgen(js_name = deleteSticker, unchecked_return_type = "Promise<void>")]
    pub fn delete_sticker(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pack_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | string")] index: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(pack_id, "stickerpackId")?;
            let index = from_js::<StickerIndex>(index, "index")?;
            let request = stickers::delete_sticker(&inner.config, &id, &index)?;
            inner.execute::<_, Done, Done>(&request, &call).await
        })
    }
}
