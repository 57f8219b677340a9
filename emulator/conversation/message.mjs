// The `message` (AppMessage) of `messages:send`, checked as the brief's §2.3, §2.4 and §7.3
// describe: exactly one content key, each type's required fields and limits, and the extras.
import { array, exactlyOne, fail, isObject, number, object, oneOf, string, stringMap, url } from "./check.mjs";

/** The content keys; a message holds exactly one (or none when an extra carries WhatsApp's content). */
export const CONTENT = ["text_message", "media_message", "template_message", "choice_message", "card_message", "list_message", "location_message", "contact_info_message", "carousel_message"];
const EXTRAS = ["explicit_channel_message", "explicit_channel_omni_message", "channel_specific_message", "agent"];

const text = (m, at, max = 4096) => {
  object(m, at, ["text"]);
  string(m.text, `${at}.text`, { max });
};

function media(m, at) {
  object(m, at, ["url", "thumbnail_url", "filename_override"]);
  url(m.url, `${at}.url`);
  url(m.thumbnail_url, `${at}.thumbnail_url`, { required: false });
  string(m.filename_override, `${at}.filename_override`, { required: false });
}

function location(m, at) {
  object(m, at, ["coordinates", "title", "label"]);
  object(m.coordinates, `${at}.coordinates`, ["latitude", "longitude"]);
  number(m.coordinates.latitude, `${at}.coordinates.latitude`, -90, 90);
  number(m.coordinates.longitude, `${at}.coordinates.longitude`, -180, 180);
  string(m.title, `${at}.title`);
  string(m.label, `${at}.label`, { required: false, empty: true });
}

/** Each choice's kind: its required titled fields. */
const CHOICE = {
  text_message: (m, at) => text(m, at),
  url_message: (m, at) => {
    object(m, at, ["title", "url"]);
    string(m.title, `${at}.title`);
    url(m.url, `${at}.url`);
  },
  call_message: (m, at) => {
    object(m, at, ["title", "phone_number"]);
    string(m.title, `${at}.title`);
    if (typeof m.phone_number !== "string" || !/^\+[1-9][0-9]{6,14}$/.test(m.phone_number)) fail(`${at}.phone_number`, "must be an E.164 number with +");
  },
  location_message: location,
  calendar_message: (m, at) => {
    object(m, at, ["title", "event_start", "event_end", "event_title", "event_description", "url"]);
    for (const f of ["title", "event_start", "event_end", "event_title"]) string(m[f], `${at}.${f}`);
    url(m.url, `${at}.url`);
  },
  share_location_message: (m, at) => {
    object(m, at, ["title", "fallback_url"]);
    string(m.title, `${at}.title`);
    url(m.fallback_url, `${at}.fallback_url`);
  },
};

/**
 * Markdown in a reply button's title, which Meta's reply buttons do not take (the brief's §2.3:
 * titles "without markdown", or Sinch sends plain text): any backtick (inline code or a ``` block),
 * a marker tripled (~~~, ***, ___), or *, _ or ~ opening before a non-space and closing after one
 * (*bold*, _italic_, ~strike~). Spaced operators (a * b * c) pass; a_b_c does not.
 */
