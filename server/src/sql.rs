//! Hand-written SQL for the few set-based statements the query builder does not express
//! well (reports, derived tables). Written once with `?` placeholders; numbered for
//! PostgreSQL. The SQL must not contain a literal `?`.

use sea_orm::{DatabaseBackend, Statement, Value};

/// `sql` with its `?` placeholders in the backend's style, bound to `values` in order.
pub fn statement(backend: DatabaseBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = match backend {
        DatabaseBackend::Postgres => {
            let mut numbered = String::with_capacity(sql.len() + 16);
            let mut n = 0;
            for c in sql.chars() {
                if c == '?' {
                    n += 1;
                    numbered.push('$');
                    numbered.push_str(&n.to_string());
                } else {
                    numbered.push(c);
                }
            }
            numbered
        }
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `?, ?, ?` for `n` values (at least one, so `IN ()` never appears).
pub fn placeholders(n: usize) -> String {
    vec!["?"; n.max(1)].join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_placeholders_are_numbered() {
        let s = statement(
            DatabaseBackend::Postgres,
            "SELECT a FROM t WHERE b = ? AND c IN (?, ?)",
            vec![1.into(), 2.into(), 3.into()],
        );
        assert_eq!(s.sql, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
        let s = statement(DatabaseBackend::Sqlite, "SELECT ?", vec![1.into()]);
        assert_eq!(s.sql, "SELECT ?");
        assert_eq!(placeholders(0), "?");
        assert_eq!(placeholders(3), "?, ?, ?");
    }
}
