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

    /**
     * {@code message} as sent: its unsigned form carrying an authenticator for
     * {@code receivers} receivers made over that form (one place builds a signed message).
     */
    public <M extends Messages> M sign(Context ctx, M message, int receivers) {
        Messages unsigned = message.unsigned();
        return sameType(message, unsigned.withAuth(forReceivers(ctx, unsigned, receivers)));
    }

    /** {@code message} as sent with a signature in both modes (VIEW-CHANGE and NEW-VIEW). */
    public <M extends Messages> M signWithSignature(Context ctx, M message) {
        Messages unsigned = message.unsigned();
        return sameType(message, unsigned.withAuth(signed(ctx, unsigned)));
    }

    /** Each record's {@code withAuth} returns its own type; this states it once, loudly. */
    @SuppressWarnings("unchecked")
    private static <M extends Messages> M sameType(M message, Messages signed) {
        if (signed.getClass() != message.getClass()) {
            throw new IllegalStateException(message.getClass().getSimpleName() + ".withAuth returned "
                    + signed.getClass().getSimpleName());
        }
        return (M) signed;
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
