"""Validates brief's YAML files against brief's JSON Schemas, as an editor
would: `validate.py SCHEMA_DIR FILE...` prints `FILE: ok` or `FILE: invalid:
MESSAGE` for each file and exits 0 (the caller judges the verdicts).

theme.yaml files use theme.schema.json, the others brief.schema.json. YAML is
read as brief reads it (YAML 1.2: a date is a string, not a timestamp)."""

import json
import sys
from pathlib import Path

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2 has no timestamps: `date: 2023-01-05` is the string brief reads.
Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    schemas = Path(sys.argv[1])
    validators = {}
    for name in ("brief", "theme"):
        schema = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validators[name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for file in sys.argv[2:]:
        path = Path(file)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        except yaml.YAMLError as e:
            print(f"{file}: invalid: YAML: {e}".replace("\n", " "))
            continue
        validator = validators["theme" if path.name == "theme.yaml" else "brief"]
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path)
            print(f"{file}: invalid: {where}: {first.message}".replace("\n", " "))
        else:
            print(f"{file}: ok")


if __name__ == "__main__":
    main()
