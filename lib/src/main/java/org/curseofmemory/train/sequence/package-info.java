/**
 * Sequence models trained on input/output data: the discretised RNN
 * {@link org.curseofmemory.train.sequence.DiscreteRnn} (linear or tanh; zero-order hold through the
 * one matrix exponential of {@code linalg}, or Euler), {@link org.curseofmemory.train.sequence.SequenceDataset}
 * (seeded white-noise inputs through a {@link org.curseofmemory.train.sequence.TargetFunctional}),
 * the loss {@link org.curseofmemory.train.sequence.DataLoss} (exact gradients by back-propagation
 * through time; a {@code optim.BatchLoss} over sequences) and
 * {@link org.curseofmemory.train.sequence.SequenceProblem} (the loss plus a seeded θ₀, for any
 * trainer of {@code optim} and for {@code experiment.PlateauSweep}). For a linear model on white
 * noise the expected data loss is the kernel loss ({@link org.curseofmemory.train.sequence.KernelPicture};
 * docs/theory.md §4.1 [kit]); the tanh model is the nonlinear setting of Wang, Li &amp; Li 2023
 * (arXiv 2305.19190; docs/theory.md §5.1).
 */
package org.curseofmemory.train.sequence;

