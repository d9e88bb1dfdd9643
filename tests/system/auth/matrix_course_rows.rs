//! Matrix rows of course authoring. `{course}` is the demo course (owned by the lecturer
//! actor, gv.lan); `{other_course}` belongs to another lecturer, `{khac}`. The rows run in
//! order, so the owner's edits build on each other (ids such as `m5` are the ones the
//! previous rows created).

use reqwest::Method;

use super::matrix_rows::{Row, row};

/// Only the course's own lecturers: the national admin may read but not change it.
const AUTHOR_EDITS: [u16; 6] = [403, 404, 200, 404, 404, 401];
/// The same, for a change that makes nothing new (`204 No Content`).
const AUTHOR_DONE: [u16; 6] = [403, 404, 204, 404, 404, 401];
/// Reading a course: its authors and national admins.
const AUTHOR_READS: [u16; 6] = [200, 404, 200, 404, 404, 401];
/// Someone else's course: the lecturer actor is not an author.
const NOT_MINE: [u16; 6] = [403, 404, 404, 404, 404, 401];

const IMPORT: &str = r#"{"format":"fieldschool-course","format_version":1,"course":{"code":"IMP-{n}","title":"Nhập {n}","framework":{"code":"COMMUNE-LEADERS","version":1}}}"#;

pub fn course_rows() -> Vec<Row> {
    use Method as M;
    let c = "/api/v1/courses/{id}";
    vec![
        row(
            M::GET,
            "/api/v1/courses",
            "/api/v1/courses",
            None,
            [200, 200, 200, 200, 200, 401],
        ),
        row(
            M::POST,
            "/api/v1/courses",
            "/api/v1/courses",
            Some(r#"{"code":"MX-{n}","title_vi":"Khóa {n}"}"#),
            [403, 403, 201, 403, 403, 401],
        ),
        row(
            M::POST,
            "/api/v1/courses/import",
            "/api/v1/courses/import",
            Some(IMPORT),
            [403, 403, 202, 403, 403, 401],
        ),
        row(M::GET, "/api/v1/courses/{course}", c, None, AUTHOR_READS),
        row(
            M::GET,
            "/api/v1/courses/{other_course}",
            c,
            None,
            [200, 404, 404, 404, 404, 401],
        ),
        row(
            M::PUT,
            "/api/v1/courses/{course}/draft",
            "/api/v1/courses/{id}/draft",
            Some(r#"{"revision":1,"package":{demo_package}}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::PUT,
            "/api/v1/courses/{other_course}/draft",
            "/api/v1/courses/{id}/draft",
            Some(r#"{"revision":1,"package":{demo_package}}"#),
            NOT_MINE,
        ),
        row(
            M::GET,
            "/api/v1/courses/{course}/draft/package.json",
            "/api/v1/courses/{id}/draft/package.json",
            None,
            AUTHOR_READS,
        ),
        row(
            M::GET,
            "/api/v1/courses/{course}/questions/a3/export?format=gift",
            "/api/v1/courses/{id}/questions/{container}/export",
            None,
            AUTHOR_READS,
        ),
        row(
            M::GET,
            "/api/v1/courses/{course}/versions/1/package.json",
            "/api/v1/courses/{id}/versions/{number}/package.json",
            None,
            AUTHOR_READS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/info",
            "/api/v1/courses/{id}/info",
            Some(r#"{"title_vi":"Tiếp công dân ({n})","title_en":"Receiving citizens"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/publish",
            "/api/v1/courses/{id}/publish",
            None,
            [403, 404, 201, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/courses/{other_course}/publish",
            "/api/v1/courses/{id}/publish",
            None,
            NOT_MINE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/authors",
            "/api/v1/courses/{id}/authors",
            Some(r#"{"username":"gv.khac"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/authors/{khac}/remove",
            "/api/v1/courses/{id}/authors/{user_id}/remove",
            None,
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/modules",
            "/api/v1/courses/{id}/modules",
            Some(r#"{"title_vi":"Phần thêm {n}"}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{other_course}/modules",
            "/api/v1/courses/{id}/modules",
            Some(r#"{"title_vi":"Phần {n}"}"#),
            NOT_MINE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/modules/m5",
            "/api/v1/courses/{id}/modules/{module}",
            Some(r#"{"title_vi":"Phần đổi tên {n}"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/modules/m5/move",
            "/api/v1/courses/{id}/modules/{module}/move",
            Some(r#"{"direction":"up"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities",
            "/api/v1/courses/{id}/activities",
            Some(r#"{"module":"m5","kind":"survey","title_vi":"Khảo sát {n}"}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a7",
            "/api/v1/courses/{id}/activities/{activity}",
            Some(r#"{"title_vi":"Khảo sát {n}","items":"likert course: Khóa học hữu ích"}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a7/move",
            "/api/v1/courses/{id}/activities/{activity}/move",
            Some(r#"{"direction":"down"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a7/delete",
            "/api/v1/courses/{id}/activities/{activity}/delete",
            None,
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/modules/m5/delete",
            "/api/v1/courses/{id}/modules/{module}/delete",
            None,
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/questions/a3",
            "/api/v1/courses/{id}/questions/{container}",
            Some(
                r#"{"type":"true_false","competency":"LAW","prompt_vi":"Đúng không {n}?","answers":"đúng"}"#,
            ),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/questions/a3/q8",
            "/api/v1/courses/{id}/questions/{container}/{question}",
            Some(
                r#"{"type":"numeric","competency":"LAW","prompt_vi":"Bao nhiêu ngày?","answers":"30 ± 1"}"#,
            ),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/questions/a3/q8/move",
            "/api/v1/courses/{id}/questions/{container}/{question}/move",
            Some(r#"{"direction":"up"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/questions/bank/q8/delete",
            "/api/v1/courses/{id}/questions/{container}/{question}/delete",
            None,
            [403, 404, 404, 404, 404, 401],
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/questions/a3/q8/delete",
            "/api/v1/courses/{id}/questions/{container}/{question}/delete",
            None,
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes",
            "/api/v1/courses/{id}/activities/{activity}/nodes",
            Some(r#"{"text_vi":"Một kết thúc khác {n}","ending":true}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes/n13",
            "/api/v1/courses/{id}/activities/{activity}/nodes/{node}",
            Some(r#"{"text_vi":"Kết thúc đã sửa","outcome":"success"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes/n11/choices",
            "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices",
            Some(r#"{"text_vi":"Báo cáo thêm {n}","next":"n13","effects":"INSP +1"}"#),
            AUTHOR_EDITS,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes/n11/choices/c2",
            "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}",
            Some(r#"{"text_vi":"Báo cáo kết quả","next":"e_success"}"#),
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes/n11/choices/c2/delete",
            "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/choices/{choice}/delete",
            None,
            AUTHOR_DONE,
        ),
        row(
            M::POST,
            "/api/v1/courses/{course}/activities/a4/nodes/n13/delete",
            "/api/v1/courses/{id}/activities/{activity}/nodes/{node}/delete",
            None,
            AUTHOR_DONE,
        ),
    ]
}
