"""NumPy reference for the Java benchmarks (docs/theory.md §4, "Plateaus and the curse of memory").

Model: complex-mode kernel
    rho_hat(t) = sum_i exp(-w_i t) (a_i cos(theta_i t) - b_i sin(theta_i t))
               = Re sum_i c_i exp(lambda_i t),   c_i = a_i + i b_i,  lambda_i = -w_i + i theta_i.
Kernel loss on a uniform grid with trapezoid weights q_j:
    J = 1/2 sum_j q_j (rho_hat(t_j) - rho(t_j))^2,   relative loss = J / (1/2 sum_j q_j rho(t_j)^2).
Analytic gradient, with Z_ij = exp(lambda_i t_j) and r_j = q_j (rho_hat_j - rho_j):
    dJ/da_i = Re(Z r)_i          dJ/db_i = -Im(Z r)_i
    dJ/dw_i = -Re(c_i (Z (t r))_i)   dJ/dtheta_i = -Im(c_i (Z (t r))_i)
Plain gradient descent: p <- p - lr * grad.

Commands (every result is one line of space-separated key=value pairs, prefixed by a tag):
    python bench.py info            BLAS library seen by threadpoolctl
    python bench.py step            time one gradient step (8 mode pairs, 2000 grid points)
    python bench.py sweep           time the whole plateau sweep (t0 = 1..6, 5 seeds)
    python bench.py check           gradient vs central differences (sanity check, not timed)
    python bench.py serve           one arm of interleave.py: reads a step count N per line, runs N
                                    steps, answers "cpu_us=... wall_us=..." (process CPU time per step)
Option --variant exp|recurrence chooses how exp(lambda_i t_j) is formed (see modes_exp, modes_recurrence).
"""
import argparse
import sys
import time

import numpy as np
from scipy.special import airy
from threadpoolctl import threadpool_info, threadpool_limits

from javarandom import JavaRandom


# ---------------------------------------------------------------------------------------------
# Problem set-up
# ---------------------------------------------------------------------------------------------

def uniform_grid(t_max, dt):
    """Nodes 0, dt, ..., t_max and trapezoid weights (dt/2 at both ends), like Grid.uniform."""
    n = int(round(t_max / dt))
    t = np.arange(n + 1) * dt
    q = np.full(n + 1, dt)
    q[0] = q[-1] = dt / 2
    return t, q


def airy_target(t, t0):
    """rho(t) = Ai(t - t0): memory concentrated around lag t0 (docs/theory.md §4)."""
    return airy(t - t0)[0]


def init_params(seed, modes):
    """Initial parameters from java.util.Random(seed), drawn in the order of the Java library's
    ComplexModesModel.initialParameters (direct parameterization): for each mode k in turn,
    a_k ~ N(0, 0.1^2), b_k ~ N(0, 0.1^2), w_k ~ U[0.5, 1.5], theta_k ~ U[0, 1].
    Same seed => same starting point as the Java benchmark (run.sh checks the step counts agree)."""
    rnd = JavaRandom(seed)
    a = np.empty(modes)
    b = np.empty(modes)
    w = np.empty(modes)
    th = np.empty(modes)
    for k in range(modes):
        a[k] = 0.1 * rnd.next_gaussian()
        b[k] = 0.1 * rnd.next_gaussian()
        w[k] = 0.5 + rnd.next_double()
        th[k] = rnd.next_double()
    return a, b, w, th


# ---------------------------------------------------------------------------------------------
# Loss, gradient, step
# ---------------------------------------------------------------------------------------------

def modes_exp(lam, t):
    """Z_ij = exp(lambda_i t_j) by one complex exponential per entry (the idiomatic NumPy way)."""
    return np.exp(np.outer(lam, t))


def modes_recurrence(lam, t):
    """Z_ij = z_i^j with z_i = exp(lambda_i dt) on a uniform grid t_j = j dt, by a cumulative
    product: the same algorithm as the Java model (one exponential per mode, then multiplications)."""
    dt = t[1] - t[0]
    z = np.empty((lam.size, t.size), dtype=complex)
    z[:, 0] = 1.0
    z[:, 1:] = np.exp(lam * dt)[:, None]
    return np.cumprod(z, axis=1)


VARIANTS = {"exp": modes_exp, "recurrence": modes_recurrence}


def loss_and_grad(a, b, w, th, t, q, rho, modes=modes_exp):
    lam = -w + 1j * th
    c = a + 1j * b
    Z = modes(lam, t)                         # modes x points, complex
    rho_hat = (c @ Z).real
    e = rho_hat - rho
    r = q * e
    loss = 0.5 * np.dot(r, e)
    zr = Z @ r
    ztr = c * (Z @ (t * r))
    return loss, zr.real, -zr.imag, -ztr.real, -ztr.imag


