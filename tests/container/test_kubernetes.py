"""deploy/kubernetes validated offline against the Kubernetes API schemas (kubernetes-validate bundles
them), and checked for what the app needs behind a load balancer: probes on /liveness, a non-root
user matching the image's, and cookie affinity so that a browser's websocket reaches its own session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from components.serving.settings import ServerSettings
from tests.container.podman import ROOT
from tests.container.test_dockerfile import final_stage

MANIFESTS = sorted((ROOT / "deploy" / "kubernetes").glob("*.yaml"))
KUBERNETES_VERSION = "1.37.0"  # the newest schema kubernetes-validate 1.37.0 bundles


def validate(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "kubernetes-validate"
    if not executable.exists():
        pytest.fail("kubernetes-validate is missing: install requirements-test.txt")
    return subprocess.run([str(executable), "--strict", "--kubernetes-version", KUBERNETES_VERSION,
                           *map(str, paths)], capture_output=True, text=True, timeout=120, check=False)


def resources() -> dict[str, dict]:
    found = {}
    for path in MANIFESTS:
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                found[document["kind"]] = document
    return found


def test_manifests_pass_strict_schema_validation() -> None:
    assert {path.name for path in MANIFESTS} >= {"deployment.yaml", "service.yaml", "ingress.yaml"}
    result = validate(MANIFESTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed") == len(MANIFESTS), result.stdout


def test_validation_rejects_a_misspelt_field(tmp_path: Path) -> None:
    """The validator is not a no-op: a typo under spec fails strict validation."""
    broken = (ROOT / "deploy/kubernetes/service.yaml").read_text().replace("targetPort:", "targetPrt:")
    (tmp_path / "service.yaml").write_text(broken)
    assert validate([tmp_path / "service.yaml"]).returncode != 0


def container_spec() -> dict:
    return resources()["Deployment"]["spec"]["template"]["spec"]["containers"][0]


def test_probes_poll_liveness_on_the_served_port() -> None:
    container = container_spec()
    env = {item["name"]: item["value"] for item in container["env"]}
    settings = ServerSettings.from_env(env)
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports["http"] == settings.port
    for probe in ("readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == f"{settings.prefix}/liveness" and get["port"] in ("http", settings.port), probe
        assert container[probe]["timeoutSeconds"] > 0


def test_pods_run_as_the_images_non_root_user_with_limits() -> None:
    deployment = resources()["Deployment"]
    pod = deployment["spec"]["template"]["spec"]
    container = container_spec()
    image_uid = next(rest for keyword, rest in reversed(final_stage()) if keyword == "USER").split(":")[0]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert str(pod["securityContext"]["runAsUser"]) == image_uid
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    # The podman test runs the image with a read-only root and a /tmp tmpfs too, so this works.
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert any(mount["mountPath"] == "/tmp" for mount in container["volumeMounts"])
    assert set(container["resources"]["requests"]) >= {"cpu", "memory"}
    assert set(container["resources"]["limits"]) >= {"cpu", "memory"}
    assert deployment["spec"]["replicas"] > 1


def test_ingress_is_sticky_and_reaches_the_service_that_selects_the_pods() -> None:
    found = resources()
    pod_labels = found["Deployment"]["spec"]["template"]["metadata"]["labels"]
    service = found["Service"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert service["spec"].get("sessionAffinity", "None") == "None"  # the Ingress does the sticking
    ingress = found["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"]
    # Idle websockets would otherwise be cut after nginx's default 60 s.
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    rule = ingress["spec"]["rules"][0]
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] in {port["name"] for port in service["spec"]["ports"]}
    # The browser's page is on the Ingress host: the server must accept websockets from it.
    env = {item["name"]: item["value"] for item in container_spec()["env"]}
    assert rule["host"] in ServerSettings.from_env(env).allowed_origins
