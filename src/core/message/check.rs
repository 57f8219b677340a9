//! One check of an operation's arguments (a send, a stickerpack's fields, a list of
//! numbers), from the caller's JSON, by the tables of [`super::schema`]: first their
//! shape (errors rooted at the argument: `request.message.text: must be a string`;
//! unknown and repeated keys refused), then every rule (errors naming the field as
//! JS callers write it: `message.text`, `to[1]`, or the argument: `numbers[1]`).

use super::index;
use super::schema::{Hook, Kind, Member, Need, Rule, SEND};
use crate::core::config::ONLY_CONVERSATION;
use crate::core::error::{Error, Result};
use crate::core::json::read::{self, whole};
use crate::core::json::{any_char, is_white_space, trim, Path, Value};
use crate::core::rules::{
    check_chars_at, check_count_at, check_counted_at, check_date_at, check_datetime_at,
    check_http_url_at, check_https_or_loopback_url_at, check_language_at, check_msisdn_at,
    check_provider_name_at, check_required_at, count_chars, underscored,
};
use crate::prelude::*;

/// Checks `request`, a `send` argument: shape, then rules. `conversation` says
/// which API: the standalone one refuses the Conversation-only members, and the
/// Conversation one checks a template's language as it sends it (`en-US` as `en_US`).
pub(crate) fn check(request: &Value, conversation: bool) -> Result<()> {
    arguments(
        &[request],
        &[Member("request", SEND, Need::Required)],
        conversation,
    )
}

/// Checks `values`, an operation's arguments, as `params` (each an argument's name,
/// kind and need; an optional one may be `null` or left out): every shape, then
/// every rule, by two walks of one walker. An object's rules name its members
/// root-less (`name`), as the caller writes them; any other argument's name its
/// path (`numbers[1]`).
pub(crate) fn arguments(values: &[&Value], params: &[Member], conversation: bool) -> Result<()> {
    let given = |i: usize| match values.get(i) {
        Some(Value::Null) | None => None,
        Some(value) => Some(*value),
    };
    let mut pass = Pass {
        shape: true,
        conversation,
        seen: Vec::new(),
        titles: Vec::new(),
    };
    for shape in [true, false] {
        pass.shape = shape;
        for (i, Member(name, kind, need)) in params.iter().enumerate() {
            let root = match (shape, kind) {
                (false, Kind::Object(_)) => "",
                _ => name,
            };
            let value = match (given(i), need) {
                (Some(value), _) => value,
                (None, Need::Required) if shape => &Value::Null,
                (None, _) => continue,
            };
            pass.walk(value, kind, &Path::root(root), value)?;
        }
    }
    Ok(())
}

/// The member `name` of `value`, unless it is absent or `null`.
pub(super) fn given<'v>(value: &'v Value, name: &str) -> Option<&'v Value> {
    value.get(name).filter(|v| !matches!(v, Value::Null))
}

/// A scalar `value`'s shape as `kind` (objects and lists are the walker's).
fn shape(value: &Value, kind: &Kind, at: &Path) -> Result<()> {
    let fits = match kind {
        Kind::Str(_) => matches!(value, Value::String(_)),
        Kind::Always(constant, rule) => {
            return match value {
                Value::String(given) if given == constant => Ok(()),
                Value::String(_) => Err(at.invalid(rule)),
                _ => Err(at.invalid("must be a string")),
            }
        }
        Kind::Bool => matches!(value, Value::Bool(_)),
        Kind::Number(_) => matches!(value, Value::Number(_)),
        Kind::Whole(_) if whole(value, u64::MAX).is_some() => return Ok(()),
        Kind::Index if index(value).is_some() => return Ok(()),
        Kind::Whole(_) | Kind::Index => {
            return Err(at.invalid("must be a whole number of 0 or more"))
        }
        Kind::U32(_) => {
            return match whole(value, u32::MAX.into()) {
                Some(_) => Ok(()),
                None => Err(at.invalid("must be a whole number from 0 to 4294967295")),
            }
        }
        Kind::AnyObject => matches!(value, Value::Object(_)),
        _ => true,
    };
    if fits {
        return Ok(());
    }
    Err(at.invalid(match kind {
        Kind::Bool => "must be a boolean",
        Kind::Number(_) => "must be a number",
        Kind::Str(_) => "must be a string",
        _ => "must be an object",
    }))
}

/// [`given`] for a member that is one (a hook's empty name is none).
fn given_in<'v>(value: &'v Value, name: &str) -> Option<&'v Value> {
    if name.is_empty() {
        return None;
    }
    given(value, name)
}

/// The walker: which walk (the shape's: errors rooted at the argument, unknown and
/// repeated keys refused; or the rules'), which API, and the ids and reply button
/// titles met so far (unique in a message).
struct Pass<'v> {
    shape: bool,
    conversation: bool,
    seen: Vec<&'v str>,
    titles: Vec<&'v str>,
}

