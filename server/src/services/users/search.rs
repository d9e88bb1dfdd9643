//! Finding accounts: a search that ignores Vietnamese marks, paged, limited to what the
//! actor may see.

use crate::store::Db;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use shared::Role;
use shared::auth::RoleGrant;
use shared::users::{NamedRef, UserPage, UserQuery, UserSummary};
use uuid::Uuid;

use super::UserError;
use crate::entities::{org_unit, position, user, user_role};
use crate::services::actors::Actor;
use crate::services::policy::{self, Action, Scope};

pub const DEFAULT_PER_PAGE: u64 = 25;
pub const MAX_PER_PAGE: u64 = 100;
/// Pages beyond this hold nobody even at national scale (25 × 100,000 accounts).
pub const MAX_PAGE: u64 = 100_000;

/// Users whose org unit lies in one of `roots` (materialised paths).
fn in_subtrees(roots: &[String]) -> Condition {
    let mut units = Condition::any();
    for root in roots {
        units = units.add(org_unit::Column::Path.like(format!("{root}%")));
    }
    Condition::all().add(
        user::Column::OrgUnitId.in_subquery(
            Query::select()
                .column(org_unit::Column::Id)
                .from(org_unit::Entity)
                .cond_where(units)
                .to_owned(),
        ),
    )
}

/// The words of a search, folded, without LIKE wildcards.
fn search_words(q: Option<&str>) -> Vec<String> {
    shared::text::fold(q.unwrap_or_default())
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !matches!(c, '%' | '_' | '\\'))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(8)
        .collect()
}

/// Every account the actor may see, as a query to refine.
pub(super) fn visible_to(actor: &Actor) -> Result<sea_orm::Select<user::Entity>, UserError> {
    let select = user::Entity::find();
    match policy::scope(actor, Action::ViewUsers) {
        Scope::Nothing => Err(UserError::Forbidden),
        Scope::Everything => Ok(select),
        Scope::Subtrees(roots) => Ok(select.filter(in_subtrees(&roots))),
    }
}

pub async fn list(db: &Db, actor: &Actor, query: &UserQuery) -> Result<UserPage, UserError> {
    let mut select = visible_to(actor)?;
    for word in search_words(query.q.as_deref()) {
        select = select.filter(user::Column::SearchKey.like(format!("%{word}%")));
    }
    let per_page = query.per_page.unwrap_or(DEFAULT_PER_PAGE);
    let page = query.page.unwrap_or(1);
    let mut problems = Vec::new();
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        problems.push(super::field(
            "per_page",
            shared::Problem::NumberBetween { min: 1, max: 100 },
        ));
    }
    if !(1..=MAX_PAGE).contains(&page) {
        problems.push(super::field(
            "page",
            shared::Problem::NumberBetween {
                min: 1,
                max: 100_000,
            },
        ));
    }
    if !problems.is_empty() {
        return Err(UserError::Invalid(problems));
    }
    let paginator = select
        .order_by_asc(user::Column::SearchKey)
        .order_by_asc(user::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let users = paginator.fetch_page(page - 1).await?;
    Ok(UserPage {
        items: summaries(db, users).await?,
        total,
        page,
        per_page,
    })
}

/// One user, if the actor may see them; otherwise not found.
pub async fn get(db: &Db, actor: &Actor, id: Uuid) -> Result<UserSummary, UserError> {
    let target = visible(db, actor, id).await?.0;
    let mut list = summaries(db, vec![target]).await?;
    list.pop().ok_or(UserError::NotFound)
}

/// The user and their unit's path, when the actor may see them.
pub(super) async fn visible(
    db: &Db,
    actor: &Actor,
    id: Uuid,
) -> Result<(user::Model, Option<String>), UserError> {
    let target = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(UserError::NotFound)?;
    let path = match target.org_unit_id {
        Some(unit) => org_unit::Entity::find_by_id(unit)
            .one(db)
            .await?
            .map(|u| u.path),
        None => None,
    };
    if !policy::allows(actor, Action::ViewUsers, path.as_deref()) {
        return Err(UserError::NotFound);
    }
    Ok((target, path))
}

/// The grants among `rows` that belong to `user`, in role order.
pub(super) fn grants_of(rows: &[user_role::Model], user: Uuid) -> Vec<RoleGrant> {
    let mut grants: Vec<RoleGrant> = rows
        .iter()
        .filter(|g| g.user_id == user)
        .filter_map(|g| {
            Role::from_code(&g.role).map(|role| RoleGrant {
                role,
                scope_org_unit_id: g.scope_org_unit_id,
            })
        })
        .collect();
    grants.sort_by_key(|g| g.role);
    grants
}

/// Users with their unit, position and roles, in three batched queries.
pub(super) async fn summaries(db: &Db, users: Vec<user::Model>) -> Result<Vec<UserSummary>, DbErr> {
    let unit_ids: Vec<Uuid> = users.iter().filter_map(|u| u.org_unit_id).collect();
    let position_ids: Vec<Uuid> = users.iter().filter_map(|u| u.position_id).collect();
    let user_ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
    let units = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(unit_ids))
        .all(db)
        .await?;
    let positions = position::Entity::find()
        .filter(position::Column::Id.is_in(position_ids))
        .all(db)
        .await?;
    let grants = user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(user_ids))
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .map(|u| {
            let roles = grants_of(&grants, u.id);
            UserSummary {
                org_unit: u.org_unit_id.and_then(|id| {
                    units.iter().find(|x| x.id == id).map(|x| NamedRef {
                        id,
                        name: x.name.clone(),
                    })
                }),
                position: u.position_id.and_then(|id| {
                    positions.iter().find(|x| x.id == id).map(|x| NamedRef {
                        id,
                        name: x.name_vi.clone(),
                    })
                }),
                id: u.id,
                username: u.username,
                full_name: u.full_name,
                email: u.email,
                phone: u.phone,
                locale: u.locale,
                roles,
                disabled: u.disabled,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::search_words;

    #[test]
    fn words_are_folded_and_wildcards_dropped() {
        assert_eq!(search_words(Some("  Nguyễn  văn%_ ")), ["nguyen", "van"]);
        assert!(search_words(Some("%%")).is_empty());
        assert!(search_words(None).is_empty());
    }
}
