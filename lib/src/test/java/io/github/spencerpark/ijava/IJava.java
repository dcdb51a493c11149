package io.github.spencerpark.ijava;

/**
 * Test stand-in for IJava's entry class, which is not on any package registry: only the static
 * accessor that {@code org.curseofmemory.display.KernelDisplay} looks up by name. Like the real one,
 * it returns null while no kernel is running.
 */
public final class IJava {
    private static volatile Object kernel;

    private IJava() {
    }

    public static Object getKernelInstance() {
        return kernel;
    }

    /** Pretends that {@code running} is the running kernel (null: none). */
    public static void setKernelInstance(Object running) {
        kernel = running;
    }
}
