"""Where things are in the repository, and the little git the tools need."""

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_HISTORY = REPO / "bench" / "history"


def _git(*args):
    try:
        p = subprocess.run(["git", "-C", str(REPO)] + list(args), capture_output=True,
                           text=True)
    except OSError:
        return None
    return p.stdout.strip() if p.returncode == 0 else None


def head():
    """(commit, dirty) of the work tree, (None, None) outside git."""
    commit = _git("rev-parse", "HEAD")
    status = _git("status", "--porcelain")
    return commit, (bool(status) if status is not None else None)


def rev_parse(rev):
    """Full hash of a revision name (HEAD~1, a tag, ...), or None."""
    return _git("rev-parse", "--verify", "--quiet", rev + "^{commit}")
