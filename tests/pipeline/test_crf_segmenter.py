"""Tests of pipeline.crf_segmenter: the same words, tags and scores as underthesea, its cache, its fallback."""

from __future__ import annotations

import dataclasses
import os
import sys
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews.pipeline import crf_segmenter, tokenizer
from vnnews.pipeline.crf_segmenter import (
    CRFSegmenter,
    SegmenterFormatError,
    build_tables,
    is_i32,
    load_segmenter,
    load_tables,
    locate_model,
)

# Sentences written for these tests: the pre-tokenizer's special cases (Th.S and its unescaped
# dot, abbreviations with dots, dates, numbers, e-mails, URLs, plates, emoticons), mixed case,
# punctuation, and scripts whose case rules differ between Unicode versions.
SENTENCES = {
    "plain": "Chiều nay đoàn cán bộ huyện về thăm bà con vùng lũ và trao quà cho các hộ nghèo.",
    "ths_dotted": "Th.S Trần Văn Bình trình bày tham luận về chuyển đổi số trong giáo dục.",
    "ths_lower": "Th.s Lê Hoàng Yến cùng ThS. Đỗ Minh Quân hướng dẫn nhóm nghiên cứu.",
    "ths_space": "Cô giáo Th Sương dạy lớp Th sáng thứ Hai, còn Thi Sơn dạy buổi chiều.",
    "th_letters": "This is Thistle, those Thus tests: Thesis Thiss ThuS ThaSa Th ſ.",
    "date_slashes": "Ngày 18/3/2021, Sở Y tế tổ chức hội nghị; hạn nộp hồ sơ là 05/2021.",
    "date_dashes_dots": "Từ 02-05-2014 đến 20.08.2014, lúc 10:20:50 mỗi ngày, và trong tháng 08-2014.",
    "numbers": "Doanh thu đạt 1.234.567,89 đồng, tăng 82,5% so với 100,000,000 của năm 2023.",
    "email": "Phản ánh xin gửi về hopthu.bandoc@toasoan-dientu.vn hoặc tin_nhanh+24h@gmail.com nhé.",
    "urls": "Xem tại https://congthongtin.example.gov.vn/tin-tuc/hoi-nghi?id=7&p=2 và www.vidu.vn/trang.",
    "naked_domain": "Truy cập vidu.com.vn hoặc dichvucong.gov.vn để nộp hồ sơ trực tuyến.",
    "tphcm_ubnd": "UBND TP.HCM phối hợp với Sở GD&ĐT và TP. Cần Thơ triển khai NĐ-CP mới.",
    "abbreviations": "Văn phòng T.Ư Đảng, Mr. Smith, Mrs. Lan, Dr. Hùng và Tp. Huế cùng dự, v.v...",
    "apostrophes": "Đồng bào H'Mông ở xã Ia H’Drai đón Tết cùng bộ đội biên phòng.",
    "plates_phone": "Xe biển số 43H-0530 và 30A-12345 gây tai nạn; gọi 03-5730-2357 để báo tin.",
    "dimensions_units": "Phòng rộng 3x4 mét, nhiệt độ 35°C, màn hình 4K và ổ cứng 512GB.",
    "symbols": "Giá tăng => lợi nhuận tăng -> cổ tức tăng >> cổ đông vui; 5 + 3 = 8 và 2 × 4 ≠ 9.",
    "emoticons": "Cảm ơn cả nhà :)) hẹn gặp lại =)) <3 :D nhé",
    "mixed_case": "ĐẠI HỘI ĐẠI BIỂU Đoàn TNCS Hồ Chí Minh tỉnh lần thứ XVI thành CÔNG tốt đẹp.",
    "camel_case": "Ứng dụng iPhone, YouTube và eBay được giới trẻ dùng nhiều; MacBook cũng vậy.",
    "quotes_brackets": "Ông nói: “Chúng ta phải làm ngay!” (trích phát biểu) [ảnh: TTXVN] {ghi chú}.",
    "ellipsis_dashes": "Hàng loạt vấn đề... được nêu ra -- nhưng chưa được giải quyết — thật đáng tiếc…",
    "hyphen_words": "Tuyến đường Hà Nội-Hải Phòng dài 105km, tốc độ 100km/h, giá vé 1.600m-2.000m.",
    "document_numbers": "Căn cứ Nghị quyết số 44-NQ/TW và Quyết định 1234/QĐ-UBND ngày 7/7/2023.",
    "digits_signs": "Nhiệt độ -5 độ, +7 độ, 2147483647 và 2147483648 lượt, 007 điệp viên.",
    "modifier_prime": "Ký hiệu ʺ dùng cho giây; ʺabc và xʺy viết liền.",
    "newline_inside": "Dòng thứ nhất\nDòng thứ hai Th\nSơn La\tvà tab.",
    "bos_eos_tokens": "BOS và EOS là hai từ viết tắt, bos eos cũng vậy.",
    "single_word": "Vâng",
    "single_punct": "!",
    "greek": "ΟΔΥΣΣΕΥΣ đi qua Σ và σίγμα, ΑΣ ΒΣ.",
    "cyrillic_cjk": "Москва và 北京 hợp tác; 한국 cũng tham dự.",
    "unicode_edge": "Ký tự ƛ ǅ ß İ ŉ ꭰ Ꭰ 𐐀 ﬀ trong câu.",
    "fullwidth": "Ｔｈｅ ＵＢＮＤ ａｂｃ １２３ và ｆｕｌｌ.",
    "long_sentence": " ".join(["Ban Chấp hành Công đoàn cơ sở họp bàn kế hoạch năm 2024,"] * 12),
}


