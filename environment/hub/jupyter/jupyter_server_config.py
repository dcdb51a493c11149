"""Settings for every user's server on the course server (the hub and the image put this folder on
JUPYTER_CONFIG_PATH): idle kernels are shut down by the server itself, and a stopped server shuts
its kernels down (both JVMs of a JJava kernel) before it exits."""
import os
import signal

c = get_config()  # noqa: F821 (provided by Jupyter)
_idle = int(os.environ.get("KIT_KERNEL_CULL_IDLE_S", "1800"))
c.MappingKernelManager.cull_idle_timeout = _idle
c.MappingKernelManager.cull_interval = max(30, _idle // 10)
c.MappingKernelManager.cull_connected = True  # an open but forgotten browser tab does not keep a JVM
c.KernelManager.shutdown_wait_time = 3.0

# JupyterHub's LocalProcessSpawner stops a server with SIGINT first. Without a terminal the server
# takes SIGINT as a KeyboardInterrupt and exits at once, without shutting its kernels down (measured:
# both JVMs of every kernel stayed alive). SIGTERM is the server's clean stop, kernels included:
# turn SIGINT into that.
def _stop_cleanly(signum, frame):
    os.kill(os.getpid(), signal.SIGTERM)


if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _stop_cleanly)
