//! The starting competency framework for commune leaders and managers, its 1–5 scale, and
//! the profiles of the demo positions. Idempotent by (framework code, version).

use crate::store::Db;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{
    competency, competency_framework, competency_level, position, position_profile,
};

const FRAMEWORK: (&str, &str, &str) = (
    "COMMUNE-LEADERS",
    "Khung năng lực cán bộ lãnh đạo, quản lý cấp xã",
    "Competency framework for commune leaders and managers",
);

/// (level, name vi, name en, descriptor vi, descriptor en, proficient)
const LEVELS: [(i32, &str, &str, &str, &str, bool); 5] = [
    (
        1,
        "Chưa đạt",
        "Not yet",
        "Chưa thực hiện được công việc, cần hướng dẫn từng bước.",
        "Cannot yet do the work; needs step-by-step guidance.",
        false,
    ),
    (
        2,
        "Cơ bản",
        "Basic",
        "Làm được việc quen thuộc khi có hướng dẫn.",
        "Handles familiar tasks with guidance.",
        false,
    ),
    (
        3,
        "Đạt",
        "Proficient",
        "Tự làm được các việc thường gặp ở xã.",
        "Handles the usual commune tasks independently.",
        true,
    ),
    (
        4,
        "Thành thạo",
        "Advanced",
        "Xử lý tốt cả tình huống phức tạp, hướng dẫn được người khác.",
        "Handles complex situations well and guides others.",
        true,
    ),
    (
        5,
        "Xuất sắc",
        "Expert",
        "Là điển hình, đề xuất được cách làm mới.",
        "A model for others; proposes new ways of working.",
        true,
    ),
];

/// (code, group vi, group en, kind, name vi, name en)
const COMPETENCIES: [(&str, &str, &str, &str, &str, &str); 9] = [
    (
        "LEAD",
        "Lãnh đạo, quản lý",
        "Leadership and management",
        "skill",
        "Năng lực lãnh đạo, điều hành",
        "Leadership and direction",
    ),
    (
        "DECI",
        "Lãnh đạo, quản lý",
        "Leadership and management",
        "skill",
        "Ra quyết định và tổ chức thực hiện",
        "Decision making and implementation",
    ),
    (
        "INSP",
        "Lãnh đạo, quản lý",
        "Leadership and management",
        "skill",
        "Kiểm tra, giám sát",
        "Inspection and supervision",
    ),
    (
        "SITU",
        "Làm việc với nhân dân",
        "Working with citizens",
        "skill",
        "Xử lý tình huống",
        "Handling situations",
    ),
    (
        "MOBI",
        "Làm việc với nhân dân",
        "Working with citizens",
        "skill",
        "Giao tiếp, tuyên truyền, dân vận",
        "Communication, outreach and mass mobilisation",
    ),
    (
        "CONF",
        "Làm việc với nhân dân",
        "Working with citizens",
        "skill",
        "Giải quyết khiếu nại, tranh chấp, xung đột",
        "Resolving complaints, disputes and conflicts",
    ),
    (
        "LAW",
        "Kiến thức",
        "Knowledge",
        "knowledge",
        "Kiến thức pháp luật, quản lý nhà nước",
        "Law and state management",
    ),
    (
        "DIGI",
        "Kỹ năng số",
        "Digital skills",
        "digital",
        "Kỹ năng số, chính quyền điện tử",
        "Digital skills and e-government",
    ),
    (
        "ETHI",
        "Phẩm chất",
        "Values",
        "attitude",
        "Đạo đức công vụ, văn hóa công sở",
        "Public-service ethics and culture",
    ),
];

/// Position code → (competency code, required level).
const PROFILES: [(&str, &[(&str, i32)]); 5] = [
    (
        "PARTY_SECRETARY",
        &[
            ("LEAD", 4),
            ("DECI", 4),
            ("INSP", 4),
            ("SITU", 4),
            ("MOBI", 4),
            ("CONF", 3),
            ("LAW", 3),
            ("DIGI", 3),
            ("ETHI", 4),
        ],
    ),
    (
        "COMMITTEE_CHAIR",
        &[
            ("LEAD", 4),
            ("DECI", 4),
            ("INSP", 3),
            ("SITU", 4),
            ("MOBI", 3),
            ("CONF", 4),
            ("LAW", 4),
            ("DIGI", 3),
            ("ETHI", 4),
        ],
    ),
    (
        "CS_JUSTICE",
        &[
            ("SITU", 3),
            ("MOBI", 3),
            ("CONF", 3),
            ("LAW", 4),
            ("DIGI", 3),
            ("ETHI", 4),
        ],
    ),
    (
        "CS_LAND",
        &[
            ("SITU", 3),
            ("CONF", 4),
            ("LAW", 4),
            ("DIGI", 3),
            ("ETHI", 4),
        ],
    ),
    (
        "CS_CULTURE",
        &[
            ("SITU", 3),
            ("MOBI", 4),
            ("LAW", 3),
            ("DIGI", 3),
            ("ETHI", 4),
        ],
    ),
];

/// Adds the framework if missing; returns the competencies added.
pub async fn seed(db: &Db) -> Result<usize, DbErr> {
    let (code, name_vi, name_en) = FRAMEWORK;
    let exists = competency_framework::Entity::find()
        .filter(competency_framework::Column::Code.eq(code))
        .filter(competency_framework::Column::Version.eq(1))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(0);
    }
    let framework = Uuid::new_v4();
    competency_framework::ActiveModel {
        id: Set(framework),
        code: Set(code.into()),
        version: Set(1),
        name_vi: Set(name_vi.into()),
        name_en: Set(name_en.into()),
        created_at: Set(Utc::now()),
        test_cutoffs: Set(None),
    }
    .insert(db)
    .await?;
    for (level, name_vi, name_en, descriptor_vi, descriptor_en, proficient) in LEVELS {
        competency_level::ActiveModel {
            framework_id: Set(framework),
            level: Set(level),
            name_vi: Set(name_vi.into()),
            name_en: Set(name_en.into()),
            descriptor_vi: Set(descriptor_vi.into()),
            descriptor_en: Set(descriptor_en.into()),
            proficient: Set(proficient),
        }
        .insert(db)
        .await?;
    }
    let mut ids = Vec::new();
    for (index, (code, group_vi, group_en, kind, name_vi, name_en)) in
        COMPETENCIES.into_iter().enumerate()
    {
        let id = Uuid::new_v4();
        competency::ActiveModel {
            id: Set(id),
            framework_id: Set(framework),
            code: Set(code.into()),
            group_vi: Set(group_vi.into()),
            group_en: Set(group_en.into()),
            kind: Set(kind.into()),
            name_vi: Set(name_vi.into()),
            name_en: Set(name_en.into()),
            position: Set(i32::try_from(index).unwrap_or(0)),
        }
        .insert(db)
        .await?;
        ids.push((code, id));
    }
    for (position_code, requirements) in PROFILES {
        let Some(position) = position::Entity::find()
            .filter(position::Column::Code.eq(position_code))
            .one(db)
            .await?
        else {
            continue;
        };
        for (competency_code, level) in requirements {
            if let Some((_, competency_id)) = ids.iter().find(|(c, _)| c == competency_code) {
                position_profile::ActiveModel {
                    position_id: Set(position.id),
                    competency_id: Set(*competency_id),
                    required_level: Set(*level),
                }
                .insert(db)
                .await?;
            }
        }
    }
    Ok(COMPETENCIES.len())
}
