package org.curseofmemory.kernel;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import org.curseofmemory.util.Validate;

/**
 * A vector memory kernel ρ = (ρ_1, …, ρ_d) built from scalar components, for input dimension d:
 * H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds and sup_t ‖H_t‖ = ∫₀^∞ |ρ(s)|₁ ds (docs/theory.md §1; see {@link Norms#l1(VectorMemoryKernel)}).
 * Immutable.
 */
public final class VectorKernel implements VectorMemoryKernel {
    private final MemoryKernel[] components;

    private VectorKernel(MemoryKernel[] components) {
        this.components = components;
    }

    /**
     * ρ = (ρ_1, …, ρ_d), input dimension d (docs/theory.md §1).
     *
     * @param components at least one, none null
     */
    public static VectorKernel of(MemoryKernel... components) {
        Validate.notNull("vector kernel components", components);
        if (components.length < 1) {
            throw new KitArgumentException("vector kernel components has length 0 but needs length >= 1");
        }
        for (int i = 0; i < components.length; i++) {
            Validate.notNull("vector kernel component " + i, components[i]);
        }
        return new VectorKernel(components.clone());
    }

    @Override
    public int dimension() {
        return components.length;
    }

    /**
     * The component ρ_i, 0 ≤ i &lt; d, so that H_t(x) = Σ_i ∫ x_i(t−s) ρ_i(s) ds (docs/theory.md §1).
     *
     * @param i index in [0, d)
     */
    @Override
    public MemoryKernel component(int i) {
        Validate.inRange("component index i", i, 0, components.length - 1);
        return components[i];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VectorKernel[");
        for (int i = 0; i < components.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(components[i].name());
        }
        return sb.append("]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorKernel && Arrays.equals(components, ((VectorKernel) o).components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }
}
