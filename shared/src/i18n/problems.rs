//! What can be wrong with one input: a form field, a JSON member, a cell of an uploaded
//! file. A [`Problem`] carries its arguments; [`FieldProblem`] says where it is.

use crate::course::IssueKind;
use crate::course::notation::NotationError;
use crate::roleplay::PlayError;
use crate::{FieldError, L10n};

/// A problem with one input.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Required,
    /// Text of `min` to `max` characters.
    CharsBetween {
        min: usize,
        max: usize,
    },
    CharsAtMost {
        max: usize,
    },
    /// A whole number from `min` to `max`.
    NumberBetween {
        min: i64,
        max: i64,
    },
    /// A score of at most `max` points.
    PointsAtMost {
        max: u32,
    },
    /// One of a few fixed codes, listed as the API spells them.
    OneOf {
        choices: String,
    },
    /// A code: letters, digits, `-` or `_`, up to 64.
    CodeLetters,
    /// A code: capital letters, digits or `_`.
    CapitalCode,
    /// 3 to 64 of a–z, 0–9, `.`, `_`, `-`.
    UsernameShape,
    NotEmail,
    NotPhone,
    AtLeastOneRole,
    GrantOutsideTree,
    OwnAdminRole,
    /// Another record has this value (a username, a code).
    Taken,
    /// The person who started an import may no longer make it (disabled, or their role
    /// was taken away before it ran).
    NoLongerAllowed,
    WrongPassword,
    PasswordCommon,
    PasswordIsUsername,
    NotKnownId,
    NoSuchOrgUnit,
    NoSuchPosition,
    NoSuchFramework,
    NoSuchNode,
    ChooseNextNode,
    ChooseKind,
    OtherKind,
    CourseTooLarge,
    NoActiveAccount,
    NotActivityOfCourse,
    NotCompetencyOfFramework,
    NotCompetencyOfCourse,
    NotQuestionOfQuiz,
    NotSurveyItem,
    LanguageChoice,
    /// A date, written as the API does.
    NotADate,
    EndBeforeStart,
    /// A moment in RFC 3339.
    NotATime,
    TimeOutOfRange,
    /// Work done on another version of the course than the class studies.
    OtherVersion {
        version: i32,
    },
    WriteAnAnswer,
    AnswersAtMost {
        max: usize,
    },
    ScorePerCriterion {
        count: usize,
    },
    SayWhy {
        max: usize,
    },
    ItemsBetween {
        max: usize,
    },
    EventsBetween {
        max: usize,
    },
    PeopleBetween {
        max: usize,
    },
    LearnersAtMost {
        max: usize,
    },
    AtLeastOneLearner,
    CohortEnded,
    NotYourLearner {
        person: String,
    },
    NoLearnerNamed {
        name: String,
    },
    NoUnitToEnrolFrom,
    NoLearnerInUnit,
    /// Levels as an object of competency codes and numbers.
    LevelsObject,
    LevelNumber,
    FrameworkId,
    Measure,
    /// The file's header row cannot be read (`detail` is the reader's own words).
    HeaderUnreadable {
        detail: String,
    },
    RowUnreadable {
        detail: String,
    },
    UnknownColumn {
        columns: String,
    },
    ColumnRequired,
    RowsAtMost {
        max: usize,
    },
    NoRows,
    TwiceInFile,
    NoUnitWithCode {
        code: String,
    },
    NoPositionWithCode {
        code: String,
    },
    OutsideYourTree,
    UnitInYourTree,
    UnknownRole {
        code: String,
    },
    MayNotGrant {
        grant: String,
    },
    NoLearnerInYourUnits,
    NoCompetency {
        code: String,
    },
    /// A competency code several frameworks have; `choices` are the qualified codes.
    AmbiguousCompetency {
        code: String,
        choices: String,
    },
    SourceNotInPhase {
        source: String,
        phase: String,
    },
    WholeNumber,
    InTheFuture,
    NoCohortWithId,
    /// Competency framework files.
    ScaleLevel,
    CompetencyCode {
        code: String,
    },
    CompetencyTwice {
        code: String,
    },
    CompetencyKind,
    Section {
        found: String,
    },
    ScaleSequence,
    NoProficientLevel,
    NoCompetencies,
    /// A framework's cut scores: `count` numbers rising strictly between 0 and 1.
    Cutoffs {
        count: u8,
    },
    NoSuchCourse,
    NoSuchPublishedVersion,
    /// A published version after `current`, up to `latest`.
    LaterVersion {
        current: i32,
        latest: i32,
    },
    DraftUnchanged {
        version: i32,
    },
    /// 1 to 64 letters, digits, `-`, `_` or `.`.
    CourseCode,
    /// 1 to 64 capital letters, digits, `-` or `_`.
    UnitCode,
    PackageTooLarge {
        megabytes: usize,
    },
    LecturersOnly,
    AlreadyOwner,
    RateYourself,
    ChooseCompetency,
    CannotRateAs,
    LevelOfScale,
    RateOne,
    AnswerOne,
    NotQuestionOfActivity,
    PathNoEnding,
    /// A step of a role-play that the scenario does not have.
    Play {
        error: Box<PlayError>,
    },
    /// A line of the answer notation that cannot be read.
    Notation {
        error: Box<NotationError>,
    },
    /// A problem of a course package and its path, where the field cannot say it.
    CourseAt {
        path: String,
        issue: Box<IssueKind>,
    },
    /// A problem of a course package at the field's path.
    Course {
        issue: Box<IssueKind>,
    },
    /// A problem already worded in both languages (the answer notation's own messages).
    Worded {
        text: Box<L10n>,
    },
}

