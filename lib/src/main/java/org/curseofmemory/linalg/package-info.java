/**
 * The kit's one linear-algebra room, in the EJML style: static operations with the output
 * argument last, on EJML matrices or on row-major flat {@code double[]} (how the models store W).
 * {@link org.curseofmemory.linalg.MatrixExponential} is the only matrix exponential (scaling and
 * squaring with a [13/13] Padé approximant, Higham 2005) and carries its Fréchet derivative (Van
 * Loan 1978 block form) and its adjoint, which back-propagation through e^{WΔt} needs;
 * {@link org.curseofmemory.linalg.Matrices} holds conversions and the small flat operations
 * (identity, transpose, multiply).
 *
 * <p><b>Aliasing:</b> an output array must not be an input unless the method says it may.
 * <b>Failure:</b> bad shapes, non-finite input and a matrix too large for its exponential to be
 * finite are {@link java.lang.IllegalArgumentException}s naming the argument; nothing returns NaN
 * instead of failing (a caller that wants a NaN loss catches the exception). The flat operations of
 * {@code Matrices} check shapes only: entry values pass through (NaN in, NaN out).
 */
package org.curseofmemory.linalg;