@pytest.fixture(scope="module")
def segmenter() -> CRFSegmenter:
    """The process-wide CRF segmenter."""
    seg = load_segmenter()
    assert isinstance(seg, CRFSegmenter)
    return seg


def reference(sentence: str) -> list[str]:
    """underthesea's own answer."""
    from underthesea import word_tokenize

    return word_tokenize(sentence, use_token_normalize=False)


@pytest.mark.parametrize("sentence", list(SENTENCES.values()), ids=list(SENTENCES))
def test_words_are_underthesea_word_tokenize(segmenter: CRFSegmenter, sentence: str) -> None:
    """Exactly underthesea.word_tokenize(s, use_token_normalize=False)'s words."""
    assert segmenter(sentence) == reference(sentence)


@pytest.mark.parametrize("sentence", list(SENTENCES.values()), ids=list(SENTENCES))
def test_tags_and_path_score_are_underthesea_s(segmenter: CRFSegmenter, sentence: str) -> None:
    """Same tokens, same tags, and a bit-identical Viterbi score from underthesea's Rust tagger."""
    from underthesea.pipeline.word_tokenize import regex_tokenize

    reference(sentence)  # loads underthesea's model
    from underthesea.pipeline import word_tokenize as ws

    tokens = regex_tokenize.tokenize(sentence, use_token_normalize=False)
    assert segmenter.tokenize(sentence) == tokens
    model = ws.word_tokenize_model
    features = model.featurizer.process([[[t] for t in tokens]])[0]
    tags, score = model.estimator.tag_with_score(features)
    path, my_score = segmenter.viterbi(segmenter.emissions(tokens))
    assert [segmenter.tables.labels[i] for i in path] == tags
    assert my_score == score


def test_test_sentences_are_not_taken_from_the_bench_archive() -> None:
    """The sentences above are this file's own: none occurs in the shared bench archive."""
    import gzip
    import json

    from tests.conftest import SHARED

    bench = SHARED / "corpus" / "bench" / "baomoi-5k.jsonl.gz"
    if not bench.exists():
        pytest.skip("../shared/corpus/bench is not available here")
    with gzip.open(bench, "rt", encoding="utf-8") as f:
        texts = [a.get("title", "") + "\n" + a.get("text", "") for a in map(json.loads, f)]
    for name, sentence in SENTENCES.items():
        if len(sentence) > 30:
            assert not any(sentence[:60] in text for text in texts), name


def test_the_special_cases_are_really_exercised(segmenter: CRFSegmenter) -> None:
    """The pre-tokenizer keeps these whole, so the comparisons above cover them."""
    tokens = set()
    for sentence in SENTENCES.values():
        tokens.update(segmenter.tokenize(sentence))
    for whole in ("Th.S", "Th S", "18/3/2021", "1.234.567,89", "TP.HCM", "UBND", "NĐ-CP", "v.v..."):
        assert whole in tokens, whole
    assert "hopthu.bandoc@toasoan-dientu.vn" in tokens
    assert "https://congthongtin.example.gov.vn/tin-tuc/hoi-nghi?id=7&p=2" in tokens


