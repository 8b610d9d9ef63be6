use std::process::ExitCode;

use clap::Parser;

use briefmap::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Check { file }) => cli::check(file.as_deref()).map(Some),
        Some(Command::Export { format, output, file }) => cli::export(format, file.as_deref(), output.as_deref()),
        Some(Command::Range { place, km, system, file }) => {
            cli::range(file.as_deref(), &place, km, system.as_deref()).map(Some)
        }
        Some(Command::Distance { points, file }) => cli::distance(file.as_deref(), &points).map(Some),
        Some(Command::Systems) => Ok(Some(cli::systems())),
        None => Err("the app is not built yet".to_owned()),
    };
    match result {
        Ok(Some(text)) => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Ok(None) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            ExitCode::FAILURE
        }
    }
}
