package org.curseofmemory.train.sequence;

/** See {@link TargetFunctional#ofRnn}: a fixed teacher network with fixed parameters. */
final class RnnTarget implements TargetFunctional {
    private final DiscreteRnn teacher;
    private final double[] theta;

    /** @param theta checked and copied by the caller */
    RnnTarget(DiscreteRnn teacher, double[] theta) {
        this.teacher = teacher;
        this.theta = theta;
    }

    @Override
    public int inputDimension() {
        return teacher.inputDimension();
    }

    @Override
    public double dt() {
        return teacher.dt();
    }

    @Override
    public String name() {
        return "teacher " + teacher.name();
    }

    @Override
    public double[] outputs(double[] input) {
        return teacher.outputs(theta, input);
    }

    /** Multiply-adds per time step of {@link #outputs}: m·(m + d) for the recurrence, m for the read-out. */
    double workPerStep() {
        double m = teacher.width();
        return m * (m + teacher.inputDimension() + 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
