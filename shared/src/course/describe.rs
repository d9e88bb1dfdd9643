//! What each problem means, in the author's language.

use super::IssueKind;
use crate::Locale;
use crate::roleplay::Problem;

impl IssueKind {
    pub fn describe(&self, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        let pick = |v: &str, e: &str| if vi { v.to_owned() } else { e.to_owned() };
        match self {
            Self::Unreadable { message } => {
                if vi {
                    format!("Không đọc được: {message}")
                } else {
                    format!("Cannot be read: {message}")
                }
            }
            Self::UnknownFramework {
                framework: code,
                version,
            } => {
                if vi {
                    format!("Máy chủ này không có khung năng lực “{code}” phiên bản {version}")
                } else {
                    format!("This server has no competency framework “{code}” version {version}")
                }
            }
            Self::UnknownFormat { format } => {
                if vi {
                    format!("Không phải gói khóa học Fieldschool (định dạng “{format}”)")
                } else {
                    format!("Not a Fieldschool course package (format “{format}”)")
                }
            }
            Self::UnsupportedVersion { version } => {
                if vi {
                    format!("Phiên bản định dạng {version} không được hỗ trợ")
                } else {
                    format!("Format version {version} is not supported")
                }
            }
            Self::Blank => pick(
                "Chưa nhập nội dung (ít nhất bằng tiếng Việt)",
                "Required text is missing (in Vietnamese at least)",
            ),
            Self::DuplicateId { id } => {
                if vi {
                    format!("Mã “{id}” bị trùng")
                } else {
                    format!("The id “{id}” is used twice")
                }
            }
            Self::NoModules => pick("Khóa học chưa có học phần nào", "The course has no modules"),
            Self::EmptyModule => pick(
                "Học phần chưa có hoạt động nào",
                "The module has no activities",
            ),
            Self::UnknownCompetency { competency } => {
                if vi {
                    format!("Năng lực “{competency}” không có trong khung năng lực của khóa học")
                } else {
                    format!("The competency “{competency}” is not in the course's framework")
                }
            }
            Self::NoQuestions => pick(
                "Bài trắc nghiệm chưa có câu hỏi",
                "The quiz has no questions",
            ),
            Self::PassMarkOver100 => pick(
                "Điểm đạt không được vượt quá 100%",
                "The pass mark cannot exceed 100%",
            ),
            Self::TooFewOptions { min } => {
                if vi {
                    format!("Cần ít nhất {min} lựa chọn")
                } else {
                    format!("At least {min} options are needed")
                }
            }
            Self::DuplicateKey { key } => {
                if vi {
                    format!("“{key}” xuất hiện hai lần")
                } else {
                    format!("“{key}” appears twice")
                }
            }
            Self::UnknownKey { key } => {
                if vi {
                    format!("Không có lựa chọn “{key}”")
                } else {
                    format!("There is no option “{key}”")
                }
            }
            Self::NoCorrectAnswer => pick("Chưa có đáp án đúng", "No correct answer is given"),
            Self::NotFinite => pick("Không phải là một số", "Not a number"),
            Self::NegativeTolerance => pick(
                "Sai số cho phép không được âm",
                "The tolerance cannot be negative",
            ),
            Self::NotAnOrder => pick(
                "Thứ tự đúng phải gồm mỗi mục đúng một lần",
                "The correct order must list every item exactly once",
            ),
            Self::NoPrompts => pick(
                "Cần ít nhất một câu hỏi thảo luận",
                "At least one discussion prompt is needed",
            ),
            Self::Scenario { problem } => problem.describe(locale),
            Self::EmptyBlueprint => pick("Ma trận đề chưa có dòng nào", "The blueprint is empty"),
            Self::ZeroCount => pick(
                "Số câu phải lớn hơn 0",
                "The number of items must be above 0",
            ),
            Self::TooFewItems {
                competency,
                needed,
                available,
            } => {
                if vi {
                    format!(
                        "Ngân hàng câu hỏi chỉ có {available} câu “{competency}” cho đề này, cần {needed}"
                    )
                } else {
                    format!(
                        "The item bank has only {available} “{competency}” items for this form; {needed} are needed"
                    )
                }
            }
            Self::DuplicatePhase { phase } => {
                if vi {
                    format!("Đã có một bài kiểm tra “{}”", phase.code())
                } else {
                    format!("There is already a “{}” assessment", phase.code())
                }
            }
            Self::BlueprintsDiffer => pick(
                "Ma trận đề của bài kiểm tra đầu vào và đầu ra phải giống nhau (đề song song)",
                "The pre- and post-test blueprints must match (parallel forms)",
            ),
            Self::NoSurveyItems => {
                pick("Phiếu khảo sát chưa có câu hỏi", "The survey has no items")
            }
        }
    }
}

impl Problem {
    pub fn describe(&self, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        match self {
            Self::NoNodes => {
                if vi {
                    "Tình huống chưa có bước nào".into()
                } else {
                    "The scenario has no nodes".into()
                }
            }
            Self::MissingStart { start } => {
                if vi {
                    format!("Bước bắt đầu “{start}” không tồn tại")
                } else {
                    format!("The start node “{start}” does not exist")
                }
            }
            Self::DuplicateNode { node } => {
                if vi {
                    format!("Bước “{node}” bị trùng mã")
                } else {
                    format!("The node id “{node}” is used twice")
                }
            }
            Self::DuplicateChoice { node, choice } => {
                if vi {
                    format!("Lựa chọn “{choice}” ở bước “{node}” bị trùng mã")
                } else {
                    format!("The choice id “{choice}” is used twice in node “{node}”")
                }
            }
            Self::DanglingChoice { node, choice, next } => {
                if vi {
                    format!(
                        "Lựa chọn “{choice}” ở bước “{node}” dẫn tới bước “{next}” không tồn tại"
                    )
                } else {
                    format!(
                        "Choice “{choice}” in node “{node}” leads to “{next}”, which does not exist"
                    )
                }
            }
            Self::DeadEnd { node } => {
                if vi {
                    format!("Bước “{node}” không có lựa chọn nào và không phải kết thúc (ngõ cụt)")
                } else {
                    format!("Node “{node}” has no choices and is not an ending (dead end)")
                }
            }
            Self::Unreachable { node } => {
                if vi {
                    format!("Không thể đi tới bước “{node}” từ bước bắt đầu")
                } else {
                    format!("Node “{node}” cannot be reached from the start")
                }
            }
            Self::NoWayToAnEnding { node } => {
                if vi {
                    format!("Từ bước “{node}” không có đường tới kết thúc nào")
                } else {
                    format!("No ending can be reached from node “{node}”")
                }
            }
            Self::NoEnding => {
                if vi {
                    "Tình huống chưa có kết thúc nào".into()
                } else {
                    "The scenario has no ending".into()
                }
            }
            Self::TooLarge { nodes, max } => {
                if vi {
                    format!("Tình huống có {nodes} bước, tối đa {max}")
                } else {
                    format!("The scenario has {nodes} nodes; at most {max} are allowed")
                }
            }
        }
    }
}
