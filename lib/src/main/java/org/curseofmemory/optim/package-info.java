/**
 * The one optimiser family, shaped like Hipparchus' optimizers: a problem
 * ({@link org.curseofmemory.optim.OptimizationProblem}: a {@link org.curseofmemory.optim.LossFunction},
 * θ₀ and J_ref), an immutable configured trainer ({@link org.curseofmemory.optim.GradientDescent},
 * {@link org.curseofmemory.optim.GradientFlow}, {@link org.curseofmemory.optim.Adam}; {@code withX}
 * setters in {@link org.curseofmemory.optim.AbstractTrainer}), step listeners
 * ({@link org.curseofmemory.optim.LossRecorder}, {@link org.curseofmemory.optim.ProgressListener},
 * the thread-safe {@link org.curseofmemory.optim.Progress}), and an immutable
 * {@link org.curseofmemory.optim.TrainingResult} that says why it stopped
 * ({@link org.curseofmemory.optim.StopReason}, the kit's one stop vocabulary). One
 * {@link org.curseofmemory.optim.TrainingMonitor} decides every stop. The same trainers serve
 * kernel losses and losses over data: a {@link org.curseofmemory.optim.BatchLoss} can be stepped on
 * seeded mini-batches. Plain gradient descent is the forward-Euler discretisation of the gradient
 * flow that the optimisation analysis of Li, Han, E &amp; Li 2021 studies (docs/theory.md §4).
 */
package org.curseofmemory.optim;

