use proptest::prelude::*;

use super::*;
use crate::interchange::arbitrary::questions;

const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Tiếp công dân</text></category>
  </question>
  <question type="multichoice">
    <name><text>Chủ trì tiếp công dân</text></name>
    <questiontext format="html"><text><![CDATA[<p>Ai <b>chủ trì</b> tiếp công dân định kỳ ở xã?</p><p><img src="@@PLUGINFILE@@/a.png"></p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Luật Tiếp công dân&nbsp;2013.</p>]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text><![CDATA[<p>Chủ tịch UBND xã</p>]]></text>
      <feedback format="html"><text><![CDATA[<p>Đúng.</p>]]></text></feedback></answer>
    <answer fraction="0" format="html"><text>Trưởng thôn</text><feedback format="html"><text></text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Khi nhận đơn</text></name>
    <questiontext format="html"><text>Những việc nào cần làm?</text></questiontext>
    <single>false</single>
    <answer fraction="33.33333"><text>Ghi sổ</text></answer>
    <answer fraction="33.33333"><text>Hẹn ngày trả lời</text></answer>
    <answer fraction="33.33334"><text>Chuyển cơ quan có thẩm quyền</text></answer>
    <answer fraction="-100"><text>Trả lại đơn</text></answer>
  </question>
  <question type="truefalse">
    <questiontext format="moodle_auto_format"><text>Hòa giải ở cơ sở là bắt buộc với mọi tranh chấp.</text></questiontext>
    <answer fraction="0"><text>true</text></answer>
    <answer fraction="100"><text>false</text></answer>
  </question>
  <question type="numerical">
    <questiontext format="html"><text>Thời hạn giải quyết khiếu nại lần đầu (ngày)?</text></questiontext>
    <answer fraction="100"><text>30</text><tolerance>0</tolerance></answer>
  </question>
  <question type="shortanswer">
    <questiontext format="html"><text>Cơ quan hòa giải tranh chấp đất đai ở xã?</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>UBND xã</text></answer>
    <answer fraction="50"><text>xã</text></answer>
  </question>
  <question type="matching">
    <questiontext format="html"><text>Ghép việc với người phụ trách.</text></questiontext>
    <subquestion format="html"><text>Tiếp công dân</text><answer><text>Chủ tịch UBND</text></answer></subquestion>
    <subquestion format="html"><text>Hộ tịch</text><answer><text>Công chức tư pháp</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Trưởng công an</text></answer></subquestion>
  </question>
  <question type="essay">
    <questiontext format="html"><text>Trình bày cách xử lý đơn vượt cấp.</text></questiontext>
  </question>
  <question type="calculated">
    <questiontext format="html"><text>{a} + {b} = ?</text></questiontext>
  </question>
  <question type="ordering">
    <questiontext format="html"><text>Sắp xếp các bước.</text></questiontext>
    <answer fraction="1"><text>Tiếp nhận</text></answer>
    <answer fraction="2"><text>Xác minh</text></answer>
    <answer fraction="3"><text>Trả lời</text></answer>
  </question>
</quiz>
"#;

#[test]
fn a_moodle_export_with_every_type_is_read() {
    let reading = read(SAMPLE, Locale::Vi);
    assert_eq!(reading.problems, []);
    let numbers: Vec<usize> = reading.questions.iter().map(|q| q.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 9]);
    let left: Vec<(usize, &str)> = reading
        .left_out
        .iter()
        .map(|l| (l.number, l.kind.as_str()))
        .collect();
    assert_eq!(left, [(7, "essay"), (8, "calculated")]);

    let q1 = &reading.questions[0];
    assert_eq!(q1.line, 7);
    assert_eq!(q1.category.as_deref(), Some("$course$/top/Tiếp công dân"));
    assert_eq!(
        q1.question.prompt.vi,
        "Ai chủ trì tiếp công dân định kỳ ở xã?"
    );
    assert_eq!(
        q1.not_carried,
        ["an image in the text is not carried (add it to the question later)"]
    );
    assert_eq!(
        q1.question.feedback.as_ref().map(|f| f.vi.as_str()),
        Some("Luật Tiếp công dân 2013.")
    );
    let Question::SingleChoice { options, correct } = &q1.question.question else {
        panic!("{q1:?}");
    };
    assert_eq!(correct, "a");
    assert_eq!(options[0].text.vi, "Chủ tịch UBND xã");
    assert_eq!(
        options[0].feedback.as_ref().map(|f| f.vi.as_str()),
        Some("Đúng.")
    );
    assert_eq!(options[1].feedback, None);

    let Question::MultipleChoice { correct, .. } = &reading.questions[1].question.question else {
        panic!();
    };
    assert_eq!(correct, &["a", "b", "c"]);
    assert_eq!(
        reading.questions[1].not_carried,
        Vec::<String>::new(),
        "thirds are equal shares"
    );
    assert_eq!(
        reading.questions[2].question.question,
        Question::TrueFalse { correct: false }
    );
    assert_eq!(
        reading.questions[3].question.question,
        Question::Numeric {
            answer: 30.0,
            tolerance: 0.0
        }
    );
    assert_eq!(
        reading.questions[4].question.question,
        Question::ShortText {
            accepted: vec!["UBND xã".into(), "xã".into()],
            lenient: true
        }
    );
    assert_eq!(
        reading.questions[4].not_carried,
        ["answers with part credit are accepted as fully right"]
    );
    let Question::Matching { left, right, pairs } = &reading.questions[5].question.question else {
        panic!();
    };
    assert_eq!((left.len(), right.len(), pairs.len()), (2, 3, 2));
    let Question::Ordering { items, correct } = &reading.questions[6].question.question else {
        panic!();
    };
    assert_eq!(items[1].text.vi, "Xác minh");
    assert_eq!(correct, &["a", "b", "c"]);
}

#[test]
fn broken_files_and_broken_questions_are_named_with_their_line() {
    let reading = read("<quiz>\n<question type=\"truefalse\">\n</quiz>", Locale::Vi);
    assert_eq!(reading.problems.len(), 1);
    assert!(
        reading.problems[0]
            .message
            .starts_with("not well-formed XML"),
        "{:?}",
        reading.problems
    );
    let reading = read(
        "<quiz>\n<question type=\"multichoice\"><questiontext><text>x</text></questiontext>\n<answer fraction=\"0\"><text>a</text></answer></question>\n</quiz>",
        Locale::Vi,
    );
    assert_eq!(reading.problems[0].line, 2);
    assert_eq!(
        reading.problems[0].message,
        "question 1 (multichoice): no answer has a positive fraction"
    );
    // A document type (and so any entity trickery) is refused.
    let reading = read(
        "<!DOCTYPE quiz [<!ENTITY x \"y\">]><quiz>&x;</quiz>",
        Locale::Vi,
    );
    assert_eq!(reading.problems.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fieldschool_to_moodle_xml_and_back_gives_the_same_questions(
        questions in questions(true)
    ) {
        let xml = write(&questions, Locale::Vi, Some("$course$/Ngân hàng"));
        let reading = read(&xml, Locale::Vi);
        prop_assert_eq!(&reading.problems, &[]);
        prop_assert!(reading.left_out.is_empty());
        let back: Vec<QuizQuestion> = reading.questions.iter().map(|r| r.question.clone()).collect();
        prop_assert_eq!(back, questions, "{}", xml);
        prop_assert!(reading.questions.iter().all(|r| r.not_carried.is_empty()));
    }
}
