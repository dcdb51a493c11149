"""A bit-exact port of java.util.Random (JDK 17): the 48-bit linear congruential generator
described in its Javadoc, with nextDouble() and the polar-method nextGaussian().

It lets the NumPy benchmark draw the *same* initial parameters as the Java library for the same
seed, so both sides follow the same gradient-descent trajectory and take the same number of steps.
Written from the algorithm as documented in the java.util.Random Javadoc.
"""
import math

_MULTIPLIER = 0x5DEECE66D
_ADDEND = 0xB
_MASK = (1 << 48) - 1
_DOUBLE_UNIT = 1.0 / (1 << 53)


class JavaRandom:
    def __init__(self, seed: int):
        self._seed = (seed ^ _MULTIPLIER) & _MASK
        self._next_next_gaussian = None

    def _next(self, bits: int) -> int:
        self._seed = (self._seed * _MULTIPLIER + _ADDEND) & _MASK
        r = self._seed >> (48 - bits)
        # Java returns a signed 32-bit int
        if r >= 1 << (bits - 1) and bits == 32:
            r -= 1 << 32
        return r

    def next_double(self) -> float:
        return ((self._next(26) << 27) + self._next(27)) * _DOUBLE_UNIT

    def next_gaussian(self) -> float:
        if self._next_next_gaussian is not None:
            g = self._next_next_gaussian
            self._next_next_gaussian = None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        multiplier = math.sqrt(-2 * math.log(s) / s)
        self._next_next_gaussian = v2 * multiplier
        return v1 * multiplier
