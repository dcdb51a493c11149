#!/usr/bin/env bash
# Java (JMH) against NumPy on the same two workloads (see benchmarks/README.md):
#   1. one gradient step of the complex-mode model, 8 mode pairs, 2000 grid points;
#   2. the whole Airy plateau sweep (t0 = 1..6, 5 seeds, 4 pairs, plain GD until rel. loss <= 0.1).
# The step is also timed in CPU time by interleaved rounds of Java, NumPy (recurrence, exp) and
# JAX (jit, float64) (interleave.py), which prints the host CPU, its vector width, the BLAS kernel
# and one "target ...: MET/MISSED" line per goal of the step; then the time from kernel start to the
# first figure of notebook 00 (first_figure.py), the kernel's memory (kernel_memory.py) and the test
# loop (test_loop.py: the notebook/export/browser tests and a fresh clone's ./kit test; not with
# --quick), each with its target line.
# Builds lib + benchmarks (no tests), makes benchmarks/.venv from numpy/requirements.txt if needed,
# runs both sides, checks that they did the same work, prints a side-by-side table and the ratios
# NumPy time / Java time.
#
# Usage: benchmarks/run.sh [--quick]      (--quick: short JMH and NumPy runs, for trying it out)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
VENV="$HERE/.venv"
OUT="$HERE/target/run"
QUICK=0
if [[ "${1:-}" == "--quick" ]]; then
  QUICK=1
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi
mkdir -p "$OUT"

echo "== build (lib + benchmarks, tests skipped)"
(cd "$ROOT" && ./mvnw -q -B -ntp -pl lib,benchmarks -am package -DskipTests)
CP="$HERE/target/classes:$(cat "$HERE/target/benchmarks.classpath")"

echo "== NumPy environment ($VENV)"
if [[ ! -x "$VENV/bin/python" ]]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/numpy/requirements.txt"
PY="$VENV/bin/python"

if [[ $QUICK == 1 ]]; then
  NP_STEP_ARGS=(--warmup 1 --repeats 3)
  NP_SWEEP_ARGS=(--sweep-repeats 1)
  JMH_ARGS=(-wi 2 -i 3 -w 1 -r 1)
  IL_ARGS=(--rounds 3 --seconds 0.2)
else
  IL_ARGS=(--rounds 7 --seconds 0.4)
  NP_STEP_ARGS=()
  NP_SWEEP_ARGS=()
  JMH_ARGS=()
fi

# OpenBLAS variables set on these machines for old OpenBLAS builds slow a current NumPy: unset
# them for the NumPy commands only; threadpoolctl reports the kernel that then runs.
numpy_bench() {
  (cd "$HERE/numpy" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" bench.py "$@")
}

echo "== NumPy: one step (exp and recurrence variants), whole sweep (both variants)"
numpy_bench step --variant exp "${NP_STEP_ARGS[@]}" | tee "$OUT/numpy-step-exp.txt"
numpy_bench step --variant recurrence "${NP_STEP_ARGS[@]}" | tee "$OUT/numpy-step-recurrence.txt"
numpy_bench sweep --variant exp "${NP_SWEEP_ARGS[@]}" > "$OUT/numpy-sweep-exp.txt"
tail -n 1 "$OUT/numpy-sweep-exp.txt"
numpy_bench sweep --variant recurrence "${NP_SWEEP_ARGS[@]}" > "$OUT/numpy-sweep-recurrence.txt"
tail -n 1 "$OUT/numpy-sweep-recurrence.txt"

echo "== Java: sweep report (same work?) and JMH"
java -cp "$CP" org.curseofmemory.benchmarks.SweepReport --cpu > "$OUT/java-sweep.txt"
tail -n 2 "$OUT/java-sweep.txt"
java -cp "$CP" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -p threads=1 -rf json -rff "$OUT/jmh.json" \
  'org.curseofmemory.benchmarks.*' > "$OUT/jmh.txt" 2>&1 || { cat "$OUT/jmh.txt"; exit 1; }
grep -A4 '^Benchmark ' "$OUT/jmh.txt" || true

echo "== one step, interleaved CPU-time rounds: Java, NumPy recurrence, NumPy exp, JAX"
"$PY" "$HERE/interleave.py" --classpath "$CP" "${IL_ARGS[@]}" > "$OUT/interleaved.txt"

echo "== summary"
"$PY" - "$OUT" <<'PYEOF'
import json, os, platform, re, subprocess, sys, datetime

out = sys.argv[1]

def kv(path, tag, must=""):
    """key=value pairs of the last line starting with `tag ` (and containing `must`) in a file."""
    found = None
    with open(path) as f:
        for line in f:
            if line.startswith(tag + " ") and must in line:
                found = dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)
    if found is None:
        sys.exit("no '%s' line in %s" % (tag, path))
    return found

