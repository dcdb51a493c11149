package org.curseofmemory.train.sequence;

import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.kernel.MemoryKernel;

/** Small closed-form kernels for the tests. */
final class TestKernels {
    private TestKernels() {
    }

    static MemoryKernel of(String name, DoubleUnaryOperator f) {
        return new MemoryKernel() {
            @Override
            public double value(double t) {
                return f.applyAsDouble(t);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** ρ(t) = e^{−t} cos 2t. */
    static MemoryKernel dampedCosine() {
        return of("exp(-t)cos(2t)", t -> Math.exp(-t) * Math.cos(2 * t));
    }
}
