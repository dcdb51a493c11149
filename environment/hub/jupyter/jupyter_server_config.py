"""Settings for every user's server on the course server (the hub and the image put this folder on
JUPYTER_CONFIG_PATH): idle kernels are shut down by the server itself, and a stopped server shuts
its kernels down before it exits, and kernels take their ports from a block of the user's own."""
import os
import signal
import socket

from jupyter_client.connect import LocalPortCache

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


# Kernel ports per user. jupyter_client picks a kernel's five ports by binding port 0 and closing the
# socket, and the kernel binds them a moment later (jupyter_client issue 487). Every student's server
# does that on its own, so when a class starts together two servers can be handed the same port; the
# second kernel JVM cannot bind it and never answers, and that student's notebook stays "connecting"
# (a 10-student load test on two cores lost one kernel in one run of five). Each user's server takes
# ports from a block of its own instead, below the range Linux hands out for port 0 and outgoing
# connections (32768 and up), so no two servers compete for a port.
_PORT_BLOCK = 100
_FIRST_PORT = 12000 + (os.getuid() % 200) * _PORT_BLOCK
_any_free_port = LocalPortCache.find_available_port


def _port_from_users_block(self, ip: str) -> int:
    start = getattr(self, "_kit_next_port", 0)
    for i in range(_PORT_BLOCK):
        port = _FIRST_PORT + (start + i) % _PORT_BLOCK
        if port in self.currently_used_ports:
            continue
        with socket.socket() as probe:
            try:
                probe.bind((ip, port))
            except OSError:
                continue
        self._kit_next_port = (start + i + 1) % _PORT_BLOCK  # the next kernel takes the next ports
        self.currently_used_ports.add(port)
        return port
    return _any_free_port(self, ip)  # the block is used up (20 kernels at once), or ip is not IPv4


LocalPortCache.find_available_port = _port_from_users_block
