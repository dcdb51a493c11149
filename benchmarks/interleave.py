"""One gradient step (8 mode pairs, 2000 points), timed in CPU time by interleaved rounds of four
arms: Java (StepServer), NumPy `recurrence`, NumPy `exp`, and JAX (jit, float64).

Every arm is a long-lived process that warms up once and then, on request, runs N steps and
answers its CPU time per step (process CPU in Python, bench.serve; the stepping thread's CPU in
Java, StepServer). Round r asks every arm once, in an order rotated by r, so that load from other jobs falls on all arms alike; a ratio is taken
inside each round (arm / Java) and the median over rounds is reported. Prints key=value lines and
one target line per goal of the step (met or missed, with figures).

    .venv/bin/python interleave.py --classpath CP [--rounds 7] [--seconds 0.4]
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NUMPY_DIR = os.path.join(HERE, "numpy")

MODES = 8
POINTS = 2000
LANES = 64  # ComplexModesModel.LANES
BLOCKS = 4  # ComplexModesModel.BLOCKS (blocks per pass; the grid is padded to BLOCKS * LANES points)
TARGET_STEP_US = 14.0
TARGET_RATIO_RECURRENCE = 9.0


def cpu_info():
    """Model name and SIMD width in bits from /proc/cpuinfo (avx512f: 512, avx2: 256, sse2: 128)."""
    model, flags = "?", set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and model == "?":
                    model = line.split(":", 1)[1].strip()
                elif line.startswith("flags") and not flags:
                    flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    width = 512 if "avx512f" in flags else 256 if "avx2" in flags else 128 if "sse2" in flags else 0
    return model, width, "fma" in flags


def step_flops(modes=MODES, points=POINTS, lanes=LANES, blocks=BLOCKS):
    """Floating-point operations of one Java step (a multiplication and an addition count 1 each; the
    JIT emits no FMA for Java's a * b + c). Per mode and padded point: 4 for the misfit rho - rho_hat,
    8 for the gradient lane sums; per padded point 4 for the weighted misfit, its product with t and
    the loss; per mode and lane 6 for the powers e^{lambda j h} and 16 for the final sums; per mode
    and block 12 for the block start value and its product with a + ib."""
    padded = -(-points // (lanes * blocks)) * lanes * blocks
    return 12 * modes * padded + 4 * padded + 22 * modes * lanes + 12 * modes * (padded // lanes)


class Arm:
    def __init__(self, name, cmd, cwd, env):
        self.name = name
        self.info = []
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("arm %s stopped before it was ready" % name)
            if line.startswith("ready "):
                break
            self.info.append(line.strip())

    def run(self, steps):
        self.proc.stdin.write("%d\n" % steps)
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit("arm %s stopped" % self.name)
        kv = dict(p.split("=", 1) for p in line.split())
        return float(kv["cpu_us"]), float(kv["wall_us"])

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--classpath", required=True, help="Java classpath with the benchmarks and the library")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--seconds", type=float, default=0.4, help="CPU seconds per arm and round (about)")
    args = p.parse_args(argv)

    # NumPy and JAX without the OpenBLAS overrides set on some of our machines (this command only)
    py_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    py = sys.executable
    arms = [
        Arm("java", ["java", "-Xms512m", "-Xmx512m", "-cp", args.classpath,
                     "org.curseofmemory.benchmarks.StepServer"], HERE, dict(os.environ)),
        Arm("numpy-recurrence", [py, "bench.py", "serve", "--variant", "recurrence"], NUMPY_DIR, py_env),
        Arm("numpy-exp", [py, "bench.py", "serve", "--variant", "exp"], NUMPY_DIR, py_env),
        Arm("jax", [py, "jax_step.py", "serve"], NUMPY_DIR, py_env),
    ]
    try:
        steps = {}
        for arm in arms:  # size the requests: about args.seconds per request (wall time of a short trial)
            _, per_step = arm.run(2000 if arm.name == "java" else 50)
            steps[arm.name] = max(20, int(args.seconds * 1e6 / max(per_step, 1.0)))
        cpu = {a.name: [] for a in arms}
        wall = {a.name: [] for a in arms}
        for r in range(args.rounds):
            order = arms[r % len(arms):] + arms[:r % len(arms)]
            for arm in order:
                c, w = arm.run(steps[arm.name])
                cpu[arm.name].append(c)
                wall[arm.name].append(w)
    finally:
        for arm in arms:
            arm.close()

    model, width, fma = cpu_info()
    print("host cpu=%s vector_bits=%d fma=%s cores=%d load_1min=%.2f" % (
        model.replace(" ", "_"), width, "yes" if fma else "no", os.cpu_count(), os.getloadavg()[0]))
    seen = set()
    for arm in arms:
        for line in arm.info:
            if (line.startswith("numpy.blas owner=numpy") or line.startswith("jax.version")) and line not in seen:
                seen.add(line)
                print(line)
    java = cpu["java"]
    for arm in arms:
        name = arm.name
        ratios = [c / j for c, j in zip(cpu[name], java)]
        print("interleaved.step arm=%s steps_per_round=%d rounds=%d cpu_us_median=%.2f cpu_us_min=%.2f "
              "wall_us_median=%.2f over_java_median=%.2f" % (
                  name, steps[name], args.rounds, statistics.median(cpu[name]), min(cpu[name]),
                  statistics.median(wall[name]), statistics.median(ratios)))
    java_us = statistics.median(java)
    flops = step_flops()
    print("java.step flops=%d cpu_us_median=%.2f gflops=%.2f" % (flops, java_us, flops / java_us / 1e3))
    rec = statistics.median([c / j for c, j in zip(cpu["numpy-recurrence"], java)])
    print("target step<=%gus: %s (Java step %.2f us CPU, median of %d interleaved rounds)" % (
        TARGET_STEP_US, "MET" if java_us <= TARGET_STEP_US else "MISSED", java_us, args.rounds))
    print("target >=%gx numpy-recurrence: %s (%.2fx, median of per-round CPU-time ratios)" % (
        TARGET_RATIO_RECURRENCE, "MET" if rec >= TARGET_RATIO_RECURRENCE else "MISSED", rec))
    return 0


if __name__ == "__main__":
    sys.exit(main())
