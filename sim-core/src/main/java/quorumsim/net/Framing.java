package quorumsim.net;

/**
 * How a message crosses a link: as frames of at most {@code mtuBytes}, each carrying
 * {@code ipHeaderBytes} of network and transport headers inside the MTU and
 * {@code linkHeaderBytes} of link framing outside it. A switch stores and forwards each frame,
 * so a message of several frames is pipelined: its last bit reaches the receiver one frame's
 * time after the sender finished, not a whole message's (see {@link #pipelineTailNanos}).
 * {@link #NONE} moves each message whole with no header, the engine's model before frames.
 *
 * @param mtuBytes        largest frame above the link layer, headers included; 0 for no frames
 * @param ipHeaderBytes   headers per frame inside the MTU (IPv4 20 + UDP 8 = 28)
 * @param linkHeaderBytes framing per frame outside the MTU (Ethernet 14 + FCS 4 + preamble 8 + gap 12 = 38)
 */
public record Framing(int mtuBytes, int ipHeaderBytes, int linkHeaderBytes) {
    /** Whole messages, no headers. */
    public static final Framing NONE = new Framing(0, 0, 0);
    /** UDP over IPv4 over Ethernet with the standard 1,500-byte MTU. */
    public static final Framing UDP_ETHERNET = new Framing(1500, 28, 38);

    public Framing {
        if (mtuBytes < 0 || ipHeaderBytes < 0 || linkHeaderBytes < 0) {
            throw new IllegalArgumentException("frame sizes must not be negative");
        }
        if (mtuBytes > 0 && mtuBytes <= ipHeaderBytes) {
            throw new IllegalArgumentException("an MTU of " + mtuBytes + " B leaves no room for data after " + ipHeaderBytes
                    + " B of headers; the MTU must exceed the headers");
        }
        if (mtuBytes == 0 && (ipHeaderBytes > 0 || linkHeaderBytes > 0)) {
            throw new IllegalArgumentException("headers need frames: set an MTU, or no headers");
        }
    }

    public boolean framed() {
        return mtuBytes > 0;
    }

    /** Message bytes one frame carries. */
    int dataPerFrame() {
        return mtuBytes - ipHeaderBytes;
    }

    /** Frames a message of {@code bytes} takes (at least one, even when empty). */
    public long frames(int bytes) {
        return framed() ? Math.max(1, ((long) bytes + dataPerFrame() - 1) / dataPerFrame()) : 1;
    }

    /** Bytes on the wire for the whole message: its bytes plus every frame's headers. */
    public long wireBytes(int bytes) {
        return bytes + frames(bytes) * (ipHeaderBytes + (long) linkHeaderBytes);
    }

    /** Wire bytes of a full frame (every frame but the last); the whole message if it is one frame. */
    long firstFrameWireBytes(int bytes) {
        return frames(bytes) == 1 ? wireBytes(bytes) : mtuBytes + (long) linkHeaderBytes;
    }

    /** Wire bytes of the last frame. */
    long lastFrameWireBytes(int bytes) {
        long frames = frames(bytes);
        return frames == 1 ? wireBytes(bytes) : bytes - (frames - 1) * dataPerFrame() + ipHeaderBytes + linkHeaderBytes;
    }

    /** Time to move {@code bytes} at {@code bitsPerSec}, rounded up; 0 on an unlimited link. */
    public static long transmissionNanos(long bytes, long bitsPerSec) {
        return bitsPerSec == 0 ? 0 : (bytes * 8L * 1_000_000_000L + bitsPerSec - 1) / bitsPerSec;
    }

    /** Time the sender's NIC is busy with the message. */
    public long sendNanos(int bytes, long senderBitsPerSec) {
        return transmissionNanos(wireBytes(bytes), senderBitsPerSec);
    }

    /** Time from the sender's NIC starting the message to its first frame having left it. */
    public long firstFrameSentNanos(int bytes, long senderBitsPerSec) {
        return transmissionNanos(firstFrameWireBytes(bytes), senderBitsPerSec);
    }

    /**
     * Store and forward, frame by frame: from the moment the first frame reaches the receiver's
     * port, the soonest the last frame has crossed it, the port being free. With k frames of which
     * all but the last (size L) are full (size F), sender rate s and receiver rate r, the last
     * frame is through at the latest of three paths (max-plus over the frames; the middle frames
     * are linear in between): the whole message at r behind the first frame; k-2 frames at s then
     * the last two at r; the rest at s then the last frame at r. On equal rates that is the first
     * frame's full path plus the remaining frames at that rate.
     */
    public long pipelineTailNanos(int bytes, long senderBitsPerSec, long receiverBitsPerSec) {
        long frames = frames(bytes);
        long whole = wireBytes(bytes);
        long full = firstFrameWireBytes(bytes);
        long last = lastFrameWireBytes(bytes);
        if (frames == 1) {
            return transmissionNanos(whole, receiverBitsPerSec);
        }
        long allAtReceiver = transmissionNanos(whole, receiverBitsPerSec);
        long lastTwoAtReceiver = transmissionNanos((frames - 2) * full, senderBitsPerSec) + transmissionNanos(full + last, receiverBitsPerSec);
        long lastAtReceiver = transmissionNanos(whole - full, senderBitsPerSec) + transmissionNanos(last, receiverBitsPerSec);
        return Math.max(allAtReceiver, Math.max(lastTwoAtReceiver, lastAtReceiver));
    }
}
