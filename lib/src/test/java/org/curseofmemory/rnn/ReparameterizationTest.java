package org.curseofmemory.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.train.RealModesModel;
import org.junit.jupiter.api.Test;

class ReparameterizationTest extends KitTest {
    private static final double DERIVATIVE_TOL = 1e-8;
    private static final double INVERSE_TOL = 1e-12;

    private static List<Reparameterization> all() {
        return List.of(Reparameterization.DIRECT, Reparameterization.EXP, Reparameterization.SOFTPLUS,
                Reparameterization.INVERSE_QUADRATIC, Reparameterization.inverseQuadratic(2.0, 0.25));
    }

    @Test
    void derivativeMatchesCentralDifference() {
        for (Reparameterization p : all()) {
            for (double w : new double[] {-1.3, -0.2, 0.4, 1.1, 2.5}) {
                double h = 1e-6;
                double fd = (p.eigenvalue(w + h) - p.eigenvalue(w - h)) / (2 * h);
                assertEquals(fd, p.eigenvalueDerivative(w), DERIVATIVE_TOL * Math.max(1, Math.abs(fd)), p + " at w=" + w);
                assertEquals(-p.decayRate(w), p.eigenvalue(w), 0.0);
            }
        }
    }

    @Test
    void inverseRecoversDecayRate() {
        for (Reparameterization p : all()) {
            for (double r : new double[] {0.01, 0.5, 1.0, 1.5, 1.9}) {
                double w = p.parameterForDecayRate(r);
                assertEquals(r, p.decayRate(w), INVERSE_TOL * r, p + " at r=" + r);
            }
        }
    }

    @Test
    void gradientScaleClosedForms() {
        double w = 0.7;
        assertEquals(1 / (w * w), Reparameterization.DIRECT.gradientScale(w), 1e-14);
        assertEquals(Math.exp(-w), Reparameterization.EXP.gradientScale(w), 1e-14);
        double sp = Math.log1p(Math.exp(w));
        assertEquals(1 / (1 + Math.exp(-w)) / (sp * sp), Reparameterization.SOFTPLUS.gradientScale(w), 1e-14);
        assertEquals(2 * 3.0 * w, Reparameterization.inverseQuadratic(3.0, 0.1).gradientScale(w), 1e-14);
        // the generic formula |f'|/f² agrees with the closed form for the inverse quadratic too
        Reparameterization iq = Reparameterization.inverseQuadratic(3.0, 0.1);
        double f = iq.eigenvalue(w);
        assertEquals(Math.abs(iq.eigenvalueDerivative(w)) / (f * f), iq.gradientScale(w), 1e-12);
    }

    @Test
    void stabilityFlagsAndNames() {
        assertFalse(Reparameterization.DIRECT.isStable());
        assertTrue(Reparameterization.EXP.isStable());
        assertEquals("INVERSE_QUADRATIC(a=1.0, b=0.5)", Reparameterization.INVERSE_QUADRATIC.name());
        assertEquals(4, Reparameterization.standard().size());
        assertEquals(Reparameterization.inverseQuadratic(1, 0.5), Reparameterization.INVERSE_QUADRATIC);
    }

    @Test
    void everyParameterizationStartsFromTheSameDecayRates() {
        double[] ref = null;
        for (Reparameterization p : Reparameterization.standard()) {
            ComplexModesModel model = ComplexModesModel.of(4, p);
            double[] r = model.decayRates(model.initialParameters(new Random(42)));
            if (ref == null) {
                ref = r;
            } else {
                assertArrayEquals(ref, r, 1e-12, p.name());
            }
            RealModesModel real = RealModesModel.of(3, p);
            double[] rr = real.decayRates(real.initialParameters(new Random(7)));
            double[] rd = RealModesModel.of(3, Reparameterization.DIRECT).decayRates(
                    RealModesModel.of(3, Reparameterization.DIRECT).initialParameters(new Random(7)));
            assertArrayEquals(rd, rr, 1e-12, p.name());
        }
        for (double r : ref) {
            assertTrue(r >= 0.5 && r <= 1.5, "initial decay rate " + r + " in [0.5, 1.5]");
        }
    }
}
