"""Python-Markdown extensions: what changes a page's content, written so that any
engine that runs Python-Markdown (MkDocs, Zensical) runs it. Each module is listed
under `markdown_extensions` in mkdocs.yml (or an edition's configuration) by its
dotted name, e.g. `extensions.tables`; ./dev puts the project on PYTHONPATH.
"""
