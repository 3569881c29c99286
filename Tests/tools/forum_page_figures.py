#!/usr/bin/env python3
"""Figures for the saved forum pages in ../shared/data/forum-pages, computed without Weft.

The Swift tests (Tests/WeftFormatsTests/ForumPageFigureTests.swift) compare Weft's import with these numbers.
They come from Python's own html.parser and a small tree built here, with one hand-written rule per engine
that looks at the markup directly (ids, attributes, class names), not at Weft's recipes or XPath.

    python3 Tests/tools/forum_page_figures.py ../shared/data/forum-pages

prints, per page: posts, distinct authors and how many quotes name the post they come from; with --json, also
every post's id and author in page order (what the tests read).
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track", "param"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []  # Nodes and strings, in order

    def cls(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find(self, pred):
        return [n for n in self.walk() if pred(n)]

    def content(self):
        def parts(n):
            for c in n.children:
                if isinstance(c, Node):
                    yield from parts(c)
                else:
                    yield c
        return " ".join("".join(parts(self)).split())


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def tree(path):
    raw = open(path, "rb").read()
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:8192])
    charset = m.group(1).decode() if m else "utf-8"
    b = Builder()
    b.feed(raw.decode(charset, errors="replace"))
    return b.root


def engine(root, text):
    html = next((n for n in root.walk() if n.tag == "html"), None)
    if html is not None and html.attrs.get("id") == "XF":
        return "xenforo2"
    if html is not None and html.attrs.get("id") == "XenForo":
        return "xenforo1"
    if 'id="phpbb"' in text:
        return "phpbb3"
    if "vBulletin 3" in text:
        return "vbulletin3"
    if "vBulletin 4" in text:
        return "vbulletin4"
    if "data-node-id" in text:
        return "vbulletin5"
    if "post_wrapper" in text:
        return "smf2"
    if "mycode_quote" in text or "post_body" in text:
        return "mybb"
    if 'component="post"' in text:
        return "nodebb"
    return "?"


def figures(path):
    text = open(path, "rb").read().decode("utf-8", errors="replace")
    root = tree(path)
    kind = engine(root, text)
    posts = []  # (id, author)
    linked = 0
    if kind == "phpbb3":
        for n in root.find(lambda n: n.tag == "div" and re.fullmatch(r"p\d+", n.attrs.get("id", "")) and "post" in n.cls()):
            names = n.find(lambda m: m.tag == "a" and any(c.startswith("username") for c in m.cls()))
            if not names:
                names = [s for p in n.find(lambda m: m.tag == "p" and "author" in m.cls()) for s in p.find(lambda m: m.tag == "strong")]
            posts.append((n.attrs["id"][1:], names[0].content() if names else None))
            linked += len(n.find(lambda m: m.tag == "a" and "data-post-id" in m.attrs))
    elif kind == "vbulletin3":
        for n in root.find(lambda n: n.tag == "table" and re.fullmatch(r"post\d+", n.attrs.get("id", ""))):
            name = n.find(lambda m: m.tag == "a" and "bigusername" in m.cls())
            posts.append((n.attrs["id"][4:], name[0].content() if name else None))
            for msg in n.find(lambda m: m.attrs.get("id", "").startswith("post_message_")):
                linked += len(msg.find(lambda m: m.tag == "a" and re.search(r"p=\d+#post\d+", m.attrs.get("href", "")) and m.find(lambda i: i.tag == "img")))
    elif kind in ("vbulletin4", "vbulletin5"):
        if kind == "vbulletin4":
            items = root.find(lambda n: n.tag == "li" and re.fullmatch(r"post_\d+", n.attrs.get("id", "")))
        else:
            items = root.find(lambda n: n.tag == "li" and "data-node-id" in n.attrs and "b-post" in n.cls())
        for n in items:
            if kind == "vbulletin4":
                name = n.find(lambda m: m.tag == "a" and "username" in m.cls())
                pid = n.attrs["id"][5:]
            else:
                name = [a for d in n.find(lambda m: m.tag == "div" and "author" in m.cls()) for a in d.find(lambda m: m.tag == "a")]
                pid = n.attrs["data-node-id"]
            posts.append((pid, name[0].content() if name else None))
            linked += sum(1 for d in n.find(lambda m: "bbcode_postedby" in m.cls()) if d.find(lambda a: a.tag == "a" and re.search(r"p=\d+", a.attrs.get("href", ""))))
    elif kind == "xenforo1":
        for n in root.find(lambda n: n.tag == "li" and re.fullmatch(r"post-\d+", n.attrs.get("id", "")) and "data-author" in n.attrs):
            posts.append((n.attrs["id"][5:], n.attrs["data-author"]))
            linked += len(n.find(lambda m: "AttributionLink" in m.cls()))
    elif kind == "xenforo2":
        for n in root.find(lambda n: n.tag == "article" and "message--post" in n.cls()):
            posts.append((n.attrs["data-content"][5:], n.attrs.get("data-author")))
            linked += len(n.find(lambda m: m.tag == "blockquote" and "bbCodeBlock--quote" in m.cls()
                                  and (re.search(r"post:\s*\d+", m.attrs.get("data-source", "")) or m.find(lambda a: "bbCodeBlock-sourceJump" in a.cls()))))
    elif kind == "smf2":
        for n in root.find(lambda n: n.tag == "div" and "post_wrapper" in n.cls()):
            inner = n.find(lambda m: re.fullmatch(r"msg_\d+", m.attrs.get("id", "")))
            if not inner:
                continue
            poster = [h for d in n.find(lambda m: "poster" in m.cls()) for h in d.find(lambda m: m.tag == "h4")]
            posts.append((inner[0].attrs["id"][4:], poster[0].content() if poster else None))
            linked += sum(1 for q in n.find(lambda m: "quoteheader" in m.cls()) if q.find(lambda a: a.tag == "a" and re.search(r"msg\d+", a.attrs.get("href", ""))))
    elif kind == "mybb":
        for n in root.find(lambda n: n.tag == "div" and re.fullmatch(r"post_\d+", n.attrs.get("id", ""))):
            name = [a for s in n.find(lambda m: "postbit_username" in m.cls()) for a in s.find(lambda m: m.tag == "a")]
            posts.append((n.attrs["id"][5:], name[0].content() if name else None))
            linked += len(n.find(lambda m: m.tag == "a" and "quick_jump" in m.cls()))
    elif kind == "nodebb":
        for n in root.find(lambda n: n.tag == "li" and n.attrs.get("component") == "post" and "data-pid" in n.attrs):
            posts.append((n.attrs["data-pid"], n.attrs.get("data-username")))
            for p in n.find(lambda m: m.tag == "p" and " said in " in m.content()):
                linked += 1 if p.find(lambda a: a.tag == "a" and "/post/" in a.attrs.get("href", "")) else 0
    return kind, posts, linked


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    base = args[0] if args else "../shared/data/forum-pages"
    rows = []
    for folder in sorted(os.listdir(base)):
        d = os.path.join(base, folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".html"):
                continue
            kind, posts, linked = figures(os.path.join(d, name))
            authors = {a for _, a in posts if a}
            first, last = (posts[0], posts[-1]) if posts else ((None, None), (None, None))
            rows.append({"page": f"{folder}/{name}", "engine": kind, "posts": len(posts), "authors": len(authors),
                         "ids": [p for p, _ in posts], "authorsInOrder": [a for _, a in posts], "linkedQuotes": linked})
    if "--json" in sys.argv:
        print(json.dumps(rows))
    else:
        for r in rows:
            print(r["page"], r["engine"], r["posts"], "posts,", r["authors"], "authors,", r["linkedQuotes"], "quotes naming their post")


if __name__ == "__main__":
    main()
