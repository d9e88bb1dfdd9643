//! The one-line message of an error response: what went wrong as a whole. The fields at
//! fault, if any, are [`super::FieldProblem`]s beside it.

/// The headline of an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    // Input
    FieldsNeedAttention,
    RowsNeedAttention,
    AnswersNeedAttention,
    LevelsNeedAttention,
    FiltersNeedAttention,
    ChooseAnotherPassword,
    ChooseLanguage,
    ChooseFramework,
    LevelsAreObject,
    LevelsAreNumbers,
    NoSuchMeasure,
    CurrentPasswordWrong,
    FileHasProblems,
    PackageHasProblems,
    NoAttemptId,
    /// The body, query or address could not be read; `detail` is the parser's own words.
    BodyNotValid {
        detail: String,
    },
    FormNotValid {
        detail: String,
    },
    QueryNotValid {
        detail: String,
    },
    AddressNotValid {
        detail: String,
    },
    BodyNotObject,
    BodyUnreadable,
    BodyTooLarge,
    SendJson,
    SendJsonOrForm,
    // Who may do it
    SignInToContinue,
    WrongCredentials,
    SessionEnded,
    NoRefreshToken,
    TooManySignIns {
        secs: u64,
    },
    NotAllowed,
    CrossSite,
    FormExpired,
    CourseStaffOnly,
    CohortStaffOnly,
    FrameworkAdminsOnly,
    PositionAdminsOnly,
    OutsideYourTree,
    SmallGroupHidden,
    // What does not exist
    NoSuchEndpoint,
    NoSuchObject,
    NoSuchUser,
    NoSuchJob,
    NoSuchOrgUnit,
    NoSuchPosition,
    NoSuchFramework,
    NoSuchCourse,
    NoSuchVersion,
    NoSuchCohort,
    NoSuchActivity,
    NoSuchAttempt,
    NoSuchEvidence,
    NoSuchRating,
    NoSuchUnitOrPerson,
    NoSuchFile,
    NoSuchCertificate,
    DraftGone,
    // Conflicts with what is there
    UsernameTaken {
        name: String,
    },
    OwnAccount,
    CourseCodeTaken,
    OrgUnitCodeTaken,
    PositionCodeTaken,
    DraftChanged {
        revision: u32,
    },
    NotPublishable,
    FrameworkInUse,
    ActivityLocked,
    NoFeedbackNow,
    NoAttemptsLeft {
        allowed: u32,
    },
    AttemptIdReused,
    AlreadyVoid,
    /// A queued draft older than work already saved: nothing changed.
    Superseded,
    CertificateNotYet,
    MethodNotAllowed,
    // The server
    Busy,
    BusySigningIn,
    Unavailable,
    Internal,
}

