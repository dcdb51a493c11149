package org.curseofmemory.display;

import org.curseofmemory.testing.KitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The library depends on no kernel: no compiled class of the library refers to a class of JJava
 * ({@code org.dflib}) or IJava ({@code io.github.spencerpark}), and outside the display package
 * not even by name. A class reference in a class file is written with slashes
 * ({@code org/dflib/...}); the display package names the kernels' entry points only as strings
 * with dots, for reflection.
 */
class NoKernelDependencyTest extends KitTest {
    private static final List<String> KERNEL_PACKAGES = List.of("org.dflib", "io.github.spencerpark");

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(KernelDisplay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void noLibraryClassRefersToAKernelClass() throws Exception {
        Path root = mainClasses();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root.resolve("org/curseofmemory"))) {
            classes = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(classes.size() > 50, "found only " + classes.size() + " library classes under " + root);
        List<String> offending = new ArrayList<>();
        for (Path c : classes) {
            String bytes = read(c);
            boolean display = root.relativize(c).startsWith("org/curseofmemory/display");
            for (String pkg : KERNEL_PACKAGES) {
                if (bytes.contains(pkg.replace('.', '/'))) {
                    offending.add(root.relativize(c) + " refers to a class of " + pkg);
                } else if (!display && bytes.contains(pkg)) {
                    offending.add(root.relativize(c) + " names " + pkg + " outside the display package");
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void theNotebookSetUpScriptNamesNoKernel() throws Exception {
        Path script = mainClasses().getParent().getParent().resolve("src/main/jshell/kit.jsh");
        String text = Files.readString(script, StandardCharsets.UTF_8);
        for (String pkg : KERNEL_PACKAGES) {
            assertTrue(!text.contains(pkg), "kit.jsh names " + pkg + "; it must compile in every Java kernel");
        }
        assertTrue(text.contains("KernelDisplay.install()"), "kit.jsh installs the display layer");
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }
}
