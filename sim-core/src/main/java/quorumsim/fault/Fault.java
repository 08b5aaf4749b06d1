package quorumsim.fault;

/** Something the fault timeline does to the run at a given time. */
public sealed interface Fault {
    /** Short label for charts and traces. */
    String label();

    /**
     * The node's process stops; its volatile state, queued work and timers are lost. Its machine
     * still answers: over connections, its peers see a reset and a connect to it is refused.
     */
    record Crash(Target target) implements Fault {
        public String label() {
            return "crash " + target;
        }
    }

    /**
     * The node's machine vanishes (power cut, kernel panic, a VM gone): as a crash, its volatile
     * state is lost, but nothing answers for it, so its peers' connections neither reset nor
     * are refused; they learn only by their own timeouts. Recover powers it on again.
     */
    record PowerOff(Target target) implements Fault {
        public String label() {
            return "power-off " + target;
        }
    }

    /** A crashed or powered-off node restarts from its stable storage, with no connections. */
    record Recover(Target target) implements Fault {
        public String label() {
            return "recover " + target;
        }
    }

    /** The node stops processing (a GC pause, a stalled VM); its queue grows. */
    record Pause(Target target) implements Fault {
        public String label() {
            return "pause " + target;
        }
    }

    record Resume(Target target) implements Fault {
        public String label() {
            return "resume " + target;
        }
    }

    /** Cuts every link between nodes of different groups, both ways. */
    record Partition(int[][] groups) implements Fault {
        public String label() {
            return "partition " + java.util.Arrays.deepToString(groups);
        }
    }

    /** Cuts the one link from -> to. */
    record OneWayCut(int from, int to) implements Fault {
        public String label() {
            return "cut " + from + "->" + to;
        }
    }

    /** Cuts the target from everyone, both ways. */
    record Isolate(Target target) implements Fault {
        public String label() {
            return "isolate " + target;
        }
    }

    /** Heals every partition, cut and isolation in force. */
    record Heal() implements Fault {
        public String label() {
            return "heal";
        }
    }

    record ClockJump(Target target, long jumpNanos) implements Fault {
        public String label() {
            return "clock jump " + target;
        }
    }

    record ClockDrift(Target target, double driftPpm) implements Fault {
        public String label() {
            return "clock drift " + target;
        }
    }

    /** Adds {@code extraNanos} to every message to or from the target for {@code durationNanos}. */
    record DelaySpike(Target target, long extraNanos, long durationNanos) implements Fault {
        public DelaySpike {
            if (extraNanos < 0 || durationNanos < 0) {
                throw new IllegalArgumentException("a delay spike adds latency for a while: extra " + extraNanos
                        + "ns and duration " + durationNanos + "ns must not be negative");
            }
        }

        public String label() {
            return "delay spike " + target;
        }
    }

    /** Switches a protocol-defined Byzantine behaviour on or off. */
    record Byzantine(Target target, String behaviour, boolean enabled) implements Fault {
        public String label() {
            return "byzantine " + behaviour + (enabled ? " on " : " off ") + target;
        }
    }
}