crate::wording! { Message, fn word(locale) {
    FieldsNeedAttention => "Một số ô cần sửa.", "Some fields need attention.";
    RowsNeedAttention => "Một số dòng hoặc ô cần sửa.", "Some rows or fields need attention.";
    AnswersNeedAttention => "Một số câu trả lời cần sửa.", "Some answers need attention.";
    LevelsNeedAttention => "Một số mức cần sửa.", "Some levels need attention.";
    FiltersNeedAttention => "Một số bộ lọc cần sửa.", "Some filters need attention.";
    ChooseAnotherPassword => "Hãy chọn mật khẩu mới khác.", "Choose another new password.";
    ChooseLanguage => "Hãy chọn vi hoặc en.", "Choose vi or en.";
    ChooseFramework => "Hãy chọn phiên bản khung năng lực.", "Choose the framework version.";
    LevelsAreObject => "Các mức là một đối tượng gồm mã năng lực và số.", "Levels are an object of competency codes and numbers.";
    LevelsAreNumbers => "Các mức là số.", "Levels are numbers.";
    NoSuchMeasure => "Không có thước đo này.", "There is no such measure.";
    CurrentPasswordWrong => "Mật khẩu hiện tại không đúng.", "The current password is wrong.";
    FileHasProblems => "Tệp có lỗi; chưa nhập gì.", "The file has problems; nothing was imported.";
    PackageHasProblems => "Gói khóa học có lỗi.", "The course package has problems.";
    NoAttemptId => "Biểu mẫu thiếu mã lượt làm bài; hãy tải lại trang.", "The form has no attempt id; reload the page.";
    BodyNotValid { detail } => "Nội dung JSON không hợp lệ: {detail}.", "The JSON body is not valid: {detail}.";
    FormNotValid { detail } => "Biểu mẫu không hợp lệ: {detail}.", "The form is not valid: {detail}.";
    QueryNotValid { detail } => "Tham số truy vấn không hợp lệ: {detail}.", "The query is not valid: {detail}.";
    AddressNotValid { detail } => "Địa chỉ không hợp lệ: {detail}.", "The address is not valid: {detail}.";
    BodyNotObject => "Nội dung JSON phải là một đối tượng.", "The JSON body must be an object.";
    BodyUnreadable => "Không đọc được nội dung yêu cầu.", "The request body could not be read.";
    BodyTooLarge => "Nội dung yêu cầu quá lớn.", "The request body is too large.";
    SendJson => "Hãy gửi nội dung dạng application/json.", "Send the body as application/json.";
    SendJsonOrForm => "Hãy gửi nội dung dạng application/json hoặc application/x-www-form-urlencoded.", "Send the body as application/json or application/x-www-form-urlencoded.";
    SignInToContinue => "Hãy đăng nhập để tiếp tục.", "Sign in to continue.";
    WrongCredentials => "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.";
    SessionEnded => "Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.", "The session has ended. Sign in again.";
    NoRefreshToken => "Không có mã làm mới phiên đăng nhập.", "No refresh token was sent.";
    TooManySignIns { secs } => "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {secs} giây.", (secs => "Too many failed sign-ins. Try again in {secs} second.", "Too many failed sign-ins. Try again in {secs} seconds.");
    NotAllowed => "Bạn không được làm việc này.", "You may not do this.";
    CrossSite => "Yêu cầu đến từ trang web khác nên bị từ chối.", "This request came from another site and was refused.";
    FormExpired => "Biểu mẫu đã hết hạn. Hãy quay lại, tải lại trang rồi gửi lại.", "This form has expired. Go back, reload the page and send it again.";
    CourseStaffOnly => "Chỉ giảng viên của khóa học được sửa khóa học; chỉ người tạo được chọn đồng tác giả.", "Only the course's lecturers change it; only its owner chooses co-authors.";
    CohortStaffOnly => "Chỉ giảng viên của khóa học và quản trị viên mở lớp; chỉ cán bộ phụ trách lớp ghi danh học viên; chỉ học viên của lớp nộp bài.", "Only the course's lecturers and administrators open cohorts; only a cohort's staff enrol learners; only its learners submit.";
    FrameworkAdminsOnly => "Chỉ quản trị viên cấp quốc gia được quản lý khung năng lực.", "Only national administrators maintain competency frameworks.";
    PositionAdminsOnly => "Chỉ quản trị viên cấp quốc gia được sửa vị trí việc làm.", "Only national administrators change positions.";
    OutsideYourTree => "Bạn không được sửa phần này của cây đơn vị.", "You may not change this part of the tree.";
    SmallGroupHidden => "Bạn không được xem mục này (nhóm dưới 5 người không hiện chi tiết từng người).", "You may not see this (groups under 5 people show no one's detail).";
    NoSuchEndpoint => "Không có địa chỉ API này.", "There is no such API endpoint.";
    NoSuchObject => "Không có đối tượng này.", "There is no such object.";
    NoSuchUser => "Không có người dùng này.", "There is no such user.";
    NoSuchJob => "Không có công việc này.", "There is no such job.";
    NoSuchOrgUnit => "Không có đơn vị này.", "There is no such org unit.";
    NoSuchPosition => "Không có vị trí việc làm này.", "There is no such position.";
    NoSuchFramework => "Không có khung năng lực này.", "There is no such framework.";
    NoSuchCourse => "Không có khóa học này.", "There is no such course.";
    NoSuchVersion => "Không có phiên bản này.", "There is no such version.";
    NoSuchCohort => "Không có lớp học này.", "There is no such cohort.";
    NoSuchActivity => "Khóa học không có hoạt động này.", "The course has no such activity.";
    NoSuchAttempt => "Không có lượt làm bài này.", "There is no such attempt.";
    NoSuchEvidence => "Không có minh chứng này.", "There is no such evidence.";
    NoSuchRating => "Không có phiếu đánh giá nào như vậy dành cho bạn.", "There is no such rating for you to give.";
    NoSuchUnitOrPerson => "Không có đơn vị hoặc người này.", "There is no such unit or person.";
    NoSuchFile => "Không có tệp này.", "There is no such file.";
    NoSuchCertificate => "Không có chứng chỉ nào mang mã này.", "There is no certificate with this code.";
    DraftGone => "Bản nháp nhập tệp không còn nữa; hãy dán lại tệp.", "This import draft no longer exists; paste the file again.";
    UsernameTaken { name } => "Tên đăng nhập {name} đã có người dùng.", "The username {name} is taken.";
    OwnAccount => "Bạn không thể khóa tài khoản mình đang đăng nhập.", "You cannot disable the account you are signed in with.";
    CourseCodeTaken => "Đã có khóa học khác mang mã này.", "Another course has this code.";
    OrgUnitCodeTaken => "Đã có đơn vị khác mang mã này.", "Another org unit has this code.";
    PositionCodeTaken => "Đã có vị trí việc làm khác mang mã này.", "Another position has this code.";
    DraftChanged { revision } => "Người khác đã sửa bản nháp (nay là bản sửa {revision}); hãy tải lại rồi sửa tiếp.", "The draft was changed by someone else (it is now at revision {revision}); load it again and repeat your change.";
    NotPublishable => "Khóa học còn lỗi cần sửa trước khi xuất bản.", "The course has problems to fix before it can be published.";
    FrameworkInUse => "Có khóa học hoặc hồ sơ vị trí dùng phiên bản khung năng lực này nên không xóa được.", "Courses or position profiles use this framework version; it cannot be deleted.";
    ActivityLocked => "Hoạt động này chưa mở: các học phần mở sau bài kiểm tra đầu vào, bài kiểm tra đầu ra sau các học phần, phiếu khảo sát sau bài kiểm tra đầu ra.", "This activity opens later: modules after the pre-test, the post-test after the modules, the survey after the post-test.";
    NoFeedbackNow => "Bài trắc nghiệm này chỉ phản hồi sau khi nộp bài, không theo từng câu.", "This quiz gives its feedback once it is submitted, not question by question.";
    NoAttemptsLeft { allowed } => "Đã dùng hết {allowed} lượt làm bài của hoạt động này.", (allowed => "The {allowed} attempt allowed for this activity is used.", "All {allowed} attempts allowed for this activity are used.");
    AttemptIdReused => "Mã lượt làm bài này đã thuộc về một bài nộp khác; hãy tạo mã mới.", "This attempt id already belongs to another submission; make a new id.";
    Superseded => "Bài làm sau đã thay bản nháp này; không có gì thay đổi.", "Later work replaced this draft; nothing changed.";
    AlreadyVoid => "Minh chứng này đã bị hủy.", "This evidence is already void.";
    CertificateNotYet => "Chứng chỉ được cấp khi hoàn thành mọi hoạt động của khóa học.", "The certificate is issued once every activity of the course is completed.";
    MethodNotAllowed => "Địa chỉ này không nhận phương thức này.", "This method is not allowed on this endpoint.";
    Busy => "Máy chủ đang bận. Hãy thử lại sau vài giây.", "The server is busy. Try again in a few seconds.";
    BusySigningIn => "Máy chủ đang bận xử lý đăng nhập. Hãy thử lại sau vài giây.", "The server is busy signing people in. Try again in a few seconds.";
    Unavailable => "Dịch vụ tạm thời gián đoạn. Hãy thử lại sau ít phút.", "The service is temporarily unavailable. Please try again shortly.";
    Internal => "Máy chủ gặp lỗi. Hãy thử lại.", "Something went wrong on the server. Please try again.";
} }
