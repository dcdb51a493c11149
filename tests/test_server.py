"""The course server: the kit's container image and JupyterHub for a class, tested for real.

1. The image builds from environment/image/Containerfile (podman + runc, on a Debian base made from
   Debian's archive with debootstrap) and runs notebook 00 inside, headless, with its checks passing.
2. A course round trip on a hub with real Linux users (made with useradd, removed after): an
   instructor releases a problem set, three students fetch, fill in (model, blank, partial) and
   submit, the instructor collects, autogrades and releases feedback, the students fetch it; the
   scores are read from the gradebook.
3. Load: KIT_LOAD_STUDENTS (default 10) students start servers and kernels at the same time through
   the hub (REST API with an admin service token, kernels over their websocket channels) and run
   notebook 00; all checks pass; peak memory, time to first plot and total time are reported; after
   the servers stop, no kernel process is left.

The hub runs in a container of the image's `hub` target (a one-machine course server: Debian trixie,
whose Python can install the kit's lock), published on 127.0.0.1 only. Images are reused while the
repository's content is unchanged (environment/image/build.sh keys their tags on a hash of it).

All of this is marked `server`: `./kit test` runs it, `./kit test -m "not server"` skips it.
Needs root (containers, useradd); the build installs podman, runc and debootstrap if missing.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import report_line

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "environment" / "image" / "build.sh"
NOTEBOOK_00 = ROOT / "notebooks" / "00-start-here.ipynb"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
ULIMITS = ["--ulimit", "nofile=10000:10000", "--ulimit", "nproc=10000:10000"]
LOAD_STUDENTS = int(os.environ.get("KIT_LOAD_STUDENTS", "10"))
FIGURES: dict[str, object] = {}

if os.geteuid() != 0:
    pytest.skip("the server tests need root (containers, useradd)", allow_module_level=True)


def podman(*args, check=True, timeout=600, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(["podman", "--runtime", "runc", *args], check=check, timeout=timeout,
                          capture_output=True, text=True, **kw)


@pytest.fixture(scope="module", autouse=True)
def report_figures(request):
    yield
    if FIGURES:
        for key, value in FIGURES.items():
            report_line("course server figures (also in build/server-figures.json)", f"{key}: {value}")
        out = ROOT / "build" / "server-figures.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(FIGURES, indent=2) + "\n")


def build_image(target: str) -> str:
    start = time.monotonic()
    proc = subprocess.run(["nice", str(BUILD), "--target", target, "--local-base"], capture_output=True,
                          text=True, timeout=1500, env={**os.environ, "KIT_CONTAINER_ENGINE": "podman"})
    if proc.returncode != 0:
        pytest.fail(f"building the {target} image failed:\n{proc.stderr[-6000:]}", pytrace=False)
    tag = proc.stdout.strip().splitlines()[-1]
    seconds = time.monotonic() - start
    reused = "exists (same repository content)" in proc.stderr
    size = int(podman("image", "inspect", "--format", "{{.Size}}", tag).stdout.strip())
    FIGURES[f"image {target}"] = (f"{tag}, {size / 1e6:.0f} MB, "
                                  + ("reused from an earlier build" if reused else f"built in {seconds:.0f} s"))
    return tag


@pytest.fixture(scope="module")
def hub_image() -> str:
    return build_image("hub")


@pytest.fixture(scope="module")
def kit_image(hub_image) -> str:
    # The hub target first: podman builds its two independent stages (Python + library, proxy) in
    # parallel; the single-user image then reuses every layer but its last few.
    return build_image("kit")


# --------------------------------------------------------------------------------------------------
# 1. the image
# --------------------------------------------------------------------------------------------------
RUN_00 = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, "/opt/kit/environment")
import kit_notebooks
nb, seconds = kit_notebooks.execute(Path.home() / "curse-of-memory/notebooks/00-start-here.ipynb")
outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
texts = [o.get("text", "") if o.get("output_type") == "stream" else json.dumps(o.get("data", {})) for o in outputs]
print(json.dumps({
    "seconds": seconds,
    "plots": sum(1 for o in outputs if "%s" in o.get("data", {})),
    "errors": [o for o in outputs if o.get("output_type") == "error"],
    "stderr": [o.get("text") for o in outputs if o.get("name") == "stderr"],
    "checks": sum(t.count("\u2714") for t in texts),
}))
""" % PLOTLY_MIME


