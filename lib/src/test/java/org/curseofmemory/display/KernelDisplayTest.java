package org.curseofmemory.display;

import org.curseofmemory.testing.KitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;

import org.junit.jupiter.api.Test;

class KernelDisplayTest extends KitTest {

    @Test
    void outsideAKernelInstallDoesNothing() {
        // Both kernel APIs are on the test class path, but no kernel is running.
        assertEquals(KernelDisplay.Host.NONE, KernelDisplay.install());
        assertEquals(KernelDisplay.Host.NONE, KernelDisplay.install());
    }

    @Test
    void aMissingRendererIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelDisplay.register(null));
        assertEquals("renderer must not be null", e.getMessage());
    }

    @Test
    void somethingElseIsNotARenderer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelDisplay.register("text"));
        assertTrue(e.getMessage().startsWith("renderer of class java.lang.String is not a Jupyter kernel renderer"),
                e.getMessage());
    }

    @Test
    void unwrapFindsTheRealCause() {
        ArithmeticException cause = new ArithmeticException("/ by zero");
        Throwable wrapped = new UndeclaredThrowableException(new InvocationTargetException(cause));
        assertSame(cause, KernelBinding.unwrap(wrapped));
        assertSame(cause, KernelBinding.unchecked(cause));
        Exception checked = new java.io.IOException("disk");
        RuntimeException carried = KernelBinding.unchecked(checked);
        assertSame(checked, carried.getCause());
        assertEquals("java.io.IOException: disk", carried.getMessage());
    }
}
