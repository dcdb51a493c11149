/**
 * Checks and exercises for notebook cells: {@link org.curseofmemory.check.Check} (a named claim with
 * a tolerance; throws {@link org.curseofmemory.check.CheckFailure} when it fails, since Java's
 * {@code assert} is off in JShell) and {@link org.curseofmemory.check.Exercise} (grading a
 * learner's answer with a hint).
 */
package org.curseofmemory.check;

