"""Boolean queries over a document as a whole: `nuclear -weapons` excludes any document that
mentions weapons anywhere, not only the paragraphs that do.

PostgreSQL reads the words (`websearch_to_tsquery`, with its stemming and stop words); its
text form (`'nuclear' & !'weapon'`) is parsed here into a tree whose leaves are single words or
phrases. A leaf holds in a document when its title or one of its paragraphs holds it (a phrase
stays within one paragraph); `&`, `|` and `!` then combine the leaves' document sets with
INTERSECT, UNION and EXCEPT, each leaf read from the full-text indexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from psycopg import sql

_TOKEN = re.compile(r"'(?:[^']|'')*'(?::[*A-Da-d]+)?|<->|<\d+>|[&|!()]|\S")


@dataclass(frozen=True)
class Leaf:
    """A word or phrase, as tsquery text (`'traffick' <2> 'person'`)."""

    text: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class AllOf:
    """Every operand holds (`&`)."""

    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """One operand holds at least (`|`)."""

    nodes: tuple[Node, ...]


Node = Leaf | Not | AllOf | AnyOf


class _Parser:
    """PostgreSQL's precedence: `!` binds tighter than phrases, phrases than `&`, `&` than `|`."""

    def __init__(self, text: str) -> None:
        self.tokens = _TOKEN.findall(text)
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        self.at += 1
        return self.tokens[self.at - 1]

    def any_of(self) -> Node:
        nodes = [self.all_of()]
        while self.peek() == "|":
            self.take()
            nodes.append(self.all_of())
        return nodes[0] if len(nodes) == 1 else AnyOf(tuple(nodes))

    def all_of(self) -> Node:
        nodes = [self.phrase()]
        while self.peek() == "&":
            self.take()
            nodes.append(self.phrase())
        return nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))

    def phrase(self) -> Node:
        start = self.at
        node = self.unary()
        while (token := self.peek()) is not None and token.startswith("<"):
            self.take()
            self.unary()
        if self.at - start > 1 and self.tokens[start + 1].startswith("<"):
            return Leaf(" ".join(self.tokens[start : self.at]))
        return node

    def unary(self) -> Node:
        token = self.take()
        if token == "!":
            return Not(self.unary())
        if token == "(":
            node = self.any_of()
            if self.peek() == ")":
                self.take()
            return node
        return Leaf(token)


def parse_tsquery(text: str) -> Node | None:
    """The tree of a tsquery's text form; None for an empty query (stop words only)."""
    if not text.strip():
        return None
    return _Parser(text).any_of()


def leaves(node: Node | None, *, negated: bool = False) -> list[tuple[Leaf, bool]]:
    """Each leaf, and whether it is under a `!`."""
    if node is None:
        return []
    if isinstance(node, Leaf):
        return [(node, negated)]
    if isinstance(node, Not):
        return leaves(node.node, negated=not negated)
    return [pair for child in node.nodes for pair in leaves(child, negated=negated)]


class DocumentSet:
    """SQL selecting the ids of the documents whose whole text satisfies a query tree."""

    def __init__(self, node: Node | None, *, published: Callable[[str], sql.Composable]) -> None:
        self.node = node
        self.published = published
        self.params: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def _leaf_param(self, leaf: Leaf) -> sql.Placeholder:
        name = self._names.setdefault(leaf.text, f"leaf_{len(self._names)}")
        self.params[name] = leaf.text
        return sql.Placeholder(name)

    def every(self) -> sql.Composed:
        return sql.SQL("SELECT d.id FROM resolutions_document d WHERE {}").format(
            self.published("d")
        )

    def statement(self) -> sql.Composable:
        if self.node is None:
            return sql.SQL("SELECT NULL::bigint WHERE FALSE")
        return self._of(self.node)

    def _of(self, node: Node) -> sql.Composable:
        if isinstance(node, Leaf):
            query = sql.SQL("{}::tsquery").format(self._leaf_param(node))
            # Uses index: paragraph_search_gin, document_title_search_gin
            return sql.SQL(
                "SELECT p.document_id FROM resolutions_paragraph p WHERE {p} AND "
                "p.search_vector @@ {q} UNION SELECT d.id FROM resolutions_document d "
                "WHERE {d} AND d.title_search @@ {q}"
            ).format(p=self.published("p"), d=self.published("d"), q=query)
        if isinstance(node, Not):
            return self._except(self.every(), [node.node])
        if isinstance(node, AnyOf):
            return sql.SQL(" UNION ").join(sql.SQL("({})").format(self._of(n)) for n in node.nodes)
        wanted = [n for n in node.nodes if not isinstance(n, Not)]
        unwanted = [n.node for n in node.nodes if isinstance(n, Not)]
        base = (
            sql.SQL(" INTERSECT ").join(sql.SQL("({})").format(self._of(n)) for n in wanted)
            if wanted
            else self.every()
        )
        return self._except(base, unwanted) if unwanted else base

    def _except(self, base: sql.Composable, unwanted: list[Node]) -> sql.Composed:
        removed = sql.SQL(" UNION ").join(sql.SQL("({})").format(self._of(n)) for n in unwanted)
        return sql.SQL("({}) EXCEPT ({})").format(base, removed)
