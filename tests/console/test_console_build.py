"""The console's own checks, run by the test command: its unit tests (Vitest) and its API
types, which must match the committed spec."""
import subprocess

from tests.console.conftest import CONSOLE


def npm(*args):
    return subprocess.run(["npm", "run", "--silent", *args], cwd=CONSOLE, capture_output=True, text=True, timeout=300)


def test_the_consoles_unit_tests_pass():
    result = npm("test")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_consoles_api_types_match_the_committed_spec():
    result = npm("check:api-types")
    assert result.returncode == 0, result.stdout + result.stderr
