//! bti-veileder: the BTI handbook and citizen guide as one embeddable widget.
#[cfg(feature = "guide")]
pub mod guide;
pub mod handbook;
pub mod i18n;
pub mod load;
pub mod model;
#[cfg(feature = "handbook")]
pub mod search;
// Native (bti-check's tests) and the studio's own wasm; never bti-core or bti-guide.
#[cfg(all(
    feature = "editor",
    any(not(target_arch = "wasm32"), feature = "studio")
))]
pub mod studio;

pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(all(not(target_arch = "wasm32"), feature = "handbook"))]
pub mod export;
pub mod hooks;

/// A free-list allocator a few hundred bytes long instead of dlmalloc's seven
/// kilobytes: the widget allocates little, on one thread. The content studio's
/// checker allocates a great deal on every keystroke, and runs about a quarter
/// faster on the default allocator (see `make bench`), so it keeps that one.
#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without threads runs on exactly one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
