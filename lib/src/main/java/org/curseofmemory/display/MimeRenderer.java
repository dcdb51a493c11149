package org.curseofmemory.display;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * How objects of one class are shown: the MIME types a plain {@code display(x)} (or a value ending
 * a cell) asks for, and the code that writes them.
 *
 * @param type      the class whose instances (and subclasses' instances) this renders
 * @param preferred the MIME types asked for by default, e.g. {@code text/html}
 * @param body      writes the representations of one value
 * @param <T>       the rendered type
 */
record MimeRenderer<T>(Class<T> type, List<String> preferred, BiConsumer<T, MimeOutput> body) {

    MimeRenderer {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (preferred == null || preferred.isEmpty()) {
            throw new IllegalArgumentException("preferred MIME types of " + type.getName() + " must not be empty");
        }
        if (body == null) {
            throw new IllegalArgumentException("body of the renderer for " + type.getName() + " must not be null");
        }
        preferred = List.copyOf(preferred);
    }

    /** Renders {@code value}, which the kernel guarantees is an instance of {@link #type()}. */
    void render(Object value, MimeOutput out) {
        body.accept(type.cast(value), out);
    }
}