# Pieces that random texts are made of: the pre-tokenizer's trigger characters, whitespace of all sorts.
_PIECE_TEXT = "Th S s This Thư a đ Ư ʺ . , - @ / : ' ’ 1 23 x TP HCM v °C http vn com ( ) Σ ß BOS İ ! % _ &"
PIECES = [*_PIECE_TEXT.split(), " ", " ", " ", "\n", "\t", "\u00a0", "\u200b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_texts_segment_as_underthesea(text: str) -> None:
    """Random mixes of the tricky pieces: the same words as word_tokenize."""
    assert load_segmenter()(text) == reference(text)


def test_fast_path_is_the_regex_for_every_letter(segmenter: CRFSegmenter) -> None:
    """For every letter of Unicode, alone, leading, trailing and doubled, the fast path gives the
    regex's tokens (the letters-only fast path is an identity, not an approximation)."""
    tok = segmenter.tokenize
    assert tok.fast
    letters = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha()]
    for i in range(0, len(letters), 500):
        batch = letters[i : i + 500]
        text = " ".join(f"{c} a{c} {c}b {c}{c} Th{c}s" for c in batch)
        assert tok(text) == tok.slow(tok.normalize(text)), batch


@pytest.mark.parametrize(
    "text",
    ["Th Sáng", "xTh Sáng", "(Th Sáng", "Th\tS", "Th\nS", "Th.S.", "1Th sơn", "ThS. Hà", "ʺA", "Aʺ"],
)
def test_fast_path_around_th_s(segmenter: CRFSegmenter, text: str) -> None:
    """'Th' + any character + 's' (the unescaped dot in underthesea's 'Th.S') keeps the regex's tokens."""
    tok = segmenter.tokenize
    assert tok(text) == tok.slow(tok.normalize(text))


@pytest.mark.parametrize(
    "text", ["0", "7", "-0", "+5", "-5", "2147483647", "2147483648", "-2147483648", "-2147483649"]
)
def test_is_i32_matches_rust_isdigit(text: str) -> None:
    """underthesea's isdigit is Rust's i32 parse: sign allowed, ASCII digits, 32-bit range."""
    from underthesea_core import CRFFeaturizer

    (((feature,),),) = CRFFeaturizer(["T[0].isdigit"], set()).process([[[text]]])
    assert feature == f"T[0].isdigit={is_i32(text)}"
    for other in ("", "+", "-", "1_000", "١٢", "１２", "1.5", " 1", "--1"):
        assert not is_i32(other)


def test_lower_and_title_follow_rust_for_every_token_kind(segmenter: CRFSegmenter) -> None:
    """Tokens outside the probed characters take Rust's lowercase and is-title, so they agree."""
    from underthesea_core import CRFFeaturizer

    rust = CRFFeaturizer(["T[0].lower", "T[0].istitle"], set())
    for token in ("ƛ", "ǅa", "ΟΔΥΣΣΕΥΣ", "ΑΣ", "Ꭰ", "ꭰ", "𐐀x", "İ", "ﬀ", "Đà", "abc", "ABC", "Ａ"):
        ((lower, title),) = rust.process([[[token]]])[0]
        assert segmenter._lower_title(token) == (lower.partition("=")[2], title.endswith("True"))


def test_cache_is_written_then_read(tmp_path, monkeypatch) -> None:
    """The first load builds and writes the cache; the next reads it without building."""
    files = locate_model()
    built = load_tables(files, tmp_path)
    cached = list(tmp_path.glob("crf-segmenter-*.pkl"))
    assert len(cached) == 1

    def no_build(_files):
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(crf_segmenter, "build_tables", no_build)
    again = load_tables(files, tmp_path)
    assert again.weights == built.weights and again.vocab == built.vocab and again is not built
    assert CRFSegmenter(again)("Hội nghị tổng kết năm") == CRFSegmenter(built)("Hội nghị tổng kết năm")


def test_cache_is_keyed_by_version_and_files(tmp_path, monkeypatch) -> None:
    """Another underthesea version or a changed model file means another cache file, built anew."""
    files = locate_model()
    load_tables(files, tmp_path)
    calls = []
    real_build = build_tables

    def counting(f):
        calls.append(f)
        return real_build(f)

    monkeypatch.setattr(crf_segmenter, "build_tables", counting)
    other = dataclasses.replace(files, version=files.version + ".post1")
    assert other.key() != files.key()
    load_tables(other, tmp_path)
    assert len(calls) == 1
    copy = tmp_path / "models.bin"
    copy.write_bytes(files.model.read_bytes())
    moved = dataclasses.replace(files, model=copy)
    assert moved.key() != files.key()
    load_tables(moved, tmp_path)
    assert len(calls) == 2
    assert len(list(tmp_path.glob("crf-segmenter-*.pkl"))) == 3


