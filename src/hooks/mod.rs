//! Thin hooks that connect pure state to components and do the side effects
//! (fetching, history, focus).
pub mod content;
pub mod focus;
pub mod route;
