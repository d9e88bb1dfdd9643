//! The supervisor's tables as text, cell for cell: the page renders these rows and the CSV
//! export writes the same rows, so the download always says what the page says.

use super::report::{Comparison, GainReport, NeedsReport, RatingGap};
use super::{Lens, Phase};
use crate::Locale;

/// A table of text cells with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn pick(locale: Locale, vi: &str, en: &str) -> String {
    match locale {
        Locale::Vi => vi.to_owned(),
        Locale::En => en.to_owned(),
    }
}

/// A level or mean, two decimals; empty when undefined.
pub fn number(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// A share as a whole percentage; empty when undefined.
pub fn percent(value: Option<f64>) -> String {
    value
        .map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_default()
}

/// A p value: three decimals, or `< 0.001`.
pub fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 0.001 => "< 0.001".into(),
        Some(p) => format!("{p:.3}"),
        None => String::new(),
    }
}

pub fn lens_label(lens: Lens, locale: Locale) -> String {
    match lens {
        Lens::Test => pick(locale, "Bài kiểm tra", "Tests"),
        Lens::SelfRating => pick(locale, "Tự đánh giá", "Self-rating"),
        Lens::Supervisor => pick(locale, "Cấp trên đánh giá", "Supervisor"),
        Lens::Peer => pick(locale, "Đồng nghiệp", "Peers"),
        Lens::Lecturer => pick(locale, "Giảng viên", "Lecturer"),
    }
}

pub fn phase_label(phase: Phase, locale: Locale) -> String {
    match phase {
        Phase::Before => pick(locale, "Trước khóa học", "Before the course"),
        Phase::After => pick(locale, "Sau khóa học", "After the course"),
        Phase::FollowUp30 => pick(locale, "Sau 30 ngày", "After 30 days"),
        Phase::FollowUp90 => pick(locale, "Sau 90 ngày", "After 90 days"),
    }
}

/// "Supervisor: before → after 30 days".
pub fn comparison_label(c: Comparison, locale: Locale) -> String {
    let to = match c.to {
        Phase::After => pick(locale, "sau khóa học", "after"),
        Phase::FollowUp30 => pick(locale, "sau 30 ngày", "after 30 days"),
        Phase::FollowUp90 => pick(locale, "sau 90 ngày", "after 90 days"),
        Phase::Before => pick(locale, "trước", "before"),
    };
    let before = pick(locale, "trước", "before");
    format!("{}: {before} → {to}", lens_label(c.lens, locale))
}

pub fn too_small_label(locale: Locale) -> String {
    pick(locale, "Nhóm dưới 5 người", "Group under 5")
}

/// The note of a row whose figures are held back: nobody rated at all yet (a follow-up
/// not yet due, say), or too few to show.
pub fn held_back_label(rated: u64, locale: Locale) -> String {
    if rated == 0 {
        pick(locale, "Chưa có ai được đánh giá", "No one rated yet")
    } else {
        too_small_label(locale)
    }
}

