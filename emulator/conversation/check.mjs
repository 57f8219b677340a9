// Small checks for Conversation API bodies. A failed check throws `Invalid`, whose message
// starts with the field's full path (`message.text_message.text: …`); the API answers it
// with 400 INVALID_ARGUMENT.

export class Invalid extends Error {}

/** Throws `Invalid` naming `field`. */
export function fail(field, why) {
  throw new Invalid(`${field}: ${why}`);
}

export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const chars = (s) => [...s].length;

/** An object (required unless `required: false`) whose keys are all in `allowed`; returns it or undefined. */
export function object(value, field, allowed, { required = true } = {}) {
  if (value === undefined && !required) return undefined;
  if (!isObject(value)) fail(field, "must be an object");
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${field}.${key}`, "unknown field");
  return value;
}

/** A string of at most `max` characters; non-empty unless `empty: true`. */
export function string(value, field, { max = Infinity, required = true, empty = false } = {}) {
  if (value === undefined && !required) return;
  if (typeof value !== "string") fail(field, "must be a string");
  if (!empty && value.length === 0) fail(field, "must not be empty");
  if (chars(value) > max) fail(field, `must be at most ${max} characters`);
}

/** One of `values`. */
export function oneOf(value, field, values, { required = true } = {}) {
  if (value === undefined && !required) return;
  if (!values.includes(value)) fail(field, `must be one of ${values.join(", ")}`);
}

/** An array of `min`..`max` elements, each checked by `each(element, path)`. */
export function array(value, field, { min = 0, max = Infinity, required = true } = {}, each = () => {}) {
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) fail(field, "must be an array");
  if (value.length < min || value.length > max) fail(field, max === Infinity ? `must have at least ${min} elements` : `must have ${min} to ${max} elements`);
  value.forEach((v, i) => each(v, `${field}[${i}]`));
}

/** An absolute http(s) URL. */
export function url(value, field, { required = true } = {}) {
  if (value === undefined && !required) return;
  string(value, field);
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    fail(field, "must be an absolute URL");
  }
  if (!["http:", "https:"].includes(parsed.protocol)) fail(field, "must be an http or https URL");
}

/** A number in `min`..`max`. */
export function number(value, field, min, max) {
  if (typeof value !== "number" || !(value >= min && value <= max)) fail(field, `must be a number from ${min} to ${max}`);
}

/** A map of string to string, each value at most `max` characters. */
export function stringMap(value, field, { max = Infinity, required = false } = {}) {
  if (value === undefined && !required) return;
  if (!isObject(value)) fail(field, "must be an object of strings");
  for (const [k, v] of Object.entries(value)) string(v, `${field}.${k}`, { max, empty: true });
}

/** Exactly one key of `value` is in `keys` (at most one when `optional`); returns it. */
export function exactlyOne(value, field, keys, { optional = false } = {}) {
  const present = keys.filter((k) => value[k] !== undefined);
  if (present.length > 1) fail(field, `must hold exactly one of ${keys.join(", ")}; it holds ${present.join(" and ")}`);
  if (present.length === 0 && !optional) fail(field, `must hold one of ${keys.join(", ")}`);
  return present[0];
}
