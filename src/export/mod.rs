//! Exports: the UI rendered headlessly on the CPU to PNG images and animated GIFs.
//!
//! [`headless::HeadlessUi`] runs egui without a window; [`raster`] turns its triangles into
//! pixels the way egui-wgpu would on a GPU; [`png`] and [`animation`] write the files.

pub mod animation;
pub mod headless;
pub mod png;
pub mod raster;
pub mod texture;
