"""Every item across pages: ``for job in client.jobs.list_all(): ...``.

A ``Pages`` object knows one operation's paging style: where the items are,
and which arguments fetch the next page. ``SyncPager`` and ``AsyncPager``
fetch lazily, one page at a time, and stop at the last page, or when the
service hands back a page already fetched (a loop it would otherwise make).

``SyncPager[Item, Page]``: iterating gives items, ``iter_pages()`` whole pages
(``Page`` defaults to ``Any``, so ``SyncPager[Item]`` still reads; the default
comes from ``typing_extensions``, which pydantic requires).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic
from urllib.parse import parse_qs, urlsplit

from typing_extensions import TypeVar

from ._parsing import read_path

__all__ = ["AsyncPager", "CursorPages", "OffsetPages", "Pages", "SyncPager"]

T = TypeVar("T")
PageT = TypeVar("PageT", default=Any)
Args = dict[str, Any]

logger = logging.getLogger(__name__.rpartition(".")[0] or __name__)


class Pages:
    items: str  # the response member that holds a page's items

    def first(self, page_size: int | None) -> Args:
        raise NotImplementedError

    def following(self, args: Args, page: Any) -> Args | None:
        """The arguments of the page after ``page``, or None when it was the last."""
        raise NotImplementedError

    def items_of(self, page: Any) -> list[Any]:
        items = read_path(page, self.items)
        return list(items) if isinstance(items, list) else []


@dataclass(frozen=True)
class OffsetPages(Pages):
    """``limit``/``offset`` paging, with an optional total count in the response."""

    items: str
    limit: str  # Python names of the arguments
    offset: str
    total: str | None = None

    def first(self, page_size: int | None) -> Args:
        return {self.limit: page_size} if page_size is not None else {}

    def following(self, args: Args, page: Any) -> Args | None:
        received = len(self.items_of(page))
        if received == 0:
            return None
        offset = int(args.get(self.offset) or 0) + received
        total = read_path(page, self.total) if self.total else None
        if isinstance(total, (int, float)) and offset >= total:
            return None
        return {**args, self.offset: offset}


@dataclass(frozen=True)
class CursorPages(Pages):
    """Cursor paging: the response names the next page (a cursor, or a URL carrying it)."""

    items: str
    cursor: str  # Python name of the argument that takes the cursor
    cursor_query: str  # its name in a next-page URL's query
    next: str  # path in the response to the next cursor or URL
    limit: str | None = None

    def first(self, page_size: int | None) -> Args:
        return {self.limit: page_size} if self.limit and page_size is not None else {}

    def following(self, args: Args, page: Any) -> Args | None:
        if not self.items_of(page):
            return None
        found = read_path(page, self.next)
        if not isinstance(found, str) or not found:
            return None
        cursor = found
        if "://" in found or found.startswith(("/", "?")):
            values = parse_qs(urlsplit(found).query).get(self.cursor_query)
            if not values:
                return None
            cursor = values[0]
        return {**args, self.cursor: cursor}


def _key(args: Args) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in args.items()))


class _Walk:
    """The state of one pass over the pages."""

    def __init__(self, pages: Pages, page_size: int | None) -> None:
        self.pages = pages
        self.args: Args | None = pages.first(page_size)
        self.seen: set[tuple[tuple[str, str], ...]] = set()

    def advance(self, page: Any) -> None:
        assert self.args is not None
        self.seen.add(_key(self.args))
        following = self.pages.following(self.args, page)
        if following is not None and _key(following) in self.seen:
            logger.warning("the service returned a page already seen; stopping the iteration")
            following = None
        self.args = following


class SyncPager(Generic[T, PageT]):
    """Iterates over every item, fetching pages as they are needed."""

    def __init__(
        self, fetch: Callable[[Mapping[str, Any]], PageT], pages: Pages, page_size: int | None
    ) -> None:
        self._fetch = fetch
        self._pages = pages
        self._page_size = page_size

    def iter_pages(self) -> Iterator[PageT]:
        """Each page's whole response (with its counts and links)."""
        walk = _Walk(self._pages, self._page_size)
        while walk.args is not None:
            page = self._fetch(walk.args)
            yield page
            walk.advance(page)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from self._pages.items_of(page)


class AsyncPager(Generic[T, PageT]):
    """``async for`` over every item, fetching pages as they are needed."""

    def __init__(
        self,
        fetch: Callable[[Mapping[str, Any]], Awaitable[PageT]],
        pages: Pages,
        page_size: int | None,
    ) -> None:
        self._fetch = fetch
        self._pages = pages
        self._page_size = page_size

    async def iter_pages(self) -> AsyncIterator[PageT]:
        """Each page's whole response (with its counts and links)."""
        walk = _Walk(self._pages, self._page_size)
        while walk.args is not None:
            page = await self._fetch(walk.args)
            yield page
            walk.advance(page)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in self._pages.items_of(page):
                yield item
