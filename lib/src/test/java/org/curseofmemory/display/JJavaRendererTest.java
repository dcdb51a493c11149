package org.curseofmemory.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/** The kit's renderers in JJava's renderer API ({@code org.dflib.jjava:jjava-jupyter}), without a kernel. */
class JJavaRendererTest extends RendererContract {

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
