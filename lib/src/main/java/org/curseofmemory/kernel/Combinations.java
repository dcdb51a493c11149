package org.curseofmemory.kernel;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.curseofmemory.util.Validate;

/**
 * Package-private implementations of the combinators {@link MemoryKernel#plus}, {@link MemoryKernel#minus},
 * {@link MemoryKernel#times} and {@link MemoryKernel#named}.
 */
final class Combinations {
    private Combinations() {
    }

    /** a + c·b. */
    static MemoryKernel sum(MemoryKernel a, double c, MemoryKernel b) {
        if (a instanceof ExpSumKernel && b instanceof ExpSumKernel) {
            return ((ExpSumKernel) a).plus(((ExpSumKernel) b).times(c));
        }
        String name;
        if (c == 1.0) {
            name = "(" + a.name() + " + " + b.name() + ")";
        } else if (c == -1.0) {
            name = "(" + a.name() + " − " + b.name() + ")";
        } else {
            name = "(" + a.name() + " + " + Kernels.format(c) + "·" + b.name() + ")";
        }
        return new Sum(a, c, b, name);
    }

    static MemoryKernel scaled(MemoryKernel k, double c) {
        if (k instanceof ExpSumKernel) {
            return ((ExpSumKernel) k).times(c);
        }
        if (k instanceof PowerLawKernel) {
            return ((PowerLawKernel) k).times(c);
        }
        return new Scaled(k, c, Kernels.format(c) + "·" + k.name());
    }

    static MemoryKernel renamed(MemoryKernel k, String name) {
        Validate.notBlank("kernel name", name);
        if (k instanceof Renamed) {
            return new Renamed(((Renamed) k).inner, name);
        }
        return new Renamed(k, name);
    }

    static double[] mergeBreakpoints(double[]... lists) {
        TreeSet<Double> set = new TreeSet<>();
        for (double[] l : lists) {
            for (double x : l) {
                if (Double.isFinite(x) && x > 0) {
                    set.add(x);
                }
            }
        }
        double[] out = new double[set.size()];
        int i = 0;
        for (double x : set) {
            out[i++] = x;
        }
        return out;
    }

    private static final class Sum implements MemoryKernel {
        private final MemoryKernel a;
        private final double c;
        private final MemoryKernel b;
        private final String name;

        Sum(MemoryKernel a, double c, MemoryKernel b, String name) {
            this.a = a;
            this.c = c;
            this.b = b;
            this.name = name;
        }

        @Override
        public double value(double t) {
            return a.value(t) + c * b.value(t);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double[] breakpoints() {
            return mergeBreakpoints(a.breakpoints(), b.breakpoints());
        }

        @Override
        public Optional<MemoryKernel> derivative(int order) {
            Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
            if (order == 0) {
                return Optional.of(this);
            }
            Optional<MemoryKernel> da = a.derivative(order);
            Optional<MemoryKernel> db = b.derivative(order);
            if (da.isEmpty() || db.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(sum(da.get(), c, db.get()).named("d" + order + "/dt" + order + " " + name));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Scaled implements MemoryKernel {
        private final MemoryKernel k;
        private final double c;
        private final String name;

        Scaled(MemoryKernel k, double c, String name) {
            this.k = k;
            this.c = c;
            this.name = name;
        }

        @Override
        public double value(double t) {
            return c * k.value(t);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double[] breakpoints() {
            return k.breakpoints();
        }

        @Override
        public OptionalDouble tailL1(double T) {
            OptionalDouble t = k.tailL1(T);
            return t.isPresent() ? OptionalDouble.of(Math.abs(c) * t.getAsDouble()) : t;
        }

        @Override
        public OptionalDouble tailL2Squared(double T) {
            OptionalDouble t = k.tailL2Squared(T);
            return t.isPresent() ? OptionalDouble.of(c * c * t.getAsDouble()) : t;
        }

        @Override
        public Optional<MemoryKernel> derivative(int order) {
            Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
            if (order == 0) {
                return Optional.of(this);
            }
            return k.derivative(order).map(d -> d.times(c));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Renamed implements MemoryKernel {
        private final MemoryKernel inner;
        private final String name;

        Renamed(MemoryKernel inner, String name) {
            this.inner = inner;
            this.name = name;
        }

        @Override
        public double value(double t) {
            return inner.value(t);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double[] breakpoints() {
            return inner.breakpoints();
        }

        @Override
        public OptionalDouble tailL1(double T) {
            return inner.tailL1(T);
        }

        @Override
        public OptionalDouble tailL2Squared(double T) {
            return inner.tailL2Squared(T);
        }

        @Override
        public Optional<MemoryKernel> derivative(int order) {
            Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
            return order == 0 ? Optional.of(this) : inner.derivative(order);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
