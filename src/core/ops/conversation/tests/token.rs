//! The token request and what its answer means.

use super::*;

#[test]
fn the_token_request_and_its_answer() {
    let mut config = config();
    let crate::core::config::Api::Conversation(project) = &mut config.api else {
        panic!("not a conversation config");
    };
    project.auth_url = "http://127.0.0.1:9/oauth2/token".into();
    let token_request = |project: &Project| {
        let mut out = Writer::new();
        out.open_object();
        write_token_request(&mut out, project);
        out.close_object();
        serde_json::from_str::<serde_json::Value>(&out.finish()).unwrap()
    };
    let request = token_request(project)["token"].clone();
    assert_eq!(
        request,
        serde_json::json!({"url":"http://127.0.0.1:9/oauth2/token",
            "authorization":"Basic a2V5LTE6czNjcjN0LWtleQ==","body":"grant_type=client_credentials"})
    );
    let body = r#"{"access_token":"jwt-1","token_type":"Bearer","expires_in":3600,"scope":""}"#;
    assert_eq!(
        token_answer(project, 200, body).unwrap(),
        r#"{"authorization":"Bearer jwt-1","refreshInMs":3540000}"#
    );
    // A token living no longer than the 60 s margin is reused for half its life, not
    // refreshed on every call; one with no life at all is not reused.
    for (seconds, refresh) in [("61", "1000"), ("60", "30000"), ("30", "15000"), ("0", "0")] {
        let body = [
            r#"{"access_token":"jwt-1","token_type":"bearer","expires_in":"#,
            seconds,
            "}",
        ]
        .concat();
        let answer = token_answer(project, 200, &body).unwrap();
        assert!(
            answer.ends_with(&[r#""refreshInMs":"#, refresh, "}"].concat()),
            "{answer}"
        );
    }
    assert!(project.secrets().contains(&"jwt-1"));
    for bad in [
        "",
        r#"{"access_token":"jwt 2","token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"mac","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":-1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer"}"#,
        r#"{"access_token":"jwt-2\r\nX-Injected: 1","token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":5,"token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"","token_type":"bearer","expires_in":1}"#,
        r#"{"token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":"3600"}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":1.5}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":2199023255553}"#,
        r#"[{"access_token":"jwt-2","token_type":"bearer","expires_in":1}]"#,
    ] {
        let err = token_answer(project, 200, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse, "{bad}");
        assert!(!err.message.contains("jwt"), "{}", err.message);
    }
    let refused = answer(
        row("token"),
        401,
        None,
        r#"{"message":"no s3cr3t-key"}"#,
        project,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Unauthorized);
    assert!(!refused.message.contains("s3cr3t"), "{}", refused.message);
    let busy = answer(row("token"), 429, None, "", project).unwrap_err();
    assert!(retried(&busy, Repeat::Safe));
    // Basic auth, or a relay, takes no token.
    project.auth = crate::core::config::Auth::Basic;
    assert_eq!(token_request(project), serde_json::json!({}));
    project.auth = crate::core::config::Auth::OAuth2;
    project.key = None;
    assert_eq!(token_request(project), serde_json::json!({}));
}