def gd_step(a, b, w, th, t, q, rho, lr, modes=modes_exp):
    """One plain gradient-descent step; returns the loss *before* the step."""
    loss, ga, gb, gw, gth = loss_and_grad(a, b, w, th, t, q, rho, modes)
    a -= lr * ga
    b -= lr * gb
    w -= lr * gw
    th -= lr * gth
    return loss


# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

def blas_lines():
    """One line per BLAS library loaded in this process (numpy's and scipy's each bundle one)."""
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not infos:
        return ["numpy.blas internal_api=none"]
    lines = []
    for i in sorted(infos, key=lambda i: i.get("filepath", "")):
        path = i.get("filepath", "")
        owner = "numpy" if "/numpy" in path else "scipy" if "/scipy" in path else "other"
        lines.append("numpy.blas owner={} internal_api={} version={} architecture={} threading_layer={} "
                     "num_threads={}".format(owner, i.get("internal_api"), i.get("version"),
                                             i.get("architecture"), i.get("threading_layer"),
                                             i.get("num_threads")))
    return lines


def cmd_step(args):
    modes = VARIANTS[args.variant]
    t, q = uniform_grid((args.points - 1) * args.dt, args.dt)
    rho = airy_target(t, args.t0)
    theta0 = init_params(args.seed, args.modes)
    # Each block restarts from theta0 and times `inner` consecutive steps (the Java benchmark
    # restarts from theta0 every 1000 steps too, so both sides time the same trajectory).
    # The first `warmup` blocks are not recorded.
    per_step = []
    cpu_per_step = []
    for block in range(args.warmup + args.repeats):
        a, b, w, th = (v.copy() for v in theta0)
        start = time.perf_counter()
        cpu_start = time.thread_time()
        for _ in range(args.inner):
            gd_step(a, b, w, th, t, q, rho, args.lr, modes)
        if block >= args.warmup:
            per_step.append((time.perf_counter() - start) / args.inner)
            cpu_per_step.append((time.thread_time() - cpu_start) / args.inner)
    per_step = np.array(per_step) * 1e6
    cpu_per_step = np.array(cpu_per_step) * 1e6
    print("numpy.step variant={} modes={} points={} us_median={:.3f} us_min={:.3f} us_max={:.3f} "
          "cpu_us_median={:.3f} repeats={} inner={}".format(args.variant, args.modes, t.size, np.median(per_step),
                                                           per_step.min(), per_step.max(), np.median(cpu_per_step),
                                                           args.repeats, args.inner))


def serve(label, step_fn, lines=sys.stdin, inner=1000):
    """The protocol of interleave.py: warm up, say "ready", then for each line N on `lines` run N
    steps of step_fn(block_start) (block_start is True every `inner` steps, where the parameters
    restart from theta0) and answer process CPU and wall microseconds per step."""
    for i in range(2 * inner):
        step_fn(i % inner == 0)
    print("ready arm={}".format(label), flush=True)
    done = 0
    for line in lines:
        steps = int(line)
        cpu = time.process_time()
        wall = time.perf_counter()
        for _ in range(steps):
            step_fn(done % inner == 0)
            done += 1
        print("cpu_us={:.4f} wall_us={:.4f}".format(1e6 * (time.process_time() - cpu) / steps,
                                                    1e6 * (time.perf_counter() - wall) / steps), flush=True)


def cmd_serve(args):
    modes = VARIANTS[args.variant]
    t, q = uniform_grid((args.points - 1) * args.dt, args.dt)
    rho = airy_target(t, args.t0)
    theta0 = init_params(args.seed, args.modes)
    state = [None]

    def step(restart):
        if restart:
            state[0] = [v.copy() for v in theta0]
        a, b, w, th = state[0]
        gd_step(a, b, w, th, t, q, rho, args.lr, modes)

    serve("numpy-" + args.variant, step, inner=args.inner)


def train_until(t, q, rho, seed, n_modes, lr, level, max_steps, modes):
    """Plain GD from java.util.Random(seed), with the Java trainers' stopping rule: at step k the
    loss J(theta_k) is observed; stop CONVERGED if J/J_ref <= level (J_ref = 1/2 sum q rho^2), stop
    MAX_STEPS if k == max_steps, else update. Returns (k, relative loss, reason)."""
    a, b, w, th = init_params(seed, n_modes)
    j_ref = 0.5 * np.dot(q, rho * rho)
    k = 0
    while True:
        loss, ga, gb, gw, gth = loss_and_grad(a, b, w, th, t, q, rho, modes)
        rel = loss / j_ref
        if not np.isfinite(loss):
            return k, rel, "DIVERGED"
        if rel <= level:
            return k, rel, "CONVERGED"
        if k >= max_steps:
            return k, rel, "MAX_STEPS"
        a -= lr * ga
        b -= lr * gb
        w -= lr * gw
        th -= lr * gth
        k += 1