@pytest.mark.timeout(1800)  # includes the image build on a clean machine
def test_image_runs_notebook_00(kit_image):
    # no network inside: the notebook needs nothing from outside
    proc = podman("run", "--rm", "--network", "none", *ULIMITS, kit_image, "python", "-c", RUN_00,
                  check=False, timeout=600)
    assert proc.returncode == 0, f"notebook 00 failed in the image:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["errors"] == [] and result["stderr"] == []
    assert result["plots"] >= 2, result
    assert result["checks"] >= 1, result
    FIGURES["notebook 00 in the image"] = f"{result['seconds']:.1f} s, {result['plots']} plots, {result['checks']} checks passed"

    # what a Zero to JupyterHub single-user image needs
    probe = podman("run", "--rm", "--network", "none", *ULIMITS, kit_image, "sh", "-c",
                   "id -u; jupyterhub-singleuser --version; java -version 2>&1 | head -n1; "
                   "python -c 'import nbgrader; print(nbgrader.__version__)' 2>/dev/null || echo no-nbgrader; "
                   "jupyter kernelspec list --json; readlink -f ~/curse-of-memory/lib; "
                   "ls /usr/local/share/ca-certificates | wc -l", check=False)
    lines = probe.stdout.splitlines()
    assert lines[0] == "1000", probe.stdout  # not root
    assert lines[1] == "5.5.4", probe.stdout  # the hub's version
    assert re.search(r'version "(1[7-9]|[2-9]\d)', lines[2]), lines[2]
    assert "java" in probe.stdout and "/opt/kit/lib" in probe.stdout
    assert lines[-1] == "0", "the build host's CA certificates must not be in the image"


def test_image_keeps_no_build_host_certificate(kit_image):
    extra = [p for p in Path("/usr/local/share/ca-certificates").glob("**/*.crt")]
    if not extra:
        pytest.skip("this build host has no extra CA certificates")
    bundle = podman("run", "--rm", "--network", "none", *ULIMITS, kit_image, "cat",
                    "/etc/ssl/certs/ca-certificates.crt").stdout
    for cert in extra:
        body = "".join(cert.read_text().split("-----")[2].split())
        assert body[40:120] not in "".join(bundle.split()), f"{cert} was baked into the image"


# --------------------------------------------------------------------------------------------------
# the hub: a container of the `hub` target, on 127.0.0.1 only
# --------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    def __init__(self, name: str, port: int, token: str):
        self.name, self.port, self.token = name, port, token
        self.url = f"http://127.0.0.1:{port}"

    def request(self, method: str, path: str, body=None, timeout=60, raw=False):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            text = resp.read().decode()
        if raw:
            return text
        return json.loads(text) if text.strip() else None

    def exec(self, *cmd: str, user: str | None = None, check=True, timeout=300) -> str:
        args = ["exec"] + (["--user", user] if user else []) + [self.name, *cmd]
        proc = podman(*args, check=False, timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} failed in the hub container:\n{proc.stdout}\n{proc.stderr}")
        return proc.stdout

    def add_users(self, group: str, names: list[str]) -> None:
        script = "; ".join(f"useradd --create-home --gid {group} {n}" for n in names)
        self.exec("sh", "-c", f"getent group {group} >/dev/null || groupadd {group}; {script}")
        self.request("POST", "/hub/api/users", {"usernames": names})

    def remove_users(self, names: list[str]) -> None:
        for n in names:
            try:
                self.request("DELETE", f"/hub/api/users/{n}")
            except urllib.error.HTTPError:
                pass
        self.exec("sh", "-c", "; ".join(f"userdel --remove {n} 2>/dev/null" for n in names) + "; true")

    def start_server(self, user: str, timeout=240) -> None:
        try:
            self.request("POST", f"/hub/api/users/{user}/server")
        except urllib.error.HTTPError as err:
            if err.code != 400:  # 400: already running
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.request("GET", f"/hub/api/users/{user}")
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"{user}'s server was not ready within {timeout} s:\n{self.logs()}")

    def stop_server(self, user: str, timeout=120) -> None:
        try:
            self.request("DELETE", f"/hub/api/users/{user}/server")
        except urllib.error.HTTPError as err:
            if err.code != 400:
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.request("GET", f"/hub/api/users/{user}").get("servers"):
                return
            time.sleep(0.5)
        raise AssertionError(f"{user}'s server did not stop within {timeout} s")

    def container_pid(self) -> int:
        return int(podman("inspect", "--format", "{{.State.Pid}}", self.name).stdout.strip())

    def logs(self) -> str:
        return podman("logs", "--tail", "60", self.name, check=False).stderr[-6000:]


