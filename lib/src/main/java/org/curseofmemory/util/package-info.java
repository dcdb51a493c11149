/**
 * Small helpers every room uses: {@link org.curseofmemory.util.Validate} (the argument checks and
 * their messages: parameter, value, expected range, in one place) and
 * {@link org.curseofmemory.util.DoubleArrays} (int[] → double[], evenly and log-evenly spaced
 * axes, element-wise maps, so that notebook cells show ideas rather than loops). Depends on
 * nothing else in the kit.
 */
package org.curseofmemory.util;

