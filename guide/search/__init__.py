"""Full-text search over Chinese, pinyin and English (no Qt, no pypinyin at query time).

Build: :func:`create_index` then :func:`index_documents` inside the content build
transaction. Query: :func:`search` and :func:`count_by_kind` on any connection;
:func:`search_with_fallback` when a phrase finding nothing should show what fewer of its
words find.
"""

from guide.search.counts import COUNT_CAP, count_by_kind
from guide.search.engine import search
from guide.search.fallback import Results, search_with_fallback
from guide.search.indexer import index_documents
from guide.search.model import SearchDoc, SearchHit
from guide.search.query import normalize_query
from guide.search.schema import create_index, drop_index

__all__ = [
    "COUNT_CAP",
    "Results",
    "SearchDoc",
    "SearchHit",
    "count_by_kind",
    "create_index",
    "drop_index",
    "index_documents",
    "normalize_query",
    "search",
    "search_with_fallback",
]
