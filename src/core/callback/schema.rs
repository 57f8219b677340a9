//! The callback payload as text tables: what [`pass`](super::pass) reads and writes,
//! field by field, in the order the typed [`model`](super::model) reads and writes them
//! (the differential tests hold the two to the same text and the same errors).
//!
//! One line a shape: its name (`+` after it: the fields it does not know are kept,
//! under their wire names, after the typed ones), its fields, then `~name`s that are
//! never kept (`kind` on list entries, `type` on tagged bodies, the names written
//! from elsewhere). A field is `KR wire>js@line` without the space: `K` its kind (one
//! letter, below; a list `l` and its item's letter), `R` `!` when absent (or `null`) is
//! an error, `.` when not; `>js` when JS sees a name other than the wire name in
//! camelCase ([`Field::js`]); `@line` the shape or table it refers to, left out when
//! that is the wire name (`o.profile` is `o.profile@profile`). A table (the types of a
//! tagged object, the keys of a keyed one) lists choices `key>type@shape^within`,
//! `@shape` likewise. Text rather than structs of pointers: gzip shares the repeated
//! names, and each field is a few bytes, not 24.
//!
//! Kinds: `s` a string (also an open enum, kept as sent); `n` a number, written as its
//! text; `f` a boolean, absent is `false`, always written; `z` `1`/`0`/`true`/`false`
//! as a boolean; `i` a string or a whole number, written as text; `a` any value, as
//! sent; `o` an object of a shape; `t` an object tagged by `type` (a table: the shape
//! of a known type, else kept as sent); `l` an array, absent is empty, always written;
//! `F` an object whose fields are written into the enclosing object (a Conversation
//! callback's `channel_identity` as `recipient`); `k` an object holding one message
//! under its kind's key, beside `reply_to` (a table; `^within`: written inside `{
//! type: within, message }`, as a choice is an `interactive` reply); `O` a
//! Conversation delivery status as today's `status` (`failure` for `FAILED`,
//! `success` else); `S` the same as today's `state` ([`state`](super::lenient::state));
//! `w` a string that must be `whatsapp`; `e` a callback's list: each entry of a
//! shape, or kept as sent with why it is not (`{ kind: "invalid", error, raw }`), its
//! path from the list's own name (`statuses[1].status`); absent is empty.

use crate::prelude::*;

/// The standalone API's callback (`callback`) and the shapes below it, with the
/// Conversation API's ([`conversation`](super::conversation)) before the contact
/// cards: a lookup reads from the top, so the lines read most come first.
const SCHEMA: &str = concat!(
    "callback+ w!type e.statuses@status e.contacts@contact e.notifications@notification\n",
    "status+ s!status s!state s!message_id s!recipient s.timestamp s.details ~kind\n",
    "profile s.name\n",
    "contact+ s!wa_id o.profile ~kind\n",
    "replying_to s.message_id s.from\n",
    "referral_media s.type s.url\n",
    "referral+ s.headline s.body s.source_type s.source_id ",
    "s.source_url o.referral_media\n",
    "notification+ s!from s.to s!message_id t!message@messages s.timestamp ",
    "o.replying_to f.forwarded f.frequently_forwarded ",
    "o.referral ~kind\n",
    "messages text location button interactive ",
    "contacts image@media document@media audio@media video@media voice@media ",
    "sticker@media error\n",
    "text+ s!body ~type\n",
    "location+ n!latitude n!longitude s.name s.address s.url ~type\n",
    "button+ i.index s.text s.payload ~type\n",
    "error+ s.details ~type\n",
    "interactive+ t!message@replies ~type\n",
    "replies button@button_reply list@list_reply\n",
    "button_reply+ s!id s!title ~type\n",
    "list_reply+ s!id s!title s.description ~type\n",
    "media+ s!url s!mime_type s.caption s.filename o.metadata@sticker_metadata ~type\n",
    "sticker_metadata s.stickerpack-id s.stickerpack-name ",
    "s.stickerpack-publisher ls.emojis s.ios-app-store-link ",
    "s.android-app-store-link z.is-first-party-sticker\n",
    super::conversation::lines!(),
    "contacts+ lo.contacts@card ~type\n",
    "card+ lo.addresses@address s.birthday lo.emails@email la.ims o.name o.org ",
    "lo.phones@phone lo.urls@url s.contact_image_url\n",
    "address s.type s.street s.city s.state s.zip s.country s.country_code\n",
    "email s.type s.email\n",
    "name s.formatted_name s.first_name s.last_name ",
    "s.middle_name s.suffix s.prefix\n",
    "org s.company s.department s.title\n",
    "phone s.type s.phone s.wa_id\n",
    "url s.type s.url\n",
);

