//! Every string of the user interface, in Vietnamese (the default) and English.
//!
//! A message is a variant of [`Text`]; [`t`] picks its wording for a locale. Adding a
//! variant without both wordings does not compile.

pub use shared::Locale;

macro_rules! messages {
    ($($key:ident => $vi:literal, $en:literal;)+) => {
        /// A message of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)+ }

        impl Text {
            /// Every message, for checks over the whole catalogue.
            pub const ALL: &'static [Text] = &[$(Text::$key,)+];
        }

        /// The wording of `text` in `locale`.
        pub fn t(locale: Locale, text: Text) -> &'static str {
            match (text, locale) {
                $(
                    (Text::$key, Locale::Vi) => $vi,
                    (Text::$key, Locale::En) => $en,
                )+
            }
        }
    };
}

messages! {
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
    ConnectionCheck => "Kiểm tra ngay", "Check now";
    ConnectionNeedsScript => "Cần bật JavaScript để kiểm tra kết nối; mọi trang học vẫn dùng được khi tắt.", "The check needs JavaScript; every study page still works without it.";
    ConnectionReady => "Sẵn sàng kiểm tra.", "Ready to check.";
    ConnectionChecking => "Đang kiểm tra…", "Checking…";
    ConnectionGood => "Kết nối tốt", "Connection is good";
    ConnectionSlow => "Kết nối chậm", "Connection is slow";
    ConnectionFailed => "Không kết nối được máy chủ.", "Could not reach the server.";
    NotFoundTitle => "Không tìm thấy trang", "Page not found";
    NotFoundBody => "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.", "The page you are looking for does not exist or has moved.";
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
    SavedCreated => "Đã tạo tài khoản.", "Account created.";
    SavedUpdated => "Đã lưu thay đổi.", "Changes saved.";
    SavedDisabled => "Đã khóa tài khoản.", "Account disabled.";
    SavedEnabled => "Đã mở khóa tài khoản.", "Account enabled.";
    SavedPassword => "Đã đặt lại mật khẩu.", "Password reset.";
    SavedGeneric => "Đã lưu.", "Saved.";
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
    ActionCreate => "Tạo mới", "Create";
    ActionUpdate => "Cập nhật", "Update";
    ActionUnchanged => "Không đổi", "Unchanged";
    Line => "Dòng", "Line";
    Changes => "Thay đổi", "Changes";
    SavedImported => "Đã nhập tài khoản từ CSV.", "Accounts imported from CSV.";
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_wordings() {
        for &text in Text::ALL {
            for locale in Locale::ALL {
                assert!(
                    !t(locale, text).trim().is_empty(),
                    "{text:?} is empty in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn vietnamese_uses_precomposed_diacritics() {
        // NFC text has no combining marks from U+0300..U+036F after a base letter here:
        // every Vietnamese letter exists precomposed.
        for &text in Text::ALL {
            let vi = t(Locale::Vi, text);
            assert!(
                !vi.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
                "{text:?} has decomposed diacritics: {vi}"
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
