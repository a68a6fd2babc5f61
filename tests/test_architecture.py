"""The folders are the architecture: each layer imports only the layers below it, and no module
imports itself back through others (an import cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "backend" / "postcoach"

# Each layer may import the ones listed, and itself; the top-level helpers (contract, errors,
# paths, fitted models) are below everything.
ALLOWED = {
    "text": set(),
    "rules": {"text", "brand"},
    "brand": {"text"},
    "scoring": {"text", "rules", "brand"},
    "engine": {"text", "rules", "brand", "scoring"},
    # The brand's published history: stored, imported, measured; analysed with the engine.
    "history": {"text", "rules", "brand", "scoring", "engine"},
    "server": {"text", "rules", "brand", "scoring", "engine", "history"},
    "cli": {"text", "rules", "brand", "scoring", "engine", "server", "history"},
}
BASE = {"contract", "errors", "paths", "database", "fitted", "__init__", "__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("postcoach"):
                # "from package import module" imports the module, not the package's names.
                found.add((node.module, tuple(f"{node.module}.{a.name}" for a in node.names)))
            elif isinstance(node, ast.Import):
                found.update((a.name, ()) for a in node.names if a.name.startswith("postcoach"))
        graph[name] = found
    modules = set(graph)
    return {
        name: {target for module, submodules in found
               for target in ([s for s in submodules if s in modules] or [module])
               if target in modules}
        for name, found in graph.items()
    }


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_layers_import_only_what_is_below_them():
    wrong = []
    for module, targets in _imports().items():
        layer = _layer(module)
        if layer in BASE:
            continue
        for target in targets:
            other = _layer(target)
            if other not in BASE and other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_import_cycles():
    graph = _imports()
    # The package's __init__ re-exports analyze; importing the package itself is not a cycle.
    graph = {m: {t for t in ts if t != "postcoach"} for m, ts in graph.items()}
    cycles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(" → ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
