"""Small source files of every kind CueMap reads, written on the spot (bench and tests).

Nothing is downloaded: a page shaped like a saved Thread Reader page (with its furniture),
a PDF drawn by matplotlib (a text layer, or a picture only, like a scan), a .docx written
by python-docx, and Markdown.
"""

from __future__ import annotations

import html
import textwrap
from datetime import datetime
from pathlib import Path

DONATION = (
    "Support us! This site is made by just two indie developers. Become a Premium Member "
    "($3/month or $30/year) and get exclusive features! Or Donate anonymously using crypto! "
    "Ethereum 0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E Bitcoin 3ATGMxNzCUFzxpMCHL5sWSt4DVtS8UqXpi"
)
HELP = "Try unrolling a thread yourself! Practice here first or read more on our help page!"


def write_threadreader_html(
    path: Path,
    posts: list[str],
    *,
    author: str = "Psychiatry Excellence",
    handle: str = "PsychExcellence",
    date: str = "May 28",
    url: str = "https://threadreaderapp.com/thread/1795000000000000001.html",
    previews: list[tuple[int, list[str]]] = (),  # type: ignore[assignment]
) -> Path:
    """A page shaped like a saved Thread Reader page: posts between ads and donation asks."""
    tweets = "\n".join(
        f'<div id="tweet_{n}" class="content-tweet allow-preview" data-tweet="17{n:05d}">'
        f"{_html_text(text)} <img src='x.jpg' alt='Image'>"
        f'<sup class="tw-permalink"><a href="https://x.com/{handle}/status/17{n:05d}">🔗</a></sup>'
        "</div>\n<ins class='adsbygoogle'>Advertisement: Buy now</ins>"
        for n, text in enumerate(posts, start=1)
    )
    cards = "\n".join(
        f'<div class="col-12" data-controller="link" data-link-href="/thread/18{i:05d}.html" '
        f'data-time="{1716940800 + i * 86400}"><div class="card-tweetsv2">'
        f"{'<br>'.join(_html_text(t) for t in texts)}</div><span>{n} tweets</span></div>"
        for i, (n, texts) in enumerate(previews, start=1)
    )
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Thread by @{handle} on Thread Reader App</title>
<link rel="canonical" href="{url}"><meta name="twitter:creator" content="@{handle}">
<script>window.dataLayer = [];</script><style>.ad {{color: red}}</style></head>
<body><nav>Thread Reader · Become Premium · Help</nav>
<div class="thread-info"><a class="thread-author-name" data-screenname="{handle}">{author}</a>
<span>@{handle}</span><div class="thread-meta">{date} · {len(posts)} tweets · 4 min read</div>
<a href="https://x.com/{handle}">Read on X</a></div>
<div class="t-main">{tweets}</div>
<div class="support">{DONATION}<a>Donate via Paypal</a></div><p>{HELP}</p>
<h2>More from @{handle}</h2>{cards}
<footer>Follow Us! Thank you for your support!</footer></body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def _html_text(text: str) -> str:
    return "<br><br>".join(html.escape(p) for p in text.split("\n\n"))


def write_pdf(
    path: Path,
    pages: list[str],
    *,
    title: str = "",
    author: str = "",
    created: datetime | None = None,
    scanned: bool = False,
) -> Path:
    """A PDF, one page per string (paragraphs split by blank lines); `scanned`: no text layer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    info = {"Title": title or None, "Author": author or None, "CreationDate": created}
    with PdfPages(path, metadata=info) as pdf:
        for text in pages:
            figure = plt.figure(figsize=(8.27, 11.69))
            if scanned:  # a picture of a page and nothing else, like a scanner's output
                figure.figimage([[0.2, 0.8], [0.8, 0.2]], resize=False)
            else:
                wrapped = "\n\n".join(textwrap.fill(p, 85) for p in text.split("\n\n"))
                figure.text(0.08, 0.95, wrapped, va="top", fontsize=10)
            pdf.savefig(figure)
            plt.close(figure)
    return path


def write_docx(
    path: Path,
    sections: list[tuple[str, list[str]]],
    *,
    title: str = "",
    author: str = "",
    created: datetime | None = None,
) -> Path:
    """A Word document: an optional title, then (heading, paragraphs) sections."""
    import docx

    document = docx.Document()
    if title:
        document.add_heading(title, level=0)
        document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = created or datetime.now()  # not the template's 2013
    for heading, paragraphs in sections:
        if heading:
            document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_markdown(path: Path, sections: list[tuple[str, list[str]]], *, title: str) -> Path:
    lines = ["---", f"title: {title}", "author: Clinic team", "---", ""]
    for heading, paragraphs in sections:
        lines += [f"## {heading}", "", *(p + "\n" for p in paragraphs)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
