"""The word-cluster features of the mention tagger (extractors/data/word_clusters.tsv).

The sentences below were written for this file; the people in them are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnnews.extractors import lexicon, mention_features
from vnnews.extractors.mention_features import doc_context, doc_words, sentence_features, token_texts
from vnnews.pipeline import nlp as nlp_module


def test_cluster_file_loads_and_validates() -> None:
    levels, table = mention_features.word_clusters()
    assert levels == tuple(sorted(levels)) and set(mention_features.CLUSTER_OWN) <= set(levels)
    assert set(mention_features.CLUSTER_CONTEXT) <= set(levels)
    assert len(table) > 10_000
    for word, ids in table.items():
        assert word == word.lower() and len(ids) == len(levels)
        assert all(0 <= i < k for i, k in zip(ids, levels, strict=True))
    # the header says where the clusters come from and how to rebuild them
    assert any(
        "python -m vnnews.extractors.training.clusters" in c for c in lexicon.comments("word_clusters.tsv")
    )


def _data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> str:
    """A data file of this name and text that the lexicon loader finds beside the real ones."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    real = lexicon._path
    monkeypatch.setattr(lexicon, "_path", lambda n: tmp_path / n if n == name else real(n))
    return name


def test_the_tagger_s_gazetteer_loads_with_every_lexicon() -> None:
    rows = mention_features.gazetteer_rows()
    assert {kind for kind, _ in rows} == set(mention_features._LEXICONS)
    assert all(phrase == phrase.lower() for _, phrase in rows)
    phrases, prefixes = mention_features.gazetteer()
    assert "nguyễn" in phrases and "nguyễn" in prefixes
    # the header says where the copy comes from and how to make it again
    assert any(
        "python -m vnnews.extractors.training.gazetteer" in c
        for c in lexicon.comments(mention_features.GAZETTEER_FILE)
    )


def test_the_gazetteer_command_copies_the_rule_lexicons(tmp_path: Path) -> None:
    from vnnews.extractors.training import gazetteer as command

    out = tmp_path / "gazetteer.tsv"
    n = command.write(out)
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert n == len(lines) > 1000
    assert [tuple(line.split("\t")) for line in lines] == mention_features.gazetteer_rows_from_lexicons()


MALFORMED = [
    # the word clusters
    pytest.param("word_clusters", "# source: test\n# levels: 4 8\nhà nội\t1\n", id="clusters-columns"),
    pytest.param("word_clusters", "# source: test\n# levels: 4 8\nhà nội\t1\t9\n", id="clusters-range"),
    pytest.param("word_clusters", "# source: test\n# levels: 4 8\nHà Nội\t1\t2\n", id="clusters-case"),
    pytest.param("word_clusters", "# source: test\nhà nội\t1\t2\n", id="clusters-levels"),
    # the tagger's gazetteer
    pytest.param("gazetteer_rows", "# source: test\nplace\thà nội\n", id="gazetteer-kind"),
    pytest.param("gazetteer_rows", "# source: test\nprovince\tHà Nội\n", id="gazetteer-case"),
    pytest.param("gazetteer_rows", "# source: test\nprovince\n", id="gazetteer-columns"),
]


