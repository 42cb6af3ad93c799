#!/usr/bin/env python3
"""Validates FHIR R4 (4.0.1) Bundles of QuestionnaireResponses, one file per argument.

Prints one line per file, `ok FILE` or `invalid FILE: REASON`, and exits 0 only if every file is
valid. The models are fhir.resources 6.4.0 (R4): structure, cardinalities and value types. What
they leave out is checked here: the required code bindings this file uses
(QuestionnaireResponse.status, Bundle.type), Bundle's bdl-7 (fullUrl unique), and JSON integers
(pydantic 1 turns "7" and 7.5 into 7).
"""
import json
import sys

import fhir.resources
from fhir.resources.bundle import Bundle

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__

QUESTIONNAIRE_RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch",
                "batch-response", "history", "searchset", "collection"}


def beyond_the_models(raw, bundle):
    problems, seen = [], set()
    if bundle.type not in BUNDLE_TYPES:
        problems.append(f"Bundle.type {bundle.type!r} is not a bundle type")
    for i, entry in enumerate(bundle.entry or []):
        if entry.fullUrl is not None:
            if entry.fullUrl in seen:
                problems.append(f"entry[{i}].fullUrl {entry.fullUrl} twice (bdl-7)")
            seen.add(entry.fullUrl)
        resource = entry.resource
        if resource is not None and resource.resource_type == "QuestionnaireResponse":
            if resource.status not in QUESTIONNAIRE_RESPONSE_STATUS:
                problems.append(f"entry[{i}].resource.status {resource.status!r} is not a status")

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "valueInteger" and (not isinstance(value, int) or isinstance(value, bool)):
                    problems.append(f"{path}.valueInteger is {value!r}, not a JSON integer")
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(raw, "Bundle")
    return problems


def check(path):
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        bundle = Bundle.parse_obj(raw)
    except Exception as error:  # json.JSONDecodeError, pydantic.ValidationError
        return " ".join(str(error).split())
    return "; ".join(beyond_the_models(raw, bundle))


def main(paths):
    all_valid = True
    for path in paths:
        problem = check(path)
        if problem:
            all_valid = False
            print(f"invalid {path}: {problem}")
        else:
            print(f"ok {path}")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
