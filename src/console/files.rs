//! The files the bot sends (charts, exports), written into a private directory of the
//! run, and removed again for a person who asks to be forgotten.

use chrono::{DateTime, Utc};
use tokio::io::AsyncWriteExt;

use super::Console;

impl<W> Console<'_, W> {
    /// Writes a photo the bot sent to a file and returns its path.
    pub(super) async fn save_photo(
        &mut self,
        user: i64,
        at: DateTime<Utc>,
        png: &[u8],
    ) -> anyhow::Result<String> {
        self.save_file(user, at, "progress.png", png).await
    }

    /// The run's private directory (0700), made inside `--files` on first use. `tempfile`
    /// picks an unused random name and creates it in one step, so nobody else on the machine
    /// can have made it first or pointed it elsewhere (in a shared temporary directory).
    fn run_files(&mut self) -> anyhow::Result<std::path::PathBuf> {
        if let Some(dir) = &self.run_files {
            return Ok(dir.clone());
        }
        std::fs::create_dir_all(&self.options.files)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix("hipcoach-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        // Kept after the run: the paths printed are for the reader to open.
        let dir = builder.tempdir_in(&self.options.files)?.keep();
        self.run_files = Some(dir.clone());
        Ok(dir)
    }

    /// Writes a file the bot sent, readable by its owner only (0600), and returns its path.
    pub(super) async fn save_file(
        &mut self,
        user: i64,
        at: DateTime<Utc>,
        name: &str,
        bytes: &[u8],
    ) -> anyhow::Result<String> {
        let name = format!(
            "{}{}-{}",
            file_prefix(user),
            at.format("%Y%m%dT%H%M%S"),
            name.trim_start_matches("hipcoach-")
        );
        let path = self.run_files()?.join(name);
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut file = options.open(&path).await?;
        file.write_all(bytes).await?;
        file.flush().await?;
        Ok(path.display().to_string())
    }

    /// /delete: removes the files written for `user` in this run.
    pub(super) async fn forget_files(&self, user: i64) -> anyhow::Result<()> {
        let Some(dir) = &self.run_files else {
            return Ok(());
        };
        let mut entries = tokio::fs::read_dir(dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(&file_prefix(user))
            {
                tokio::fs::remove_file(entry.path()).await?;
            }
        }
        Ok(())
    }
}

/// The start of the name of every file written for `user`.
fn file_prefix(user: i64) -> String {
    format!("hipcoach-{user}-")
}
