package quorumsim.zab;

/** A vote in fast leader election: a candidate and the (epoch, zxid) it claims. */
public record Vote(int leader, long zxid, long epoch) {
    /** The era's total order: higher epoch, then higher zxid, then higher server id. */
    public boolean beats(Vote other) {
        if (epoch != other.epoch) {
            return epoch > other.epoch;
        }
        if (zxid != other.zxid) {
            return zxid > other.zxid;
        }
        return leader > other.leader;
    }
}