@pytest.fixture(scope="module")
def hub(hub_image):
    port, token = free_port(), secrets.token_hex(32)
    name = f"kit-hub-test-{uuid.uuid4().hex[:8]}"
    podman("run", "-d", "--rm", "--name", name, "-p", f"127.0.0.1:{port}:8000", *ULIMITS,
           "-e", "KIT_HUB_BIND_URL=http://:8000", "-e", f"KIT_HUB_ADMIN_TOKEN={token}", hub_image)
    h = Hub(name, port, token)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                h.request("GET", "/hub/api/", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    raise AssertionError(f"the hub did not answer within 90 s:\n{h.logs()}")
                time.sleep(0.5)
        yield h
    finally:
        podman("stop", "-t", "60", name, check=False, timeout=120)
        podman("rm", "-f", name, check=False)


# --------------------------------------------------------------------------------------------------
# kernels over the websocket, as JupyterLab talks to them
# --------------------------------------------------------------------------------------------------
def code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text())
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


async def run_cells(hub: Hub, user: str, notebook_path: str, cells: list[str], t0: float) -> dict:
    """Opens a session on the notebook (so the kernel starts in its folder), runs the cells one by
    one over the kernel's websocket and returns what came back."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    session = await asyncio.to_thread(hub.request, "POST", f"/user/{user}/api/sessions",
                                      {"path": notebook_path, "type": "notebook", "name": "",
                                       "kernel": {"name": "java"}}, 180)
    kernel_id = session["kernel"]["id"]
    ws_url = hub.url.replace("http", "ws") + f"/user/{user}/api/kernels/{kernel_id}/channels"
    conn = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {hub.token}"},
                                               request_timeout=120, connect_timeout=120))
    result = {"errors": [], "stderr": [], "plots": 0, "checks": 0, "first_plot_s": None}
    try:
        for source in cells:
            msg_id = uuid.uuid4().hex
            conn.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user,
                           "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": source, "silent": False, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))
            idle = replied = False
            deadline = time.monotonic() + 300
            while not (idle and replied):
                raw = await asyncio.wait_for(conn.read_message(), timeout=max(1.0, deadline - time.monotonic()))
                if raw is None:
                    raise AssertionError(f"{user}: the kernel's websocket closed")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "status" and content.get("execution_state") == "idle":
                    idle = True
                elif kind == "execute_reply":
                    replied = True
                    if content.get("status") != "ok":
                        result["errors"].append(f"{content.get('ename')}: {content.get('evalue')}")
                elif kind == "error":
                    result["errors"].append(f"{content.get('ename')}: {content.get('evalue')}")
                elif kind == "stream":
                    if content.get("name") == "stderr":
                        result["stderr"].append(content.get("text"))
                    result["checks"] += content.get("text", "").count("\u2714")
                elif kind in ("display_data", "execute_result"):
                    data = content.get("data", {})
                    result["checks"] += json.dumps(data).count("\\u2714") + json.dumps(data, ensure_ascii=False).count("\u2714")
                    if PLOTLY_MIME in data:
                        result["plots"] += 1
                        if result["first_plot_s"] is None:
                            result["first_plot_s"] = time.monotonic() - t0
            if result["errors"]:
                break
    finally:
        conn.close()
    return result


# --------------------------------------------------------------------------------------------------
# memory and processes, read from the host's /proc (the container's processes are ours to see)
# --------------------------------------------------------------------------------------------------
def container_processes(hub_pid: int) -> list[tuple[int, int, str]]:
    """(pid, uid, cmdline) of every process in the hub container (same PID namespace as its init)."""
    try:
        ns = os.readlink(f"/proc/{hub_pid}/ns/pid")
    except OSError:
        return []
    procs = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if os.readlink(f"/proc/{entry.name}/ns/pid") != ns:
                continue
            uid = os.stat(f"/proc/{entry.name}").st_uid
            cmd = Path(f"/proc/{entry.name}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        procs.append((int(entry.name), uid, cmd))
    return procs


def rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class MemorySampler(threading.Thread):
    """Samples the container's total RSS and each user's RSS every 0.5 s; keeps the peaks."""

    def __init__(self, hub_pid: int):
        super().__init__(daemon=True)
        self.hub_pid, self.stop_event = hub_pid, threading.Event()
        self.peak_total, self.peak_by_uid = 0, {}

    def run(self):
        while not self.stop_event.is_set():
            by_uid: dict[int, int] = {}
            for pid, uid, _ in container_processes(self.hub_pid):
                by_uid[uid] = by_uid.get(uid, 0) + rss_bytes(pid)
            self.peak_total = max(self.peak_total, sum(by_uid.values()))
            for uid, value in by_uid.items():
                self.peak_by_uid[uid] = max(self.peak_by_uid.get(uid, 0), value)
            self.stop_event.wait(0.5)


def kernel_processes(hub: Hub) -> list[tuple[int, int, str]]:
    return [p for p in container_processes(hub.container_pid()) if "jjava" in p[2]]


# --------------------------------------------------------------------------------------------------
# 3. load
# --------------------------------------------------------------------------------------------------
@pytest.mark.timeout(1800)  # includes the hub image build on a clean machine
def test_load_students_run_notebook_00_at_once(hub):
    students = [f"load{i:02d}" for i in range(1, LOAD_STUDENTS + 1)]
    cells = code_cells(NOTEBOOK_00)
    hub.add_users("course-students", students)
    hub_pid = hub.container_pid()
    idle_rss = sum(rss_bytes(p) for p, _, _ in container_processes(hub_pid))
    sampler = MemorySampler(hub_pid)
    sampler.start()
    try:
        async def student(name: str) -> dict:
            t0 = time.monotonic()
            await asyncio.to_thread(hub.start_server, name)
            ready = time.monotonic() - t0
            result = await run_cells(hub, name, "curse-of-memory/notebooks/00-start-here.ipynb", cells, t0)
            result.update(user=name, server_ready_s=ready, done_s=time.monotonic() - t0)
            return result

        async def everyone():
            return await asyncio.gather(*(student(n) for n in students), return_exceptions=True)

        start = time.monotonic()
        results = asyncio.run(asyncio.wait_for(everyone(), timeout=540))
        total = time.monotonic() - start
        failures = [r for r in results if isinstance(r, BaseException)]
        assert not failures, f"{len(failures)} students failed: {failures[:3]!r}\n{hub.logs()}"
        for r in results:
            assert r["errors"] == [], f"{r['user']}: {r['errors']}"
            assert r["stderr"] == [], f"{r['user']} wrote to stderr: {r['stderr']}"
            assert r["plots"] >= 2 and r["checks"] >= 1, r

        # per student at the end of notebook 00: memory and CPU of that user's processes
        procs = container_processes(hub_pid)
        uids = {name: int(hub.exec("id", "-u", name).strip()) for name in students}
        rss_by_user = {n: sum(rss_bytes(p) for p, u, _ in procs if u == uid) for n, uid in uids.items()}
        student_uids = set(uids.values())
        by_part: dict[str, list[int]] = {"server": [], "launcher JVM": [], "kernel JVM": []}
        for pid, uid, cmd in procs:
            if uid in student_uids:
                part = ("launcher JVM" if "jjava-launcher" in cmd else "kernel JVM" if "jjava" in cmd
                        else "server" if "jupyterhub-singleuser" in cmd else None)
                if part:
                    by_part[part].append(rss_bytes(pid))
        cpu_by_user = {n: sum(cpu_seconds(p) for p, u, _ in procs if u == uid) for n, uid in uids.items()}
        assert not by_part["launcher JVM"], "the image's kernelspec still starts JJava's launcher JVM beside each kernel"
    finally:
        sampler.stop_event.set()
        sampler.join()

    # stop every server while its kernel is still running (as the idle culler or an admin would)
    stop_start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(len(students)) as pool:
        list(pool.map(hub.stop_server, students))
    stop_s = time.monotonic() - stop_start
    time.sleep(2)
    orphans = kernel_processes(hub)
    hub.remove_users(students)
    swept = podman("logs", hub.name, check=False).stderr.count("kernel process(es) left by load")

    first = sorted(r["first_plot_s"] for r in results)
    mib = 1024 * 1024
    per_user = sorted(v / mib for v in rss_by_user.values())
    FIGURES["load: students"] = len(students)
    FIGURES["load: total time (all started at once, all done)"] = f"{total:.0f} s"
    FIGURES["load: time to first plot per student (min/median/max)"] = (
        f"{first[0]:.0f} / {first[len(first) // 2]:.0f} / {first[-1]:.0f} s")
    FIGURES["load: server ready (max)"] = f"{max(r['server_ready_s'] for r in results):.0f} s"
    FIGURES["load: peak memory of the hub container (RSS)"] = f"{sampler.peak_total / mib:.0f} MiB (idle hub: {idle_rss / mib:.0f} MiB)"
    FIGURES["load: memory per student after notebook 00 (min/median/max RSS)"] = (
        f"{per_user[0]:.0f} / {per_user[len(per_user) // 2]:.0f} / {per_user[-1]:.0f} MiB")
    FIGURES["load: parts of a student's memory (median RSS)"] = ", ".join(
        f"{part} {sorted(v)[len(v) // 2] / mib:.0f} MiB" for part, v in by_part.items() if v)
    FIGURES["load: peak memory per student (max RSS)"] = f"{max(sampler.peak_by_uid.get(u, 0) for u in uids.values()) / mib:.0f} MiB"
    FIGURES["load: CPU per student for notebook 00 (median)"] = f"{sorted(cpu_by_user.values())[len(students) // 2]:.1f} s"
    FIGURES["load: stopping all servers"] = f"{stop_s:.0f} s"
    FIGURES["load: servers whose kernels the hub's post-stop hook had to stop"] = swept
    FIGURES["load: orphaned kernel processes"] = len(orphans)
    assert orphans == [], f"kernel processes left after the servers stopped: {orphans}"


# --------------------------------------------------------------------------------------------------
# 2. a course round trip through the hub: formgrader (instructor) and assignment list (students)
# --------------------------------------------------------------------------------------------------
COURSE_ID = "curse-of-memory"
PROBLEM_SET = "ps1-memory-kernels"


def _filled(release: dict, source: dict, answers: int | None) -> dict:
    """The student's copy with the model's answers in its first `answers` code answer cells (all
    answer cells, written ones too, if None); every other cell stays as released."""
    model = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in source["cells"]
             if c["metadata"].get("nbgrader", {}).get("solution")}
    done = 0
    for cell in release["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if not meta.get("solution"):
            continue
        if answers is None or (cell["cell_type"] == "code" and done < answers):
            cell["source"] = model[meta["grade_id"]]
            done += cell["cell_type"] == "code"
    return release


@pytest.mark.timeout(1800)  # includes the hub image build on a clean machine
def test_course_round_trip(hub):
    template = ROOT / "course" / "templates" / "feedback" / "kit-feedback.html.j2"
    assert template.is_file(), (f"{template.relative_to(ROOT)} is missing from the repository: the course's "
                                "nbgrader_config.py uses it for feedback pages (is it hidden by course/.gitignore?)")
    instructor = "teacher"
    students = {"ada": None, "ben": 0, "cy": 2}  # model (every answer), blank, partial (2 of 4 answers)
    source = json.loads((ROOT / "course" / "source" / PROBLEM_SET / f"{PROBLEM_SET}.ipynb").read_text())
    hub.add_users("course-instructors", [instructor])
    hub.add_users("course-students", list(students))
    start = time.monotonic()
    try:
        fg = f"/user/{instructor}/formgrader/api"
        hub.start_server(instructor)
        for step in ("assign", "release"):
            out = hub.request("POST", f"{fg}/assignment/{PROBLEM_SET}/{step}", {}, timeout=600)
            assert out.get("success"), f"formgrader {step}: {out}"
        for name in students:
            hub.start_server(name)
        body = {"course_id": COURSE_ID, "assignment_id": PROBLEM_SET}
        path = f"{PROBLEM_SET}/{PROBLEM_SET}.ipynb"
        for name, answers in students.items():
            listing = hub.request("POST", f"/user/{name}/assignments/fetch", body)
            assert listing.get("success"), listing
            release = hub.request("GET", f"/user/{name}/api/contents/{path}")["content"]
            assert "BEGIN SOLUTION" not in json.dumps(release) and "HIDDEN" not in json.dumps(release)
            filled = release if answers == 0 else _filled(release, source, answers)
            hub.request("PUT", f"/user/{name}/api/contents/{path}",
                        {"type": "notebook", "format": "json", "content": filled})
            out = hub.request("POST", f"/user/{name}/assignments/submit", body)
            assert out.get("success"), out

        out = hub.request("POST", f"{fg}/assignment/{PROBLEM_SET}/collect", {}, timeout=300)
        assert out.get("success"), out
        for name in students:
            out = hub.request("POST", f"{fg}/submission/{PROBLEM_SET}/{name}/autograde", {}, timeout=900)
            assert out.get("success"), f"autograde {name}: {out.get('log', '')[-4000:]}\n{out.get('error', '')[-2000:]}"
        for step in ("generate_feedback", "release_feedback"):
            out = hub.request("POST", f"{fg}/assignment/{PROBLEM_SET}/{step}", {}, timeout=900)
            assert out.get("success"), f"{step}: {out.get('log', '')[-4000:]}\n{out.get('error', '')[-2000:]}"

        pages = {}
        for name in students:
            hub.request("POST", f"/user/{name}/assignments/fetch_feedback", body)
            folder = hub.request("GET", f"/user/{name}/api/contents/{PROBLEM_SET}/feedback")
            stamps = [e["path"] for e in folder["content"] if e["type"] == "directory"]
            assert stamps, f"{name} got no feedback"
            html = [e["name"] for e in hub.request("GET", f"/user/{name}/api/contents/{urllib.parse.quote(stamps[0])}")["content"]]
            pages[name] = html
            assert f"{PROBLEM_SET}.html" in html, html

        db = f"/home/{instructor}/curse-of-memory/course/gradebook.db"
        scores = json.loads(hub.exec("python", "-c", f"""
