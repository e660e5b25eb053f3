package org.plumly.demo;

/** 18-character Salesforce ids: key prefix, a fixed pod part, a base-62 serial, and the case-safe suffix. */
final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final String prefix;
    private final long offset;
    private long next;

    /** @param prefix the object's key prefix, such as {@code 006} */
    SalesforceIds(String prefix, long offset) {
        this.prefix = prefix;
        this.offset = offset;
    }

    String next() {
        // A large odd step scatters consecutive serials over the space, as real ids look.
        long serial = Math.floorMod(offset + next++ * 104_729L * 7_919L, 56_800_235_584L); // 62^6
        StringBuilder id = new StringBuilder(prefix).append("8d0000");
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (serial % 62));
            serial /= 62;
        }
        id.append(digits);
        return withSuffix(id.toString());
    }

    /** Salesforce's suffix: for each five characters, a bit per upper-case letter, as one of 32 characters. */
    static String withSuffix(String id15) {
        StringBuilder id = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX.charAt(bits));
        }
        return id.toString();
    }
}
