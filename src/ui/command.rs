//! Every command of the desktop layout, defined once: its label, its keys and its tooltip.
//! The top bar and the menus label their buttons from here, the keyboard handling reads the
//! keys from here, and the help overlay lists them from here.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a button, a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Show or hide the keyboard help.
    Help,
    /// Put the cursor in the search field.
    Find,
    /// Clear the selection and close overlays.
    Escape,
    /// Open a briefing file.
    Open,
    /// Start a new briefing from an article.
    NewFromArticle,
    /// Add places from a GeoJSON, KML or CSV file.
    Import,
    /// Read another article into the briefing as a source.
    AddSource,
    /// Save the briefing over its file.
    Save,
    /// Save the briefing into a folder.
    SaveAs,
    /// Close the window (asking first about unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Step the time slider to the next dated event.
    NextEvent,
    /// Step the time slider to the previous dated event.
    PreviousEvent,
    /// Move the time slider a month on.
    MonthLater,
    /// Move the time slider a month back.
    MonthEarlier,
    /// Play or pause the time slider.
    Play,
    /// Show every date (the slider off).
    AllDates,
    /// Zoom the map in.
    ZoomIn,
    /// Zoom the map out.
    ZoomOut,
    /// Frame every place.
    FrameAll,
    /// Show or hide the article reader.
    Reader,
    /// Show or hide the details panel.
    Details,
    /// Show or hide the legend.
    Legend,
    /// Show or hide the range rings window.
    Rings,
    /// Start or stop measuring distances.
    Measure,
    /// Show or hide the story editor.
    Story,
    /// Show or hide the review and authoring panel.
    Author,
    /// Show or hide the sources panel: grades, relations between claims.
    Sources,
    /// Show or hide the list of the briefing's problems.
    Problems,
    /// Switch between the light and the dark theme.
    Theme,
    /// Present the story full screen.
    Present,
    /// Switch the window to full screen and back.
    FullScreen,
}

/// A key that gives a command: a shortcut, or a character typed (`?`, `/`), which depends on
/// the keyboard layout rather than on a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A key with modifiers.
    Key(KeyboardShortcut),
    /// A character as typed.
    Text(&'static str),
}

/// A shortcut as a constant (a function call would not be promoted into the tables below).
macro_rules! key {
    ($modifiers:expr, $key:expr) => {
        Trigger::Key(KeyboardShortcut { modifiers: $modifiers, logical_key: $key })
    };
}

