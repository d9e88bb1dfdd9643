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
