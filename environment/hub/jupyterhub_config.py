"""JupyterHub for a course with the kit on one machine: real Linux users, one server each.

Start it with `./kit hub` (on a machine where every user can run the kit's Python) or with the
image's `hub` target (environment/image/Containerfile). Versions are pinned in
environment/hub/requirements.txt (jupyterhub, the idle culler) and environment/hub/package.json
(configurable-http-proxy). See docs/course-server.md for sizing and for Zero to JupyterHub.

Who is who: members of the Linux group KIT_STUDENTS_GROUP (default course-students) may log in;
members of KIT_INSTRUCTORS_GROUP (default course-instructors) too, and they are hub admins and get
the nbgrader course folder (~/curse-of-memory/course) on their first start. Passwords are the
users' own (PAM).

Settings from the environment (all optional):
  KIT_HUB_BIND_URL       where the hub listens (default http://127.0.0.1:8000: loopback only;
                         put an HTTPS reverse proxy in front for a class)
  KIT_HUB_ADMIN_TOKEN    if set, a service 'course-admin' with the admin role and this token (scripts,
                         tests: they act through the REST API and need no password)
  KIT_JVM_OPTS           the kernel JVM's options (default: a 512 MiB heap, serial GC; docs/course-server.md)
  KIT_CULL_IDLE_S        stop a server idle this long (default 3600 s); its kernels are stopped with it
  KIT_KERNEL_CULL_IDLE_S stop a kernel idle this long inside a running server (default 1800 s)
  KIT_EXCHANGE_ROOT      nbgrader's exchange folder (default /srv/nbgrader/exchange)
  KIT_COURSE_ID          nbgrader's course id (default curse-of-memory)
  KIT_HUB_DATA           the hub's database and cookie secret (default /srv/jupyterhub)
"""
import grp
import os
import pwd
import re
import shutil
import signal
import sys
import time
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub)

HERE = Path(__file__).resolve().parent
KIT_ROOT = Path(os.environ.get("KIT_ROOT", HERE.parent.parent))
VENV_BIN = Path(sys.prefix) / "bin"  # the hub runs from the kit's venv, which has jupyterhub-singleuser
STUDENTS = os.environ.get("KIT_STUDENTS_GROUP", "course-students")
INSTRUCTORS = os.environ.get("KIT_INSTRUCTORS_GROUP", "course-instructors")
EXCHANGE = Path(os.environ.get("KIT_EXCHANGE_ROOT", "/srv/nbgrader/exchange"))
COURSE_ID = os.environ.get("KIT_COURSE_ID", "curse-of-memory")
DATA = Path(os.environ.get("KIT_HUB_DATA", "/srv/jupyterhub"))
# the kernel's defaults of environment/setup.sh: bounded heap, serial collector, C2 only for the kit's
# numerics and the student's cells (environment/kernel-jit.json; JJava splits the options at blanks)
_JIT = KIT_ROOT / "environment" / "kernel-jit.json"
JVM_OPTS = os.environ.get("KIT_JVM_OPTS", "-Xms32m -Xmx512m -XX:+UseSerialGC" + (
    "" if re.search(r"\s", str(_JIT)) else
    f" -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile={_JIT} -XX:-DisplayVMOutput"))
# Where ./kit's set-up wrote the kit's "java" kernelspec (kit_kernelspec in environment/setup.sh: the
# kernel JVM without JJava's launcher JVM); the image has none there and rewrote JJava's own instead.
_KIT_KERNELSPECS = KIT_ROOT / ".kit" / "jupyter"
JUPYTER_PATH = os.pathsep.join(
    ([str(_KIT_KERNELSPECS)] if (_KIT_KERNELSPECS / "kernels" / "java" / "kernel.json").is_file() else [])
    + [str(Path(sys.prefix) / "share/jupyter")])
CULL_IDLE_S = int(os.environ.get("KIT_CULL_IDLE_S", "3600"))
KERNEL_CULL_IDLE_S = int(os.environ.get("KIT_KERNEL_CULL_IDLE_S", "1800"))

