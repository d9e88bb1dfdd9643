use super::port;
use crate::store::Db;
use async_trait::async_trait;
use frontend::ports::{DirectoryPort, PortResult};
use shared::directory::DirectoryOverview;

use crate::services::directory;

pub struct DirectoryAdapter {
    pub db: Db,
}

#[async_trait]
impl DirectoryPort for DirectoryAdapter {
    async fn overview(&self) -> PortResult<DirectoryOverview> {
        directory::overview(&self.db).await.map_err(port)
    }
}
