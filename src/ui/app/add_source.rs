//! Adding a source to the open briefing: the article read (and its form answered) goes
//! through the extractor and is merged in as one edit; the review and the sources panel open
//! on what it brought.

use egui::Context;

use super::BriefmapApp;
use super::questions::{ArticleUse, Question};
use crate::authoring::new_article::Article;

impl BriefmapApp {
    /// Merges `article` into the briefing as its last source, the review and sources open.
    pub(super) fn add_source(&mut self, ctx: &Context, article: Article) {
        let started = std::time::Instant::now();
        let atlas = self.session.atlas().clone();
        let ask_again = |error: String, article: Article| Question::Article {
            article: Box::new(article),
            error: Some(error),
            to: ArticleUse::AddSource,
        };
        if let Err(e) = self.gazetteer() {
            self.files.ask(ask_again(e, article));
            return;
        }
        let Some(Ok(gazetteer)) = &self.gazetteer else { return };
        let added = crate::authoring::add_source::add_source(self.session.briefing(), &article, gazetteer, &atlas);
        let added = match added {
            Ok(added) => added,
            Err(e) => {
                self.files.ask(ask_again(e, article));
                return;
            }
        };
        if let Err(e) = self.session.apply(added.edit.clone()) {
            self.files.ask(ask_again(format!("Not added: {e}"), article));
            return;
        }
        self.edited(ctx);
        // The review (to make claims from the new text) beside the reader on it; the sources'
        // tab a click away; details closed, so the map keeps room.
        let panels = &mut self.state.panels;
        (panels.author, panels.sources, panels.sources_tab, panels.reader, panels.side) =
            (true, true, false, true, false);
        if let Some(i) = self.session.briefing().source_index(&added.source) {
            self.reader.show_source(i);
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        self.notices.push(format!(
            "{} (in {ms:.0} ms). Make claims from it in the reader, then see what the Sources panel \
             suggests they corroborate or contradict.",
            added.summary()
        ));
    }
}
