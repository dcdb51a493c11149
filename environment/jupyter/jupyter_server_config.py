# Jupyter server settings for the kit's lab (`./kit lab` puts this folder on JUPYTER_CONFIG_PATH).
# Only the lab started by ./kit reads this file; the tests and the book run notebooks without it.
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

c = get_config()  # noqa: F821  (provided by traitlets when it loads this file)

# The kit's notebooks are Java: hide the Python kernel from the launcher and the kernel chooser.
c.KernelSpecManager.allowed_kernelspecs = {"java"}
c.MappingKernelManager.default_kernel_name = "java"

# Kernel status. JupyterLab ignores status messages whose parent is a request in this list
# (it reads the list from the server's page config), so that a kernel_info_request does not make the
# status flicker. ipykernel's status becomes known anyway because JupyterLab also sends a
# history_request on connect; JJava 1.0a8 answers history_request with nothing at all, so the only
# status messages it sends after a start or restart answer kernel_info_request: JupyterLab ignored
# every one of them and showed "Unknown" with the disconnected icon until the first cell ran.
# Tracking kernel_info_request lets those messages through: the status reads "Idle" as soon as the
# kernel has answered kernel_info.
c.MappingKernelManager.untracked_message_types = [
    t for t in MappingKernelManager.untracked_message_types.default() if t != "kernel_info_request"
]

# No news or update checks (a pop-up in a student's first minute; also no network).
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"


# Run All on a starting kernel. When Run All is clicked in a notebook that has no session yet (just
# opened, its kernel not yet asked for), JupyterLab 4.6 skips every cell without a word, and the
# student waits on a silent notebook. JupyterLab looks for a running session of the notebook's path
# before it starts one; so this server starts the Java kernel's session while it sends the notebook
# to the page. The page then finds the session at once, and cells run as soon as the kernel is up.
class KitContentsManager(AsyncLargeFileManager):
    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if content and model.get("type") == "notebook":
            try:
                await self._ensure_session(model)
            except Exception as err:  # noqa: BLE001 - best effort: JupyterLab starts the kernel itself
                self.log.warning("kit: could not start a kernel for %s ahead of the page: %s", model.get("path"), err)
        return model

    async def _ensure_session(self, model):
        spec = ((model.get("content") or {}).get("metadata") or {}).get("kernelspec") or {}
        sessions = getattr(self.parent, "session_manager", None)
        if spec.get("name") != "java" or sessions is None or await sessions.session_exists(path=model["path"]):
            return
        await sessions.create_session(path=model["path"], name=model["name"], type="notebook", kernel_name="java")


c.ServerApp.contents_manager_class = KitContentsManager
