"""JAX arm of benchmarks/interleave.py: the same gradient step as bench.py (8 mode pairs, 2000
points, Airy target Ai(t - 3), same initial parameters from the java.util.Random port), written in
jax.numpy with float64 (jax_enable_x64) and compiled once with jax.jit: Z = exp(lambda t) by one
complex exponential per entry, the analytic gradient of bench.py's docstring, and the update
p <- p - lr * grad. The parameters restart from theta0 every 1000 steps, as on the other arms.

    python jax_step.py serve        (protocol of interleave.py, see bench.serve)
    python jax_step.py check        compares loss and gradient with NumPy's (not timed)
"""
import os
import sys

# one CPU thread for XLA, like the other arms (set before jax is imported)
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import bench  # noqa: E402

jax.config.update("jax_enable_x64", True)


def loss_and_grad(a, b, w, th, t, q, rho):
    lam = -w + 1j * th
    c = a + 1j * b
    Z = jnp.exp(jnp.outer(lam, t))
    rho_hat = jnp.real(c @ Z)
    e = rho_hat - rho
    r = q * e
    loss = 0.5 * jnp.dot(r, e)
    zr = Z @ r
    ztr = c * (Z @ (t * r))
    return loss, jnp.real(zr), -jnp.imag(zr), -jnp.real(ztr), -jnp.imag(ztr)


@jax.jit
def gd_step(a, b, w, th, t, q, rho, lr):
    loss, ga, gb, gw, gth = loss_and_grad(a, b, w, th, t, q, rho)
    return loss, a - lr * ga, b - lr * gb, w - lr * gw, th - lr * gth


def main(argv):
    points, dt, t0, seed, modes, lr = 2000, 0.02, 3.0, 1, 8, 0.05
    t, q = bench.uniform_grid((points - 1) * dt, dt)
    rho = bench.airy_target(t, t0)
    theta0 = bench.init_params(seed, modes)
    tj, qj, rhoj = (jnp.asarray(x) for x in (t, q, rho))
    if argv[1:] == ["check"]:
        ref = bench.loss_and_grad(*theta0, t, q, rho)
        got = loss_and_grad(*(jnp.asarray(x) for x in theta0), tj, qj, rhoj)
        err = max(float(np.max(np.abs(np.asarray(g) - r)) / np.max(np.abs(r))) for g, r in zip(got, ref))
        print("jax.check version={} max_rel_err={:.3e} dtype={}".format(jax.__version__, err, got[0].dtype))
        return 0 if err < 1e-12 else 1
    state = [None]

    def step(restart):
        if restart:
            state[0] = tuple(jnp.asarray(x) for x in theta0)
        out = gd_step(*state[0], tj, qj, rhoj, lr)
        state[0] = out[1:]
        out[0].block_until_ready()

    print("jax.version version={} backend={} x64={}".format(jax.__version__, jax.default_backend(),
                                                            jax.config.jax_enable_x64), flush=True)
    bench.serve("jax", step)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
