//! A location message: `{ lat, lng, name?, address? }`.

use super::sub;
use crate::core::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A point on the map, shown with an optional name and address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Latitude in degrees, -90 to 90.
    pub lat: f64,
    /// Longitude in degrees, -180 to 180.
    pub lng: f64,
    /// The place's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The place's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

impl Location {
    pub(super) fn validate(&self, path: &str) -> Result<()> {
        if !(-90.0..=90.0).contains(&self.lat) {
            return Err(Error::invalid(
                &sub(path, "lat"),
                "must be a number from -90 to 90",
            ));
        }
        if !(-180.0..=180.0).contains(&self.lng) {
            return Err(Error::invalid(
                &sub(path, "lng"),
                "must be a number from -180 to 180",
            ));
        }
        Ok(())
    }
}
