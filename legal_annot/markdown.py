"""Markdown hosts: a Python-Markdown extension (also for MkDocs and Pelican) and a markdown-it-py
plugin. Python-Markdown is optional: ``pip install legal_annot[markdown]``.

Python-Markdown, MkDocs (``mkdocs.yml``) or Pelican (``MARKDOWN`` setting)::

    markdown.markdown(text, extensions=["legal_annot.markdown"],
                      extension_configs={"legal_annot.markdown": {"kinds": ["case"], "min_confidence": 0.8}})

markdown-it-py::

    MarkdownIt().use(markdown_it_plugin, kinds=["case"], link_target="_blank").render(text)

Config keys, for both: ``kinds`` (a list or a comma-separated string; default all),
``class_name`` (default ``legal-annot``), ``link_target`` (e.g. ``_blank``; default none),
``min_confidence`` (0 to 1; default 0), ``native_title`` (true adds a ``title``, the browser's own
tooltip, for sites without legal_annot's stylesheet; default false), and from Python also
``annotator`` and ``options``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from legal_annot.annotator import Annotator
from legal_annot.render.elements import HtmlOptions

__all__ = ["LegalAnnotExtension", "makeExtension", "markdown_it_plugin"]  # noqa: F822 (module __getattr__)

INSTALL_HINT = "legal_annot's Python-Markdown extension needs Python-Markdown: pip install 'legal_annot[markdown]'"


@lru_cache(maxsize=8)
def _annotator_for(kinds: tuple[str, ...]) -> Annotator:
    from legal_annot import default_annotator

    if not kinds:
        return default_annotator()
    return Annotator(default_annotator().catalog, kinds=kinds)


def _kinds(kinds: Any) -> tuple[str, ...]:
    if kinds is None or kinds == "":
        return ()
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    if not isinstance(kinds, (list, tuple, set, frozenset)):
        raise TypeError(f"kinds must be a list of kinds or a comma-separated string, not {type(kinds).__name__}")
    return tuple(sorted({str(k).strip() for k in kinds if str(k).strip()}))


def configured(annotator: Annotator | None = None, options: HtmlOptions | None = None, kinds: Any = None,
               class_name: str | None = None, link_target: str | None = None,
               min_confidence: Any = 0.0, native_title: Any = False) -> tuple[Annotator, HtmlOptions, float]:
    """The annotator, rendering options and threshold that a host's config keys describe."""
    import attrs

    if annotator is not None and not isinstance(annotator, Annotator):
        raise TypeError(f"annotator must be a legal_annot.Annotator, not {type(annotator).__name__}")
    if options is not None and not isinstance(options, HtmlOptions):
        raise TypeError(f"options must be a legal_annot.HtmlOptions, not {type(options).__name__}")
    try:
        threshold = float(min_confidence if min_confidence not in (None, "") else 0.0)
    except (TypeError, ValueError):
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {min_confidence!r}") from None
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {min_confidence!r}")
    chosen = _kinds(kinds)
    if annotator is None:
        annotator = _annotator_for(chosen)
    elif chosen:
        annotator = Annotator(annotator.catalog, kinds=chosen)
    options = options or HtmlOptions()
    if class_name:
        if not isinstance(class_name, str):
            raise TypeError(f"class_name must be a str, not {type(class_name).__name__}")
        options = attrs.evolve(options, class_name=class_name)
    if link_target:
        options = attrs.evolve(options, link_target=str(link_target))
    if native_title not in (None, False):
        if native_title is not True:
            raise TypeError(f"native_title must be true or false, not {native_title!r}")
        options = attrs.evolve(options, native_title=True)
    return annotator, options, threshold


def markdown_it_plugin(md: Any, annotator: Annotator | None = None, options: HtmlOptions | None = None, *,
                       kinds: Any = None, class_name: str | None = None, link_target: str | None = None,
                       min_confidence: Any = 0.0, native_title: Any = False) -> None:
    """markdown-it-py plugin: ``MarkdownIt().use(markdown_it_plugin, **config)``.

    The document's inline text is annotated once and mapped back to the tokens; links go around
    plain text only (see :mod:`legal_annot.render.markdown_plugins`).
    """
    from legal_annot.render.markdown_plugins import annotate_tokens

    engine, chosen, threshold = configured(annotator, options, kinds, class_name, link_target, min_confidence,
                                           native_title)

    def rule(state: Any) -> None:
        annotate_tokens(state.tokens, engine.annotate, chosen, threshold)

    names = [r.name for r in md.core.ruler.__rules__]
    if "text_join" in names:
        md.core.ruler.before("text_join", "legal_annot", rule)
    else:
        md.core.ruler.push("legal_annot", rule)


@lru_cache(maxsize=1)
def _extension_class() -> type:
    try:
        from markdown.extensions import Extension
        from markdown.postprocessors import Postprocessor
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc

    class AnnotatePostprocessor(Postprocessor):  # type: ignore[misc]
        def __init__(self, md: Any, extension: Any) -> None:
            super().__init__(md)
            self.extension = extension

        def run(self, text: str) -> str:
            from legal_annot import annotate_html
            from legal_annot.render.markdown_plugins import Threshold

            engine, options, threshold = self.extension.settings()
            if threshold > 0:
                engine = Threshold(engine, threshold)
            return annotate_html(text, annotator=engine, options=options)

    class LegalAnnotExtension(Extension):  # type: ignore[misc]
        """Python-Markdown extension: annotate references in the rendered HTML."""

        def __init__(self, **kwargs: Any) -> None:
            self.config = {
                "kinds": [[], "kinds of reference to annotate (list or comma-separated); default all"],
                "class_name": ["legal-annot", "base CSS class of the added elements"],
                "link_target": ["", "target of the added links, e.g. _blank; default none"],
                "min_confidence": [0.0, "leave out annotations below this confidence (0 to 1)"],
                "native_title": [False, "also write title (the browser's own tooltip), for sites without the stylesheet"],
                "annotator": [None, "a legal_annot.Annotator (Python only)"],
                "options": [None, "a legal_annot.HtmlOptions (Python only)"],
            }
            super().__init__(**kwargs)
            self.settings()  # a bad config fails when the extension is made, not mid-build

        def settings(self) -> tuple[Annotator, HtmlOptions, float]:
            get = self.getConfig
            return configured(get("annotator"), get("options"), get("kinds"), get("class_name") or None,
                              get("link_target") or None, get("min_confidence"), get("native_title"))

        def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's API)
            # Priority below the raw-HTML postprocessor (30), so the final HTML is annotated.
            md.postprocessors.register(AnnotatePostprocessor(md, self), "legal_annot", 5)

    return LegalAnnotExtension


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 (Python-Markdown's entry point name)
    """Python-Markdown's hook: ``extensions=["legal_annot.markdown"]``."""
    return _extension_class()(**kwargs)


def __getattr__(name: str) -> Any:
    if name == "LegalAnnotExtension":
        return _extension_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
