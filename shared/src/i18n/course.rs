//! What each problem of a course (and of its role-play scenarios) means.

use crate::Locale;
use crate::course::IssueKind;
use crate::course::notation::{Notation, NotationError};
use crate::roleplay::Problem;

crate::wording! { IssueKind, fn describe(locale) {
    Unreadable { message } => "Không đọc được: {message}", "Cannot be read: {message}";
    UnknownFormat { format } => "Không phải gói khóa học Fieldschool (định dạng “{format}”)", "Not a Fieldschool course package (format “{format}”)";
    UnknownFramework { framework, version } => "Máy chủ này không có khung năng lực “{framework}” phiên bản {version}", "This server has no competency framework “{framework}” version {version}";
    UnsupportedVersion { version } => "Phiên bản định dạng {version} không được hỗ trợ", "Format version {version} is not supported";
    Blank => "Chưa nhập nội dung (ít nhất bằng tiếng Việt)", "Required text is missing (in Vietnamese at least)";
    DuplicateId { id } => "Mã “{id}” bị trùng", "The id “{id}” is used twice";
    NoModules => "Khóa học chưa có học phần nào", "The course has no modules";
    EmptyModule => "Học phần chưa có hoạt động nào", "The module has no activities";
    UnknownCompetency { competency } => "Năng lực “{competency}” không có trong khung năng lực của khóa học", "The competency “{competency}” is not in the course's framework";
    NoQuestions => "Bài trắc nghiệm chưa có câu hỏi", "The quiz has no questions";
    PassMarkOver100 => "Điểm đạt không được vượt quá 100%", "The pass mark cannot exceed 100%";
    TooFewOptions { min } => "Cần ít nhất {min} lựa chọn", (min => "At least {min} option is needed", "At least {min} options are needed");
    DuplicateKey { key } => "“{key}” xuất hiện hai lần", "“{key}” appears twice";
    UnknownKey { key } => "Không có lựa chọn “{key}”", "There is no option “{key}”";
    NoCorrectAnswer => "Chưa có đáp án đúng", "No correct answer is given";
    NotFinite => "Không phải là một số", "Not a number";
    NegativeTolerance => "Sai số cho phép không được âm", "The tolerance cannot be negative";
    NotAnOrder => "Thứ tự đúng phải gồm mỗi mục đúng một lần", "The correct order must list every item exactly once";
    NoPrompts => "Cần ít nhất một câu hỏi thảo luận", "At least one discussion prompt is needed";
    Scenario { problem } => { problem.describe(locale) }, { problem.describe(locale) };
    EmptyBlueprint => "Ma trận đề chưa có dòng nào", "The blueprint is empty";
    ZeroCount => "Số câu phải lớn hơn 0", "The number of items must be above 0";
    TooFewItems { competency, needed, available } => "Ngân hàng câu hỏi chỉ có {available} câu “{competency}” cho đề này, cần {needed}", (available => "The item bank has only {available} “{competency}” item for this form; {needed} are needed", "The item bank has only {available} “{competency}” items for this form; {needed} are needed");
    DuplicatePhase { phase } => { format!("Đã có một bài kiểm tra “{}”", phase.code()) }, { format!("There is already a “{}” assessment", phase.code()) };
    BlueprintsDiffer => "Ma trận đề của bài kiểm tra đầu vào và đầu ra phải giống nhau (đề song song)", "The pre- and post-test blueprints must match (parallel forms)";
    NoSurveyItems => "Phiếu khảo sát chưa có câu hỏi", "The survey has no items";
} }

crate::wording! { Problem, fn describe(locale) {
    NoNodes => "Tình huống chưa có bước nào", "The scenario has no nodes";
    MissingStart { start } => "Bước bắt đầu “{start}” không tồn tại", "The start node “{start}” does not exist";
    DuplicateNode { node } => "Bước “{node}” bị trùng mã", "The node id “{node}” is used twice";
    DuplicateChoice { node, choice } => "Lựa chọn “{choice}” ở bước “{node}” bị trùng mã", "The choice id “{choice}” is used twice in node “{node}”";
    DanglingChoice { node, choice, next } => "Lựa chọn “{choice}” ở bước “{node}” dẫn tới bước “{next}” không tồn tại", "Choice “{choice}” in node “{node}” leads to “{next}”, which does not exist";
    DeadEnd { node } => "Bước “{node}” không có lựa chọn nào và không phải kết thúc (ngõ cụt)", "Node “{node}” has no choices and is not an ending (dead end)";
    Unreachable { node } => "Không thể đi tới bước “{node}” từ bước bắt đầu", "Node “{node}” cannot be reached from the start";
    NoWayToAnEnding { node } => "Từ bước “{node}” không có đường tới kết thúc nào", "No ending can be reached from node “{node}”";
    NoEnding => "Tình huống chưa có kết thúc nào", "The scenario has no ending";
    TooLarge { nodes, max } => "Tình huống có {nodes} bước, tối đa {max}", "The scenario has {nodes} nodes; at most {max} are allowed";
} }

crate::wording! { Notation, fn describe(locale) {
    AtLeastLines { min } => "Cần ít nhất {min} dòng", (min => "At least {min} line is needed", "At least {min} lines are needed");
    MarkOneAnswer => "Đánh dấu đúng một đáp án bằng dấu * ở đầu dòng", "Mark exactly one answer with a * at the start of its line";
    MarkCorrectAnswers => "Đánh dấu các đáp án đúng bằng dấu * ở đầu dòng", "Mark the correct answers with a * at the start of their lines";
    TrueOrFalse => "Ghi “đúng” hoặc “sai”", "Write “true” or “false”";
    NumericAnswer => "Ghi đáp số, ví dụ 42 ± 0.5", "Write the answer, e.g. 42 ± 0.5";
    MatchingPair => "Ghi một cặp dạng “trái = phải”", "Write a pair as “left = right”";
    UnknownQuestionType => "Loại câu hỏi không hợp lệ", "Unknown question type";
    RubricLine => "Ghi điểm trước, ví dụ “3: Lắng nghe công dân”", "Write the points first, e.g. “3: Listens to the citizen”";
    BlueprintLine => "Ghi “MÃ_NĂNG_LỰC: số câu”", "Write “COMPETENCY_CODE: number of items”";
    SurveyLine => "Ghi “likert course: câu hỏi” (loại likert/text; về course/lecturer/relevance)", "Write “likert course: question” (kind likert/text; about course/lecturer/relevance)";
    EffectsLine => "Ghi tác động dạng “MÃ +2, MÃ -1”", "Write effects as “CODE +2, CODE -1”";
} }

impl NotationError {
    /// The problem, after the line it is on when it is on one.
    pub fn describe(&self, locale: Locale) -> String {
        let problem = self.problem.describe(locale);
        match (self.line, locale) {
            (0, _) => problem,
            (n, Locale::Vi) => format!("Dòng {n}: {problem}"),
            (n, Locale::En) => format!("Line {n}: {problem}"),
        }
    }
}
