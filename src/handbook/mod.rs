//! Handbook navigation as pure data: the routes and how they map to the URL hash.
pub mod route;
