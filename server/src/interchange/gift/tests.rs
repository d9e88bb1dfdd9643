use super::*;

const SAMPLE: &str = r"// Ngân hàng câu hỏi: tiếp công dân (xuất từ Moodle)
$CATEGORY: $course$/Tiếp công dân

::Q1:: Ai chủ trì tiếp công dân định kỳ ở xã? {
  =Chủ tịch Ủy ban nhân dân xã #Đúng: Luật Tiếp công dân 2013, Điều 15.
  ~Trưởng thôn #Trưởng thôn không có thẩm quyền này.
  ~Công chức văn phòng
}

::Q2:: Những việc nào cần làm khi nhận đơn? {
  ~%50%Ghi sổ theo dõi
  ~%50%Hẹn ngày trả lời
  ~%-100%Trả lại đơn ngay
####Xem Thông tư 05/2021/TT-TTCP.
}

// true/false with feedback
Hòa giải ở cơ sở là bắt buộc trước khi khởi kiện mọi tranh chấp đất đai.{FALSE#Chỉ tranh chấp ai có quyền sử dụng đất.}

Thời hạn giải quyết khiếu nại lần đầu là {#30:0} ngày.

Tỷ lệ hòa giải thành năm qua (\%) nằm trong khoảng {#60..80}.

Cơ quan hòa giải tranh chấp đất đai ở xã: {=Ủy ban nhân dân xã =UBND xã}

Ghép việc với người phụ trách. {
  =Tiếp công dân -> Chủ tịch UBND
  =Hộ tịch -> Công chức tư pháp
  =Địa chính -> Công chức địa chính
  = -> Trưởng công an
}

Dấu \{ngoặc\} và dấu \= được giữ nguyên: 2 \~ 3? {T}

Trình bày cách xử lý đơn vượt cấp. {}

Phần này chỉ là lời dẫn, không có câu hỏi.
";

fn sample() -> Reading {
    read(SAMPLE, Locale::Vi)
}

fn question(reading: &Reading, number: usize) -> &Read {
    reading
        .questions
        .iter()
        .find(|q| q.number == number)
        .unwrap_or_else(|| panic!("no question {number}: {reading:?}"))
}

#[test]
fn every_type_of_the_sample_is_read() {
    let reading = sample();
    assert_eq!(reading.problems, []);
    assert_eq!(reading.questions.len(), 8);

    let q1 = question(&reading, 1);
    assert_eq!(q1.line, 4);
    assert_eq!(q1.category.as_deref(), Some("$course$/Tiếp công dân"));
    assert_eq!(
        q1.question.prompt.vi,
        "Ai chủ trì tiếp công dân định kỳ ở xã?"
    );
    let Question::SingleChoice { options, correct } = &q1.question.question else {
        panic!("{q1:?}");
    };
    assert_eq!(correct, "a");
    assert_eq!(options[0].text.vi, "Chủ tịch Ủy ban nhân dân xã");
    assert_eq!(
        options[1].feedback.as_ref().map(|f| f.vi.as_str()),
        Some("Trưởng thôn không có thẩm quyền này.")
    );

    let q2 = question(&reading, 2);
    let Question::MultipleChoice {
        correct, scoring, ..
    } = &q2.question.question
    else {
        panic!("{q2:?}");
    };
    assert_eq!(
        (correct.as_slice(), *scoring),
        (&["a".to_owned(), "b".to_owned()][..], MultiScoring::Partial)
    );
    assert_eq!(
        q2.not_carried,
        Vec::<String>::new(),
        "50/50 are equal shares"
    );
    assert_eq!(
        q2.question.feedback.as_ref().map(|f| f.vi.as_str()),
        Some("Xem Thông tư 05/2021/TT-TTCP.")
    );

    let q3 = question(&reading, 3);
    assert_eq!(q3.question.question, Question::TrueFalse { correct: false });
    assert_eq!(q3.not_carried, ["true/false feedback is not carried"]);

    let q4 = question(&reading, 4);
    assert_eq!(
        q4.question.question,
        Question::Numeric {
            answer: 30.0,
            tolerance: 0.0
        }
    );
    assert_eq!(
        q4.question.prompt.vi,
        "Thời hạn giải quyết khiếu nại lần đầu là _____ ngày."
    );

    let q5 = question(&reading, 5);
    assert_eq!(
        q5.question.question,
        Question::Numeric {
            answer: 70.0,
            tolerance: 10.0
        }
    );
    assert!(q5.question.prompt.vi.contains("(%)"));

    let q6 = question(&reading, 6);
    assert_eq!(
        q6.question.question,
        Question::ShortText {
            accepted: vec!["Ủy ban nhân dân xã".into(), "UBND xã".into()],
            lenient: false
        }
    );

    let q7 = question(&reading, 7);
    let Question::Matching { left, right, pairs } = &q7.question.question else {
        panic!("{q7:?}");
    };
    assert_eq!(left.len(), 3);
    assert_eq!(right.len(), 4, "the distractor is a right-hand item");
    assert_eq!(right[3].text.vi, "Trưởng công an");
    assert_eq!(pairs[1], ("b".to_owned(), "b".to_owned()));

    let q8 = question(&reading, 8);
    assert_eq!(
        q8.question.prompt.vi,
        "Dấu {ngoặc} và dấu = được giữ nguyên: 2 ~ 3?"
    );
    assert_eq!(q8.question.question, Question::TrueFalse { correct: true });
}

#[test]
fn what_has_no_fieldschool_type_is_left_out_and_said_so() {
    let reading = sample();
    let left: Vec<(usize, &str)> = reading
        .left_out
        .iter()
        .map(|l| (l.number, l.kind.as_str()))
        .collect();
    assert_eq!(left, [(9, "essay"), (10, "description")]);
}

#[test]
fn unequal_weights_and_partial_numerical_answers_are_reported() {
    let reading = read(
        "Chọn các ý đúng {~%70%Một ~%30%Hai ~%-50%Ba}\n\nBao nhiêu? {#=3:0.1 =%50%3:1}\n",
        Locale::En,
    );
    assert_eq!(reading.problems, []);
    assert_eq!(
        reading.questions[0].not_carried,
        ["unequal weights become equal shares of the right answers"]
    );
    assert_eq!(reading.questions[0].question.prompt.en, "Chọn các ý đúng");
    assert_eq!(reading.questions[0].question.prompt.vi, "");
    assert_eq!(
        reading.questions[1].question.question,
        Question::Numeric {
            answer: 3.0,
            tolerance: 0.1
        }
    );
    assert_eq!(
        reading.questions[1].not_carried,
        ["only the full-credit numerical answer is kept; partial-credit ones are not"]
    );
}

#[test]
fn mistakes_are_named_with_their_line() {
    let reading = read(
        "Câu một {~Sai ~Cũng sai}\n\nCâu hai {#nhiều}\n\nCâu ba {=Đúng ~Sai\n",
        Locale::Vi,
    );
    let found: Vec<(usize, &str)> = reading
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (1, "no answer is marked right (= or a positive %weight%)"),
            (3, "'nhiều' is not a number"),
            (5, "the '{' of this question's answers is never closed"),
        ]
    );
}

mod round_trip {
    use proptest::prelude::*;

    use super::*;
    use crate::interchange::arbitrary::questions;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn fieldschool_to_gift_and_back_gives_the_same_questions(
            questions in questions(false)
        ) {
            let (gift, lost) = write(&questions, Locale::Vi, Some("$course$/Ngân hàng"));
            prop_assert!(lost.is_empty(), "{:?}", lost);
            let reading = read(&gift, Locale::Vi);
            prop_assert_eq!(&reading.problems, &[]);
            let back: Vec<QuizQuestion> = reading.questions.iter().map(|r| r.question.clone()).collect();
            prop_assert_eq!(back, questions, "{}", gift);
        }
    }

    #[test]
    fn what_gift_cannot_hold_is_said_by_question() {
        let ordering = QuizQuestion {
            id: "q9".into(),
            competency: String::new(),
            prompt: localised(Locale::Vi, "Sắp xếp"),
            question: Question::Ordering {
                items: vec![
                    Item {
                        key: "a".into(),
                        text: localised(Locale::Vi, "Một"),
                        feedback: None,
                    },
                    Item {
                        key: "b".into(),
                        text: localised(Locale::Vi, "Hai"),
                        feedback: None,
                    },
                ],
                correct: vec!["a".into(), "b".into()],
            },
            feedback: None,
        };
        let (gift, lost) = write(&[ordering], Locale::Vi, None);
        assert_eq!(gift, "");
        assert_eq!(
            lost,
            [(
                "q9".to_owned(),
                "GIFT has no ordering question; export it as Moodle XML".to_owned()
            )]
        );
    }
}