def test_corrupt_cache_file_is_rebuilt(tmp_path) -> None:
    """A damaged cache file is ignored and replaced."""
    files = locate_model()
    load_tables(files, tmp_path)
    (path,) = tmp_path.glob("crf-segmenter-*.pkl")
    path.write_bytes(b"not a pickle")
    tables = load_tables(files, tmp_path)
    assert tables.version == files.version
    assert path.read_bytes() != b"not a pickle"


def test_unwritable_cache_dir_still_loads(tmp_path) -> None:
    """A cache directory that cannot be created only costs a build."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    tables = load_tables(locate_model(), blocker / "sub")
    assert tables.labels == ["B-W", "I-W"]


def test_cache_dir_honours_the_environment(monkeypatch, tmp_path) -> None:
    """VNNEWS_CACHE_DIR first, then XDG_CACHE_HOME/vnnews."""
    monkeypatch.setenv("VNNEWS_CACHE_DIR", str(tmp_path / "explicit"))
    assert crf_segmenter.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("VNNEWS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert crf_segmenter.cache_dir() == tmp_path / "vnnews"


@pytest.mark.parametrize(
    "content",
    [b"", b"not a model at all", b"lCRF\x00\x00\x00\x00FOMC" + b"\x00" * 40, "truncated"],
    ids=["empty", "garbage", "empty_header", "truncated"],
)
def test_bad_model_file_names_the_underthesea_version(tmp_path, content) -> None:
    """A model file that is not what underthesea 9.x ships raises SegmenterFormatError with the version."""
    files = locate_model()
    bad = tmp_path / "models.bin"
    bad.write_bytes(files.model.read_bytes()[:3000] if content == "truncated" else content)
    with pytest.raises(SegmenterFormatError, match=f"underthesea {files.version}"):
        build_tables(dataclasses.replace(files, model=bad))


@pytest.mark.parametrize("which", ["features", "dictionary"])
def test_damaged_pickles_raise(tmp_path, which: str) -> None:
    """A features.bin or dictionary.bin that is not a pickle raises SegmenterFormatError with the version."""
    files = locate_model()
    bad = tmp_path / f"{which}.bin"
    bad.write_bytes(b"\x80\x04not a pickle")
    with pytest.raises(SegmenterFormatError, match=f"underthesea {files.version}"):
        build_tables(dataclasses.replace(files, **{which: bad}))


def test_unexpected_templates_raise(tmp_path) -> None:
    """A feature template this module does not know raises SegmenterFormatError."""
    import joblib

    files = locate_model()
    odd = tmp_path / "features.bin"
    joblib.dump(["T[0]", "T[0].shape"], odd)
    with pytest.raises(SegmenterFormatError, match=r"T\[0\]\.shape"):
        build_tables(dataclasses.replace(files, features=odd))


def test_fallback_to_underthesea_when_the_format_is_unexpected(monkeypatch) -> None:
    """_load_segmenter warns and returns underthesea's own path, which still gives the same words."""

    def broken():
        raise SegmenterFormatError("underthesea 0.0-test: model file models.bin: no FEAT chunk")

    monkeypatch.setattr(crf_segmenter, "load_segmenter", broken)
    with pytest.warns(RuntimeWarning, match="underthesea 0.0-test"):
        segment = tokenizer._load_segmenter()
    assert not isinstance(segment, CRFSegmenter)
    sentence = SENTENCES["tphcm_ubnd"]
    assert segment(sentence) == reference(sentence) == load_segmenter()(sentence)


def test_environment_selects_underthesea_s_own_path(monkeypatch) -> None:
    """VNNEWS_SEGMENTER=underthesea switches the tokenizer back to the previous segmenter."""
    monkeypatch.setenv("VNNEWS_SEGMENTER", "underthesea")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        segment = tokenizer._load_segmenter()
    assert not isinstance(segment, CRFSegmenter)
    monkeypatch.delenv("VNNEWS_SEGMENTER")
    assert isinstance(tokenizer._load_segmenter(), CRFSegmenter)


def test_extraction_does_not_import_underthesea_once_cached(tmp_path) -> None:
    """With the cache in place, a fresh process extracts an article without importing underthesea."""
    import subprocess

    code = (
        "import sys; from pipeline.api import Extractor; "
        "Extractor().extract('Chiều 18/3/2021, UBND tỉnh họp.'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('underthesea', 'joblib')))"
    )
    env = {**os.environ, "VNNEWS_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # builds
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
