//! The tables of the nested message families: a contact card, a template, the two
//! interactive messages and a WhatsApp Flow.

use super::super::template::{MAX_BODY_PARAM_CHARS, MAX_HEADER_PARAM_CHARS};
use super::{
    list, listed, non_empty, opt, Hook, Kind, List, Member, Need, Rule, BODY, DOCUMENT_LINK, KIND,
    MEDIA_LINK, TEXT_PART,
};
use Need::{Optional as Opt, Required as Req};

pub(super) const CARD: &Kind = &Kind::Object(&[
    Member(
        "name",
        &Kind::Object(&[
            non_empty("formattedName"),
            opt("firstName"),
            opt("lastName"),
        ]),
        Req,
    ),
    Member(
        "addresses",
        &Kind::List(&listed(&Kind::Object(&[
            non_empty("city"),
            opt("street"),
            opt("zip"),
            opt("state"),
            opt("country"),
            opt("countryCode"),
            KIND,
        ]))),
        Opt,
    ),
    Member("birthday", &Kind::Str(Rule::Date), Opt),
    Member(
        "emails",
        &Kind::List(&listed(&Kind::Object(&[non_empty("email"), KIND]))),
        Opt,
    ),
    Member(
        "org",
        &Kind::Object(&[non_empty("company"), opt("department"), opt("title")]),
        Opt,
    ),
    Member(
        "phones",
        &Kind::List(&listed(&Kind::Object(&[
            non_empty("phone"),
            KIND,
            opt("waId"),
        ]))),
        Opt,
    ),
    Member(
        "urls",
        &Kind::List(&listed(&Kind::Object(&[non_empty("url"), KIND]))),
        Opt,
    ),
]);

const PARAMS: &Kind = &Kind::List(&list(&Kind::Str(Rule::NonEmpty), 0, usize::MAX, ""));

pub(super) const TEMPLATE: &[Member] = &[
    Member(
        "ttl",
        &Kind::Any(Rule::Retired("is retired upstream: remove it")),
        Need::Unwritten,
    ),
    Member(
        "params",
        &Kind::Any(Rule::Retired("is retired upstream: use bodyParams")),
        Need::Unwritten,
    ),
    Member("templateName", &Kind::Str(Rule::Chars(1, 512)), Req),
    Member("language", &Kind::Str(Rule::Language), Opt),
    Member("headerParams", PARAMS, Opt),
    Member(
        "",
        &Kind::Hook(&Hook::Params("headerParams", MAX_HEADER_PARAM_CHARS)),
        Need::Optional,
    ),
    Member("bodyParams", PARAMS, Opt),
    Member(
        "",
        &Kind::Hook(&Hook::Params("bodyParams", MAX_BODY_PARAM_CHARS)),
        Need::Optional,
    ),
    Member(
        "media",
        &Kind::Tagged(
            "type",
            &[
                ("text", &[]),
                ("image", MEDIA_LINK),
                ("video", MEDIA_LINK),
                ("document", DOCUMENT_LINK),
            ],
        ),
        Need::Tag,
    ),
    Member(
        "buttons",
        &Kind::List(&list(
            &Kind::Tagged(
                "type",
                &[
                    ("call", &[]),
                    (
                        "url",
                        &[Member("parameter", &Kind::Str(Rule::NonEmpty), Opt)],
                    ),
                    (
                        "quick_reply",
                        &[Member("payload", &Kind::Str(Rule::NonEmpty), Opt)],
                    ),
                ],
            ),
            0,
            usize::MAX,
            "",
        )),
        Opt,
    ),
];

pub(super) const BUTTONS: &[Member] = &[
    Member(
        "header",
        &Kind::Tagged(
            "type",
            &[
                (
                    "text",
                    &[Member("text", &Kind::Str(Rule::Chars(1, 60)), Req)],
                ),
                ("image", MEDIA_LINK),
                ("video", MEDIA_LINK),
                ("document", DOCUMENT_LINK),
            ],
        ),
        Opt,
    ),
    Member("body", BODY, Req),
    Member("footer", TEXT_PART, Opt),
    Member(
        "action",
        &Kind::Object(&[Member(
            "buttons",
            &Kind::List(&list(
                &Kind::Object(&[
                    Member("type", &Kind::Always("reply", "must be reply"), Opt),
                    Member("id", &Kind::Str(Rule::Id(230)), Req),
                    Member("title", &Kind::Str(Rule::Title), Req),
                ]),
                1,
                3,
                "must hold 1 to 3 buttons",
            )),
            Req,
        )]),
        Req,
    ),
];

const ROWS: &Kind = &Kind::List(&list(
    &Kind::Object(&[
        Member("id", &Kind::Str(Rule::Id(174)), Req),
        Member("title", &Kind::Str(Rule::Chars(1, 20)), Req),
        Member("description", &Kind::Str(Rule::Chars(0, 72)), Opt),
    ]),
    1,
    10,
    "must hold 1 to 10 rows",
));

pub(super) const LIST: &[Member] = &[
    Member(
        "header",
        &Kind::Object(&[
            Member("type", &Kind::Always("text", "must be text"), Opt),
            Member("text", &Kind::Str(Rule::Chars(1, 60)), Req),
        ]),
        Opt,
    ),
    Member("body", BODY, Req),
    Member("footer", TEXT_PART, Opt),
    Member(
        "action",
        &Kind::Object(&[
            Member("button", &Kind::Str(Rule::Chars(1, 20)), Req),
            Member(
                "sections",
                &Kind::List(&List {
                    hook: &Hook::Rows,
                    ..list(
                        &Kind::Object(&[
                            Member("title", &Kind::Str(Rule::Chars(1, 24)), Req),
                            Member("rows", ROWS, Req),
                        ]),
                        1,
                        10,
                        "must hold 1 to 10 sections",
                    )
                }),
                Req,
            ),
        ]),
        Req,
    ),
];

const FLOW_TEXT: Member = Member("text", &Kind::Str(Rule::Chars(1, 60)), Req);
const LINK: &[Member] = &[Member("link", &Kind::Str(Rule::HttpUrl), Req)];

/// A WhatsApp Flow (`channelSpecificMessage.message` of `messageType: "FLOWS"`).
pub(super) const FLOWS: &[Member] = &[
    non_empty("flowId"),
    Member("flowCta", &Kind::Str(Rule::Chars(1, 20)), Req),
    opt("flowToken"),
    Member(
        "flowMode",
        &Kind::Str(Rule::OneOf(
            &["draft", "published"],
            r#"must be "draft" or "published""#,
        )),
        Opt,
    ),
    Member(
        "flowAction",
        &Kind::Str(Rule::OneOf(
            &["navigate", "data_exchange"],
            r#"must be "navigate" or "data_exchange""#,
        )),
        Opt,
    ),
    Member(
        "flowActionPayload",
        &Kind::Object(&[opt("screen"), Member("data", &Kind::AnyObject, Opt)]),
        Opt,
    ),
    Member(
        "header",
        &Kind::Tagged(
            "type",
            &[
                ("text", &[FLOW_TEXT]),
                ("image", &[Member("image", &Kind::Object(LINK), Req)]),
                ("video", &[Member("video", &Kind::Object(LINK), Req)]),
                ("document", &[Member("document", &Kind::Object(LINK), Req)]),
            ],
        ),
        Opt,
    ),
    Member("body", BODY, Opt),
    Member("footer", TEXT_PART, Opt),
];
