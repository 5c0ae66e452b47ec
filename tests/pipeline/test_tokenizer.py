"""Tests of the underthesea-backed spaCy tokenizer: text preserved, words as tokens, sentences set."""

from __future__ import annotations

import pytest

from vnnews.pipeline.segment import split_sentences
from vnnews.pipeline.tokenizer import VietnameseTokenizer

LONG_NO_SPACE = ("Hộinghịtổngkếtcôngtácnăm2024" * 800)[:20_000]

TEXTS = {
    "sentence": "Hội nghị tổng kết công tác năm 2024 diễn ra tại Hà Tĩnh.",
    "multiple_spaces": "Hội   nghị  tổng kết    công tác năm 2024.",
    "leading_trailing_spaces": "  Sáng nay, đoàn công tác lên đường.  ",
    "tabs_and_nbsp": "Họ và tên:\tNguyễn Văn An,\u00a0\u00a0cán bộ xã.",
    "newlines": "Tiêu đề bài báo\n\nĐoạn mở đầu.\nDòng tiếp theo.\n\n\nMinh Châu",
    "crlf": "Đoạn mở đầu.\r\nĐoạn thân bài.\r\n",
    "leading_newlines": "\n\nHai dòng trống ở đầu bài.\n",
    "punctuation": "Ông nói: “Tốt lắm!” (bà cười); rồi hỏi tiếp… thế nào?!",
    "url": "Xem thêm tại https://baochinhphu.vn/hoi-nghi-tong-ket-102.htm?id=12&p=3#top nhé.",
    "email": "Mọi ý kiến xin gửi về toasoan@baohatinh.vn trước ngày 30/4.",
    "date_numbers": "Ngày 18/3/2021, tỉnh có hơn 45.000 lượt hội viên, đạt 82,5% kế hoạch.",
    "abbreviations": "Bộ GD&ĐT phối hợp với Sở LĐ-TB&XH và UBND TP. Hồ Chí Minh.",
    "document_numbers": "Thực hiện Nghị quyết số 44-NQ/TW và Quyết định 1234/QĐ-UBND.",
    "emoji": "Chúc mừng đại hội thành công 🎉!",
    "zero_width": "Đại\u200bhội Đoàn huyện.",
    "empty": "",
    "spaces_only": "     ",
    "newline_only": "\n",
    "long_line_without_spaces": LONG_NO_SPACE,
}


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_doc_text_is_the_input_text(nlp, text: str) -> None:
    """The Doc reproduces the input character for character, whitespace included."""
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_the_token_texts_it_stores_are_the_tokens(nlp, text: str) -> None:
    """The token texts the tokenizer leaves in user_data (read by the mention tagger) are the Doc's."""
    from vnnews.pipeline.tokenizer import TOKEN_TEXTS_KEY

    doc = nlp.make_doc(text)
    assert doc.user_data[TOKEN_TEXTS_KEY] == [t.text for t in doc]


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_token_offsets_point_at_their_text(nlp, text: str) -> None:
    """Every token's idx locates its characters in the input."""
    doc = nlp.make_doc(text)
    for tok in doc:
        assert tok.text
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_pipeline_uses_the_vietnamese_tokenizer(nlp) -> None:
    """The shared pipeline's tokenizer is vnnews's underthesea wrapper."""
    assert isinstance(nlp.tokenizer, VietnameseTokenizer)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hội nghị tổng kết công tác năm 2024 diễn ra sáng nay.", "Hội nghị"),
        ("Chiều qua, Hội nghị tổng kết đã bế mạc.", "Hội nghị"),
        ("Đại hội Đoàn huyện Yên Thành thành công tốt đẹp.", "Đại hội"),
        ("Các đại biểu thảo luận sôi nổi về phát triển kinh tế.", "kinh tế"),
    ],
)
def test_multi_syllable_word_is_one_token(nlp, text: str, word: str) -> None:
    """A word of several syllables is one token, spaces inside it."""
    assert word in [t.text for t in nlp.make_doc(text)]


def test_numbers_dates_urls_and_abbreviations_stay_whole(nlp) -> None:
    """18/3/2021, 45.000, a URL and GD&ĐT are single tokens."""
    text = "Ngày 18/3/2021, Bộ GD&ĐT công bố 45.000 hồ sơ tại https://moet.gov.vn/tin-tuc nhé."
    tokens = [t.text for t in nlp.make_doc(text)]
    for whole in ("18/3/2021", "GD&ĐT", "45.000", "https://moet.gov.vn/tin-tuc"):
        assert whole in tokens


SENTENCE_TEXTS = [
    "Hội nghị khai mạc lúc 8 giờ. Các đại biểu thảo luận sôi nổi! Ai sẽ phát biểu trước?",
    "Tiêu đề bài báo\n\nĐoạn mở đầu của bài.\n\nĐoạn thân bài thứ nhất. Câu thứ hai.\n\nMinh Châu",
    "Hội nghị diễn ra tại TP. Hồ Chí Minh. Ông Lâm nói: “Chúng tôi sẽ cố gắng.” Bà Hằng gật đầu.",
]


@pytest.mark.parametrize("text", SENTENCE_TEXTS, ids=["punctuation", "paragraphs", "abbreviation_and_quote"])
def test_sentence_starts_follow_split_sentences(nlp, text: str) -> None:
    """Each sentence of split_sentences is a spaCy sentence (trailing whitespace tokens aside)."""
    doc = nlp.make_doc(text)
    spans = split_sentences(text)
    starts = {tok.idx for tok in doc if tok.is_sent_start}
    for a, b in spans:
        assert doc.char_span(a, b) is not None
        assert a in starts
    assert [s.text.strip() for s in doc.sents] == [text[a:b] for a, b in spans]


def test_every_token_has_its_sentence_start_flag_set(nlp) -> None:
    """is_sent_start is True or False, never unset, and the first token opens a sentence."""
    doc = nlp.make_doc(SENTENCE_TEXTS[0])
    assert doc[0].is_sent_start is True
    assert all(tok.is_sent_start in (True, False) for tok in doc)
    assert len(list(doc.sents)) == 3


def test_segmenter_gives_the_words_of_underthesea_word_tokenize() -> None:
    """The shortened call path returns exactly what underthesea's own word_tokenize returns."""
    from pathlib import Path

    from vnnews.pipeline.tokenizer import _load_segmenter

    segment = _load_segmenter()
    reference = getattr(segment, "reference", segment)
    samples = Path(__file__).resolve().parents[2] / "corpus" / "samples"
    sentences = [s for s in TEXTS.values() if s.strip()]
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[a:b] for a, b in split_sentences(text)]
    assert len(sentences) > 50
    for sentence in sentences:
        assert segment(sentence) == reference(sentence), sentence
