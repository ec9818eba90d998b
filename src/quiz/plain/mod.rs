//! Plain mode.
