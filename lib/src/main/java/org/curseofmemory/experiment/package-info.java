/**
 * Reusable experiments over many training runs: {@link org.curseofmemory.experiment.PlateauSweep}
 * (steps to a relative-loss level against a memory parameter and seeds, for any trainer and any
 * problem, kernel or data, on a fixed thread pool with deterministic order), the pure analysis
 * {@link org.curseofmemory.experiment.PlateauDetector} / {@link org.curseofmemory.experiment.Plateau}
 * (plateaus of a finished run; the detection rule is the kit's), {@link org.curseofmemory.experiment.Sweep}
 * (the thread pool) and {@link org.curseofmemory.experiment.LineFit} (least-squares line with R²).
 * Li, Han, E &amp; Li 2021 show, at the level the kit can confirm, that plateaus appear and the
 * slow-down grows exponentially with the memory of the target (docs/theory.md §4.2); the Airy
 * target Ai(t − t₀) follows the follow-up code radarFudan/Curse-of-memory ({@code rhos["airy"]}).
 */
package org.curseofmemory.experiment;