/// The gain table.
pub fn gains(report: &GainReport, locale: Locale) -> Table {
    let header = [
        ("Mã", "Code"),
        ("Năng lực", "Competency"),
        ("Thước đo", "Measure"),
        ("Số có điểm trước", "n before"),
        ("Số có điểm sau", "n after"),
        ("Số cặp", "n paired"),
        ("Tỉ lệ bỏ dở", "Attrition"),
        ("TB trước", "Mean before"),
        ("TB sau", "Mean after"),
        ("Thay đổi TB", "Mean change"),
        ("Độ lệch chuẩn", "SD of change"),
        ("KTC 95% dưới", "95% CI low"),
        ("KTC 95% trên", "95% CI high"),
        ("p (t ghép cặp)", "p (paired t)"),
        ("d_z", "d_z"),
        ("Tiến bộ chuẩn hóa (Hake)", "Normalised gain (Hake)"),
        ("TB tiến bộ cá nhân", "Mean individual gain"),
        ("Tỉ lệ tiến bộ", "Improved"),
        ("Đạt chuẩn trước", "Proficient before"),
        ("Đạt chuẩn sau", "Proficient after"),
        ("p (McNemar)", "p (McNemar)"),
        ("Ghi chú", "Note"),
    ]
    .iter()
    .map(|(vi, en)| pick(locale, vi, en))
    .collect();
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let g = &row.gain;
            vec![
                row.competency.code.clone(),
                row.competency.name.get(locale).to_owned(),
                comparison_label(row.comparison, locale),
                g.n_before.to_string(),
                g.n_after.to_string(),
                g.n_paired.to_string(),
                percent(g.attrition),
                number(g.mean_before),
                number(g.mean_after),
                number(g.mean_diff),
                number(g.sd_diff),
                number(g.ci_low),
                number(g.ci_high),
                p_value(g.p_value),
                number(g.cohens_dz),
                number(g.hake_of_means),
                number(g.mean_individual_gain),
                percent(g.share_improved),
                percent(g.proficient_before),
                percent(g.proficient_after),
                p_value(g.mcnemar.map(|m| m.p)),
                if row.too_small {
                    held_back_label(g.n_after, locale)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    Table { header, rows }
}

/// The self − supervisor gaps.
pub fn rating_gaps(gaps: &[RatingGap], locale: Locale) -> Table {
    let header = [
        ("Mã", "Code"),
        ("Năng lực", "Competency"),
        ("Thời điểm", "Phase"),
        ("Số người", "n"),
        ("Tự đánh giá − cấp trên", "Self − supervisor"),
        ("Ghi chú", "Note"),
    ]
    .iter()
    .map(|(vi, en)| pick(locale, vi, en))
    .collect();
    let rows = gaps
        .iter()
        .map(|g| {
            vec![
                g.competency.code.clone(),
                g.competency.name.get(locale).to_owned(),
                phase_label(g.phase, locale),
                g.n.to_string(),
                number(g.mean),
                if g.too_small {
                    held_back_label(g.n, locale)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    Table { header, rows }
}

/// The needs heat map: one row per unit, one column per competency, each cell the mean gap.
pub fn needs(report: &NeedsReport, locale: Locale) -> Table {
    let mut header = vec![pick(locale, "Đơn vị", "Unit")];
    header.extend(report.competencies.iter().map(|c| c.code.clone()));
    let rows = report
        .rows
        .iter()
        .map(|unit| {
            let mut row = vec![unit.name.clone()];
            row.extend(report.competencies.iter().map(|c| {
                report
                    .cells
                    .iter()
                    .find(|cell| cell.unit_id == unit.id && cell.competency_id == c.id)
                    .map(|cell| {
                        if cell.too_small {
                            format!("({})", cell.assessed)
                        } else {
                            number(cell.mean_gap)
                        }
                    })
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    Table { header, rows }
}

/// The survey means of a cohort (Kirkpatrick's reaction).
pub fn reaction(items: &[super::kirkpatrick::ReactionItem], locale: Locale) -> Table {
    let header = [
        ("Câu hỏi", "Question"),
        ("Giảng viên", "Lecturer"),
        ("Số trả lời", "Answers"),
        ("Điểm TB (1–5)", "Mean (1–5)"),
        ("Ghi chú", "Note"),
    ]
    .iter()
    .map(|(vi, en)| pick(locale, vi, en))
    .collect();
    let rows = items
        .iter()
        .map(|item| {
            vec![
                item.prompt.get(locale).to_owned(),
                item.lecturer.clone().unwrap_or_default(),
                item.n.to_string(),
                number(item.mean),
                if item.n == 0 {
                    pick(locale, "Chưa có câu trả lời", "No answers yet")
                } else if item.too_small {
                    too_small_label(locale)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    Table { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_nobody_was_rated_on_says_so_rather_than_blaming_group_size() {
        assert_eq!(held_back_label(0, Locale::Vi), "Chưa có ai được đánh giá");
        assert_eq!(held_back_label(0, Locale::En), "No one rated yet");
        assert_eq!(held_back_label(3, Locale::Vi), "Nhóm dưới 5 người");
        assert_eq!(held_back_label(4, Locale::En), "Group under 5");
    }
}
