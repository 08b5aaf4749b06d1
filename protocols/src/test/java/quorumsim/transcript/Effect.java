package quorumsim.transcript;

/** Something a replica did through its context during one step, in the order it did it. */
sealed interface Effect {
    /** The kind a {@code show} line names: sends, timers, persists, observations or closes. */
    String kind();

    /** The class whose simple name a {@code show} filter matches. */
    Object subject();

    record Send(int to, Object message) implements Effect {
        public String kind() {
            return "sends";
        }

        public Object subject() {
            return message;
        }
    }

    record Multicast(int[] to, Object message) implements Effect {
        public String kind() {
            return "sends";
        }

        public Object subject() {
            return message;
        }
    }

    record TimerSet(Object timer, long delayNanos) implements Effect {
        public String kind() {
            return "timers";
        }

        public Object subject() {
            return timer;
        }
    }

    record TimerCancelled(Object timer) implements Effect {
        public String kind() {
            return "timers";
        }

        public Object subject() {
            return timer;
        }
    }

    /** A disk write; {@code device} names where it goes (the log unless shown). */
    record Persist(quorumsim.disk.DiskDevice device, Object token) implements Effect {
        public String kind() {
            return "persists";
        }

        public Object subject() {
            return token;
        }
    }

    record Observe(Object event) implements Effect {
        public String kind() {
            return "observations";
        }

        public Object subject() {
            return event;
        }
    }

    /** The replica closed its connection to {@code peer} (its own timeout gave up on it). */
    record Close(Integer peer) implements Effect {
        public String kind() {
            return "closes";
        }

        public Object subject() {
            return peer;
        }
    }
}