impl<'v> Pass<'v> {
    /// `value`'s shape or every rule (of its shape) as `kind`; `parent` is the object
    /// it is a member of.
    fn walk(&mut self, value: &'v Value, kind: &Kind, at: &Path, parent: &Value) -> Result<()> {
        match kind {
            Kind::Object(members) => self.members(value, members, "", at),
            Kind::Tagged(tag, variants) => {
                // The rules' walk meets a tag the shape's has read already.
                let members = match variants.get(read::tag(value, at, tag, variants)?) {
                    Some((_, members)) => *members,
                    None => &[],
                };
                // A variant without members knows its tag only: any other key is refused.
                self.members(value, members, tag, at)
            }
            Kind::List(list) => {
                let items = match value {
                    Value::Array(items) => items.as_slice(),
                    _ if self.shape => return Err(at.invalid("must be an array")),
                    _ => &[],
                };
                if !self.shape {
                    check_count_at(at, items.len(), list.min, list.max, list.rule)?;
                    hook(list.hook, value, at, self.conversation)?;
                }
                for (i, item) in items.iter().enumerate() {
                    self.walk(item, list.item, &at.index(i), value)?;
                }
                Ok(())
            }
            Kind::OneOrMany(list) => match value {
                Value::Array(_) => self.walk(value, &Kind::List(list), at, parent),
                Value::Object(_) | Value::String(_) if self.shape => {
                    self.walk(value, list.item, at, parent)
                }
                Value::Object(_) | Value::String(_) => {
                    self.walk(value, list.item, &at.index(0), parent)
                }
                _ if self.shape => Err(at.invalid("must be one value or an array of them")),
                _ => Ok(()),
            },
            _ if self.shape => shape(value, kind, at),
            Kind::Str(rule)
            | Kind::Number(rule)
            | Kind::Whole(rule)
            | Kind::U32(rule)
            | Kind::Any(rule) => self.rule(*rule, value, at, parent),
            _ => Ok(()),
        }
    }

