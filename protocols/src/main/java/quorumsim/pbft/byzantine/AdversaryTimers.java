package quorumsim.pbft.byzantine;

import quorumsim.pbft.Messages;

/** The timers only Byzantine replicas set: honest PBFT never sees them. */
final class AdversaryTimers {
    private AdversaryTimers() {
    }

    /** A slow primary lets a held-back message go. */
    record Release(int to, Messages message) {
    }

    /** A spamming replica sends its next bogus VIEW-CHANGE. */
    record SpamTick() {
    }
}
