package org.curseofmemory.display;

import java.util.function.Supplier;

/**
 * Where a {@link MimeRenderer} writes the representations of one object: a kernel-neutral view of
 * a kernel's render context and its output bundle.
 */
interface MimeOutput {

    /**
     * Adds {@code data.get()} under {@code mimeType} if that type was asked for (a plain
     * {@code display(x)} asks for the renderer's preferred types; {@code display(x, "text/html")}
     * only for the ones named). {@code data} is not called otherwise.
     */
    void renderIfRequested(String mimeType, Supplier<Object> data);

    /** Sets the {@code text/plain} representation, which every bundle carries. */
    void putText(String text);
}
