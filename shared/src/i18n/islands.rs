//! The islands' wordings: what the browser bundle carries, apart from the pages' so that
//! the bundle holds only these (pages use the same words for the parts islands take over).

use super::text::messages;
use crate::Locale;

messages! { Say, say {
    ConnectionCheck => "Kiểm tra ngay", "Check now";
    ConnectionNeedsScript => "Cần bật JavaScript để kiểm tra kết nối; mọi trang học vẫn dùng được khi tắt.", "The check needs JavaScript; every study page still works without it.";
    ConnectionReady => "Sẵn sàng kiểm tra.", "Ready to check.";
    Checking => "Đang kiểm tra…", "Checking…";
    ConnectionGood => "Kết nối tốt", "Connection is good";
    ConnectionSlow => "Kết nối chậm", "Connection is slow";
    ConnectionFailed => "Không kết nối được máy chủ.", "Could not reach the server.";
    CheckAnswer => "Kiểm tra câu trả lời", "Check this answer";
    AnswerRight => "Đúng", "Correct";
    AnswerPartly => "Đúng một phần", "Partly correct";
    AnswerWrong => "Chưa đúng", "Not correct";
    CheckFailed => "Chưa kiểm tra được (mất kết nối?). Câu trả lời vẫn được chấm khi nộp bài.", "Could not check now (no connection?). The answer is still graded when you submit.";
    OutcomeSuccess => "Kết thúc tốt", "Success";
    OutcomePartial => "Kết thúc chưa trọn vẹn", "Partial";
    OutcomeFail => "Kết thúc không thành", "Fail";
    PlayAgain => "Chơi lại từ đầu", "Play again";
    YourResult => "Kết quả của bạn", "Your result";
    YouChose => "Bạn đã chọn:", "You chose:";
    WhatDoYouDo => "Đồng chí sẽ làm gì?", "What do you do?";
    TimesPlayed => "Số lần đã chơi:", "Times played:";
    Sending => "Đang gửi kết quả…", "Sending the result…";
    CheckedHere => "(kiểm tra trên máy này)", "(checked on this device)";
    SavedOnDevice => "Đã lưu trên máy này. Kết quả sẽ được gửi và chấm khi có mạng.", "Saved on this device. The result is sent and scored when you are online.";
    SendFailed => "Chưa gửi được kết quả. Khi có mạng, bấm Gửi lại: lượt chơi không bị tính hai lần.", "The result has not been sent. When the line is back, press Send again: the play is never counted twice.";
    SendAgain => "Gửi lại", "Send again";
}}
