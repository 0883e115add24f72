"""The committed spec passes an OpenAPI linter (Redocly CLI, rules in redocly.yaml).

Generated mobile clients and the station console are built from mobile_api_spec/openapi.yaml;
the linter catches what makes them come out wrong (missing operationIds, undocumented
errors, untyped nullable fields, ambiguous paths…). scripts/setup.sh installs it in console/.
"""
import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REDOCLY = ROOT / "console" / "node_modules" / ".bin" / "redocly"
# The lint runs offline: no usage report, no check for a newer release.
OFFLINE = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


def lint_findings():
    """The linter's findings on the committed spec, as {rule: ["line:col pointer: message"]}."""
    if not REDOCLY.exists():
        pytest.fail(
            f"{REDOCLY.relative_to(ROOT)} is missing: scripts/setup.sh installs it with npm ci in console/, "
            "which needs Node.js 20.19+ or 22.12+ (see its warning)"
        )
    result = subprocess.run(
        [REDOCLY, "lint", "--config", "redocly.yaml", "--format", "json", "--max-problems", "10000",
         "mobile_api_spec/openapi.yaml"],
        cwd=ROOT, env={**os.environ, **OFFLINE}, capture_output=True, text=True, timeout=120,
    )
    try:
        problems = json.loads(result.stdout)["problems"]
    except (ValueError, KeyError):
        pytest.fail(f"the linter gave no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    findings = defaultdict(list)
    for problem in problems:
        where = problem["location"][0]
        start = where.get("start", {})
        findings[f"{problem['ruleId']} ({problem['severity']})"].append(
            f"{start.get('line', '?')}:{start.get('col', '?')} {where['pointer']}: {problem['message']}"
        )
    return dict(findings)


def test_committed_spec_has_no_lint_findings():
    findings = lint_findings()
    report = "\n".join(
        f"{rule}: {len(lines)}\n" + "\n".join(f"    {line}" for line in lines)
        for rule, lines in sorted(findings.items())
    )
    assert findings == {}, f"redocly lint mobile_api_spec/openapi.yaml:\n{report}"
