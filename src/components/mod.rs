//! Yew components, grouped by screen.
pub mod app;
pub mod common;
#[cfg(feature = "guide")]
pub mod guide;
#[cfg(feature = "handbook")]
pub mod handbook;
pub mod ready;
