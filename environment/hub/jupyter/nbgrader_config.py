"""nbgrader settings shared by everyone on the course server (the hub puts this folder on
JUPYTER_CONFIG_PATH): where the exchange is and which course this is. An instructor's server also
gets KIT_COURSE_ROOT, the course folder (~/course) that the formgrader works in; its own
nbgrader_config.py (delimiters, stubs, preprocessors) is loaded from there too, since the server
itself runs in the home folder."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)
c.Exchange.root = os.environ.get("KIT_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
c.CourseDirectory.course_id = os.environ.get("KIT_COURSE_ID", "curse-of-memory")
_course = os.environ.get("KIT_COURSE_ROOT")
if _course:
    c.CourseDirectory.root = _course
    if os.path.isfile(os.path.join(_course, "nbgrader_config.py")) and os.getcwd() != _course:
        load_subconfig("nbgrader_config.py", path=_course)  # noqa: F821 (provided by traitlets)
        c.CourseDirectory.root = _course
        c.Exchange.root = os.environ.get("KIT_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
