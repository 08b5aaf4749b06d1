package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.core.Signature;

/**
 * Makes and checks {@link Auth}s in the configured mode, charging the CPU they cost.
 * A MAC authenticator for k receivers costs k MACs to make and one to check; a signature
 * costs one signing and one verification. Modelling note: the engine checks a MAC by value,
 * so a MAC-authenticated message forwarded in a certificate can be checked by a third
 * replica; the real MAC protocol (TOCS'02 section 3) needs extra rounds for that.
 */
public final class Authenticator {
    private final PbftConfig.Authentication mode;
    private final long macNanos;

    public Authenticator(PbftConfig config) {
        this.mode = config.authentication();
        this.macNanos = config.costs().macNanos();
    }

    /** Authenticates {@code content} for {@code receivers} receivers. */
    public Auth forReceivers(Context ctx, Object content, int receivers) {
        if (mode == PbftConfig.Authentication.SIGNATURE) {
            return signed(ctx, content);
        }
        int macs = Math.max(1, receivers);
        Signature mac = ctx.sign(content, Signature.Kind.MAC);
        ctx.chargeCpu(macNanos * (macs - 1));
        return new Auth(mac, macs * Auth.MAC_BYTES);
    }

    /** Always a signature (VIEW-CHANGE and NEW-VIEW in both modes). */
    public Auth signed(Context ctx, Object content) {
        return new Auth(ctx.sign(content, Signature.Kind.SIGNATURE), Auth.SIGNATURE_BYTES);
    }

    public boolean verify(Context ctx, Auth auth, int signer, Object content) {
        return auth != null && ctx.verify(auth.signature(), signer, content);
    }
}
