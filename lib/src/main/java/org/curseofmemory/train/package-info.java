/**
 * Models and problems on the kernel loss J(θ) = ½ Σ w_i (ρ̂_θ(t_i) − ρ(t_i))²: for white-noise input
 * the expected squared output error is ∫(ρ − ρ̂)² (Itô isometry; the kit's derivation,
 * docs/theory.md §4.1), so gradient descent on data ≈ gradient flow on this loss.
 * {@link org.curseofmemory.train.RealModesModel}, {@link org.curseofmemory.train.ComplexModesModel}
 * (sums of modes, each giving back its {@code kernel.ExpSumKernel}) and
 * {@link org.curseofmemory.train.LinearRnnModel} (full W, U, c) with analytic gradients;
 * {@link org.curseofmemory.train.TrainingProblem} ties a model, a grid and a target together for
 * the trainers of {@code optim}. Sequence models trained on data live in {@code train.sequence}.
 */
package org.curseofmemory.train;