# --- the hub itself ---------------------------------------------------------------------------------
DATA.mkdir(parents=True, exist_ok=True)
os.chmod(DATA, 0o700)
c.JupyterHub.bind_url = os.environ.get("KIT_HUB_BIND_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"
c.JupyterHub.db_url = f"sqlite:///{DATA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(DATA / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(DATA / "proxy.pid")
c.JupyterHub.default_url = "/hub/home"
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every server (and so every kernel)

# --- who may log in ---------------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_groups = {STUDENTS, INSTRUCTORS}
c.Authenticator.admin_groups = {INSTRUCTORS}
c.LocalAuthenticator.create_system_users = False  # accounts are made by the machine's admin

services = []
roles = []
token = os.environ.get("KIT_HUB_ADMIN_TOKEN")
if token:
    services.append({"name": "course-admin", "api_token": token})
    roles.append({"name": "admin", "services": ["course-admin"]})

# --- idle culling: servers by the hub's culler, kernels by each server ------------------------------
services.append({
    "name": "idle-culler",
    "command": [str(VENV_BIN / "python"), "-m", "jupyterhub_idle_culler",
                f"--timeout={CULL_IDLE_S}", f"--cull-every={max(60, CULL_IDLE_S // 10)}"],
})
roles.append({
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
})
c.JupyterHub.services = services
c.JupyterHub.load_roles = roles

# --- each user's server -----------------------------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"
# kit-home lays out ~/curse-of-memory (the user's copy of the notebooks, a link to the built library)
c.Spawner.cmd = ["/bin/sh", str(KIT_ROOT / "environment/image/kit-home.sh"),
                 str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# Stop: SIGINT (a clean stop, see environment/hub/jupyter/jupyter_server_config.py) shuts the
# kernels down; leave the server time for that before SIGTERM/SIGKILL.
c.LocalProcessSpawner.interrupt_timeout = 15
c.LocalProcessSpawner.term_timeout = 10
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
    "JUPYTER_PATH": JUPYTER_PATH,
    # every user's server settings (environment/hub/jupyter/): kernel culling and ports, nbgrader's exchange
    "JUPYTER_CONFIG_PATH": str(HERE / "jupyter"),
    "KIT_KERNEL_CULL_IDLE_S": str(KERNEL_CULL_IDLE_S),
    "KIT_EXCHANGE_ROOT": str(EXCHANGE),
    "KIT_COURSE_ID": COURSE_ID,
    # the course's problem sets find the library here (course/kit-locate.jsh)
    "KIT_HOME": str(KIT_ROOT),
    "KIT_ROOT": str(KIT_ROOT),
    # a bounded heap per kernel JVM (measured: docs/course-server.md)
    "JJAVA_JVM_OPTS": JVM_OPTS,
    "JJAVA_TIMEOUT": "120 SECONDS",
}


def _members(group):
    try:
        g = grp.getgrnam(group)
    except KeyError:
        return set()
    members = set(g.gr_mem)
    members.update(p.pw_name for p in pwd.getpwall() if p.pw_gid == g.gr_gid)
    return members


def pre_spawn_hook(spawner):
    """An instructor's first start copies the kit's nbgrader course into ~/curse-of-memory/course
    (theirs to edit; the formgrader and `nbgrader` work there), pointed at the hub's exchange."""
    name = spawner.user.name
    if name not in _members(INSTRUCTORS):
        return
    user = pwd.getpwnam(name)
    kit_dir = Path(user.pw_dir) / "curse-of-memory"
    course = kit_dir / "course"
    spawner.environment["KIT_COURSE_ROOT"] = str(course)
    source = KIT_ROOT / "course"
    if course.exists() or not source.is_dir():
        return
    generated = {"release", "submitted", "autograded", "feedback", "exchange", "downloaded",
                 "gradebook.db", "gradebook.db-journal"}  # nbgrader's output at the course's top level

    def ignore(folder, names):
        top = Path(folder) == source
        return {n for n in names if (top and n in generated) or n in ("__pycache__", ".ipynb_checkpoints")}

    shutil.copytree(source, course, symlinks=True, ignore=ignore)
    with open(course / "nbgrader_config.py", "a") as f:
        f.write("\n# Added by the course server (environment/hub/jupyterhub_config.py): the hub's shared exchange.\n"
                f"c.Exchange.root = os.environ.get(\"KIT_EXCHANGE_ROOT\", {str(EXCHANGE)!r})\n")
    for link, target in (("lib", KIT_ROOT / "lib"), ("environment", KIT_ROOT / "environment")):
        if not (kit_dir / link).exists():
            os.symlink(target, kit_dir / link)
    for root, dirs, files in os.walk(kit_dir):
        for entry in [root] + [os.path.join(root, f) for f in dirs + files]:
            os.lchown(entry, user.pw_uid, user.pw_gid)


def _kernel_pids(uid):
    """PIDs of the user's JJava processes (kernel JVMs, and launcher JVMs where JJava's own kernelspec is used)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"jjava" in cmdline:
            pids.append(int(entry.name))
    return pids


def post_stop_hook(spawner):
    """No kernel outlives its server: stop whatever JJava JVM of this user is left (measured: a
    server killed before it had shut its kernels down left both JVMs of each kernel running)."""
    try:
        uid = pwd.getpwnam(spawner.user.name).pw_uid
    except KeyError:
        return
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 2.0)):
        pids = _kernel_pids(uid)
        if not pids:
            return
        spawner.log.warning("stopping %d kernel process(es) left by %s's server: %s",
                            len(pids), spawner.user.name, pids)
        for pid in pids:
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and _kernel_pids(uid):
            time.sleep(0.1)


c.Spawner.pre_spawn_hook = pre_spawn_hook
c.Spawner.post_stop_hook = post_stop_hook

# --- nbgrader's exchange: one folder everyone can write to, with the sticky bit ---------------------
try:
    EXCHANGE.mkdir(parents=True, exist_ok=True)
    os.chmod(EXCHANGE, 0o1777)
except PermissionError:
    pass  # not root: the machine's admin makes it (docs/course-server.md)
