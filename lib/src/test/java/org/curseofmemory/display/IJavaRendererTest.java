package org.curseofmemory.display;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * The kit's renderers in IJava's renderer API ({@code io.github.spencerpark:jupyter-jvm-basekernel},
 * the base IJava 1.3 is built on), without a kernel. IJava itself is not on a package registry, so
 * this is how the IJava path is tested automatically.
 */
class IJavaRendererTest extends RendererContract {

    @Override
    Object newRenderer() {
        return new Renderer();
    }

    @Override
    Object render(Object renderer, Object value) {
        return ((Renderer) renderer).render(value);
    }

    @Override
    Object renderAs(Object renderer, Object value, String... mimeTypes) {
        return ((Renderer) renderer).renderAs(value, mimeTypes);
    }
}
