"""Boolean queries over a document as a whole: `nuclear -weapons` excludes any document that
mentions weapons anywhere, not only the paragraphs that do.

PostgreSQL reads the words (`websearch_to_tsquery`, with its stemming and stop words); its
text form (`'nuclear' & !'weapon'`) is parsed here into a tree whose leaves are single words or
phrases. A leaf holds in a document when its title or one of its paragraphs holds it (a phrase
stays within one paragraph); `&`, `|` and `!` combine the leaves as AND, OR and NOT, each leaf
an EXISTS over the document's paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from psycopg import sql

_TOKEN = re.compile(r"'(?:[^']|'')*'(?::[*A-Da-d]+)?|<->|<\d+>|[&|!()]|\S")
# A quoted lexeme of a tsquery's text form (`'o''neill'`), in Python's and PostgreSQL's syntax.
LEXEME_PATTERN = r"'((?:[^']|'')*)'"
_LEXEME = re.compile(LEXEME_PATTERN + r"(:[*A-Da-d]+)?")


def documents_holding(query: sql.Composable, *, paragraphs: sql.Composable) -> sql.Composed:
    """SELECT id: the documents whose title, or one of whose paragraphs `p` (those passing
    `paragraphs`), holds the tsquery; each side read from its GIN index."""
    # Uses index: paragraph_search_gin, document_title_search_gin
    return sql.SQL(
        "SELECT p.document_id AS id FROM resolutions_paragraph p "
        "WHERE {paragraphs} AND p.search_vector @@ {query} UNION "
        "SELECT d.id FROM resolutions_document d WHERE d.title_search @@ {query}"
    ).format(paragraphs=paragraphs, query=query)


@dataclass(frozen=True)
class Leaf:
    """A word or phrase, as tsquery text (`'traffick' <2> 'person'`)."""

    text: str

    def lexemes(self) -> list[tuple[str, str]]:
        """Each word as (lexeme, suffix): the suffix marks a prefix (`:*`) or weights."""
        return [(word.replace("''", "'"), suffix) for word, suffix in _LEXEME.findall(self.text)]


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


def needs_a_wanted_word(node: Node | None) -> bool:
    """Whether every document that satisfies the tree holds one of its wanted (not excluded)
    words: then its candidates come from the indexes; else (`-weapons`) every document is one."""
    if node is None or isinstance(node, Leaf):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, AllOf):
        return any(needs_a_wanted_word(n) for n in node.nodes)
    return all(needs_a_wanted_word(n) for n in node.nodes)


def holds_in_one_paragraph(node: Node | None) -> bool:
    """Whether a document satisfies the tree exactly when its title or one of its paragraphs
    does (a word, a phrase, or alternatives of them): its candidates then need no other test."""
    if isinstance(node, Leaf):
        return True
    if isinstance(node, AnyOf):
        return all(holds_in_one_paragraph(n) for n in node.nodes)
    return False


def has_a_phrase(node: Node | None) -> bool:
    """Whether a leaf of the tree is a phrase (`'traffick' <2> 'person'`)."""
    return any("<" in leaf.text for leaf, _negated in leaves(node))


class WholeText:
    """A query tree as SQL on a document row: does its title and paragraphs' text satisfy it.

    A tree of single words is read from the document's words (`document_words.py`): the
    tsquery as PostgreSQL read it (`text`, bound as `whole`) on one column. A phrase holds
    within one paragraph, which the words do not tell, so a tree with a phrase reads the
    paragraphs."""

    def __init__(self, node: Node | None, text: str = "") -> None:
        self.node = node
        self.by_words = node is not None and not has_a_phrase(node)
        self.params: dict[str, str] = {"whole": text} if self.by_words else {}
        self._names: dict[str, str] = {}
        for leaf, _negated in leaves(node):
            self._names.setdefault(leaf.text, f"leaf_{len(self._names)}")
            self.params[self._names[leaf.text]] = leaf.text

    def _query(self, leaf: Leaf) -> sql.Composed:
        return sql.SQL("{}::tsquery").format(sql.Placeholder(self._names[leaf.text]))

    def wanted(self) -> sql.Composable | None:
        """The wanted words and phrases as one tsquery (`a | b`), None when there are none."""
        wanted = [leaf.text for leaf, negated in leaves(self.node) if not negated]
        queries = list(dict.fromkeys(wanted))
        if not queries:
            return None
        return sql.SQL("({})").format(
            sql.SQL(" || ").join(self._query(Leaf(text)) for text in queries)
        )

    def holds(self, row: str) -> sql.Composable:
        """The tree on the document row `row`: one EXISTS per word on its paragraphs, each
        stopping at the first that holds it; with an excluded word, whose absence takes
        reading every paragraph anyway, one pass over them decides every word."""
        if self.node is None:
            return sql.SQL("FALSE")
        if self.by_words:
            return self.words_hold(row)
        if holds_in_one_paragraph(self.node):
            # One probe for the alternatives: the first paragraph holding any of them.
            return self._probed(self.node, row, query=self.wanted())
        if not any(negated for _leaf, negated in leaves(self.node)):
            return self._of(self.node, row, self._probed)
        # Uses index: paragraph_unique_position (the document's paragraphs)
        return sql.SQL("(SELECT {} FROM resolutions_paragraph w WHERE w.document_id = {})").format(
            self._of(self.node, row, self._read), sql.Identifier(row, "id")
        )

    def in_words(self, row: str) -> sql.Composed:
        """The tree on the words `w` of a document (a tree of single words only)."""
        # Uses index: document_words_gin
        return sql.SQL("{} @@ {}::tsquery").format(
            sql.Identifier(row, "words"), sql.Placeholder("whole")
        )

    def words_hold(self, row: str) -> sql.Composed:
        """The tree on the document row `row`: its words, read by its id."""
        return sql.SQL(
            "EXISTS (SELECT 1 FROM resolutions_documentwords w WHERE w.document_id = {} AND {})"
        ).format(sql.Identifier(row, "id"), self.in_words("w"))

    def documents_by_sets(self, published_p: sql.Composable, published_d: sql.Composable):
        """SELECT the array of documents satisfying the tree, from each word's documents read
        once from the GIN indexes (its paragraphs' and titles'): for an excluded word in many
        documents, far cheaper than reading every paragraph of every document."""
        assert self.node is not None
        names = {text: f"l{n}" for n, text in enumerate(self._names)}
        words = [
            sql.SQL("{} AS MATERIALIZED ({})").format(
                sql.Identifier(name),
                documents_holding(self._query(Leaf(text)), paragraphs=published_p),
            )
            for text, name in names.items()
        ]
        wanted = dict.fromkeys(leaf.text for leaf, negated in leaves(self.node) if not negated)
        candidates = sql.SQL(" UNION ").join(
            sql.SQL("SELECT id FROM {}").format(sql.Identifier(names[text])) for text in wanted
        )

        def member(leaf: Leaf, row: str) -> sql.Composable:
            return sql.SQL("{} IN (SELECT id FROM {})").format(
                sql.Identifier(row, "id"), sql.Identifier(names[leaf.text])
            )

        return sql.SQL(
            "WITH {words} SELECT coalesce(array_agg(d.id), '{{}}') FROM ({candidates}) c "
            "JOIN resolutions_document d ON d.id = c.id WHERE {published_d} AND {tree}"
        ).format(
            words=sql.SQL(", ").join(words),
            candidates=candidates,
            published_d=published_d,
            tree=self._of(self.node, "d", member),
        )

    def _probed(
        self, leaf: Node, row: str, *, query: sql.Composable | None = None
    ) -> sql.Composable:
        # Uses index: paragraph_unique_position (the document's paragraphs). OFFSET 0 keeps the
        # EXISTS a probe of this document's paragraphs that stops at the first match, never a
        # hashed scan of every paragraph holding the word.
        return sql.SQL(
            "({title} @@ {q} OR EXISTS (SELECT 1 FROM resolutions_paragraph w "
            "WHERE w.document_id = {id} AND w.search_vector @@ {q} OFFSET 0))"
        ).format(
            title=sql.Identifier(row, "title_search"),
            id=sql.Identifier(row, "id"),
            q=query or self._query(leaf),
        )

    def _read(self, leaf: Leaf, row: str) -> sql.Composable:
        """The leaf over the paragraphs `w` of one pass (an aggregate: one row, even for none)."""
        return sql.SQL(
            "({title} @@ {q} OR COALESCE(bool_or(w.search_vector @@ {q}), FALSE))"
        ).format(title=sql.Identifier(row, "title_search"), q=self._query(leaf))

    def _of(
        self, node: Node, row: str, leaf: Callable[[Leaf, str], sql.Composable]
    ) -> sql.Composable:
        if isinstance(node, Leaf):
            return leaf(node, row)
        if isinstance(node, Not):
            return sql.SQL("NOT {}").format(self._of(node.node, row, leaf))
        joiner = sql.SQL(" AND " if isinstance(node, AllOf) else " OR ")
        return sql.SQL("({})").format(joiner.join(self._of(n, row, leaf) for n in node.nodes))
