"""nbgrader configuration of the kit's course (read by nbgrader when it runs in this folder, and by
the formgrader through the copy that `./kit course setup` writes into the kit's virtualenv)."""
import os
import sys

COURSE_ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, COURSE_ROOT)
import kit_course  # noqa: E402  (the course's constants)
import kit_preprocessors  # noqa: E402  (its preprocessors: shadowing guard, offline feedback)

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "curse-of-memory"
c.CourseDirectory.root = COURSE_ROOT
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(COURSE_ROOT, "gradebook.db")
# Every file of an assignment folder except checkpoints is copied into the release and into the
# autograded copies: that is how kit-locate.jsh travels with each notebook.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__"]

# A course-local exchange (JupyterHub deployments point this at a shared folder instead).
c.Exchange.root = os.path.join(COURSE_ROOT, "exchange")

# Solutions are Java: the region between the delimiters becomes a statement that throws, which
# compiles inside any method, whatever it returns.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.code_stub = {"java": kit_course.CODE_STUB}
c.ClearSolutions.text_stub = kit_course.TEXT_STUB
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Test cells also fail when the student's notebook declares a class with a name the test uses.
c.Autograde.autograde_preprocessors = kit_preprocessors.autograde_preprocessors()

# One cell may run at most this long; an endless loop is interrupted and that cell scores zero.
c.Execute.timeout = kit_course.cell_timeout()
c.Execute.startup_timeout = 120
c.Execute.interrupt_on_timeout = True
# After a cell's reply, nbclient waits this long for the rest of its output (a plot is a large
# message); nbgrader then fails the whole submission. The default, 4 s, was too short on a busy
# two-core machine grading nine notebooks at once.
c.Execute.iopub_timeout = 30
# The graded notebook is in hand when its last cell ends: stop the kernel at once (its process group is
# killed, a runaway loop included) instead of asking it to shut down, which takes about 3 s a notebook.
c.Execute.shutdown_kernel = "immediate"

# Feedback pages: hidden tests lose their source and their output (only passed/failed stays), and
# plotly.js and MathJax are inlined from the kit's own Python packages: nothing is loaded online.
c.GenerateFeedback.preprocessors = kit_preprocessors.FEEDBACK_PREPROCESSORS
c.HTMLExporter.template_name = "feedback"
c.HTMLExporter.template_file = "kit-feedback.html.j2"
c.HTMLExporter.extra_template_basedirs = kit_preprocessors.feedback_template_dirs()
