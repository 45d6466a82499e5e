#!/usr/bin/env python3
"""Checks tests/spec/clerk-operations.json (the requests InviteDesk sends) against Clerk's OpenAPI spec.

Usage: check-operations.py OPERATIONS.json SPEC.yml
Exit 0 when every operation, query parameter (its type, enum values and bounds) and body field is one the
spec declares; 1 with one line per difference otherwise; 77 when PyYAML is missing (CTest: skipped).
"""
import json
import sys

try:
    import yaml
except ImportError:
    print("SKIP: python3-yaml is not installed")
    sys.exit(77)


def main(operations_path, spec_path):
    with open(operations_path, encoding="utf-8") as f:
        operations = json.load(f)["operations"]
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    problems = []
    for op in operations:
        where = f'{op["method"]} {op["path"]}'
        item = spec.get("paths", {}).get(op["path"])
        declared = item and item.get(op["method"].lower())
        if not declared:
            problems.append(f"{where}: not in the spec")
            continue
        params = [resolve(p) for p in declared.get("parameters", []) + item.get("parameters", [])]
        in_query = {p["name"]: resolve(p.get("schema", {})) for p in params if p.get("in") == "query"}
        for name, rule in op.get("query", {}).items():
            schema = in_query.get(name)
            if schema is None:
                problems.append(f"{where}: query parameter {name} is not declared")
                continue
            kind = next(iter(rule))
            if kind == "enum":
                extra = set(rule["enum"]) - set(schema.get("enum", rule["enum"]))
                if schema.get("type") != "string" or extra:
                    problems.append(f"{where}: {name} takes {schema.get('enum')}, not {sorted(extra)}")
            elif kind == "integer":
                low, high = rule["integer"]
                if schema.get("type") != "integer":
                    problems.append(f"{where}: {name} is {schema.get('type')}, not integer")
                if low is not None and low < schema.get("minimum", low):
                    problems.append(f"{where}: {name} starts at {schema.get('minimum')}, not {low}")
                if "maximum" in schema and (high is None or high > schema["maximum"]):
                    problems.append(f"{where}: {name} ends at {schema['maximum']}, not {high}")
            elif schema.get("type") != kind:
                problems.append(f"{where}: {name} is {schema.get('type')}, not {kind}")
        body = op.get("body", [])
        if body:
            request = resolve(declared.get("requestBody", {}))
            schema = resolve(request.get("content", {}).get("application/json", {}).get("schema", {}))
            fields = set(schema.get("properties", {}))
            for field in body:
                if field not in fields:
                    problems.append(f"{where}: body field {field} is not declared")
    for line in problems:
        print(line)
    print(f"{len(operations)} operations checked against {spec_path}: "
          + ("every one as the spec declares it" if not problems else f"{len(problems)} difference(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
