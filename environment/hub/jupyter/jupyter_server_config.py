"""Settings for every user's server on the course server (the hub and the image put this folder on
JUPYTER_CONFIG_PATH): idle kernels are shut down by the server itself, and on stop the server gives
its kernels a short grace before it kills their process groups (both JVMs of a JJava kernel)."""
import os

c = get_config()  # noqa: F821 (provided by Jupyter)
_idle = int(os.environ.get("KIT_KERNEL_CULL_IDLE_S", "1800"))
c.MappingKernelManager.cull_idle_timeout = _idle
c.MappingKernelManager.cull_interval = max(30, _idle // 10)
c.MappingKernelManager.cull_connected = True  # an open but forgotten browser tab does not keep a JVM
c.KernelManager.shutdown_wait_time = 3.0