    /// An object of `members` (and the tag `tag`, if not empty), in table order: its
    /// shape (no unknown or repeated key, each required member given, each given one
    /// of its kind) or its rules (each member given, and the hooks).
    fn members(
        &mut self,
        value: &'v Value,
        members: &[Member],
        tag: &str,
        at: &Path,
    ) -> Result<()> {
        if self.shape {
            // A hook's empty name is no key.
            let known = |key: &str| {
                !key.is_empty()
                    && (key == tag || members.iter().any(|Member(name, ..)| *name == key))
            };
            read::keys(value, at, &known)?;
        }
        for Member(name, kind, need) in members {
            if let Kind::Hook(which) = kind {
                if !self.shape {
                    hook(which, value, at, self.conversation)?;
                }
                continue;
            }
            match (given_in(value, name), need) {
                (Some(member), _) => self.walk(member, kind, &at.key(name), value)?,
                // A required member is given once the shape holds; a late one is the rules'.
                (None, Need::Required) => return Err(at.key(name).invalid("is required")),
                (None, Need::Late) if !self.shape => {
                    return Err(at.key(name).invalid("is required"))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// `rule` of `value` (a string, number or whole number, as its kind says).
    fn rule(&mut self, rule: Rule, value: &'v Value, at: &Path, parent: &Value) -> Result<()> {
        let text = match value {
            Value::String(text) | Value::Number(text) => text.as_str(),
            _ => "",
        };
        match rule {
            Rule::None => Ok(()),
            Rule::Chars(min, max) => check_chars_at(at, text, min, max),
            Rule::NonEmpty => check_required_at(at, text),
            Rule::NonBlank => check_required_at(at, trim(text)),
            Rule::Emoji => {
                let scalars = count_chars(text);
                match scalars == 0 || scalars > 8 || any_char(text, is_white_space) {
                    true => Err(at.invalid("must be a single emoji")),
                    false => Ok(()),
                }
            }
            Rule::Msisdn => check_msisdn_at(at, text),
            Rule::HttpUrl => check_http_url_at(at, text),
            Rule::StickerUrl => check_https_or_loopback_url_at(at, text),
            Rule::StickerId => check_sticker_id(at, text),
            Rule::Provider => check_provider_name_at(at, text),
            Rule::StickerProvider if given(parent, "id").is_some() => {
                Err(at.invalid("can only be used with url, not with id"))
            }
            Rule::StickerProvider => check_provider_name_at(at, text),
            Rule::Language if self.conversation => check_language_at(at, &underscored(text)),
            Rule::Language => check_language_at(at, text),
            Rule::Date => check_date_at(at, text),
            Rule::DateTime => check_datetime_at(at, text),
            Rule::Positive if text == "0" || text == "-0" => {
                Err(at.invalid("must be a whole number from 1"))
            }
            Rule::Positive => Ok(()),
            Rule::Coordinate(max, _) if super::location::within(text, max) => Ok(()),
            Rule::Coordinate(_, why) => Err(at.invalid(why)),
            Rule::Id(max) => {
                let max = match self.conversation {
                    true => max.min(MAX_POSTBACK_CHARS),
                    false => max,
                };
                check_chars_at(at, text, 1, max)?;
                match again(&mut self.seen, text) {
                    true => Err(at.invalid("must be unique in the message")),
                    false => Ok(()),
                }
            }
            Rule::Title => {
                check_chars_at(at, text, 1, 20)?;
                let repeated = again(&mut self.titles, text);
                Err(at.invalid(match self.conversation {
                    true if markdown(text) => "must hold no markdown (`, *, _ or ~ around text)",
                    true if repeated => "must be unique in the message",
                    _ => return Ok(()),
                }))
            }
            Rule::OneOf(allowed, why) if !allowed.contains(&text) => Err(at.invalid(why)),
            Rule::OneOf(..) => Ok(()),
            Rule::Retired(why) => Err(at.invalid(why)),
            Rule::Ttl => match whole(value, 315_576_000_000) {
                Some(3..) => Ok(()),
                _ => Err(at.invalid("must be whole seconds from 3 to 315576000000")),
            },
        }
    }
}

/// Whether a reply button's `title` holds markdown (Meta's reply buttons take none;
/// Sinch sends such a choice as plain text, brief §2.3): a backtick (code, ```), or
/// `*`, `_` or `~` before a non-space and again, later, after one (`*bold*`, `_it_`,
/// `~no~`, `~~~`). Spaced operators (`a * b * c`) pass; `a_b_c` does not: whether
/// WhatsApp reads markers inside a word is unconfirmed, and refusing is the safe reading.
/// A space is any byte up to U+0020 (a non-ASCII space counts as text: stricter, and
/// smaller than `is_ascii_whitespace`).
fn markdown(title: &str) -> bool {
    for &marker in b"*_~" {
        // Whether a marker met so far opens: it came before a non-space.
        let (mut open, mut before) = (false, b' ');
        for &byte in title.as_bytes() {
            if byte == b'`' || (byte == marker && open && before > b' ') {
                return true;
            }
            open |= before == marker && byte > b' ';
            before = byte;
        }
    }
    false
}

/// Whether `text` is in `met` already; it is from now on.
fn again<'v>(met: &mut Vec<&'v str>, text: &'v str) -> bool {
    let again = met.contains(&text);
    met.push(text);
    again
}

/// Longest `postback_data` WhatsApp's native buttons take through Sinch (the
/// standalone button id allows 230).
const MAX_POSTBACK_CHARS: usize = 229;

/// A rule on more than one value of `value` (the object or list it is met in).
fn hook(which: &Hook, value: &Value, at: &Path, conversation: bool) -> Result<()> {
    match *which {
        Hook::None => Ok(()),
        Hook::Envelope if conversation => Ok(()),
        Hook::Envelope => {
            for name in &["correlationId", "ttl", "channelSpecificMessage"] {
                if given(value, name).is_some() {
                    return Err(at.key(name).invalid(ONLY_CONVERSATION));
                }
            }
            Ok(())
        }
        Hook::Either(one, other, why) => match (given(value, one), given(value, other)) {
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(at.key(one).invalid(why)),
        },
        Hook::AnyGiven(name, why) => match value {
            Value::Object(members) if members.iter().any(|(_, v)| !matches!(v, Value::Null)) => {
                Ok(())
            }
            _ => Err(Error::invalid(name, why)),
        },
        Hook::Filled(why) => {
            let mut members = match value {
                Value::Object(members) => members.iter(),
                _ => [].iter(),
            };
            match members.any(|(_, member)| matches!(member.as_str(), Some(""))) {
                true => Err(at.invalid(why)),
                false => Ok(()),
            }
        }
        Hook::Params(name, max) => {
            let mut total = 0;
            if let Some(Value::Array(params)) = given(value, name) {
                for param in params {
                    total += count_chars(param.as_str().unwrap_or_default());
                }
            }
            check_counted_at(&at.key(name), total, 0, max)
        }
        Hook::Rows => {
            let mut total = 0;
            if let Value::Array(sections) = value {
                for section in sections {
                    if let Some(Value::Array(rows)) = section.get("rows") {
                        total += rows.len();
                    }
                }
            }
            if total > 10 {
                return Err(at.invalid("may hold at most 10 rows in all"));
            }
            Ok(())
        }
    }
}

/// A stickerpack sticker's id (a UUID upstream). One with `:` or `/` is a URL
/// given as an id, and is refused rather than sent as a name Sinch cannot find.
fn check_sticker_id(at: &Path, id: &str) -> Result<()> {
    check_required_at(at, id)?;
    if crate::core::whatwg::cut(id, b":/").is_some() {
        return Err(at.invalid("is a URL (has ':' or '/'): give it as url"));
    }
    Ok(())
}