const NONE: Modifiers = Modifiers::NONE;
const COMMAND: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const COMMAND_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Command {
    /// Every command, in the order the help lists them.
    pub const ALL: [Command; 33] = [
        Self::Help,
        Self::Find,
        Self::Escape,
        Self::NewFromArticle,
        Self::Open,
        Self::AddSource,
        Self::Import,
        Self::Save,
        Self::SaveAs,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::PreviousEvent,
        Self::NextEvent,
        Self::MonthEarlier,
        Self::MonthLater,
        Self::Play,
        Self::AllDates,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::FrameAll,
        Self::Reader,
        Self::Details,
        Self::Legend,
        Self::Rings,
        Self::Measure,
        Self::Story,
        Self::Author,
        Self::Sources,
        Self::Problems,
        Self::Theme,
        Self::Present,
        Self::FullScreen,
    ];

    /// The label of its button or menu entry.
    pub fn label(self) -> &'static str {
        match self {
            Self::Help => "?",
            Self::Find => "Search",
            Self::Escape => "Clear selection",
            Self::Open => "Open…",
            Self::NewFromArticle => "New briefing from article…",
            Self::Import => "Import places…",
            Self::AddSource => "Add source…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::NextEvent => "Next event",
            Self::PreviousEvent => "Previous event",
            Self::MonthLater => "A month later",
            Self::MonthEarlier => "A month earlier",
            Self::Play => "Play",
            Self::AllDates => "All dates",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::FrameAll => "Fit",
            Self::Reader => "Article",
            Self::Details => "Details",
            Self::Legend => "Legend",
            Self::Rings => "Rings",
            Self::Measure => "Measure",
            Self::Story => "Story",
            Self::Author => "Review",
            Self::Sources => "Sources",
            Self::Problems => "Problems",
            Self::Theme => "Dark theme",
            Self::Present => "▶ Present",
            Self::FullScreen => "Full screen",
        }
    }

    /// What it does, in a sentence (tooltips, the help overlay).
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Help => "Show or hide this help",
            Self::Find => "Search places, claims and text",
            Self::Escape => "Clear the selection, close overlays",
            Self::Open => "Open a briefing file",
            Self::NewFromArticle => "Read an article (.txt, .md, .html): its places and dates, to review",
            Self::Import => "Add places and areas from a GeoJSON, KML or CSV file, as context",
            Self::AddSource => {
                "Read another article into this briefing: its places merge with the briefing's, new ones to review"
            }
            Self::Save => "Save the briefing over its file (a built-in one: into a folder)",
            Self::SaveAs => "Save the briefing and its sources' texts into a folder",
            Self::Quit => "Close briefmap (asks first about unsaved changes)",
            Self::Undo => "Undo the last change to the briefing",
            Self::Redo => "Redo what was undone",
            Self::NextEvent => "Step the time slider to the next event",
            Self::PreviousEvent => "Step the time slider to the previous event",
            Self::MonthLater => "Move the time slider a month on",
            Self::MonthEarlier => "Move the time slider a month back",
            Self::Play => "Play or pause the time slider",
            Self::AllDates => "Show all dates (turn the slider off)",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::FrameAll => "Frame every place",
            Self::Reader => "Show or hide the article reader",
            Self::Details => "Show or hide the details panel",
            Self::Legend => "Show or hide the legend",
            Self::Rings => "Range rings and what they reach",
            Self::Measure => "Measure distances: click points or places (Esc to stop)",
            Self::Story => "Show or hide the story editor",
            Self::Author => "Review the places and dates found, make claims from the article",
            Self::Sources => "Grade the sources, confirm or dismiss where they agree or contradict",
            Self::Problems => "What is wrong with the briefing, record by record",
            Self::Theme => "Light or dark theme",
            Self::Present => "Present the story full screen",
            Self::FullScreen => "Full screen",
        }
    }

    /// The keys that give it; the first is the one menus show. More specific shortcuts of the
    /// same key come first in [`Command::ALL`] order of matching (see [`matching_order`]).
    pub fn triggers(self) -> &'static [Trigger] {
        match self {
            Self::Help => &[Trigger::Text("?")],
            Self::Find => &[key!(COMMAND, Key::F), Trigger::Text("/")],
            Self::Escape => &[key!(NONE, Key::Escape)],
            Self::Open => &[key!(COMMAND, Key::O)],
            Self::NewFromArticle => &[key!(COMMAND, Key::N)],
            Self::Import => &[key!(COMMAND, Key::I)],
            Self::AddSource => &[key!(COMMAND_SHIFT, Key::A)],
            Self::Save => &[key!(COMMAND, Key::S)],
            Self::SaveAs => &[key!(COMMAND_SHIFT, Key::S)],
            Self::Quit => &[key!(COMMAND, Key::Q)],
            Self::Undo => &[key!(COMMAND, Key::Z)],
            Self::Redo => &[key!(COMMAND_SHIFT, Key::Z), key!(COMMAND, Key::Y)],
            Self::NextEvent => &[key!(NONE, Key::ArrowRight)],
            Self::PreviousEvent => &[key!(NONE, Key::ArrowLeft)],
            Self::MonthLater => &[key!(SHIFT, Key::ArrowRight)],
            Self::MonthEarlier => &[key!(SHIFT, Key::ArrowLeft)],
            Self::Play => &[key!(NONE, Key::Space)],
            Self::AllDates => &[key!(NONE, Key::A)],
            Self::ZoomIn => &[key!(NONE, Key::Plus), key!(NONE, Key::Equals)],
            Self::ZoomOut => &[key!(NONE, Key::Minus)],
            Self::FrameAll => &[key!(NONE, Key::Num0)],
            Self::Reader => &[key!(NONE, Key::R)],
            Self::Details => &[key!(NONE, Key::D)],
            Self::Legend => &[key!(NONE, Key::L)],
            Self::Rings => &[key!(NONE, Key::G)],
            Self::Measure => &[key!(NONE, Key::M)],
            Self::Story => &[key!(NONE, Key::S)],
            Self::Author => &[key!(NONE, Key::E)],
            Self::Sources => &[key!(NONE, Key::O)],
            Self::Problems => &[key!(NONE, Key::P)],
            Self::Theme => &[key!(NONE, Key::T)],
            Self::Present => &[key!(NONE, Key::F5)],
            Self::FullScreen => &[key!(NONE, Key::F11)],
        }
    }

    /// Whether its keys work while a text field has the keyboard: shortcuts with Ctrl (or ⌘)
    /// and keys no text field uses do; plain letters, arrows and Space are the field's, and so
    /// are undo and redo (a field undoes its own typing).
    pub fn while_typing(self) -> bool {
        matches!(
            self,
            Self::Find
                | Self::Escape
                | Self::Open
                | Self::NewFromArticle
                | Self::AddSource
                | Self::Import
                | Self::Save
                | Self::SaveAs
                | Self::Quit
                | Self::FullScreen
        )
    }

    /// Its keys as the help shows them ("Ctrl+F  or  /"), in the platform's words.
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        let words: Vec<String> = self
            .triggers()
            .iter()
            .map(|t| match t {
                Trigger::Key(k) => ctx.format_shortcut(k),
                Trigger::Text(s) => (*s).to_owned(),
            })
            .collect();
        words.join("  or  ")
    }

    /// The tooltip with the first key in brackets: "Frame every place (0)".
    pub fn hint(self, ctx: &egui::Context) -> String {
        match self.triggers().first() {
            Some(Trigger::Key(k)) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(k)),
            Some(Trigger::Text(s)) => format!("{} ({s})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }
}

/// Every (command, shortcut) pair, shortcuts with more modifiers first: egui matches Shift
/// and Alt loosely (Ctrl+Z also fires on Ctrl+Shift+Z), so the more specific must be taken
/// from the input before the less specific sees it.
pub fn matching_order() -> Vec<(Command, KeyboardShortcut)> {
    let mut pairs: Vec<(Command, KeyboardShortcut)> = Command::ALL
        .iter()
        .flat_map(|&c| {
            c.triggers().iter().filter_map(move |t| match t {
                Trigger::Key(k) => Some((c, *k)),
                Trigger::Text(_) => None,
            })
        })
        .collect();
    let count = |m: Modifiers| [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command].iter().filter(|&&b| b).count();
    pairs.sort_by_key(|(_, k)| std::cmp::Reverse(count(k.modifiers)));
    pairs
}

/// The commands given by this frame's keys, in the order given; a key that gives one is taken
/// from the input, so no widget sees it too. `typing`: a text field has the keyboard.
pub fn from_keys(ctx: &egui::Context, typing: bool) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (command, shortcut) in matching_order() {
            if (!typing || command.while_typing()) && i.consume_shortcut(&shortcut) {
                out.push(command);
            }
        }
        if !typing {
            for command in Command::ALL {
                for t in command.triggers() {
                    if let Trigger::Text(s) = t
                        && i.events.iter().any(|e| matches!(e, egui::Event::Text(typed) if typed == s))
                    {
                        out.push(command);
                    }
                }
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let pairs = matching_order();
        for (i, (a, ka)) in pairs.iter().enumerate() {
            for (b, kb) in &pairs[i + 1..] {
                assert!(ka != kb, "{a:?} and {b:?} share {ka:?}");
            }
        }
    }

    #[test]
    fn specific_shortcuts_are_matched_first() {
        let pairs = matching_order();
        let at = |c: Command, k: Key| pairs.iter().position(|(x, s)| *x == c && s.logical_key == k).unwrap();
        assert!(at(Command::Redo, Key::Z) < at(Command::Undo, Key::Z));
        assert!(at(Command::SaveAs, Key::S) < at(Command::Save, Key::S));
        assert!(at(Command::Save, Key::S) < at(Command::Story, Key::S));
        assert!(at(Command::MonthLater, Key::ArrowRight) < at(Command::NextEvent, Key::ArrowRight));
    }

    #[test]
    fn every_command_has_words_and_a_key() {
        for c in Command::ALL {
            assert!(!c.label().is_empty() && !c.tooltip().is_empty(), "{c:?}");
            assert!(!c.triggers().is_empty(), "{c:?} has no key");
        }
    }
}
