/**
 * Input signals x(t) for the functionals: steps, impulses, sines, seeded white noise and their
 * combinations ({@link org.curseofmemory.signal.Signals}, {@link org.curseofmemory.signal.InputSignal}).
 * A step input reads the memory kernel off the response, y'(t) = ρ(t) (Li, Han, E &amp; Li 2021;
 * docs/theory.md §1). Every random signal takes a seed.
 */
package org.curseofmemory.signal;

