"""Test doubles for the shell's services (GUI tests of any feature may use them)."""
from __future__ import annotations


class ScriptedDialogs:
    """Stands in for views.dialogs.Dialogs: records what was said, answers questions.

    ``window = MainWindow(data_dir, dialogs=ScriptedDialogs())`` or, for a page alone,
    ``ctx.extras["dialogs"] = ScriptedDialogs(confirm_answer=False, ask_answer="...")``.
    """

    def __init__(self, confirm_answer: bool = True, ask_answer: str | None = None):
        self.confirm_answer = confirm_answer
        self.ask_answer = ask_answer
        self.said: list[tuple[str, str, str]] = []

    def info(self, title, text, details=""):
        self.said.append(("info", title, text))

    def warning(self, title, text, details=""):
        self.said.append(("warning", title, text))

    def error(self, title, text, details=""):
        self.said.append(("error", title, text))

    def confirm(self, title, text, *, destructive=False):
        self.said.append(("confirm", title, text))
        return self.confirm_answer

    def ask(self, title, label, text="", *, secret=False):
        self.said.append(("ask", title, label))
        return self.ask_answer
