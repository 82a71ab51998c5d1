"""Which of our modules a file imports, for the tests that keep the layers one way."""

import ast
from pathlib import Path


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports by absolute name, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found
