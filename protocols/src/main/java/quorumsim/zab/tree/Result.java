package quorumsim.zab.tree;

import java.util.List;

/**
 * What a call returns.
 *
 * @param code      OK or the error
 * @param path      create: the name actually created (with the sequence suffix)
 * @param value     getData: the data's value; createSession: the session id
 * @param dataBytes getData: its size
 * @param version   the znode's data version (stat.version) for getData, exists, setData
 * @param children  getChildren: sorted names
 */
public record Result(Code code, String path, long value, int dataBytes, int version, List<String> children) {
    public static Result error(Code code) {
        return new Result(code, "", 0, 0, -1, List.of());
    }

    public static Result ok() {
        return new Result(Code.OK, "", 0, 0, -1, List.of());
    }

    public boolean ok(Code expected) {
        return code == expected;
    }

    public int sizeBytes() {
        int bytes = 16 + path.length() + dataBytes;
        for (String c : children) {
            bytes += 4 + c.length();
        }
        return bytes;
    }
}
