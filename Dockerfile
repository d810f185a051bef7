# softmax-lab served by Panel/Bokeh: docs/deployment.md says how to build, run and scale it.
# Debian's own Python 3.11 (the version the pins in requirements.txt are for) on bookworm-slim;
# two stages so that the runtime image has no pip, no venv tooling and no apt lists.

FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 python3-venv=3.11.2-1+b1 \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
# The libraries' own test suites (pandas alone ships 46 MB of them) are never imported by the server.
RUN python3 -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check --require-virtualenv \
        -r /tmp/requirements.txt \
    && /opt/venv/bin/pip uninstall --yes --disable-pip-version-check pip setuptools \
    && find /opt/venv/lib -type d -name tests -path '*/site-packages/*' -prune -exec rm -rf {} +

FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 tini=0.19.0-1+b3 \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 softmax \
    && useradd --uid 10001 --gid softmax --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin softmax
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# Owned by root and only readable by the server's user: a compromised session cannot rewrite the app.
COPY app.py ./
COPY components/ components/
COPY static/ static/

# Production server settings (components/serving/settings.py). One process per container: scale with
# replicas behind sticky sessions, not SOFTMAX_LAB_NUM_PROCS, so that a browser's page and its
# websocket always reach the process that holds its session. Set SOFTMAX_LAB_ALLOWED_ORIGINS to
# the public host[:port] the browser sees (e.g. softmax.example.org), else only localhost:5006 works.
# PYTHONMALLOC=malloc: memory of closed sessions goes back to the system (docs/memory.md); app.py
# would otherwise re-execute itself to set it.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONMALLOC=malloc \
    SOFTMAX_LAB_ADDRESS=0.0.0.0 \
    SOFTMAX_LAB_PORT=5006 \
    SOFTMAX_LAB_ALLOWED_ORIGINS="" \
    SOFTMAX_LAB_NUM_PROCS=1 \
    SOFTMAX_LAB_PREFIX="" \
    SOFTMAX_LAB_SESSION_LIFETIME_MS=15000

USER 10001:10001
EXPOSE 5006
# The same settings parser as the server, so a changed port or prefix is followed; stdlib urllib only.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; from components.serving.settings import ServerSettings; s = ServerSettings.from_env(os.environ); host = '127.0.0.1' if s.address in ('0.0.0.0', '::', '') else s.address; urllib.request.urlopen(f'http://{host}:{s.port}{s.prefix}/liveness', timeout=4)"]
# tini as PID 1 passes SIGTERM on to the server, which then stops at once: Python as PID 1 would
# ignore it, and every `docker stop` or pod replacement would wait for the SIGKILL (10-30 s).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "app.py"]
