use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use briefmap::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Check { file }) => cli::check(file.as_deref()).map(Some),
        Some(Command::Render(render)) => cli::render(&render).map(Some),
        Some(Command::Handout(handout)) => cli::handout(&handout).map(Some),
        Some(Command::Export { format, output, file }) => cli::export(format, file.as_deref(), output.as_deref()),
        Some(Command::Range { place, km, system, file, cities }) => {
            let query = cli::RangeQuery { place: &place, km, system: system.as_deref(), cities };
            cli::range(file.as_deref(), query).map(Some)
        }

        Some(Command::Distance { points, file }) => cli::distance(file.as_deref(), &points).map(Some),
        Some(Command::Systems) => Ok(Some(cli::systems())),
        Some(Command::Extract(args)) => cli::extract(&args),
        None => {
            let options = briefmap::ui::StartOptions {
                file: args.file,
                online: args.online,
                geodata: args.geodata,
                exit_after_first_frame: args.exit_after_first_frame,
                // Measuring start-up must neither find nor leave recovery files.
                recovery: if args.headless {
                    briefmap::ui::app::RecoveryDir::Off
                } else {
                    briefmap::ui::app::RecoveryDir::Default
                },
            };
            if args.headless {
                let first_frame_only = options.exit_after_first_frame;
                Ok(Some(briefmap::ui::startup::run(options, started, first_frame_only).to_string()))
            } else {
                briefmap::ui::run(options).map(|()| None).map_err(|e| format!("cannot open the window: {e}"))
            }
        }
    };
    match result {
        Ok(Some(text)) => {
            // A closed pipe (`briefmap export ... | head`) is the reader's choice, not an error.
            let _ = write_line(&mut std::io::stdout().lock(), &text);
            ExitCode::SUCCESS
        }
        Ok(None) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = write_line(&mut std::io::stderr().lock(), &message);
            ExitCode::FAILURE
        }
    }
}

fn write_line(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}