const MARKDOWN = [/`/, /([*_~])\1\1/, /([*_~])\S(?:.*?\S)?\1/s];

function choices(list, at, max) {
  array(list, at, { min: 1, max }, (c, cat) => {
    object(c, cat, [...Object.keys(CHOICE), "postback_data"]);
    const kind = exactlyOne(c, cat, Object.keys(CHOICE));
    CHOICE[kind](c[kind], `${cat}.${kind}`);
    string(c.postback_data, `${cat}.postback_data`, { required: false, empty: true });
  });
}

/**
 * The (checked) choices of a choice or card message, when they are what WhatsApp renders as
 * native reply buttons (1 to 3, all text choices): each title without markdown. Sinch would send
 * such a message as plain text instead; the emulator refuses it, stricter than Sinch, so that a
 * test learns its buttons would not be buttons.
 */
function replyButtons(list, at) {
  if (list === undefined || list.length > 3 || !list.every((c) => c.text_message !== undefined)) return;
  list.forEach(({ text_message: { text } }, i) => {
    if (MARKDOWN.some((re) => re.test(text))) fail(`${at}[${i}].text_message.text`, "must hold no markdown in a reply button (WhatsApp's reply buttons take none)");
  });
}

function card(m, at) {
  object(m, at, ["title", "description", "media_message", "choices", "height", "message_properties"]);
  if (m.title === undefined && m.description === undefined && m.media_message === undefined) fail(at, "needs a title, a description or a media_message");
  string(m.title, `${at}.title`, { required: false });
  string(m.description, `${at}.description`, { required: false });
  if (m.media_message !== undefined) media(m.media_message, `${at}.media_message`);
  if (m.choices !== undefined) choices(m.choices, `${at}.choices`, 10);
  oneOf(m.height, `${at}.height`, ["UNSPECIFIED_HEIGHT", "SHORT", "MEDIUM", "TALL"], { required: false });
  const props = object(m.message_properties, `${at}.message_properties`, ["whatsapp_header"], { required: false });
  string(props?.whatsapp_header, `${at}.message_properties.whatsapp_header`, { max: 60, required: false });
}

function list(m, at) {
  object(m, at, ["title", "description", "media", "sections", "message_properties"]);
  string(m.title, `${at}.title`);
  string(m.description, `${at}.description`, { required: false });
  if (m.media !== undefined) media(m.media, `${at}.media`);
  const props = object(m.message_properties, `${at}.message_properties`, ["menu", "whatsapp_header", "catalog_id"], { required: false }) ?? {};
  for (const f of ["menu", "whatsapp_header", "catalog_id"]) string(props[f], `${at}.message_properties.${f}`, { required: false });
  const kinds = new Set();
  array(m.sections, `${at}.sections`, { min: 1 }, (s, sat) => {
    object(s, sat, ["title", "items"]);
    string(s.title, `${sat}.title`, { required: false });
    array(s.items, `${sat}.items`, { min: 1 }, (item, iat) => {
      object(item, iat, ["choice", "product"]);
      const kind = exactlyOne(item, iat, ["choice", "product"]);
      kinds.add(kind);
      if (kind === "choice") {
        object(item.choice, `${iat}.choice`, ["title", "description", "media", "postback_data"]);
        string(item.choice.title, `${iat}.choice.title`);
        string(item.choice.description, `${iat}.choice.description`, { required: false });
        if (item.choice.media !== undefined) media(item.choice.media, `${iat}.choice.media`);
        string(item.choice.postback_data, `${iat}.choice.postback_data`, { required: false, empty: true });
      } else {
        object(item.product, `${iat}.product`, ["id", "marketplace", "quantity", "item_price", "currency"]);
        string(item.product.id, `${iat}.product.id`);
        string(item.product.marketplace, `${iat}.product.marketplace`);
      }
    });
  });
  if (kinds.size > 1) fail(`${at}.sections`, "must hold either choices or products, not both");
  const count = m.sections.reduce((n, s) => n + s.items.length, 0);
  if (kinds.has("choice") && count > 10) fail(`${at}.sections`, "can hold at most 10 choices in all");
  if (kinds.has("product") && props.catalog_id === undefined) fail(`${at}.message_properties.catalog_id`, "is required for a product list");
}

function contactInfo(m, at) {
  object(m, at, ["name", "phone_numbers", "addresses", "email_addresses", "organization", "urls", "birthday"]);
  object(m.name, `${at}.name`, ["full_name", "first_name", "last_name", "middle_name", "prefix", "suffix"]);
  string(m.name.full_name, `${at}.name.full_name`);
  array(m.phone_numbers, `${at}.phone_numbers`, { min: 1 }, (p, pat) => {
    object(p, pat, ["phone_number", "type"]);
    string(p.phone_number, `${pat}.phone_number`);
  });
  array(m.addresses, `${at}.addresses`, { required: false }, (a, aat) => object(a, aat, ["city", "country", "state", "zip", "type", "country_code"]));
  array(m.email_addresses, `${at}.email_addresses`, { required: false }, (e, eat) => {
    object(e, eat, ["email_address", "type"]);
    string(e.email_address, `${eat}.email_address`);
  });
  object(m.organization, `${at}.organization`, ["company", "department", "title"], { required: false });
  array(m.urls, `${at}.urls`, { required: false }, (u, uat) => {
    object(u, uat, ["url", "type"]);
    string(u.url, `${uat}.url`);
  });
  if (m.birthday !== undefined && (typeof m.birthday !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(m.birthday))) fail(`${at}.birthday`, "must be YYYY-MM-DD");
}

/**
 * A template parameter key: `<component_type>[<component_index>]<component_sub_type>[<parameter_index>]<parameter_field>`,
 * component index (0-based) and sub type only on buttons, parameter index 1-based (brief §2.4).
 * The carousel form is known only by its first line, so any `carousel[n]…` key passes.
 */
const PARAMETER_KEY = [
  /^header\[[1-9]\d*\](text|(image|video|document)\.link|document\.filename|(image|video|document)\.provider\.name)$/,
  /^body\[[1-9]\d*\]text$/,
  /^button\[\d+\]url\[[1-9]\d*\]text$/,
  /^button\[\d+\]quick_reply\[[1-9]\d*\]payload$/,
  /^carousel\[\d+\]\S+$/,
];

function templateRef(ref, at, { omni }) {
  object(ref, at, ["template_id", "language_code", "parameters", "version"]);
  string(ref.template_id, `${at}.template_id`);
  if (omni) string(ref.version, `${at}.version`);
  else string(ref.version, `${at}.version`, { required: false });
  if (!omni || ref.language_code !== undefined) {
    string(ref.language_code, `${at}.language_code`);
    if (!/^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/.test(ref.language_code)) fail(`${at}.language_code`, "must be a language code in underscore form, such as en or en_US");
  }
  stringMap(ref.parameters, `${at}.parameters`);
  if (omni) return; // an omni template's parameters are its own names
  for (const [key, value] of Object.entries(ref.parameters ?? {})) {
    const field = `${at}.parameters["${key}"]`;
    if (!PARAMETER_KEY.some((re) => re.test(key))) fail(field, "is not a parameter key of the form header[1]text, body[1]text, button[0]url[1]text or button[0]quick_reply[1]payload");
    if (value === "" && !key.endsWith("payload")) fail(field, "must not be empty");
  }
}

/**
 * Against a template the emulator was told about (`templates[name].buttons`, e.g. `["url",
 * "quick_reply"]`): every quick-reply button's payload key is present (it may be empty), and
 * a button key names its button's own type.
 */
function knownButtons(ref, at, templates) {
  const buttons = Object.hasOwn(templates, ref.template_id) ? templates[ref.template_id].buttons ?? [] : undefined;
  if (!buttons) return;
  const keys = Object.keys(ref.parameters ?? {});
  buttons.forEach((type, i) => {
    const payload = `button[${i}]quick_reply[1]payload`;
    if (type === "quick_reply" && !keys.includes(payload)) fail(`${at}.parameters["${payload}"]`, "must be present for a quick-reply button, even when empty");
  });
  for (const key of keys) {
    const [, index, type] = /^button\[(\d+)\](\w+)\[/.exec(key) ?? [];
    if (index !== undefined && buttons[Number(index)] !== type) fail(`${at}.parameters["${key}"]`, `the template has no ${type} button at index ${index}`);
  }
}

function template(m, at, { templates }) {
  object(m, at, ["channel_template", "omni_template"]);
  if (m.channel_template === undefined && m.omni_template === undefined) fail(at, "needs channel_template.WHATSAPP or omni_template");
  if (m.channel_template !== undefined) {
    object(m.channel_template, `${at}.channel_template`, ["WHATSAPP"]);
    templateRef(m.channel_template.WHATSAPP, `${at}.channel_template.WHATSAPP`, { omni: false });
    knownButtons(m.channel_template.WHATSAPP, `${at}.channel_template.WHATSAPP`, templates);
  }
  if (m.omni_template !== undefined) templateRef(m.omni_template, `${at}.omni_template`, { omni: true });
}

const CONTENT_CHECKS = {
  text_message: (m, at) => text(m, at),
  media_message: media,
  template_message: template,
  choice_message: (m, at) => {
    object(m, at, ["text_message", "choices", "message_properties"]);
    if (m.text_message !== undefined) text(m.text_message, `${at}.text_message`);
    choices(m.choices, `${at}.choices`, 10);
    replyButtons(m.choices, `${at}.choices`);
    const props = object(m.message_properties, `${at}.message_properties`, ["whatsapp_footer"], { required: false });
    string(props?.whatsapp_footer, `${at}.message_properties.whatsapp_footer`, { max: 60, required: false });
  },
  card_message: (m, at) => {
    card(m, at);
    replyButtons(m.choices, `${at}.choices`);
  },
  list_message: list,
  location_message: location,
  contact_info_message: contactInfo,
  carousel_message: (m, at) => {
    object(m, at, ["cards", "choices"]);
    array(m.cards, `${at}.cards`, { min: 1, max: 10 }, card);
    if (m.choices !== undefined) choices(m.choices, `${at}.choices`, 3);
  },
};

const HEADER = { text: "text", image: "image", video: "video", document: "document" };

function flows(m, at) {
  object(m, at, ["flow_id", "flow_cta", "flow_token", "flow_mode", "flow_action", "flow_action_payload", "header", "body", "footer"]);
  string(m.flow_id, `${at}.flow_id`);
  string(m.flow_cta, `${at}.flow_cta`, { max: 20 });
  string(m.flow_token, `${at}.flow_token`, { required: false });
  oneOf(m.flow_mode, `${at}.flow_mode`, ["draft", "published"], { required: false });
  oneOf(m.flow_action, `${at}.flow_action`, ["navigate", "data_exchange"], { required: false });
  const payload = object(m.flow_action_payload, `${at}.flow_action_payload`, ["screen", "data"], { required: false });
  string(payload?.screen, `${at}.flow_action_payload.screen`, { required: false });
  if (payload?.data !== undefined && !isObject(payload.data)) fail(`${at}.flow_action_payload.data`, "must be an object");
  if (m.header !== undefined) {
    const type = m.header?.type;
    oneOf(type, `${at}.header.type`, Object.keys(HEADER));
    object(m.header, `${at}.header`, ["type", HEADER[type]]);
    if (type === "text") string(m.header.text, `${at}.header.text`, { max: 60 });
    else {
      object(m.header[type], `${at}.header.${type}`, ["link"]);
      url(m.header[type].link, `${at}.header.${type}.link`);
    }
  }
  if (m.body !== undefined) text(m.body, `${at}.body`, 1024);
  if (m.footer !== undefined) text(m.footer, `${at}.footer`, 60);
}

function extras(m) {
  const explicit = object(m.explicit_channel_message, "message.explicit_channel_message", ["WHATSAPP"], { required: false });
  if (explicit) {
    string(explicit.WHATSAPP, "message.explicit_channel_message.WHATSAPP");
    try {
      JSON.parse(explicit.WHATSAPP);
    } catch {
      fail("message.explicit_channel_message.WHATSAPP", "must be a string of JSON");
    }
  }
  const omni = object(m.explicit_channel_omni_message, "message.explicit_channel_omni_message", ["WHATSAPP"], { required: false });
  if (omni) object(omni.WHATSAPP, "message.explicit_channel_omni_message.WHATSAPP", Object.keys(omni.WHATSAPP ?? {}));
  const specific = object(m.channel_specific_message, "message.channel_specific_message", ["WHATSAPP"], { required: false });
  if (specific) {
    const at = "message.channel_specific_message.WHATSAPP";
    object(specific.WHATSAPP, at, ["message_type", "message"]);
    oneOf(specific.WHATSAPP.message_type, `${at}.message_type`, ["FLOWS", "ORDER_DETAILS", "ORDER_STATUS"]);
    if (specific.WHATSAPP.message_type === "FLOWS") flows(specific.WHATSAPP.message, `${at}.message`);
    else object(specific.WHATSAPP.message, `${at}.message`, Object.keys(specific.WHATSAPP.message ?? {}));
  }
  object(m.agent, "message.agent", ["display_name", "type", "picture_url"], { required: false });
  return Boolean(explicit || omni || specific);
}

/**
 * Checks `message` (`templates`: what the emulator knows of approved templates' buttons);
 * returns its content key (undefined when an extra carries WhatsApp's content).
 */
export function appMessage(m, { templates = {} } = {}) {
  object(m, "message", [...CONTENT, ...EXTRAS]);
  const carried = extras(m);
  const kind = exactlyOne(m, "message", CONTENT, { optional: carried });
  if (kind) CONTENT_CHECKS[kind](m[kind], `message.${kind}`, { templates });
  return kind;
}
