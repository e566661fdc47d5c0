"""Validates sandbox response bodies against Finch's January 2024 OpenAPI schemas.

Usage: schema_conformance.py CONFIG.json — CONFIG has "bodies" ([{method, path, status, body}]),
"specs" (yaml files) and "allow" (schema_allowlist.json). A violation fails unless the allow-list
names its endpoint path, JSON path (array indexes written [*]) and validator keyword, with a reason.
"""
import json
import re
import sys

import yaml
from openapi_schema_validator import OAS30Validator

CONFIG = json.load(open(sys.argv[1]))
ALLOW = {(a["endpoint"], a["json_path"], a["validator"]) for a in json.load(open(CONFIG["allow"]))}
operations = {}
# Finch's files refer to each other as ../NAME/openapi.yaml; our copies are NAME.yaml.
SPECS = {path.rsplit("/", 1)[-1].removesuffix(".yaml"): yaml.safe_load(open(path)) for path in CONFIG["specs"]}


def inline(node, spec, depth=0):
    if isinstance(node, dict):
        if "$ref" in node and depth < 40:
            document, _, pointer = node["$ref"].partition("#")
            if document:
                spec = SPECS[document.split("/")[-2]]
            target = spec
            for part in pointer.lstrip("/").split("/"):
                target = target[part]
            return inline(target, spec, depth + 1)
        node = {k: inline(v, spec, depth) for k, v in node.items()}
        # Two readings of OpenAPI 3.0 the files need: a list of types (3.1 syntax, used once for
        # custom_fields.value) means any of them, and `nullable: true` admits null even with an enum.
        if isinstance(node.get("type"), list):
            node["anyOf"] = [{"type": t} for t in node.pop("type")]
        if node.get("nullable") and "enum" in node and None not in node["enum"]:
            node["enum"] = node["enum"] + [None]
        return node
    if isinstance(node, list):
        return [inline(v, spec, depth) for v in node]
    return node


for spec in SPECS.values():

    for route, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            if isinstance(op, dict) and "responses" in op:
                operations[(method.upper(), route)] = inline(op["responses"], spec)

failed = False
checked = 0
for item in CONFIG["bodies"]:
    responses = operations.get((item["method"], item["path"]))
    response = (responses or {}).get(str(item["status"]))
    schema = (((response or {}).get("content") or {}).get("application/json") or {}).get("schema")
    if schema is None:
        print(f"no schema: {item['method']} {item['path']} {item['status']}")
        continue
    checked += 1
    for error in OAS30Validator(schema).iter_errors(item["body"]):
        where = re.sub(r"\[\d+\]", "[*]", error.json_path)
        key = (item["path"], where, error.validator)
        allowed = key in ALLOW
        failed |= not allowed
        print(("allowed " if allowed else "FAIL ") + f"{item['path']} {where} {error.validator}: {error.message[:160]}")
print(f"checked {checked} bodies against the 2024-01 schemas")
sys.exit(1 if failed else 0)