def runs(path, tag):
    with open(path) as f:
        return [re.sub(r"rel_loss=\S+ ", "", l.split(" ", 1)[1]).strip() for l in f if l.startswith(tag + " ")]

step_exp_kv = kv(out + "/numpy-step-exp.txt", "numpy.step")
step_rec_kv = kv(out + "/numpy-step-recurrence.txt", "numpy.step")
step_exp = float(step_exp_kv["us_median"])
step_rec = float(step_rec_kv["us_median"])
sweep_exp = kv(out + "/numpy-sweep-exp.txt", "numpy.sweep")
sweep_rec = kv(out + "/numpy-sweep-recurrence.txt", "numpy.sweep")
java_sweep = kv(out + "/java-sweep.txt", "java.sweep")
jmh = {r["benchmark"].rsplit(".", 1)[-1]: r["primaryMetric"] for r in json.load(open(out + "/jmh.json"))}
java_step = jmh["gradientStep"]["score"]
java_step_err = jmh["gradientStep"]["scoreError"]
java_sweep_ms = jmh["wholeSweep"]["score"]
java_sweep_err = jmh["wholeSweep"]["scoreError"]
sweep_exp_ms = 1e3 * float(sweep_exp["seconds_median"])
sweep_rec_ms = 1e3 * float(sweep_rec["seconds_median"])

same = (runs(out + "/java-sweep.txt", "java.sweep.run") == runs(out + "/numpy-sweep-recurrence.txt", "numpy.sweep.run")
        == runs(out + "/numpy-sweep-exp.txt", "numpy.sweep.run"))
blas = kv(out + "/numpy-step-exp.txt", "numpy.blas", "owner=numpy")
cpu = "?"
try:
    with open("/proc/cpuinfo") as f:
        cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
except (OSError, StopIteration):
    pass
java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]

print("date=%s machine=%s cores=%d load_1min=%.2f" % (datetime.date.today(), cpu.replace(" ", "_"),
                                                     os.cpu_count(), os.getloadavg()[0]))
print("python=%s numpy_blas=%s-%s-%s threads=%s java=%s" % (
    platform.python_version(), blas.get("internal_api"), blas.get("version"), blas.get("architecture"),
    blas.get("num_threads"), java_version.replace(" ", "_")))
print("same_sweep_work=%s java_evaluations=%s numpy_evaluations=%s java_slope=%s numpy_slope=%s" % (
    "yes" if same else "NO", java_sweep["evaluations"], sweep_rec["evaluations"],
    java_sweep["log_steps_slope"], sweep_rec["log_steps_slope"]))
print()
fmt = "%-34s %-4s %12s %12s %18s %10s %10s"
print(fmt % ("workload", "unit", "numpy-exp", "numpy-rec", "java (JMH +-99.9%)", "exp/java", "rec/java"))
print(fmt % ("one GD step, 8 pairs x 2000 pts", "us", "%.1f" % step_exp, "%.1f" % step_rec,
             "%.1f +- %.1f" % (java_step, java_step_err), "%.2f" % (step_exp / java_step),
             "%.2f" % (step_rec / java_step)))
