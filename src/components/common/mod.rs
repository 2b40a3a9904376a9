//! Pieces shared by the guide and the handbook.
pub mod contact;
pub mod emergency;
pub mod error_view;
pub mod lang_switcher;
pub mod rich;