import json
from nbgrader.api import Gradebook
with Gradebook("sqlite:///{db}") as gb:
    print(json.dumps({{s.student.id: [s.code_score, s.max_code_score, s.score, s.max_score]
                      for s in gb.assignment_submissions("{PROBLEM_SET}")}}))
""", user=instructor).strip().splitlines()[-1])
    finally:
        for name in [instructor, *students]:
            try:
                hub.stop_server(name)
            except (AssertionError, urllib.error.URLError):
                pass
        hub.remove_users([instructor, *students])

    FIGURES["round trip: problem set"] = PROBLEM_SET
    for name, (code, max_code, score, max_score) in scores.items():
        kind = {None: "model", 0: "blank"}.get(students[name], f"partial ({students[name]} of 4 answers)")
        FIGURES[f"round trip: {name} ({kind})"] = f"autograded {code:g}/{max_code:g}, total {score:g}/{max_score:g} (written answer left to the instructor)"
    FIGURES["round trip: time"] = f"{time.monotonic() - start:.0f} s"
    assert set(scores) == set(students)
    code, max_code = scores["ada"][0], scores["ada"][1]
    assert max_code > 0 and code == max_code, scores["ada"]
    assert scores["ben"][0] == 0, scores["ben"]
    assert 0 < scores["cy"][0] < max_code, scores["cy"]
