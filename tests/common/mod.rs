//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::panic::catch_unwind;

use egui_kittest::wgpu::WgpuTestRenderer;

/// A wgpu renderer for image snapshots, or `None` (with a clear message) when this machine has
/// no adapter. CI sets `BRIEFMAP_REQUIRE_GPU=1` after installing Mesa's software adapter, and
/// there a missing adapter fails the test instead of skipping it.
pub fn wgpu_renderer(test: &str) -> Option<WgpuTestRenderer> {
    match catch_unwind(WgpuTestRenderer::new) {
        Ok(renderer) => Some(renderer),
        Err(panic) => {
            let reason = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "wgpu setup panicked".into());
            if std::env::var_os("BRIEFMAP_REQUIRE_GPU").is_some() {
                panic!("{test}: no wgpu adapter, and BRIEFMAP_REQUIRE_GPU is set: {reason}");
            }
            eprintln!(
                "SKIPPED {test}: no wgpu adapter found ({reason}). Install Mesa's software adapter \
                 (apt-get install mesa-vulkan-drivers libegl1 libegl-mesa0 libgl1-mesa-dri) to run it."
            );
            None
        }
    }
}
