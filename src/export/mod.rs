//! Exports: the UI rendered headlessly on the CPU to PNG images and animated GIFs.
//!
//! [`raster`] turns egui's triangles into pixels the way egui-wgpu would on a GPU.

pub mod raster;
pub mod texture;
