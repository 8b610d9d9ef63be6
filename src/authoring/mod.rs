//! Authoring a briefing in the app, as plain functions that read a [`crate::briefing::Briefing`]
//! and return [`crate::session::Edit`]s: reviewing the extractor's suggestions, making claims
//! from selected passages, adding places by hand and linking them, adding a source, grading
//! sources and claims, relating claims. No UI in here.

pub mod actors;
pub mod add_source;
pub mod claim;
pub mod grades;
pub mod new_article;
pub mod places;
pub mod relations;
pub mod review;