print(fmt % ("plateau sweep, 30 runs, 4 pairs", "ms", "%.1f" % sweep_exp_ms, "%.1f" % sweep_rec_ms,
             "%.1f +- %.1f" % (java_sweep_ms, java_sweep_err), "%.2f" % (sweep_exp_ms / java_sweep_ms),
             "%.2f" % (sweep_rec_ms / java_sweep_ms)))
print()
best = min(step_exp, step_rec)
print("ratio.step numpy_best_over_java=%.2f" % (best / java_step))
print("ratio.sweep numpy_best_over_java=%.2f" % (min(sweep_exp_ms, sweep_rec_ms) / java_sweep_ms))
print()
# CPU time: insensitive to other jobs on a shared machine (wall time above is what JMH reports).
cpu = kv(out + "/java-sweep.txt", "java.cpu")
c_step = float(cpu["step_us_median"])
c_sweep = float(cpu["sweep_ms_median"])
c_step_exp = float(step_exp_kv["cpu_us_median"])
c_step_rec = float(step_rec_kv["cpu_us_median"])
c_sweep_exp = 1e3 * float(sweep_exp["cpu_seconds_median"])
c_sweep_rec = 1e3 * float(sweep_rec["cpu_seconds_median"])
print("CPU time (thread/process CPU, single thread, medians):")
print(fmt % ("workload", "unit", "numpy-exp", "numpy-rec", "java", "exp/java", "rec/java"))
print(fmt % ("one GD step, 8 pairs x 2000 pts", "us", "%.1f" % c_step_exp, "%.1f" % c_step_rec, "%.1f" % c_step,
             "%.2f" % (c_step_exp / c_step), "%.2f" % (c_step_rec / c_step)))
print(fmt % ("plateau sweep, 30 runs, 4 pairs", "ms", "%.1f" % c_sweep_exp, "%.1f" % c_sweep_rec, "%.1f" % c_sweep,
             "%.2f" % (c_sweep_exp / c_sweep), "%.2f" % (c_sweep_rec / c_sweep)))
c_best = min(c_step_exp, c_step_rec)
print("ratio.cpu.step numpy_best_over_java=%.2f" % (c_best / c_step))
print("ratio.cpu.sweep numpy_best_over_java=%.2f" % (min(c_sweep_exp, c_sweep_rec) / c_sweep))
PYEOF
echo
echo "== one step, interleaved CPU-time rounds (goals: step <= 14 us, >= 9x NumPy recurrence)"
cat "$OUT/interleaved.txt"

echo
echo "== first figure of notebook 00 after kernel start (goal: <= 4 s; the kit's kernel and JVM options)"
# kit_setup exports what the kit's lab uses: its kernelspec (JUPYTER_PATH) and JJAVA_JVM_OPTS
(cd "$ROOT" && KIT_ROOT="$ROOT" && source environment/setup.sh && kit_setup >/dev/null \
  && "$KIT_VENV/bin/python" benchmarks/first_figure.py --rounds "$([[ $QUICK == 1 ]] && echo 2 || echo 5)")

echo
echo "== kernel memory: notebook 07, the JVM's defaults against the kit's options (goal: >= 30 % less resident memory at equal speed)"
(cd "$ROOT" && KIT_ROOT="$ROOT" && source environment/setup.sh && unset JJAVA_JVM_OPTS && kit_setup >/dev/null \
  && "$KIT_VENV/bin/python" benchmarks/kernel_memory.py --rounds "$([[ $QUICK == 1 ]] && echo 1 || echo 2)" --kit-opts "$JJAVA_JVM_OPTS")

echo
echo "== test loop (goals: notebook/export/browser tests <= 150 s of pytest wall time; fresh-clone ./kit test without the server tier <= 240 s)"
if [[ $QUICK == 1 ]]; then
  echo "target notebook/export/browser tests <= 150 s: not measured with --quick"
  echo "target fresh-clone ./kit test without the server tier <= 240 s: not measured with --quick"
else
  (cd "$ROOT" && KIT_ROOT="$ROOT" && source environment/setup.sh && kit_setup --with-browser >/dev/null \
    && "$KIT_VENV/bin/python" benchmarks/test_loop.py)
fi
