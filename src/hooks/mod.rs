//! Thin hooks that connect pure state to components and do the side effects
//! (fetching, history, focus).
pub mod content;
pub mod focus;
#[cfg(feature = "guide")]
pub mod guide;
pub mod load;
#[cfg(feature = "handbook")]
pub mod route;
