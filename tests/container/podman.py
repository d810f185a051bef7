"""Building and running the repository's Dockerfile for real on a machine without a Docker engine:
Debian's podman as root (runc, cgroupfs, vfs storage, chroot isolation, host network), with a
debian:bookworm-slim base image made locally by debootstrap because no image registry is reachable.

Every test session gets its own podman store (a temporary directory), so parallel runs never see
each other's containers and cleanup is one `rm -rf`. Only the debootstrap tarball is cached, in
CACHE_DIR, outside the repository, because making it takes long (35-60 s) and needs the mirror.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = Path(os.environ.get("SOFTMAX_LAB_CONTAINER_CACHE", "/var/tmp/softmax-lab-containers"))
DEBIAN_MIRROR = os.environ.get("SOFTMAX_LAB_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# What `FROM debian:bookworm-slim` resolves to; the Dockerfile's own name for its base.
BASE_IMAGE = "docker.io/library/debian:bookworm-slim"
# Bump when the recipe below changes, so a cached tarball of the old recipe is not reused.
BASE_RECIPE = "bookworm-minbase-v1"
REQUIRED_TOOLS = ("podman", "runc", "debootstrap")
# This machine's limits for processes in a container are lower than podman's defaults.
ULIMITS = ("--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096")
INSTALL_HINT = "run 'bash scripts/install-container-tools.sh' as root"

# The official debian:*-slim images carry these; the base made here should behave the same under apt.
_SOURCES = """\
Types: deb
URIs: {mirror}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: {security}
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""
_DPKG_SLIM = """\
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
"""


class CommandError(RuntimeError):
    """A podman (or debootstrap) command failed; the message carries its output's tail."""


def missing_tools() -> list[str]:
    """The container tools this machine lacks (root's PATH has /usr/sbin, where runc lives)."""
    path = os.environ.get("PATH", "") + os.pathsep + "/usr/sbin:/sbin"
    return [tool for tool in REQUIRED_TOOLS if shutil.which(tool, path=path) is None]


def run(args: Sequence[str], timeout: float, log: Path | None = None, check: bool = True,
        label: str = "") -> subprocess.CompletedProcess[str]:
    """Run a command with a deadline; its output is appended to `log` when given. `label` names the
    command in an error (podman's store options would otherwise fill the message)."""
    started = time.monotonic()
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, check=False,
                            stdin=subprocess.DEVNULL)
    if log is not None:
        with log.open("a") as out:
            out.write(f"$ {' '.join(args)}  # {time.monotonic() - started:.1f} s, exit {result.returncode}\n")
            out.write(result.stdout + result.stderr + "\n")
    if check and result.returncode != 0:
        tail = (result.stdout + result.stderr)[-3000:]
        raise CommandError(f"{label or ' '.join(args)} exited {result.returncode}:\n{tail}")
    return result


def run_streamed(args: Sequence[str], timeout: float, log: Path, label: str = "") -> None:
    """Run a long command (a build) with its output written to `log` as it comes, each line stamped
    with the seconds since the start, so a slow step shows in CI's artifacts; killed at the deadline."""
    started = time.monotonic()
    with log.open("a") as out:
        out.write(f"$ {' '.join(args)}\n")
        process = subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   stdin=subprocess.DEVNULL)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        tail: list[str] = []
        try:
            assert process.stdout is not None
            for line in process.stdout:
                out.write(f"{time.monotonic() - started:7.1f} {line}")
                tail = [*tail[-40:], line]
            process.wait()
        finally:
            watchdog.cancel()
        out.write(f"# {time.monotonic() - started:.1f} s, exit {process.returncode}\n")
    if process.returncode != 0:
        late = " (killed at the deadline)" if time.monotonic() - started >= timeout else ""
        raise CommandError(f"{label or ' '.join(args)} exited {process.returncode}{late}:\n{''.join(tail)}")


def _unmount_under(path: Path) -> None:
    """Unmount whatever a failed debootstrap left mounted (proc, sys) before deleting its tree."""
    prefix = str(path.resolve()) + "/"
    with open("/proc/mounts") as mounts:
        targets = [line.split()[1] for line in mounts if line.split()[1].startswith(prefix)]
    for target in sorted(targets, key=len, reverse=True):
        subprocess.run(["umount", "-l", target], timeout=30, check=False)


