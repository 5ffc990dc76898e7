"""A task list's checkbox gets its item's text as its label.

pymdownx.tasklist draws `<label><input type="checkbox"><span></span></label> text`:
the text stands after the label, so a screen reader announces an unnamed checkbox
(axe: "Form elements must have labels"). This moves the item's text, up to a nested
list or paragraph, inside the label. List it after pymdownx.tasklist.
"""

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

UNLABELLED = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*/?>'
    r'<span class="task-list-indicator"></span>)</label> (.*?)(?=<ul|<ol|<p|<div|</li>)', re.S)


class TaskLabels(Postprocessor):
    def run(self, text):
        return UNLABELLED.sub(lambda m: f"{m.group(1)} {m.group(2).rstrip()}</label>", text)


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md):
        # After the raw HTML (where tasklist put its checkbox) is back in the text.
        md.postprocessors.register(TaskLabels(md), "task_labels", 5)


def makeExtension(**kwargs):
    return TaskLabelsExtension(**kwargs)
