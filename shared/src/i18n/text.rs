//! The fixed wordings of the user interface: labels, headings, hints, the offline script's
//! texts (`Offline…`, with `{n}`-style placeholders the script fills in). A message is a
//! variant of [`Text`]; [`t`] picks its wording for a locale. Adding a variant without
//! both wordings does not compile; a test compares their placeholders.
//!
//! The islands' words are their own section ([`super::Say`], `islands.rs`): the browser
//! bundle links only the function that words them, so it carries these and not the
//! pages' hundreds.

use crate::Locale;

/// A section of the catalogue: an enum of messages and the function that words them.
macro_rules! messages {
    ($name:ident, $word:ident { $($key:ident => $vi:literal, $en:literal;)+ }) => {
        /// A message of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)+ }

        impl $name {
            /// Every message, for checks over the whole catalogue.
            pub const ALL: &'static [$name] = &[$($name::$key,)+];
        }

        /// The wording of `text` in `locale`.
        pub fn $word(locale: Locale, text: $name) -> &'static str {
            match (text, locale) {
                $(
                    ($name::$key, Locale::Vi) => $vi,
                    ($name::$key, Locale::En) => $en,
                )+
            }
        }
    };
}
pub(super) use messages;

messages! { Text, t {
    AppName => "Fieldschool", "Fieldschool";
    AppTagline => "Bồi dưỡng cán bộ, công chức cấp xã", "Training for commune cadres and civil servants";
    SkipToContent => "Chuyển đến nội dung chính", "Skip to main content";
    LanguageLabel => "Ngôn ngữ", "Language";
    HomeTitle => "Học để làm tốt việc của xã", "Learn to serve your commune better";
    HomeIntro => "Fieldschool giúp cán bộ, công chức cấp xã học qua tình huống thật, bài trắc nghiệm và tình huống nhập vai; học được cả khi mạng chập chờn.", "Fieldschool helps commune cadres and civil servants learn from real cases, quizzes and role-play scenarios, even on a flaky connection.";
    ForLearnersTitle => "Học viên", "Learners";
    ForLearnersBody => "Học trên máy tính cơ quan hoặc điện thoại, trang nhẹ, bài làm không bị mất khi mất kết nối.", "Study on an office PC or a phone: light pages, and answers are never lost when the connection drops.";
    ForLecturersTitle => "Giảng viên", "Lecturers";
    ForLecturersBody => "Soạn học phần nghiên cứu tình huống, bài trắc nghiệm và tình huống nhập vai có nhiều nhánh.", "Author case-study modules, quizzes and branching role-play scenarios.";
    ForSupervisorsTitle => "Cán bộ quản lý", "Supervisors";
    ForSupervisorsBody => "Theo dõi năng lực của từng cán bộ thay đổi thế nào từ trước đến sau khóa bồi dưỡng.", "See how each cadre's competencies changed from before training to after it.";
    NetworkTitle => "Mạng lưới đơn vị", "Org units";
    NetworkEmpty => "Chưa có tỉnh, thành phố nào trong hệ thống.", "No provinces have been set up yet.";
    NetworkUnavailable => "Không tải được danh sách đơn vị. Vui lòng thử lại sau.", "The list of org units could not be loaded. Please try again later.";
    ProvinceColumn => "Tỉnh, thành phố", "Province";
    RegionColumn => "Vùng", "Region";
    CommuneCountColumn => "Số xã, phường", "Communes and wards";
    InstitutionCount => "Cơ sở đào tạo", "Training institutions";
    Loading => "Đang tải…", "Loading…";
    ConnectionTitle => "Kiểm tra kết nối", "Connection check";
    NotFoundTitle => "Không tìm thấy trang", "Page not found";
    NotFoundBody => "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.", "The page you are looking for does not exist or has moved.";
    BadAddressTitle => "Địa chỉ không hợp lệ", "The address is not valid";
    BadAddressBody => "Một giá trị trong địa chỉ trang không đúng (ví dụ ngày hoặc mã không tồn tại). Hãy quay lại và chọn lại bộ lọc.", "A value in the page's address is not right (a date or a code that does not exist, say). Go back and choose the filters again.";
    BackHome => "Về trang chủ", "Back to the home page";
    SignIn => "Đăng nhập", "Sign in";
    SignOut => "Đăng xuất", "Sign out";
    MyProfile => "Hồ sơ của tôi", "My profile";
    SignInTitle => "Đăng nhập Fieldschool", "Sign in to Fieldschool";
    SignInIntro => "Dùng tài khoản do cơ sở đào tạo cấp. Trên máy của riêng bạn, phiên đăng nhập được giữ trong 30 ngày.", "Use the account your training institution gave you. On your own device you stay signed in for 30 days.";
    Username => "Tên đăng nhập", "Username";
    Password => "Mật khẩu", "Password";
    SignInFailed => "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.";
    SignInThrottled => "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau (giây):", "Too many failed sign-ins. Please try again after (seconds):";
    SignedOut => "Bạn đã đăng xuất.", "You have signed out.";
    AlreadySignedIn => "Bạn đang đăng nhập với tên", "You are signed in as";
    ProfileTitle => "Hồ sơ của tôi", "My profile";
    FullName => "Họ và tên", "Full name";
    Roles => "Vai trò", "Roles";
    RoleAdmin => "Quản trị viên", "Administrator";
    RoleLecturer => "Giảng viên", "Lecturer";
    RoleSupervisor => "Cán bộ quản lý", "Supervisor";
    RoleLearner => "Học viên", "Learner";
    ChangePasswordTitle => "Đổi mật khẩu", "Change password";
    CurrentPassword => "Mật khẩu hiện tại", "Current password";
    NewPassword => "Mật khẩu mới", "New password";
    NewPasswordHint => "Từ 8 đến 128 ký tự, có thể dùng tiếng Việt có dấu và dấu cách. Không dùng mật khẩu quá phổ biến.", "8 to 128 characters; Vietnamese letters and spaces are welcome. Very common passwords are refused.";
    ChangePasswordButton => "Đổi mật khẩu", "Change password";
    PasswordChanged => "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.", "Password changed. Your other sessions have been signed out.";
    CurrentPasswordWrong => "Mật khẩu hiện tại không đúng.", "The current password is wrong.";
    NewPasswordRejected => "Mật khẩu mới không hợp lệ: cần 8–128 ký tự, không quá phổ biến và khác tên đăng nhập.", "The new password is not allowed: it needs 8–128 characters, must not be very common, and must differ from your username.";
    Administration => "Quản trị", "Administration";
    AdminIntro => "Quản lý tài khoản, cây đơn vị và vị trí việc làm trong phạm vi của bạn.", "Manage accounts, the org tree and job positions within your scope.";
    Accounts => "Tài khoản", "Accounts";
    OrgTree => "Cây đơn vị", "Org tree";
    Positions => "Vị trí việc làm", "Job positions";
    ImportCsv => "Nhập từ CSV", "Import from CSV";
    ExportCsv => "Xuất CSV", "Export CSV";
    Search => "Tìm", "Search";
    SearchHint => "Tên, tên đăng nhập hoặc email; gõ có dấu hay không dấu đều được", "Name, username or email; with or without diacritics";
    NoResults => "Không có tài khoản nào phù hợp.", "No accounts match.";
    ResultsCount => "Số tài khoản", "Accounts found";
    PreviousPage => "Trang trước", "Previous page";
    NextPage => "Trang sau", "Next page";
    PageLabel => "Trang", "Page";
    OrgUnit => "Đơn vị", "Org unit";
    Position => "Vị trí", "Position";
    Email => "Email", "Email";
    Phone => "Điện thoại", "Phone";
    Status => "Trạng thái", "Status";
    Active => "Đang hoạt động", "Active";
    Disabled => "Đã khóa", "Disabled";
    NewAccount => "Tạo tài khoản", "New account";
    CreateAccount => "Tạo tài khoản", "Create account";
    FirstPassword => "Mật khẩu ban đầu", "First password";
    FirstPasswordHint => "Báo cho người dùng; họ nên đổi ngay sau lần đăng nhập đầu.", "Tell the person; they should change it after signing in.";
    NoneChoice => "(không có)", "(none)";
    Save => "Lưu", "Save";
    EditAccount => "Sửa thông tin", "Edit details";
    DisableAccount => "Khóa tài khoản", "Disable account";
    EnableAccount => "Mở khóa tài khoản", "Enable account";
    DisableWarning => "Khóa tài khoản sẽ đăng xuất người này trên mọi thiết bị ngay lập tức. Bạn có chắc không?", "Disabling signs this person out on every device at once. Are you sure?";
    ConfirmDisable => "Có, khóa tài khoản", "Yes, disable the account";
    Cancel => "Hủy", "Cancel";
    ResetPasswordTitle => "Đặt lại mật khẩu", "Reset password";
    ResetPasswordHint => "Người dùng sẽ bị đăng xuất trên mọi thiết bị và đăng nhập lại bằng mật khẩu mới.", "The person is signed out everywhere and signs in again with the new password.";
    FormProblems => "Chưa lưu được. Vui lòng kiểm tra:", "Not saved. Please check:";
    FormConflict => "Mã hoặc tên đăng nhập này đã có người dùng.", "This code or username is already in use.";
    FormForbidden => "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.";
    NotAllowedTitle => "Không có quyền truy cập", "Not allowed";
    NotAllowedBody => "Trang này dành cho quản trị viên hoặc cán bộ quản lý.", "This page is for administrators and supervisors.";
    Unavailable => "Không tải được dữ liệu. Vui lòng thử lại sau.", "The data could not be loaded. Please try again later.";
    BackToList => "Về danh sách", "Back to the list";
    Code => "Mã", "Code";
    Name => "Tên", "Name";
    Kind => "Loại", "Kind";
    Parent => "Thuộc đơn vị", "Parent unit";
    AddOrgUnit => "Thêm đơn vị", "Add an org unit";
    AddPosition => "Thêm vị trí việc làm", "Add a job position";
    NameVi => "Tên tiếng Việt", "Vietnamese name";
    NameEn => "Tên tiếng Anh", "English name";
    KindNational => "Cấp trung ương", "National";
    KindProvince => "Tỉnh, thành phố", "Province";
    KindDistrict => "Huyện, quận", "District";
    KindCommune => "Xã, phường, thị trấn", "Commune";
    KindInstitution => "Cơ sở đào tạo", "Training institution";
    ImportIntro => "Dán nội dung tệp CSV (xuất từ bảng tính, mã hóa UTF-8) rồi bấm Xem trước. Chưa có gì thay đổi cho đến khi bạn bấm Áp dụng.", "Paste the CSV file (saved from a spreadsheet as UTF-8) and press Preview. Nothing changes until you press Apply.";
    ImportColumnsHint => "Các cột: username, full_name, email, phone, org_unit_code, position_code, roles (ví dụ learner;supervisor@VN-LCI), password (chỉ cho tài khoản mới).", "Columns: username, full_name, email, phone, org_unit_code, position_code, roles (e.g. learner;supervisor@VN-LCI), password (new accounts only).";
    CsvContent => "Nội dung CSV", "CSV content";
    Preview => "Xem trước", "Preview";
    ApplyImport => "Áp dụng", "Apply";
    ImportProblems => "Tệp có lỗi; chưa nhập gì. Sửa các dòng sau rồi xem trước lại:", "The file has problems; nothing was imported. Fix these lines and preview again:";
    ImportSummary => "Sẽ thay đổi", "What will change";
    ImportJobQueued => "Tệp đã được nhận và đang chờ xử lý.", "The file was accepted and waits its turn.";
    ImportJobRunning => "Đang nhập tài khoản: mật khẩu của các tài khoản mới đang được chuẩn bị.", "Importing accounts: the new accounts' passwords are being prepared.";
    ImportJobProgress => "Mật khẩu đã chuẩn bị", "Passwords prepared";
    Added => "Đã thêm", "Added";
    EvidenceJobRunning => "Đang lưu bằng chứng năng lực.", "Storing the competency evidence.";
    EvidenceJobProgress => "Dòng đã lưu", "Rows stored";
    PackageJobRunning => "Đang tạo bản nháp từ gói khóa học.", "Making a draft from the course package.";
    PackageJobProgress => "Khóa học đã tạo", "Course made";
    PackageJobDone => "Đã nhập gói khóa học thành bản nháp mới.", "The course package is imported as a new draft.";
    OpenDraft => "Mở bản nháp", "Open the draft";
    ImportJobMayLeave => "Bạn có thể rời trang này: việc nhập vẫn tiếp tục, và trang này tự cập nhật.", "You may leave this page: the import goes on, and this page updates itself.";
    ImportJobDone => "Đã nhập xong: mọi dòng đã được áp dụng.", "Import finished: every row was applied.";
    ImportJobFailed => "Không nhập được; không có gì thay đổi.", "The import could not be done; nothing was changed.";
    ImportAnother => "Nhập tệp khác", "Import another file";
    ActionCreate => "Tạo mới", "Create";
    ActionUpdate => "Cập nhật", "Update";
    ActionUnchanged => "Không đổi", "Unchanged";
    Line => "Dòng", "Line";
    Changes => "Thay đổi", "Changes";
    PublishRefused => "Chưa xuất bản được: hãy sửa các vấn đề trong phần kiểm tra bên dưới.", "Not published: fix the problems listed in the publishing check below.";
    Competencies => "Khung năng lực", "Competency framework";
    ProficiencyScale => "Thang năng lực", "Proficiency scale";
    LevelColumn => "Mức", "Level";
    DescriptorColumn => "Mô tả", "Description";
    ProficientColumn => "Đạt yêu cầu", "Counts as proficient";
    VersionLabel => "Phiên bản", "Version";
    NoFrameworks => "Chưa có khung năng lực nào.", "No competency framework yet.";
    KindKnowledge => "Kiến thức", "Knowledge";
    KindSkill => "Kỹ năng", "Skill";
    KindAttitude => "Thái độ", "Attitude";
    KindDigital => "Năng lực số", "Digital";
    FooterNote => "Fieldschool: trang nhẹ, dùng được khi tắt JavaScript.", "Fieldschool: light pages that work without JavaScript.";
    Authoring => "Soạn bài giảng", "Authoring";
    MyCourses => "Khóa học của tôi", "My courses";
    NoCoursesYet => "Chưa có khóa học nào. Hãy tạo khóa học đầu tiên hoặc nhập một gói khóa học.", "No courses yet. Start your first course or import a course package.";
    CourseTitle => "Tên khóa học", "Course title";
    YourPart => "Vai trò của bạn", "Your part";
    PartOwner => "Chủ biên", "Owner";
    PartCoAuthor => "Đồng tác giả", "Co-author";
    PartReader => "Chỉ xem", "Read only";
    PublishedVersion => "Đã xuất bản", "Published";
    NotPublished => "Chưa xuất bản", "Not published";
    NewCourse => "Tạo khóa học mới", "Start a new course";
    CourseCodeHint => "Mã ngắn, duy nhất, không dấu, không khoảng trắng; ví dụ KNTC-2026.", "A short unique code without marks or spaces, e.g. KNTC-2026.";
    TitleVi => "Tiêu đề (tiếng Việt)", "Title (Vietnamese)";
    TitleEn => "Tiêu đề (tiếng Anh, không bắt buộc)", "Title (English, optional)";
    ImportPackage => "Nhập gói khóa học", "Import a course package";
    PackageJson => "Nội dung gói khóa học (JSON)", "Course package (JSON)";
    NewCodeOptional => "Mã khóa học mới (không bắt buộc)", "New course code (optional)";
    ImportPackageHint => "Dán nội dung tệp .json đã xuất từ Fieldschool. Nếu mã đã có, nhập một mã mới để tạo bản sao.", "Paste a .json file exported from Fieldschool. If its code is taken, give a new code to make a copy.";
    KindCaseStudy => "Tình huống thực tế", "Case study";
    KindQuiz => "Trắc nghiệm", "Quiz";
    KindRolePlay => "Nhập vai", "Role-play";
    KindAssessment => "Bài kiểm tra đầu vào/đầu ra", "Pre/post assessment";
    KindSurvey => "Khảo sát", "Survey";
    ReadyToPublish => "Không có vấn đề nào: có thể xuất bản.", "No problems: ready to publish.";
    ProblemsToFix => "Cần sửa trước khi xuất bản", "To fix before publishing";
    MoveUp => "Chuyển lên", "Move up";
    MoveDown => "Chuyển xuống", "Move down";
    Delete => "Xóa…", "Delete…";
    ConfirmDelete => "Xóa khỏi bản nháp:", "Delete from the draft:";
    DeleteForGood => "Xóa hẳn", "Delete for good";
    CourseEditor => "Soạn khóa học", "Course editor";
    ItemBank => "Ngân hàng câu hỏi", "Item bank";
    PreviewAsLearner => "Xem như học viên", "Preview as a learner";
    DraftRevision => "bản nháp lần", "draft revision";
    PublishCheck => "Kiểm tra trước khi xuất bản", "Publishing check";
    PublishHint => "Xuất bản tạo một phiên bản cố định, có đánh số; học viên đang học không bị ảnh hưởng bởi các sửa đổi sau đó.", "Publishing freezes a numbered version; learners already studying are not affected by later edits.";
    Publish => "Xuất bản", "Publish";
    Modules => "Học phần", "Modules";
    NoModulesYet => "Chưa có học phần nào. Thêm học phần đầu tiên ở dưới.", "No modules yet. Add the first one below.";
    Rename => "Đổi tên", "Rename";
    ActivitiesCount => "hoạt động", "activities";
    NoActivitiesYet => "Học phần chưa có hoạt động nào.", "This module has no activities yet.";
    AddActivity => "Thêm hoạt động", "Add an activity";
    Module => "Học phần", "Module";
    ActivityKindLabel => "Loại hoạt động", "Kind of activity";
    AddModule => "Thêm học phần", "Add a module";
    CourseInfo => "Thông tin khóa học", "About the course";
    SummaryVi => "Giới thiệu (tiếng Việt)", "Summary (Vietnamese)";
    SummaryEn => "Giới thiệu (tiếng Anh)", "Summary (English)";
    MarkdownHint => "Viết bằng Markdown: ## tiêu đề, **đậm**, - danh sách. Không dùng HTML.", "Written in Markdown: ## heading, **bold**, - list. HTML is not allowed.";
    Authors => "Tác giả", "Authors";
    AddCoAuthor => "Thêm đồng tác giả", "Add a co-author";
    CoAuthorHint => "Tên đăng nhập của một giảng viên. Đồng tác giả được sửa và xuất bản, nhưng không thêm bớt tác giả.", "A lecturer's username. Co-authors edit and publish but do not choose authors.";
    Versions => "Các phiên bản", "Versions";
    DownloadDraft => "Tải bản nháp (gói JSON)", "Download the draft (JSON package)";
    Version => "Phiên bản", "Version";
    PublishedAt => "Thời điểm xuất bản", "Published at";
    PublishedBy => "Người xuất bản", "Published by";
    PackageSize => "Dung lượng", "Size";
    QSingleChoice => "Một lựa chọn", "Single choice";
    QMultipleChoice => "Nhiều lựa chọn", "Multiple choice";
    QTrueFalse => "Đúng/Sai", "True/false";
    QNumeric => "Điền số", "Numeric";
    QShortText => "Trả lời ngắn", "Short text";
    QOrdering => "Sắp xếp thứ tự", "Ordering";
    QMatching => "Ghép cặp", "Matching";
    QuestionType => "Loại câu hỏi", "Question type";
    MeasuresCompetency => "Đo năng lực", "Measures competency";
    PromptVi => "Câu hỏi (tiếng Việt)", "Question (Vietnamese)";
    PromptEn => "Câu hỏi (tiếng Anh)", "Question (English)";
    Answers => "Đáp án", "Answers";
    AnswersHint => "Mỗi dòng một mục; “tiếng Việt | tiếng Anh”. Lựa chọn: * ở đầu dòng đáp án đúng, >> phản hồi. Đúng/Sai: đúng hoặc sai. Số: 30 ± 2. Trả lời ngắn: mỗi dòng một đáp án chấp nhận. Sắp xếp: các mục theo thứ tự đúng. Ghép cặp: trái = phải.", "One entry per line; “Vietnamese | English”. Choices: * before the right answers, >> feedback. True/false: true or false. Numeric: 30 ± 2. Short text: one accepted answer per line. Ordering: the items in the right order. Matching: left = right.";
    Lenient => "Trả lời ngắn: không phân biệt hoa thường và dấu tiếng Việt", "Short text: ignore case and Vietnamese marks";
    PartialCredit => "Nhiều lựa chọn: cho điểm từng phần", "Multiple choice: partial credit";
    FeedbackVi => "Phản hồi (tiếng Việt)", "Feedback (Vietnamese)";
    FeedbackEn => "Phản hồi (tiếng Anh)", "Feedback (English)";
    Questions => "Câu hỏi", "Questions";
    NoQuestionsYet => "Chưa có câu hỏi nào.", "No questions yet.";
    AddQuestion => "Thêm câu hỏi", "Add a question";
    ScenarioGraph => "Sơ đồ tình huống", "Scenario map";
    GraphStart => "Bước bắt đầu", "Start";
    GraphUnreachable => "Không đi tới được", "Unreachable";
    GraphStuck => "Ngõ cụt / không tới kết thúc", "Dead end / no way to an ending";
    ChoiceTextVi => "Lựa chọn (tiếng Việt)", "Choice (Vietnamese)";
    ChoiceTextEn => "Lựa chọn (tiếng Anh)", "Choice (English)";
    LeadsTo => "Dẫn tới bước", "Leads to";
    Effects => "Tác động tới điểm năng lực", "Effects on competency scores";
    SpeakerVi => "Người nói (tiếng Việt, bỏ trống nếu là lời dẫn)", "Speaker (Vietnamese; empty for narration)";
    SpeakerEn => "Người nói (tiếng Anh)", "Speaker (English)";
    NodeTextVi => "Nội dung (tiếng Việt)", "Text (Vietnamese)";
    NodeTextEn => "Nội dung (tiếng Anh)", "Text (English)";
    Outcome => "Kết quả", "Outcome";
    DebriefVi => "Nhận xét cuối (tiếng Việt)", "Debrief (Vietnamese)";
    DebriefEn => "Nhận xét cuối (tiếng Anh)", "Debrief (English)";
    NoNodesYet => "Chưa có bước nào. Thêm bước đầu tiên ở dưới.", "No nodes yet. Add the first one below.";
    Nodes => "Các bước", "Nodes";
    Situation => "Tình huống", "Situation";
    Ending => "Kết thúc", "Ending";
    Choices => "Lựa chọn", "Choices";
    DeadEndHint => "Bước này chưa có lựa chọn nào: học viên sẽ bị kẹt.", "This node has no choices yet: learners would be stuck.";
    AddChoice => "Thêm lựa chọn", "Add a choice";
    AddNode => "Thêm bước", "Add a node";
    IsEnding => "Đây là một kết thúc", "This is an ending";
    CaseBodyVi => "Diễn biến vụ việc (tiếng Việt)", "The case (Vietnamese)";
    CaseBodyEn => "Diễn biến vụ việc (tiếng Anh)", "The case (English)";
    CaseOutcomeVi => "Kết quả thực tế (tiếng Việt)", "What really happened (Vietnamese)";
    CaseOutcomeEn => "Kết quả thực tế (tiếng Anh)", "What really happened (English)";
    DiscussionPrompts => "Câu hỏi thảo luận", "Discussion prompts";
    LinesHint => "Mỗi dòng một câu; “tiếng Việt | tiếng Anh”.", "One per line; “Vietnamese | English”.";
    Rubric => "Tiêu chí chấm (không bắt buộc)", "Rubric (optional)";
    RubricHint => "Mỗi dòng: điểm: tiêu chí | tiếng Anh; ví dụ “3: Lắng nghe cả hai bên”.", "One per line: points: criterion | English; e.g. “3: Hears both sides”.";
    AttemptsAllowed => "Số lần làm bài", "Attempts allowed";
    AttemptsHint => "0 là không giới hạn.", "0 means no limit.";
    PassMark => "Điểm đạt (%)", "Pass mark (%)";
    ShuffleQuestions => "Xáo trộn câu hỏi", "Shuffle questions";
    ShuffleOptions => "Xáo trộn lựa chọn", "Shuffle options";
    FeedbackTiming => "Hiện phản hồi", "Show feedback";
    FeedbackImmediate => "Ngay sau mỗi câu", "After each question";
    FeedbackAfter => "Sau khi nộp bài", "After submission";
    BriefingVi => "Lời giới thiệu (tiếng Việt)", "Briefing (Vietnamese)";
    BriefingEn => "Lời giới thiệu (tiếng Anh)", "Briefing (English)";
    Phase => "Loại bài kiểm tra", "Phase";
    PhasePre => "Đầu vào", "Pre-test";
    PhasePost => "Đầu ra", "Post-test";
    Blueprint => "Ma trận đề", "Blueprint";
    BlueprintHint => "Mỗi dòng: MÃ_NĂNG_LỰC: số câu. Đầu vào và đầu ra phải cùng ma trận; mỗi đề lấy câu từ một nửa ngân hàng nên không trùng câu.", "One per line: COMPETENCY_CODE: number of items. Pre and post must share the blueprint; each draws from its own half of the bank, so no item repeats.";
    ItemsInThisHalf => "Số câu có sẵn cho đề này", "Items available for this form";
    SurveyItems => "Câu hỏi khảo sát", "Survey items";
    SurveyHint => "Mỗi dòng: loại (likert/text) đối tượng (course/lecturer/relevance): câu hỏi | tiếng Anh. Câu về giảng viên được hỏi cho từng giảng viên của lớp.", "One per line: kind (likert/text) about (course/lecturer/relevance): question | English. Lecturer items are asked for each lecturer of the class.";
    ItemBankHint => "Các câu của mỗi năng lực lần lượt thuộc đề đầu vào và đề đầu ra (câu thứ 1, 3, 5… cho đầu vào; 2, 4, 6… cho đầu ra), nên hai đề song song và không trùng câu.", "Each competency's items alternate between the pre-test and the post-test (1st, 3rd, 5th… pre; 2nd, 4th, 6th… post), so the forms are parallel and never share an item.";
    PreviewNotice => "Xem trước bản nháp như học viên thấy. Không có gì được lưu.", "A preview of the draft as learners see it. Nothing is saved.";
    WhatReallyHappened => "Kết quả thực tế", "What really happened";
    SamplePaper => "Một đề mẫu: mỗi học viên nhận một đề rút ngẫu nhiên theo ma trận.", "A sample paper: each learner gets one drawn at random to the blueprint.";
    LikertScale => "1 = hoàn toàn không đồng ý … 5 = hoàn toàn đồng ý", "1 = strongly disagree … 5 = strongly agree";
    True => "Đúng", "True";
    False => "Sai", "False";
    Question => "Câu", "Question";
    SubmitAnswers => "Nộp bài", "Submit";
    PositionProfile => "Yêu cầu năng lực của vị trí", "Competencies this position requires";
    NotRequired => "Không yêu cầu", "Not required";
    NewFrameworkVersion => "Thêm phiên bản khung năng lực", "Add a framework version";
    FrameworkCsv => "Khung năng lực (CSV)", "Framework (CSV)";
    FrameworkCsvHint => "Dạng của tệp CSV tải về: mỗi dòng một mức (section = level) hoặc một năng lực (section = competency). Mã đã có sẽ thành phiên bản mới; phiên bản cũ giữ nguyên.", "The format of the downloaded CSV: one row per level (section = level) or competency (section = competency). An existing code gets a new version; older versions stay as they are.";
    Learning => "Học tập", "My learning";
    NoCohortsYet => "Bạn chưa được ghi danh vào lớp nào.", "You are not enrolled in any class yet.";
    NotStarted => "Chưa làm", "Not started";
    AttemptsUsed => "Số lần đã làm:", "Attempts:";
    BestScore => "cao nhất", "best";
    Passed => "Đạt", "Passed";
    NotPassed => "Chưa đạt", "Not passed";
    NoAttemptsLeft => "Bạn đã dùng hết số lần làm bài.", "You have used all your attempts.";
    Classes => "Lớp học", "Classes";
    NoClassesYet => "Bạn chưa phụ trách lớp nào.", "You teach no classes yet.";
    LearnersCount => "học viên", "learners";
    EnrolLearners => "Ghi danh học viên", "Enrol learners";
    EnrolHint => "Tên đăng nhập của học viên, cách nhau bằng dấu phẩy hoặc xuống dòng. Nếu có tên sai, không ai được ghi danh và các tên sai được chỉ ra.", "Learners' usernames, separated by commas or new lines. If any is wrong, nobody is enrolled and the wrong ones are named.";
    OpenClass => "Mở lớp mới", "Open a class";
    StartsOn => "Ngày bắt đầu", "Starts on";
    EndsOn => "Ngày kết thúc", "Ends on";
    MinutesShort => "phút", "min";
    Locked => "Chưa mở", "Not open yet";
    InProgress => "Đang làm", "In progress";
    Completed => "Đã hoàn thành", "Completed";
    PageWasStale => "Trang bạn dùng đã cũ (có thể do mở ở tab khác). Đây là tình huống hiện tại của bạn.", "The page you used was out of date (perhaps open in another tab). This is where you are now.";
    ActivityClosed => "Chưa gửi được: hoạt động này chưa mở hoặc bạn đã dùng hết số lần làm.", "Not sent: this activity is not open yet or you have used all your attempts.";
    AnswersNeedAttention => "Chưa gửi được. Vui lòng xem lại các câu được đánh dấu; những gì bạn đã viết vẫn được giữ.", "Not sent. Please check the marked answers; what you wrote has been kept.";
    StartWith => "Bắt đầu:", "Start with:";
    ContinueWith => "Học tiếp:", "Continue:";
    ViewCertificate => "Xem giấy chứng nhận hoàn thành khoá học", "View your certificate of completion";
    CourseComplete => "Bạn đã hoàn thành mọi hoạt động của khoá học.", "You have completed every activity of the course.";
    GetCertificate => "Nhận giấy chứng nhận", "Get your certificate";
    ActivitiesDone => "hoạt động đã hoàn thành", "activities completed";
    LockedUntilModules => "Phần này mở sau khi bạn hoàn thành các học phần (bài khảo sát mở sau bài kiểm tra đầu ra).", "This opens once you have completed the modules (the survey after the post-test).";
    LockedUntilPreTest => "Phần này mở sau khi bạn làm bài kiểm tra đầu vào.", "This opens once you have taken the pre-test.";
    BackToOutline => "Về đề cương khoá học", "Back to the course outline";
    YourReflection => "Bài viết của bạn", "Your reflection";
    WriteAnAnswer => "Hãy viết câu trả lời cho câu hỏi này.", "Please write an answer to this question.";
    DraftHint => "Lưu nháp để viết tiếp sau; bài chỉ được gửi cho giảng viên khi bạn bấm Nộp bài.", "Save a draft to continue later; your lecturer sees it only once you press Submit.";
    SaveDraft => "Lưu nháp", "Save draft";
    ReflectionSubmitted => "Đã nộp bài viết. Giảng viên sẽ nhận xét theo tiêu chí đánh giá.", "Reflection submitted. Your lecturer will review it against the rubric.";
    SurveyThanks => "Cảm ơn đồng chí đã góp ý cho khoá học.", "Thank you for your feedback on the course.";
    SendSurvey => "Gửi phiếu khảo sát", "Send the survey";
    CertificateIssuer => "Fieldschool — Bồi dưỡng cán bộ, công chức cấp xã", "Fieldschool — Training for commune cadres and civil servants";
    CertificateTitle => "Giấy chứng nhận hoàn thành khoá học", "Certificate of completion";
    CertifiesThat => "Chứng nhận đồng chí", "This certifies that";
    HasCompleted => "đã hoàn thành khoá bồi dưỡng", "has completed the training course";
    CompetenciesAchieved => "Năng lực qua bài kiểm tra cuối khoá", "Competencies at the post-test";
    LevelReached => "Mức đạt được", "Level reached";
    LevelOf => "Mức", "Level";
    ProficientMark => "đạt chuẩn", "proficient";
    SignatureTitle => "Thủ trưởng cơ sở đào tạo", "Head of the training institution";
    SignatureNote => "(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)";
    CertificateNumber => "Số hiệu", "Certificate number";
    CertificateQr => "Mã QR dẫn tới trang kiểm tra giấy chứng nhận", "QR code of the certificate's verification page";
    IssuedOn => "Ngày cấp", "Issued on";
    VerifyAt => "Kiểm tra tính xác thực tại", "Verify at";
    CertificateValid => "Giấy chứng nhận này hợp lệ.", "This certificate is valid.";
    CertificateNotFoundTitle => "Không tìm thấy giấy chứng nhận", "Certificate not found";
    EnrolMore => "Ghi danh theo đơn vị, chức danh hoặc tệp CSV", "Enrol by org unit, position or CSV";
    EnrolByUnit => "Mọi học viên của đơn vị (kể cả đơn vị trực thuộc)", "Every learner of an org unit (and its sub-units)";
    EnrolByPosition => "Chỉ những người giữ chức danh", "Only those in the position";
    AnyPosition => "Mọi chức danh", "Any position";
    EnrolCsv => "Dán nội dung tệp CSV (cột username, hoặc tên đăng nhập ở cột đầu)", "Paste a CSV (a username column, or usernames in the first column)";
    GatePre => "Các học phần chỉ mở sau bài kiểm tra đầu vào", "Modules open only after the pre-test";
    GatePost => "Bài kiểm tra đầu ra mở sau các học phần, phiếu khảo sát sau bài đầu ra", "The post-test opens after the modules, the survey after the post-test";
    Yes => "Có", "Yes";
    No => "Không", "No";
    PointsMax => "điểm tối đa", "points at most";
    ReviewComment => "Nhận xét của giảng viên", "Lecturer's comment";
    SaveReview => "Lưu nhận xét", "Save review";
    UpdateReview => "Cập nhật nhận xét", "Update review";
    WhoIsWhere => "Tiến độ của học viên", "Where each learner is";
    NoLearnersYet => "Lớp chưa có học viên.", "The class has no learners yet.";
    Learner => "Học viên", "Learner";
    NowAt => "Đang ở", "Now at";
    TimeSpent => "Thời gian học", "Time spent";
    StatusLegend => "✓ hoàn thành · … đang làm · ✗ chưa đạt, hết lượt · – chưa làm · · chưa mở · 🎓 đã nhận giấy chứng nhận", "✓ completed · … in progress · ✗ not passed, no attempts left · – not started · · not open yet · 🎓 certificate issued";
    ReflectionsToReview => "Bài viết tình huống cần nhận xét", "Case-study answers to review";
    NoReflectionsYet => "Chưa có học viên nào nộp bài viết.", "No learner has submitted answers yet.";
    ItemStatistics => "Thống kê câu hỏi", "Item statistics";
    ItemStatisticsHint => "Độ dễ: tỉ lệ điểm đạt được. Độ phân biệt: tương quan giữa điểm câu hỏi và điểm các câu còn lại (lần làm đầu tiên của mỗi học viên). Dòng tô màu: nên xem lại (độ dễ dưới 20% hoặc trên 90%, độ phân biệt dưới 0,2).", "Facility: the share of marks gained. Discrimination: the correlation between the item and the rest of the paper (each learner's first attempt). Highlighted rows deserve a look (facility below 20% or above 90%, discrimination below 0.2).";
    NoAttemptsYet => "Chưa có bài làm nào.", "No attempts yet.";
    Competency => "Năng lực", "Competency";
    Facility => "Độ dễ", "Facility";
    Discrimination => "Độ phân biệt", "Discrimination";
    OpenCohort => "Xem tiến độ và bài làm của lớp", "Progress and work of the class";
    CertificateNotFound => "Không có giấy chứng nhận nào mang mã này. Hãy kiểm tra lại mã in trên giấy.", "No certificate has this code. Please check the code printed on it.";
    SupervisionNav => "Giám sát", "Supervision";
    Gains => "Mức tiến bộ", "Gains";
    Needs => "Nhu cầu đào tạo", "Training needs";
    Inbox => "Việc cần làm", "To do";
    ImportEvidence => "Nhập kết quả đánh giá", "Import evidence";
    GainsTitle => "Năng lực thay đổi thế nào sau đào tạo", "How competencies changed through training";
    GainsIntro => "Mỗi dòng so sánh mức năng lực trước khóa học với sau khóa học (và sau 30, 90 ngày làm việc) của cùng những người, chỉ trong các đơn vị đồng chí phụ trách. Khoảng tin cậy 95% và giá trị p cho biết thay đổi có thật hay chỉ là ngẫu nhiên.", "Each row compares the level of the same people before the course with after it (and 30 and 90 days later at work), only in the units you are responsible for. The 95% interval and the p value say whether the change is real or noise.";
    GainsHelp => "Thay đổi TB: trung bình (sau − trước) của những người có cả hai mức. Tiến bộ chuẩn hóa: phần khoảng cách tới mức cao nhất đã rút ngắn. Nhóm dưới 5 người chỉ hiện số lượng.", "Mean change: the mean of (after − before) over people with both levels. Normalised gain: the share of the distance to the top level that was closed. Groups under 5 show counts only.";
    ChartTitle => "Trước và sau, theo năng lực", "Before and after, by competency";
    Measure => "Thước đo", "Measure";
    GainTable => "Bảng mức tiến bộ", "Gain table";
    RatingGaps => "Chênh lệch tự đánh giá và cấp trên đánh giá", "Self-rating minus supervisor rating";
    NoRatingGaps => "Chưa có người nào vừa tự đánh giá vừa được cấp trên đánh giá.", "Nobody has both a self-rating and a supervisor rating yet.";
    DownloadCsv => "Tải bảng (CSV)", "Download (CSV)";
    NoEvidence => "Chưa có kết quả đánh giá nào phù hợp bộ lọc.", "No evidence matches these filters yet.";
    Any => "Tất cả", "Any";
    Apply => "Lọc", "Filter";
    ClearFilters => "Bỏ lọc", "Clear filters";
    Course => "Khóa học", "Course";
    Cohort => "Lớp", "Class";
    Region => "Vùng", "Region";
    JobTitle => "Chức danh", "Position";
    From => "Từ ngày", "From";
    To => "Đến ngày", "To";
    MeanBefore => "Trung bình trước", "Mean before";
    MeanAfter => "Trung bình sau", "Mean after";
    IntervalOfChange => "khoảng tin cậy 95% của thay đổi", "95% interval of the change";
    TooSmallShort => "Nhóm dưới 5 người", "Group under 5";
    MainNav => "Trang chính", "Main pages";
    PagerNav => "Các trang kết quả", "Result pages";
    NoAnswersYet => "Chưa có câu trả lời", "No answers yet";
    TooSmallLong => "Nhóm này có dưới 5 người nên không hiện kết quả từng người.", "This group has fewer than 5 people, so no one's results are shown.";
    LearnersTitle => "Từng người trong nhóm", "The people in this group";
    BackToGains => "Quay lại bảng mức tiến bộ", "Back to the gain table";
    TrainingNeeds => "Nhu cầu đào tạo", "Training needs";
    NoProfile => "Chức danh của người này chưa có khung năng lực yêu cầu.", "This person's position has no required profile yet.";
    Required => "Yêu cầu", "Required";
    Current => "Hiện tại", "Current";
    Source => "Nguồn", "Source";
    Gap => "Thiếu hụt", "Gap";
    NotAssessed => "Chưa đánh giá", "Not assessed";
    Recommended => "Khóa học nên học", "Recommended courses";
    NoRecommendations => "Không có khóa học nào đang mở cho các năng lực còn thiếu.", "No open course works on the missing competencies.";
    WorksOn => "Rèn luyện", "Works on";
    NoOpenCohort => "Chưa có lớp nào đang mở.", "No class is open.";
    Enrol => "Ghi danh vào lớp này", "Enrol in this class";
    EnrolChosen => "Ghi danh những người đã chọn", "Enrol the people chosen";
    NobodyBelow => "Không ai trong đơn vị còn thiếu các năng lực này.", "Nobody in the unit is below the required level in these.";
    Evidence => "Kết quả đánh giá", "Evidence";
    Date => "Ngày", "Date";
    EvidencePhase => "Thời điểm", "Phase";
    Level => "Mức", "Level";
    Rater => "Người đánh giá", "Rater";
    Void => "Hủy kết quả này", "Void this";
    VoidReason => "Lý do hủy", "Reason for voiding";
    VoidedOn => "Đã hủy ngày", "Voided on";
    NeedsTitle => "Nhu cầu đào tạo theo vị trí việc làm", "Training needs by position";
    NeedsIntro => "Mức thiếu hụt là mức yêu cầu của chức danh trừ mức hiện tại (ưu tiên đánh giá của cấp trên, rồi bài kiểm tra, giảng viên, đồng nghiệp, tự đánh giá). Ô có dưới 5 người được đánh giá chỉ hiện số người.", "The gap is the position's required level minus the current level (the supervisor's rating first, then tests, lecturers, peers, self-ratings). Cells with fewer than 5 people assessed show only how many were.";
    AllMyUnits => "Tất cả đơn vị tôi phụ trách", "All my units";
    HeatMapTitle => "Bản đồ thiếu hụt năng lực theo đơn vị", "Heat map of competency gaps by unit";
    HeatMapKey => "Màu càng đậm, thiếu hụt trung bình càng lớn; số trong ngoặc là số người đã đánh giá khi nhóm dưới 5 người.", "The darker the cell, the larger the mean gap; a number in brackets is how many were assessed in a group under 5.";
    MeanGap => "Thiếu hụt TB", "Mean gap";
    NoNeeds => "Chưa có yêu cầu năng lực nào cho người trong đơn vị này.", "No competency is required of the people in this unit yet.";
    RankedGaps => "Các năng lực thiếu nhiều nhất", "The largest gaps";
    PeopleRequired => "Số người cần", "People required";
    PeopleAssessed => "Đã đánh giá", "Assessed";
    PeopleBelow => "Chưa đạt", "Below";
    Coverage => "Tỉ lệ đã đánh giá", "Assessed share";
    EvidenceImportIntro => "Dán kết quả từ bài kiểm tra trên giấy hoặc hệ thống cũ dưới dạng CSV. Mỗi dòng được kiểm tra; nếu có dòng sai thì không dòng nào được lưu. Nhập lại cùng tệp không thêm gì.", "Paste results from paper tests or an earlier system as CSV. Every row is checked; if any row is wrong, none is stored. Importing the same file again adds nothing.";
    ImportCodes => "Nguồn: pre_test, post_test, self, supervisor, peer, lecturer. Thời điểm: before, after, follow_up_30, follow_up_90. Ngày: YYYY-MM-DD. Lớp (cohort): mã lớp, có thể để trống.", "Source: pre_test, post_test, self, supervisor, peer, lecturer. Phase: before, after, follow_up_30, follow_up_90. Date: YYYY-MM-DD. Cohort: the class id, may be empty.";
    EvidenceImportProblems => "Tệp có lỗi; chưa lưu dòng nào:", "The file has problems; nothing was stored:";
    Rows => "Số dòng", "Rows";
    WouldAdd => "Sẽ thêm", "Would add";
    AlreadyPresent => "Đã có từ trước", "Already present";
    ConfirmImport => "Lưu các kết quả này", "Store these results";
    NothingToDo => "Hiện không có việc đánh giá nào cần làm.", "There are no ratings waiting for you.";
    ShowingFirst => "Đang hiện", "Showing";
    Due => "Hạn", "Due";
    Person => "Người được đánh giá", "Person";
    As => "Với vai trò", "As";
    Rate => "Đánh giá", "Rate";
    InvitePeer => "Mời đồng nghiệp đánh giá mình", "Ask a colleague to rate you";
    InvitePeerHelp => "Đồng nghiệp sẽ thấy lời mời trong mục Việc cần làm.", "Your colleague will find the request under To do.";
    ColleagueUsername => "Tên đăng nhập của đồng nghiệp", "Colleague's username";
    Invite => "Gửi lời mời", "Send the request";
    RateTitle => "Đánh giá năng lực", "Competency rating";
    ScaleHelp => "Các mức năng lực nghĩa là gì?", "What do the levels mean?";
    SkipHelp => "Năng lực nào chưa đủ căn cứ thì để trống.", "Leave a competency empty if you cannot judge it.";
    SendRating => "Gửi đánh giá", "Send the rating";
    SourcePreTest => "Bài kiểm tra đầu vào", "Pre-test";
    SourcePostTest => "Bài kiểm tra cuối khóa", "Post-test";
    SourceSelf => "Tự đánh giá", "Self";
    SourceSupervisor => "Cấp trên", "Supervisor";
    SourcePeer => "Đồng nghiệp", "Peer";
    SourceLecturer => "Giảng viên", "Lecturer";
    FormFailed => "Chưa lưu được:", "Not saved:";
    MyRecord => "Năng lực và nhu cầu đào tạo của tôi", "My competencies and training needs";
    Cohorts => "Các lớp", "Classes";
    CohortsTitle => "Hiệu quả từng lớp học", "How each class worked";
    CohortsIntro => "Mỗi lớp được xem theo các mức của Kirkpatrick: học viên đánh giá khóa học thế nào, bài kiểm tra cho thấy học được gì, và cấp trên thấy thay đổi gì trong công việc.", "Each class through Kirkpatrick's levels: what learners thought of it, what the tests showed they learned, and what their supervisors saw change at work.";
    NoCohorts => "Chưa có lớp nào.", "No classes yet.";
    LearnersInReach => "Học viên thuộc đơn vị tôi", "Learners in my units";
    Respondents => "Đã trả lời phiếu", "Answered the survey";
    LevelReaction => "Mức 1 · Phản hồi của học viên", "Level 1 · Reaction";
    ReactionMean => "Điểm trung bình các câu (1–5)", "Mean of the items (1–5)";
    LevelLearning => "Mức 2 · Kết quả học tập (bài kiểm tra trước và sau)", "Level 2 · Learning (tests before and after)";
    LevelBehaviour => "Mức 3 · Thay đổi trong công việc (cấp trên đánh giá)", "Level 3 · Behaviour at work (supervisor ratings)";
    MeanChange => "Thay đổi trung bình", "Mean change";
    CompetenciesCounted => "năng lực, nhóm từ 5 người", "competencies, groups of 5 or more";
    ResultsLevelNote => "Mức 4 (kết quả cho địa phương) nằm ngoài những gì hệ thống ghi nhận.", "Level 4 (results for the commune) lies outside what the system records.";
    OfflineWaiting => "{n} việc đang chờ gửi", "{n} waiting to be sent";
    OfflineNoneWaiting => "Không có việc chờ gửi", "Nothing waiting to be sent";
    OfflineLastSync => "đồng bộ lần cuối {t}", "last synced {t}";
    OfflineNeverSynced => "chưa đồng bộ", "not synced yet";
    OfflineRejected => "{n} việc không được nhận", "{n} not accepted";
    OfflineSignInToSend => "đăng nhập lại để gửi", "sign in again to send";
    OfflineQueued => "Đã lưu trên máy này. Bài làm sẽ được gửi khi có mạng.", "Saved on this device. Your work will be sent when you are online.";
    OfflineSendNow => "Gửi ngay", "Send now";
    OfflineSignOutWaiting => "Còn {n} việc chưa gửi được vì không có mạng. Nếu đăng xuất, bài làm được khóa lại trên máy này và tự gửi khi bạn đăng nhập lại tại đây. Đăng xuất?", "{n} items could not be sent: there is no connection. If you sign out, your work is locked on this device and sent when you next sign in here. Sign out?";
    OfflineSeen => "Đã xem", "Dismiss";
    OfflineAvailable => "Học không cần mạng", "Available offline";
    OfflineSize => "Tải về khoảng {transfer}, chiếm {size} trên máy", "About {transfer} to download, {size} on this device";
    OfflineSaved => "Đã lưu lúc {t} ({size})", "Saved {t} ({size})";
    OfflineNewer => "Khóa học có phiên bản mới hơn: hãy cập nhật", "A newer version of the course exists: update it";
    OfflineUnknown => "Không có mạng: chưa biết dung lượng", "No connection: the size is not known yet";
    OfflineSave => "Lưu để học không cần mạng", "Save for offline study";
    OfflineUpdate => "Cập nhật bản đã lưu", "Update the saved copy";
    OfflineRemove => "Xóa bản đã lưu", "Remove the saved copy";
    OfflineConfirm => "Xóa bản đã lưu của khóa học này khỏi máy? Bài làm chưa gửi vẫn được giữ.", "Remove this course's saved copy from this device? Work not yet sent is kept.";
    OfflineFailed => "Tải chưa xong vì mất mạng. Hãy thử lại.", "The download stopped: the connection dropped. Try again.";
    OfflineHint => "Khi đã lưu, các trang của khóa học mở được cả khi không có mạng; bài làm được giữ trên máy và tự gửi khi có mạng trở lại.", "Once saved, the course's pages open without a connection; your work is kept on this device and sent by itself when you are back online.";
    OfflineTitle => "Không có mạng", "You are offline";
    OfflineBody => "Trang này chưa được lưu trên máy. Các khóa học đã lưu vẫn học được:", "This page is not saved on this device. Saved courses can still be studied:";
    OfflineLearn => "Khóa học của tôi", "My courses";
    OfflineFeedback => "Cho phép kiểm tra đáp án khi không có mạng", "Let answers be checked offline";
    OfflineFeedbackHint => "Chỉ với phản hồi sau từng câu: trang bài tập mang theo đáp án của các câu lựa chọn và đúng/sai, để máy của học viên tự kiểm tra khi mất mạng. Không áp dụng cho bài kiểm tra đầu vào, đầu ra.", "Only with feedback after each question: the quiz page carries the answers to its choice and true/false questions, so the learner's device checks them offline. Never for pre- and post-tests.";
    VersionNewer => "Khóa học đã có phiên bản {n}.", "Version {n} of the course is published.";
    VersionConfirm => "Tôi hiểu: bài đã làm giữ kết quả cũ; bài làm ngoại tuyến chưa gửi được chấm theo phiên bản học viên đã làm.", "I understand: work already done keeps its results; work still on a device is graded on the version it was done on.";
    VersionMove => "Chuyển lớp sang phiên bản {n}", "Move the class to version {n}";
}}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::i18n::{Say, say};

    /// Every wording of both sections: (key, Vietnamese, English).
    fn every() -> Vec<(String, &'static str, &'static str)> {
        let pages = Text::ALL
            .iter()
            .map(|&k| (format!("{k:?}"), t(Locale::Vi, k), t(Locale::En, k)));
        let islands = Say::ALL.iter().map(|&k| {
            (
                format!("Say::{k:?}"),
                say(Locale::Vi, k),
                say(Locale::En, k),
            )
        });
        pages.chain(islands).collect()
    }

    /// The `{name}` placeholders of a wording.
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_has_both_wordings() {
        for (key, vi, en) in every() {
            assert!(!vi.trim().is_empty(), "{key} is empty in Vietnamese");
            assert!(!en.trim().is_empty(), "{key} is empty in English");
        }
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for (key, vi, en) in every() {
            assert_eq!(placeholders(vi), placeholders(en), "{key}: {vi} | {en}");
        }
    }

    #[test]
    fn vietnamese_uses_precomposed_diacritics() {
        // NFC text has no combining marks from U+0300..U+036F after a base letter here:
        // every Vietnamese letter exists precomposed.
        for (key, vi, _) in every() {
            assert!(
                !vi.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
                "{key} has decomposed diacritics: {vi}"
            );
        }
    }

    #[test]
    fn the_languages_differ_where_it_matters() {
        assert_ne!(
            t(Locale::Vi, Text::HomeTitle),
            t(Locale::En, Text::HomeTitle)
        );
        assert_eq!(t(Locale::Vi, Text::HomeTitle), "Học để làm tốt việc của xã");
    }
}