/// A shape: whether it keeps the fields it does not know, and its words.
#[derive(Clone, Copy)]
pub(super) struct Shape {
    /// Whether unknown fields are kept.
    pub keeps: bool,
    /// Its fields, then its `~name`s.
    pub words: &'static str,
}

/// The shape (or table) of the line `name`; empty when there is none (the tests
/// check that every reference names a line).
pub(super) fn shape(name: &str) -> Shape {
    let mut rest = SCHEMA;
    while !rest.is_empty() {
        let (line, next) = cut(rest, b'\n');
        rest = next;
        let (head, words) = cut(line, b' ');
        // A name holds no `+`: the one there is ends it.
        let (base, _) = cut(head, b'+');
        if same(base, name) {
            let keeps = base.len() < head.len();
            return Shape { keeps, words };
        }
    }
    Shape {
        keeps: false,
        words: "",
    }
}

/// A field of a shape, or a choice of a table, read from its word.
pub(super) struct Field {
    /// Its kind's letter (0 for a table's choice).
    pub kind: u8,
    /// A list's item kind.
    pub item: u8,
    /// Whether absent (or `null`) is an error.
    pub required: bool,
    /// The name on the wire (a choice's key).
    pub wire: &'static str,
    /// The name JS sees when given (`>js`; a choice's `type`), else empty: [`Field::js`]
    /// derives it.
    given: &'static str,
    /// The line it refers to (the wire name when the word names none).
    pub of: &'static str,
    /// A keyed choice's outer `type`, or empty.
    pub within: &'static str,
}

/// The field `word` (`KR wire>js@line`).
pub(super) fn field(word: &'static str) -> Field {
    let bytes = word.as_bytes();
    let kind = bytes.first().copied().unwrap_or(0);
    let (item, at) = match (kind, bytes.get(1)) {
        (b'l', Some(&item)) => (item, 2),
        _ => (0, 1),
    };
    let mut field = choice(word.get(at + 1..).unwrap_or(""));
    field.kind = kind;
    field.item = item;
    field.required = matches!(bytes.get(at), Some(b'!'));
    field
}

/// The choice `word` (`key>type@shape^within`) of a table.
pub(super) fn choice(word: &'static str) -> Field {
    let (rest, within) = cut(word, b'^');
    let (rest, of) = cut(rest, b'@');
    let (wire, js) = cut(rest, b'>');
    Field {
        kind: 0,
        item: 0,
        required: false,
        wire,
        given: js,
        of: if of.is_empty() { wire } else { of },
        within,
    }
}

impl Field {
    /// The name JS sees: the one given, else the wire name, in camelCase (`message_id`
    /// is `messageId`, `stickerpack-id` `stickerpackId`) unless the field is flattened
    /// (kind `F`, whose name is its wire name).
    pub fn js(&self) -> String {
        let (text, derive) = if self.given.is_empty() {
            (self.wire, self.kind != b'F')
        } else {
            (self.given, false)
        };
        let mut name = String::new();
        let mut upper = false;
        for &byte in text.as_bytes() {
            if derive && matches!(byte, b'_' | b'-') {
                upper = true;
                continue;
            }
            name.push(char::from(if upper {
                byte.to_ascii_uppercase()
            } else {
                byte
            }));
            upper = false;
        }
        name
    }
}

