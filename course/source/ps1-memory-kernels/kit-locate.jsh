// The Curse of Memory, course edition: finds the kit and loads its library into this notebook.
// The first cell of every problem set runs `%load kit-locate.jsh`. nbgrader copies this file next to
// the notebook in every folder it uses (source, release, submitted, autograded), so the same line
// works everywhere. Where the kit is:
//   1. $KIT_HOME, if set (./kit sets it for everything it starts), else
//   2. this folder or the nearest parent folder that holds lib/target/kit/kit.jsh.
// A student's copy outside the kit's folder needs KIT_HOME (see docs/instructor-guide.md).
{
    java.nio.file.Path kitStart = java.nio.file.Paths.get("").toAbsolutePath();
    String kitHomeVariable = System.getenv("KIT_HOME");
    java.nio.file.Path kitHomeFound = null;
    if (kitHomeVariable != null && !kitHomeVariable.isBlank()) {
        java.nio.file.Path candidate = java.nio.file.Paths.get(kitHomeVariable).toAbsolutePath();
        if (!java.nio.file.Files.isRegularFile(candidate.resolve("lib/target/kit/kit.jsh"))) {
            throw new IllegalStateException("KIT_HOME=" + kitHomeVariable + " has no lib/target/kit/kit.jsh: "
                    + "point KIT_HOME at the kit's folder (the one with ./kit) and run ./kit setup there");
        }
        kitHomeFound = candidate;
    } else {
        for (java.nio.file.Path p = kitStart; p != null; p = p.getParent()) {
            if (java.nio.file.Files.isRegularFile(p.resolve("lib/target/kit/kit.jsh"))) {
                kitHomeFound = p;
                break;
            }
        }
        if (kitHomeFound == null) {
            throw new IllegalStateException("the kit was not found from " + kitStart + " upwards and KIT_HOME is not set: "
                    + "set KIT_HOME to the kit's folder (the one with ./kit), or start Jupyter with ./kit lab; "
                    + "if the folder is right, build the library with ./kit setup");
        }
    }
    java.nio.file.Path kitLibrary = kitHomeFound.resolve("lib/target/kit");
    lineMagic("classpath", java.util.List.of(kitLibrary.resolve("*.jar").toString()));
    lineMagic("load", java.util.List.of(kitLibrary.resolve("kit.jsh").toString()));
}