@pytest.mark.parametrize(("loader", "text"), MALFORMED)
def test_a_malformed_data_file_of_the_tagger_is_refused(
    loader: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A cluster file with a missing column, an id past its level, an upper-case word or no levels
    line; a gazetteer row of an unknown lexicon, upper case or without its phrase."""
    name = _data_file(tmp_path, monkeypatch, f"{request.node.callspec.id}.tsv", text)
    with pytest.raises(lexicon.LexiconError):
        getattr(mention_features, loader)(name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sáng nay, đoàn công tác của tỉnh đã đến thăm Hà Nội và làm việc với các sở.", "hà nội"),
        ("Ông Vũ Đình Long cho biết công ty sẽ tuyển thêm nhiều công nhân trong năm nay.", "công ty"),
        ("Theo bà Lê Thị Hạnh, huyện đã hỗ trợ hơn 300 hộ dân bị ảnh hưởng bởi cơn bão.", "huyện"),
    ],
    ids=["place", "company-word", "district-word"],
)
def test_a_frequent_word_has_cluster_features(text: str, word: str) -> None:
    levels, table = mention_features.word_clusters()
    assert word in table
    doc = nlp_module.build(()).make_doc(text)
    texts = token_texts(doc)
    words = [texts[i] for i in doc_words(doc)[0]]
    lowered = [w.lower() for w in words]
    assert word in lowered, words
    i = lowered.index(word)
    feats = sentence_features(words, doc_context(doc))
    ids = dict(zip(levels, table[word], strict=True))
    for k in mention_features.CLUSTER_OWN:
        assert f"c{k}:{ids[k]}" in feats[i]
    # the neighbours see it too
    for off in (-1, 1):
        j = i - off
        if 0 <= j < len(words) and mention_features.CLUSTER_CONTEXT:
            k = mention_features.CLUSTER_CONTEXT[0]
            assert f"{off}:c{k}:{ids[k]}" in feats[j]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [("w", "hà nội", "w:hà nội"), ("-1:case", "TT", "-1:case:TT"), ("BOS", 1.0, "BOS")],
    ids=["word", "neighbour", "flag"],
)
def test_a_feature_is_the_attribute_python_crfsuite_makes_of_it(name: str, value, expected: str) -> None:
    assert mention_features.attribute(name, value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chiều 12/3, Giám đốc Sở Y tế tỉnh Nam Định Trần Văn Khải đã làm việc với Công ty Dược Hoa Sen.",
        "Theo hãng tin Reuters, Thủ tướng Anh Keir Starmer sẽ đến Paris gặp Tổng thống Pháp.",
        "Anh Lò Văn Sáng, người dân bản Nà Phặc, cho biết năm nay gia đình trồng thêm 2 ha quế.",
    ],
    ids=["officials-and-company", "foreign-names", "villager"],
)
def test_leaving_out_attributes_the_model_lacks_changes_no_tag(text: str) -> None:
    from vnnews.extractors import mention_model

    tagger = mention_model.load()._tagger
    doc = nlp_module.build(()).make_doc(text)
    texts, ctx = token_texts(doc), doc_context(doc)
    filtered = mention_model.load()._features
    for ids in doc_words(doc):
        words = [texts[i] for i in ids]
        every, kept = sentence_features(words, ctx), filtered.sentence(words, ctx)
        assert sum(map(len, kept)) < sum(map(len, every))
        assert tagger.tag(kept) == tagger.tag(every)
        assert [tagger.marginal(t, k) for k, t in enumerate(tagger.tag(kept))] == pytest.approx(
            [tagger.marginal(t, k) for k, t in enumerate(tagger.tag(every))]
        )


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nguyễn Văn An đến Hà Nội.  Sau đó,\n\n ông về Huế. Xong",
        "\n\nCÔNG TY CP SỮA VIỆT NAM\n  \nTháng 3/2024 .",
        " ",
        "",
    ],
    ids=["paragraphs", "heading-and-blank-lines", "space", "empty"],
)
def test_token_texts_and_sentences_from_the_attribute_arrays(text: str) -> None:
    doc = nlp_module.build(()).make_doc(text)
    assert token_texts(doc) == [t.text for t in doc]
    expected = [[t.i for t in sent if not t.is_space] for sent in doc.sents] if len(doc) else []
    assert doc_words(doc) == [ids for ids in expected if ids]


@pytest.mark.parametrize(
    ("config", "absent", "present"),
    [
        (
            mention_features.FeatureConfig(far="word"),
            ("2:case:", "-2:c64:", "2:c64:"),
            ("2:w:", "-2:w:", "-1:c64:"),
        ),
        (
            mention_features.FeatureConfig(context_clusters=(64, 256)),
            ("-1:c1024:", "2:c1024:"),
            ("c1024:", "-1:c64:"),
        ),
        (
            mention_features.FeatureConfig(word_bigrams=False),
            ("-1|0:w:", "0|1:w:"),
            ("-1|0:case:", "0|1:case:"),
        ),
    ],
    ids=["far-word", "no-1024-context", "no-word-bigrams"],
)
def test_a_feature_configuration_leaves_out_its_attributes(
    config: mention_features.FeatureConfig, absent: tuple[str, ...], present: tuple[str, ...]
) -> None:
    text = "Sáng nay, ông Vũ Đình Long cho biết công ty sẽ mở thêm một nhà máy ở Hà Nội trong năm nay."
    doc = nlp_module.build(()).make_doc(text)
    texts = token_texts(doc)
    words = [texts[i] for i in doc_words(doc)[0]]
    every = [a for item in sentence_features(words, doc_context(doc), config) for a in item]
    full = [a for item in sentence_features(words, doc_context(doc)) for a in item]
    for prefix in absent:
        assert any(a.startswith(prefix) for a in full) and not any(a.startswith(prefix) for a in every)
    for prefix in present:
        assert any(a.startswith(prefix) for a in every)


# Sentences written for the fast-path tests below: names, bodies, places, a heading in capitals, a
# lone word, repeats across sentences (the article-level flags), and "|" / ":" inside words.
FAST_PATH_TEXTS = [
    pytest.param(
        "Chiều 14/9, Phó Chủ tịch UBND tỉnh Quảng Trị Lê Đức Hạnh đã tiếp đoàn công tác của Tập đoàn "
        "Điện lực Việt Nam. Ông Hạnh cho biết tỉnh sẽ hỗ trợ EVN giải phóng mặt bằng.",
        id="official-and-company",
    ),
    pytest.param(
        "HỘI NGHỊ TỔNG KẾT NĂM HỌC\nSáng nay, Sở Giáo dục và Đào tạo TP.HCM đã khen thưởng 45 giáo viên. "
        "Giáo viên Phạm Thu Trang (trường THPT Lê Quý Đôn) nhận bằng khen.",
        id="heading-and-school",
    ),
    pytest.param(
        "Tiền đạo Marcus Rashford ghi bàn ở phút 77. Rashford sau đó rời sân. Manchester United thắng 2-1.",
        id="football-repeat",
    ),
    pytest.param(
        "Xong. Bà Hoàng Thị Mai, trú tại xã Tân Lập, huyện Đan Phượng, Hà Nội, đã trình báo công an.",
        id="lone-word-then-address",
    ),
    pytest.param(
        "Tỷ số A|B là 2|1 theo ông Đỗ Minh Quân | trợ lý của Công ty Sao Mai: kết quả 3:0 đã rõ.",
        id="pipes-and-colons",
    ),
]


def _sentences(text: str) -> tuple[list[list[str]], mention_features.DocContext]:
    doc = nlp_module.build(()).make_doc(text)
    texts = token_texts(doc)
    return [[texts[i] for i in ids] for ids in doc_words(doc)], doc_context(doc)


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_the_taggers_features_are_the_training_features_the_model_knows(text: str) -> None:
    """The tagger's featurizer (pairs looked up among the known ones, UTF-8 bytes) gives exactly
    the training attributes the model has weights for, in the same order."""
    from vnnews.extractors import mention_model

    fast = mention_model.load()._features
    known = fast.known
    assert fast.encode and known
    sentences, ctx = _sentences(text)
    for words in sentences:
        every = sentence_features(words, ctx)
        got = [[a.decode("utf-8") for a in item] for item in fast.sentence(words, ctx)]
        assert got == [[a for a in item if a in known] for item in every]


@pytest.mark.parametrize(
    "words",
    [
        ["Ông", "Lê Văn", "a|b", "|", "c||d", "Hà Nội", "|"],
        ["||", "Công ty", "x|", "|y", "TP.HCM", ":", "3:0"],
        ["Một"],
    ],
    ids=["pipes", "pipes-at-ends", "one-word"],
)
@pytest.mark.parametrize("keep", ["all", "every-other", "pairs-only"])
def test_pairs_looked_up_among_known_attributes_are_the_formatted_ones(words: list[str], keep: str) -> None:
    """A word pair is looked up, not formatted, when the model is known: the same attributes as
    formatting every pair and keeping the known ones, also for words holding a "|"."""
    ctx = mention_features.DocContext(frozenset({"một"}), frozenset({"Hà Nội"}), frozenset({"văn"}))
    every = sentence_features(words, ctx)
    attrs = sorted({a for item in every for a in item})
    if keep == "all":
        known = frozenset(attrs)
    elif keep == "every-other":
        known = frozenset(attrs[::2])
    else:
        known = frozenset(a for a in attrs if "|" in a.split(":", 1)[0])
    expected = [[a for a in item if a in known or a == "bias"] for item in every]
    for encode in (False, True):
        got = mention_features.Featurizer(known, encode=encode).sentence(words, ctx)
        if encode:
            got = [[a.decode("utf-8") for a in item] for item in got]
        # the flags are not filtered (a model knows them all); "bias" neither
        flags = {"BOS", "EOS", "lowerseen", "capinside", "namepart"}
        assert [[a for a in item if a in known or a == "bias"] for item in got] == expected
        assert all(a in known or a in flags or a == "bias" for item in got for a in item)
