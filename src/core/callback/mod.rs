//! Callbacks (webhooks): typed parsing of delivery reports and inbound messages, and signature verification.