crate::wording! { Problem, fn word(locale) {
    Required => "bắt buộc", "required";
    CharsBetween { min, max } => "từ {min} đến {max} ký tự", "between {min} and {max} characters";
    CharsAtMost { max } => "tối đa {max} ký tự", (max => "at most {max} character", "at most {max} characters");
    NumberBetween { min, max } => "một số từ {min} đến {max}", "a number from {min} to {max}";
    PointsAtMost { max } => "tối đa {max} điểm", (max => "at most {max} point", "at most {max} points");
    OneOf { choices } => "một trong: {choices}", "one of: {choices}";
    CodeLetters => "1–64 chữ cái, chữ số, “-” hoặc “_”", "1 to 64 letters, digits, '-' or '_'";
    CapitalCode => "chữ in hoa, chữ số hoặc “_”", "capital letters, digits or '_'";
    UsernameShape => "3–64 ký tự: chữ thường không dấu, chữ số, “.”, “_” hoặc “-”", "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'";
    NotEmail => "không phải địa chỉ email", "not an email address";
    NotPhone => "không phải số điện thoại", "not a phone number";
    AtLeastOneRole => "cần ít nhất một vai trò", "at least one role";
    GrantOutsideTree => "chỉ được cấp vai trò trong phần cây đơn vị bạn quản lý", "you may only grant roles inside the part of the tree you manage";
    OwnAdminRole => "bạn không thể bỏ vai trò quản trị của chính mình", "you cannot remove your own administrator role";
    Taken => "đã có người dùng", "already taken";
    NoLongerAllowed => "người gửi không còn quyền thực hiện việc này", "the person who sent it may no longer do this";
    WrongPassword => "mật khẩu không đúng", "wrong password";
    PasswordCommon => "mật khẩu quá phổ biến, dễ bị đoán", "too common, easily guessed";
    PasswordIsUsername => "không được trùng tên đăng nhập", "must differ from the username";
    NotKnownId => "mã không tồn tại", "not a known id";
    NoSuchOrgUnit => "không có đơn vị này", "no such org unit";
    NoSuchPosition => "không có vị trí việc làm này", "no such position";
    NoSuchFramework => "không có khung năng lực này", "no such competency framework";
    NoSuchNode => "không có bước này trong tình huống", "no such node";
    ChooseNextNode => "chọn bước mà lựa chọn này dẫn tới", "choose the node this choice leads to";
    ChooseKind => "chọn loại hoạt động", "choose a kind of activity";
    OtherKind => "hoạt động này thuộc loại khác", "this activity is of another kind";
    CourseTooLarge => "khóa học quá lớn", "the course is too large";
    NoActiveAccount => "không có tài khoản đang hoạt động nào mang tên đăng nhập này", "no active account has this username";
    NotActivityOfCourse => "không phải hoạt động của khóa học này", "not an activity of this course";
    NotCompetencyOfFramework => "không phải năng lực của khung này", "not a competency of this framework";
    NotCompetencyOfCourse => "không phải năng lực của khóa học này", "not a competency of this course";
    NotQuestionOfQuiz => "không phải câu hỏi của bài trắc nghiệm này", "not a question of this quiz";
    NotSurveyItem => "không phải mục của phiếu khảo sát này", "not an item of this survey";
    LanguageChoice => "vi hoặc en", "vi or en";
    NotADate => "ngày theo dạng NNNN-TT-NN", "a date as YYYY-MM-DD";
    EndBeforeStart => "ngày kết thúc trước ngày bắt đầu", "the end is before the start";
    NotATime => "thời điểm theo RFC 3339, ví dụ 2026-11-23T08:30:00+07:00", "a time as RFC 3339, e.g. 2026-11-23T08:30:00+07:00";
    TimeOutOfRange => "thời điểm từ năm 2020 đến nay theo đồng hồ của máy", "a time between 2020 and now on the device's clock";
    OtherVersion { version } => "lớp học phiên bản {version} của khóa học", "the class studies version {version} of its course";
    WriteAnAnswer => "hãy viết câu trả lời cho câu hỏi này", "write an answer to this question";
    AnswersAtMost { max } => "tối đa {max} câu trả lời", (max => "at most {max} answer", "at most {max} answers");
    ScorePerCriterion { count } => "mỗi tiêu chí một điểm, đủ {count} tiêu chí", (count => "one score for the {count} criterion", "one score for each of the {count} criteria");
    SayWhy { max } => "nêu lý do, tối đa {max} ký tự", "say why, in at most {max} characters";
    ItemsBetween { max } => "từ 1 đến {max} mục", "between 1 and {max} items";
    EventsBetween { max } => "từ 1 đến {max} sự kiện", "between 1 and {max} events";
    PeopleBetween { max } => "chọn từ 1 đến {max} người", "choose 1 to {max} people";
    LearnersAtMost { max } => "mỗi lần ghi danh tối đa {max} học viên", "at most {max} learners at a time";
    AtLeastOneLearner => "cần ít nhất một học viên", "at least one learner";
    CohortEnded => "lớp học này đã kết thúc", "this cohort has ended";
    NotYourLearner { person } => "{person}: không phải học viên thuộc đơn vị của bạn", "{person}: not a learner in your units";
    NoLearnerNamed { name } => "{name}: không có học viên nào bạn được ghi danh mang tên này", "{name}: no learner you may enrol has this username";
    NoUnitToEnrolFrom => "không có đơn vị này trong phạm vi bạn được ghi danh", "no such org unit among those you may enrol from";
    NoLearnerInUnit => "không có học viên nào thuộc đơn vị và chức danh này", "no learner matches this org unit and position";
    LevelsObject => "một đối tượng như {{\"LEAD\": 4}}", "an object such as {{\"LEAD\": 4}}";
    LevelNumber => "một mức là số", "a level number";
    FrameworkId => "mã của một khung năng lực", "a framework id";
    Measure => "một thước đo như test:after hoặc supervisor:follow_up_30", "a measure such as test:after or supervisor:follow_up_30";
    HeaderUnreadable { detail } => "không đọc được dòng tiêu đề ({detail})", "cannot read the header ({detail})";
    RowUnreadable { detail } => "không đọc được dòng này ({detail})", "cannot read this row ({detail})";
    UnknownColumn { columns } => "cột không có trong mẫu; các cột là {columns}", "unknown column; the columns are {columns}";
    ColumnRequired => "thiếu cột bắt buộc này", "this column is required";
    RowsAtMost { max } => "mỗi tệp tối đa {max} dòng", "at most {max} rows per file";
    NoRows => "tệp không có dòng dữ liệu nào", "the file has no rows";
    TwiceInFile => "xuất hiện hai lần trong tệp", "appears twice in the file";
    NoUnitWithCode { code } => "không có đơn vị nào mang mã {code}", "no org unit has the code {code}";
    NoPositionWithCode { code } => "không có vị trí việc làm nào mang mã {code}", "no position has the code {code}";
    OutsideYourTree => "nằm ngoài phần cây đơn vị bạn quản lý", "outside the part of the tree you manage";
    UnitInYourTree => "bắt buộc: một đơn vị trong phần cây bạn quản lý", "required: a unit inside the part of the tree you manage";
    UnknownRole { code } => "không có vai trò {code}", "unknown role {code}";
    MayNotGrant { grant } => "bạn không được cấp vai trò {grant}", "you may not grant {grant}";
    NoCompetency { code } => "không có năng lực {code}", "no competency {code}";
    AmbiguousCompetency { code, choices } => "nhiều khung năng lực có {code}; hãy ghi một trong {choices}", "several frameworks have {code}; write one of {choices}";
    SourceNotInPhase { source, phase } => "nguồn {source} không thể thuộc giai đoạn {phase}", "a {source} cannot be in phase {phase}";
    WholeNumber => "một số nguyên", "a whole number";
    InTheFuture => "ngày trong tương lai", "in the future";
    NoCohortWithId => "không có lớp học nào mang mã này", "no cohort with this id";
    NoLearnerInYourUnits => "không có học viên nào mang tên đăng nhập này trong đơn vị của bạn", "no learner with this username in your units";
    ScaleLevel => "mức phải là số từ 1 đến 10", "level must be a number from 1 to 10";
    CompetencyCode { code } => "mã {code} chỉ gồm A–Z, 0–9 hoặc _", "code {code} must be A–Z, 0–9 or _";
    CompetencyTwice { code } => "mã {code} xuất hiện hai lần", "code {code} appears twice";
    CompetencyKind => "loại phải là knowledge, skill, attitude hoặc digital", "kind must be knowledge, skill, attitude or digital";
    Section { found } => "section phải là level hoặc competency, không phải “{found}”", "section must be level or competency, not “{found}”";
    ScaleSequence => "thang đo phải có các mức 1, 2, 3, … mỗi mức một lần", "the scale must have levels 1, 2, 3, … each once";
    NoProficientLevel => "phải có ít nhất một mức được tính là đạt", "at least one level must count as proficient";
    NoCompetencies => "khung năng lực chưa có năng lực nào", "the framework has no competencies";
    Cutoffs { count } => "{count} số từ 0 đến 1, tăng dần, cách nhau bằng dấu phẩy", (count => "{count} number from 0 to 1", "{count} numbers from 0 to 1, rising, separated by commas");
    NoSuchCourse => "không có khóa học này", "no such course";
    NoSuchPublishedVersion => "khóa học không có phiên bản đã xuất bản này", "the course has no such published version";
    LaterVersion { current, latest } => "một phiên bản đã xuất bản sau {current} (mới nhất là {latest})", "a published version after {current} (the latest is {latest})";
    DraftUnchanged { version } => "Bản nháp chưa thay đổi so với phiên bản {version}.", "Nothing changed since version {version}.";
    CourseCode => "1–64 chữ cái không dấu, chữ số, “-”, “_” hoặc “.”, không có dấu cách", "1 to 64 letters, digits, '-', '_' or '.', without spaces or marks";
    UnitCode => "1–64 ký tự: chữ in hoa, chữ số, “-” hoặc “_”", "1 to 64 characters: capital letters, digits, '-' or '_'";
    PackageTooLarge { megabytes } => "gói lớn hơn {megabytes} MB", "the package is larger than {megabytes} MB";
    LecturersOnly => "chỉ giảng viên mới làm đồng tác giả được", "only lecturers can be co-authors";
    RateYourself => "học viên tự đánh giá trong phiếu của chính mình", "a learner rates themselves in their own form";
    AlreadyOwner => "người tạo khóa học đã là tác giả", "the owner is already an author";
    ChooseCompetency => "chọn năng lực mà câu hỏi đo", "choose the competency the question measures";
    CannotRateAs => "bạn không thể đánh giá học viên này với tư cách đó", "you cannot rate this learner in that capacity";
    LevelOfScale => "một mức của thang đo", "a level of the scale";
    RateOne => "đánh giá ít nhất một năng lực", "rate at least one competency";
    AnswerOne => "trả lời ít nhất một câu hỏi", "answer at least one question";
    NotQuestionOfActivity => "không phải câu hỏi của hoạt động này", "not a question of this activity";
    PathNoEnding => "đường đi chưa tới kết thúc nào", "the path does not reach an ending";
    Play { error } => { error.describe(locale) }, { error.describe(locale) };
    Notation { error } => { error.describe(locale) }, { error.describe(locale) };
    CourseAt { path, issue } => { format!("{path}: {}", issue.describe(locale)) }, { format!("{path}: {}", issue.describe(locale)) };
    Course { issue } => { issue.describe(locale) }, { issue.describe(locale) };
    Worded { text } => { text.get(locale) }, { text.get(locale) };
} }

