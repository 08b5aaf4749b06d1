package quorumsim.core;

/**
 * A signature or MAC that only the engine makes, and only for the signing node's own
 * identity ({@link Context#sign}): a Byzantine node can sign what it likes as itself, replay
 * what it saw, or attach a signature over other content, but it cannot make one that
 * verifies as another node's. Verification compares the signed content by value.
 */
public final class Signature {
    /** Signatures (expensive, transferable) or MACs/authenticators (cheap, point to point). */
    public enum Kind { SIGNATURE, MAC }

    private final int signer;
    private final Object content;
    private final Kind kind;

    Signature(int signer, Object content, Kind kind) {
        this.signer = signer;
        this.content = content;
        this.kind = kind;
    }

    public int signer() {
        return signer;
    }

    public Kind kind() {
        return kind;
    }

    /** True when this was made by {@code claimedSigner} over content equal to {@code content}. */
    boolean matches(int claimedSigner, Object content) {
        return signer == claimedSigner && this.content.equals(content);
    }

    @Override
    public String toString() {
        return kind + "(" + signer + ")";
    }
}