def _ca_bundle() -> Path | None:
    """The CA bundle this machine's own pip trusts (a TLS-inspecting proxy's CA may be in it)."""
    for candidate in (os.environ.get("PIP_CERT"), os.environ.get("SSL_CERT_FILE"),
                      ssl.get_default_verify_paths().cafile, "/etc/ssl/certs/ca-certificates.crt"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def base_tarball(log: Path) -> Path:
    """The debian:bookworm-slim stand-in as a tar of its root filesystem, made once and cached.

    A file lock makes concurrent test runs wait for one debootstrap instead of racing; the
    tarball appears under its final name only when complete."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tarball = CACHE_DIR / f"debian-{BASE_RECIPE}.tar"
    with open(CACHE_DIR / "base.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if tarball.exists():
            return tarball
        work = Path(tempfile.mkdtemp(prefix="debootstrap-", dir=CACHE_DIR))
        rootfs = work / "rootfs"
        try:
            run(["debootstrap", "--variant=minbase", "bookworm", str(rootfs), DEBIAN_MIRROR],
                timeout=900, log=log)
            for leftover in ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc",
                             "usr/share/man", "usr/share/info"):
                for entry in (rootfs / leftover).glob("*"):
                    if entry.is_file():
                        entry.unlink()
                    elif entry.is_dir() and entry.name != "partial":
                        shutil.rmtree(entry)
            (rootfs / "etc/apt/sources.list").unlink(missing_ok=True)
            security = DEBIAN_MIRROR.rstrip("/") + "-security"
            (rootfs / "etc/apt/sources.list.d/debian.sources").write_text(
                _SOURCES.format(mirror=DEBIAN_MIRROR, security=security))
            (rootfs / "etc/apt/apt.conf.d/docker-no-languages").write_text('Acquire::Languages "none";\n')
            (rootfs / "etc/dpkg/dpkg.cfg.d/docker-slim").write_text(_DPKG_SLIM)
            partial = work / "rootfs.tar"
            run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(partial), "."], timeout=300, log=log)
            partial.rename(tarball)
        finally:
            _unmount_under(work)
            shutil.rmtree(work, ignore_errors=True)
    return tarball


class Podman:
    """podman confined to a store of its own, with the flags that work on this machine."""

    def __init__(self, store: Path, log: Path) -> None:
        self.store = store
        self.log = log
        (store / "tmp").mkdir(parents=True, exist_ok=True)
        self.base_args = [
            "podman", "--root", str(store / "storage"), "--runroot", str(store / "run"),
            "--storage-driver", "vfs", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
            "--events-backend", "file", "--tmpdir", str(store / "tmp"),
        ]

    def __call__(self, *args: str, timeout: float = 60,
                 check: bool = True) -> subprocess.CompletedProcess[str]:
        return run([*self.base_args, *args], timeout=timeout, log=self.log, check=check,
                   label=f"podman {' '.join(args)}")

    def import_base(self, tarball: Path) -> None:
        self("import", "--quiet", "--change", 'CMD ["bash"]', str(tarball), BASE_IMAGE, timeout=300)

    def build(self, tag: str, context: Path = ROOT) -> None:
        """`podman build` of the unchanged Dockerfile. Build-time only: the host's CA bundle for pip,
        mounted with a pip.conf at /etc/xdg/pip (pip's site-wide config directory)."""
        pip_dir = self.store / "pip"
        pip_dir.mkdir(exist_ok=True)
        lines = ["[global]", "timeout = 60"]
        bundle = _ca_bundle()
        if bundle is not None:
            shutil.copyfile(bundle, pip_dir / "ca.pem")
            lines.append("cert = /etc/xdg/pip/ca.pem")
        index = os.environ.get("PIP_INDEX_URL", "")
        if index.startswith(("http://", "https://")):  # a mirror; a local path would not exist in the build
            lines.append(f"index-url = {index}")
        (pip_dir / "pip.conf").write_text("\n".join(lines) + "\n")
        run_streamed([*self.base_args, "build", "--pull=never", "--layers=false", "--format", "docker",
                      "--isolation", "chroot", "--network", "host", *ULIMITS,
                      "--volume", f"{pip_dir}:/etc/xdg/pip:ro", "--tag", tag,
                      "--file", str(context / "Dockerfile"), str(context)], timeout=1200, log=self.log,
                     label=f"podman build of {context / 'Dockerfile'}")

    def inspect_image(self, tag: str) -> dict:
        """`podman image inspect`: Config (User, ExposedPorts, Env, Cmd), Healthcheck, Size."""
        return json.loads(self("image", "inspect", tag).stdout)[0]

    def start(self, name: str, tag: str, env: dict[str, str], extra: Sequence[str] = ()) -> None:
        """Run detached on the host's network (no bridge, no iptables), hardened as the Kubernetes
        manifest runs it: read-only root filesystem with a /tmp tmpfs, no capabilities.
        The healthcheck timer is off (it needs systemd); tests run the check with `podman healthcheck`."""
        env_args = [arg for key, value in env.items() for arg in ("--env", f"{key}={value}")]
        self("run", "--detach", "--name", name, "--network", "host", *ULIMITS, "--read-only",
             "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--health-interval", "disable",
             *env_args, *extra, tag, timeout=120)

    def running(self, name: str) -> bool:
        result = self("inspect", "--format", "{{.State.Running}}", name, check=False)
        return result.stdout.strip() == "true"

    def logs(self, name: str) -> str:
        result = self("logs", name, check=False)
        return result.stdout + result.stderr

    def remove_everything(self) -> None:
        """Every container and image of this store, then the store itself."""
        self("rm", "--all", "--force", "--time", "5", timeout=120, check=False)
        self("rmi", "--all", "--force", timeout=120, check=False)
        _unmount_under(self.store)
        shutil.rmtree(self.store, ignore_errors=True)


def _remove_abandoned_stores(log: Path) -> None:
    """Stores of test runs killed before their cleanup (owner process gone): their containers may
    still be running (conmon outlives pytest), so they are removed through podman first."""
    for store in CACHE_DIR.glob("store-*"):
        try:
            owner = int((store / "owner.pid").read_text())
        except (OSError, ValueError):
            try:
                if time.time() - store.stat().st_mtime < 600:
                    continue  # just made by a run that has not written its owner yet
            except OSError:
                continue  # removed meanwhile
        else:
            try:
                os.kill(owner, 0)
                continue  # still running
            except ProcessLookupError:
                pass
            except PermissionError:
                continue  # alive, another user's
        Podman(store, log).remove_everything()


@contextmanager
def podman_store(log: Path) -> Iterator[Podman]:
    """A fresh podman store holding the base image; everything in it is removed on exit."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_stores(log)
    store = Path(tempfile.mkdtemp(prefix="store-", dir=CACHE_DIR))
    (store / "owner.pid").write_text(str(os.getpid()))
    podman = Podman(store, log)
    try:
        yield podman
    finally:
        podman.remove_everything()
