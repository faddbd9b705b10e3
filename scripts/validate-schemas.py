#!/usr/bin/env python3
"""Validates the shipped content's front matter and the example profiles against the JSON Schemas in
Content/schemas/ with the `jsonschema` library: the check an editor's YAML language server makes.

usage: scripts/validate-schemas.py [CONTENT_DIR]
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """PyYAML follows YAML 1.1, where `on`, `off`, `yes` and `no` are booleans, so a command's
    `on: source` would arrive as the key True. Editors' language servers follow YAML 1.2, where only
    true and false are booleans (and Preflight reads keys as plain text); this loader does the same."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def front_matter(text):
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:index])
    return None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Content")
    schemas = {path.name: json.loads(path.read_text()) for path in (root / "schemas").glob("*.schema.json")}
    validators = {name: jsonschema.Draft202012Validator(schema) for name, schema in schemas.items()}
    failures, checked = [], 0
    for path in sorted(root.rglob("*.md")):
        relative = path.relative_to(root)
        if relative.parts[0] in ("theme", "profiles") or path.name.startswith(("_", ".")) or path.name == "README.md":
            continue
        data = yaml.load(front_matter(path.read_text(encoding="utf-8")) or "", Loader=Loader) or {}
        validator = validators.get(f"item.{data.get('kind')}.schema.json")
        if validator is None:
            failures.append(f"{relative}: no schema for kind {data.get('kind')!r}")
            continue
        checked += 1
        failures += [f"{relative}: {'/'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(data)]
    for path in sorted((root / "profiles").glob("*.y*ml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        checked += 1
        failures += [f"{path.relative_to(root)}: {'/'.join(map(str, error.path))}: {error.message}"
                     for error in validators["profile.schema.json"].iter_errors(data)]
    for failure in failures:
        print(failure)
    print(f"{checked} files checked against {len(schemas)} schemas, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
