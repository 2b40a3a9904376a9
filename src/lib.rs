//! bti-veileder: the BTI handbook and citizen guide as one embeddable widget.
pub mod model;