crate::wording! { PlayError, fn describe(locale) {
    UnknownNode(node) => "tình huống không có bước {node}", "no node {node}";
    UnknownChoice { node, choice } => "bước {node} không có lựa chọn {choice}", "node {node} has no choice {choice}";
    AlreadyEnded => "tình huống đã kết thúc", "the scenario has already ended";
} }

/// A problem and where it is: a field name (`email`, `answers[2]`, `level.LEAD`) and, in
/// an uploaded file, the line (the header is line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    pub field: String,
    pub line: Option<u64>,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            line: None,
            problem,
        }
    }

    /// A problem in one column of one line of an uploaded file.
    pub fn at_line(line: u64, field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            line: Some(line),
            problem,
        }
    }

    /// The problem in one line, with its line in the file if it has one ("Dòng 4: …").
    pub fn describe(&self, locale: crate::Locale) -> String {
        let problem = self.problem.word(locale);
        match (self.line, locale) {
            (None, _) => problem,
            (Some(line), crate::Locale::Vi) => format!("Dòng {line}: {problem}"),
            (Some(line), crate::Locale::En) => format!("Line {line}: {problem}"),
        }
    }

    /// As the API sends it, worded in `locale`.
    pub fn word(&self, locale: crate::Locale) -> FieldError {
        FieldError {
            field: self.field.clone(),
            line: self.line,
            code: self.problem.code(),
            message: self.problem.word(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn arguments_reach_both_languages() {
        let problem = Problem::NoUnitWithCode {
            code: "VN-XX".into(),
        };
        assert!(problem.word(Locale::Vi).contains("VN-XX"));
        assert!(problem.word(Locale::En).contains("VN-XX"));
        assert_eq!(problem.code(), "no_unit_with_code");
    }

    #[test]
    fn english_counts_agree_and_vietnamese_has_one_form() {
        assert_eq!(
            Problem::AnswersAtMost { max: 1 }.word(Locale::En),
            "at most 1 answer"
        );
        assert_eq!(
            Problem::AnswersAtMost { max: 3 }.word(Locale::En),
            "at most 3 answers"
        );
        assert_eq!(
            Problem::AnswersAtMost { max: 1 }.word(Locale::Vi),
            "tối đa 1 câu trả lời"
        );
    }

    #[test]
    fn the_wire_shape_keeps_the_line_apart_from_the_field() {
        let wire =
            FieldProblem::at_line(4, "org_unit_code", Problem::OutsideYourTree).word(Locale::Vi);
        assert_eq!(wire.field, "org_unit_code");
        assert_eq!(wire.line, Some(4));
        assert_eq!(wire.code, "outside_your_tree");
        assert!(wire.message.starts_with("nằm ngoài"));
    }
}
