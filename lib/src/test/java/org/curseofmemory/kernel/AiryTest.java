package org.curseofmemory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class AiryTest extends KitTest {
    /** Required absolute accuracy of Ai and Ai' on [−20, 5] (brief). */
    private static final double ABS_TOL = 1e-9;
    /** Achieved absolute accuracy on [−20, 5] (measured on this table: max 3.1e-13 for Ai, 9.2e-13 for Ai'). */
    private static final double ABS_ACHIEVED = 1e-12;
    /** Relative accuracy for x &gt; 5 (decaying region; measured worst 1.1e-8 at x = 5.74, next to the switch point 5.75). */
    private static final double REL_POSITIVE = 5e-8;

    /**
     * {x, Ai(x), Ai'(x)}. Provenance: computed independently of this library with Python mpmath 1.4.1
     * (mp.dps = 30; mpmath.airyai(x) and mpmath.airyai(x, derivative=1)), printed to 17 significant digits
     * with mpmath.nstr. Script: for s in xs: x = mp.mpf(s); print(x, airyai(x), airyai(x, derivative=1)).
     */
    private static final double[][] TABLE = {
        {-20, -1.7640612707798469e-1, 8.9286285673647124e-1},
        {-18.3, 1.1451480335836945e-1, 1.0606792615372508},
        {-15, 2.7821749087082893e-1, 2.7237420430864202e-1},
        {-12.7, -1.3270691889389719e-1, -9.5694539101927641e-1},
        {-10, 4.0241238486443191e-2, 9.9626504413279006e-1},
        {-9.1, 7.4959887273554802e-2, -9.514968154519177e-1},
        {-8, -5.2705050356386203e-2, 9.3556093819830655e-1},
        {-7.25, 3.2374057321118615e-1, -3.0022899504735408e-1},
        {-7.01, 1.9192549157490071e-1, -7.5783070886513308e-1},
        {-6.99, 1.7650718858113879e-1, -7.8362752993548867e-1},
        {-6, -3.2914517362982311e-1, 3.4593548728134289e-1},
        {-5, 3.5076100902411432e-1, 3.2719281855444314e-1},
        {-4.3, 1.649978092727723e-1, -7.2794081383881805e-1},
        {-3, -3.7881429367765807e-1, 3.1458376921659881e-1},
        {-2.338107410459767, 2.6989041671247045e-17, 7.0121082272069136e-1},
        {-2, 2.2740742820168558e-1, 6.1825902074169104e-1},
        {-1.5, 4.6425657774886941e-1, 3.0918696720241042e-1},
        {-1, 5.3556088329235212e-1, -1.0160567116645209e-2},
        {-0.5, 4.7572809161053959e-1, -2.0408167033954739e-1},
        {-0.1, 3.8084866812012151e-1, -2.5695811232364617e-1},
        {0, 3.5502805388781724e-1, -2.588194037928068e-1},
        {0.1, 3.292031299435381e-1, -2.5713042190758619e-1},
        {0.5, 2.3169360648083349e-1, -2.2491053266468389e-1},
        {1, 1.3529241631288142e-1, -1.5914744129679321e-1},
        {1.5, 7.174949700810541e-2, -9.7382012842301319e-2},
        {2, 3.4924130423274379e-2, -5.3090384433653632e-2},
        {2.5, 1.572592338047049e-2, -2.625088103590323e-2},
        {3, 6.5911393574607191e-3, -1.1912976705951318e-2},
        {3.7, 1.7455720006099791e-3, -3.4669407490276282e-3},
        {4, 9.5156385120480187e-4, -1.9586409502041789e-3},
        {4.5, 3.3025032351430898e-4, -7.1786656755750889e-4},
        {5, 1.0834442813607442e-4, -2.4741389086846248e-4},
        {5.74, 1.8875988733338858e-5, -4.6011929218439238e-5},
        {5.76, 1.7977096311333629e-5, -4.3893312845254775e-5},
        {6.5, 2.7958823432049136e-6, -7.2319314666017926e-6},
        {8, 4.6922076160992316e-8, -1.3414392979067866e-7},
        {10, 1.1047532552898686e-10, -3.5206336767389236e-10},
        {15, 2.1649625207379923e-18, -8.4205679540177728e-18},
        {20, 1.6916728686705403e-27, -7.586391625748355e-27},
        {30, 3.2082175915504956e-49, -1.759876581432726e-48},
    };

    @Test
    void matchesMpmathTable() {
        double maxAbs = 0;
        for (double[] row : TABLE) {
            double x = row[0];
            double[] v = Airy.both(x);
            assertEquals(v[0], Airy.ai(x));
            assertEquals(v[1], Airy.aiPrime(x));
            if (x <= 5) {
                assertEquals(row[1], v[0], ABS_TOL, "Ai(" + x + ")");
                assertEquals(row[2], v[1], ABS_TOL, "Ai'(" + x + ")");
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(row[1] - v[0]), Math.abs(row[2] - v[1])));
            } else {
                assertEquals(row[1], v[0], REL_POSITIVE * Math.abs(row[1]), "Ai(" + x + ")");
                assertEquals(row[2], v[1], REL_POSITIVE * Math.abs(row[2]), "Ai'(" + x + ")");
            }
        }
        assertTrue(maxAbs < ABS_ACHIEVED, "max abs error on [-20, 5] = " + maxAbs);
    }

    @Test
    void decaysAtLargePositiveArgument() {
        double prev = Airy.ai(6);
        for (double x = 7; x <= 100; x += 1) {
            double v = Airy.ai(x);
            assertTrue(v > 0 && v < prev, "Ai must be positive and decreasing at x=" + x);
            assertTrue(Airy.aiPrime(x) < 0);
            prev = v;
        }
        assertEquals(0.0, Airy.ai(200), 0.0); // underflows to exactly 0, never NaN
        assertEquals(0.0, Airy.aiPrime(200), 0.0);
    }

    @Test
    void satisfiesAiryEquationAndWronskianLikeContinuity() {
        // Ai'' = x Ai, checked by a central difference of Ai' across both switch points
        for (double x : new double[] {-7.0, -7.5, -6.5, 5.75, 5.5, 6.0, -12.3, 0.7}) {
            double h = 1e-4;
            double second = (Airy.aiPrime(x + h) - Airy.aiPrime(x - h)) / (2 * h);
            assertEquals(x * Airy.ai(x), second, 1e-7, "Ai''(" + x + ")");
        }
    }

    @Test
    void zerosMatchMpmath() {
        // mpmath.airyaizero(k), mp.dps = 30
        double[] ref = {-2.3381074104597670385, -4.0879494441309706166, -5.5205598280955510591,
            -6.7867080900717589988, -7.9441335871208531231};
        for (int k = 1; k <= ref.length; k++) {
            assertEquals(ref[k - 1], Airy.zero(k), 1e-12, "a_" + k);
        }
    }

    @Test
    void rejectsNonFiniteArgument() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Airy.ai(Double.NaN));
        assertTrue(ex.getMessage().contains("Airy argument x=NaN must be a finite number"), ex.getMessage());
        IllegalArgumentException ex2 = assertThrows(IllegalArgumentException.class, () -> Airy.zero(0));
        assertTrue(ex2.getMessage().contains("Airy zero index k=0 must be >= 1"), ex2.getMessage());
    }
}
