"""Texts decoded from a warm start's map: kept within a budget, never kept for good.

A search decodes the texts of the articles it shows; without a bound a long
session ends up holding the whole corpus decoded (the BBC soak decoded most of
its 2,225 articles within 100 searches).
"""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from tui.core.cache.load import load_cached
from tui.core.cache.stored import DECODED, StoredArticle
from tui.core.corpus.read import load_corpus

ARTICLES = 40
OLD = 1_600_000_000


def is_decoded(article: StoredArticle) -> bool:
    """Whether ``article`` holds its decoded text now."""
    try:
        object.__getattribute__(article, "text")
    except AttributeError:
        return False
    return True


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for number in range(ARTICLES):
        words = " ".join(f"word{number}x{k}" for k in range(200))
        path = root / f"a{number:02}.txt"
        path.write_text(f"Title {number}\n\n{words}.\n", encoding="utf-8")
        os.utime(path, (OLD, OLD))  # a file changed just now is read again, not cached
    return root


def test_decoded_texts_stay_within_the_budget(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_cached(corpus, folder=tmp_path / "cache")  # writes the cache
    warm = load_cached(corpus, folder=tmp_path / "cache")
    articles = warm.corpus.articles
    assert all(type(article) is StoredArticle for article in articles)
    size = len(articles[0].encoded())
    monkeypatch.setattr(DECODED, "budget", 5 * size)
    cold = {article.id: article.text for article in load_corpus(corpus).articles}
    for _ in range(3):  # a session reads texts again and again
        for article in articles:
            assert article.text == cold[article.id]
            assert sum(is_decoded(a) for a in articles) <= 6  # 5 and the one just read
    assert is_decoded(articles[-1])
    assert not is_decoded(articles[0])
    assert articles[0].text == cold[articles[0].id]  # decoded again, the same


def test_the_list_of_decoded_texts_keeps_no_article_alive(corpus: Path, tmp_path: Path) -> None:
    load_cached(corpus, folder=tmp_path / "cache")
    warm = load_cached(corpus, folder=tmp_path / "cache")
    article = next(a for a in warm.corpus.articles if a.id == "a03")
    assert article.text.startswith("Title 3\n")
    gone = weakref.ref(article)
    del article, warm
    gc.collect()
    assert gone() is None
