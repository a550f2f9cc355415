"""Document metadata (title, author, subject, keywords) that PDF viewers and search tools show."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk import __version__


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    lang: str = "zh"

    def doc_kwargs(self) -> dict:
        """Keyword arguments of reportlab's document template."""
        return {
            "title": self.title,
            "author": self.author,
            "subject": self.subject,
            "keywords": list(self.keywords),
            "creator": f"parkdesk {__version__}",
            "lang": "en" if self.lang == "en" else "zh-CN",
        }
