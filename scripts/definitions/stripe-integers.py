"""Tells the spec's integers apart from its other numbers in the extracted Stripe schema.

stripe-node's declarations say `number` for both; stripe-python, generated from the same spec,
annotates `int` where the spec says integer. This reads those annotations (with `ast`, never
importing the package) and narrows `"type": "number"` to `"integer"` in the schema wherever the
same property of the same object is an `int` there. A property stripe-python does not have keeps
`number`: the check then accepts any number, never rejects a real one.

usage: python3 stripe-integers.py STRIPE_PYTHON_DIR SCHEMA_JSON   (rewrites SCHEMA_JSON)
"""

import ast
import json
import pathlib
import sys


def annotation_is_int(node):
    """`int` or `Optional[int]`."""
    if isinstance(node, ast.Name):
        return node.id == "int"
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id == "Optional" and annotation_is_int(node.slice)
    return False


def object_name(cls):
    """The `OBJECT_NAME` literal of a resource class (`"invoice"`), if it has one."""
    for stmt in cls.body:
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and stmt.target.id == "OBJECT_NAME"
            and isinstance(stmt.value, ast.Constant)
        ):
            return stmt.value.value
    return None


def collect(cls, path, out):
    """(object, nested class path) -> the names of its `int` properties, for cls and its nested classes."""
    ints = set()
    for stmt in cls.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            if annotation_is_int(stmt.annotation):
                ints.add(stmt.target.id)
        elif isinstance(stmt, ast.ClassDef):
            collect(stmt, path + (stmt.name,), out)
    out[path] = ints


def python_integers(package):
    out = {}
    for file in pathlib.Path(package).rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for cls in tree.body:
            if isinstance(cls, ast.ClassDef):
                name = object_name(cls)
                if name:
                    collect(cls, (name,), out)
    return out


def main():
    package, schema_path = sys.argv[1], sys.argv[2]
    ints = python_integers(package)
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    defs = schema["$defs"]

    def resource_object(name):
        d = defs.get(name, {})
        enum = d.get("properties", {}).get("object", {}).get("enum")
        return enum[0] if enum and len(enum) == 1 else None

    narrowed = 0

    def narrow(s, is_int):
        nonlocal narrowed
        if s.get("type") == "number" and is_int:
            s["type"] = "integer"
            narrowed += 1
        elif s.get("type") == ["number", "null"] and is_int:
            s["type"] = ["integer", "null"]
            narrowed += 1

    for name, d in defs.items():
        parts = name.split(".")
        # The longest prefix that is a resource names the object; the rest is the nested class.
        for cut in range(len(parts), 0, -1):
            obj = resource_object(".".join(parts[:cut]))
            if obj:
                key = (obj,) + tuple(parts[cut:])
                break
        else:
            continue
        for prop, s in d.get("properties", {}).items():
            narrow(s, prop in ints.get(key, ()))
    pathlib.Path(schema_path).write_text(json.dumps(schema, indent=1) + "\n", encoding="utf-8")
    print(f"{narrowed} properties are integers", file=sys.stderr)


main()
