//! What a form post did, as the page it returns to says it.

use crate::outcome::{Outcome, Thing};

crate::wording! { Thing, fn created(locale) {
    Account => "Đã tạo tài khoản.", "Account created.";
    OrgUnit => "Đã tạo đơn vị.", "Org unit created.";
    Position => "Đã tạo vị trí việc làm.", "Position created.";
    Course => "Đã tạo khóa học.", "Course created.";
    Cohort => "Đã mở lớp học.", "Cohort opened.";
    Framework => "Đã tạo phiên bản khung năng lực mới.", "A new framework version is created.";
} }

crate::wording! { Outcome, fn word(locale) {
    Created { thing } => { thing.created(locale) }, { thing.created(locale) };
    Updated => "Đã lưu thay đổi.", "Changes saved.";
    Disabled => "Đã khóa tài khoản.", "Account disabled.";
    Enabled => "Đã mở khóa tài khoản.", "Account enabled.";
    PasswordReset => "Đã đặt lại mật khẩu.", "Password reset.";
    Published => "Đã xuất bản phiên bản mới.", "A new version is published.";
    DraftSaved => "Đã lưu nháp. Bạn có thể quay lại viết tiếp bất cứ lúc nào.", "Draft saved. You can come back and continue at any time.";
    Enrolled { count } => "Số người mới được ghi danh: {count}", "Newly enrolled: {count}";
    Voided => "Đã hủy kết quả; kết quả vẫn được lưu lại kèm lý do.", "Voided; it stays on record with its reason.";
    Rated => "Đã lưu đánh giá.", "The rating is saved.";
    Invited => "Đã gửi lời mời.", "The request is sent.";
} }
