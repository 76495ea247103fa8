use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    hipcoach::cli::main(hipcoach::cli::Cli::parse()).await
}
