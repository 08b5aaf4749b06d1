package quorumsim.pbft;

import quorumsim.core.Signature;

/**
 * What authenticates a message on the wire: the engine's signature (only the sender can
 * make it) and the bytes it takes. With MACs an authenticator holds one 10-byte MAC per
 * receiver (OSDI'99: 30 * floor((n-1)/3) bytes for a multicast to n-1 backups); a
 * signature takes 128 bytes (1024-bit RSA, as in the paper).
 */
public record Auth(Signature signature, int sizeBytes) {
    public static final int MAC_BYTES = 10;
    public static final int SIGNATURE_BYTES = 128;
}