/// Whether `a` and `b` are the same text: the callbacks' one comparison (core's
/// `==` is a function per pair of reference types).
#[inline(never)]
pub(super) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().iter().zip(b.as_bytes()).all(|(x, y)| x == y)
}

/// `text` before the first `mark` and after it (all of it and nothing without one).
fn cut(text: &'static str, mark: u8) -> (&'static str, &'static str) {
    let mut at = 0;
    for &byte in text.as_bytes() {
        if byte == mark {
            break;
        }
        at += 1;
    }
    (
        text.get(..at).unwrap_or(text),
        text.get(at + 1..).unwrap_or(""),
    )
}

/// The next word of `words` (split at spaces), the rest left in it.
pub(super) fn next_word(words: &mut &'static str) -> Option<&'static str> {
    if words.is_empty() {
        return None;
    }
    let (word, rest) = cut(words, b' ');
    *words = rest;
    Some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line's name, `+` taken off.
    fn names() -> Vec<&'static str> {
        let lines = SCHEMA.lines();
        let heads = lines.map(|line| line.split(' ').next().unwrap_or(""));
        heads.map(|head| head.trim_end_matches('+')).collect()
    }

    #[test]
    fn every_line_is_named_once_and_every_reference_names_a_line() {
        let names = names();
        for name in &names {
            assert_eq!(names.iter().filter(|n| n == &name).count(), 1, "{name}");
            let mut words = shape(name).words;
            assert!(!words.is_empty(), "{name}");
            // A table's choices all refer; a shape's fields of the kinds that do.
            let table = !shape(name).words.contains(['!', '.']);
            while let Some(word) = next_word(&mut words) {
                let refers = word.split_once('@').map(|(_, of)| of.split('^').next());
                if let Some(Some(of)) = refers {
                    assert!(names.contains(&of), "{name}: {word}");
                }
                let field = if table { choice(word) } else { field(word) };
                if table
                    || matches!(field.kind, b'o' | b'F' | b't' | b'k' | b'e')
                    || matches!(field.item, b'o')
                {
                    assert!(names.contains(&field.of), "{name}: {word}");
                }
                assert!(!word.is_empty(), "{name}: a double space");
            }
        }
    }

    /// A tagged object's `type` is written as its choice's JS name (`pass::chosen`):
    /// in a table of tagged types that is the type as sent, never within another.
    #[test]
    fn a_tagged_type_is_written_as_sent() {
        for name in names() {
            let mut words = shape(name).words;
            while let Some(word) = next_word(&mut words) {
                let field = field(word);
                // A table's choices read as no field: their second byte is neither.
                if field.kind == b't' && matches!(word.as_bytes().get(1), Some(b'!' | b'.')) {
                    let mut choices = shape(field.of).words;
                    while let Some(word) = next_word(&mut choices) {
                        let choice = choice(word);
                        assert_eq!(choice.js(), choice.wire, "{name}: {word}");
                        assert!(choice.within.is_empty(), "{name}: {word}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_word_reads_as_its_parts() {
        let list = field("lo.contacts>people_list@card");
        assert_eq!((list.kind, list.item, list.required), (b'l', b'o', false));
        assert_eq!((list.wire, list.of), ("contacts", "card"));
        assert_eq!(list.js(), "people_list");
        let plain = field("s!wa_id");
        assert_eq!((plain.kind, plain.required), (b's', true));
        assert_eq!(plain.js(), "waId");
        assert_eq!(
            field("s.is-first-party-sticker").js(),
            "isFirstPartySticker"
        );
        assert_eq!(field("F!channel_identity@sender").js(), "channel_identity");
        let keyed = choice("choice_response_message>choice@choice^interactive");
        assert_eq!((keyed.of, keyed.within), ("choice", "interactive"));
        assert_eq!(keyed.js(), "choice");
    }
}
