//! The codecs' tables against their declaration.

use super::*;

#[test]
fn codec_tables_follow_the_declaration() {
    assert_eq!(
        (Codec::H264.id(), Codec::H264.name()),
        ("h264".into(), "H.264".into())
    );
    assert_eq!(
        (Codec::AmrNb.id(), Codec::AmrNb.name()),
        ("amr_nb".into(), "AMR".into())
    );
    let last = (Codec::Encrypted.id(), Codec::Encrypted.name());
    assert_eq!(last, ("encrypted".into(), "an encrypted codec".into()));
    assert_eq!(Codec::Encrypted.row(), CODEC_ID.split('\n').count() - 1);
    assert_eq!(CODEC_NAME.split('\n').count(), CODEC_ID.split('\n').count());
    let other = Codec::Other(*b"ap\0\x01");
    assert_eq!(
        (other.id(), other.name()),
        ("ap__".into(), "an unknown codec (ap__)".into())
    );
}
