"""Layers point one way: home and outbox <- catalogue <- guides <- directory <- webinars
<- diagnostic.

A module imports only from its own app or a lower layer, and never inside a function to dodge
a cycle; a template of a lower app never loads a tag library of a higher one. The check reads
the source with `ast` and the templates as text, so it needs no database.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LAYERS = {
    "home": 0,
    "outbox": 0,
    "catalogue": 1,
    "guides": 2,
    "directory": 3,
    "webinars": 4,
    "diagnostic": 5,
}

LOAD_TAG = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
TEMPLATE_NAME = re.compile(r"[\"']((?:[\w-]+/)*[\w-]+\.(?:html|txt))[\"']")
INCLUDED_TEMPLATE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']")


def app_modules():
    """Every Python module of the project apps, migrations left out (they are history)."""
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield app, path


def project_app(module_name):
    """The project app a dotted module name belongs to, or None for a library."""
    top = module_name.split(".")[0]
    return top if top in LAYERS else None


def imported_modules(node, path):
    """The absolute module names an import statement names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative import: stays inside the module's own app
        package = path.relative_to(ROOT).with_suffix("").parts[: -node.level]
        return [".".join(package)]
    return [node.module]


def is_type_checking(node):
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def is_app_config_ready(function, parents):
    """Django wants signal receivers and registrations imported in AppConfig.ready()."""
    return function.name == "ready" and any(
        isinstance(parent, ast.ClassDef)
        and any("AppConfig" in ast.unparse(base) for base in parent.bases)
        for parent in parents
    )


def walk_imports(tree):
    """Yield (import node, enclosing function or None), skipping `if TYPE_CHECKING:` blocks."""

    def visit(node, function, parents):
        for child in ast.iter_child_nodes(node):
            if is_type_checking(child):
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, function, parents
            inner = (
                child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            )
            yield from visit(child, inner, [*parents, child])

    yield from visit(tree, None, [tree])


def import_violations():
    upward, inner = [], []
    for app, path in app_modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node, function, parents in walk_imports(tree):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            for module in imported_modules(node, path):
                target = project_app(module)
                if target is None:
                    continue
                if LAYERS[target] > LAYERS[app]:
                    upward.append(f"{where} {app} imports {module} (higher layer)")
                if function is not None and not is_app_config_ready(function, parents):
                    inner.append(f"{where} imports {module} inside {function.name}()")
    return upward, inner


def tag_library_owners():
    return {
        path.stem: app
        for app in LAYERS
        for path in (ROOT / app).glob("templatetags/*.py")
        if path.stem != "__init__"
    }


def template_files():
    """Template name -> path, for the project templates folder and the apps' own ones."""
    folders = [ROOT / "templates", *(ROOT / app / "templates" for app in LAYERS)]
    return {
        path.relative_to(folder).as_posix(): path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in {".html", ".txt"}
    }


def template_owners(templates):
    """The lowest app that renders each template: by its folder, by the Python that names it,
    and through the templates that include or extend it."""
    owners = {}

    def own(name, app):
        if name in templates and LAYERS[app] < LAYERS.get(owners.get(name), 99):
            owners[name] = app
            return True
        return False

    for name in templates:
        parts = name.split("/")
        if parts[0] == "pages" and len(parts) == 2:
            own(name, "home")  # home page, search results, standard page
        elif parts[0] == "pages" and parts[1] in LAYERS:
            own(name, parts[1])
        elif parts[0] in LAYERS:
            own(name, parts[0])
    for app, path in app_modules():
        for name in TEMPLATE_NAME.findall(path.read_text()):
            own(name, app)
    changed = True
    while changed:  # an included template is rendered by whoever includes it
        changed = False
        for name, app in list(owners.items()):
            for included in INCLUDED_TEMPLATE.findall(templates[name].read_text()):
                if included != name and not included.startswith("base"):
                    changed |= own(included, app)
    return owners


def template_violations():
    templates = template_files()
    libraries = tag_library_owners()
    found = []
    for name, app in sorted(template_owners(templates).items()):
        text = templates[name].read_text()
        for match in LOAD_TAG.finditer(text):
            for library in match.group(1).split():
                owner = libraries.get(library)
                if owner and LAYERS[owner] > LAYERS[app]:
                    line = text.count("\n", 0, match.start()) + 1
                    where = f"{templates[name].relative_to(ROOT)}:{line}"
                    found.append(f"{where} ({app}) loads {library} ({owner})")
    return found


def test_no_module_imports_a_higher_layer():
    upward, _ = import_violations()
    assert not upward, "\n".join(upward)


def test_no_import_inside_a_function():
    _, inner = import_violations()
    assert not inner, "\n".join(inner)


def test_no_template_loads_tags_of_a_higher_layer():
    found = template_violations()
    assert not found, "\n".join(found)