def run_sweep(args, modes, verbose):
    t, q = uniform_grid(args.tmax, args.dt)
    t0s = [float(x) for x in args.t0s.split(",")]
    seeds = list(range(args.first_seed, args.first_seed + args.seeds))
    evaluations = 0
    medians = []
    start_all = time.perf_counter()
    cpu_start = time.thread_time()
    for t0 in t0s:
        rho = airy_target(t, t0)
        steps = []
        for s in seeds:
            n, rel, reason = train_until(t, q, rho, s, args.modes, args.lr, args.level, args.max_steps, modes)
            steps.append(n)
            evaluations += n + 1  # loss-and-gradient evaluations, as counted by the Java trainers
            if verbose:
                print("numpy.sweep.run t0={:g} seed={} steps={} rel_loss={:.6e} reason={}".format(
                    t0, s, n, rel, reason))
        medians.append(float(np.median(steps)))
        if verbose:
            print("numpy.sweep.t0 t0={:g} median_steps={:g}".format(t0, medians[-1]))
    elapsed = time.perf_counter() - start_all
    cpu = time.thread_time() - cpu_start
    slope = np.polyfit(t0s, np.log(medians), 1)[0] if len(t0s) > 1 else float("nan")
    return t.size, len(t0s) * len(seeds), evaluations, elapsed, cpu, slope


def cmd_sweep(args):
    """The whole sweep, `sweep_repeats` times; the per-run lines come from the first repetition."""
    modes = VARIANTS[args.variant]
    seconds = []
    cpu_seconds = []
    for rep in range(args.sweep_repeats):
        points, runs, evaluations, elapsed, cpu, slope = run_sweep(args, modes, verbose=(rep == 0))
        seconds.append(elapsed)
        cpu_seconds.append(cpu)
    seconds = np.array(seconds)
    print("numpy.sweep variant={} modes={} points={} runs={} evaluations={} seconds_median={:.4f} "
          "seconds_min={:.4f} cpu_seconds_median={:.4f} repeats={} us_per_step={:.3f} log_steps_slope={:.4f}".format(
              args.variant, args.modes, points, runs, evaluations, np.median(seconds), seconds.min(),
              np.median(cpu_seconds), len(seconds), 1e6 * np.median(seconds) / max(evaluations, 1), slope))


def cmd_check(args):
    t, q = uniform_grid((args.points - 1) * args.dt, args.dt)
    rho = airy_target(t, args.t0)
    p = np.concatenate(init_params(args.seed, args.modes))
    m = args.modes

    def f(v):
        return loss_and_grad(v[:m], v[m:2 * m], v[2 * m:3 * m], v[3 * m:], t, q, rho, VARIANTS[args.variant])

    g = np.concatenate(f(p)[1:])
    h = 1e-6
    fd = np.array([(f(p + h * e)[0] - f(p - h * e)[0]) / (2 * h) for e in np.eye(p.size)])
    err = np.max(np.abs(g - fd)) / np.max(np.abs(fd))
    print("numpy.check max_rel_err={:.3e}".format(err))
    return 0 if err < 1e-6 else 1


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["info", "step", "sweep", "check", "serve"])
    p.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1, like the Java side)")
    p.add_argument("--variant", choices=sorted(VARIANTS), default="exp",
                   help="how exp(lambda t) is formed: exp = one complex exp per entry (idiomatic), "
                        "recurrence = cumulative product of exp(lambda dt) (the Java algorithm)")
    p.add_argument("--modes", type=int, default=None, help="complex mode pairs (step: 8, sweep: 4)")
    p.add_argument("--points", type=int, default=2000, help="grid points for step/check")
    p.add_argument("--dt", type=float, default=0.02)
    p.add_argument("--t0", type=float, default=3.0, help="Airy shift for step/check")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--warmup", type=int, default=1, help="untimed blocks before the timed ones")
    p.add_argument("--repeats", type=int, default=10, help="timed blocks")
    p.add_argument("--inner", type=int, default=1000, help="steps per block (restart from theta0)")
    p.add_argument("--tmax", type=float, default=40.0)
    p.add_argument("--t0s", default="1,2,3,4,5,6")
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--first-seed", type=int, default=0)
    p.add_argument("--level", type=float, default=0.1, help="relative loss level")
    p.add_argument("--max-steps", type=int, default=20000)
    p.add_argument("--sweep-repeats", type=int, default=3, help="how often the whole sweep is timed")
    args = p.parse_args(argv)
    if args.modes is None:
        args.modes = 4 if args.command == "sweep" else 8
    with threadpool_limits(limits=args.threads, user_api="blas"):
        for line in blas_lines():
            print(line)
        if args.command == "step":
            cmd_step(args)
        elif args.command == "serve":
            cmd_serve(args)
        elif args.command == "sweep":
            cmd_sweep(args)
        elif args.command == "check":
            return cmd_check(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
